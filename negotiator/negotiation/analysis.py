"""The negotiation analysis: agreement zone, efficient packages, bargaining solutions,
a staff proposal, and issue linkage. Pure functions; the CLI only formats the result.

"Negotiated separately" (for ``link``): each linked issue is settled in its own
talk, where either side can veto any level that leaves it worse off *on that
issue* than the issue's status quo (the level that stands if that talk fails).
So on a separately negotiated issue only the levels both sides weakly prefer to
the status quo can be agreed, and no concession there can be paid for on
another issue. The other issues stay one package in both conditions, and the
whole deal must still beat each side's walk-away value. "As one package"
(linked) lifts the veto: any level of the linked issues can be agreed, so a
side can give ground on one issue in return for gains on another (logrolling,
Raiffa 1982, Part III). Linkage can therefore never shrink the set of
possible agreements; the analysis measures by how much it enlarges it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from negotiator.messages import Message
from negotiator._version import __version__
from negotiator.errors import Problem, UsageError
from negotiator.negotiation.agenda import Agenda, Package, build_agenda, parse_package
from negotiator.negotiation.bargaining import HullSolution, in_zone, ks_discrete, ks_on_hull, nash_discrete, nash_on_hull
from negotiator.negotiation.batna import Batna, resolve_batnas
import negotiator.solvers as solvers
from negotiator.negotiation.frontier import RESOLUTION, FrontierPoint, dominates, efficient_packages

__all__ = [
    "JUDGMENT_NOTE",
    "Solution",
    "Outcome",
    "Proposal",
    "Linkage",
    "NegotiationAnalysis",
    "resolve_negotiation_id",
    "solve_agenda",
    "evaluate_proposal",
    "compare_linkage",
    "analyse_negotiation",
]

JUDGMENT_NOTE = "issue values, weights and walk-away (BATNA) values are analyst judgments, not facts"
TOL = 1e-9


@dataclass(frozen=True)
class Solution:
    rule: str  # "nash" or "kalai_smorodinsky"
    setting: str  # "packages" (a package) or "lotteries" (a mix of at most two packages)
    utilities: tuple[float, float]
    gains: tuple[float, float]
    #: ((package, probability), ...): one package with probability 1 in the "packages" setting.
    lottery: tuple[tuple[Package, float], ...]

    @property
    def package(self) -> Package | None:
        return self.lottery[0][0] if len(self.lottery) == 1 else None


@dataclass(frozen=True)
class Outcome:
    """What one way of negotiating the agenda can produce."""

    frontier: list[FrontierPoint]
    batna: tuple[float, float]
    allowed: tuple[tuple[int, ...], ...]
    packages_possible: int
    best_possible: tuple[float, float]
    zone: list[int]  # indices into frontier
    ideal: tuple[float, float] | None
    nash: Solution | None
    kalai_smorodinsky: Solution | None
    nash_lottery: Solution | None
    kalai_smorodinsky_lottery: Solution | None
    closest: int | None  # frontier point with the smallest larger shortfall (when there is no zone)
    no_zone_reason: str | None

    @property
    def zone_exists(self) -> bool:
        return bool(self.zone)

    @property
    def best_joint(self) -> float | None:
        """Largest u1 + u2 over the zone (None when there is no zone)."""
        return max((sum(self.frontier[k].utilities) for k in self.zone), default=None)


@dataclass(frozen=True)
class Proposal:
    package: Package
    utilities: tuple[float, float]
    margins: tuple[float, float]  # utility minus walk-away value (negative: short of it)
    in_zone: bool
    efficient: bool
    dominated_by: list[int]  # frontier indices of packages at least as good for both, better for one
    improvement: int | None  # the one we suggest (see evaluate_proposal)
    improvement_strict: bool  # better for both, not just for one
    contributions: tuple[tuple[float, ...], tuple[float, ...]]  # per party, per issue: weight x value


@dataclass(frozen=True)
class Linkage:
    issues: tuple[str, ...]
    acceptable: dict[str, tuple[str, ...]]  # issue -> levels both accept on that issue alone
    separate: Outcome
    linked: Outcome
    #: rule -> (gain party 1, gain party 2): linked solution minus separate solution
    #: (a side with no agreement gets its walk-away value).
    gains: dict[str, tuple[float, float]]


@dataclass
class NegotiationAnalysis:
    agenda: Agenda
    batnas: tuple[Batna, Batna]
    outcome: Outcome
    provenance: dict
    proposal: Proposal | None = None
    linkage: Linkage | None = None
    warnings: list[str] = field(default_factory=list)
    #: Today's package (every issue at its status quo) and its utilities, when every issue has one.
    status_quo: tuple[Package, tuple[float, float]] | None = None


# -- selection ----------------------------------------------------------------


def resolve_negotiation_id(case, negotiation: str | None) -> str:
    if not case.negotiations:
        raise UsageError(Problem("the case has no negotiation agenda (no `negotiations:` section)", hint="add a negotiations: section (see docs/negotiation.md), or run without CASE for the bundled agenda"))
    if negotiation is None:
        return next(iter(case.negotiations))
    if negotiation not in case.negotiations:
        raise UsageError(Problem(f"unknown negotiation '{negotiation}'", hint="use one of: " + ", ".join(case.negotiations)))
    return negotiation


# -- one way of negotiating -----------------------------------------------------


def _solution(rule: str, setting: str, frontier: Sequence[FrontierPoint], d: tuple[float, float], lottery) -> Solution:
    pairs = tuple((frontier[k].package, p) for k, p in lottery)
    u = (sum(p * frontier[k].utilities[0] for k, p in lottery), sum(p * frontier[k].utilities[1] for k, p in lottery))
    if len(lottery) == 1:
        u = frontier[lottery[0][0]].utilities
    return Solution(rule, setting, u, (u[0] - d[0], u[1] - d[1]), pairs)


def solve_agenda(agenda: Agenda, d: tuple[float, float], allowed: Sequence[Sequence[int]] | None = None) -> Outcome:
    """Frontier (AUGMECON), zone, and the four bargaining solutions relative to walk-aways ``d``."""
    allowed_t = tuple(tuple(a) for a in (allowed if allowed is not None else agenda.all_levels()))
    frontier = efficient_packages(agenda, allowed_t)
    pts = [p.utilities for p in frontier]
    zone = [k for k, u in enumerate(pts) if in_zone(u, d)]
    best_possible = (max(u[0] for u in pts), max(u[1] for u in pts))
    ideal = (max(pts[k][0] for k in zone), max(pts[k][1] for k in zone)) if zone else None
    nash = ks = nash_h = ks_h = None
    if zone:
        k = nash_discrete(pts, d)
        nash = _solution("nash", "packages", frontier, d, ((k, 1.0),))
        k = ks_discrete(pts, d)
        ks = _solution("kalai_smorodinsky", "packages", frontier, d, ((k, 1.0),))
    hn: HullSolution | None = nash_on_hull(pts, d)
    hk: HullSolution | None = ks_on_hull(pts, d)
    if hn is not None:
        nash_h = _solution("nash", "lotteries", frontier, d, hn.lottery)
    if hk is not None:
        ks_h = _solution("kalai_smorodinsky", "lotteries", frontier, d, hk.lottery)
    closest = None
    reason = None
    if not zone:
        closest = min(range(len(pts)), key=lambda k: (max(d[0] - pts[k][0], d[1] - pts[k][1]), k))
        reason = _no_zone_reason(agenda, d, best_possible, frontier[closest])
        if nash_h is not None:
            reason += " A lottery between two packages (or taking turns) would reach both walk-away values: see the lottery solutions."
    return Outcome(frontier, d, allowed_t, agenda.package_size(allowed_t), best_possible, zone, ideal, nash, ks, nash_h, ks_h, closest, reason)


def _no_zone_reason(agenda: Agenda, d, best_possible, closest: FrontierPoint) -> str:
    names = agenda.party_labels
    out_of_reach = [p for p in range(2) if d[p] > best_possible[p] + TOL]
    if out_of_reach:
        parts = [f"{names[p]}'s walk-away value {d[p]:.4g} is above the most any package gives it ({best_possible[p]:.4g})" for p in out_of_reach]
        return "No agreement zone: " + "; ".join(parts) + ". It prefers no deal to every package on this agenda."
    short = [f"{names[p]} {d[p] - closest.utilities[p]:.4g} short" for p in range(2) if closest.utilities[p] < d[p] - TOL]
    levels = ", ".join(f"{iid}={lv}" for iid, lv in agenda.named(closest.package).items())
    return (
        "No agreement zone: some package reaches each side's walk-away value, but none reaches both at once. "
        f"The closest ({levels}) leaves " + " and ".join(short) + "."
    )


# -- a staff proposal -----------------------------------------------------------


def evaluate_proposal(agenda: Agenda, outcome: Outcome, package: Package) -> Proposal:
    """How a proposed package stands against the walk-aways, and the efficient package that improves it.

    The suggested improvement is, among the efficient packages that are at least
    as good for both sides (preferring those that also beat both walk-aways),
    the one with the largest product of gains over the proposal: the Nash
    solution with the proposal as the starting point.
    """
    d = outcome.batna
    u = agenda.utilities(package)
    pts = [p.utilities for p in outcome.frontier]
    dom = [k for k, v in enumerate(pts) if dominates(v, u)]
    pool = [k for k in dom if in_zone(pts[k], d)] or dom
    improvement = None
    strict = False
    if pool:
        def key(k):
            g = (pts[k][0] - u[0], pts[k][1] - u[1])
            return (max(g[0], 0.0) * max(g[1], 0.0), g[0] + g[1], -k)
        improvement = max(pool, key=key)
        g = (pts[improvement][0] - u[0], pts[improvement][1] - u[1])
        strict = g[0] > TOL and g[1] > TOL
    contributions = tuple(tuple(agenda.weights[p][i] * agenda.values[p][i][package[i]] for i in range(len(agenda.issues))) for p in range(2))
    return Proposal(package, u, (u[0] - d[0], u[1] - d[1]), in_zone(u, d), not dom, dom, improvement, strict, contributions)  # type: ignore[arg-type]


# -- linkage ---------------------------------------------------------------------


def acceptable_levels(agenda: Agenda, issue: int) -> tuple[int, ...]:
    """Levels of one issue that neither side would veto on that issue alone (vs its status quo)."""
    sq = agenda.status_quo[issue]
    if sq is None:
        iid = agenda.issues[issue]
        raise UsageError(Problem(
            f"issue '{iid}' has no status_quo level, so 'negotiated separately' is undefined for it",
            hint=f"add `status_quo: <level>` under negotiations.{agenda.id}.issues.{iid} (the level that stands if the talk on it fails)",
        ))
    vals = [agenda.values[p][issue] for p in range(2)]
    return tuple(l for l in range(len(agenda.levels[issue])) if all(vals[p][l] >= vals[p][sq] - TOL for p in range(2)))


def _parse_link(agenda: Agenda, link: Sequence[str] | str) -> list[int]:
    names = [s.strip() for s in (link.split(",") if isinstance(link, str) else link) if s.strip()]
    if len(names) < 2:
        raise UsageError(Problem(f"--link needs at least two issues, got {len(names)}", hint="write e.g. --link " + ",".join(agenda.issues[:2])))
    idx = [agenda.issue_index(n) for n in names]
    if len(set(idx)) != len(idx):
        raise UsageError(Problem("an issue is named twice in --link", hint="name each issue once"))
    return idx


def compare_linkage(agenda: Agenda, linked: Outcome, link: Sequence[str] | str) -> Linkage:
    """The agenda with the ``link`` issues negotiated separately versus as one package."""
    idx = _parse_link(agenda, link)
    allowed = [tuple(range(len(lv))) for lv in agenda.levels]
    acceptable: dict[str, tuple[str, ...]] = {}
    for i in idx:
        allowed[i] = acceptable_levels(agenda, i)
        acceptable[agenda.issues[i]] = tuple(agenda.levels[i][l] for l in allowed[i])
    separate = solve_agenda(agenda, linked.batna, allowed)
    gains = {}
    for rule in ("nash", "kalai_smorodinsky", "nash_lottery", "kalai_smorodinsky_lottery"):
        a = getattr(linked, rule)
        b = getattr(separate, rule)
        ua = a.utilities if a is not None else linked.batna
        ub = b.utilities if b is not None else separate.batna
        gains[rule] = (ua[0] - ub[0], ua[1] - ub[1])
    return Linkage(tuple(agenda.issues[i] for i in idx), acceptable, separate, linked, gains)


# -- the whole analysis ----------------------------------------------------------------


def analyse_negotiation(loaded, negotiation: str | None = None, propose: str | dict | None = None, link: Sequence[str] | str | None = None) -> NegotiationAnalysis:
    """Analyse one agenda of a loaded case (the first when ``negotiation`` is None)."""
    case = loaded.case
    nid = resolve_negotiation_id(case, negotiation)
    neg = case.negotiations[nid]
    agenda = build_agenda(nid, neg)
    # Check the user's arguments before any solving: bad input fails fast.
    package = parse_package(agenda, propose) if propose is not None else None
    if link is not None:
        for i in _parse_link(agenda, link):
            acceptable_levels(agenda, i)
    batnas = resolve_batnas(loaded, neg)
    d = (batnas[0].value, batnas[1].value)
    outcome = solve_agenda(agenda, d)
    prov = {
        "case": loaded.name,
        "case_sha256": loaded.sha256,
        "version": __version__,
        "negotiation": nid,
        "method": Message("ng_method_augmecon"),
        "solver": solvers.describe(),
        "resolution": RESOLUTION,
        "utility": "additive: weighted average of each party's level values (weights normalised per party)",
        "batna": {b.party: ("derived" if b.derived else "given") for b in batnas},
        "note": JUDGMENT_NOTE,
    }
    derived = [b for b in batnas if b.derived]
    if derived:
        prov["profile"] = derived[0].profile
        prov["weights"] = derived[0].weights
    result = NegotiationAnalysis(agenda, batnas, outcome, prov, warnings=list(loaded.warnings))
    if all(sq is not None for sq in agenda.status_quo):
        today: Package = tuple(agenda.status_quo)  # type: ignore[arg-type]
        result.status_quo = (today, agenda.utilities(today))
    if package is not None:
        result.proposal = evaluate_proposal(agenda, outcome, package)
    if link is not None:
        result.linkage = compare_linkage(agenda, outcome, link)
    return result
