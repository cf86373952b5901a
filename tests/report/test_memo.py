"""The Memo data structure: content, wording in both languages, optional sections, figures."""

from __future__ import annotations


import numpy as np
import pytest

from negotiator.ranking.api import rank
from negotiator.case.catalog import load_case, load_case_text
from negotiator.report import memo as memo_mod
from negotiator.i18n import LANGS, tr
from negotiator.report.memo import MemoRequest, build_memo
from negotiator.report import render
from negotiator.report.model import Figure, Paragraph, display

DATE = "2026-07-01"


@pytest.fixture(scope="module")
def bundled():
    return load_case(None)


@pytest.fixture(scope="module")
def memos(bundled):
    return {lang: build_memo(bundled, MemoRequest(lang=lang, samples=1000, date=DATE)) for lang in LANGS}


def test_sections_in_order_and_analyses_that_do_not_apply_left_out(memos):
    keys = [s.key for s in memos["en"].sections]
    assert keys[:2] == ["bottom_line", "ranking"]
    assert keys[-2:] == ["assumptions", "provenance"]
    assert "screened" in keys and "scenarios" in keys
    for lang in LANGS:
        assert [s.key for s in memos[lang].sections] == keys
        assert [s.heading for s in memos[lang].sections] == [tr(f"sec_{k}" if k != "screened" else "sec_screened", lang) for k in keys]
    prov = memos["en"].provenance
    for key in ("robustness", "package"):
        present = key in keys
        analysis = {"robustness": "sensitivity", "package": "portfolio"}[key]
        assert (analysis in prov["analyses"]) == present


def test_ranking_table_is_the_ranking(memos, bundled):
    r = rank(bundled)
    for lang, memo in memos.items():
        table = memo.table("ranking")
        col = {c.key: i for i, c in enumerate(table.columns)}
        assert len(table.rows) == len(r.rows)
        for row, want in zip(table.rows, r.rows):
            assert row[col["rank"]].value == want.rank
            assert row[col["option_id"]].value == want.option
            assert row[col["option"]].value == (want.label_zh if lang == "zh" else want.label)
            assert row[col["score"]].value == want.score
            for obj, c in want.contributions.items():
                assert row[col[f"contribution:{obj}"]].value == c
        # Contributions add up to the score (additive value model).
        for row in table.rows:
            parts = [row[i].value for k, i in col.items() if k.startswith("contribution:")]
            assert sum(parts) == pytest.approx(row[col["score"]].value, abs=1e-12)


def _bottom_text(memo) -> str:
    """The bottom line's lead paragraphs with their bullets, as one text."""
    return "\n".join(p.text + "".join("\n- " + i for i in p.items) for p in memo.section("bottom_line").blocks if p.role == "lead")


def test_bottom_line_names_winner_margin_and_screened(memos, bundled):
    r = rank(bundled)
    first, second = r.rows[0], r.rows[1]
    en = _bottom_text(memos["en"])
    assert first.label in memos["en"].section("bottom_line").blocks[0].text and f"{first.score:.4f}" in en
    assert f"{first.score - second.score:.4f}" in en and second.label in en
    assert f"of {len(r.rows)} options" in en
    assert "  " not in en
    for s in r.screened_out:
        assert f"\n- {s.label}" in en  # a bullet each
    zh = _bottom_text(memos["zh"])
    assert first.label_zh in zh and "排名第一" in zh


