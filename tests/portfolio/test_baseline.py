"""`negotiator portfolio --baseline`: package values measured over the status quo.

Clemen & Smith (2009), "On the choice of baselines in multiattribute
portfolio analysis: a cautionary note", Decision Analysis 6(4):256-262: with
an additive value model, a portfolio's value is

    V(x) = sum_i [ x_i v(a_i) + (1 - x_i) v(b) ]

where b is the consequence of *not* doing a project (the baseline). Scoring
every project from the worst level (v(b) = 0, the implicit default) makes
every project look worth doing, so the optimiser fills the budgets. The
oracles below evaluate V(x) literally, over every subset of options, from
the case data (linear values on each objective's scale), not from the
model's rows or its shifted values: an independent check that maximising
sum_i x_i (v(a_i) - v(b)) picks the same packages with the same values
(V(x) minus the constant N v(b)).
"""

from __future__ import annotations

import csv
import io
import itertools
import json

import pytest

from negotiator.case.catalog import load_case_text
from negotiator.errors import UsageError
from negotiator.portfolio import best_packages, budget_sweep, core_analysis, robust_package
from negotiator.portfolio.baseline import parse_baseline
from negotiator.portfolio.model import package_value

from tests.portfolio.test_model import load_dict, random_case

PASSIVE = "passive_case_by_case_acceptance"

# A hand-made case: benefit (more is better) and cost (less is better), both on [0, 10],
# weights 0.6 / 0.4. The status quo scores benefit 3, cost 1: v(b) = 0.6*0.3 + 0.4*0.9 = 0.54.
#   a: 0.78 (+0.24)   b: 0.68 (+0.14)   c: 0.50 (-0.04)   d: 0.52 (-0.02)   e: 0.56 (+0.02)
# Without a baseline every option adds value and the count cap of 5 fills up with
# a, b, c, d and the status quo itself (3.02). Over the status quo, c and d are worse
# than doing nothing: the best package is a, b, e (+0.40), using all 12 staff.
HAND = """
negotiator: 1
title: Baseline test case (hand-made)
objectives:
  benefit: {label: Benefit, direction: max, scale: [0, 10]}
  cost: {label: Cost, direction: min, scale: [0, 10]}
weights:
  main: {benefit: 0.6, cost: 0.4}
options:
  status_quo: {label: Do nothing new, resources: {staff: 0}, scores: {benefit: 3, cost: 1}}
  a: {label: Measure A, resources: {staff: 5}, scores: {benefit: 9, cost: 4}}
  b: {label: Measure B, resources: {staff: 3}, scores: {benefit: 6, cost: 2}}
  c: {label: Measure C, resources: {staff: 1}, scores: {benefit: 5, cost: 5}}
  d: {label: Measure D, resources: {staff: 1}, scores: {benefit: 4, cost: 3}}
  e: {label: Measure E, resources: {staff: 4}, scores: {benefit: 8, cost: 8}}
constraints:
  budgets: {staff: 12}
  count: [1, 5]
"""

HAND_SCORES = {"status_quo": (3, 1), "a": (9, 4), "b": (6, 2), "c": (5, 5), "d": (4, 3), "e": (8, 8)}
HAND_STAFF = {"status_quo": 0, "a": 5, "b": 3, "c": 1, "d": 1, "e": 4}


def _hand_value(benefit: float, cost: float) -> float:
    return 0.6 * benefit / 10 + 0.4 * (1 - cost / 10)


def _hand_oracle(baseline: str | None, count=(1, 5), staff=12):
    """Every feasible package of HAND with its Clemen & Smith value, best first."""
    options = [o for o in HAND_SCORES if o != baseline]
    vb = _hand_value(*HAND_SCORES[baseline]) if baseline else 0.0
    out = []
    for k in range(count[0], count[1] + 1):
        for combo in itertools.combinations(options, k):
            if sum(HAND_STAFF[o] for o in combo) > staff + 1e-9:
                continue
            V = sum(_hand_value(*HAND_SCORES[o]) if o in combo else vb for o in options)
            out.append((V - len(options) * vb, tuple(combo)))
    return sorted(out, key=lambda t: -t[0])


