"""CSV and XLSX cells that Excel and LibreOffice open as what they are.

Every CSV writer of negotiator goes through :func:`csv_writer` (and writes its
``#`` provenance lines with :func:`comment_lines`), so the rules below hold
for every command at once:

- **Numbers are plain decimals.** An exact fraction such as ``Fraction(1, 3)``
  is written as ``0.3333333333333333`` (the nearest double, shortest repr: exact
  to far better than 1e-12). A bare ``1/3`` in a CSV cell is opened as the date
  3 January by Excel and LibreOffice.
- **Exact fractions, where an output shows them, go in a separate column**
  (named ``exact:<column>``) written by :func:`exact_text` with the FRACTION
  SLASH U+2044 and the MINUS SIGN U+2212: ``−1⁄4``. No spreadsheet reads
  U+2044 as a date separator nor U+2212 as the start of a formula, so the
  cell stays the text a reader expects; scripts wanting exact values read the
  JSON output (``"-1/4"``), which :func:`fractions.Fraction` parses directly.
- **Text cells are guarded** (OWASP, "CSV Injection"): a text cell that starts
  with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or their
  full-width forms, which some East Asian Excel set-ups fold to ASCII) gets a
  leading apostrophe, so a label typed into a case file as
  ``=HYPERLINK(...)`` is shown, never run. Text that a spreadsheet would turn
  into something else (``1-2`` and ``MAR1`` into dates, ``12:30`` into a
  time, ``007`` into 7, a 16+ digit id into a rounded number, ``50%`` into
  0.5) is guarded the same way, and so is a text that itself starts with an
  apostrophe. :func:`unguard` strips the apostrophe again for scripts
  (``unguard(text_cell(t)) == t`` for every text).
- A text that *is* a plain number (``-0.25``, ``1.5e-16``) is left alone: it
  is a number, a spreadsheet reads it as one, and it cannot run anything.

Locale: the CSV uses ``,`` between cells and ``.`` in decimals. Where the
spreadsheet's locale uses a decimal comma, open it through the import dialog
(LibreOffice: "Text Import", Excel: "Data > From Text/CSV") or use the
memo's .xlsx, whose numbers are numeric cells.
"""

from __future__ import annotations

import csv
import math
import numbers
import re
from fractions import Fraction
from typing import Any, Iterable

__all__ = [
    "FORMULA_STARTS",
    "csv_writer",
    "csv_cell",
    "number_text",
    "text_cell",
    "exact_text",
    "comment_lines",
    "unguard",
    "read_exact",
    "looks_converted",
    "keep_xlsx_text",
]

#: First characters that make a spreadsheet evaluate a cell (OWASP CSV injection list,
#: plus full-width forms).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")

_GUARD = "'"

