"""Tables (rich) and CSV text for package results. Builds renderables and strings; never prints."""

from __future__ import annotations

import io
import math

from rich.console import Group
from negotiator.render.plain import PlainTable as Table
from rich.text import Text

from negotiator.render.spreadsheet_safe import comment_lines, csv_writer
from negotiator.portfolio.packages import JUDGMENT_NOTE, PortfolioResult
from negotiator.portfolio.robust import CoreResult, RobustResult
from negotiator.portfolio.solve import status_words
from negotiator.portfolio.sweep import SweepResult
from negotiator.i18n import case_name, method_name, tr

__all__ = [
    "provenance_lines",
    "baseline_lines",
    "portfolio_renderable",
    "portfolio_csv",
    "robust_renderable",
    "robust_csv",
    "core_renderable",
    "core_csv",
    "sweep_renderable",
    "sweep_csv",
]


def _num(v: float | None, digits: int = 4) -> str:
    if v is None:
        return ""
    return f"{v:.{digits}f}" if abs(v - round(v)) > 1e-9 else f"{v:.0f}"


def provenance_lines(prov, settings=None, extra: str = "", short: bool = False, lang: str = "en") -> list[str]:
    """Where the result comes from; ``lang`` words it for the terminal (CSV comment lines stay English)."""
    sha = prov.case_sha256[:12] if short else prov.case_sha256
    lines = [
        tr("prov_case", lang, case=case_name(prov.case, lang), sha=sha),
        tr("prov_method", lang, method=prov.method) + tr("prov_profile", lang, profile=tr("every_profile", lang) if prov.profile == "(every profile)" else prov.profile) + tr("prov_version", lang, version=prov.version)
        + (tr("prov_scenario", lang, scenario=prov.scenario) if prov.scenario else "") + (tr("prov_seed", lang, seed=prov.seed) if prov.seed is not None else "") + extra,
    ]
    if prov.weights:
        lines.append(tr("prov_weights", lang, weights=", ".join(f"{k}={v:.4f}" for k, v in prov.weights.items())))
    if settings is not None:
        limit = settings.time_limit if settings.time_limit else tr("pf_no_limit", lang)
        lines.append(tr("pf_solver", lang, solver=settings.solver, limit=limit, gap=f"{settings.gap:g}"))
    lines.append(JUDGMENT_NOTE if lang == "en" else tr("pf_judgment", lang))
    return lines


def _baseline_label(b, lang: str) -> str:
    if lang == "en":
        return b.label
    if b.kind == "option":
        return tr("pf_baseline_option", lang, option=b.option)
    if b.kind == "worst":
        return tr("pf_baseline_worst", lang)
    return tr("pf_baseline_levels", lang, levels=", ".join(f"{k}={v:g}" for k, v in b.levels.items()))


def baseline_lines(spec, lang: str = "en") -> list[str]:
    """One provenance line naming the status quo the values are measured from (none without a baseline)."""
    b = spec.baseline
    if b is None:
        return []
    vals = dict(spec.baseline_values)
    if len(vals) == 1:
        worth = tr("pf_baseline_worth", lang, values=f"{next(iter(vals.values())):.4f}")
    elif vals:
        worth = tr("pf_baseline_worth", lang, values=", ".join(f"{k} {v:.4f}" for k, v in vals.items()))
    else:
        worth = ""
    from negotiator.portfolio.baseline import CITATION

    return [tr("pf_baseline", lang, label=_baseline_label(b, lang), worth=worth, citation=CITATION)]


def _caption(prov, spec, settings=None, extra: str = "", short: bool = True, lang: str = "en") -> str:
    return "\n".join(provenance_lines(prov, settings, extra, short=short, lang=lang) + baseline_lines(spec, lang))


def status_text(outcome, settings, lang: str = "en") -> str:
    """solve.status_words in ``lang`` (English is the core's own wording)."""
    if lang == "en" or outcome is None:
        return status_words(outcome, settings) if outcome is not None else tr("pf_not_solved", lang)
    if outcome.status == "optimal":
        return tr("pf_optimal", lang)
    if outcome.status == "gap" and outcome.rel_gap is not None and math.isfinite(outcome.rel_gap):
        asked = tr("pf_asked_gap", lang, gap=f"{settings.gap * 100:g}%") if settings is not None else tr("pf_asked_gap_unknown", lang)
        return tr("pf_within", lang, gap=f"{outcome.rel_gap:.3%}", bound=f"{outcome.bound:.6g}", asked=asked)
    if outcome.status in ("gap", "time_limit"):
        why = tr("pf_why_gap" if outcome.status == "gap" else "pf_why_time", lang)
        return tr("pf_not_proven", lang, why=why, bound=f"{outcome.bound:.6g}", gap=f"{outcome.rel_gap:.3%}")
    if outcome.status == "infeasible":
        return tr("pf_infeasible", lang)
    if outcome.status == "no_solution":
        limit = tr("pf_limit_of", lang, seconds=f"{settings.time_limit:g}") if settings and settings.time_limit else ""
        return tr("pf_no_solution", lang, limit=limit)
    return tr("pf_other_status", lang, status=outcome.status)


