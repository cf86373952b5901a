"""Weighting schemes: orders of importance, swing, AHP (eigenvector, CI, CR, gaps, pooling), hierarchy."""

from __future__ import annotations

import json

import numpy as np
import pytest

from negotiator.case.catalog import load_case_text
from negotiator.model.elicitation import (
    SAATY_RI,
    ahp_matrix,
    ahp_weights,
    geometric_mean_judgments,
    random_index,
    rank_order_centroid,
    rank_reciprocal,
    rank_sum,
)
from negotiator.model.weights import profile_weights, profile_weights_with_notes

# Saaty (1977), "A scaling method for priorities in hierarchical structures",
# J. Math. Psychology 15, 234-281: the light-intensity experiment, four chairs
# judged for brightness. Published: eigenvector (0.61, 0.24, 0.10, 0.05), lambda_max 4.39.
SAATY_LIGHT = [("c1", "c2", 5), ("c1", "c3", 6), ("c1", "c4", 7), ("c2", "c3", 4), ("c2", "c4", 6), ("c3", "c4", 4)]


def test_saaty_light_example_eigenvector_and_lambda():
    r = ahp_weights(["c1", "c2", "c3", "c4"], SAATY_LIGHT)
    assert list(r.weights.values()) == pytest.approx([0.61, 0.24, 0.10, 0.05], abs=0.01)
    assert r.lambda_max == pytest.approx(4.39, abs=0.005)
    assert r.ci == pytest.approx((r.lambda_max - 4) / 3)
    # CR = CI / RI(4) with Saaty's RI(4) = 0.90: above 0.1, so the analyst is warned.
    assert r.cr == pytest.approx(r.ci / 0.90)
    assert r.cr > 0.1 and not r.consistent
    assert "consistency ratio" in r.notes[0]
    # The judgment most at odds with the weights is named first (c1 over c4 judged 7, implied ~13.7).
    assert r.worst[0][:3] == ("c1", "c4", 7)
    assert r.worst[0][3] == pytest.approx(r.weights["c1"] / r.weights["c4"])


def test_eigenvector_matches_power_iteration():
    a = ahp_matrix(["c1", "c2", "c3", "c4"], SAATY_LIGHT)
    v = np.ones(4)
    for _ in range(200):
        v = a @ v
        v /= v.sum()
    r = ahp_weights(["c1", "c2", "c3", "c4"], SAATY_LIGHT)
    assert list(r.weights.values()) == pytest.approx(v, abs=1e-12)


def test_consistent_matrix_has_zero_ci_and_exact_weights():
    w = {"a": 0.5, "b": 0.3, "c": 0.2}
    judged = [(x, y, w[x] / w[y]) for x, y in (("a", "b"), ("a", "c"), ("b", "c"))]
    r = ahp_weights(list(w), judged)
    assert r.weights == pytest.approx(w, abs=1e-12)
    assert r.ci == pytest.approx(0, abs=1e-12) and r.cr == pytest.approx(0, abs=1e-12)
    assert r.notes == ()


def test_saaty_random_index_table_and_alonso_lamata_extension():
    # Saaty (1980), The Analytic Hierarchy Process, table of random indices.
    assert [SAATY_RI[n] for n in range(3, 11)] == [0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]
    assert random_index(15) == 1.59
    # Alonso & Lamata (2006), Int. J. Uncertainty, Fuzziness & KBS 14(4), 445-459:
    # mean random lambda_max = 2.7699 n - 4.3513; their simulated RI(16) is 1.5978.
    assert random_index(16) == pytest.approx((1.7699 * 16 - 4.3513) / 15)
    assert random_index(16) == pytest.approx(1.5978, abs=5e-4)
    assert random_index(30) > random_index(16)