@pytest.fixture(scope="module")
def hand():
    return load_case_text(HAND)


def test_hand_case_baseline_changes_the_package_as_the_oracle_says(hand):
    plain = best_packages(hand)
    oracle_plain = _hand_oracle(None)
    assert plain.value == pytest.approx(oracle_plain[0][0]) == pytest.approx(3.02)
    assert set(plain.selected) == set(oracle_plain[0][1]) == {"status_quo", "a", "b", "c", "d"}

    over = best_packages(hand, baseline="status_quo")
    oracle = _hand_oracle("status_quo")
    assert over.status == "optimal"
    assert set(over.selected) == set(oracle[0][1]) == {"a", "b", "e"}
    assert over.value == pytest.approx(oracle[0][0]) == pytest.approx(0.40)
    assert over.spec.baseline_values["value"] == pytest.approx(0.54)
    assert over.best.option_values == pytest.approx({"a": 0.24, "b": 0.14, "e": 0.02})
    # c and d are worse than doing nothing: negative contribution, left out.
    assert set(over.below_baseline) == {"c", "d"}
    assert over.spec.values()["c"] == pytest.approx(-0.04)
    assert not {"c", "d"} & set(over.selected)
    # The baseline option is the reference, not a measure.
    assert "status_quo" not in over.selected


def test_hand_case_top_k_matches_the_oracle(hand):
    result = best_packages(hand, baseline="status_quo", top=6)
    oracle = _hand_oracle("status_quo")
    assert [p.value for p in result.packages] == pytest.approx([v for v, _ in oracle[:6]])


def test_a_forced_measure_below_the_baseline_counts_negative(hand):
    result = best_packages(hand, baseline="status_quo", include=["c"])
    oracle = [(v, p) for v, p in _hand_oracle("status_quo") if "c" in p]
    assert result.value == pytest.approx(oracle[0][0])
    assert result.best.option_values["c"] == pytest.approx(-0.04)
    assert "c" in result.below_baseline


def test_with_a_fixed_package_size_the_baseline_does_not_matter(hand):
    # With exactly k measures, sum_i x_i (v_i - v_b) = sum_i x_i v_i - k v_b: same argmax.
    # (The levels form keeps every option eligible, so the two problems have the same packages.)
    levels = "benefit=3,cost=1"
    for k in (2, 3):
        plain = best_packages(hand, count=(k, k))
        over = best_packages(hand, count=(k, k), baseline=levels)
        assert set(over.selected) == set(plain.selected)
        assert over.value == pytest.approx(plain.value - k * 0.54)


def test_the_levels_form_equals_the_option_form(hand):
    by_option = best_packages(hand, baseline="status_quo", exclude=["status_quo"])
    by_levels = best_packages(hand, baseline="benefit=3,cost=1", exclude=["status_quo"])
    assert by_levels.selected == by_option.selected
    assert by_levels.value == pytest.approx(by_option.value)
    assert by_levels.spec.baseline_values["value"] == pytest.approx(0.54)


def test_worst_baseline_is_the_default_made_explicit(hand):
    plain = best_packages(hand)
    worst = best_packages(hand, baseline="worst")
    assert worst.selected == plain.selected
    assert worst.value == pytest.approx(plain.value)
    assert worst.spec.baseline_values["value"] == pytest.approx(0.0)
    assert plain.advice and not worst.advice  # the analyst has said so: no warning


# ---------------------------------------------------------------------------
# Random small cases against the literal Clemen & Smith value
# ---------------------------------------------------------------------------


def _linear(data: dict, oid: str, obj: str) -> float:
    spec = data["objectives"][obj]
    lo, hi = spec["scale"]
    s = (data["options"][oid]["scores"][obj] - lo) / (hi - lo)
    return s if spec["direction"] == "max" else 1 - s


