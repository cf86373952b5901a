"""Build a Memo (see model.py) from the analyses of a case. No formatting here.

The numbers come from the analyses' public APIs (``api.rank`` and, when they
exist in this version, the sensitivity, portfolio and payoff modules); this
module only chooses what to show and words it in the memo's language.
A section whose analysis is not available is left out, and the provenance
says so.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace

from negotiator.case.catalog import LoadedCase
from negotiator.case.schema import has_probabilities
from negotiator.errors import NegotiatorError, Problem, UsageError
from negotiator.messages import Message
from negotiator.ranking.result import Ranking
from negotiator.i18n import case_name, check_lang, core_text, method_name, red_line_reason, rule_name, tr
from negotiator.render.families import family_key, family_name, family_number
from negotiator.report.model import Cell, Column, Figure, Memo, Paragraph, Section, Table, number_cell, text_cell

__all__ = ["MemoRequest", "build_memo", "parse_date", "default_samples", "DEFAULT_SAMPLES", "DEFAULT_SAMPLES_SLOW_METHOD", "DEFAULT_SEED"]

DEFAULT_SAMPLES = 10_000
#: A method with no vectorised form (methods.BATCH) is evaluated sample by sample in SMAA
#: (about 100x slower), so its default is smaller; the memo shows the standard error either way.
DEFAULT_SAMPLES_SLOW_METHOD = 1_000
DEFAULT_SEED = 0


def default_samples(method: str) -> int:
    from negotiator.methods import get_batch

    return DEFAULT_SAMPLES if method == "additive" or get_batch(method) is not None else DEFAULT_SAMPLES_SLOW_METHOD


@dataclass(frozen=True)
class MemoRequest:
    """Everything that decides a memo's content; the same request gives the same memo."""

    lang: str = "en"
    profile: str | None = None
    method: str = "additive"
    samples: int | None = None  # None: default_samples(method)
    seed: int = DEFAULT_SEED
    scenario: str | None = None  # rank, test and package under one scenario of the other side's behaviour
    baseline: str | None = None  # the package counts what each measure adds over this status quo (portfolio --baseline)
    date: str = ""  # YYYY-MM-DD; empty = today (UTC)


def parse_date(value: str | None) -> str:
    """A memo date as YYYY-MM-DD; today (UTC) when not given."""
    if not value:
        return _dt.datetime.now(_dt.timezone.utc).date().isoformat()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise UsageError(Problem(Message("mr_date_form", value=value), hint=Message("mr_date_hint")))
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(Problem(Message("mr_date_calendar", value=value), hint=Message("mr_date_hint"))) from None


# -- labels -------------------------------------------------------------------


def _label(item, lang: str) -> str:
    if lang == "zh" and getattr(item, "label_zh", None):
        return item.label_zh
    return item.label


class _Words:
    """Labels of a case's options, objectives and scenarios in one language."""

    def __init__(self, loaded: LoadedCase, lang: str):
        self.case = loaded.case
        self.lang = lang

    def option(self, oid: str) -> str:
        return _label(self.case.options[oid], self.lang)

    def objective(self, obj: str) -> str:
        return _label(self.case.objectives[obj], self.lang)

    def scenario(self, sid: str) -> str:
        return _label(self.case.scenarios[sid], self.lang)

    def family_cell(self, oid: str) -> Cell:
        """An option's family as its number (sorts 1, 2, 3 in every language; the table's key names it)."""
        number = family_number(self.case, self.case.options[oid].family)
        return Cell(number, "integer") if number is not None else text_cell("")

    def family_name(self, fam: str) -> str:
        return family_name(self.case, fam, self.lang)

    def family_key(self, oids) -> str | None:
        """"Families: 1 Reciprocal negotiation; 2 ..." for the families of these options (None without names)."""
        return family_key(self.case, [self.case.options[o].family for o in oids], self.lang)

    def join(self, items: list[str]) -> str:
        return tr("list_sep", self.lang).join(items)

    def title(self) -> str:
        c = self.case
        return c.title_zh if self.lang == "zh" and c.title_zh else c.title

    def method(self, method: str) -> str:
        return method_name(method, self.lang)

    def profile(self, pid: str | None) -> str:
        if pid is None:
            return tr("profile_equal", self.lang)
        if pid == "custom":
            return tr("weights_custom", self.lang)
        return self.case.profile_label(pid, self.lang)

    def resource(self, rid: str) -> str:
        return self.case.resource_label(rid, self.lang)


#: Optional sections: (provenance key, builder). Each builder returns a Section or None.
def _optional_builders():
    return [
        ("sensitivity", _robustness_section),
        ("portfolio", _package_section),
    ]


# -- the memo -------------------------------------------------------------------


