"""Packages that hold up: maximin across profiles or scenarios, and RPM-style core shares.

--robust: the package whose worst value across every weight profile (or
every scenario) is highest, found as one MILP ("maximise t, t <= value
under each profile"), beside the package that is best for each profile and
what it loses elsewhere (regret: best value there minus its value there).

--core: in the spirit of Robust Portfolio Modelling (Liesiö, Mild & Salo
2007, "Preference programming for robust portfolio modeling and project
selection", EJOR 181:1488-1505): draw weight vectors uniformly from the set
the profile allows (an order of importance: the ordered simplex; numbers: the
simplex within +/- spread of each weight, the box of `sensitivity smaa
--spread`) together with uncertain scores (triangular on each [low, likely,
high]; both samplers are negotiator/model/sampling.py's), find the optimal
package for each draw, and report per option the share of draws in which it belongs to an optimal
package: core (every draw), borderline (some) or exterior (none). The
extreme points of the weight set are also checked at the likely scores.
Where the feasible packages are few enough to list (as in the bundled
case), every draw is solved exactly by evaluating all of them, and tied
optima all count; otherwise each draw is one MILP.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

import numpy as np

import negotiator.solvers as solvers
from negotiator.model import sampling
from negotiator.errors import Problem, UsageError
from negotiator.messages import Message
from negotiator.ranking.result import Provenance
from negotiator.portfolio.baseline import baseline_scores, prepare_baseline, values_over_baseline
from negotiator.portfolio.model import PortfolioSpec, build_milp, package_value, spec_rows
from negotiator.portfolio.packages import JUDGMENT_NOTE, baseline_dict, NoFeasiblePackage, PackageResult, package_result, solve_top
from negotiator.portfolio.query import PackageQuery, as_query, option_values, query_spec, single_value_spec
from negotiator.portfolio.solve import SolveOutcome, SolverSettings, solve_model, status_words

__all__ = [
    "RobustRow",
    "RobustResult",
    "robust_package",
    "CoreOption",
    "CoreResult",
    "core_analysis",
    "enumerate_packages",
    "sample_weights",
    "extreme_weights",
]

#: Above this many feasible packages the core analysis solves a MILP per draw instead of listing them.
ENUMERATION_LIMIT = 50_000
_TIE = 1e-9


# ---------------------------------------------------------------------------
# --robust: maximin
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RobustRow:
    name: str  # "maximin" or "best for <profile>"
    package: PackageResult
    values: dict[str, float]  # value under each profile/scenario
    worst: float
    regret: dict[str, float]  # best value there minus this package's value there
    max_regret: float

    def to_dict(self) -> dict:
        return {"name": self.name, "selected": list(self.package.selected), "values": dict(self.values), "worst": self.worst, "regret": dict(self.regret), "max_regret": self.max_regret, "resources": dict(self.package.resources), "slack": dict(self.package.slack), "optimality": self.package.outcome.to_dict()}


@dataclass(frozen=True)
class RobustResult:
    across: str  # "profiles" | "scenarios"
    names: list[str]
    status: str
    rows: list[RobustRow]  # maximin first, then best-for-each
    spec: PortfolioSpec
    settings: SolverSettings
    provenance: Provenance
    weights_by_name: dict[str, dict[str, float]]
    probabilities: dict[str, float] = field(default_factory=dict)
    outcome: SolveOutcome | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def maximin(self) -> RobustRow | None:
        return self.rows[0] if self.rows else None

    @property
    def status_words(self) -> str:
        return status_words(self.outcome, self.settings) if self.outcome else "not solved"

    def to_dict(self) -> dict:
        p = self.provenance
        best = self.maximin
        return {
            "status": self.status,
            "status_words": self.status_words,
            "proven_optimal": self.status == "optimal",
            "across": self.across,
            "names": list(self.names),
            "selected": list(best.package.selected) if best else [],
            "value": best.worst if best else None,
            "worst_value": best.worst if best else None,
            "resources": dict(best.package.resources) if best else {},
            "budgets": dict(self.spec.budgets),
            "packages": [r.to_dict() for r in self.rows],
            "probabilities": dict(self.probabilities),
            "solver": self.settings.to_dict(),
            "warnings": list(self.warnings),
            "baseline": baseline_dict(self.spec),
            "note": JUDGMENT_NOTE,
            **p.trace_fields(),
            "weights_by_profile": {k: dict(v) for k, v in self.weights_by_name.items()},
        }


def _value_sets(loaded, across: str, query: PackageQuery):
    """(value sets, screened union, weights by name, probabilities, provenance ranking)."""
    case = loaded.case
    profile, method, weights, scenario = query.profile, query.method, query.weights, query.scenario
    if across == "profiles":
        if weights is not None:
            raise UsageError(Problem(Message("pp_robust_custom"), hint=Message("pp_robust_custom_hint")))
        names = list(case.weights)
        if len(names) < 2:
            raise UsageError(Problem(Message("pp_robust_profiles", n=len(names)), hint=Message("pp_robust_profiles_hint")))
        runs = {n: option_values(loaded, n, method, None, scenario) for n in names}
        probs: dict[str, float] = {}
        scenarios: tuple = (scenario,)
    elif across == "scenarios":
        names = list(case.scenarios)
        if len(names) < 2:
            raise UsageError(Problem(Message("pp_robust_scenarios", n=len(names)), hint=Message("pp_robust_scenarios_hint")))
        if scenario is not None:
            raise UsageError(Problem(Message("pp_robust_scenario_given"), hint=Message("pp_robust_scenario_given_hint")))
        runs = {n: option_values(loaded, profile, method, weights, n) for n in names}
        # Complete ignorance (no scenario has a probability): none to show.
        probs = {n: float(case.scenarios[n].probability) for n in names if case.scenarios[n].probability is not None}
        scenarios = tuple(names)
    else:
        raise UsageError(Problem(Message("pp_robust_across", across=across)))
    value_sets = {n: v for n, (v, _, _) in runs.items()}
    screened: dict[str, str] = {}
    for n, (_, s, _) in runs.items():
        for o, reason in s.items():
            screened.setdefault(o, reason + (f" (scenario {n})" if across == "scenarios" else ""))
    weights_by_name = {n: dict(r.provenance.weights) for n, (_, _, r) in runs.items()}
    first = next(iter(runs.values()))[2]
    return names, value_sets, screened, weights_by_name, probs, scenarios, first


def robust_package(loaded=None, query: PackageQuery | None = None, *, across: str = "profiles", **fields) -> RobustResult:
    """The maximin package across profiles (or scenarios), and each one's own best package.

    ``query`` as for best_packages (keyword ``fields`` replace some of its fields). With a ``baseline`` every value is measured over the status quo, under each profile's
    weights (or each scenario's scores) in turn.
    """
    from negotiator.ranking.api import as_loaded

    query = as_query(query, **fields)
    query.settings()  # a bad time limit, gap or solver is refused before any work
    loaded = as_loaded(loaded)
    base = prepare_baseline(loaded, query.baseline, query.method, query.include)
    names, value_sets, screened, weights_by_name, probs, scenarios, first = _value_sets(loaded, across, query)
    base_values: dict[str, float] = {}
    if base is not None:
        # The status quo's value moves with the weights (each profile) and with its own scores (each scenario).
        for n in names:
            value_sets[n], base_values[n] = values_over_baseline(loaded, base, value_sets[n], weights_by_name[n], n if across == "scenarios" else query.scenario)
    spec = query_spec(loaded, query, value_sets, screened, scenarios, base, base_values)
    settings = query.settings(n_options=len(spec.options))
    model = build_milp(spec, objective=names)
    outcome = solve_model(model.problem, settings)
    prov = first.provenance
    if across == "profiles":
        prov = replace(prov, profile="(every profile)", weights={})  # see weights_by_profile
    else:
        prov = replace(prov, scenario=None)  # every scenario
    if not outcome.has_solution:
        return RobustResult(across, names, outcome.status, [], spec, settings, prov, weights_by_name, probs, outcome)
    candidates = [("maximin", package_result(spec, model.selected(), 1, outcome, outcome.proven_optimal, names[0]))]
    best_value: dict[str, float] = {}
    warnings = []
    for n in names:
        pk, outs, _, _ = solve_top(spec, settings, 1, value_set=n)
        if not pk:
            continue
        candidates.append((f"best for {n}", pk[0]))
        best_value[n] = pk[0].value
        if not outs[0].proven_optimal:
            warnings.append(f"the best package for {n} is not proven optimal, so the regrets against it are approximate: {status_words(outs[0], settings)}")
    rows = []
    for name, pk in candidates:
        vals = {n: package_value(spec, pk.selected, n)[0] for n in names}
        regret = {n: best_value.get(n, vals[n]) - vals[n] for n in names}
        rows.append(RobustRow(name, pk, vals, min(vals.values()), regret, max(regret.values())))
    return RobustResult(across, names, outcome.status, rows, spec, settings, prov, weights_by_name, probs, outcome, warnings)


# ---------------------------------------------------------------------------
# --core: RPM-style shares
# ---------------------------------------------------------------------------


def _weight_set(case, profile: str | None, spread: float) -> tuple[np.ndarray | None, np.ndarray | None, np.ndarray | None]:
    """(order groups, low, high): an order of importance gives its groups, numbers the box of
    ``--spread`` around them (the same box as `sensitivity smaa --spread`)."""
    from negotiator.model.weights import profile_weights, resolve_profile_id

    objectives = list(case.objectives)
    pid = resolve_profile_id(case, profile)
    spec = case.weights.get(pid) if pid is not None else None
    if isinstance(spec, list):
        return sampling.order_groups(objectives, spec), None, None
    centre = np.array([profile_weights(case, pid)[o] for o in objectives])
    low, high = sampling.spread_box(centre, spread)
    return None, low, high


def extreme_weights(case, profile: str | None, spread: float) -> np.ndarray:
    """Extreme points of the profile's weight set (rows sum to 1), objectives in case order.

    An order of importance over k objectives: the k points (1/j on the first j, 0 elsewhere).
    Numbers: the vertices of the simplex within +/- spread of each weight (none listed when
    more than sampling.MAX_BOX_VERTEX_OBJECTIVES weights are free).
    """
    groups, low, high = _weight_set(case, profile, spread)
    if groups is not None:
        return sampling.order_vertices(groups)
    return sampling.box_vertices(low, high)


def sample_weights(case, profile: str | None, spread: float, n: int, rng: np.random.Generator) -> np.ndarray:
    """n weight vectors drawn uniformly from the profile's weight set (rows sum to 1)."""
    groups, low, high = _weight_set(case, profile, spread)
    if groups is not None:
        return sampling.ordered_weights(groups, rng, n)
    return sampling.weights_in_box(low, high, rng, n)[0]


def enumerate_packages(spec: PortfolioSpec, limit: int | None = None) -> list[tuple[str, ...]] | None:
    """Every feasible package (depth-first, pruning on monotone rows), or None when more than ``limit``."""
    limit = ENUMERATION_LIMIT if limit is None else limit
    rows = spec_rows(spec)
    options = list(spec.options)
    # A "<=" row with no negative coefficient can only get worse as options are added: prune on it
    # as soon as it breaks. Every other row is checked once a package is complete.
    monotone = [r.sense == "<=" and all(c >= 0 for c in r.coefs.values()) for r in rows]
    touches = [[(k, r.coefs[o]) for k, r in enumerate(rows) if o in r.coefs and monotone[k]] for o in options]
    final = [r for k, r in enumerate(rows) if not monotone[k]]
    caps = [r.rhs + 1e-9 for r in rows]
    act = [0.0] * len(rows)
    chosen: list[str] = []
    found: list[tuple[str, ...]] = []

    def visit(i: int) -> bool:
        if i == len(options):
            if all(r.holds(chosen) for r in final):
                found.append(tuple(chosen))
                if len(found) > limit:
                    return False
            return True
        if not visit(i + 1):
            return False
        # Try with option i.
        for k, c in touches[i]:
            act[k] += c
        if all(act[k] <= caps[k] for k, _ in touches[i]):
            chosen.append(options[i])
            ok = visit(i + 1)
            chosen.pop()
        else:
            ok = True
        for k, c in touches[i]:
            act[k] -= c
        return ok

    import sys

    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, len(options) + 100))
    try:
        complete = visit(0)
    finally:
        sys.setrecursionlimit(old)
    return found if complete else None


