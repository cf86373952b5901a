"""The runtime dependencies are honest: every import is declared, every declaration is used,
and the installed package imports with nothing but what it declares.

A test-only package (scipy, pymcdm) imported by a runtime module works on a developer's
machine and fails on a plain `pip install .`; a declared package that nothing imports
makes every install slower for nothing. Both happened (issue 18).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")
Requirement = pytest.importorskip("packaging.requirements").Requirement

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "negotiator"

#: The distribution that provides each top-level import name, where the two differ.
DIST_OF = {"docx": "python-docx", "ruamel": "ruamel.yaml", "pulp": "pulp", "textual_serve": "textual-serve", "yaml": "PyYAML"}
#: Optional packages: imported only where the code copes with their absence (an extra).
OPTIONAL = {"highspy": "highs"}


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower()


def third_party_imports() -> dict[str, set[str]]:
    """Top-level import name -> the package modules importing it (at top level or inside a function)."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "negotiator":
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_runtime_import_is_a_declared_dependency():
    declared = {_name(r) for r in _project()["dependencies"]}
    extras = {extra: {_name(r) for r in reqs} for extra, reqs in _project()["optional-dependencies"].items()}
    for top, where in sorted(third_party_imports().items()):
        dist = DIST_OF.get(top, top).lower()
        if top in OPTIONAL:
            assert dist in extras[OPTIONAL[top]], f"{top} (imported by {sorted(where)}) is not in the [{OPTIONAL[top]}] extra"
            continue
        assert dist in declared, f"{top} is imported by {sorted(where)} but is not a runtime dependency in pyproject.toml"


def test_every_declared_dependency_is_imported():
    imported = {DIST_OF.get(top, top).lower() for top in third_party_imports()}
    unused = [r for r in _project()["dependencies"] if _name(r) not in imported]
    assert not unused, f"declared but never imported: {unused}"