def test_bottom_line_is_short_sentences_with_ties_said_and_lists_as_bullets(memos, bundled):
    import re

    r = rank(bundled)
    second = [row for row in r.rows if row.rank == 2]
    assert len(second) == 2  # the bundled case ties for second place
    blocks = [b for b in memos["en"].section("bottom_line").blocks if b.role == "lead"]
    tie = next(b for b in blocks if "tie for second place" in b.text)
    assert set(tie.items) == {row.label for row in second} and not any(row.label in tie.text for row in second)
    zh_tie = next(b for b in memos["zh"].section("bottom_line").blocks if "并列第二" in b.text)
    assert set(zh_tie.items) == {row.label_zh for row in second}
    package = next(b for b in blocks if "best package" in b.text)
    assert len(package.items) >= 2 and not any(item in package.text for item in package.items)
    # The winner's long label is said once; no sentence runs past 45 words.
    winner = r.rows[0].label
    assert not any(winner in b.text for b in blocks if "random draws" in b.text)  # "it", not the name again
    sentences = [s for b in blocks for s in re.split(r"(?<=[.:])\s+", b.text) if s]
    assert max(len(s.split()) for s in sentences) <= 45
    # Chinese lists of labels never use 、 as the separator (labels contain it).
    assert "、" in "".join(o.label_zh for o in bundled.case.options.values())
    zh_memo = render(memos["zh"], "md").decode()
    assert "跨部门跟踪研判美政策动向并建立预警响应、" not in zh_memo


def test_package_without_status_quo_warns_in_bottom_line_and_package(memos, bundled):
    for lang, word in (("en", "Caution"), ("zh", "注意")):
        memo = memos[lang]
        bottom = _bottom_text(memo)
        package = " ".join(b.text for b in memo.section("package").blocks if isinstance(b, Paragraph))
        for text in (bottom, package):
            assert word in text and ("--baseline OPTION" in text or "--baseline 选项" in text)
            assert "--baseline passive_case_by_case_acceptance" in text
    # Naming a status quo takes the warning away.
    with_base = build_memo(bundled, MemoRequest(baseline="passive_case_by_case_acceptance", samples=200, date="2026-07-01"))
    assert "Caution" not in _bottom_text(with_base)
    assert not any("Caution" in b.text for b in with_base.section("package").blocks if isinstance(b, Paragraph))


def test_screened_reasons_are_worded_in_each_language(memos, bundled):
    r = rank(bundled)
    en = {row[1].value: row[3].value for row in memos["en"].table("screened").rows}
    zh = {row[1].value: row[3].value for row in memos["zh"].table("screened").rows}
    assert set(en) == set(zh) == {s.option for s in r.screened_out}
    assert en["passive_case_by_case_acceptance"] == "Sovereignty and jurisdiction 2 is below the minimum 3"
    assert zh["passive_case_by_case_acceptance"] == "国家主权与属人管辖 2 低于下限 3"
    assert zh["independent_investigation_push"].endswith("高于上限 7")


def test_scenario_payoffs_and_rules_come_from_the_payoffs_module(memos, bundled):
    import negotiator.scenarios.payoffs as payoffs_table
    payoffs = payoffs_table.scenario_payoffs(bundled)
    report = payoffs.analyse()
    ids = [row.id for row in payoffs.rows]
    for lang in LANGS:
        table = memos[lang].table("payoffs")
        col = {c.key: i for i, c in enumerate(table.columns)}
        got = {row[col["option_id"]].value: row for row in table.rows}
        assert set(got) == set(ids)
        ev = next(r for r in report.rules if r.rule == "expected_value")
        for k, oid in enumerate(ids):
            assert [got[oid][col[f"scenario:{sid}"]].value for sid in payoffs.scenarios] == list(payoffs.values[k])
            assert got[oid][col["expected"]].value == ev.scores[k]
        rules = memos[lang].table("rules")
        assert [row[2].value for row in rules.rows] == [", ".join(ids[k] for k in r.chosen) for r in report.rules]
        assert [row[3].value for row in rules.rows] == [r.scores[r.chosen[0]] for r in report.rules]
    assert "decision_rules" in memos["en"].provenance["analyses"]
    note = next(b.text for b in memos["zh"].section("scenarios").blocks if getattr(b, "role", "") == "note" and "未列入" in b.text)
    assert "国家主权与属人管辖" in note  # the red lines broken, in Chinese


