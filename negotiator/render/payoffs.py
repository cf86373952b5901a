"""Outputs of `negotiator payoffs` and `negotiator game`: JSON, CSV and rich tables.

No arithmetic beyond formatting, no printing: the CLI prints what these return.
Every form names its provenance (case and sha256, method, profile, weights,
probabilities, version) and says that scores and payoffs are analyst judgments.
"""

from __future__ import annotations

import io
from fractions import Fraction

from negotiator._version import __version__
from negotiator.scenarios.rules import DecisionReport, Switch
from negotiator.games.bimatrix import GameAnalysis, Mixed
from negotiator.scenarios.payoffs import ScenarioPayoffs
from negotiator.render.spreadsheet_safe import comment_lines, csv_writer, exact_text
from negotiator.render.termfit import wrap_id
from negotiator.i18n import case_name, rule_name, tr

__all__ = [
    "payoffs_provenance_lines",
    "payoffs_json",
    "payoffs_csv",
    "payoffs_tables",
    "payoffs_markdown",
    "game_markdown",
    "game_provenance_lines",
    "game_json",
    "game_csv",
    "game_tables",
    "mixture_text",
]

JUDGMENT_NOTE = "scores, probabilities and payoffs are analyst judgments, not facts"


def _label(row_or_spec, lang: str) -> str:
    if lang == "zh" and getattr(row_or_spec, "label_zh", None):
        return row_or_spec.label_zh
    return row_or_spec.label


# -- scenario payoffs ------------------------------------------------------------------


def payoffs_provenance_lines(t: ScenarioPayoffs, report: DecisionReport, short: bool = False, lang: str = "en") -> list[str]:
    """Where the table comes from; ``lang`` words it for the terminal (CSV and JSON keep English)."""
    sha = t.case_sha256[:12] if short else t.case_sha256
    source = t.probabilities_source
    if lang != "en":  # 'case', 'case, with --probability overrides (s=p, ...)' or '--probability flags (s=p, ...)'
        if source == "case":
            source = tr("py_source_case", lang)
        elif source.startswith("--probability flags"):
            source = source.replace("--probability flags", tr("py_source_flags", lang))
        else:
            source = source.replace("case, with --probability overrides", tr("py_source_overrides", lang))
    if t.probabilities is None:
        probabilities = tr("py_prov_no_probabilities", lang)
    else:
        probabilities = tr("py_prov_probabilities", lang, source=source, probabilities=", ".join(f"{s}={p:g}" for s, p in zip(t.scenarios, t.probabilities)))
    return [
        tr("py_prov_case", lang, case=case_name(t.case, lang), sha=sha, version=t.version),
        tr("py_prov_method", lang, method=t.method, profile=t.profile, weights=", ".join(f"{k}={v:.4f}" for k, v in t.weights.items())),
        probabilities,
        tr("py_prov_alpha", lang, alpha=f"{report.alpha:g}"),
        JUDGMENT_NOTE if lang == "en" else tr("py_judgment", lang),
    ]


def _ids(t: ScenarioPayoffs, idx) -> list[str]:
    return [t.rows[i].id for i in idx]


def _names(t: ScenarioPayoffs, idx) -> list[str]:
    """What tables show: option ids, or P1, P2, ... for packages (their options are listed once, below)."""
    if t.kind == "package":
        return [f"P{i + 1}" for i in idx]
    return _ids(t, idx)


def _switch_dict(t: ScenarioPayoffs, s: Switch) -> dict:
    return {
        "parameter": s.parameter,
        "current": s.current,
        "choice": _ids(t, s.chosen),
        "changes_below": s.lower,
        "choice_below": _ids(t, s.lower_choice),
        "changes_above": s.upper,
        "choice_above": _ids(t, s.upper_choice),
        "segments": [{"from": g.start, "to": g.end, "choice": _ids(t, g.chosen)} for g in s.segments],
    }


def payoffs_json(t: ScenarioPayoffs, report: DecisionReport) -> dict:
    """The JSON form (`negotiator payoffs --format json`): a stable contract for scripts."""
    return {
        **t.provenance(),
        "alpha": report.alpha,
        "kind": t.kind,
        "note": JUDGMENT_NOTE,
        "scenarios": [{"id": s, "label": lab, "label_zh": zh, "probability": p} for s, lab, zh, p in zip(t.scenarios, t.scenario_labels, t.scenario_labels_zh, t.probability_of.values())],
        "payoffs": [{"id": r.id, "label": r.label, "label_zh": r.label_zh, "options": list(r.members), "origin": r.origin, "values": dict(zip(t.scenarios, map(float, t.values[i])))} for i, r in enumerate(t.rows)],
        "regret": [{"id": r.id, "regret": dict(zip(t.scenarios, map(float, report.regret[i])))} for i, r in enumerate(t.rows)],
        "rules": [
            {
                "rule": rr.rule,
                "name": rr.name,
                "criterion": rr.criterion,
                "better": rr.better,
                "choice": _ids(t, rr.chosen),
                "score": rr.scores[rr.chosen[0]],
                "runner_up": _ids(t, rr.runner_up),
                "margin": rr.margin,
                "scores": {t.rows[i].id: v for i, v in enumerate(rr.scores)},
            }
            for rr in report.rules
        ],
        "hurwicz_switch": _switch_dict(t, report.hurwicz),
        "probability_switches": [_switch_dict(t, s) for s in report.probability],
        "expected_value_of_perfect_information": report.evpi,
        "complete_ignorance": report.ignorance,
        "not_run": [{"rule": r, "reason": why} for r, why in report.not_run],
        "menu_effects": [_menu_dict(t, m) for m in report.menu_effects],
        "exact": _exact_dict(t, report),
        "screened_out": {oid: reasons for oid, reasons in t.screened_out.items()},
        "warnings": list(t.warnings),
    }