def portfolio_warnings(r: PortfolioResult, lang: str = "en") -> list[str]:
    """The warnings and advice the CLI prints, the fills-the-caps advice worded in ``lang``."""
    return list(r.warnings) + portfolio_advice(r, lang)


def portfolio_advice(r: PortfolioResult, lang: str = "en") -> list[str]:
    """The advice about the value model (the package only fills the caps), worded in ``lang``."""
    if lang == "en" or not r.packages:
        return list(r.advice)
    from negotiator.portfolio.packages import fills_caps_reason

    reason = fills_caps_reason(r.spec, r.best)
    if reason is None:
        return []
    kind, cap, example = reason
    return [tr("pf_fills", lang, what=tr(f"pf_fills_{kind}", lang, cap=cap) if kind == "count" else tr(f"pf_fills_{kind}", lang), example=example)]


def resource_name(case, resource: str, lang: str) -> str:
    """A resource by its label in ``lang`` from the case's labels section (its id without a case)."""
    return case.resource_label(resource, lang) if case is not None else resource


def _short_name(name: str) -> str:
    """'Budget (million CNY a year)' -> 'Budget'; '经费（百万元/年）' -> '经费' (the unit goes in the caption)."""
    return name.split(" (")[0].split("（")[0] or name


def row_words(row, lang: str = "en", case=None) -> str:
    """A constraint row (model.Row) in words of ``lang``; English is the core's own text."""
    if lang == "en":
        return row.text
    kind, key = row.kind, row.key
    if kind == "budget":
        return tr("pf_row_budget", lang, resource=resource_name(case, row.unit, lang), cap=f"{row.rhs:g}")
    if kind == "count":
        return tr("pf_row_count_min" if row.sense == ">=" else "pf_row_count_max", lang, n=f"{row.rhs:g}")
    if kind == "package":
        obj = row.unit
        what = case.objectives[obj].label_zh or case.objectives[obj].label if case is not None and obj in case.objectives else obj
        return tr("pf_row_package_min" if row.sense == ">=" else "pf_row_package_max", lang, what=what, limit=f"{row.rhs:g}")
    if kind == "requires":
        a, b = key.split(":", 1)[1].split(">", 1)
        return tr("pf_row_requires", lang, a=a, b=b)
    if kind == "excludes":
        a, b = key.split(":", 1)[1].split("|", 1)
        return tr("pf_row_excludes", lang, a=a, b=b)
    if kind in ("include", "exclude", "baseline"):
        return tr(f"pf_row_{kind}", lang, o=key.split(":", 1)[1])
    return row.text  # red lines: the core's words name the objective and bound


def _comment_lines(prov, spec, settings=None, extra: str = "") -> list[str]:
    return provenance_lines(prov, settings, extra) + baseline_lines(spec)


def _value_text(v: float, style: str = "") -> Text:
    """A value cell; a negative contribution (worse than the baseline) in red."""
    return Text(_num(v), style=("bold red" if v < -1e-12 else style))


def _label(spec, oid: str, lang: str) -> str:
    if lang == "zh" and spec.labels_zh.get(oid):
        return spec.labels_zh[oid]
    return spec.labels[oid]


def _status_text(status: str, words: str) -> Text:
    style = {"optimal": "bold green", "gap": "bold yellow", "time_limit": "bold yellow"}.get(status, "bold red")
    return Text(words, style=style)


# ---------------------------------------------------------------------------
# the best package(s)
# ---------------------------------------------------------------------------


