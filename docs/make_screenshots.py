"""Regenerate every picture under docs/img/ from the bundled case.

    python docs/make_screenshots.py                 # everything
    python docs/make_screenshots.py charts memos    # some parts: charts, memos, tui, web

Run it from anywhere: it uses the checkout it sits in (``python -m negotiator`` with this
folder first on the path), never an installed copy. The pictures are made the way a reader
meets them:

- charts: ``--plot`` of ``portfolio sweep``, ``sensitivity sweep``, ``smaa`` and ``tornado``,
  in English and Chinese (chart-<name>-<lang>.png);
- memos: the HTML memo printed to PDF by headless Chromium, the Word memo converted to PDF by
  LibreOffice, each PDF's first page and the page holding the ranking turned into PNG by
  pdftoppm (memo-<lang>-<html|docx>[-ranking].png);
- tui: the app driven by Textual's Pilot at 80x24 and 200x50 in both languages, saved as SVG
  (``App.save_screenshot``) and turned into PNG by headless Chromium (tui-ranking-<cols>[-zh].png),
  plus the SVGs the README and docs/tui.md show at 110x32 (tui-ranking.svg, tui-weights.svg,
  tui-package-baseline.svg);
- web: ``negotiator tui --web`` on a free local port, opened in headless Chromium through its
  DevTools protocol and captured once the app has drawn (tui-web.png).

Needs Debian's chromium, libreoffice and poppler-utils (and fonts-noto-cjk for the Chinese
pages): ``apt-get install chromium libreoffice-writer poppler-utils fonts-noto-cjk``. A part
whose tool is missing stops with a message naming the package. Look at every picture after
running it: the script proves they were made, not that they read well.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import html
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img"
LANGS = ("en", "zh")
DATE = "2026-07-01"  # memos carry a date: fixed so that a re-run changes only what changed

#: chart name -> the command that draws it (``--plot FILE --lang L --force`` are added).
CHARTS = {
    "frontier": ["portfolio", "sweep", "-r", "staff", "--from", "2", "--to", "30"],
    "sweep": ["sensitivity", "sweep", "-q"],
    "smaa": ["sensitivity", "smaa", "-q"],
    "tornado": ["sensitivity", "tornado", "-q"],
}

#: Words that open the ranking table's page in each language (pdftotext finds the page).
RANKING_HEADING = {"en": "Ranking", "zh": "排序"}


# -- tools --------------------------------------------------------------------


def need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        sys.exit(f"make_screenshots: '{tool}' is missing; install it with: apt-get install {package}")
    return path


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return need("chromium", "chromium")


def chromium_flags() -> list[str]:
    flags = ["--headless", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-dev-shm-usage"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return flags


def negotiator(*args: str) -> None:
    """``python -m negotiator ARGS`` with this checkout's code."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), COLUMNS="100")
    done = subprocess.run([sys.executable, "-m", "negotiator", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"make_screenshots: negotiator {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")


def pdf_page_png(pdf: Path, page: int, out: Path, dpi: int = 80) -> None:
    need("pdftoppm", "poppler-utils")
    stem = out.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)], check=True)


def find_page(pdf: Path, words: str) -> int:
    """The first page of ``pdf`` whose text holds ``words`` at the start of a line (pdftotext)."""
    need("pdftotext", "poppler-utils")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    for number, page in enumerate(text.split("\f"), 1):
        if any(line.strip().startswith(words) for line in page.splitlines()[1:]):
            return number
    return 1


_TEXT = re.compile(r'(<text [^>]*?textLength=")([0-9.]+)("[^>]*>)([^<]*)(</text>)')


def fix_wide_text(svg: Path) -> None:
    """Give each run of text with Chinese characters its width in terminal cells.

    rich's SVG export (used by Textual's save_screenshot) sets a text run's ``textLength`` from its
    number of characters, not its cells, so a browser squeezes a Chinese character into one cell and
    the characters overlap (Textualize/rich#2742, open). A terminal shows them two cells wide."""
    from rich.cells import cell_len

    def widen(m: re.Match) -> str:
        text = html.unescape(m.group(4))
        cells = cell_len(text)
        if cells == len(text) or not text:
            return m.group(0)
        return f"{m.group(1)}{float(m.group(2)) / len(text) * cells:g}{m.group(3)}{m.group(4)}{m.group(5)}"

    svg.write_text(_TEXT.sub(widen, svg.read_text(encoding="utf-8")), encoding="utf-8")


