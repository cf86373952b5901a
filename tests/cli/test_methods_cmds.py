"""Every method and every weight form runs from the CLI, on the bundled case and on a case using all features."""

from __future__ import annotations

import json

import pytest

DEMO = "example:methods_demo"
METHODS = ["additive", "topsis", "promethee", "vikor", "electre"]
PROFILES = ["numbers", "order", "rank_sum", "swing", "ahp", "tree"]


def test_each_method_on_the_bundled_case(cli):
    from negotiator.ranking.api import rank
    from negotiator.case.catalog import load_case

    bundled = load_case(None)  # loading is the slow part: once
    for method in METHODS:
        r = rank(bundled, method=method)
        ranks = [row.rank for row in r.rows]
        assert r.provenance.method == method and len(r.rows) >= 10
        assert ranks == sorted(ranks) and ranks[0] == 1
    out = cli("rank", "--method", "promethee", "--format", "json")
    assert out.exit_code == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["method"] == "promethee" and data["case"] == "bundled"


@pytest.mark.parametrize("profile", PROFILES)
def test_each_weight_form_with_every_method_on_the_demo_case(cli, profile):
    from negotiator.ranking.api import rank
    from negotiator.case.catalog import load_case

    loaded = load_case(DEMO)
    for method in METHODS:
        r = rank(loaded, profile=profile, method=method)
        assert abs(sum(r.provenance.weights.values()) - 1) < 1e-12
        assert len(r.rows) == 5 and r.provenance.profile == profile
    out = cli("rank", DEMO, "--profile", profile, "--method", METHODS[len(profile) % 5], "--format", "json")
    assert out.exit_code == 0, out.stderr
    assert json.loads(out.stdout)["profile"] == profile


def test_demo_case_validates_and_shows(cli):
    v = cli("validate", DEMO)
    assert v.exit_code == 0 and "ok" in v.stdout, v.stderr
    s = cli("show", DEMO)
    assert s.exit_code == 0 and "swing" in s.stdout and "ahp" in s.stdout


def test_compare_and_analysts_on_the_demo_case(cli):
    c = cli("compare-methods", DEMO, "--profile", "ahp", "--format", "json")
    assert c.exit_code == 0, c.stderr
    assert json.loads(c.stdout)["methods"] == METHODS
    a = cli("analysts", DEMO, "--method", "promethee")
    assert a.exit_code == 0, a.stderr
    assert "talks" in a.stdout and "geometric mean" in a.stdout


def test_unknown_method_exit_2(cli):
    r = cli("rank", "--method", "borda")
    assert r.exit_code == 2 and "unknown method 'borda'" in r.stderr and "additive, topsis, promethee, vikor, electre" in r.stderr
