"""The whole conflict analysis of one case entry: what `negotiator conflict`, the memo and the TUI show.

Data in (a loaded case and the user's choices), data out (a frozen
:class:`ConflictAnalysis`; message keys, never sentences). Everything a reader sees
is computed here once, so the terminal, the memo and the TUI cannot disagree.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from negotiator._version import __version__
from negotiator.case.conflict_states import StateSpace, build_states
from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

from .coalitions import CoalitionResult, coalition_stability
from .inverse import InverseResult, make_equilibrium
from .paths import StatusQuoPath, status_quo_paths
from .preferences import preference_values
from .stability import CONCEPTS, StabilityResult, Verdict, stability

__all__ = ["ALL_CONCEPTS", "ConflictAnalysis", "Threat", "analyse_conflict", "pick_conflict", "parse_state"]

#: Unilateral concepts, then the coalition ones, in the order tables show them.
ALL_CONCEPTS = CONCEPTS + ("cnash", "cseq")
CREDIBLE_CONCEPTS = ("nash", "seq", "cnash", "cseq")
#: Above this many states the threat summary (a sanction search per improvement) is not built.
MAX_THREAT_STATES = 512
METHOD = "Graph Model for Conflict Resolution: Nash, GMR, SMR, SEQ (Fang, Hipel & Kilgour 1993); coalition Nash and SEQ; matrix form (Xu et al. 2018)"


@dataclass(frozen=True)
class Threat:
    """One kind of sanction, across the equilibria it holds in place: the DMs in ``by`` change
    options (``takes`` up, ``drops``) to deter ``against`` from an improvement.

    ``credible_at``: equilibria (GMR) where this answer pays the DMs carrying it out (SEQ);
    ``threat_at``: equilibria where it is the only answer and carrying it out would cost them.
    """

    by: tuple[str, ...]
    against: str
    takes: tuple[str, ...]
    drops: tuple[str, ...]
    credible_at: tuple[int, ...]
    threat_at: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.credible_at) + len(self.threat_at)

    def to_dict(self) -> dict:
        return {
            "by": list(self.by), "against": self.against, "takes": list(self.takes), "drops": list(self.drops),
            "credible_at": list(self.credible_at), "threat_at": list(self.threat_at),
        }


@dataclass(frozen=True, eq=False)
class ConflictAnalysis:
    """Stability, coalitions, the way from the status quo and (if asked) what would have to change."""

    conflict_id: str
    conflict: object  # negotiator.case.conflicts.Conflict
    space: StateSpace
    values: np.ndarray
    stability: StabilityResult
    coalitions: CoalitionResult
    status_quo: int | None
    concepts: tuple[str, ...]  # the concepts the reader asked about (all by default)
    paths: tuple[StatusQuoPath, ...]  # unilateral improvements, to each shown equilibrium
    coalition_paths: tuple[StatusQuoPath, ...]  # coalition moves allowed
    target: InverseResult | None
    provenance: dict

    # -- questions the renderers ask ----------------------------------------------------

    def equilibria(self, concept: str) -> tuple[int, ...]:
        if concept in CONCEPTS:
            return self.stability.equilibria(concept)
        return self.coalitions.equilibria(concept)

    def is_stable(self, dm: str, state: int, concept: str) -> bool:
        table = self.stability.stable if concept in CONCEPTS else self.coalitions.stable
        return bool(table[concept][self.space.dm_index(dm), state])

    def unstable_for(self, state: int, concept: str) -> tuple[str, ...]:
        """The DMs who would move away from ``state`` under ``concept`` (empty: an equilibrium)."""
        return tuple(dm for dm in self.space.dm_ids if not self.is_stable(dm, state, concept))

    @property
    def listed_concepts(self) -> tuple[str, ...]:
        """The concepts whose equilibria are listed: those asked for, or by default the ones a reader
        can rely on (Nash, SEQ and the coalition forms); GMR- and SMR-only equilibria, held by
        threats alone, are then counted in the findings instead of filling the table."""
        return CREDIBLE_CONCEPTS if self.concepts == ALL_CONCEPTS else self.concepts

    def shown_states(self) -> tuple[int, ...]:
        """The status quo and every equilibrium under the listed concepts, in state order."""
        out = {s for c in self.listed_concepts for s in self.equilibria(c)}
        if self.status_quo is not None:
            out.add(self.status_quo)
        return tuple(sorted(out))

    def held_by_threats(self) -> tuple[int, ...]:
        """Equilibria under GMR that are not under SEQ: kept in place only by sanctions that
        would hurt whoever carried them out."""
        seq = set(self.equilibria("seq"))
        return tuple(s for s in self.equilibria("gmr") if s not in seq)

    @cached_property
    def threats(self) -> tuple[Threat, ...]:
        """Every sanction that holds a GMR equilibrium in place, grouped by what it does and to whom.

        For each equilibrium under GMR, each DM and each of its improvements, the answer is
        the first credible sanction (SEQ) if there is one, else the first sanction of any kind
        (GMR: only a threat). Most used first. Empty above :data:`MAX_THREAT_STATES` states.
        """
        if self.space.n_states > MAX_THREAT_STATES:
            return ()
        groups: dict[tuple, tuple[set, set]] = {}
        for s in self.equilibria("gmr"):
            for dm in self.space.dm_ids:
                seq = self.verdict(dm, s, "seq", max_sanctions=1)
                if not seq.improvements:
                    continue
                gmr = {d.improvement: d for d in self.verdict(dm, s, "gmr", max_sanctions=1).improvements}
                for d in seq.improvements:
                    best = d if d.deterred else gmr[d.improvement]
                    if not best.deterred:
                        continue
                    sanction = best.sanctions[0]
                    was, now = set(self.space.taken(d.improvement)), set(self.space.taken(sanction.state))
                    key = (
                        tuple(x for x in self.space.dm_ids if x in {m.dm for m in sanction.moves}), dm,
                        tuple(o for o in self.space.option_ids if o in now - was),
                        tuple(o for o in self.space.option_ids if o in was - now),
                    )
                    credible, threat = groups.setdefault(key, (set(), set()))
                    (credible if sanction.credible else threat).add(s)
        out = [Threat(*key, tuple(sorted(c)), tuple(sorted(t - c))) for key, (c, t) in groups.items()]
        return tuple(sorted(out, key=lambda t: (-t.count, -len(t.credible_at), t.by, t.takes, t.drops)))

    def verdict(self, dm: str, state: int, concept: str, max_sanctions: int | None = 1) -> Verdict:
        return self.stability.verdict(dm, state, concept, max_sanctions)

    def status_quo_verdicts(self, max_sanctions: int | None = 1) -> tuple[Verdict, ...]:
        if self.status_quo is None:
            return ()
        return tuple(self.verdict(dm, self.status_quo, c, max_sanctions) for c in self.concepts if c in CONCEPTS for dm in self.space.dm_ids)

    def to_dict(self) -> dict:
        sq = self.status_quo
        return {
            "conflict": self.conflict_id,
            "label": self.conflict.label,
            "judgment": self.conflict.judgment,
            "concepts": list(self.concepts),
            "listed_concepts": list(self.listed_concepts),
            "options": [
                {"id": o, "dm": self.space.dm_ids[self.space.owner[k]]} for k, o in enumerate(self.space.option_ids)
            ],
            "status_quo": None if sq is None else {"state": sq, "taken": list(self.space.taken(sq))},
            "equilibria": {c: list(self.equilibria(c)) for c in self.concepts},
            "held_by_threats": list(self.held_by_threats()),
            "threats": [t.to_dict() for t in self.threats],
            "states": [
                {
                    "state": s,
                    "taken": list(self.space.taken(s)),
                    "unstable_for": {c: list(self.unstable_for(s, c)) for c in self.concepts},
                }
                for s in self.shown_states()
            ],
            "status_quo_verdicts": [v.to_dict() for v in self.status_quo_verdicts(max_sanctions=3)],
            "paths": [p.to_dict() for p in self.paths],
            "coalition_paths": [p.to_dict() for p in self.coalition_paths],
            "target": None if self.target is None else self.target.to_dict(),
            "stability": self.stability.to_dict(details=False),
            "coalitions": self.coalitions.to_dict(),
            "provenance": self.provenance,
        }


# -- the user's choices ---------------------------------------------------------------


def pick_conflict(case, conflict_id: str | None) -> str:
    """The id of the conflict to analyse: the one named, or the case's first."""
    if not case.conflicts:
        raise UsageError(Problem(
            Message("pc_no_conflict"),
            hint=Message("pc_no_conflict_hint"),
        ))
    if conflict_id is None:
        return next(iter(case.conflicts))
    if conflict_id not in case.conflicts:
        close = difflib.get_close_matches(conflict_id, list(case.conflicts), n=1, cutoff=0.5)
        names = ", ".join(case.conflicts)
        hint = Message("pc_conflicts_near_hint", near=close[0], names=names) if close else Message("pc_conflicts_hint", names=names)
        raise UsageError(Problem(Message("pc_unknown_conflict", conflict=conflict_id), hint=hint))
    return conflict_id


