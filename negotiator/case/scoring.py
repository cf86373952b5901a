"""Case-file models for decision methods: value functions, level words,
PROMETHEE preference functions, weighting forms (order schemes, swing, AHP,
hierarchy) and several analysts.

Everything here is optional in format 1: a case that uses none of it means
exactly what it meant before. No I/O; ``method_problems(case)`` lists what
is wrong between sections (unknown objectives, unknown level words ...).
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Discriminator, Field, Tag, WithJsonSchema, field_validator, model_validator

from negotiator.case.base import CaseModel as _Model
from negotiator.case.base import Id, NonNegative, Number, Positive, RefProblem, ScoreValue, _no_bool, case_number, known_hint, shown_number, MAX_MAGNITUDE
from negotiator.messages import Message

__all__ = [
    "PiecewiseValue",
    "ExponentialValue",
    "LinearValue",
    "ValueFunction",
    "PrometheeCriterion",
    "OrderProfile",
    "SwingProfile",
    "AhpProfile",
    "HierarchyProfile",
    "HierarchyGroup",
    "WeightProfile",
    "Analyst",
    "profile_kind",
    "is_level_word",
    "resolve_score",
    "method_problems",
    "SAATY_MIN",
    "SAATY_MAX",
]

# -- value functions -----------------------------------------------------------


class LinearValue(_Model):
    """Format 1's default: value grows linearly from the worst to the best end of the scale."""

    kind: Literal["linear"]


class PiecewiseValue(_Model):
    """Value through given [score, value] points (value 0 = worst, 1 = best), linear in between.

    Scores beyond the first or last point take that point's value.
    """

    kind: Literal["piecewise"]
    points: list[tuple[Number, Number]] = Field(min_length=2)

    @field_validator("points")
    @classmethod
    def _ordered(cls, points):
        xs = [p[0] for p in points]
        if any(b <= a for a, b in zip(xs, xs[1:])):
            raise ValueError(Message("ec_piecewise_increasing"))
        bad = [p for p in points if not 0 <= p[1] <= 1]
        if bad:
            raise ValueError(Message("ec_piecewise_value", value=bad[0][1], score=bad[0][0]))
        vs = [p[1] for p in points]
        rising = all(b >= a for a, b in zip(vs, vs[1:]))
        falling = all(b <= a for a, b in zip(vs, vs[1:]))
        if not (rising or falling):
            raise ValueError(Message("ec_piecewise_monotone"))
        return points


class ExponentialValue(_Model):
    """Exponential value v(z) = (1 - exp(-c z)) / (1 - exp(-c)) of the position z in [0, 1] towards the best end.

    c > 0: concave (early improvements count most, risk-averse); c < 0: convex
    (risk-seeking); c = 0: linear. Kirkwood (1997), Strategic Decision Making, ch. 4.
    """

    kind: Literal["exponential"]
    c: Number = Field(ge=-50, le=50)


ValueFunction = Annotated[Union[LinearValue, PiecewiseValue, ExponentialValue], Field(discriminator="kind")]


# -- PROMETHEE preference functions --------------------------------------------

PROMETHEE_FUNCTIONS = ("usual", "ushape", "vshape", "level", "linear", "gaussian")


class PrometheeCriterion(_Model):
    """One objective's generalised criterion (Brans & Vincke 1985, types I-VI).

    usual (I): any difference is full preference; ushape (II, q): full above q;
    vshape (III, p): linear up to p; level (IV, q, p): half between q and p;
    linear (V, q, p): linear between q and p; gaussian (VI, s).
    Thresholds are in the units the method sees (score units).
    """

    function: Literal["usual", "ushape", "vshape", "level", "linear", "gaussian"] = "usual"
    q: NonNegative | None = None
    p: NonNegative | None = None
    s: Positive | None = None

    @model_validator(mode="after")
    def _thresholds(self):
        need = {"usual": (), "ushape": ("q",), "vshape": ("p",), "level": ("q", "p"), "linear": ("q", "p"), "gaussian": ("s",)}[self.function]
        missing = [t for t in need if getattr(self, t) is None]
        if missing:
            raise ValueError(Message("ec_promethee_needs", function=self.function, thresholds=Message("ec_and", first=missing[0], second=missing[1]) if len(missing) == 2 else missing[0]))
        if self.function in ("level", "linear") and self.q >= self.p:
            raise ValueError(Message("ec_promethee_q_above_p", q=self.q, p=self.p))
        if self.function == "vshape" and self.p <= 0:
            raise ValueError(Message("ec_promethee_vshape_p"))
        return self


