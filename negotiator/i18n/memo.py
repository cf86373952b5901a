"""The memo's fixed strings: entries of the one catalogue (negotiator.i18n.tr), in English and Chinese.

report/memo.py asks for text by key; renderers never invent words of their own
(apart from markup). A key missing in one language is a bug, caught by
tests/i18n/test_catalogue.py.
"""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    # -- titles and section headings ------------------------------------------
    "memo_title": {"en": "Decision memo: {title}", "zh": "决策备忘录：{title}"},
    "memo_subtitle": {
        "en": "Method {method}, weight profile {profile}; prepared {date}",
        "zh": "方法：{method}，权重方案 {profile}；编制日期 {date}",
    },
    "sec_bottom_line": {"en": "Bottom line", "zh": "结论摘要"},
    "sec_ranking": {"en": "Ranked options", "zh": "选项排序"},
    "sec_screened": {"en": "Screened out by red lines", "zh": "因触碰红线而筛除的选项"},
    "sec_robustness": {"en": "Robustness", "zh": "稳健性"},
    "sec_package": {"en": "Recommended package", "zh": "推荐措施组合"},
    "sec_scenarios": {"en": "Scenarios of the other side's behaviour", "zh": "对方行为情景"},
    "sec_assumptions": {"en": "Assumptions", "zh": "假设"},
    "sec_provenance": {"en": "Provenance", "zh": "来源与可复现信息"},
    # -- bottom line ----------------------------------------------------------
    "bl_first": {
        "en": "{option}{family} ranks first of {n} options, with {score_name} {score} ({profile} weights, {method} method).",
        "zh": "在“{profile}”权重方案与{method}方法下，{option}{family}在 {n} 个选项中排名第一，{score_name}为 {score}。",
    },
    "bl_winner_alone": {
        "en": "{option}{family} is the only option left, with {score_name} {score} ({profile} weights, {method} method).",
        "zh": "在“{profile}”权重方案与{method}方法下，{option}{family}是唯一剩下的选项，{score_name}为 {score}。",
    },
    "bl_tie_first": {
        "en": "It ties for first place with the following; the scores cannot separate these {k} options:",
        "zh": "它与下列选项并列第一，得分无法区分这 {k} 个选项：",
    },
    "bl_second_one": {
        "en": "Second: {runner} ({runner_score}), {margin} behind.",
        "zh": "第二名：{runner}（{runner_score}），落后 {margin}。",
    },
    "bl_next_one": {
        "en": "Next, in place {place}: {runner} ({runner_score}), {margin} behind.",
        "zh": "其后为第 {place} 名：{runner}（{runner_score}），落后 {margin}。",
    },
    "bl_second_tie": {
        "en": "{k} options tie for second place ({runner_score} each), {margin} behind the first:",
        "zh": "{k} 个选项并列第二（各 {runner_score}），比第一名低 {margin}：",
    },
    "bl_next_tie": {
        "en": "{k} options tie for place {place} ({runner_score} each), {margin} behind the first:",
        "zh": "{k} 个选项并列第 {place} 名（各 {runner_score}），比第一名低 {margin}：",
    },
    "bl_screened_one": {
        "en": "{n} option was screened out for breaking a red line:",
        "zh": "{n} 个选项因触碰红线被筛除：",
    },
    "bl_screened": {
        "en": "{n} options were screened out for breaking a red line:",
        "zh": "{n} 个选项因触碰红线被筛除：",
    },
    "bl_no_screened": {"en": "No option breaks a red line.", "zh": "没有选项触碰红线。"},
    "bl_judgment": {
        "en": "All scores, weights and probabilities are analyst judgments, not facts; change them and re-run to test the conclusion.",
        "zh": "所有评分、权重与概率均为分析人员的判断，并非事实；可修改后重新运行以检验结论。",
    },
    "family_none": {"en": "–", "zh": "–"},
    "family_part": {"en": " (family: {family})", "zh": "（类别：{family}）"},
    "family_n": {"en": "Family {n}", "zh": "第{n}类"},
    "family_key": {"en": "Families: {items}.", "zh": "类别：{items}。"},
    "profile_equal": {"en": "equal", "zh": "等权重"},
    # Labels contain commas (en) and 、 (zh), so a list of labels is split by semicolons.
    "list_sep": {"en": "; ", "zh": "；"},
    # -- ranking table --------------------------------------------------------
    "tbl_ranking": {"en": "Ranking", "zh": "排序"},
    "col_rank": {"en": "Rank", "zh": "名次"},
    "col_option": {"en": "Option", "zh": "选项"},
    "col_option_id": {"en": "Option id", "zh": "选项编号"},
    "col_id": {"en": "id", "zh": "编号"},
    "head_family": {"en": "Family", "zh": "类别"},
    "col_score": {"en": "Overall score", "zh": "综合得分"},
    "col_objective_short": {"en": "O{k}", "zh": "目标{k}"},
    "header_key": {"en": "Objective columns: {items}.", "zh": "目标列：{items}。"},
    "col_contrib": {"en": "{objective}", "zh": "{objective}"},
    "ranking_note": {
        "en": "Each objective column is that objective's contribution to the overall score (weight × value on a 0–1 scale); the contributions add up to the overall score.",
        "zh": "各目标列为该目标对综合得分的贡献（权重 × 0–1 标准化价值），各列之和即综合得分。",
    },
    "ranking_note_nocontrib": {
        "en": "The {method} method does not split its score into per-objective contributions.",
        "zh": "{method}方法的得分不能分解为各目标的贡献。",
    },
    "fig_contrib": {
        "en": "Figure: overall score of each option, split into the contribution of each objective.",
        "zh": "图：各选项的综合得分及各目标的贡献（堆叠条形图）。",
    },
    "fig_ids_note": {
        "en": "The chart is labelled with option and objective ids because no font with the labels' characters is installed; the table above gives the full labels.",
        "zh": "由于本机未安装含相应字符的字体，图中以选项与目标的编号标注；完整名称见上表。",
    },
    # -- screened out ---------------------------------------------------------
    "tbl_screened": {"en": "Screened out", "zh": "已筛除"},
    "col_reason": {"en": "Red line broken", "zh": "触碰的红线"},
    "reason_below": {"en": "{objective} {value} is below the minimum {limit}", "zh": "{objective} {value} 低于下限 {limit}"},
    "reason_above": {"en": "{objective} {value} is above the maximum {limit}", "zh": "{objective} {value} 高于上限 {limit}"},
    "screened_note": {
        "en": "Red lines are tested on each option's likely score; an option that breaks one is not ranked.",
        "zh": "红线以各选项的最可能评分检验；触碰红线的选项不参与排序。",
    },
    # -- robustness -----------------------------------------------------------
    "tbl_acceptability": {"en": "Acceptability", "zh": "可接受度"},
    "col_first_rank": {"en": "First-rank acceptability", "zh": "第一名可接受度"},
    "col_confidence": {"en": "Confidence at its own central weights", "zh": "在自身中心权重下的置信度"},
    "smaa_confidence_note": {
        "en": "Confidence is measured for each option at its own central weights (the weights that favour it most), so several options can each show 100%: it is not a chance of coming first, which is the first-rank acceptability.",
        "zh": "置信度是在各选项自身的中心权重（最有利于它的权重）下分别计算的，因此多个选项可能同时为 100%：它不是排名第一的概率，后者见第一名可接受度。",
    },
    "col_rank_k": {"en": "Rank {k}", "zh": "第{k}名"},
    "rob_smaa": {
        "en": "In {samples} Monte Carlo samples of weights and scores (SMAA, seed {seed}), {option} comes first in {share} of them.",
        "zh": "在 {samples} 次权重与评分的蒙特卡洛抽样（SMAA，随机种子 {seed}）中，{option}在 {share} 的样本中排名第一。",
    },
    "rob_interval": {
        "en": "{option} stays first while the weight of {objective} stays between {low} and {high} (now {now}), the others rescaled in proportion.",
        "zh": "在其他权重按比例调整的情况下，只要“{objective}”的权重保持在 {low} 至 {high} 之间（当前 {now}），{option}仍排名第一。",
    },
    "rob_flip": {
        "en": "The smallest change of the weights that puts another option first moves them by {distance} in total (L1 distance): {changes}. Then {other} ranks first.",
        "zh": "使第一名易主的最小权重变化总计为 {distance}（L1 距离）：{changes}。此时{other}排名第一。",
    },
    "rob_no_flip": {
        "en": "No change of a single objective's weight puts another option first.",
        "zh": "单独调整任一目标的权重都不会改变第一名。",
    },
    "col_rank_rest": {"en": "Rank {k} or lower", "zh": "第{k}名及以后"},
    "axis_share": {"en": "Share of samples", "zh": "样本比例"},
    "smaa_note": {
        "en": "SMAA-2 with {samples} samples of the weights ({weights}) and of the uncertain scores (triangular over [low, likely, high]), seed {seed}; largest standard error {se}. Confidence: how often the option is first at its central weights when only the scores vary.",
        "zh": "SMAA-2：对权重（{weights}）和不确定评分（[低, 最可能, 高] 三角分布）抽样 {samples} 次，随机种子 {seed}；最大标准误 {se}。置信度：仅评分变化时，该选项在其中心权重下排名第一的频率。",
    },
    # How SMAA drew the weights (the note must say what was really assumed).
    "smaa_weights_uniform": {
        "en": "drawn uniformly from all possible weights: the profile's numbers are not used",
        "zh": "在全部可能的权重中均匀抽样：不使用权重方案的数值",
    },
    "smaa_weights_order": {
        "en": "drawn uniformly among the weights that keep the profile's order of importance",
        "zh": "在保持权重方案重要性顺序的权重中均匀抽样",
    },
    "smaa_weights_intervals": {
        "en": "drawn uniformly within intervals around the profile's weights",
        "zh": "在权重方案数值附近的区间内均匀抽样",
    },
    "smaa_weights_fixed": {
        "en": "fixed at the profile's weights",
        "zh": "固定为权重方案的数值",
    },
    "stability_note": {
        "en": "Each weight may move within its interval, the others rescaled in proportion, and {option} stays first.",
        "zh": "在其他权重按比例调整的前提下，各目标权重在其区间内变化时，{option}仍排名第一。",
    },
    "bl_smaa": {
        "en": "It comes first in {share} of {samples} random draws of the weights and scores (SMAA).",
        "zh": "在 {samples} 次权重与评分的随机抽样（SMAA）中，它在 {share} 的样本中排名第一。",
    },
    "bl_smaa_rival": {
        "en": "{other} comes first more often ({share}): the lead depends on the weights chosen.",
        "zh": "{other}排名第一的频率更高（{share}）：领先地位取决于所选权重。",
    },
    "bl_rules": {
        "en": "Across the other side's possible behaviours, the expected-value rule picks {ev}; the worst-case (maximin) rule picks {maximin}.",
        "zh": "在对方各行为情景下，期望值准则选择{ev}，最坏情况（最大最小）准则选择{maximin}。",
    },
    "bl_flip": {
        "en": "A change of the weights by {distance} in total (L1) puts {other} first.",
        "zh": "权重总计变动 {distance}（L1 距离）即可使{other}排名第一。",
    },
    "fig_acceptability": {
        "en": "Figure: rank acceptability of each option (share of samples in which it takes each rank).",
        "zh": "图：各选项的名次可接受度（各名次在样本中所占比例）。",
    },
    "tbl_stability": {"en": "Weight stability", "zh": "权重稳定区间"},
    "col_objective": {"en": "Objective", "zh": "目标"},
    "col_weight_now": {"en": "Weight now", "zh": "当前权重"},
    "col_weight_low": {"en": "Lowest weight keeping the winner", "zh": "保持第一名的最低权重"},
    "col_weight_high": {"en": "Highest weight keeping the winner", "zh": "保持第一名的最高权重"},
    # -- package --------------------------------------------------------------
    "pkg_intro": {
        "en": "The best package that fits the budgets and rules of the case (prerequisites, exclusions, red lines, number of measures) holds {n} measures, with total value {value} ({status}).",
        "zh": "在本案预算与规则（前提条件、互斥关系、红线、措施数量）约束下，最优措施组合包含 {n} 项措施，总价值为 {value}（{status}）。",
    },
    "pkg_intro_one": {
        "en": "The best package that fits the budgets and rules of the case (prerequisites, exclusions, red lines, number of measures) holds a single measure, with value {value} ({status}).",
        "zh": "在本案预算与规则（前提条件、互斥关系、红线、措施数量）约束下，最优措施组合只包含 1 项措施，价值为 {value}（{status}）。",
    },
    "pkg_proven": {"en": "proven optimal", "zh": "已证明最优"},
    "pkg_not_proven": {"en": "not proven optimal: {status}", "zh": "未能证明最优：{status}"},
    "pkg_within": {"en": "proven within {gap} of the best possible package", "zh": "已证明与可能的最优组合相差不超过 {gap}"},
    "pkg_none": {
        "en": "No package meets the budgets and rules of the case: {status}. See `negotiator portfolio` for the constraints in conflict.",
        "zh": "没有措施组合能满足本案的预算与规则：{status}。冲突的约束见 `negotiator portfolio`。",
    },
    "pkg_value_note": {
        "en": "The value of a package is the sum of its measures' overall scores.",
        "zh": "组合价值为其各项措施综合得分之和。",
    },
    "pkg_synergy_note": {
        "en": "The value of a package is the sum of its measures' overall scores plus synergy bonuses ({bonus}).",
        "zh": "组合价值为其各项措施综合得分之和，另加协同加成（{bonus}）。",
    },
    "bl_package_one": {
        "en": "The best package within the budgets holds a single measure:",
        "zh": "预算内的最优措施组合只包含 1 项措施：",
    },
    "bl_package": {
        "en": "The best package within the budgets holds {n} measures:",
        "zh": "预算内的最优措施组合包含 {n} 项措施：",
    },
    "bl_package_caps": {
        "en": "Caution: no status quo is named, so every measure adds value and the package simply fills {what}. To count only what each measure adds over the status quo, name it: --baseline OPTION{eg}.",
        "zh": "注意：未指定现状，每项措施都算作增加价值，该组合只是用满了{what}。要只计算各措施相对现状的增量，请指定现状：--baseline 选项{eg}。",
    },
    "baseline_eg": {"en": " (e.g. --baseline {example})", "zh": "（例如 --baseline {example}）"},
    "pkg_fills_caps": {
        "en": "Caution: this package fills {what} because no status quo is named. Overall scores count from the worst level on every objective, so doing anything beats doing nothing, and the limits, not the merits of each measure, set the package size. Name the status quo to count only what each measure adds over it: --baseline OPTION{eg} (Clemen & Smith 2009).",
        "zh": "注意：由于未指定现状，该组合用满了{what}。综合得分从各目标的最差水平起算，做任何事都胜过什么都不做，于是决定组合大小的是限制条件，而不是各项措施本身的价值。请指定现状，只计算各措施相对现状的增量：--baseline 选项{eg}（Clemen & Smith 2009）。",
    },
    "col_left": {"en": "Left", "zh": "剩余"},
    "tbl_package": {"en": "Package", "zh": "措施组合"},
    "tbl_resources": {"en": "Resources", "zh": "资源"},
    "col_resource": {"en": "Resource", "zh": "资源"},
    "col_used": {"en": "Used", "zh": "已用"},
    "col_budget": {"en": "Budget", "zh": "预算"},
    "col_share": {"en": "Share used", "zh": "使用比例"},
    "col_value": {"en": "Value", "zh": "价值"},
    # -- scenarios ------------------------------------------------------------
    "tbl_payoffs": {"en": "Scenario payoffs", "zh": "情景收益"},
    "scen_intro": {
        "en": "Overall score of each option in each scenario of the other side's behaviour (same weights and method; red lines applied in each scenario).",
        "zh": "各选项在对方各行为情景下的综合得分（相同权重与方法；各情景下均检验红线）。",
    },
    "scen_screened_cell": {"en": "screened out", "zh": "已筛除"},
    "scen_intro_payoffs": {
        "en": "Overall score of each option in each scenario of the other side's behaviour (same weights and method, scales of the base case), and its expected value over the scenario probabilities.",
        "zh": "各选项在对方各行为情景下的综合得分（相同权重与方法，沿用基准情景的量表），以及按情景概率计算的期望值。",
    },
    "scen_left_out": {
        "en": "Left out because they break a red line in some scenario: {options}.",
        "zh": "因在某些情景下触碰红线而未列入：{options}。",
    },
    "scen_unavailable": {"en": "No payoff table: {reason}.", "zh": "无法给出收益表：{reason}。"},
    "scen_ignorance": {
        "en": "Complete ignorance: the case gives the scenarios no probabilities, so there is no value of information and these rules are not run: {rules}.",
        "zh": "完全不确定：本案未给出各情景的概率，因此没有信息价值，且未运行以下规则：{rules}。",
    },
    "asm_no_probabilities": {
        "en": "No scenario has a probability: the case is read under complete ignorance.",
        "zh": "各情景均未给出概率：本案按完全不确定处理。",
    },
    "scen_evpi": {
        "en": "Expected value of perfect information (knowing the scenario in advance): {evpi}.",
        "zh": "完全信息期望价值（事先知道将出现哪种情景的价值）：{evpi}。",
    },
    "col_criterion": {"en": "Criterion value", "zh": "准则值"},
    "col_margin": {"en": "Margin over runner-up", "zh": "领先次优的幅度"},
    "rules_note": {
        "en": "Maximin: best worst case; maximax: best best case; Hurwicz: weighted mix of best and worst; Laplace: mean over scenarios; minimax regret: smallest largest regret (lower is better); expected value: probability-weighted mean.",
        "zh": "最大最小：最坏情况最好；最大最大：最好情况最好；赫维茨：最好与最坏情况的加权；拉普拉斯：各情景平均；最小最大后悔：最大后悔值最小（越低越好）；期望值：按概率加权平均。",
    },
    "rule_maximin": {"en": "Maximin (Wald)", "zh": "最大最小准则（瓦尔德）"},
    "rule_maximax": {"en": "Maximax", "zh": "最大最大准则"},
    "rule_hurwicz": {"en": "Hurwicz (alpha = {alpha})", "zh": "赫维茨准则（α = {alpha}）"},
    "rule_laplace": {"en": "Laplace (equal likelihood)", "zh": "拉普拉斯准则（等可能）"},
    "rule_minimax_regret": {"en": "Minimax regret (Savage)", "zh": "最小最大后悔准则（萨维奇）"},
    "rule_expected_value": {"en": "Expected value", "zh": "期望值准则"},
    "rule_maximum_likelihood": {"en": "Maximum likelihood", "zh": "最大可能准则"},
    "col_probability": {"en": "Probability", "zh": "概率"},
    "col_base": {"en": "Base case", "zh": "基准情景"},
    "col_expected": {"en": "Expected", "zh": "期望值"},
    "tbl_rules": {"en": "Decision rules", "zh": "决策规则"},
    "col_rule": {"en": "Decision rule", "zh": "决策规则"},
    "col_choice": {"en": "Choice", "zh": "选择"},
    "rules_intro": {
        "en": "What each classical decision rule picks from the payoff table.",
        "zh": "各经典决策规则根据收益表所作的选择。",
    },
    # -- assumptions ----------------------------------------------------------
    "asm_judgment": {
        "en": "Scores, weights, red lines, budgets and scenario probabilities are analyst judgments: illustrative estimates, not facts.",
        "zh": "评分、权重、红线、预算与情景概率均为分析人员的判断：是示意性估计，不是事实。",
    },
    # Computed from the case (model.score_matrix.rationale_count): never claimed.
    "asm_rationale_all": {
        "en": "All {total} scores carry a one-line rationale in the case file.",
        "zh": "案例文件中全部 {total} 项评分都附有一句理由。",
    },
    "asm_rationale_some": {
        "en": "{noted} of {total} scores carry a one-line rationale in the case file; the others have none.",
        "zh": "案例文件中 {total} 项评分里有 {noted} 项附有一句理由，其余没有。",
    },
    "asm_rationale_none": {
        "en": "None of the {total} scores carries a rationale in the case file.",
        "zh": "案例文件中的 {total} 项评分都没有附理由。",
    },
    "tbl_weights": {"en": "Weights", "zh": "权重"},
    "head_direction": {"en": "Direction", "zh": "方向"},
    "col_weight": {"en": "Weight", "zh": "权重"},
    "dir_max": {"en": "more is better", "zh": "越高越好"},
    "dir_min": {"en": "less is better", "zh": "越低越好"},
    "tbl_redlines": {"en": "Red lines", "zh": "红线"},
    "col_min": {"en": "Minimum", "zh": "下限"},
    "col_max": {"en": "Maximum", "zh": "上限"},
    "no_redlines": {"en": "The case sets no red lines.", "zh": "本案未设红线。"},
    "tbl_scenarios": {"en": "Scenarios", "zh": "情景"},
    "col_scenario": {"en": "Scenario", "zh": "情景"},
    "head_source": {"en": "Source", "zh": "出处"},
    "no_scenarios": {"en": "The case has no scenarios.", "zh": "本案未设情景。"},
    "weights_equal": {
        "en": "The case has no weight profiles: every objective weighs the same.",
        "zh": "本案未设权重方案：各目标权重相同。",
    },
    "weights_custom": {"en": "custom", "zh": "自定义"},
    # -- provenance -----------------------------------------------------------
    "tbl_provenance": {"en": "Provenance", "zh": "来源"},
    "col_item": {"en": "Item", "zh": "项目"},
    "col_content": {"en": "Value", "zh": "内容"},
    "prov_row_case": {"en": "Case", "zh": "案例"},
    "prov_files": {"en": "Case files", "zh": "案例文件"},
    "prov_sha": {"en": "Case sha256", "zh": "案例 sha256"},
    "prov_row_version": {"en": "negotiator version", "zh": "negotiator 版本"},
    "prov_row_method": {"en": "Method", "zh": "方法"},
    "prov_row_profile": {"en": "Weight profile", "zh": "权重方案"},
    "prov_row_scenario": {"en": "Scenario", "zh": "情景"},
    "prov_baseline": {"en": "Package baseline", "zh": "组合基线"},
    "prov_no_baseline": {"en": "none (values count from the worst level)", "zh": "无（价值自最差水平起算）"},
    "pkg_value_note_baseline": {"en": "The value of a package is the sum of what its measures add over the status quo.", "zh": "组合价值为各项措施相对现状的增益之和。"},
    "col_value_over_baseline": {"en": "Value over the status quo", "zh": "相对现状的增益"},
    "pkg_baseline": {
        "en": "Values are what each measure adds over the status quo, {baseline} (overall value {value}; Clemen & Smith 2009): a measure worse than it counts against the package. Worse than the status quo: {worse}.",
        "zh": "各项措施的价值为相对现状（{baseline}，综合得分 {value}；Clemen & Smith 2009）的增益：不如现状的措施会拉低组合价值。不如现状的措施：{worse}。",
    },
    "prov_base_case": {"en": "base case (no scenario)", "zh": "基准情景（未选情景）"},
    "memo_subtitle_scenario": {"en": "; under the scenario: {scenario}", "zh": "；情景：{scenario}"},
    "prov_row_seed": {"en": "Seed", "zh": "随机种子"},
    "prov_samples": {"en": "Samples", "zh": "抽样次数"},
    "prov_date": {"en": "Date", "zh": "日期"},
    "prov_sections": {"en": "Analyses included", "zh": "包含的分析"},
    "prov_reproduce": {"en": "Reproduce with", "zh": "复现命令"},
    "prov_not_used": {"en": "not used (no random sampling in this memo)", "zh": "未使用（本备忘录无随机抽样）"},
    "none": {"en": "none", "zh": "无"},
    "analysis_sensitivity": {"en": "robustness (SMAA, weight stability)", "zh": "稳健性（SMAA、权重稳定区间）"},
    "analysis_portfolio": {"en": "recommended package", "zh": "推荐措施组合"},
    "analysis_decision_rules": {"en": "decision rules", "zh": "决策规则"},
    # -- spreadsheet-only -----------------------------------------------------
    "sheet_summary": {"en": "Summary", "zh": "摘要"},
    # -- aggregation methods: English keeps the ids users type; the Chinese name has the id beside it (method_name)
    "method_additive": {"en": "additive", "zh": "加权求和"},
    "method_topsis": {"en": "topsis", "zh": "TOPSIS 逼近理想解"},
    "method_promethee": {"en": "promethee", "zh": "PROMETHEE II 偏好排序"},
    "method_vikor": {"en": "vikor", "zh": "VIKOR 折衷排序"},
    "method_electre": {"en": "electre", "zh": "ELECTRE I 级别优先"},
}