def _menu_dict(t: ScenarioPayoffs, m) -> dict:
    return {
        "removed": t.rows[m.removed].id,
        "removed_is": "dominated" if m.dominated else "irrelevant (not chosen)",
        "rule": "minimax_regret",
        "choice_before": _ids(t, m.before),
        "choice_after": _ids(t, m.after),
        "largest_regret_after": m.largest_regret_after,
    }


def _exact_dict(t: ScenarioPayoffs, report: DecisionReport) -> dict | None:
    """Exact fractions as "a/b" text (JSON), beside the floats; None when some payoff is not a fraction."""
    ex = report.exact
    if ex is None:
        return None
    return {
        "values": {row.id: dict(zip(t.scenarios, map(str, ex["values"][i]))) for i, row in enumerate(t.rows)},
        "regret": {row.id: dict(zip(t.scenarios, map(str, ex["regret"][i]))) for i, row in enumerate(t.rows)},
        "scores": {rule: {row.id: str(v) for row, v in zip(t.rows, vals)} for rule, vals in ex["scores"].items()},
    }


def menu_effect_lines(t: ScenarioPayoffs, report: DecisionReport, lang: str = "en", show=_ids) -> list[str]:
    """Warnings: removing an option nobody picks would change the minimax-regret choice."""
    return [
        tr("py_menu_effect", lang, removed=show(t, [m.removed])[0], kind=tr("py_dominated" if m.dominated else "py_irrelevant", lang),
           before=" = ".join(show(t, m.before)), after=" = ".join(show(t, m.after)), regret=f"{m.largest_regret_after:.4g}")
        for m in report.menu_effects
    ]


def not_run_lines(report: DecisionReport, lang: str = "en") -> list[str]:
    return [tr("py_not_run", lang, rule=tr(f"rule_{r}", lang)) for r, _ in report.not_run]


def _switch_words(t: ScenarioPayoffs, s: Switch, show=_ids, lang: str = "en") -> str:
    def names(idx):
        return " = ".join(show(t, idx)) or "-"

    if s.at_tie:
        return tr("py_ties", lang, at=f"{s.current:.4g}", below=names(s.lower_choice), above=names(s.upper_choice))
    parts = []
    if s.lower is not None:
        parts.append(tr("py_below", lang, at=f"{s.lower:.4g}", names=names(s.lower_choice)))
    if s.upper is not None:
        parts.append(tr("py_above", lang, at=f"{s.upper:.4g}", names=names(s.upper_choice)))
    return ("；" if lang == "zh" else "; ").join(parts) if parts else tr("py_never", lang)


def _rule_words(r, alpha: float, lang: str) -> tuple[str, str]:
    """A decision rule's name and its criterion ('worst outcome, higher is better') in ``lang``;
    English is the core's own wording, Chinese names come from the memo's translations."""
    if lang == "en":
        return r.name, f"{r.criterion}, {r.better} is better"

    name = rule_name(r, lang, alpha)
    fields = {"a": f"{alpha:g}", "b": f"{1 - alpha:g}"} if r.rule == "hurwicz" else {}
    criterion = tr(f"py_crit_{r.rule}", lang, **fields)
    return name, tr("py_criterion", lang, criterion=criterion, better=tr(f"py_better_{r.better}", lang))


def payoffs_csv(t: ScenarioPayoffs, report: DecisionReport) -> str:
    """One row per option (or package): values per scenario, regret per scenario, each rule's score and choice."""
    buf = io.StringIO()
    w = csv_writer(buf)
    rules = report.rules
    ex = report.exact
    exact_cols = [] if ex is None else [f"exact:value:{s}" for s in t.scenarios] + [f"exact:{r.rule}" for r in rules]
    w.writerow(["id", "label", "label_zh", "origin"] + [f"value:{s}" for s in t.scenarios] + [f"regret:{s}" for s in t.scenarios] + [f"{r.rule}" for r in rules] + [f"chosen:{r.rule}" for r in rules] + exact_cols)
    for i, row in enumerate(t.rows):
        w.writerow(
            [row.id, row.label, row.label_zh or "", row.origin or ""]
            + [f"{v:.12g}" for v in t.values[i]]
            + [f"{v:.12g}" for v in report.regret[i]]
            + [f"{r.scores[i]:.12g}" for r in rules]
            + [int(i in r.chosen) for r in rules]
            + ([] if ex is None else [exact_text(v) for v in ex["values"][i]] + [exact_text(ex["scores"][r.rule][i]) for r in rules])
        )
    lines = payoffs_provenance_lines(t, report)
    lines += not_run_lines(report) + menu_effect_lines(t, report)
    lines += [f"{r.rule}: chooses {', '.join(_ids(t, r.chosen))}; margin {'-' if r.margin is None else f'{r.margin:.6g}'}" for r in rules]
    lines += [f"switch {s.parameter} (now {s.current:g}): {_switch_words(t, s)}" for s in (report.hurwicz, *report.probability)]
    lines += [f"screened out {oid}: {'; '.join(reasons)}" for oid, reasons in t.screened_out.items()]
    return buf.getvalue() + comment_lines(lines)