# -- weighting forms ---------------------------------------------------------

SAATY_MIN, SAATY_MAX = 1.0 / 9.0, 9.0


def _judgment(value: Any) -> Any:
    """A pairwise judgment: a number or a fraction written "1/3"."""
    _no_bool(value)
    if isinstance(value, str):
        try:
            value = float(Fraction(value.strip()))
        except (ValueError, ZeroDivisionError):
            raise ValueError(Message("ec_judgment_text", got=repr(value))) from None
    if isinstance(value, (int, float)):
        if math.isnan(value) or math.isinf(value):
            raise ValueError(Message("ec_judgment_finite"))
        if value <= 0:
            raise ValueError(Message("ec_judgment_positive", value=value))
        if not SAATY_MIN - 1e-9 <= value <= SAATY_MAX + 1e-9:
            raise ValueError(Message("ec_judgment_scale", value=value))
    return value


#: What editors are told a judgment may be (the validator above accepts exactly these): 3, 0.5 or "1/3".
_JUDGMENT_JSON = {
    "anyOf": [
        {"type": "number", "exclusiveMinimum": 0},
        {"type": "string", "pattern": r"^\s*[0-9]+(\.[0-9]+)?(/[0-9]+(\.[0-9]+)?)?\s*$"},
    ],
    "description": "Saaty 1/9 .. 9: a number, or a fraction written as text like \"1/3\"",
}

Judgment = Annotated[float, BeforeValidator(_judgment), WithJsonSchema(_JUDGMENT_JSON)]


class OrderProfile(_Model):
    """An order of importance (most important first) with a named scheme."""

    order: list[Id] = Field(min_length=1)
    scheme: Literal["roc", "rank_sum", "rank_reciprocal"] = "roc"


class SwingProfile(_Model):
    """Swing weights: rate the swing from worst to best of each objective, the biggest swing 100."""

    swing: dict[Id, Annotated[float, BeforeValidator(_no_bool), Field(ge=0, le=100, allow_inf_nan=False)]] = Field(min_length=1)


class AhpProfile(_Model):
    """AHP pairwise comparisons: ``ahp: {a: {b: 3}}`` says a is 3 times as important as b.

    ``priorities`` turns the judgments into weights: Saaty's principal eigenvector (default)
    or the geometric mean of each row (Crawford & Williams 1985).
    """

    ahp: dict[Id, dict[Id, Judgment]] = Field(min_length=1)
    priorities: Literal["eigenvector", "geometric_mean"] = "eigenvector"

    @model_validator(mode="after")
    def _reciprocal(self):
        for a, row in self.ahp.items():
            for b, x in row.items():
                if a == b:
                    if abs(x - 1) > 1e-9:
                        raise ValueError(Message("ec_ahp_self", objective=a, value=x))
                    continue
                back = self.ahp.get(b, {}).get(a)
                if back is not None and abs(x * back - 1) > 1e-6:
                    raise ValueError(Message("ec_ahp_not_reciprocal", a=a, b=b, ab=x, ba=back, should=1 / x))
        return self

    def judgments(self) -> list[tuple[str, str, float]]:
        """Every distinct comparison (a, b, how many times a matters more than b), each pair once."""
        seen: set[frozenset] = set()
        out = []
        for a, row in self.ahp.items():
            for b, x in row.items():
                key = frozenset((a, b))
                if a == b or key in seen:
                    continue
                seen.add(key)
                out.append((a, b, float(x)))
        return out


def _hierarchy_kind(value: Any) -> str:
    # dict when validating YAML, a HierarchyGroup when serialising a validated case.
    return "group" if isinstance(value, (dict, _Model)) else "leaf"


class HierarchyGroup(_Model):
    """A group of objectives (or sub-groups) with its own weight; weights multiply down."""

    weight: NonNegative
    objectives: dict[Id, "HierarchyNode"] = Field(min_length=1)


HierarchyNode = Annotated[
    Union[Annotated[HierarchyGroup, Tag("group")], Annotated[NonNegative, Tag("leaf")]],
    Discriminator(_hierarchy_kind),
]
HierarchyGroup.model_rebuild()


