"""Value functions and level words: linear stays format 1, piecewise, exponential, words as scores."""

from __future__ import annotations

import numpy as np
import pytest

from negotiator.ranking.api import rank
from negotiator.case.catalog import load_case, load_case_text
from negotiator.model.matrix import build_matrix
from negotiator.model.value_functions import exponential_value, piecewise_value

CASE = """negotiator: 1
objectives:
  gain: {label: Gain, scale: [0, 10], value: {kind: piecewise, points: [[0, 0], [5, 0.8], [10, 1]]}}
  cost: {label: Cost, direction: min, scale: [0, 10], value: {kind: exponential, c: 2}}
  risk: {label: Risk, direction: min, levels: {low: 0, medium: 0.5, high: 1}}
  plain: {label: Plain, scale: [0, 10]}
options:
  a: {label: A, scores: {gain: 2.5, cost: 5, risk: high, plain: 4}}
  b: {label: B, scores: {gain: 7.5, cost: [2, 3, 4], risk: [low, medium, high], plain: 6}}
  c: {label: C, scores: {gain: 12, cost: 0, risk: low, plain: 9}}
weights:
  main: {gain: 1, cost: 1, risk: 1, plain: 1}
"""


def _case():
    return load_case_text(CASE.replace("gain: 12", "gain: 10")).case


def test_piecewise_values_interpolate_between_points():
    v = build_matrix(_case()).values()
    assert v[:, 0] == pytest.approx([0.4, 0.9, 1.0])  # 2.5 -> halfway 0..0.8; 7.5 -> halfway 0.8..1


def test_exponential_value_concave_for_positive_c():
    v = build_matrix(_case()).values()
    z = np.array([0.5, 0.7, 1.0])  # position towards the best (low) end of cost: 5, 3, 0 on [0, 10]
    assert v[:, 1] == pytest.approx((1 - np.exp(-2 * z)) / (1 - np.exp(-2)))
    assert v[0, 1] > 0.5  # concave: half the swing is worth more than half the value
    assert exponential_value(np.array([0.0, 0.3, 1.0]), 0.0) == pytest.approx([0.0, 0.3, 1.0])
    assert exponential_value(np.array([0.3]), 1e-9) == pytest.approx([0.3], abs=1e-8)
    assert exponential_value(np.array([0.5]), -3)[0] < 0.5  # convex


def test_level_words_become_numbers_and_set_the_scale():
    m = build_matrix(_case())
    j = m.objectives.index("risk")
    assert m.likely[:, j].tolist() == [1.0, 0.5, 0.0]
    assert m.low[1, j] == 0.0 and m.high[1, j] == 1.0
    assert (m.scale_low[j], m.scale_high[j]) == (0.0, 1.0)
    assert m.values()[:, j] == pytest.approx([0.0, 0.5, 1.0])


def test_objectives_without_value_function_keep_format_1_linear_values():
    m = build_matrix(_case())
    j = m.objectives.index("plain")
    assert m.values()[:, j] == pytest.approx([0.4, 0.6, 0.9])
    tiny = build_matrix(load_case("tests/cases/tiny.yaml").case)
    # Hand-computed in tests/test_api.py's comments: gain/10, (9 - cost)/8, 1 - risk/10.
    assert tiny.values() == pytest.approx(np.array([[0.8, 0.0, 0.7], [0.5, 0.75, 0.9], [0.2, 1.0, 0.1]]))


def test_values_stay_vectorised_over_sample_axes():
    m = build_matrix(_case())
    rng = np.random.default_rng(3)
    samples = rng.uniform(0, 10, size=(7, 5, 3, 4))
    v = m.values(samples)
    assert v.shape == samples.shape
    for idx in [(0, 0), (6, 4), (3, 2)]:
        assert v[idx] == pytest.approx(m.values(samples[idx]))
    assert v[..., 0] == pytest.approx(piecewise_value(samples[..., 0], [(0, 0), (5, 0.8), (10, 1)]))


def test_piecewise_is_flat_beyond_its_points():
    assert piecewise_value(np.array([-5.0, 0.0, 10.0, 15.0]), [(0, 0), (5, 0.8), (10, 1)]).tolist() == [0.0, 0.0, 1.0, 1.0]


def test_every_method_ranks_a_case_with_value_functions():
    c = load_case_text(CASE.replace("gain: 12", "gain: 10"))
    for method in ("additive", "topsis", "promethee", "vikor", "electre"):
        r = rank(c, method=method)
        assert len(r.rows) == 3 and all(np.isfinite(row.score) for row in r.rows)


def test_unchanged_case_keeps_its_hash():
    # A format 1 case that uses no new feature hashes as before (value/levels/promethee/analysts left out).
    loaded = load_case("tests/cases/tiny.yaml")
    dumped = loaded.case.model_dump(mode="json")
    assert dumped["objectives"]["gain"]["value"] is None
    from negotiator.case.scoring import without_unused_method_fields

    stripped = without_unused_method_fields(dumped)
    assert "value" not in stripped["objectives"]["gain"] and "analysts" not in stripped


@pytest.mark.parametrize(
    "old, new, line, words",
    [
        ("risk: high, plain: 4", "risk: hihg, plain: 4", 8, "option 'a', objective 'risk': 'hihg' is not one of its levels (low, medium, high)"),
        ("plain: 6}", "plain: lots}", 9, "option 'b', objective 'plain': 'lots' is a word but objective 'plain' defines no levels"),
        ("[low, medium, high]", "[high, medium, low]", 9, "not ordered"),
        ("[[0, 0], [5, 0.8], [10, 1]]", "[[0, 1], [10, 0]]", 3, "fall with the score, but its direction is max"),
        ("[[0, 0], [5, 0.8], [10, 1]]", "[[0, 0], [5, 1.2], [10, 1]]", 3, "must lie in [0, 1]"),
        ("[[0, 0], [5, 0.8], [10, 1]]", "[[0, 0], [0, 0.5], [10, 1]]", 3, "strictly increasing"),
        ("{kind: exponential, c: 2}", "{kind: exponential}", 4, "missing required key 'c'"),
        ("{kind: exponential, c: 2}", "{kind: cubic}", 4, "does not match"),
        ("{low: 0, medium: 0.5, high: 1}", "{}", 5, "levels is empty"),
    ],
)
def test_bad_value_functions_and_words(cli, tmp_path, old, new, line, words):
    p = tmp_path / "bad.yaml"
    text = CASE.replace("gain: 12", "gain: 10")
    assert old in text
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    r = cli("rank", p)
    assert r.exit_code == 2, r.stdout + r.stderr
    assert words in r.stderr, r.stderr
    assert f"{p}:{line}" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
