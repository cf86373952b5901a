"""TOPSIS: Hwang & Yoon's published example, pymcdm cross-check, objectives that cannot discriminate."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from negotiator.ranking.api import rank
from negotiator.case.catalog import load_case_text
from negotiator.methods.topsis import topsis_scores

# Hwang & Yoon (1981), Multiple Attribute Decision Making, Springer, pp. 130-134:
# choosing a fighter aircraft. Attributes: maximum speed (Mach), ferry range (NM),
# maximum payload (lb), acquisition cost ($10^6, a cost), reliability and
# manoeuvrability (both on a 1-9 interval scale). Published relative closeness
# C*: A1 0.643, A2 0.268, A3 0.613, A4 0.312.
AIRCRAFT = np.array(
    [
        [2.0, 1500, 20000, 5.5, 5, 9],
        [2.5, 2700, 18000, 6.5, 3, 5],
        [1.8, 2000, 21000, 4.5, 7, 7],
        [2.2, 1800, 20000, 5.0, 5, 5],
    ]
)
AIRCRAFT_W = np.array([0.2, 0.1, 0.1, 0.1, 0.2, 0.3])
AIRCRAFT_MAX = np.array([True, True, True, False, True, True])


def test_hwang_yoon_fighter_aircraft():
    c = topsis_scores(AIRCRAFT, AIRCRAFT_W, AIRCRAFT_MAX)["closeness"]
    # The book rounds every intermediate to 4 decimals (A3 comes out 0.61354 unrounded),
    # so agreement is to the book's last printed digit.
    assert c == pytest.approx([0.643, 0.268, 0.613, 0.312], abs=1e-3)
    assert np.argsort(-c).tolist() == [0, 2, 3, 1]


def test_hwang_yoon_through_a_case_file():
    cols = ["speed", "range", "payload", "cost", "reliability", "manoeuvre"]
    objectives = "\n".join(f"  {c}: {{label: {c}, direction: {'min' if c == 'cost' else 'max'}}}" for c in cols)
    options = "\n".join(f"  a{i + 1}: {{label: A{i + 1}, scores: {{" + ", ".join(f"{c}: {v:g}" for c, v in zip(cols, row)) + "}}" for i, row in enumerate(AIRCRAFT))
    weights = ", ".join(f"{c}: {w}" for c, w in zip(cols, AIRCRAFT_W))
    case = load_case_text(f"negotiator: 1\nobjectives:\n{objectives}\noptions:\n{options}\nweights:\n  book: {{{weights}}}\n")
    r = rank(case, method="topsis")
    assert [row.option for row in r.rows] == ["a1", "a3", "a4", "a2"]
    assert [row.score for row in r.rows] == pytest.approx([0.643, 0.613, 0.312, 0.268], abs=1e-3)
    assert r.provenance.method == "topsis"


def _peer(x, w, maximise, norm):
    from pymcdm import normalizations
    from pymcdm.methods import TOPSIS

    f = {
        "vector": normalizations.vector_normalization,
        "minmax": normalizations.minmax_normalization,
        "max": normalizations.max_normalization,  # cost: 1 - x/max, an affine flip of ours
        "sum": normalizations.sum_normalization,  # cost: (1/x)/sum(1/x); only more-is-better columns compare
        # pymcdm has no "none"; its TOPSIS takes the ideal as the column maximum, so negating a
        # cost column is the raw table in our direction-kept convention.
        "none": lambda col, cost=False: -col if cost else col,
    }[norm]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # pymcdm's note that an option is dominated
        return TOPSIS(f)(x, w, np.where(maximise, 1, -1))


@pytest.mark.parametrize("norm", ["vector", "minmax", "max", "none"])
def test_matches_pymcdm_on_random_matrices(norm):
    pytest.importorskip("pymcdm")
    rng = np.random.default_rng(11)
    for n, m in [(3, 2), (8, 5), (25, 9), (60, 12)]:
        x = rng.uniform(0.5, 100, size=(n, m))
        w = rng.dirichlet(np.ones(m))
        mx = rng.random(m) < 0.6
        ours = topsis_scores(x, w, mx, norm)["closeness"]
        # pymcdm flips cost columns inside the normalisation (1 - r); with the
        # ideal taken per direction the distances are the same, so the scores agree.
        assert ours == pytest.approx(_peer(x, w, mx, norm), abs=1e-9)


def test_sum_normalisation_matches_pymcdm_when_every_objective_is_more_is_better():
    # pymcdm's sum normalisation turns a cost column into (1/x)/sum(1/x), a non-linear change of
    # scale; ours keeps x/sum(x) and takes the ideal per direction, as for every normalisation here.
    # The two agree (to 1e-9) exactly where the conventions match: no less-is-better objective.
    pytest.importorskip("pymcdm")
    rng = np.random.default_rng(12)
    for n, m in [(3, 2), (8, 5), (25, 9)]:
        x = rng.uniform(0.5, 100, size=(n, m))
        w = rng.dirichlet(np.ones(m))
        mx = np.ones(m, dtype=bool)
        assert topsis_scores(x, w, mx, "sum")["closeness"] == pytest.approx(_peer(x, w, mx, "sum"), abs=1e-9)


def test_sum_max_and_none_by_hand():
    # Two options, two more-is-better objectives, equal weights: x = [[1, 4], [3, 4]].
    # With one column flat, only the first discriminates: option 1 is the ideal, 0 the anti-ideal.
    x = np.array([[1.0, 4.0], [3.0, 4.0]])
    w = np.array([0.5, 0.5])
    mx = np.array([True, True])
    for how in ("sum", "max", "none"):
        assert topsis_scores(x, w, mx, how)["closeness"] == pytest.approx([0.0, 1.0])
    # Three options on one objective 1, 2, 4: closeness (x - min)/(max - min) under any linear
    # normalisation, since TOPSIS with one objective is the min-max position.
    one = np.array([[1.0], [2.0], [4.0]])
    for how in ("vector", "minmax", "sum", "max", "none"):
        assert topsis_scores(one, np.array([1.0]), np.array([True]), how)["closeness"] == pytest.approx([0.0, 1 / 3, 1.0])
    # "none" is not scale-free: an objective in thousands outweighs one in units.
    big = np.array([[1000.0, 9.0], [2000.0, 1.0]])
    assert topsis_scores(big, w, mx, "none")["closeness"][1] > 0.99
    assert topsis_scores(big, w, mx, "max")["closeness"][1] < 0.6


def test_sum_and_max_refuse_negative_scores():
    from negotiator.errors import UsageError

    x = np.array([[-1.0, 2.0], [3.0, 4.0]])
    for how in ("sum", "max"):
        with pytest.raises(UsageError, match="needs scores >= 0"):
            topsis_scores(x, np.array([0.5, 0.5]), np.array([True, True]), how)
    topsis_scores(x, np.array([0.5, 0.5]), np.array([True, True]), "none")  # no ratio needed


def test_objective_that_cannot_discriminate_gives_no_nan():
    pytest.importorskip("pymcdm")
    x = np.array([[1.0, 5.0, 0.0], [2.0, 5.0, 0.0], [4.0, 5.0, 0.0]])
    w = np.array([0.5, 0.3, 0.2])
    mx = np.array([True, True, False])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        peer = _peer(x, w, mx, "vector")
    assert np.isnan(peer).any()  # pymcdm: an all-zero column divides 0 by 0
    ours = topsis_scores(x, w, mx, "vector")["closeness"]
    assert np.isfinite(ours).all()
    # The flat columns add the same distance to every option: ranking by the first objective alone.
    assert np.argsort(-ours).tolist() == [2, 1, 0]


def test_nothing_discriminates_every_option_scores_half():
    x = np.full((4, 3), 7.0)
    c = topsis_scores(x, np.ones(3) / 3, np.array([True, False, True]))["closeness"]
    assert c.tolist() == [0.5] * 4


FLAT = """negotiator: 1
objectives:
  a: {label: A, scale: [0, 10]}
  same: {label: Same, scale: [0, 10]}
