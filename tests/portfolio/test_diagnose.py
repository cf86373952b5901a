"""Infeasibility diagnosis: the named constraints really conflict, each one matters, and the amounts are exact.

Checks by brute force over every subset of options (cases up to 12 options):
the conflict set alone admits no package; dropping any one of its members
admits one (irreducible, Chinneck & Dravnieks 1991); a numeric member moved
by the reported amount makes the whole case feasible, and by less does not.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from negotiator.case.catalog import load_case_text
from negotiator.portfolio import SolverSettings, best_packages, diagnose, spec_rows

from tests.portfolio.test_model import CALIFORNIA, load_dict, random_case


def _any_package(options, rows) -> bool:
    return any(all(r.holds(combo) for r in rows) for k in range(len(options) + 1) for combo in itertools.combinations(options, k))


def _moved(row, amount):
    return replace(row, rhs=row.rhs + amount if row.sense == "<=" else row.rhs - amount)


def _infeasible_cases():
    """Random cases made infeasible by forcing options in and asking for many measures."""
    found = []
    for seed in range(60):
        n = 6 + seed % 6
        data = random_case(seed, n)
        ids = list(data["options"])
        data["constraints"]["count"] = [max(2, n // 2), n]
        include = ids[:2]
        result = best_packages(load_dict(data), profile="main", include=include)
        if result.status == "infeasible":
            found.append((seed, data, include))
        if len(found) == 6:
            break
    return found


INFEASIBLE = _infeasible_cases()


def test_there_are_infeasible_cases_to_check():
    assert len(INFEASIBLE) >= 5


@pytest.mark.parametrize("seed,data,include", INFEASIBLE, ids=[str(s) for s, _, _ in INFEASIBLE])
def test_conflict_set_is_infeasible_and_irreducible(seed, data, include):
    result = best_packages(load_dict(data), profile="main", include=include)
    spec = result.spec
    rows = {r.key: r for r in spec_rows(spec)}
    conflict = [rows[c.key] for c in result.diagnosis.conflict]
    assert conflict, "an infeasible case must name at least one constraint"
    assert result.diagnosis.irreducible
    assert not _any_package(spec.options, conflict)  # they really conflict
    for i in range(len(conflict)):
        rest = conflict[:i] + conflict[i + 1 :]
        assert _any_package(spec.options, rest), f"{conflict[i].key} is not needed to explain the conflict"


@pytest.mark.parametrize("seed,data,include", INFEASIBLE, ids=[str(s) for s, _, _ in INFEASIBLE])
def test_amounts_are_exact_and_alone_fixes_is_true(seed, data, include):
    result = best_packages(load_dict(data), profile="main", include=include)
    spec = result.spec
    all_rows = spec_rows(spec)
    for item in result.diagnosis.conflict:
        others = [r for r in all_rows if r.key != item.key]
        row = next(r for r in all_rows if r.key == item.key)
        if item.move is None:
            # A yes/no rule: dropping it alone fixes the case exactly when the diagnosis says so.
            assert _any_package(spec.options, others) == item.alone_fixes
            continue
        if not item.alone_fixes:
            continue
        assert _any_package(spec.options, others + [_moved(row, item.move)])  # enough
        if item.move > 1e-6:
            assert not _any_package(spec.options, others + [_moved(row, item.move - 1e-4)])  # and no more than needed


def test_removing_the_named_constraints_makes_the_case_feasible():
    # California Manufacturing with a forced LA warehouse and SF warehouse: they exclude each other.
    loaded = load_case_text(CALIFORNIA)
    result = best_packages(loaded, include=["warehouse_la", "warehouse_sf"])
    assert result.status == "infeasible"
    keys = {c.key for c in result.diagnosis.conflict}
    assert keys == {"excludes:warehouse_la|warehouse_sf", "include:warehouse_la", "include:warehouse_sf"}
    # Re-solve without one of them: feasible (the LA warehouse alone is not, it needs the LA factory: 6 + 5 > 10).
    assert best_packages(loaded, include=["warehouse_sf"]).feasible
    assert not best_packages(loaded, include=["warehouse_la"]).feasible


def test_budget_conflict_says_how_much_to_raise():
    # Forcing the LA factory and warehouse (capital 6 + 5 = 11) against capital 10: raise by 1.
    result = best_packages(load_case_text(CALIFORNIA), include=["factory_la", "warehouse_la"])
    budget = next(c for c in result.diagnosis.conflict if c.kind == "budget")
    assert budget.move == pytest.approx(1.0)
    assert budget.new_limit == pytest.approx(11.0)
    assert budget.alone_fixes
    assert "raise the cap on capital from 10 to 11 (+1)" in budget.advice


def test_count_conflict_on_the_bundled_case():
    # At least 10 measures but the usual caps: the count must come down.
    result = best_packages(None, count=(13, 15))  # at most 11 measures fit the caps
    assert result.status == "infeasible"
    kinds = {c.kind for c in result.diagnosis.conflict}
    assert "count" in kinds
    count = next(c for c in result.diagnosis.conflict if c.key == "count:min")
    assert count.move == int(count.move) and count.move >= 1
    # Lowering the minimum by the stated amount is feasible; the diagnosis says it is enough alone.
    if count.alone_fixes:
        assert best_packages(None, count=(int(count.new_limit), 15)).feasible


def test_include_of_a_red_lined_option_names_the_red_line():
    result = best_packages(None, include=["independent_investigation_push"])
    assert result.status == "infeasible"
    kinds = {c.kind for c in result.diagnosis.conflict}
    assert kinds == {"include", "red_line"}


def test_diagnosis_is_the_same_with_highs():
    loaded = load_case_text(CALIFORNIA)
    spec = best_packages(loaded, include=["factory_la", "warehouse_la"]).spec
    a = diagnose(spec, SolverSettings("cbc"))
    b = diagnose(spec, SolverSettings("highs"))
    assert [c.key for c in a.conflict] == [c.key for c in b.conflict]
    assert [c.move for c in a.conflict] == pytest.approx([c.move for c in b.conflict])