def build_memo(loaded: LoadedCase, request: MemoRequest) -> Memo:
    """The memo of a case for one request (language, profile, method, samples, seed, date)."""
    from negotiator.ranking.api import rank

    lang = check_lang(request.lang)
    date = parse_date(request.date)
    if request.samples is None:
        request = replace(request, samples=default_samples(request.method))
    words = _Words(loaded, lang)
    if request.baseline is not None:
        # Refused before any analysis runs (SMAA can take seconds), not at the package section.
        from negotiator.portfolio.baseline import prepare_baseline

        prepare_baseline(loaded, request.baseline, request.method)
    ranking = rank(loaded, profile=request.profile, method=request.method, scenario=request.scenario)
    ctx = _Context(loaded, request, words, ranking, date)

    included = []
    optional: dict[str, Section] = {}
    # A section that does not apply to the case (a single option, no budgets, no
    # scenarios) is simply not there.
    for key, builder in _optional_builders():
        section = builder(ctx)
        if section is not None:
            optional[key] = section
            included.append(key)

    scenarios = _scenario_section(ctx)
    if "decision_rules" in ctx.used:
        included.append("decision_rules")

    sections = [_bottom_line_section(ctx), _ranking_section(ctx)]
    screened = _screened_section(ctx)
    if screened is not None:
        sections.append(screened)
    if "sensitivity" in optional:
        sections.append(optional["sensitivity"])
    if "portfolio" in optional:
        sections.append(optional["portfolio"])
    if scenarios is not None:
        sections.append(scenarios)
    from negotiator.report.conflict_section import conflict_section

    conflict = conflict_section(loaded, lang)  # only for a case with a conflicts: section
    if conflict is not None:
        sections.append(conflict)
        included.append("conflict")
    sections.append(_assumptions_section(ctx))
    sections.append(_provenance_section(ctx, included))

    p = ranking.provenance
    provenance = {
        "case": loaded.name,
        "case_sha256": loaded.sha256,
        "version": p.version,
        "method": p.method,
        "profile": p.profile,
        "weights": dict(p.weights),
        "scenario": request.scenario,
        "seed": request.seed if ctx.random_used else None,
        "samples": request.samples if ctx.random_used else None,
        "date": date,
        "lang": lang,
        "analyses": included,
    }
    subtitle = tr("memo_subtitle", lang, method=words.method(p.method), profile=words.profile(p.profile), date=date)
    if request.scenario is not None:
        subtitle += tr("memo_subtitle_scenario", lang, scenario=words.scenario(request.scenario))
    return Memo(lang=lang, title=tr("memo_title", lang, title=words.title()), subtitle=subtitle, date=date, sections=tuple(sections), provenance=provenance)


class _Context:
    """What every section builder needs, and what they found out on the way."""

    def __init__(self, loaded: LoadedCase, request: MemoRequest, words: _Words, ranking: Ranking, date: str):
        self.loaded = loaded
        self.case = loaded.case
        self.request = request
        self.lang = words.lang
        self.words = words
        self.ranking = ranking
        self.date = date
        self.random_used = False  # set by a section that samples (then seed and samples are provenance)
        self.used: set[str] = set()
        self.bottom_line_extra: list[Paragraph] = []  # short paragraphs optional sections add to the bottom line

    def t(self, key: str, **fields) -> str:
        return tr(key, self.lang, **fields)

    @property
    def objectives(self) -> list[str]:
        return list(self.ranking.provenance.weights)


def _fmt(value: float, decimals: int = 4) -> str:
    return f"{value:.{decimals}f}"


def _pct(share: float, decimals: int = 1) -> str:
    return f"{share * 100:.{decimals}f}%"


# -- bottom line ----------------------------------------------------------------


def _bottom_line_section(ctx: _Context) -> Section:
    """Short sentences a director reads in a minute: the winner named once, ties said as ties,
    lists of options as bullets (labels may contain commas and 、)."""
    r, w = ctx.ranking, ctx.words
    p = r.provenance
    top = r.rows[0]
    common = dict(profile=w.profile(p.profile), method=w.method(p.method), option=w.option(top.option), family=_family_part(ctx, top.option), score_name=_score_name(ctx), score=_fmt(top.score))
    lead: list[Paragraph] = []
    if len(r.rows) == 1:
        first = ctx.t("bl_winner_alone", **common)
        lead.append(Paragraph(first, role="lead", strong=len(first)))
    else:
        first = ctx.t("bl_first", n=len(r.rows), **common)
        tied = [row for row in r.rows[1:] if row.rank == top.rank]
        if tied:
            lead.append(Paragraph(first + _sep(ctx) + ctx.t("bl_tie_first", k=len(tied) + 1), role="lead", strong=len(first), items=tuple(w.option(row.option) for row in tied)))
        else:
            lead.append(Paragraph(first, role="lead", strong=len(first)))
        second = next((row for row in r.rows if row.rank > top.rank), None)
        if second is not None:
            runners = [row for row in r.rows if row.rank == second.rank]
            margin = top.score - second.score
            rel = (f"（{_pct(margin / abs(second.score))}）" if ctx.lang == "zh" else f" ({_pct(margin / abs(second.score))})") if second.score else ""
            fields = dict(runner_score=_fmt(second.score), margin=_fmt(margin) + rel, place=second.rank, k=len(runners))
            if len(runners) == 1:
                key = "bl_second_one" if second.rank == 2 else "bl_next_one"
                lead.append(Paragraph(ctx.t(key, runner=w.option(runners[0].option), **fields), role="lead"))
            else:
                key = "bl_second_tie" if second.rank == 2 else "bl_next_tie"
                lead.append(Paragraph(ctx.t(key, **fields), role="lead", items=tuple(w.option(row.option) for row in runners)))
    lead += ctx.bottom_line_extra
    if r.screened_out:
        lead.append(Paragraph(ctx.t("bl_screened" if len(r.screened_out) > 1 else "bl_screened_one", n=len(r.screened_out)), role="lead", items=tuple(w.option(s.option) for s in r.screened_out)))
    else:
        lead.append(Paragraph(ctx.t("bl_no_screened"), role="lead"))
    blocks = [*lead, Paragraph(ctx.t("bl_judgment"), role="note")]
    return Section("bottom_line", ctx.t("sec_bottom_line"), tuple(blocks))


