"""Every word a user sees, in English and Chinese: one catalogue, one lookup.

The entries live as data by area (``memo.py``, ``terminal.py``, ``tui.py``, ``core.py``, ``conflict.py``: each a dict of
``{"en": ..., "zh": ...}``), merged here into :data:`CATALOGUE`. A key means the same thing
in every area: two areas holding one key with different text is an error at import.
render/, report/, cli/ and tui/ word everything with :func:`tr`; the analyses never import
this package (tests/architecture/test_layers.py).
"""

from __future__ import annotations

from negotiator.i18n.commands import STRINGS as _COMMANDS
from negotiator.i18n.conflict import STRINGS as _CONFLICT
from negotiator.i18n.core import STRINGS as _CORE
from negotiator.i18n.memo import STRINGS as _MEMO
from negotiator.i18n.terminal import STRINGS as _TERMINAL
from negotiator.i18n.tui import STRINGS as _TUI

__all__ = ["LANGS", "CATALOGUE", "check_lang", "tr", "label", "method_name", "score_name", "red_line_reason", "sep", "colon", "rule_name", "core_text", "case_name"]

LANGS = ("en", "zh")


def _merge(*areas: tuple[str, dict[str, dict[str, str]]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    where: dict[str, str] = {}
    for area, entries in areas:
        for key, entry in entries.items():
            if key in merged and merged[key] != entry:
                raise ValueError(f"i18n key '{key}' means different things in {where[key]} and {area}: {merged[key]} vs {entry}")
            merged.setdefault(key, entry)
            where.setdefault(key, area)
    return merged


#: The one message catalogue: key -> {"en": ..., "zh": ...}.
CATALOGUE: dict[str, dict[str, str]] = _merge(
    ("i18n/memo.py", _MEMO), ("i18n/terminal.py", _TERMINAL), ("i18n/tui.py", _TUI), ("i18n/core.py", _CORE),
    ("i18n/commands.py", _COMMANDS), ("i18n/conflict.py", _CONFLICT),
)


def check_lang(lang: str) -> str:
    """``lang`` when it is one of :data:`LANGS`; otherwise a UsageError naming the choices."""
    from negotiator.errors import Problem, UsageError

    if lang not in LANGS:
        raise UsageError(Problem(f"unknown language '{lang}'", hint="use --lang en or --lang zh"))
    return lang


def tr(key: str, lang: str = "en", **params) -> str:
    """The text of ``key`` in ``lang`` with ``{params}`` filled in; an unknown key or language raises KeyError."""
    template = CATALOGUE[key][lang]
    return template.format(**params) if params else template


def label(item, lang: str = "en") -> str:
    """A case item's label in ``lang`` (its English ``label`` when it has no ``label_zh``)."""
    zh = getattr(item, "label_zh", None)
    return zh if lang == "zh" and zh else item.label


def method_name(method: str, lang: str) -> str:
    """The method as a reader of ``lang`` names it; in Chinese the id stays beside it so the command can be re-run."""
    key = f"method_{method}"
    if lang == "zh" and key in CATALOGUE:
        return f"{tr(key, lang)}（{method}）"
    return method


_SCORE_KEYS = {entry["en"]: key for key, entry in CATALOGUE.items() if key.startswith("score_")}


def score_name(name: str, lang: str) -> str:
    """A method's score name (MethodResult.score_name, English) in ``lang``; one without an entry stays as it is."""
    key = _SCORE_KEYS.get(name)
    return tr(key, lang) if key and lang != "en" else name


def colon(lang: str) -> str:
    """What follows a heading word or a place before its text: ': ' in English, '：' in Chinese."""
    return "：" if lang == "zh" else ": "


def sep(lang: str) -> str:
    """The separator between list items: '; ' in English, '；' in Chinese."""
    return "；" if lang == "zh" else "; "


def red_line_reason(case, breaches, lang: str) -> str:
    """An option's broken red lines (matrix.Breach) in words of ``lang``, objectives by their labels."""
    parts = [
        tr("reason_below" if b.below else "reason_above", lang, objective=label(case.objectives[b.objective], lang), value=f"{b.value:g}", limit=f"{b.bound:g}")
        for b in breaches
    ]
    return sep(lang).join(parts)


def rule_name(rule, lang: str, alpha: float) -> str:
    """A decision rule's name (scenarios.rules.RuleResult) in ``lang``; a rule without an entry keeps the core's English name."""
    key = f"rule_{rule.rule}"
    if key not in CATALOGUE:
        return rule.name
    return tr(key, lang, alpha=f"{alpha:g}") if rule.rule == "hurwicz" else tr(key, lang)


def core_text(text, lang: str) -> str:
    """A core sentence in ``lang``: a negotiator.messages.Message is worded from the catalogue (its
    Message parameters too); any other text is the core's own and stays as it is."""
    from negotiator.messages import Message

    if not isinstance(text, Message) or lang == "en":
        return text

    def word(value):
        if isinstance(value, Message):
            return core_text(value, lang)
        if isinstance(value, tuple) and value and all(isinstance(v, Message) for v in value):
            return ", ".join(core_text(v, lang) for v in value)
        return value

    # Always formatted, as its English is (tr leaves a text without parameters as it is: "{{" would stay doubled).
    return CATALOGUE[text.key][lang].format(**{k: word(v) for k, v in text.params.items()})


def case_name(name, lang: str) -> str:
    """The case's name as a reader of ``lang`` sees it: the bundled case's name is worded; a path stays
    as it is; a core Message (the analysts' pooled case) is worded with the case inside it."""
    from negotiator.messages import Message

    if name == "bundled":
        return tr("case_bundled", lang)
    if isinstance(name, Message) and lang != "en":
        return tr(name.key, lang, **{k: case_name(v, lang) if k == "case" else core_text(v, lang) for k, v in name.params.items()})
    return name