class HierarchyProfile(_Model):
    """``hierarchy: {group: {weight: 3, objectives: {a: 1, b: 2}}, c: 1}``: leaves are objectives."""

    hierarchy: dict[Id, HierarchyNode] = Field(min_length=1)

    def leaves(self) -> list[tuple[tuple[str, ...], float]]:
        """(path of ids down to the objective, product of normalised weights) per leaf."""
        out: list[tuple[tuple[str, ...], float]] = []

        def walk(nodes: dict, path: tuple, share: float) -> None:
            raw = {k: (n.weight if isinstance(n, HierarchyGroup) else float(n)) for k, n in nodes.items()}
            total = sum(raw.values())
            for k, n in nodes.items():
                part = share * (raw[k] / total if total > 0 else 0.0)
                if isinstance(n, HierarchyGroup):
                    walk(n.objectives, path + (k,), part)
                else:
                    out.append((path + (k,), part))

        walk(self.hierarchy, (), 1.0)
        return out


def _weight_value(value: Any) -> Any:
    _no_bool(value)
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        raise ValueError(Message("ec_weight_not_finite"))
    if isinstance(value, (int, float)) and value < 0:
        raise ValueError(Message("ec_weight_negative", value=shown_number(value)))
    return case_number(value)


WeightNumber = Annotated[float, BeforeValidator(_weight_value), Field(ge=0, le=MAX_MAGNITUDE, allow_inf_nan=False)]

_FORM_KEYS = {"order": "ordered", "swing": "swing", "ahp": "ahp", "hierarchy": "hierarchy"}


def profile_kind(value: Any) -> str:
    """Which weighting form a profile is written in (numbers, order, ordered, swing, ahp, hierarchy)."""
    if isinstance(value, (list, tuple)):
        return "order"
    if isinstance(value, dict):
        for key, kind in _FORM_KEYS.items():
            if key in value:
                return kind
        return "numbers"
    for cls, kind in ((OrderProfile, "ordered"), (SwingProfile, "swing"), (AhpProfile, "ahp"), (HierarchyProfile, "hierarchy")):
        if isinstance(value, cls):
            return kind
    return "numbers"


#: A weight profile: numbers per objective, an order of importance (most important first),
#: or one of the forms {order:, scheme:}, {swing:}, {ahp:}, {hierarchy:} (see docs/methods.md).
WeightProfile = Annotated[
    Union[
        Annotated[dict[Id, WeightNumber], Tag("numbers")],
        Annotated[list[Id], Tag("order")],
        Annotated[OrderProfile, Tag("ordered")],
        Annotated[SwingProfile, Tag("swing")],
        Annotated[AhpProfile, Tag("ahp")],
        Annotated[HierarchyProfile, Tag("hierarchy")],
    ],
    Discriminator(profile_kind),
]


# -- several analysts ------------------------------------------------------------


class Analyst(_Model):
    """One analyst's own judgments: scores that differ from the case's, and/or a weight profile."""

    label: str | None = None
    scores: dict[Id, dict[Id, ScoreValue]] = Field(default_factory=dict)
    weights: WeightProfile | None = None


# -- level words -----------------------------------------------------------------


def is_level_word(score: Any) -> bool:
    if isinstance(score, str):
        return True
    return isinstance(score, tuple) and any(isinstance(s, str) for s in score)


def resolve_score(objective, score) -> tuple[float, float, float]:
    """(low, likely, high) of a score, level words turned into numbers. Raises KeyError(word) when unknown."""
    if isinstance(score, str):
        v = _level(objective, score)
        return (v, v, v)
    if isinstance(score, tuple):
        return tuple(_level(objective, s) if isinstance(s, str) else float(s) for s in score)  # type: ignore[return-value]
    return (float(score), float(score), float(score))


def _level(objective, word: str) -> float:
    levels = getattr(objective, "levels", None) or {}
    if word not in levels:
        raise KeyError(word)
    return float(levels[word])


# -- problems between sections ------------------------------------------------------


def score_word_problems(case, where: tuple, oid: str, obj: str, score) -> list[RefProblem]:
    """A level word that the objective does not define, or a range of words out of order."""
    if not is_level_word(score):
        return []
    objective = case.objectives[obj]
    levels = objective.levels or {}
    try:
        lo, mid, hi = resolve_score(objective, score)
    except KeyError as exc:
        word = exc.args[0]
        if not levels:
            return [RefProblem(path=where, message=Message("ec_word_no_levels", option=oid, objective=obj, word=word), hint=Message("ec_word_no_levels_hint", objective=obj, word=word))]
        return [RefProblem(path=where, message=Message("ec_word_not_level", option=oid, objective=obj, word=word, levels=", ".join(levels)), hint=Message("ec_word_not_level_hint"))]
    if not lo <= mid <= hi:
        return [RefProblem(path=where, message=Message("ec_word_range_order", option=oid, objective=obj, range=str(list(score))), hint=Message("ec_word_range_order_hint"))]
    return []