def test_missing_comparisons_filled_by_harker():
    # Harker (1987): with a consistent set of judgments, dropping some of them
    # must give back exactly the same weights.
    w = {"a": 0.4, "b": 0.3, "c": 0.2, "d": 0.1}
    full = [(x, y, w[x] / w[y]) for i, x in enumerate(w) for y in list(w)[i + 1 :]]
    partial = [j for j in full if (j[0], j[1]) not in (("a", "d"), ("b", "c"))]
    r = ahp_weights(list(w), partial)
    assert r.weights == pytest.approx(w, abs=1e-12)
    assert {(x, y) for x, y, _ in r.filled} == {("a", "d"), ("b", "c")}
    assert dict(((x, y), v) for x, y, v in r.filled)[("a", "d")] == pytest.approx(4.0)
    assert "filled in" in r.notes[0]


def test_saaty_light_example_geometric_mean():
    # The judgments are Saaty's (1977) light-intensity matrix above. Crawford & Williams (1985),
    # "A note on the analysis of subjective judgment matrices", J. Math. Psychology 29, 387-405:
    # the priorities are the normalised geometric means of the rows. The row products are
    # 5*6*7 = 210, (1/5)*4*6 = 24/5, (1/6)(1/4)*4 = 1/6 and 1/(7*6*4) = 1/168.
    roots = np.array([210.0, 24 / 5, 1 / 6, 1 / 168]) ** 0.25
    r = ahp_weights(["c1", "c2", "c3", "c4"], SAATY_LIGHT, priorities="geometric_mean")
    assert list(r.weights.values()) == pytest.approx(list(roots / roots.sum()), abs=1e-12)
    # (0.614, 0.239, 0.103, 0.045): the same order as Saaty's eigenvector (0.61, 0.24, 0.10, 0.05).
    assert list(r.weights.values()) == pytest.approx([0.614, 0.239, 0.103, 0.045], abs=5e-4)
    # Consistency belongs to the judgments, not to the priority method: with every comparison
    # given, lambda_max, CI and CR are those of Saaty's matrix (4.39, as published).
    ev = ahp_weights(["c1", "c2", "c3", "c4"], SAATY_LIGHT)
    assert (r.lambda_max, r.ci, r.cr) == pytest.approx((ev.lambda_max, ev.ci, ev.cr), abs=1e-12)
    assert r.priorities == "geometric_mean" and ev.priorities == "eigenvector"
    assert r.worst[0][:3] == ("c1", "c4", 7)  # still the judgment furthest from the weights


def test_geometric_mean_equals_eigenvector_for_three_objectives():
    # Crawford & Williams (1985): for n = 3 the geometric-mean and eigenvector priorities
    # coincide for every reciprocal matrix, consistent or not; for n >= 4 they may differ.
    rng = np.random.default_rng(5)
    scale = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1 / 2, 1, 2, 3, 5, 7, 9]
    for _ in range(50):
        judged = [("a", "b", float(rng.choice(scale))), ("a", "c", float(rng.choice(scale))), ("b", "c", float(rng.choice(scale)))]
        ev = ahp_weights(["a", "b", "c"], judged).weights
        gm = ahp_weights(["a", "b", "c"], judged, priorities="geometric_mean").weights
        assert gm == pytest.approx(ev, abs=1e-10)
    ev4 = ahp_weights(["c1", "c2", "c3", "c4"], SAATY_LIGHT).weights
    gm4 = ahp_weights(["c1", "c2", "c3", "c4"], SAATY_LIGHT, priorities="geometric_mean").weights
    assert max(abs(gm4[k] - ev4[k]) for k in gm4) > 1e-3


