"""`negotiator sensitivity ...` end to end: formats, provenance, charts, bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

COMMANDS = ["sweep", "stability", "flip", "smaa", "tornado", "scenarios"]


@pytest.fixture
def tiny(cases_dir):
    return str(cases_dir / "tiny.yaml")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_runs_on_the_bundled_case(cli, command):
    extra = ["--samples", "2000"] if command == "smaa" else []
    r = cli("sensitivity", command, *extra)
    assert r.exit_code == 0, r.stderr
    assert "sha256" in r.stdout and "analyst judgments" in r.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_json_carries_the_provenance(cli, tiny, command):
    extra = ["--samples", "500", "--seed", "7"] if command == "smaa" else []
    r = cli("sensitivity", command, tiny, "--format", "json", *extra)
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    for key in ("case", "case_sha256", "version", "method", "profile", "weights", "seed", "samples"):
        assert key in data
    assert data["case"].endswith("tiny.yaml") and len(data["case_sha256"]) == 64
    if command == "smaa":
        assert (data["seed"], data["samples"]) == (7, 500)


@pytest.mark.parametrize("command", COMMANDS)
def test_csv_is_a_table_with_provenance_comment_lines(cli, tiny, command):
    extra = ["--samples", "500"] if command == "smaa" else []
    r = cli("sensitivity", command, tiny, "--format", "csv", *extra)
    assert r.exit_code == 0, r.stderr
    body = [line for line in r.stdout.splitlines() if not line.startswith("#")]
    comments = [line for line in r.stdout.splitlines() if line.startswith("#")]
    rows = list(csv.reader(io.StringIO("\n".join(body))))
    assert len(rows) >= 1 and all(len(row) == len(rows[0]) for row in rows)
    assert any("sha256" in c for c in comments) and any("negotiator" in c for c in comments)


def test_smaa_same_seed_same_output(cli, tiny):
    a = cli("sensitivity", "smaa", tiny, "--samples", "5000", "--seed", "5", "--format", "json")
    b = cli("sensitivity", "smaa", tiny, "--samples", "5000", "--seed", "5", "--format", "json", "--workers", "1")
    assert a.exit_code == 0 and a.stdout == b.stdout


def test_smaa_table_shows_seed_and_samples(cli, tiny):
    r = cli("sensitivity", "smaa", tiny, "--samples", "1234", "--seed", "99")
    assert r.exit_code == 0 and "seed: 99" in r.stdout and "samples: 1234" in r.stdout


def test_lang_zh_uses_the_chinese_labels(cli):
    r = cli("sensitivity", "stability", "--lang", "zh")
    assert r.exit_code == 0 and "国家主权" in r.stdout


def test_sweep_of_one_objective_lists_every_swap(cli):
    r = cli("sensitivity", "sweep", "--objective", "citizen_rights")
    assert r.exit_code == 0 and "Every swap as the weight of" in r.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_plots_are_written(cli, tiny, tmp_path, command):
    suffix, magic = ("svg", b"<?xml") if command == "scenarios" else ("png", b"\x89PNG")
    out = tmp_path / f"chart.{suffix}"
    extra = ["--samples", "300"] if command == "smaa" else []
    r = cli("sensitivity", command, tiny, "--plot", str(out), *extra)
    assert r.exit_code == 0, r.stderr
    assert out.read_bytes().startswith(magic) and "chart saved" in r.stderr


def test_svg_is_byte_identical_for_the_same_result(cli, tiny, tmp_path):
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    cli("sensitivity", "smaa", tiny, "--samples", "400", "--plot", str(a))
    cli("sensitivity", "smaa", tiny, "--samples", "400", "--plot", str(b))
    assert a.read_bytes() == b.read_bytes()


def test_no_progress_bar_when_stderr_is_not_a_terminal(cli, tiny):
    r = cli("sensitivity", "smaa", tiny, "--samples", "2000")
    assert r.exit_code == 0 and "%" not in r.stderr


# Run on the tiny case (objectives gain, cost, risk; profile main; scenarios calm, storm).
BAD = [
    (["smaa", "--samples", "0"], "--samples must be at least 1"),
    (["smaa", "--samples", "-5"], "--samples must be at least 1"),
    (["smaa", "--interval", "gain=0.6:0.9", "--interval", "cost=0.5:0.9"], "cannot sum to 1"),
    (["smaa", "--interval", "gain=0:0.1", "--interval", "cost=0:0.1", "--interval", "risk=0:0.1"], "cannot sum to 1"),
    (["smaa", "--interval", "gain:0.1"], "cannot read the weight interval"),
    (["smaa", "--interval", "nope=0.1:0.2"], "unknown objective 'nope'"),
    (["smaa", "--weight-model", "bayes"], "unknown weight model"),
    (["smaa", "--format", "xml"], "unknown output format 'xml'"),
    (["sweep", "--objective", "nope"], "unknown objective 'nope'"),
    (["stability", "--objective", "nope"], "unknown objective 'nope'"),
    (["stability", "--top", "0"], "--top must be between 1 and"),
    (["flip", "--profile", "nope"], "unknown weight profile 'nope'"),
    (["flip", "--norm", "l3"], "unknown norm 'l3'"),
    (["tornado", "--method", "nope"], "unknown method 'nope'"),
    (["tornado", "--limit", "0"], "--limit must be at least 1"),
    (["scenarios", "--profile", "nope"], "unknown weight profile 'nope'"),
    (["sweep", "--scenario", "nope"], "unknown scenario 'nope'"),
    (["sweep", "--plot", "chart.pdf"], "must end in .png or .svg"),
]


@pytest.mark.parametrize("args, message", BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_one_clear_message_and_exit_2(cli, tiny, args, message):
    r = cli("sensitivity", args[0], tiny, *args[1:])
    assert r.exit_code == 2
    assert message in r.stderr and "Traceback" not in r.stderr
    assert r.stdout == ""


def test_unknown_objective_on_the_bundled_case_lists_the_known_ones(cli):
    r = cli("sensitivity", "sweep", "--objective", "sovereignty")
    assert r.exit_code == 2 and "unknown objective 'sovereignty'" in r.stderr and "sovereignty_jurisdiction" in r.stderr


def test_an_existing_chart_is_not_overwritten_without_force(cli, tiny, tmp_path):
    out = tmp_path / "keep.png"
    out.write_bytes(b"precious")
    r = cli("sensitivity", "sweep", tiny, "--plot", str(out))
    assert r.exit_code == 2 and "already exists" in r.stderr and out.read_bytes() == b"precious"
    r = cli("sensitivity", "sweep", tiny, "--plot", str(out), "--force")
    assert r.exit_code == 0 and out.read_bytes().startswith(b"\x89PNG")


def test_help_does_not_import_heavy_libraries():
    code = "import sys; from negotiator.cli import main\ntry:\n main(['sensitivity', '--help'])\nexcept SystemExit: pass\nprint(sorted(m for m in ('numpy', 'pandas', 'pulp', 'matplotlib', 'scipy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]")


ONE_OBJECTIVE = """
negotiator: 1
objectives:
  only: {label: Only, scale: [0, 10]}
