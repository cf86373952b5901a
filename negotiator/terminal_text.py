"""Every fixed word the CLI's terminal tables print, in English and Chinese.

The table builders (tables.py, score_matrix_views.py, portfolio/output.py, ...) ask
for text by key with ``tr(key, lang)``; they never hold words of their own for
``--lang zh``. Where the memo already words the same phrase (report/i18n.py) the
entry points at the memo's, so one translation serves both. A key missing in
either language is a bug: ``tr`` raises, and tests/test_terminal_text.py checks
every key has both.

Only the terminal tables are translated: ids, numbers, JSON keys and CSV headers
are the same in every language, so scripts read ``--format json|csv`` unchanged.
"""

from __future__ import annotations

from .report.i18n import STRINGS as _MEMO

__all__ = ["LANGS", "STRINGS", "tr", "score_name", "method_name", "sep"]

LANGS = ("en", "zh")


def _memo(key: str) -> dict[str, str]:
    """The memo's wording of the same phrase (shared, not copied)."""
    return _MEMO[key]


#: In Chinese a space follows a colon where an id comes next: a Chinese colon glued to a long
#: id makes one unbreakable word, which a narrow column would split mid-id.
STRINGS: dict[str, dict[str, str]] = {
    # -- shared -----------------------------------------------------------------
    "judgment": {"en": "scores are analyst judgments, not facts", "zh": "评分为分析人员的判断，并非事实"},
    "judgment_edit": {
        "en": "scores are analyst judgments, not facts: edit them in the case file",
        "zh": "评分为分析人员的判断，并非事实：可在案例文件中修改",
    },
    "prov_case": {"en": "case: {case} (sha256 {sha})", "zh": "案例：{case}（sha256 {sha}）"},
    "prov_method": {"en": "method: {method}", "zh": "方法：{method}"},
    "prov_profile": {"en": "; profile: {profile}", "zh": "；权重方案：{profile}"},
    "prov_version": {"en": "; negotiator {version}", "zh": "；negotiator {version}"},
    "prov_scenario": {"en": "; scenario: {scenario}", "zh": "；情景：{scenario}"},
    "prov_seed": {"en": "; seed: {seed}", "zh": "；随机种子：{seed}"},
    "prov_weights": {"en": "weights: {weights}", "zh": "权重：{weights}"},
    "option": {"en": "option", "zh": "选项"},
    "objective": {"en": "objective", "zh": "目标"},
    # -- rank -------------------------------------------------------------------
    "rank_title": {"en": "Ranking — {method}, profile {profile}", "zh": "排序 — {method}，权重方案 {profile}"},
    "col_family": {"en": "family", "zh": "类别"},
    "col_value_short": {"en": "value", "zh": "得分"},
    "col_contributions": {"en": "contributions", "zh": "各目标贡献"},
    "col_contribution_wide": {"en": "contribution of each objective", "zh": "各目标对得分的贡献"},
    "bar_key": {
        "en": "bar: each objective's contribution to the value, by key letter:",
        "zh": "条形：各目标对得分的贡献，以字母代表目标：",
    },
    "screened_title": _memo("sec_screened"),
    "col_red_line": {"en": "red line broken", "zh": _MEMO["col_reason"]["zh"]},
    # -- show -------------------------------------------------------------------
    "objectives_title": {"en": "Objectives", "zh": "目标"},
    "col_objective_id": {"en": "objective (id)", "zh": "目标（编号）"},
    "col_better": {"en": "better", "zh": "方向"},
    "col_scale": {"en": "scale", "zh": "量表"},
    "col_source": {"en": "source", "zh": "出处"},
    "col_id": {"en": "id", "zh": "编号"},
    "col_label": {"en": "label", "zh": "名称"},
    "col_direction": {"en": "direction", "zh": "方向"},
    "better_more": {"en": "more", "zh": "越高越好"},
    "better_less": {"en": "less", "zh": "越低越好"},
    "dir_max": {"en": "more is better", "zh": _MEMO["dir_max"]["zh"]},
    "dir_min": {"en": "less is better", "zh": _MEMO["dir_min"]["zh"]},
    "scale_from_data": {"en": "from the data", "zh": "取自数据"},
    "better_caption": {"en": "better: more or less of the objective is better", "zh": "方向：该目标越高越好或越低越好"},
    "options_title": {"en": "Options", "zh": "选项"},
    "col_option_narrow": {"en": "option (id · family · source; requires, excludes)", "zh": "选项（编号 · 类别 · 出处；前提、互斥）"},
    "col_resources": {"en": "resources", "zh": "资源"},
    "col_source_short": {"en": "source", "zh": "出处"},
    "col_requires": {"en": "requires", "zh": "前提"},
    "col_excludes": {"en": "excludes", "zh": "互斥"},
    "requires": {"en": "requires {other}", "zh": "前提：{other}"},
    "excludes": {"en": "excludes {other}", "zh": "互斥：{other}"},
    "profiles_title": {"en": "Weight profiles (normalised)", "zh": "权重方案（归一化）"},
    "kind_order": {"en": "order", "zh": "重要性排序"},
    "kind_ordered": {"en": "ordered", "zh": "带序权重"},
    "kind_swing": {"en": "swing", "zh": "摆动法"},
    "kind_ahp": {"en": "ahp", "zh": "层次分析法"},
    "kind_hierarchy": {"en": "hierarchy", "zh": "目标层次"},
    "show_case": {"en": "case: {case} (sha256 {sha})", "zh": "案例：{case}（sha256 {sha}）"},
    # -- show --scores ------------------------------------------------------------
    "scores_title": {"en": "Scores{part}: {title}", "zh": "评分{part}：{title}"},
    "col_option_ids_first": {"en": "option (ids in table 1)", "zh": "选项（编号见表 1）"},
    "scores_cells": {
        "en": "cells: a point score, or low-high (likely) for a range; ↑ higher is better, ↓ lower is better",
        "zh": "单元格：单点评分，或区间 低-高（最可能）；↑ 越高越好，↓ 越低越好",
    },
    "better_higher": {"en": "higher is better", "zh": "越高越好"},
    "better_lower": {"en": "lower is better", "zh": "越低越好"},
    "scale_of": {"en": "scale {scale}", "zh": "量表 {scale}"},
    "no_fixed_scale": {"en": "no fixed scale", "zh": "无固定量表"},
    "rationale_title": {"en": "Scores of {option} ({id}), with the analyst's rationale", "zh": "评分与理由：{option}（{id}）"},
    "why_option": {"en": "why this option: {rationale}", "zh": "选项理由：{rationale}"},
    "col_score": {"en": "score", "zh": "评分"},
    "col_rationale": {"en": "rationale", "zh": "理由"},
    "none_given": {"en": "(none given)", "zh": "（未给出）"},
    # -- portfolio ------------------------------------------------------------------
    "warning": {"en": "warning: ", "zh": "注意："},
    "pf_optimal": {"en": "proven optimal: no package that meets the constraints scores higher", "zh": "已证明最优：满足约束的组合中没有得分更高的"},
    "pf_not_proven": {
        "en": "NOT proven optimal ({why}): the best possible package scores at most {bound}, so this one is within {gap} of it",
        "zh": "未能证明最优（{why}）：可能的最优组合得分至多 {bound}，本组合与之相差不超过 {gap}",
    },
    "pf_why_gap": {"en": "stopped at the requested gap", "zh": "达到设定的相对间隙后停止"},
    "pf_why_time": {"en": "stopped by the time limit", "zh": "因时间限制停止"},
    "pf_infeasible": {"en": "no package meets all the constraints (proven)", "zh": "没有措施组合能满足全部约束（已证明）"},
    "pf_no_solution": {
        "en": "the solver stopped (time limit{limit}) before finding any package; nothing is proven",
        "zh": "求解器在找到任何组合之前停止（时间限制{limit}）；未证明任何结论",
    },
    "pf_limit_of": {"en": " of {seconds} s", "zh": " {seconds} 秒"},
    "pf_other_status": {"en": "the solver ended with status '{status}'", "zh": "求解器结束状态：“{status}”"},
    "pf_not_solved": {"en": "not solved", "zh": "未求解"},
    "pf_title": {"en": "Best package — {method}, profile {profile}", "zh": "最优措施组合 — {method}，权重方案 {profile}"},
    "pf_title_scenario": {"en": ", scenario {scenario}", "zh": "，情景 {scenario}"},
    "pf_value": {"en": "value", "zh": _MEMO["col_value"]["zh"]},
    "pf_value_over": {"en": "value over baseline", "zh": "相对基线的价值"},
    "pf_value_over_narrow": {"en": "value over\nbaseline", "zh": "相对基线\n的价值"},
    "pf_synergy": {"en": "synergy bonus", "zh": "协同加成"},
    "pf_total": {"en": "package total", "zh": "组合合计"},
    "pf_budget": {"en": "budget", "zh": _MEMO["col_budget"]["zh"]},
    "pf_slack": {"en": "left (slack)", "zh": "剩余（松弛量）"},
    "pf_resources_caption": {"en": "resources: {names}", "zh": "资源：{names}"},
    "pf_binding": {"en": "binding (no room left): {rows}", "zh": "已用满的约束：{rows}"},
    "pf_prerequisites": {"en": "prerequisites met: {pairs}", "zh": "已满足的前提：{pairs}"},
    "pf_needs": {"en": "{a} needs {b}", "zh": "{a} 需要 {b}"},
    "pf_row_budget": {"en": "cap on {resource}: at most {cap}", "zh": "{resource}上限：至多 {cap}"},
    "pf_row_count_min": {"en": "at least {n} measures", "zh": "至少 {n} 项措施"},
    "pf_row_count_max": {"en": "at most {n} measures", "zh": "至多 {n} 项措施"},
    "pf_row_package_min": {"en": "{what}: package total at least {limit}", "zh": "{what}：组合合计至少 {limit}"},
    "pf_row_package_max": {"en": "{what}: package total at most {limit}", "zh": "{what}：组合合计至多 {limit}"},
    "pf_row_requires": {"en": "'{a}' requires '{b}'", "zh": "“{a}”以“{b}”为前提"},
    "pf_row_excludes": {"en": "'{a}' and '{b}' exclude each other", "zh": "“{a}”与“{b}”互斥"},
    "pf_row_include": {"en": "'{o}' forced in (--include {o})", "zh": "“{o}”强制纳入（--include {o}）"},
    "pf_row_exclude": {"en": "'{o}' kept out (--exclude {o})", "zh": "“{o}”排除在外（--exclude {o}）"},
    "pf_row_baseline": {
        "en": "'{o}' is the baseline (the status quo each measure is compared with), not a measure",
        "zh": "“{o}”是基线（各措施与之比较的现状），不是措施",
    },
    "pf_package_limit": {"en": "{what}: package total {total} (limit {bound})", "zh": "{what}：组合合计 {total}（限制 {bound}）"},
    "pf_and": {"en": " and ", "zh": "且"},
    "pf_every_adds": {"en": "every eligible option adds value over the baseline", "zh": "每个符合条件的选项都比基线增加价值"},
    "pf_below_head": {
        "en": "worse than the baseline (negative contribution; chosen only when a rule forces it):",
        "zh": "不如基线（贡献为负；仅在规则强制时入选）：",
    },
    "pf_below_forced": {"en": " - in the package (forced by a rule)", "zh": " - 已入选（规则强制）"},
    "pf_below_left_out": {"en": " - left out", "zh": " - 未入选"},
    "pf_top_title": {"en": "The {n} best distinct packages", "zh": "{n} 个最优的不同组合"},
    "pf_proven": {"en": "proven", "zh": "已证明"},
    "pf_yes": {"en": "yes", "zh": "是"},
    "pf_no": {"en": "no", "zh": "否"},
    "pf_no_gap": {"en": "no (gap {gap})", "zh": "否（间隙 {gap}）"},
    "pf_options": {"en": "options", "zh": "选项"},
    "pf_none": {"en": "(none)", "zh": "（无）"},
    "pf_left_each": {"en": "left of each budget", "zh": "各预算剩余"},
    "pf_left_of": {"en": "{resource} left", "zh": "{resource}剩余"},
    "pf_conflict_title": {
        "en": "These constraints cannot all hold (drop or move any one of them)",
        "zh": "这些约束无法同时满足（去掉或调整其中任一项即可）",
    },
    "pf_conflict_title_short": {"en": "These constraints cannot all hold", "zh": "这些约束无法同时满足"},
    "pf_conflict_checks": {"en": "{checks} feasibility checks, deletion filter; {seconds} s", "zh": "可行性检验 {checks} 次（删除过滤法）；{seconds} 秒"},
    "pf_constraint": {"en": "constraint", "zh": "约束"},
    "pf_now": {"en": "now", "zh": "当前"},
    "pf_what_change": {"en": "what would have to change", "zh": "需要如何调整"},
    "pf_not_eligible": {"en": "Not eligible (red lines)", "zh": "不符合条件（红线）"},
    "pf_reason": {"en": "reason", "zh": "原因"},
    "pf_rules": {"en": "rules: count {count}; include {include}; exclude {exclude}", "zh": "规则：措施数量 {count}；强制纳入 {include}；排除 {exclude}"},
    "pf_any": {"en": "any", "zh": "不限"},
    "pf_solver": {
        "en": "solver: {solver}; time limit {limit} s per solve; gap {gap}",
        "zh": "求解器：{solver}；每次求解时限 {limit} 秒；相对间隙 {gap}",
    },
    "pf_no_limit": {"en": "none", "zh": "无"},
    "pf_judgment": {"en": "scores, resources and budgets are analyst judgments, not facts", "zh": "评分、资源与预算均为分析人员的判断，并非事实"},
    "pf_baseline": {
        "en": "baseline: {label}{worth}; option values are what each measure adds over this status quo ({citation})",
        "zh": "基线：{label}{worth}；各选项的价值为其相对这一现状的增量（{citation}）",
    },
    "pf_baseline_worth": {"en": " (overall value {values})", "zh": "（综合得分 {values}）"},
    "pf_baseline_option": {"en": "option {option}", "zh": "选项 {option}"},
    "pf_baseline_worst": {"en": "the worst level on every objective", "zh": "各目标均取最差水平"},
    "pf_baseline_levels": {"en": "status-quo scores {levels}", "zh": "现状评分 {levels}"},
    "pf_fills": {
        "en": "the package fills {what} because every measure adds value: overall scores count from the worst level on every objective, "
        "so doing anything beats doing nothing and the limits, not the merits of each measure, set the package size. "
        "Name the status quo with --baseline {example} (or --baseline OBJECTIVE=SCORE,...) to count only what each measure adds over it "
        "(Clemen & Smith 2009)",
        "zh": "该组合用满了{what}，因为每项措施都会增加价值：综合得分从各目标的最差水平起算，"
        "做任何事都胜过什么都不做，于是决定组合大小的是限制条件，而不是各项措施本身的价值。"
        "请用 --baseline {example}（或 --baseline 目标=评分,...）指定现状，只计算各措施相对现状的增量"
        "（Clemen & Smith 2009）",
    },
    "pf_fills_count": {"en": "the cap of {cap} measures", "zh": " {cap} 项措施的上限"},
    "pf_fills_budgets": {"en": "every budget", "zh": "全部预算"},
    "pf_fills_rules": {"en": "all the room the rules leave", "zh": "规则允许的全部空间"},
    # -- portfolio --robust, --core, sweep ------------------------------------------
    "every_profile": {"en": "(every profile)", "zh": "（全部权重方案）"},
    "rb_maximin_status": {"en": "maximin package: {status}", "zh": "最大最小组合：{status}"},
    "rb_none": {
        "en": "no package meets the constraints; run without --robust to see which constraints conflict",
        "zh": "没有组合满足约束；去掉 --robust 重新运行可查看冲突的约束",
    },
    "rb_what_profiles": {"en": "weight profile", "zh": "权重方案"},
    "rb_what_scenarios": {"en": "scenario", "zh": "情景"},
    "rb_title_short": {"en": "Candidate packages across every {what}", "zh": "各{what}下的候选组合"},
    "rb_explain": {
        "en": "the maximin package (best worst case across every {what}) and the best for each {what}",
        "zh": "最大最小组合（在所有{what}中最坏情况最好）及各{what}下的最优组合",
    },
    "rb_title_long": {"en": "Candidate packages: {explain}", "zh": "候选组合：{explain}"},
    "rb_id": {"en": "id", "zh": "编号"},
    "rb_package": {"en": "package", "zh": "组合"},
    "rb_worst": {"en": "worst", "zh": "最差值"},
    "rb_worst_value": {"en": "worst value", "zh": "最差值"},
    "rb_max_regret": {"en": "max regret", "zh": "最大后悔值"},
    "rb_maximin": {"en": "maximin", "zh": "最大最小"},
    "rb_best_for": {"en": "best for {name}", "zh": "{name} 下最优"},
    "rb_regret_words": {
        "en": "regret = best value there minus this package's value there",
        "zh": "后悔值 = 该处的最优值减去本组合在该处的值",
    },
    "rb_values_title": {"en": "Value of each package under each {what}{which}", "zh": "各组合在各{what}下的价值{which}"},
    "rb_values_title_long": {"en": "Value of each package under each {what} ({regret})", "zh": "各组合在各{what}下的价值（{regret}）"},
    "rb_in_brackets": {"en": "in brackets: the {regret}", "zh": "括号内：{regret}"},
    "rb_probability": {"en": "probability", "zh": "概率"},
    "rb_regret_cell": {"en": " (regret {regret})", "zh": "（后悔值 {regret}）"},
    "core_share_words": {"en": "share of draws in which the option is in an optimal package", "zh": "该选项出现在最优组合中的抽样比例"},
    "core_title": {"en": "Core, borderline and exterior options", "zh": "核心、边缘与外围选项"},
    "core_title_long": {"en": "Core, borderline and exterior options ({share})", "zh": "核心、边缘与外围选项（{share}）"},
    "core_share_caption": {"en": "share: {share}", "zh": "比例：{share}"},
    "core_share": {"en": "share", "zh": "比例"},
    "core_extreme": {"en": "extreme points", "zh": "极端点"},
    "core_extreme_narrow": {"en": "extreme\npoints", "zh": "极端点"},
    "core_class": {"en": "class", "zh": "类别"},
    "core_core": {"en": "core", "zh": "核心"},
    "core_borderline": {"en": "borderline", "zh": "边缘"},
    "core_exterior": {"en": "exterior", "zh": "外围"},
    "core_reason_red_line": {"en": "breaks a red line", "zh": "触碰红线"},
    "core_reason_baseline": {"en": "the baseline (status quo), not a measure", "zh": "基线（现状），不是措施"},
    "core_packages": {"en": "Packages optimal most often", "zh": "最常为最优的组合"},
    "core_extra": {
        "en": "; {samples} samples; weight spread {spread}; scores {scores}",
        "zh": "；抽样 {samples} 次；权重浮动幅度 {spread}；评分{scores}",
    },
    "core_scores_uncertain": {"en": "uncertain (triangular)", "zh": "不确定（三角分布）"},
    "core_scores_likely": {"en": "likely", "zh": "取最可能值"},
    "core_engine_exact": {"en": "exact: all {n} feasible packages evaluated for each draw", "zh": "精确计算：每次抽样评估全部 {n} 个可行组合"},
    "core_engine_milp": {"en": "one MILP per draw ({solver})", "zh": "每次抽样求解一个混合整数规划（{solver}）"},
    "sw_caption": {
        "en": "cap / used: the {resource} budget and how much of it the package uses\nchange: options added (+) and dropped (-) from the row above; every package in full: --format csv or json",
        "zh": "上限 / 已用：{resource}预算及组合用去的数量\n变化：相对上一行加入（+）和去掉（-）的选项；完整组合见 --format csv 或 json",
    },
    "sw_title": {"en": "Efficient frontier: the best package as the {resource} cap grows", "zh": "有效前沿：{resource}上限增加时的最优组合"},
    "sw_cap": {"en": "cap", "zh": "上限"},
    "sw_res_cap": {"en": "{resource} cap", "zh": "{resource}上限"},
    "sw_status": {"en": "status", "zh": "状态"},
    "sw_used": {"en": "used", "zh": "已用"},
    "sw_res_used": {"en": "{resource} used", "zh": "{resource}已用"},
    "sw_change": {"en": "change", "zh": "变化"},
    "sw_optimal": {"en": "optimal", "zh": "最优"},
    "sw_no_package": {"en": "no feasible package", "zh": "无可行组合"},
    "sw_drawn": {"en": "frontier drawn to {path}", "zh": "前沿图已写入 {path}"},
    # -- payoffs ------------------------------------------------------------------------
    "py_judgment": {"en": "scores, probabilities and payoffs are analyst judgments, not facts", "zh": "评分、概率与收益均为分析人员的判断，并非事实"},
    "py_prov_case": {"en": "case: {case} (sha256 {sha}); negotiator {version}", "zh": "案例：{case}（sha256 {sha}）；negotiator {version}"},
    "py_prov_method": {"en": "method: {method}; profile: {profile}; weights: {weights}", "zh": "方法：{method}；权重方案：{profile}；权重： {weights}"},
    "py_prov_probabilities": {"en": "probabilities ({source}): {probabilities}", "zh": "概率（{source}）：{probabilities}"},
    "py_source_case": {"en": "case", "zh": "案例设定"},
    "py_source_overrides": {"en": "case, with --probability overrides", "zh": "案例设定，经 --probability 修改"},
    "py_prov_alpha": {
        "en": "Hurwicz alpha = {alpha} (weight on an option's best outcome); values use the base case's scales",
        "zh": "赫维茨系数 α = {alpha}（选项最好结果所占的权重）；数值沿用基准情景的量表",
    },
    "py_next_table": {"en": "which decision rule chooses which option: the next table", "zh": "各决策规则选择哪个选项：见下表"},
    "py_title": {"en": "Payoff table: overall value under each scenario", "zh": "收益表：各情景下的综合得分"},
    "py_title_long": {
        "en": "Payoff table: overall value of each {kind} under each scenario (higher is better)",
        "zh": "收益表：各{kind}在各情景下的综合得分（越高越好）",
    },
    "py_kind_option": {"en": "option", "zh": "选项"},
    "py_kind_package": {"en": "package", "zh": "组合"},
    "py_chosen_by": {"en": "chosen by", "zh": "选择它的规则"},
    "py_rules_title": {"en": "Decision rules side by side", "zh": "各决策规则对比"},
    "py_rule_criterion": {"en": "rule (criterion)", "zh": "规则（准则）"},
    "py_choice_runner": {"en": "choice / runner-up", "zh": "选择 / 次优"},
    "py_choice": {"en": "choice", "zh": _MEMO["col_choice"]["zh"]},
    "py_score": {"en": "score", "zh": "准则值"},
    "py_runner_up": {"en": "runner-up", "zh": "次优"},
    "py_margin": {"en": "margin", "zh": "领先"},
    "py_next": {"en": "next: {name}", "zh": "次优：{name}"},
    "py_criterion": {"en": "{criterion}, {better} is better", "zh": "{criterion}，{better}"},
    "py_better_higher": {"en": "higher", "zh": "越高越好"},
    "py_better_lower": {"en": "lower", "zh": "越低越好"},
    "py_crit_maximin": {"en": "worst outcome", "zh": "最坏结果"},
    "py_crit_maximax": {"en": "best outcome", "zh": "最好结果"},
    "py_crit_hurwicz": {"en": "{a} x best + {b} x worst", "zh": "{a} × 最好 + {b} × 最坏"},
    "py_crit_laplace": {"en": "mean outcome", "zh": "平均结果"},
    "py_crit_minimax_regret": {"en": "largest regret", "zh": "最大后悔值"},
    "py_crit_expected_value": {"en": "probability-weighted outcome", "zh": "概率加权结果"},
    "py_short_maximin": {"en": "maximin", "zh": "最大最小"},
    "py_short_maximax": {"en": "maximax", "zh": "最大最大"},
    "py_short_hurwicz": {"en": "hurwicz", "zh": "赫维茨"},
    "py_short_laplace": {"en": "laplace", "zh": "拉普拉斯"},
    "py_short_minimax_regret": {"en": "minimax_regret", "zh": "最小最大后悔"},
    "py_short_expected_value": {"en": "expected_value", "zh": "期望值"},
    "py_regret_title": {"en": "Regret: shortfall from the best option in each scenario", "zh": "后悔值：各情景下与最优选项的差距"},
    "py_regret_title_long": {"en": "Regret table (Savage): shortfall from the best option in each scenario", "zh": "后悔值表（萨维奇）：各情景下与最优选项的差距"},
    "py_largest": {"en": "largest", "zh": "最大"},
    "py_switch_title": {"en": "Where the choice would change", "zh": "选择在何处改变"},
    "py_parameter": {"en": "parameter", "zh": "参数"},
    "py_now": {"en": "now", "zh": "当前"},
    "py_choice_now_changes": {"en": "choice now, and where it changes", "zh": "当前选择及改变之处"},
    "py_choice_now": {"en": "choice now", "zh": "当前选择"},
    "py_choice_changes": {"en": "choice changes", "zh": "选择的改变"},
    "py_others_in_proportion": {"en": " (others in proportion)", "zh": "（其他按比例）"},
    "py_ties": {"en": "at {at} exactly the choice ties: {below} below, {above} above", "zh": "恰在 {at} 处选择并列：低于时 {below}，高于时 {above}"},
    "py_below": {"en": "below {at}: {names}", "zh": "低于 {at}：{names}"},
    "py_above": {"en": "above {at}: {names}", "zh": "高于 {at}：{names}"},
    "py_never": {"en": "never changes on [0, 1]", "zh": "在 [0, 1] 上不变"},
    "py_evpi": {
        "en": "expected value of perfect information (knowing the scenario in advance): {evpi}",
        "zh": "完全信息期望价值（事先知道将出现哪种情景的价值）：{evpi}",
    },
    "py_p_note": {"en": "p(S): that scenario's probability moves, the others keep their proportions", "zh": "p(S)：该情景的概率变动，其他情景保持原有比例"},
    "py_packages_title": {"en": "The packages", "zh": "各组合"},
    "py_from": {"en": "from", "zh": "来源"},
    "py_origin_base": {"en": "best package {k} of the base case", "zh": "基准情景下第 {k} 优的组合"},
    "py_origin_under": {"en": "best package under {scenario}", "zh": "{scenario} 下的最优组合"},
    "py_screened_title": {"en": "Left out: breaks a red line under a scenario", "zh": "未列入：在某情景下触碰红线"},
    "py_scenario_red_line": {"en": "scenario: red line broken", "zh": "情景：触碰的红线"},
    # -- sensitivity ----------------------------------------------------------------------
    "se_judgment": {"en": "scores and weights are analyst judgments, not facts", "zh": "评分与权重均为分析人员的判断，并非事实"},
    "se_prov_head": {"en": "{analysis} — case: {case} (sha256 {sha})", "zh": "{analysis} — 案例：{case}（sha256 {sha}）"},
    "se_prov_samples": {"en": "; samples: {samples}", "zh": "；抽样次数：{samples}"},
    "se_prov_computation": {"en": "computation: {computation}", "zh": "计算方式：{computation}"},
    "se_screened": {"en": "screened out by red lines: {option} ({reason})", "zh": "因触碰红线而排除：{option}（{reason}）"},
    "se_below": {"en": "below", "zh": "低于"},
    "se_above": {"en": "above", "zh": "高于"},
    "se_side": {"en": "{side} {weight}: {names}", "zh": "{side} {weight}： {names}"},
    "se_tie": {"en": " (tie)", "zh": "（并列）"},
    "se_sweep_title": {"en": "Weight sweeps: where the top changes", "zh": "权重扫描：第一名在何处改变"},
    "se_sweep_title_long": {"en": "One-way weight sweeps: where the top option changes", "zh": "单因素权重扫描：第一名选项在何处改变"},
    "se_now": {"en": "now", "zh": "当前"},
    "se_swaps": {"en": "swaps", "zh": "交换"},
    "se_top_changes": {"en": "top changes (below / above the weight)", "zh": "第一名的变化（低于 / 高于该权重）"},
    "se_never_changes": {"en": "never (same top for every weight)", "zh": "从不改变（任何权重下第一名相同）"},
    "se_every_swap": {"en": "Every swap as the weight of {name} goes 0 → 1 (now {now})", "zh": "{name} 的权重从 0 到 1 时的每次交换（当前 {now}）"},
    "se_weight": {"en": "weight", "zh": "权重"},
    "se_ranks": {"en": "ranks", "zh": "名次"},
    "se_ahead_above": {"en": "ahead above", "zh": "高于时领先"},
    "se_ahead_below": {"en": "ahead below", "zh": "低于时领先"},
    "se_swaps_note": {
        "en": "ranks: the places the two options hold just around the weight (2–4: several lines cross there); bold: the swap changes the top",
        "zh": "名次：两个选项在该权重附近所处的名次（2–4：多条直线在此相交）；粗体：该交换改变第一名",
    },
    "se_stab_title_one": {"en": "Weight stability: top stays {names}", "zh": "权重稳定性：第一名保持为 {names}"},
    "se_stab_title_top": {"en": "Weight stability: top {n} stay {names}", "zh": "权重稳定性：前 {n} 名保持为 {names}"},
    "se_stab_long_one": {"en": "Weight stability intervals: the top option stays {names}", "zh": "权重稳定区间：第一名保持为 {names}"},
    "se_stab_long_top": {"en": "Weight stability intervals: the order of the top {n} stays {names}", "zh": "权重稳定区间：前 {n} 名的顺序保持为 {names}"},
    "se_interval_now": {"en": "interval\n(now)", "zh": "区间\n（当前）"},
    "se_low": {"en": "low", "zh": "下限"},
    "se_high": {"en": "high", "zh": "上限"},
    "se_interval01": {"en": "interval on [0, 1]", "zh": "[0, 1] 上的区间"},
    "se_room": {"en": "room", "zh": "余量"},
    "se_first_change": {"en": "first change beyond the interval", "zh": "区间外的首个变化"},
    "se_new_top": {"en": "new top beyond", "zh": "区间外的新第一名"},
    "se_new_top_long": {"en": "new top option beyond the interval", "zh": "区间外的新第一名"},
    "se_change_one": {"en": "{side}: {name}", "zh": "{side}： {name}"},
    "se_change_passes": {"en": "{side}: {a} passes {b}", "zh": "{side}： {a} 超过 {b}"},
    "se_stable": {"en": "none: stable over [0, 1]", "zh": "无：在 [0, 1] 上都稳定"},
    "se_norm_l1": {"en": "L1: total weight moved, counted both ways", "zh": "L1：权重变动总量（增减都计入）"},
    "se_norm_linf": {"en": "L-inf: the largest change of any one weight", "zh": "L∞：单个权重的最大变动"},
    "se_now_first": {"en": "now first: {winner}", "zh": "当前第一名： {winner}"},
    "se_dist_is": {"en": "{dist} = {norm}", "zh": "{dist} = {norm}"},
    "se_flip_title": {"en": "Flip: the smallest weight change that puts each challenger first", "zh": "翻转：使各挑战者排名第一的最小权重变化"},
    "se_challenger_level": {"en": "challenger (level with)", "zh": "挑战者（与之并列）"},
    "se_challenger": {"en": "challenger", "zh": "挑战者"},
    "se_dist": {"en": "dist.", "zh": "距离"},
    "se_distance": {"en": "distance", "zh": "距离"},
    "se_main_changes": {"en": "main weight changes", "zh": "主要权重变化"},
    "se_level_with": {"en": "level with", "zh": "与之并列"},
    "se_never": {"en": "never", "zh": "不可能"},
    "se_no_weights": {"en": "no weights make it first", "zh": "任何权重都不能使其排名第一"},
    "se_smaa_se": {
        "en": "largest standard error of any share: {se}; ties share the better rank",
        "zh": "各比例的最大标准误：{se}；并列者取较好的名次",
    },
    "se_smaa_kept": {
        "en": "weights drawn uniformly on the simplex and kept when inside the intervals: {share} kept (exact, not an approximation)",
        "zh": "在单纯形上均匀抽取权重，落在区间内的保留：保留 {share}（精确，并非近似）",
    },
    "se_smaa_title": {"en": "SMAA-2 rank acceptability ({samples} draws, {kind} weights)", "zh": "SMAA-2 名次可接受度（{samples} 次抽样，{kind}权重）"},
    "se_kind_uniform": {"en": "uniform", "zh": "均匀"},
    "se_kind_order": {"en": "order", "zh": "按重要性顺序的"},
    "se_kind_intervals": {"en": "intervals", "zh": "区间内的"},
    "se_kind_fixed": {"en": "fixed", "zh": "固定"},
    "se_rank_r": {"en": "rank {r}", "zh": "第{r}名"},
    "se_holistic": {"en": "holistic", "zh": "整体"},
    "se_by_rank": {"en": "by rank", "zh": "各名次"},
    "se_share_each_rank": {"en": "share of draws at each rank", "zh": "各名次所占抽样比例"},
    "se_centres_title": {
        "en": "Central weights (typical weights that put the option first) and confidence factors",
        "zh": "中心权重（使该选项排名第一的典型权重）与置信因子",
    },
    "se_centres_title_short": {"en": "Central weights and confidence", "zh": "中心权重与置信度"},
    "se_conf": {"en": "conf.", "zh": "置信度"},
    "se_confidence": {"en": "confidence", "zh": "置信度"},
    "se_largest_central": {"en": "largest central weights", "zh": "最大的中心权重"},
    "se_never_first": {"en": "never first", "zh": "从未第一"},
    "se_bars_plain": {"en": "bars: each cell is a rank (1 = first), as long as its share of the draws", "zh": "条形：每格代表一个名次（1 = 第一），长度与其抽样比例相当"},
    "se_bars_worse": {"en": "; · = rank 10 or worse", "zh": "；· = 第 10 名或更后"},
    "se_bar_colours": {"en": "bar colours: ", "zh": "条形颜色："},
    "se_lost_plain": {"en": "░ = the lead is lost there (the winner changes)", "zh": "░ = 此处失去领先（第一名改变）"},
    "se_lost_colour": {"en": "red = the winner changes", "zh": "红色 = 第一名改变"},
    "se_tornado_at": {
        "en": "at low / at high: the lead with the score at the low / high end of its range; → the new winner there\n",
        "zh": "取低值 / 取高值：评分取其区间低端 / 高端时的领先幅度；→ 此时的新第一名\n",
    },
    "se_lead_of": {"en": "lead of {top} now {lead} over {runner}", "zh": "{top} 当前领先 {runner} {lead}"},
    "se_one_at_a_time": {
        "en": "one score at a time at the ends of its range, every other score at its likely value; {how}",
        "zh": "每次只把一个评分移到其区间两端，其他评分取最可能值；{how}",
    },
    "se_tornado_title": {"en": "Tornado: which uncertain scores move the lead of {top}", "zh": "龙卷风图：哪些不确定评分影响 {top} 的领先"},
    "se_option_objective": {"en": "option / objective [low, likely, high]", "zh": "选项 / 目标 [低, 最可能, 高]"},
    "se_range": {"en": "range", "zh": "区间"},
    "se_at_low": {"en": "at low", "zh": "取低值"},
    "se_at_high": {"en": "at high", "zh": "取高值"},
    "se_lead_at_low": {"en": "lead at low", "zh": "低值时领先"},
    "se_lead_at_high": {"en": "lead at high", "zh": "高值时领先"},
    "se_lead": {"en": "lead", "zh": "领先"},
    "se_new_winner": {"en": "new winner", "zh": "新第一名"},
    "se_not_shown": {"en": "... {n} narrower bars not shown (--limit)", "zh": "……另有 {n} 条较窄的条形未显示（--limit）"},
    "se_no_move": {"en": "{n} uncertain scores do not move the lead at all (in the JSON/CSV)", "zh": "{n} 个不确定评分完全不影响领先（见 JSON/CSV）"},
    "se_scores_json": {"en": "scores: --format json or csv", "zh": "得分：见 --format json 或 csv"},
    "se_sc_title": {"en": "Rank under each scenario (base-case scales)", "zh": "各情景下的名次（基准情景量表）"},
    "se_sc_title_long": {
        "en": "Ranking under each scenario (base-case scales, so scores compare across columns)",
        "zh": "各情景下的排序（沿用基准情景量表，各列得分可比）",
    },
    "se_base": {"en": "base", "zh": "基准"},
    "se_exp": {"en": "exp.", "zh": "期望"},
    "se_expected": {"en": "expected\n(prob.-weighted)", "zh": "期望\n（概率加权）"},
    "se_worst_rank": {"en": "worst\nrank", "zh": "最差\n名次"},
    "se_out": {"en": "out", "zh": "排除"},
    "se_screened_out": {"en": "screened out", "zh": "已排除"},
    "se_out_all": {"en": "out (all)", "zh": "排除（全部）"},
    "se_screened_all": {"en": "screened out (all scenarios)", "zh": "已排除（全部情景）"},
    "se_chart_saved": {"en": "chart saved to {path}", "zh": "图表已保存到 {path}"},
    # -- compare-methods ------------------------------------------------------------------
    "cm_methods": {"en": "methods: {methods}", "zh": "方法：{methods}"},
    "cm_equal": {"en": "(none: equal weights)", "zh": "（无：等权重）"},
    "cm_options": {"en": "; options: {opts}", "zh": "；方法参数：{opts}"},
    "cm_ranks_note": {
        "en": "ranks: 1 = best, tied scores share a rank; scores are analyst judgments, not facts",
        "zh": "名次：1 = 最好，得分相同者名次相同；评分为分析人员的判断，并非事实",
    },
    "cm_columns": {"en": "columns: {columns}", "zh": "列：{columns}"},
    "cm_title": {"en": "Rank under each method — profile {profile}", "zh": "各方法下的名次 — 权重方案 {profile}"},
    "cm_spread": {"en": "spread", "zh": "极差"},
    "cm_scale": {"en": "+1 same order, 0 unrelated, -1 reversed", "zh": "+1 顺序相同，0 无关，-1 顺序相反"},
    "cm_tau_title": {"en": "Agreement between methods (Kendall tau-b)", "zh": "方法之间的一致性（肯德尔 tau-b）"},
    "cm_tau_title_long": {"en": "Agreement between methods (Kendall tau-b: {scale})", "zh": "方法之间的一致性（肯德尔 tau-b：{scale}）"},
    "cm_tau_caption": {"en": "Kendall tau-b: {scale}", "zh": "肯德尔 tau-b：{scale}"},
    "cm_na": {"en": "n/a", "zh": "无"},
    "cm_movers_title": {"en": "Options whose rank moves most between methods", "zh": "在不同方法间名次变动最大的选项"},
    "cm_best": {"en": "best", "zh": "最好"},
    "cm_best_rank": {"en": "best rank", "zh": "最好名次"},
    "cm_under": {"en": "under", "zh": "方法"},
    "cm_worst": {"en": "worst", "zh": "最差"},
    "cm_worst_rank": {"en": "worst rank", "zh": "最差名次"},
    # -- negotiate ------------------------------------------------------------------------
    "ng_batna_title": {"en": "Walk-away (BATNA) values", "zh": "底线（BATNA）值"},
    "ng_party": {"en": "party", "zh": "谈判方"},
    "ng_how": {"en": "how", "zh": "来源"},
    "ng_derived_single": {
        "en": "derived: {scale} x expected overall value {value} of one response chosen before the other side moves (profile {profile}): {option}",
        "zh": "推算：{scale} × 在对方行动前选定的单一应对的期望综合得分 {value}（权重方案 {profile}）： {option}",
    },
    "ng_derived_each": {
        "en": "derived: {scale} x expected overall value {value} of the best unilateral option per scenario (profile {profile}): {each}",
        "zh": "推算：{scale} × 各情景下最佳单边选项的期望综合得分 {value}（权重方案 {profile}）： {each}",
    },
    "ng_base": {"en": "base", "zh": "基准"},
    "ng_given": {"en": "given in the case", "zh": "案例给定"},
    "ng_given_why": {"en": "given in the case: {rationale}", "zh": "案例给定：{rationale}"},
    "ng_status_quo": {"en": "Status quo (every issue stays as it is): {a} {ua}, {b} {ub}.", "zh": "现状（各议题维持不变）：{a} {ua}，{b} {ub}。"},
    "ng_efficient_linked": {"en": "Efficient packages (as one package)", "zh": "有效组合（一揽子谈判）"},
    "ng_efficient": {"en": "Efficient packages", "zh": "有效组合"},
    "ng_efficient_separate": {"en": "Efficient packages with {issues} negotiated separately", "zh": "{issues} 分开谈判时的有效组合"},
    "ng_of_packages": {"en": "{title}: {n} of {m} packages", "zh": "{title}：{m} 个组合中的 {n} 个"},
    "ng_package": {"en": "package", "zh": "组合"},
    "ng_package_caption": {"en": "package: the level of each issue, in the order {issues}", "zh": "组合：各议题的水平，顺序为 {issues}"},
    "ng_zone": {"en": "zone", "zh": "协议区"},
    "ng_solution": {"en": "solution", "zh": "解"},
    "ng_yes": {"en": "yes", "zh": "是"},
    "ng_zone_yes": {
        "en": "Agreement zone: yes. {n} of the {m} efficient packages give both sides at least their walk-away value.",
        "zh": "存在协议区：{m} 个有效组合中有 {n} 个使双方都不低于各自的底线值。",
    },
    "ng_zone_no": {"en": "No agreement zone.", "zh": "无协议区：没有有效组合能使双方都不低于各自的底线值。"},
    "ng_solutions_title": {"en": "Bargaining solutions (relative to the walk-away values)", "zh": "议价解（相对于底线值）"},
    "ng_solutions_separate": {"en": "Bargaining solutions, negotiated separately", "zh": "议价解（分开谈判）"},
    "ng_rule": {"en": "rule", "zh": "规则"},
    "ng_gain_under": {"en": "{name}\n(gain)", "zh": "{name}\n（增益）"},
    "ng_gain_of": {"en": "gain {name}", "zh": "{name}增益"},
    "ng_agreement": {"en": "agreement", "zh": "协议"},
    "ng_gain_caption": {"en": "(gain): above the walk-away value", "zh": "（增益）：高于底线值的部分"},
    "ng_rule_nash": {"en": "Nash (packages)", "zh": "纳什解（组合）"},
    "ng_rule_kalai_smorodinsky": {"en": "Kalai-Smorodinsky (packages)", "zh": "卡莱-斯莫罗丁斯基解（组合）"},
    "ng_rule_nash_lottery": {"en": "Nash (lotteries)", "zh": "纳什解（随机组合）"},
    "ng_rule_kalai_smorodinsky_lottery": {"en": "Kalai-Smorodinsky (lotteries)", "zh": "卡莱-斯莫罗丁斯基解（随机组合）"},
    "ng_no_zone_cell": {"en": "no agreement zone", "zh": "无协议区"},
    "ng_package_no": {"en": "package #{k}", "zh": "组合 #{k}"},
    "ng_or": {"en": " or ", "zh": " 或 "},
    "ng_proposed": {"en": "Proposed package", "zh": "提议的组合"},
    "ng_issue": {"en": "issue", "zh": "议题"},
    "ng_level": {"en": "level", "zh": "水平"},
    "ng_weight_value": {"en": "{name} (weight x value)", "zh": "{name}（权重 × 价值）"},
    "ng_total": {"en": "total", "zh": "合计"},
    "ng_above_walkaway": {"en": "above walk-away", "zh": "高于底线"},
    "ng_inside": {"en": "The proposal is inside the agreement zone: {parts}.", "zh": "该提议在协议区之内：{parts}。"},
    "ng_outside": {"en": "The proposal is OUTSIDE the agreement zone: {parts}.", "zh": "该提议在协议区之外：{parts}。"},
    "ng_above_by": {"en": "{name} above its walk-away by {by}", "zh": "{name} 高于其底线 {by}"},
    "ng_short_by": {"en": "{name} short of its walk-away by {by}", "zh": "{name} 低于其底线 {by}"},
    "ng_efficient_yes": {
        "en": "It is efficient: no package is better for one side without being worse for the other.",
        "zh": "该提议是有效的：没有组合能在不损害一方的情况下让另一方更好。",
    },
    "ng_dominated": {
        "en": "{n} efficient package(s) are at least as good for both. Suggested ({kind}{outside}): {levels} ({a} {ga}, {b} {gb}).",
        "zh": "有 {n} 个有效组合对双方都至少同样好。建议（{kind}{outside}）：{levels}（{a} {ga}，{b} {gb}）。",
    },
    "ng_better_both": {"en": "better for both", "zh": "对双方都更好"},
    "ng_better_one": {"en": "better for one, no worse for the other", "zh": "对一方更好，对另一方不差"},
    "ng_still_outside": {"en": "; still outside the zone", "zh": "；仍在协议区之外"},
    "ng_link_acceptable": {
        "en": "Linking {issues}: negotiated separately, each of these issues can only move to levels both sides accept on that issue alone: {levels}.",
        "zh": "挂钩 {issues}： 分开谈判时，每个议题只能落在双方单就该议题都能接受的水平上： {levels}。",
    },
    "ng_link_zones": {
        "en": "Agreement zone separately: {sep} ({n_sep} efficient packages); as one package: {lin} ({n_lin}).",
        "zh": "分开谈判时的协议区：{sep}（{n_sep} 个有效组合）；一揽子谈判时：{lin}（{n_lin} 个）。",
    },
    "ng_no": {"en": "no", "zh": "否"},
    "ng_link_joint": {
        "en": "Largest joint utility in the zone: {lin} as one package vs {sep} separately (+{diff} points).",
        "zh": "协议区内的最大联合效用：一揽子 {lin}，分开 {sep}（多 {diff} 分）。",
    },
    "ng_link_nash": {
        "en": "Joint gain from linkage at the Nash solution: {total} utility points ({a} {ga}, {b} {gb}){who}.",
        "zh": "纳什解下挂钩带来的联合收益：{total} 效用分（{a} {ga}，{b} {gb}）{who}。",
    },
    "ng_link_ks": {
        "en": "At the Kalai-Smorodinsky solution: {total} ({a} {ga}, {b} {gb}){who}.",
        "zh": "卡莱-斯莫罗丁斯基解下：{total}（{a} {ga}，{b} {gb}）{who}。",
    },
    "ng_capture": {"en": "; {a} captures {sa}%, {b} {sb}%", "zh": "；{a} 获得 {sa}%，{b} {sb}%"},
    "ng_points_note": {
        "en": "Points are on each side's own 0-100 scale; the sum says how much both gain, not a transfer between them.",
        "zh": "分值为各方自己的 0-100 量表；总和表示双方共同的收益，而不是双方之间的转移。",
    },
    "ng_prov_negotiation": {
        "en": "negotiation: {negotiation}; method: {method}; solver: {solver}; negotiator {version}",
        "zh": "谈判：{negotiation}；方法：{method}；求解器：{solver}；negotiator {version}",
    },
    "ng_prov_derived": {
        "en": "BATNA of {party}: derived = {scale} x {value} (expected overall value of {choice}; profile {profile})",
        "zh": "{party} 的 BATNA：推算值 = {scale} × {value}（{choice}的期望综合得分；权重方案 {profile}）",
    },
    "ng_choice_per_scenario": {
        "en": "the best unilateral option in each scenario, chosen once the other side's behaviour is known",
        "zh": "各情景下最佳的单边选项（在得知对方行为后选择）",
    },
    "ng_choice_single": {
        "en": "one unilateral option chosen before the other side's behaviour is known: the best expected value",
        "zh": "在得知对方行为前选定的单一单边选项（期望值最佳）",
    },
    "ng_other_per_scenario": {"en": "responding to each scenario once it is known would give {value}", "zh": "在得知情景后再逐一应对可得 {value}"},
    "ng_other_single": {
        "en": "committing to one response before the other side moves ({option}) would give {value}",
        "zh": "在对方行动前承诺单一应对（{option}）可得 {value}",
    },
    "ng_waiting": {
        "en": "  {other}; the value of waiting to see is {value} (batna_choice: per_scenario or single)",
        "zh": "  {other}；等待观察的价值为 {value}（batna_choice：per_scenario 或 single）",
    },
    "ng_prov_given": {"en": "BATNA of {party}: {value} (given in the case)", "zh": "{party} 的 BATNA：{value}（案例给定）"},
    "ng_prov_weights": {"en": "weights (derived BATNA): {weights}", "zh": "权重（推算 BATNA）：{weights}"},
    "ng_judgment": {
        "en": "issue values, weights and walk-away (BATNA) values are analyst judgments, not facts",
        "zh": "议题价值、权重与底线（BATNA）值均为分析人员的判断，并非事实",
    },
}


