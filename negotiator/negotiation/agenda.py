"""A negotiation agenda as numbers: each party's contribution of each level of each issue.

The utility of a package (one level per issue) to a party is additive:

    U_p(package) = sum over issues i of  w_p,i * v_p,i(level_i),   with sum_i w_p,i = 1,

so it is the weighted average of the party's values and lives on the same scale
as those values (0-100 in the bundled agenda). With ``utility: sum`` the weights
are taken as given (1 when missing), so the utility is the sum of the values. ``contribution[p][i][l]`` holds
``w_p,i * v_p,i(l)``; every utility in this package is a sum of those numbers
taken in issue order, so the same package always gets the very same float.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = ["Agenda", "Package", "build_agenda", "parse_package"]

#: A package: the index of the chosen level for each issue, in agenda order.
Package = tuple[int, ...]


@dataclass(frozen=True)
class Agenda:
    id: str
    label: str
    label_zh: str | None
    parties: tuple[str, str]
    party_labels: tuple[str, str]
    party_labels_zh: tuple[str | None, str | None]
    issues: tuple[str, ...]
    issue_labels: tuple[str, ...]
    issue_labels_zh: tuple[str | None, ...]
    levels: tuple[tuple[str, ...], ...]
    level_labels: tuple[tuple[str, ...], ...]
    level_labels_zh: tuple[tuple[str | None, ...], ...]
    #: Normalised weights, weights[p][i] (each party's sum to 1).
    weights: tuple[tuple[float, ...], tuple[float, ...]]
    #: Raw values, values[p][i][l], as the case gives them.
    values: tuple[tuple[tuple[float, ...], ...], tuple[tuple[float, ...], ...]]
    #: Index of each issue's status-quo level, or None when the case gives none.
    status_quo: tuple[int | None, ...]
    #: "weighted_average" (weights normalised per party) or "sum" (weights as given, default 1).
    utility_form: str = "weighted_average"

    @property
    def contribution(self) -> tuple[tuple[tuple[float, ...], ...], ...]:
        return tuple(
            tuple(tuple(self.weights[p][i] * v for v in self.values[p][i]) for i in range(len(self.issues)))
            for p in range(2)
        )

    def utility(self, party: int, package: Package) -> float:
        """Utility of ``package`` to party 0 or 1 (a sum in issue order: reproducible to the bit)."""
        total = 0.0
        for i, level in enumerate(package):
            total += self.weights[party][i] * self.values[party][i][level]
        return total

    def utilities(self, package: Package) -> tuple[float, float]:
        return (self.utility(0, package), self.utility(1, package))

    def all_levels(self) -> tuple[tuple[int, ...], ...]:
        return tuple(tuple(range(len(lv))) for lv in self.levels)

    def package_size(self, allowed: Sequence[Sequence[int]] | None = None) -> int:
        n = 1
        for lv in allowed if allowed is not None else self.levels:
            n *= len(lv)
        return n

    def named(self, package: Package) -> dict[str, str]:
        """{issue id: level id} of a package."""
        return {iid: self.levels[i][package[i]] for i, iid in enumerate(self.issues)}

    def issue_index(self, issue: str) -> int:
        try:
            return self.issues.index(issue)
        except ValueError:
            raise UsageError(Problem(Message("pn_unknown_issue", issue=issue, negotiation=self.id), hint=Message("pn_unknown_issue_hint", names=", ".join(self.issues)))) from None


def build_agenda(nid: str, negotiation) -> Agenda:
    """Turn a validated schema ``Negotiation`` into numbers (weights normalised per party,
    or as given, a missing one 1, when the agenda's utility is a sum)."""
    parties = tuple(negotiation.parties)
    issues = tuple(negotiation.issues)
    summed = getattr(negotiation, "utility", "weighted_average") == "sum"
    weights = []
    values = []
    for pid in parties:
        raw = [float(negotiation.issues[iid].weights.get(pid, 1.0 if summed else 0.0)) for iid in issues]
        total = 1.0 if summed else sum(raw)
        weights.append(tuple(w / total for w in raw))
        values.append(tuple(tuple(float(negotiation.issues[iid].values[pid][lid]) for lid in negotiation.issues[iid].levels) for iid in issues))
    status = []
    for iid in issues:
        issue = negotiation.issues[iid]
        status.append(list(issue.levels).index(issue.status_quo) if issue.status_quo is not None else None)
    return Agenda(
        id=nid,
        label=negotiation.label,
        label_zh=negotiation.label_zh,
        parties=parties,  # type: ignore[arg-type]
        party_labels=tuple(negotiation.parties[p].label for p in parties),  # type: ignore[arg-type]
        party_labels_zh=tuple(negotiation.parties[p].label_zh for p in parties),  # type: ignore[arg-type]
        issues=issues,
        issue_labels=tuple(negotiation.issues[i].label for i in issues),
        issue_labels_zh=tuple(negotiation.issues[i].label_zh for i in issues),
        levels=tuple(tuple(negotiation.issues[i].levels) for i in issues),
        level_labels=tuple(tuple(lv.label for lv in negotiation.issues[i].levels.values()) for i in issues),
        level_labels_zh=tuple(tuple(lv.label_zh for lv in negotiation.issues[i].levels.values()) for i in issues),
        weights=tuple(weights),  # type: ignore[arg-type]
        values=tuple(values),  # type: ignore[arg-type]
        status_quo=tuple(status),
        utility_form="sum" if summed else "weighted_average",
    )


def parse_package(agenda: Agenda, spec: str | Mapping[str, str]) -> Package:
    """``"flights=2,verification=joint"`` (or a mapping) -> a package; every issue once."""
    if isinstance(spec, str):
        pairs = []
        for part in (p.strip() for p in spec.split(",")):
            if not part:
                continue
            if "=" not in part:
                raise UsageError(Problem(Message("pn_propose_form", part=part), hint=Message("pn_propose_hint", example=_example(agenda))))
            key, _, value = part.partition("=")
            pairs.append((key.strip(), value.strip()))
    else:
        pairs = list(spec.items())
    chosen: dict[int, int] = {}
    for key, value in pairs:
        i = agenda.issue_index(key)
        if i in chosen:
            raise UsageError(Problem(Message("pn_issue_twice", issue=key), hint=Message("pn_issue_twice_hint")))
        if value not in agenda.levels[i]:
            raise UsageError(Problem(Message("pn_no_level", issue=key, level=value), hint=Message("pn_no_level_hint", issue=key, names=", ".join(agenda.levels[i]))))
        chosen[i] = agenda.levels[i].index(value)
    missing = [agenda.issues[i] for i in range(len(agenda.issues)) if i not in chosen]
    if missing:
        raise UsageError(Problem(Message("pn_missing_issues", missing=", ".join(missing)), hint=Message("pn_propose_hint", example=_example(agenda))))
    return tuple(chosen[i] for i in range(len(agenda.issues)))


def _example(agenda: Agenda) -> str:
    return ",".join(f"{iid}={agenda.levels[i][0]}" for i, iid in enumerate(agenda.issues))
