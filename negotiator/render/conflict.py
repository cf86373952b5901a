"""The forms of a conflict analysis: words (terminal, memo, TUI), JSON and CSV.

Nothing here computes stability or prints: negotiator.conflict.analysis has done the
analysis; this turns its states, moves and message keys into sentences and tables.
Case text (labels, ids) goes into rich Text objects, never into markup, so a label
such as "[draft] plan" prints as written.
"""

from __future__ import annotations

import io
import re

from negotiator.conflict.analysis import MAX_THREAT_STATES, ConflictAnalysis
from negotiator.conflict.coalitions import CoalitionMove
from negotiator.conflict.stability import Verdict
from negotiator.i18n import colon as i18n_colon, label, sep, tr
from negotiator.render.spreadsheet_safe import comment_lines, csv_writer

__all__ = [
    "concept_name", "dm_name", "state_words", "change_words", "message_text", "verdict_lines",
    "path_lines", "path_targets", "finding_lines", "threat_lines", "threat_summary", "moves_words", "target_lines", "provenance_lines",
    "conflict_dict", "conflict_csv", "conflict_renderables", "Para", "wrap_words", "MAX_PATHS_SHOWN", "MAX_THREATS_SHOWN",
]

#: Changed comparisons listed per DM under --target (JSON has every one).
MAX_PAIRS_SHOWN = 4

#: Paths listed in words on the terminal and in the memo (JSON has every one).
MAX_PATHS_SHOWN = 4


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
    return tr("cf_and", lang).join(parts)


def moves_words(a: ConflictAnalysis, before: int, after: int, lang: str = "en") -> str:
    """A joint move, DM by DM: "China takes up “A”, the United States gives up “B”"."""
    was, now = set(a.space.taken(before)), set(a.space.taken(after))
    parts = []
    for i, dm in enumerate(a.space.dm_ids):
        own = [o for k, o in enumerate(a.space.option_ids) if a.space.owner[k] == i]
        taken = [option_name(a, o, lang) for o in own if o in now - was]
        dropped = [option_name(a, o, lang) for o in own if o in was - now]
        words = [tr("cf_takes", lang, options=_quoted(taken, lang))] if taken else []
        words += [tr("cf_drops", lang, options=_quoted(dropped, lang))] if dropped else []
        if words:
            parts.append(tr("conflict.path.step", lang, dm=dm_name(a, dm, lang), change=tr("cf_and", lang).join(words)))
    return ("，" if lang == "zh" else ", ").join(parts)


