"""--robust (maximin), --core (RPM-style shares) and the budget sweep, against brute force and hand answers."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from negotiator.ranking.api import rank
from negotiator.case.catalog import load_case_text
from negotiator.errors import UsageError
from negotiator.portfolio import best_packages, budget_sweep, core_analysis, robust_package, sweep_caps
from negotiator.portfolio import robust as robust_mod
from negotiator.portfolio.robust import extreme_weights, sample_weights

from tests.portfolio.test_model import CALIFORNIA, brute_force, load_dict, random_case


@pytest.fixture(scope="module")
def bundled():
    from negotiator.case.catalog import load_case

    return load_case()


def _with_scenarios(data: dict) -> dict:
    data = copy.deepcopy(data)
    ids = list(data["options"])
    data["scenarios"] = {
        "calm": {"label": "Calm", "probability": 0.6, "scores": {ids[0]: {"gain": 0}}},
        "storm": {"label": "Storm", "probability": 0.4, "scores": {ids[1]: {"risk": 10}, ids[2]: {"reach": 10}}},
    }
    return data


def _brute_maximin(data: dict, names: list[str], across: str) -> float:
    """max over packages feasible everywhere of the min over profiles/scenarios of the package value."""
    loaded = load_dict(data)
    tables = {}
    for n in names:
        r = rank(loaded, profile="main" if across == "scenarios" else n, scenario=n if across == "scenarios" else None)
        tables[n] = ({row.option: row.score for row in r.rows}, {s.option for s in r.screened_out})
    feasible = [pk for _, pk in brute_force(data)]
    syn = data["constraints"].get("synergies", [])
    best = -np.inf
    for pk in feasible:
        if any(set(pk) & screened for _, screened in tables.values()):
            continue
        bonus = sum(s["bonus"] for s in syn if set(pk).issuperset(s["options"]))
        worst = min(sum(vals[o] for o in pk) + bonus for vals, _ in tables.values())
        best = max(best, worst)
    return best


@pytest.mark.parametrize("seed,n", [(1, 6), (4, 8), (7, 10), (11, 12)])
def test_maximin_across_profiles_matches_brute_force(seed, n):
    data = random_case(seed, n)
    result = robust_package(load_dict(data), across="profiles")
    truth = _brute_maximin(data, ["main", "other"], "profiles")
    assert result.status == "optimal"
    assert result.maximin.worst == pytest.approx(truth, abs=1e-7)
    # Each "best for" package is that profile's optimum: zero regret there, and no package has a better worst case.
    for row in result.rows[1:]:
        name = row.name.removeprefix("best for ")
        assert row.regret[name] == pytest.approx(0.0, abs=1e-9)
        assert row.worst <= result.maximin.worst + 1e-9
        assert row.values[name] == pytest.approx(best_packages(load_dict(data), profile=name).value, abs=1e-9)


@pytest.mark.parametrize("seed,n", [(2, 7), (9, 9)])
def test_maximin_across_scenarios_matches_brute_force(seed, n):
    data = _with_scenarios(random_case(seed, n))
    result = robust_package(load_dict(data), across="scenarios", profile="main")
    truth = _brute_maximin(data, ["calm", "storm"], "scenarios")
    assert result.maximin.worst == pytest.approx(truth, abs=1e-7)
    assert result.probabilities == {"calm": 0.6, "storm": 0.4}


def test_robust_bad_input(bundled):
    tiny_one_profile = CALIFORNIA  # no profiles at all
    with pytest.raises(UsageError, match="at least two weight profiles"):
        robust_package(load_case_text(tiny_one_profile), across="profiles")
    with pytest.raises(UsageError, match="at least two scenarios"):
        robust_package(load_case_text(CALIFORNIA), across="scenarios")
    with pytest.raises(UsageError, match="drop --scenario"):
        robust_package(bundled, across="scenarios", scenario="routine_cooperation")


def test_bundled_robust_package_beats_every_profile_best_in_the_worst_case(bundled):
    result = robust_package(bundled, across="profiles")
    assert result.status == "optimal"
    assert all(row.worst <= result.maximin.worst + 1e-9 for row in result.rows)
    assert len(result.rows) == 1 + len(result.names)


# ---------------------------------------------------------------------------
# --core
# ---------------------------------------------------------------------------

CORE_CASE = """
negotiator: 1
objectives:
  x: {label: X, scale: [0, 10]}
  y: {label: Y, scale: [0, 10]}
  risk: {label: Risk, direction: min, scale: [0, 10]}
options:
  a: {label: A, scores: {x: 10, y: 10, risk: 0}}
  b: {label: B, scores: {x: 8, y: 0, risk: 0}}
  c: {label: C, scores: {x: 0, y: 8, risk: 0}}
  d: {label: D, scores: {x: 1, y: 1, risk: 0}}
  e: {label: E, scores: {x: 10, y: 10, risk: 9}}
