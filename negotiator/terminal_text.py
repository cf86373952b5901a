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
