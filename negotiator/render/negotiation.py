"""The forms of a negotiation analysis: JSON (a stable contract), CSV and rich tables.

Nothing here computes a result or prints: the analysis is done, this only lays it out.
"""

from __future__ import annotations

import io

from negotiator.render.spreadsheet_safe import comment_lines, csv_writer
from negotiator.negotiation.analysis import JUDGMENT_NOTE, RULES, SOLUTION_NAMES, NegotiationAnalysis, Outcome, Solution
from negotiator.i18n import case_name, core_text, tr
from negotiator.negotiation.batna import BATNA_SCALE, CHOICES

__all__ = ["analysis_dict", "analysis_csv", "analysis_renderables", "provenance_lines", "zone_statement", "linkage_statement", "solution_statements"]

def _mark(rule: str, lang: str) -> str:
    """A short mark for the frontier table's solution column (Nash and KS are names in both languages)."""
    return {"nash": "Nash", "kalai_smorodinsky": "KS"}.get(rule) or tr(f"ng_mark_{rule}", lang)


def _label(text: str, zh: str | None, lang: str) -> str:
    return zh if lang == "zh" and zh else text


# -- statements in words ------------------------------------------------------------


def zone_statement(a: NegotiationAnalysis, outcome: Outcome | None = None, lang: str = "en") -> str:
    o = outcome or a.outcome
    if o.zone_exists:
        return tr("ng_zone_yes", lang, n=len(o.zone), m=len(o.frontier))
    if lang != "en":  # the core's reason is English; Chinese states the finding
        return tr("ng_zone_no", lang)
    return o.no_zone_reason or tr("ng_zone_no", lang)


def linkage_statement(a: NegotiationAnalysis, lang: str = "en") -> list[str]:
    lk = a.linkage
    if lk is None:
        return []
    ag = a.agenda
    p = ag.party_labels if lang == "en" else [_label(ag.party_labels[k], ag.party_labels_zh[k], lang) for k in range(2)]
    lines = []
    sep, lin = lk.separate, lk.linked
    sep_words = "；" if lang == "zh" else "; "
    levels = sep_words.join(f"{i}: {', '.join(v)}" for i, v in lk.acceptable.items())
    lines.append(tr("ng_link_acceptable", lang, issues=", ".join(lk.issues), levels=levels))
    yes_no = {True: tr("ng_yes", lang), False: tr("ng_no", lang)}
    lines.append(tr("ng_link_zones", lang, sep=yes_no[bool(sep.zone_exists)], n_sep=len(sep.zone), lin=yes_no[bool(lin.zone_exists)], n_lin=len(lin.zone)))
    if sep.best_joint is not None and lin.best_joint is not None:
        lines.append(tr("ng_link_joint", lang, lin=f"{lin.best_joint:.4g}", sep=f"{sep.best_joint:.4g}", diff=f"{lin.best_joint - sep.best_joint:.4g}"))
    g = lk.gains["nash"]
    lines.append(tr("ng_link_nash", lang, total=f"{g[0] + g[1]:+.4g}", a=p[0], ga=f"{g[0]:+.4g}", b=p[1], gb=f"{g[1]:+.4g}", who=_capture(p, g, lang)))
    g = lk.gains["kalai_smorodinsky"]
    lines.append(tr("ng_link_ks", lang, total=f"{g[0] + g[1]:+.4g}", a=p[0], ga=f"{g[0]:+.4g}", b=p[1], gb=f"{g[1]:+.4g}", who=_capture(p, g, lang)))
    lines.append(tr("ng_points_note", lang))
    return lines


def _capture(parties, g, lang: str = "en") -> str:
    total = g[0] + g[1]
    if total <= 1e-9:
        return ""
    shares = [max(x, 0.0) for x in g]
    s = sum(shares) or 1.0
    return tr("ng_capture", lang, a=parties[0], sa=f"{100 * shares[0] / s:.0f}", b=parties[1], sb=f"{100 * shares[1] / s:.0f}")