#: How the methods name their score (MethodResult.score_name, English) in Chinese.
SCORE_NAMES_ZH = {
    "overall value": "综合得分",
    "net outranking (ELECTRE I)": "净优先度（ELECTRE I）",
    "net flow phi (PROMETHEE II)": "净流量 φ（PROMETHEE II）",
    "closeness to ideal (TOPSIS)": "相对贴近度（TOPSIS）",
    "1 - Q (VIKOR; Q 0 = best)": "1 - Q（VIKOR；Q 为 0 最好）",
}


def tr(key: str, lang: str, **fields) -> str:
    """The fixed string ``key`` in ``lang`` with ``{fields}`` filled in; an unknown key or language raises."""
    template = STRINGS[key][lang]
    return template.format(**fields) if fields else template


def score_name(name: str, lang: str) -> str:
    """A method's score name in ``lang`` (a method added without a Chinese name keeps its English one)."""
    return SCORE_NAMES_ZH.get(name, name) if lang == "zh" else name


def method_name(method: str, lang: str) -> str:
    """The method's name in ``lang``, its id beside it in Chinese (the memo's wording)."""
    from .report.i18n import method_name as memo_method_name

    return memo_method_name(method, lang)


def sep(lang: str) -> str:
    """The separator between list items: '; ' in English, '；' in Chinese."""
    return "；" if lang == "zh" else "; "


