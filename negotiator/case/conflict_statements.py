"""Preference statements over options: a tiny logic language, parsed once, evaluated on all states.

Grammar (lowest precedence first)::

    statement := implication (("iff") implication)*
    implication := disjunction (("if") disjunction)*     # "A if B" means: B implies A
    disjunction := conjunction (("or" | "|") conjunction)*
    conjunction := negation (("and" | "&") negation)*
    negation := ("not" | "!" | "~" | "-") negation | atom
    atom := OPTION_ID | "(" statement ")"

An option id in a statement is true in a state where its decision maker takes
the option. Parsing raises :class:`StatementError` with the character position;
evaluation works on a boolean matrix (states x options) at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from negotiator.messages import Message

__all__ = ["StatementError", "parse_statement", "statement_options", "evaluate_statement"]

_TOKEN = re.compile(r"\s*(?:(?P<op>\(|\)|&|\||!|~|-)|(?P<word>[\w][\w.\-]*))")
_KEYWORDS = {"and", "or", "not", "if", "iff"}


@dataclass(frozen=True)
class StatementError(ValueError):
    """A statement that does not parse: what is wrong and where (0-based character)."""

    reason: str
    position: int

    def __str__(self) -> str:
        return str(self.message())

    def message(self) -> Message:
        """What is wrong and where, as a Message (its English is str(self))."""
        return Message("ecf_statement_at", reason=self.reason, position=self.position + 1)


def _tokens(text: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if not m:
            raise StatementError(Message("ecf_unexpected_character", ch=repr(text[pos:].lstrip()[0])), pos + len(text[pos:]) - len(text[pos:].lstrip()))
        tok = m.group("op") or m.group("word")
        start = m.start("op") if m.group("op") else m.start("word")
        # "-" directly before a word is negation; inside a word it is part of the id (handled by the regex).
        out.append((tok.lower() if tok.lower() in _KEYWORDS else tok, start))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.toks = _tokens(text)
        self.i = 0

    def peek(self) -> str | None:
        return self.toks[self.i][0] if self.i < len(self.toks) else None

    def pos(self) -> int:
        return self.toks[self.i][1] if self.i < len(self.toks) else len(self.text)

    def take(self) -> str:
        tok = self.toks[self.i][0]
        self.i += 1
        return tok

    def parse(self):
        if not self.toks:
            raise StatementError(Message("ecf_empty_statement"), 0)
        node = self.iff()
        if self.peek() is not None:
            raise StatementError(Message("ecf_unexpected", token=repr(self.peek())), self.pos())
        return node

    def iff(self):
        node = self.implication()
        while self.peek() == "iff":
            self.take()
            node = ("iff", node, self.implication())
        return node

    def implication(self):
        node = self.disjunction()
        while self.peek() == "if":
            self.take()
            node = ("if", node, self.disjunction())
        return node

    def disjunction(self):
        node = self.conjunction()
        while self.peek() in ("or", "|"):
            self.take()
            node = ("or", node, self.conjunction())
        return node

    def conjunction(self):
        node = self.negation()
        while self.peek() in ("and", "&"):
            self.take()
            node = ("and", node, self.negation())
        return node

    def negation(self):
        if self.peek() in ("not", "!", "~", "-"):
            self.take()
            return ("not", self.negation())
        return self.atom()

    def atom(self):
        tok = self.peek()
        if tok is None:
            raise StatementError(Message("ecf_ends_early"), self.pos())
        if tok == "(":
            self.take()
            node = self.iff()
            if self.peek() != ")":
                raise StatementError(Message("ecf_paren_not_closed"), self.pos())
            self.take()
            return node
        if tok in _KEYWORDS or tok in (")", "&", "|"):
            raise StatementError(Message("ecf_expected_option", token=repr(tok)), self.pos())
        self.take()
        return ("opt", tok)


def parse_statement(text: str):
    """The syntax tree of a statement (nested tuples); raises StatementError."""
    return _Parser(text).parse()


def statement_options(tree) -> tuple[str, ...]:
    """Option ids a parsed statement mentions, in order of first mention."""
    seen: list[str] = []

    def walk(node):
        if node[0] == "opt":
            if node[1] not in seen:
                seen.append(node[1])
        else:
            for child in node[1:]:
                walk(child)

    walk(tree)
    return tuple(seen)


def evaluate_statement(tree, taken: np.ndarray, column: dict[str, int]) -> np.ndarray:
    """Truth of a statement in every state: ``taken`` is (states x options) bool."""
    kind = tree[0]
    if kind == "opt":
        return taken[:, column[tree[1]]]
    if kind == "not":
        return ~evaluate_statement(tree[1], taken, column)
    a = evaluate_statement(tree[1], taken, column)
    b = evaluate_statement(tree[2], taken, column)
    if kind == "and":
        return a & b
    if kind == "or":
        return a | b
    if kind == "if":  # a if b: b implies a
        return a | ~b
    if kind == "iff":
        return a == b
    raise AssertionError(kind)
