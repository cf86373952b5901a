"""Read YAML safely and remember where every key came from.

This is the one place that reads YAML text: case files, workbook cells and the
"Other sections" sheet, CSV merges and the TUI's save all come through here.
ruamel.yaml gives us line numbers and rejects duplicated keys. The guards are
ours, and run on the parsed nodes before any Python object is built: text must
be UTF-8; anchors/aliases must not expand into a huge tree (a "billion laughs"
file would otherwise hang validation and eat memory) nor refer to themselves;
nothing may nest deeper than a case ever does; keys are plain scalars; and the
only tags are YAML's plain ones (no ``!!python/...``, ``!!omap``, ``!!set`` or
local ``!tags``).

Everyone who reads gets a :func:`yaml_reader` object (its ``load`` is
guarded, so it can also dump what it read, for round-trip edits) or calls
:func:`load_yaml_tree`, :func:`parse_yaml_text` or :func:`parse_yaml_fragment`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Union

from negotiator.errors import CaseError, Problem
from negotiator.messages import Message

__all__ = [
    "MAX_EXPANDED_NODES",
    "MAX_DEPTH",
    "MAX_INTEGER_DIGITS",
    "DEFAULT_MAX_CASE_MB",
    "MAX_CASE_ENV",
    "max_case_bytes",
    "UnsafeYamlError",
    "YamlDocument",
    "read_yaml",
    "parse_yaml_text",
    "parse_yaml_fragment",
    "load_yaml_tree",
    "yaml_reader",
    "to_plain",
]

#: A real case has a few thousand nodes; anything past this is an alias bomb.
MAX_EXPANDED_NODES = 200_000
#: A real case nests about eight levels; past this it is not a case.
MAX_DEPTH = 200
#: Digits an integer may be written with: far past any number a case holds (schema: |x| <= 1e15),
#: and well under the 4,300 digits past which Python refuses to read an integer at all.
MAX_INTEGER_DIGITS = 100
#: The largest case file read by default, in megabytes. The bundled case is about 0.1 MB, and
#: reading (with line numbers kept for messages) takes up to 8 s per MB of dense YAML, so the
#: cap keeps a wrong file from hanging a command; NEGOTIATOR_MAX_CASE_MB lifts it.
DEFAULT_MAX_CASE_MB = 2
MAX_CASE_ENV = "NEGOTIATOR_MAX_CASE_MB"

_CORE = "tag:yaml.org,2002:"
#: Tags a case may carry, all of them implicit in plain YAML (`<<` is the merge key).
_ALLOWED_TAGS = frozenset(_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge"))

#: Where a problem inside the text is: a fixed place ("Objectives!I2"), or one per line of the text.
Where = Union[str, Callable[[int], str], None]


class UnsafeYamlError(CaseError):
    """YAML refused before it is built: an alias bomb, a recursive alias, a non-plain tag, too deep, a complex key.

    Unlike a syntax error this is never worth reading on from: a workbook
    carrying one is refused as a whole, with this one message.
    """

    def __init__(self, message: str, line: int | None = None, hint: str | None = None):
        self.message, self.line, self.hint = message, line, hint
        super().__init__(Problem(message, line=line, hint=hint))

    def located(self, name: str, where: Where = None) -> "UnsafeYamlError":
        out = UnsafeYamlError(self.message, self.line, self.hint)
        out.problems = [_problem(self.message, name, self.line, self.hint, where)]
        out.args = (out.render(),)
        return out


def _problem(message: str, name: str, line: int | None, hint: str | None, where: Where) -> Problem:
    if where is None:
        return Problem(message, file=name, line=line, hint=hint)
    if callable(where):
        return Problem(message, file=name, where=where(line or 1), hint=hint)
    if line and line > 1:
        message = Message("ey_line_of_text", message=message, line=line)
    return Problem(message, file=name, where=where, hint=hint)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


def _check_nodes(root: Any) -> None:
    """Refuse what must not be built, looking only at the composed nodes (linear in the text).

    Aliases are the very same node object as their anchor, so memoising by
    ``id`` counts an exponentially large expansion in linear time; a node met
    again while still being walked is a recursive alias. Works on ruamel's
    nodes and on PyYAML's (both name their kind in ``node.id``).
    """
    cap = MAX_EXPANDED_NODES + 1
    sizes: dict[int, int] = {}
    walking: set[int] = set()

    def line_of(node: Any) -> int | None:
        mark = getattr(node, "start_mark", None)
        return None if mark is None else mark.line + 1

    def size(node: Any, depth: int) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in walking:
            anchor = f"&{node.anchor}" if getattr(node, "anchor", None) else "an anchor"  # (the English of ey_recursive_alias_anon)
            raise UnsafeYamlError(Message("ey_recursive_alias", anchor=anchor) if anchor != "an anchor" else Message("ey_recursive_alias_anon"), line_of(node), Message("ey_recursive_alias_hint"))
        if depth > MAX_DEPTH:
            raise UnsafeYamlError(Message("ey_nests_deep", n=MAX_DEPTH), line_of(node), Message("ey_nests_deep_hint"))
        tag = str(node.tag)
        if tag not in _ALLOWED_TAGS:
            raise UnsafeYamlError(Message("ey_tag", tag=_short_tag(tag)), line_of(node), Message("ey_tag_hint"))
        total = 1
        kind = node.id
        if kind == "scalar":
            _check_scalar(node, tag, line_of)
        else:
            walking.add(key)
            if kind == "mapping":
                for k, v in node.value:
                    if k.id != "scalar":
                        raise UnsafeYamlError(Message("ey_complex_key"), line_of(k), Message("ey_complex_key_hint"))
                    total += size(k, depth + 1) + size(v, depth + 1)
                    if total >= cap:
                        break
            elif kind == "sequence":
                for v in node.value:
                    total += size(v, depth + 1)
                    if total >= cap:
                        break
            walking.discard(key)
        if total >= cap:
            raise UnsafeYamlError(Message("ey_alias_bomb", n=MAX_EXPANDED_NODES), line_of(node), Message("ey_alias_bomb_hint"))
        sizes[key] = total
        return total

    size(root, 0)


def _check_scalar(node: Any, tag: str, line_of: Callable[[Any], int | None]) -> None:
    """A scalar that cannot be text or a number: a lone surrogate escape, an integer of thousands of digits."""
    value = node.value
    if isinstance(value, str):
        # "\ud800" in double quotes gives half of a UTF-16 pair: no character, and no UTF-8 for it.
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            try:  # "\ud83d\ude00", a pair written as two escapes, is one character: 😀
                node.value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
                return
            except UnicodeDecodeError:
                pass
            raise UnsafeYamlError(Message("ey_surrogate", code=f"{ord(value[exc.start]):04x}"), line_of(node), Message("ey_surrogate_hint")) from None
    if tag == _CORE + "int" and len(value) > MAX_INTEGER_DIGITS:
        raise UnsafeYamlError(Message("ey_digits", n=len(value)), line_of(node), Message("ey_digits_hint"))


@lru_cache(maxsize=None)
def _guarded(base: type) -> type:
    class Guarded(base):  # type: ignore[misc, valid-type]
        guarded = True

        def construct_document(self, node: Any) -> Any:
            _check_nodes(node)
            return super().construct_document(node)

    Guarded.__name__ = Guarded.__qualname__ = f"Guarded{base.__name__}"
    for tag in ("timestamp", "int", "float"):
        built = Guarded.yaml_constructors.get(_CORE + tag)
        if built is not None:
            Guarded.add_constructor(_CORE + tag, _readable(built))
    return Guarded


def _readable(construct: Callable) -> Callable:
    """A scalar constructor whose ValueError ("day is out of range for month") names the line."""

    def build(constructor: Any, node: Any) -> Any:
        try:
            return construct(constructor, node)
        except (ValueError, OverflowError) as exc:
            mark = getattr(node, "start_mark", None)
            raise UnsafeYamlError(
                Message("ey_no_such_date", value=repr(str(node.value)[:60]), detail=_known_detail(str(exc))),
                None if mark is None else mark.line + 1,
                Message("ey_no_such_date_hint"),
            ) from None

    return build


def yaml_reader(typ: str = "rt", *, width: int | None = None, preserve_quotes: bool = False, indent: tuple[int, int, int] | None = None):
    """A ruamel ``YAML`` whose ``load`` refuses unsafe YAML (raises :class:`UnsafeYamlError`).

    ``typ="rt"`` keeps comments and line numbers (and can dump the tree back
    with the given layout); ``typ="safe"`` is faster and gives plain data.
    Load through :func:`load_yaml_tree` to get errors naming the file.
    """
    from ruamel.yaml import YAML

    yaml = YAML(typ=typ, pure=True)
    yaml.Constructor = _guarded(yaml.Constructor)
    yaml.allow_duplicate_keys = False
    yaml.preserve_quotes = preserve_quotes or None
    if width is not None:
        yaml.width = width
    if indent is not None:
        mapping, sequence, offset = indent
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def load_yaml_tree(text: str, name: str = "<text>", *, where: Where = None, yaml: Any = None) -> Any:
    """The YAML ``text`` loaded by ``yaml`` (default: a round-trip :func:`yaml_reader`), guarded.

    Every failure is a CaseError naming ``name`` and the line, or ``where``
    (a cell, or a function of the line) when the text came from a workbook;
    unsafe YAML raises its subclass :class:`UnsafeYamlError`.
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = yaml_reader() if yaml is None else yaml
    if not getattr(yaml.Constructor, "guarded", False):
        raise TypeError("load_yaml_tree needs a yamlio.yaml_reader() object")  # pragma: no cover - a programming error
    try:
        return yaml.load(text)
    except UnsafeYamlError as exc:
        raise exc.located(name, where) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = (exc.problem or exc.context or "malformed YAML").strip()
        if "duplicate key" in str(exc):
            key = what.split('"')[1] if what.count('"') >= 2 else "?"
            first = exc.context_mark.line + 1 if exc.context_mark is not None else None
            what = Message("ey_duplicate_key_line", name=key, first=first) if first else Message("ey_duplicate_key", name=key)
            hint = Message("ey_duplicate_key_hint")
        elif _at_end(exc, text) and exc.context_mark is not None and exc.context:
            # The file ended inside a bracket or quote: the line past the end says nothing; where it opens does.
            line = exc.context_mark.line + 1
            opened = exc.context.removeprefix("while parsing a ").removeprefix("while scanning a ")
            opened = {"flow mapping": "'{'", "flow sequence": "'['", "quoted scalar": Message("ey_quote")}.get(opened, opened)
            what = Message("ey_never_closed", what=syntax_message(what), opened=opened)
            hint = Message("ey_never_closed_hint")
        else:
            what = syntax_message(what)
            hint = Message("ey_syntax_hint")
        raise CaseError(_problem(what, name, line, hint, where)) from None
    except YAMLError as exc:
        raise CaseError(_problem(Message("ey_malformed", detail=str(exc)), name, None, None, where)) from None
    except RecursionError:
        raise CaseError(_problem(Message("ey_too_deep", n=MAX_DEPTH), name, None, Message("ey_too_deep_hint"), where)) from None