@dataclass(frozen=True)
class CoreOption:
    option: str
    label: str
    label_zh: str | None
    share: float  # share of sampled draws in which it is in an optimal package
    extreme_hits: int  # extreme weight points (likely scores) at which it is in an optimal package
    extreme_total: int
    category: str  # core | borderline | exterior
    reason: str = ""  # why exterior without being tried (red line)

    def to_dict(self) -> dict:
        return {"option": self.option, "label": self.label, "label_zh": self.label_zh, "share": self.share, "extreme_points_in_optimum": self.extreme_hits, "extreme_points": self.extreme_total, "category": self.category, "reason": self.reason}


@dataclass(frozen=True)
class CoreResult:
    options: list[CoreOption]
    packages: list[tuple[tuple[str, ...], float]]  # most frequent optimal packages and their shares
    samples: int
    seed: int
    spread: float
    uncertain_scores: bool
    engine: str  # how each draw was solved
    unproven: int  # draws whose optimum was not proven (MILP engine only)
    spec: PortfolioSpec
    provenance: Provenance
    seconds: float
    warnings: list[str] = field(default_factory=list)
    #: Feasible packages evaluated per draw when every one was (None: one MILP per draw), so the
    #: engine can be worded in other languages.
    enumerated: int | None = None

    def to_dict(self) -> dict:
        p = self.provenance
        return {
            "status": "sampled",
            "options": [o.to_dict() for o in self.options],
            "core": [o.option for o in self.options if o.category == "core"],
            "borderline": [o.option for o in self.options if o.category == "borderline"],
            "exterior": [o.option for o in self.options if o.category == "exterior"],
            "packages": [{"selected": list(sel), "share": share} for sel, share in self.packages],
            "samples": self.samples,
            "seed": self.seed,
            "spread": self.spread,
            "uncertain_scores": self.uncertain_scores,
            "engine": self.engine,
            "unproven_draws": self.unproven,
            "budgets": dict(self.spec.budgets),
            "baseline": baseline_dict(self.spec),
            "seconds": self.seconds,
            "warnings": list(self.warnings),
            "note": JUDGMENT_NOTE,
            **p.trace_fields(seed=False),
        }


