"""The Graph Model for Conflict Resolution (GMCR): is a threat credible?

Pure analysis core: data in (a validated ``conflicts:`` entry), data out (frozen
dataclasses with ``to_dict()``; message keys, never sentences).

    conflicts = conflicts_from_data(section)       # spec: validate a plain dict
    result = analyse(conflicts["linkage"])          # stability: Nash, GMR, SMR, SEQ
    result.equilibria("seq"); result.verdict("us", 5, "gmr")
    analysis = analyse_conflict(loaded_case)          # everything `negotiator conflict` shows
"""

from __future__ import annotations

from negotiator.case.conflicts import (
    MAX_OPTIONS,
    Conflict,
    ConflictOption,
    DecisionMaker,
    FeasibilityRule,
    Indistinguishable,
    Preferences,
    Statement,
    conflict_problems,
    conflicts_from_data,
)
from negotiator.case.conflict_statements import StatementError, evaluate_statement, parse_statement, statement_options
from negotiator.case.conflict_states import StateSpace, build_states
from .preferences import preference_values, statement_truth, tiers, values_from_prioritisation, values_from_ranking
from .reach import Reach, coalition_reach, improving_moves, legal_sequences
from .stability import CONCEPTS, Deterrence, Move, Sanction, StabilityResult, Verdict, analyse, stability
from .coalitions import CoalitionMove, CoalitionResult, coalition_improvements, coalition_stability
from .paths import StatusQuoPath, status_quo_paths
from .inverse import InverseResult, PreferenceChange, destabilise, make_equilibrium, order_steps
from .analysis import ALL_CONCEPTS, ConflictAnalysis, Threat, analyse_conflict, parse_state, pick_conflict

__all__ = [
    # spec
    "MAX_OPTIONS", "Conflict", "ConflictOption", "DecisionMaker", "FeasibilityRule", "Indistinguishable",
    "Preferences", "Statement", "conflict_problems", "conflicts_from_data",
    # statements
    "StatementError", "evaluate_statement", "parse_statement", "statement_options",
    # states and preferences
    "StateSpace", "build_states", "preference_values", "statement_truth", "tiers",
    "values_from_prioritisation", "values_from_ranking",
    # reachability
    "Reach", "coalition_reach", "improving_moves", "legal_sequences",
    # stability
    "CONCEPTS", "Deterrence", "Move", "Sanction", "StabilityResult", "Verdict", "analyse", "stability",
    # coalitions
    "CoalitionMove", "CoalitionResult", "coalition_improvements", "coalition_stability",
    # status-quo paths
    "StatusQuoPath", "status_quo_paths",
    # what would have to change
    "InverseResult", "PreferenceChange", "destabilise", "make_equilibrium", "order_steps",
    # the whole analysis of a case entry
    "ALL_CONCEPTS", "ConflictAnalysis", "Threat", "analyse_conflict", "parse_state", "pick_conflict",
]
