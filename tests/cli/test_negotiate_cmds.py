"""`negotiator negotiate`: runs on the bundled agenda and on case files; bad input exits 2."""

from __future__ import annotations

import csv
import io
import json

import pytest

FULL = "removal_flights=two,verification=joint_biometric,fugitive_returns=five,information_sharing=on_request,visa_reciprocity=no_linkage"


@pytest.fixture
def bundled_json(cli):
    r = cli("negotiate", "--format", "json", "--propose", FULL, "--link", "removal_flights,fugitive_returns")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)  # stdout holds nothing but the JSON (no solver banner)


def test_bundled_json_has_provenance_and_a_zone(bundled_json):
    d = bundled_json
    assert d["case"] == "bundled" and len(d["case_sha256"]) == 64 and d["version"]
    assert d["provenance"]["negotiation"] == "repatriation_talks"
    assert "analyst judgments" in d["provenance"]["note"]
    china = d["parties"][0]
    assert china["id"] == "china" and china["batna"]["derived"] is True
    assert china["batna"]["value"] == pytest.approx(100 * china["batna"]["expected_overall_value"])
    assert d["outcome"]["zone"]["exists"] is True
    # Today's package, by hand from payoffs/negotiations.yaml: China 0.15*60 + 0.2*80 + 0.25*40 + 0.15*50 + 0.25*30 = 50;
    # US 0.4*0 + 0.25*0 + 0.1*100 + 0.1*30 + 0.15*100 = 28 (the figure its BATNA rationale cites).
    assert d["status_quo"]["utilities"] == pytest.approx({"china": 50.0, "united_states": 28.0})
    nash = d["outcome"]["solutions"]["nash"]
    for party in ("china", "united_states"):
        assert nash["gains_over_batna"][party] >= 0
    # Every frontier package is efficient: none dominates another.
    pts = [tuple(p["utilities"].values()) for p in d["outcome"]["frontier"]]
    assert all(a[0] > b[0] and a[1] < b[1] for a, b in zip(pts, pts[1:]))


def test_bundled_proposal_and_linkage(bundled_json):
    pr = bundled_json["proposal"]
    assert pr["package"]["removal_flights"] == "two"
    assert pr["efficient"] is False and pr["suggested_improvement"]["better_for_both"] is True
    for party, value in pr["suggested_improvement"]["utilities"].items():
        assert value > pr["utilities"][party]
    lk = bundled_json["linkage"]
    # Separately, the US vetoes every fugitive-return level above none (its status quo is best for it).
    assert lk["acceptable_levels_separately"]["fugitive_returns"] == ["none"]
    assert lk["gain_from_linkage"]["nash"]["total"] > 0


def test_table_output_states_zone_and_judgments(cli):
    r = cli("negotiate")
    assert r.exit_code == 0, r.stderr
    assert "Agreement zone: yes" in r.stdout
    assert "Nash (packages)" in r.stdout and "Kalai-Smorodinsky (lotteries)" in r.stdout
    assert "analyst judgments" in r.stdout and "sha256" in r.stdout


def test_chinese_labels(cli):
    r = cli("negotiate", "--lang", "zh")
    assert r.exit_code == 0 and "中国" in r.stdout and "每月4架次" in r.stdout


def test_csv_rows_and_comment_provenance(cli):
    r = cli("negotiate", "--format", "csv", "--link", "removal_flights,fugitive_returns")
    assert r.exit_code == 0, r.stderr
    body = [line for line in r.stdout.splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(body))))
    assert {row["condition"] for row in rows} == {"as_one_package", "separately"}
    assert any("nash" in row["solutions"].split() for row in rows)
    comments = [line for line in r.stdout.splitlines() if line.startswith("#")]
    assert any("sha256" in c for c in comments) and any("analyst judgments" in c for c in comments)


def test_logroll_case_file(cli, cases_dir):
    r = cli("negotiate", cases_dir / "negotiation_logroll.yaml", "--link", "a,b", "--format", "json")
    assert r.exit_code == 0, r.stderr
    gain = json.loads(r.stdout)["linkage"]["gain_from_linkage"]["nash"]
    assert gain["by_party"] == {"x": 40.0, "y": 20.0} and gain["total"] == 60.0


# -- no agreement zone: a result (exit 0), stated plainly --------------------------------------


def test_no_agreement_zone_is_stated_with_exit_0(cli, cases_dir, tmp_path):
    text = (cases_dir / "negotiation_logroll.yaml").read_text(encoding="utf-8").replace("y: {label: Party Y, batna: 50}", "y: {label: Party Y, batna: 120}")
    path = tmp_path / "unreachable.yaml"
    path.write_text(text, encoding="utf-8")
    r = cli("negotiate", path)
    assert r.exit_code == 0
    assert "No agreement zone: Party Y's walk-away value 120 is above the most any package gives it (100)" in " ".join(r.stdout.split())
    r = cli("negotiate", path, "--format", "json")
    zone = json.loads(r.stdout)["outcome"]["zone"]
    assert zone["exists"] is False and "No agreement zone" in zone["statement"]


# -- bad input: one message, exit 2, no traceback ---------------------------------------------


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--propose", FULL.replace("joint_biometric", "iris_scan")], "issue 'verification' has no level 'iris_scan'"),
        (["--propose", "removal_flights=two"], "gives no level for issue(s) verification"),
        (["--propose", FULL.replace("removal_flights", "flights")], "unknown issue 'flights'"),
        (["--negotiation", "trade_talks"], "unknown negotiation 'trade_talks'"),
        (["--link", "removal_flights,tariffs"], "unknown issue 'tariffs'"),
        (["--link", "removal_flights"], "at least two issues"),
        (["--format", "markdown"], "negotiate writes table, json or csv"),
    ],
)
def test_bad_arguments_exit_2(cli, args, expected):
    r = cli("negotiate", *args)
    assert r.exit_code == 2
    assert expected in " ".join(r.stderr.split())
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_unknown_level_in_the_case_names_file_and_line(cli, cases_dir, tmp_path):
    text = (cases_dir / "negotiation_logroll.yaml").read_text(encoding="utf-8").replace("x: {low: 0, mid: 50, high: 100}", "x: {low: 0, mid: 50, hihg: 100}", 1)
    path = tmp_path / "typo.yaml"
    path.write_text(text, encoding="utf-8")
    r = cli("negotiate", path)
    assert r.exit_code == 2
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "hihg" in t)
    assert f"typo.yaml:{line}" in r.stderr and "unknown level 'hihg'" in r.stderr
    assert r.stdout == ""


def test_case_without_an_agenda(cli, cases_dir):
    r = cli("negotiate", cases_dir / "tiny.yaml")
    assert r.exit_code == 2 and "no negotiation agenda" in r.stderr


def test_same_input_same_bytes(cli, cases_dir):
    # Reproducible: the solver runs single-threaded and utilities are recomputed from the levels.
    args = ("negotiate", cases_dir / "negotiation_logroll.yaml", "--link", "a,b", "--format", "csv")
    assert cli(*args).stdout == cli(*args).stdout


def test_negotiate_after_a_highs_package_solve_in_the_same_process(cli):
    # HiGHS fixes its thread scheduler at the first run in a process; the agenda's solver used to
    # ask for threads=1 afterwards and HiGHS refused to run ("Not Solved"), e.g. in the TUI.
    pytest.importorskip("highspy")
    assert cli("portfolio", "--solver", "highs").exit_code == 0
    result = cli("negotiate", "--format", "json")
    assert result.exit_code == 0, result.stderr