def portfolio_renderable(r: PortfolioResult, lang: str = "en", width: int | None = None, case=None):
    """The best package, its budgets and slack, notes and provenance. ``case`` (optional) names
    resources and the profile by the labels of the case's ``labels:`` section; ``lang`` words
    everything else (ids and numbers stay as they are)."""
    from negotiator.render.termfit import label_cell

    spec = r.spec
    caption = _caption(r.provenance, spec, r.settings, lang=lang)
    parts = [_status_text(r.status, status_text(r.outcomes[0] if r.outcomes else None, r.settings, lang))]
    if not r.packages:
        if r.diagnosis is not None:
            parts.append(conflict_table(r, lang, case))
        parts.append(Text(caption, style="dim"))
        return Group(*parts)
    resources = spec.resource_names
    best = r.best
    narrow = width is not None and width < 100  # termfit.NARROW: a two-line header leaves the ids their room
    prov = r.provenance
    profile = prov.profile if case is None or prov.profile is None else case.profile_label(prov.profile, lang)
    if profile != prov.profile:
        profile = f"{profile}（{prov.profile}）" if lang == "zh" else f"{profile} ({prov.profile})"
    title = tr("pf_title", lang, method=method_name(prov.method, lang), profile=profile) + (tr("pf_title_scenario", lang, scenario=prov.scenario) if prov.scenario else "")
    t = Table(title=title, expand=False)
    t.add_column(tr("option", lang))
    value_header = tr("pf_value", lang) if spec.baseline is None else tr("pf_value_over_narrow" if narrow else "pf_value_over", lang)
    t.add_column(value_header, justify="right", no_wrap=True)
    names = {res: resource_name(case, res, lang) for res in resources}
    for res in resources:
        # Chinese: the label before its unit; English: the id (what --budget takes). The caption names each in full.
        t.add_column(_short_name(names[res]) if lang == "zh" else res, justify="right", no_wrap=True)
    for oid in best.selected:
        t.add_row(label_cell(_label(spec, oid, lang), oid), _value_text(best.option_values[oid]), *[_num(spec.resources.get(oid, {}).get(res, 0.0), 2) for res in resources])
    t.add_section()
    if best.synergy_bonus:
        t.add_row(tr("pf_synergy", lang), _value_text(best.synergy_bonus), *["" for _ in resources])
    t.add_row(Text(tr("pf_total", lang), style="bold"), _value_text(best.value, "bold"), *[_num(best.resources.get(res, 0.0), 2) for res in resources])
    t.add_row(tr("pf_budget", lang), "", *[_num(spec.budgets[res], 2) if res in spec.budgets else "—" for res in resources])
    t.add_row(tr("pf_slack", lang), "", *[_num(best.slack[res], 2) if res in best.slack else "—" for res in resources])
    if any(n != res for res, n in names.items()):
        full = names.values() if lang == "zh" else [f"{res} = {n}" for res, n in names.items()]
        t.caption = tr("pf_resources_caption", lang, names=("；" if lang == "zh" else "; ").join(full))
        t.caption_justify = "left"
    parts.append(t)
    notes = _package_notes(r, lang, case)
    if notes:
        parts.append(Text("\n".join(notes)))
    below = _below_baseline_text(r, lang)
    if below is not None:
        parts.append(below)
    if len(r.packages) > 1:
        parts.append(top_table(r, width, lang, case))
    if spec.package_limits:
        lines = []
        for key, (_, lo, hi, words) in spec.package_limits.items():
            obj = key.split(":", 1)[1]
            what = words
            if lang != "en" and case is not None and obj in case.objectives:
                what = f"{case.objectives[obj].label_zh or case.objectives[obj].label}（{obj}）"
            bound = tr("pf_and", lang).join(x for x in (f">= {lo:g}" if lo is not None else "", f"<= {hi:g}" if hi is not None else "") if x)
            lines.append(tr("pf_package_limit", lang, what=what, total=_num(best.package_totals.get(obj), 2), bound=bound))
        parts.append(Text("\n".join(lines)))
    if r.screened_out:
        from negotiator.i18n import red_line_reason

        s = Table(title=tr("pf_not_eligible", lang), expand=False)
        s.add_column(tr("option", lang))
        s.add_column(tr("pf_reason", lang))
        for row in r.screened_out:
            breaches = r.screened_breaches.get(row["option"])
            reason = red_line_reason(case, breaches, lang) if lang != "en" and case is not None and breaches else row["reason"]
            s.add_row(row["option"], reason)
        parts.append(s)
    dash = "-"
    extra = tr("pf_rules", lang, count=list(spec.count) if spec.count else tr("pf_any", lang), include=", ".join(spec.include) or dash, exclude=", ".join(spec.exclude) or dash)
    parts.append(Text(extra + "\n" + caption, style="dim"))
    return Group(*parts)