def parse_state(space: StateSpace, text: str | None) -> int | None:
    """A state the user names by the options taken, comma-separated ('cn_flights,us_fugitives';
    'none' or '' for the state where no option is taken)."""
    if text is None:
        return None
    names = [t.strip() for t in text.split(",") if t.strip() and t.strip().lower() != "none"]
    unknown = [n for n in names if n not in space.option_ids]
    if unknown:
        close = [m for n in unknown for m in difflib.get_close_matches(n, space.option_ids, n=1, cutoff=0.6)]
        names = ", ".join(space.option_ids)
        hint = Message("pc_options_near_hint", near=", ".join(close), names=names) if close else Message("pc_options_hint", names=names)
        raise UsageError(Problem(Message("pc_target_unknown", options=", ".join(unknown)), hint=hint))
    s = space.find(names)
    if s is None:
        raise UsageError(Problem(
            Message("pc_no_state", options=", ".join(names)) if names else Message("pc_no_state_empty"),
            hint=Message("pc_no_state_hint"),
        ))
    return s


def _concepts(concept: str | None) -> tuple[str, ...]:
    if concept is None or concept == "all":
        return ALL_CONCEPTS
    wanted = tuple(c.strip().lower() for c in concept.split(",") if c.strip())
    bad = [c for c in wanted if c not in ALL_CONCEPTS]
    if bad or not wanted:
        raise UsageError(Problem(Message("pc_unknown_concept", concept=", ".join(bad) or concept), hint=Message("pc_concepts_hint", names=", ".join(ALL_CONCEPTS))))
    return wanted