def _random_oracle(data: dict, baseline: str) -> list[tuple[float, tuple[str, ...]]]:
    """Every feasible package, valued by V(x) - N v(b), from the case data alone."""
    w = data["weights"]["main"]
    total = sum(w.values())
    value = {o: sum(w[j] / total * _linear(data, o, j) for j in w) for o in data["options"]}
    cons = data["constraints"]
    red = {o for o in data["options"] if data["options"][o]["scores"]["risk"] > cons["limits"]["risk"]["max"]}
    options = [o for o in data["options"] if o != baseline]
    vb = value[baseline]
    lo, hi = cons["count"]
    out = []
    for k in range(lo, hi + 1):
        for combo in itertools.combinations(options, k):
            chosen = set(combo)
            if chosen & red:
                continue
            if any(sum(data["options"][o]["resources"][r] for o in chosen) > cap + 1e-9 for r, cap in cons["budgets"].items()):
                continue
            if any(req not in chosen for o in chosen for req in data["options"][o].get("requires", [])):
                continue
            if any(ex in chosen for o in chosen for ex in data["options"][o].get("excludes", [])):
                continue
            if any(("max" in lim and sum(data["options"][o]["scores"][obj] for o in chosen) > lim["max"] + 1e-9) for obj, lim in cons.get("package", {}).items()):
                continue
            V = sum(value[o] if o in chosen else vb for o in options)
            V += sum(s["bonus"] for s in cons.get("synergies", []) if chosen.issuperset(s["options"]))
            out.append((V - len(options) * vb, combo))
    return sorted(out, key=lambda t: -t[0])


RANDOM = [(seed, 7 + seed % 4) for seed in range(8)]


@pytest.mark.parametrize("seed,n", RANDOM, ids=[f"seed{s}-n{n}" for s, n in RANDOM])
def test_random_cases_match_the_literal_formula(seed, n):
    data = random_case(seed, n)
    ids = list(data["options"])
    baseline = ids[seed % n]
    for o in data["options"].values():  # a baseline option is held out: no rule may need it
        o["requires"] = [r for r in o.get("requires", []) if r != baseline]
    oracle = _random_oracle(data, baseline)
    result = best_packages(load_dict(data), profile="main", baseline=baseline, top=3)
    if not oracle:
        assert result.status == "infeasible"
        return
    assert result.status == "optimal"
    assert result.value == pytest.approx(oracle[0][0], abs=1e-9)
    assert [p.value for p in result.packages] == pytest.approx([v for v, _ in oracle[: len(result.packages)]], abs=1e-9)
    assert baseline not in result.selected


# ---------------------------------------------------------------------------
# The bundled case: passive case-by-case acceptance is the status quo (§四 引言)
# ---------------------------------------------------------------------------

LOOSE = dict(budgets={"staff": 300, "budget": 200, "diplomacy": 60}, count=(1, 20))
LOW_RISK_OVER_PASSIVE = (
    "legal_position_against_bundling",
    "reciprocal_repatriation_talks",
    "quiet_technical_track",
    "differentiated_case_handling",
    "reintegration_support",
    "policy_monitoring_early_warning",
    "consular_alerts_legal_aid",
    "targeted_support_key_groups",
    "bilateral_representations",
)


def test_bundled_default_caps_same_package_value_over_passive():
    plain = best_packages(None)
    over = best_packages(None, baseline=PASSIVE)
    # Under the balanced profile every eligible measure beats passive acceptance (0.45), so the
    # count cap still binds and the package stays; its value is what the six add over the status quo.
    assert over.selected == plain.selected
    assert over.spec.baseline_values["value"] == pytest.approx(0.45)
    assert over.value == pytest.approx(plain.value - 6 * 0.45) == pytest.approx(0.98636364, abs=1e-6)
    assert over.below_baseline == []


