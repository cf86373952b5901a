"""The package MILP against brute-force enumeration and textbook answers.

The brute force here is written from the case data directly (not from the
model's rows), so it is an independent oracle: every subset of options is
checked against budgets, prerequisites, exclusions, count, red lines and
package limits, and valued as the sum of overall scores plus synergies.
"""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from negotiator.ranking.api import rank
from negotiator.case.catalog import load_case_text
from negotiator.portfolio import best_packages, build_milp, build_spec, spec_rows
from negotiator.portfolio.robust import enumerate_packages

SOLVERS = ["cbc", "highs"]


# ---------------------------------------------------------------------------
# Random small cases and the brute-force oracle
# ---------------------------------------------------------------------------


def random_case(seed: int, n: int, infeasible_bias: bool = False) -> dict:
    """A random case dict: n options, 3 objectives, 2-3 budgets, requires/excludes, synergies, red line, package limit."""
    rng = np.random.default_rng(seed)
    objectives = {
        "gain": {"label": "Gain", "direction": "max", "scale": [0, 10]},
        "risk": {"label": "Risk", "direction": "min", "scale": [0, 10]},
        "reach": {"label": "Reach", "direction": "max", "scale": [0, 10]},
    }
    resources = ["staff", "money", "bandwidth"][: int(rng.integers(2, 4))]
    ids = [f"o{i}" for i in range(n)]
    options = {}
    for i, oid in enumerate(ids):
        opt = {
            "label": f"Option {i}",
            "resources": {r: float(rng.integers(0, 10)) for r in resources},
            "scores": {o: float(rng.integers(0, 11)) for o in objectives},
        }
        if i > 0 and rng.random() < 0.3:
            opt["requires"] = [ids[int(rng.integers(0, i))]]
        if rng.random() < 0.25:
            other = ids[int(rng.integers(0, n))]
            if other != oid and other not in opt.get("requires", []):
                opt["excludes"] = [other]
        options[oid] = opt
    # An exclusion must not contradict a requirement in the other direction.
    for oid, opt in options.items():
        for other in list(opt.get("excludes", [])):
            if oid in options[other].get("requires", []):
                opt["excludes"].remove(other)
    totals = {r: sum(o["resources"][r] for o in options.values()) for r in resources}
    share = 0.9 if infeasible_bias else 0.45
    budgets = {r: float(round(totals[r] * rng.uniform(0.2, share), 1)) for r in resources}
    lo = int(rng.integers(0, 3))
    hi = int(rng.integers(max(lo, 1), n + 1))
    constraints = {"budgets": budgets, "count": [lo, hi], "limits": {"risk": {"max": 9}}}
    if rng.random() < 0.5:
        constraints["package"] = {"risk": {"max": float(rng.integers(8, 30))}}
    synergies = []
    for _ in range(int(rng.integers(0, 3))):
        pair = rng.choice(n, size=2, replace=False)
        synergies.append({"options": [ids[pair[0]], ids[pair[1]]], "bonus": float(rng.choice([0.3, -0.2, 0.15]))})
    if synergies:
        constraints["synergies"] = synergies
    return {
        "negotiator": 1,
        "title": f"random {seed}",
        "objectives": objectives,
        "options": options,
        "weights": {"main": {"gain": 2, "risk": 1, "reach": 1}, "other": {"gain": 1, "risk": 3, "reach": 0.5}},
        "constraints": constraints,
    }


def load_dict(data: dict):
    return load_case_text(json.dumps(data), name="random")


