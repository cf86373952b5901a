"""Merge a pasted options x objectives CSV of scores into an existing case.

`negotiator import scores.csv --into CASE.yaml`: the first row names
objectives, the first column options; a cell is a number, ``low / likely /
high`` or empty (keep the case's score). The CSV that `show --scores --format
csv` writes (low:/likely:/high: columns per objective) is read too. The case's YAML is edited in place
with ruamel's round trip, so its comments, quotes and layout stay; the merged
case is validated before anything is written; each changed file is written
atomically after a copy to ``<file>.bak``. An option whose scores are shared
through a YAML anchor (``scores: &s`` / ``*s``) gets its own copy before the
edit; a merge that would still change a score the CSV does not name (an
option merged in with ``<<: *a``) is refused, nothing written.
"""

from __future__ import annotations

import csv
import gc
import io
from contextlib import contextmanager
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from negotiator.errors import CaseError, Problem, UsageError
from negotiator.messages import Message
from negotiator.authoring._cells import format_number, is_blank, parse_id, parse_score

__all__ = ["ScoreChange", "MergeReport", "read_scores_csv", "merge_scores_csv", "MAX_CSV_BYTES", "MAX_CSV_CELL"]

#: A score CSV larger than this is refused before it is read (a score matrix of 200,000 rows is about 5 MB).
MAX_CSV_BYTES = 64 * 1024 * 1024
#: The longest cell the CSV reader takes (Python's csv default); a score is a few characters.
MAX_CSV_CELL = 131_072
#: Unknown ids listed one by one; the rest are counted in one line.
_LISTED_UNKNOWN = 20
_DECIMAL_COMMA = re.compile(r"^\s*[-+]?\d+,\d+\s*$")


@dataclass(frozen=True)
class ScoreChange:
    option: str
    objective: str
    old: Any
    new: Any
    file: str


@dataclass
class MergeReport:
    """What a merge did (or would do): changes, ids it did not know, files written."""

    csv: str
    case: str
    changes: list[ScoreChange] = field(default_factory=list)
    unchanged: int = 0
    unknown_options: list[str] = field(default_factory=list)
    unknown_objectives: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    sha256_before: str = ""
    sha256_after: str = ""
    warnings: list[str] = field(default_factory=list)


class _Cell(NamedTuple):
    """One score of the CSV (a tuple of plain values, so a big CSV costs the garbage collector nothing)."""

    option: str
    objective: str
    score: Any
    line: int
    column: int


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CaseError(Problem(Message("ev_not_utf8", byte=f"{raw[exc.start]:02x}"), file=name, line=line, hint=Message("ev_not_utf8_hint"))) from None