def _package_notes(r: PortfolioResult, lang: str = "en", case=None) -> list[str]:
    """What holds the best package back (binding limits) and which prerequisites it pulled in."""
    from negotiator.portfolio.model import spec_rows

    best = r.best
    notes = []
    binding = [row_words(row, lang, case) for row in spec_rows(r.spec) if row.numeric and abs(row.activity(best.selected) - row.rhs) <= 1e-9]
    if binding:
        notes.append(tr("pf_binding", lang, rows=("；" if lang == "zh" else "; ").join(binding)))
    chosen = set(best.selected)
    pulled = [tr("pf_needs", lang, a=a, b=b) for a, b in r.spec.requires if a in chosen]
    if pulled:
        notes.append(tr("pf_prerequisites", lang, pairs=("；" if lang == "zh" else "; ").join(pulled)))
    return notes


def _below_baseline_text(r: PortfolioResult, lang: str) -> Text | None:
    """Options worse than the status quo: negative contribution, so left out unless a rule forces them in."""
    spec = r.spec
    if spec.baseline is None:
        return None
    below = r.below_baseline
    if not below:
        return Text(tr("pf_every_adds", lang), style="dim")
    values = spec.values()
    chosen = set(r.best.selected)
    out = Text(tr("pf_below_head", lang) + "\n", style="bold")
    for o in sorted(below, key=lambda o: values[o]):
        out.append(f"  {_label(spec, o, lang)} ({o}) ")
        out.append(_num(values[o]), style="red")
        out.append(tr("pf_below_forced" if o in chosen else "pf_below_left_out", lang) + "\n")
    return out


def top_table(r: PortfolioResult, width: int | None = None, lang: str = "en", case=None) -> Table:
    """``width``: below termfit.NARROW columns what is left of each budget shares one column
    (one budget a line) and 'proven' goes under the value, so the option ids stay whole."""
    from negotiator.render.termfit import Layout, id_text, wrap_id

    narrow = Layout(width).narrow
    spec = r.spec
    t = Table(title=tr("pf_top_title", lang, n=len(r.packages)), expand=False)
    t.add_column("#", justify="right", no_wrap=True)
    value_header = tr("pf_value", lang) if spec.baseline is None else tr("pf_value_over_narrow" if narrow else "pf_value_over", lang)
    t.add_column(value_header + (f"\n({tr('pf_proven', lang)})" if narrow else ""), justify="right", no_wrap=True)
    if not narrow:
        t.add_column(tr("pf_proven", lang), justify="center")
    t.add_column(tr("pf_options", lang), no_wrap=narrow)
    # Resources by id in English (as before), by their short Chinese label in zh.
    names = {res: res if lang == "en" else _short_name(resource_name(case, res, lang)) for res in spec.budgets}
    if narrow:
        t.add_column(tr("pf_left_each", lang), no_wrap=True)
    else:
        for res in spec.budgets:
            t.add_column(tr("pf_left_of", lang, resource=names[res]), justify="right", no_wrap=True)
    for pk in r.packages:
        proven = tr("pf_yes", lang) if pk.proven else tr("pf_no_gap", lang, gap=f"{pk.outcome.rel_gap:.2%}") if pk.outcome.rel_gap is not None else tr("pf_no", lang)
        options = "\n".join(pk.selected) or tr("pf_none", lang)
        if narrow:
            left = "\n".join(f"{names[res]} {_num(pk.slack[res], 2)}" for res in spec.budgets)
            t.add_row(str(pk.rank), _value_text(pk.value).append(f"\n({proven})"), id_text(options), left)
        else:
            t.add_row(str(pk.rank), _value_text(pk.value), proven, options, *[_num(pk.slack[res], 2) for res in spec.budgets])
    return t


def conflict_table(r: PortfolioResult, lang: str = "en", case=None) -> Table:
    d = r.diagnosis
    note = d.note if lang == "en" or not d.note else tr("cf_note_many", lang)
    caption = (note + "\n" if note else "") + tr("pf_conflict_checks", lang, checks=d.checks, seconds=f"{d.seconds:.2f}")
    t = Table(title=tr("pf_conflict_title" if d.irreducible else "pf_conflict_title_short", lang), expand=False, caption=caption, caption_justify="left")
    fold = {"overflow": "fold"} if lang == "zh" else {}  # Chinese wraps by character, not cut
    t.add_column(tr("pf_constraint", lang), **fold)
    t.add_column(tr("pf_now", lang), justify="right")
    t.add_column(tr("pf_what_change", lang), **fold)
    for c in d.conflict:
        text, advice = conflict_words(c, lang, case)
        t.add_row(text, _num(c.limit, 2) if c.move is not None else "", advice)
    return t


