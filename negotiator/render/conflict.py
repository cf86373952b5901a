"""The forms of a conflict analysis: words (terminal, memo, TUI), JSON and CSV.

Nothing here computes stability or prints: negotiator.conflict.analysis has done the
analysis; this turns its states, moves and message keys into sentences and tables.
Case text (labels, ids) goes into rich Text objects, never into markup, so a label
such as "[draft] plan" prints as written.
"""

from __future__ import annotations

import io

from negotiator.conflict.analysis import ConflictAnalysis
from negotiator.conflict.coalitions import CoalitionMove
from negotiator.conflict.stability import Verdict
from negotiator.i18n import label, sep, tr
from negotiator.render.spreadsheet_safe import comment_lines, csv_writer

__all__ = [
    "concept_name", "dm_name", "state_words", "change_words", "message_text", "verdict_lines",
    "path_lines", "finding_lines", "target_lines", "provenance_lines",
    "conflict_dict", "conflict_csv", "conflict_renderables", "MAX_PATHS_SHOWN",
]

#: Paths listed in words on the terminal and in the memo (JSON has every one).
MAX_PATHS_SHOWN = 6


# -- words for the pieces ------------------------------------------------------------------


def concept_name(concept: str, lang: str = "en") -> str:
    return tr(f"cf_concept_{concept}", lang)


def dm_name(a: ConflictAnalysis, dm: str, lang: str = "en") -> str:
    return label(a.conflict.decision_makers[dm], lang)


def _option(a: ConflictAnalysis, option: str):
    for d in a.conflict.decision_makers.values():
        if option in d.options:
            return d.options[option]
    raise KeyError(option)


def option_name(a: ConflictAnalysis, option: str, lang: str = "en") -> str:
    return label(_option(a, option), lang)


def state_words(a: ConflictAnalysis, state: int) -> str:
    """A state as the ids of the options taken (what the user types for --target)."""
    return ", ".join(a.space.taken(state))


def change_words(a: ConflictAnalysis, before: int, after: int, lang: str = "en") -> str:
    """What a move does, in the options' own words: "takes up “A” and “B”; gives up “C”"."""
    was, now = set(a.space.taken(before)), set(a.space.taken(after))
    taken = [option_name(a, o, lang) for o in a.space.option_ids if o in now - was]
    dropped = [option_name(a, o, lang) for o in a.space.option_ids if o in was - now]
    parts = []
    if taken:
        parts.append(tr("cf_takes", lang, options=_quoted(taken, lang)))
    if dropped:
        parts.append(tr("cf_drops", lang, options=_quoted(dropped, lang)))
    return sep(lang).join(parts)