def test_geometric_mean_with_missing_comparisons_is_least_squares_over_the_judged_pairs():
    # Consistent judgments with two left out: the exact weights come back (as with Harker).
    w = {"a": 0.4, "b": 0.3, "c": 0.2, "d": 0.1}
    full = [(x, y, w[x] / w[y]) for i, x in enumerate(w) for y in list(w)[i + 1 :]]
    partial = [j for j in full if (j[0], j[1]) not in (("a", "d"), ("b", "c"))]
    r = ahp_weights(list(w), partial, priorities="geometric_mean")
    assert r.weights == pytest.approx(w, abs=1e-12)
    assert "logarithmic least squares" in r.notes[0]
    # Inconsistent and incomplete: minimise sum (ln a_ij - ln w_i + ln w_j)^2 over the judged
    # pairs (Bozoki, Fulop & Ronyai 2010), solved here independently as a linear least-squares
    # problem in ln w.
    items = ["a", "b", "c", "d", "e"]
    judged = [("a", "b", 3.0), ("a", "c", 7.0), ("b", "c", 1 / 2), ("c", "d", 5.0), ("b", "e", 9.0), ("d", "e", 1 / 3)]
    rows = []
    for x, y, _ in judged:
        row = np.zeros(5)
        row[items.index(x)], row[items.index(y)] = 1.0, -1.0
        rows.append(row)
    y_ls = np.linalg.lstsq(np.array(rows), np.log([v for *_, v in judged]), rcond=None)[0]
    want = np.exp(y_ls) / np.exp(y_ls).sum()
    got = ahp_weights(items, judged, priorities="geometric_mean")
    assert list(got.weights.values()) == pytest.approx(list(want), abs=1e-12)
    # CR is read from the matrix completed with w_i / w_j.
    completed, filled = got.completed(judged)
    assert filled.sum() == 2 * (10 - len(judged))
    assert got.lambda_max == pytest.approx(max(np.linalg.eigvals(completed).real), abs=1e-9)


def test_geometric_mean_profile_in_a_case(cli, tmp_path):
    text = """negotiator: 1
objectives:
  c1: {label: C1}
  c2: {label: C2}
  c3: {label: C3}
  c4: {label: C4}
options:
  x: {label: X, scores: {c1: 1, c2: 2, c3: 3, c4: 4}}
  y: {label: Y, scores: {c1: 4, c2: 3, c3: 2, c4: 1}}
weights:
  gm: {priorities: geometric_mean, ahp: {c1: {c2: 5, c3: 6, c4: 7}, c2: {c3: 4, c4: 6}, c3: {c4: 4}}}
  ev: {ahp: {c1: {c2: 5, c3: 6, c4: 7}, c2: {c3: 4, c4: 6}, c3: {c4: 4}}}
"""
    case = load_case_text(text).case
    gm = profile_weights(case, "gm")
    assert list(gm.values()) == pytest.approx([0.614, 0.239, 0.103, 0.045], abs=5e-4)
    assert profile_weights(case, "ev") != pytest.approx(gm, abs=1e-4)
    path = tmp_path / "gm.yaml"
    path.write_text(text)
    j = json.loads(cli("ahp", str(path), "--profile", "gm", "--format", "json").stdout)
    assert j["profiles"]["gm"]["priorities"] == "geometric_mean"
    shown = cli("ahp", str(path), "--profile", "gm")
    assert shown.exit_code == 0 and "geometric mean of each row (Crawford & Williams 1985)" in shown.stdout


def test_ahp_weights_agree_with_pymcdm_and_cr_differs_by_its_ri_table():
    pytest.importorskip("pymcdm")
    from pymcdm.weights.subjective import AHP

    rng = np.random.default_rng(7)
    scale = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9]
    for n in (3, 5, 8):
        items = [f"o{i}" for i in range(n)]
        judged = [(items[i], items[j], float(rng.choice(scale))) for i in range(n) for j in range(i + 1, n)]
        ours = ahp_weights(items, judged)
        peer = AHP(matrix=ahp_matrix(items, judged))
        assert list(ours.weights.values()) == pytest.approx(peer(), abs=1e-9)
        # pymcdm's CR divides by Tummala & Ling's (1998) RI; ours by Saaty's: same CI, different CR.
        ci_peer = peer.get_cr() * AHP.RI_M[n - 1]
        assert ours.ci == pytest.approx(ci_peer, abs=1e-9)


def test_order_schemes_known_values():
    # Barron & Barrett (1996), Management Science 42(11), table 1: ROC for n = 4.
    assert rank_order_centroid(4) == pytest.approx([0.5208, 0.2708, 0.1458, 0.0625], abs=1e-4)
    # Stillwell, Seaver & Edwards (1981): rank sum and rank reciprocal.
    assert rank_sum(4) == pytest.approx([0.4, 0.3, 0.2, 0.1])
    assert rank_reciprocal(4) == pytest.approx([12 / 25, 6 / 25, 4 / 25, 3 / 25])
    for f in (rank_order_centroid, rank_sum, rank_reciprocal):
        for n in (1, 2, 7, 20):
            w = f(n)
            assert sum(w) == pytest.approx(1) and all(a >= b for a, b in zip(w, w[1:]))