#: ruamel's words for a syntax error -> the message key that words it in every language (the
#: English as ruamel wrote it, checked); named groups are the message's parameters.
_SYNTAX = [
    (r"found character '\\t' that cannot start any token", "ey_tab"),
    (r"found character (?P<ch>'.*') that cannot start any token", "ey_bad_char"),
    (r"expected <block end>, but found '<block mapping start>'", "ey_block_end_key"),
    (r"expected <block end>, but found '-'", "ey_block_end_dash"),
    (r"expected <block end>, but found '<scalar>'", "ey_block_end_text"),
    (r"mapping values are not allowed here", "ey_mapping_values"),
    (r"sequence entries are not allowed here", "ey_sequence_entries"),
    (r"could not find expected ':'", "ey_no_colon"),
    (r"found undefined alias (?P<alias>'.*')", "ey_undefined_alias"),
    (r"expected ',' or '\}', but got (?P<got>'.*')", "ey_flow_mapping"),
    (r"expected ',' or '\]', but got (?P<got>'.*')", "ey_flow_sequence"),
    (r"found unknown escape character (?P<ch>'.*')", "ey_escape"),
    (r"but found another document", "ey_two_documents"),
    (r"found unexpected end of stream", "ey_end_of_stream"),
]
#: ruamel's names of tokens, as a reader of any language reads them.
_TOKENS = {"'<scalar>'": "ey_token_text", "'<stream end>'": "ey_token_end", "'<block mapping start>'": "ey_token_key", "'<block end>'": "ey_token_block_end"}


