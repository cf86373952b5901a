"""The app's screens: one per view, plus the case-error screen and dialogs."""
