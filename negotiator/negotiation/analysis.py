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
from negotiator.negotiation.bargaining import (
    HullSolution,
    beaten_by_lottery,
    discrete_maximisers,
    egalitarian_on_hull,
    hull_ideal,
    ideal_point,
    in_zone,
    ks_on_hull,
    nash_on_hull,
    utilitarian_on_hull,
)
from negotiator.negotiation.batna import Batna, resolve_batnas
import negotiator.solvers as solvers
from negotiator.negotiation.frontier import RESOLUTION, FrontierPoint, dominates, efficient_packages

__all__ = [
    "JUDGMENT_NOTE",
    "RULES",
    "SOLUTION_NAMES",
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

#: How each party's utility is made from its values (provenance, English; the terminal words it via i18n).
UTILITY_WORDS = {
    "weighted_average": "additive: weighted average of each party's level values (weights normalised per party)",
    "sum": "additive: sum of each party's level values, issue by issue (weights as given, 1 when missing; not normalised)",
}
JUDGMENT_NOTE = "issue values, weights and walk-away (BATNA) values are analyst judgments, not facts"
TOL = 1e-9


#: The bargaining rules, in the order every output lists them.
RULES = ("nash", "kalai_smorodinsky", "egalitarian", "utilitarian")
#: Attribute names on an Outcome: each rule over packages, then over lotteries.
SOLUTION_NAMES = RULES + tuple(f"{r}_lottery" for r in RULES)


@dataclass(frozen=True)
class Solution:
    rule: str  # "nash", "kalai_smorodinsky", "egalitarian" or "utilitarian"
    setting: str  # "packages" (a package) or "lotteries" (a mix of at most two packages)
    utilities: tuple[float, float]
    gains: tuple[float, float]
    #: ((package, probability), ...): one package with probability 1 in the "packages" setting.
    lottery: tuple[tuple[Package, float], ...]
    #: Every maximiser, this one first: each a lottery as above (one package each over packages;
    #: the ends of the maximising edge over lotteries, for the utilitarian rule).
    ties: tuple[tuple[tuple[Package, float], ...], ...] = ()
    #: Utilities of each tie, in the same order.
    tie_utilities: tuple[tuple[float, float], ...] = ()
    #: Per tie (packages setting): a lottery of other packages is at least as good for both, better for one.
    tie_beaten_by_lottery: tuple[bool, ...] = ()
    #: Kalai-Smorodinsky: the ideal point the shares are measured by, and whose it is
    #: ("packages": the best package in the zone for each side; "lotteries": the best lottery).
    ideal: tuple[float, float] | None = None
    ideal_kind: str | None = None
    #: Kalai-Smorodinsky when the two ideal points differ: the same setting solved with the other ideal.
    other_reading: "Solution | None" = None
    #: Over packages: the lottery solution of the same rule gives other utilities (a mix would change the answer).
    differs_from_lottery: bool = False

    @property
    def package(self) -> Package | None:
        return self.lottery[0][0] if len(self.lottery) == 1 else None

    @property
    def tied(self) -> bool:
        return len(self.ties) > 1


@dataclass(frozen=True)
class Outcome:
    """What one way of negotiating the agenda can produce."""

    frontier: list[FrontierPoint]
    batna: tuple[float, float]
    allowed: tuple[tuple[int, ...], ...]
    packages_possible: int
    best_possible: tuple[float, float]
    zone: list[int]  # indices into frontier
    ideal: tuple[float, float] | None  # over the packages in the zone
    nash: Solution | None
    kalai_smorodinsky: Solution | None
    nash_lottery: Solution | None
    kalai_smorodinsky_lottery: Solution | None
    closest: int | None  # frontier point with the smallest larger shortfall (when there is no zone)
    no_zone_reason: str | None
    #: Over the lotteries in the zone (the convex hull clipped to the zone).
    ideal_lottery: tuple[float, float] | None = None
    egalitarian: Solution | None = None
    utilitarian: Solution | None = None
    egalitarian_lottery: Solution | None = None
    utilitarian_lottery: Solution | None = None
    #: Frontier indices in the zone that a lottery of other packages beats.
    beaten_by_lottery: tuple[int, ...] = ()

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
        raise UsageError(Problem(Message("pn_no_agenda"), hint=Message("pn_no_agenda_hint")))
    if negotiation is None:
        return next(iter(case.negotiations))
    if negotiation not in case.negotiations:
        raise UsageError(Problem(Message("pn_unknown_negotiation", negotiation=negotiation), hint=Message("err_use_one_of", choices=", ".join(case.negotiations))))
    return negotiation


# -- one way of negotiating -----------------------------------------------------


def _mix(frontier: Sequence[FrontierPoint], lottery) -> tuple[float, float]:
    if len(lottery) == 1:
        return frontier[lottery[0][0]].utilities
    return (sum(p * frontier[k].utilities[0] for k, p in lottery), sum(p * frontier[k].utilities[1] for k, p in lottery))


def _solution(rule: str, setting: str, frontier: Sequence[FrontierPoint], d: tuple[float, float], lotteries, beaten=frozenset(), **extra) -> Solution:
    """A solution from its maximisers (each a lottery of frontier indices), the first named first."""
    ties = tuple(tuple((frontier[k].package, p) for k, p in lot) for lot in lotteries)
    utils = tuple(_mix(frontier, lot) for lot in lotteries)
    flags = tuple(len(lot) == 1 and lot[0][0] in beaten for lot in lotteries)
    u = utils[0]
    return Solution(rule, setting, u, (u[0] - d[0], u[1] - d[1]), ties[0], ties, utils, flags, **extra)


def _close(u, v) -> bool:
    return all(abs(a - b) <= 1e-7 * max(1.0, abs(a), abs(b)) for a, b in zip(u, v))


def solve_agenda(agenda: Agenda, d: tuple[float, float], allowed: Sequence[Sequence[int]] | None = None) -> Outcome:
    """Frontier (AUGMECON), zone, and the bargaining solutions relative to walk-aways ``d``.

    Each rule over packages lists every maximiser; Kalai-Smorodinsky names the ideal point it
    uses, and when the ideals over packages and over lotteries differ, also gives the reading
    with the other one."""
    allowed_t = tuple(tuple(a) for a in (allowed if allowed is not None else agenda.all_levels()))
    frontier = efficient_packages(agenda, allowed_t)
    pts = [p.utilities for p in frontier]
    zone = [k for k, u in enumerate(pts) if in_zone(u, d)]
    best_possible = (max(u[0] for u in pts), max(u[1] for u in pts))
    ideal = ideal_point(pts, d)
    ideal_h = hull_ideal(pts, d)
    ideals_differ = ideal is not None and ideal_h is not None and not _close(ideal, ideal_h)
    beaten = frozenset(k for k in beaten_by_lottery(pts) if k in zone)
    sols: dict[str, Solution | None] = {name: None for name in SOLUTION_NAMES}
    # Over lotteries first: the package solutions say whether a mix would change the answer.
    def hull(rule: str, ideal_for_ks=None) -> list[HullSolution]:
        if rule == "nash":
            h = nash_on_hull(pts, d)
        elif rule == "kalai_smorodinsky":
            h = ks_on_hull(pts, d, ideal_for_ks)
        elif rule == "egalitarian":
            h = egalitarian_on_hull(pts, d)
        else:
            return utilitarian_on_hull(pts, d)
        return [] if h is None else [h]

    for rule in RULES:
        hs = hull(rule)
        if hs:
            extra = {}
            if rule == "kalai_smorodinsky":
                extra = {"ideal": ideal_h, "ideal_kind": "lotteries"}
                if ideals_differ:
                    other = hull(rule, ideal)
                    if other:
                        extra["other_reading"] = _solution(rule, "lotteries", frontier, d, [other[0].lottery], ideal=ideal, ideal_kind="packages")
            sols[f"{rule}_lottery"] = _solution(rule, "lotteries", frontier, d, [h.lottery for h in hs], **extra)
    if zone:
        for rule in RULES:
            ks = discrete_maximisers(pts, d, rule)
            extra = {}
            if rule == "kalai_smorodinsky":
                extra = {"ideal": ideal, "ideal_kind": "packages"}
                if ideals_differ:
                    other = discrete_maximisers(pts, d, rule, ideal_h)
                    extra["other_reading"] = _solution(rule, "packages", frontier, d, [((k, 1.0),) for k in other], beaten, ideal=ideal_h, ideal_kind="lotteries")
            lot = sols[f"{rule}_lottery"]
            differs = lot is not None and not any(_close(pts[k], u) for k in ks for u in lot.tie_utilities)
            if rule == "utilitarian" and lot is not None:  # the lottery maximisers are a whole edge: any package on it is one
                differs = not _close((sum(pts[ks[0]]),), (sum(lot.utilities),))
            sols[rule] = _solution(rule, "packages", frontier, d, [((k, 1.0),) for k in ks], beaten, differs_from_lottery=differs, **extra)
    closest = None
    reason = None
    if not zone:
        closest = min(range(len(pts)), key=lambda k: (max(d[0] - pts[k][0], d[1] - pts[k][1]), k))
        reason = _no_zone_reason(agenda, d, best_possible, frontier[closest])
        if sols["nash_lottery"] is not None:
            reason += " A lottery between two packages (or taking turns) would reach both walk-away values: see the lottery solutions."
    return Outcome(
        frontier, d, allowed_t, agenda.package_size(allowed_t), best_possible, zone, ideal,
        sols["nash"], sols["kalai_smorodinsky"], sols["nash_lottery"], sols["kalai_smorodinsky_lottery"], closest, reason,
        ideal_lottery=ideal_h, egalitarian=sols["egalitarian"], utilitarian=sols["utilitarian"],
        egalitarian_lottery=sols["egalitarian_lottery"], utilitarian_lottery=sols["utilitarian_lottery"],
        beaten_by_lottery=tuple(sorted(beaten)),
    )


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
            Message("pn_no_status_quo", issue=iid),
            hint=Message("pn_no_status_quo_hint", negotiation=agenda.id, issue=iid),
        ))
    vals = [agenda.values[p][issue] for p in range(2)]
    return tuple(l for l in range(len(agenda.levels[issue])) if all(vals[p][l] >= vals[p][sq] - TOL for p in range(2)))


def _parse_link(agenda: Agenda, link: Sequence[str] | str) -> list[int]:
    names = [s.strip() for s in (link.split(",") if isinstance(link, str) else link) if s.strip()]
    if len(names) < 2:
        raise UsageError(Problem(Message("pn_link_two", n=len(names)), hint=Message("pn_link_two_hint", example=",".join(agenda.issues[:2]))))
    idx = [agenda.issue_index(n) for n in names]
    if len(set(idx)) != len(idx):
        raise UsageError(Problem(Message("pn_link_twice"), hint=Message("pn_link_twice_hint")))
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
    for rule in SOLUTION_NAMES:
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
    batnas = resolve_batnas(loaded, neg, nid)
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
        "utility": UTILITY_WORDS[agenda.utility_form],
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