def test_assumptions_carry_weights_red_lines_probabilities_and_the_judgment_warning(memos, bundled):
    memo = memos["zh"]
    section = memo.section("assumptions")
    assert section.blocks[0].text == tr("asm_judgment", "zh")
    weights = {row[1].value: row[3].value for row in memo.table("weights").rows}
    assert weights == rank(bundled).provenance.weights
    probs = {row[1].value: row[2].value for row in memo.table("scenarios").rows}
    assert probs == {sid: sc.probability for sid, sc in bundled.case.scenarios.items()}
    lines = {row[1].value: (row[2].value, row[3].value) for row in memo.table("red_lines").rows}
    assert lines == {"sovereignty_jurisdiction": (3.0, ""), "escalation_risk": ("", 7.0)}


NOTES_CASE = """
negotiator: 1
objectives: {g: {label: Gain, scale: [0, 10]}, h: {label: Ease, scale: [0, 10]}}
options:
  a: {label: Alpha, scores: {g: 7, h: 3}NOTES_A}
  b: {label: Beta, scores: {g: 5, h: 6}NOTES_B}
"""


@pytest.mark.parametrize(
    "notes_a, notes_b, en, zh",
    [
        ("", "", "None of the 4 scores carries a rationale in the case file.", "案例文件中的 4 项评分都没有附理由。"),
        (", notes: {g: talks stalled in 2024}", ", notes: {h: '  '}", "1 of 4 scores carry a one-line rationale in the case file; the others have none.", "案例文件中 4 项评分里有 1 项附有一句理由，其余没有。"),
        (", notes: {g: x, h: y}", ", notes: {g: z, h: w}", "All 4 scores carry a one-line rationale in the case file.", "案例文件中全部 4 项评分都附有一句理由。"),
    ],
    ids=["no notes", "one note and a blank one", "every score noted"],
)
def test_the_rationale_sentence_counts_the_notes_of_the_case(notes_a, notes_b, en, zh):
    # Issue 14 (memo honesty): the memo said "Each score carries a one-line rationale in the
    # case file" even for a case without a single note. The sentence is now counted.
    loaded = load_case_text(NOTES_CASE.replace("NOTES_A", notes_a).replace("NOTES_B", notes_b))
    for lang, want in (("en", en), ("zh", zh)):
        blocks = build_memo(loaded, MemoRequest(lang=lang, date=DATE)).section("assumptions").blocks
        assert blocks[0].text == tr("asm_judgment", lang)
        assert blocks[1].text == want
        assert not any("Each score carries" in getattr(b, "text", "") for b in blocks)


def test_the_bundled_memo_counts_its_notes(memos, bundled):
    from negotiator.model.score_matrix import rationale_count

    noted, total = rationale_count(bundled.case)
    texts = [getattr(b, "text", "") for b in memos["en"].section("assumptions").blocks]
    assert any(t.startswith((f"{noted} of {total} scores", f"All {total} scores", f"None of the {total} scores")) for t in texts)


def test_provenance_names_case_hash_version_method_profile_date(memos, bundled):
    from negotiator._version import __version__

    rows = {row[0].value: row[1].value for row in memos["en"].table("provenance").rows}
    assert rows["Case sha256"] == bundled.sha256
    assert rows["negotiator version"] == __version__
    assert rows["Method"] == "additive" and rows["Weight profile"] == "balanced"
    assert rows["Date"] == DATE
    assert rows["Case files"].startswith("strategies/options.yaml")  # not this machine's path
    assert "--date 2026-07-01" in rows["Reproduce with"]


def test_tie_at_the_top_is_said(tmp_path):
    loaded = load_case_text(
        """
negotiator: 1
objectives: {g: {label: Gain, scale: [0, 10]}}
options:
  a: {label: Alpha, scores: {g: 7}}
  b: {label: Beta, scores: {g: 7}}
  c: {label: Gamma, scores: {g: 2}}
"""
    )
    memo = build_memo(loaded, MemoRequest(date=DATE))
    first = memo.section("bottom_line").blocks[0]
    lead = _bottom_text(memo)
    assert "ties for first place" in first.text and first.items == ("Beta",)
    assert "Next, in place 3: Gamma" in lead
    assert memo.section("screened") is None and "No option breaks a red line." in lead
    assert memo.section("scenarios") is None