def _draw_values(loaded, matrix, keep: list[int], method: str, weight_rows: np.ndarray, score_draws: np.ndarray | None) -> np.ndarray:
    """Overall scores (draws x eligible options) for each weight row and score draw."""
    from negotiator.methods import get_method

    sub = matrix.subset(keep)
    if method == "additive":
        # The additive model is values @ weights: do every draw at once (same arithmetic as methods/additive.py).
        if score_draws is None:
            return weight_rows @ sub.values().T
        return np.einsum("dnm,dm->dn", sub.values(score_draws), weight_rows)
    fn = get_method(method)
    out = np.empty((len(weight_rows), len(keep)))
    for d, w in enumerate(weight_rows):
        m = sub if score_draws is None else replace(sub, likely=score_draws[d])
        out[d] = fn(m, w).scores
    return out


def _baseline_draws(base, matrix, eligible: list[str], weight_rows: np.ndarray, score_draws: np.ndarray | None, rng: np.random.Generator) -> np.ndarray:
    """The status quo's overall value in each draw (additive model: the only one a baseline allows).

    An option baseline with uncertain scores is drawn like every other option: its own
    column of the draws when it is eligible, else one more triangular draw taken after
    the options' draws (so the options see the same random numbers as without a baseline).
    """
    n, m = len(weight_rows), len(matrix.objectives)
    if score_draws is not None and base.kind == "option":
        if base.option in eligible:
            scores = score_draws[:, eligible.index(base.option)]
        else:
            scores = sampling.triangular(*(np.broadcast_to(baseline_scores(base, matrix, w), (n, m)) for w in ("low", "likely", "high")), rng)
    else:
        scores = np.broadcast_to(baseline_scores(base, matrix), (n, m))
    return np.einsum("dm,dm->d", matrix.values(scores), weight_rows)


