"""Every word a user sees, in English and Chinese."""