def test_a_method_without_contributions_drops_those_columns_and_the_chart(monkeypatch, bundled):
    from negotiator import methods

    def rank_only(matrix, weights, **_):
        return methods.MethodResult(scores=matrix.values() @ np.asarray(weights))

    methods.get_method("additive")  # load the registry before adding to it
    monkeypatch.setitem(methods.METHODS, "rank_only_test", rank_only)
    memo = build_memo(bundled, MemoRequest(method="rank_only_test", samples=100, date=DATE))
    table = memo.table("ranking")
    assert [c.key for c in table.columns] == ["rank", "option", "option_id", "family", "score"]
    assert "does not split its score" in table.note
    assert not [b for b in memo.section("ranking").blocks if isinstance(b, Figure)]


def test_display_rounds_like_every_document(memos):
    table = memos["en"].table("ranking")
    score = table.rows[0][table.column("score")]
    assert display(score) == f"{score.value:.4f}"


# -- figures --------------------------------------------------------------------------------


def _figure(memo) -> Figure:
    return next(b for b in memo.section("ranking").blocks if isinstance(b, Figure))


def test_svg_keeps_labels_as_text_and_is_deterministic(memos):
    from negotiator.report.figures import svg

    for lang in LANGS:
        fig = _figure(memos[lang])
        first = svg(fig)
        assert first == svg(fig)
        assert first.startswith("<svg")
        assert fig.categories[0].split(". ", 1)[1][:10] in first  # label text, not glyph paths
        assert "Noto Sans CJK SC" in first  # the reader's CJK fonts are named


def test_png_falls_back_to_ids_without_a_cjk_font(monkeypatch, memos):
    from negotiator.report import figures

    monkeypatch.setattr(figures, "cjk_font", lambda: None)
    assert figures.png_uses_ids(_figure(memos["zh"])) is True
    assert figures.png_uses_ids(_figure(memos["en"])) is False
    data = figures.png(_figure(memos["zh"]))
    assert data[:8] == b"\x89PNG\r\n\x1a\n"


def test_png_uses_a_cjk_font_when_one_is_installed(memos):
    from negotiator.report import figures

    font = figures.cjk_font()
    if font is None:
        pytest.skip("no font with Chinese glyphs on this machine")
    assert figures.png_uses_ids(_figure(memos["zh"])) is False


# -- sections from other analyses (present once their modules exist) -------------------------


def test_robustness_section_reports_the_sensitivity_module(memos, bundled):
    import negotiator.sensitivity as sensitivity
    memo = memos["en"]
    smaa = sensitivity.smaa(bundled, samples=1000, seed=0)
    table = memo.table("acceptability")
    col = {c.key: i for i, c in enumerate(table.columns)}
    got = {row[col["option_id"]].value: row for row in table.rows}
    assert set(got) == set(smaa.options)
    for i, oid in enumerate(smaa.options):
        assert got[oid][col["rank_1"]].value == smaa.acceptability[i, 0]
        assert got[oid][col["rank_2"]].value == smaa.acceptability[i, 1]
    first = [row[col["rank_1"]].value for row in table.rows]
    assert first == sorted(first, reverse=True)
    stability = sensitivity.stability(bundled)
    rows = {row[1].value: (row[2].value, row[3].value, row[4].value) for row in memo.table("stability").rows}
    assert rows == {iv.objective: (iv.current_weight, iv.low, iv.high) for iv in stability.intervals}
    nearest = next(f for f in sensitivity.flip(bundled).flips if f.possible)
    text_all = " ".join(b.text for b in memo.section("robustness").blocks if hasattr(b, "text"))
    assert bundled.case.options[nearest.challenger].label in text_all and f"{nearest.distance:.3f}" in text_all
    figures = [b for b in memo.section("robustness").blocks if isinstance(b, Figure)]
    assert figures and figures[0].percent
    for k in range(len(figures[0].categories)):
        assert sum(values[k] for _, values in figures[0].series) == pytest.approx(1.0)
    prov = {row[0].value: row[1].value for row in memo.table("provenance").rows}
    assert prov["Seed"] == "0" and prov["Samples"] == "1000"
    assert "--samples 1000 --seed 0" in prov["Reproduce with"]