def _other_choice_lines(b, lang: str = "en") -> list[str]:
    """The walk-away under the other reading of "fallback", and the value of waiting between them."""
    if b.single is None or b.value_of_waiting is None:
        return []
    if b.choice == "single":
        other = tr("ng_other_per_scenario", lang, value=f"{b.per_scenario_value:.2f}")
    else:
        other = tr("ng_other_single", lang, option=b.single.option, value=f"{b.single_value:.2f}")
    return [tr("ng_waiting", lang, other=other, value=f"{b.value_of_waiting:.2f}")]


def provenance_lines(a: NegotiationAnalysis, lang: str = "en") -> list[str]:
    """Where the analysis comes from; ``lang`` words it for the terminal (CSV keeps English)."""
    pv = a.provenance
    lines = [
        tr("prov_case", lang, case=case_name(pv["case"], lang), sha=pv["case_sha256"]),
        tr("ng_prov_negotiation", lang, negotiation=pv["negotiation"], method=core_text(pv["method"], lang), solver=pv["solver"], version=pv["version"]),
    ]
    for b in a.batnas:
        if b.derived:
            choice = CHOICES[b.choice] if lang == "en" else tr(f"ng_choice_{b.choice}", lang)
            lines.append(tr("ng_prov_derived", lang, party=b.party, scale=f"{BATNA_SCALE:g}", value=f"{b.expected_overall_value:.6g}", choice=choice, profile=b.profile))
            lines.extend(_other_choice_lines(b, lang))
        else:
            lines.append(tr("ng_prov_given", lang, party=b.party, value=f"{b.value:g}"))
    if "weights" in pv:
        lines.append(tr("ng_prov_weights", lang, weights=", ".join(f"{k}={v:.4f}" for k, v in pv["weights"].items())))
    lines.append(JUDGMENT_NOTE if lang == "en" else tr("ng_judgment", lang))
    return lines


# -- JSON -----------------------------------------------------------------------------


def _solution_dict(a: NegotiationAnalysis, s: Solution | None) -> dict | None:
    if s is None:
        return None
    parties = a.agenda.parties
    d = (s.utilities[0] - s.gains[0], s.utilities[1] - s.gains[1])
    out = {
        "rule": s.rule,
        "setting": s.setting,
        "utilities": dict(zip(parties, s.utilities)),
        "gains_over_batna": dict(zip(parties, s.gains)),
        "lottery": [{"package": a.agenda.named(pk), "probability": pr} for pk, pr in s.lottery],
        "tied": s.tied,
        "ties": [
            {
                "lottery": [{"package": a.agenda.named(pk), "probability": pr} for pk, pr in lot],
                "utilities": dict(zip(parties, u)),
                "gains_over_batna": dict(zip(parties, (u[0] - d[0], u[1] - d[1]))),
                "beaten_by_lottery": beaten,
            }
            for lot, u, beaten in zip(s.ties, s.tie_utilities, s.tie_beaten_by_lottery)
        ],
    }
    if s.setting == "lotteries" and s.rule == "utilitarian" and len(s.ties) > 1:
        out["ties_are"] = "the ends of an edge of maximisers: every mix of them maximises the sum too"
    if s.setting == "packages":
        out["differs_from_lottery_solution"] = s.differs_from_lottery
    if s.ideal is not None:
        out["ideal"] = dict(zip(parties, s.ideal))
        out["ideal_kind"] = s.ideal_kind
        out["other_reading"] = _solution_dict(a, s.other_reading)
    return out