def _quoted(names: list[str], lang: str) -> str:
    quoted = [f"“{n}”" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    return ("、" if lang == "zh" else ", ").join(quoted[:-1]) + tr("cf_and", lang) + quoted[-1]


def _dms(a: ConflictAnalysis, dms, lang: str) -> str:
    names = [dm_name(a, d, lang) for d in dms]
    if len(names) <= 1:
        return "".join(names)
    return ("、" if lang == "zh" else ", ").join(names[:-1]) + tr("cf_and", lang) + names[-1]


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
        p["change"] = moves_words(a, p["from"], p["to"], lang)
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
        return tr("conflict.path.coalition_step", lang, dms=_dms(a, step.dms, lang), change=moves_words(a, step.from_state, step.to_state, lang))
    return tr("conflict.path.step", lang, dm=dm_name(a, step.dm, lang), change=change_words(a, step.from_state, step.to_state, lang))


def path_targets(a: ConflictAnalysis) -> list[int]:
    """The credible equilibria a path is shown to: those groups would not leave either
    (coalition Nash, then coalition SEQ) first, then the other SEQ equilibria."""
    seq = set(a.equilibria("seq"))
    wanted = [s for s in a.shown_states() if s != a.status_quo and (s in seq or s in a.equilibria("cseq"))]
    rank = {s: (0 if s in a.equilibria("cnash") else 1 if s in a.equilibria("cseq") else 2) for s in wanted}
    return sorted(wanted, key=lambda s: (rank[s], s))


def path_lines(a: ConflictAnalysis, lang: str = "en", limit: int = MAX_PATHS_SHOWN, more: str = "cf_more_paths") -> list[str]:
    """The first shortest path from today to each credible equilibrium (those groups keep first),
    by moves each DM likes alone, else with groups acting together."""
    if a.status_quo is None:
        return [tr("cf_no_sq", lang)]
    alone = {p.target: p for p in a.paths}
    together = {p.target: p for p in a.coalition_paths}
    lines = []
    reachable = 0
    for s in path_targets(a):
        p, key = alone.get(s), "cf_path"
        if p is None or not p.reachable:
            p, key = together.get(s), "cf_path_coalition"
        if p is None or not p.reachable:
            continue
        reachable += 1
        if len(lines) < limit:
            steps = tr("cf_then", lang).join(_step_text(a, step, lang) for step in p.paths[0])
            lines.append(tr(key, lang, to=s, steps=steps, taken=_taken_short(a, s, lang)))
    if reachable == 0:
        return [tr("cf_no_paths", lang)]
    if not any(p.reachable and p.length for p in a.paths):
        lines.insert(0, tr("cf_nobody_moves_alone", lang))
    if reachable > limit:
        lines.append(tr(more, lang, n=reachable - limit))
    return lines


def _taken_short(a: ConflictAnalysis, state: int, lang: str) -> str:
    return ", ".join(a.space.taken(state)) or tr("cf_nothing_taken", lang)


def _list(items, lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(str(x) for x in items)


#: State numbers listed in a sentence (JSON lists all).
MAX_STATES_LISTED = 10


def _states(states, lang: str, limit: int = MAX_STATES_LISTED) -> str:
    states = list(states)
    if len(states) <= limit:
        return _list(states, lang)
    return _list(states[:limit], lang) + tr("cf_and_more", lang, n=len(states) - limit)


def finding_lines(a: ConflictAnalysis, lang: str = "en") -> list[str]:
    """The bottom line: today's state, the equilibria (credible or held by threats), groups."""
    lines = []
    if a.status_quo is not None:
        holds = [concept_name(c, lang) for c in a.concepts if a.status_quo in a.equilibria(c)]
        today = _taken_short(a, a.status_quo, lang)
        if holds and all(not a.verdict(dm, a.status_quo, "nash").improvements for dm in a.space.dm_ids):
            lines.append(tr("cf_sq_nash", lang, state=a.status_quo, taken=today, concepts=_list(holds, lang)))
        elif holds:
            lines.append(tr("cf_sq_equilibrium", lang, state=a.status_quo, taken=today, concepts=_list(holds, lang)))
        else:
            lines.append(tr("cf_sq_not_equilibrium", lang, state=a.status_quo, taken=today))
    seq = a.equilibria("seq")
    lines.append(tr("cf_credible", lang, n=len(seq), states=_states(seq, lang)) if seq else tr("cf_none_credible", lang))
    threats = a.held_by_threats()
    lines.append(tr("cf_threat_only", lang, n=len(threats), states=_states(threats, lang)) if threats else tr("cf_no_threat_only", lang))
    cnash = a.equilibria("cnash")
    lines.append(tr("cf_coalition_finding", lang, states=_states(cnash, lang)) if cnash else tr("cf_no_coalition_eq", lang))
    return lines


#: Kinds of sanction listed in words on the terminal and in the memo (JSON has every one).
MAX_THREATS_SHOWN = 6


def threat_lines(a: ConflictAnalysis, lang: str = "en", limit: int = MAX_THREATS_SHOWN, more: str = "cf_more_threats") -> list[str]:
    """Each kind of sanction that holds equilibria in place, most used first: who does what,
    whom it deters, and where it is credible (it pays them) or only a threat (it costs them)."""
    if a.space.n_states > MAX_THREAT_STATES:
        return [tr("cf_threats_too_many", lang, n=a.space.n_states)]
    if not a.threats:
        return [tr("cf_no_threats", lang)]
    lines = []
    for t in a.threats[:limit]:
        did = []
        if t.takes:
            did.append(tr("cf_take", lang, options=_quoted([option_name(a, o, lang) for o in t.takes], lang)))
        if t.drops:
            did.append(tr("cf_drop", lang, options=_quoted([option_name(a, o, lang) for o in t.drops], lang)))
        where = []
        if t.credible_at:
            where.append(tr("cf_threat_credible_at", lang, n=len(t.credible_at), states=_states(t.credible_at, lang, 6), by=_dms(a, t.by, lang)))
        if t.threat_at:
            where.append(tr("cf_threat_only_at", lang, n=len(t.threat_at), states=_states(t.threat_at, lang, 6), by=_dms(a, t.by, lang)))
        parts = tr("cf_and", lang).join(did)
        lines.append(tr("cf_threat_line", lang, by=_dms(a, t.by, lang), action=parts, against=dm_name(a, t.against, lang), where=sep(lang).join(where)))
    if len(a.threats) > limit:
        lines.append(tr(more, lang, n=len(a.threats) - limit))
    return lines


def threat_summary(a: ConflictAnalysis, lang: str = "en") -> str:
    """One sentence: how many kinds of sanction are credible, how many only threats."""
    credible = sum(1 for t in a.threats if t.credible_at)
    only = sum(1 for t in a.threats if t.threat_at)
    return tr("cf_threats_summary", lang, credible=credible, only=only)


def target_lines(a: ConflictAnalysis, lang: str = "en") -> list[str]:
    t = a.target
    if t is None:
        return []
    lines = [tr("cf_target_title", lang, state=t.state, taken=_taken_short(a, t.state, lang), concept=concept_name(t.concept, lang))]
    lines += [message_text(a, m, lang) for m in t.messages()]
    for c in t.changes if t.found else ():
        grouped: dict[tuple[int, str], list[int]] = {}
        for x, y, now in c.changed_pairs():
            grouped.setdefault((x, now), []).append(y)
        for (x, now), ys in list(grouped.items())[:MAX_PAIRS_SHOWN]:
            lines.append(tr(f"cf_target_{now}", lang, dm=dm_name(a, c.dm, lang), a=x, a_taken=_taken_short(a, x, lang), b=_states(ys, lang, 8)))
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
    out["threats_in_words"] = threat_lines(a, limit=10**9)
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

#: A word (ASCII run) or one character, with any opening quotes or brackets kept on it; or spaces.
_TOKEN = re.compile(r"[“‘（《「『]*(?:[!-~]+|[^\s])|\s+")
#: Punctuation a Chinese line may not start with: it stays with the character before it.
_NO_LINE_START = set("，。、：；！？）》」』”’…")


def wrap_words(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells: between words in English and between
    characters in Chinese (rich breaks lines only at spaces, which Chinese text lacks)."""
    from rich.cells import cell_len

    width = max(width, 8)
    lines: list[list[str]] = [[]]
    used = 0
    for tok in _TOKEN.findall(text):
        w = cell_len(tok)
        if tok.isspace():
            if lines[-1] and used + w <= width:
                lines[-1].append(tok)
                used += w
            elif lines[-1]:
                lines.append([])
                used = 0
            continue
        if used + w > width and lines[-1]:
            carry = []
            if tok[0] in _NO_LINE_START:
                # carry the closing punctuation already placed and the word before it
                while lines[-1] and lines[-1][-1][0] in _NO_LINE_START:
                    carry.insert(0, lines[-1].pop())
                if lines[-1] and not lines[-1][-1].isspace():
                    carry.insert(0, lines[-1].pop())
            while lines[-1] and lines[-1][-1].isspace():
                lines[-1].pop()
            lines.append(carry)
            used = sum(cell_len(t) for t in carry)
        while w > width:  # a word longer than a line: fold it
            lines[-1].append(tok[: width - used])
            tok = tok[width - used:]
            lines.append([])
            used = 0
            w = cell_len(tok)
        lines[-1].append(tok)
        used += w
    return ["".join(line).rstrip() for line in lines if line] or [""]


class Para:
    """A paragraph for the terminal: an optional bullet, a hanging indent, wrapping that suits
    both languages (see :func:`wrap_words`). Case text stays plain text, never markup."""

    def __init__(self, text: str, bullet: str = "", indent: int = 0, style: str = ""):
        self.text, self.bullet, self.indent, self.style = text, bullet, indent, style

    def __rich_console__(self, console, options):
        from rich.cells import cell_len
        from rich.text import Text

        lead = " " * self.indent + self.bullet
        hang = " " * cell_len(lead)
        for k, line in enumerate(wrap_words(self.text, options.max_width - cell_len(lead))):
            yield Text((lead if k == 0 else hang) + line, style=self.style)

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        return Measurement(1, options.max_width)



def _options_table(a: ConflictAnalysis, lang: str):
    from rich.table import Table
    from rich.text import Text

    t = Table()
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

    t = Table()
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

    colon = i18n_colon(lang)
    out: list = [Para(tr("cf_title", lang, label=label(a.conflict, lang)) + f" ({a.conflict_id})", style="bold")]
    out.append(Para(tr("cf_finding_title", lang), style="bold"))
    out += [Para(line, "• ") for line in finding_lines(a, lang)]
    out.append(Para(tr("cf_threats_title", lang), style="bold"))
    out += [Para(line, "• ", 2) for line in threat_lines(a, lang)]
    if a.status_quo is not None:
        out.append(Para(tr("cf_sq_title", lang, state=a.status_quo) + colon + (state_words(a, a.status_quo) or tr("cf_none_taken", lang)), style="bold"))
        out += [Para(line, "• ", 2) for line in verdict_lines(a, lang)]
    out.append(Para(tr("cf_paths_title", lang), style="bold"))
    out += [Para(line, "• ", 2) for line in path_lines(a, lang)]
    if a.target is not None:
        lines = target_lines(a, lang)
        out.append(Para(lines[0], style="bold"))
        out += [Para(line, "• ", 2) for line in lines[1:]]
    out.append(Para(tr("cf_options_title", lang), style="bold"))
    out.append(_options_table(a, lang))
    out.append(Para(tr("cf_states_title", lang), style="bold"))
    out.append(_states_table(a, lang))
    out.append(Para(tr("cf_concepts_key", lang), style="dim"))
    out += [Para(line, style="dim") for line in provenance_lines(a, lang)]
    return out
