"""`negotiator payoffs` and `negotiator game`: outputs, provenance and bad input (exit 2, no traceback)."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

BOS_CASE = """negotiator: 1
objectives: {g: {label: G}}
options: {a: {label: A, scores: {g: 1}}, b: {label: B, scores: {g: 2}}}
games:
  bos:
    label: Battle of the sexes
    players:
      anna:
        label: Anna
        strategies: {bach: {label: Bach}, stravinsky: {label: Stravinsky}}
      ben:
        label: Ben
        strategies: {bach: {label: Bach}, stravinsky: {label: Stravinsky}}
    payoffs:
      bach: {bach: {payoff: [2, 1], rationale: "both at Bach"}, stravinsky: [0, 0]}
      stravinsky: {bach: [0, 0], stravinsky: [1, 2]}
"""


def write(tmp_path, text, name="case.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_clean_error(result, *fragments):
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    flat = " ".join(result.stderr.split())  # rich wraps long lines at the terminal width
    for f in fragments:
        assert f in flat, result.stderr


# -- payoffs ----------------------------------------------------------------------------


def test_payoffs_table_on_the_bundled_case(cli):
    r = cli("payoffs")
    assert r.exit_code == 0, r.stderr
    for text in ("Payoff table", "Maximin (Wald)", "Minimax regret (Savage)", "Hurwicz (alpha = 0.5)", "Regret table", "Where the choice would change", "analyst judgments", "sha256", "balanced"):
        assert text in r.stdout, text


def test_payoffs_json_carries_provenance_and_every_rule(cli):
    r = cli("payoffs", "--format", "json", "--alpha", "0.3")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert len(data["case_sha256"]) == 64 and data["method"] == "additive" and data["profile"] == "balanced"
    assert data["alpha"] == 0.3 and abs(sum(data["probabilities"].values()) - 1) < 1e-12
    assert [rule["rule"] for rule in data["rules"]] == ["maximin", "maximax", "hurwicz", "laplace", "minimax_regret", "expected_value", "maximum_likelihood"]
    assert len(data["probability_switches"]) == 4
    assert "joint_position_affected_states" in data["screened_out"]
    assert "analyst judgments" in data["note"]


def test_payoffs_alpha_zero_is_maximin(cli):
    data = json.loads(cli("payoffs", "-f", "json", "--alpha", "0").stdout)
    rules = {r["rule"]: r for r in data["rules"]}
    assert rules["hurwicz"]["choice"] == rules["maximin"]["choice"]


def test_payoffs_csv_reads_back_with_pandas(cli, cases_dir):
    r = cli("payoffs", str(cases_dir / "tiny.yaml"), "--profile", "main", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    df = pd.read_csv(io.StringIO(r.stdout), comment="#")
    assert list(df["id"]) == ["a", "b"]
    assert df.loc[df["id"] == "a", "value:storm"].item() == pytest.approx(0.475)
    assert df.loc[df["id"] == "b", "chosen:expected_value"].item() == 1
    comments = [line for line in r.stdout.splitlines() if line.startswith("#")]
    assert any("sha256" in c for c in comments) and any("analyst judgments" in c for c in comments)
    assert any(c.startswith("# screened out c:") for c in comments)


def test_payoffs_probability_override(cli):
    r = cli("payoffs", "-f", "json", "-P", "transactional_linkage=0.25", "-P", "routine_cooperation=0.3")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["probabilities"]["routine_cooperation"] == 0.3 and "overrides" in data["probabilities_source"]


def test_payoffs_packages(cli):
    r = cli("payoffs", "-f", "json", "--package", "legal_position_against_bundling,reintegration_support", "--package", "reciprocal_repatriation_talks")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["kind"] == "package"
    assert [p["id"] for p in data["payoffs"]] == ["legal_position_against_bundling+reintegration_support", "reciprocal_repatriation_talks"]
    options = {p["id"]: p["values"] for p in json.loads(cli("payoffs", "-f", "json").stdout)["payoffs"]}
    first = data["payoffs"][0]["values"]
    for sid, v in first.items():
        assert v == pytest.approx(options["legal_position_against_bundling"][sid] + options["reintegration_support"][sid])


def test_payoffs_in_chinese(cli):
    r = cli("payoffs", "--lang", "zh")
    assert r.exit_code == 0 and "交易型" in r.stdout


@pytest.mark.parametrize(
    "args, fragments",
    [
        (["-P", "routine_cooperation=0.3"], ["sum to 1.15", "off by +0.15"]),
        (["-P", "nope=0.3"], ["unknown scenario 'nope'"]),
        (["-P", "routine_cooperation"], ["cannot read --probability", "SCENARIO=P"]),
        (["-P", "routine_cooperation=x"], ["cannot read --probability"]),
        (["--alpha", "1.5"], ["alpha must be between 0 and 1"]),
        (["--package", "nope,reintegration_support"], ["unknown option 'nope'"]),
        (["--package", "joint_position_affected_states"], ["breaks a red line"]),
        (["--profile", "nope"], ["unknown weight profile 'nope'"]),
    ],
)
def test_payoffs_bad_input(cli, args, fragments):
    assert_clean_error(cli("payoffs", *args), *fragments)


def test_payoffs_case_without_scenarios(cli, tmp_path):
    path = write(tmp_path, BOS_CASE)
    assert_clean_error(cli("payoffs", str(path)), "has no scenarios")


def test_payoffs_case_with_probabilities_off_by_some(cli, tmp_path, cases_dir):
    text = (cases_dir / "tiny.yaml").read_text(encoding="utf-8").replace("probability: 0.25", "probability: 0.35")
    path = write(tmp_path, text)
    assert_clean_error(cli("payoffs", str(path)), "sum to 1.1", "off by +0.1", "case.yaml")


# -- game -------------------------------------------------------------------------------


def test_game_table_on_the_bundled_case(cli):
    r = cli("game")
    assert r.exit_code == 0, r.stderr
    for text in ("repatriation_linkage", "Best responses", "Dominated strategies", "Nash equilibria: all 3 extreme equilibria", "Security levels", "ANALYST JUDGMENTS", "sha256", "degenerate"):
        assert text in r.stdout, text


def test_game_json_of_a_custom_case(cli, tmp_path):
    r = cli("game", str(write(tmp_path, BOS_CASE)), "--game", "bos", "-f", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["game"] == "bos" and len(data["case_sha256"]) == 64 and data["version"]
    mixed = [e for e in data["equilibria"] if not e["pure"]]
    assert mixed == [{"id": 2, "anna": {"bach": "2/3", "stravinsky": "1/3"}, "ben": {"bach": "1/3", "stravinsky": "2/3"}, "payoffs": ["2/3", "2/3"], "pure": False, "certified": True, "deviation_gains": ["0", "0"]}]
    assert data["pure_equilibria"] == [["bach", "bach"], ["stravinsky", "stravinsky"]]
    assert data["security_levels"]["anna"]["mixed"] == "2/3"
    assert data["zero_sum"] is None and data["degenerate"] is False


def test_game_csv_one_row_per_equilibrium(cli):
    r = cli("game", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    df = pd.read_csv(io.StringIO(r.stdout), comment="#", dtype=str)
    assert len(df) == 3 and set(df["certified"]) == {"1"}
    # A bare 1/4 opens as a date in a spreadsheet: the number is decimal, the exact
    # rational sits in its own column with the fraction slash U+2044 (see docs/exports.md).
    assert "0.25" in set(df["china:reciprocal_conditional_cooperation"])
    assert "1\u20444" in set(df["exact:china:reciprocal_conditional_cooperation"])


def test_game_in_chinese(cli):
    r = cli("game", "--lang", "zh")
    assert r.exit_code == 0 and "主动互惠" in r.stdout


def test_game_unknown_id(cli):
    assert_clean_error(cli("game", "--game", "nope"), "unknown game 'nope'", "repatriation_linkage")


def test_game_case_without_games(cli, cases_dir):
    assert_clean_error(cli("game", str(cases_dir / "tiny.yaml")), "no games: section")


def test_game_missing_strategy_pair_names_file_and_line(cli, tmp_path):
    text = BOS_CASE.replace("      stravinsky: {bach: [0, 0], stravinsky: [1, 2]}\n", "      stravinsky: {bach: [0, 0]}\n")
    path = write(tmp_path, text)
    r = cli("game", str(path))
    assert_clean_error(r, "no payoff for the strategy pair (anna: stravinsky, ben: stravinsky)", f"{path}:16")


def test_game_unknown_strategy_in_payoffs(cli, tmp_path):
    text = BOS_CASE.replace("stravinsky: {bach: [0, 0], stravinsky: [1, 2]}", "stravinsky: {bach: [0, 0], stravinsky: [1, 2], mozart: [1, 1]}")
    assert_clean_error(cli("game", str(write(tmp_path, text))), "unknown strategy 'mozart' of ben")


def test_game_three_players_refused(cli, tmp_path):
    text = BOS_CASE.replace("    payoffs:\n", "      carl:\n        label: Carl\n        strategies: {x: {label: X}}\n    payoffs:\n")
    assert_clean_error(cli("game", str(write(tmp_path, text))), "exactly two players")


def test_game_payoff_with_one_number_refused(cli, tmp_path):
    text = BOS_CASE.replace("stravinsky: {bach: [0, 0], stravinsky: [1, 2]}", "stravinsky: {bach: [0, 0], stravinsky: [1]}")
    assert_clean_error(cli("game", str(write(tmp_path, text))), "a payoff is a pair")


def test_validate_accepts_the_bundled_game(cli):
    assert cli("validate").exit_code == 0


def test_payoffs_top_packages_from_the_portfolio(cli):
    r = cli("payoffs", "--packages", "1", "-f", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["kind"] == "package"
    origins = " | ".join(p["origin"] for p in data["payoffs"])
    assert "best package 1 of the base case" in origins
    for sid in data["probabilities"]:
        assert f"best package under {sid}" in origins
    table = cli("payoffs", "--packages", "1")
    assert table.exit_code == 0 and "The packages" in table.stdout and "P1" in table.stdout


def test_payoffs_negative_package_count(cli):
    assert_clean_error(cli("payoffs", "--packages", "-1"), "--packages must be 0 or more")


def test_markdown_for_memos(cli):
    r = cli("payoffs", "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    assert "| Maximin (Wald) | policy_monitoring_early_warning |" in r.stdout
    assert "> scores, probabilities and payoffs are analyst judgments, not facts" in r.stdout
    g = cli("game", "-f", "markdown", "--lang", "zh")
    assert g.exit_code == 0, g.stderr
    assert "| 主动互惠、附条件的遣返合作 | 3*, 2* |" in g.stdout and "ANALYST JUDGMENTS" in g.stdout


GAME_ONLY = """negotiator: 1
games:
  g:
    label: "[draft] plan"
    players:
      row:
        label: Row
        strategies:
          a: {label: "[draft] plan"}
          b: {label: b}
      col:
        label: Col
        strategies:
          x: {label: x}
          y: {label: y}
    payoffs:
      a: {x: [1, 1], y: [1, 1]}
      b: {x: [1, 1], y: [1, 1]}
