"""The case file, as pydantic models. No I/O here: see catalog.py for loading.

A case (format 1) has objectives, options scored on them, weight profiles,
constraints and scenarios. Field validators catch what is wrong with one
value; ``cross_reference_problems`` catches what is wrong between sections
(unknown ids, missing scores, scores outside a scale...), all at once.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator

from negotiator.case.base import CaseModel as _Model
from negotiator.case.base import MAX_MAGNITUDE, MIN_MAGNITUDE, Count, Id, NonNegative, Number, RefProblem, ScoreValue, _no_bool, known_hint, score_triple
from negotiator.case.conflicts import Conflict, conflict_problems
from negotiator.case.games import Game, game_problems
from negotiator.case.scoring import Analyst, PrometheeCriterion, ValueFunction, WeightProfile, method_problems, profile_kind, resolve_score
from negotiator.case.negotiation import Negotiation, negotiation_problems
from negotiator.messages import Message

__all__ = [
    "FORMAT_VERSION",
    "Number",
    "ScoreValue",
    "Objective",
    "Option",
    "Limit",
    "Synergy",
    "Constraints",
    "Scenario",
    "Case",
    "MIXED_PROBABILITIES_HINT",
    "has_probabilities",
    "RefProblem",
    "WeightProfile",
    "score_triple",
    "family_numeral",
    "cross_reference_problems",
    "case_json_schema",
]

FORMAT_VERSION = 1


class Objective(_Model):
    label: str
    label_zh: str | None = None
    direction: Literal["max", "min"] = "max"
    scale: tuple[Number, Number] | None = None
    description: str | None = None
    source: str | None = None
    #: How a score maps to value in [0, 1] (default linear over the scale). See docs/methods.md.
    value: ValueFunction | None = None
    #: Words a score may be written as, each standing for a number on the scale: {low: 0, high: 1}.
    levels: dict[str, Number] | None = None
    #: PROMETHEE preference function and thresholds for this objective (default: usual).
    promethee: PrometheeCriterion | None = None

    @field_validator("levels")
    @classmethod
    def _levels_named(cls, levels):
        if levels is not None:
            if not levels:
                raise ValueError(Message("ec_levels_empty"))
            for word in levels:
                try:
                    float(word)
                except ValueError:
                    continue
                raise ValueError(Message("ec_level_is_number", word=word))
        return levels

    @field_validator("scale")
    @classmethod
    def _scale_has_width(cls, scale):
        if scale is not None and not scale[0] < scale[1]:
            if scale[0] == scale[1]:
                raise ValueError(Message("ec_scale_zero_width", low=scale[0], high=scale[1]))
            raise ValueError(Message("ec_scale_reversed", low=scale[0], high=scale[1]))
        return scale


class Option(_Model):
    label: str
    label_zh: str | None = None
    family: str | None = None
    source: str | None = None
    rationale: str | None = None
    resources: dict[Id, NonNegative] = Field(default_factory=dict)
    requires: list[Id] = Field(default_factory=list)
    excludes: list[Id] = Field(default_factory=list)
    scores: dict[Id, ScoreValue]
    notes: dict[Id, str] = Field(default_factory=dict)


class Limit(_Model):
    min: Number | None = None
    max: Number | None = None

    @model_validator(mode="after")
    def _ordered(self):
        if self.min is None and self.max is None:
            raise ValueError(Message("ec_limit_empty"))
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(Message("ec_limit_reversed", min=self.min, max=self.max))
        return self

    def broken_by(self, value: float) -> str | None:
        """Words for how ``value`` breaks this limit, or None when it holds."""
        if self.min is not None and value < self.min - 1e-12:
            return f"below the minimum {self.min:g}"
        if self.max is not None and value > self.max + 1e-12:
            return f"above the maximum {self.max:g}"
        return None


class Synergy(_Model):
    options: list[Id] = Field(min_length=2)
    bonus: Number
    label: str | None = None


class Label(_Model):
    label: str
    label_zh: str | None = None


class Labels(_Model):
    """``labels: {profiles: {balanced: {label: Balanced, label_zh: 均衡}}, resources: {staff: {...}}}``."""

    profiles: dict[Id, Label] = Field(default_factory=dict)
    resources: dict[Id, Label] = Field(default_factory=dict)
    #: Option families by the value of an option's ``family`` ("一": {label: Proactive negotiation, ...}).
    families: dict[str, Label] = Field(default_factory=dict)


class Constraints(_Model):
    budgets: dict[Id, NonNegative] = Field(default_factory=dict)
    limits: dict[Id, Limit] = Field(default_factory=dict)
    count: tuple[Count, Count] | None = None
    package: dict[Id, Limit] = Field(default_factory=dict)
    synergies: list[Synergy] = Field(default_factory=list)

    @field_validator("count")
    @classmethod
    def _count_ordered(cls, count):
        if count is not None and not (0 <= count[0] <= count[1] and count[1] >= 1):
            raise ValueError(Message("ec_count_order", fewest=count[0], most=count[1]))
        return count


class Scenario(_Model):
    label: str
    label_zh: str | None = None
    source: str | None = None
    description: str | None = None
    #: Left out on every scenario (none given): the case is read under complete ignorance.
    probability: Annotated[float, BeforeValidator(_no_bool), Field(ge=0, le=1, allow_inf_nan=False)] | None = None
    scores: dict[Id, dict[Id, ScoreValue]] = Field(default_factory=dict)


WeightNumber = Annotated[float, BeforeValidator(_no_bool)]  # kept for importers; profiles use schema_methods


class Case(_Model):
    negotiator: Literal[1]
    title: str = "Untitled case"
    title_zh: str | None = None
    description: str | None = None
    #: Objectives and options: needed for ranking; a case that is only a game, a negotiation or a
    #: conflict may leave both out (see _section_problems).
    objectives: dict[Id, Objective] = Field(default_factory=dict)
    options: dict[Id, Option] = Field(default_factory=dict)
    weights: dict[Id, WeightProfile] = Field(default_factory=dict)
    constraints: Constraints = Field(default_factory=Constraints)
    #: Several analysts' own scores and weights (see negotiator/ranking/analysts.py).
    analysts: dict[Id, Analyst] = Field(default_factory=dict)
    scenarios: dict[Id, Scenario] = Field(default_factory=dict)
    games: dict[Id, Game] = Field(default_factory=dict)
    negotiations: dict[Id, Negotiation] = Field(default_factory=dict)
    #: Conflicts for the graph model (decision makers, options, preferences; see negotiator/conflict/).
    conflicts: dict[Id, Conflict] = Field(default_factory=dict)
    #: Names, in English and Chinese, of things the other sections know only by id.
    labels: Labels = Field(default_factory=lambda: Labels())

    @property
    def default_profile(self) -> str | None:
        return next(iter(self.weights), None)

    def profile_label(self, pid: str, lang: str = "en") -> str:
        """A weight profile's name in ``lang`` (its id when the case gives none)."""
        return _named(self.labels.profiles.get(pid), pid, lang)

    def resource_label(self, resource: str, lang: str = "en") -> str:
        """A resource's name in ``lang`` (its id when the case gives none)."""
        return _named(self.labels.resources.get(resource), resource, lang)


    def family_numbers(self) -> dict[str, int]:
        """Each option family's number, for a numeric order: 一..十 and 1, 2, ... as written,
        any other family after them in the order the options first use it."""
        numbers: dict[str, int] = {}
        others: list[str] = []
        for option in self.options.values():
            fam = option.family
            if not fam or fam in numbers or fam in others:
                continue
            n = family_numeral(fam)
            if n is None:
                others.append(fam)
            else:
                numbers[fam] = n
        top = max(numbers.values(), default=0)
        numbers.update({fam: top + k + 1 for k, fam in enumerate(others)})
        return numbers

    def family_label(self, family: str, lang: str = "en") -> str | None:
        """A family's name in ``lang`` from the labels section; None when the case gives none."""
        entry = self.labels.families.get(family)
        return None if entry is None else _named(entry, family, lang)