options:
  a: {label: A, scores: {only: [2, 4, 9]}}
  b: {label: B, scores: {only: 5}}
scenarios:
  s: {label: S, probability: 1, scores: {a: {only: 8}}}
"""


@pytest.mark.parametrize("command", COMMANDS)
def test_a_case_with_one_objective_works_everywhere(cli, tmp_path, command):
    path = tmp_path / "one.yaml"
    path.write_text(ONE_OBJECTIVE, encoding="utf-8")
    r = cli("sensitivity", command, str(path), "--format", "json")
    assert r.exit_code == 0, r.stderr
    json.loads(r.stdout)


def test_a_case_where_red_lines_leave_one_option_is_refused(cli, tmp_path):
    path = tmp_path / "one_left.yaml"
    path.write_text(ONE_OBJECTIVE + "constraints:\n  limits: {only: {min: 5}}\n", encoding="utf-8")
    r = cli("sensitivity", "smaa", str(path))
    assert r.exit_code == 2 and "only 1 option(s) pass the red lines" in r.stderr


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_appears_on_a_terminal_after_the_delay(monkeypatch):
    from negotiator.cli import sensitivity_cmds as cmds

    monkeypatch.setattr(sys, "stderr", _Terminal())
    monkeypatch.setattr(cmds._ProgressBar, "DELAY", 0.0)
    with cmds._ProgressBar("work", quiet=False) as bar:
        bar(1, 10)
        assert bar.bar is not None
        bar(10, 10)
    with cmds._ProgressBar("work", quiet=True) as quiet:
        quiet(1, 10)
        assert quiet.bar is None


def test_progress_bar_waits_a_second_before_showing(monkeypatch):
    from negotiator.cli import sensitivity_cmds as cmds

    monkeypatch.setattr(sys, "stderr", _Terminal())
    with cmds._ProgressBar("work", quiet=False) as bar:
        bar(1, 10)  # well under a second in: a fast run never shows a bar
        assert bar.bar is None


def test_analyses_under_a_scenario_name_it(cli, tiny):
    r = cli("sensitivity", "flip", tiny, "--scenario", "storm", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["scenario"] == "storm"
    r = cli("sensitivity", "smaa", tiny, "--scenario", "storm", "--samples", "500")
    assert r.exit_code == 0 and "scenario: storm" in r.stdout


# -- QA review (issue 4): provenance of drawn weights, and 80-column terminals ----------------


def test_smaa_says_the_profile_weights_are_not_used_under_uniform_weights(cli):
    table = cli("sensitivity", "smaa", "-n", "500", "-q").stdout
    assert "weights: drawn uniformly from the simplex (the profile's weights are not used)" in " ".join(table.split())
    assert "sovereignty_jurisdiction=0.1364" not in table
    csv_text = cli("sensitivity", "smaa", "-n", "500", "-f", "csv").stdout
    assert "# weights: drawn uniformly from the simplex (the profile's weights are not used)\n" in csv_text
    data = json.loads(cli("sensitivity", "smaa", "-n", "500", "-f", "json").stdout)
    assert data["weights_used"] is False and data["weight_model"]["weights_used"] is False
    assert data["weights_note"].startswith("drawn uniformly from the simplex")
    assert "weights" in data  # the key stays, for scripts that read it


def test_smaa_weights_line_for_the_order_interval_and_fixed_models(cli):
    order = cli("sensitivity", "smaa", "-n", "500", "--weight-model", "order", "-f", "csv").stdout
    assert "(only the profile's order of importance is used, not its numbers)" in order
    spread = cli("sensitivity", "smaa", "-n", "500", "--spread", "0.2", "-f", "csv").stdout
    assert "the profile's weights ±20%; the weights themselves are not used" in spread
    given = cli("sensitivity", "smaa", "-n", "500", "--interval", "citizen_rights=0.1:0.3", "-f", "csv").stdout
    assert "citizen_rights in [0.100, 0.300]" in given and "intervals given with --interval; the profile's weights are not used" in given
    fixed = json.loads(cli("sensitivity", "smaa", "-n", "500", "--weight-model", "fixed", "-f", "json").stdout)
    assert fixed["weights_used"] is True and fixed["weights_note"] is None
    assert "# weights: sovereignty_jurisdiction=0.1364" in cli("sensitivity", "smaa", "-n", "500", "--weight-model", "fixed", "-f", "csv").stdout


@pytest.mark.parametrize("command", [["sweep"], ["stability"], ["smaa", "-n", "500"], ["sweep", "-o", "resource_cost"], ["scenarios"]])
def test_tables_fit_80_columns(cli, monkeypatch, command):
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("sensitivity", *command, "-q")
    assert out.exit_code == 0, out.stderr
    lines = out.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    body = [line for line in lines if line.startswith("│")]
    assert not any("…" in line for line in body)  # ids whole: no cell cut to an ellipsis
    title = lines[0].strip()
    assert "…" not in title and (command[0] != "smaa" or title == "SMAA-2 rank acceptability (500 draws, uniform weights)")


def test_stability_at_80_columns_is_not_one_word_per_line(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("sensitivity", "stability", "-q").stdout
    table = out.split("weight stability intervals —")[0]
    rows = [line for line in table.splitlines() if line.startswith("│")]
    assert len(rows) <= 4 * 11  # 11 objectives, a few lines each (was ~100 lines, a word per line)
    assert "legal_position_against_bundling" in table  # ids whole, not folded mid-word


def test_scenarios_at_80_columns_name_the_short_scenario_headers(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = " ".join(cli("sensitivity", "scenarios", "-q").stdout.split())
    assert "S1 = transactional_linkage (p = 0.4)" in out and "out (S1)" in out
