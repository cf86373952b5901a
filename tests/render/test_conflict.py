"""render/conflict: the analysis in words (English and Chinese), JSON and CSV, and the wrapping
that lets Chinese paragraphs break between characters."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len
from rich.console import Console

from negotiator.case.catalog import load_case
from negotiator.conflict import analyse_conflict
from negotiator.render.conflict import (
    Para, conflict_csv, conflict_dict, conflict_renderables, finding_lines, moves_words, path_lines,
    provenance_lines, target_lines, threat_lines, verdict_lines, wrap_words,
)


@pytest.fixture(scope="module")
def a():
    return analyse_conflict(load_case(None), target="cn_flights,cn_link,us_fugitives")


def test_wrap_words_breaks_chinese_between_characters_and_english_between_words():
    zh = "另有 27 个状态仅靠实施起来会损害实施者自身的威胁维持（满足 GMR 但不满足 SEQ）：1、4、5、6、7。"
    lines = wrap_words(zh, 20)
    assert "".join(lines).replace(" ", "") == zh.replace(" ", "")
    assert all(cell_len(line) <= 20 for line in lines)
    assert not any(line[0] in "，。、：；）”" for line in lines)
    en = "United States: take up “Impose tariffs or visa sanctions tied to removals”"
    lines = wrap_words(en, 24)
    assert " ".join(lines) == en and all(cell_len(line) <= 24 for line in lines)
    assert not any(line.endswith("“") for line in lines)  # an opening quote stays with its word
    assert wrap_words("x" * 30, 10) == ["x" * 10] * 3


def test_para_hangs_its_indent():
    con = Console(width=30, record=True, color_system=None)
    con.print(Para("one two three four five six seven eight nine", "• ", 2))
    lines = con.export_text().splitlines()
    assert lines[0].startswith("  • one") and all(line.startswith("    ") for line in lines[1:])


def test_the_words_in_both_languages(a):
    en = " ".join(finding_lines(a) + threat_lines(a) + verdict_lines(a) + path_lines(a) + target_lines(a))
    assert "Today (state 40: us_third_country, pa_transfers) is an equilibrium" in en
    assert "Credible (carrying it out pays United States)" in en and "Only a threat" in en
    assert "from today, together, China takes up" in en
    assert "China would have to prefer state 0 (no option taken)" in en
    zh = "".join(finding_lines(a, "zh") + threat_lines(a, "zh") + path_lines(a, "zh") + target_lines(a, "zh"))
    assert "现状（状态 40" in zh and "可信（实施对美国有利）" in zh and "（共同行动）" in zh and "中国需要更偏好状态 0" in zh


def test_a_joint_move_is_worded_dm_by_dm(a):
    sq = a.status_quo
    to = a.space.state(["cn_flights", "cn_link"])
    assert moves_words(a, sq, to) == ("China takes up “Accept direct removal flights” and “Link cooperation to fugitive returns”, "
                                      "United States gives up “Route nationals through third countries”, Panama gives up “Accept transfers”")
    assert moves_words(a, sq, to, "zh").startswith("中国采取“接受直接遣返航班”和“将合作与追逃追赃挂钩”，美国放弃")


def test_provenance_names_case_method_and_judgment(a):
    en, zh = provenance_lines(a), provenance_lines(a, "zh")
    assert en[0].startswith("case: bundled (sha256") and "Fang, Hipel & Kilgour 1993" in en[1] and "ANALYST JUDGMENTS" in en[2]
    assert "分析人员的判断" in zh[2]


def test_dict_and_csv(a):
    d = conflict_dict(a)
    json.dumps(d, allow_nan=False)
    assert d["threats_in_words"][0].startswith("United States: take up")
    text = conflict_csv(a)
    assert text.startswith("# case: bundled") and "\n40,yes,us_third_country;pa_transfers," in text


def test_renderables_fit_80_columns(a):
    for lang in ("en", "zh"):
        con = Console(width=80, record=True, color_system=None)
        for item in conflict_renderables(a, lang):
            con.print(item)
        assert max(cell_len(line) for line in con.export_text().splitlines()) <= 80
