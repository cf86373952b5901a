"""The scenario payoff table: the overall value of each option (or package) under each scenario.

Each scenario changes some scores of the base case; the overall value of an
option under a scenario is what the aggregation method gives it on the
scenario's scores. Scales stay those of the base case (declared, or derived
from the base case's scores), so values compare across scenarios: a scenario
score outside a declared scale is already a case error; outside a derived
scale it extrapolates linearly (see DecisionMatrix.values).

An option that breaks a red line under any scenario cannot be relied on in
that scenario, so it leaves the table, with the scenario and the reason.

A package's value under a scenario is the sum of its options' values there
(synergy bonuses and budgets are the portfolio command's business).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from ._version import __version__
from .catalog import LoadedCase
from .decisions import DecisionReport, analyse_decisions, check_probabilities
from .errors import Problem, UsageError

__all__ = ["Row", "ScenarioPayoffs", "scenario_payoffs", "merge_probabilities", "parse_package"]


@dataclass(frozen=True)
class Row:
    """One row of the table: an option, or a package of options."""

    id: str
    label: str
    label_zh: str | None
    members: tuple[str, ...]  # the option itself, or the package's options


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
    probabilities: tuple[float, ...]
    probabilities_source: str  # "case" or "case, with --probability overrides"
    values: np.ndarray  # (rows, scenarios)
    screened_out: dict[str, list[str]]  # option -> "scenario: reason" lines
    warnings: list[str] = field(default_factory=list)
    version: str = __version__

    def provenance(self) -> dict:
        return {
            "case": self.case,
            "case_sha256": self.case_sha256,
            "version": self.version,
            "method": self.method,
            "profile": self.profile,
            "weights": dict(self.weights),
            "probabilities": dict(zip(self.scenarios, self.probabilities)),
            "probabilities_source": self.probabilities_source,
        }

    def analyse(self, alpha: float = 0.5) -> DecisionReport:
        return analyse_decisions(self.values, self.probabilities, self.scenarios, alpha)


def merge_probabilities(case, overrides: Mapping[str, float] | None) -> tuple[np.ndarray, str]:
    """The case's scenario probabilities with any overrides; checked to sum to 1."""
    probs = {sid: sc.probability for sid, sc in case.scenarios.items()}
    source = "case"
    if overrides:
        for sid in overrides:
            if sid not in case.scenarios:
                raise UsageError(Problem(f"unknown scenario '{sid}' in --probability", hint="use one of: " + ", ".join(case.scenarios)))
        probs.update({sid: float(v) for sid, v in overrides.items()})
        source = "case, with --probability overrides (" + ", ".join(f"{k}={v:g}" for k, v in overrides.items()) + ")"
    return check_probabilities(list(probs.values()), list(probs)), source


def parse_package(text: str, case) -> tuple[str, ...]:
    """'a,b,c' -> ('a', 'b', 'c'), each a known option, no repeats."""
    members = tuple(p.strip() for p in text.split(",") if p.strip())
    if not members:
        raise UsageError(Problem(f"empty package '{text}'", hint="list option ids separated by commas, e.g. --package talks,reception"))
    for oid in members:
        if oid not in case.options:
            raise UsageError(Problem(f"unknown option '{oid}' in package '{text}'", hint="use option ids from `negotiator show`: " + ", ".join(list(case.options)[:8]) + " ..."))
    repeated = sorted({o for o in members if members.count(o) > 1})
    if repeated:
        raise UsageError(Problem(f"option '{repeated[0]}' appears twice in package '{text}'", hint="list each option once"))
    return members


def _option_values(loaded: LoadedCase, w: dict[str, float], method: str, method_options: dict) -> tuple[list[str], np.ndarray, dict[str, list[str]], list[str]]:
    """(kept options, values (kept, scenarios), screened-out reasons, warnings)."""
    from .matrix import build_matrix, screen_options
    from .methods import get_method

    case = loaded.case
    scenarios = list(case.scenarios)
    matrices = [build_matrix(case, sid) for sid in scenarios]
    screened: dict[str, list[str]] = {}
    for sid, mat in zip(scenarios, matrices):
        for oid, reason in screen_options(case, mat).items():
            screened.setdefault(oid, []).append(f"{sid}: {reason}")
    keep = [i for i, oid in enumerate(case.options) if oid not in screened]
    if not keep:
        raise UsageError(Problem("every option breaks a red line under some scenario, so the payoff table is empty", hint="loosen constraints.limits in the case"))
    fn = get_method(method)
    wvec = np.array([w[o] for o in case.objectives])
    columns = [fn(mat.subset(keep), wvec, **method_options).scores for mat in matrices]
    warnings = list(dict.fromkeys(w for mat in matrices for w in mat.warnings))
    return [list(case.options)[i] for i in keep], np.column_stack(columns), screened, warnings


def scenario_payoffs(
    loaded: LoadedCase,
    profile: str | None = None,
    method: str = "additive",
    weights: Mapping[str, float] | None = None,
    probabilities: Mapping[str, float] | None = None,
    packages: Sequence[Sequence[str]] | None = None,
    **method_options,
) -> ScenarioPayoffs:
    """The payoff table of a case: options (or the given packages) x scenarios."""
    from .api import resolve_weights

    case = loaded.case
    if not case.scenarios:
        raise UsageError(Problem(f"the case {loaded.name} has no scenarios: section, so there is nothing to compare", hint="add scenarios of the other side's behaviour (see payoffs/scenarios.yaml in the bundled case)"))
    probs, source = merge_probabilities(case, probabilities)
    pid, w = resolve_weights(loaded, profile, weights)
    kept, values, screened, warnings = _option_values(loaded, w, method, method_options)
    if packages:
        rows, values = _package_rows(case, kept, values, screened, packages)
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
        probabilities=tuple(float(p) for p in probs),
        probabilities_source=source,
        values=values,
        screened_out=screened,
        warnings=warnings + list(loaded.warnings),
    )


def _package_rows(case, kept: list[str], values: np.ndarray, screened: dict[str, list[str]], packages) -> tuple[tuple[Row, ...], np.ndarray]:
    index = {oid: i for i, oid in enumerate(kept)}
    rows, out, seen = [], [], set()
    for members in packages:
        members = tuple(members)
        for oid in members:
            if oid in screened:
                raise UsageError(Problem(
                    f"package {'+'.join(members)} holds '{oid}', which breaks a red line ({'; '.join(screened[oid])})",
                    hint="drop it from the package, or loosen constraints.limits",
                ))
        key = frozenset(members)
        if key in seen:
            raise UsageError(Problem(f"package {'+'.join(members)} is given twice", hint="give each package once"))
        seen.add(key)
        label = " + ".join(case.options[o].label for o in members)
        label_zh = " + ".join(case.options[o].label_zh or case.options[o].label for o in members)
        rows.append(Row("+".join(members), label, label_zh, members))
        out.append(values[[index[o] for o in members]].sum(axis=0))
    return tuple(rows), np.vstack(out)
