"""`--lang zh`: the terminal output of the main commands reads in Chinese.

Each command runs through the `cli` fixture in Chinese; the test checks its Chinese
title and headers are there and that no English word is left once ids (English
snake_case by design), numbers and a short list of names kept on purpose (method
ids, acronyms, the program's name) are taken out. Machine-readable output does not
change with the language: JSON is the same in en and zh.
"""

from __future__ import annotations

import json
import re

import pytest

from negotiator.case.catalog import load_case
from negotiator.i18n import LANGS, score_name, tr

#: English words a Chinese reader still sees, on purpose: the program, method ids and the
#: acronyms and symbols the Chinese text uses too (sha256, SMAA, L1, CBC ...).
KEPT_ENGLISH = {
    "negotiator", "sha256", "additive", "topsis", "promethee", "vikor", "electre",
    "TOPSIS", "PROMETHEE", "VIKOR", "ELECTRE", "II", "SMAA", "CBC", "HiGHS", "highs", "cbc",
    "L1", "phi", "Nash", "NBS", "KS", "BATNA", "bundled",
    "Clemen", "Smith", "Decision", "Analysis",  # the citation of the baseline advice
    "Mavrotas", "AUGMECON2", "KS", "single",  # ... and a value of batna_choice  # the negotiation method's citation; Kalai-Smorodinsky's initials
    "tau", "addi", "tops", "prom", "viko", "elec",  # Kendall's tau; method ids cut to 4 letters (keyed in the caption)
    "csv", "json", "png", "svg", "pdf", "MILP", "PuLP", "l1", "linf",  # format names, a library, norm ids
}


def _case_ids() -> set[str]:
    c = load_case(None).case
    ids = set(c.objectives) | set(c.options) | set(c.weights) | set(c.scenarios) | set(c.games) | set(c.negotiations)
    ids |= set(c.constraints.budgets) | {r for o in c.options.values() for r in o.resources}
    for n in c.negotiations.values():
        ids |= set(getattr(n, "parties", {}) or {})
        for issue, spec in (getattr(n, "issues", {}) or {}).items():
            ids.add(issue)
            ids |= set(getattr(spec, "levels", {}) or {})
    for g in c.games.values():
        ids |= set(g.players) | {sid for p in g.players.values() for sid in p.strategies}
    return ids


IDS = _case_ids()
#: Pieces of ids: a narrow column breaks an id after an underscore ('policy_monitoring_' / 'early_warning').
ID_PIECES = {piece for i in IDS for piece in i.split("_")}


def english_words(text: str, wrapped_ids: bool = True) -> list[str]:
    """The English words left in ``text`` once ids, numbers and KEPT_ENGLISH are taken out
    (and words in capitals only: acronyms, and the key-letter bars AAABBC of plain terminals;
    single letters: the probability p, tau-b)."""
    text = re.sub(r"\b[0-9a-f]{12,64}\b", " ", text)  # sha256 prefixes
    text = re.sub(r"[A-Za-z0-9]*_[A-Za-z0-9_]*", " ", text)  # snake_case ids, whole or broken
    text = re.sub(r"--[a-z][a-z-]*|`negotiator [^`]*`", " ", text)  # options and commands to type
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", text)
    allowed = KEPT_ENGLISH | IDS | (ID_PIECES if wrapped_ids else set())
    return sorted({w for w in words if w not in allowed and not re.fullmatch(r"[A-Z]+|[PSW]\d+|[a-z]", w)})


def _texts(data) -> list[str]:
    """Every case-written text (rationales, notes) in a JSON document."""
    if isinstance(data, dict):
        return [v for k, v in data.items() if k in ("rationale", "note") and isinstance(v, str)] + [t for v in data.values() for t in _texts(v)]
    if isinstance(data, list):
        return [t for v in data for t in _texts(v)]
    return []


def _without_case_text(cli, out: str, command: str) -> str:
    """The output without the words of the case's own rationales (English in the bundled case)."""
    words = {w for text in _texts(json.loads(cli(command, "-f", "json").stdout)) for w in re.findall(r"[A-Za-z]+", text)}
    return re.sub(r"(?<![\w])[A-Za-z]+(?![\w])", lambda m: "" if m.group(0) in words else m.group(0), out)


