"""The UI's own words in English and Chinese; case labels come from the case (label / label_zh)."""

from __future__ import annotations

__all__ = ["LANGS", "tr", "label"]

LANGS = ("en", "zh")

_WORDS: dict[str, tuple[str, str]] = {
    # views and keys
    "ranking": ("Ranking", "排序"),
    "weights": ("Weights", "权重"),
    "compare": ("Compare", "比较"),
    "sensitivity": ("Sensitivity", "敏感性"),
    "package": ("Package", "组合"),
    "scenarios": ("Scenarios", "情景"),
    "memo": ("Memo", "备忘录"),
    "language": ("中文", "English"),
    "keys": ("Keys", "按键"),
    "quit": ("Quit", "退出"),
    "sort": ("Sort", "排序列"),
    "reverse": ("Reverse", "倒序"),
    "pick": ("Pick", "选入比较"),
    "save": ("Save", "保存"),
    "save_profile": ("Save profile", "保存方案"),
    "undo": ("Undo", "撤销"),
    "redo": ("Redo", "重做"),
    "reset": ("Reset", "复原"),
    "type": ("Type weight", "输入权重"),
    # selectors
    "profile": ("Profile", "权重方案"),
    "method": ("Method", "方法"),
    "scenario": ("Scenario", "情景"),
    "base_case": ("base case", "基准情形"),
    "custom": ("custom", "自定义"),
    # ranking table
    "col_rank": ("#", "#"),
    "col_option": ("Option", "选项"),
    "col_id": ("Id", "编号"),
    "col_family": ("Fam.", "类"),
    "col_score": ("Score", "得分"),
    "col_bar": ("Contribution of each objective", "各目标贡献"),
    "screened": ("screened out", "已筛除"),
    "sorted_by": ("sorted by", "排序依据"),
    "judgments": ("scores are analyst judgments, not facts", "评分为分析人员判断，并非事实"),
    "nothing_ranked": ("Nothing to rank", "无可排序选项"),
    # weights view
    "col_objective": ("Objective", "目标"),
    "col_weight": ("Weight", "权重"),
    "col_start": ("Start", "初始"),
    "col_move": ("Move", "变动"),
    "weights_help": ("↑↓ pick · ←→ ±0.01 · shift ±0.05 · Enter type", "↑↓ 选择 · ←→ ±0.01 · shift ±0.05 · 回车 输入"),
    "type_prompt": ("weight of {obj} (0-1 or %), Enter", "{obj} 的权重（0-1 或 %），回车"),
    "bad_weight": ("'{text}' is not a weight: type a number from 0 to 1, or a percentage like 25%", "“{text}” 不是有效权重：请输入 0 到 1 之间的数，或如 25% 的百分比"),
    "started_from": ("started from profile {p}", "初始方案：{p}"),
    "unsaved": ("unsaved changes", "有未保存的修改"),
    "saved_as": ("saved profile '{name}' to {file} (backup {bak})", "已将方案“{name}”保存到 {file}（备份 {bak}）"),
    "profile_replaced": ("your edited weights were replaced by profile {p}: ctrl+z brings them back", "编辑过的权重已被方案 {p} 替换：按 ctrl+z 可恢复"),
    "nothing_to_undo": ("nothing to undo", "没有可撤销的操作"),
    "nothing_to_redo": ("nothing to redo", "没有可重做的操作"),
    # compare view
    "option_a": ("A", "A"),
    "option_b": ("B", "B"),
    "option_c": ("C (optional)", "C（可选）"),
    "none": ("—", "—"),
    "total": ("Total (additive value)", "合计（加性价值）"),
    "breakdown": ("value of each objective (bar), weighted difference vs A", "各目标价值（条形）及相对 A 的加权差"),
    "whatif_title": ("What would it take?", "需要怎样的权重变化？"),
    "whatif_line": ("For {b} to draw level with {a} (gap {gap:.4f}):", "要让 {b} 追平 {a}（差距 {gap:.4f}）："),
    "whatif_single": ("one weight: {dir} {obj} from {cur:.3f} to {new:.3f} ({chg:+.3f}, the others rescaled)", "单一权重：将 {obj} 从 {cur:.3f} {dir}到 {new:.3f}（{chg:+.3f}，其余按比例缩放）"),
    "whatif_cheapest": ("cheapest shift (total change {dist:.3f}): {moves}", "最小调整（总变化 {dist:.3f}）：{moves}"),
    "whatif_beyond": ("any step beyond this puts {b} ahead", "再多一步即可让 {b} 领先"),
    "whatif_tied": ("{a} and {b} are tied now", "{a} 与 {b} 目前并列"),
    "whatif_impossible": ("no weights put {b} ahead of {a}: it is nowhere better", "任何权重都无法让 {b} 超过 {a}：它在各目标上都不更好"),
    "whatif_at_best_tie": ("weights can at most tie {b} with {a}: it is nowhere better", "权重最多只能让 {b} 与 {a} 并列：它在各目标上都不更好"),
    "whatif_additive_only": ("exact answer for the additive model only: switch the method to 'additive'", "精确解仅适用于加性模型：请将方法切换为 additive"),
    "whatif_screened": ("{b} is screened out by a red line: no weight change helps", "{b} 因红线被筛除：调整权重无济于事"),
    "flip_line": ("for {b} to come first among all options: nearest weights {d:.3f} away in total (flip LP): {moves}", "要让 {b} 在全部选项中居首：最近的权重总变化 {d:.3f}（翻转线性规划）：{moves}"),
    "flip_never": ("{b} cannot come first among all options under any weights (flip LP)", "任何权重都无法让 {b} 在全部选项中居首（翻转线性规划）"),
    "raise": ("raise", "提高"),
    "lower": ("lower", "降低"),
    "pick_two": ("pick two or three options (A, B, C)", "请选择两到三个选项（A、B、C）"),
    "picked": ("picked for Compare: {names}", "已选入比较：{names}"),
    # sensitivity view
    "run_smaa": ("Run SMAA", "运行SMAA"),
    "sweep_of": ("Sweep the weight of", "扫描权重"),
    "weight_axis": ("weight of {obj}", "{obj} 的权重"),
    "sweep_now": ("│ now {w:.3f}", "│ 当前 {w:.3f}"),
    "sweep_no_change": ("the leader stays first over the whole range 0-1", "在 0-1 的整个范围内首位不变"),
    "sweep_breakpoint": ("at {w:.3f}: {rises} overtakes {falls} for first place", "在 {w:.3f} 处：{rises} 超过 {falls} 居首位"),
    "sweeping": ("sweeping the weight ({method})…", "正在扫描权重（{method}）…"),
    "smaa_hint": ("press a to run SMAA-2 ({n:,} draws of weights and scores, in the background)", "按 a 运行 SMAA-2（{n:,} 次权重与评分抽样，后台运行）"),
    "smaa_running": ("SMAA running ({n:,} draws)…", "SMAA 运行中（{n:,} 次抽样）…"),
    "smaa_title": ("SMAA-2 rank acceptability ({n:,} draws, seed {seed}): share of draws at each rank", "SMAA-2 排名可接受度（{n:,} 次抽样，种子 {seed}）：各名次所占比例"),
    "smaa_stale": ("the weights changed since this run: press a to run again", "权重已在本次运行后改变：按 a 重新运行"),
    "smaa_legend": ("rank", "名次"),
    # package view
    "bad_budget": ("'{text}' is not a budget for {res}: type a number of 0 or more", "“{text}” 不是 {res} 的有效预算：请输入不小于 0 的数"),
    "edit_budgets": ("Budgets", "预算"),
    "budgets_help": ("b: edit the budgets (Tab to the next, Enter solves again, Esc back; ctrl+r resets)", "b：编辑预算（Tab 切换，回车重新求解，Esc 返回；ctrl+r 复原）"),
    "solving": ("finding the best package…", "正在求解最优组合…"),
    "infeasible": ("No package meets all the constraints.", "没有任何组合能满足全部约束。"),
    "col_value": ("Value", "价值"),
    "package_total": ("Package total (incl. synergies)", "组合合计（含协同）"),
    "resource_use": ("Resource use (used / budget)", "资源使用（已用 / 预算）"),
    "pick_baseline": ("Status quo", "现状"),
    "baseline": ("Baseline (status quo)", "基线（现状）"),
    "baseline_none": ("none: values from the worst level", "无：价值从最差水平起算"),
    "baseline_worst": ("the worst level on every objective", "各目标均为最差水平"),
    "col_value_over": ("Over baseline", "超出基线"),
    "baseline_line": ("Status quo (baseline): “{name}”, overall value {v:.4f}. Each value is what the measure adds over it (Clemen & Smith 2009).", "现状（基线）：“{name}”，总体价值 {v:.4f}。各项价值为该措施相对基线的增量（Clemen & Smith 2009）。"),
    "below_title": ("Worse than the baseline (negative contribution; chosen only when a rule forces it):", "劣于基线（贡献为负；仅在规则强制时入选）："),
    "below_forced": ("in the package (forced by a rule)", "在组合中（规则强制）"),
    "below_left_out": ("left out", "未入选"),
    "none_below": ("every eligible option adds value over the baseline", "所有可选措施均优于基线"),
    "advice_pick_baseline": ("press s to pick the status quo as the Baseline above: values then count only what each measure adds over it", "按 s 在上方“基线”中选择现状：价值将只计各措施相对现状的增量"),
    "package_note": ("scores, resources and budgets are analyst judgments, not facts", "评分、资源与预算均为分析人员判断，并非事实"),
    # scenarios view
    "alpha_down": ("α−", "α−"),
    "alpha_up": ("α+", "α+"),
    "scenario_list": ("Scenarios of the other side's behaviour:", "对方行为情景："),
    "col_expected": ("Expected", "期望值"),
    "rules_title": ("What each decision rule picks (Hurwicz α = {alpha:.1f}; - and + change it)", "各决策准则的选择（Hurwicz α = {alpha:.1f}；按 - / + 调整）"),
    "rule_margin": ("ahead of {runner} by {m:.4f}", "领先 {runner} {m:.4f}"),
    "evpi": ("expected value of perfect information: {v:.4f}", "完全信息的期望价值：{v:.4f}"),
    "left_out": ("left out (break a red line in some scenario): {names}", "未列入（在某情景下触及红线）：{names}"),
    # memo
    "memo_title": ("Export the memo of the current state (weights, method, language)", "导出当前状态（权重、方法、语言）的备忘录"),
    "memo_formats": ("file name; its ending picks the format: .md .html .docx .xlsx .csv (an existing file is never overwritten)", "文件名；扩展名决定格式：.md .html .docx .xlsx .csv（不会覆盖已有文件）"),
    "memo_write": ("Write memo", "写入备忘录"),
    "memo_writing": ("writing the memo (rankings, robustness, package, scenarios)…", "正在生成备忘录（排序、稳健性、组合、情景）…"),
    "memo_done": ("wrote {path}", "已写入 {path}"),
    "memo_unsaved_note": ("(your unsaved weights appear in it as profile '{p}')", "（未保存的权重在其中显示为方案“{p}”）"),
    # dialogs
    "save_title": ("Save the current weights as a new profile", "将当前权重另存为新方案"),
    "save_into": ("into {file} (the original is kept as {bak})", "写入 {file}（原文件保留为 {bak}）"),
    "profile_name": ("profile name (letters, digits, _ . -)", "方案名称（字母、数字、_ . -）"),
    "cancel": ("Cancel", "取消"),
    "quit_title": ("You have unsaved weight changes", "有未保存的权重修改"),
    "quit_save": ("Save as profile…", "另存为方案…"),
    "quit_discard": ("Quit without saving", "不保存并退出"),
    "errors_title": ("This case cannot be opened: {n} problem(s)", "无法打开此案例：{n} 个问题"),
    "errors_help": ("Fix the file(s) and run `negotiator tui` again; `negotiator validate` lists the same problems.", "请修正文件后重新运行 `negotiator tui`；`negotiator validate` 会列出相同的问题。"),
    "fix": ("fix", "修正"),
}


def tr(key: str, lang: str = "en", **fields) -> str:
    """The UI word for ``key`` in ``lang`` (English when unknown), formatted with ``fields``."""
    en, zh = _WORDS[key]
    text = zh if lang == "zh" else en
    return text.format(**fields) if fields else text


def label(item, lang: str = "en") -> str:
    """A case item's label in the UI language (English when it has no Chinese label)."""
    zh = getattr(item, "label_zh", None)
    return zh if lang == "zh" and zh else item.label