def syntax_message(what: str) -> str:
    """ruamel's description of a syntax error as a Message when the catalogue words it, else as it is."""
    for pattern, key in _SYNTAX:
        m = re.fullmatch(pattern, what)
        if m:
            params = {k: (Message(_TOKENS[v]) if v in _TOKENS else v) for k, v in m.groupdict().items()}
            worded = Message(key, **params)
            return worded if worded == what else what
    return what


#: Python's words for a date that does not exist -> their message key.
_DETAILS = {"day is out of range for month": "ey_detail_day", "month must be in 1..12": "ey_detail_month", "year 0 is out of range": "ey_detail_year"}


def _known_detail(detail: str) -> str:
    key = _DETAILS.get(detail)
    return Message(key) if key else detail


def _at_end(exc: Any, text: str) -> bool:
    """True when a YAML error is at the end of the text (nothing but blanks after its mark)."""
    mark = exc.problem_mark
    if mark is None or not isinstance(text, str):
        return False
    return "end" in (exc.problem or "") and not text[mark.index :].strip() if mark.index is not None else False


def parse_yaml_fragment(text: str, name: str = "<text>", where: Where = None) -> Any:
    """YAML from a workbook cell or sheet, a CSV, a string: plain data, guarded like a case file.

    ``name`` is the file it came from and ``where`` the cell (or a function
    from the text's line to its cell). Empty text is None.
    """
    return to_plain(load_yaml_tree(text, name, where=where, yaml=yaml_reader("safe")))


