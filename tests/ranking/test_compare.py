"""compare-methods: rankings side by side, Kendall tau-b, biggest movers, every output format."""

from __future__ import annotations

import json

import numpy as np
import pytest

from negotiator.ranking.compare import compare_methods, kendall_tau_b


def test_kendall_tau_b_matches_scipy_with_ties():
    from scipy.stats import kendalltau

    rng = np.random.default_rng(4)
    for n in (2, 5, 17, 40):
        x, y = rng.integers(0, 4, n), rng.integers(0, 6, n)
        expected = kendalltau(x, y).statistic
        got = kendall_tau_b(x, y)
        if np.isnan(expected):
            assert got is None
        else:
            assert got == pytest.approx(expected, abs=1e-12)
    assert kendall_tau_b([1, 2, 3], [1, 2, 3]) == pytest.approx(1.0)
    assert kendall_tau_b([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert kendall_tau_b([1, 1, 1], [1, 2, 3]) is None  # everything tied: undefined, never NaN


def test_compare_on_the_tiny_case(cases_dir):
    cmp = compare_methods(cases_dir / "tiny.yaml")
    assert cmp.methods == ["additive", "topsis", "promethee", "vikor", "electre"]
    assert set(cmp.options) == {"a", "b"}  # c is screened out by the red line on risk
    assert cmp.screened_out == ["c"]
    for m in cmp.methods:
        assert sorted(cmp.ranks[m].values())[0] == 1
    assert len(cmp.tau) == 10
    for (a, b), t in cmp.tau.items():
        ra = [cmp.ranks[a][o] for o in cmp.options]
        rb = [cmp.ranks[b][o] for o in cmp.options]
        assert t == kendall_tau_b([-r for r in ra], [-r for r in rb])


def test_movers_are_the_options_whose_rank_spreads_most():
    cmp = compare_methods(None, top_movers=20)
    spreads = {o: max(cmp.ranks[m][o] for m in cmp.methods) - min(cmp.ranks[m][o] for m in cmp.methods) for o in cmp.options}
    assert [mv.spread for mv in cmp.movers] == sorted((s for s in spreads.values() if s > 0), reverse=True)
    top = cmp.movers[0]
    assert top.spread == max(spreads.values())
    assert all(cmp.ranks[m][top.option] == top.best_rank for m in top.best_under)
    assert all(cmp.ranks[m][top.option] == top.worst_rank for m in top.worst_under)


def test_identical_methods_agree_perfectly(cases_dir):
    cmp = compare_methods(None, methods=["additive", "promethee"])
    assert list(cmp.tau) == [("additive", "promethee")]
    again = compare_methods(None, methods=["additive", "promethee"])
    assert again.to_dict() == cmp.to_dict()  # deterministic


def test_cli_table_json_csv_markdown(cli):
    t = cli("compare-methods", "--top", "3")
    assert t.exit_code == 0, t.stderr
    assert "Kendall tau-b" in t.stdout and "moves most" in t.stdout and "sha256" in t.stdout
    j = cli("compare-methods", "--format", "json", "--vikor-v", "0.3")
    data = json.loads(j.stdout)
    assert data["case"] == "bundled" and len(data["case_sha256"]) == 64 and data["version"]
    assert data["method_options"]["vikor"] == {"v": 0.3} and data["method_options"]["additive"] == {}
    assert len(data["kendall_tau_b"]) == 10 and data["note"].startswith("scores are analyst judgments")
    assert all(-1 <= pair["tau"] <= 1 for pair in data["kendall_tau_b"])
    c = cli("compare-methods", "--format", "csv", "--methods", "additive,topsis")
    assert c.stdout.splitlines()[0] == "option,label,rank:additive,rank:topsis,score:additive,score:topsis"
    assert "# kendall tau-b additive vs topsis:" in c.stdout and "# case: bundled (sha256" in c.stdout
    md = cli("compare-methods", "--format", "markdown")
    assert md.stdout.startswith("| option | additive | topsis | promethee | vikor | electre | spread |")
    zh = cli("compare-methods", "--format", "markdown", "--lang", "zh")  # Markdown is for people: it follows --lang
    assert zh.stdout.startswith("| 选项 | additive | topsis | promethee | vikor | electre | 极差 |")


def test_cli_bad_input(cli):
    r = cli("compare-methods", "tests/cases/tiny.yaml", "--methods", "additive,borda")
    assert r.exit_code == 2 and "unknown method 'borda'" in r.stderr and "Traceback" not in r.stderr
    r = cli("compare-methods", "tests/cases/tiny.yaml", "--profile", "nobody")
    assert r.exit_code == 2 and "unknown weight profile 'nobody'" in r.stderr
    r = cli("compare-methods", "tests/cases/tiny.yaml", "--vikor-v", "3")
    assert r.exit_code == 2 and "VIKOR's v" in r.stderr


def test_methods_command_lists_conventions(cli):
    r = cli("methods")
    assert r.exit_code == 0
    for name in ("additive", "topsis", "promethee", "vikor", "electre", "ahp", "swing", "hierarchy"):
        assert name in r.stdout
    j = json.loads(cli("methods", "--format", "json").stdout)
    assert set(j["methods"]) == {"additive", "topsis", "promethee", "vikor", "electre"}
    assert "Hwang & Yoon" in j["methods"]["topsis"]


def test_compare_under_a_scenario(cases_dir):
    calm = compare_methods(cases_dir / "tiny.yaml", methods=["additive", "topsis"])
    storm = compare_methods(cases_dir / "tiny.yaml", methods=["additive", "topsis"], scenario="storm")
    assert storm.provenance["scenario"] == "storm" and calm.provenance["scenario"] is None
    assert storm.scores["additive"] != calm.scores["additive"]  # option a's risk changes under the storm