def conflict_words(c, lang: str = "en", case=None) -> tuple[str, str]:
    """A constraint in conflict (diagnose.ConflictItem) and what to change, in ``lang``. English is
    the core's own text; Chinese is worded from the item's fields. A red line's advice depends on
    scores the item does not carry: it stays in the core's words."""
    from negotiator.portfolio.diagnose import _ALONE_NOTE
    from negotiator.portfolio.model import Row

    if lang == "en":
        return c.text, c.advice
    unit = c.key.split(":", 2)[1] if c.kind in ("budget", "package") else ""
    text = row_words(Row(c.key, c.kind, c.text, {}, c.sense, c.limit, unit), lang, case)
    if c.kind == "red_line":
        return text, c.advice
    advice = _conflict_advice(c, unit, lang, case)
    if c.advice.endswith(_ALONE_NOTE):
        advice += tr("cf_not_alone", lang)
    return text, advice


def _conflict_advice(c, unit: str, lang: str, case) -> str:
    rest = c.key.split(":", 1)[1] if ":" in c.key else ""
    if c.kind in ("budget", "count", "package"):
        if c.kind == "budget":
            what = tr("cf_cap_on", lang, resource=resource_name(case, unit, lang))
        elif c.kind == "count":
            what = tr("cf_max_count" if c.sense == "<=" else "cf_min_count", lang)
        else:
            obj = case.objectives.get(unit) if case is not None else None
            what = tr("cf_package_limit", lang, objective=(obj.label_zh or obj.label) if obj is not None else unit)
        if c.move is None:
            return tr("cf_min_cannot" if c.kind == "count" and c.sense == ">=" and "empty package" in c.advice else "cf_cannot", lang, what=what)
        if c.sense == ">=" and c.new_limit is not None and c.new_limit <= 0:
            return tr("cf_drop_count" if c.kind == "count" else "cf_drop_floor", lang, what=what)
        return tr("cf_raise" if c.sense == "<=" else "cf_lower", lang, what=what, old=f"{c.limit:g}", new=f"{c.new_limit:g}", move=f"{c.move:g}")
    if c.kind in ("include", "exclude", "baseline"):
        return tr(f"cf_drop_{c.kind}", lang, o=rest)
    if c.kind == "requires":
        a, b = rest.split(">", 1)
        return tr("cf_drop_requires", lang, a=a, b=b)
    if c.kind == "excludes":
        a, b = rest.split("|", 1)
        return tr("cf_drop_excludes", lang, a=a, b=b)
    return tr("cf_drop_rule", lang)


def _number_or_blank(value: float | None) -> str:
    return "" if value is None else f"{value:.12g}"


def portfolio_csv(r: PortfolioResult) -> str:
    buf = io.StringIO()
    w = csv_writer(buf)
    spec = r.spec
    resources = spec.resource_names
    if r.packages:
        w.writerow(["rank", "value", "status", "proven", "gap_relative", "count", "selected"] + [f"used:{x}" for x in resources] + [f"budget:{x}" for x in spec.budgets] + [f"slack:{x}" for x in spec.budgets])
        for pk in r.packages:
            g = pk.outcome.rel_gap
            w.writerow([pk.rank, f"{pk.value:.12g}", pk.outcome.status, pk.proven, "" if g is None else f"{g:.6g}", len(pk.selected), ";".join(pk.selected)] + [f"{pk.resources.get(x, 0.0):.12g}" for x in resources] + [f"{spec.budgets[x]:.12g}" for x in spec.budgets] + [f"{pk.slack[x]:.12g}" for x in spec.budgets])
    else:
        w.writerow(["status", "constraint", "key", "limit", "move", "new_limit", "loosen_to", "alone_fixes", "advice"])
        for c in r.diagnosis.conflict if r.diagnosis else []:
            w.writerow([r.status, c.text, c.key, f"{c.limit:.12g}", _number_or_blank(c.move), _number_or_blank(c.new_limit), _number_or_blank(c.loosen_to), c.alone_fixes, c.advice])
        if r.diagnosis is None:
            w.writerow([r.status, "", "", "", "", "", "", "", r.status_words])
    lines = [r.status_words] + _comment_lines(r.provenance, spec, r.settings)
    if spec.baseline is not None:
        values = spec.values()
        lines.append("below baseline (negative contribution): " + (", ".join(f"{o} {values[o]:.6g}" for o in r.below_baseline) or "none"))
    return buf.getvalue() + comment_lines(lines)


