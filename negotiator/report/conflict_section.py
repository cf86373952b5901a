"""The memo section "Is the linkage threat credible?": the conflict analysis of the case's first
conflict (negotiator.conflict.analyse_conflict), worded by render/conflict.py in the memo's language.

Present only when the case has a ``conflicts:`` section. Every renderer (md, html, docx, xlsx,
csv) shows it as it shows the other sections: paragraphs, then one table of states.
"""

from __future__ import annotations

from negotiator.errors import NegotiatorError
from negotiator.i18n import core_text, tr
from negotiator.report.model import Column, Paragraph, Section, Table, number_cell, text_cell

__all__ = ["conflict_section", "MEMO_THREATS", "MEMO_PATHS"]

#: Kinds of sanction and paths from today the memo words (the CLI's JSON lists every one).
MEMO_THREATS = 4
MEMO_PATHS = 3


def conflict_section(loaded, lang: str) -> Section | None:
    """The section, or None when the case has no conflict."""
    if not loaded.case.conflicts:
        return None
    from negotiator.conflict import analyse_conflict
    from negotiator.render.conflict import (
        concept_name, dm_name, finding_lines, path_lines, provenance_lines, threat_lines,
    )

    heading = tr("sec_conflict", lang)
    try:
        a = analyse_conflict(loaded)
    except NegotiatorError as exc:
        return Section("conflict", heading, (Paragraph(tr("cf_memo_unavailable", lang, reason=core_text(exc.problems[0].message, lang))),))
    judgment = tr("cf_memo_judgment", lang)
    blocks: list = [Paragraph(judgment, role="lead", strong=len(judgment))]
    blocks += [Paragraph(line) for line in finding_lines(a, lang)]
    blocks.append(Paragraph(tr("cf_threats_title", lang), strong=len(tr("cf_threats_title", lang))))
    blocks += [Paragraph("• " + line) for line in threat_lines(a, lang, limit=MEMO_THREATS, more="cf_memo_more_threats")]
    blocks.append(Paragraph(tr("cf_paths_title", lang), strong=len(tr("cf_paths_title", lang))))
    blocks += [Paragraph("• " + line) for line in path_lines(a, lang, limit=MEMO_PATHS, more="cf_memo_more_paths")]

    cols = [Column("state", tr("cf_col_state", lang), "integer"), Column("options_taken", tr("cf_col_taken", lang)),
            Column("today", tr("cf_today", lang))]
    cols += [Column(c, concept_name(c, lang)) for c in a.concepts]
    sep = "、" if lang == "zh" else ", "
    rows = []
    for s in a.shown_states():
        cells = [number_cell(s, kind="integer"), text_cell(", ".join(a.space.taken(s)) or tr("cf_none_taken", lang)),
                 text_cell("✓" if s == a.status_quo else "")]
        for c in a.concepts:
            movers = a.unstable_for(s, c)
            cells.append(text_cell(sep.join(dm_name(a, d, lang) for d in movers) if movers else "✓"))
        rows.append(tuple(cells))
    note = tr("cf_memo_table_note", lang) + " " + tr("cf_concepts_key", lang)
    blocks.append(Table("conflict", tr("tbl_conflict", lang), tuple(cols), tuple(rows), note=note))
    blocks.append(Paragraph(" ".join(provenance_lines(a, lang)[1:2]), role="note"))
    return Section("conflict", heading, tuple(blocks))