# A plain decimal number as negotiator writes one: a spreadsheet reads it as that number.
_PLAIN_NUMBER = re.compile(r"^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# Text a spreadsheet converts on opening (case-insensitive). Each pattern names what it becomes.
_CONVERTED = [
    re.compile(r"^\d{1,4}\s*[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{1,4})?$"),  # 1-2, 1/3, 2025-03-16, 1.2.3: a date
    re.compile(rf"^\d{{1,4}}[-/ ]?{_MONTH}(?:[-/ ]?\d{{1,4}})?$", re.I),  # 1-mar, 16 March 2025: a date
    re.compile(rf"^{_MONTH}[-/ ]?\d{{1,4}}(?:[-/ ,]+\d{{1,4}})?$", re.I),  # MAR1, Sept2, Dec-25: a date
    re.compile(r"^\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?$", re.I),  # 12:30: a time
    re.compile(r"^\d+\s+\d+/\d+$"),  # 1 1/2: a mixed number
    re.compile(r"^-?[$€£¥]?\d[\d,]*(?:\.\d+)?\s*%?$"),  # 1,000 / $5 / 50%: a number
    re.compile(r"^\(\d+(?:\.\d+)?\)$"),  # (5): the accounting negative -5
    re.compile(r"^0\d+(?:\.\d*)?$"),  # 007: leading zeros dropped
    re.compile(r"^-?\d{16,}$"),  # a long id: rounded to 15 digits
]


def looks_converted(text: str) -> bool:
    """True when a spreadsheet would open ``text`` as a date, time or number it is not."""
    t = text.strip()
    if _PLAIN_NUMBER.match(t):
        # A decimal is read as the number it is (beyond 15 digits a spreadsheet rounds
        # the last one, which repr-exact output accepts). Only integer-looking ids lose
        # something: leading zeros, or digits past the 15th.
        integer = re.fullmatch(r"-?\d+", t)
        return bool(integer) and (bool(re.match(r"^-?0\d", t)) or len(t.lstrip("-")) > 15)
    return any(p.match(t) for p in _CONVERTED)


def number_text(value: Any) -> str:
    """A number as a plain decimal (no fraction, no thousands separator, no locale)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        return repr(float(value))
    if isinstance(value, numbers.Integral):
        return str(int(value))
    x = float(value)
    if math.isnan(x):
        return ""
    return repr(x)


def text_cell(text: str) -> str:
    """A text cell a spreadsheet shows as written: formula starts and convertible text get an apostrophe."""
    if not text:
        return text
    if _PLAIN_NUMBER.match(text) and not looks_converted(text):
        return text
    # A text that already starts with an apostrophe gets one more, so unguard() gives it back unchanged.
    if text.startswith(FORMULA_STARTS + (_GUARD,)) or looks_converted(text):
        return _GUARD + text
    return text


def csv_cell(value: Any) -> str:
    """Any value as a spreadsheet-safe CSV cell."""
    if value is None:
        return ""
    if isinstance(value, str):
        return text_cell(value)
    if isinstance(value, (numbers.Number, Fraction)):
        return number_text(value)
    return text_cell(str(value))


def exact_text(value: Fraction | int) -> str:
    """An exact rational for a spreadsheet reader: ``−1⁄4`` (U+2212, U+2044); integers plain.

    Why not ``-1/4``: ``1/4`` opens as 1 April, and ``-1/4`` as a formula.
    Why not ``'1/4``: the apostrophe would show. U+2044 is the typographic
    fraction slash, read as text everywhere; the JSON output keeps ``"-1/4"``.
    """
    v = Fraction(value)
    if v.denominator == 1:
        return str(v.numerator)
    sign = "\u2212" if v < 0 else ""
    return f"{sign}{abs(v.numerator)}\u2044{v.denominator}"


def unguard(cell: str) -> str:
    """Undo :func:`text_cell` for scripts: drop the one guarding apostrophe."""
    return cell[1:] if cell.startswith(_GUARD) else cell


def read_exact(cell: str) -> Fraction:
    """An ``exact:`` cell (``−1⁄4``, ``3``) back to a Fraction."""
    return Fraction(unguard(cell).replace("\u2212", "-").replace("\u2044", "/"))


class _SafeWriter:
    """csv.writer with every cell passed through :func:`csv_cell`."""

    def __init__(self, buf, **kwargs):
        kwargs.setdefault("lineterminator", "\n")
        self._w = csv.writer(buf, **kwargs)

    def writerow(self, row: Iterable[Any]):
        return self._w.writerow([csv_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(buf, **kwargs) -> _SafeWriter:
    """Drop-in for ``csv.writer(buf, lineterminator="\\n")`` that writes spreadsheet-safe cells."""
    return _SafeWriter(buf, **kwargs)


# After a comma in a comment row: a piece that starts (after spaces) with a formula
# character, except a plain signed number followed by a space or the end ("-5 to 5",
# "-3 worst"), which no spreadsheet evaluates; "-2+3+cmd|..." is still guarded.
_AFTER_COMMA = re.compile(r",(\s*)(?=[=+\-@\uff1d\uff0b\uff0d\uff20])(?![-+]\d+(?:\.\d+)?(?:\s|$|[;,)]))")


def comment_lines(lines: Iterable[str]) -> str:
    """``# line`` comment rows (pandas: ``read_csv(..., comment="#")``), safe in a spreadsheet.

    A spreadsheet splits a comment row at its commas; a piece that would start
    with a formula character (a case or scenario name from a user's file can
    follow a comma) gets the guarding apostrophe. Line breaks inside a line
    become spaces, so every physical line starts with ``#``.
    """
    out = []
    for line in lines:
        text = " ".join(str(line).splitlines())
        out.append("# " + _AFTER_COMMA.sub(lambda m: "," + m.group(1) + _GUARD, text) + "\n")
    return "".join(out)


def keep_xlsx_text(ws) -> None:
    """In an openpyxl sheet, a text written as '=...' stays text (openpyxl would store it as a formula)."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f" and isinstance(cell.value, str):
                cell.data_type = "s"
