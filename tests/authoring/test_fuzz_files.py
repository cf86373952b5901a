"""Keep it found (issue 15): corrupted workbooks and CSVs through `negotiator import`, in-process.

Seeded and bounded in time: each test runs mutations from a fixed seed until
its time budget is spent (the sequence is the same on every run; a faster
machine only gets further along it). Each run must end with exit 0 or 2, no
traceback, and nothing written when it fails. A failure names the seed and
step, and keeps the file that caused it in pytest's tmp folder.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from negotiator.authoring import workbook_bytes
from negotiator.case.catalog import load_case

CASES = Path(__file__).resolve().parents[1] / "cases"
SEED = 15
#: NEGOTIATOR_FUZZ_SCALE=10 runs ten times longer (further along the same sequence).
BUDGET_SECONDS = {k: v * float(os.environ.get("NEGOTIATOR_FUZZ_SCALE", "1")) for k, v in {"workbook": 20.0, "csv": 10.0}.items()}
MIN_RUNS = 12  # however slow the machine, at least this many


@pytest.fixture(scope="module")
def book() -> bytes:
    return workbook_bytes(load_case(CASES / "full_features.yaml"))


# -- workbook corruptions ------------------------------------------------------


def _parts(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i, z.read(i.filename)) for i in z.infolist()]


def _zipped(parts: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(name, data)
    return buf.getvalue()


def _mutate_xml(rng: random.Random, xml: bytes) -> bytes:
    kind = rng.choice(["truncate", "flip", "splice", "inject", "delete"])
    if not xml:
        return b"<"
    at = rng.randrange(len(xml))
    if kind == "truncate":
        return xml[:at]
    if kind == "flip":
        out = bytearray(xml)
        for _ in range(rng.randint(1, 8)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if kind == "splice":
        other = rng.randrange(len(xml))
        return xml[:at] + xml[other : other + rng.randint(1, 400)] + xml[at:]
    if kind == "inject":
        snippet = rng.choice([b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", b"&e;", b"<c r='XFD1048576'><v>1</v></c>", b'<v>1e400</v>', b"<v>nan</v>", b"\xff\xfe", b'<row r="99999999">', b't="d"', b'<mergeCell ref="A1:B2"/>', b"<f>1+1</f>"])
        return xml[:at] + snippet + xml[at:]
    return xml[:at] + xml[at + rng.randint(1, 200) :]


def _corrupt_workbook(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    kind = rng.choice(["truncate file", "flip bytes", "drop part", "mutate part", "mutate part", "mutate part", "cell value"])
    if kind == "truncate file":
        return kind, data[: rng.randrange(len(data))]
    if kind == "flip bytes":
        out = bytearray(data)
        for _ in range(rng.randint(1, 16)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return kind, bytes(out)
    parts = [(i.filename, d) for i, d in _parts(data)]
    j = rng.randrange(len(parts))
    if kind == "drop part":
        return f"drop {parts[j][0]}", _zipped(parts[:j] + parts[j + 1 :])
    if kind == "cell value":
        sheets = [k for k, (n, _) in enumerate(parts) if n.startswith("xl/worksheets/")]
        j = rng.choice(sheets)
        name, xml = parts[j]
        text = xml.decode("utf-8")
        value = rng.choice(["1e308", "-1e308", "5e-324", "1" * 401, "nan", "inf", "", " / / ", "8,5", "&amp;&lt;", "=1/0", "2026-01-01", "\u00a0", "\U0001f600" * 50])
        k = text.find("<v>", rng.randrange(len(text)))
        if k < 0:
            return kind, data
        end = text.find("</v>", k)
        parts[j] = (name, (text[: k + 3] + value + text[end:]).encode("utf-8"))
        return f"cell value {value[:20]!r} in {name}", _zipped(parts)
    name, xml = parts[j]
    parts[j] = (name, _mutate_xml(rng, xml))
    return f"mutate {name}", _zipped(parts)


def _budgeted(kind: str):
    """Steps from the fixed seed until the time budget is spent (at least MIN_RUNS)."""
    rng = random.Random(SEED)
    deadline = time.perf_counter() + BUDGET_SECONDS[kind]
    step = 0
    while step < MIN_RUNS or time.perf_counter() < deadline:
        yield step, rng
        step += 1


def test_corrupted_workbooks_exit_0_or_2_and_write_nothing_on_failure(cli, tmp_path, book):
    codes = {0: 0, 2: 0}
    for step, rng in _budgeted("workbook"):
        what, data = _corrupt_workbook(rng, book)
        source = tmp_path / f"fuzz_{step}.xlsx"
        source.write_bytes(data)
        out = tmp_path / f"out_{step}.yaml"
        where = f"seed {SEED} step {step}: {what} ({source})"
        result = cli("import", source, "-o", out)
        assert result.exit_code in (0, 2), f"{where}: exit {result.exit_code}\n{result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr, f"{where}\n{result.stderr[-2000:]}"
        if result.exit_code == 2:
            assert not out.exists(), where
            assert str(source) in " ".join(result.stderr.split()) or source.name in result.stderr, f"{where}: the message does not name the workbook\n{result.stderr}"
        else:
            assert load_case(out).sha256, where
        codes[result.exit_code] += 1
        source.unlink()
        out.unlink(missing_ok=True)
    assert codes[2] > 0 and sum(codes.values()) >= MIN_RUNS
    print(f"workbook fuzz: {sum(codes.values())} runs, exit codes {codes}")


# -- CSV corruptions -------------------------------------------------------------

_GOOD_CSV = "option,gain,cost,risk\na,7,2,2 / 3 / 5\nb,5,1 / 2 / 4,1\nc,2,1,9\n"


def _corrupt_csv(rng: random.Random) -> tuple[str, bytes]:
    data = _GOOD_CSV.encode("utf-8")
    kind = rng.choice(["truncate", "flip", "line endings", "cell", "comment", "quote", "long", "delimiter", "encoding", "duplicate"])
    if kind == "truncate":
        return kind, data[: rng.randrange(len(data) + 1)]
    if kind == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return kind, bytes(out)
    if kind == "line endings":
        eol = rng.choice([b"\r", b"\r\n", b"\n\n", b"\r\r\n"])
        return f"{kind} {eol!r}", data.replace(b"\n", eol)
    if kind == "cell":
        value = rng.choice(["1e308", "-1e308", "5e-324", "1" * 401, "nan", "inf", "", " / / ", "8,5", '"8,5"', "1/2/3/4", "high", "=1+1", "\u00a0", "9 / 1 / 5", "-0", "0x10", "1_000"])
        rows = [r.split(",") for r in _GOOD_CSV.strip().split("\n")]
        rows[rng.randrange(1, len(rows))][rng.randrange(1, 4)] = value
        return f"{kind} {value[:20]!r}", ("\n".join(",".join(r) for r in rows) + "\n").encode("utf-8")
    if kind == "comment":
        return kind, b"# pasted\n" + data.replace(b"b,", b"# b,")
    if kind == "quote":
        at = rng.randrange(len(data))
        return kind, data[:at] + b'"' + data[at:]
    if kind == "long":
        return kind, data + b"d," + b"9" * rng.choice([1000, 200_000]) + b"\n"
    if kind == "delimiter":
        return kind, data.replace(b",", rng.choice([b";", b"\t", b"|"]))
    if kind == "encoding":
        return kind, rng.choice([b"\xef\xbb\xbf" + data, data.decode("utf-8").encode("utf-16"), b"\x00" * 10 + data])
    return kind, data + b"a,1,1,1\nzz,1,1,1\n"


def test_corrupted_csvs_exit_0_or_2_and_leave_the_case_alone_on_failure(cli, tmp_path):
    codes = {0: 0, 2: 0}
    case = tmp_path / "case.yaml"
    for step, rng in _budgeted("csv"):
        shutil.copyfile(CASES / "tiny.yaml", case)
        Path(f"{case}.bak").unlink(missing_ok=True)
        before = case.read_bytes()
        what, data = _corrupt_csv(rng)
        source = tmp_path / f"fuzz_{step}.csv"
        source.write_bytes(data)
        where = f"seed {SEED} step {step}: {what} ({source})"
        result = cli("import", source, "--into", case)
        assert result.exit_code in (0, 2), f"{where}: exit {result.exit_code}\n{result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr, f"{where}\n{result.stderr[-2000:]}"
        if result.exit_code == 2:
            assert case.read_bytes() == before and not Path(f"{case}.bak").exists(), where
        else:
            assert load_case(case).sha256, where
        codes[result.exit_code] += 1
        source.unlink()
    assert codes[0] > 0 and codes[2] > 0
    print(f"CSV fuzz: {sum(codes.values())} runs, exit codes {codes}")