def _outcome_dict(a: NegotiationAnalysis, o: Outcome) -> dict:
    parties = a.agenda.parties
    return {
        "packages_possible": o.packages_possible,
        "zone": {"exists": o.zone_exists, "efficient_packages_in_zone": len(o.zone), "statement": zone_statement(a, o)},
        "best_possible": dict(zip(parties, o.best_possible)),
        "ideal_in_zone": None if o.ideal is None else dict(zip(parties, o.ideal)),
        "ideal_in_zone_lotteries": None if o.ideal_lottery is None else dict(zip(parties, o.ideal_lottery)),
        "ideals": {
            "packages": None if o.ideal is None else dict(zip(parties, o.ideal)),
            "lotteries": None if o.ideal_lottery is None else dict(zip(parties, o.ideal_lottery)),
            "note": "ideal_in_zone is over the packages in the zone (used by kalai_smorodinsky); ideal_in_zone_lotteries over the lotteries (used by kalai_smorodinsky_lottery)",
        },
        "closest_package": None if o.closest is None else a.agenda.named(o.frontier[o.closest].package),
        "frontier": [
            {"package": a.agenda.named(p.package), "utilities": dict(zip(parties, p.utilities)), "in_zone": k in o.zone, "beaten_by_lottery": k in o.beaten_by_lottery}
            for k, p in enumerate(o.frontier)
        ],
        "solutions": {name: _solution_dict(a, getattr(o, name)) for name in SOLUTION_NAMES},
        "statements": solution_statements(a, o),
    }


def analysis_dict(a: NegotiationAnalysis) -> dict:
    ag = a.agenda
    out = {
        "case": a.provenance["case"],
        "case_sha256": a.provenance["case_sha256"],
        "version": a.provenance["version"],
        "provenance": a.provenance,
        "negotiation": {"id": ag.id, "label": ag.label, "label_zh": ag.label_zh},
        "parties": [
            {"id": pid, "label": ag.party_labels[p], "label_zh": ag.party_labels_zh[p], "batna": a.batnas[p].to_dict(), "weights": dict(zip(ag.issues, ag.weights[p]))}
            for p, pid in enumerate(ag.parties)
        ],
        "issues": [
            {"id": iid, "label": ag.issue_labels[i], "label_zh": ag.issue_labels_zh[i], "levels": list(ag.levels[i]), "status_quo": None if ag.status_quo[i] is None else ag.levels[i][ag.status_quo[i]]}
            for i, iid in enumerate(ag.issues)
        ],
        "status_quo": None if a.status_quo is None else {"package": ag.named(a.status_quo[0]), "utilities": dict(zip(ag.parties, a.status_quo[1]))},
        "outcome": _outcome_dict(a, a.outcome),
        "warnings": list(a.warnings),
    }
    if a.proposal is not None:
        pr = a.proposal
        o = a.outcome
        out["proposal"] = {
            "package": ag.named(pr.package),
            "utilities": dict(zip(ag.parties, pr.utilities)),
            "above_batna": dict(zip(ag.parties, pr.margins)),
            "in_zone": pr.in_zone,
            "efficient": pr.efficient,
            "contributions": {pid: dict(zip(ag.issues, pr.contributions[p])) for p, pid in enumerate(ag.parties)},
            "improved_by": [ag.named(o.frontier[k].package) for k in pr.dominated_by],
            "suggested_improvement": None if pr.improvement is None else {
                "package": ag.named(o.frontier[pr.improvement].package),
                "utilities": dict(zip(ag.parties, o.frontier[pr.improvement].utilities)),
                "better_for_both": pr.improvement_strict,
                "in_zone": pr.improvement in o.zone,
            },
        }
    if a.linkage is not None:
        lk = a.linkage
        out["linkage"] = {
            "issues": list(lk.issues),
            "definition": "separately: each linked issue can only move to levels both sides weakly prefer, on that issue alone, to its status quo; the other issues stay one package; the deal must beat both walk-aways",
            "acceptable_levels_separately": {k: list(v) for k, v in lk.acceptable.items()},
            "separately": _outcome_dict(a, lk.separate),
            "as_one_package": {"zone_exists": lk.linked.zone_exists, "efficient_packages_in_zone": len(lk.linked.zone), "best_joint_utility": lk.linked.best_joint},
            "best_joint_utility_separately": lk.separate.best_joint,
            "gain_from_linkage": {rule: {"by_party": dict(zip(ag.parties, g)), "total": g[0] + g[1]} for rule, g in lk.gains.items()},
            "statement": linkage_statement(a),
        }
    return out