def brute_force(data: dict, profile: str = "main", budgets: dict | None = None, include=(), exclude=()) -> list[tuple[float, tuple[str, ...]]]:
    """Every feasible package with its value, best first (oracle written from the case data)."""
    loaded = load_dict(data)
    ranking = rank(loaded, profile=profile)
    values = {row.option: row.score for row in ranking.rows}
    ids = list(data["options"])
    cons = data["constraints"]
    caps = {**cons.get("budgets", {}), **(budgets or {})}
    lo, hi = cons.get("count", [0, len(ids)])
    out = []
    for k in range(lo, hi + 1):
        for combo in itertools.combinations(ids, k):
            chosen = set(combo)
            if any(o not in values for o in chosen):  # red line
                continue
            if not set(include) <= chosen or chosen & set(exclude):
                continue
            if any(sum(data["options"][o]["resources"].get(r, 0) for o in chosen) > cap + 1e-9 for r, cap in caps.items()):
                continue
            if any(req not in chosen for o in chosen for req in data["options"][o].get("requires", [])):
                continue
            if any(ex in chosen for o in chosen for ex in data["options"][o].get("excludes", [])):
                continue
            ok = True
            for obj, lim in cons.get("package", {}).items():
                total = sum(data["options"][o]["scores"][obj] for o in chosen)
                if ("max" in lim and total > lim["max"] + 1e-9) or ("min" in lim and total < lim["min"] - 1e-9):
                    ok = False
            if not ok:
                continue
            value = sum(values[o] for o in chosen)
            value += sum(s["bonus"] for s in cons.get("synergies", []) if chosen.issuperset(s["options"]))
            out.append((value, tuple(sorted(chosen, key=ids.index))))
    out.sort(key=lambda t: -t[0])
    return out


CASES = [(seed, n) for seed, n in zip(range(24), [4, 5, 6, 7, 8, 9, 10, 11, 12, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 12, 15])]


# ---------------------------------------------------------------------------
# Same optimum as brute force
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed,n", CASES)
def test_optimal_value_matches_brute_force(seed, n):
    data = random_case(seed, n)
    truth = brute_force(data)
    for solver in SOLVERS:
        result = best_packages(load_dict(data), profile="main", solver=solver)
        if not truth:
            assert result.status == "infeasible" and not result.packages
            continue
        assert result.status == "optimal"
        assert result.value == pytest.approx(truth[0][0], abs=1e-7), solver
        feasible = {pk for _, pk in truth}
        assert result.selected in feasible  # the package itself meets every constraint


@pytest.mark.parametrize("seed,n", CASES[::3])
def test_top_k_are_exactly_the_k_best(seed, n):
    data = random_case(seed, n)
    truth = brute_force(data)
    k = 6
    result = best_packages(load_dict(data), profile="main", top=k)
    expected = [v for v, _ in truth[:k]]
    assert [pk.value for pk in result.packages] == pytest.approx(expected, abs=1e-7)
    chosen = [pk.selected for pk in result.packages]
    assert len(set(chosen)) == len(chosen)  # distinct
    feasible = {pk: v for v, pk in truth}
    for pk in result.packages:
        assert feasible[pk.selected] == pytest.approx(pk.value, abs=1e-9)
        assert pk.proven


@pytest.mark.parametrize("seed", [3, 8, 15])
def test_what_if_overrides_match_brute_force(seed):
    data = random_case(seed, 10)
    first = list(data["options"])[0]
    staff = data["constraints"]["budgets"]["staff"] * 1.5
    truth = brute_force(data, budgets={"staff": staff}, exclude=(first,))
    result = best_packages(load_dict(data), profile="main", budgets={"staff": staff}, exclude=[first])
    assert result.value == pytest.approx(truth[0][0], abs=1e-7)
    assert first not in result.selected
    assert result.spec.budgets["staff"] == staff


@pytest.mark.parametrize("seed,n", CASES[::4])
def test_enumeration_lists_exactly_the_feasible_packages(seed, n):
    data = random_case(seed, n)
    loaded = load_dict(data)
    ranking = rank(loaded, profile="main")
    spec = build_spec(loaded, {"value": {r.option: r.score for r in ranking.rows}}, {s.option: s.reason for s in ranking.screened_out})
    listed = set(enumerate_packages(spec))
    assert listed == {pk for _, pk in brute_force(data)}


def test_rows_and_milp_agree_on_every_subset():
    """Each named row's arithmetic (used by diagnosis and enumeration) matches the MILP's feasibility."""
    data = random_case(5, 7)
    loaded = load_dict(data)
    ranking = rank(loaded, profile="main")
    spec = build_spec(loaded, {"value": {r.option: r.score for r in ranking.rows}}, {s.option: s.reason for s in ranking.screened_out})
    truth = {pk for _, pk in brute_force(data)}
    rows = spec_rows(spec)
    for k in range(len(spec.options) + 1):
        for combo in itertools.combinations(spec.options, k):
            assert all(r.holds(combo) for r in rows) == (combo in truth)


# ---------------------------------------------------------------------------
# Known answers from textbooks
# ---------------------------------------------------------------------------