# ---------------------------------------------------------------------------
# --robust
# ---------------------------------------------------------------------------


def robust_renderable(r: RobustResult, lang: str = "en", width: int | None = None):
    """``width``: the terminal width; below termfit.NARROW columns the titles are short (the detail
    goes under the tables), option ids are listed one a line and regrets sit under the values."""
    from negotiator.render.termfit import Layout, id_text, wrap_id

    narrow = Layout(width).narrow
    caption = _caption(r.provenance, r.spec, r.settings, lang=lang)
    words = status_text(r.outcome, r.settings, lang)
    parts = [_status_text(r.status, tr("rb_maximin_status", lang, status=words) if r.rows else words)]
    if not r.rows:
        parts.append(Text(tr("rb_none", lang), style="red"))
        parts.append(Text(caption, style="dim"))
        return Group(*parts)
    what = tr("rb_what_profiles" if r.across == "profiles" else "rb_what_scenarios", lang)
    ids = [f"P{k + 1}" for k in range(len(r.rows))]
    explain = tr("rb_explain", lang, what=what)
    t = Table(title=tr("rb_title_short", lang, what=what) if narrow else tr("rb_title_long", lang, explain=explain), expand=False, caption=explain if narrow else None, caption_justify="left")
    t.add_column(tr("rb_id", lang))
    if not narrow:
        t.add_column(tr("rb_package", lang))
    t.add_column(tr("pf_options", lang), no_wrap=narrow)  # narrow: the ids keep their width, the id column wraps
    t.add_column(tr("rb_worst" if narrow else "rb_worst_value", lang), justify="right", no_wrap=True)
    t.add_column(tr("rb_max_regret", lang), justify="right", no_wrap=True)
    for pid, row in zip(ids, r.rows):
        strong = "bold" if row.name == "maximin" else ""
        name = _candidate_name(row.name, lang)
        if narrow:
            t.add_row(Text(pid + "\n", style=strong).append(wrap_id(name, 20), style="dim"), id_text("\n".join(row.package.selected)), Text(_num(row.worst), style=strong), _num(row.max_regret))
        else:
            t.add_row(Text(pid, style=strong), Text(name, style=strong), ", ".join(row.package.selected), Text(_num(row.worst), style=strong), _num(row.max_regret))
    regret_words = tr("rb_regret_words", lang)
    # The wide form ('3.6636 (regret 0.0227)') needs about 26 cells a package; where that does not
    # fit, the regret goes under the value and at most as many package columns as fit (11 cells
    # each) go in each of several tables.
    compact = width is not None and width < 30 + 26 * len(ids)
    with_p = r.across == "scenarios" and bool(r.probabilities)  # none under complete ignorance
    per_table = max(1, ((width or 80) - 20 - (14 if with_p else 0)) // 11) if compact else len(ids)
    values = []
    for start in range(0, len(ids), per_table):
        chunk = list(range(start, min(start + per_table, len(ids))))
        which = "" if len(chunk) == len(ids) else f" ({ids[chunk[0]]}–{ids[chunk[-1]]})"
        v = Table(
            title=tr("rb_values_title", lang, what=what, which=which) if compact else tr("rb_values_title_long", lang, what=what, regret=regret_words),
            caption=tr("rb_in_brackets", lang, regret=regret_words) if compact and chunk[-1] == len(ids) - 1 else None, caption_justify="left", expand=False,
        )
        v.add_column(what)
        if with_p:
            v.add_column(tr("rb_probability", lang), justify="right", no_wrap=True)
        for k in chunk:
            v.add_column(ids[k], justify="right", no_wrap=True)
        for n in r.names:
            rows = [r.rows[k] for k in chunk]
            if compact:  # the regret under the value: two numbers side by side do not fit 80 columns
                cells = [f"{row.values[n]:.4f}" + (f"\n({row.regret[n]:.4f})" if row.regret[n] > 1e-9 else "") for row in rows]
            else:
                cells = [f"{row.values[n]:.4f}" + (tr("rb_regret_cell", lang, regret=f"{row.regret[n]:.4f}") if row.regret[n] > 1e-9 else "") for row in rows]
            v.add_row(wrap_id(n, 16) if compact else n, *([f"{r.probabilities[n]:g}"] if with_p else []), *cells)
        values.append(v)
    parts += [t, *values]
    for w in r.warnings:
        parts.append(Text(tr("warning", lang) + w, style="yellow"))
    parts.append(Text(caption, style="dim"))
    return Group(*parts)


def _candidate_name(name: str, lang: str) -> str:
    """A candidate package's name ('maximin', 'best for balanced') in ``lang``; profile and scenario ids stay."""
    if name == "maximin":
        return tr("rb_maximin", lang)
    if name.startswith("best for "):
        return tr("rb_best_for", lang, name=name[len("best for "):])
    return name


def robust_csv(r: RobustResult) -> str:
    buf = io.StringIO()
    w = csv_writer(buf)
    w.writerow(["package", "selected"] + [f"value:{n}" for n in r.names] + ["worst"] + [f"regret:{n}" for n in r.names] + ["max_regret"])
    for row in r.rows:
        w.writerow([row.name, ";".join(row.package.selected)] + [f"{row.values[n]:.12g}" for n in r.names] + [f"{row.worst:.12g}"] + [f"{row.regret[n]:.12g}" for n in r.names] + [f"{row.max_regret:.12g}"])
    lines = [f"robust across {r.across}; maximin package: {r.status_words}"] + _comment_lines(r.provenance, r.spec, r.settings)
    return buf.getvalue() + comment_lines(lines)


# ---------------------------------------------------------------------------
# --core
# ---------------------------------------------------------------------------


def _core_extra(r: CoreResult, lang: str = "en") -> str:
    scores = tr("core_scores_uncertain" if r.uncertain_scores else "core_scores_likely", lang)
    return tr("core_extra", lang, samples=r.samples, spread=f"{r.spread:g}", scores=scores)


def _core_engine(r: CoreResult, lang: str) -> str:
    if lang == "en":
        return r.engine
    if r.enumerated is not None:
        return tr("core_engine_exact", lang, n=r.enumerated)
    return tr("core_engine_milp", lang, solver="HiGHS" if "HiGHS" in r.engine else "CBC")


def _core_class(o, spec, lang: str) -> str:
    """'exterior (reason)' in ``lang``: the reason is a red line or the baseline."""
    if lang == "en":
        return o.category + (f" ({o.reason})" if o.reason else "")
    words = tr(f"core_{o.category}", lang)
    if not o.reason:
        return words
    why = tr("core_reason_baseline" if o.option == spec.held_out_baseline else "core_reason_red_line", lang)
    return f"{words}（{why}）"


def core_renderable(r: CoreResult, lang: str = "en", width: int | None = None):
    """``width``: below termfit.NARROW columns a short title (the detail in the caption) and options by id."""
    from negotiator.render.termfit import Layout, break_long_words, id_text, label_cell

    narrow = Layout(width).narrow
    caption = "\n".join(provenance_lines(r.provenance, None, _core_extra(r, lang), short=True, lang=lang) + baseline_lines(r.spec, lang) + [_core_engine(r, lang)])
    share_words = tr("core_share_words", lang)
    t = Table(title=tr("core_title", lang) if narrow else tr("core_title_long", lang, share=share_words), caption=tr("core_share_caption", lang, share=share_words) if narrow else None, caption_justify="left", expand=False)
    t.add_column(tr("option", lang), no_wrap=narrow)  # narrow: ids keep their width; the class column wraps
    t.add_column(tr("core_share", lang), justify="right", no_wrap=True)
    t.add_column(tr("core_extreme_narrow" if narrow else "core_extreme", lang), justify="right", no_wrap=True)
    t.add_column(tr("core_class", lang))
    style = {"core": "bold green", "borderline": "yellow", "exterior": "dim"}
    for o in r.options:
        label = o.label_zh if lang == "zh" and o.label_zh else o.label
        name = id_text(o.option, style="bold") if narrow else label_cell(label, o.option)
        what = _core_class(o, r.spec, lang)
        t.add_row(name, f"{o.share:.1%}", f"{o.extreme_hits}/{o.extreme_total}" if o.extreme_total else "—", Text(break_long_words(what, 16) if narrow else what, style=style[o.category]))
    p = Table(title=tr("core_packages", lang), expand=False)
    p.add_column(tr("core_share", lang), justify="right")
    p.add_column(tr("pf_options", lang))
    for sel, share in r.packages:
        p.add_row(f"{share:.1%}", ", ".join(sel) or tr("pf_none", lang))
    parts = [t, p] + [Text(tr("warning", lang) + w, style="yellow") for w in r.warnings] + [Text(caption, style="dim")]
    return Group(*parts)


def core_csv(r: CoreResult) -> str:
    buf = io.StringIO()
    w = csv_writer(buf)
    w.writerow(["option", "label", "label_zh", "share", "extreme_points_in_optimum", "extreme_points", "category", "reason"])
    for o in r.options:
        w.writerow([o.option, o.label, o.label_zh or "", f"{o.share:.12g}", o.extreme_hits, o.extreme_total, o.category, o.reason])
    lines = ["most frequent optimal packages: " + " | ".join(f"{share:.4f} {';'.join(sel)}" for sel, share in r.packages), r.engine] + _comment_lines(r.provenance, r.spec, None, _core_extra(r))
    return buf.getvalue() + comment_lines(lines)


# ---------------------------------------------------------------------------
# sweep
# ---------------------------------------------------------------------------


def _sweep_status(outcome, settings, lang: str) -> str:
    """A sweep point's status in a few words: optimal, within X% (a gap stop), or the head of the status sentence."""
    if outcome.proven_optimal:
        return tr("sw_optimal", lang)
    if outcome.status == "gap" and outcome.rel_gap is not None and math.isfinite(outcome.rel_gap):
        return tr("sw_within", lang, gap=f"{outcome.rel_gap:.3%}")
    return status_text(outcome, settings, lang).replace("：", ":").split(":")[0]


def sweep_renderable(r: SweepResult, lang: str = "en", width: int | None = None, case=None):
    """``width``: below termfit.NARROW columns the package column is left out (read the change
    column top-down; the full packages are in --format csv/json) so option ids stay whole."""
    from negotiator.render.termfit import Layout, id_text, wrap_id

    narrow = Layout(width).narrow
    caption = _caption(r.provenance, r.spec, r.settings, lang=lang)
    resource = r.resource if lang == "en" else _short_name(resource_name(case, r.resource, lang))
    if narrow:
        caption = tr("sw_caption", lang, resource=resource) + "\n" + caption
    t = Table(title=tr("sw_title", lang, resource=resource), expand=False)
    t.add_column(tr("sw_cap", lang) if narrow else tr("sw_res_cap", lang, resource=resource), justify="right", no_wrap=True)
    t.add_column(tr("pf_value", lang) if r.spec.baseline is None else tr("pf_value_over", lang), justify="right", no_wrap=True)
    t.add_column(tr("sw_status", lang))
    t.add_column(tr("sw_used", lang) if narrow else tr("sw_res_used", lang, resource=resource), justify="right", no_wrap=True)
    t.add_column(tr("sw_change", lang))
    if not narrow:
        t.add_column(tr("rb_package", lang))
    for pt in r.points:
        pk = pt.package
        status = _sweep_status(pt.outcome, r.settings, lang)
        none = tr("sw_no_package", lang)
        if narrow:
            change = id_text("\n".join([f"+{o}" for o in pt.added] + [f"-{o}" for o in pt.removed]) if pk else none)
            t.add_row(_num(pt.cap, 2), _num(pt.value) if pk else "—", status, _num(pk.resources.get(r.resource), 2) if pk else "—", change)
            continue
        change = " ".join([f"+{o}" for o in pt.added] + [f"-{o}" for o in pt.removed])
        t.add_row(_num(pt.cap, 2), _num(pt.value) if pk else "—", status, _num(pk.resources.get(r.resource), 2) if pk else "—", change, ", ".join(pk.selected) if pk else none)
    return Group(t, *[Text(tr("warning", lang) + w, style="yellow") for w in r.warnings], Text(caption, style="dim"))


def sweep_csv(r: SweepResult) -> str:
    buf = io.StringIO()
    w = csv_writer(buf)
    w.writerow(["cap", "status", "proven_optimal", "value", "used", "added", "removed", "selected"])
    for pt in r.points:
        pk = pt.package
        w.writerow([f"{pt.cap:.12g}", pt.status, pt.outcome.proven_optimal, "" if pk is None else f"{pk.value:.12g}", "" if pk is None else f"{pk.resources.get(r.resource, 0.0):.12g}", ";".join(pt.added), ";".join(pt.removed), "" if pk is None else ";".join(pk.selected)])
    lines = [f"sweep of the {r.resource} budget"] + _comment_lines(r.provenance, r.spec, r.settings)
    return buf.getvalue() + comment_lines(lines)
