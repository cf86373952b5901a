"""The memo's main ranking as CSV: one row per ranked option, then the screened-out ones.

Numbers are written at full precision (repr), so a reader gets back exactly
the numbers of `negotiator rank --format json`. Provenance follows as
``#`` comment lines (pandas: ``read_csv(path, comment="#")``).
UTF-8 with a byte-order mark, so Excel opens Chinese labels correctly.
"""

from __future__ import annotations

import io

from negotiator.render.spreadsheet_safe import comment_lines, csv_writer
from negotiator.report.model import Memo

__all__ = ["render", "SECTIONS"]

#: The sections a CSV file holds (report.written_sections): one table, the ranking with the screened-out options.
SECTIONS = ("ranking", "screened")


def _value(cell) -> str:
    v = cell.value
    if v is None:
        return ""
    if cell.kind == "integer":
        return str(int(v))
    if isinstance(v, float):
        return repr(v)
    return str(v)


def render(memo: Memo) -> bytes:
    ranking = memo.table("ranking")
    screened = memo.table("screened")
    buf = io.StringIO()
    out = csv_writer(buf)
    reason_header = screened.columns[screened.column("reason")].header if screened else "reason"
    # Headers are stable keys (rank, option_id, score, contribution:<objective>) so scripts
    # read any language's CSV alike; labels are in the memo's language.
    out.writerow([c.key for c in ranking.columns] + ["screened_out_reason"])
    for row in ranking.rows:
        out.writerow([_value(c) for c in row] + [""])
    if screened:
        index = {c.key: i for i, c in enumerate(ranking.columns)}
        for row in screened.rows:
            cells = [""] * len(ranking.columns)
            for key in ("option", "option_id", "family"):
                cells[index[key]] = _value(row[screened.column(key)])
            out.writerow(cells + [_value(row[screened.column("reason")])])
    lines = [memo.title] + ([ranking.note] if ranking.note else []) + [f"screened_out_reason: {reason_header}"]
    lines += [f"{key}: {memo.provenance.get(key)}" for key in ("case", "case_sha256", "version", "method", "profile", "seed", "samples", "date", "lang")]
    weights = ", ".join(f"{k}={v:.6g}" for k, v in memo.provenance["weights"].items())
    lines += [f"weights: {weights}", "scores are analyst judgments, not facts"]
    buf.write(comment_lines(lines))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