CALIFORNIA = """
negotiator: 1
title: California Manufacturing Company (Hillier & Lieberman)
objectives:
  npv: {label: Net present value (million USD), direction: max, scale: [0, 10]}
options:
  factory_la: {label: Factory in Los Angeles, resources: {capital: 6}, scores: {npv: 9}}
  factory_sf: {label: Factory in San Francisco, resources: {capital: 3}, scores: {npv: 5}}
  warehouse_la: {label: Warehouse in Los Angeles, resources: {capital: 5}, requires: [factory_la], excludes: [warehouse_sf], scores: {npv: 6}}
  warehouse_sf: {label: Warehouse in San Francisco, resources: {capital: 2}, requires: [factory_sf], scores: {npv: 4}}
constraints:
  budgets: {capital: 10}
"""


@pytest.mark.parametrize("solver", SOLVERS)
def test_california_manufacturing_known_answer(solver):
    """Hillier & Lieberman, Introduction to Operations Research (9th ed., 2010), §12.1:
    build both factories, no warehouse, Z = $14 million (here 14/10 on a [0, 10] scale)."""
    result = best_packages(load_case_text(CALIFORNIA), solver=solver)
    assert result.status == "optimal"
    assert result.selected == ("factory_la", "factory_sf")
    assert result.value == pytest.approx(1.4)
    assert result.best.slack == {"capital": pytest.approx(1.0)}


def test_california_with_more_capital_adds_a_warehouse():
    # Capital 14: both factories + LA warehouse = 9+5+6 = 20 (capital 14) beats both factories + SF warehouse = 18 (capital 11).
    result = best_packages(load_case_text(CALIFORNIA), budgets={"capital": 14})
    assert result.selected == ("factory_la", "factory_sf", "warehouse_la")
    assert result.value == pytest.approx(2.0)


MARTELLO_TOTH = """
negotiator: 1
title: Martello & Toth (1990) knapsack example
objectives:
  profit: {label: Profit, direction: max, scale: [0, 100]}
options:
  i1: {label: Item 1, resources: {weight: 31}, scores: {profit: 70}}
  i2: {label: Item 2, resources: {weight: 10}, scores: {profit: 20}}
  i3: {label: Item 3, resources: {weight: 20}, scores: {profit: 39}}
  i4: {label: Item 4, resources: {weight: 19}, scores: {profit: 37}}
  i5: {label: Item 5, resources: {weight: 4}, scores: {profit: 7}}
  i6: {label: Item 6, resources: {weight: 3}, scores: {profit: 5}}
  i7: {label: Item 7, resources: {weight: 6}, scores: {profit: 10}}
constraints:
  budgets: {weight: 50}
"""


@pytest.mark.parametrize("solver", SOLVERS)
def test_martello_toth_knapsack_known_answer(solver):
    """Martello & Toth, Knapsack Problems (1990), Example 2.1: z = 107 with items 1 and 4."""
    result = best_packages(load_case_text(MARTELLO_TOTH), solver=solver)
    assert result.selected == ("i1", "i4")
    assert result.value == pytest.approx(1.07)


# ---------------------------------------------------------------------------
# Synergies, package limits, red lines
# ---------------------------------------------------------------------------


def _synergy_case(bonus: float) -> str:
    return f"""
negotiator: 1
objectives:
  v: {{label: Value, scale: [0, 10]}}
options:
  a: {{label: A, resources: {{s: 1}}, scores: {{v: 5}}}}
  b: {{label: B, resources: {{s: 1}}, scores: {{v: 4}}}}
  c: {{label: C, resources: {{s: 1}}, scores: {{v: 6}}}}
constraints:
  budgets: {{s: 2}}
  synergies: [{{options: [a, b], bonus: {bonus}}}]
"""


def test_positive_synergy_changes_the_best_package():
    assert best_packages(load_case_text(_synergy_case(0.0))).selected == ("a", "c")
    result = best_packages(load_case_text(_synergy_case(0.3)))
    assert result.selected == ("a", "b")
    assert result.value == pytest.approx(0.9 + 0.3)
    assert result.best.synergy_bonus == pytest.approx(0.3)