def _sep(ctx: _Context) -> str:
    """Between two sentences: a space in English, nothing in Chinese."""
    return "" if ctx.lang == "zh" else " "


def _family_part(ctx: _Context, oid: str) -> str:
    family = ctx.case.options[oid].family
    return ctx.t("family_part", family=ctx.words.family_name(family)) if family else ""


def _with_family_key(ctx: _Context, note: str | None, oids) -> str | None:
    key = ctx.words.family_key(oids)
    if key is None:
        return note
    return key if not note else key + _sep(ctx) + note


def _score_name(ctx: _Context) -> str:
    # The method's own name for its score when English; the generic term in Chinese.
    return ctx.ranking.score_name if ctx.lang == "en" else ctx.t("col_score")


# -- ranking ----------------------------------------------------------------------


def _ranking_section(ctx: _Context) -> Section:
    r, w = ctx.ranking, ctx.words
    has_contrib = any(row.contributions for row in r.rows)
    columns = [Column("rank", ctx.t("col_rank"), "integer"), Column("option", ctx.t("col_option")), Column("option_id", ctx.t("col_option_id")), Column("family", ctx.t("head_family"), "integer"), Column("score", ctx.t("col_score"), "number")]
    header_key = None
    if has_contrib:
        # English objective names have words too long for a column of 11 on a page: short names
        # ("O1") with a key where the page is narrow; Chinese wraps between characters.
        shorts = [ctx.t("col_objective_short", k=k + 1) if ctx.lang == "en" else "" for k in range(len(ctx.objectives))]
        columns += [Column(f"contribution:{obj}", w.objective(obj), "number", short=short) for obj, short in zip(ctx.objectives, shorts)]
        if any(shorts):
            header_key = ctx.t("header_key", items=w.join([f"{short} {w.objective(obj)}" for obj, short in zip(ctx.objectives, shorts)]))
    rows = []
    for row in r.rows:
        cells = [Cell(row.rank, "integer"), text_cell(w.option(row.option)), text_cell(row.option), w.family_cell(row.option), number_cell(row.score)]
        if has_contrib:
            cells += [number_cell((row.contributions or {}).get(obj, 0.0)) for obj in ctx.objectives]
        rows.append(tuple(cells))
    note = ctx.t("ranking_note") if has_contrib else ctx.t("ranking_note_nocontrib", method=ctx.words.method(r.provenance.method))
    note = _with_family_key(ctx, note, [row.option for row in r.rows])
    blocks: list = [Table("ranking", ctx.t("tbl_ranking"), tuple(columns), tuple(rows), note=note, header_key=header_key)]
    if has_contrib:
        blocks.append(_contribution_figure(ctx))
    return Section("ranking", ctx.t("sec_ranking"), tuple(blocks))


def _contribution_figure(ctx: _Context) -> Figure:
    r, w = ctx.ranking, ctx.words
    categories = tuple(f"{row.rank}. {w.option(row.option)}" for row in r.rows)
    series = tuple((w.objective(obj), tuple(float((row.contributions or {}).get(obj, 0.0)) for row in r.rows)) for obj in ctx.objectives)
    return Figure(
        "contributions",
        ctx.t("fig_contrib"),
        categories,
        series,
        axis_label=ctx.t("col_score"),
        category_ids=tuple(f"{row.rank}. {row.option}" for row in r.rows),
        series_ids=tuple(ctx.objectives),
    )


# -- screened out -------------------------------------------------------------------


def _screened_section(ctx: _Context) -> Section | None:
    r, w = ctx.ranking, ctx.words
    if not r.screened_out:
        return None
    reasons = _screening_reasons(ctx)
    columns = (Column("option", ctx.t("col_option")), Column("option_id", ctx.t("col_option_id")), Column("family", ctx.t("head_family"), "integer"), Column("reason", ctx.t("col_reason")))
    rows = tuple((text_cell(w.option(s.option)), text_cell(s.option), w.family_cell(s.option), text_cell(reasons.get(s.option) or s.reason)) for s in r.screened_out)
    table = Table("screened", ctx.t("tbl_screened"), columns, rows, note=_with_family_key(ctx, ctx.t("screened_note"), [s.option for s in r.screened_out]))
    return Section("screened", ctx.t("sec_screened"), (table,))


