"""`negotiator portfolio` and `negotiator portfolio sweep`: outputs, exit codes, bad input."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.portfolio.test_model import CALIFORNIA

PROVENANCE_KEYS = {"case", "case_sha256", "version", "method", "profile", "weights", "seed"}


@pytest.fixture
def california(tmp_path):
    path = tmp_path / "california.yaml"
    path.write_text(CALIFORNIA, encoding="utf-8")
    return path


def test_default_solves_the_bundled_case(cli):
    r = cli("portfolio")
    assert r.exit_code == 0, r.stderr
    assert "proven optimal" in r.stdout
    assert "Best package" in r.stdout and "left (slack)" in r.stdout
    assert "analyst judgments" in r.stdout
    assert "sha256" in r.stdout
    assert "binding" in r.stdout  # says what holds the package back


def test_json_contract(cli, california):
    r = cli("portfolio", california, "--format", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert {"status", "selected", "value", "resources", "budgets"} <= set(data)
    assert PROVENANCE_KEYS <= set(data)
    assert data["status"] == "optimal" and data["proven_optimal"] is True
    assert data["selected"] == ["factory_la", "factory_sf"]
    assert data["value"] == pytest.approx(1.4)
    assert data["resources"] == {"capital": 9.0}
    assert data["budgets"] == {"capital": 10.0}
    assert data["slack"] == {"capital": 1.0}
    assert data["solver"]["solver"] == "cbc"
    assert data["timing"]["build_seconds"] >= 0


def test_explicit_solve_subcommand_and_highs_give_the_same_answer(cli, california):
    a = json.loads(cli("portfolio", "solve", california, "-f", "json").stdout)
    b = json.loads(cli("portfolio", california, "--solver", "highs", "-f", "json").stdout)
    assert a["selected"] == b["selected"] and a["value"] == pytest.approx(b["value"])
    assert b["solver"]["solver"] == "highs"


def test_top_k_csv_has_slack_on_every_budget_and_provenance(cli):
    r = cli("portfolio", "--top", "3", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    body = [line for line in r.stdout.splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(body))))
    assert [row["rank"] for row in rows] == ["1", "2", "3"]
    for res in ("staff", "budget", "diplomacy"):
        assert all(f"slack:{res}" in row for row in rows)
    values = [float(row["value"]) for row in rows]
    assert values == sorted(values, reverse=True)
    comments = [line for line in r.stdout.splitlines() if line.startswith("#")]
    assert any("sha256" in c for c in comments) and any("analyst judgments" in c for c in comments)


def test_what_if_flags(cli):
    r = cli("portfolio", "--budget", "staff=40", "--count", "2:4", "--include", "consular_alerts_legal_aid", "--exclude", "reciprocal_repatriation_talks", "-f", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["budgets"]["staff"] == 40
    assert data["count"] == [2, 4]
    assert "consular_alerts_legal_aid" in data["selected"]
    assert "reciprocal_repatriation_talks" not in data["selected"]
    assert 2 <= len(data["selected"]) <= 4 and data["resources"]["staff"] <= 40


def test_infeasible_exits_1_and_names_the_conflict(cli, california):
    r = cli("portfolio", california, "--include", "warehouse_la", "--include", "warehouse_sf")
    assert r.exit_code == 1
    assert "no package meets all the constraints" in r.stdout
    assert "exclude each other" in r.stdout
    j = cli("portfolio", california, "--include", "factory_la", "--include", "warehouse_la", "-f", "json")
    assert j.exit_code == 1
    data = json.loads(j.stdout)
    assert data["status"] == "infeasible" and data["selected"] == []
    budget = next(c for c in data["diagnosis"]["conflict"] if c["kind"] == "budget")
    assert budget["new_limit"] == pytest.approx(11.0)


def test_robust_flag_alone_means_profiles(cli):
    r = cli("portfolio", "--robust", "-f", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["across"] == "profiles" and len(data["packages"]) == 1 + len(data["names"])
    assert data["packages"][0]["name"] == "maximin"
    assert set(data["weights_by_profile"]) == set(data["names"])


def test_robust_scenarios_table(cli):
    r = cli("portfolio", "--robust", "scenarios")
    assert r.exit_code == 0, r.stderr
    assert "maximin" in r.stdout and "probability" in r.stdout


def test_core_json(cli):
    r = cli("portfolio", "--core", "--samples", "40", "--seed", "7", "-p", "low_risk", "-f", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["seed"] == 7 and data["samples"] == 40
    assert set(data["core"]) | set(data["borderline"]) | set(data["exterior"]) == {o["option"] for o in data["options"]}
    assert "independent_investigation_push" in data["exterior"]
    assert data["packages"] and 0 < data["packages"][0]["share"] <= 1


def test_sweep_table_json_and_plot(cli, tmp_path):
    r = cli("portfolio", "sweep", "--resource", "staff", "--from", "20", "--to", "100", "--step", "40")
    assert r.exit_code == 0, r.stderr
    assert "Efficient frontier" in r.stdout
    j = cli("portfolio", "sweep", "-r", "diplomacy", "--from", "5", "--to", "25", "--points", "3", "-f", "json")
    data = json.loads(j.stdout)
    assert [p["cap"] for p in data["points"]] == [5, 15, 25]
    values = [p["value"] for p in data["points"]]
    assert values == sorted(values)
    assert PROVENANCE_KEYS <= set(data)
    png = tmp_path / "frontier.png"
    p = cli("portfolio", "sweep", "-r", "staff", "--from", "20", "--to", "60", "--points", "3", "--plot", png, "-f", "csv")
    assert p.exit_code == 0, p.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    again = cli("portfolio", "sweep", "-r", "staff", "--from", "20", "--to", "60", "--plot", png)
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_time_limit_and_gap_are_reported(cli):
    data = json.loads(cli("portfolio", "--time-limit", "30", "--gap", "0.01", "-f", "json").stdout)
    assert data["solver"] == {"solver": "cbc", "time_limit": 30.0, "gap": 0.01}
    # Whatever the solver did, the claim matches the proof.
    optimality = data["packages"][0]["optimality"]
    if data["proven_optimal"]:
        assert optimality["gap_absolute"] <= 1e-6 * max(1, abs(data["value"]))
    elif data["status"] == "gap":
        # Stopped at the requested 1%: proven within it, and the words say by how much.
        assert 0 < optimality["gap_relative"] <= 0.01 + 1e-12
        assert data["status_words"].startswith(f"proven within {optimality['gap_relative']:.3%} of the best possible package")
        assert "requested gap of 1%" in data["status_words"] and not data["packages"][0]["proven"]
    else:
        assert "NOT proven optimal" in data["status_words"]


def test_default_gap_proves_a_small_case_exactly_and_says_so(cli):
    """No --gap: a case of at most 60 options (the bundled one has 20) is solved to proven optimality."""
    data = json.loads(cli("portfolio", "-f", "json").stdout)
    assert data["solver"]["gap"] == 0 and data["status"] == "optimal" and data["proven_optimal"]
    assert data["status_words"].startswith("proven optimal")
    table = " ".join(cli("portfolio").stdout.split())
    assert "proven optimal: no package that meets the constraints scores higher" in table and "per solve; gap 0 " in table


def test_solver_messages_stay_quiet(cli, capfd):
    r = cli("portfolio", "--solver", "highs", "-f", "json")
    assert r.exit_code == 0
    captured = capfd.readouterr()
    assert "HiGHS" not in captured.out and "HiGHS" not in r.stdout
    json.loads(r.stdout)


@pytest.mark.parametrize(
    "args,needle",
    [
        (["--budget", "staff"], "RESOURCE=NUMBER"),
        (["--budget", "staff=-3"], "RESOURCE=NUMBER"),
        (["--budget", "people=3"], "unknown resource 'people'"),
        (["--count", "5:2"], "--count"),
        (["--count", "many"], "--count"),
        (["--include", "nope"], "unknown option 'nope'"),
        (["--exclude", "nope"], "unknown option 'nope'"),
        (["--include", "raise_at_hrc_iom", "--exclude", "raise_at_hrc_iom"], "both included and excluded"),
        (["--gap", "2"], "--gap"),
        (["--time-limit", "-1"], "--time-limit"),
        (["--top", "0"], "--top"),
        (["--profile", "nope"], "unknown weight profile"),
        (["--scenario", "nope"], "unknown scenario"),
        (["--robust", "--core"], "two different analyses"),
        (["--robust", "--top", "3"], "--top"),
        (["--core", "--samples", "0"], "--samples"),
        (["--format", "markdown"], "table, json or csv"),
        (["--robust", "scenarios", "--scenario", "routine_cooperation"], "drop --scenario"),
    ],
)
def test_bad_input_exits_2_with_one_clear_message(cli, args, needle):
    r = cli("portfolio", *args)
    assert r.exit_code == 2, (args, r.stdout, r.stderr)
    assert needle in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


@pytest.mark.parametrize(
    "args,needle",
    [
        (["--resource", "staff", "--from", "50", "--to", "10"], "below --from"),
        (["--resource", "people", "--from", "0", "--to", "10"], "unknown resource"),
        (["--resource", "staff", "--from", "0", "--to", "10", "--step", "2", "--points", "3"], "not both"),
        (["--resource", "staff", "--from", "0", "--to", "10", "--plot", "frontier.txt"], ".png"),
    ],
)
def test_sweep_bad_input(cli, args, needle):
    r = cli("portfolio", "sweep", *args)
    assert r.exit_code == 2, (args, r.stdout, r.stderr)
    assert needle in r.stderr and "Traceback" not in r.stderr


def test_missing_case_file_exits_2(cli, tmp_path):
    r = cli("portfolio", tmp_path / "absent.yaml")
    assert r.exit_code == 2 and "no such file" in r.stderr


def test_help_lists_sweep_and_root_help_is_fast(cli):
    r = cli("portfolio", "--help")
    assert r.exit_code == 0 and "sweep" in r.stdout
    import subprocess
    import sys

    # `negotiator --help` must not import the solver stack.
    code = "import sys; from negotiator.cli import app; print('pulp' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "False"


def test_core_with_no_feasible_package_exits_1(cli, california):
    r = cli("portfolio", california, "--core", "--samples", "5", "--include", "warehouse_la", "--include", "warehouse_sf")
    assert r.exit_code == 1
    assert "no package meets the constraints" in r.stderr and "Traceback" not in r.stderr


def test_robust_with_no_feasible_package_exits_1(cli):
    r = cli("portfolio", "--robust", "--include", "independent_investigation_push")
    assert r.exit_code == 1 and "no package meets" in r.stdout


def test_chinese_labels(cli):
    r = cli("portfolio", "--lang", "zh")
    assert r.exit_code == 0
    assert "主动开展对等遣返合作谈判" in r.stdout  # label_zh of reciprocal_repatriation_talks


def test_solve_help_lists_the_what_if_flags(cli):
    r = cli("portfolio", "solve", "--help")
    assert r.exit_code == 0
    for flag in ("--budget", "--count", "--include", "--exclude", "--top", "--robust", "--core", "--solver", "--time-limit", "--gap", "--verbose"):
        assert flag in r.stdout


def test_verbose_sends_solver_messages_to_stderr_only(cli, california):
    r = cli("portfolio", california, "--verbose", "-f", "json")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["status"] == "optimal"  # stdout stays clean JSON
    assert "Cbc" in r.stderr or "CBC" in r.stderr
