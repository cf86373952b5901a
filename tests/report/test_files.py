"""`negotiator memo` files, opened with their own readers, against `negotiator rank --format json`.

Each format is produced once per language (module fixture) for the bundled
case and read back with python-docx, openpyxl, html.parser and pandas; the
ranked numbers must be exactly those of the JSON ranking (spreadsheet, CSV
and HTML data-value: full precision) or the same numbers rounded to the
memo's 4 decimals (Word, Markdown and the visible HTML text).
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from negotiator.i18n import tr

DATE = "2026-07-01"
LANGS = ("en", "zh")


def _exact_floats() -> dict:
    """read_csv options that parse every float exactly: pandas >= 3.1 does so by default and
    deprecates float_precision; older pandas needs float_precision="round_trip"."""
    import pandas as pd

    major, minor = (int(part) for part in pd.__version__.split(".")[:2])
    return {} if (major, minor) >= (3, 1) else {"float_precision": "round_trip"}


_EXACT_FLOATS = _exact_floats()


@pytest.fixture(scope="module")
def ranking_json():
    from tests.conftest import run_cli

    res = run_cli("rank", "--format", "json")
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


#: SMAA samples for tests: enough to exercise the section, small enough to stay fast.
SAMPLES = "1000"


@pytest.fixture(scope="module")
def memos(tmp_path_factory):
    """(lang, ext) -> path of a memo of the bundled case, written by `negotiator memo`.

    One memo per language is built and rendered in every format (the CLI's own
    path through build_memo, render and write_atomic); test_report_cli.py runs
    the command once per format as well.
    """
    from negotiator.case.catalog import load_case
    from negotiator.fileio import write_atomic
    from negotiator.report import render
    from negotiator.report.memo import MemoRequest, build_memo

    folder = tmp_path_factory.mktemp("memos")
    loaded = load_case(None)
    out = {}
    for lang in LANGS:
        memo = build_memo(loaded, MemoRequest(lang=lang, samples=int(SAMPLES), seed=0, date=DATE))
        for ext in ("md", "html", "docx", "xlsx", "csv"):
            path = folder / f"memo_{lang}.{ext}"
            write_atomic(path, render(memo, ext))
            out[lang, ext] = path
    return out


def _label(row: dict, lang: str) -> str:
    return row["label_zh"] if lang == "zh" and row.get("label_zh") else row["label"]


def _objectives(ranking_json) -> list[str]:
    return list(ranking_json["weights"])


# -- CSV (pandas) ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_csv_numbers_equal_rank_json_exactly(memos, ranking_json, lang):
    import pandas as pd

    # round_trip: pandas' default C parser may be off by one ulp; the file holds repr() digits.
    frame = pd.read_csv(memos[lang, "csv"], comment="#", encoding="utf-8-sig", **_EXACT_FLOATS)
    ranked = frame[frame["rank"].notna()]
    assert list(ranked["option_id"]) == [r["option"] for r in ranking_json["ranking"]]
    assert list(ranked["rank"].astype(int)) == [r["rank"] for r in ranking_json["ranking"]]
    assert list(ranked["score"]) == [r["score"] for r in ranking_json["ranking"]]
    assert list(ranked["option"]) == [_label(r, lang) for r in ranking_json["ranking"]]
    for obj in _objectives(ranking_json):
        assert list(ranked[f"contribution:{obj}"]) == [r["contributions"][obj] for r in ranking_json["ranking"]]
    screened = frame[frame["rank"].isna()]
    assert sorted(screened["option_id"]) == sorted(s["option"] for s in ranking_json["screened_out"])
    assert screened["screened_out_reason"].str.len().min() > 0


@pytest.mark.parametrize("lang", LANGS)
def test_csv_carries_provenance(memos, ranking_json, lang):
    raw = memos[lang, "csv"].read_text(encoding="utf-8-sig")
    assert f"# case_sha256: {ranking_json['case_sha256']}" in raw
    assert "# method: additive" in raw and f"# date: {DATE}" in raw
    assert "# scores are analyst judgments, not facts" in raw


# -- Excel (openpyxl) ---------------------------------------------------------------


def _sheet_rows(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_numbers_are_numbers_equal_to_rank_json(memos, ranking_json, lang):
    from openpyxl import load_workbook

    wb = load_workbook(memos[lang, "xlsx"])
    ws = wb[tr("tbl_ranking", lang)]
    rows = _sheet_rows(ws)
    header = rows[0]
    assert header[:5] == [tr(k, lang) for k in ("col_rank", "col_option", "col_option_id", "head_family", "col_score")]
    body = [r for r in rows[1:] if isinstance(r[0], int)]
    assert len(body) == len(ranking_json["ranking"])
    objectives = _objectives(ranking_json)
    for got, want in zip(body, ranking_json["ranking"]):
        assert got[0] == want["rank"] and got[2] == want["option"] and got[1] == _label(want, lang)
        # openpyxl stores 16 significant digits (Excel itself keeps 15): equal to the last few ulps.
        assert isinstance(got[4], float) and got[4] == pytest.approx(want["score"], rel=1e-15, abs=0)
        assert got[5 : 5 + len(objectives)] == pytest.approx([want["contributions"][o] for o in objectives], rel=1e-15, abs=0)
    # Formatted, frozen header; numbers shown with the memo's 4 decimals.
    assert ws["A1"].font.bold and ws["A1"].fill.fgColor.rgb.endswith("E8EEF6")
    assert ws.freeze_panes == "C2"
    assert ws["E2"].number_format == "0.0000"


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_has_one_sheet_per_table_each_frozen(memos, lang):
    from openpyxl import load_workbook

    wb = load_workbook(memos[lang, "xlsx"])
    keys = ["tbl_ranking", "tbl_screened"]
    keys += ["tbl_acceptability", "tbl_stability", "tbl_package", "tbl_resources", "tbl_payoffs", "tbl_rules", "tbl_conflict"]
    keys += ["tbl_weights", "tbl_redlines", "tbl_scenarios", "tbl_provenance"]
    expected = [tr("sheet_summary", lang)] + [tr(k, lang) for k in keys]
    assert wb.sheetnames == expected
    for name in wb.sheetnames[1:]:
        assert wb[name].freeze_panes in ("A2", "B2", "C2"), name
        assert wb[name]["A1"].font.bold, name
    if lang == "zh":
        assert wb[tr("tbl_ranking", lang)]["B2"].font.name == "Microsoft YaHei"
    # The summary links to every table's sheet inside the workbook.
    links = [c.hyperlink.location for row in wb.worksheets[0].iter_rows() for c in row if c.hyperlink]
    assert links == [f"'{name}'!A1" for name in wb.sheetnames[1:]]


def test_xlsx_weights_sheet_sums_to_one(memos, ranking_json):
    from openpyxl import load_workbook

    ws = load_workbook(memos["en", "xlsx"])["Weights"]
    rows = _sheet_rows(ws)[1:]
    weights = {r[1]: r[3] for r in rows if r[1] in ranking_json["weights"]}
    assert weights == pytest.approx(ranking_json["weights"], rel=1e-15, abs=0)


# -- Word (python-docx) ------------------------------------------------------------------


def _docx_table(doc, first_header: str, second_header: str):
    for table in doc.tables:
        cells = [c.text for c in table.rows[0].cells]
        if cells[:2] == [first_header, second_header]:
            return table
    raise AssertionError(f"no table headed {first_header!r}, {second_header!r}")


@pytest.mark.parametrize("lang", LANGS)
def test_docx_ranking_table_matches_rank_json(memos, ranking_json, lang):
    import docx

    doc = docx.Document(str(memos[lang, "docx"]))
    table = _docx_table(doc, tr("col_rank", lang), tr("col_option", lang))
    objectives = _objectives(ranking_json)
    body = table.rows[1:]
    assert len(body) == len(ranking_json["ranking"])
    for row, want in zip(body, ranking_json["ranking"]):
        cells = [c.text for c in row.cells]
        assert cells[0] == str(want["rank"])
        # The option cell holds the label and, below it, the id.
        assert cells[1] == f"{_label(want, lang)}\n{want['option']}"
        assert cells[3] == f"{want['score']:.4f}"
        assert cells[4 : 4 + len(objectives)] == [f"{want['contributions'][o]:.4f}" for o in objectives]


@pytest.mark.parametrize("lang", LANGS)
def test_docx_uses_heading_styles_real_tables_and_cjk_fonts(memos, lang):
    import docx
    from docx.oxml.ns import qn

    doc = docx.Document(str(memos[lang, "docx"]))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == [tr("sec_bottom_line", lang), tr("sec_ranking", lang)]
    assert tr("sec_provenance", lang) in headings
    assert len(doc.tables) >= 6
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert defaults.get(qn("w:eastAsia")) == "SimSun"
    for name in ("Normal", "Heading 1", "Title"):
        fonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) in ("SimSun", "Microsoft YaHei"), name
    # The header row of each table repeats on every page.
    header_flag = doc.tables[0].rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert header_flag is not None
    # A4 pages; the wide ranking table sits in a landscape section.
    widths = {round(s.page_width.mm) for s in doc.sections}
    assert widths == {210, 297}
    assert len(doc.inline_shapes) >= 1  # the contributions chart


# -- HTML (html.parser) ------------------------------------------------------------------


class _Tables(HTMLParser):
    """Rows of each <table data-key=...>: (visible text, data-value) per cell."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[tuple[str, str | None]]]] = {}
        self.current: str | None = None
        self.cell: list[str] | None = None
        self.value: str | None = None
        self.external: list[str] = []
        self.svg = 0
        self.lang = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag in ("script", "link", "img", "iframe") or (a.get("src") or "").startswith("http"):
            self.external.append(tag)
        if tag == "svg":
            self.svg += 1
        if tag == "table":
            self.current = a.get("data-key")
            self.tables[self.current] = []
        elif tag == "tr" and self.current:
            self.tables[self.current].append([])
        elif tag in ("td", "th") and self.current:
            self.cell, self.value = [], a.get("data-value")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.tables[self.current][-1].append(("".join(self.cell), self.value))
            self.cell = None
        elif tag == "table":
            self.current = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