# -- the whole analysis ----------------------------------------------------------------


def analyse_conflict(loaded, conflict: str | None = None, concept: str | None = None, target: str | None = None, target_concept: str = "seq") -> ConflictAnalysis:
    """Analyse one conflict of a loaded case (the first when ``conflict`` is None)."""
    case = loaded.case
    cid = pick_conflict(case, conflict)
    spec = case.conflicts[cid]
    concepts = _concepts(concept)
    if target_concept not in CONCEPTS:
        raise UsageError(Problem(Message("pc_unknown_target_concept", concept=target_concept), hint=Message("err_use_one_of", choices=", ".join(CONCEPTS))))
    space = build_states(spec)
    target_state = parse_state(space, target)  # bad input fails before any solving
    values = preference_values(spec, space)
    result = stability(space, values)
    coalitions = coalition_stability(space, values)
    sq = space.find(spec.status_quo) if spec.status_quo is not None else None
    shown = sorted({s for c in concepts for s in (result.equilibria(c) if c in CONCEPTS else coalitions.equilibria(c))})  # paths to every equilibrium asked about
    paths = status_quo_paths(space, values, sq, shown) if sq is not None else ()
    coalition_paths = status_quo_paths(space, values, sq, shown, coalitions=True) if sq is not None else ()
    inverse = make_equilibrium(space, values, target_state, target_concept) if target_state is not None else None
    prov = {
        "case": loaded.name,
        "case_sha256": loaded.sha256,
        "version": __version__,
        "conflict": cid,
        "method": METHOD,
        "states": space.n_states,
        "preferences": {dm: ("ranking" if d.preferences.ranking is not None else "prioritisation") for dm, d in spec.decision_makers.items()},
        "seed": None,  # nothing here is random
        "note": spec.judgment or JUDGMENT_NOTE,
    }
    return ConflictAnalysis(cid, spec, space, values, result, coalitions, sq, concepts, paths, coalition_paths, inverse, prov)


JUDGMENT_NOTE = "options, feasibility and preference orders are analyst judgments, not facts"
