"""The core's errors in Chinese (i18n/core.py): a case with mistakes, checked with `--lang zh`, reads in
Chinese: every problem worded from the catalogue, each still at its file:line, exit 2, no traceback.

The English stays exactly what it was (tests/case/test_bad_input.py and the other English tests hold
it); tests/test_messages.py checks that every core message has Chinese with the same placeholders.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from negotiator.case.base import CaseModel
from negotiator.testing import run_cli

from error_sites import english_sites  # noqa: E402  (tests/i18n is on the path, as for test_catalogue)
from test_no_english_in_chinese import english_words  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

def _bad_input_module():
    """tests/case/test_bad_input.py's broken files (a test module of another folder: loaded by path)."""
    spec = importlib.util.spec_from_file_location("bad_input_cases", ROOT / "tests" / "case" / "test_bad_input.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_ENGLISH_TESTS = _bad_input_module()
BAD_INPUT = _ENGLISH_TESTS.CASES
GOOD = _ENGLISH_TESTS.GOOD  # the valid case the English tests break one way at a time

NEGOTIATION = GOOD + """negotiations:
  talks:
    label: Talks
    parties:
      us: {label: Us, own_side: true, batna: 40}
      them: {label: Them, batna: 30}
    issues:
      flights:
        label: Flights
        status_quo: none
        levels: {one: {label: One}, two: {label: Two}}
        weights: {us: 1, them: 2}
        values:
          us: {one: 10, two: 5}
          them: {one: 0, two: 100, three: 50}
"""

CONFLICT = GOOD + """conflicts:
  trade:
    label: Trade
    decision_makers:
      us:
        label: US
        options: {tariffs: {label: Tariffs}}
        preferences:
          prioritisation:
            - {statement: "tariffs and (", rationale: r, source: s}
      cn:
        label: CN
        options: {flights: {label: Flights}}
        preferences:
          ranking: [[[flights]], [[]], [[tarifs]]]
    status_quo: []
"""

#: name: (case text, [(line, Chinese the message must hold)]); the brief's list of mistakes an analyst makes.
BROKEN = {
    "missing_score": (GOOD.replace("{a: 1, b: 2}", "{a: 1}"), [(6, "选项 “x” 缺少目标 “b” 的评分"), (6, "请在 `options.x.scores` 下添加 `b: <score>`")]),
    "unknown_objective_in_scores": (GOOD.replace("{a: 1, b: 2}", "{a: 1, b: 2, c: 3}"), [(6, "选项 “x” 的评分中有未知的目标 “c”"), (6, "请使用已有的目标之一：a, b")]),
    "score_outside_scale": (GOOD.replace("{a: 1, b: 2}", "{a: 12, b: 2}"), [(6, "评分 12 超出目标 “a” 声明的量表 [0, 10]")]),
    "requires_unknown_option": (GOOD.replace("x: {label: X,", "x: {label: X, requires: [zz],"), [(6, "选项 “x” 的前提（`requires`）是未知的选项 “zz”")]),
    "profile_unknown_objective": (GOOD.replace("w: {a: 1, b: 1}", "w: {a: 1, b: 1, d: 1}"), [(9, "权重方案 “w” 中有未知的目标 “d”")]),
    "negotiation_references": (NEGOTIATION, [(19, "现状（`status_quo`）“none” 不是议题 “flights” 的水平"), (24, "谈判方 “them” 为议题 “flights” 中未知的水平 “three” 给出了价值")]),
    "conflict_references": (CONFLICT, [(24, "冲突 “trade”：cn 的状态排序中有未知的选项 “tarifs”"), (19, "第 1 条偏好陈述（'tariffs and ('）无法解析：偏好陈述提前结束")]),
    "wrong_direction": (GOOD.replace("direction: min", "direction: up"), [(4, "objectives.b.direction：应为 'max' 或 'min'（实际为 'up'）")]),
    "tab_indent": (GOOD.replace("  y: {label: Y", "\ty: {label: Y"), [(7, "此处有制表符（Tab）：YAML 只能用空格缩进")]),
    "probabilities": (GOOD + "scenarios:\n  s1: {label: S1, probability: 0.5}\n  s2: {label: S2, probability: 0.3}\n", [(10, "情景概率之和为 0.8，不是 1（相差 -0.2）")]),
}


def _schema_keys() -> set[str]:
    """Every key the case format has: a problem may name them (a path, the keys allowed here)."""
    keys: set[str] = set()
    todo = [CaseModel]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        keys |= set(getattr(cls, "model_fields", {}))
    return keys


SCHEMA_KEYS = " ".join(sorted(_schema_keys()))


def _english_left(output: str, case_text: str) -> list[str]:
    """English words of the output beyond what the user typed (the case's ids, keys and values) and the format's keys."""
    return english_words(output, typed=case_text + " " + SCHEMA_KEYS)


@pytest.fixture
def no_colour(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")  # one problem per line: the line-number check reads whole lines


@pytest.mark.parametrize("command", ["validate", "rank"])
@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_case_reads_in_chinese(tmp_path, no_colour, name, command):
    text, expected = BROKEN[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    r = run_cli(command, str(path), "--lang", "zh")
    assert r.exit_code == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    assert re.match(r"(错误|\d+ 个问题)：", r.stderr), r.stderr
    for line, words in expected:
        found = [ln for ln in r.stderr.splitlines() if words in ln or ln.strip().startswith("修改：") and words in ln]
        assert found, f"{words!r} not in:\n{r.stderr}"
        if not found[0].strip().startswith("修改："):
            assert f"{path}:{line}: " in found[0], found[0]
    left = _english_left(r.stderr, text)
    assert not left, f"`{command} {name}.yaml --lang zh` shows English: {left}\n{r.stderr}"


def test_the_english_is_the_same_sentence(tmp_path, no_colour):
    """The same case in English: the sentences tests/case has always read."""
    path = tmp_path / "c.yaml"
    path.write_text(BROKEN["missing_score"][0], encoding="utf-8")
    r = run_cli("validate", str(path))
    assert r.exit_code == 2
    assert f"{path}:6: option 'x' has no score for objective 'b'\n    fix: add `b: <score>` under options.x.scores" in r.stderr
    assert {"has", "score", "under"} <= set(_english_left(r.stderr, BROKEN["missing_score"][0]))  # the check would see English


def test_python_m_negotiator_validate_in_chinese(tmp_path):
    """The real entry point, as a user runs it: `python -m negotiator validate BADCASE --lang zh`."""
    path = tmp_path / "bad.yaml"
    path.write_text(BROKEN["unknown_objective_in_scores"][0], encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-m", "negotiator", "validate", str(path), "--lang", "zh"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"{path}:6: 选项 “x” 的评分中有未知的目标 “c”" in r.stderr
    assert "修改：请使用已有的目标之一：a, b" in r.stderr




@pytest.mark.parametrize("name", sorted(BAD_INPUT))
def test_every_bad_input_of_the_english_tests_reads_in_chinese(tmp_path, no_colour, name):
    content, line, _ = BAD_INPUT[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    r = run_cli("validate", str(path), "--lang", "zh")
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert (f"{path}:{line}: " if line else f"{path}: ") in r.stderr, r.stderr
    assert "修改：" in r.stderr
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    left = _english_left(r.stderr, text)
    assert not left, f"{name}: {left}\n{r.stderr}"


def test_a_workbook_import_error_reads_in_chinese(tmp_path, no_colour):
    from openpyxl import load_workbook

    book = tmp_path / "case.xlsx"
    assert run_cli("export", "-o", str(book)).exit_code == 0
    wb = load_workbook(book)
    ws = wb["Scores"]
    ws["C3"] = "lots"  # a score that is no number
    ws["A4"] = "no_such_option"  # an option the Options sheet does not have
    ws["D5"] = None  # a missing score
    wb["Weights"]["B3"] = "heavy"
    wb.save(book)
    r = run_cli("import", str(book), "-o", str(tmp_path / "out.yaml"), "--lang", "zh")
    assert r.exit_code == 2 and "Traceback" not in r.stderr, r.stderr
    for words in (
        "Scores!C3：'lots' 不是数字（也不是区间 低 / 最可能 / 高）",
        "Scores!A4：选项 “no_such_option” 不在选项工作表（`Options`）中",
        "修改：ID 须与选项工作表（`Options`）完全一致（改过名？请修改 ID，或添加该选项）",
        "在目标 “reception_capacity” 上没有评分",
        "Weights!B3：'heavy' 不是数字",
        "修改：权重是 >= 0 的数（留空即为 0）",
    ):
        assert words in r.stderr, r.stderr
    from negotiator.authoring.layout import SHEET_ORDER

    assert not _english_left(r.stderr, " ".join(SHEET_ORDER) + " lots heavy"), r.stderr  # cells are named by their sheet
    assert not (tmp_path / "out.yaml").exists()


def test_a_csv_merge_error_reads_in_chinese(tmp_path, no_colour):
    case = tmp_path / "case.yaml"
    case.write_text(GOOD, encoding="utf-8")
    csv = tmp_path / "scores.csv"
    csv.write_text("option,a,b,c\nx,1,2\ny,abc,8\nz,1,2\nx,3,4\n", encoding="utf-8")
    r = run_cli("import", str(csv), "--into", str(case), "--lang", "zh")
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    for words in (f"{csv}:3: 第 B 列（a）：'abc' 不是数字", f"{csv}:5: 第 A 列：选项 “x” 有两行（另见第 2 行）", f"{csv}:1: 首行中有未知的目标 “c”", f"{csv}:4: 第 A 列：未知的选项 “z”"):
        assert words in r.stderr, r.stderr
    assert not _english_left(r.stderr, csv.read_text() + " skip-unknown"), r.stderr


#: Modules whose every user error is a Message: no English-only error text may come back.
WORDED = [
    "case/base.py", "case/schema.py", "case/scoring.py", "case/catalog.py", "case/yamlio.py", "case/negotiation.py",
    "case/conflicts.py", "case/conflict_statements.py", "case/conflict_states.py", "case/edit.py", "case/games.py",
    "authoring/workbook.py", "authoring/csv_import.py", "authoring/_cells.py", "authoring/layout.py", "authoring/template.py",
    "portfolio/baseline.py", "portfolio/model.py", "portfolio/packages.py", "portfolio/robust.py", "portfolio/solve.py", "portfolio/sweep.py",
    "sensitivity/_common.py", "sensitivity/flip.py", "sensitivity/scenarios.py", "sensitivity/smaa.py", "sensitivity/stability.py",
    "cli/sensitivity_cmds.py", "ranking/api.py", "ranking/analysts.py", "ranking/whatif.py", "scenarios/payoffs.py", "scenarios/rules.py",
    "negotiation/agenda.py", "negotiation/analysis.py", "negotiation/batna.py", "negotiation/frontier.py",
    "conflict/analysis.py", "conflict/inverse.py", "conflict/stability.py", "solvers.py", "fileio.py",
    "model/matrix.py", "model/weights.py", "model/elicitation.py", "model/sampling.py", "model/score_matrix.py",
    "cli/authoring_cmds.py", "cli/memo_cmds.py", "cli/payoffs_cmds.py", "cli/portfolio_cmds.py", "cli/tui_cmds.py", "cli/common.py",
    "methods/__init__.py", "methods/_common.py", "methods/additive.py", "methods/electre.py", "methods/promethee.py", "methods/vikor.py",
    "games/bimatrix.py", "report/__init__.py", "report/memo.py", "authoring/frames.py",
]


@pytest.mark.parametrize("module", WORDED)
def test_no_english_only_error_comes_back(module):
    sites = english_sites(ROOT / "negotiator" / module)
    assert not sites, f"negotiator/{module}: an error worded in English only (use messages.Message): lines {sites}"


#: A mistake on the command line, per area: (arguments, Chinese the error must hold). The bundled case.
COMMAND_ERRORS = {
    "portfolio_budget": (["portfolio", "--budget", "staff=abc"], ["--budget “staff=abc” 不是 `资源=数值` 的形式（数值 >= 0）", "修改：请写成 `--budget staff=40` 的形式"]),
    "portfolio_unknown_resource": (["portfolio", "--budget", "money=3"], ["--budget 指定了未知的资源 “money”", "修改：请使用以下之一："]),
    "portfolio_baseline_number": (["portfolio", "--baseline", "5"], ["--baseline 5：不接受单独的数字", "修改：现状的总价值随权重而变"]),
    "portfolio_gap": (["portfolio", "--gap", "2"], ["--gap 是 0 到 1（不含 1）之间的比例，实际为 2", "修改：例如 `--gap 0.001` 表示 0.1%"]),
    "portfolio_sweep_reversed": (["portfolio", "sweep", "--resource", "budget", "--from", "5", "--to", "2", "--step", "1"], ["--to 2 小于 --from 5", "修改：请交换两者"]),
    "portfolio_robust_scenario": (["portfolio", "--robust", "scenarios", "--scenario", "escalated_enforcement"], ["`--robust scenarios` 已经逐一计算每个情景"]),
    "smaa_samples": (["sensitivity", "smaa", "--samples", "0"], ["--samples 至少为 1，实际为 0", "修改：例如 `--samples 10000`（样本越多，抽样误差越小）"]),
    "smaa_interval": (["sensitivity", "smaa", "--interval", "citizen_rights=0.5:0.2"], ["目标 “citizen_rights” 的区间须满足 0 <= 下限 <= 上限 <= 1，实际为 [0.5, 0.2]"]),
    "flip_norm": (["sensitivity", "flip", "--norm", "l3"], ["未知的范数 “l3”", "修改：请用 `l1`（权重变动的总量，增减都计入）或 `linf`（单项最大变动）"]),
    "stability_top": (["sensitivity", "stability", "--top", "0"], ["--top 须在 1 到"]),
    "analysts_pool": (["analysts", "--pool", "nope"], ["未知的分析人员汇总方式 “nope”", "修改：请用 `median`（中位数）或 `mean`（平均值）"]),
    "analysts_none": (["analysts"], ["没有分析人员（`analysts`）部分"]),
    "payoffs_package": (["payoffs", "--package", "talks,nope"], ["组合 “talks,nope” 中有未知的选项 “talks”", "修改：请使用 `negotiator show` 列出的选项 ID："]),
    "payoffs_probability": (["payoffs", "-P", "escalated_enforcement=2"], ["情景 “escalated_enforcement” 的概率须在 0 到 1 之间，实际为 2"]),
    "negotiate_propose": (["negotiate", "--propose", "foo"], ["--propose 中的 “foo” 不是 `议题=水平` 的形式", "修改：请写成例如 `--propose "]),
    "negotiate_issue": (["negotiate", "--propose", "flights=x"], ["谈判 “repatriation_talks” 中没有议题 “flights”", "修改：请使用以下议题之一："]),
    "negotiate_unknown": (["negotiate", "-n", "nope"], ["未知的谈判 “nope”", "修改：请使用以下之一：repatriation_talks"]),
    "negotiate_link": (["negotiate", "--link", "removal_flights"], ["--link 至少需要两个议题，实际为 1 个"]),
    "conflict_concept": (["conflict", "--concept", "nope"], ["未知的稳定性概念 “nope”", "修改：请使用以下一个或多个（以逗号分隔）：nash, gmr, smr, seq, cnash, cseq，或用 `all` 表示全部"]),
    "conflict_target": (["conflict", "--target", "nope"], ["--target 指定了未知的选项：nope", "修改：可用的选项："]),
    "conflict_unknown": (["conflict", "-c", "nope"], ["未知的冲突 “nope”", "修改：本案例中的冲突：linkage"]),
    "conflict_target_concept": (["conflict", "--target", "none", "--target-concept", "zz"], ["--target 使用了未知的稳定性概念 “zz”"]),
    "rank_scenario": (["rank", "--scenario", "nope"], ["未知的情景 “nope”", "修改：请使用以下之一：transactional_linkage"]),
    "ahp_none": (["ahp"], ["没有 AHP 权重方案", "修改：请写成 `weights: "]),
    "smaa_spread": (["sensitivity", "smaa", "--spread", "3"], ["--spread 须在 0 到 1 之间（各权重的比例），实际为 3", "修改：例如 `--spread 0.5`"]),
    "portfolio_robust_core": (["portfolio", "--robust", "profiles", "--core"], ["--robust 与 --core 是两种不同的分析", "修改：请分别运行"]),
    "portfolio_time_limit": (["portfolio", "--time-limit", "-1"], ["--time-limit 必须是 0（不限时）或秒数，实际为 -1"]),
    "portfolio_step_points": (["portfolio", "sweep", "--resource", "budget", "--from", "1", "--to", "3", "--step", "1", "--points", "3"], ["请给出 --step 或 --points，不要同时给出"]),
    "payoffs_probability_unread": (["payoffs", "-P", "bad"], ["无法读取 --probability “bad”", "修改：请写成 `情景=概率`"]),
    "tui_port": (["tui", "--web", "--port", "0"], ["--port 须在 1 到 65535 之间，实际为 0"]),
    "vikor_v": (["rank", "--method", "vikor", "--vikor-v", "3"], ["VIKOR 的 v 须在 [0, 1] 之内（群体效用相对于个体遗憾的权重），实际为 3.0", "修改：通常取 `--vikor-v 0.5`"]),
    "vikor_v_other_method": (["rank", "--vikor-v", "0.3"], ["--vikor-v 只适用于 `--method vikor`，不适用于 `additive` 方法"]),
    "electre_c": (["rank", "--method", "electre", "--electre-c", "2"], ["ELECTRE 一致性阈值须在 [0, 1] 之内，实际为 2.0"]),
    "topsis_normalisation": (["rank", "--method", "topsis", "--topsis-normalisation", "nope"], ["未知的 TOPSIS 归一化方式 “nope”"]),
    "game_unknown": (["game", "--game", "nope"], ["未知的博弈 “nope”", "修改：请使用以下之一：repatriation_linkage"]),
    "memo_date": (["memo", "-o", "never_written.md", "--date", "2026-13-45"], ["--date “2026-13-45” 不是有效的日期", "修改：例如 `--date 2026-07-01`"]),
    "memo_format": (["memo", "-o", "never_written.txt"], ["无法写出 “.txt” 格式的备忘录；未写入任何内容", "修改：请让文件名以下列之一结尾：.md, .html, .docx, .xlsx, .csv"]),
    "payoffs_alpha": (["payoffs", "--alpha", "3"], ["赫维茨系数 α（`--alpha`）须在 0 到 1 之间，实际为 3", "修改：α 是选项最好结果所占的权重"]),
}


#: Words a hint may list as values to type: the bundled case's name, the stability concepts (`--concept nash,seq`),
#: the normalisations (`--topsis-normalisation vector`).
TYPED_VALUES = "bundled nash gmr smr seq cnash cseq vector minmax sum max none"


@pytest.mark.parametrize("name", sorted(COMMAND_ERRORS))
def test_a_command_line_error_reads_in_chinese(no_colour, name):
    args, expected = COMMAND_ERRORS[name]
    r = run_cli(*args, "--lang", "zh")
    assert r.exit_code == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    assert r.stderr.startswith("错误："), r.stderr
    for words in expected:
        assert words in r.stderr, f"{words!r} not in:\n{r.stderr}"
    left = english_words(r.stderr, typed=" ".join(args) + " " + TYPED_VALUES)
    assert not left, f"`{' '.join(args)} --lang zh` shows English: {left}\n{r.stderr}"


def test_a_file_that_cannot_be_written_reads_in_chinese(tmp_path, no_colour):
    out = tmp_path / "no_such_folder" / "memo.md"
    r = run_cli("memo", "-o", str(out), "--lang", "zh")
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert f"{out}: 文件夹 " in r.stderr and " 不存在；未写入任何内容" in r.stderr and "修改：请先创建该文件夹，或另选路径" in r.stderr, r.stderr
    assert not english_words(r.stderr), r.stderr


@pytest.mark.parametrize("call", ["unknown_solver", "no_state", "concept"])
def test_an_api_error_has_chinese(call):
    """Errors only a caller of the Python API meets (the command line checks these first): Chinese too."""
    from negotiator import solvers
    from negotiator.case.catalog import load_case
    from negotiator.conflict.inverse import make_equilibrium
    from negotiator.conflict.stability import analyse
    from negotiator.errors import UsageError
    from negotiator.i18n import core_text

    with pytest.raises(UsageError) as info:
        if call == "unknown_solver":
            solvers.choose("glpk")
        else:
            result = analyse(next(iter(load_case().case.conflicts.values())))
            make_equilibrium(result.space, result.values, 10_000 if call == "no_state" else 0, "nope" if call == "concept" else "seq")
    problem = info.value.problems[0]
    for text in (problem.message, problem.hint):
        assert not english_words(core_text(text, "zh"), typed="glpk nope " + TYPED_VALUES), core_text(text, "zh")


def test_the_model_warnings_read_in_chinese(tmp_path, no_colour):
    """What the model warns a user of: an objective that cannot discriminate, a profile's AHP note."""
    path = tmp_path / "flat.yaml"
    text = GOOD.replace("{a: 1, b: 2}", "{a: 1, b: 4}").replace("b: [1, 2, 4]", "b: 4")
    path.write_text(text, encoding="utf-8")
    r = run_cli("validate", str(path), "--lang", "zh")
    assert r.exit_code == 0, r.stderr
    assert "注意：目标 “b” 未被计入：每个选项在该目标上的评分都是 4，无法区分各选项" in r.stderr, r.stderr
    assert not _english_left(r.stderr, text), r.stderr
    assert "objective 'b' was ignored: every option scores it 4, so it cannot discriminate" in run_cli("validate", str(path)).stderr
    r = run_cli("validate", "example:methods_demo", "--lang", "zh")
    assert "注意：权重方案 “ahp”：1 个缺失的两两比较由其他判断补全" in r.stderr, r.stderr


def test_a_command_line_error_keeps_its_english(no_colour):
    """The English of a converted error is the sentence it always was."""
    r = run_cli("portfolio", "--budget", "staff=abc")
    assert r.exit_code == 2
    assert "--budget 'staff=abc' is not RESOURCE=NUMBER with a number >= 0\n    fix: write it like --budget staff=40" in r.stderr
    r = run_cli("sensitivity", "smaa", "--samples", "0")
    assert "--samples must be at least 1, got 0\n    fix: e.g. --samples 10000 (more samples, smaller sampling error)" in r.stderr


def test_the_site_count_finds_english_errors(tmp_path):
    """The check itself: an f-string handed to Problem is found, a Message is not."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(x):\n"
        "    raise UsageError(Problem(f'--top must be at least 1, got {x}', hint='give a number'))\n"
        "def g(x):\n"
        "    raise UsageError(Problem(Message('pp_top', top=x)))\n",
        encoding="utf-8",
    )
    assert english_sites(sample) == [(2, "Problem hint"), (2, "Problem message")]
