"""Case authoring: start a case, keep it in a spreadsheet or in DataFrames, and bring it back.

- :func:`new_case` (``negotiator new``): a commented template, or a copy of the bundled case.
- :func:`export_workbook` / :func:`import_workbook` (``negotiator export`` / ``import``):
  the case as an .xlsx workbook and back, validated exactly like a YAML case.
- :func:`merge_scores_csv` (``negotiator import scores.csv --into CASE``): paste a score matrix.
- :func:`case_to_frames` / :func:`case_from_frames`: the case as pandas DataFrames and back.

Heavy libraries (openpyxl, pandas) are imported inside the functions.
"""

from __future__ import annotations

from negotiator.authoring.csv_import import MergeReport, ScoreChange, merge_scores_csv, read_scores_csv
from negotiator.authoring.frames import FRAME_NAMES, case_from_frames, case_to_frames, case_to_yaml
from negotiator.authoring.layout import REQUIRED_SHEETS, SHEET_ORDER, case_to_tables, tables_to_data
from negotiator.authoring.template import new_case, template_text
from negotiator.authoring.workbook import ImportedCase, export_workbook, import_workbook, workbook_bytes, write_imported_yaml

__all__ = [
    "new_case",
    "template_text",
    "export_workbook",
    "workbook_bytes",
    "import_workbook",
    "write_imported_yaml",
    "ImportedCase",
    "merge_scores_csv",
    "read_scores_csv",
    "MergeReport",
    "ScoreChange",
    "case_to_frames",
    "case_from_frames",
    "case_to_yaml",
    "case_to_tables",
    "tables_to_data",
    "FRAME_NAMES",
    "SHEET_ORDER",
    "REQUIRED_SHEETS",
]
