"""render/charts.py, the one matplotlib set-up, and the --plot charts drawn through it:
fonts found at run time, charts in the language asked for, provenance on every chart."""

from __future__ import annotations

import pytest

from negotiator.render import charts

COMMANDS = ["sweep", "stability", "flip", "smaa", "tornado", "scenarios"]


@pytest.fixture
def tiny(cases_dir):
    return str(cases_dir / "tiny.yaml")


@pytest.fixture
def drawn(monkeypatch):
    """Every text of each figure saved through charts.figure_bytes, and whether it stays inside the figure."""
    seen: list[dict] = []
    original = charts.figure_bytes

    def record(fig, fmt, **kw):
        from matplotlib.text import Text

        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        box = fig.bbox
        texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
        # Tick labels beyond the axis limits exist but are never drawn.
        ticks = {id(t) for ax in fig.axes for t in ax.xaxis.get_ticklabels(which="both") + ax.yaxis.get_ticklabels(which="both")}
        outside = []
        for t in texts:
            if id(t) in ticks:
                continue
            ext = t.get_window_extent(renderer)
            if ext.x0 < box.x0 - 1 or ext.x1 > box.x1 + 1 or ext.y0 < box.y0 - 1 or ext.y1 > box.y1 + 1:
                outside.append(t.get_text())
        seen.append({"texts": [t.get_text() for t in texts], "outside": outside})
        return original(fig, fmt, **kw)

    monkeypatch.setattr(charts, "figure_bytes", record)
    return seen


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _installed_cjk_files() -> list[str]:
    from matplotlib import font_manager

    return [p for p in font_manager.findSystemFonts(fontext="ttf") if charts.covers(p, ["中国选项权重"])]


needs_cjk = pytest.mark.skipif(not _installed_cjk_files(), reason="no font with Chinese glyphs on this machine")


# -- fonts ------------------------------------------------------------------------------------


@needs_cjk
def test_cjk_font_is_an_installed_regular_font():
    font = charts.cjk_font()
    assert font is not None and font.path in _installed_cjk_files()
    assert font.weight <= 500 and "Bold" not in font.path  # regular, not the bold face listed first
    assert charts.covers(font.path, ["中国选项权重"])
    assert font.name in charts.font_families()


@pytest.fixture
def font_memo(monkeypatch, tmp_path):
    """The file that remembers the CJK font, in a temporary folder (none yet); a fresh lookup."""
    path = tmp_path / "negotiator-cjk-font.json"
    monkeypatch.setattr(charts, "_font_memo_path", lambda: path)
    cached = (charts.refresh_fonts, charts.cjk_font)  # a test may replace them
    for f in cached:
        f.cache_clear()
    yield path
    from matplotlib import font_manager

    for f in cached:
        f.cache_clear()
    font_manager.fontManager._findfont_cached.cache_clear()  # lookups made with a patched font list


def _without_cjk_fonts(monkeypatch):
    """matplotlib's font list as a cache written before the CJK fonts were installed."""
    from matplotlib import font_manager

    fm = font_manager.fontManager
    cjk = set(_installed_cjk_files())
    monkeypatch.setattr(fm, "ttflist", [f for f in fm.ttflist if f.fname not in cjk])
    fm._findfont_cached.cache_clear()


@needs_cjk
def test_a_stale_font_cache_is_refreshed(monkeypatch, font_memo):
    """The cache written before the CJK fonts were installed does not list them: refresh finds them."""
    _without_cjk_fonts(monkeypatch)
    assert charts.cjk_font() is not None


@needs_cjk
def test_the_font_found_is_remembered_and_used_without_a_search(monkeypatch, font_memo):
    from matplotlib import font_manager

    found = charts.cjk_font()
    assert found is not None and font_memo.exists()
    # A new process: matplotlib's own list lacks the font, and a search would fail the test.
    charts.cjk_font.cache_clear()
    _without_cjk_fonts(monkeypatch)
    monkeypatch.setattr(charts, "refresh_fonts", lambda: pytest.fail("searched the fonts again"))
    assert charts.cjk_font() == found
    assert font_manager.findfont(found.name, fallback_to_default=False) == found.path  # drawable by family name