_CHINESE_NUMERALS = {ch: k + 1 for k, ch in enumerate("一二三四五六七八九")}


def family_numeral(family: str) -> int | None:
    """1 for "一", "1" or "(一)"; 10-19 for "十".."十九"; None for anything else (a family named by a word)."""
    core = family.strip().strip("()（）第类.、 ")
    if core.isdigit():
        return int(core)
    if core in _CHINESE_NUMERALS:
        return _CHINESE_NUMERALS[core]
    if core.startswith("十") and (len(core) == 1 or core[1:] in _CHINESE_NUMERALS):
        return 10 + (_CHINESE_NUMERALS[core[1:]] if len(core) > 1 else 0)
    return None


def _named(entry: "Label | None", fallback: str, lang: str) -> str:
    if entry is None:
        return fallback
    return entry.label_zh if lang == "zh" and entry.label_zh else entry.label


#: The fix for scenarios of which some have a probability and some do not.
MIXED_PROBABILITIES_HINT = Message("ec_mixed_probabilities_hint")


def has_probabilities(case: Case) -> bool:
    """Whether the case's scenarios carry probabilities (all do, or none: complete ignorance)."""
    return bool(case.scenarios) and all(s.probability is not None for s in case.scenarios.values())


def without_empty_labels(dumped: dict) -> dict:
    """A case dump without an empty labels or conflicts section, so cases written before them keep their hash;
    a scenario without a probability (complete ignorance) leaves the key out."""
    scenarios = dumped.get("scenarios")
    if isinstance(scenarios, dict) and any(isinstance(s, dict) and s.get("probability", 0) is None for s in scenarios.values()):
        dumped = {**dumped, "scenarios": {k: ({f: v for f, v in s.items() if not (f == "probability" and v is None)} if isinstance(s, dict) else s) for k, s in scenarios.items()}}
    labels = dumped.get("labels")
    if isinstance(labels, dict) and not any(labels.values()):
        dumped = {k: v for k, v in dumped.items() if k != "labels"}
    if dumped.get("conflicts") == {}:
        dumped = {k: v for k, v in dumped.items() if k != "conflicts"}
    return dumped


