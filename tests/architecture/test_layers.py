"""The package's folders are its architecture: imports run one way, and never in a circle.

case -> model -> methods -> analyses -> i18n -> render -> report/authoring -> cli/tui.
A lower layer that imports a higher one (an analysis that formats text, a model that
prints) is the drift issue 13 was about; this scan keeps it from coming back.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "negotiator"

#: Layer of each top-level part of the package; a module may import its own layer or lower.
LAYERS = {
    "_version": 0, "errors": 0, "messages": 0, "fileio": 0, "solvers": 0,
    "case": 1,
    "model": 2,
    "methods": 3,
    "ranking": 4, "scenarios": 4, "games": 4, "conflict": 4, "negotiation": 4, "sensitivity": 4, "portfolio": 4,
    "i18n": 5,
    "render": 6,
    "report": 7, "authoring": 7,
    "cli": 8, "tui": 8,
    "__main__": 9, "testing": 9, "__init__": 9,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every negotiator module a file imports, at top level or inside a function."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("negotiator"):
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("negotiator"))
    return found


def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {m for m in imports_of(path) if m in files and m != name} for name, path in files.items()}


def layer(module: str) -> int:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    assert top in LAYERS, f"{module}: add its folder to LAYERS in this test"
    return LAYERS[top]


def test_every_import_runs_down_the_layers():
    upward = sorted(
        f"{source} imports {target}"
        for source, targets in graph().items()
        for target in targets
        if layer(target) > layer(source)
    )
    assert upward == []


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles():
    edges = graph()
    # A package's __init__ re-exporting its own modules is not a cycle of design.
    edges = {
        source: {t for t in targets if not (source.startswith(t + ".") and t in edges)}
        for source, targets in edges.items()
    }
    assert _cycles(edges) == []


@pytest.mark.parametrize("folder", ["case", "model", "methods", "ranking", "scenarios", "games", "negotiation", "sensitivity", "portfolio"])
def test_the_core_does_not_print_or_draw(folder):
    """The core returns data and message keys; rich, typer, textual and matplotlib belong above it."""
    banned = ("rich", "typer", "textual", "matplotlib")
    offenders = []
    for path in (PACKAGE / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{path.relative_to(PACKAGE)}: {n}" for n in names if n.split(".")[0] in banned]
    assert offenders == []