def test_negative_synergy_is_charged_when_both_are_chosen():
    text = _synergy_case(-0.5).replace("budgets: {s: 2}", "budgets: {s: 2}\n  count: [2, 2]").replace("v: 6", "v: 0")
    # c is worth nothing, a+b would be 0.9-0.5 = 0.4 < a+c = 0.5.
    result = best_packages(load_case_text(text))
    assert result.selected == ("a", "c")
    assert result.value == pytest.approx(0.5)


def test_package_limit_caps_the_total_of_an_objective():
    text = """
negotiator: 1
objectives:
  gain: {label: Gain, scale: [0, 10]}
  risk: {label: Risk, direction: min, scale: [0, 10]}
options:
  a: {label: A, scores: {gain: 9, risk: 6}}
  b: {label: B, scores: {gain: 8, risk: 5}}
  c: {label: C, scores: {gain: 3, risk: 1}}
weights:
  w: {gain: 1}
constraints:
  package: {risk: {max: 7}}
"""
    result = best_packages(load_case_text(text))
    assert result.selected == ("a", "c")  # a+b would be risk 11
    assert result.best.package_totals["risk"] == pytest.approx(7)


def test_bundled_case_respects_prerequisites_exclusions_and_red_lines():
    result = best_packages(None)
    case = result.spec
    chosen = set(result.selected)
    assert result.status == "optimal"
    for a, b in case.requires:
        assert a not in chosen or b in chosen
    for a, b in case.excludes:
        assert not {a, b} <= chosen
    assert "passive_case_by_case_acceptance" not in chosen and "independent_investigation_push" not in chosen
    for r, cap in case.budgets.items():
        assert result.best.resources[r] <= cap
    lo, hi = case.count
    assert lo <= len(chosen) <= hi
    # The bundled budgets are meant to force a trade-off: staff and diplomatic bandwidth run out.
    assert result.best.resources["staff"] == case.budgets["staff"]
    assert result.best.resources["diplomacy"] == case.budgets["diplomacy"]


def test_option_ids_with_dashes_and_dots_do_not_collide():
    text = """
negotiator: 1
objectives:
  v: {label: V, scale: [0, 10]}
options:
  a-b: {label: one, resources: {s: 1}, scores: {v: 5}}
  a_b: {label: two, resources: {s: 1}, scores: {v: 6}}
  a.b: {label: three, resources: {s: 1}, scores: {v: 7}}
constraints:
  budgets: {s: 2}
"""
    result = best_packages(load_case_text(text))
    assert result.selected == ("a_b", "a.b")


def test_milp_has_one_binary_per_option():
    spec = best_packages(None).spec
    model = build_milp(spec, objective="value")
    assert len(model.x) == len(spec.options)
    assert all(v.cat == "Integer" and v.lowBound == 0 and v.upBound == 1 for v in model.x.values())


# -- issue 15: never a proof the solver did not give ------------------------------------


@pytest.mark.parametrize("bonus", ["1e308", "1e30", "1e16"])
def test_a_synergy_bonus_out_of_range_is_refused_by_validation(bonus, tmp_path, cli):
    path = tmp_path / "case.yaml"
    path.write_text(_synergy_case(bonus), encoding="utf-8")  # type: ignore[arg-type]
    result = cli("portfolio", path)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "proven" not in result.stdout + result.stderr
    assert f"{path}:11" in result.stderr and "out of range" in result.stderr


@pytest.mark.parametrize("bonus", [1e308, 1e30])
def test_a_spec_with_a_huge_bonus_is_refused_not_called_infeasible(bonus):
    from dataclasses import replace

    from negotiator.errors import UsageError
    from negotiator.portfolio.model import Synergy
    from negotiator.portfolio.solve import SolverSettings, solve_model

    loaded = load_case_text(_synergy_case(0.3))
    ranking = rank(loaded)
    spec = build_spec(loaded, {"main": {r.option: r.score for r in ranking.rows}}, {})
    spec = replace(spec, synergies=(Synergy(("a", "b"), bonus, "a + b"),))
    with pytest.raises(UsageError, match="beyond the ±1e\\+15 a solver can work with"):
        solve_model(build_milp(spec, "main").problem, SolverSettings().check())


@pytest.mark.parametrize("budget", ["1e30", "1e16"])
def test_a_budget_flag_past_the_range_is_refused(budget, cli):
    result = cli("portfolio", "--budget", f"staff={budget}")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "more than the solver can work with exactly" in result.stderr