def _run(cli, monkeypatch, width, *args):
    monkeypatch.setenv("COLUMNS", str(width))
    r = cli(*args, "--lang", "zh")
    assert r.exit_code in (0, 1) and r.stdout, r.stderr  # 1: no package fits (the conflict is the output)
    return r.stdout


#: (command, Chinese words its output must show)
COMMANDS = [
    (["rank"], ["排序 — 加权求和（additive）", "权重方案 均衡（balanced）", "选项", "案例：", "评分为分析人员的判断",
                "因触碰红线而筛除的选项", "触碰的红线", "国家主权与属人管辖 2 低于下限 3"]),
    (["rank", "--method", "topsis"], ["排序 — TOPSIS", "案例："]),
    (["show"], ["目标", "方向", "量表", "出处", "选项", "资源", "权重方案（归一化）", "均衡（balanced）"]),
    (["show", "--scores"], ["评分", "选项", "单元格", "越高越好", "评分为分析人员的判断"]),
    (["show", "--rationale", "reciprocal_mechanisms"], ["评分与理由", "目标", "理由"]),
    (["portfolio"], ["已证明最优", "最优措施组合 — 加权求和（additive）", "权重方案 均衡（balanced）", "人力", "经费", "外交资源",
                     "组合合计", "上限", "剩余（松弛量）", "资源：人力（人年/年）", "已用满的约束：", "至多 6 项措施",
                     "不符合条件（红线）", "国家主权与属人管辖 2 低于下限 3", "规则：措施数量", "求解器：cbc", "评分、资源与预算均为分析人员的判断"]),
    (["portfolio", "--top", "3", "--baseline", "worst"], ["3 个最优的不同组合", "相对基线", "已证明", "基线：各目标均取最差水平", "每个符合条件的选项都比基线增加价值"]),
    (["portfolio", "--robust"], ["最大最小组合：已证明最优", "候选组合", "最大后悔值", "各组合在各权重方案下的价值", "求解器：cbc"]),
    (["portfolio", "--robust", "scenarios"], ["候选组合", "情景", "概率"]),
    (["portfolio", "--core", "--samples", "100"], ["核心、边缘与外围选项", "比例", "极端点", "核心", "外围（触碰红线）", "最常为最优的组合", "精确计算：每次抽样评估全部"]),
    (["portfolio", "sweep", "--resource", "budget", "--from", "5", "--to", "20", "--step", "5"], ["有效前沿：经费上限增加时的最优组合", "状态", "最优", "变化"]),
    (["payoffs"], ["收益表", "各情景下的综合得分", "案例：", "概率（案例设定）", "赫维茨系数 α = 0.5", "评分、概率与收益均为分析人员的判断",
                   "各决策规则对比", "最大最小准则", "最坏结果，越高越好", "后悔值", "选择在何处改变", "完全信息期望价值",
                   "未列入：在某情景下触碰红线", "国家主权与属人管辖"]),
    (["payoffs", "--probability", "transactional_linkage=0.5", "--probability", "third_country_saturation=0.2"], ["案例设定，经 --probability 修改"]),
    (["payoffs", "--packages", "2"], ["收益表", "组合", "各组合"]),
    (["sensitivity", "sweep"], ["权重扫描", "第一名", "低于", "高于", "计算方式：精确", "评分与权重均为分析人员的判断", "因触碰红线而筛除"]),
    (["sensitivity", "sweep", "--objective", "citizen_rights"], ["每次交换", "高于时领先", "名次"]),
    (["sensitivity", "stability"], ["权重稳定", "余量", "区间外的新第一名"]),
    (["sensitivity", "stability", "--top", "2"], ["前 2 名"]),
    (["sensitivity", "flip"], ["翻转：使各挑战者排名第一的最小权重变化", "当前第一名", "距离", "主要权重变化"]),
    (["sensitivity", "flip", "--norm", "linf"], ["L∞：单个权重的最大变动"]),
    (["sensitivity", "tornado"], ["龙卷风图", "领先", "每次只把一个评分移到其区间两端", "此处失去领先"]),
    (["sensitivity", "smaa", "-n", "300"], ["SMAA-2 名次可接受度", "第1名", "中心权重", "置信度", "蒙特卡洛：300 次", "在单纯形上均匀抽取"]),
    (["sensitivity", "smaa", "-n", "300", "--weight-model", "order"], ["按重要性顺序的权重", "在满足顺序"]),
    (["sensitivity", "smaa", "-n", "300", "--weight-model", "intervals", "--spread", "0.25"], ["区间内的权重", "的范围内均匀抽取", "保留"]),
    (["sensitivity", "scenarios"], ["各情景下的", "基准", "期望", "最差", "筛除"]),
    (["compare-methods"], ["各方法下的名次 — 权重方案 balanced", "极差", "方法之间的一致性", "肯德尔 tau-b", "名次变动最大的选项", "最好", "最差"]),
    (["negotiate"], ["底线（BATNA）值", "谈判方", "推算：100 × 各情景下最佳单边选项的期望综合得分", "案例给定", "现状（各议题维持不变）",
                     "有效组合：432 个组合中的 26 个", "协议区", "存在协议区", "议价解（相对于底线值）", "纳什解（组合）", "卡莱-斯莫罗丁斯基解",
                     "谈判：repatriation_talks", "AUGMECON ε-约束混合整数规划", "议题价值、权重与底线（BATNA）值均为分析人员的判断"]),
    (["negotiate", "--propose", "removal_flights=two,verification=joint_biometric,fugitive_returns=five,information_sharing=on_request,visa_reciprocity=no_linkage",
      "--link", "removal_flights,fugitive_returns"], ["提议的组合", "该提议在协议区之内", "建议（对双方都更好）", "分开谈判时的有效组合", "议价解（分开谈判）",
                                                     "纳什解下挂钩带来的联合收益", "等待观察的价值"]),
    (["game"], ["议题捆绑下的遣返合作博弈", "收益（中国，美国）", "* 表示最优反应", "博弈：repatriation_linkage", "精确有理数运算", "退化博弈",
                "收益为分析人员的判断", "最优反应", "若对方选择", "劣策略与重复剔除", "严格，第 1 轮", "严格劣", "重复剔除严格劣策略后",
                "纳什均衡", "纯策略", "混合策略", "安全水平"]),
    (["portfolio", "--budget", "staff=2", "--count", "2:3"], ["没有措施组合能满足全部约束（已证明）", "这些约束无法同时满足", "人力（人年/年）上限：至多 2",
                                                          "提高到", "（+5）", "至少 2 项措施", "降低措施数量下限无济于事"]),
    (["portfolio", "--budget", "staff=20", "--include", "bri_cooperation_expansion"], ["强制纳入", "不再强制纳入", "去掉"]),
    (["portfolio", "--baseline", "passive_case_by_case_acceptance"], ["基线：选项 passive_case_by_case_acceptance（综合得分", "相对基线"]),
]