def _screening_reasons(ctx: _Context, scenario: str | None = None, options=None) -> dict[str, str]:
    """The red lines each screened option breaks, worded in the memo's language.

    Which options are screened comes from the ranking; here we only name the
    broken limits (Limit.broken_by on the same likely scores the ranking used).
    """
    from negotiator.model.matrix import build_matrix, red_line_breaches

    matrix = build_matrix(ctx.case, scenario if scenario is not None else ctx.ranking.provenance.scenario)
    screened = set(options) if options is not None else {s.option for s in ctx.ranking.screened_out}
    breaches = red_line_breaches(ctx.case, matrix)
    return {oid: red_line_reason(ctx.case, found, ctx.lang) for oid, found in breaches.items() if oid in screened}


# -- robustness (negotiator.sensitivity) ------------------------------------------------

#: Ranks shown one by one in the acceptability table and chart; the rest are summed.
_ACCEPTABILITY_RANKS = 3


def _robustness_section(ctx: _Context) -> Section | None:
    """SMAA acceptability, the winner's weight stability intervals and its nearest flip.

    Every number comes from negotiator.sensitivity; nothing is recomputed here.
    """
    import negotiator.sensitivity as module  # imported here: a memo without this section stays quick
    p = ctx.ranking.provenance
    if len(ctx.ranking.rows) < 2:
        return None  # nothing to be robust against: a single option is first whatever the weights
    kwargs = dict(profile=None if p.profile == "custom" else p.profile, method=p.method, weights=p.weights if p.profile == "custom" else None, scenario=ctx.request.scenario)
    smaa = module.smaa(ctx.loaded, samples=ctx.request.samples, seed=ctx.request.seed, **kwargs)
    ctx.random_used = True
    stability = module.stability(ctx.loaded, **kwargs)
    flips = module.flip(ctx.loaded, **kwargs)
    blocks: list = []
    blocks += _smaa_blocks(ctx, smaa)
    blocks += _stability_blocks(ctx, stability)
    blocks += _flip_blocks(ctx, flips)
    return Section("robustness", ctx.t("sec_robustness"), tuple(blocks))


def _smaa_blocks(ctx: _Context, smaa) -> list:
    import math

    w = ctx.words
    winner = ctx.ranking.rows[0].option
    i = smaa.options.index(winner)
    share = float(smaa.acceptability[i, 0])
    sentence = ctx.t("rob_smaa", samples=f"{smaa.samples:,}", seed=smaa.provenance.seed, option=w.option(winner), share=_pct(share))
    bl = ctx.t("bl_smaa", samples=f"{smaa.samples:,}", share=_pct(share))
    best = max(range(len(smaa.options)), key=lambda j: (smaa.acceptability[j, 0], -j))
    if smaa.options[best] != winner and smaa.acceptability[best, 0] > share:
        bl += _sep(ctx) + ctx.t("bl_smaa_rival", other=w.option(smaa.options[best]), share=_pct(float(smaa.acceptability[best, 0])))
    ctx.bottom_line_extra.append(Paragraph(bl, role="lead"))
    shown = min(_ACCEPTABILITY_RANKS, len(smaa.options))
    columns = [Column("option", ctx.t("col_option")), Column("option_id", ctx.t("col_option_id"))]
    columns += [Column(f"rank_{k}", ctx.t("col_first_rank") if k == 1 else ctx.t("col_rank_k", k=k), "percent") for k in range(1, shown + 1)]
    columns += [Column("confidence", ctx.t("col_confidence"), "percent")]
    rows = []
    order = smaa.order()
    for j in order:
        cells = [text_cell(w.option(smaa.options[j])), text_cell(smaa.options[j])]
        cells += [number_cell(float(smaa.acceptability[j, k]), 3, "percent") for k in range(shown)]
        conf = float(smaa.confidence[j])
        cells.append(number_cell(None if math.isnan(conf) else conf, 3, "percent"))
        rows.append(tuple(cells))
    weights = ctx.t(f"smaa_weights_{smaa.weight_model.kind}")
    note = ctx.t("smaa_note", samples=f"{smaa.samples:,}", seed=smaa.provenance.seed, se=_pct(smaa.max_standard_error, 2), weights=weights)
    note += _sep(ctx) + ctx.t("smaa_confidence_note")
    table = Table("acceptability", ctx.t("tbl_acceptability"), tuple(columns), tuple(rows), note=note)
    return [Paragraph(sentence), table, _acceptability_figure(ctx, smaa, order, shown)]