@dataclass
class YamlDocument:
    """A parsed file: plain data for validation, the ruamel tree for line numbers."""

    path: str
    data: Any  # plain dicts/lists/scalars
    tree: Any  # for line look-ups: PyYAML's root node (fast path) or ruamel's CommentedMap
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
    if hasattr(node, "start_mark"):  # a PyYAML node from the fast path
        return _node_child_line(node, key)
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
        raise CaseError(Problem(Message("ey_not_utf8", byte=f"{raw[exc.start]:02x}", offset=exc.start), file=path, line=line, hint=Message("ey_not_utf8_hint"))) from None


def max_case_bytes() -> int:
    """The largest case file read, in bytes: DEFAULT_MAX_CASE_MB, or NEGOTIATOR_MAX_CASE_MB when set."""
    import os

    raw = os.environ.get(MAX_CASE_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_CASE_MB * 1_000_000
    try:
        mb = float(raw)
    except ValueError:
        mb = float("nan")
    if not 0 < mb < 1e6:
        raise CaseError(Problem(Message("ey_env_size", setting=f"{MAX_CASE_ENV}={raw[:40]!r}"), hint=Message("ey_env_size_hint", mb=DEFAULT_MAX_CASE_MB)))
    return int(mb * 1_000_000)


def _too_big(size: int, name: str) -> CaseError:
    cap = max_case_bytes()
    return CaseError(
        Problem(
            Message("ey_too_big", mb=size / 1e6, cap=cap / 1e6),
            file=name,
            hint=Message("ey_too_big_hint", setting=f"{MAX_CASE_ENV}={max(1, int(size / 1e6) + 1)}"),
        )
    )


def read_yaml(path: str | Path) -> YamlDocument:
    """Read one YAML file; every failure is a CaseError naming the file."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise CaseError(Problem(Message("err_no_case"), file=name, hint=Message("err_no_case_hint")))
    if p.is_dir():
        raise CaseError(Problem(Message("ey_is_folder"), file=name))
    try:
        size = p.stat().st_size
        if size > max_case_bytes():
            raise _too_big(size, name)
        raw = p.read_bytes()
    except OSError as exc:
        raise CaseError(Problem(Message("ey_cannot_read", reason=os_reason(exc)), file=name, hint=Message("ey_cannot_read_hint"))) from None
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise CaseError(Problem(Message("ey_binary"), file=name, hint=Message("ey_binary_hint", name=name)))
    return parse_yaml_text(_decode(raw, name), name)


def os_reason(exc: OSError) -> str:
    """Why the system refused a file: a Message for a missing permission, the system's own words otherwise."""
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM):
        return Message("ey_permission_denied")
    return str(exc.strerror or exc)


