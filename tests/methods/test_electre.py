"""ELECTRE I: concordance, discordance and outranking by hand; thresholds; the net outranking score."""

from __future__ import annotations

import numpy as np
import pytest

from negotiator.ranking.api import rank
from negotiator.case.catalog import load_case_text
from negotiator.methods.electre import outranking

# Three options, three objectives (the last less-is-better), weights 0.5 / 0.3 / 0.2.
X = np.array([[8.0, 4.0, 2.0], [6.0, 7.0, 3.0], [2.0, 5.0, 1.0]])
W = np.array([0.5, 0.3, 0.2])
MAX = np.array([True, True, False])


def test_concordance_and_discordance_by_hand():
    rel = outranking(X, W, MAX)
    # C(a, b): weight of objectives where a is at least as good as b (ELECTRE I, Roy 1968).
    assert rel["concordance"][0, 1] == pytest.approx(0.5 + 0.2)  # 8 >= 6, 4 < 7, cost 2 <= 3
    assert rel["concordance"][1, 0] == pytest.approx(0.3)
    assert rel["concordance"][0, 2] == pytest.approx(0.5)  # only the first objective
    assert rel["concordance"][2, 0] == pytest.approx(0.5)  # 5 >= 4 and cost 1 <= 2
    # D(a, b): largest shortfall of a against b as a share of that objective's range.
    assert rel["discordance"][0, 1] == pytest.approx(3 / 3)  # 4 vs 7 on a range 4..7
    assert rel["discordance"][1, 0] == pytest.approx(max(2 / 6, 1 / 2))
    assert rel["discordance"][0, 2] == pytest.approx(max(1 / 3, 1 / 2))
    assert rel["discordance"][2, 0] == pytest.approx(6 / 6)


def test_outranking_relation_and_thresholds():
    rel = outranking(X, W, MAX, concordance=0.5, discordance=0.5)
    # Option 0 outranks 2 (C 0.5, D 0.5). Option 1 has C(1, 2) = 0.8 but on cost it is
    # worse by the whole range (3 vs 1): D = 1 vetoes it. Nothing else reaches C 0.5 with D <= 0.5.
    assert rel["outranks"].tolist() == [[False, False, True], [False, False, False], [False, False, False]]
    loose = outranking(X, W, MAX, concordance=0.0, discordance=1.0)["outranks"]
    assert loose.sum() == 6  # every ordered pair outranks when nothing is demanded


def test_net_outranking_score_and_not_outranked():
    text = """negotiator: 1
objectives:
  g: {label: G}
  h: {label: H}
  c: {label: C, direction: min}
options:
  a: {label: A, scores: {g: 8, h: 4, c: 2}}
  b: {label: B, scores: {g: 6, h: 7, c: 3}}
  d: {label: D, scores: {g: 2, h: 5, c: 1}}
weights:
  w: {g: 5, h: 3, c: 2}
"""
    r = rank(load_case_text(text), method="electre", concordance=0.5, discordance=0.5)
    scores = {row.option: row.score for row in r.rows}
    assert scores == pytest.approx({"a": 0.5, "b": 0.0, "d": -0.5})
    assert set(r.details["not_outranked"]) == {"a", "b"}


def test_dominating_option_outranks_everything():
    x = np.array([[9.0, 9.0, 1.0], [5.0, 3.0, 4.0], [4.0, 6.0, 8.0]])
    rel = outranking(x, W, MAX)
    assert rel["outranks"][0, 1:].all() and not rel["outranks"][1:, 0].any()


def test_bad_thresholds(cli):
    r = cli("rank", "tests/cases/tiny.yaml", "--method", "electre", "--electre-c", "1.2")
    assert r.exit_code == 2 and "concordance threshold must lie in [0, 1]" in r.stderr
    ok = cli("rank", "tests/cases/tiny.yaml", "--method", "electre", "--electre-c", "0.5", "--electre-d", "0.5", "--format", "csv")
    assert ok.exit_code == 0 and "# method: electre concordance=0.5 discordance=0.5" in ok.stdout


def test_not_outranked_options_reach_the_json(cli):
    import json

    j = json.loads(cli("rank", "tests/cases/tiny.yaml", "--method", "electre", "--format", "json").stdout)
    assert j["findings"][0].startswith("ELECTRE I: outranked by no other option (c = 0.65, d = 0.35): ")


# Cebrián & Porcar (2009), "Localización empresarial en Aragón: una aplicación empírica de la
# ayuda a la decisión multicriterio tipo ELECTRE I y III", Revista de Métodos Cuantitativos para
# la Economía y la Empresa 7, 31-56: six locations, five criteria (the third less-is-better),
# weights 0.25/0.25/0.1/0.2/0.2, c = 0.65, d = 0.35. The data, the concordance and discordance
# tables and the kernel {a5} are as published in scikit-criteria's test suite
# (quatrope/scikit-criteria, tests/agg/test_electre.py, test_concordance_/test_discordance_/
# test_ELECTRE1_cebrian2009localizacion), which runs ELECTRE I after dividing each criterion by
# its total (SumScaler) and divides every shortfall by the largest criterion range.
CEBRIAN = np.array([[6, 5, 28, 5, 5], [4, 2, 25, 10, 9], [5, 7, 35, 9, 6], [6, 1, 27, 6, 7], [6, 8, 30, 7, 9], [5, 6, 26, 4, 8]], dtype=float)
CEBRIAN_W = np.array([0.25, 0.25, 0.1, 0.2, 0.2])
CEBRIAN_MAX = np.array([True, True, False, True, True])
CEBRIAN_CONCORDANCE = [
    [np.nan, 0.5000, 0.3500, 0.5000, 0.3500, 0.4500],
    [0.5000, np.nan, 0.5000, 0.7500, 0.5000, 0.5000],
    [0.6500, 0.5000, np.nan, 0.4500, 0.2000, 0.7000],
    [0.7500, 0.2500, 0.5500, np.nan, 0.3500, 0.4500],
    [0.9000, 0.7000, 0.8000, 0.9000, np.nan, 0.9000],
    [0.5500, 0.5000, 0.5500, 0.5500, 0.1000, np.nan],
]
CEBRIAN_DISCORDANCE = [
    [np.nan, 0.5052, 0.4042, 0.1883, 0.42857, 0.2825],
    [0.4286, np.nan, 0.7143, 0.2589, 0.8571, 0.5714],
    [0.1696, 0.2825, np.nan, 0.1938, 0.2825, 0.2180],
    [0.5714, 0.4042, 0.8571, np.nan, 1.0, 0.7143],
    [0.0485, 0.3031, 0.2021, 0.0727, np.nan, 0.0969],
    [0.1295, 0.6063, 0.5052, 0.2021, 0.3031, np.nan],
]