def _flags(o: Outcome, package) -> list[str]:
    """The solutions a package is (every tie), or is part of (a lottery's packages)."""
    flags = []
    for name in SOLUTION_NAMES:
        s = getattr(o, name)
        if s is not None and any(pk == package for lot in s.ties for pk, _ in lot):
            flags.append(name)
    return flags


# -- CSV ------------------------------------------------------------------------------


def analysis_csv(a: NegotiationAnalysis) -> str:
    """One row per efficient package (and the proposal), each side's utility, and the solution flags."""
    ag = a.agenda
    buf = io.StringIO()
    w = csv_writer(buf)
    w.writerow(["condition", "row", *ag.issues, *(f"utility:{p}" for p in ag.parties), *(f"above_batna:{p}" for p in ag.parties), "in_zone", "solutions", "beaten_by_lottery"])
    outcomes = [("as_one_package" if a.linkage else "agenda", a.outcome)]
    if a.linkage is not None:
        outcomes.append(("separately", a.linkage.separate))
    for cond, o in outcomes:
        for k, p in enumerate(o.frontier):
            flags = _flags(o, p.package)
            levels = [ag.levels[i][l] for i, l in enumerate(p.package)]
            w.writerow([cond, k + 1, *levels, *(f"{u:.12g}" for u in p.utilities), *(f"{u - d:.12g}" for u, d in zip(p.utilities, o.batna)), "yes" if k in o.zone else "no", " ".join(flags), "yes" if k in o.beaten_by_lottery else "no"])
    if a.proposal is not None:
        pr = a.proposal
        w.writerow(["proposal", "", *(ag.levels[i][l] for i, l in enumerate(pr.package)), *(f"{u:.12g}" for u in pr.utilities), *(f"{m:.12g}" for m in pr.margins), "yes" if pr.in_zone else "no", "", ""])
    lines = provenance_lines(a) + [zone_statement(a)] + solution_statements(a, a.outcome) + linkage_statement(a)
    return buf.getvalue() + comment_lines(lines)


# -- rich tables -----------------------------------------------------------------------


