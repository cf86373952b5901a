"""The one message catalogue: every key in both languages, the same fields, Chinese without
stray English, and one Chinese term for each concept of the toolkit."""

from __future__ import annotations

import re
import string

import pytest

from negotiator.i18n import CATALOGUE, LANGS, check_lang, label, method_name, score_name, sep, tr
from negotiator.i18n import commands, conflict, memo, terminal, tui

#: English a Chinese reader still sees, on purpose: the program, ids, acronyms, proper names,
#: file formats and key names (the TUI's key help).
ALLOWED_ENGLISH = {
    "negotiator", "sha256",
    "SMAA", "SMAA-2", "CI", "CR", "RI",  # AHP: consistency index and ratio, random index (Saaty)
    "TOPSIS", "VIKOR", "PROMETHEE", "ELECTRE", "AHP", "BATNA", "II", "I", "Q", "L1", "tau-b",
    "CSV", "JSON", "ID", "csv", "json", "md", "html", "docx", "xlsx",
    "Clemen", "Smith",  # the citation of the baseline advice
    "AUGMECON", "AUGMECON2", "Mavrotas", "PuLP",  # the negotiation method, its citation, the LP library
    "CBC", "HiGHS",  # the two solvers PuLP runs, named in the core's errors about them
    "English",  # the TUI's language switch names the other language in its own words
    "additive", "single",  # a method id and a value of batna_choice, as the user types them
    "ctrl", "shift", "Tab", "Esc",  # key names
    "YAML", "Harker", "Saaty", "Hwang", "Yoon", "Brans", "Vincke", "Opricovic", "Tzeng", "Roy", "Barron", "Barrett",  # a format; the methods' authors
    "Nash", "GMR", "SMR", "SEQ", "CNash", "CSEQ",  # the graph model's stability concepts (docs/conflict.md)
    "Fang", "Hipel", "Kilgour", "Xu",  # its citation
    "UTF-8", "UTF-16", "MB", "XML", "Unicode", "xls", "yaml",  # a file's encoding, size and format, in the core's error messages
    "Excel", "LibreOffice",  # the spreadsheets a workbook is saved from
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def english_words(zh: str) -> set[str]:
    """The English words of a Chinese text once placeholders, commands, options, ids, single letters
    (key letters, option slots A/B/C) and ALLOWED_ENGLISH are taken out."""
    text = re.sub(r"\{[^{}]*\}", " ", zh)
    text = re.sub(r"`[^`]*`", " ", text)  # a command to type
    text = re.sub(r"--[a-z][a-z-]*", " ", text)  # an option to type
    text = re.sub(r"[A-Za-z0-9]*_[A-Za-z0-9_]*", " ", text)  # snake_case ids
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9-]*", text))
    return {w for w in words if w not in ALLOWED_ENGLISH and len(w) > 1}


def test_every_key_has_english_and_chinese():
    incomplete = [key for key, entry in CATALOGUE.items() if set(entry) != set(LANGS) or not all(entry[lang].strip() for lang in LANGS)]
    assert not incomplete, incomplete


def test_both_languages_take_the_same_fields():
    differ = {key: (e["en"], e["zh"]) for key, e in CATALOGUE.items() if _fields(e["en"]) != _fields(e["zh"])}
    assert not differ, differ


def test_the_area_modules_hold_only_data_in_one_shape():
    for area in (memo, terminal, tui, conflict, commands):
        for key, entry in area.STRINGS.items():
            assert isinstance(entry, dict) and set(entry) == {"en", "zh"}, (area.__name__, key)
        assert CATALOGUE.items() >= area.STRINGS.items(), area.__name__


def test_a_key_means_one_thing_in_every_area():
    """A key two areas both hold has the same text in both (the merge also refuses otherwise)."""
    areas = {"memo": memo.STRINGS, "terminal": terminal.STRINGS, "tui": tui.STRINGS, "conflict": conflict.STRINGS, "commands": commands.STRINGS}
    clashes = [
        (key, a, b)
        for a, one in areas.items()
        for b, other in areas.items()
        if a < b
        for key in one.keys() & other.keys()
        if one[key] != other[key]
    ]
    assert not clashes, clashes


