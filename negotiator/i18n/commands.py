"""The words of the commands that talk rather than tabulate: validate, methods, examples, the authoring
commands (new, export, import), the Markdown forms, and the frame of every error (exit 2).
Entries of the one catalogue, like the other areas."""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS: dict[str, dict[str, str]] = {
    # -- the case's name where it has no file: the bundled case
    "case_bundled": {"en": "bundled", "zh": "内置案例"},
    # -- errors: the frame printed around the problems (the problems are worded where they are raised)
    "err_one": {"en": "error", "zh": "错误"},
    "err_many": {"en": "{n} problems", "zh": "{n} 个问题"},
    "err_fix": {"en": "fix: {hint}", "zh": "修改：{hint}"},
    "err_unknown_format": {"en": "unknown output format '{value}'", "zh": "未知的输出格式 {value}"},
    "err_no_markdown": {"en": "{command} output comes as table, json or csv", "zh": "`{command}` 的输出格式只有 `table`、`json` 或 `csv`"},
    "err_writes_tables": {"en": "{command} writes table, json or csv", "zh": "`{command}` 的输出格式只有 `table`、`json` 或 `csv`"},
    "err_no_markdown_hint": {"en": "use --format table, json or csv", "zh": "请使用 `--format table`、`--format json` 或 `--format csv`"},
    "err_memo_hint": {
        "en": "use --format table, --format json or --format csv (memo documents come from `negotiator memo`)",
        "zh": "请使用 `--format table`、`--format json` 或 `--format csv`（备忘录文档由 `negotiator memo` 生成）",
    },
    "err_show_markdown": {"en": "--format {fmt} needs --scores or --rationale OPTION", "zh": "--format {fmt} 需要同时给出 --scores 或 --rationale 选项编号"},
    "err_show_markdown_hint": {"en": "negotiator show --scores --format csv (the overview is a table only)", "zh": "`negotiator show --scores --format csv`（概览只有表格形式）"},
    # -- validate
    "validate_ok": {
        "en": "ok: {case}: {options} options, {objectives} objectives, {profiles} weight profiles, {scenarios} scenarios (sha256 {sha})",
        "zh": "通过：{case}：{options} 个选项，{objectives} 个目标，{profiles} 个权重方案，{scenarios} 个情景（sha256 {sha}）",
    },
    # -- methods
    "mt_title": {"en": "Aggregation methods (negotiator rank --method NAME)", "zh": "汇总方法（`negotiator rank --method NAME`）"},
    "mt_caption": {
        "en": "All scores rank higher-is-better; uncertain scores [low, likely, high] enter at their likely value. See docs/methods.md.",
        "zh": "所有得分都是越高越好；不确定评分 [低, 最可能, 高] 取最可能值计入。详见 `docs/methods.md`。",
    },
    "mt_method": {"en": "method", "zh": "方法"},
    "mt_conventions": {"en": "conventions", "zh": "约定"},
    "mt_forms_title": {"en": "Weight profile forms (weights: <profile>: ...)", "zh": "权重方案的写法（`weights: <权重方案>: ...`）"},
    "mt_form": {"en": "form", "zh": "写法"},
    "mt_yaml": {"en": "YAML", "zh": "YAML"},
    "mt_meaning": {"en": "meaning", "zh": "含义"},
    "mt_note_additive": {
        "en": "weighted sum of values in [0, 1] (linear over each scale unless the objective declares a value function); ranges enter at their likely score",
        "zh": "[0, 1] 内价值的加权求和（各量表上线性，除非目标声明了价值函数）；区间评分取最可能值",
    },
    "mt_note_topsis": {
        "en": "TOPSIS (Hwang & Yoon 1981): closeness to the ideal, 0..1; vector normalisation of the likely scores (--topsis-normalisation minmax); cost objectives by ideal/anti-ideal",
        "zh": "TOPSIS（Hwang 与 Yoon 1981）：与理想解的贴近度，0..1；对最可能评分作向量归一化（可用 `--topsis-normalisation minmax` 改为极差归一化）；成本型目标按理想解与负理想解处理",
    },
    "mt_note_promethee": {
        "en": "PROMETHEE II (Brans & Vincke 1985): net flow phi in [-1, 1]; per-objective preference functions and thresholds from the case (objectives.<id>.promethee), usual criterion otherwise; ties give no preference",
        "zh": "PROMETHEE II（Brans 与 Vincke 1985）：净流量 φ ∈ [-1, 1]；各目标的偏好函数与阈值取自案例中各目标的 `promethee` 设置，否则用普通准则；相等不产生偏好",
    },
    "mt_note_vikor": {
        "en": "VIKOR (Opricovic & Tzeng 2004): ranks by Q (0 = best), shown as 1 - Q; linear normalisation between best and worst option; --vikor-v sets v (default 0.5)",
        "zh": "VIKOR（Opricovic 与 Tzeng 2004）：按 Q 排序（0 为最好），显示为 1 - Q；在最好与最差选项之间线性归一化；--vikor-v 设定 v（默认 0.5）",
    },
    "mt_note_electre": {
        "en": "ELECTRE I (Roy 1968): a outranks b if concordance >= c and discordance <= d (--electre-c 0.65, --electre-d 0.35); score = net outranking count / (n - 1); equal counts tie",
        "zh": "ELECTRE I（Roy 1968）：和谐度 ≥ c 且不和谐度 ≤ d 时 a 优于 b（--electre-c 0.65，--electre-d 0.35）；得分 = 净优先次数 / (n - 1)；次数相同则并列",
    },
    "mt_form_numbers": {"en": "numbers", "zh": "数值"},
    "mt_form_order": {"en": "order", "zh": "顺序"},
    "mt_form_order_scheme": {"en": "order + scheme", "zh": "顺序 + 公式"},
    "mt_form_swing": {"en": "swing", "zh": "摆动"},
    "mt_form_ahp": {"en": "ahp", "zh": "AHP"},
    "mt_form_hierarchy": {"en": "hierarchy", "zh": "层次"},
    "mt_yaml_order": {"en": "[most important, next, ...]", "zh": "[最重要, 其次, ...]"},
    "mt_w_objective": {"en": "objective", "zh": "目标"},
    "mt_w_number": {"en": "number", "zh": "数值"},
    "mt_w_group": {"en": "group", "zh": "组"},
    "mt_mean_numbers": {"en": "normalised to sum 1; a missing objective weighs 0", "zh": "归一化为总和 1；未列出的目标权重为 0"},
    "mt_mean_order": {"en": "rank-order centroid weights (Barron & Barrett 1996)", "zh": "名次顺序质心权重（Barron 与 Barrett 1996）"},
    "mt_mean_order_scheme": {"en": "weights from an order of importance by the named formula", "zh": "按指定公式由重要性顺序得出权重"},
    "mt_mean_swing": {
        "en": "swing weights: the biggest worst-to-best swing rated 100, weights = ratings normalised",
        "zh": "摆动权重：从最差到最好摆动最大者记 100，权重为归一化后的评级",
    },
    "mt_mean_ahp": {
        "en": "Saaty pairwise judgments (a is 3x as important as b); eigenvector weights, CR checked, gaps filled (Harker 1987)",
        "zh": "Saaty 两两比较判断（a 的重要性是 b 的 3 倍）；特征向量权重，检查 CR，缺失比较按 Harker（1987）补全",
    },
    "mt_mean_hierarchy": {"en": "group weights multiply down to objectives", "zh": "组权重逐层相乘得到各目标权重"},
    # -- Markdown forms (a ranking; methods compared)
    "md_rank": {"en": "rank", "zh": "名次"},
    "md_option": {"en": "option", "zh": "选项"},
    "md_label": {"en": "label", "zh": "名称"},
    "md_family": {"en": "family", "zh": "类别"},
    "md_score": {"en": "score", "zh": "得分"},
    "md_contributions": {"en": "main contributions", "zh": "主要贡献（目标编号）"},
    "md_id": {"en": "id", "zh": "编号"},
    "md_objective": {"en": "objective", "zh": "目标"},
    "md_rationale": {"en": "rationale", "zh": "理由"},
    "md_none_given": {"en": "(none given)", "zh": "（未给出）"},
    "md_why_option": {"en": "Why this option: {rationale}", "zh": "选择此选项的理由：{rationale}"},
    "md_cells": {
        "en": "Cells: a point score, or low-high (likely) for a range. ↑ higher is better, ↓ lower is better.",
        "zh": "单元格：单点评分，或区间的 低-高（最可能值）。↑ 越高越好，↓ 越低越好。",
    },
    "md_tau": {"en": "Kendall tau-b", "zh": "肯德尔 tau-b"},
    "md_spread": {"en": "spread", "zh": "极差"},
    "md_game_kind": {"en": "kind", "zh": "类型"},
    "md_game_payoffs": {"en": "payoffs", "zh": "收益"},
    "md_game_note": {
        "en": "`*` marks a best response; every equilibrium is exact and certified (no player gains by deviating).",
        "zh": "`*` 表示最优反应；每个均衡都经精确计算并已验证（任何参与方偏离都不获益）。",
    },
    "md_py_rule": {"en": "rule", "zh": "规则"},
    "md_py_where": {"en": "where the choice would change, {parameter} (now {now}): {change}", "zh": "选择在何处改变，{parameter}（当前 {now}）：{change}"},
    "md_py_left_out": {"en": "Left out (breaks a red line under a scenario): {options}", "zh": "未列入（在某情景下触碰红线）：{options}"},
    # -- authoring: new, export, import
    "au_wrote_copy": {"en": "wrote a copy of the bundled case: {files}", "zh": "已写入内置案例的副本：{files}"},
    "au_wrote_template": {"en": "wrote the commented template: {files}", "zh": "已写入带注释的模板：{files}"},
    "au_next_fill": {"en": "next: fill it in, then  {import_cmd}  and  {rank_cmd}", "zh": "下一步：填写后运行 `{import_cmd}`，再运行 `{rank_cmd}`"},
    "au_next_edit": {"en": "next: edit it, then  {validate_cmd}  and  {rank_cmd}", "zh": "下一步：编辑后运行 `{validate_cmd}`，再运行 `{rank_cmd}`"},
    "au_wrote_workbook": {
        "en": "wrote {path}: {options} options x {objectives} objectives, {profiles} weight profiles, {scenarios} scenarios (from {case}, case_sha256 {sha})",
        "zh": "已写入 {path}：{options} 个选项 × {objectives} 个目标，{profiles} 个权重方案，{scenarios} 个情景（来自 {case}，case_sha256 {sha}）",
    },
    "au_next_import": {"en": "next: edit it, then  {import_cmd}", "zh": "下一步：编辑后运行 `{import_cmd}`"},
    "au_wrote_case": {
        "en": "wrote {path}: {options} options x {objectives} objectives, {profiles} weight profiles, {scenarios} scenarios (case_sha256 {sha})",
        "zh": "已写入 {path}：{options} 个选项 × {objectives} 个目标，{profiles} 个权重方案，{scenarios} 个情景（case_sha256 {sha}）",
    },
    "au_next_rank": {"en": "next: {rank_cmd}", "zh": "下一步：运行 `{rank_cmd}`"},
    "au_would_change": {"en": "would change {n} scores ({same} already equal) in {path}", "zh": "将修改 {path} 中的 {n} 个评分（{same} 个已相同）"},
    "au_changed": {"en": "changed {n} scores ({same} already equal) in {path}", "zh": "已修改 {path} 中的 {n} 个评分（{same} 个已相同）"},
    "au_wrote_bak": {"en": "wrote {files} (previous versions kept as .bak)", "zh": "已写入 {files}（原版本保留为 `.bak` 文件）"},
    "au_none": {"en": "(none)", "zh": "（无）"},
    # -- memo
    "memo_wrote_part": {
        "en": "wrote {path} ({size} bytes; {language}; only the sections: {sections}; a CSV holds the ranking table: write .md, .html, .docx or .xlsx for the whole memo)",
        "zh": "已写入 {path}（{size} 字节；{language}；仅含章节：{sections}；CSV 只保存排序表：完整备忘录请写为 .md、.html、.docx 或 .xlsx）",
    },
    "memo_wrote": {"en": "wrote {path} ({size} bytes; {language}; sections: {sections})", "zh": "已写入 {path}（{size} 字节；{language}；章节：{sections}）"},
    "memo_busy": {"en": "writing the {fmt} memo", "zh": "正在写 {fmt} 备忘录"},
}
