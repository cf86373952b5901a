"""Errors that reach the user as one clear message (file, line, what to do).

The core raises these; the CLI prints them and exits with code 2. No other
exception type is meant to reach a user.
"""

from __future__ import annotations

from dataclasses import dataclass

from negotiator.messages import Message

__all__ = ["Problem", "NegotiatorError", "CaseError", "UsageError", "shorten"]


#: A word (a run without spaces) longer than this in a message is shortened to SHOWN characters and "…":
#: an id or a value of a megabyte is echoed as its start, not in full.
LONGEST_WORD, SHOWN = 80, 60


def shorten(text: str | None) -> str | None:
    """``text`` with every word longer than LONGEST_WORD characters cut to SHOWN and "…" (its closing quote kept)."""
    if text is None or len(text) <= LONGEST_WORD:
        return text
    import re

    def cut(m: "re.Match[str]") -> str:
        word = m.group(0)
        end = word[-1] if word[-1] in "'\")]}" else ""
        return word[:SHOWN] + "…" + end

    long_word = re.compile(r"\S{%d,}" % (LONGEST_WORD + 1))
    if not long_word.search(text):
        return text  # unchanged, and still what it was (a Message keeps its key, so it can be translated)
    return long_word.sub(cut, text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we can.

    ``message`` and ``hint`` are plain English or a :class:`negotiator.messages.Message` (worded in the
    reader's language by the CLI and the TUI). Long words in ``message``, ``hint`` and ``where`` are
    shortened (see :func:`shorten`; a Message stays a Message); ``file`` is kept whole.
    """

    message: str
    file: str | None = None
    line: int | None = None  # 1-based
    hint: str | None = None
    where: str | None = None  # a logical place, e.g. "options.talks.scores"

    def __post_init__(self) -> None:
        for name in ("message", "hint", "where"):
            value = getattr(self, name)
            if isinstance(value, str) and len(value) > LONGEST_WORD:
                # A Message keeps its key: its English and its text parameters are shortened, so it is
                # still worded in the reader's language (and echoes no megabyte in any of them).
                object.__setattr__(self, name, value.mapped(shorten) if isinstance(value, Message) else shorten(value))

    def location(self) -> str:
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file or ""

    def render(self) -> str:
        parts = []
        loc = self.location()
        if loc:
            parts.append(f"{loc}: ")
        if self.where:
            parts.append(f"{self.where}: ")
        parts.append(self.message)
        text = "".join(parts)
        if self.hint:
            text += f"\n  fix: {self.hint}"
        return text


class NegotiatorError(Exception):
    """Base of every error that is the user's input, not our bug (exit code 2)."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | Problem | str, hint: str | None = None):
        if isinstance(problems, str):
            problems = [Problem(problems, hint=hint)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__(self.render())

    def render(self) -> str:
        return "\n".join(p.render() for p in self.problems)


class CaseError(NegotiatorError):
    """A case file (or set of files) that cannot be used as it is."""


class UsageError(NegotiatorError):
    """A command-line option or API argument that makes no sense for this case."""
