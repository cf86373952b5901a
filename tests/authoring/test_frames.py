"""The DataFrame API: case -> frames -> case gives the same case; problems name frame, row, column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from negotiator.authoring import case_from_frames, case_to_frames, case_to_yaml
from negotiator.case.catalog import load_case, load_case_text
from negotiator.errors import CaseError

FULL = Path(__file__).resolve().parents[1] / "cases" / "full_features.yaml"


@pytest.mark.parametrize("path", [None, FULL])
def test_frames_round_trip_keeps_the_hash(path):
    loaded = load_case(path)
    frames = case_to_frames(loaded)
    again = case_from_frames(**frames)
    assert again.sha256 == loaded.sha256
    if path is not None:  # the YAML writer is exercised on the bundled case by the workbook tests
        assert load_case_text(case_to_yaml(again)).sha256 == loaded.sha256


def test_frames_look_like_pandas_users_expect():
    frames = case_to_frames(FULL)
    scores = frames["scores"]
    assert list(scores.columns) == ["orderly_reception", "net_cost", "relations", "goodwill", "screening"]
    assert scores.loc["triage", "goodwill"] == ("low", "medium", "high")
    assert scores.loc["verify_identity", "orderly_reception"] == (4, 5.5, 7)
    assert scores.loc["triage", "screening"] == 0.6
    assert frames["objectives"].loc["net_cost", "direction"] == "min"
    forms = frames["weight_forms"].to_dict()
    assert {k: forms[k] for k in ("balanced", "screening_order", "swing_weights")} == {"balanced": "weights", "screening_order": "order", "swing_weights": "swing"}
    assert forms["pairwise"].startswith('{"ahp"')  # forms without a grid travel as YAML/JSON text
    assert frames["weights"].loc["net_cost", "swing_weights"] == 60
    assert frames["weights"].loc["screening", "screening_order"] == 1
    assert set(frames["other"]) == {"analysts", "games", "negotiations"}
    assert frames["objectives"].loc["goodwill", "levels (yaml)"] == '{"low": 2.0, "medium": 5.0, "high": 8.0}'



def test_build_a_case_from_scratch():
    objectives = pd.DataFrame({"label": ["Gain", "Cost"], "direction": ["max", "min"], "scale_low": [0, None], "scale_high": [10, None]}, index=pd.Index(["gain", "cost"], name="id"))
    options = pd.DataFrame({"label": ["A", "B"], "label_zh": ["甲", "乙"]}, index=pd.Index(["a", "b"], name="id"))
    scores = pd.DataFrame({"gain": [8, (4, 5, 7)], "cost": [3.0, 1.0]}, index=pd.Index(["a", "b"], name="option"))
    weights = pd.DataFrame({"main": [2, 1]}, index=pd.Index(["gain", "cost"], name="objective"))
    loaded = case_from_frames(objectives, options, scores, weights=weights, title="From pandas")
    c = loaded.case
    assert c.title == "From pandas" and c.options["b"].scores["gain"] == (4.0, 5.0, 7.0)
    assert c.objectives["cost"].scale is None and c.weights["main"] == {"gain": 2.0, "cost": 1.0}
    from negotiator.ranking.api import rank

    assert [r.option for r in rank(loaded).rows] == ["a", "b"] or len(rank(loaded).rows) == 2


def test_problems_name_frame_row_and_column():
    frames = case_to_frames(FULL)
    frames["scores"] = frames["scores"].copy()
    frames["scores"].loc["triage", "net_cost"] = "lots"
    frames["scores"].loc["talks", "orderly_reception"] = 11
    with pytest.raises(CaseError) as exc:
        case_from_frames(**frames)
    text = "\n".join(p.render() for p in exc.value.problems)
    assert "scores['triage', 'net_cost']: 'lots' is not a number" in text
    assert "scores['talks', 'orderly_reception']: score 11 is outside the declared scale [0, 10]" in text


def test_not_a_dataframe_is_a_usage_error():
    from negotiator.errors import UsageError

    with pytest.raises(UsageError):
        case_from_frames(objectives={"gain": {}}, options=None, scores=None)