weights:
  x_first: [x, y]
constraints:
  count: [0, 2]
  limits: {risk: {max: 5}}
"""


def test_core_hand_answer_for_an_order_profile():
    """With weights ordered x >= y and room for two: A is always in (it dominates), B always beats C
    (0.8 w_x >= 0.8 w_y), tying only at the extreme point (1/2, 1/2); D never; E is red-lined."""
    result = core_analysis(load_case_text(CORE_CASE), samples=200, seed=3, uncertain_scores=False)
    by = {o.option: o for o in result.options}
    assert by["a"].category == "core" and by["a"].share == 1.0
    assert by["b"].category == "core" and by["b"].extreme_hits == 2
    assert by["c"].share == 0.0 and by["c"].extreme_hits == 1 and by["c"].category == "borderline"
    assert by["d"].category == "exterior"
    assert by["e"].category == "exterior" and "Risk" in by["e"].reason
    assert result.packages[0] == (("a", "b"), 1.0)
    assert result.engine.startswith("exact")


def test_core_engines_agree(monkeypatch):
    data = random_case(6, 12)
    loaded = load_dict(data)
    exact = core_analysis(loaded, profile="main", samples=60, seed=11)
    monkeypatch.setattr(robust_mod, "ENUMERATION_LIMIT", 0)
    milp = core_analysis(loaded, profile="main", samples=60, seed=11)
    assert exact.engine.startswith("exact") and milp.engine.startswith("one MILP")
    assert {o.option: o.share for o in exact.options} == {o.option: o.share for o in milp.options}
    assert milp.unproven == 0


def test_core_is_reproducible_and_seed_matters(bundled):
    a = core_analysis(bundled, profile="leverage_first", samples=80, seed=5)
    b = core_analysis(bundled, profile="leverage_first", samples=80, seed=5)
    c = core_analysis(bundled, profile="leverage_first", samples=80, seed=6)
    assert a.to_dict()["options"] == b.to_dict()["options"]
    assert a.to_dict()["options"] != c.to_dict()["options"]
    assert a.to_dict()["seed"] == 5 and a.to_dict()["samples"] == 80


def test_weight_sets():
    case = load_case_text(CORE_CASE).case
    rng = np.random.default_rng(0)
    w = sample_weights(case, "x_first", 0.5, 500, rng)
    assert np.allclose(w.sum(axis=1), 1) and np.all(w[:, 0] >= w[:, 1]) and np.all(w[:, 2] == 0)
    # Uniform on the ordered 2-simplex {w_x >= w_y}: w_x is uniform on [1/2, 1], mean 3/4.
    assert w[:, 0].mean() == pytest.approx(0.75, abs=0.02)
    assert np.allclose(extreme_weights(case, "x_first", 0.5), [[1, 0, 0], [0.5, 0.5, 0]])
    bundled = load_case_text(CALIFORNIA).case  # no profiles: equal weights, one objective
    assert np.allclose(extreme_weights(bundled, None, 0.5), [[1.0]])


def test_core_bad_input(bundled):
    with pytest.raises(UsageError, match="--samples"):
        core_analysis(bundled, samples=0)
    with pytest.raises(UsageError, match="--spread"):
        core_analysis(bundled, spread=1.5)


# ---------------------------------------------------------------------------
# sweep
# ---------------------------------------------------------------------------


def test_sweep_is_monotone_and_each_point_is_the_best_package(bundled):
    result = budget_sweep(bundled, "staff", 0, 120, step=40)
    values = [p.value for p in result.points]
    assert [p.cap for p in result.points] == [0, 40, 80, 120]
    assert result.points[0].package is None and result.points[0].status == "infeasible"  # count needs >= 1 measure; every measure uses staff
    numbers = [v for v in values if v is not None]
    assert numbers == sorted(numbers)
    for p in result.points[1:]:
        direct = best_packages(bundled, budgets={"staff": p.cap})
        assert p.value == pytest.approx(direct.value, abs=1e-9)
        assert p.package.resources["staff"] <= p.cap + 1e-9


def test_sweep_caps():
    assert sweep_caps(10, 100) == [10 + 9 * k for k in range(11)]
    assert sweep_caps(0, 10, step=4) == [0, 4, 8, 10]
    assert sweep_caps(5, 5) == [5]
    for bad in [dict(start=10, stop=5), dict(start=-1, stop=5), dict(start=0, stop=5, step=0), dict(start=0, stop=5, points=1), dict(start=0, stop=1e9, step=1)]:
        with pytest.raises(UsageError):
            sweep_caps(**bad)


def test_sweep_unknown_resource(bundled):
    with pytest.raises(UsageError, match="unknown resource 'people'"):
        budget_sweep(bundled, "people", 0, 10)
