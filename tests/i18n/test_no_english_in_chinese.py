"""In Chinese, every command, memo and view shows no English word but ids and proper names.

Each command runs once per module in-process (``--lang zh``) at 80 and 120 columns; its stdout
and stderr are searched for ASCII words of three letters or more once these are taken out:
the ids of the bundled and example cases (whole, or the pieces a narrow column breaks them
into), what the user types (``--options``, `commands`), paths and sha256 digests, the
case's own prose (rationales, notes, sources, judgments: the analyst writes them, in English in
the bundled case) and English labels where the case gives no Chinese one, and an explicit
allowlist (tests/i18n/test_catalogue.py ALLOWED_ENGLISH, plus the names and terms below).
A failure names the command and the words. JSON and CSV are language-neutral by design.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from negotiator.case.catalog import examples_dir, load_case
from negotiator.testing import run_cli

from test_catalogue import ALLOWED_ENGLISH  # noqa: E402  (tests/i18n is on the path: pytest rootdir-relative import)

#: English a Chinese reader still sees here beyond the catalogue's own allowlist: method and solver
#: ids as typed, the YAML keys of the weight forms, proper names and terms of art kept in Latin script.
KEPT = ALLOWED_ENGLISH | {
    "additive", "topsis", "promethee", "vikor", "electre", "cbc", "highs", "CBC", "HiGHS", "MILP", "linf",
    "Nash", "Kendall", "tau", "phi", "Saaty", "Harker", "Hwang", "Yoon", "Brans", "Vincke", "Opricovic", "Tzeng", "Roy",
    "Barron", "Barrett", "YAML", "Decision", "Analysis",  # Clemen & Smith's journal
    "order", "scheme", "roc", "rank_sum", "rank_reciprocal", "swing", "ahp", "hierarchy", "weight", "objectives", "weights",  # YAML keys
    "median", "mean", "example", "alpha", "addi", "tops", "prom", "viko", "elec",  # --pool values; example:NAME; Hurwicz's alpha; method ids cut to 4
}

WORD = r"[A-Za-z][A-Za-z0-9'-]*[A-Za-z0-9]|[A-Za-z]"
PROSE_FIELDS = ("rationale", "note", "source", "judgment", "description", "title")


def _walk(item, ids: set[str], prose: list[str], labels: list[str]) -> None:
    if isinstance(item, BaseModel):
        fields = type(item).model_fields
        if "label" in fields and not getattr(item, "label_zh", None) and isinstance(getattr(item, "label", None), str):
            labels.append(item.label)  # no Chinese label: the English one is all there is
        for name in fields:
            value = getattr(item, name)
            if name in PROSE_FIELDS and isinstance(value, str):
                prose.append(value)
            elif name in ("notes", "rationales") and isinstance(value, dict):
                prose += [v for v in value.values() if isinstance(v, str)]  # a rationale per score
            else:
                _walk(value, ids, prose, labels)
    elif isinstance(item, dict):
        for key, value in item.items():
            ids.add(str(key))
            _walk(value, ids, prose, labels)
    elif isinstance(item, (list, tuple)):
        for value in item:
            _walk(value, ids, prose, labels)
    elif isinstance(item, str) and re.fullmatch(r"[a-z][a-z0-9_]*", item):
        ids.add(item)  # an id as a value (a BATNA option, a status quo level)


def _case_words() -> tuple[set[str], set[str], set[str]]:
    ids: set[str] = set()
    prose: list[str] = []
    labels: list[str] = []
    for loaded in (load_case(None), load_case([examples_dir() / "methods_demo.yaml"])):
        _walk(loaded.case, ids, prose, labels)
    ids |= {piece for i in ids for piece in i.split("_")}
    words = lambda texts: {w for text in texts for w in re.findall(WORD, text)}  # noqa: E731
    return ids, words(prose), words(labels)


#: ids; the words of the case's prose (allowed only where a command shows it: PROSE_COMMANDS);
#: the words of English labels that have no Chinese beside them (allowed everywhere).
IDS, PROSE, LABELS = _case_words()


#: The checkout's folder and the case files the commands name: a caption that wraps a file path
#: leaves pieces of it that depend on where the repository was cloned, not words of the output.
#: (Pieces of the case files' own names keep a "/", "_" or ".yaml" and are taken out below.)
CHECKOUT_PATHS = str(Path(__file__).resolve().parents[2])


def english_words(text: str, typed: str = "", prose: bool = False) -> list[str]:
    """The ASCII words of 3+ letters left in ``text`` once ids, typed input (``typed``: the command line,
    whose words an error may quote), paths, digests, labels without Chinese, the case's prose (with
    ``prose``: the output shows it) and KEPT are taken out."""
    kept = KEPT | LABELS | set(re.findall(r"[A-Za-z]+", typed)) | (PROSE if prose else set())
    text = re.sub(r"\b[0-9a-f]{12,64}\b", " ", text)  # sha256 digests
    text = re.sub(r"`[^`\n]*`", " ", text)  # a command or a YAML fragment to type
    text = re.sub(r"--[a-z][a-z-]*", " ", text)  # an option to type
    text = re.sub(r"\S*[/\\]\S*|\S+\.(?:yaml|yml|md|html|docx|xlsx|csv|png|svg|pdf)\b", " ", text)  # paths
    text = re.sub(r"[A-Za-z0-9]*_[A-Za-z0-9_]*", " ", text)  # snake_case ids, whole or broken
    text = re.sub(r"example:\w+|negotiator [a-z][a-z-]*", " ", text)  # an example's name; a command line
    words = set(re.findall(WORD, text))
    out = set()
    for w in words:
        if w in CHECKOUT_PATHS:
            continue  # a piece of a file path that a caption wrapped: where the repository was cloned
        if sum(c.isalpha() for c in w) < 3 or w in kept or w in IDS or re.fullmatch(r"[A-Z0-9-]+", w):
            continue  # short, allowed, an id, the case's own text, or an acronym / key-letter bar (AAABBC)
        if all(part in kept or part in IDS for part in re.split(r"[-']", w) if part):
            continue
        out.add(w)
    return sorted(out)


DEMO = "example:methods_demo"
#: Every command that prints words, as the user types it (``--lang zh`` is added).
COMMANDS = [
    "rank", "rank -f markdown", "rank --method topsis", "rank --method promethee --scenario escalated_enforcement",
    "show", "show --scores", "show --rationale reciprocal_mechanisms", "show --scores -f markdown", "validate",
    "methods", "methods -f markdown", "examples",
    f"ahp {DEMO}", f"ahp {DEMO} -f markdown", f"analysts {DEMO}", f"analysts {DEMO} -f markdown",
    "compare-methods", "compare-methods -f markdown",
    "sensitivity stability", "sensitivity flip", "sensitivity smaa -n 200", "sensitivity sweep", "sensitivity tornado", "sensitivity scenarios",
    "portfolio", "portfolio --top 3", "portfolio --robust", "portfolio --core --samples 50",
    "portfolio sweep --resource budget --from 5 --to 20 --step 5", "portfolio --budget staff=2 --count 2:3",
    "payoffs", "payoffs -f markdown", "game", "game -f markdown", "negotiate",
    # exit 2: bad input
    "rank nosuchfile.yaml", "rank --profile nosuch", "rank --method nosuch", "show -f markdown",
    "sensitivity flip -f markdown", "portfolio -f markdown", "negotiate -f markdown",
]
WIDTHS = (80, 120)
#: Commands that print the case's own prose (rationales, the analyst's notes on payoffs and BATNAs).
PROSE_COMMANDS = ("show --rationale", "negotiate", "game")


@pytest.fixture(scope="module")
def outputs() -> dict[tuple[str, int], str]:
    """Each command's stdout and stderr in Chinese at each width, computed once for the module."""
    saved = {k: os.environ.get(k) for k in ("COLUMNS", "NO_COLOR")}
    os.environ["NO_COLOR"] = "1"
    found = {}
    try:
        for width in WIDTHS:
            os.environ["COLUMNS"] = str(width)
            for command in COMMANDS:
                r = run_cli(*command.split(), "--lang", "zh")
                assert r.exit_code in (0, 1, 2), (command, r.stderr)
                found[command, width] = r.stdout + "\n" + r.stderr
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return found


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("command", COMMANDS)
def test_command_shows_no_english(outputs, command, width):
    left = english_words(outputs[command, width], typed=command, prose=command.startswith(PROSE_COMMANDS))
    assert not left, f"`negotiator {command} --lang zh` at {width} columns shows English: {left}"