@pytest.mark.parametrize("width", (80, 160))
@pytest.mark.parametrize("args,chinese", COMMANDS, ids=[" ".join(c[0]) for c in COMMANDS])
def test_command_reads_in_chinese(cli, monkeypatch, args, chinese, width):
    out = _run(cli, monkeypatch, width, *args)
    flat = re.sub(r"\s+", "", out)
    missing = [w for w in chinese if re.sub(r"\s+", "", w) not in flat]
    assert not missing, missing
    if args[0] in ("negotiate", "game"):
        out = _without_case_text(cli, out, args[0])
    if args[:2] == ["show", "--rationale"]:
        # The analyst's rationales are the case's own text (English in the bundled case): check the frame only.
        lines = out.splitlines()
        why = next(i for i, line in enumerate(lines) if line.startswith("选项理由"))
        end = next(i for i, line in enumerate(lines) if line.startswith("案例："))
        out = "\n".join(line for line in lines[:why] + lines[end:] if not line.startswith("│"))
    left = english_words(out)
    assert not left, f"English left in the Chinese output: {left}"


def test_word_check_catches_english(cli, monkeypatch):
    # The check itself: the English output is full of words it reports.
    monkeypatch.setenv("COLUMNS", "160")
    out = cli("rank").stdout
    assert {"Ranking", "Screened", "option"} <= set(english_words(out, wrapped_ids=False))