def test_chinese_text_has_no_english_words_but_ids_and_acronyms():
    found = {key: sorted(words) for key, entry in CATALOGUE.items() if (words := english_words(entry["zh"]))}
    assert not found, found


#: One Chinese term per concept: (pattern on the English, the Chinese term, other forms allowed where the
#: English means something else). Placeholders and options (``{objective}``, ``--robust``) are not the word.
CONCEPTS = [
    (r"\bscreened\b|^out\b", "筛除", ()),  # "out": a narrow column's "screened out"
    (r"\bred lines?\b", "红线", ()),
    (r"\bpackages?\b", "组合", ("一揽子",)),  # a negotiation's issues as one package
    (r"\bprofiles?\b", "权重方案", ()),
    (r"\bweights?\b", "权重", ()),
    (r"\bscenarios?\b", "情景", ()),
    (r"\bobjectives?\b", "目标", ()),
    (r"\bbaseline\b", "基线", ()),
    (r"\bstatus quo\b", "现状", ()),
    (r"\bbudgets?\b", "预算", ()),
    (r"\bbase[ -]case\b", "基准情景", ()),
    (r"\bjudgments?\b", "判断", ()),
    (r"\bdecision rules?\b", "决策规则", ()),
    (r"\bsynerg", "协同", ()),
    (r"\bequilibri", "均衡", ()),
    (r"\bmemo\b", "备忘录", ()),
    (r"\bconstraints?\b", "约束", ()),
    (r"\bseed\b", "种子", ()),
]

#: Words the concepts above must not be translated with (the drift this test exists for).
SUPERSEDED = {"基准情形": "基准情景", "决策准则": "决策规则", "组合基准": "组合基线", "不如基线": "劣于基线"}


def _words_of(english: str) -> str:
    return re.sub(r"\{[^{}]*\}|--[a-z][a-z-]*|`[^`]*`", " ", english)


@pytest.mark.parametrize(("pattern", "term", "others"), CONCEPTS, ids=[c[1] for c in CONCEPTS])
def test_one_chinese_term_per_concept(pattern, term, others):
    misses = {
        key: (e["en"], e["zh"])
        for key, e in CATALOGUE.items()
        if re.search(pattern, _words_of(e["en"]), re.I) and not any(t in e["zh"] for t in (term, *others))
    }
    assert not misses, misses


def test_superseded_terms_are_gone():
    found = {key: old for key, e in CATALOGUE.items() for old in SUPERSEDED if old in e["zh"]}
    assert not found, found


def test_screened_out_is_not_the_word_for_excluded():
    """筛除: a red line took the option out; 排除: the user kept it out (--exclude)."""
    for key, e in CATALOGUE.items():
        if "排除" in e["zh"]:
            assert "exclude" in e["en"].lower(), (key, e)


def test_tr_fills_fields_and_fails_loudly():
    assert tr("prov_method", "zh", method="topsis") == "方法：topsis"
    with pytest.raises(KeyError):
        tr("no_such_key", "zh")
    with pytest.raises(KeyError):
        tr("judgment", "fr")


def test_helpers_word_from_the_catalogue():
    assert method_name("topsis", "zh") == "TOPSIS 逼近理想解（topsis）" and method_name("topsis", "en") == "topsis"
    assert method_name("a_new_method", "zh") == "a_new_method"
    assert score_name("overall value", "zh") == "综合得分" and score_name("something new", "zh") == "something new"
    assert sep("zh") == "；" and sep("en") == "; "
    assert check_lang("zh") == "zh"

    class Item:
        label, label_zh = "Talks", "会谈"

    assert label(Item, "zh") == "会谈" and label(Item, "en") == "Talks"


def test_memo_phrases_are_shared_not_copied():
    assert terminal.STRINGS["screened_title"] is memo.STRINGS["sec_screened"]
