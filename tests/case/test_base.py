"""negotiator/case/base.py: the range of numbers a case may hold (issue 15).

Every number in a case lies within ±1e15 and a non-zero one is at least 1e-15 in size
(MAX_MAGNITUDE, MIN_MAGNITUDE): past that, differences and sums stop being exact enough,
1e308 overflows, and the solver's infinity (1e30) or a false "proven infeasible" waits.
Numbers outside are refused by `validate` with the file and line; true/false is never a number.
"""

from __future__ import annotations

import json
import warnings

import pytest

from negotiator.case.base import MAX_MAGNITUDE, MIN_MAGNITUDE, case_number, shown_number

CASE = """negotiator: 1
objectives:
  gain: {label: Gain}
  cost: {label: Cost, direction: min, scale: [0, 10], levels: {low: 1, high: 9}}
options:
  a: {label: A, resources: {staff: 4}, scores: {gain: 8, cost: 9}}
  b: {label: B, resources: {staff: 2}, scores: {gain: [1, 5, 6], cost: high}}
weights:
  main: {gain: 2, cost: 1}
constraints:
  budgets: {staff: 5}
  limits: {gain: {min: -500}}
  count: [1, 2]
  synergies: [{options: [a, b], bonus: 0.5}]
scenarios:
  s1: {label: S1, probability: 0.5}
  s2: {label: S2, probability: 0.5}
games:
  g:
    label: G
    players:
      r: {label: R, strategies: {u: {label: U}, d: {label: D}}}
      c: {label: C, strategies: {l: {label: L}, r: {label: R}}}
    payoffs:
      u: {l: [3, 2], r: [1, 0]}
      d: {l: [0, 1], r: [2, 3]}
"""

#: name: (text to replace, its replacement with {x} for the number, line of the problem)
PLACES = {
    "score": ("scores: {gain: 8,", "scores: {gain: {x},", 6),
    "range_score": ("gain: [1, 5, 6]", "gain: [1, 5, {x}]", 7),
    "scale": ("scale: [0, 10]", "scale: [0, {x}]", 4),
    "level": ("levels: {low: 1,", "levels: {low: {x},", 4),
    "weight": ("main: {gain: 2,", "main: {gain: {x},", 9),
    "resource": ("resources: {staff: 4}", "resources: {staff: {x}}", 6),
    "budget": ("budgets: {staff: 5}", "budgets: {staff: {x}}", 11),
    "limit": ("limits: {gain: {min: -500}}", "limits: {gain: {min: {x}}}", 12),
    "count": ("count: [1, 2]", "count: [1, {x}]", 13),
    "bonus": ("bonus: 0.5", "bonus: {x}", 14),
    "probability": ("s1: {label: S1, probability: 0.5}", "s1: {label: S1, probability: {x}}", 16),
    "payoff": ("u: {l: [3, 2],", "u: {l: [{x}, 2],", 25),
}

TOO_BIG = ["1e308", "-1e308", "1e30", "1.0000001e15", "9" * 401, "-" + "9" * 401, "'1e300'"]
TOO_SMALL = ["5e-324", "-1e-300", "1e-16"]


def _case(tmp_path, place: str, number: str):
    old, new, line = PLACES[place]
    assert old in CASE
    path = tmp_path / "case.yaml"
    path.write_text(CASE.replace(old, new.replace("{x}", number)), encoding="utf-8")
    return path, line


def test_the_base_case_is_valid(tmp_path, cli):
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    assert cli("validate", path).exit_code == 0


@pytest.mark.parametrize("number", TOO_BIG + TOO_SMALL)
@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_number_out_of_range_is_refused_with_its_line(place, number, tmp_path, cli):
    path, line = _case(tmp_path, place, number)
    result = cli("validate", path)
    assert result.exit_code == 2, result.stdout
    assert "Traceback" not in result.stderr
    assert f"{path}:{line}" in result.stderr, result.stderr
    assert "9" * 100 not in result.stderr  # a 401-digit number is not echoed in full


@pytest.mark.parametrize("place", sorted(PLACES))
def test_every_command_stops_at_the_same_check(place, tmp_path, cli):
    path, _ = _case(tmp_path, place, "1e308")
    for command in (("rank", "--format", "json"), ("portfolio", "--format", "json"), ("game", "--format", "json")):
        result = cli(*command, path)
        assert result.exit_code == 2 and result.stdout == "", (command, result.stdout)
        assert "proven" not in result.stderr