def _quoted(names: list[str], lang: str) -> str:
    quoted = [f"“{n}”" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    return ("、" if lang == "zh" else ", ").join(quoted[:-1]) + tr("cf_and", lang) + quoted[-1]


def _dms(a: ConflictAnalysis, dms, lang: str) -> str:
    joiner = "、" if lang == "zh" else ", "
    return joiner.join(dm_name(a, d, lang) for d in dms)


def message_text(a: ConflictAnalysis, msg: dict, lang: str = "en") -> str:
    """One core message (a dict with ``key`` and parameters) as a sentence in ``lang``."""
    key = msg["key"]
    p = {k: v for k, v in msg.items() if k != "key"}
    if "concept" in p:
        p["concept"] = concept_name(p["concept"], lang)
    if key == "conflict.unstable.improvement":
        p["change"] = change_words(a, p["state"], p["to"], lang)
    elif key.startswith("conflict.stable.sanction"):
        p["change"] = change_words(a, p["state"], p["improvement"], lang)
        p["by"] = _dms(a, p["by"], lang)
    elif key == "conflict.path.step":
        p["change"] = change_words(a, p["from"], p["to"], lang)
    elif key == "conflict.path.coalition_step":
        p["change"] = change_words(a, p["from"], p["to"], lang)
        p["dms"] = _dms(a, p["dms"], lang)
    elif key == "conflict.inverse.change":
        p["swaps"] = f"{p['swaps']:g}"
    if "dm" in p:
        p["dm"] = dm_name(a, p["dm"], lang)
    return tr(key, lang, **p)


def verdict_lines(a: ConflictAnalysis, lang: str = "en", state: int | None = None) -> list[str]:
    """Why a state (today's by default) holds or not, for each DM: each improvement it has alone and
    what answers it: a credible sanction (SEQ), only a threat (GMR), or nothing."""
    state = a.status_quo if state is None else state
    if state is None:
        return []
    lines = []
    for dm in a.space.dm_ids:
        seq = a.verdict(dm, state, "seq", max_sanctions=1)
        if not seq.improvements:
            lines += [message_text(a, m, lang) for m in seq.messages()]
            continue
        gmr = {d.improvement: d for d in a.verdict(dm, state, "gmr", max_sanctions=1).improvements}
        for d in seq.improvements:
            best = d if d.deterred else gmr[d.improvement]
            one = Verdict(dm, state, "seq", seq.stable, (best,))
            lines += [message_text(a, m, lang) for m in one.messages()]
    return lines


def _step_text(a: ConflictAnalysis, step, lang: str) -> str:
    if isinstance(step, CoalitionMove):
        return tr("conflict.path.coalition_step", lang, dms=_dms(a, step.dms, lang), change=change_words(a, step.from_state, step.to_state, lang))
    return tr("conflict.path.step", lang, dm=dm_name(a, step.dm, lang), change=change_words(a, step.from_state, step.to_state, lang))


def path_lines(a: ConflictAnalysis, lang: str = "en", limit: int = MAX_PATHS_SHOWN) -> list[str]:
    """The first shortest path from today to each credible equilibrium (SEQ, then coalition SEQ),
    by moves each DM likes alone, else with groups acting together."""
    if a.status_quo is None:
        return [tr("cf_no_sq", lang)]
    wanted = [s for s in a.shown_states() if s != a.status_quo and (s in a.equilibria("seq") or s in a.equilibria("cseq"))]
    alone = {p.target: p for p in a.paths}
    together = {p.target: p for p in a.coalition_paths}
    lines = []
    reachable = 0
    for s in wanted:
        p, key = alone.get(s), "cf_path"
        if p is None or not p.reachable:
            p, key = together.get(s), "cf_path_coalition"
        if p is None or not p.reachable:
            continue
        reachable += 1
        if len(lines) < limit:
            steps = tr("cf_then", lang).join(_step_text(a, step, lang) for step in p.paths[0])
            lines.append(tr(key, lang, to=s, steps=steps))
    if reachable == 0:
        return [tr("cf_no_paths", lang)]
    if reachable > limit:
        lines.append(tr("cf_more_paths", lang, n=reachable - limit))
    return lines


def _list(items, lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(str(x) for x in items)


def _states(states, lang: str) -> str:
    return _list(states, lang)


def finding_lines(a: ConflictAnalysis, lang: str = "en") -> list[str]:
    """The bottom line on credibility: today's state, threats alone vs credible sanctions, groups."""
    lines = []
    if a.status_quo is not None:
        holds = [concept_name(c, lang) for c in a.concepts if a.status_quo in a.equilibria(c)]
        lines.append(tr("cf_sq_equilibrium", lang, concepts=_list(holds, lang)) if holds else tr("cf_sq_not_equilibrium", lang))
    threats = a.held_by_threats()
    lines.append(tr("cf_threat_only", lang, n=len(threats), states=_states(threats, lang)) if threats else tr("cf_no_threat_only", lang))
    seq = a.equilibria("seq")
    lines.append(tr("cf_credible", lang, n=len(seq), states=_states(seq, lang)) if seq else tr("cf_none_credible", lang))
    cnash = a.equilibria("cnash")
    lines.append(tr("cf_coalition_finding", lang, states=_states(cnash, lang)) if cnash else tr("cf_no_coalition_eq", lang))
    return lines


def target_lines(a: ConflictAnalysis, lang: str = "en") -> list[str]:
    t = a.target
    if t is None:
        return []
    lines = [tr("cf_target_title", lang, state=t.state, concept=concept_name(t.concept, lang))]
    lines += [message_text(a, m, lang) for m in t.messages()]
    if t.found and t.steps:
        lines.append(tr("cf_target_total", lang, swaps=f"{t.swaps:g}"))
    return lines


def provenance_lines(a: ConflictAnalysis, lang: str = "en") -> list[str]:
    pv = a.provenance
    note = pv["note"] if lang == "en" else tr("cf_judgment", lang)
    return [
        tr("prov_case", lang, case=pv["case"], sha=pv["case_sha256"][:12]),
        tr("cf_prov", lang, conflict=pv["conflict"], states=pv["states"], method=tr("cf_method", lang), version=pv["version"]),
        note,
    ]


# -- JSON and CSV ----------------------------------------------------------------------


def conflict_dict(a: ConflictAnalysis) -> dict:
    """The JSON contract: the analysis' data, plus its findings and paths in English words."""
    out = a.to_dict()
    out["findings"] = finding_lines(a)
    out["paths_in_words"] = path_lines(a, limit=10**9)
    if a.target is not None:
        out["target_in_words"] = target_lines(a)
    return out


def conflict_csv(a: ConflictAnalysis) -> str:
    """One row per state shown: its options, and for each concept 'equilibrium' or who would move."""
    buf = io.StringIO()
    buf.write(comment_lines(provenance_lines(a)))
    w = csv_writer(buf)
    w.writerow(["state", "status_quo", "options_taken", *a.concepts])
    for s in a.shown_states():
        cells = [";".join(a.unstable_for(s, c)) or "equilibrium" for c in a.concepts]
        w.writerow([s, "yes" if s == a.status_quo else "", ";".join(a.space.taken(s)), *cells])
    return buf.getvalue()


# -- the terminal ----------------------------------------------------------------------


def _options_table(a: ConflictAnalysis, lang: str):
    from rich.table import Table
    from rich.text import Text

    t = Table(title=tr("cf_options_title", lang), title_justify="left")
    t.add_column(tr("cf_col_option", lang), no_wrap=True)
    t.add_column(tr("cf_col_dm", lang))
    t.add_column(tr("cf_col_meaning", lang), ratio=1)
    for k, o in enumerate(a.space.option_ids):
        opt = _option(a, o)
        meaning = option_name(a, o, lang)
        if opt.direction != "both":
            meaning += f" ({tr('cf_' + opt.direction, lang)})" if lang == "en" else f"（{tr('cf_' + opt.direction, lang)}）"
        t.add_row(Text(o), Text(dm_name(a, a.space.dm_ids[a.space.owner[k]], lang)), Text(meaning))
    return t


def _states_table(a: ConflictAnalysis, lang: str):
    from rich.table import Table
    from rich.text import Text

    t = Table(title=tr("cf_states_title", lang), title_justify="left")
    t.add_column(tr("cf_col_state", lang), justify="right")
    # Wide enough for the longest option id: ids wrap between options, never inside one.
    t.add_column(tr("cf_col_taken", lang), min_width=max(len(o) for o in a.space.option_ids) + 1, ratio=1)
    for c in a.concepts:
        t.add_column(concept_name(c, lang), justify="center")
    for s in a.shown_states():
        name = f"{s}\n{tr('cf_today', lang)}" if s == a.status_quo else str(s)
        taken = "\n".join(a.space.taken(s)) or tr("cf_none_taken", lang)
        cells = []
        for c in a.concepts:
            movers = a.unstable_for(s, c)
            cells.append(Text("\n".join(movers), style="dim") if movers else Text("✓", style="bold green"))
        t.add_row(Text(name, style="bold" if s == a.status_quo else ""), Text(taken), *cells)
    return t


def conflict_renderables(a: ConflictAnalysis, lang: str = "en") -> list:
    """Everything `negotiator conflict` shows, as rich renderables (nothing printed here)."""
    from rich.text import Text

    out: list = [Text(tr("cf_title", lang, label=label(a.conflict, lang)) + f"  ({a.conflict_id})", style="bold")]
    out.append(Text(tr("cf_finding_title", lang), style="bold"))
    out += [Text("• " + line) for line in finding_lines(a, lang)]
    out.append(_options_table(a, lang))
    out.append(_states_table(a, lang))
    out.append(Text(tr("cf_concepts_key", lang), style="dim"))
    if a.status_quo is not None:
        out.append(Text(tr("cf_sq_title", lang, state=a.status_quo) + ": " + (state_words(a, a.status_quo) or tr("cf_none_taken", lang)), style="bold"))
        out += [Text("  • " + line) for line in verdict_lines(a, lang)]
    out.append(Text(tr("cf_paths_title", lang), style="bold"))
    out += [Text("  • " + line) for line in path_lines(a, lang)]
    if a.target is not None:
        lines = target_lines(a, lang)
        out.append(Text(lines[0], style="bold"))
        out += [Text("  • " + line) for line in lines[1:]]
    out.append(Text("\n".join(provenance_lines(a, lang)), style="dim"))
    return out