def _acceptability_figure(ctx: _Context, smaa, order: list[int], shown: int) -> Figure:
    w = ctx.words
    n = len(smaa.options)
    series = [(ctx.t("col_rank_k", k=k + 1), tuple(float(smaa.acceptability[j, k]) for j in order)) for k in range(shown)]
    series_ids = [f"rank {k + 1}" for k in range(shown)]
    if n > shown:
        # The remaining ranks as one segment, so each bar still reaches 100%.
        series.append((ctx.t("col_rank_rest", k=shown + 1), tuple(float(smaa.acceptability[j, shown:].sum()) for j in order)))
        series_ids.append(f"rank {shown + 1}+")
    return Figure(
        "acceptability",
        ctx.t("fig_acceptability"),
        tuple(w.option(smaa.options[j]) for j in order),
        tuple(series),
        axis_label=ctx.t("axis_share"),
        percent=True,
        category_ids=tuple(smaa.options[j] for j in order),
        series_ids=tuple(series_ids),
    )


def _stability_blocks(ctx: _Context, stability) -> list:
    w = ctx.words
    winner = stability.top_order[0] if stability.top_order else ctx.ranking.rows[0].option
    blocks: list = []
    sensitive = stability.most_sensitive()
    if sensitive is not None:
        blocks.append(Paragraph(ctx.t("rob_interval", option=w.option(winner), objective=w.objective(sensitive.objective), low=_fmt(sensitive.low, 3), high=_fmt(sensitive.high, 3), now=_fmt(sensitive.current_weight, 3))))
    columns = (
        Column("objective", ctx.t("col_objective")),
        Column("objective_id", ctx.t("col_id")),
        Column("weight", ctx.t("col_weight_now"), "number"),
        Column("low", ctx.t("col_weight_low"), "number"),
        Column("high", ctx.t("col_weight_high"), "number"),
    )
    rows = tuple(
        (text_cell(w.objective(iv.objective)), text_cell(iv.objective), number_cell(iv.current_weight), number_cell(iv.low), number_cell(iv.high))
        for iv in stability.intervals
    )
    blocks.append(Table("stability", ctx.t("tbl_stability"), columns, rows, note=ctx.t("stability_note", option=w.option(winner))))
    return blocks


def _flip_blocks(ctx: _Context, flips) -> list:
    w = ctx.words
    nearest = next((f for f in flips.flips if f.possible), None)
    if nearest is None:
        return [Paragraph(ctx.t("rob_no_flip"))]
    now = ctx.ranking.provenance.weights
    changes = w.join([f"{w.objective(obj)} {_fmt(now[obj], 3)} → {_fmt(nearest.weights[obj], 3)}" for obj, delta in (nearest.changes or {}).items() if abs(delta) >= 5e-4])
    sentence = ctx.t("rob_flip", distance=_fmt(nearest.distance, 3), changes=changes, other=w.option(nearest.challenger))
    ctx.bottom_line_extra.append(Paragraph(ctx.t("bl_flip", distance=_fmt(nearest.distance, 3), other=w.option(nearest.challenger)), role="lead"))
    return [Paragraph(sentence)]


# -- package (negotiator.portfolio) --------------------------------------------------------


