"""The memo section "Is the linkage threat credible?": present only for a case with a `conflicts:`
section, in English and Chinese, saying the preferences are analyst judgments, in every format."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from negotiator.case.catalog import load_case
from negotiator.conflict import analyse_conflict
from negotiator.i18n import LANGS, tr
from negotiator.report import render
from negotiator.report.memo import MemoRequest, build_memo

DATE = "2026-07-01"
TINY = Path(__file__).resolve().parents[1] / "cases" / "tiny.yaml"


@pytest.fixture(scope="module")
def memos():
    loaded = load_case(None)
    return {lang: build_memo(loaded, MemoRequest(lang=lang, samples=200, seed=0, date=DATE)) for lang in LANGS}


def test_the_section_answers_the_question(memos):
    a = analyse_conflict(load_case(None))
    for lang, memo in memos.items():
        keys = [s.key for s in memo.sections]
        assert keys.index("conflict") == keys.index("assumptions") - 1
        assert "conflict" in memo.provenance["analyses"]
        section = memo.section("conflict")
        assert section.heading == tr("sec_conflict", lang)
        texts = [b.text for b in section.blocks if hasattr(b, "text")]
        assert texts[0] == tr("cf_memo_judgment", lang) and section.blocks[0].role == "lead"
        table = memo.table("conflict")
        assert [int(r[0].value) for r in table.rows] == list(a.shown_states())
        today = next(r for r in table.rows if r[2].value == "✓")
        assert int(today[0].value) == a.status_quo
    en = " ".join(b.text for b in memos["en"].section("conflict").blocks if hasattr(b, "text"))
    assert "analyst judgments" in en and "Credible (carrying it out pays United States)" in en
    assert "Only a threat" in en and "from today, together" in en and "--format json` lists every one" in en
    zh = "".join(b.text for b in memos["zh"].section("conflict").blocks if hasattr(b, "text"))
    assert "分析人员依据论文作出的判断" in zh and "可信（实施对美国有利）" in zh and "仅是威胁" in zh


def test_no_section_without_conflicts():
    memo = build_memo(load_case(TINY), MemoRequest(samples=200, seed=0, date=DATE))
    assert memo.section("conflict") is None and "conflict" not in memo.provenance["analyses"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_format_shows_the_section(memos, lang):
    memo = memos[lang]
    heading = tr("sec_conflict", lang)
    assert f"## {heading}" in render(memo, "md").decode("utf-8")
    assert heading in render(memo, "html").decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(render(memo, "docx"))) as z:
        assert heading in z.read("word/document.xml").decode("utf-8")
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(render(memo, "xlsx")))
    sheet = next(ws for ws in book.worksheets if ws.title.startswith(tr("tbl_conflict", lang)[:10]))
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert any(row[:1] == [40] or row[:1] == ["40"] for row in values), values[:5]
    # the memo's CSV is the ranking table alone (no other section appears there either)
    assert render(memo, "csv").decode("utf-8").startswith("\ufeffrank,option,option_id")


def test_why_the_analysis_is_unavailable_reads_in_the_memos_language(monkeypatch):
    """A conflict the analysis refuses: the memo says why in its own language (the core's Message)."""
    import negotiator.conflict as conflict_pkg
    from negotiator.errors import CaseError, Problem
    from negotiator.messages import Message
    from negotiator.report.conflict_section import conflict_section

    def refuse(loaded):
        raise CaseError(Problem(Message("err_unknown_profile", profile="p9")))

    monkeypatch.setattr(conflict_pkg, "analyse_conflict", refuse)
    loaded = load_case(None)
    zh = conflict_section(loaded, "zh").blocks[0].text
    en = conflict_section(loaded, "en").blocks[0].text
    assert tr("err_unknown_profile", "zh", profile="p9") in zh and "unknown" not in zh
    assert "unknown weight profile 'p9'" in en