def _without_labels(data):
    """JSON with the fields that carry labels dropped (the only ones --lang may change), and timings."""
    if isinstance(data, dict):
        return {k: _without_labels(v) for k, v in data.items() if k not in ("label", "label_zh") and not k.endswith("seconds")}
    if isinstance(data, list):
        return [_without_labels(v) for v in data]
    return data


JSON_COMMANDS = [["rank"], ["show", "--scores"], ["portfolio", "--top", "2"], ["portfolio", "--core", "--samples", "50"], ["payoffs"],
                 ["sensitivity", "stability"], ["compare-methods"], ["negotiate"], ["game"], ["sensitivity", "smaa", "-n", "200"], ["sensitivity", "scenarios"]]


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=[" ".join(a) for a in JSON_COMMANDS])
def test_json_is_the_same_in_both_languages(cli, args):
    en = cli(*args, "-f", "json")
    zh = cli(*args, "-f", "json", "--lang", "zh")
    assert en.exit_code == zh.exit_code == 0, (en.stderr, zh.stderr)
    assert _without_labels(json.loads(en.stdout)) == _without_labels(json.loads(zh.stdout))


def test_csv_is_the_same_in_both_languages(cli):
    for args in (["rank"], ["show", "--scores"]):
        assert cli(*args, "-f", "csv").stdout == cli(*args, "-f", "csv", "--lang", "zh").stdout


# -- the strings ---------------------------------------------------------------------------


def test_every_method_names_its_score_in_chinese():
    from negotiator.ranking import api
    from negotiator.methods import method_names

    case = load_case(None)
    names = {api.rank(case, method=m).score_name for m in method_names()}
    untranslated = {n for n in names if score_name(n, "zh") == n}
    assert not untranslated, untranslated


def test_portfolio_warns_in_chinese(cli, monkeypatch):
    """The fills-the-caps advice (stderr) is worded in Chinese from the same structured reason."""
    monkeypatch.setenv("COLUMNS", "200")
    r = cli("portfolio", "--lang", "zh")
    err = " ".join(r.stderr.split())
    assert "注意：该组合用满了 6 项措施的上限" in err and "--baseline passive_case_by_case_acceptance" in err
    assert not english_words(r.stderr, wrapped_ids=False)
    assert "warning: the package fills the cap of 6 measures" in cli("portfolio").stderr


def test_english_status_words_are_the_cores():
    """English portfolio words come from the core unchanged; the table's English entries say the same."""
    from negotiator.render.portfolio import status_text
    from negotiator.portfolio.solve import SolveOutcome, SolverSettings, status_words

    settings = SolverSettings()
    for status in ("optimal", "infeasible", "no_solution", "odd", "gap", "time_limit"):
        outcome = SolveOutcome(status=status, objective=2.0, bound=2.01, seconds=0.0, solver="cbc")
        assert status_text(outcome, settings, "en") == status_words(outcome, settings)
        zh = status_text(outcome, settings, "zh")
        assert zh and (status == "odd" or not english_words(zh, wrapped_ids=False)), zh
    assert tr("pf_optimal", "en") == status_words(SolveOutcome(status="optimal", objective=None, bound=None, seconds=0.0, solver="cbc"), settings)
    within = SolveOutcome(status="gap", objective=2.0, bound=2.001, seconds=0.0, solver="cbc")
    asked = tr("pf_asked_gap", "en", gap="0.1%")
    assert tr("pf_within", "en", gap="0.050%", bound="2.001", asked=asked) == status_words(within, SolverSettings(gap=0.001))