#: The sensitivity and negotiation cores describe their analysis and computation in English sentences (they go
#: into JSON and CSV as they are); the terminal words the known ones in Chinese from these
#: patterns. One that matches none stays English (a test runs every analysis of the bundled case).
CORE_PHRASES_ZH: list[tuple[str, str]] = [
    (r"one-way weight sweep", "单因素权重扫描"),
    (r"AUGMECON epsilon-constraint MILP \(Mavrotas 2009\) with the AUGMECON2 jump", "AUGMECON ε-约束混合整数规划（Mavrotas 2009），采用 AUGMECON2 跳跃"),
    (r"weight stability intervals", "权重稳定区间"),
    (r"smallest weight change \((\S+)\) that makes each challenger first", "使各挑战者排名第一的最小权重变化（{0}）"),
    (r"SMAA-2 stochastic acceptability", "SMAA-2 随机多准则可接受度分析"),
    (r"tornado of uncertain scores \(one at a time, others at their likely value\)", "不确定评分的龙卷风分析（每次一个，其余取最可能值）"),
    (r"ranking under each scenario \(base-case scales\)", "各情景下的排序（基准情景量表）"),
    (r"exact: crossing points of straight lines \(additive model\)", "精确：直线的交点（加性模型）"),
    (r"exact: intersection of half-lines \(additive model\)", "精确：半直线的交集（加性模型）"),
    (r"exact: one linear program per challenger, PuLP \(additive model\)", "精确：每个挑战者求解一个线性规划，PuLP（加性模型）"),
    (r"exact: the case re-ranked twice per uncertain score \((\S+)\)", "精确：每个不确定评分重新排序两次（{0}）"),
    (r"exact: the case ranked under the base scores and each of (\d+) scenarios \((\S+)\)", "精确：在基准评分及 {0} 个情景下分别排序（{1}）"),
    (r"Monte Carlo: ([\d,]+) seeded draws in chunks of (\d+), ([\d,]+) more for the confidence factors", "蒙特卡洛：{0} 次带种子的抽样，每批 {1} 次，另有 {2} 次用于置信因子"),
    (r"Monte Carlo: ([\d,]+) seeded draws in chunks of (\d+)", "蒙特卡洛：{0} 次带种子的抽样，每批 {1} 次"),
    (r"drawn uniformly from the simplex \(the profile's weights are not used\)", "在单纯形上均匀抽取（不使用权重方案的数值）"),
    (r"drawn uniformly among weights in the order (.+) \(only the profile's order of importance is used, not its numbers\)", "在满足顺序 {0} 的权重中均匀抽取（只使用权重方案的重要性顺序，不使用其数值）"),
    (r"drawn uniformly from the simplex within (.+) \(intervals: the profile's weights ±(\S+), some given with --interval; the weights themselves are not used\)", "在单纯形上 {0} 的范围内均匀抽取（区间：权重方案数值 ±{1}，部分由 --interval 给出；不直接使用这些权重）"),
    (r"drawn uniformly from the simplex within (.+) \(intervals: the profile's weights ±(\S+); the weights themselves are not used\)", "在单纯形上 {0} 的范围内均匀抽取（区间：权重方案数值 ±{1}；不直接使用这些权重）"),
    (r"drawn uniformly from the simplex within (.+) \(intervals given with --interval; the profile's weights are not used\)", "在单纯形上 {0} 的范围内均匀抽取（区间由 --interval 给出；不使用权重方案的数值）"),
]


def core_phrase(text: str, lang: str) -> str:
    """A sentence of the sensitivity core's provenance in ``lang`` (English: as it is)."""
    if lang == "en" or not text:
        return text
    import re

    for pattern, template in CORE_PHRASES_ZH:
        if m := re.fullmatch(pattern, text):
            return template.format(*(g.replace(" in [", " ∈ [") for g in m.groups()))
    return text