def analysis_renderables(a: NegotiationAnalysis, lang: str = "en", width: int | None = None) -> list:
    """Rich renderables, top to bottom: BATNAs, frontier, solutions, proposal, linkage, provenance.

    ``width``: the terminal width; below termfit.NARROW columns a package's levels share one
    wrapping column (issues named in the caption) and each solution's gain sits under its value.
    """
    from negotiator.render.plain import PlainTable as Table
    from rich.text import Text

    ag = a.agenda
    names = [_label(ag.party_labels[p], ag.party_labels_zh[p], lang) for p in range(2)]
    out: list = [Text(f"{_label(ag.label, ag.label_zh, lang)}  ({ag.id})", style="bold")]

    bt = Table(title=tr("ng_batna_title", lang), title_justify="left")
    bt.add_column(tr("ng_party", lang))
    bt.add_column("BATNA", justify="right")
    bt.add_column(tr("ng_how", lang), overflow="fold")  # fold, not cut: Chinese section marks leave few spaces to wrap at
    for p, b in enumerate(a.batnas):
        fields = dict(scale=f"{BATNA_SCALE:g}", value=f"{b.expected_overall_value:.4f}" if b.derived else "", profile=b.profile)
        if b.derived and b.choice == "single" and b.single is not None:
            how = tr("ng_derived_single", lang, option=b.single.option, **fields)
        elif b.derived:
            each = ("；" if lang == "zh" else "; ").join(f"{s.scenario or tr('ng_base', lang)} p={s.probability:g}: {s.option} {s.overall_value:.4f}" for s in b.per_scenario)
            how = tr("ng_derived_each", lang, each=each, **fields)
        else:
            how = tr("ng_given_why", lang, rationale=b.rationale) if b.rationale else tr("ng_given", lang)
        bt.add_row(names[p], f"{b.value:.2f}", how)
    out.append(bt)

    if a.status_quo is not None:
        u = a.status_quo[1]
        out.append(Text(tr("ng_status_quo", lang, a=names[0], ua=f"{u[0]:.2f}", b=names[1], ub=f"{u[1]:.2f}")))
    out.append(_frontier_table(a, a.outcome, tr("ng_efficient_linked" if a.linkage else "ng_efficient", lang), lang, width))
    out.append(Text(zone_statement(a, lang=lang), style="bold" if a.outcome.zone_exists else "bold red"))
    out.append(_solutions_table(a, a.outcome, names, lang, width=width))
    out += [Text(line) for line in solution_statements(a, a.outcome, lang)]

    if a.proposal is not None:
        out += _proposal_renderables(a, names, lang, width)
    if a.linkage is not None:
        out.append(_frontier_table(a, a.linkage.separate, tr("ng_efficient_separate", lang, issues=", ".join(a.linkage.issues)), lang, width))
        out.append(Text(zone_statement(a, a.linkage.separate, lang)))
        out.append(_solutions_table(a, a.linkage.separate, names, lang, title=tr("ng_solutions_separate", lang), width=width))
        out += [Text(line) for line in solution_statements(a, a.linkage.separate, lang)]
        out += [Text(line) for line in linkage_statement(a, lang)]
    out.append(Text("\n".join(provenance_lines(a, lang)), style="dim"))
    return out


def _level(ag, i: int, l: int, lang: str) -> str:
    # Ids are short enough for a wide table; Chinese labels are too.
    return _label(ag.level_labels[i][l], ag.level_labels_zh[i][l], lang) if lang == "zh" else ag.levels[i][l]


def _frontier_table(a: NegotiationAnalysis, o: Outcome, title: str, lang: str, width: int | None = None):
    from negotiator.render.plain import PlainTable as Table

    from negotiator.render.termfit import Layout

    ag = a.agenda
    # One column per issue needs room for every level id (about 25 cells an issue); else one package column.
    narrow = Layout(width).narrow or (width is not None and width < 45 + 25 * len(ag.issues))
    issue_names = [_label(ag.issue_labels[i], ag.issue_labels_zh[i], lang) if lang == "zh" else ag.issues[i] for i in range(len(ag.issues))]
    t = Table(title=tr("ng_of_packages", lang, title=title, n=len(o.frontier), m=o.packages_possible), title_justify="left")
    t.add_column("#", justify="right", no_wrap=True)
    if narrow:
        # One column for the package: five issue columns squeeze every level id to a few letters.
        t.add_column(tr("ng_package", lang), overflow="fold")  # Chinese level labels fold by character
        t.caption = tr("ng_package_caption", lang, issues=" / ".join(issue_names))
        t.caption_justify = "left"
    else:
        for name in issue_names:
            t.add_column(name, overflow="fold")
    for p in range(2):
        t.add_column(_label(ag.party_labels[p], ag.party_labels_zh[p], lang), justify="right", no_wrap=True)
    t.add_column(tr("ng_zone", lang), no_wrap=True)
    t.add_column(tr("ng_solution", lang))
    for k, pt in enumerate(o.frontier):
        flags = [_mark(r, lang) for r in RULES if getattr(o, r) is not None and any(lot[0][0] == pt.package for lot in getattr(o, r).ties)]
        if k in o.beaten_by_lottery:
            flags.append("†")
        levels = [_level(ag, i, l, lang) for i, l in enumerate(pt.package)]
        package = [" / ".join(levels)] if narrow else levels
        t.add_row(str(k + 1), *package, *(f"{u:.2f}" for u in pt.utilities), tr("ng_yes", lang) if k in o.zone else "-", ", ".join(flags))
    return t


