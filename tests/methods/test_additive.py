"""The additive model: the value scale by default; the peers' x/max and sum normalisations as options,
checked against pymcdm's weighted sum model (WSM) and by hand."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pytest

from negotiator.case.catalog import load_case_text
from negotiator.errors import UsageError
from negotiator.methods.additive import additive_scores, peer_values
from negotiator.ranking.api import rank

CASE = """negotiator: 1
objectives:
  gain: {label: Gain, scale: [0, 10]}
  cost: {label: Cost, direction: min, scale: [0, 10]}
options:
  a: {label: A, scores: {gain: 8, cost: 4}}
  b: {label: B, scores: {gain: 4, cost: 2}}
  c: {label: C, scores: {gain: 2, cost: 1}}
weights:
  w: {gain: 1, cost: 1}
"""


def _peer(x, w, maximise, how):
    from pymcdm import normalizations
    from pymcdm.methods import WSM

    f = {"max": normalizations.max_normalization, "sum": normalizations.sum_normalization}[how]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # pymcdm's note that an option is dominated
        return WSM(f)(x, w, np.where(maximise, 1, -1))


def test_pymcdm_wsm_documented_example():
    # pymcdm 1.4, pymcdm.methods.WSM docstring: sum normalisation (its default), weights
    # 8/13, 5/13, 6/13, 7/13 as given (not summing to 1), types [1, 1, -1, -1]:
    # preferences [0.609, 0.313, 0.334, 0.265, 0.479] to 3 decimals.
    x = np.array([[96, 83, 75, 7], [63, 5, 56, 9], [72, 30, 32, 48], [11, 4, 27, 9], [77, 21, 17, 11]], dtype=float)
    w = np.array([8, 5, 6, 7]) / 13
    maximise = np.array([True, True, False, False])
    scores, _ = additive_scores(peer_values(x, maximise, "sum"), w)
    assert scores == pytest.approx([0.609, 0.313, 0.334, 0.265, 0.479], abs=5e-4)


@pytest.mark.parametrize("how", ["max", "sum"])
def test_matches_pymcdm_wsm_on_random_matrices(how):
    pytest.importorskip("pymcdm")
    rng = np.random.default_rng(21)
    for n, m in [(3, 2), (8, 5), (25, 9), (60, 12)]:
        x = rng.uniform(0.5, 100, size=(n, m))
        w = rng.dirichlet(np.ones(m))
        mx = rng.random(m) < 0.6
        ours, _ = additive_scores(peer_values(x, mx, how), w)
        assert ours == pytest.approx(_peer(x, w, mx, how), abs=1e-9)


def test_normalisations_by_hand_through_a_case():
    case = load_case_text(CASE)
    # Default: values over the declared scale 0..10; (0.8 + 0.6) / 2 = 0.7 for a.
    value = {r.option: r.score for r in rank(case, method="additive").rows}
    assert value == pytest.approx({"a": 0.7, "b": 0.6, "c": 0.55})
    # max: gain x/8, cost 1 - x/4: a (1 + 0)/2, b (0.5 + 0.5)/2, c (0.25 + 0.75)/2: all tie at 0.5.
    by_max = rank(case, method="additive", normalisation="max")
    assert {r.option: r.score for r in by_max.rows} == pytest.approx({"a": 0.5, "b": 0.5, "c": 0.5})
    assert by_max.score_name == "weighted sum (max normalisation)"
    # sum: gain x/14; cost (1/x)/(1/4 + 1/2 + 1) = (1/x)/1.75.
    by_sum = {r.option: r.score for r in rank(case, method="additive", normalisation="sum").rows}
    assert by_sum == pytest.approx({"a": (8 / 14 + 0.25 / 1.75) / 2, "b": (4 / 14 + 0.5 / 1.75) / 2, "c": (2 / 14 + 1 / 1.75) / 2})
    # Contributions add up to the score, as under the value scale.
    row = rank(case, method="additive", normalisation="sum").rows[0]
    assert sum(row.contributions.values()) == pytest.approx(row.score)


def test_ratio_normalisations_refuse_what_they_cannot_divide():
    maximise = np.array([True, False])
    with pytest.raises(UsageError, match="needs scores >= 0"):
        peer_values(np.array([[-1.0, 2.0], [3.0, 4.0]]), maximise, "max")
    with pytest.raises(UsageError, match="must be > 0"):
        peer_values(np.array([[1.0, 0.0], [3.0, 4.0]]), maximise, "sum")
    # A column of zeros cannot discriminate: it gives 0 to everyone, not NaN.
    out = peer_values(np.array([[0.0, 0.0], [0.0, 0.0]]), np.array([True, False]), "max")
    assert np.array_equal(out, np.zeros((2, 2)))


def test_additive_normalisation_from_the_cli(cli):
    ok = cli("rank", "tests/cases/tiny.yaml", "--method", "additive", "--additive-normalisation", "max", "--format", "json")
    assert ok.exit_code == 0, ok.stderr
    assert json.loads(ok.stdout)["method_options"] == {"normalisation": "max"}
    bad = cli("rank", "tests/cases/tiny.yaml", "--additive-normalisation", "zscore")
    assert bad.exit_code == 2 and "unknown additive normalisation 'zscore'" in bad.stderr
    wrong = cli("rank", "tests/cases/tiny.yaml", "--method", "topsis", "--additive-normalisation", "max")
    assert wrong.exit_code == 2 and "--additive-normalisation applies to --method additive only" in wrong.stderr
