"""Several analysts: pooled scores (median/mean), pooled AHP judgments (geometric mean), disagreements."""

from __future__ import annotations

import json

import numpy as np
import pytest

from negotiator.ranking.api import rank
from negotiator.case.catalog import load_case_text
from negotiator.errors import UsageError
from negotiator.ranking.analysts import pool_analysts
from negotiator.model.elicitation import ahp_weights
from negotiator.model.weights import normalise

CASE = """negotiator: 1
title: Group
objectives:
  gain: {label: Gain, scale: [0, 10]}
  cost: {label: Cost, direction: min, scale: [0, 10]}
  risk: {label: Risk, direction: min, levels: {low: 0, medium: 5, high: 10}}
options:
  a: {label: A, scores: {gain: 8, cost: 6, risk: high}}
  b: {label: B, scores: {gain: 5, cost: [2, 3, 4], risk: medium}}
  c: {label: C, scores: {gain: 3, cost: 1, risk: [low, low, medium]}}
weights:
  main: {gain: 2, cost: 1, risk: 1}
analysts:
  alice:
    label: Alice
    scores: {a: {gain: 9}, b: {risk: low, cost: [1, 2, 6]}}
    weights: {ahp: {gain: {cost: 3, risk: 5}, cost: {risk: 2}}}
  bob:
    scores: {a: {gain: 5}}
    weights: {ahp: {gain: {cost: 1/2}, risk: {cost: 3}}}
  carol:
    weights: {ahp: {gain: {cost: 2, risk: 2}}}
"""


def _loaded(text=CASE):
    return load_case_text(text, name="group.yaml")


def test_median_and_mean_of_scores():
    med = pool_analysts(_loaded(), "median").loaded.case
    mean = pool_analysts(_loaded(), "mean").loaded.case
    # gain of a: alice 9, bob 5, carol keeps the case's 8.
    assert med.options["a"].scores["gain"] == 8.0
    assert mean.options["a"].scores["gain"] == pytest.approx((9 + 5 + 8) / 3)
    # cost of b, a range: pooled end by end (alice [1, 2, 6]; bob and carol [2, 3, 4]).
    assert med.options["b"].scores["cost"] == (2.0, 3.0, 4.0)
    assert mean.options["b"].scores["cost"] == pytest.approx((5 / 3, 8 / 3, 14 / 3))
    # Level words pool as their numbers (alice: low = 0; the others: medium = 5).
    assert med.options["b"].scores["risk"] == 5.0


def test_all_ahp_weights_pool_by_geometric_mean_of_judgments():
    view = pool_analysts(_loaded())
    gm = lambda *v: float(np.prod(v) ** (1 / len(v)))  # noqa: E731
    # gain/cost: 3, 1/2, 2; gain/risk: 5, and carol 2 (bob did not judge it); cost/risk: 2, 1/3.
    judged = [("gain", "cost", gm(3, 0.5, 2)), ("gain", "risk", gm(5, 2)), ("cost", "risk", gm(2, 1 / 3))]
    expected = normalise(ahp_weights(["gain", "cost", "risk"], judged).weights, ["gain", "cost", "risk"])
    assert {w.objective: w.pooled for w in view.weights} == pytest.approx(expected, abs=1e-12)
    assert "geometric mean" in view.weights_rule
    assert view.loaded.case.default_profile == view.profile == "analysts_pooled"


def test_mixed_weight_forms_pool_by_median_of_weights():
    text = CASE.replace("weights: {ahp: {gain: {cost: 2, risk: 2}}}", "weights: {gain: 1, cost: 1, risk: 2}")
    view = pool_analysts(_loaded(text), "median")
    per = {w.objective: w.by_analyst for w in view.weights}
    raw = {o: float(np.median(list(per[o].values()))) for o in per}
    total = sum(raw.values())
    assert {w.objective: w.pooled for w in view.weights} == pytest.approx({o: v / total for o, v in raw.items()})
    assert view.weights_rule.startswith("median of the analysts' normalised weights")


def test_analyst_without_weights_uses_the_profile():
    text = CASE.replace("  carol:\n    weights: {ahp: {gain: {cost: 2, risk: 2}}}\n", "  carol: {label: Carol}\n")
    view = pool_analysts(_loaded(text))
    carol = {w.objective: w.by_analyst["carol"] for w in view.weights}
    assert carol == pytest.approx({"gain": 0.5, "cost": 0.25, "risk": 0.25})
    assert "use profile 'main'" in view.weights_rule


def test_disagreements_ordered_by_share_of_scale():
    view = pool_analysts(_loaded())
    top = view.scores[0]
    assert (top.option, top.objective) == ("b", "risk")  # 0 vs 5 on a 0..10 scale: 50 %
    assert top.by_analyst == {"alice": 0.0, "bob": 5.0, "carol": 5.0} and top.share_of_scale == pytest.approx(0.5)
    assert [d.share_of_scale for d in view.scores] == sorted((d.share_of_scale for d in view.scores), reverse=True)
    assert all(d.spread > 0 for d in view.scores)


def test_pooled_case_ranks_with_every_method_and_names_itself():
    view = pool_analysts(_loaded())
    for method in ("additive", "topsis", "promethee", "vikor", "electre"):
        r = rank(view.loaded, profile=view.profile, method=method)
        assert len(r.rows) == 3
    assert "analysts pooled: median" in r.provenance.case
    assert r.provenance.case_sha256 != _loaded().sha256


def test_no_analysts_and_bad_pool():
    with pytest.raises(UsageError, match="no analysts section"):
        pool_analysts(load_case_text(CASE.split("analysts:")[0]))
    with pytest.raises(UsageError, match="median or mean"):
        pool_analysts(_loaded(), "mode")


def test_cli(cli, tmp_path):
    p = tmp_path / "group.yaml"
    p.write_text(CASE, encoding="utf-8")
    r = cli("analysts", p)
    assert r.exit_code == 0, r.stderr
    assert "disagree most" in r.stdout and "alice" in r.stdout and "Ranking" in r.stdout
    assert "filled in" in r.stderr  # bob and carol left comparisons out
    j = json.loads(cli("analysts", p, "--pool", "mean", "--method", "topsis", "--format", "json").stdout)
    assert j["group"]["pool"] == "mean" and j["ranking"]["method"] == "topsis"
    assert j["ranking"]["profile"] == "analysts_pooled"
    bad = cli("analysts")
    assert bad.exit_code == 2 and "no analysts section" in bad.stderr


@pytest.mark.parametrize(
    "old, new, words",
    [
        ("scores: {a: {gain: 5}}", "scores: {zz: {gain: 5}}", "analyst 'bob' scores unknown option 'zz'"),
        ("scores: {a: {gain: 5}}", "scores: {a: {speed: 5}}", "analyst 'bob' scores unknown objective 'speed'"),
        ("scores: {a: {gain: 5}}", "scores: {a: {gain: 50}}", "analyst 'bob': score of option 'a' is outside the declared scale [0, 10] of 'gain'"),
        ("risk: low, cost", "risk: lowish, cost", "'lowish' is not one of its levels"),
        ("{gain: {cost: 1/2}, risk: {cost: 3}}", "{gain: {cost: 1/2}, cost: {gain: 3}}", "not reciprocal"),
    ],
)
def test_bad_analysts_exit_2(cli, tmp_path, old, new, words):
    p = tmp_path / "bad.yaml"
    assert old in CASE
    p.write_text(CASE.replace(old, new), encoding="utf-8")
    r = cli("analysts", p)
    assert r.exit_code == 2, r.stdout + r.stderr
    assert words in r.stderr and str(p) in r.stderr and "Traceback" not in r.stderr