def _solutions_table(a: NegotiationAnalysis, o: Outcome, names, lang: str, title: str | None = None, width: int | None = None):
    from negotiator.render.plain import PlainTable as Table

    from negotiator.render.termfit import Layout

    narrow = Layout(width).narrow
    t = Table(title=title or tr("ng_solutions_title", lang), title_justify="left")
    # Chinese has no spaces to wrap at: fold by character rather than cut with an ellipsis.
    fold = {"overflow": "fold"} if lang == "zh" else {}
    t.add_column(tr("ng_rule", lang), no_wrap=not narrow, **fold)
    for n in names:
        t.add_column(tr("ng_gain_under", lang, name=n) if narrow else n, justify="right", no_wrap=True)
    if not narrow:
        for n in names:
            t.add_column(tr("ng_gain_of", lang, name=n), justify="right")
    t.add_column(tr("ng_agreement", lang), **fold)
    if narrow:
        t.caption = tr("ng_gain_caption", lang)
        t.caption_justify = "left"
    rows = {pt.package: k + 1 for k, pt in enumerate(o.frontier)}
    for name in SOLUTION_NAMES:
        label = tr(f"ng_rule_{name}", lang)
        s = getattr(o, name)
        if s is None:
            t.add_row(label, *(["-"] * (2 if narrow else 4)), tr("ng_no_zone_cell", lang))
            continue
        deal = _lottery_words(s.lottery, rows, lang)
        if s.tied:
            deal = tr("ng_tie_cell", lang, first=deal, n=len(s.ties) - 1)
        if narrow:  # the gain under the value: four numbers side by side leave no room for the rest
            t.add_row(label, *(f"{u:.2f}\n({g:+.2f})" for u, g in zip(s.utilities, s.gains)), deal)
        else:
            t.add_row(label, *(f"{u:.2f}" for u in s.utilities), *(f"{g:+.2f}" for g in s.gains), deal)
    return t


def _lottery_words(lottery, rows: dict, lang: str) -> str:
    return tr("ng_or", lang).join((f"{pr:.1%} " if len(lottery) > 1 else "") + tr("ng_package_no", lang, k=rows[pk]) for pk, pr in lottery)


def _pair(u, d=None) -> str:
    if d is not None:
        u = (u[0] - d[0], u[1] - d[1])
    return f"({u[0]:.4g}, {u[1]:.4g})"


