"""The case file: schema models (one module per section), the one guarded YAML reader, loading and editing."""
