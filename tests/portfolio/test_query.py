"""PackageQuery: the one object the package analyses, the CLI, the TUI and the memo share (portfolio/query.py)."""

from __future__ import annotations

import dataclasses

import pytest

from negotiator.portfolio import PackageQuery, as_query, best_packages, budget_sweep, core_analysis, robust_package
from negotiator.portfolio.query import single_value_spec


def test_a_query_is_frozen_and_keeps_lists_as_tuples():
    q = PackageQuery(include=["a", "b"], exclude=["c"])
    assert q.include == ("a", "b") and q.exclude == ("c",)
    assert q == PackageQuery(include=("a", "b"), exclude=("c",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.profile = "x"


def test_keyword_fields_replace_the_query_and_unknown_ones_fail():
    q = PackageQuery(profile="balanced", gap=0.01)
    assert as_query(q, gap=None) == PackageQuery(profile="balanced")
    assert as_query(None, profile="balanced") == PackageQuery(profile="balanced")
    with pytest.raises(TypeError, match="budget"):
        as_query(None, budget={"staff": 1})


def test_settings_come_from_the_query_and_are_checked():
    from negotiator.errors import UsageError

    assert PackageQuery(time_limit=3.0, gap=0.01).settings().gap == 0.01
    assert PackageQuery(gap=0.01, verbose=True).settings(gap=0.0, verbose=False).gap == 0.0
    with pytest.raises(UsageError, match="--gap"):
        PackageQuery(gap=2.0).settings()
    # No gap of its own: exact for a small case and for the K best, 0.1% for the best of a large case.
    assert PackageQuery().settings(n_options=20).gap == 0.0
    assert PackageQuery().settings(n_options=1000).gap == 0.001
    assert PackageQuery().settings(n_options=1000, top=10).gap == 0.0
    assert PackageQuery(gap=0.0).settings(n_options=1000).gap == 0.0
    assert PackageQuery(gap=0.05).settings(n_options=20, top=10).gap == 0.05


def test_a_query_and_the_same_keywords_give_the_same_package():
    q = PackageQuery(profile="low_risk", budgets={"staff": 60}, exclude=("bri_cooperation_expansion",))
    a = best_packages(None, q, top=2)
    b = best_packages(None, profile="low_risk", budgets={"staff": 60}, exclude=["bri_cooperation_expansion"], top=2)
    assert [p.selected for p in a.packages] == [p.selected for p in b.packages]
    assert a.to_dict()["budgets"] == b.to_dict()["budgets"]


def test_every_entry_point_takes_the_query():
    q = PackageQuery(profile="balanced", budgets={"staff": 80})
    best = best_packages(None, q)
    assert robust_package(None, q, across="profiles").spec.budgets["staff"] == 80
    sweep = budget_sweep(None, "staff", 80, 80, points=2, query=q)
    assert sweep.points[0].package.selected == best.selected
    core = core_analysis(None, q, samples=5, spread=0.0, uncertain_scores=False)
    assert {o.option for o in core.options if o.category == "core"} == set(best.selected)


def test_the_single_value_problem_is_built_once_for_all():
    from negotiator.case.catalog import load_case

    problem = single_value_spec(load_case(), PackageQuery(profile="balanced"), budgets={"staff": 10})
    assert problem.spec.budgets["staff"] == 10 and problem.baseline is None
    assert set(problem.spec.values()) == {row.option for row in problem.ranking.rows}


def test_core_refuses_custom_weights():
    from negotiator.errors import UsageError

    with pytest.raises(UsageError, match="custom weights"):
        core_analysis(None, PackageQuery(weights={"citizen_rights": 1.0}), samples=5)