def solution_statements(a: NegotiationAnalysis, o: Outcome, lang: str = "en") -> list[str]:
    """Ties, packages a lottery beats, where packages and lotteries disagree, and the ideal points, in words."""
    if not o.zone_exists and o.nash_lottery is None:
        return []
    rows = {pt.package: k + 1 for k, pt in enumerate(o.frontier)}
    d = o.batna
    out: list[str] = []
    if o.ideal is not None or o.ideal_lottery is not None:
        pk = _pair(o.ideal, d) if o.ideal is not None else "-"
        lt = _pair(o.ideal_lottery, d) if o.ideal_lottery is not None else "-"
        same = o.ideal is not None and o.ideal_lottery is not None and _pair(o.ideal, d) == _pair(o.ideal_lottery, d)
        out.append(tr("ng_ideal_same" if same else "ng_ideals", lang, packages=pk, lotteries=lt))
        for s in (o.kalai_smorodinsky, o.kalai_smorodinsky_lottery):
            if s is not None and s.other_reading is not None:
                other = s.other_reading
                out.append(tr(
                    "ng_ks_other", lang, rule=tr(f"ng_rule_{_name(s)}", lang), ideal=_pair(other.ideal, d), gains=_pair(other.gains),
                    deal=tr("ng_tie_list", lang).join(_lottery_words(lot, rows, lang) for lot in other.ties),
                ))
    for name in SOLUTION_NAMES:
        s = getattr(o, name)
        if s is None:
            continue
        rule = tr(f"ng_rule_{name}", lang)
        if s.tied and s.setting == "packages":
            listed = tr("ng_tie_list", lang).join(f"{_lottery_words(lot, rows, lang)} {_pair(u, d)}" for lot, u in zip(s.ties, s.tie_utilities))
            out.append(tr("ng_ties", lang, rule=rule, n=len(s.ties), packages=listed))
        elif s.tied:
            ends = tr("ng_tie_list", lang).join(f"{_lottery_words(lot, rows, lang)} {_pair(u, d)}" for lot, u in zip(s.ties, s.tie_utilities))
            out.append(tr("ng_ties_edge", lang, rule=rule, ends=ends))
        beaten = [lot for lot, b in zip(s.ties, s.tie_beaten_by_lottery) if b]
        if beaten:
            out.append(tr("ng_beaten", lang, rule=rule, packages=tr("ng_tie_list", lang).join(_lottery_words(lot, rows, lang) for lot in beaten)))
        if s.setting == "packages" and s.differs_from_lottery:
            lot = getattr(o, f"{name}_lottery")
            out.append(tr("ng_differs", lang, rule=rule, gains=_pair(lot.gains), deal=_lottery_words(lot.lottery, rows, lang), own=_pair(s.gains)))
    return out


def _name(s: Solution) -> str:
    return s.rule if s.setting == "packages" else f"{s.rule}_lottery"


def _proposal_renderables(a: NegotiationAnalysis, names, lang: str, width: int | None = None) -> list:
    from negotiator.render.plain import PlainTable as Table
    from rich.text import Text

    ag = a.agenda
    pr = a.proposal
    o = a.outcome
    t = Table(title=tr("ng_proposed", lang), title_justify="left")
    from negotiator.render.termfit import Layout, wrap_id

    narrow = Layout(width).narrow
    t.add_column(tr("ng_issue", lang))
    t.add_column(tr("ng_level", lang), overflow="fold")
    for n in names:
        t.add_column(tr("ng_weight_value", lang, name=n), justify="right")
    for i, l in enumerate(pr.package):
        t.add_row(wrap_id(ag.issues[i], 16) if narrow else ag.issues[i], _label(ag.level_labels[i][l], ag.level_labels_zh[i][l], lang), *(f"{pr.contributions[p][i]:.2f}" for p in range(2)))
    t.add_row(tr("ng_total", lang), "", *(f"{u:.2f}" for u in pr.utilities))
    t.add_row(tr("ng_above_walkaway", lang), "", *(f"{m:+.2f}" for m in pr.margins))
    lines = []
    parts = ("；" if lang == "zh" else "; ").join(tr("ng_above_by" if pr.margins[p] >= 0 else "ng_short_by", lang, name=names[p], by=f"{abs(pr.margins[p]):.2f}") for p in range(2))
    lines.append(tr("ng_inside" if pr.in_zone else "ng_outside", lang, parts=parts))
    if pr.efficient:
        lines.append(tr("ng_efficient_yes", lang))
    else:
        k = pr.improvement
        pk = o.frontier[k]
        gain = [pk.utilities[p] - pr.utilities[p] for p in range(2)]
        lines.append(tr(
            "ng_dominated", lang, n=len(pr.dominated_by), kind=tr("ng_better_both" if pr.improvement_strict else "ng_better_one", lang),
            outside="" if k in o.zone else tr("ng_still_outside", lang), levels=", ".join(f"{ag.issues[i]}={ag.levels[i][l]}" for i, l in enumerate(pk.package)),
            a=names[0], ga=f"{gain[0]:+.2f}", b=names[1], gb=f"{gain[1]:+.2f}",
        ))
    return [t] + [Text(line) for line in lines]
