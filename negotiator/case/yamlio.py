"""Read YAML safely and remember where every key came from.

ruamel.yaml gives us line numbers and rejects duplicated keys. Two guards are
ours: text must be UTF-8, and anchors/aliases must not expand into a huge
tree (a "billion laughs" file would otherwise hang validation and eat memory).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from negotiator.errors import CaseError, Problem

__all__ = ["MAX_EXPANDED_NODES", "YamlDocument", "read_yaml", "parse_yaml_text", "to_plain"]

#: A real case has a few thousand nodes; anything past this is an alias bomb.
MAX_EXPANDED_NODES = 200_000


@dataclass
class YamlDocument:
    """A parsed file: plain data for validation, the ruamel tree for line numbers."""

    path: str
    data: Any  # plain dicts/lists/scalars
    tree: Any  # ruamel CommentedMap, kept for line look-ups and round-trip edits
    text: str

    def line_of(self, keys: tuple) -> tuple[int | None, int]:
        """Line (1-based) of the deepest part of ``keys`` present here, and how deep it got."""
        node, line, depth = self.tree, None, 0
        for key in keys:
            found = _child_line(node, key)
            if found is None:
                break
            line, node = found
            depth += 1
        return line, depth


def _child_line(node: Any, key: Any) -> tuple[int, Any] | None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    try:
        if isinstance(node, CommentedMap) and key in node:
            return node.lc.key(key)[0] + 1, node[key]
        if isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            return node.lc.item(key)[0] + 1, node[key]
    except (KeyError, TypeError, AttributeError, IndexError):
        return None
    return None


def _decode(raw: bytes, path: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CaseError(
            Problem(
                f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                file=path,
                line=line,
                hint="save the file as UTF-8 (in most editors: 'Save with encoding' > UTF-8)",
            )
        ) from None


def read_yaml(path: str | Path) -> YamlDocument:
    """Read one YAML file; every failure is a CaseError naming the file."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise CaseError(Problem("no such file or folder", file=name, hint="check the path, or run without a CASE to use the bundled case"))
    if p.is_dir():
        raise CaseError(Problem("is a folder, expected a YAML file", file=name))
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise CaseError(Problem(f"cannot read the file ({exc.strerror})", file=name, hint="check its permissions")) from None
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise CaseError(Problem("this is a spreadsheet or another binary file, not a YAML case", file=name, hint=f"import a workbook first: negotiator import {name} -o case.yaml"))
    return parse_yaml_text(_decode(raw, name), name)


def parse_yaml_text(text: str, name: str = "<text>") -> YamlDocument:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise CaseError(Problem("the file is empty", file=name, hint="start from `negotiator new case.yaml`, or point at a case file with content"))
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = (exc.problem or exc.context or "malformed YAML").strip()
        if "duplicate key" in str(exc):
            key = what.split('"')[1] if what.count('"') >= 2 else "?"
            first = exc.context_mark.line + 1 if exc.context_mark is not None else None
            what = f"duplicate key '{key}'" + (f" (first defined on line {first})" if first else "") + ": a key may appear only once here"
            hint = "rename or remove one of the two entries"
        else:
            hint = "fix the YAML syntax on this line (indentation, a missing ':' or an unclosed quote or bracket)"
        raise CaseError(Problem(what, file=name, line=line, hint=hint)) from None
    except YAMLError as exc:
        raise CaseError(Problem(f"malformed YAML: {exc}", file=name)) from None
    except RecursionError:
        raise CaseError(Problem("the YAML nests too deeply to be a case file", file=name)) from None
    size = _expanded_size(tree)
    if size > MAX_EXPANDED_NODES:
        raise CaseError(
            Problem(
                f"anchors and aliases would expand this file into more than {MAX_EXPANDED_NODES:,} nodes",
                file=name,
                hint="write the values out, or use fewer nested aliases (&anchor / *alias)",
            )
        )
    return YamlDocument(path=name, data=to_plain(tree), tree=tree, text=text)


def _expanded_size(root: Any) -> int:
    """Number of nodes the tree would have with every alias copied out.

    Aliases are shared objects in the loaded tree, so memoising by ``id``
    counts an exponentially large expansion in linear time. We stop as soon
    as the limit is passed.
    """
    memo: dict[int, int] = {}
    cap = MAX_EXPANDED_NODES + 1

    def size(node: Any, depth: int) -> int:
        if depth > 200:
            return cap
        key = id(node)
        if key in memo:
            return memo[key]
        total = 1
        if isinstance(node, dict):
            for k, v in node.items():
                total += size(v, depth + 1) + 1
                if total >= cap:
                    break
        elif isinstance(node, list):
            for v in node:
                total += size(v, depth + 1)
                if total >= cap:
                    break
        total = min(total, cap)
        memo[key] = total
        return total

    return size(root, 0)


def to_plain(node: Any) -> Any:
    """ruamel's commented containers and scalar subclasses as plain Python."""
    if isinstance(node, dict):
        return {to_plain(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, (list, tuple)):
        return [to_plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node
