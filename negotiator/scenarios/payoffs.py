"""The scenario payoff table: the overall value of each option (or package) under each scenario.

Each scenario changes some scores of the base case; the overall value of an
option under a scenario is what the aggregation method gives it on the
scenario's scores. Scales stay those of the base case (declared, or derived
from the base case's scores), so values compare across scenarios: a scenario
score outside a declared scale is already a case error; outside a derived
scale it extrapolates linearly (see DecisionMatrix.values).

An option that breaks a red line under any scenario cannot be relied on in
that scenario, so it leaves the table, with the scenario and the reason.

A package's value under a scenario is the sum of its options' values there,
plus the bonus of every synergy (constraints.synergies) it completes, as in
`negotiator portfolio`. Packages come from the user (`--package a,b,c`) or
from the portfolio core (`--packages K`: the K best packages of the base case
and the best package under each scenario), so the table shows how the package
that is best under one scenario fares under the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping, Sequence

import numpy as np

from negotiator._version import __version__
from negotiator.case.catalog import LoadedCase
from negotiator.ranking.result import TIE_TOLERANCE
from negotiator.scenarios.rules import DecisionReport, analyse_decisions, check_probabilities
from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = ["Row", "ScenarioPayoffs", "scenario_payoffs", "merge_probabilities", "parse_package"]


@dataclass(frozen=True)
class Row:
    """One row of the table: an option, or a package of options."""

    id: str
    label: str
    label_zh: str | None
    members: tuple[str, ...]  # the option itself, or the package's options
    origin: str | None = None  # where a package came from ("--package", "best package 1 of the base case", ...)
    member_labels: tuple[tuple[str, str | None], ...] = ()  # (label, label_zh) of each option of a package


@dataclass(frozen=True)
class ScenarioPayoffs:
    case: str
    case_sha256: str
    method: str
    profile: str | None
    weights: dict[str, float]
    kind: str  # "option" or "package"
    rows: tuple[Row, ...]
    scenarios: tuple[str, ...]
    scenario_labels: tuple[str, ...]
    scenario_labels_zh: tuple[str | None, ...]
    #: None when the case gives no probabilities and no --probability flags do (complete ignorance).
    probabilities: tuple[float, ...] | None
    probabilities_source: str  # "case", "case, with --probability overrides (...)", "--probability flags (...)" or "none"
    values: np.ndarray  # (rows, scenarios)
    screened_out: dict[str, list[str]]  # option -> "scenario: reason" lines
    warnings: list[str] = field(default_factory=list)
    version: str = __version__
    #: option -> [(scenario, its broken red lines as matrix.Breach)], so outputs can word them in their language.
    screened_breaches: dict = field(default_factory=dict)

    def provenance(self) -> dict:
        return {
            "case": self.case,
            "case_sha256": self.case_sha256,
            "version": self.version,
            "method": self.method,
            "profile": self.profile,
            "weights": dict(self.weights),
            "probabilities": None if self.probabilities is None else dict(zip(self.scenarios, self.probabilities)),
            "probabilities_source": self.probabilities_source,
        }

    def analyse(self, alpha: float = 0.5, ignorance: bool = False) -> DecisionReport:
        """The decision rules; ``ignorance``: read the table under complete ignorance (no probabilities),
        as it always is when the case gives none."""
        return analyse_decisions(self.values, None if ignorance else self.probabilities, self.scenarios, alpha)

    @property
    def probability_of(self) -> dict[str, float | None]:
        """Scenario id -> its probability, or None for each under complete ignorance."""
        return dict(zip(self.scenarios, self.probabilities or (None,) * len(self.scenarios)))

    def best_in_scenario(self, tol: float = TIE_TOLERANCE) -> dict[str, tuple[str, ...]]:
        """Scenario id -> the ids of the rows best under it: every row within ``tol`` of the best value
        there, in table order, so a tie names all the rows that share first place."""
        if not len(self.rows):
            return {sid: () for sid in self.scenarios}
        top = self.values.max(axis=0)
        return {sid: tuple(row.id for i, row in enumerate(self.rows) if self.values[i, j] >= top[j] - tol) for j, sid in enumerate(self.scenarios)}


def merge_probabilities(case, overrides: Mapping[str, float] | None) -> tuple[np.ndarray | None, str]:
    """The case's scenario probabilities with any overrides; checked to sum to 1.

    A case without probabilities (complete ignorance) gives ``(None, "none")``; overrides then
    supply them all, and must name every scenario."""
    probs = {sid: sc.probability for sid, sc in case.scenarios.items()}
    given = all(p is not None for p in probs.values())
    source = "case" if given else "none"
    if overrides:
        for sid in overrides:
            if sid not in case.scenarios:
                raise UsageError(Problem(Message("pa_probability_unknown", scenario=sid), hint=Message("err_use_one_of", choices=", ".join(case.scenarios))))
        missing = [sid for sid, p in probs.items() if p is None and sid not in overrides]
        if missing:
            raise UsageError(Problem(
                Message("pa_probability_missing", missing=", ".join(missing)),
                hint=Message("pa_probability_missing_hint", flags=" ".join(f"-P {sid}=P" for sid in missing)),
            ))
        probs.update({sid: float(v) for sid, v in overrides.items()})
        flags = ", ".join(f"{k}={v:g}" for k, v in overrides.items())
        source = f"case, with --probability overrides ({flags})" if given else f"--probability flags ({flags})"
    elif not given:
        return None, source
    return check_probabilities(list(probs.values()), list(probs)), source


def parse_package(text: str, case) -> tuple[str, ...]:
    """'a,b,c' -> ('a', 'b', 'c'), each a known option, no repeats."""
    members = tuple(p.strip() for p in text.split(",") if p.strip())
    if not members:
        raise UsageError(Problem(Message("pa_empty_package", text=text), hint=Message("pa_empty_package_hint")))
    for oid in members:
        if oid not in case.options:
            raise UsageError(Problem(Message("pa_package_unknown", option=oid, text=text), hint=Message("pa_package_unknown_hint", names=", ".join(list(case.options)[:8]))))
    repeated = sorted({o for o in members if members.count(o) > 1})
    if repeated:
        raise UsageError(Problem(Message("pa_package_twice", option=repeated[0], text=text), hint=Message("pa_package_twice_hint")))
    return members


def _option_values(loaded: LoadedCase, w: dict[str, float], method: str, method_options: dict) -> tuple[list[str], np.ndarray, dict[str, list[str]], list[str]]:
    """(kept options, values (kept, scenarios), (screened-out reasons, their breaches), warnings)."""
    from negotiator.model.matrix import breach_words, build_matrix, red_line_breaches
    from negotiator.methods import get_method

    case = loaded.case
    scenarios = list(case.scenarios)
    matrices = [build_matrix(case, sid) for sid in scenarios]
    screened: dict[str, list[str]] = {}
    breaches: dict[str, list] = {}
    for sid, mat in zip(scenarios, matrices):
        for oid, broken in red_line_breaches(case, mat).items():
            screened.setdefault(oid, []).append(f"{sid}: {breach_words(case, broken)}")
            breaches.setdefault(oid, []).append((sid, tuple(broken)))
    keep = [i for i, oid in enumerate(case.options) if oid not in screened]
    if not keep:
        raise UsageError(Problem(Message("pa_all_screened"), hint=Message("pr_loosen_limits_hint")))
    fn = get_method(method)
    wvec = np.array([w[o] for o in case.objectives])
    columns = [fn(mat.subset(keep), wvec, **method_options).scores for mat in matrices]
    warnings = list(dict.fromkeys(w for mat in matrices for w in mat.warnings))
    return [list(case.options)[i] for i in keep], np.column_stack(columns), (screened, breaches), warnings


def scenario_payoffs(
    loaded: LoadedCase,
    profile: str | None = None,
    method: str = "additive",
    weights: Mapping[str, float] | None = None,
    probabilities: Mapping[str, float] | None = None,
    packages: Sequence[Sequence[str]] | None = None,
    top_packages: int = 0,
    **method_options,
) -> ScenarioPayoffs:
    """The payoff table of a case: options, or packages (given and/or the portfolio's best) x scenarios."""
    from negotiator.ranking.api import resolve_weights

    case = loaded.case
    if not case.scenarios:
        raise UsageError(Problem(Message("pa_no_scenarios", case=loaded.name), hint=Message("pa_no_scenarios_hint")))
    if top_packages < 0:
        raise UsageError(Problem(Message("pa_packages", n=top_packages)))
    probs, source = merge_probabilities(case, probabilities)
    pid, w = resolve_weights(loaded, profile, weights)
    kept, values, (screened, breaches), warnings = _option_values(loaded, w, method, method_options)
    if packages or top_packages:
        wanted = [(tuple(p), "--package") for p in packages or []]
        if top_packages:
            wanted += _portfolio_packages(loaded, profile, method, weights, screened, top_packages)
        rows, values, notes = _package_rows(case, kept, values, screened, wanted)
        warnings += notes
        kind = "package"
    else:
        rows = tuple(Row(oid, case.options[oid].label, case.options[oid].label_zh, (oid,)) for oid in kept)
        kind = "option"
    scs = list(case.scenarios.values())
    return ScenarioPayoffs(
        case=loaded.name,
        case_sha256=loaded.sha256,
        method=method,
        profile=pid,
        weights=w,
        kind=kind,
        rows=rows,
        scenarios=tuple(case.scenarios),
        scenario_labels=tuple(s.label for s in scs),
        scenario_labels_zh=tuple(s.label_zh for s in scs),
        probabilities=None if probs is None else tuple(float(p) for p in probs),
        probabilities_source=source,
        values=values,
        screened_out=screened,
        warnings=warnings + list(loaded.warnings),
        screened_breaches=breaches,
    )


def _portfolio_packages(loaded, profile, method, weights, screened, top: int) -> list[tuple[tuple[str, ...], str]]:
    """The K best packages of the base case, then each scenario's best, from the portfolio core.

    Options that break a red line under any scenario are excluded up front, so
    every package has a value in every column.
    """
    from negotiator.portfolio import PackageQuery, best_packages

    base = PackageQuery(profile=profile, method=method, weights=weights, exclude=tuple(sorted(screened)))
    out: list[tuple[tuple[str, ...], str]] = []
    runs = [(None, top, "best package {k} of the base case")]
    runs += [(sid, 1, f"best package under {sid}") for sid in loaded.case.scenarios]
    for scenario, k_top, words in runs:
        result = best_packages(loaded, replace(base, scenario=scenario), top=k_top, explain_infeasible=False)
        if not result.packages:
            where = Message("pa_where_base") if scenario is None else Message("pa_where_scenario", scenario=scenario)
            raise UsageError(Problem(
                Message("pa_no_package", where=where, status=result.status),
                hint=Message("pa_no_package_hint"),
            ))
        for pkg in result.packages:
            out.append((tuple(pkg.selected), words.format(k=pkg.rank)))
    return out


def _package_rows(case, kept: list[str], values: np.ndarray, screened: dict[str, list[str]], packages) -> tuple[tuple[Row, ...], np.ndarray, list[str]]:
    index = {oid: i for i, oid in enumerate(kept)}
    rows: list[Row] = []
    out: list[np.ndarray] = []
    seen: dict[frozenset, int] = {}
    notes: list[str] = []
    for members, origin in packages:
        members = tuple(members)
        for oid in members:
            if oid in screened:
                raise UsageError(Problem(
                    Message("pa_package_screened", package="+".join(members), option=oid, reasons="; ".join(screened[oid])),
                    hint=Message("pa_package_screened_hint"),
                ))
        key = frozenset(members)
        if key in seen:
            # The same package from two sources (say, best in the base case and under a scenario): one row.
            k = seen[key]
            if origin == "--package" and rows[k].origin == "--package":
                raise UsageError(Problem(Message("pa_package_given_twice", package="+".join(members)), hint=Message("pa_package_given_twice_hint")))
            rows[k] = replace(rows[k], origin=f"{rows[k].origin}; {origin}")
            continue
        seen[key] = len(rows)
        label = " + ".join(case.options[o].label for o in members)
        label_zh = " + ".join(case.options[o].label_zh or case.options[o].label for o in members)
        member_labels = tuple((case.options[o].label, case.options[o].label_zh) for o in members)
        rows.append(Row("+".join(members), label, label_zh, members, origin, member_labels))
        bonus = sum(s.bonus for s in case.constraints.synergies if key.issuperset(s.options))
        out.append(values[[index[o] for o in members]].sum(axis=0) + bonus)
        if origin == "--package":
            notes += [f"package {'+'.join(members)}: {broken}" for broken in _package_rule_breaks(case, members)]
    return tuple(rows), np.vstack(out), notes


def _package_rule_breaks(case, members: tuple[str, ...]) -> list[str]:
    """What a hand-made package breaks (prerequisites, exclusions, budgets, count): warnings, not errors."""
    chosen = set(members)
    out = []
    for o in members:
        opt = case.options[o]
        out += [f"'{o}' requires '{r}', which is not in the package" for r in opt.requires if r not in chosen]
        out += [f"'{o}' and '{x}' exclude each other" for x in opt.excludes if x in chosen and o < x]
    c = case.constraints
    for res, cap in c.budgets.items():
        used = sum(case.options[o].resources.get(res, 0.0) for o in members)
        if used > cap + 1e-9:
            out.append(f"uses {used:g} {res}, over the budget of {cap:g}")
    if c.count is not None and not c.count[0] <= len(members) <= c.count[1]:
        out.append(f"holds {len(members)} options; the case allows {c.count[0]} to {c.count[1]}")
    return out
