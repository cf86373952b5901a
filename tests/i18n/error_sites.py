"""Where the core still words a user error in English only: a text literal (plain or f-string) handed
to a problem as its message or hint, instead of a negotiator.messages.Message.

Counted: the message and hint of ``Problem``, ``RefProblem``, ``NegotiatorError``/``CaseError``/
``UsageError``/``UnsafeYamlError``, ``LoadedCase.problem`` and the authoring ``issues.add``; and the
text of a ``ValueError`` raised in case/ (a pydantic validator's message becomes the problem's), unless
its line says ``# internal`` (a caller's bug, not the user's input).
Run ``python tests/i18n/error_sites.py [FILE ...]`` for the count per file.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "negotiator"

#: Call name -> positions of (message, hint) among its positional arguments.
_CALLS = {
    "Problem": (0, 3), "RefProblem": (None, None), "NegotiatorError": (0, 1), "CaseError": (0, 1), "UsageError": (0, 1),
    "UnsafeYamlError": (0, 2), "problem": (1, 2), "add": (1, 2),
}


def _is_text(node: ast.AST) -> bool:
    """A literal text: "...", f"...", or texts joined with + (or a conditional between texts)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_text(node.body) or _is_text(node.orelse)
    return False


def _name(call: ast.Call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def english_sites(path: Path) -> list[tuple[int, str]]:
    """(line, what) of every English-only error text in ``path``."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    in_case = path.is_relative_to(PACKAGE) and "case" in path.relative_to(PACKAGE).parts[:1]
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        if name == "ValueError" and in_case:
            if node.args and _is_text(node.args[0]) and "# internal" not in lines[node.lineno - 1]:
                out.append((node.lineno, "ValueError"))
            continue
        if name not in _CALLS or (name == "add" and not (isinstance(node.func, ast.Attribute) and "issues" in ast.unparse(node.func.value))):
            continue
        if name == "problem" and not isinstance(node.func, ast.Attribute):
            continue
        msg_at, hint_at = _CALLS[name]
        args = {"message": node.args[msg_at] if msg_at is not None and len(node.args) > msg_at else None,
                "hint": node.args[hint_at] if hint_at is not None and len(node.args) > hint_at else None}
        for kw in node.keywords:
            if kw.arg in ("message", "hint"):
                args[kw.arg] = kw.value
        for what, value in args.items():
            if value is not None and _is_text(value):
                out.append((value.lineno, f"{name} {what}"))
    return sorted(out)


def main(argv: list[str]) -> None:
    files = [Path(a) for a in argv] or sorted(PACKAGE.rglob("*.py"))
    total = 0
    for f in files:
        sites = english_sites(f.resolve())
        total += len(sites)
        if sites:
            print(f"{len(sites):4d}  {f.resolve().relative_to(PACKAGE.parent)}")
    print(f"{total:4d}  in all")


if __name__ == "__main__":
    main(sys.argv[1:])