options:
  x: {label: X, scores: {a: 1, same: 5}}
  y: {label: Y, scores: {a: 3, same: 5}}
"""


@pytest.mark.parametrize("method", ["topsis", "promethee", "vikor", "electre"])
def test_flat_objective_warns_and_ranks(method):
    r = rank(load_case_text(FLAT), method=method)
    assert [row.option for row in r.rows] == ["y", "x"]
    assert any("'same' cannot discriminate" in w for w in r.warnings)
    assert all(np.isfinite(row.score) for row in r.rows)


def test_normalisation_option_from_the_cli(cli):
    a = cli("rank", "tests/cases/tiny.yaml", "--method", "topsis", "--format", "json")
    b = cli("rank", "tests/cases/tiny.yaml", "--method", "topsis", "--topsis-normalisation", "minmax", "--format", "json")
    assert a.exit_code == 0 and b.exit_code == 0, a.stderr + b.stderr
    import json

    ja, jb = json.loads(a.stdout), json.loads(b.stdout)
    assert ja["method_options"] == {} and jb["method_options"] == {"normalisation": "minmax"}
    assert [r["score"] for r in ja["ranking"]] != [r["score"] for r in jb["ranking"]]
    bad = cli("rank", "tests/cases/tiny.yaml", "--method", "topsis", "--topsis-normalisation", "zscore")
    assert bad.exit_code == 2 and "unknown TOPSIS normalisation 'zscore'" in bad.stderr and "vector, minmax, sum, max, none" in bad.stderr
    for how in ("sum", "max", "none"):
        ok = cli("rank", "tests/cases/tiny.yaml", "--method", "topsis", "--topsis-normalisation", how, "--format", "json")
        assert ok.exit_code == 0 and json.loads(ok.stdout)["method_options"] == {"normalisation": how}, ok.stderr
    wrong = cli("rank", "tests/cases/tiny.yaml", "--method", "additive", "--topsis-normalisation", "minmax")
    assert wrong.exit_code == 2 and "applies to --method topsis only" in wrong.stderr