def core_analysis(
    loaded=None,
    query: PackageQuery | None = None,
    *,
    samples: int = 500,
    seed: int = 0,
    spread: float = 0.5,
    uncertain_scores: bool = True,
    top_packages: int = 5,
    **fields,
) -> CoreResult:
    """Core, borderline and exterior options from sampled weights (and scores).

    ``query`` as for best_packages (keyword ``fields`` replace some of its fields). With a
    ``baseline`` each draw measures the options over the status quo's value in that same draw
    (its weights, and its own sampled scores when it is an option with ranges).
    """
    from negotiator.ranking.api import as_loaded
    from negotiator.model.matrix import build_matrix

    query = as_query(query, **fields)
    if samples < 1:
        raise UsageError(Problem(Message("pp_samples", samples=samples)))
    sampling.check_spread(spread)
    if query.weights is not None:
        raise UsageError(Problem(Message("pp_core_custom"), hint=Message("pp_core_custom_hint")))
    # Every draw is solved to proven optimality, quietly: the gap and solver chatter do not apply here.
    settings = query.settings(gap=0.0, verbose=False)
    start = time.perf_counter()
    loaded = as_loaded(loaded)
    case = loaded.case
    profile, method, scenario = query.profile, query.method, query.scenario
    problem = single_value_spec(loaded, query)
    spec, ranking, screened, base = problem.spec, problem.ranking, problem.screened, problem.baseline
    matrix = build_matrix(case, scenario)
    keep = [i for i, o in enumerate(matrix.options) if o not in screened]
    eligible = [matrix.options[i] for i in keep]
    rng = np.random.default_rng(seed)
    weight_draws = sample_weights(case, profile, spread, samples, rng)
    score_draws = None
    if uncertain_scores:
        shape = (samples,) + matrix.likely[keep].shape
        score_draws = sampling.triangular(*(np.broadcast_to(a[keep], shape) for a in (matrix.low, matrix.likely, matrix.high)), rng)
    sampled_values = _draw_values(loaded, matrix, keep, method, weight_draws, score_draws)
    corners = extreme_weights(case, profile, spread)
    corner_values = _draw_values(loaded, matrix, keep, method, corners, None) if len(corners) else np.empty((0, len(keep)))
    if base is not None:
        sampled_values = sampled_values - _baseline_draws(base, matrix, eligible, weight_draws, score_draws, rng)[:, None]
        corner_values = corner_values - _baseline_draws(base, matrix, eligible, corners, None, rng)[:, None]

    packages = enumerate_packages(spec)
    if packages is not None:
        engine = f"exact: all {len(packages)} feasible packages evaluated for each draw"
        solve = _EnumerationSolver(spec, packages, eligible)
    else:
        engine = "one MILP per draw (HiGHS in-process)" if settings.solver == "highs" else "one MILP per draw (CBC)"
        solve = _MilpSolver(spec, eligible, settings)
    unproven = 0
    if packages == [] or (packages is None and not solve_top(spec, settings, 1)[0]):
        raise NoFeasiblePackage(Problem(Message("pp_core_infeasible"), hint=Message("pp_core_infeasible_hint")))

    hits, freq, unproven = solve.batch(sampled_values)
    corner_hits, _, corner_unproven = solve.batch(corner_values)
    unproven += corner_unproven

    out = []
    n_corner = len(corner_values)
    for i, o in enumerate(spec.options):
        share = hits[i] / samples
        if hits[i] == samples and corner_hits[i] == n_corner:
            cat = "core"
        elif hits[i] == 0 and corner_hits[i] == 0:
            cat = "exterior"
        else:
            cat = "borderline"
        out.append(CoreOption(o, spec.labels[o], spec.labels_zh.get(o), float(share), int(corner_hits[i]), n_corner, cat, screened.get(o, "") or ("the baseline (status quo), not a measure" if o == spec.held_out_baseline else "")))
    out.sort(key=lambda c: (-c.share, -c.extreme_hits, spec.options.index(c.option)))
    top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:top_packages]
    prov = replace(ranking.provenance, seed=seed)
    warnings = list(ranking.warnings)
    if unproven:
        warnings.append(f"{unproven} draws stopped before their optimum was proven (time limit); their packages still count")
    enumerated = len(packages) if packages is not None else None
    return CoreResult(out, [(pk, c / samples) for pk, c in top], samples, seed, spread, uncertain_scores, engine, unproven, spec, prov, time.perf_counter() - start, warnings, enumerated)


