"""negotiator/solvers.py: the one solver policy, silence at file-descriptor level, clear refusals,
and `negotiator game --format json` parseable for every game (HiGHS's banner once leaked there)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pulp
import pytest

import negotiator.solvers as solvers
from negotiator.case.catalog import load_case
from negotiator.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"

ZERO_SUM_CASE = """negotiator: 1
objectives: {g: {label: G}}
options: {a: {label: A, scores: {g: 1}}, b: {label: B, scores: {g: 2}}}
games:
  pennies:
    label: Matching pennies
    players:
      even: {label: Even, strategies: {heads: {label: Heads}, tails: {label: Tails}}}
      odd: {label: Odd, strategies: {heads: {label: Heads}, tails: {label: Tails}}}
    payoffs:
      heads: {heads: [1, -1], tails: [-1, 1]}
      tails: {heads: [-1, 1], tails: [1, -1]}
  split:
    label: Constant-sum split
    players:
      row: {label: Row, strategies: {up: {label: Up}, mid: {label: Mid}, down: {label: Down}}}
      col: {label: Col, strategies: {left: {label: Left}, right: {label: Right}}}
    payoffs:
      up: {left: [3, 2], right: [1, 4]}
      mid: {left: [2, 3], right: [2, 3]}
      down: {left: [0, 5], right: [4, 1]}
