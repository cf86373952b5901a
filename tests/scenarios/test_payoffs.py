"""ScenarioPayoffs.best_in_scenario: every row tied for first under a scenario, not just one."""

from __future__ import annotations

import numpy as np

from negotiator.case.catalog import load_case
from negotiator.ranking.result import TIE_TOLERANCE
from negotiator.scenarios.payoffs import Row, ScenarioPayoffs, scenario_payoffs


def _table(values) -> ScenarioPayoffs:
    values = np.asarray(values, dtype=float)
    rows = tuple(Row(id=f"o{i}", label=f"O{i}", label_zh=None, members=(f"o{i}",)) for i in range(values.shape[0]))
    scenarios = tuple(f"s{j}" for j in range(values.shape[1]))
    return ScenarioPayoffs(
        case="t", case_sha256="0" * 64, method="additive", profile=None, weights={}, kind="option", rows=rows,
        scenarios=scenarios, scenario_labels=scenarios, scenario_labels_zh=(None,) * len(scenarios),
        probabilities=(1 / len(scenarios),) * len(scenarios), probabilities_source="case", values=values, screened_out={},
    )


def test_a_tie_names_every_row_that_shares_first_place():
    t = _table([[0.5, 0.9], [0.7, 0.2], [0.7 - TIE_TOLERANCE / 2, 0.9], [0.1, 0.9 - 10 * TIE_TOLERANCE]])
    assert t.best_in_scenario() == {"s0": ("o1", "o2"), "s1": ("o0", "o2")}


def test_a_single_best_row_stands_alone():
    t = _table([[0.1], [0.3], [0.2]])
    assert t.best_in_scenario() == {"s0": ("o1",)}


def test_the_bundled_case_marks_the_maximum_of_each_scenario():
    pay = scenario_payoffs(load_case(None))
    best = pay.best_in_scenario()
    assert set(best) == set(pay.scenarios)
    ids = [r.id for r in pay.rows]
    for j, sid in enumerate(pay.scenarios):
        top = pay.values[:, j].max()
        assert best[sid] == tuple(i for k, i in enumerate(ids) if pay.values[k, j] >= top - TIE_TOLERANCE) and best[sid]


# -- issue 14: a case whose scenarios carry no probabilities (complete ignorance) -------------


def test_a_case_without_probabilities_is_read_under_complete_ignorance(cases_dir):
    # Stevenson's contractor (tests/cases/contractor_ignorance.yaml): profit on a 0-100 scale.
    pay = scenario_payoffs(load_case(cases_dir / "contractor_ignorance.yaml"))
    assert pay.probabilities is None and pay.probabilities_source == "none"
    assert pay.provenance()["probabilities"] is None
    assert np.allclose(pay.values, [[0.5, 0.6], [0.2, 0.8], [0.4, 0.7]])
    rep = pay.analyse()
    assert rep.ignorance and rep.evpi is None and rep.probability == ()
    assert [r for r, _ in rep.not_run] == ["expected_value", "maximum_likelihood"]
    by = {r.rule: [pay.rows[i].id for i in r.chosen] for r in rep.rules}
    assert by == {"maximin": ["do_nothing"], "maximax": ["expand"], "hurwicz": ["do_nothing", "subcontract"], "laplace": ["do_nothing", "subcontract"], "minimax_regret": ["subcontract"]}


def test_probability_flags_supply_every_probability_of_such_a_case(cases_dir):
    import pytest

    from negotiator.errors import UsageError

    loaded = load_case(cases_dir / "contractor_ignorance.yaml")
    pay = scenario_payoffs(loaded, probabilities={"low_demand": 0.3, "high_demand": 0.7})
    assert pay.probabilities == (0.3, 0.7) and pay.probabilities_source.startswith("--probability flags")
    ev = next(r for r in pay.analyse().rules if r.rule == "expected_value")
    # By hand: 0.3 x 50 + 0.7 x 60 = 57; 0.3 x 20 + 0.7 x 80 = 62; 0.3 x 40 + 0.7 x 70 = 61 (on 0-100).
    assert np.allclose(ev.scores, [0.57, 0.62, 0.61]) and ev.chosen == (1,)
    with pytest.raises(UsageError, match="missing: high_demand"):
        scenario_payoffs(loaded, probabilities={"low_demand": 0.3})
