"""Errors that reach the user as one clear message (file, line, what to do).

The core raises these; the CLI prints them and exits with code 2. No other
exception type is meant to reach a user.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Problem", "NegotiatorError", "CaseError", "UsageError"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we can."""

    message: str
    file: str | None = None
    line: int | None = None  # 1-based
    hint: str | None = None
    where: str | None = None  # a logical place, e.g. "options.talks.scores"

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