def payoffs_tables(t: ScenarioPayoffs, report: DecisionReport, lang: str = "en", layout=None, case=None) -> list:
    """Rich renderables, in reading order: payoff table, rules, regret, switch points, screened out.

    ``layout`` (termfit.Layout: the terminal's width; None = wide): below 100 columns the
    scenarios are headed S1, S2, ... (named in the caption), options are shown by id, and
    the rules and switch tables stack the choice over the runner-up / the change, so every
    table fits 80 columns and no number is split. ``case`` (optional) words the red-line
    reasons in ``lang``.
    """
    from negotiator.render.plain import PlainTable as Table
    from rich.text import Text

    from negotiator.render.termfit import Layout, break_long_words, id_text, label_cell

    layout = layout or Layout()
    narrow = layout.narrow
    chosen_by: dict[int, list[str]] = {}
    for r in report.rules:
        for i in r.chosen:
            chosen_by.setdefault(i, []).append(r.rule if lang == "en" else tr(f"py_short_{r.rule}", lang))
    zh = lang == "zh"
    sc_names = [(z if zh and z else lab) for lab, z in zip(t.scenario_labels, t.scenario_labels_zh)]
    keys = {sid: f"S{k}" for k, sid in enumerate(t.scenarios, 1)}

    def names_text(idx) -> Text:
        """One id a line; a tie's later members start with '= '."""
        return Text("\n= ".join(_names(t, idx)), no_wrap=True, overflow="ellipsis")

    # Scenario columns headed by label, id and p need about 28 cells each; where they do not fit,
    # they are headed S1, S2, ... and named in the caption.
    keyed = narrow or (layout.width is not None and layout.width < 40 + 28 * len(t.scenarios))
    caption = payoffs_provenance_lines(t, report, short=True, lang=lang)
    if keyed:
        caption = [f"{keys[sid]} = {name} ({sid})" + ("" if p is None else f", p = {p:g}") for sid, name, p in zip(t.scenarios, sc_names, t.probability_of.values())] + caption
    if narrow:
        caption.append(tr("py_next_table", lang))
    kind = tr(f"py_kind_{t.kind}", lang)
    title = tr("py_title", lang) if narrow else tr("py_title_long", lang, kind=t.kind if lang == "en" else kind)
    payoff = Table(title=title, caption="\n".join(caption), caption_justify="left")
    payoff.add_column(kind)
    for name, sid, p in zip(sc_names, t.scenarios, t.probability_of.values()):
        payoff.add_column(keys[sid] if keyed else f"{name}\n{sid}" + ("" if p is None else f"\np = {p:g}"), justify="right", no_wrap=True)
    if not narrow:
        payoff.add_column(tr("py_chosen_by", lang))
    for i, row in enumerate(t.rows):
        if t.kind == "package":
            name = Text(f"P{i + 1}", style="bold")
        elif narrow:
            name = id_text(row.id, style="bold")
        else:
            name = label_cell(_label(row, lang), row.id)
        values = [f"{v:.4f}" for v in t.values[i]]
        payoff.add_row(name, *values, *([] if narrow else [", ".join(chosen_by.get(i, []))]))

    rules = Table(title=tr("py_rules_title", lang))
    if narrow:
        # choice over the runner-up in one column: two ids side by side do not fit 80 columns.
        choice_width = max(24, min(40, (layout.width or 80) - 18 - 6 - 6 - 13))
        rules.add_column(tr("py_rule_criterion", lang), width=18)
        rules.add_column(tr("py_choice_runner", lang), width=choice_width)
    else:
        rules.add_column(tr("py_rule_criterion", lang), min_width=24)
        rules.add_column(tr("py_choice", lang), no_wrap=True)
    rules.add_column(tr("py_score", lang), justify="right", no_wrap=True)
    if not narrow:
        rules.add_column(tr("py_runner_up", lang), no_wrap=True)
    rules.add_column(tr("py_margin", lang), justify="right", no_wrap=True)
    for r in report.rules:
        rule_name, criterion = _rule_words(r, report.alpha, lang)
        # Chinese has no spaces to wrap at: fold by character instead of cutting with an ellipsis.
        rule = Text(f"{rule_name}\n", style="bold", overflow="fold" if lang == "zh" else None).append(break_long_words(criterion, 18) if narrow and lang == "en" else criterion, style="dim")
        score = f"{r.scores[r.chosen[0]]:.4f}"
        margin = "-" if r.margin is None else f"{r.margin:.4f}"
        if narrow:
            choice = names_text(r.chosen)
            for name in _names(t, r.runner_up) or ["-"]:
                choice.append("\n" + tr("py_next", lang, name=name), style="dim")
            rules.add_row(rule, choice, score, margin)
        else:
            rules.add_row(rule, "\n".join(_names(t, r.chosen)), score, "\n".join(_names(t, r.runner_up)) or "-", margin)

    regret = Table(title=tr("py_regret_title" if narrow else "py_regret_title_long", lang))
    regret.add_column(kind)
    # What the value columns leave for the ids (each column: 6 cells + 2 padding + 1 rule; 'largest' 7).
    regret_room = max(12, (layout.width or 80) - 1 - 3 - 9 * len(t.scenarios) - 10) if keyed else None
    for sid in t.scenarios:
        regret.add_column(keys[sid] if keyed else sid, justify="right", no_wrap=True)
    regret.add_column(tr("py_largest", lang), justify="right", no_wrap=True)
    for i, row in enumerate(t.rows):
        name = _names(t, [i])[0]
        regret.add_row(wrap_id(name, regret_room) if regret_room else name, *[f"{v:.4f}" for v in report.regret[i]], f"{report.regret[i].max():.4f}")

    switches = Table(title=tr("py_switch_title", lang))
    if narrow:
        switches.add_column(tr("py_parameter", lang), no_wrap=True)
        switches.add_column(tr("py_now", lang), justify="right", no_wrap=True)
        switches.add_column(tr("py_choice_now_changes", lang))
    else:
        for col in ("py_parameter", "py_now", "py_choice_now", "py_choice_changes"):
            switches.add_column(tr(col, lang))
    for s in (report.hurwicz, *report.probability):
        parameter = "α" if lang == "zh" and s.parameter == "alpha" else s.parameter
        if narrow:
            param = parameter
            for sid, key in keys.items():
                param = param.replace(f"p({sid})", f"p({key})")
            change = names_text(s.chosen)
            change.append("\n" + _switch_words(t, s, _names, lang), style="dim")
            switches.add_row(param, f"{s.current:g}", change)
            continue
        note = tr("py_others_in_proportion", lang) if s.parameter.startswith("p(") and len(t.scenarios) > 2 else ""
        switches.add_row(parameter + note, f"{s.current:g}", "\n".join(_names(t, s.chosen)), _switch_words(t, s, _names, lang))
    switches.caption = tr("py_evpi", lang, evpi=f"{report.evpi:.4f}") if report.evpi is not None else tr("py_no_probabilities", lang)
    if narrow and len(t.scenarios) > 2:
        switches.caption += "\n" + tr("py_p_note", lang)
    switches.caption_justify = "left"

    out = [payoff]
    if t.kind == "package":
        legend = Table(title=tr("py_packages_title", lang))
        legend.add_column("")
        legend.add_column(tr("py_from", lang))
        legend.add_column(tr("pf_options", lang), overflow="fold")
        for i, row in enumerate(t.rows):
            legend.add_row(f"P{i + 1}", _origin_words(row.origin or "", lang), "\n".join(f"{_label_of_option(row, k, lang)} ({o})" for k, o in enumerate(row.members)))
        out.append(legend)
    notes = not_run_lines(report, lang) + menu_effect_lines(t, report, lang, _names)
    if report.exact is not None:
        notes.append(tr("py_exact_note", lang))
    rules.caption = "\n".join(notes) or None
    rules.caption_justify = "left"
    out += [rules, regret, switches]
    if t.screened_out:
        from negotiator.i18n import red_line_reason

        screened = Table(title=tr("py_screened_title", lang), title_style="dim")
        screened.add_column(tr("option", lang), style="dim")
        screened.add_column(tr("py_scenario_red_line", lang), style="dim", overflow="fold" if lang == "zh" else "ellipsis")
        for oid, reasons in t.screened_out.items():
            if lang != "en" and case is not None and t.screened_breaches.get(oid):
                reasons = [f"{sid}：{red_line_reason(case, broken, lang)}" for sid, broken in t.screened_breaches[oid]]
            screened.add_row(oid, "\n".join(reasons))
        out.append(screened)
    return out