def svg_to_png(svg: Path, png: Path, width: int) -> None:
    """An SVG drawn by headless Chromium at ``width`` pixels (Textual's SVGs have a viewBox only)."""
    from xml.etree import ElementTree

    box = ElementTree.parse(svg).getroot().get("viewBox").split()
    view_w, view_h = float(box[2]), float(box[3])
    height = round(width * view_h / view_w)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(
            f'<!doctype html><html><body style="margin:0;background:#fff">'
            f'<img src="{svg.resolve().as_uri()}" style="display:block;width:{width}px;height:{height}px"></body></html>',
            encoding="utf-8",
        )
        subprocess.run([chromium(), *chromium_flags(), f"--window-size={width},{height}", f"--screenshot={png}", page.as_uri()], check=True, capture_output=True, timeout=120)


# -- the parts ----------------------------------------------------------------


def charts() -> list[Path]:
    made = []
    for name, command in CHARTS.items():
        for lang in LANGS:
            out = OUT / f"chart-{name}-{lang}.png"
            negotiator(*command, "--plot", str(out), "--force", "--lang", lang)
            made.append(out)
    return made


def memos() -> list[Path]:
    chrome = chromium()
    need("soffice", "libreoffice-writer")
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for lang in LANGS:
            html, docx = tmp / f"memo-{lang}.html", tmp / f"memo-{lang}.docx"
            for memo in (html, docx):
                negotiator("memo", "-o", str(memo), "--lang", lang, "--date", DATE, "--force")
            html_pdf = tmp / f"memo-{lang}-html.pdf"
            subprocess.run([chrome, *chromium_flags(), "--no-pdf-header-footer", f"--print-to-pdf={html_pdf}", html.as_uri()], check=True, capture_output=True, timeout=180)
            profile = tmp / "lo-profile"  # a profile of its own: a running LibreOffice does not take the job
            subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(docx)], check=True, capture_output=True, timeout=300)
            docx_pdf = tmp / f"memo-{lang}-docx.pdf"
            (tmp / f"memo-{lang}.pdf").replace(docx_pdf)
            for kind, pdf in (("html", html_pdf), ("docx", docx_pdf)):
                first = OUT / f"memo-{lang}-{kind}.png"
                pdf_page_png(pdf, 1, first)
                ranking = OUT / f"memo-{lang}-{kind}-ranking.png"
                pdf_page_png(pdf, find_page(pdf, RANKING_HEADING[lang]), ranking)
                made += [first, ranking]
    return made


