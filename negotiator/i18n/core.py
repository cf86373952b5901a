"""The Chinese of the core's structured messages (negotiator.messages): the English is the core's own
(messages.TEMPLATES), so JSON keeps it; entries of the one catalogue like the other areas."""

from __future__ import annotations

from negotiator.messages import TEMPLATES

__all__ = ["STRINGS"]

_ZH: dict[str, str] = {
    "an_sweep": "单因素权重扫描",
    "an_stability": "权重稳定区间",
    "an_flip": "使各挑战者排名第一的最小权重变化（{norm}）",
    "an_smaa": "SMAA-2 随机多准则可接受度分析",
    "an_tornado": "不确定评分的龙卷风分析（每次一个，其余取最可能值）",
    "an_scenarios": "各情景下的排序（基准情景量表）",
    "how_sweep_exact": "精确：直线的交点（加性模型）",
    "how_stability_exact": "精确：半直线的交集（加性模型）",
    "how_flip_exact": "精确：每个挑战者求解一个线性规划，PuLP（加性模型）",
    "how_tornado": "精确：每个不确定评分重新排序两次（{method}）",
    "how_scenarios": "精确：在基准评分及 {n} 个情景下分别排序（{method}）",
    "how_smaa": "蒙特卡洛：{samples:,} 次带种子的抽样，每批 {chunk} 次",
    "how_smaa_conf": "蒙特卡洛：{samples:,} 次带种子的抽样，每批 {chunk} 次，另有 {conf:,} 次用于置信因子",
    "how_search": "数值搜索（{how}）：{method} 方法在此没有闭式解",
    "how_grid_falsi": "{n} 个权重的网格，试位法",
    "how_grid_bisection": "{n} 个权重的网格，二分法",
    "how_seeded_bisection": "{n} 个带种子的权重向量，二分法；距离为上界",
    "wn_uniform": "在单纯形上均匀抽取（不使用权重方案的数值）",
    "wn_order": "在满足顺序 {order} 的权重中均匀抽取（只使用权重方案的重要性顺序，不使用其数值）",
    "wn_order_zero": "在满足顺序 {order} 的权重中均匀抽取；权重为 0：{zero}（只使用权重方案的重要性顺序，不使用其数值）",
    "wn_within_given": "在单纯形上 {bounds} 的范围内均匀抽取（区间由 --interval 给出；不使用权重方案的数值）",
    "wn_within_spread": "在单纯形上 {bounds} 的范围内均匀抽取（区间：权重方案数值 ±{spread:.0%}；不直接使用这些权重）",
    "wn_within_spread_some": "在单纯形上 {bounds} 的范围内均匀抽取（区间：权重方案数值 ±{spread:.0%}，部分由 --interval 给出；不直接使用这些权重）",
    "wn_bound": "{objective} ∈ [{low:.3f}, {high:.3f}]",
    "pk_tie": "组合 {a} 与 {b} 的价值同为 {value:.6g}：二者的先后顺序是任意的",
    "ahp_filled_note": "{n} 个缺失的两两比较由其他判断补全（Harker 1987）：{pairs}",
    "ahp_filled_note_lls": "{n} 个缺失的两两比较由其他判断补全（对数最小二乘法）：{pairs}",
    "ahp_cr_note": "AHP 一致性比率 {cr:.3f} 高于 {limit}（CI {ci:.3f}，RI {ri:.2f}，n = {n}）：请复核最不一致的判断：{shown}",
    "ahp_judged_note": "{a} 相对于 {b}：判断为 {v:.3g}，其他判断推出 {imp:.3g}",
    "an_note_analyst": "分析人员 {analyst}：{note}",
    "an_note_pooled": "汇总的 AHP 判断：{note}",
    "an_pooled_name": "{case} （分析人员汇总：{pool}） ",  # spaces around it: a narrow line breaks beside it (a long path, "（sha256 …）"), never inside "median"
    "err_unknown_profile": "未知的权重方案 {profile}",
    "err_unknown_method": "未知的方法 {method}",
    "err_use_one_of": "请使用以下之一：{choices}",
    "rule_needs_probabilities": "需要各情景的概率（完全不确定：未给出概率）",
    "err_no_case": "找不到该文件或文件夹",
    "err_no_case_hint": "请检查路径，或不指定案例以使用内置案例",
    "err_file_exists": "文件已存在；未写入任何内容",
    "err_file_exists_hint": "加上 --force 覆盖它，或换一个文件名",
    "ng_method_augmecon": "AUGMECON ε-约束混合整数规划（Mavrotas 2009），采用 AUGMECON2 跳跃",
    "ng_batna_no_probabilities": "'{party}' 的底线价值（BATNA）按各情景的期望值推导，但各情景没有概率（完全不确定）",
    "ng_batna_no_probabilities_fix": "为每个情景给出概率，或将 '{party}' 的 BATNA 直接写成数值（`batna: 40`）",
}

STRINGS: dict[str, dict[str, str]] = {key: {"en": en, "zh": _ZH[key]} for key, en in TEMPLATES.items()}