def cross_reference_problems(case: Case) -> list[RefProblem]:
    """Everything wrong between sections, all at once (ids, coverage, scales)."""
    out: list[RefProblem] = []
    out += _section_problems(case)
    out += _option_problems(case)
    out += _weight_problems(case)
    out += _constraint_problems(case)
    out += _label_problems(case)
    out += _scenario_problems(case)
    out += game_problems(case)
    out += negotiation_problems(case)
    out += conflict_problems(case.conflicts)
    out += method_problems(case)
    return out


def _section_problems(case: Case) -> list[RefProblem]:
    """Objectives and options go together; a case with neither must hold a game, a negotiation or a conflict."""
    out: list[RefProblem] = []
    if case.options and not case.objectives:
        out.append(RefProblem(path=("options",), message=Message("ec_options_no_objectives"), hint=Message("ec_add_objectives")))
    if case.objectives and not case.options:
        out.append(RefProblem(path=("objectives",), message=Message("ec_objectives_no_options"), hint=Message("ec_add_options")))
    if not case.objectives and not case.options and not (case.games or case.negotiations or case.conflicts):
        out.append(RefProblem(path=("negotiator",), message=Message("ec_nothing_to_analyse"), hint=Message("ec_see_new")))
    return out


def _outside_scale(case: Case, objective: str, score) -> Message | None:
    scale = case.objectives[objective].scale
    if scale is None:
        return None
    try:
        lo, _, hi = resolve_score(case.objectives[objective], score)
    except KeyError:
        return None  # an unknown level word: reported by method_problems
    if lo < scale[0] - 1e-12 or hi > scale[1] + 1e-12:
        shown = _shown(score)
        return Message("ec_outside_scale", score=shown, low=scale[0], high=scale[1], objective=objective)
    return None


def _shown(score) -> str:
    if isinstance(score, tuple):
        return "[" + ", ".join(v if isinstance(v, str) else f"{v:g}" for v in score) + "]"
    return score if isinstance(score, str) else f"{score:g}"