def _origin_words(origin: str, lang: str) -> str:
    """Where a package came from ('best package 1 of the base case; best package under s1') in ``lang``."""
    if lang == "en" or not origin:
        return origin
    import re

    out = []
    for part in origin.split("; "):
        if m := re.fullmatch(r"best package (\d+) of the base case", part):
            part = tr("py_origin_base", lang, k=m.group(1))
        elif m := re.fullmatch(r"best package under (\S+)", part):
            part = tr("py_origin_under", lang, scenario=m.group(1))
        out.append(part)
    return "；".join(out)


def _label_of_option(row, k: int, lang: str) -> str:
    label, label_zh = row.member_labels[k]
    return label_zh if lang == "zh" and label_zh else label


# -- games --------------------------------------------------------------------------


def _frac(v: Fraction) -> str:
    return str(v) if v.denominator != 1 else str(v.numerator)


def mixture_text(z: Mixed, names) -> str:
    """'1/4 talks + 3/4 pressure', or the pure strategy's name."""
    parts = [(p, n) for p, n in zip(z, names) if p != 0]
    if len(parts) == 1:
        return parts[0][1]
    return " + ".join(f"{_frac(p)} {n}" for p, n in parts)


def game_provenance_lines(loaded_name: str, sha: str, gid: str, spec, a: GameAnalysis, short: bool = False, lang: str = "en") -> list[str]:
    """Where the analysis comes from; ``lang`` words it for the terminal (CSV and JSON keep English).
    The case's own judgment note is the case's text: Chinese puts the fixed note before it."""
    judgment = spec.judgment or tr("gm_judgment", lang)
    if lang != "en" and spec.judgment:
        judgment = tr("gm_judgment", lang) + "（" + spec.judgment + "）"
    return [
        tr("gm_prov_case", lang, case=case_name(loaded_name, lang), sha=sha[:12] if short else sha, game=gid, version=__version__),
        tr("gm_pairs", lang, row=a.game.row_player, col=a.game.col_player) + tr("gm_degenerate" if a.degenerate else "gm_non_degenerate", lang),
        judgment,
    ]