def parse_yaml_text(text: str, name: str = "<text>") -> YamlDocument:
    """A whole case file's text: plain data plus a tree of nodes for line look-ups.

    The fast path (:func:`_fast_load`) reads it with libyaml; whatever that path
    does not handle exactly as ruamel would (a syntax error, a refused text, a
    duplicate key, a ``<<`` merge, a date, ``0x``/``0o`` numbers, ``.inf``, a
    ``%YAML`` directive ...) is read again by ruamel, as before, so data and
    every message are those of ruamel.
    """
    if len(text) > max_case_bytes():
        raise _too_big(len(text.encode("utf-8", "surrogatepass")), name)
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise CaseError(Problem(Message("ey_empty"), file=name, hint=Message("ey_empty_hint")))
    refused: UnsafeYamlError | None = None
    try:
        fast = _fast_load(text)
    except UnsafeYamlError as exc:
        fast, refused = None, exc
    if fast is not None:
        root, data = fast
        return YamlDocument(path=name, data=data, tree=root, text=text)
    tree = load_yaml_tree(text, name)
    if refused is not None:  # pragma: no cover - both guards look at the same nodes
        raise refused.located(name)
    return YamlDocument(path=name, data=to_plain(tree), tree=tree, text=text)


# -- the fast path: libyaml's parser (PyYAML's C composer), YAML 1.2 as ruamel reads it ----


class _Fallback(Exception):
    """Something the fast path does not read exactly as ruamel would: let ruamel read it."""


#: ruamel's YAML 1.2 implicit resolvers (ruamel/yaml/resolver.py), so plain scalars get the same tags.
_RESOLVERS_12 = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("float", r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""", "-+0123456789."),
    ("int", r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""", "-+0123456789"),
    ("merge", r"^(?:<<)$", "<"),
    ("null", r"^(?: ~ |null|Null|NULL | )$", ["~", "n", "N", ""]),
    ("timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", "0123456789"),
    ("value", r"^(?:=)$", "="),
)
#: The forms the fast path builds itself; any other int or float goes to ruamel.
_PLAIN_INT = r"[-+]?(?:0|[1-9][0-9]*)"
_PLAIN_FLOAT = r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+"
_TRUE, _FALSE, _NULL = ("true", "True", "TRUE"), ("false", "False", "FALSE"), ("", "~", "null", "Null", "NULL")