def _delimiter(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    first = lines[0] if lines else ""
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _col(j: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(j + 1)


def read_scores_csv(path: str | Path, word_objectives: set[str] | frozenset = frozenset()) -> tuple[list[_Cell], list[Problem], list[str], list[str]]:
    """Cells of the CSV (blank ones skipped), problems, the objective ids and the option ids it names.

    Scores of ``word_objectives`` (objectives with levels) may be level words.
    """
    with _no_gc_pauses():
        return _read_scores_csv(path, word_objectives)


@contextmanager
def _no_gc_pauses():
    """Reading builds a few objects per cell and no reference cycles; the cycle collector's
    repeated passes over them doubled the time of a 200,000-row CSV, so it waits until the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_scores_csv(path: str | Path, word_objectives) -> tuple[list[_Cell], list[Problem], list[str], list[str]]:
    p = Path(path)
    name = str(path)
    if not p.is_file():
        raise UsageError(Problem(Message("ew_no_file") if not p.exists() else Message("ev_is_folder"), file=name, hint=Message("ew_no_file_hint")))
    size = p.stat().st_size
    if size > MAX_CSV_BYTES:
        raise CaseError(Problem(Message("ev_too_big", mb=size / 2**20, cap=MAX_CSV_BYTES // 2**20), file=name, hint=Message("ev_too_big_hint")))
    text = _decode(p.read_bytes(), name)
    if not text.strip():
        raise CaseError(Problem(Message("ev_empty"), file=name, hint=Message("ev_layout_hint")))
    delimiter = _delimiter(text)
    numbered = _rows(text, delimiter, name)
    if _is_score_matrix_export([r for _, r in numbered]):
        return _read_score_matrix_export(numbered, name, word_objectives)
    # Lines whose first cell starts with '#' are comments (before the header too), as in `show --scores` output.
    numbered = [(i, r) for i, r in numbered if not (r and r[0].lstrip().startswith("#"))]
    while numbered and all(is_blank(v) for v in numbered[0][1]):
        numbered.pop(0)
    if not numbered:
        raise CaseError(Problem(Message("ev_only_comments"), file=name, hint=Message("ev_layout_hint")))
    problems: list[Problem] = []
    header_line, header = numbered[0]
    body = numbered[1:]
    objectives: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for j, cell in enumerate(header[1:], start=1):
        ident = parse_id(cell)
        if ident is None:
            if any(j < len(r) and r[j].strip() for _, r in body):
                problems.append(Problem(Message("ev_no_objective_id"), file=name, line=header_line, where=_column(j), hint=Message("ev_no_objective_id_hint")))
            continue
        if ident in seen:
            problems.append(Problem(Message("ev_objective_twice", objective=ident, first=_col(seen[ident]), second=_col(j)), file=name, line=header_line, where=_column(j), hint=Message("ev_objective_twice_hint")))
            continue
        seen[ident] = j
        objectives.append((j, ident))
    cells: list[_Cell] = []
    options: list[str] = []
    row_of: dict[str, int] = {}
    for i, row in body:
        last = len(row) - 1  # the last cell with something in it (csv gives text cells only)
        while last >= 0 and not row[last].strip():
            last -= 1
        if last < 0:
            continue
        if last >= len(header):
            hint = Message("ev_decimal_comma_hint") if delimiter == "," else Message("ev_extra_cells_hint")
            problems.append(Problem(Message("ev_row_too_long", n=last + 1, header=len(header)), file=name, line=i, where=_column(last), hint=hint))
            continue
        oid = parse_id(row[0] if row else None)
        if oid is None:
            problems.append(Problem(Message("ev_no_option_id"), file=name, line=i, where=_column(0), hint=Message("ev_no_option_id_hint")))
            continue
        if oid in row_of:
            problems.append(Problem(Message("ev_option_twice", option=oid, line=row_of[oid]), file=name, line=i, where=_column(0), hint=Message("ev_option_twice_hint")))
            continue
        row_of[oid] = i
        options.append(oid)
        for j, obj in objectives:
            value = row[j] if j < len(row) else ""
            if not value.strip():
                continue
            score, bad = parse_score(value, words=obj in word_objectives)
            if bad:
                problems.append(Problem(bad, file=name, line=i, where=_column(j, obj), hint=_score_hint(value)))
                continue
            cells.append(_Cell(oid, obj, score, i, j))
    return cells, problems, [o for _, o in objectives], options


def _score_hint(value: Any) -> Message:
    if isinstance(value, str) and _DECIMAL_COMMA.match(value):
        return Message("ev_decimal_point_hint", number=value.strip().replace(",", "."))
    return Message("ev_score_hint")


def _column(j: int, objective: str | None = None) -> Message:
    """Where in the CSV: "column D", or "column D (gain)" for a score."""
    return Message("ev_column", column=_col(j)) if objective is None else Message("ev_column_of", column=_col(j), objective=objective)


def _rows(text: str, delimiter: str, name: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of each record; CR, LF and CRLF line endings alike; a bad record is one clear problem."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out: list[tuple[int, list[str]]] = []
    old_limit = csv.field_size_limit(MAX_CSV_CELL)
    try:
        start = 1
        for row in reader:
            out.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        line = reader.line_num or 1
        if "field larger than field limit" in str(exc):
            raise CaseError(Problem(Message("ev_cell_too_long", n=MAX_CSV_CELL), file=name, line=line, hint=Message("ev_cell_too_long_hint"))) from None
        raise CaseError(Problem(Message("ev_not_csv", detail=str(exc)), file=name, line=line, hint=Message("ev_not_csv_hint"))) from None
    finally:
        csv.field_size_limit(old_limit)
    return out


# -- the CSV that `negotiator show --scores --format csv` writes ---------------------------

_PART = re.compile(r"^(low|likely|high):(.+)$")


def _is_score_matrix_export(rows: list[list[str]]) -> bool:
    """`show --scores --format csv`: '#' provenance lines, then low:/likely:/high: columns per objective."""
    header = next((r for r in rows if r and not r[0].startswith("#")), [])
    return any(_PART.match(cell or "") for cell in header)


def _read_score_matrix_export(numbered: list[tuple[int, list[str]]], name: str, word_objectives) -> tuple[list[_Cell], list[Problem], list[str], list[str]]:
    """The export read back: each objective's low, likely and high columns make one score.

    Text columns (label, label_zh, family) are ignored: labels are edited in the case, not here.
    Cells were guarded against spreadsheet conversion when written (a leading apostrophe): unguarded here.
    """
    from negotiator.render.spreadsheet_safe import unguard

    lines = [(i, r) for i, r in numbered if r and not r[0].startswith("#")]
    (header_line, header), body = lines[0], lines[1:]
    parts: dict[str, dict[str, int]] = {}
    for j, cell in enumerate(header):
        m = _PART.match(unguard(cell or "").strip())
        if m:
            parts.setdefault(m.group(2), {})[m.group(1)] = j
    problems: list[Problem] = []
    objectives = []
    for obj, cols in parts.items():
        if set(cols) != {"low", "likely", "high"}:
            lacking = ", ".join(f"{k}:{obj}" for k in ("low", "likely", "high") if k not in cols)
            problems.append(Problem(Message("ev_lacks_columns", objective=obj, columns=lacking), file=name, line=header_line, hint=Message("ev_lacks_columns_hint")))
            continue
        objectives.append(obj)
    cells: list[_Cell] = []
    options: list[str] = []
    for i, row in body:
        oid = parse_id(unguard(row[0])) if row else None
        if oid is None:
            continue
        options.append(oid)
        for obj in objectives:
            cols = parts[obj]
            values = [unguard(row[cols[k]]).strip() if cols[k] < len(row) else "" for k in ("low", "likely", "high")]
            if all(is_blank(v) for v in values):
                continue
            written = values[1] if len(set(values)) == 1 else " / ".join(values)
            score, bad = parse_score(written, words=obj in word_objectives)
            if bad:
                problems.append(Problem(bad, file=name, line=i, where=_column(cols["likely"], obj), hint=Message("ev_export_score_hint")))
                continue
            cells.append(_Cell(oid, obj, score, i, cols["likely"]))
    return cells, problems, objectives, options


# -- editing the YAML in place -----------------------------------------------


def _guess_indent(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, offset) indentation as the file uses it, so a dump changes nothing else."""
    mapping = offset = None
    parent: int | None = None
    for line in text.splitlines():
        body = line.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        indent = len(line) - len(body)
        if body.startswith("- "):
            if offset is None and parent is not None:
                offset = indent - parent
            continue
        if mapping is None and indent > 0:
            mapping = indent
        parent = indent if re.match(r"[^:#]+:\s*(#.*)?$", body) else None
    offset = 2 if offset is None else max(offset, 0)
    return mapping or 2, offset + 2, offset


def _round_trip_yaml(text: str):
    """The case reader's guarded round-trip YAML, laid out like ``text`` so a dump changes only what we edit."""
    from negotiator.case.yamlio import yaml_reader

    return yaml_reader("rt", width=100_000, preserve_quotes=True, indent=_guess_indent(text))


def _references(tree: Any) -> dict[int, int]:
    """How many places in the tree reach each mapping or list (more than one: shared by an anchor)."""
    counts: dict[int, int] = {}
    stack = [tree]
    while stack:  # bounded: the reader refused any tree that expands past MAX_EXPANDED_NODES
        node = stack.pop()
        if isinstance(node, dict):
            counts[id(node)] = counts.get(id(node), 0) + 1
            stack.extend(node.values())
        elif isinstance(node, list):
            counts[id(node)] = counts.get(id(node), 0) + 1
            stack.extend(node)
    return counts


def _own_copy(node: Any) -> Any:
    """A fresh copy of a mapping or list (flow style kept), sharing nothing with the original."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, dict):
        out = CommentedMap((k, _own_copy(v)) for k, v in node.items())
    elif isinstance(node, list):
        out = CommentedSeq(_own_copy(v) for v in node)
    else:
        return node
    if getattr(node, "fa", None) is not None and node.fa.flow_style():
        out.fa.set_flow_style()
    return out


def _without(data: Any, named: set[tuple[str, str]]) -> Any:
    """Plain case data with the merged cells taken out: what a merge must leave exactly as it was."""
    if not isinstance(data, dict) or not isinstance(data.get("options"), dict):
        return data
    options = {}
    for oid, option in data["options"].items():
        if isinstance(option, dict) and isinstance(option.get("scores"), dict):
            option = dict(option, scores={k: v for k, v in option["scores"].items() if (str(oid), str(k)) not in named})
        options[oid] = option
    return dict(data, options=options)


def _yaml_score(score: Any):
    from ruamel.yaml.comments import CommentedSeq

    if isinstance(score, str):
        return score
    if isinstance(score, list):
        seq = CommentedSeq(v if isinstance(v, str) else format_number(float(v)) for v in score)
        seq.fa.set_flow_style()
        return seq
    return format_number(float(score))


def _same_part(a: Any, b: Any) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a.strip() == b.strip()
    return float(a) == float(b)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, (list, tuple)) and isinstance(new, (list, tuple)):
        return len(old) == len(new) and all(_same_part(a, b) for a, b in zip(old, new))
    if isinstance(old, str) or isinstance(new, str):
        return _same_part(old, new)
    if isinstance(old, (list, tuple)) or isinstance(new, (list, tuple)):
        return False
    try:
        return float(old) == float(new)
    except (TypeError, ValueError):
        return False


def merge_scores_csv(csv_path: str | Path, case_path: str | Path, skip_unknown: bool = False, dry_run: bool = False) -> MergeReport:
    """Merge the CSV's scores into the case files; validate; write changed files with a .bak copy.

    Unknown option or objective ids stop the merge (nothing written) unless
    ``skip_unknown``, which merges the rest and reports them.
    """
    from negotiator.case.catalog import _merge, _validate, case_files, case_sha256, load_case
    from negotiator.fileio import write_atomic
    from negotiator.case.yamlio import load_yaml_tree, parse_yaml_text, to_plain

    name = str(csv_path)
    before = load_case(case_path)  # the case must be valid before we touch it
    with_levels = {o for o, obj in before.case.objectives.items() if getattr(obj, "levels", None)}
    cells, problems, csv_objectives, csv_options = read_scores_csv(csv_path, with_levels)
    report = MergeReport(csv=name, case=str(case_path), sha256_before=before.sha256)
    report.unknown_objectives = [o for o in csv_objectives if o not in before.case.objectives]
    report.unknown_options = [o for o in csv_options if o not in before.case.options]
    unknown_problems = []
    for obj in report.unknown_objectives:
        unknown_problems.append(Problem(Message("ev_unknown_objective", objective=obj), file=name, line=1, hint=Message("ev_case_objectives_hint", names=", ".join(before.case.objectives))))
    first_line: dict[str, int] = {}
    for c in cells:  # one pass: the unknown-id check stays linear in the rows (it was quadratic)
        first_line.setdefault(c.option, c.line)
    for oid in report.unknown_options[:_LISTED_UNKNOWN]:
        unknown_problems.append(Problem(Message("ev_unknown_option", option=oid), file=name, line=first_line.get(oid), where=_column(0), hint=Message("ev_unknown_option_hint")))
    if len(report.unknown_options) > _LISTED_UNKNOWN:
        more = len(report.unknown_options) - _LISTED_UNKNOWN
        unknown_problems.append(Problem(Message("ev_more_unknown", n=more, listed=_LISTED_UNKNOWN), file=name, hint=Message("ev_more_unknown_hint")))
    if skip_unknown:
        report.warnings += [_located(p) for p in unknown_problems]
    else:
        problems += unknown_problems
    if problems:
        raise CaseError(problems)
    cells = [c for c in cells if c.option in before.case.options and c.objective in before.case.objectives]

    files = case_files([case_path])
    texts = {str(f): f.read_text(encoding="utf-8-sig") for f in files}
    trees = {}
    for f, text in texts.items():
        y = _round_trip_yaml(text)
        trees[f] = (y, load_yaml_tree(text, f, yaml=y))
    plain_before = {f: to_plain(tree) for f, (_, tree) in trees.items()}
    # Which file defines each option (a case may be a folder of files).
    home: dict[str, str] = {}
    for f, (_, tree) in trees.items():
        options = tree.get("options") if isinstance(tree, dict) else None
        if isinstance(options, dict):
            for oid in options:
                home.setdefault(str(oid), f)
    changed_files: set[str] = set()
    by_location: dict[tuple[str, str, str], _Cell] = {}
    references = {f: _references(tree) for f, (_, tree) in trees.items()}
    for cell in cells:
        f = home[cell.option]
        options = trees[f][1]["options"]
        option = options[cell.option]
        scores = option.get("scores")
        old = None if scores is None else scores.get(cell.objective)
        if old is not None and _same(old, cell.score):
            report.unchanged += 1
            continue
        # Shared through an anchor (`b: *a`, `scores: &s` ... `scores: *s`, `<<: *a`)? Then this
        # option gets its own copy first, so the edit reaches no option the CSV did not name.
        if references[f].get(id(option), 0) > 1:
            option = options[cell.option] = _own_copy(option)
            scores = option.get("scores")
        if scores is None:
            from ruamel.yaml.comments import CommentedMap

            scores = option["scores"] = CommentedMap()
        elif references[f].get(id(scores), 0) > 1:
            scores = option["scores"] = _own_copy(scores)
        scores[cell.objective] = _yaml_score(cell.score)
        report.changes.append(ScoreChange(cell.option, cell.objective, None if old is None else _plain(old), cell.score, f))
        changed_files.add(f)
        by_location[(f, cell.option, cell.objective)] = cell

    new_texts = dict(texts)
    for f in changed_files:
        y, tree = trees[f]
        buf = io.StringIO()
        y.dump(tree, buf)
        new_texts[f] = buf.getvalue()
    documents = [parse_yaml_text(new_texts[str(f)], str(f)) for f in files]
    named = {(c.option, c.objective) for c in by_location.values()}
    for doc in documents:
        if doc.path in changed_files and _without(doc.data, named) != _without(plain_before[doc.path], named):
            raise CaseError(
                Problem(Message("ev_shared_anchor"), file=doc.path, hint=Message("ev_shared_anchor_hint"))
            )
    try:
        after = _validate(_merge(documents), documents)
    except CaseError as exc:
        raise CaseError(_relabel(exc.problems, documents, by_location, name)) from None
    report.sha256_after = case_sha256(after)
    if dry_run:
        return report
    for f in sorted(changed_files):
        write_atomic(f, new_texts[f], force=True, backup=True)
        report.written.append(f)
    return report


def _located(p: Problem) -> Message:
    """A problem as one warning line: "file:line: where: message" (the first line of Problem.render), worded in any language."""
    place = p.location()
    return Message("ev_located", place=place, where=p.where, message=p.message) if p.where else Message("ev_located_plain", place=place, message=p.message)


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [str(v) if isinstance(v, str) else format_number(float(v)) for v in value]
    return str(value) if isinstance(value, str) else value


def _relabel(problems: list[Problem], documents, by_location: dict, csv_name: str) -> list[Problem]:
    """Problems caused by merged scores, placed on their CSV cell instead of the YAML line."""
    line_to_cell: dict[tuple[str, int], _Cell] = {}
    for doc in documents:
        for (f, oid, obj), cell in by_location.items():
            if f == doc.path:
                line, depth = doc.line_of(("options", oid, "scores", obj))
                if line is not None and depth == 4:
                    line_to_cell[(f, line)] = cell
    out = []
    for p in problems:
        cell = line_to_cell.get((p.file, p.line)) if p.file and p.line else None
        if cell is None:
            out.append(p)
        else:
            out.append(Problem(p.message, file=csv_name, line=cell.line, where=_column(cell.column, cell.objective), hint=p.hint))
    return out