def _mix_dict(z: Mixed, names) -> dict[str, str]:
    return {n: _frac(p) for n, p in zip(names, z)}


def _dominance_dict(g, d) -> dict:
    names = g.rows if d.player == "row" else g.cols
    player = g.row_player if d.player == "row" else g.col_player
    return {"player": player, "strategy": names[d.strategy], "kind": d.kind, "dominated_by": {names[k]: _frac(p) for k, p in d.by.items()}, "margin": _frac(d.margin)}


def game_json(loaded_name: str, sha: str, gid: str, spec, a: GameAnalysis) -> dict:
    g = a.game
    comps = []
    for c in a.components:
        comps.append({
            "equilibria": [k + 1 for k in c.equilibria],
            "isolated": c.isolated,
            "nash_subsets": [{g.row_player: [_mix_dict(x, g.rows) for x in X], g.col_player: [_mix_dict(y, g.cols) for y in Y]} for X, Y in c.nash_subsets],
        })
    zs = None
    if a.zero_sum is not None:
        z = a.zero_sum
        zs = {"constant_sum": _frac(z.constant), "value": _frac(z.value), g.row_player: _mix_dict(z.row_strategy, g.rows), g.col_player: _mix_dict(z.col_strategy, g.cols), "solver": z.solver}
    return {
        "case": loaded_name,
        "case_sha256": sha,
        "version": __version__,
        "game": gid,
        "label": spec.label,
        "label_zh": spec.label_zh,
        "note": spec.judgment or "payoffs are analyst judgments, not facts",
        "players": {g.row_player: list(g.rows), g.col_player: list(g.cols)},
        "payoffs": {r: {c: [_frac(g.A[i][j]), _frac(g.B[i][j])] for j, c in enumerate(g.cols)} for i, r in enumerate(g.rows)},
        "degenerate": a.degenerate,
        "best_responses": {
            g.row_player: {c: [g.rows[i] for i in a.row_best[j]] for j, c in enumerate(g.cols)},
            g.col_player: {r: [g.cols[j] for j in a.col_best[i]] for i, r in enumerate(g.rows)},
        },
        "dominated": [_dominance_dict(g, d) for d in a.dominated],
        "iterated_strict_elimination": [{"removed": [_dominance_dict(g, d) for d in rd.removed], "left": {g.row_player: [g.rows[i] for i in rd.rows_left], g.col_player: [g.cols[j] for j in rd.cols_left]}} for rd in a.strict_rounds],
        "iterated_weak_elimination": [{"removed": [_dominance_dict(g, d) for d in rd.removed], "left": {g.row_player: [g.rows[i] for i in rd.rows_left], g.col_player: [g.cols[j] for j in rd.cols_left]}} for rd in a.weak_rounds],
        "pure_equilibria": [[g.rows[i], g.cols[j]] for i, j in a.pure],
        "equilibria": [
            {"id": k + 1, g.row_player: _mix_dict(e.x, g.rows), g.col_player: _mix_dict(e.y, g.cols), "payoffs": [_frac(e.payoff_row), _frac(e.payoff_col)], "pure": e.pure, "certified": e.certified, "deviation_gains": [_frac(e.row_gain), _frac(e.col_gain)]}
            for k, e in enumerate(a.equilibria)
        ],
        "components": comps,
        "security_levels": {
            p: {"pure": _frac(s.pure_level), "pure_strategies": [names[i] for i in s.pure_strategies], "mixed": _frac(s.mixed_level), "mixed_strategy": _mix_dict(s.mixed_strategy, names)}
            for p, s, names in ((g.row_player, a.security[0], g.rows), (g.col_player, a.security[1], g.cols))
        },
        "zero_sum": zs,
    }


def game_csv(loaded_name: str, sha: str, gid: str, spec, a: GameAnalysis) -> str:
    """One row per extreme equilibrium: its component, both strategies' probabilities, payoffs.

    Probabilities and payoffs are decimal numbers (a bare ``1/4`` opens as a date in
    a spreadsheet); the exact rationals follow in ``exact:`` columns as ``1⁄4``
    (fraction slash, see spreadsheet_safe.exact_text); JSON keeps ``"1/4"``.
    """
    g = a.game
    comp_of = {k: c_i + 1 for c_i, c in enumerate(a.components) for k in c.equilibria}
    buf = io.StringIO()
    w = csv_writer(buf)
    exact_cols = [f"{g.row_player}:{r}" for r in g.rows] + [f"{g.col_player}:{c}" for c in g.cols] + [f"payoff:{g.row_player}", f"payoff:{g.col_player}"]
    w.writerow(["equilibrium", "component"] + exact_cols + ["pure", "certified"] + [f"exact:{c}" for c in exact_cols])
    for k, e in enumerate(a.equilibria):
        values = [*e.x, *e.y, e.payoff_row, e.payoff_col]
        w.writerow([k + 1, comp_of[k]] + values + [int(e.pure), int(e.certified)] + [exact_text(v) for v in values])
    return buf.getvalue() + comment_lines(game_provenance_lines(loaded_name, sha, gid, spec, a))