def test_geometric_mean_pooling_keeps_reciprocity():
    pooled = dict(((x, y), v) for x, y, v in geometric_mean_judgments([[("a", "b", 4)], [("b", "a", 1 / 9)], [("a", "b", 1)]]))
    assert pooled[("a", "b")] == pytest.approx((4 * 9 * 1) ** (1 / 3))


CASE = """negotiator: 1
objectives:
  a: {label: A, scale: [0, 10]}
  b: {label: B, scale: [0, 10]}
  c: {label: C, direction: min, scale: [0, 10]}
options:
  x: {label: X, scores: {a: 1, b: 2, c: 3}}
  y: {label: Y, scores: {a: 3, b: 1, c: 5}}
weights:
  ordered_rs: {order: [b, a, c], scheme: rank_sum}
  ordered_rr: {order: [b, a], scheme: rank_reciprocal}
  swing: {swing: {a: 100, b: 50, c: 25}}
  ahp: {ahp: {a: {b: 3, c: 5}, b: {c: 2}}}
  ahp_gap: {ahp: {a: {b: 2}, b: {c: 2}}}
  tree: {hierarchy: {benefits: {weight: 3, objectives: {a: 2, b: 1}}, c: 1}}
  deep: {hierarchy: {all: {weight: 1, objectives: {pair: {weight: 1, objectives: {a: 1, b: 1}}, c: 1}}}}
"""


def test_profile_forms_from_a_case():
    c = load_case_text(CASE).case
    assert profile_weights(c, "ordered_rs") == pytest.approx({"a": 2 / 6, "b": 3 / 6, "c": 1 / 6})
    assert profile_weights(c, "ordered_rr") == pytest.approx({"a": 1 / 3, "b": 2 / 3, "c": 0})
    assert profile_weights(c, "swing") == pytest.approx({"a": 100 / 175, "b": 50 / 175, "c": 25 / 175})
    assert profile_weights(c, "tree") == pytest.approx({"a": 0.5, "b": 0.25, "c": 0.25})
    assert profile_weights(c, "deep") == pytest.approx({"a": 0.25, "b": 0.25, "c": 0.5})
    ahp = profile_weights(c, "ahp")
    assert ahp["a"] > ahp["b"] > ahp["c"] and sum(ahp.values()) == pytest.approx(1)
    gap, notes = profile_weights_with_notes(c, "ahp_gap")
    assert gap == pytest.approx({"a": 4 / 7, "b": 2 / 7, "c": 1 / 7})
    assert "filled in" in notes[0] and notes[0].startswith("weight profile 'ahp_gap'")


def test_inconsistent_ahp_warning_reaches_the_cli(cli, tmp_path):
    p = tmp_path / "ahp.yaml"
    p.write_text(CASE.replace("ahp: {ahp: {a: {b: 3, c: 5}, b: {c: 2}}}", "ahp: {ahp: {a: {b: 9, c: 1/9}, b: {c: 9}}}"), encoding="utf-8")
    r = cli("rank", p, "--profile", "ahp")
    assert r.exit_code == 0, r.stderr
    assert "warning" in r.stderr and "consistency ratio" in r.stderr and "revisit" in r.stderr
    js = cli("rank", p, "--profile", "ahp", "--format", "json")
    import json

    assert any("consistency ratio" in w for w in json.loads(js.stdout)["warnings"])