def test_package_section_reports_the_portfolio_module(memos, bundled):
    import negotiator.portfolio as portfolio
    result = portfolio.best_packages(bundled)
    for lang in LANGS:
        memo = memos[lang]
        rows = memo.table("package").rows
        assert tuple(row[1].value for row in rows) == result.best.selected
        assert [row[3].value for row in rows] == [result.best.option_values[o] for o in result.best.selected]
        used = {row[0].value: (row[1].value, row[2].value, row[3].value) for row in memo.table("resources").rows}
        # Rows are named with the case's resource labels (labels.resources) in the memo's language.
        assert used == {bundled.case.resource_label(r, lang): (result.best.resources[r], cap, result.best.slack[r]) for r, cap in result.spec.budgets.items()}
        listed = next(b for b in memo.section("bottom_line").blocks if b.items and "package" in b.text or "组合" in b.text)
        assert listed.items == tuple(memo_mod._label(bundled.case.options[o], lang) for o in result.best.selected)


def test_same_seed_same_robustness_numbers(bundled):
    a = build_memo(bundled, MemoRequest(samples=300, seed=5, date=DATE))
    b = build_memo(bundled, MemoRequest(samples=300, seed=5, date=DATE))
    c = build_memo(bundled, MemoRequest(samples=300, seed=6, date=DATE))
    assert a == b
    assert a.table("acceptability") != c.table("acceptability")


def test_only_methods_without_a_vectorised_form_default_to_fewer_samples(cases_dir, monkeypatch):
    from negotiator.methods import BATCH, _load_all

    _load_all()
    tiny = load_case(cases_dir / "tiny.yaml")
    additive = build_memo(tiny, MemoRequest(date=DATE))
    vikor = build_memo(tiny, MemoRequest(method="vikor", date=DATE))
    assert additive.provenance["samples"] == memo_mod.DEFAULT_SAMPLES
    assert vikor.provenance["samples"] == memo_mod.DEFAULT_SAMPLES  # VIKOR is vectorised (methods.BATCH)
    monkeypatch.delitem(BATCH, "vikor")
    assert memo_mod.default_samples("vikor") == memo_mod.DEFAULT_SAMPLES_SLOW_METHOD
    explicit = build_memo(tiny, MemoRequest(method="vikor", samples=123, date=DATE))
    assert explicit.provenance["samples"] == 123
    assert "--samples 123 --seed 0" in dict((r[0].value, r[1].value) for r in explicit.table("provenance").rows)["Reproduce with"]