def _strategy_name(spec, player: str, sid: str, lang: str) -> str:
    return _label(spec.players[player].strategies[sid], lang)


def game_tables(loaded_name: str, sha: str, gid: str, spec, a: GameAnalysis, lang: str = "en", layout=None) -> list:
    """Rich renderables: payoffs with best responses, dominance, equilibria and their sets, security levels."""
    from negotiator.render.plain import PlainTable as Table
    from rich.text import Text

    from negotiator.render.termfit import Layout, id_text, label_cell

    narrow = (layout or Layout()).narrow
    g = a.game
    rp, cp = g.row_player, g.col_player
    rlab, clab = _label(spec.players[rp], lang), _label(spec.players[cp], lang)
    provenance = game_provenance_lines(loaded_name, sha, gid, spec, a, short=True, lang=lang)
    if narrow:  # a short title; what the cells mean goes in the caption
        payoff = Table(title=f"{_label(spec, lang)} ({gid})", caption="\n".join([tr("gm_cells", lang, row=rlab, col=clab)] + provenance), caption_justify="left")
    else:
        payoff = Table(
            title=tr("gm_title_long", lang, game=f"{_label(spec, lang)} ({gid})", row=rlab, col=clab),
            caption="\n".join(provenance), caption_justify="left",
        )
    width = (layout or Layout()).width or 80
    row_room = 20
    col_room = max(10, (width - 1 - 3 * (len(g.cols) + 1) - row_room) // max(1, len(g.cols)))
    payoff.add_column(f"{rlab} \\ {clab}", width=row_room if narrow else None)
    for c in g.cols:
        # Narrow: ids broken after underscores to the room each strategy column gets.
        col_id = Text(wrap_id(c, col_room), style="dim") if narrow else id_text(c, style="dim")
        cname = _strategy_name(spec, cp, c, lang)
        header = Text(cname, justify="center", overflow="fold") if cname == c else Text(f"{cname}\n", justify="center", overflow="fold").append_text(col_id)
        payoff.add_column(header, justify="center")
    for i, r in enumerate(g.rows):
        cells = []
        for j in range(len(g.cols)):
            a_mark = "*" if i in a.row_best[j] else ""
            b_mark = "*" if j in a.col_best[i] else ""
            cell = f"{_frac(g.A[i][j])}{a_mark}, {_frac(g.B[i][j])}{b_mark}"
            cells.append(Text(cell, style="bold") if a_mark and b_mark else cell)
        if narrow:
            rname = _strategy_name(spec, rp, r, lang)
            payoff.add_row(Text(rname, style="bold", overflow="fold") if rname == r else Text(f"{rname}\n", style="bold", overflow="fold").append(wrap_id(r, row_room), style="dim"), *cells)
        else:
            payoff.add_row(label_cell(_strategy_name(spec, rp, r, lang), r), *cells)

    best = Table(title=tr("gm_best_title", lang))
    best.add_column(tr("gm_if_other", lang))
    best.add_column(tr("gm_best_response", lang))
    for j, c in enumerate(g.cols):
        best.add_row(f"{cp}: {c}", f"{rp}: " + " = ".join(g.rows[i] for i in a.row_best[j]))
    for i, r in enumerate(g.rows):
        best.add_row(f"{rp}: {r}", f"{cp}: " + " = ".join(g.cols[j] for j in a.col_best[i]))

    dom = Table(title=tr("gm_dom_title", lang))
    dom_room = max(14, (width - 1 - 15 - 16 - 6) // 2) if narrow else None
    dom.add_column(tr("gm_step", lang))
    if not narrow:
        dom.add_column(tr("gm_player", lang))
    dom.add_column(tr("gm_strategy_player" if narrow else "gm_strategy", lang))
    dom.add_column(tr("gm_dominated_by", lang))
    dom.add_column(tr("gm_margin", lang), justify="right", no_wrap=True)
    for d in a.dominated:
        _dom_row(dom, tr("gm_full_game", lang), g, d, dom_room, lang)
    for k, rd in enumerate(a.strict_rounds, 1):
        for d in rd.removed:
            _dom_row(dom, tr("gm_strict_round", lang, k=k), g, d, dom_room, lang)
    for k, rd in enumerate(a.weak_rounds, 1):
        for d in rd.removed:
            _dom_row(dom, tr("gm_weak_round", lang, k=k), g, d, dom_room, lang)
    survivors = a.strict_rounds[-1] if a.strict_rounds else None
    left_rows = g.rows if survivors is None else [g.rows[i] for i in survivors.rows_left]
    left_cols = g.cols if survivors is None else [g.cols[j] for j in survivors.cols_left]
    dom_caption = (
        tr("gm_after_strict", lang, row=rp, rows=", ".join(left_rows), col=cp, cols=", ".join(left_cols))
        + ("" if a.dominated else tr("gm_nothing_dominated", lang))
        + _weak_survivors(a, lang)
        + tr("gm_margin_note", lang)
    )
    dom.caption = dom_caption
    dom.caption_justify = "left"

    eq = Table(title=tr("gm_eq_title_short" if narrow else "gm_eq_title", lang, n=len(a.equilibria)))
    comp_of = {k: c_i + 1 for c_i, c in enumerate(a.components) for k in c.equilibria}
    # Narrow: "set" only when some equilibria form sets, "certified" only when one is not (the
    # caption says each is); the strategies get the room left, their ids broken after underscores.
    show_set = not narrow or not all(c.isolated for c in a.components)
    show_cert = not narrow or not all(e.certified for e in a.equilibria)
    columns = ["#", *([tr("gm_set", lang)] if show_set else []), rlab, clab, tr("gm_payoffs", lang), tr("gm_kind", lang), *([tr("gm_certified", lang)] if show_cert else [])]
    eq_room = max(14, (width - 1 - 3 * len(columns) - 2 - 7 - 5 - (8 if show_set else 0) - (9 if show_cert else 0)) // 2) if narrow else None
    for col in columns:
        eq.add_column(col, no_wrap=col in ("#", tr("gm_payoffs", lang)))
    for k, e in enumerate(a.equilibria):
        comp = a.components[comp_of[k] - 1]
        cells = [str(k + 1)]
        if show_set:
            cells.append(f"{comp_of[k]}" + ("" if comp.isolated else tr("gm_a_set", lang)))
        cells += [_mix_cell(e.x, g.rows, eq_room), _mix_cell(e.y, g.cols, eq_room), f"{_frac(e.payoff_row)}, {_frac(e.payoff_col)}", tr("gm_pure" if e.pure else "gm_mixed", lang)]
        if show_cert:
            cells.append(tr("gm_yes" if e.certified else "gm_no", lang))
        eq.add_row(*cells)
    notes = set_notes(a, lang)
    eq.caption = "\n".join(notes + [tr("gm_counts", lang, pure=len(a.pure), sets=len(a.components))] + ([tr("gm_each_certified", lang)] if narrow else []))
    eq.caption_justify = "left"

    sec = Table(title=tr("gm_sec_title" if narrow else "gm_sec_title_long", lang))
    if narrow:  # the level over the strategies that guarantee it
        sec_room = max(14, (width - 1 - 9 - 8) // 2)
        for col in ("gm_player", "gm_pure_with", "gm_mixed_with"):
            sec.add_column(tr(col, lang))
        for p, s_, names in ((rp, a.security[0], g.rows), (cp, a.security[1], g.cols)):
            pure = "\n".join(wrap_id(names[i], sec_room) for i in s_.pure_strategies)
            sec.add_row(p, f"{_frac(s_.pure_level)}\n{pure}", f"{_frac(s_.mixed_level)}\n{_mix_cell(s_.mixed_strategy, names, sec_room)}")
    else:
        for col in ("gm_player", "gm_pure_maximin", "gm_with", "gm_mixed_maximin", "gm_with"):
            sec.add_column(tr(col, lang))
        for p, s_, names in ((rp, a.security[0], g.rows), (cp, a.security[1], g.cols)):
            sec.add_row(p, _frac(s_.pure_level), ", ".join(names[i] for i in s_.pure_strategies), _frac(s_.mixed_level), mixture_text(s_.mixed_strategy, names))
    # Nothing dominated: the caption alone says so (a table of headers only says nothing).
    empty_dom = Text(tr("gm_dom_title", lang), style="italic").append("\n" + dom_caption, style="")
    out = [payoff, best, dom if dom.row_count else empty_dom, eq, sec]
    if a.zero_sum is not None:
        z = a.zero_sum
        zs = Table(title=tr("gm_zero_sum", lang) if z.constant == 0 else tr("gm_constant_sum", lang, c=_frac(z.constant)))
        for col in (tr("gm_value_to", lang, p=rp), tr("gm_optimal", lang, p=rp), tr("gm_optimal", lang, p=cp), tr("gm_solved_by", lang)):
            zs.add_column(col)
        zs.add_row(_frac(z.value), mixture_text(z.row_strategy, g.rows), mixture_text(z.col_strategy, g.cols), z.solver)
        out.append(zs)
    return out


def set_notes(a: GameAnalysis, lang: str = "en") -> list[str]:
    """Each set of equilibria in words: "any mix of [...] for row with any mix of [...] for col"."""
    g = a.game
    notes = []
    for c_i, comp in enumerate(a.components, 1):
        if comp.isolated:
            continue
        for X, Y in comp.nash_subsets:
            notes.append(tr(
                "gm_set_note", lang, k=c_i, xs="; ".join(mixture_text(x, g.rows) for x in X), row=g.row_player,
                ys="; ".join(mixture_text(y, g.cols) for y in Y), col=g.col_player,
            ))
    return notes


def _weak_survivors(a: GameAnalysis, lang: str = "en") -> str:
    if not a.weak_rounds:
        return ""
    g, last = a.game, a.weak_rounds[-1]
    return tr("gm_after_weak", lang, row=g.row_player, rows=", ".join(g.rows[i] for i in last.rows_left), col=g.col_player, cols=", ".join(g.cols[j] for j in last.cols_left))


def _dom_row(table, step: str, g, d, room: int | None = None, lang: str = "en") -> None:
    """``room``: narrow terminals: the player goes with the strategy and ids break after underscores."""
    names = g.rows if d.player == "row" else g.cols
    player = g.row_player if d.player == "row" else g.col_player
    by = tuple(d.by.get(k, Fraction(0)) for k in range(len(names)))
    how = f"({d.kind}ly)" if lang == "en" else f"（{tr(f'gm_{d.kind}ly', lang)}）"
    if room is not None:
        table.add_row(step, f"{player}: {wrap_id(names[d.strategy], room)}\n{how}", _mix_cell(by, names, room), _frac(d.margin))
        return
    table.add_row(step, player, f"{names[d.strategy]} {how}", mixture_text(by, names), _frac(d.margin))


def _mix_cell(z: Mixed, names, room: int | None) -> str:
    """mixture_text, or, given ``room`` (narrow terminals), one term a line with ids broken after underscores."""
    if room is None:
        return mixture_text(z, names)
    return "\n+ ".join(wrap_id(term, room) for term in mixture_text(z, names).split(" + "))


# -- markdown (for memos) -----------------------------------------------------------------


def _md(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def payoffs_markdown(t: ScenarioPayoffs, report: DecisionReport, lang: str = "en") -> str:
    """The payoff table and the rules side by side, as Markdown, with the provenance as a quote."""
    zh = lang == "zh"
    names = [(z if zh and z else lab) for lab, z in zip(t.scenario_labels, t.scenario_labels_zh)]
    kind = tr("py_kind_package" if t.kind == "package" else "py_kind_option", lang)
    lines = ["| " + kind + " | " + " | ".join(_md(n) + ("" if p is None else f" (p = {p:g})") for n, p in zip(names, t.probability_of.values())) + " |"]
    lines.append("|---|" + "---:|" * len(t.scenarios))
    for i, row in enumerate(t.rows):
        shown = f"P{i + 1}: " + ", ".join(f"`{o}`" for o in row.members) if t.kind == "package" else f"{_md(_label(row, lang))} (`{row.id}`)"
        lines.append(f"| {shown} | " + " | ".join(f"{v:.4f}" for v in t.values[i]) + " |")
    head = [tr(k, lang) for k in ("md_py_rule", "py_choice", "py_score", "py_runner_up", "py_margin")]
    lines += ["", "| " + " | ".join(head) + " |", "|---|---|---:|---|---:|"]
    show = lambda idx: _names(t, idx)  # noqa: E731  ids (or P1, P2 ...): the tables' own
    for r in report.rules:
        margin = "-" if r.margin is None else f"{r.margin:.4f}"
        lines.append(f"| {_md(rule_name(r, lang, report.alpha) if zh else r.name)} | {', '.join(show(r.chosen))} | {r.scores[r.chosen[0]]:.4f} | {', '.join(show(r.runner_up)) or '-'} | {margin} |")
    lines += ["", *("- " + tr("md_py_where", lang, parameter=s.parameter, now=f"{s.current:g}", change=_switch_words(t, s, _names, lang)) for s in (report.hurwicz, *report.probability))]
    lines += [f"- {_md(line)}" for line in not_run_lines(report, lang) + menu_effect_lines(t, report, lang, _names)]
    if t.screened_out:
        lines += ["", tr("md_py_left_out", lang, options=", ".join(f"`{o}`" for o in t.screened_out))]
    lines += [""] + [f"> {line}  " for line in payoffs_provenance_lines(t, report, lang=lang)]
    return "\n".join(lines) + "\n"


def game_markdown(loaded_name: str, sha: str, gid: str, spec, a: GameAnalysis, lang: str = "en") -> str:
    """The payoff matrix (best responses starred) and every extreme equilibrium, as Markdown."""
    g = a.game
    rp, cp = g.row_player, g.col_player
    lines = [f"| {_md(_label(spec.players[rp], lang))} \\ {_md(_label(spec.players[cp], lang))} | " + " | ".join(_md(_strategy_name(spec, cp, c, lang)) for c in g.cols) + " |"]
    lines.append("|---|" + "---:|" * len(g.cols))
    for i, r in enumerate(g.rows):
        cells = [f"{_frac(g.A[i][j])}{'*' if i in a.row_best[j] else ''}, {_frac(g.B[i][j])}{'*' if j in a.col_best[i] else ''}" for j in range(len(g.cols))]
        lines.append(f"| {_md(_strategy_name(spec, rp, r, lang))} | " + " | ".join(cells) + " |")
    lines += ["", f"| # | {rp} | {cp} | {tr('md_game_payoffs', lang)} | {tr('md_game_kind', lang)} |", "|---:|---|---|---|---|"]
    for k, e in enumerate(a.equilibria, 1):
        lines.append(f"| {k} | {mixture_text(e.x, g.rows)} | {mixture_text(e.y, g.cols)} | {_frac(e.payoff_row)}, {_frac(e.payoff_col)} | {tr('gm_pure' if e.pure else 'gm_mixed', lang)} |")
    lines += ([""] + [f"- {_md(note)}" for note in set_notes(a, lang)]) if any(not c.isolated for c in a.components) else []
    lines += ["", tr("md_game_note", lang)]
    lines += [""] + [f"> {line}  " for line in game_provenance_lines(loaded_name, sha, gid, spec, a, lang=lang)]
    return "\n".join(lines) + "\n"
