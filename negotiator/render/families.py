"""Option families as every output shows them: the memo, the terminal tables and the UI.

A case writes an option's family as its source numbers it (the bundled case: 一 … 五, the
sub-sections of the paper's §四), or as 1, 2, … or a word. Readers see its **number**, which
sorts as a number in every language (一, 二, 三, 四, 五 → 1 … 5, not Unicode's 一, 三, 二, 五, 四),
and its **name** from the case's ``labels: families:`` in their language, in a key beside the
table ("Families: 1 Reciprocal negotiation; 2 …"). A numeral means nothing to an English reader
and 一 looks like the "—" of an unranked option, so no output shows it.
"""

from __future__ import annotations

from negotiator.case.schema import family_numeral
from negotiator.i18n import tr

__all__ = ["family_number", "family_order", "family_name", "family_key"]


def family_number(case, family: str | None) -> int | None:
    """The family's number (``case.family_numbers()``), None for an option without a family."""
    return case.family_numbers().get(family) if family else None


def family_order(case, family: str | None) -> tuple[int, int]:
    """A sort key: families by number, options without one after them."""
    number = family_number(case, family)
    return (0, number) if number is not None else (1, 0)


def _own_name(case, family: str, lang: str) -> str | None:
    """The case's name for the family in ``lang``, or the family itself when it is a word, not a numeral."""
    named = case.family_label(family, lang)
    if named is not None:
        return named
    return None if family_numeral(family) is not None else family


def family_name(case, family: str, lang: str = "en") -> str:
    """The family's name: from the case, else the word it is, else "Family 3" / "第3类"."""
    return _own_name(case, family, lang) or tr("family_n", lang, n=case.family_numbers()[family])


def family_key(case, families, lang: str = "en") -> str | None:
    """"Families: 1 Reciprocal negotiation; 2 …" for those of ``families`` that have a name
    (None when none has: the numbers are all there is to say)."""
    numbers = case.family_numbers()
    used = sorted({f for f in families if f in numbers}, key=numbers.get)
    named = [(numbers[f], name) for f in used if (name := _own_name(case, f, lang))]
    if not named:
        return None
    return tr("family_key", lang, items=tr("list_sep", lang).join(f"{n} {name}" for n, name in named))
