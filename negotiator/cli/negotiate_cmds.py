"""Commands of this group register on `negotiator.cli.app` (added as the capability lands)."""