@pytest.mark.parametrize(
    "profile, words",
    [
        ("{ahp: {a: {b: 3}, b: {a: 2}}}", "not reciprocal"),
        ("{ahp: {a: {b: 0}}}", "must be positive"),
        ("{ahp: {a: {b: -3}}}", "must be positive"),
        ("{ahp: {a: {b: 12}}}", "Saaty's scale"),
        ("{ahp: {a: {b: 2}, c: {c: 3}}}", "compared with itself"),
        ("{ahp: {a: {b: 2}, c: {zz: 3}}}", "unknown objective 'zz'"),
        ("{ahp: {a: {b: 2}}}", None),
        ("{ahp: {a: {b: 2}}, priorities: geometric_mean}", None),
        ("{ahp: {a: {b: 2}}, priorities: median}", "geometric_mean"),
        ("{swing: {a: 120}}", "less than or equal to 100"),
        ("{swing: {a: 0, b: 0}}", "rates every swing 0"),
        ("{order: [a, a]}", "appears twice"),
        ("{order: [a, b], scheme: borda}", "rank_sum"),
        ("{hierarchy: {g: {weight: 1, objectives: {a: 1, zz: 1}}}}", "unknown objective 'zz'"),
        ("{hierarchy: {g: {weight: 0, objectives: {a: 1}}}}", "weight 0"),
    ],
)
def test_bad_weight_forms_exit_2_with_line(cli, tmp_path, profile, words):
    text = CASE.split("weights:")[0] + f"weights:\n  bad: {profile}\n"
    p = tmp_path / "bad.yaml"
    p.write_text(text, encoding="utf-8")
    r = cli("rank", p)
    if words is None:  # a two-objective AHP profile is fine: c simply weighs 0
        assert r.exit_code == 0, r.stderr
        return
    assert r.exit_code == 2, r.stdout + r.stderr
    assert words in r.stderr and f"{p}:10" in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_disconnected_ahp_is_refused(cli, tmp_path):
    text = CASE.split("weights:")[0].replace("c: {label: C, direction: min, scale: [0, 10]}", "c: {label: C, direction: min, scale: [0, 10]}\n  d: {label: D, scale: [0, 10]}").replace("c: 3}}", "c: 3, d: 1}}").replace("c: 5}}", "c: 5, d: 2}}")
    p = tmp_path / "gap.yaml"
    p.write_text(text + "weights:\n  bad: {ahp: {a: {b: 2}, c: {d: 3}}}\n", encoding="utf-8")
    r = cli("rank", p)
    assert r.exit_code == 2 and "unlinked groups" in r.stderr


def test_ahp_command_shows_matrix_and_consistency(cli):
    r = cli("ahp", "example:methods_demo")
    assert r.exit_code == 0, r.stderr
    assert "AHP profile 'ahp'" in r.stdout and "(1.55)" in r.stdout and "RI(5) 1.12" in r.stdout and "consistent enough" in r.stdout
    j = json.loads(cli("ahp", "example:methods_demo", "--format", "json").stdout)
    prof = j["profiles"]["ahp"]
    assert prof["consistent"] and prof["ri"] == 1.12 and abs(sum(prof["weights"].values()) - 1) < 1e-12
    assert prof["filled"][0]["a"] == "cost" and prof["filled"][0]["b"] == "standing"
    assert len(j["case_sha256"]) == 64


def test_ahp_command_bad_input(cli):
    r = cli("ahp", "tests/cases/tiny.yaml")
    assert r.exit_code == 2 and "has no AHP weight profile" in r.stderr
    r = cli("ahp", "example:methods_demo", "--profile", "swing")
    assert r.exit_code == 2 and "is not an AHP profile" in r.stderr and "AHP profiles: ahp" in r.stderr
    r = cli("ahp", "example:methods_demo", "--profile", "nope")
    assert r.exit_code == 2 and "unknown weight profile 'nope'" in r.stderr


def test_completed_ahp_matrix_fills_missing_comparisons_with_weight_ratios():
    # Saaty's consistent 3x3 (a = 2b, b = 2c) with a/c left out: Harker fills it with w_a / w_c = 4.
    from negotiator.model.elicitation import profile_ahp
    from negotiator.case.scoring import AhpProfile

    spec = AhpProfile(ahp={"a": {"b": 2}, "b": {"c": 2}})
    result = profile_ahp(spec, ["a", "b", "c"])
    matrix, filled = result.completed(spec.judgments())
    assert filled[0, 2] and filled[2, 0] and not filled[0, 1]
    assert matrix[0, 2] == pytest.approx(4.0) and matrix[2, 0] == pytest.approx(0.25)
    assert matrix[0, 1] == 2.0 and matrix[1, 0] == pytest.approx(0.5)