def _option_problems(case: Case) -> list[RefProblem]:
    out: list[RefProblem] = []
    objectives = case.objectives
    for oid, opt in case.options.items():
        for obj in objectives:
            if obj not in opt.scores:
                out.append(RefProblem(path=("options", oid, "scores"), message=Message("ec_no_score", option=oid, objective=obj), hint=Message("ec_no_score_hint", option=oid, objective=obj)))
        for obj, score in opt.scores.items():
            if obj not in objectives:
                out.append(RefProblem(path=("options", oid, "scores", obj), message=Message("ec_scores_unknown_objective", option=oid, objective=obj), hint=known_hint("objectives", objectives)))
                continue
            bad = _outside_scale(case, obj, score)
            if bad:
                out.append(RefProblem(path=("options", oid, "scores", obj), message=bad, hint=Message("ec_outside_scale_hint")))
        for kind in ("requires", "excludes"):
            for i, other in enumerate(getattr(opt, kind)):
                if other == oid:
                    out.append(RefProblem(path=("options", oid, kind, i), message=Message(f"ec_{kind}_itself", option=oid), hint=Message(f"ec_{kind}_itself_hint", option=oid)))
                elif other not in case.options:
                    out.append(RefProblem(path=("options", oid, kind, i), message=Message(f"ec_{kind}_unknown", option=oid, other=other), hint=known_hint("options", case.options)))
        for other in sorted(set(opt.requires) & set(opt.excludes)):
            out.append(RefProblem(path=("options", oid, "excludes"), message=Message("ec_requires_and_excludes", option=oid, other=other), hint=Message("ec_requires_and_excludes_hint")))
        for obj in opt.notes:
            if obj not in objectives:
                out.append(RefProblem(path=("options", oid, "notes", obj), message=Message("ec_note_unknown_objective", option=oid, objective=obj), hint=known_hint("objectives", objectives)))
    return out


def _weight_problems(case: Case) -> list[RefProblem]:
    out: list[RefProblem] = []
    for pid, profile in case.weights.items():
        if profile_kind(profile) not in ("numbers", "order"):
            continue  # the forms of schema_methods are checked by method_problems
        if isinstance(profile, list):
            seen: set[str] = set()
            for i, obj in enumerate(profile):
                if obj not in case.objectives:
                    out.append(RefProblem(path=("weights", pid, i), message=Message("ec_profile_unknown_objective", profile=pid, objective=obj), hint=known_hint("objectives", case.objectives)))
                if obj in seen:
                    out.append(RefProblem(path=("weights", pid, i), message=Message("ec_order_twice", profile=pid, objective=obj), hint=Message("ec_order_twice_hint")))
                seen.add(obj)
            if not profile:
                out.append(RefProblem(path=("weights", pid), message=Message("ec_profile_empty_list", profile=pid), hint=Message("ec_profile_empty_list_hint")))
            continue
        for obj in profile:
            if obj not in case.objectives:
                out.append(RefProblem(path=("weights", pid, obj), message=Message("ec_profile_unknown_objective", profile=pid, objective=obj), hint=known_hint("objectives", case.objectives)))
        if not any(v > 0 for v in profile.values()):
            out.append(RefProblem(path=("weights", pid), message=Message("ec_profile_no_positive", profile=pid), hint=Message("ec_positive_weight_hint")))
    return out


def _constraint_problems(case: Case) -> list[RefProblem]:
    out: list[RefProblem] = []
    c = case.constraints
    for kind in ("limits", "package"):
        for obj in getattr(c, kind):
            if obj not in case.objectives:
                out.append(RefProblem(path=("constraints", kind, obj), message=Message(f"ec_{kind}_unknown_objective", objective=obj), hint=known_hint("objectives", case.objectives)))
    for i, syn in enumerate(c.synergies):
        for oid in syn.options:
            if oid not in case.options:
                out.append(RefProblem(path=("constraints", "synergies", i), message=Message("ec_synergy_unknown_option", option=oid), hint=known_hint("options", case.options)))
    if c.count is not None and c.count[0] > len(case.options):
        out.append(RefProblem(path=("constraints", "count"), message=Message("ec_count_too_many", least=c.count[0], n=len(case.options)), hint=Message("ec_count_too_many_hint")))
    return out


def _label_problems(case: Case) -> list[RefProblem]:
    out: list[RefProblem] = []
    for pid in case.labels.profiles:
        if pid not in case.weights:
            out.append(RefProblem(path=("labels", "profiles", pid), message=Message("ec_label_unknown_profile", profile=pid), hint=known_hint("weight profiles", case.weights)))
    resources = set(case.constraints.budgets) | {r for opt in case.options.values() for r in opt.resources}
    for rid in case.labels.resources:
        if rid not in resources:
            out.append(RefProblem(path=("labels", "resources", rid), message=Message("ec_label_unknown_resource", resource=rid), hint=known_hint("resources", sorted(resources))))
    families = {opt.family for opt in case.options.values() if opt.family}
    for fam in case.labels.families:
        if fam not in families:
            out.append(RefProblem(path=("labels", "families", fam), message=Message("ec_label_unknown_family", family=fam), hint=known_hint("families", sorted(families))))
    return out


