"""The default method (issue 2), checked against numbers computed by hand.

tests/cases/tiny.yaml: gain max on [0, 10]; cost min with a derived scale [1, 9]
(lowest low end 1, highest high end 9); risk min on [0, 10].
Profile `main` = {gain: 2, cost: 1, risk: 1} -> {0.5, 0.25, 0.25}.
  a: gain 8 -> 0.8*0.5 = 0.4;  cost 9 -> (9-9)/8 = 0;     risk 3 -> 0.7*0.25 = 0.175  => 0.575
  b: gain 5 -> 0.25;           cost 3 -> 0.75*0.25 = 0.1875; risk 1 -> 0.225         => 0.6625
  c: risk 9 breaks the red line risk <= 8 -> screened out.
Profile `ordered` = [risk, gain] -> rank-order centroid (3/4, 1/4):
  a: 0.7*0.75 + 0.8*0.25 = 0.725;  b: 0.9*0.75 + 0.5*0.25 = 0.8
"""

import math

import pytest

import negotiator as ng
from negotiator.case.catalog import load_case_text
from negotiator.errors import UsageError
from negotiator.ranking.result import competition_ranks
from negotiator.model.weights import rank_order_centroid


@pytest.fixture
def tiny(cases_dir):
    return ng.load_case(cases_dir / "tiny.yaml")


def test_default_profile_numbers(tiny):
    r = ng.rank(tiny)
    assert r.provenance.profile == "main"
    assert [row.option for row in r.rows] == ["b", "a"]
    assert r.rows[0].score == pytest.approx(0.6625, abs=1e-12)
    assert r.rows[1].score == pytest.approx(0.575, abs=1e-12)
    assert r.rows[1].contributions == pytest.approx({"gain": 0.4, "cost": 0.0, "risk": 0.175}, abs=1e-12)
    assert r.provenance.weights == pytest.approx({"gain": 0.5, "cost": 0.25, "risk": 0.25})


def test_red_line_screens_with_reason(tiny):
    r = ng.rank(tiny)
    assert [s.option for s in r.screened_out] == ["c"]
    assert "above the maximum 8" in r.screened_out[0].reason


def test_order_profile_uses_rank_order_centroid(tiny):
    r = ng.rank(tiny, profile="ordered")
    assert r.provenance.weights == pytest.approx({"gain": 0.25, "cost": 0.0, "risk": 0.75})
    assert [(row.option, round(row.score, 12)) for row in r.rows] == [("b", 0.8), ("a", 0.725)]


def test_rank_order_centroid_published_values():
    # Barron & Barrett (1996), Table 1: ROC weights for n = 3 and n = 4.
    assert rank_order_centroid(3) == pytest.approx([0.6111, 0.2778, 0.1111], abs=1e-4)
    assert rank_order_centroid(4) == pytest.approx([0.5208, 0.2708, 0.1458, 0.0625], abs=1e-4)


def test_explicit_weights_are_normalised(tiny):
    r = ng.rank(tiny, weights={"gain": 4, "risk": 4})
    assert r.provenance.profile == "custom"
    assert r.provenance.weights == pytest.approx({"gain": 0.5, "cost": 0.0, "risk": 0.5})


def test_scenario_keeps_base_scales(tiny):
    r = ng.rank(tiny, scenario="storm")
    a = next(row for row in r.rows if row.option == "a")
    # risk 7 under the storm: (10-7)/10 * 0.25 = 0.075
    assert a.score == pytest.approx(0.4 + 0.0 + 0.075)


def test_unknown_profile_and_scenario(tiny):
    with pytest.raises(UsageError, match="unknown weight profile 'nope'"):
        ng.rank(tiny, profile="nope")
    with pytest.raises(UsageError, match="unknown scenario"):
        ng.rank(tiny, scenario="nope")


TIE_CASE = """
negotiator: 1
objectives:
  x: {label: X}
  y: {label: Y}
options:
  p: {label: P, scores: {x: 1, y: 0}}
  q: {label: Q, scores: {x: 0, y: 1}}
  r: {label: R, scores: {x: 0, y: 0}}
weights:
  even: {x: 1, y: 1}
"""


def test_ties_share_the_smaller_rank():
    r = ng.rank(load_case_text(TIE_CASE))
    assert [(row.option, row.rank) for row in r.rows] == [("p", 1), ("q", 1), ("r", 3)]


def test_competition_ranks_tolerance():
    order, ranks = competition_ranks([0.5, 0.5 + 5e-10, 0.4, 0.4])
    assert list(ranks) == [1, 1, 3, 3]


FLAT_CASE = """
negotiator: 1
objectives:
  same: {label: Same}
  gain: {label: Gain}
options:
  p: {label: P, scores: {same: 4, gain: 2}}
  q: {label: Q, scores: {same: 4, gain: 6}}
weights:
  w: {same: 1, gain: 1}
"""


def test_flat_objective_is_ignored_with_a_warning():
    r = ng.rank(load_case_text(FLAT_CASE))
    assert any("'same' was ignored" in w for w in r.warnings)
    assert [row.option for row in r.rows] == ["q", "p"]
    assert r.rows[0].score == pytest.approx(0.5)  # 0.5 * 0 + 0.5 * 1
    assert all(not math.isnan(row.score) for row in r.rows)


def test_no_profiles_means_equal_weights():
    text = FLAT_CASE.replace("weights:\n  w: {same: 1, gain: 1}\n", "")
    r = ng.rank(load_case_text(text))
    assert r.provenance.profile is None
    assert r.provenance.weights == {"same": 0.5, "gain": 0.5}


def test_json_contract_and_frame(tiny):
    r = ng.rank(tiny)
    d = r.to_dict()
    for key in ("case", "case_sha256", "method", "profile", "weights", "ranking", "screened_out", "version"):
        assert key in d
    assert set(d["ranking"][0]) >= {"rank", "option", "label", "score", "contributions"}
    frame = r.to_frame()
    assert list(frame.index) == ["b", "a"]
    assert frame.loc["b", "contribution:cost"] == pytest.approx(0.1875)


def test_public_api_all_is_complete():
    import negotiator

    for name in negotiator.__all__:
        assert getattr(negotiator, name) is not None
    public = {n for n in negotiator._LAZY}
    assert public <= set(negotiator.__all__)


def test_screened_options_carry_the_red_lines_they_break_as_data():
    # Bundled red lines (payoffs/constraints.yaml): sovereignty >= 3 and escalation risk <= 7.
    from negotiator.model.matrix import Breach
    from negotiator.i18n import red_line_reason

    ranking = ng.rank(ng.load_case())
    by_option = {s.option: s for s in ranking.screened_out}
    assert by_option["passive_case_by_case_acceptance"].breaches == (Breach("sovereignty_jurisdiction", 2.0, 3.0, True),)
    assert by_option["independent_investigation_push"].breaches == (Breach("escalation_risk", 8.0, 7.0, False),)
    case = ng.load_case().case
    assert red_line_reason(case, by_option["independent_investigation_push"].breaches, "zh") == "对美冲突升级风险 8 高于上限 7"
    assert red_line_reason(case, by_option["passive_case_by_case_acceptance"].breaches, "en") == "Sovereignty and jurisdiction 2 is below the minimum 3"
    dumped = ranking.to_dict()["screened_out"][0]
    assert list(dumped["breaches"]) == [{"objective": "sovereignty_jurisdiction", "value": 2.0, "bound": 3.0, "below": True}]
