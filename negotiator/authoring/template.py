"""`negotiator new`: a commented case to fill in, or a copy of the bundled case.

The template has every section, explained in plain words, with a tiny worked
example in each so that it is valid (and rankable) as written. PATH decides
the shape: ``case.yaml`` one file, ``case.xlsx`` a workbook, anything else a
folder laid out like the bundled case (strategies/ and payoffs/).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = ["TEMPLATE_PARTS", "template_text", "new_case"]

_HEADER = """\
negotiator: 1   # case format version: leave as 1
# ---------------------------------------------------------------------------
# A new negotiator case. Replace the example entries with your own.
#
# Everything you write here (scores, weights, probabilities, resources) is an
# ANALYST JUDGMENT: say where it comes from in `source`, `rationale` and
# `notes`, so a reader can trace every number.
#
# Check it:  negotiator validate THIS_FILE
# Rank it:   negotiator rank THIS_FILE
# Edit it in a spreadsheet: negotiator export THIS_FILE -o case.xlsx, then
#            negotiator import case.xlsx -o THIS_FILE --force
# ---------------------------------------------------------------------------

title: "New case: what decision is this?"
title_zh: "新案例：要做什么决定？"        # optional: Chinese labels are shown with --lang zh
description: >-
  One or two sentences: the decision, who takes it, and the source the
  options and scores come from.
"""

_OBJECTIVES = """\
# OBJECTIVES: what the options are judged on. One entry per objective.
#   id (the key)  short, no spaces: letters, digits, _ . -
#   label         the name people read; label_zh the Chinese name (optional)
#   direction     max = more is better, min = less is better (costs, risks)
#   scale         [lowest, highest] the scores use; leave it out to take the
#                 scale from the scores themselves
#   description, source   what it means and where it comes from (optional)
objectives:
  citizen_safety:
    label: "Safety of citizens abroad"
    label_zh: "海外公民安全"
    direction: max
    scale: [0, 10]
    description: "0 = seriously harmed, 5 = no change, 10 = decisively improved."
    source: "the paper, section 3"
  cost:
    label: "Cost"
    label_zh: "成本"
    direction: min
    scale: [0, 10]
    description: "0 = negligible, 10 = very heavy."
    # Optional, for the methods that use them (see docs/methods.md):
    #   value: {kind: piecewise, points: [[0, 0], [5, 0.8], [10, 1]]}   # or {kind: exponential, c: 2}
    #   levels: {low: 2, medium: 5, high: 8}      # lets scores be written as words
    #   promethee: {function: linear, q: 1, p: 3}
  escalation_risk:
    label: "Risk of escalation"
    label_zh: "升级风险"
    direction: min
    scale: [0, 10]
"""

_OPTIONS = """\
# OPTIONS: the measures to choose among. One entry per option.
#   label, label_zh   names people read
#   family, source    grouping and where the option comes from (optional)
#   rationale         one line: why it is on the list
#   resources         what it uses while running, e.g. {staff: 4, budget: 2}
#   requires          options that must also be chosen (prerequisites)
#   excludes          options that cannot be chosen with it
#   scores            a score on EVERY objective: a number, or
#                     [low, likely, high] when you are unsure
#   notes             one line per score saying why (recommended)
options:
  consular_hotline:
    label: "Consular hotline and legal aid"
    label_zh: "领事热线与法律援助"
    family: "A"
    source: "the paper, section 4"
    rationale: "Direct help for citizens who are detained or misidentified."
    resources: {staff: 6, budget: 2}
    scores:
      citizen_safety: [6, 7, 9]
      cost: 3
      escalation_risk: 1
    notes:
      citizen_safety: "reaches people fast; how many it reaches is uncertain"
  bilateral_talks:
    label: "Bilateral talks"
    label_zh: "双边磋商"
    family: "B"
    rationale: "Agree terms with the other government before it sets them alone."
    resources: {staff: 10, budget: 3}
    scores:
      citizen_safety: 6
      cost: 4
      escalation_risk: [2, 3, 5]
  public_protest:
    label: "Public protest"
    label_zh: "公开抗议"
    family: "B"
    resources: {staff: 2, budget: 1}
    requires: [bilateral_talks]          # only after talks have been tried
    excludes: [consular_hotline]         # example only: remove if not true
    scores:
      citizen_safety: 5
      cost: 1
      escalation_risk: [5, 7, 9]