def _scenario_problems(case: Case) -> list[RefProblem]:
    out: list[RefProblem] = []
    given = [sid for sid, s in case.scenarios.items() if s.probability is not None]
    if given and len(given) < len(case.scenarios):
        for sid, sc in case.scenarios.items():
            if sc.probability is None:
                out.append(RefProblem(path=("scenarios", sid), message=Message("ec_probability_missing", scenario=sid, given=len(given), n=len(case.scenarios)), hint=MIXED_PROBABILITIES_HINT))
    elif given:
        total = sum(s.probability for s in case.scenarios.values())
        if abs(total - 1.0) > 1e-6:
            out.append(RefProblem(path=("scenarios",), message=Message("ec_probability_sum", total=total, off=total - 1), hint=Message("ec_probability_sum_hint")))
    for sid, sc in case.scenarios.items():
        for oid, changes in sc.scores.items():
            if oid not in case.options:
                out.append(RefProblem(path=("scenarios", sid, "scores", oid), message=Message("ec_scenario_unknown_option", scenario=sid, option=oid), hint=known_hint("options", case.options)))
                continue
            for obj, score in changes.items():
                if obj not in case.objectives:
                    out.append(RefProblem(path=("scenarios", sid, "scores", oid, obj), message=Message("ec_scenario_unknown_objective", scenario=sid, objective=obj), hint=known_hint("objectives", case.objectives)))
                    continue
                bad = _outside_scale(case, obj, score)
                if bad:
                    out.append(RefProblem(path=("scenarios", sid, "scores", oid, obj), message=Message("ec_in_scenario", scenario=sid, problem=bad), hint=Message("ec_outside_scale_hint")))
    return out


def case_json_schema(part: bool = False) -> dict:
    """JSON Schema of the case format, for editors that validate YAML as you type.

    ``part``: the schema of one file of a case split across several files (a folder, or
    several CASE arguments): every section is optional there, because another file may hold
    it; `negotiator validate` checks the case as a whole, including references across files.
    """
    schema = Case.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "negotiator case (format 1)"
    _accept_payoff_shorthand(schema.get("$defs", {}))
    # Something to analyse: objectives with options, or a game, a negotiation or a conflict alone.
    schema["anyOf"] = [{"required": ["objectives", "options"]}, {"required": ["games"]}, {"required": ["negotiations"]}, {"required": ["conflicts"]}]
    _bound_numbers(schema)
    schema["description"] = (
        f"Every number in a case lies between -{MAX_MAGNITUDE:g} and {MAX_MAGNITUDE:g}, and a non-zero one is at least "
        f"{MIN_MAGNITUDE:g} in size (see docs/authoring.md, 'Numbers'); true/false is never a number."
    )
    if part:
        del schema["anyOf"]
        schema["title"] = "negotiator case file (format 1), one part of a case split across files"
        schema["required"] = []
    return schema


_JSON_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _bound_numbers(node) -> None:
    """Every number in the schema carries the case's range (MAX_MAGNITUDE); stray pydantic ge/le become JSON's words."""
    if isinstance(node, list):
        for item in node:
            _bound_numbers(item)
        return
    if not isinstance(node, dict):
        return
    if node.get("type") in ("number", "integer"):
        for short, word in _JSON_BOUNDS.items():
            if short in node:
                node.setdefault(word, node.pop(short))
        cap = int(MAX_MAGNITUDE) if node["type"] == "integer" else MAX_MAGNITUDE
        if "minimum" not in node and "exclusiveMinimum" not in node:
            node["minimum"] = -cap
        if "maximum" not in node and "exclusiveMaximum" not in node:
            node["maximum"] = cap
    for value in node.values():
        _bound_numbers(value)


def _accept_payoff_shorthand(defs: dict) -> None:
    """A game payoff may be written `[3, 2]` alone (PayoffCell's before-validator): tell editors so."""
    cell = defs.get("PayoffCell")
    if cell is None:
        return
    pair = {
        "type": "array",
        "items": {"type": "number"},
        "minItems": 2,
        "maxItems": 2,
        "description": "shorthand: [first player's payoff, second player's payoff]",
    }
    defs["PayoffCell"] = {"anyOf": [pair, cell]}