def _weight_form_problems(case, path: tuple, pid: str, profile) -> list[RefProblem]:
    kind = profile_kind(profile)
    objectives = case.objectives
    out: list[RefProblem] = []

    def unknown(obj: str, at: tuple) -> None:
        out.append(RefProblem(path=at, message=Message("ec_profile_unknown_objective", profile=pid, objective=obj), hint=known_hint("objectives", objectives)))

    if kind == "ordered":
        seen: set[str] = set()
        for i, obj in enumerate(profile.order):
            if obj not in objectives:
                unknown(obj, path + ("order", i))
            if obj in seen:
                out.append(RefProblem(path=path + ("order", i), message=Message("ec_order_twice", profile=pid, objective=obj), hint=Message("ec_order_twice_hint")))
            seen.add(obj)
    elif kind == "swing":
        for obj in profile.swing:
            if obj not in objectives:
                unknown(obj, path + ("swing", obj))
        if not any(v > 0 for v in profile.swing.values()):
            out.append(RefProblem(path=path + ("swing",), message=Message("ec_swing_all_zero", profile=pid), hint=Message("ec_swing_all_zero_hint")))
    elif kind == "ahp":
        for a, row in profile.ahp.items():
            if a not in objectives:
                unknown(a, path + ("ahp", a))
            for b in row:
                if b not in objectives:
                    unknown(b, path + ("ahp", a, b))
        if not out:
            out += _ahp_connected(profile, path, pid)
    elif kind == "hierarchy":
        seen_leaf: dict[str, tuple] = {}
        for leaf_path, _ in profile.leaves():
            obj = leaf_path[-1]
            at = path + ("hierarchy",) + _nested(leaf_path)
            if obj not in objectives:
                unknown(obj, at)
            elif obj in seen_leaf:
                out.append(RefProblem(path=at, message=Message("ec_hierarchy_twice", profile=pid, objective=obj), hint=Message("ec_hierarchy_twice_hint")))
            seen_leaf[obj] = at
        if not any(w > 0 for _, w in profile.leaves()):
            out.append(RefProblem(path=path + ("hierarchy",), message=Message("ec_hierarchy_all_zero", profile=pid), hint=Message("ec_hierarchy_all_zero_hint")))
    return out


def _nested(leaf_path: tuple) -> tuple:
    """Key path inside the YAML of a hierarchy leaf: group, 'objectives', sub-group, 'objectives', leaf."""
    out: list = []
    for k in leaf_path[:-1]:
        out += [k, "objectives"]
    return tuple(out) + (leaf_path[-1],)


def _ahp_connected(profile: AhpProfile, path: tuple, pid: str) -> list[RefProblem]:
    """Missing comparisons can be filled in only if every objective is linked to every other by some chain."""
    items = sorted({a for a, b, _ in profile.judgments()} | {b for a, b, _ in profile.judgments()})
    if not items:
        return [RefProblem(path=path + ("ahp",), message=Message("ec_ahp_nothing", profile=pid), hint=Message("ec_ahp_nothing_hint"))]
    parent = {x: x for x in items}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in profile.judgments():
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for x in items:
        groups.setdefault(find(x), []).append(x)
    if len(groups) > 1:
        parts = " | ".join(", ".join(g) for g in groups.values())
        return [RefProblem(path=path + ("ahp",), message=Message("ec_ahp_unlinked", profile=pid, groups=parts), hint=Message("ec_ahp_unlinked_hint"))]
    return []