"""


def tiny_lp():
    """max x + y subject to x + 2y <= 4, 3x + y <= 6: optimum 2.8 at (1.6, 1.2)."""
    prob = pulp.LpProblem("tiny", pulp.LpMaximize)
    x = solvers.variable(prob, "x", lowBound=0)
    y = solvers.variable(prob, "y", lowBound=0)
    prob += x + y
    prob += x + 2 * y <= 4
    prob += 3 * x + y <= 6
    return prob


# -- choice ------------------------------------------------------------------------------


def test_default_is_cbc_then_highs(monkeypatch):
    assert solvers.choose() == "cbc" and solvers.label() == "CBC"
    monkeypatch.setattr(solvers, "available", lambda name: name == "highs")
    assert solvers.choose() == "highs" and solvers.label() == "HiGHS"


def test_the_users_choice_wins():
    assert solvers.choose("cbc") == "cbc"
    if solvers.available("highs"):
        assert solvers.choose("HiGHS") == "highs"
        assert isinstance(solvers.make("highs"), pulp.HiGHS)
    assert isinstance(solvers.make(), pulp.PULP_CBC_CMD)


@pytest.mark.parametrize("name", ["gurobi", "", "highs_cmd"])
def test_unknown_solver_is_a_clear_usage_error(name):
    with pytest.raises(UsageError, match="unknown solver") as err:
        solvers.choose(name)
    assert "--solver cbc or --solver highs" in str(err.value)


def test_a_missing_solver_is_named_with_the_fix(monkeypatch):
    monkeypatch.setattr(solvers, "available", lambda name: False)
    with pytest.raises(UsageError, match="HiGHS solver is not installed"):
        solvers.choose("highs")
    with pytest.raises(UsageError, match="no LP/MILP solver can run"):
        solvers.choose()


def test_portfolio_settings_apply_the_policy():
    from negotiator.portfolio import SolverSettings

    assert SolverSettings().check().solver == "cbc"
    assert SolverSettings("CBC").check().solver == "cbc"
    with pytest.raises(UsageError, match="unknown solver"):
        SolverSettings("glpk").check()


# -- silence and bounds --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["cbc", "highs"])
def test_solving_writes_nothing_to_stdout_or_stderr(name, capfd):
    if not solvers.available(name):
        pytest.skip(f"{name} not installed")
    capfd.readouterr()
    solved = solvers.solve(tiny_lp(), name)
    prob = tiny_lp()
    assert pulp.LpStatus[prob.solve(solvers.make(name))] == "Optimal"
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    assert solved.status == "optimal" and solved.objective == pytest.approx(2.8) and solved.bound == pytest.approx(2.8)
    assert solved.solver == name


def test_the_highs_banner_never_reaches_stdout_in_a_fresh_process():
    """HiGHS prints its banner once per process, so only a new process shows whether it is swallowed."""
    pytest.importorskip("highspy")
    code = "import sys; sys.path.insert(0, sys.argv[1]); from test_solvers import tiny_lp; import negotiator.solvers as s; print(s.solve(tiny_lp(), 'highs').status)"
    r = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent)], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "optimal\n" and "HiGHS" not in r.stderr


@pytest.mark.parametrize("name", ["cbc", "highs"])
def test_a_milp_reports_its_optimum_and_bound(name):
    if not solvers.available(name):
        pytest.skip(f"{name} not installed")
    prob = pulp.LpProblem("knap", pulp.LpMaximize)
    x = [solvers.variable(prob, f"x{i}", cat="Binary") for i in range(4)]
    prob += pulp.lpSum((i + 2) * v for i, v in enumerate(x))
    prob += pulp.lpSum((i + 1) * v for i, v in enumerate(x)) <= 5
    solved = solvers.solve(prob, name)
    assert solved.status == "optimal" and solved.objective == pytest.approx(7.0) and solved.bound == pytest.approx(7.0)


def test_infeasible_is_proven():
    prob = pulp.LpProblem("none", pulp.LpMaximize)
    x = solvers.variable(prob, "x", lowBound=0)
    prob += x
    prob += x <= -1
    for name in [n for n in solvers.SOLVERS if solvers.available(n)]:
        assert solvers.solve(prob, name).status == "infeasible"


def test_reoptimizer_changes_only_the_objective():
    pytest.importorskip("highspy")
    prob = pulp.LpProblem("pick", pulp.LpMaximize)
    x = [solvers.variable(prob, f"x{i}", cat="Binary") for i in range(3)]
    prob += pulp.lpSum(x)
    prob += pulp.lpSum(x) <= 1
    re = solvers.Reoptimizer(prob, x, x)
    for best in range(3):
        values, proven = re.solve([1.0 if i == best else 0.1 for i in range(3)])
        assert proven and [round(v) for v in values] == [int(i == best) for i in range(3)]


# -- `negotiator game --format json`, in a fresh process each time --------------------------------


def _game_runs(tmp_path_factory):
    zero_sum = tmp_path_factory.mktemp("games") / "zero_sum.yaml"
    zero_sum.write_text(ZERO_SUM_CASE, encoding="utf-8")
    runs = [(None, "repatriation_linkage")]
    for path in sorted(CASES.glob("*.yaml")) + [zero_sum]:
        games = load_case(path).case.games or {}
        runs += [(path, g) for g in games]
    return runs


def test_every_game_json_parses_including_zero_sum_ones(tmp_path_factory):
    """Each run is a new process with highspy importable, so a banner from any solver would show."""
    runs = _game_runs(tmp_path_factory)
    assert any(path is not None and path.name == "zero_sum.yaml" for path, _ in runs)
    zero_sum_seen = 0
    for path, game in runs:
        args = [sys.executable, "-m", "negotiator", "game"] + ([str(path)] if path else []) + ["--game", game, "--format", "json"]
        r = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", "NO_COLOR": "1"}, timeout=300)
        assert r.returncode == 0, (game, r.stderr)
        data = json.loads(r.stdout)
        assert data["game"] == game
        if data["zero_sum"] is not None:
            zero_sum_seen += 1
            assert "certified exactly" in data["zero_sum"]["solver"] or "exact simplex" in data["zero_sum"]["solver"]
    assert zero_sum_seen == 2


# -- issue 15: a number the solver cannot represent is refused, never "proven" anything ------


@pytest.mark.parametrize("where", ["objective", "row", "rhs", "bound"])
@pytest.mark.parametrize("big", [1e308, 1e30, 1e16, -1e16])  # PuLP itself refuses inf and NaN
def test_numbers_past_the_solver_range_are_refused_before_solving(where, big):
    prob = pulp.LpProblem("toy", pulp.LpMaximize)
    x = solvers.variable(prob, "x", lowBound=0, upBound=big if where == "bound" else 1, cat="Binary" if where != "bound" else "Continuous")
    y = solvers.variable(prob, "y", lowBound=0, upBound=1, cat="Binary")
    prob += (big if where == "objective" else 1) * x + y
    prob += ((big if where == "row" else 1) * x + y <= (big if where == "rhs" else 1), "cap")
    with pytest.raises(UsageError, match="a solver can work with exactly"):
        solvers.solve(prob)


def test_numbers_inside_the_range_still_solve():
    prob = pulp.LpProblem("toy", pulp.LpMaximize)
    x = solvers.variable(prob, "x", lowBound=0, upBound=1, cat="Binary")
    prob += solvers.MAX_COEFFICIENT * x
    prob += (solvers.MAX_COEFFICIENT * x <= solvers.MAX_COEFFICIENT, "cap")
    assert solvers.solve(prob).status == "optimal"


def test_the_solver_range_is_the_case_range():
    from negotiator.case.base import MAX_MAGNITUDE

    assert solvers.MAX_COEFFICIENT == MAX_MAGNITUDE