@lru_cache(maxsize=None)
def _fast_loader() -> tuple[type, Any, Any] | None:
    """PyYAML's C parser with ruamel's YAML 1.2 resolvers; None without libyaml."""
    import yaml

    if not getattr(yaml, "__with_libyaml__", False):  # pragma: no cover - PyYAML wheels ship libyaml
        return None

    class Resolver12(yaml.resolver.BaseResolver):
        pass

    for tag, pattern, first in _RESOLVERS_12:
        Resolver12.add_implicit_resolver(_CORE + tag, re.compile(pattern, re.X), list(first))

    class Loader(yaml._yaml.CParser, Resolver12):
        def __init__(self, stream: str):
            yaml._yaml.CParser.__init__(self, stream)
            Resolver12.__init__(self)

    return Loader, re.compile(_PLAIN_INT).fullmatch, re.compile(_PLAIN_FLOAT).fullmatch


def _fast_load(text: str) -> tuple[Any, Any] | None:
    """(root node, plain data) read by libyaml and guarded; None when ruamel must read it.

    Raises :class:`UnsafeYamlError` (without a file name) when the guard refuses the nodes.
    """
    if text.startswith("%") or "\n%" in text:  # a directive (%YAML 1.1, %TAG) changes how it reads
        return None
    if _TAG_TOKEN(text):  # ruamel keeps explicitly tagged scalars (!!str 5) as TaggedScalar objects
        return None
    made = _fast_loader()
    if made is None:  # pragma: no cover
        return None
    loader_class, is_int, is_float = made
    import yaml

    loader = loader_class(text)
    try:
        root = loader.get_single_node()
    except (yaml.YAMLError, RecursionError):
        return None  # ruamel reads it again and words the error as before
    finally:
        loader.dispose()
    if root is None:
        return None
    _check_nodes(root)

    def scalar(node: Any) -> Any:
        return _plain_scalar(node, is_int, is_float)

    def build(node: Any) -> Any:
        kind = node.id
        if kind == "scalar":
            return scalar(node)
        if kind == "sequence":
            return [build(v) for v in node.value]
        out: dict = {}
        for k, v in node.value:
            key = scalar(k)
            if key in out:
                raise _Fallback  # ruamel words the duplicate key with both lines
            out[key] = build(v)
        return out

    try:
        return root, build(root)
    except (_Fallback, RecursionError):
        return None


#: A token starting with '!' (a tag), or text that might hold one: such texts go to ruamel.
_TAG_TOKEN = re.compile(r"(?:^|[\s\[{,])!").search
_STR, _INT, _FLOAT, _BOOL, _NULLTAG = (_CORE + t for t in ("str", "int", "float", "bool", "null"))


def _node_child_line(node: Any, key: Any) -> tuple[int, Any] | None:
    """Like :func:`_child_line`, on the fast path's PyYAML nodes."""
    kind = getattr(node, "id", None)
    if kind == "mapping":
        for k, v in node.value:
            try:
                same = _scalar_key(k) == key
            except _Fallback:  # pragma: no cover - the document was built, so every key was read
                continue
            if same:
                return k.start_mark.line + 1, v
    elif kind == "sequence" and isinstance(key, int) and not isinstance(key, bool) and 0 <= key < len(node.value):
        item = node.value[key]
        return item.start_mark.line + 1, item
    return None


def _scalar_key(node: Any) -> Any:
    _, is_int, is_float = _fast_loader()  # type: ignore[misc]
    return _plain_scalar(node, is_int, is_float)


def _plain_scalar(node: Any, is_int, is_float) -> Any:
    """A fast-path scalar as ruamel reads it: text, a plain integer or float, true/false, null;
    anything else (merge keys, dates, other number forms, tags with odd values) raises _Fallback."""
    tag, value = node.tag, node.value
    if tag == _STR:
        return value
    if tag == _FLOAT and is_float(value):
        return float(value)
    if tag == _INT and is_int(value):
        return int(value)
    if tag == _BOOL and (value in _TRUE or value in _FALSE):
        return value in _TRUE
    if tag == _NULLTAG and value in _NULL:
        return None
    raise _Fallback


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