class _Solver:
    """Optimal packages for many draws: option hits, package frequencies, unproven draws."""

    options: tuple[str, ...]

    def __call__(self, values: np.ndarray) -> tuple[list[tuple[str, ...]], bool]:
        raise NotImplementedError

    def batch(self, draws: np.ndarray) -> tuple[np.ndarray, dict[tuple[str, ...], float], int]:
        hits = np.zeros(len(self.options), dtype=int)
        freq: dict[tuple[str, ...], float] = {}
        unproven = 0
        index = {o: i for i, o in enumerate(self.options)}
        for row in draws:
            optimal, proven = self(row)
            unproven += 0 if proven else 1
            for o in set().union(*optimal) if optimal else set():
                hits[index[o]] += 1
            for pk in optimal:
                freq[pk] = freq.get(pk, 0.0) + 1.0 / len(optimal)
        return hits, freq, unproven


class _EnumerationSolver(_Solver):
    """Exact optimum of a draw by evaluating every feasible package; tied optima all count."""

    #: Draws evaluated per matrix product (bounds memory: chunk x packages floats).
    CHUNK = 128

    def __init__(self, spec: PortfolioSpec, packages: list[tuple[str, ...]], eligible: list[str]):
        self.options = spec.options
        self.packages = packages
        col = {o: j for j, o in enumerate(eligible)}
        self.X = np.zeros((len(packages), len(eligible)))
        member = np.zeros((len(packages), len(spec.options)))
        where = {o: i for i, o in enumerate(spec.options)}
        for p, pk in enumerate(packages):
            for o in pk:
                member[p, where[o]] = 1.0
                if o in col:
                    self.X[p, col[o]] = 1.0
        self.member = member
        self.bonus = np.array([sum(syn.bonus for syn in spec.synergies if set(pk).issuperset(syn.options)) for pk in packages])
        self.XT = np.ascontiguousarray(self.X.T)

    def __call__(self, values: np.ndarray) -> tuple[list[tuple[str, ...]], bool]:
        totals = self.X @ values + self.bonus
        best = totals.max()
        return [self.packages[p] for p in np.flatnonzero(totals >= best - _TIE)], True

    def batch(self, draws: np.ndarray) -> tuple[np.ndarray, dict[tuple[str, ...], float], int]:
        hits = np.zeros(len(self.options), dtype=int)
        weight = np.zeros(len(self.packages))
        for start in range(0, len(draws), self.CHUNK):
            totals = draws[start : start + self.CHUNK] @ self.XT + self.bonus  # (chunk, packages)
            optimal = totals >= totals.max(axis=1, keepdims=True) - _TIE
            for row in optimal:
                tied = np.flatnonzero(row)
                hits += self.member[tied].any(axis=0)
                weight[tied] += 1.0 / len(tied)
        freq = {self.packages[p]: float(weight[p]) for p in np.flatnonzero(weight > 0)}
        return hits, freq, 0


class _MilpSolver(_Solver):
    """One MILP per draw; with HiGHS the model is built once and only the objective changes."""

    def __init__(self, spec: PortfolioSpec, eligible: list[str], settings: SolverSettings):
        self.spec, self.eligible, self.settings = spec, eligible, settings
        self.options = spec.options
        self.model = build_milp(spec, objective="value")
        self.reoptimizer = None
        if settings.solver == "highs":
            x = self.model.x
            self.reoptimizer = solvers.Reoptimizer(self.model.problem, [x[o] for o in eligible], [x[o] for o in spec.options], time_limit=settings.time_limit)

    def __call__(self, values: np.ndarray) -> tuple[list[tuple[str, ...]], bool]:
        if self.reoptimizer is not None:
            x, proven = self.reoptimizer.solve(values)
            return [tuple(o for o, v in zip(self.spec.options, x) if v > 0.5)], proven
        spec = self.spec.with_values({"value": dict(zip(self.eligible, map(float, values)))})
        model = build_milp(spec, objective="value")
        outcome = solve_model(model.problem, self.settings)
        return ([model.selected()] if outcome.has_solution else []), outcome.proven_optimal
