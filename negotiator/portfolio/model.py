"""The package-selection problem: data first (`PortfolioSpec`), then a PuLP MILP.

A package is a set of options chosen together. Its value is the sum of the
chosen options' overall scores (from `negotiator.ranking.api.rank`, under one profile,
method and scenario) plus the bonus of every synergy it completes; with a
baseline (baseline.py) each score is first reduced by the status quo's, so
the values are what each measure adds over doing nothing. Every
constraint is one named linear row over the 0/1 choice variables, so the
same rows serve the solve, the what-if overrides and the infeasibility
diagnosis (which relaxes rows by name).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping, Sequence

import negotiator.solvers as solvers
from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = [
    "Row",
    "Synergy",
    "PortfolioSpec",
    "build_spec",
    "spec_rows",
    "package_value",
    "package_usage",
    "MilpModel",
    "build_milp",
    "parse_budget_overrides",
    "parse_count",
]

#: Coefficients smaller than this are treated as zero (resources, scores).
_EPS = 1e-12


@dataclass(frozen=True)
class Row:
    """One constraint of the package problem, as a linear row: sum(coefs[o] * x[o]) sense rhs.

    ``kind`` says what the analyst would change to move it: a number
    (budget, count, package) or a yes/no rule (include, exclude, requires,
    excludes, red_line).
    """

    key: str
    kind: str
    text: str
    coefs: Mapping[str, float]
    sense: str  # "<=" or ">="
    rhs: float
    unit: str = ""

    @property
    def numeric(self) -> bool:
        return self.kind in ("budget", "count", "package")

    def activity(self, selected: Sequence[str]) -> float:
        return sum(self.coefs.get(o, 0.0) for o in selected)

    def holds(self, selected: Sequence[str], tol: float = 1e-9) -> bool:
        a = self.activity(selected)
        return a <= self.rhs + tol if self.sense == "<=" else a >= self.rhs - tol


@dataclass(frozen=True)
class Synergy:
    """A bonus (or, negative, a redundancy penalty) for holding all of ``options``."""

    options: tuple[str, ...]
    bonus: float
    label: str


@dataclass(frozen=True)
class PortfolioSpec:
    """Everything the MILP needs, solver-free.

    ``value_sets`` maps a name (a profile, a scenario, or "value") to each
    eligible option's overall score; most solves use one set, --robust uses
    several. Options screened out by a red line (in any set) are not
    eligible: the red-line rows hold them at 0.
    """

    options: tuple[str, ...]
    labels: Mapping[str, str]
    labels_zh: Mapping[str, str | None]
    value_sets: Mapping[str, Mapping[str, float]]
    screened: Mapping[str, str]
    resources: Mapping[str, Mapping[str, float]]
    budgets: Mapping[str, float]
    count: tuple[int, int] | None
    requires: tuple[tuple[str, str], ...]
    excludes: tuple[tuple[str, str], ...]
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    red_lines: Mapping[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)  # key -> (blocked options, words)
    package_limits: Mapping[str, tuple[Mapping[str, float], float | None, float | None, str]] = field(default_factory=dict)  # key -> (scores, min, max, words)
    synergies: tuple[Synergy, ...] = ()
    #: The status quo (baseline.Baseline) the values are measured from, and its overall value per value set.
    baseline: object | None = None
    baseline_values: Mapping[str, float] = field(default_factory=dict)
    #: The case itself allows an empty package (no count, or a count minimum of 0): only then may a
    #: diagnosis suggest lowering a count minimum to 0.
    empty_allowed: bool = False
    #: Red-line key -> (objective, min, max, likely score of every option): how far a red line would
    #: have to move to let a blocked option through (diagnosis).
    red_line_scores: Mapping[str, tuple[str, float | None, float | None, Mapping[str, float]]] = field(default_factory=dict)

    @property
    def held_out_baseline(self) -> str | None:
        """The baseline option, when it is an option that would otherwise be eligible: held out of the package."""
        b = self.baseline
        if b is None or getattr(b, "kind", None) != "option" or b.option in self.screened:
            return None
        return b.option

    @property
    def resource_names(self) -> list[str]:
        """Budgeted resources first (case order), then any other resource options use."""
        names = list(self.budgets)
        for res in self.resources.values():
            names += [r for r in res if r not in names]
        return names

    def values(self, name: str | None = None) -> Mapping[str, float]:
        if name is None:
            name = next(iter(self.value_sets))
        return self.value_sets[name]

    def with_values(self, value_sets: Mapping[str, Mapping[str, float]]) -> "PortfolioSpec":
        return replace(self, value_sets=dict(value_sets))


def package_value(spec: PortfolioSpec, selected: Sequence[str], value_set: str | None = None) -> tuple[float, float]:
    """(total value, synergy bonus) of a package under one value set."""
    values = spec.values(value_set)
    chosen = set(selected)
    base = sum(values.get(o, 0.0) for o in selected)
    bonus = sum(s.bonus for s in spec.synergies if chosen.issuperset(s.options))
    return base + bonus, bonus


def package_usage(spec: PortfolioSpec, selected: Sequence[str]) -> dict[str, float]:
    """Resources a package uses, every resource named."""
    return {r: sum(spec.resources.get(o, {}).get(r, 0.0) for o in selected) for r in spec.resource_names}


def _measures(n: int) -> str:
    return f"{n} measure" + ("" if n == 1 else "s")


def spec_rows(spec: PortfolioSpec) -> list[Row]:
    """Every constraint of the problem as a named row (the same list the diagnosis relaxes)."""
    rows: list[Row] = []
    for r, cap in spec.budgets.items():
        coefs = {o: spec.resources.get(o, {}).get(r, 0.0) for o in spec.options}
        rows.append(Row(f"budget:{r}", "budget", f"cap on {r}: at most {cap:g}", {o: c for o, c in coefs.items() if abs(c) > _EPS}, "<=", float(cap), r))
    if spec.count is not None:
        lo, hi = spec.count
        ones = {o: 1.0 for o in spec.options}
        if lo > 0:
            rows.append(Row("count:min", "count", f"at least {_measures(lo)}", ones, ">=", float(lo), "measures"))
        rows.append(Row("count:max", "count", f"at most {_measures(hi)}", ones, "<=", float(hi), "measures"))
    for key, (scores, lo, hi, words) in spec.package_limits.items():
        coefs = {o: s for o, s in scores.items() if abs(s) > _EPS}
        if lo is not None:
            rows.append(Row(f"{key}:min", "package", f"{words}: package total at least {lo:g}", coefs, ">=", float(lo), key.split(":", 1)[1]))
        if hi is not None:
            rows.append(Row(f"{key}:max", "package", f"{words}: package total at most {hi:g}", coefs, "<=", float(hi), key.split(":", 1)[1]))
    for key, (blocked, words) in spec.red_lines.items():
        if blocked:
            rows.append(Row(key, "red_line", words, {o: 1.0 for o in blocked}, "<=", 0.0))
    for a, b in spec.requires:
        rows.append(Row(f"requires:{a}>{b}", "requires", f"'{a}' requires '{b}'", {a: 1.0, b: -1.0}, "<=", 0.0))
    for a, b in spec.excludes:
        rows.append(Row(f"excludes:{a}|{b}", "excludes", f"'{a}' and '{b}' exclude each other", {a: 1.0, b: 1.0}, "<=", 1.0))
    held = spec.held_out_baseline
    if held is not None:
        rows.append(Row(f"baseline:{held}", "baseline", f"'{held}' is the baseline (the status quo each measure is compared with), not a measure", {held: 1.0}, "<=", 0.0))
    for o in spec.include:
        rows.append(Row(f"include:{o}", "include", f"'{o}' forced in (--include {o})", {o: 1.0}, ">=", 1.0))
    for o in spec.exclude:
        rows.append(Row(f"exclude:{o}", "exclude", f"'{o}' kept out (--exclude {o})", {o: 1.0}, "<=", 0.0))
    return rows


# ---------------------------------------------------------------------------
# From a loaded case to a spec
# ---------------------------------------------------------------------------


def parse_budget_overrides(items: Sequence[str] | None) -> dict[str, float]:
    """`["staff=40", "budget=50"]` -> {"staff": 40.0, "budget": 50.0}."""
    out: dict[str, float] = {}
    for item in items or []:
        name, sep, number = item.partition("=")
        name = name.strip()
        try:
            value = float(number)
        except ValueError:
            value = float("nan")
        if not sep or not name or not value >= 0 or value == float("inf"):
            raise UsageError(Problem(Message("pp_budget_form", item=item), hint=Message("pp_budget_form_hint")))
        if value > solvers.MAX_COEFFICIENT:
            raise UsageError(Problem(Message("pp_budget_too_big", item=item, limit=solvers.MAX_COEFFICIENT), hint=Message("pp_budget_too_big_hint")))
        out[name] = value
    return out


def parse_count(text: str | None) -> tuple[int, int] | None:
    """`"2:5"` -> (2, 5); `"4"` -> (4, 4); None -> None."""
    if text is None:
        return None
    lo_s, sep, hi_s = text.partition(":")
    try:
        lo, hi = (int(lo_s), int(hi_s)) if sep else (int(text), int(text))
    except ValueError:
        raise UsageError(Problem(Message("pp_count_form", text=text), hint=Message("pp_count_form_hint"))) from None
    if not 0 <= lo <= hi or hi < 1:
        raise UsageError(Problem(Message("pp_count_order", text=text), hint=Message("pp_count_order_hint")))
    return (lo, hi)


def _check_option_ids(case, ids: Sequence[str], flag: str) -> tuple[str, ...]:
    known = list(case.options)
    for oid in ids:
        if oid not in case.options:
            shown = ", ".join(known[:12]) + (" ..." if len(known) > 12 else "")
            raise UsageError(Problem(Message("pp_unknown_option", flag=flag, option=oid), hint=Message("err_use_one_of", choices=shown)))
    return tuple(dict.fromkeys(ids))


def build_spec(
    loaded,
    value_sets: Mapping[str, Mapping[str, float]],
    screened: Mapping[str, str],
    scenarios: Sequence[str | None] = (None,),
    budgets: Mapping[str, float] | None = None,
    count: tuple[int, int] | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    baseline=None,
    baseline_values: Mapping[str, float] | None = None,
) -> PortfolioSpec:
    """The package problem of a case, with what-if overrides applied.

    ``budgets`` overrides (or adds) caps by resource; ``count`` replaces the
    case's count. Red lines and package limits are judged on likely scores
    under each scenario in ``scenarios`` (all must hold). ``baseline`` (a
    baseline.Baseline) and ``baseline_values`` (its overall value per value
    set) record the status quo the values were measured from; a baseline
    option is held out of the package.
    """
    from negotiator.model.matrix import build_matrix

    case = loaded.case
    include = _check_option_ids(case, include, "--include")
    exclude = _check_option_ids(case, exclude, "--exclude")
    both = sorted(set(include) & set(exclude))
    if both:
        raise UsageError(Problem(Message("pp_in_and_out", option=both[0]), hint=Message("pp_in_and_out_hint")))
    caps = dict(case.constraints.budgets)
    used_resources = {r for opt in case.options.values() for r in opt.resources}
    for r, cap in (budgets or {}).items():
        if r not in caps and r not in used_resources:
            known = ", ".join(sorted(set(caps) | used_resources))
            hint = Message("err_use_one_of", choices=known) if known else Message("pp_no_resources_hint")
            raise UsageError(Problem(Message("pp_unknown_resource", resource=r), hint=hint))
        caps[r] = float(cap)
    if count is None:
        count = case.constraints.count
    n = len(case.options)
    if count is not None and count[0] > n:
        raise UsageError(Problem(Message("pp_count_above_options", fewest=count[0], n=n), hint=Message("pp_count_above_options_hint")))

    requires = tuple((a, b) for a, opt in case.options.items() for b in opt.requires)
    pairs: dict[frozenset, tuple[str, str]] = {}
    for a, opt in case.options.items():
        for b in opt.excludes:
            pairs.setdefault(frozenset((a, b)), (a, b))

    red_lines: dict[str, tuple[tuple[str, ...], str]] = {}
    red_line_scores: dict[str, tuple[str, float | None, float | None, dict[str, float]]] = {}
    package_limits: dict[str, tuple[dict[str, float], float | None, float | None, str]] = {}
    for scenario in scenarios:
        matrix = build_matrix(case, scenario)
        suffix = f"@{scenario}" if scenario is not None and len(scenarios) > 1 else ""
        where = f" (scenario {scenario})" if scenario is not None else ""
        for obj, limit in case.constraints.limits.items():
            j = matrix.objectives.index(obj)
            blocked = tuple(o for i, o in enumerate(matrix.options) if limit.broken_by(float(matrix.likely[i, j])))
            bound = " and ".join(x for x in (f"at least {limit.min:g}" if limit.min is not None else "", f"at most {limit.max:g}" if limit.max is not None else "") if x)
            words = f"red line: {case.objectives[obj].label} ({obj}) {bound} for every measure{where}"
            red_lines[f"red_line:{obj}{suffix}"] = (blocked, words + (f"; it rules out {', '.join(blocked)}" if blocked else ""))
            red_line_scores[f"red_line:{obj}{suffix}"] = (obj, limit.min, limit.max, {o: float(matrix.likely[i, j]) for i, o in enumerate(matrix.options)})
        for obj, limit in case.constraints.package.items():
            j = matrix.objectives.index(obj)
            scores = {o: float(matrix.likely[i, j]) for i, o in enumerate(matrix.options)}
            package_limits[f"package:{obj}{suffix}"] = (scores, limit.min, limit.max, f"{case.objectives[obj].label} ({obj}){where}")

    synergies = tuple(Synergy(tuple(s.options), float(s.bonus), s.label or " + ".join(s.options)) for s in case.constraints.synergies)
    return PortfolioSpec(
        options=tuple(case.options),
        labels={o: opt.label for o, opt in case.options.items()},
        labels_zh={o: opt.label_zh for o, opt in case.options.items()},
        value_sets={k: dict(v) for k, v in value_sets.items()},
        screened=dict(screened),
        resources={o: dict(opt.resources) for o, opt in case.options.items()},
        budgets=caps,
        count=count,
        requires=requires,
        excludes=tuple(pairs.values()),
        include=include,
        exclude=exclude,
        red_lines=red_lines,
        package_limits=package_limits,
        synergies=synergies,
        baseline=baseline,
        baseline_values=dict(baseline_values or {}),
        empty_allowed=case.constraints.count is None or case.constraints.count[0] == 0,
        red_line_scores=red_line_scores,
    )


# ---------------------------------------------------------------------------
# The MILP
# ---------------------------------------------------------------------------


@dataclass
class MilpModel:
    """A PuLP problem and its variables: x[option] (0/1), y[synergy index] (= all of it chosen)."""

    problem: object  # pulp.LpProblem
    x: dict
    y: dict
    slack: dict = field(default_factory=dict)  # row key -> elastic slack variable (diagnosis only)
    worst: object | None = None  # the maximin variable (--robust only)

    def selected(self) -> tuple[str, ...]:
        return tuple(o for o, v in self.x.items() if (v.varValue or 0.0) > 0.5)

    def add_no_good_cut(self, package: Sequence[str], index: int) -> None:
        """Forbid exactly this package (Balas & Jeroslow 1972 'no-good' cut), so the next solve finds another."""
        import pulp

        chosen = set(package)
        self.problem += (
            pulp.lpSum(1 - self.x[o] for o in self.x if o in chosen) + pulp.lpSum(self.x[o] for o in self.x if o not in chosen) >= 1,
            f"nogood_{index}",
        )


def _variable_factory(prob):
    return lambda name, lo, hi, cat: solvers.variable(prob, name, lowBound=lo, upBound=hi, cat=cat)


def _row_expression(row: Row, x: dict):
    import pulp

    return pulp.LpAffineExpression([(x[o], c) for o, c in row.coefs.items()])


def build_milp(
    spec: PortfolioSpec,
    objective: str | Sequence[str] | None = None,
    rows: Sequence[Row] | None = None,
    elastic: Mapping[str, float] | None = None,
) -> MilpModel:
    """The PuLP model.

    objective: a value-set name (maximise the package value under it); a list
    of names (maximise the worst value across them: maximin); None (no
    objective: a feasibility or diagnosis model).
    rows: the constraints to impose (default: all of ``spec_rows``).
    elastic: row key -> penalty weight; those rows get a slack variable and
    the objective becomes "minimise the weighted total slack".
    """
    import pulp

    rows = spec_rows(spec) if rows is None else rows
    prob = pulp.LpProblem("package", pulp.LpMinimize if elastic else pulp.LpMaximize)
    # Index names, not option ids: PuLP would silently rewrite characters like '-' and merge ids.
    new_var = _variable_factory(prob)
    x = {o: new_var(f"x{i}", 0, 1, "Binary") for i, o in enumerate(spec.options)}
    y = {}
    for k, syn in enumerate(spec.synergies):
        if not all(o in x for o in syn.options):
            continue
        # y_k = AND(x_o): exact both ways so a negative bonus cannot be dodged.
        yk = new_var(f"y{k}", 0, 1, "Continuous")
        for j, o in enumerate(syn.options):
            prob += (yk <= x[o], f"syn{k}_le_{j}")
        prob += (yk >= pulp.lpSum(x[o] for o in syn.options) - (len(syn.options) - 1), f"syn{k}_ge")
        y[k] = yk
    model = MilpModel(prob, x, y)

    for i, row in enumerate(rows):
        expr = _row_expression(row, x)
        if elastic and row.key in elastic:
            s = new_var(f"s{i}", 0, None, "Continuous")
            model.slack[row.key] = s
            prob += ((expr <= row.rhs + s) if row.sense == "<=" else (expr >= row.rhs - s), f"r{i}")
        else:
            prob += ((expr <= row.rhs) if row.sense == "<=" else (expr >= row.rhs), f"r{i}")

    if elastic:
        prob += pulp.lpSum(w * model.slack[k] for k, w in elastic.items() if k in model.slack)
    elif objective is None:
        prob += pulp.LpAffineExpression()
    elif isinstance(objective, str):
        prob += _value_expression(spec, objective, x, y)
    else:
        t = new_var("worst", None, None, "Continuous")
        for j, name in enumerate(objective):
            prob += (t <= _value_expression(spec, name, x, y), f"worst_{j}")
        prob += t
        model.worst = t
    return model


def _value_expression(spec: PortfolioSpec, name: str, x: dict, y: dict):
    import pulp

    values = spec.values(name)
    terms = [(x[o], float(v)) for o, v in values.items() if o in x]
    terms += [(y[k], spec.synergies[k].bonus) for k in y]
    return pulp.LpAffineExpression(terms)