async def _tui_shot(size: tuple[int, int], lang: str, keys: tuple[str, ...], svg: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from negotiator.case.catalog import load_case
    from negotiator.tui import make_app

    app = make_app(load_case(), lang=lang)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        for key in keys:
            if key.startswith("click:"):  # a widget to click, e.g. click:#profile
                await pilot.click(key.removeprefix("click:"))
            else:
                await pilot.press(key)
            await pilot.pause()
            await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        app.save_screenshot(svg.name, str(svg.parent))
    fix_wide_text(svg)


#: (file stem, size, language, keys pressed after start-up)
TUI_SHOTS = [
    ("tui-ranking-80", (80, 24), "en", ()),
    ("tui-ranking-80-zh", (80, 24), "zh", ()),
    ("tui-ranking-200", (200, 50), "en", ()),
    ("tui-ranking-200-zh", (200, 50), "zh", ()),
    ("tui-compare-80", (80, 24), "en", ("3",)),
    ("tui-compare-200-zh", (200, 50), "zh", ("3",)),
    ("tui-keys-80", (80, 24), "en", ("question_mark",)),
    ("tui-keys-80-zh", (80, 24), "zh", ("question_mark",)),
]

def _package_over_baseline() -> tuple[str, ...]:
    """Keys for the Package view under the low_risk profile over the status quo the bundled case
    names (passive case-by-case acceptance, screened out by a red line), as docs/tui.md describes."""
    sys.path.insert(0, str(ROOT))
    from negotiator.case.catalog import load_case

    case = load_case().case
    profile_at = list(case.weights).index("low_risk")
    option_at = list(case.options).index("passive_case_by_case_acceptance")
    # the picker lists "none" and "the worst level" before the options
    return ("click:#profile", "home", *["down"] * profile_at, "enter", "5", "s", "home", *["down"] * (2 + option_at), "enter")


#: SVGs the README and docs/tui.md show (110x32, English): (file stem, keys pressed or a function giving them).
TUI_SVGS = [
    ("tui-ranking", ()),
    ("tui-weights", ("2", "down", "shift+right", "shift+right", "shift+right", "shift+right")),
    ("tui-package-baseline", _package_over_baseline),
]


def tui() -> list[Path]:
    chromium()
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        for stem, size, lang, keys in TUI_SHOTS:
            svg = Path(tmp) / f"{stem}.svg"
            asyncio.run(_tui_shot(size, lang, keys, svg))
            png = OUT / f"{stem}.png"
            svg_to_png(svg, png, width=round(size[0] * 12.25))
            made.append(png)
    for stem, keys in TUI_SVGS:
        svg = OUT / f"{stem}.svg"
        asyncio.run(_tui_shot((110, 32), "en", keys() if callable(keys) else keys, svg))
        made.append(svg)
    return made


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _capture(debug_port: int, url: str, out: Path, wait: float) -> None:
    """Open ``url`` in the running headless Chromium and save a screenshot after ``wait`` seconds
    (the page connects a websocket to the app, so the picture needs real time, not page load)."""
    import aiohttp

    async with aiohttp.ClientSession() as session:
        for _ in range(100):
            try:
                async with session.get(f"http://127.0.0.1:{debug_port}/json/list") as reply:
                    targets = [t for t in await reply.json() if t.get("type") == "page"]
                if targets:
                    break
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
        async with session.ws_connect(targets[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            ids = iter(range(1, 10**6))

            async def call(method: str, **params):
                n = next(ids)
                await ws.send_json({"id": n, "method": method, "params": params})
                async for msg in ws:
                    data = json.loads(msg.data)
                    if data.get("id") == n:
                        return data.get("result", {})
                return {}

            await call("Page.enable")
            await call("Page.navigate", url=url)
            await asyncio.sleep(wait)
            shot = await call("Page.captureScreenshot", format="png")
            out.write_bytes(base64.b64decode(shot["data"]))


def web(wait: float = 12.0) -> list[Path]:
    chrome = chromium()
    port, debug_port = _free_port(), _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    server = subprocess.Popen([sys.executable, "-m", "negotiator", "tui", "--web", "--port", str(port)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        browser = subprocess.Popen(
            [chrome, *chromium_flags(), f"--remote-debugging-port={debug_port}", f"--user-data-dir={tmp}", "--window-size=1280,800", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:  # the server answers once it listens
                with socket.socket() as s:
                    if s.connect_ex(("127.0.0.1", port)) == 0:
                        break
                time.sleep(0.2)
            out = OUT / "tui-web.png"
            asyncio.run(_capture(debug_port, f"http://127.0.0.1:{port}", out, wait))
        finally:
            for proc in (browser, server):
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
    return [out]


PARTS = {"charts": charts, "memos": memos, "tui": tui, "web": web}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Regenerate the pictures under docs/img/ from the bundled case.")
    parser.add_argument("parts", nargs="*", metavar="PART", help="charts, memos, tui, web (default: all)")
    args = parser.parse_args(argv)
    unknown = [p for p in args.parts if p not in PARTS]
    if unknown:
        parser.error(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(PARTS)}")
    OUT.mkdir(parents=True, exist_ok=True)
    for name in args.parts or PARTS:
        started = time.monotonic()
        made = PARTS[name]()
        print(f"{name}: {len(made)} file(s) in {time.monotonic() - started:.0f} s")
        for path in made:
            print(f"  {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
