"""Turning results into what people read: terminal tables, CSV/JSON/Markdown text, charts, spreadsheet-safe cells."""
