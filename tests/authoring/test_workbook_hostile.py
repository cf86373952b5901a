"""Hostile workbooks (issue 15): zip bombs, malformed XML, missing sheets, dates where text belongs.

Each is refused with exit 2 and one message naming the workbook (and the sheet
where there is one), quickly, writing nothing. The bombs are built small on
disk: a deflate block of zeros flushed so it can be repeated.
"""

from __future__ import annotations

import datetime
import struct
import time
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest

from negotiator.authoring import workbook_bytes
from negotiator.authoring.layout import SHEET_ORDER
from negotiator.case.catalog import load_case

CASES = Path(__file__).resolve().parents[1] / "cases"
FULL = CASES / "full_features.yaml"


@pytest.fixture(scope="module")
def book_bytes() -> bytes:
    return workbook_bytes(load_case(FULL))


def _sheet_part(title: str) -> str:
    return f"xl/worksheets/sheet{SHEET_ORDER.index(title) + 1}.xml"


def _zeros_deflated(megabytes: int) -> bytes:
    """A raw deflate stream of ``megabytes`` MB of '0' characters (about 1 KB per MB)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(b"0" * 2**20) + c.flush(zlib.Z_FULL_FLUSH)  # byte-aligned, no back-references across blocks
    return block * megabytes + b"\x03\x00"  # then an empty final block


def _zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip archive from (name, raw deflate data, crc, declared unpacked size): sizes as we say, not as computed."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size in entries:
        fname = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(fname), 0) + fname + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size, len(fname), 0, 0, 0, 0, 0, offset) + fname
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return bytes(out + central + end)


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def _rebuilt(book: bytes, replace: dict[str, tuple[bytes, int, int]] | None = None, drop: tuple[str, ...] = ()) -> bytes:
    """The workbook's parts, some replaced by (raw deflate data, crc, declared size), some dropped."""
    replace = replace or {}
    entries = []
    with zipfile.ZipFile(__import__("io").BytesIO(book)) as z:
        for info in z.infolist():
            if info.filename in drop:
                continue
            if info.filename in replace:
                entries.append((info.filename, *replace[info.filename]))
            else:
                data = z.read(info.filename)
                entries.append((info.filename, _deflate(data), zlib.crc32(data), len(data)))
    for name, value in replace.items():
        if name not in {e[0] for e in entries}:
            entries.append((name, *value))
    return _zip(entries)


def _xml_part(book: bytes, part: str, xml: bytes) -> bytes:
    return _rebuilt(book, {part: (_deflate(xml), zlib.crc32(xml), len(xml))})


def _refused(cli, tmp_path: Path, data: bytes, name: str = "hostile.xlsx") -> str:
    book = tmp_path / name
    book.write_bytes(data)
    out = tmp_path / "out.yaml"
    start = time.perf_counter()
    result = cli("import", book, "-o", out)
    elapsed = time.perf_counter() - start
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    err = " ".join(result.stderr.split())
    assert err.count("fix:") == 1, err  # one message
    assert name in err
    assert elapsed < 5, f"took {elapsed:.1f} s"  # well under a second here; a loose bound: no hang
    return err


# -- zip bombs ---------------------------------------------------------------------


def test_a_sheet_that_unpacks_to_3_gb_is_refused_before_parsing(cli, tmp_path, book_bytes):
    """3 MB on disk, 3,000 MB declared: MemoryError after 24 s, or no end, before."""
    bomb = _zeros_deflated(3000)
    data = _rebuilt(book_bytes, {_sheet_part("Scores"): (bomb, 0, 3000 * 2**20)})
    assert len(data) < 6 * 2**20
    err = _refused(cli, tmp_path, data)
    assert f"part '{_sheet_part('Scores')}' would unpack from" in err and "zip bomb" in err


def test_shared_strings_that_unpack_to_gbs_are_refused(cli, tmp_path, book_bytes):
    data = _rebuilt(book_bytes, {"xl/sharedStrings.xml": (_zeros_deflated(2000), 0, 2000 * 2**20)})
    assert "zip bomb" in _refused(cli, tmp_path, data)


def test_shared_strings_over_their_cap_are_refused_even_when_packed_loosely(cli, tmp_path, book_bytes, monkeypatch):
    from negotiator.authoring import workbook

    monkeypatch.setattr(workbook, "MAX_SHARED_STRINGS_BYTES", 1000)
    xml = b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + b"<si><t>x</t></si>" * 200 + b"</sst>"
    data = _rebuilt(book_bytes, {"xl/sharedStrings.xml": (_deflate(xml), zlib.crc32(xml), len(xml))})
    assert "shared strings would unpack to" in _refused(cli, tmp_path, data)


def test_many_parts_each_under_the_ratio_are_refused_by_their_total(cli, tmp_path, book_bytes, monkeypatch):
    from negotiator.authoring import workbook

    monkeypatch.setattr(workbook, "MAX_UNPACKED_BYTES", 50_000)
    assert "would unpack to" in _refused(cli, tmp_path, book_bytes)


def test_a_part_that_lies_about_its_size_cannot_unpack_past_it(cli, tmp_path, book_bytes):
    """Declared 900 bytes (under every limit), 1 GB of data: zipfile stops at 900 bytes and the CRC fails."""
    data = _rebuilt(book_bytes, {_sheet_part("Scores"): (_zeros_deflated(1000), 0, 900)})
    err = _refused(cli, tmp_path, data)
    assert "sheet 'Scores'" in err or "not a readable .xlsx workbook" in err


