"""How far the aggregation methods agree: rankings side by side, Kendall's tau
between each pair of methods, and the options whose rank moves most.

Core of `negotiator compare-methods`; the renderers at the end build text,
CSV and rich tables but never print.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from itertools import combinations
from typing import Mapping, Sequence

import numpy as np

from ._version import __version__
from .spreadsheet_safe import comment_lines, csv_writer

__all__ = ["MethodComparison", "compare_methods", "kendall_tau_b", "comparison_csv", "comparison_markdown", "comparison_tables"]


def kendall_tau_b(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Kendall's tau-b between two rankings (ties allowed); None when one ranking ties everything."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = len(x)
    if n < 2:
        return None
    iu = np.triu_indices(n, k=1)
    sx = np.sign(x[:, None] - x[None, :])[iu]
    sy = np.sign(y[:, None] - y[None, :])[iu]
    concordance = float((sx * sy).sum())
    pairs_x, pairs_y = float(np.count_nonzero(sx)), float(np.count_nonzero(sy))
    if pairs_x == 0 or pairs_y == 0:
        return None
    return concordance / float(np.sqrt(pairs_x * pairs_y))


@dataclass(frozen=True)
class Mover:
    option: str
    label: str
    best_rank: int
    worst_rank: int
    best_under: list[str]
    worst_under: list[str]

    @property
    def spread(self) -> int:
        return self.worst_rank - self.best_rank


@dataclass(frozen=True)
class MethodComparison:
    provenance: dict
    methods: list[str]
    options: list[str]  # ranked options, by mean rank over the methods (then id)
    labels: dict[str, str]
    labels_zh: dict[str, str | None]
    ranks: dict[str, dict[str, int]]  # method -> option -> rank (1 = best, ties share)
    scores: dict[str, dict[str, float]]
    score_names: dict[str, str]
    tau: dict[tuple[str, str], float | None]
    movers: list[Mover]
    screened_out: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def mean_tau(self) -> float | None:
        vals = [t for t in self.tau.values() if t is not None]
        return float(np.mean(vals)) if vals else None

    def to_dict(self) -> dict:
        return {
            **self.provenance,
            "methods": list(self.methods),
            "rankings": [
                {"option": o, "label": self.labels[o], "label_zh": self.labels_zh.get(o), "ranks": {m: self.ranks[m][o] for m in self.methods}, "scores": {m: self.scores[m][o] for m in self.methods}}
                for o in self.options
            ],
            "score_names": dict(self.score_names),
            "kendall_tau_b": [{"a": a, "b": b, "tau": t} for (a, b), t in self.tau.items()],
            "mean_kendall_tau_b": self.mean_tau(),
            "biggest_movers": [{"option": mv.option, "label": mv.label, "best_rank": mv.best_rank, "worst_rank": mv.worst_rank, "spread": mv.spread, "best_under": mv.best_under, "worst_under": mv.worst_under} for mv in self.movers],
            "screened_out": list(self.screened_out),
            "warnings": list(self.warnings),
            "note": "scores are analyst judgments, not facts",
        }


def compare_methods(
    case=None,
    profile: str | None = None,
    methods: Sequence[str] | None = None,
    scenario: str | None = None,
    weights: Mapping[str, float] | None = None,
    method_options: Mapping[str, dict] | None = None,
    top_movers: int = 5,
) -> MethodComparison:
    """Rank one case under several methods (all registered ones by default) and compare."""
    from .api import as_loaded, rank
    from .methods import get_method, method_names

    loaded = as_loaded(case)
    chosen = list(methods) if methods else method_names()
    for m in chosen:
        get_method(m)  # unknown names fail here, before any work
    if len(set(chosen)) != len(chosen):
        chosen = list(dict.fromkeys(chosen))
    method_options = dict(method_options or {})
    rankings = {m: rank(loaded, profile=profile, method=m, weights=weights, scenario=scenario, **method_options.get(m, {})) for m in chosen}
    first = rankings[chosen[0]]
    ranks = {m: {row.option: row.rank for row in r.rows} for m, r in rankings.items()}
    scores = {m: {row.option: row.score for row in r.rows} for m, r in rankings.items()}
    options = [row.option for row in first.rows]
    mean_rank = {o: float(np.mean([ranks[m][o] for m in chosen])) for o in options}
    options.sort(key=lambda o: (mean_rank[o], o))
    labels = {row.option: row.label for row in first.rows}
    labels_zh = {row.option: row.label_zh for row in first.rows}
    tau = {}
    for a, b in combinations(chosen, 2):
        tau[(a, b)] = kendall_tau_b([-ranks[a][o] for o in options], [-ranks[b][o] for o in options])
    movers = _movers(options, labels, ranks, chosen, top_movers)
    warnings = list(dict.fromkeys(w for r in rankings.values() for w in r.warnings))
    p = first.provenance
    provenance = {"case": p.case, "case_sha256": p.case_sha256, "version": __version__, "profile": p.profile, "scenario": p.scenario, "weights": dict(p.weights), "method_options": {m: method_options.get(m, {}) for m in chosen}}
    return MethodComparison(provenance, chosen, options, labels, labels_zh, ranks, scores, {m: r.score_name for m, r in rankings.items()}, tau, movers, [s.option for s in first.screened_out], warnings)


def _movers(options, labels, ranks, methods, top: int) -> list[Mover]:
    out = []
    for o in options:
        by = {m: ranks[m][o] for m in methods}
        best, worst = min(by.values()), max(by.values())
        if worst > best:
            out.append(Mover(o, labels[o], best, worst, [m for m in methods if by[m] == best], [m for m in methods if by[m] == worst]))
    out.sort(key=lambda mv: (-mv.spread, mv.best_rank, mv.option))
    return out[:top]


# -- renderers (no printing) ------------------------------------------------------


def provenance_lines(cmp: MethodComparison, short: bool = False, lang: str = "en") -> list[str]:
    """Where the comparison comes from; ``lang`` words it for the terminal (CSV keeps English)."""
    from .terminal_text import tr

    p = cmp.provenance
    sha = p["case_sha256"][:12] if short else p["case_sha256"]
    weights = ", ".join(f"{k}={v:.4f}" for k, v in p["weights"].items())
    opts = "; ".join(f"{m}: " + ", ".join(f"{k}={v}" for k, v in o.items()) for m, o in p["method_options"].items() if o)
    return [
        tr("prov_case", lang, case=p["case"], sha=sha),
        tr("cm_methods", lang, methods=", ".join(cmp.methods)) + tr("prov_profile", lang, profile=p["profile"] or tr("cm_equal", lang)) + tr("prov_version", lang, version=p["version"])
        + (tr("prov_scenario", lang, scenario=p["scenario"]) if p["scenario"] else "") + (tr("cm_options", lang, opts=opts) if opts else ""),
        tr("prov_weights", lang, weights=weights),
        tr("cm_ranks_note", lang),
    ]


def _tau_text(t: float | None, lang: str = "en") -> str:
    if t is None:
        from .terminal_text import tr

        return tr("cm_na", lang)
    return f"{t:+.3f}"


def comparison_csv(cmp: MethodComparison) -> str:
    buf = io.StringIO()
    w = csv_writer(buf)
    w.writerow(["option", "label"] + [f"rank:{m}" for m in cmp.methods] + [f"score:{m}" for m in cmp.methods])
    for o in cmp.options:
        w.writerow([o, cmp.labels[o]] + [cmp.ranks[m][o] for m in cmp.methods] + [f"{cmp.scores[m][o]:.12g}" for m in cmp.methods])
    tail = [f"kendall tau-b {a} vs {b}: {_tau_text(t)}" for (a, b), t in cmp.tau.items()]
    return buf.getvalue() + comment_lines(provenance_lines(cmp) + tail)


def comparison_markdown(cmp: MethodComparison) -> str:
    head = "| option | " + " | ".join(cmp.methods) + " | spread |"
    lines = [head, "|---|" + "---:|" * (len(cmp.methods) + 1)]
    for o in cmp.options:
        r = [cmp.ranks[m][o] for m in cmp.methods]
        lines.append(f"| {cmp.labels[o]} (`{o}`) | " + " | ".join(str(x) for x in r) + f" | {max(r) - min(r)} |")
    lines += ["", "| Kendall tau-b | " + " | ".join(cmp.methods) + " |", "|---|" + "---:|" * len(cmp.methods)]
    for a in cmp.methods:
        lines.append(f"| {a} | " + " | ".join(_tau_cell(cmp, a, b) for b in cmp.methods) + " |")
    lines += [""] + [f"> {line}  " for line in provenance_lines(cmp)]
    return "\n".join(lines) + "\n"


def _tau_cell(cmp: MethodComparison, a: str, b: str, lang: str = "en") -> str:
    if a == b:
        return "1"
    t = cmp.tau.get((a, b), cmp.tau.get((b, a)))
    return _tau_text(t, lang)


def comparison_tables(cmp: MethodComparison, lang: str = "en", width: int | None = None) -> list:
    """Rich tables: ranks side by side, Kendall tau between methods, biggest movers.

    ``width``: the terminal width; below termfit.NARROW columns options are shown by id (cut
    with an ellipsis, never folded) and the rank columns are headed by 4-letter abbreviations
    (named in the caption), so the table fits 80 columns.
    """
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    from .termfit import Layout, wrap_id
    from .terminal_text import tr

    narrow = Layout(width).narrow
    short = {m: m[:4] for m in cmp.methods} if narrow and len({m[:4] for m in cmp.methods}) == len(cmp.methods) else {m: m for m in cmp.methods}
    caption = "\n".join(provenance_lines(cmp, short=True, lang=lang))
    if any(k != m for m, k in short.items()):
        caption = tr("cm_columns", lang, columns=", ".join(f"{k} = {m}" for m, k in short.items())) + "\n" + caption
    ranks = Table(title=tr("cm_title", lang, profile=cmp.provenance["profile"] or tr("cm_equal", lang)), caption=escape(caption), caption_justify="left")
    ranks.add_column(tr("option", lang))
    # Narrow: what the rank columns leave (each: its header + 2 padding + 1 rule) for the ids.
    id_room = max(12, (width or 80) - 1 - 3 - sum(len(short[m]) + 3 for m in cmp.methods) - 9) if narrow else None
    for m in cmp.methods:
        ranks.add_column(short[m], justify="right", no_wrap=True)
    ranks.add_column(tr("cm_spread", lang), justify="right", no_wrap=True)
    for o in cmp.options:
        label = cmp.labels_zh.get(o) if lang == "zh" and cmp.labels_zh.get(o) else cmp.labels[o]
        r = [cmp.ranks[m][o] for m in cmp.methods]
        spread = max(r) - min(r)
        name = wrap_id(o, id_room) if narrow else Text(f"{label} ({o})")
        ranks.add_row(name, *[str(x) for x in r], str(spread) if spread else "")
    scale = tr("cm_scale", lang)
    tau = Table(title=tr("cm_tau_title", lang) if narrow else tr("cm_tau_title_long", lang, scale=scale), caption=tr("cm_tau_caption", lang, scale=scale) if narrow else None, caption_justify="left")
    tau.add_column("")
    for m in cmp.methods:
        tau.add_column(m, justify="right")
    for a in cmp.methods:
        tau.add_row(a, *[_tau_cell(cmp, a, b, lang) for b in cmp.methods])
    out = [ranks, tau]
    if cmp.movers:
        movers = Table(title=tr("cm_movers_title", lang))
        for col in ("option", "cm_best" if narrow else "cm_best_rank", "cm_under", "cm_worst" if narrow else "cm_worst_rank", "cm_under"):
            movers.add_column(tr(col, lang))
        for mv in cmp.movers:
            label = cmp.labels_zh.get(mv.option) if lang == "zh" and cmp.labels_zh.get(mv.option) else mv.label
            movers.add_row(wrap_id(mv.option, 24) if narrow else Text(f"{label} ({mv.option})"), str(mv.best_rank), ", ".join(mv.best_under), str(mv.worst_rank), ", ".join(mv.worst_under))
        out.append(movers)
    return out
