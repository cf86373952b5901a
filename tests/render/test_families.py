"""render/families.py: option families as numbers that sort as numbers, named from the case (issue 17)."""

from __future__ import annotations

import pytest

from negotiator.case.catalog import load_case_text
from negotiator.render.families import family_key, family_name, family_number, family_order

CJK_NUMERALS = "一二三四五六七八九十"


@pytest.fixture(scope="module")
def bundled_case():
    from negotiator.case.catalog import load_case

    return load_case().case


@pytest.fixture(scope="module")
def mixed():
    """Families written as numerals (one named, one not), as a digit and as a word, first used out of order."""
    return load_case_text(
        """
negotiator: 1
objectives: {g: {label: Gain, scale: [0, 10]}}
options:
  a: {label: Alpha, family: 五, scores: {g: 7}}
  b: {label: Beta, family: 二, scores: {g: 5}}
  c: {label: Gamma, family: 三, scores: {g: 4}}
  d: {label: Delta, family: "4", scores: {g: 3}}
  e: {label: Epsilon, family: outreach, scores: {g: 2}}
  f: {label: Zeta, scores: {g: 1}}
labels:
  families:
    二: {label: "Standardised reception", label_zh: "规范接收"}
"""
    ).case


def test_numbers_follow_the_numerals_not_unicode(bundled_case, mixed):
    numbers = {f: family_number(bundled_case, f) for f in "一二三四五"}
    assert numbers == {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
    assert sorted("一二三四五") == ["一", "三", "二", "五", "四"]  # what a plain sort of the text gives
    assert sorted("一二三四五", key=lambda f: family_order(bundled_case, f)) == list("一二三四五")
    # a word comes after every numeral; an option without a family after all of them
    order = sorted(mixed.options, key=lambda o: family_order(mixed, mixed.options[o].family))
    assert order == ["b", "c", "d", "a", "e", "f"]
    assert family_number(mixed, None) is None and family_number(mixed, "outreach") == 6


def test_names_come_from_the_case_in_each_language(bundled_case, mixed):
    assert family_name(bundled_case, "四", "en") == "Monitoring and consular protection"
    assert family_name(bundled_case, "四", "zh") == "跟踪研判与领事保护"
    assert family_name(mixed, "二", "en") == "Standardised reception"
    assert family_name(mixed, "三", "en") == "Family 3" and family_name(mixed, "三", "zh") == "第3类"
    assert family_name(mixed, "outreach", "en") == "outreach"  # a word names itself


def test_the_key_names_what_has_a_name_in_number_order(bundled_case, mixed):
    en = family_key(bundled_case, ["五", "一", "四", "一"], "en")
    assert en == "Families: 1 Reciprocal negotiation; 4 Monitoring and consular protection; 5 Multilateral pressure."
    zh = family_key(bundled_case, ["五", "一"], "zh")
    assert zh == "类别：1 主动对等谈判；5 多边施压。"
    assert not any(ch in en for ch in CJK_NUMERALS)
    assert family_key(mixed, [o.family for o in mixed.options.values()], "en") == "Families: 2 Standardised reception; 6 outreach."
    assert family_key(mixed, ["三", "五", None], "en") is None  # bare numerals: the numbers say all there is
