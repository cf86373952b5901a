"""Multi-issue negotiation between two parties (`negotiator negotiate`).

agenda.py     the case's agenda as numbers; packages; parsing --propose
frontier.py   Pareto-efficient packages by MILP (AUGMECON), enumeration as an oracle
bargaining.py Nash and Kalai-Smorodinsky solutions, over packages or lotteries
batna.py      walk-away values, given or derived from the case's scenario analysis
analysis.py   zone of possible agreement, proposals, linkage; the whole analysis
render.py     JSON/CSV/rich forms of the result (no printing)
"""

from negotiator.negotiation.agenda import Agenda, Package, build_agenda, parse_package
from negotiator.negotiation.analysis import (
    JUDGMENT_NOTE,
    Linkage,
    NegotiationAnalysis,
    Outcome,
    Proposal,
    Solution,
    analyse_negotiation,
    compare_linkage,
    evaluate_proposal,
    resolve_negotiation_id,
    solve_agenda,
)
from negotiator.negotiation.bargaining import ks_discrete, ks_on_hull, nash_discrete, nash_on_hull, upper_hull
from negotiator.negotiation.batna import Batna, resolve_batnas
from negotiator.negotiation.frontier import FrontierPoint, efficient_packages, enumerate_frontier

__all__ = [
    "Agenda",
    "Package",
    "build_agenda",
    "parse_package",
    "JUDGMENT_NOTE",
    "Linkage",
    "NegotiationAnalysis",
    "Outcome",
    "Proposal",
    "Solution",
    "analyse_negotiation",
    "compare_linkage",
    "evaluate_proposal",
    "resolve_negotiation_id",
    "solve_agenda",
    "ks_discrete",
    "ks_on_hull",
    "nash_discrete",
    "nash_on_hull",
    "upper_hull",
    "Batna",
    "resolve_batnas",
    "FrontierPoint",
    "efficient_packages",
    "enumerate_frontier",
]