"""

_WEIGHTS = """\
# WEIGHTS: viewpoints on what matters most. The FIRST profile is the default.
# A profile is either numbers per objective (any scale: they are normalised;
# a missing objective weighs 0) or a list of objectives, most important first.
# Weights say how much an objective matters, not which way it points.
# Other forms (see docs/methods.md): {order: [...], scheme: rank_sum},
# {swing: {objective: 0-100}}, {ahp: {a: {b: 3}}}, {hierarchy: {...}}.
weights:
  balanced:
    citizen_safety: 2
    cost: 1
    escalation_risk: 1
  safety_first:
    - citizen_safety
    - escalation_risk
    - cost
"""

_LABELS = """\
# LABELS: names, in English and Chinese, for things the sections above know
# only by id (memos and tables show them instead of the id).
labels:
  profiles:
    balanced: {label: Balanced, label_zh: 均衡}
    safety_first: {label: Safety first, label_zh: 安全优先}
  resources:
    staff: {label: Staff (person-years), label_zh: 人力（人年）}
    budget: {label: Budget (million), label_zh: 经费（百万）}
"""

_CONSTRAINTS = """\
# CONSTRAINTS: what a package of measures must respect (used by portfolio).
#   budgets    a cap per resource named in the options' resources
#   limits     red lines on an option's score: {min: ..} and/or {max: ..};
#              an option outside them is screened out before ranking
#   count      [fewest, most] measures chosen at once
#   package    limits on the package as a whole (sum of its scores)
#   synergies  extra value when options are chosen together
constraints:
  budgets:
    staff: 15
    budget: 5
  limits:
    escalation_risk: {max: 8}
  count: [1, 2]
  package: {}
  synergies:
    - options: [consular_hotline, bilateral_talks]
      bonus: 0.05
      label: "talks go better with the hotline's case records"
"""

_SCENARIOS = """\
# SCENARIOS: how the other side may behave. Probabilities add up to 1; leave them out of
# every scenario to read the case under complete ignorance (docs/payoffs.md).
# Each scenario lists only the scores it changes (option -> objective -> score);
# every other score keeps its value from `options`.
scenarios:
  cooperative:
    label: "Cooperative partner"
    label_zh: "合作型对方"
    probability: 0.6
  hostile:
    label: "Hostile partner"
    label_zh: "对抗型对方"
    description: "The other side links the issue to trade pressure."
    probability: 0.4
    scores:
      bilateral_talks:
        escalation_risk: [4, 5, 7]
      public_protest:
        escalation_risk: 9