def test_the_check_finds_english():
    """The check itself: the English output is full of words it reports."""
    r = run_cli("rank")
    assert {"Ranking", "Screened", "option", "method"} <= set(english_words(r.stdout))


def test_new_export_and_import_speak_chinese(tmp_path):
    xlsx, case = tmp_path / "w.xlsx", tmp_path / "c.yaml"
    texts = [run_cli(*args, "--lang", "zh") for args in (("new", str(case)), ("export", "-o", str(xlsx)), ("import", str(xlsx), "-o", str(tmp_path / "w.yaml")))]
    assert all(r.exit_code == 0 for r in texts), [r.stderr for r in texts]
    for r in texts:
        assert not english_words(r.stdout + r.stderr), r.stdout


# -- memos ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def memos(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("memos")
    found = {}
    for ext in ("md", "html"):
        path = folder / f"memo.{ext}"
        r = run_cli("memo", "-o", str(path), "--lang", "zh", "--samples", "200", "--date", "2026-01-01")
        assert r.exit_code == 0, r.stderr
        found[ext] = path.read_text(encoding="utf-8") + "\n" + r.stdout + r.stderr
    return found


def _html_text(page: str) -> str:
    page = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<svg\b.*?</svg>|<img\b[^>]*>", " ", page)  # figures: their words are checked as charts
    page = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(page)


def test_markdown_memo_shows_no_english(memos):
    left = english_words(re.sub(r"<[^>]+>", " ", memos["md"]), prose=True)  # the bottom line's inline HTML is markup
    assert not left, f"the Chinese Markdown memo shows English: {left}"


def test_html_memo_shows_no_english(memos):
    left = english_words(_html_text(memos["html"]), prose=True)
    assert not left, f"the Chinese HTML memo shows English: {left}"


# -- the terminal UI -----------------------------------------------------------------------


def _screen_text(app) -> str:
    svg = app.export_screenshot()
    return html.unescape(" ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))).replace("\xa0", " ")


async def test_tui_main_views_show_no_english():
    from negotiator.tui import make_app
    from negotiator.tui.app import VIEWS

    app = make_app(load_case(None), lang="zh")
    seen = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for name, (key, _) in VIEWS.items():
            await pilot.press(key)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            seen[name] = english_words(_screen_text(app), prose=name == "ranking")  # its detail pane shows the option's own description
    left = {name: words for name, words in seen.items() if words}
    assert not left, f"the Chinese terminal UI shows English: {left}"