def test_bundled_low_risk_with_loose_caps_leaves_out_every_measure_below_passive():
    plain = best_packages(None, profile="low_risk", **LOOSE)
    over = best_packages(None, profile="low_risk", baseline=PASSIVE, **LOOSE)
    assert len(plain.selected) == 17  # everything the rules allow: the caps are not the limit
    assert over.status == "optimal"
    assert over.selected == LOW_RISK_OVER_PASSIVE
    assert over.value == pytest.approx(0.41154, abs=1e-5)
    below = set(over.below_baseline)
    assert below == {
        "fugitive_return_linkage", "anticorruption_cybercrime_linkage", "reciprocal_mechanisms", "strict_identity_verification",
        "third_country_consultation", "migration_capacity_building", "bri_cooperation_expansion", "raise_at_hrc_iom", "joint_position_affected_states",
    }
    assert not below & set(over.selected)
    assert all(v > 0 for v in over.best.option_values.values())
    # Nothing left out adds value: each is below the baseline or breaks a rule (here: excludes).
    assert plain.advice and "--baseline passive_case_by_case_acceptance" in plain.advice[0]


def test_robust_core_and_sweep_take_the_baseline():
    rob = robust_package(None, baseline=PASSIVE)
    plain = robust_package(None)
    by_profile = rob.spec.baseline_values
    assert set(by_profile) == set(rob.names) and by_profile["low_risk"] == pytest.approx(0.61580, abs=1e-4)
    for row in rob.rows:  # under each profile: the plain value minus k times that profile's v(b)
        k = len(row.package.selected)
        for n in rob.names:
            assert row.values[n] == pytest.approx(package_value(plain.spec, row.package.selected, n)[0] - k * by_profile[n])
    # Core with a numeric profile, no spread and likely scores: every draw has the one optimal package.
    best = best_packages(None, profile="stability_first", baseline=PASSIVE, **LOOSE)
    assert "bri_cooperation_expansion" not in best.selected and "bri_cooperation_expansion" in best.below_baseline
    core = core_analysis(None, profile="stability_first", samples=20, spread=0.0, uncertain_scores=False, baseline=PASSIVE, **LOOSE)
    assert {o.option for o in core.options if o.category == "core"} == set(best.selected)
    assert next(o for o in core.options if o.option == PASSIVE).category == "exterior"
    # Sweep: each point is the best package over the baseline at that cap.
    sweep = budget_sweep(None, "staff", 60, 300, points=3, profile="low_risk", baseline=PASSIVE, budgets={"budget": 200, "diplomacy": 60}, count=(1, 20))
    last = sweep.points[-1]
    assert last.package.selected == LOW_RISK_OVER_PASSIVE
    assert sweep.to_dict()["baseline"]["option"] == PASSIVE


def test_core_with_uncertain_scores_draws_the_baseline_too():
    # The baseline's own scores (passive acceptance has ranges on reception capacity and escalation
    # risk) are drawn after the options' draws, so a seed gives the same option draws as without it.
    a = core_analysis(None, profile="low_risk", samples=50, seed=3, baseline=PASSIVE, **LOOSE)
    b = core_analysis(None, profile="low_risk", samples=50, seed=3, baseline=PASSIVE, **LOOSE)
    plain = core_analysis(None, profile="low_risk", samples=50, seed=3, **LOOSE)
    assert a.to_dict()["options"] == b.to_dict()["options"]  # same seed, same output
    share = {o.option: o.share for o in a.options}
    plain_share = {o.option: o.share for o in plain.options}
    # Without a baseline every eligible measure is in nearly every optimal package (they all add
    # value); over passive acceptance the measures that mostly fall below it drop out.
    assert plain_share["bri_cooperation_expansion"] == 1.0 and share["bri_cooperation_expansion"] < 0.5
    assert share["policy_monitoring_early_warning"] == 1.0
    passive = next(o for o in a.options if o.option == PASSIVE)
    assert passive.category == "exterior" and "Sovereignty" in passive.reason  # screened by the red line
    assert a.to_dict()["baseline"]["values"]["value"] == pytest.approx(0.6158, abs=1e-4)


# ---------------------------------------------------------------------------
# The warning when no baseline is given
# ---------------------------------------------------------------------------