def test_a_workbook_file_over_the_size_limit_is_refused(cli, tmp_path, book_bytes, monkeypatch):
    from negotiator.authoring import workbook

    monkeypatch.setattr(workbook, "MAX_WORKBOOK_BYTES", 1000)
    assert "a case workbook may be at most" in _refused(cli, tmp_path, book_bytes)


# -- malformed XML -----------------------------------------------------------------

_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "lollollollollollollollollollol">'
    + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), b"&" + bytes([97 + i]) + b";" * 1) for i in range(0))
    + b"".join(b"<!ENTITY " + bytes([98 + i]) + b' "' + (b"&" + bytes([97 + i]) + b";") * 10 + b'">' for i in range(8))
    + b"]><worksheet " + _NS + b'><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t></is></c></row></sheetData></worksheet>'
)
_EXTERNAL = (
    b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet '
    + _NS
    + b'><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>'
)


@pytest.mark.parametrize("kind", ["truncated", "entity bomb", "external entity", "not xml"])
def test_malformed_sheet_xml_names_the_workbook_and_sheet(kind, cli, tmp_path, book_bytes):
    with zipfile.ZipFile(__import__("io").BytesIO(book_bytes)) as z:
        original = z.read(_sheet_part("Options"))
    xml = {
        "truncated": original[: len(original) // 2],
        "entity bomb": _LAUGHS,
        "external entity": _EXTERNAL,
        "not xml": b"\x00\x01 binary junk",
    }[kind]
    err = _refused(cli, tmp_path, _xml_part(book_bytes, _sheet_part("Options"), xml))
    assert "hostile.xlsx: sheet 'Options': the sheet's XML is not readable" in err
    assert "root:" not in err  # nothing of /etc/passwd


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml"])
def test_a_malformed_workbook_part_is_one_message(part, cli, tmp_path, book_bytes):
    err = _refused(cli, tmp_path, _xml_part(book_bytes, part, _LAUGHS))
    assert "not a readable .xlsx workbook" in err


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", _sheet_part("Scores")])
def test_a_workbook_missing_a_part_is_one_message(part, cli, tmp_path, book_bytes):
    err = _refused(cli, tmp_path, _rebuilt(book_bytes, drop=(part,)))
    assert "hostile.xlsx" in err


def test_a_workbook_with_only_the_read_me_sheet(cli, tmp_path):
    """IndexError before."""
    wb = openpyxl.Workbook()
    wb.active.title = "Read me"
    wb.active["A1"] = "notes"
    book = tmp_path / "readme.xlsx"
    wb.save(book)
    err = _refused(cli, tmp_path, book.read_bytes(), "readme.xlsx")
    assert "the workbook has none of the sheets 'Case', 'Objectives'" in err and "(it has: Read me)" in err


def test_a_sheet_that_declares_a_huge_size_is_read_as_what_it_holds(tmp_path, book_bytes):
    """<dimension ref="A1:XFD1048576"/> no longer makes the reader pad a million rows."""
    from negotiator.authoring import import_workbook

    with zipfile.ZipFile(__import__("io").BytesIO(book_bytes)) as z:
        xml = z.read(_sheet_part("Scores"))
    import re

    xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', xml)
    book = tmp_path / "dim.xlsx"
    book.write_bytes(_xml_part(book_bytes, _sheet_part("Scores"), xml))
    start = time.perf_counter()
    imported = import_workbook(book)
    assert time.perf_counter() - start < 10
    assert imported.loaded.sha256 == load_case(FULL).sha256


def test_too_many_rows_are_refused_while_streaming(tmp_path, book_bytes, monkeypatch):
    from negotiator.authoring import import_workbook, workbook
    from negotiator.errors import CaseError

    monkeypatch.setattr(workbook, "_MAX_ROWS", 3)
    book = tmp_path / "rows.xlsx"
    book.write_bytes(book_bytes)
    with pytest.raises(CaseError) as exc:
        import_workbook(book)
    assert "the sheet has more than 3 rows" in exc.value.render()


# -- dates where text belongs --------------------------------------------------------


def _edited(tmp_path: Path, book: bytes, change) -> bytes:
    src = tmp_path / "src.xlsx"
    src.write_bytes(book)
    wb = openpyxl.load_workbook(src)
    change(wb)
    wb.save(src)
    return src.read_bytes()


def _set_title(value):
    def change(wb):
        ws = wb["Case"]
        for row in ws.iter_rows(min_row=2):
            if row[0].value == "title":
                row[1].value = value
                return
        raise AssertionError("no title row")

    return change


@pytest.mark.parametrize(
    "value, shown",
    [(datetime.datetime(2026, 1, 1), "2026-01-01"), (datetime.datetime(2026, 1, 25, 9, 30), "2026-01-25 09:30:00"), (datetime.time(9, 30), "09:30:00")],
)
def test_an_excel_date_in_the_title_is_refused_with_the_cell_named(value, shown, cli, tmp_path, book_bytes):
    """It became '2026-01-01T00:00:00' silently."""
    err = _refused(cli, tmp_path, _edited(tmp_path, book_bytes, _set_title(value)))
    assert f"hostile.xlsx: Case!B" in err and f"the spreadsheet turned this cell into a date ({shown})" in err