def _package_section(ctx: _Context) -> Section | None:
    """The best package under the case's budgets and rules, from negotiator.portfolio."""
    import negotiator.portfolio as module
    p = ctx.ranking.provenance
    if not ctx.case.constraints.budgets and ctx.case.constraints.count is None:
        return None  # no budgets and no count: "the best package" would be every option
    custom = p.profile == "custom"  # weights typed in, not a profile of the case
    query = module.PackageQuery(profile=None if custom else p.profile, method=p.method, weights=p.weights if custom else None, scenario=ctx.request.scenario, baseline=ctx.request.baseline)
    result = module.best_packages(ctx.loaded, query)
    from negotiator.render.portfolio import status_text

    w = ctx.words
    best = result.best
    outcome = result.outcomes[0] if result.outcomes else None
    if best is None:
        para = Paragraph(ctx.t("pkg_none", status=status_text(outcome, result.settings, ctx.lang)))
        return Section("package", ctx.t("sec_package"), (para,))
    if result.proven_optimal:
        status = ctx.t("pkg_proven")
    elif result.status == "gap" and outcome.rel_gap is not None and outcome.rel_gap < float("inf"):
        # The default for a large case: proven within the requested gap (0.1%), and by how much.
        status = ctx.t("pkg_within", gap=f"{outcome.rel_gap:.3%}")
    else:
        status = ctx.t("pkg_not_proven", status=status_text(outcome, result.settings, ctx.lang))
    single = len(best.selected) == 1
    intro = ctx.t("pkg_intro_one" if single else "pkg_intro", n=len(best.selected), value=_fmt(best.value), status=status)
    package_line = Paragraph(ctx.t("bl_package_one" if single else "bl_package", n=len(best.selected)), role="lead", items=tuple(w.option(o) for o in best.selected))
    ctx.bottom_line_extra.append(package_line)
    from negotiator.portfolio.packages import fills_caps_reason

    caps = fills_caps_reason(result.spec, best)
    caps_words = None
    if caps is not None:  # the package is as big as the limits allow: its size says nothing about each measure
        kind, cap, example = caps
        what = ctx.t(f"pf_fills_{kind}", cap=cap) if kind == "count" else ctx.t(f"pf_fills_{kind}")
        eg = ctx.t("baseline_eg", example=example) if example != "OPTION" else ""
        ctx.bottom_line_extra.append(Paragraph(ctx.t("bl_package_caps", what=what, eg=eg), role="lead"))
        caps_words = Paragraph(ctx.t("pkg_fills_caps", what=what, eg=eg))
    value_title = ctx.t("col_value") if ctx.request.baseline is None else ctx.t("col_value_over_baseline")
    cols = (Column("option", ctx.t("col_option")), Column("option_id", ctx.t("col_option_id")), Column("family", ctx.t("head_family"), "integer"), Column("value", value_title, "number"))
    rows = tuple((text_cell(w.option(o)), text_cell(o), w.family_cell(o), number_cell(best.option_values.get(o))) for o in best.selected)
    blocks: list = [Paragraph(intro), *([caps_words] if caps_words else []), Table("package", ctx.t("tbl_package"), cols, rows, note=_with_family_key(ctx, _package_value_note(ctx, best), best.selected))]
    if ctx.request.baseline is not None:
        blocks.append(Paragraph(_baseline_words(ctx, result)))
    budgets = result.spec.budgets
    resources = list(budgets) + [r for r in best.resources if r not in budgets]
    if resources:
        rcols = (Column("resource", ctx.t("col_resource")), Column("used", ctx.t("col_used"), "number"), Column("budget", ctx.t("col_budget"), "number"), Column("left", ctx.t("col_left"), "number"))
        rrows = tuple(
            (text_cell(ctx.words.resource(r)), number_cell(best.resources.get(r, 0.0), 2), number_cell(budgets[r], 2) if r in budgets else text_cell(""), number_cell(best.slack[r], 2) if r in best.slack else text_cell(""))
            for r in resources
        )
        blocks.append(Table("resources", ctx.t("tbl_resources"), rcols, rrows))
    return Section("package", ctx.t("sec_package"), tuple(blocks))


def _package_value_note(ctx: _Context, best) -> str:
    if best.synergy_bonus != 0:
        return ctx.t("pkg_synergy_note", bonus=_fmt(best.synergy_bonus))
    return ctx.t("pkg_value_note" if ctx.request.baseline is None else "pkg_value_note_baseline")


def _baseline_words(ctx: _Context, result) -> str:
    """Which status quo the package is measured over, its own value, and the measures worse than it."""
    base = result.spec.baseline
    name = ctx.words.option(base.option) if base.kind == "option" else base.text
    value = next(iter(result.spec.baseline_values.values()), None)
    below = result.below_baseline
    worse = ctx.words.join([ctx.words.option(o) for o in below]) if below else ctx.t("none")
    return ctx.t("pkg_baseline", baseline=name, value=_fmt(value) if value is not None else "—", worse=worse)


# -- scenarios ------------------------------------------------------------------------


def _scenario_section(ctx: _Context) -> Section | None:
    """Scenario payoffs and decision rules, from negotiator.scenarios.payoffs."""
    if not ctx.case.scenarios:
        return None
    from negotiator.scenarios import payoffs as module

    return _scenario_section_from_payoffs(ctx, module)


def _scenario_section_from_payoffs(ctx: _Context, module) -> Section:
    w = ctx.words
    p = ctx.ranking.provenance
    custom = p.profile == "custom"
    try:
        payoffs = module.scenario_payoffs(ctx.loaded, profile=None if custom else p.profile, method=p.method, weights=p.weights if custom else None)
    except NegotiatorError as exc:
        # e.g. every option breaks a red line under some scenario: say so instead of a table.
        return Section("scenarios", ctx.t("sec_scenarios"), (Paragraph(ctx.t("scen_unavailable", reason=core_text(exc.problems[0].message, ctx.lang))),))
    report = payoffs.analyse()
    ctx.used.add("decision_rules")
    expected = next((r for r in report.rules if r.rule == "expected_value"), None)
    ids = [row.id for row in payoffs.rows]
    base_order = {row.option: k for k, row in enumerate(ctx.ranking.rows)}
    order = sorted(range(len(ids)), key=lambda k: (base_order.get(ids[k], len(base_order)), k))
    columns = [Column("option", ctx.t("col_option")), Column("option_id", ctx.t("col_option_id"))]
    columns += [Column(f"scenario:{sid}", w.scenario(sid) + ("" if prob is None else f" (p={prob:g})"), "number") for sid, prob in payoffs.probability_of.items()]
    if expected is not None:
        columns.append(Column("expected", ctx.t("col_expected"), "number"))
    rows = []
    for k in order:
        cells = [text_cell(w.option(ids[k])), text_cell(ids[k])]
        cells += [number_cell(float(v)) for v in payoffs.values[k]]
        if expected is not None:
            cells.append(number_cell(expected.scores[k]))
        rows.append(tuple(cells))
    blocks: list = [Paragraph(ctx.t("scen_intro_payoffs")), Table("payoffs", ctx.t("tbl_payoffs"), tuple(columns), tuple(rows))]
    if payoffs.screened_out:
        blocks.append(Paragraph(ctx.t("scen_left_out", options=w.join([_scenario_screening(ctx, oid, lines) for oid, lines in payoffs.screened_out.items()])), role="note"))
    blocks += _rules_blocks(ctx, report, ids)
    return Section("scenarios", ctx.t("sec_scenarios"), tuple(blocks))