def test_warning_when_the_package_fills_the_count_cap():
    result = best_packages(None)
    assert len(result.advice) == 1
    text = result.advice[0]
    assert "fills the cap of 6 measures because every measure adds value" in text
    assert "--baseline passive_case_by_case_acceptance" in text and "Clemen & Smith 2009" in text
    assert text in result.to_dict()["warnings"]
    assert text not in result.warnings  # kept apart so screens listing the solve's warnings stay as they were


def test_no_warning_when_values_can_be_negative():
    # PROMETHEE net flows are negative for the weaker options: the package does not simply fill the caps.
    result = best_packages(None, method="promethee")
    assert min(result.spec.values().values()) < 0
    assert result.advice == []


# ---------------------------------------------------------------------------
# CLI: output and bad input
# ---------------------------------------------------------------------------


def test_cli_table_json_csv_name_the_baseline(cli):
    t = cli("portfolio", "--baseline", PASSIVE, "-p", "low_risk", "--count", "1:20", "--budget", "staff=300", "--budget", "budget=200", "--budget", "diplomacy=60")
    assert t.exit_code == 0, t.stderr
    assert "value over baseline" in t.stdout
    assert "baseline: option passive_case_by_case_acceptance (overall value 0.6158)" in t.stdout
    assert "worse than the baseline" in t.stdout and "bri_cooperation_expansion" in t.stdout and "left out" in t.stdout
    j = cli("portfolio", "--baseline", PASSIVE, "-f", "json")
    data = json.loads(j.stdout)
    assert data["baseline"]["kind"] == "option" and data["baseline"]["option"] == PASSIVE
    assert data["baseline"]["value"] == pytest.approx(0.45)
    assert "Clemen & Smith" in data["baseline"]["source"]
    assert data["below_baseline"] == []
    assert json.loads(cli("portfolio", "-f", "json").stdout)["baseline"] is None
    c = cli("portfolio", "--baseline", PASSIVE, "-f", "csv")
    comments = [line for line in c.stdout.splitlines() if line.startswith("#")]
    assert any(line.startswith("# baseline: option passive_case_by_case_acceptance") for line in comments)
    assert any(line.startswith("# below baseline (negative contribution): none") for line in comments)
    rows = list(csv.DictReader(io.StringIO("\n".join(line for line in c.stdout.splitlines() if not line.startswith("#")))))
    assert float(rows[0]["value"]) == pytest.approx(0.98636364, abs=1e-6)


def test_cli_warns_without_a_baseline(cli):
    r = cli("portfolio")
    assert r.exit_code == 0
    assert "--baseline" in r.stderr and "every measure adds value" in r.stderr
    assert "every measure adds value" not in cli("portfolio", "--baseline", PASSIVE).stderr


def test_cli_robust_core_sweep_take_the_baseline(cli, tmp_path):
    for args in (["--robust"], ["--robust", "scenarios"], ["--core", "--samples", "20"]):
        r = cli("portfolio", *args, "--baseline", PASSIVE, "-f", "json")
        assert r.exit_code == 0, r.stderr
        assert json.loads(r.stdout)["baseline"]["option"] == PASSIVE
    s = cli("portfolio", "sweep", "--resource", "staff", "--from", "40", "--to", "80", "--points", "3", "--baseline", PASSIVE)
    assert s.exit_code == 0, s.stderr
    assert "value over baseline" in s.stdout and "baseline: option passive" in s.stdout


