"""The small cases the sensitivity tests share (sensitivity_cases.py) load with the documented values."""

from __future__ import annotations

from sensitivity_cases import DOMINATED, INTEGRAL, SYMMETRIC, THREE, load


def test_the_cases_load_and_the_values_are_the_documented_ones():
    import numpy as np

    from negotiator.model.matrix import build_matrix

    three = build_matrix(load(THREE).case)
    assert np.allclose(three.values(), [[1, 0, 0.5], [0, 1, 0.5], [0.5, 0.5, 1]])
    sym = build_matrix(load(SYMMETRIC).case)
    assert np.allclose(sym.values(), [[1, 0], [0, 1]])
    dom = build_matrix(load(DOMINATED).case)
    lo_d = dom.values(dom.low)[0]  # D at the worst end of its ranges (max objectives)
    assert np.all(lo_d[:2] > dom.values(dom.high)[1:, :2])
    assert load(INTEGRAL).case.options["A"].scores["g"] == (0.1, 0.5, 0.9)