def method_problems(case) -> list[RefProblem]:
    """Problems with the method-related parts of a case (level words, weight forms, analysts)."""
    out: list[RefProblem] = []
    for obj, objective in case.objectives.items():
        spec = getattr(objective, "value", None)
        if spec is not None and spec.kind == "piecewise":
            vs = [p[1] for p in spec.points]
            rising = vs[-1] >= vs[0]
            if vs[-1] != vs[0] and rising != (objective.direction == "max"):
                out.append(RefProblem(
                    path=("objectives", obj, "value"),
                    message=Message("ec_piecewise_rise_min" if rising else "ec_piecewise_fall_max", objective=obj),
                    hint=Message("ec_piecewise_make_rise" if objective.direction == "max" else "ec_piecewise_make_fall"),
                ))
    for oid, opt in case.options.items():
        for obj, score in opt.scores.items():
            if obj in case.objectives:
                out += score_word_problems(case, ("options", oid, "scores", obj), oid, obj, score)
    for sid, sc in case.scenarios.items():
        for oid, changes in sc.scores.items():
            for obj, score in changes.items():
                if oid in case.options and obj in case.objectives:
                    out += score_word_problems(case, ("scenarios", sid, "scores", oid, obj), oid, obj, score)
    for pid, profile in case.weights.items():
        out += _weight_form_problems(case, ("weights", pid), pid, profile)
    for aid, analyst in getattr(case, "analysts", {}).items():
        for oid, scores in analyst.scores.items():
            if oid not in case.options:
                out.append(RefProblem(path=("analysts", aid, "scores", oid), message=Message("ec_analyst_unknown_option", analyst=aid, option=oid), hint=known_hint("options", case.options)))
                continue
            for obj, score in scores.items():
                if obj not in case.objectives:
                    out.append(RefProblem(path=("analysts", aid, "scores", oid, obj), message=Message("ec_analyst_unknown_objective", analyst=aid, objective=obj), hint=known_hint("objectives", case.objectives)))
                    continue
                found = score_word_problems(case, ("analysts", aid, "scores", oid, obj), oid, obj, score)
                out += found or _analyst_scale_problems(case, aid, oid, obj, score)
        if analyst.weights is not None:
            out += _analyst_weight_problems(case, aid, analyst.weights)
    return out


def _analyst_scale_problems(case, aid: str, oid: str, obj: str, score) -> list[RefProblem]:
    scale = case.objectives[obj].scale
    if scale is None:
        return []
    lo, _, hi = resolve_score(case.objectives[obj], score)
    if lo < scale[0] - 1e-12 or hi > scale[1] + 1e-12:
        return [RefProblem(path=("analysts", aid, "scores", oid, obj), message=Message("ec_analyst_outside_scale", analyst=aid, option=oid, objective=obj, low=scale[0], high=scale[1]), hint=Message("ec_outside_scale_hint"))]
    return []


def _analyst_weight_problems(case, aid: str, profile) -> list[RefProblem]:
    path = ("analysts", aid, "weights")
    kind = profile_kind(profile)
    if kind == "numbers":
        bad = [RefProblem(path=path + (o,), message=Message("ec_analyst_weight_unknown_objective", analyst=aid, objective=o), hint=known_hint("objectives", case.objectives)) for o in profile if o not in case.objectives]
        if not any(v > 0 for v in profile.values()):
            bad.append(RefProblem(path=path, message=Message("ec_analyst_no_positive", analyst=aid), hint=Message("ec_positive_weight_hint")))
        return bad
    if kind == "order":
        return [RefProblem(path=path + (i,), message=Message("ec_analyst_weight_unknown_objective", analyst=aid, objective=o), hint=known_hint("objectives", case.objectives)) for i, o in enumerate(profile) if o not in case.objectives]
    return _weight_form_problems(case, path, f"analysts.{aid}", profile)


_OBJECTIVE_EXTRAS = ("value", "levels", "promethee")


def without_unused_method_fields(dumped: dict) -> dict:
    """A case dump without the method fields a case does not use, so format 1 files keep their hash."""
    out = dict(dumped)
    if not out.get("analysts"):
        out.pop("analysts", None)
    objectives = out.get("objectives")
    if isinstance(objectives, dict):
        out["objectives"] = {k: {f: v for f, v in o.items() if not (f in _OBJECTIVE_EXTRAS and v is None)} for k, o in objectives.items()}
    if isinstance(out.get("weights"), dict):
        out["weights"] = {k: _without_default_priorities(p) for k, p in out["weights"].items()}
    if isinstance(out.get("analysts"), dict):
        out["analysts"] = {k: ({**a, "weights": _without_default_priorities(a["weights"])} if isinstance(a, dict) and "weights" in a else a) for k, a in out["analysts"].items()}
    return out


def _without_default_priorities(profile):
    """An AHP profile dumped without ``priorities: eigenvector`` (the default, older than the field)."""
    if isinstance(profile, dict) and "ahp" in profile and profile.get("priorities") == "eigenvector":
        return {k: v for k, v in profile.items() if k != "priorities"}
    return profile


_FORM_HINTS = {part: Message(f"ec_form_hint_{part}") for part in ("ahp", "swing", "hierarchy", "scheme", "order", "value", "promethee", "levels")}


def form_hint(key: tuple) -> Message | None:
    """A hint for a validation error inside one of this module's sections (None: not ours)."""
    if key[:1] not in (("weights",), ("objectives",), ("analysts",)):
        return None
    for part in key:
        if part in _FORM_HINTS:
            return _FORM_HINTS[part]
    if key[:1] == ("analysts",):
        return Message("ec_form_hint_analyst")
    return None