def _kernel(rel):
    return [f"a{i + 1}" for i in np.flatnonzero(~rel["outranks"].any(axis=0))]


def _off_diagonal(a):
    a = np.array(a, dtype=float)
    np.fill_diagonal(a, np.nan)
    return a


def test_cebrian_porcar_roy_shared_range_after_sum_normalisation():
    rel = outranking(CEBRIAN, CEBRIAN_W, CEBRIAN_MAX, 0.65, 0.35, discordance_range="shared", normalisation="sum")
    assert np.allclose(_off_diagonal(rel["concordance"]), CEBRIAN_CONCORDANCE, atol=1e-3, equal_nan=True)
    assert np.allclose(_off_diagonal(rel["discordance"]), CEBRIAN_DISCORDANCE, atol=1e-3, equal_nan=True)
    assert _kernel(rel) == ["a5"]


def test_cebrian_porcar_per_objective_range_gives_a_wider_kernel():
    # Issue 14: our default divides each shortfall by its own criterion's range (Roy's formula on
    # min-max normalised scores); on the same data the kernel is {a2, a5, a6}. The concordance is
    # the same; only the discordance differs. Scale-free: the sum normalisation changes nothing.
    rel = outranking(CEBRIAN, CEBRIAN_W, CEBRIAN_MAX, 0.65, 0.35)
    assert np.allclose(_off_diagonal(rel["concordance"]), CEBRIAN_CONCORDANCE, atol=1e-3, equal_nan=True)
    assert _kernel(rel) == ["a2", "a5", "a6"]
    assert np.array_equal(outranking(CEBRIAN, CEBRIAN_W, CEBRIAN_MAX, normalisation="sum")["outranks"], rel["outranks"])
    # Min-max normalisation makes every range 1, so Roy's shared range is then our default.
    roy_minmax = outranking(CEBRIAN, CEBRIAN_W, CEBRIAN_MAX, discordance_range="shared", normalisation="minmax")
    assert np.allclose(roy_minmax["discordance"], rel["discordance"], atol=1e-12)
    # Roy's shared range on the raw scores: the third criterion (25..35) has the widest range and
    # sets the divisor; here the kernel comes back to {a2, a5, a6}.
    assert _kernel(outranking(CEBRIAN, CEBRIAN_W, CEBRIAN_MAX, discordance_range="shared")) == ["a2", "a5", "a6"]


def test_shared_range_by_hand():
    # X above: ranges 6, 3 and 2, shared range 6. D(0, 1) = 3/6 (4 vs 7); D(1, 0) = max(2, 2, 1)/6.
    rel = outranking(X, W, MAX, discordance_range="shared")
    assert rel["discordance"][0, 1] == pytest.approx(3 / 6)
    assert rel["discordance"][1, 0] == pytest.approx(2 / 6)
    assert rel["discordance"][2, 0] == pytest.approx(6 / 6)


def test_cebrian_porcar_through_the_cli(cli, tmp_path):
    import json

    rows = "\n".join(f"  a{i + 1}: {{label: A{i + 1}, scores: {{" + ", ".join(f"g{j + 1}: {v:g}" for j, v in enumerate(r)) + "}}" for i, r in enumerate(CEBRIAN))
    text = "negotiator: 1\nobjectives:\n" + "".join(f"  g{j + 1}: {{label: G{j + 1}{', direction: min' if j == 2 else ''}}}\n" for j in range(5)) + "options:\n" + rows + "\nweights:\n  w: {g1: 0.25, g2: 0.25, g3: 0.1, g4: 0.2, g5: 0.2}\n"
    path = tmp_path / "cebrian.yaml"
    path.write_text(text)
    ours = json.loads(cli("rank", str(path), "-m", "electre", "--format", "json").stdout)
    assert ours["findings"][0].endswith(": a2, a5, a6")
    roy = cli("rank", str(path), "-m", "electre", "--electre-range", "shared", "--electre-normalisation", "sum", "--format", "json")
    assert roy.exit_code == 0, roy.stderr
    j = json.loads(roy.stdout)
    assert j["findings"][0].endswith(": a5") and j["method_options"] == {"discordance_range": "shared", "normalisation": "sum"}
    bad = cli("rank", str(path), "-m", "electre", "--electre-range", "global")
    assert bad.exit_code == 2 and "unknown ELECTRE discordance range 'global'" in bad.stderr
    wrong = cli("rank", str(path), "-m", "topsis", "--electre-range", "shared")
    assert wrong.exit_code == 2 and "--electre-range applies to --method electre only" in wrong.stderr
