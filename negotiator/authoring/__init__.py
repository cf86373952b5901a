"""Case authoring: start a case, keep it in a spreadsheet or DataFrames, and bring it back."""