@pytest.mark.parametrize("place", ["score", "weight", "resource", "budget", "bonus", "payoff", "scale"])
def test_the_message_says_the_range_and_how_to_fix_it(place, tmp_path, cli):
    path, _ = _case(tmp_path, place, "1e308")
    err = cli("validate", path).stderr
    assert "1e+308 is out of range: a case holds numbers from -1e15 to 1e15" in err
    assert "fix: rescale the figures" in err


def test_a_tiny_number_is_told_to_be_written_as_zero(tmp_path, cli):
    path, _ = _case(tmp_path, "score", "5e-324")
    err = cli("validate", path).stderr
    assert "too small to tell apart from 0" in err and "write 0" in err


@pytest.mark.parametrize("number", [str(int(MAX_MAGNITUDE)), "1e15", "-1e15", "1e-15", "-1e-15", "0", "0.0"])
@pytest.mark.parametrize("place", ["score", "weight", "resource", "budget", "bonus", "payoff", "limit"])
def test_the_ends_of_the_range_are_accepted(place, number, tmp_path, cli):
    if place in ("weight", "resource", "budget") and number.startswith("-"):
        pytest.skip("negative: refused for its own reason")
    if place == "weight" and number in ("0", "0.0"):
        pytest.skip("all-zero weights: refused for their own reason")
    path, _ = _case(tmp_path, place, number)
    result = cli("validate", path)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("place", ["score", "weight", "resource", "budget", "bonus", "payoff", "count", "probability", "level", "limit"])
def test_true_and_false_are_not_numbers(place, tmp_path, cli):
    path, line = _case(tmp_path, place, "true")
    result = cli("validate", path)
    assert result.exit_code == 2 and f"{path}:{line}" in result.stderr, result.stderr


def _strict_json(text: str):
    def refuse(name):
        raise ValueError(f"{name} in JSON output")

    return json.loads(text, parse_constant=refuse)


def test_scores_spanning_the_whole_range_rank_in_the_right_order_without_warnings(tmp_path, cli):
    # Issue 15: scores of ±1e308 with no scale wrote NaN and ranked the worse option first.
    path = tmp_path / "span.yaml"
    path.write_text(
        "negotiator: 1\nobjectives:\n  gain: {label: Gain}\n  cost: {label: Cost, direction: min}\n"
        "options:\n  a: {label: A, scores: {gain: 1e15, cost: 1}}\n  b: {label: B, scores: {gain: -1e15, cost: 3}}\n"
        "  c: {label: C, scores: {gain: 0, cost: 2}}\nweights:\n  main: {gain: 1e15, cost: 1e15}\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # numpy's RuntimeWarnings would raise here
        ranked = cli("rank", path, "--format", "json")
        smaa = cli("sensitivity", "smaa", path, "-n", "200", "--format", "json")
    assert ranked.exit_code == 0 and smaa.exit_code == 0, ranked.stderr + smaa.stderr
    assert ranked.stderr == ""
    order = [row["option"] for row in _strict_json(ranked.stdout)["ranking"]]
    assert order == ["a", "c", "b"]
    assert _strict_json(ranked.stdout)["weights"] == {"gain": 0.5, "cost": 0.5}
    assert "NaN" not in smaa.stdout and "Infinity" not in smaa.stdout
    _strict_json(smaa.stdout)


def test_case_number_checks_integers_before_float():
    with pytest.raises(ValueError, match="about 401 digits"):
        case_number(10**400)
    assert case_number(int(MAX_MAGNITUDE)) == int(MAX_MAGNITUDE)
    assert case_number(MIN_MAGNITUDE) == MIN_MAGNITUDE
    assert case_number("not a number") == "not a number"  # the field's own type refuses it
    with pytest.raises(ValueError, match="true/false"):
        case_number(True)
    with pytest.raises(ValueError, match="finite"):
        case_number(float("nan"))


def test_shown_number_keeps_messages_short():
    assert shown_number(-(10**400)) == "an integer of about 401 digits"
    assert shown_number(1e308) == "1e+308"
    assert len(shown_number("x" * 10_000)) == 61
