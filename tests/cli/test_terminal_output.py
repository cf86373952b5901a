"""Every command's terminal output reads at 80 columns and without colour, and keeps its wide form at 120.

Policy staff use plain terminals and remote sessions and paste output into email. These
tests render each command through the `cli` fixture (NO_COLOR, output captured, so no
colour) at COLUMNS=80 and 120 and check what a reader needs, not the exact layout:
no line wider than the terminal, no number cut or split, the title there, and the key
facts (top option, its value) taken from the same command's JSON. The file sorts before
the portfolio tests on purpose: see the report about HiGHS after `portfolio --solver highs`.
"""

from __future__ import annotations

import json
import re

import pytest
from rich.cells import cell_len
from rich.console import Console

from negotiator.render.termfit import cut, key_caption, lettered_bar, level_bar, objective_keys, wrap_id

WIDTHS = (80, 120)

#: A number cut by an ellipsis ("0.63…") or split over a line end ("0.6" then "318").
CUT_NUMBER = re.compile(r"\d[.,]\d*…|…\d")


def _json(cli, *args):
    r = cli(*args, "-f", "json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def _rank_facts(cli):
    top = _json(cli, "rank")["ranking"][0]
    return [top["option"], f"{top['score']:.4f}"]


def _payoffs_facts(cli):
    rule = _json(cli, "payoffs")["rules"][0]
    return [rule["choice"][0], f"{rule['score']:.4f}"]


def _flip_facts(cli):
    first = _json(cli, "sensitivity", "flip")["flips"][0]
    return [first["challenger"], f"{first['distance']:.4f}"]


def _tornado_facts(cli):
    d = _json(cli, "sensitivity", "tornado")
    bar = d["bars"][0]
    return [f"{bar['lead_at_low']:+.4f}", f"{bar['lead_at_high']:+.4f}", f"now {d['base_lead']:+.4f}"]


def _smaa_facts(cli):
    first = _json(cli, "sensitivity", "smaa", "-n", "500")["options"][0]
    return [first["option"], f"{first['acceptability'][0]:.4f}", f"{first['holistic_acceptability']:.4f}"]


def _portfolio_facts(cli):
    d = _json(cli, "portfolio")
    return [f"{d['value']:.4f}", *d["selected"]]


def _compare_facts(cli):
    first = _json(cli, "compare-methods")["rankings"][0]
    return [first["option"]]


def _negotiate_facts(cli):
    sq = _json(cli, "negotiate")["status_quo"]["utilities"]
    return [f"{v:.2f}" for v in sq.values()]


def _game_facts(cli):
    eq = _json(cli, "game")["equilibria"][0]
    return [", ".join(eq["payoffs"])]


_FACTS: dict[str, list[str]] = {}

#: Tables that cut long ids with an ellipsis at 80 columns by design (numbered rows name them).
CUTS_IDS = {"show --scores", "show --scores --lang zh"}

#: (command, a word of its first title, facts from JSON or fixed strings)
COMMANDS = [
    (["rank"], "Ranking", _rank_facts),
    (["rank", "--lang", "zh"], "排序", lambda cli: ["跨部门跟踪研判", _rank_facts(cli)[1]]),
    (["show"], "Objectives", lambda cli: ["sovereignty_jurisdiction", "legal_position_against_bundling", "0.136"]),
    (["show", "--lang", "zh"], "目标", lambda cli: ["国家主权与属人管辖", "legal_position_against_bundling"]),
    (["compare-methods"], "Rank under each method", _compare_facts),
    (["compare-methods", "--lang", "zh"], "各方法下的名次", _compare_facts),
    (["methods"], "Aggregation methods", lambda cli: ["[low, likely, high]", "[most important, next, ...]"]),
    (["sensitivity", "sweep"], "eight sweeps", lambda cli: ["sovereignty_jurisdiction", "0.1364"]),
    (["sensitivity", "stability"], "stability", lambda cli: ["0.1364", "0.0000–0.1493"]),
    (["sensitivity", "flip"], "Flip", _flip_facts),
    (["sensitivity", "tornado"], "Tornado", _tornado_facts),
    (["sensitivity", "tornado", "--lang", "zh"], "龙卷风图", lambda cli: _tornado_facts(cli)[:2]),
    (["sensitivity", "sweep", "--lang", "zh"], "权重扫描", lambda cli: ["sovereignty_jurisdiction", "0.1364"]),
    (["sensitivity", "stability", "--lang", "zh"], "权重稳定性", lambda cli: ["0.1364", "0.0000–0.1493"]),
    (["sensitivity", "flip", "--lang", "zh"], "翻转", _flip_facts),
    (["sensitivity", "smaa", "-n", "500", "--lang", "zh"], "SMAA-2", _smaa_facts),
    (["sensitivity", "scenarios", "--lang", "zh"], "各情景下的名次", lambda cli: ["#1"]),
    (["sensitivity", "smaa", "-n", "500"], "SMAA-2", _smaa_facts),
    (["sensitivity", "scenarios"], "scenario", lambda cli: ["base", "#1"]),
    (["portfolio"], "Best package", _portfolio_facts),
    (["portfolio", "--baseline", "worst", "--top", "2"], "Best package", lambda cli: ["value over", "legal_position_against_bundling"]),
    (["show", "--scores"], "Scores", lambda cli: ["sovereignty", "5-7 (6)"]),
    (["show", "--scores", "--lang", "zh"], "评分", lambda cli: ["国家主权…", "5-7 (6)"]),
    (["portfolio", "--top", "3"], "best distinct packages", lambda cli: ["3.6864", "legal_position_against_bundling"]),
    (["portfolio", "--robust"], "Candidate packages", lambda cli: ["maximin", "P1", "balanced"]),
    (["portfolio", "--core", "--samples", "200"], "Core, borderline and exterior", lambda cli: ["policy_monitoring_early_warning", "100.0%"]),
    (["portfolio", "sweep", "--resource", "budget", "--from", "5", "--to", "20", "--step", "5"], "Efficient frontier", lambda cli: ["2.4227", "+legal_position_against_bundling"]),
    (["portfolio", "--lang", "zh"], "最优措施组合", _portfolio_facts),
    (["portfolio", "--top", "3", "--lang", "zh"], "3 个最优的不同组合", lambda cli: ["3.6864", "legal_position_against_bundling"]),
    (["portfolio", "--robust", "--lang", "zh"], "候选组合", lambda cli: ["P1", "最大最小"]),
    (["portfolio", "--core", "--samples", "200", "--lang", "zh"], "核心、边缘与外围选项", lambda cli: ["policy_monitoring_early_warning", "100.0%"]),
    (["portfolio", "sweep", "--resource", "budget", "--from", "5", "--to", "20", "--step", "5", "--lang", "zh"], "有效前沿", lambda cli: ["2.4227", "+legal_position_against_bundling"]),
    (["payoffs"], "Payoff table", _payoffs_facts),
    (["payoffs", "--lang", "zh"], "收益表", lambda cli: _payoffs_facts(cli)),
    (["game"], "repatriation_linkage", _game_facts),
    (["game", "--lang", "zh"], "repatriation_linkage", _game_facts),
    (["negotiate"], "Walk-away", _negotiate_facts),
    (["negotiate", "--lang", "zh"], "底线", _negotiate_facts),
    (["ahp", "example:methods_demo"], "AHP profile", lambda cli: ["0.433", "CR 0.0038"]),
    (["analysts", "example:methods_demo"], "disagree most", lambda cli: ["0.7064", "talks"]),
]


def _unwrapped(text: str) -> str:
    """The output with each line's table rules and padding removed, lines joined by spaces."""
    return " ".join(re.sub(r"[│┃║|]", " ", line).strip() for line in text.splitlines())


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args,title,facts", COMMANDS, ids=[" ".join(c[0]) for c in COMMANDS])
def test_command_reads_in_a_plain_terminal(cli, monkeypatch, args, title, facts, width):
    key = " ".join(args)
    if key not in _FACTS:  # from the JSON, once per command (the two widths share it)
        _FACTS[key] = facts(cli)
    expected = _FACTS[key]
    monkeypatch.setenv("COLUMNS", str(width))
    r = cli(*args)
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines, "no output"
    too_wide = [line for line in lines if cell_len(line) > width]
    assert not too_wide, f"{len(too_wide)} lines wider than {width}: {too_wide[:2]}"
    assert "\x1b[" not in r.stdout  # no colour codes when piped / NO_COLOR
    assert not CUT_NUMBER.findall(r.stdout), CUT_NUMBER.findall(r.stdout)[:3]
    assert title in r.stdout
    if width == 80 and key not in CUTS_IDS:
        # In the bundled case no cell is cut: ids break after an underscore, Chinese labels fold.
        cut_cells = [line for line in lines if line.startswith(("│", "┃")) and "…" in line]
        assert not cut_cells, cut_cells[:3]
    if width == 80:
        # Titles are short enough for one line: a centred line just above another centred line
        # just above a table's top rule is a title that wrapped.
        wrapped = [
            (lines[i - 2].strip(), lines[i - 1].strip()) for i, line in enumerate(lines)
            if line.startswith("┏") and i >= 2 and all(x.startswith("  ") and x.strip() for x in (lines[i - 2], lines[i - 1]))
        ]
        assert not wrapped, wrapped
        if args[0] in ("rank", "compare-methods", "methods", "sensitivity", "payoffs", "game"):
            # These open with their first table: its title is line 1, its top rule line 2.
            assert lines[1].startswith("┏"), lines[:3]
    # Each fact appears whole on one line (a number or id split over two lines would not).
    missing = [fact for fact in expected if not any(fact in line for line in lines)]
    assert not missing, f"not found whole on any line: {missing}"


@pytest.mark.parametrize("width", WIDTHS)
def test_no_column_is_squeezed_to_nothing(cli, monkeypatch, width):
    # The payoffs decision-rules table used to squeeze its first column to zero cells at 80.
    monkeypatch.setenv("COLUMNS", str(width))
    out = cli("payoffs").stdout
    for line in out.splitlines():
        assert "┃┃" not in line and "││" not in line and "┏┳" not in line, line


def test_rank_bar_reads_without_colour(cli, monkeypatch):
    """Without colour the contribution bar's cells are the objectives' key letters, keyed in the caption."""
    monkeypatch.setenv("COLUMNS", "80")
    d = _json(cli, "rank")
    out = cli("rank").stdout
    keys = objective_keys(d["weights"])
    assert "bar: each objective's contribution" in out
    for objective, key in keys.items():
        assert f"{key} {objective}" in out
    top = d["ranking"][0]
    letters = [line for line in out.splitlines() if top["option"] in line or f"{top['score']:.4f}" in line]
    assert any(re.search(r"A{2,}B+", line) for line in letters), letters[:3]


def test_rank_keeps_its_coloured_bar_and_legend_when_wide():
    from negotiator.ranking import api
    from negotiator.case.catalog import load_case
    from negotiator.render.tables import ranking_table
    from negotiator.render.termfit import Layout

    result = api.rank(load_case(None))
    con = Console(width=140, force_terminal=True, color_system="truecolor", record=True)
    con.print(ranking_table(result, layout=Layout(140, plain=False)))
    text = con.export_text()
    assert "█" in text and "■ sovereignty_jurisdiction" in text and "overall value" in text and "family" in text
    assert "bar: each objective's contribution" not in text  # the key letters are only for plain text


def test_smaa_bar_reads_without_colour(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("sensitivity", "smaa", "-n", "500", "-q").stdout
    assert "bars: each cell is a rank (1 = first)" in out
    bars = [line.split("│")[-2].strip() for line in out.splitlines() if line.startswith("│") and line.count("│") == 6]
    assert bars and all(set(b) <= set("123456789·") for b in bars if b), bars[:3]


def test_tornado_marks_a_lost_lead_without_colour(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("sensitivity", "tornado", "-q").stdout
    assert "░ = the lead is lost there" in out and "░" in out.split("└")[0]


def test_titles_are_one_line_at_80_columns(cli, monkeypatch):
    """Short titles, detail in the caption: the flip and tornado titles used to wrap over three lines."""
    monkeypatch.setenv("COLUMNS", "80")
    for args, first_words in ((["sensitivity", "flip"], "Flip:"), (["sensitivity", "tornado"], "Tornado:")):
        lines = cli(*args, "-q").stdout.splitlines()
        assert lines[0].strip().startswith(first_words) and lines[1].startswith("┏"), lines[:3]
    out = cli("sensitivity", "flip", "-q").stdout
    assert "now first: policy_monitoring_early_warning" in out and "dist. = L1" in out


def test_payoff_scenarios_are_keyed_at_80_columns(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("payoffs").stdout
    scenarios = _json(cli, "payoffs")["scenarios"]
    for k, s in enumerate(scenarios, 1):
        assert f"S{k} = " in out and f"({s['id']})" in _unwrapped(out)


# -- the helpers ------------------------------------------------------------------------


def test_cut_counts_chinese_characters_as_two_cells():
    assert cut("policy_monitoring", 8) == "policy_…" and cell_len(cut("policy_monitoring", 8)) == 8
    assert cut("国家主权与属人管辖", 7) == "国家主…" and cell_len(cut("国家主权与属人管辖", 7)) == 7
    assert cut("short", 10) == "short"


def test_level_bar_uses_eighth_blocks():
    assert level_bar(1.0, 1.0, 10) == "█" * 10
    assert level_bar(0.5, 1.0, 3) == "█▌"  # 1.5 cells
    assert level_bar(0.0, 1.0, 10) == "" and level_bar(2.0, 0.0, 10) == ""


def test_lettered_bar_length_is_faithful_to_the_total():
    # Many small parts: each rounds to zero alone, cumulative rounding keeps the total length.
    parts = {f"o{i}": 0.05 for i in range(10)}
    keys = objective_keys(parts)
    bar = lettered_bar(parts, keys, 1.0, 20).plain
    assert len(bar) == 10 and bar[0] == "A" and bar[-1] == "J"


def test_key_caption_breaks_at_the_width():
    keys = objective_keys([f"objective_number_{i}" for i in range(8)])
    lines = key_caption(keys, width=40).splitlines()
    assert len(lines) > 1 and all(cell_len(line) <= 40 for line in lines)


def test_wrap_id_breaks_after_underscores():
    assert wrap_id("policy_monitoring_early_warning", 20) == "policy_monitoring_\nearly_warning"
    assert wrap_id("short_id", 20) == "short_id"
    assert all(len(line) <= 6 for line in wrap_id("abcdefghijk_x", 6).splitlines())