"""

_ANALYSTS = """\
# ANALYSTS: several analysts' own judgments, compared or pooled by
# `negotiator analysts`. Each may give scores that differ from the options'
# (option -> objective -> score) and/or a weight profile. Optional.
analysts: {}
"""

_OTHER = """\
# GAMES, NEGOTIATIONS and CONFLICTS: a two-player game with the other
# government, a multi-issue negotiation agenda, and a conflict model (who
# holds which options, how each side ranks the outcomes; `negotiator conflict`
# finds the stable outcomes). See `negotiator schema` and docs/conflict.md for
# their fields. Leave them empty if you do not model them.
games: {}
negotiations: {}
conflicts: {}
"""

#: (file in a case folder, text). The one-file template is their concatenation.
TEMPLATE_PARTS: tuple[tuple[str, str], ...] = (
    ("strategies/options.yaml", _HEADER + "\n" + _OPTIONS),
    ("payoffs/objectives.yaml", _OBJECTIVES),
    ("payoffs/weights.yaml", _WEIGHTS),
    ("payoffs/constraints.yaml", _CONSTRAINTS),
    ("payoffs/labels.yaml", _LABELS),
    ("payoffs/scenarios.yaml", _SCENARIOS),
    ("payoffs/analysts.yaml", _ANALYSTS),
    ("payoffs/games.yaml", _OTHER),
)


def template_text() -> str:
    """The one-file template: every section, commented, valid as written."""
    return _HEADER + "\n" + _OBJECTIVES + "\n" + _OPTIONS + "\n" + _WEIGHTS + "\n" + _CONSTRAINTS + "\n" + _LABELS + "\n" + _SCENARIOS + "\n" + _ANALYSTS + "\n" + _OTHER


def _folder_parts() -> list[tuple[str, str]]:
    version = "negotiator: 1   # case format version\n"
    return [(name, text if text.startswith("negotiator:") else version + text) for name, text in TEMPLATE_PARTS]


def _bundled_one_file() -> str:
    """The bundled files joined into one, comments kept; the version line stated once."""
    from negotiator.case.catalog import bundled_dirs, case_files

    out: list[str] = []
    for i, f in enumerate(case_files(bundled_dirs())):
        text = f.read_text(encoding="utf-8")
        lines = text.splitlines()
        if i > 0:
            lines = [ln for ln in lines if not ln.startswith("negotiator:")]
            out.append("")
        out.append(f"# ==== from {f.parent.name}/{f.name} ====")
        out.extend(lines)
    return "\n".join(out) + "\n"


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "file"
    if suffix == ".xlsx":
        return "workbook"
    if suffix:
        raise UsageError(Problem(Message("et_bad_suffix", suffix=suffix), file=str(path), hint=Message("et_bad_suffix_hint")))
    return "folder"


def new_case(path: str | Path, source: str | None = None, force: bool = False) -> list[Path]:
    """Write a new case at ``path``; ``source`` "bundled" copies the bundled case. Returns the files written."""
    from negotiator.fileio import check_writable, write_atomic

    p = Path(path)
    if source not in (None, "bundled"):
        raise UsageError(Problem(Message("et_unknown_from", source=source), hint=Message("et_unknown_from_hint")))
    kind = _kind(p)
    if kind == "folder":
        return _new_folder(p, source, force)
    check_writable(p, force=force)
    if kind == "workbook":
        from negotiator.case.catalog import load_case, load_case_text
        from negotiator.authoring.workbook import export_workbook

        loaded = load_case() if source else load_case_text(template_text(), "template")
        return [export_workbook(loaded, p, force=force)]
    text = _bundled_one_file() if source else template_text()
    return [write_atomic(p, text, force=force)]


def _new_folder(p: Path, source: str | None, force: bool) -> list[Path]:
    from negotiator.fileio import write_atomic

    if p.exists() and not p.is_dir():
        raise UsageError(Problem(Message("et_not_a_folder"), file=str(p), hint=Message("ee_name_taken_hint")))
    if p.is_dir() and any(p.iterdir()) and not force:
        raise UsageError(Problem(Message("et_folder_not_empty"), file=str(p), hint=Message("et_folder_not_empty_hint")))
    if not p.parent.is_dir():
        raise UsageError(Problem(Message("et_no_parent", folder=str(p.parent)), file=str(p)))
    written: list[Path] = []
    if source == "bundled":
        from negotiator.case.catalog import bundled_dirs

        for d in bundled_dirs():
            for f in sorted(d.rglob("*.yaml")):
                target = p / d.name / f.relative_to(d)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(f, target)
                written.append(target)
        return written
    for name, text in _folder_parts():
        target = p / name
        target.parent.mkdir(parents=True, exist_ok=True)
        written.append(write_atomic(target, text, force=force))
    return written
