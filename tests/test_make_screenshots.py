"""docs/make_screenshots.py: the one script that regenerates docs/img/ (its parts are run by hand,
with Chromium and LibreOffice; here the pieces that need neither)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("make_screenshots", ROOT / "docs" / "make_screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_chinese_text_runs_get_two_cells_a_character(script, tmp_path):
    """rich's SVG export (Textualize/rich#2742) sizes a run by characters; a terminal gives a Chinese
    character two cells, so a browser drew them overlapping until the run is widened."""
    svg = tmp_path / "shot.svg"
    svg.write_text(
        '<svg viewBox="0 0 100 20">'
        '<text class="r1" x="0" y="20" textLength="48.8" clip-path="url(#l-0)">排序列表</text>'
        '<text class="r2" x="48.8" y="20" textLength="36.6" clip-path="url(#l-0)">a&#160;b</text>'
        '<text class="r3" x="85.4" y="20" textLength="36.6" clip-path="url(#l-0)">l&#160;中</text></svg>',
        encoding="utf-8",
    )
    script.fix_wide_text(svg)
    text = svg.read_text(encoding="utf-8")
    assert 'textLength="97.6"' in text  # 4 characters, 8 cells of 12.2
    assert 'textLength="36.6" clip-path="url(#l-0)">a&#160;b' in text  # plain text untouched
    assert 'textLength="48.8" clip-path="url(#l-0)">l&#160;中' in text  # 3 characters, 4 cells


def test_parts_are_named_and_an_unknown_one_is_refused(script, capsys):
    assert set(script.PARTS) == {"charts", "memos", "tui", "web"}
    with pytest.raises(SystemExit) as stop:
        script.main(["pictures"])
    assert stop.value.code == 2 and "unknown part(s) pictures" in capsys.readouterr().err
    # every picture the docs show is one the script makes
    made = {f"chart-{c}-{lang}.png" for c in script.CHARTS for lang in script.LANGS}
    made |= {f"memo-{lang}-{kind}{page}.png" for lang in script.LANGS for kind in ("html", "docx") for page in ("", "-ranking")}
    made |= {f"{stem}.png" for stem, *_ in script.TUI_SHOTS} | {f"{stem}.svg" for stem, _ in script.TUI_SVGS} | {"tui-web.png"}
    shown = set()
    for doc in [*(ROOT / "docs").glob("*.md"), ROOT / "README.md"]:
        shown |= {part.split(")")[0].rsplit("/", 1)[-1] for part in doc.read_text(encoding="utf-8").split("](") if "img/" in part.split(")")[0]}
    assert shown and shown <= made, shown - made