@pytest.mark.parametrize("lang", LANGS)
def test_html_ranking_matches_rank_json(memos, ranking_json, lang):
    parser = _Tables()
    parser.feed(memos[lang, "html"].read_text(encoding="utf-8"))
    rows = parser.tables["ranking"]
    assert rows[0][0][0] == tr("col_rank", lang)
    objectives = _objectives(ranking_json)
    body = rows[1:]
    assert len(body) == len(ranking_json["ranking"])
    for row, want in zip(body, ranking_json["ranking"]):
        assert row[0][0] == str(want["rank"])
        assert row[1][0] == _label(want, lang) + want["option"]
        shown, exact = row[3]
        assert shown == f"{want['score']:.4f}" and float(exact) == want["score"]
        assert [float(v) for _, v in row[4 : 4 + len(objectives)]] == [want["contributions"][o] for o in objectives]


@pytest.mark.parametrize("lang", LANGS)
def test_html_is_self_contained_with_inline_charts(memos, lang):
    html = memos[lang, "html"].read_text(encoding="utf-8")
    parser = _Tables()
    parser.feed(html)
    assert parser.external == []
    assert parser.svg >= 1
    assert parser.lang == ("zh-CN" if lang == "zh" else "en")
    assert "@page { size: A4" in html
    if lang == "zh":
        # Chart text stays text, so the reader's CJK fonts draw it.
        assert "跨部门跟踪研判美政策动向并建立预警响应" in html.split("<svg", 1)[1]