def test_png_numbers_bars_when_even_the_ids_need_cjk_glyphs(monkeypatch):
    import warnings

    from negotiator.report import figures

    monkeypatch.setattr(figures, "cjk_font", lambda: None)
    fig = Figure("contributions", "caption", ("1. 甲方案", "2. 乙方案"), (("收益", (0.5, 0.25)), ("成本", (0.1, 0.2))), "得分", category_ids=("1. 甲", "2. 乙"), series_ids=("收益", "cost"))
    cats, names, _ = figures._labels(fig, raster=True)
    assert cats == ["#1", "#2"] and names == ["(1)", "(2)"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no missing-glyph warning may escape
        assert figures.png(fig)[:4] == b"\x89PNG"


def test_a_single_option_left_gets_no_robustness_section_and_singular_words():
    loaded = load_case_text(
        """
negotiator: 1
objectives: {g: {label: Gain, scale: [0, 10]}}
options:
  a: {label: A, scores: {g: 7}, resources: {staff: 1}}
  b: {label: B, scores: {g: 1}, resources: {staff: 1}}
constraints:
  limits: {g: {min: 3}}
  budgets: {staff: 1}
"""
    )
    memo = build_memo(loaded, MemoRequest(date=DATE))
    lead = _bottom_text(memo)
    assert lead.startswith("A is the only option left, with overall value 0.7000 (equal weights, additive method).")
    assert "1 option was screened out for breaking a red line:\n- B" in lead
    assert memo.section("robustness") is None
    assert memo.provenance["samples"] is None and memo.provenance["seed"] is None
    assert "holds a single measure:\n- A" in lead


def test_an_analysis_that_does_not_apply_is_left_out():
    loaded = load_case_text("negotiator: 1\nobjectives: {g: {label: G}}\noptions: {a: {label: A, scores: {g: 1}}}\n")
    memo = build_memo(loaded, MemoRequest(date=DATE))
    assert "sensitivity" not in memo.provenance["analyses"]


def test_chinese_memo_names_the_method_in_chinese_and_keeps_its_id():
    # A director reading Chinese should not meet a bare "additive"; the id stays for re-running.
    memo = build_memo(load_case(), MemoRequest(lang="zh", method="vikor", samples=200, date=DATE))
    from negotiator.report.render_md import render_text

    written = render_text(memo)
    assert "VIKOR 折衷排序（vikor）" in written
    assert "--method vikor" in written


def test_a_memo_under_one_scenario_ranks_tests_and_packages_under_it():
    # The scenario changes the scores (and the red lines screen more options): every
    # section must follow it, and the memo must say which scenario it is.
    bundled = load_case()
    sid = "transactional_linkage"
    memo = build_memo(bundled, MemoRequest(scenario=sid, samples=300, date=DATE))
    want = rank(bundled, scenario=sid)
    ranked = memo.table("ranking").rows
    assert [row[2].value for row in ranked] == [r.option for r in want.rows]
    assert memo.provenance["scenario"] == sid
    assert "Transactional linkage" in memo.subtitle
    prov = dict((r[0].value, r[1].value) for r in memo.table("provenance").rows)
    assert prov["Scenario"] == sid and f"--scenario {sid}" in prov["Reproduce with"]
    base = build_memo(bundled, MemoRequest(samples=300, date=DATE))
    assert base.provenance["scenario"] is None
    assert memo.table("package").rows != base.table("package").rows or memo.table("acceptability").rows != base.table("acceptability").rows


def test_memo_with_an_unknown_scenario_is_a_usage_error(cli, tmp_path):
    out = tmp_path / "memo.md"
    result = cli("memo", "-o", str(out), "--scenario", "nosuch")
    assert result.exit_code == 2 and "unknown scenario 'nosuch'" in result.stderr
    assert not out.exists()


def test_memo_package_over_a_status_quo_baseline_matches_the_portfolio_core():
    # Clemen & Smith (2009): values over the status quo; the memo's package must be the core's.
    import negotiator.portfolio as portfolio
    bundled = load_case()
    sid = "passive_case_by_case_acceptance"
    memo = build_memo(bundled, MemoRequest(profile="low_risk", baseline=sid, samples=200, date=DATE))
    core = portfolio.best_packages(bundled, profile="low_risk", baseline=sid)
    rows = memo.table("package").rows
    assert tuple(row[1].value for row in rows) == core.best.selected
    assert [row[3].value for row in rows] == [core.best.option_values[o] for o in core.best.selected]
    text = " ".join(b.text for b in memo.section("package").blocks if hasattr(b, "text"))
    assert "status quo" in text and all(memo_mod._label(bundled.case.options[o], "en") in text for o in core.below_baseline)
    prov = dict((r[0].value, r[1].value) for r in memo.table("provenance").rows)
    assert prov["Package baseline"] == sid and f"--baseline {sid}" in prov["Reproduce with"]


@pytest.mark.parametrize("args, message", [
    (["--baseline", "nosuch"], "--baseline names unknown option 'nosuch'"),
    (["--baseline", "worst", "--method", "topsis"], "--baseline needs the additive value model"),
])
def test_memo_with_a_bad_baseline_is_a_usage_error_and_writes_nothing(cli, tmp_path, args, message):
    out = tmp_path / "memo.md"
    result = cli("memo", "-o", str(out), *args)
    assert result.exit_code == 2 and message in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("lang", LANGS)
def test_a_case_without_probabilities_has_no_p_and_says_which_rules_did_not_run(lang, tmp_path):
    # Issue 14: Stevenson's contractor under complete ignorance (tests/cases/contractor_ignorance.yaml).
    from pathlib import Path

    from negotiator.report import render

    loaded = load_case(Path(__file__).resolve().parents[1] / "cases" / "contractor_ignorance.yaml")
    memo = build_memo(loaded, MemoRequest(lang=lang, samples=200, date=DATE))
    payoffs = memo.table("payoffs")
    assert [c.key for c in payoffs.columns] == ["option", "option_id", "scenario:low_demand", "scenario:high_demand"]
    assert not any("p=" in c.header for c in payoffs.columns)
    rules = memo.table("rules")
    assert [row[2].value for row in rules.rows] == ["do_nothing", "expand", "do_nothing, subcontract", "do_nothing, subcontract", "subcontract"]
    notes = [b.text for b in memo.section("scenarios").blocks if getattr(b, "role", "") == "note"]
    assert any(tr("rule_expected_value", lang) in n and tr("rule_maximum_likelihood", lang) in n for n in notes)
    scenarios = memo.table("scenarios")
    assert "probability" not in [c.key for c in scenarios.columns] and scenarios.note == tr("asm_no_probabilities", lang)
    text = render(memo, ".md").decode("utf-8")
    assert "(p=" not in text and "p = " not in text


def test_families_are_numbers_with_names_in_each_language(memos, bundled):
    assert bundled.case.family_numbers() == {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
    for lang in LANGS:
        table = memos[lang].table("ranking")
        fam = table.column("family")
        values = [row[fam].value for row in table.rows]
        assert all(isinstance(v, int) for v in values) and sorted(set(values)) == [1, 2, 3, 4, 5]
        assert table.columns[fam].kind == "integer"  # sorts 1, 2, 3 in a spreadsheet
    en, zh = memos["en"].table("ranking").note, memos["zh"].table("ranking").note
    assert "Families: 1 Reciprocal negotiation; 2 Standardised reception;" in en
    assert "类别：1 主动对等谈判；2 规范接收；" in zh
    text = render(memos["en"], "md").decode()
    assert not any(numeral in text.split("## Scenarios", 1)[0] for numeral in "一二三四五")
    assert "(family: Monitoring and consular protection)" in memos["en"].section("bottom_line").blocks[0].text


def test_families_without_names_read_family_n():
    loaded = load_case_text(
        """
negotiator: 1
objectives: {g: {label: Gain, scale: [0, 10]}}
options:
  a: {label: Alpha, family: 三, scores: {g: 7}}
  b: {label: Beta, family: 十, scores: {g: 5}}
  c: {label: Gamma, family: other, scores: {g: 2}}
"""
    )
    assert loaded.case.family_numbers() == {"三": 3, "十": 10, "other": 11}
    memo = build_memo(loaded, MemoRequest(date=DATE))
    assert memo.section("bottom_line").blocks[0].text.startswith("Alpha (family: Family 3) ranks first")
    zh = build_memo(loaded, MemoRequest(lang="zh", date=DATE))
    assert "（类别：第3类）" in zh.section("bottom_line").blocks[0].text
    # a numeral without a name is only its number; a family written as a word is its own name
    assert (memo.table("ranking").note or "").startswith("Families: 11 other.")
    assert "第3类" not in (zh.table("ranking").note or "") and "类别：11 other。" in (zh.table("ranking").note or "")


def test_confidence_column_says_what_it_means(memos):
    for lang, words in (("en", ("own central weights", "not a chance of coming first")), ("zh", ("自身中心权重", "不是排名第一的概率"))):
        table = memos[lang].table("acceptability")
        header = table.columns[table.column("confidence")].header
        assert words[0] in header and words[1] in table.note
        html = render(memos[lang], "html").decode()
        assert words[1] in html.split('data-key="acceptability"', 1)[1].split("</div>", 1)[0]