def _scenario_screening(ctx: _Context, oid: str, lines: list[str]) -> str:
    """'Option (scenario: red line broken)' in the memo's language."""
    w = ctx.words
    parts = []
    for line in lines:
        sid = line.split(":", 1)[0]
        if sid in ctx.case.scenarios:
            reason = _screening_reasons(ctx, sid, [oid]).get(oid) or line
            parts.append(f"{w.scenario(sid)}: {reason}")
        else:
            parts.append(line)
    return f"{w.option(oid)} ({'; '.join(parts)})"


def _rules_blocks(ctx: _Context, report, ids: list[str]) -> list:
    w = ctx.words
    columns = (
        Column("rule", ctx.t("col_rule")),
        Column("choice", ctx.t("col_choice")),
        Column("choice_id", ctx.t("col_option_id")),
        Column("criterion", ctx.t("col_criterion"), "number"),
        Column("margin", ctx.t("col_margin"), "number"),
    )
    rows = []
    for rule in report.rules:
        chosen = [ids[k] for k in rule.chosen]
        criterion = rule.scores[rule.chosen[0]] if rule.chosen else None
        rows.append((
            text_cell(_rule_name(ctx, rule, report.alpha)),
            text_cell(w.join([w.option(o) for o in chosen])),
            text_cell(", ".join(chosen)),
            number_cell(criterion),
            number_cell(rule.margin) if rule.margin is not None else text_cell(""),
        ))
    table = Table("rules", ctx.t("tbl_rules"), columns, tuple(rows), note=ctx.t("rules_note"))
    picks = {r.rule: w.join([w.option(ids[k]) for k in r.chosen]) for r in report.rules}
    if "expected_value" in picks and "maximin" in picks:
        ctx.bottom_line_extra.append(Paragraph(ctx.t("bl_rules", ev=picks["expected_value"], maximin=picks["maximin"]), role="lead"))
    notes = []
    if report.evpi is not None:
        notes.append(Paragraph(ctx.t("scen_evpi", evpi=_fmt(report.evpi)), role="note"))
    if report.not_run:  # complete ignorance: the case gives no probabilities
        notes.append(Paragraph(ctx.t("scen_ignorance", rules=w.join([tr(f"rule_{r}", ctx.lang) for r, _ in report.not_run])), role="note"))
    return [Paragraph(ctx.t("rules_intro")), table, *notes]


def _rule_name(ctx: _Context, rule, alpha: float) -> str:
    return rule_name(rule, ctx.lang, alpha)  # a rule the catalogue does not know yet: the analysis's own (English) name


def _rationale_sentence(ctx: _Context) -> str | None:
    """How many of the case's scores carry a one-line rationale: counted, never claimed (None without scores)."""
    from negotiator.model.score_matrix import rationale_count

    noted, total = rationale_count(ctx.case)
    if total == 0:
        return None
    key = "asm_rationale_all" if noted == total else "asm_rationale_none" if noted == 0 else "asm_rationale_some"
    return ctx.t(key, noted=noted, total=total)