@needs_cjk
@pytest.mark.parametrize("change", ["folders", "file", "matplotlib", "damaged"])
def test_a_changed_font_folder_or_file_means_a_new_search(monkeypatch, font_memo, change):
    import json

    found = charts.cjk_font()
    data = json.loads(font_memo.read_text(encoding="utf-8"))
    if change == "folders":  # a font installed or removed
        data["folders"][0][1] += 1
    elif change == "file":  # the font file replaced
        data["file"][0] += 1
    elif change == "matplotlib":
        data["matplotlib"] = "0.0"
    font_memo.write_text("{not json" if change == "damaged" else json.dumps(data), encoding="utf-8")
    searched = []
    original = charts.refresh_fonts
    monkeypatch.setattr(charts, "refresh_fonts", lambda: searched.append(1) or original())
    charts.cjk_font.cache_clear()
    assert charts.cjk_font() == found and searched == [1]
    assert json.loads(font_memo.read_text(encoding="utf-8"))["folders"] == charts._memo_key()["folders"]  # remembered afresh


def test_no_cjk_font_is_not_remembered(monkeypatch, font_memo):
    """Without a Chinese font every lookup searches: one installed later is found at once."""
    monkeypatch.setattr(charts, "covers", lambda path, texts: False)
    assert charts.cjk_font() is None
    assert not font_memo.exists()


def test_english_memo_charts_look_for_no_cjk_font(monkeypatch, font_memo):
    """Labels DejaVu Sans can draw need no font search (~50 ms a process)."""
    from negotiator.report import figures
    from negotiator.report.model import Figure

    monkeypatch.setattr(charts, "cjk_font", lambda: pytest.fail("looked for a CJK font"))
    fig = Figure("f", "caption", ("Option one", "Option two"), (("first", (0.5, 0.25)), ("second", (0.5, 0.75))), "share", percent=True)
    assert figures.png(fig)[:8] == b"\x89PNG\r\n\x1a\n"
    assert figures.svg(fig).startswith("<svg")


def test_no_cjk_font_is_said_and_the_chart_falls_back_to_english(monkeypatch, cli, tiny, tmp_path, drawn):
    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    assert charts.chart_lang("zh") == "en" and charts.chart_lang("en") == "en"
    out = tmp_path / "s.png"
    r = cli("sensitivity", "stability", tiny, "--plot", out, "--lang", "zh")
    assert r.exit_code == 0, r.stderr
    assert "未安装含中文字形的字体" in r.stderr and "图表已保存到" in r.stderr
    assert not any(_has_cjk(t) for t in drawn[-1]["texts"])  # no empty boxes


# -- the charts -------------------------------------------------------------------------------