# -- Markdown --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_ranking_matches_rank_json(memos, ranking_json, lang):
    md = memos[lang, "md"].read_text(encoding="utf-8")
    head = "| " + " | ".join(tr(k, lang) for k in ("col_rank", "col_option", "col_option_id", "head_family", "col_score"))
    lines = md.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(head))
    body = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        body.append([c.strip() for c in line.strip("|").split(" | ")])
    assert len(body) == len(ranking_json["ranking"])
    for cells, want in zip(body, ranking_json["ranking"]):
        assert cells[0] == str(want["rank"]) and cells[2] == want["option"] and cells[1] == _label(want, lang)
        assert cells[4] == f"{want['score']:.4f}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_format_names_its_provenance(memos, ranking_json, lang):
    sha = ranking_json["case_sha256"]
    for ext in ("md", "html"):
        body = memos[lang, ext].read_text(encoding="utf-8")
        assert sha in body and DATE in body and tr("asm_judgment", lang) in body
    import docx

    doc = docx.Document(str(memos[lang, "docx"]))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert sha in cells and DATE in cells
    assert doc.core_properties.created.date().isoformat() == DATE


def test_option_without_chinese_label_falls_back_to_english(cli, cases_dir, tmp_path):
    import pandas as pd

    out = tmp_path / "tiny.csv"
    res = cli("memo", cases_dir / "tiny.yaml", "-o", out, "--lang", "zh", "--date", DATE)
    assert res.exit_code == 0, res.stderr
    frame = pd.read_csv(out, comment="#", encoding="utf-8-sig").set_index("option_id")
    assert frame.loc["a", "option"] == "方案A"
    assert frame.loc["b", "option"] == "Option B"