"""


def test_game_case_text_is_never_markup_and_sets_are_named(cli, tmp_path, monkeypatch):
    # issue 14: equilibrium sets printed "any mix of  for row" because "[...]" was read as markup.
    # A case that is only a game needs no objectives:/options: placeholders.
    monkeypatch.setenv("COLUMNS", "80")
    path = tmp_path / "game.yaml"
    path.write_text(GAME_ONLY, encoding="utf-8")
    r = cli("game", str(path))
    assert r.exit_code == 0, r.stderr
    assert "[draft] plan (g)" in r.stdout  # the title
    assert r.stdout.count("[draft] plan") >= 2  # the title and the strategy label
    assert "any mix of [b; a] for row" in r.stdout and "any mix of  for" not in r.stdout
    # A strategy whose label is its id is printed once: the payoff table's last row is "b" alone,
    # and the column headers "x", "y" take one line.
    lines = r.stdout.splitlines()
    k = next(i for i, line in enumerate(lines) if line.startswith("│ b ") and "1*, 1*" in line)
    assert lines[k + 1].startswith("└")
    assert sum(1 for line in lines[:5] if "┃" in line and " x " in line) == 1
    # Nothing dominated: no table of headers only.
    assert "dominated by" not in r.stdout and "nothing is dominated" in r.stdout
    assert all(len(line) <= 80 for line in r.stdout.splitlines())
    md = cli("game", str(path), "--format", "markdown").stdout
    assert "[draft] plan" in md and "any mix of [b; a] for row" in md
    zh = cli("game", str(path), "--lang", "zh")
    assert zh.exit_code == 0 and "[draft] plan" in zh.stdout and "[b; a]" in zh.stdout


def test_payoffs_ignorance_menu_effects_and_exact_in_every_format(cli, monkeypatch):
    # issue 14: complete ignorance, maximum likelihood, exact fractions beside the floats.
    r = cli("payoffs", "--format", "json")
    d = json.loads(r.stdout)
    assert "maximum_likelihood" in [x["rule"] for x in d["rules"]] and d["complete_ignorance"] is False
    assert d["exact"] is not None and "/" in next(iter(d["exact"]["values"].values()))["transactional_linkage"]
    r = cli("payoffs", "--ignorance", "--format", "json")
    d = json.loads(r.stdout)
    assert d["complete_ignorance"] is True and d["expected_value_of_perfect_information"] is None
    assert [x["rule"] for x in d["not_run"]] == ["expected_value", "maximum_likelihood"]
    assert isinstance(d["menu_effects"], list)
    csv = cli("payoffs", "--format", "csv").stdout
    assert "exact:maximum_likelihood" in csv.splitlines()[0] or "exact:maximum_likelihood" in next(l for l in csv.splitlines() if not l.startswith("#"))
    monkeypatch.setenv("COLUMNS", "80")
    for lang, words in (("en", "not run"), ("zh", "未运行")):
        r = cli("payoffs", "--ignorance", "--lang", lang)
        assert r.exit_code == 0 and words in r.stdout
        assert all(len(line) <= 80 for line in r.stdout.splitlines())


# -- issue 14: a case whose scenarios carry no probabilities (complete ignorance) -------------


def test_payoffs_of_a_case_without_probabilities(cli, cases_dir, monkeypatch):
    # Stevenson, Operations Management, supplement to ch. 5: the contractor's capacity problem
    # (profit 50/60 do nothing, 20/80 expand, 40/70 subcontract; here on a 0-100 scale). By hand:
    # maximin do nothing (worst 50 > 40 > 20); maximax expand (80); Hurwicz 0.5 and Laplace: do nothing
    # and subcontract tie at 55 (expand 50); regrets do nothing 0/20, expand 30/0, subcontract 10/10:
    # minimax regret subcontract (10).
    path = cases_dir / "contractor_ignorance.yaml"
    r = cli("payoffs", path, "--format", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["complete_ignorance"] is True and d["probabilities"] is None
    assert [s["probability"] for s in d["scenarios"]] == [None, None]
    assert {x["rule"]: x["choice"] for x in d["rules"]} == {
        "maximin": ["do_nothing"], "maximax": ["expand"], "hurwicz": ["do_nothing", "subcontract"],
        "laplace": ["do_nothing", "subcontract"], "minimax_regret": ["subcontract"],
    }
    assert [x["rule"] for x in d["not_run"]] == ["expected_value", "maximum_likelihood"]
    assert d["probability_switches"] == [] and d["expected_value_of_perfect_information"] is None
    assert d["exact"]["scores"]["minimax_regret"]["subcontract"] == "1/10"
    for fmt in ("table", "markdown", "csv"):
        r = cli("payoffs", path, "--format", fmt)
        assert r.exit_code == 0 and "p = " not in r.stdout and "p=" not in r.stdout, (fmt, r.stdout)
        assert "complete ignorance" in r.stdout
    monkeypatch.setenv("COLUMNS", "80")
    r = cli("payoffs", path, "--lang", "zh")
    assert r.exit_code == 0 and "未给出（完全不确定）" in r.stdout and "未运行" in r.stdout
    assert "Traceback" not in r.stderr


def test_payoffs_probability_flags_on_a_case_without_probabilities(cli, cases_dir):
    path = cases_dir / "contractor_ignorance.yaml"
    r = cli("payoffs", path, "-P", "low_demand=0.3", "-P", "high_demand=0.7", "--format", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["complete_ignorance"] is False and d["probabilities"] == {"low_demand": 0.3, "high_demand": 0.7}
    assert d["probabilities_source"] == "--probability flags (low_demand=0.3, high_demand=0.7)"
    # 0.3 x 20 + 0.7 x 80 = 62 beats 61 (subcontract) and 57 (do nothing); high demand is the likelier.
    rules = {x["rule"]: x["choice"] for x in d["rules"]}
    assert rules["expected_value"] == ["expand"] and rules["maximum_likelihood"] == ["expand"]
    assert_clean_error(cli("payoffs", path, "-P", "low_demand=0.3"), "missing: high_demand", "-P high_demand=P")


def test_other_commands_cope_with_a_case_without_probabilities(cli, cases_dir, tmp_path):
    path = cases_dir / "contractor_ignorance.yaml"
    r = cli("sensitivity", "scenarios", path, "--format", "json")
    assert r.exit_code == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["complete_ignorance"] is True and d["expected_score"] == {} and [c["probability"] for c in d["columns"]] == [None, None, None]
    r = cli("sensitivity", "scenarios", path)
    assert r.exit_code == 0 and "p = " not in r.stdout and "expected" not in r.stdout.split("complete ignorance")[0].lower()
    r = cli("portfolio", path, "--robust", "scenarios")
    assert r.exit_code == 0, r.stderr
    assert json.loads(cli("portfolio", path, "--robust", "scenarios", "--format", "json").stdout)["probabilities"] == {}


def test_a_derived_batna_needs_probabilities(cli, cases_dir, tmp_path):
    # full_features.yaml derives China's BATNA as an expected value over the scenarios: without
    # probabilities there is none, and the error names the party's line and the fix.
    text = "".join(line for line in (cases_dir / "full_features.yaml").read_text(encoding="utf-8").splitlines(True) if not line.strip().startswith("probability:"))
    path = write(tmp_path, text)
    assert cli("validate", path).exit_code == 0
    line = next(k for k, l in enumerate(text.splitlines(), 1) if "batna: derived" in l)
    assert_clean_error(cli("negotiate", path), f"{path}:{line}", "no probabilities", "give every scenario a probability, or give the BATNA of 'china' as a number")