@needs_cjk
@pytest.mark.parametrize("command", COMMANDS)
def test_charts_follow_lang_zh_with_the_case_labels(cli, tiny, tmp_path, drawn, command):
    extra = ["--samples", "300"] if command == "smaa" else []
    out = tmp_path / "chart.svg"
    r = cli("sensitivity", command, tiny, "--plot", out, "--lang", "zh", *extra)
    assert r.exit_code == 0, r.stderr
    assert "图表已保存到" in r.stderr and "chart saved" not in r.stderr
    texts = "\n".join(drawn[-1]["texts"])
    assert "方案A" in texts or "收益" in texts  # labels from the case, not ids
    words = [t for t in drawn[-1]["texts"] if t not in ("方案A",) and _has_cjk(t)]
    assert len(words) >= 2  # title and axis words are Chinese too
    assert "sha256" in texts and "判断" in texts  # the provenance footer, in Chinese
    assert not drawn[-1]["outside"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_chart_carries_the_provenance_footer(cli, tiny, tmp_path, drawn, command):
    extra = ["--samples", "300"] if command == "smaa" else []
    r = cli("sensitivity", command, tiny, "--plot", tmp_path / "c.png", *extra)
    assert r.exit_code == 0, r.stderr
    texts = "\n".join(drawn[-1]["texts"])
    assert "sha256" in texts and "analyst judgments" in texts
    assert "Option " in texts or "Gain" in texts  # labels from the case, not ids
    assert not drawn[-1]["outside"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_frontier_numbers_its_steps_with_a_key_inside_the_figure(cli, tmp_path, drawn, lang):
    if lang == "zh" and charts.chart_lang("zh") != "zh":
        pytest.skip("no font with Chinese glyphs on this machine")
    out = tmp_path / "frontier.png"
    r = cli("portfolio", "sweep", "-r", "staff", "--from", "10", "--to", "100", "--points", "10", "--plot", out, "--lang", lang, "-f", "csv")
    assert r.exit_code == 0, r.stderr
    assert out.read_bytes()[:4] == b"\x89PNG"
    texts = drawn[-1]["texts"]
    assert not drawn[-1]["outside"]
    assert any(t.startswith("+ ") for t in texts) and "1" in texts and "2" in texts  # numbered steps and their key
    joined = "\n".join(texts)
    assert "sha256" in joined
    if lang == "zh":
        assert "上限" in joined and "步骤" in joined and "前沿图已写入" in r.stderr
        assert not any(t.startswith("+ ") and t[2:].replace("_", "").isascii() for t in texts)  # labels, not ids
    else:
        assert "step" in texts


def test_sweep_greys_the_options_that_never_lead(cli, tmp_path, drawn):
    r = cli("sensitivity", "sweep", "--objective", "citizen_rights", "--plot", tmp_path / "w.png")
    assert r.exit_code == 0, r.stderr
    import numpy as np

    from negotiator.cli.common import load
    from negotiator.render.plots import _leaders
    from negotiator.sensitivity import sweep

    result = sweep(load(None), objectives=["citizen_rights"])
    lead = _leaders(result.sweeps[0])
    assert 2 <= len(lead) < len(result.options)
    labels = {load(None).case.options[result.options[i]].label for i in lead}
    texts = set(drawn[-1]["texts"])
    assert {charts.shorten(t, 30) for t in labels} <= texts  # the leaders are labelled at their line end
    assert np.isfinite(result.sweeps[0].curves).all()


@pytest.mark.parametrize("lang, words", [("en", "rank 9 or lower"), ("zh", "9")])
def test_smaa_legend_names_the_ranks_past_the_palette(cli, tmp_path, drawn, lang, words):
    from negotiator.render.bars import RANK_COLOURS

    r = cli("sensitivity", "smaa", "--samples", "200", "--plot", tmp_path / "s.png", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    fig_texts = drawn[-1]["texts"]
    from negotiator.i18n import tr

    shown = len(RANK_COLOURS)
    assert tr("ch_rank_from", lang, r=shown + 1) in fig_texts and words in tr("ch_rank_from", lang, r=shown + 1)
    assert [tr("se_rank_r", lang, r=k) in fig_texts for k in range(1, shown + 1)] == [True] * shown
    assert drawn[-1]["outside"] == []


def test_sweep_end_labels_stay_inside_the_figure(cli, tmp_path, drawn):
    r = cli("sensitivity", "sweep", "--plot", tmp_path / "w.png")
    assert r.exit_code == 0, r.stderr
    assert drawn[-1]["outside"] == []


def test_sweep_end_label_connectors_stop_at_the_label(cli, tmp_path, monkeypatch):
    """A connector runs from a line's end to the left edge of its label, so it never strikes through
    a neighbouring label (it ran to the label's centre, crossing the middle one of three that meet)."""
    from matplotlib.text import Annotation

    checked: list[tuple[float, float]] = []
    original = charts.figure_bytes

    def record(fig, fmt, **kw):
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        for ann in fig.findobj(Annotation):
            if ann.arrow_patch is not None:
                text = ann.get_window_extent(renderer)
                checked.append((ann.arrow_patch.get_window_extent(renderer).x1, text.x0, text.width))
        return original(fig, fmt, **kw)

    monkeypatch.setattr(charts, "figure_bytes", record)
    r = cli("sensitivity", "sweep", "--plot", tmp_path / "w.png")
    assert r.exit_code == 0, r.stderr
    # (within the text's own padding: before, the connector reached the middle of the label)
    assert len(checked) > 20 and all(arrow_right <= text_left + 0.1 * width for arrow_right, text_left, width in checked)


@pytest.mark.parametrize("max_em", [0.5, 1.16, 3, 5.5, 24, 34])
def test_shorten_keeps_the_longest_prefix_that_fits_with_its_ellipsis(max_em):
    texts = ["", "short", "Reciprocal negotiation and a long tail of words", "中国选项权重得分中国选项权重得分", "mixed 中文 and Latin, 12.5% — more text here"]
    for text in texts:
        cut = charts.shorten(text, max_em)
        if charts.text_em(text) <= max_em:
            assert cut == text
            continue
        assert cut.endswith("…")
        kept = next((k for k in range(len(text), -1, -1) if charts.text_em(text[:k] + "…") <= max_em), 0)  # "…" alone when nothing fits
        assert cut == text[:kept].rstrip() + "…"