MINIMAL = """
negotiator: 1
title: "Two choices: [draft] / v2?"
title_zh: 两个选项
objectives:
  收益: {label: Gain, label_zh: 收益, scale: [0, 10]}
  cost: {label: Cost, direction: min, scale: [0, 10]}
options:
  甲: {label: First, label_zh: 甲方案, scores: {收益: 7, cost: 3}}
  b: {label: Second, scores: {收益: 4, cost: [1, 2, 4]}}
"""


@pytest.mark.parametrize("lang", LANGS)
def test_a_minimal_case_without_scenarios_budgets_or_red_lines_renders_everywhere(tmp_path, lang):
    """Sections that do not apply are left out, and nothing else breaks (CJK ids, odd title)."""
    import docx
    import pandas as pd
    from openpyxl import load_workbook

    from negotiator.ranking.api import rank
    from negotiator.case.catalog import load_case

    case_file = tmp_path / "min.yaml"
    case_file.write_text(MINIMAL, encoding="utf-8")
    loaded = load_case(case_file)
    want = rank(loaded)
    from tests.conftest import run_cli

    for ext in ("md", "html", "docx", "xlsx", "csv"):
        out = tmp_path / f"m_{lang}.{ext}"
        res = run_cli("memo", case_file, "-o", out, "--lang", lang, "--date", DATE, "--samples", "200")
        assert res.exit_code == 0, res.stderr
    frame = pd.read_csv(tmp_path / f"m_{lang}.csv", comment="#", encoding="utf-8-sig", **_EXACT_FLOATS)
    assert list(frame["option_id"]) == [r.option for r in want.rows]
    assert list(frame["score"]) == [r.score for r in want.rows]
    assert list(frame[f"contribution:收益"]) == [r.contributions["收益"] for r in want.rows]
    wb = load_workbook(tmp_path / f"m_{lang}.xlsx")
    assert tr("tbl_payoffs", lang) not in wb.sheetnames and tr("tbl_screened", lang) not in wb.sheetnames
    doc = docx.Document(str(tmp_path / f"m_{lang}.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert tr("sec_scenarios", lang) not in headings and tr("sec_package", lang) not in headings
    md = (tmp_path / f"m_{lang}.md").read_text(encoding="utf-8")
    assert tr("no_redlines", lang) in md and tr("no_scenarios", lang) in md
    if lang == "zh":
        assert "甲方案" in md and "Second" in md  # a missing label_zh falls back to the English label


# -- reading: headers, rows and numbers that do not break ------------------------------------


def _longest_latin_word(text: str) -> str:
    import re

    return max((w for w in re.split(r"\s+", text) if w.isascii()), key=len, default="")


@pytest.mark.parametrize("lang", LANGS)
def test_html_headers_wrap_between_words_never_inside_one(memos, lang):
    import re

    html = memos[lang, "html"].read_text(encoding="utf-8")
    assert "overflow-wrap: anywhere" not in html and "word-break: break-all" not in html
    ranking = html.split('data-key="ranking"', 1)[1].split("</thead>", 1)[0]
    heads = re.findall(r"<th[^>]*>(.*?)</th>", ranking)
    if lang == "en":
        # The wide ranking uses short names for the objectives, with a key under the table.
        assert '<abbr title="Sovereignty and jurisdiction">O1</abbr>' in ranking
        assert "Objective columns: O1 Sovereignty and jurisdiction; O2 " in html
        assert all(len(_longest_latin_word(re.sub("<[^>]+>", "", h))) <= 7 for h in heads), heads
    else:
        assert "目标列：" not in html and "header-key" not in html  # Chinese headers wrap between characters: full names


@pytest.mark.parametrize("lang", LANGS)
def test_html_and_markdown_show_bottom_line_lists_as_bullets(memos, lang):
    html = memos[lang, "html"].read_text(encoding="utf-8")
    bottom = html.split('data-key="bottom_line"', 1)[1].split("</section>", 1)[0]
    assert bottom.count('<ul class="lead">') >= 2 and "<li>" in bottom
    md = memos[lang, "md"].read_text(encoding="utf-8")
    assert "\n- " in md.split("## ", 2)[1]


@pytest.mark.parametrize("lang", LANGS)
def test_docx_rows_do_not_split_headers_fit_their_words_numbers_stay_whole(memos, lang):
    import docx
    from docx.oxml.ns import qn

    from negotiator.report.render_docx import _longest_word_mm

    doc = docx.Document(str(memos[lang, "docx"]))
    for table in doc.tables:
        for row in table.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
        widths = [col.width.mm for col in table.columns]
        for cell, width in zip(table.rows[0].cells, widths):
            size = cell.paragraphs[0].runs[0].font.size.pt
            assert width + 0.01 >= _longest_word_mm(cell.text, size * 1.08), (cell.text, width)
    ranking = _docx_table(doc, tr("col_rank", lang), tr("col_option", lang))
    number = ranking.rows[1].cells[3]
    assert number._tc.tcPr.find(qn("w:noWrap")) is not None
    bullets = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) >= 8  # the tie, the package and the screened options of the bottom line


def test_docx_numbers_are_unbreakable():
    from negotiator.report.render_docx import unbreakable_numbers

    assert unbreakable_numbers("3.686/4") == "3.686/\u20604"
    assert unbreakable_numbers("score 3.686/4 of -0.041") == "score 3.686/\u20604 of \u20110.041"
    assert unbreakable_numbers("anti-corruption") == "anti-corruption"


@pytest.mark.parametrize("lang", LANGS)
def test_html_ids_break_after_an_underscore_so_the_ranking_fits_a4(memos, lang):
    """The longest id (anticorruption_cybercrime_linkage) set the option column's width and pushed the
    ranking's last objective column past the right edge of a portrait A4 page; ids now may break after
    an underscore (<wbr>), and read the same once the tags are gone."""
    import re

    html = memos[lang, "html"].read_text(encoding="utf-8")
    ranking = html.split('data-key="ranking"', 1)[1].split("</table>", 1)[0]
    ids = re.findall(r'<span class="id">(.*?)</span>', ranking)
    assert "anticorruption_<wbr>cybercrime_<wbr>linkage" in ids
    assert all(re.fullmatch(r"[a-z0-9_]+", i.replace("<wbr>", "")) and "_<wbr>" in i or "_" not in i for i in ids)
    assert "overflow-wrap: anywhere" not in html  # headers still never break inside a word