def _assumptions_section(ctx: _Context) -> Section:
    case, w = ctx.case, ctx.words
    p = ctx.ranking.provenance
    blocks: list = [Paragraph(ctx.t("asm_judgment"), role="lead", strong=len(ctx.t("asm_judgment")))]
    rationale = _rationale_sentence(ctx)
    if rationale:
        blocks.append(Paragraph(rationale))
    if p.profile is None:
        blocks.append(Paragraph(ctx.t("weights_equal")))
    weight_cols = (Column("objective", ctx.t("col_objective")), Column("objective_id", ctx.t("col_id")), Column("direction", ctx.t("head_direction")), Column("weight", ctx.t("col_weight"), "number"))
    weight_rows = tuple(
        (text_cell(w.objective(obj)), text_cell(obj), text_cell(ctx.t("dir_max" if case.objectives[obj].direction == "max" else "dir_min")), number_cell(p.weights[obj]))
        for obj in ctx.objectives
    )
    blocks.append(Table("weights", ctx.t("tbl_weights"), weight_cols, weight_rows, note=f"{ctx.t('prov_row_profile')}{'：' if ctx.lang == 'zh' else ': '}{w.profile(p.profile)}"))
    limits = case.constraints.limits
    if limits:
        cols = (Column("objective", ctx.t("col_objective")), Column("objective_id", ctx.t("col_id")), Column("min", ctx.t("col_min"), "number"), Column("max", ctx.t("col_max"), "number"))
        rows = tuple((text_cell(w.objective(obj)), text_cell(obj), number_cell(lim.min, 2) if lim.min is not None else text_cell(""), number_cell(lim.max, 2) if lim.max is not None else text_cell("")) for obj, lim in limits.items())
        blocks.append(Table("red_lines", ctx.t("tbl_redlines"), cols, rows, note=ctx.t("screened_note")))
    else:
        blocks.append(Paragraph(ctx.t("no_redlines")))
    if case.scenarios:
        if has_probabilities(case):
            cols = (Column("scenario", ctx.t("col_scenario")), Column("scenario_id", ctx.t("col_id")), Column("probability", ctx.t("col_probability"), "number"), Column("source", ctx.t("head_source")))
            rows = tuple((text_cell(w.scenario(sid)), text_cell(sid), number_cell(sc.probability, 2), text_cell(sc.source or "")) for sid, sc in case.scenarios.items())
            blocks.append(Table("scenarios", ctx.t("tbl_scenarios"), cols, rows))
        else:  # complete ignorance: no probability column
            cols = (Column("scenario", ctx.t("col_scenario")), Column("scenario_id", ctx.t("col_id")), Column("source", ctx.t("head_source")))
            rows = tuple((text_cell(w.scenario(sid)), text_cell(sid), text_cell(sc.source or "")) for sid, sc in case.scenarios.items())
            blocks.append(Table("scenarios", ctx.t("tbl_scenarios"), cols, rows, note=ctx.t("asm_no_probabilities")))
    else:
        blocks.append(Paragraph(ctx.t("no_scenarios")))
    return Section("assumptions", ctx.t("sec_assumptions"), tuple(blocks))


# -- provenance -------------------------------------------------------------------------------


def _provenance_section(ctx: _Context, included: list[str]) -> Section:
    loaded, req = ctx.loaded, ctx.request
    p = ctx.ranking.provenance
    not_used = ctx.t("prov_not_used")
    names = {"sensitivity": "analysis_sensitivity", "portfolio": "analysis_portfolio", "decision_rules": "analysis_decision_rules", "conflict": "analysis_conflict"}
    described = lambda keys: ctx.words.join([ctx.t(names[k]) for k in keys]) or ctx.t("none")  # noqa: E731
    items = [
        ("case", ctx.t("prov_row_case"), case_name(loaded.name, ctx.lang)),
        ("files", ctx.t("prov_files"), ctx.words.join([_short_path(f) for f in loaded.files])),
        ("case_sha256", ctx.t("prov_sha"), loaded.sha256),
        ("version", ctx.t("prov_row_version"), p.version),
        ("method", ctx.t("prov_row_method"), p.method),
        ("profile", ctx.t("prov_row_profile"), p.profile if p.profile not in (None, "custom") else ctx.words.profile(p.profile)),  # the id: what --profile takes
        ("scenario", ctx.t("prov_row_scenario"), req.scenario or ctx.t("prov_base_case")),
        ("baseline", ctx.t("prov_baseline"), req.baseline or ctx.t("prov_no_baseline")),
        ("seed", ctx.t("prov_row_seed"), str(req.seed) if ctx.random_used else not_used),
        ("samples", ctx.t("prov_samples"), str(req.samples) if ctx.random_used else not_used),
        ("date", ctx.t("prov_date"), ctx.date),
        ("analyses", ctx.t("prov_sections"), described(included)),
        ("command", ctx.t("prov_reproduce"), _command_line(ctx)),
    ]
    cols = (Column("item", ctx.t("col_item")), Column("value", ctx.t("col_content")))
    rows = tuple((text_cell(label), text_cell(value)) for _, label, value in items)
    return Section("provenance", ctx.t("sec_provenance"), (Table("provenance", ctx.t("tbl_provenance"), cols, rows),))


def _short_path(path: str) -> str:
    """Bundled files by their place in the case (strategies/..., payoffs/...), not this machine's path."""
    from pathlib import Path

    from negotiator.case.catalog import bundled_dirs

    resolved = Path(path).resolve()
    try:
        roots = {d.parent.resolve() for d in bundled_dirs()}
    except NegotiatorError:
        roots = set()
    for root in roots:
        if resolved.is_relative_to(root):
            return resolved.relative_to(root).as_posix()
    return str(path)


def _command_line(ctx: _Context) -> str:
    req, p = ctx.request, ctx.ranking.provenance
    case = "" if ctx.loaded.name == "bundled" else " " + ctx.loaded.name.replace(", ", " ")
    parts = [f"negotiator memo{case} -o FILE --lang {ctx.lang} --method {p.method}"]
    if p.profile and p.profile != "custom":
        parts.append(f"--profile {p.profile}")
    if req.scenario:
        parts.append(f"--scenario {req.scenario}")
    if req.baseline:
        parts.append(f"--baseline {req.baseline}")
    if ctx.random_used:
        parts.append(f"--samples {req.samples} --seed {req.seed}")
    parts.append(f"--date {ctx.date}")
    return " ".join(parts)