@pytest.mark.parametrize(
    "args,needle",
    [
        (["--baseline", "passive_acceptance"], "did you mean: passive_case_by_case_acceptance"),
        (["--baseline", "nothing_like_it_xyz"], "unknown option 'nothing_like_it_xyz'"),
        (["--baseline", "0.4"], "a bare number is not accepted"),
        (["--baseline", "sovereignty_jurisdiction=5"], "missing: citizen_rights"),
        (["--baseline", "sovereignty=5"], "did you mean: sovereignty_jurisdiction"),
        (["--baseline", "sovereignty_jurisdiction=high"], "not a number or a level word"),
        (["--baseline", "sovereignty_jurisdiction"], "unknown option"),
        (["--baseline", "sovereignty_jurisdiction="], "is not OBJECTIVE=SCORE"),
        (["--baseline", PASSIVE, "--method", "topsis"], "needs the additive value model"),
        (["--baseline", PASSIVE, "--robust", "--method", "promethee"], "needs the additive value model"),
        (["--baseline", "quiet_technical_track", "--include", "quiet_technical_track"], "cannot also be forced into the package"),
    ],
)
def test_bad_baseline_exits_2_with_one_clear_message(cli, args, needle):
    r = cli("portfolio", *args)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert needle in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_bad_baseline_in_a_sweep_writes_no_plot(cli, tmp_path):
    plot = tmp_path / "frontier.png"
    r = cli("portfolio", "sweep", "--resource", "staff", "--from", "40", "--to", "80", "--baseline", "nope", "--plot", str(plot))
    assert r.exit_code == 2 and "unknown option 'nope'" in r.stderr
    assert not plot.exists()


def test_parse_baseline_forms(hand):
    case = hand.case
    assert parse_baseline(case, None) is None
    assert parse_baseline(case, "WORST").kind == "worst"
    assert parse_baseline(case, " status_quo ").option == "status_quo"
    assert parse_baseline(case, "cost=1, benefit=3").levels == {"benefit": 3.0, "cost": 1.0}
    with pytest.raises(UsageError, match="twice"):
        parse_baseline(case, "benefit=3,benefit=4,cost=1")
    with pytest.raises(UsageError, match="empty"):
        parse_baseline(case, "  ")


def test_under_a_scenario_the_option_baseline_takes_its_scenario_scores():
    import numpy as np

    from negotiator.case.catalog import load_case
    from negotiator.model.matrix import build_matrix
    from negotiator.model.weights import profile_weights

    loaded = load_case()
    case = loaded.case
    w = profile_weights(case, "balanced")
    rob = robust_package(loaded, across="scenarios", baseline=PASSIVE)
    for scenario in case.scenarios:
        m = build_matrix(case, scenario)
        by_hand = float(m.values()[m.index(PASSIVE)] @ np.array([w[o] for o in m.objectives]))
        one = best_packages(loaded, scenario=scenario, baseline=PASSIVE)
        assert one.spec.baseline_values["value"] == pytest.approx(by_hand)
        assert rob.spec.baseline_values[scenario] == pytest.approx(by_hand)


LEVELS = [(seed, 8 + seed % 3) for seed in range(20, 24)]


@pytest.mark.parametrize("seed,n", LEVELS, ids=[f"seed{s}-n{n}" for s, n in LEVELS])
def test_random_cases_with_status_quo_scores_match_the_literal_formula(seed, n):
    # The levels form: the status quo is a made-up consequence, not an option; every option stays eligible.
    import random

    data = random_case(seed, n)
    rnd = random.Random(seed)
    sq = {obj: rnd.randint(2, 8) for obj in data["objectives"]}
    data["options"]["zz_status_quo"] = {"label": "status quo", "resources": {r: 0.0 for r in data["constraints"]["budgets"]}, "scores": dict(sq)}
    oracle = [(v, p) for v, p in _random_oracle(data, "zz_status_quo")]
    del data["options"]["zz_status_quo"]  # the oracle needed its scores only; the case does not hold it
    text = ",".join(f"{k}={v}" for k, v in sq.items())
    result = best_packages(load_dict(data), profile="main", baseline=text, top=3)
    if not oracle:
        assert result.status == "infeasible"
        return
    assert result.status == "optimal"
    assert [p.value for p in result.packages] == pytest.approx([v for v, _ in oracle[: len(result.packages)]], abs=1e-9)
    assert result.to_dict()["baseline"]["levels"] == {k: float(v) for k, v in sq.items()}


def test_help_lists_the_baseline_flag(cli):
    for args in (["portfolio", "solve", "--help"], ["portfolio", "sweep", "--help"]):
        r = cli(*args)
        assert r.exit_code == 0 and "--baseline" in r.stdout
