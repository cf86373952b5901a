"""Find and load cases: the bundled one (strategies/ + payoffs/) or the user's files.

Everything that can go wrong with a file ends here as one CaseError listing
every problem with its file and line, so `negotiator validate` can show them
all and every other command can stop cleanly.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from negotiator.errors import CaseError, Problem
from negotiator.case.yamlio import YamlDocument, read_yaml
from negotiator.messages import Message

__all__ = ["BUNDLED_NAME", "LoadedCase", "bundled_dirs", "case_files", "load_case", "case_sha256"]

BUNDLED_NAME = "bundled"
_MAPPING_SECTIONS = ("objectives", "options", "weights", "scenarios", "games", "negotiations")
_SCALAR_SECTIONS = ("negotiator", "title", "title_zh", "description")
_CONSTRAINT_MAPPINGS = ("budgets", "limits", "package")
#: Sections whose inner mappings merge id by id across files (each id defined once).
_NESTED_SECTIONS = {"constraints": _CONSTRAINT_MAPPINGS, "labels": ("profiles", "resources")}
_YAML_SUFFIXES = (".yaml", ".yml")


def bundled_dirs() -> list[Path]:
    """Folders of the bundled case: inside the wheel, or at the repository root in a checkout."""
    here = Path(__file__).resolve().parent.parent  # the package folder, above case/
    inside = here / "_bundled"
    root = inside if (inside / "strategies").is_dir() else here.parent
    dirs = [root / "strategies", root / "payoffs"]
    missing = [d for d in dirs if not d.is_dir()]
    if missing:
        raise CaseError(Problem(Message("ec_bundled_missing", folder=str(missing[0])), hint=Message("ec_bundled_missing_hint")))
    return dirs


#: A CASE argument naming a shipped example case: `example:methods_demo`.
EXAMPLE_PREFIX = "example:"


def examples_dir() -> Path:
    """The shipped example cases: inside the wheel, or examples/ at the repository root."""
    here = Path(__file__).resolve().parent.parent
    inside = here / "_bundled" / "examples"
    return inside if inside.is_dir() else here.parent / "examples"


def example_names() -> list[str]:
    return sorted(p.stem for p in examples_dir().glob("*.yaml"))


def resolve_example(path: str | Path) -> Path:
    """`example:NAME` -> the shipped file; any other path is returned as it is."""
    text = str(path)
    if not text.startswith(EXAMPLE_PREFIX):
        return Path(path)
    name = text[len(EXAMPLE_PREFIX):]
    found = examples_dir() / f"{name}.yaml"
    if not found.is_file():
        names = ", ".join(example_names())
        raise CaseError(Problem(Message("ec_no_example", name=name), hint=Message("ec_examples_hint", names=names) if names else Message("ec_examples_none_hint")))
    return found


def case_files(paths: Iterable[str | Path]) -> list[Path]:
    """Every YAML file named, folders expanded (sorted, so the merge order is stable)."""
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.suffix in _YAML_SUFFIXES and f.is_file())
            if not found:
                raise CaseError(Problem(Message("ec_folder_no_yaml"), file=str(p), hint=Message("ec_folder_no_yaml_hint")))
            files.extend(found)
        else:
            files.append(p)
    return files


@dataclass
class LoadedCase:
    """A validated case and where it came from."""

    case: Any  # schema.Case
    name: str  # what to call it in outputs: "bundled" or the path given
    documents: list[YamlDocument]
    sha256: str
    warnings: list[str] = field(default_factory=list)

    @property
    def files(self) -> list[str]:
        return [d.path for d in self.documents]

    def locate(self, path: tuple) -> tuple[str | None, int | None]:
        """File and line of a key path such as ("options", "talks", "scores")."""
        return _locate(self.documents, path)

    def problem(self, path: tuple, message: str, hint: str | None = None) -> Problem:
        file, line = self.locate(path)
        return Problem(message, file=file, line=line, hint=hint)


def load_case(paths: str | Path | Iterable[str | Path] | None = None) -> LoadedCase:
    """Load and validate a case. ``None`` loads the bundled case."""
    if paths is None or paths == [] or paths == ():
        name, files = BUNDLED_NAME, case_files(bundled_dirs())
    else:
        if isinstance(paths, (str, Path)):
            paths = [paths]
        paths = [resolve_example(p) for p in paths]
        name = ", ".join(str(p) for p in paths)
        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            raise CaseError([Problem(Message("err_no_case"), file=str(p), hint=Message("err_no_case_hint")) for p in missing])
        files = case_files(paths)
    documents = [read_yaml(f) for f in files]
    merged = _merge(documents)
    case = _validate(merged, documents)
    return LoadedCase(case=case, name=name, documents=documents, sha256=case_sha256(case), warnings=[])


def load_case_text(text: str, name: str = "<text>") -> LoadedCase:
    """Load a case from YAML text (for tests, the UI's editor and notebooks)."""
    from negotiator.case.yamlio import parse_yaml_text

    doc = parse_yaml_text(text, name)
    case = _validate(_merge([doc]), [doc])
    return LoadedCase(case=case, name=name, documents=[doc], sha256=case_sha256(case))


def case_sha256(case) -> str:
    """Hash of the case's content (not its bytes): comments and layout do not change it."""
    from negotiator.case.schema import without_empty_labels
    from negotiator.case.scoring import without_unused_method_fields
    from negotiator.case.negotiation import without_unused_negotiation_fields

    content = without_empty_labels(without_unused_negotiation_fields(without_unused_method_fields(case.model_dump(mode="json"))))
    canonical = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# -- merging the files of a case ---------------------------------------------


def _merge(documents: list[YamlDocument]) -> dict:
    problems: list[Problem] = []
    merged: dict[str, Any] = {}
    origin: dict[tuple, str] = {}  # key path -> file that defined it
    stated_version = False
    for doc in documents:
        data = doc.data
        if not isinstance(data, dict):
            problems.append(Problem(Message("ec_not_a_mapping"), file=doc.path, line=1, hint=Message("ec_see_new")))
            continue
        if "negotiator" in data:
            stated_version = True
            if data["negotiator"] != 1 or isinstance(data["negotiator"], bool):
                line, _ = doc.line_of(("negotiator",))
                problems.append(Problem(Message("ec_format_version", version=repr(data["negotiator"])), file=doc.path, line=line, hint=Message("ec_format_version_hint")))
        for key, value in data.items():
            if key in _MAPPING_SECTIONS or key in _NESTED_SECTIONS:
                if not isinstance(value, dict):
                    if value is None:
                        continue
                    line, _ = doc.line_of((key,))
                    problems.append(Problem(Message("ec_section_not_mapping", section=key), file=doc.path, line=line))
                    continue
                target = merged.setdefault(key, {})
                subkeys = value.items()
                for sub, subval in subkeys:
                    path = (key, sub)
                    if sub in _NESTED_SECTIONS.get(key, ()) and isinstance(subval, dict):
                        inner = target.setdefault(sub, {})
                        for k, v in subval.items():
                            _put(inner, k, v, (key, sub, k), doc, origin, problems)
                        continue
                    _put(target, sub, subval, path, doc, origin, problems)
            else:
                _put(merged, key, value, (key,), doc, origin, problems)
    if documents and not stated_version and not problems:
        doc = documents[0]
        problems.append(Problem(Message("ec_no_format_version"), file=doc.path, line=1, hint=Message("ec_no_format_version_hint")))
    if problems:
        raise CaseError(problems)
    return merged


def _put(target: dict, key, value, path: tuple, doc: YamlDocument, origin: dict, problems: list[Problem]) -> None:
    if key in target:
        if path in origin and origin[path] != doc.path and (len(path) > 1 or target[key] != value):
            line, _ = doc.line_of(path)
            problems.append(Problem(Message("ec_defined_twice", entry=".".join(map(str, path)), other=origin[path]), file=doc.path, line=line, hint=Message("ec_defined_twice_hint")))
        return
    target[key] = value
    origin[path] = doc.path


# -- validation ---------------------------------------------------------------


def _validate(merged: dict, documents: list[YamlDocument]):
    from pydantic import ValidationError

    from negotiator.case.schema import Case, cross_reference_problems

    try:
        case = Case.model_validate(merged)
    except ValidationError as exc:
        problems = _pydantic_problems(exc, merged, documents)
        # Report the problems between sections too, so one run shows everything:
        # set aside the entries that failed and check the rest.
        problems += _problems_beyond(exc, merged, documents)
        raise CaseError(problems) from None
    refs = cross_reference_problems(case)
    if refs:
        problems = []
        for ref in refs:
            file, line = _locate(documents, ref.path)
            problems.append(Problem(ref.message, file=file, line=line, hint=ref.hint))
        raise CaseError(problems)
    return case


def _problems_beyond(exc, merged: dict, documents: list[YamlDocument]) -> list[Problem]:
    from pydantic import ValidationError

    from negotiator.case.schema import Case, cross_reference_problems

    pruned: set[str] = set()
    data = {k: (dict(v) if isinstance(v, dict) else v) for k, v in merged.items()}
    for _ in range(3):
        paths = [_data_path(tuple(err["loc"]), data) for err in exc.errors(include_url=False)]
        for path in paths:
            if len(path) >= 2 and isinstance(data.get(path[0]), dict) and path[0] != "constraints":
                data[path[0]].pop(path[1], None)
                pruned.add(str(path[1]))
            elif path:
                data.pop(path[0], None)
                pruned.add(str(path[0]))
            else:
                return []
        try:
            case = Case.model_validate(data)
        except ValidationError as again:
            exc = again
            continue
        except Exception:
            return []
        out = []
        for ref in cross_reference_problems(case):
            mentioned = {str(p) for p in ref.path} | set(_quoted_ids(ref.message))
            if mentioned & pruned:
                continue  # would only repeat (or be caused by) a problem already reported
            file, line = _locate(documents, ref.path)
            out.append(Problem(ref.message, file=file, line=line, hint=ref.hint))
        return out
    return []


def _quoted_ids(message: str) -> list[str]:
    import re

    return re.findall(r"'([^']+)'", message)


def _locate(documents: list[YamlDocument], path: tuple) -> tuple[str | None, int | None]:
    best: tuple[int, str | None, int | None] = (-1, None, None)
    for doc in documents:
        line, depth = doc.line_of(path)
        if line is not None and depth > best[0]:
            best = (depth, doc.path, line)
    if best[1] is None and documents:
        return documents[0].path, None
    return best[1], best[2]


def _data_path(loc: tuple, data: Any) -> tuple:
    """The part of a pydantic error location that names keys in the data (drops union tags)."""
    out, node = [], data
    for part in loc:
        if isinstance(node, dict) and part in node:
            out.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            out.append(part)
            node = node[part]
    return tuple(out)


def _allowed_keys(path: tuple) -> str | None:
    """The keys the schema accepts at ``path`` (walks the models; ids are skipped)."""
    from negotiator.case.schema import Case

    model = _model_at(Case, list(path))
    return ", ".join(model.model_fields) if model is not None else None


def _model_at(annotation, path: list):
    import typing

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if not path:
            return annotation
        field = annotation.model_fields.get(path[0])
        return None if field is None else _model_at(field.annotation, path[1:])
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is dict and args:
        return _model_at(args[1], path[1:]) if path else None
    if origin in (list, tuple) and args:
        return _model_at(args[0], path[1:]) if path else None
    if args:  # Optional / Union / Annotated: the first branch that leads to a model
        for arg in args:
            found = _model_at(arg, path)
            if found is not None:
                return found
    return None


def _pydantic_problems(exc, merged: dict, documents: list[YamlDocument]) -> list[Problem]:
    grouped: dict[tuple, list[dict]] = {}
    errors = exc.errors(include_url=False)
    paths = [_data_path(tuple(e["loc"]), merged) for e in errors]
    # A union (numbers-or-list, point-or-range) reports one error per branch; when one
    # branch found a precise problem deeper down, the other branch's "wrong type" is noise.
    errors = [e for e, p in zip(errors, paths) if not (e["type"].endswith("_type") and any(len(q) > len(p) and q[: len(p)] == p for q in paths))]
    for err in errors:
        loc = tuple(err["loc"])
        path = _data_path(loc, merged)
        if err["type"] == "extra_forbidden" or err["type"] == "missing":
            path = _data_path(loc[:-1], merged)
            grouped.setdefault(path + (loc[-1], err["type"]), []).append(err)
        else:
            grouped.setdefault(path, []).append(err)
    problems = []
    for key, errs in grouped.items():
        problems.append(_problem_from(key, errs, merged, documents))
    return problems


def _problem_from(key: tuple, errs: list[dict], merged: dict, documents) -> Problem:
    from negotiator.case.base import error_message

    kind = errs[0]["type"]
    if kind in ("extra_forbidden", "missing") and key and key[-1] == kind:
        parent, name = key[:-2], key[-2]
        where = ".".join(map(str, parent)) or Message("ec_top_level")
        if kind == "extra_forbidden":
            file, line = _locate(documents, parent + (name,))
            allowed = _allowed_keys(parent)
            hint = Message("ec_unknown_key_hint", allowed=allowed) if allowed else Message("ec_unknown_key_schema_hint")
            return Problem(Message("ec_unknown_key", name=name, where=where), file=file, line=line, hint=hint)
        file, line = _locate(documents, parent)
        return Problem(Message("ec_missing_key", name=name, where=where), file=file, line=line, hint=Message("ec_missing_key_hint", name=name))
    file, line = _locate(documents, key)
    custom = [e for e in errs if e["type"] == "value_error"]
    chosen = custom[0] if custom else errs[0]
    msg = error_message(chosen)
    if not custom and len(errs) > 1 and kind in ("float_parsing", "float_type", "tuple_type"):
        msg = Message("ec_expected_score", got=repr(chosen.get("input")))
    elif "input" in chosen and not custom and not isinstance(chosen["input"], (dict, list)):
        msg = Message("ec_got", message=msg, got=repr(chosen["input"]))
    where = ".".join(map(str, key)) or Message("ec_top_level")
    return Problem(msg, file=file, line=line, where=where, hint=_hint_for(key, chosen))


def _hint_for(key: tuple, err: dict) -> Message | None:
    from negotiator.case.scoring import form_hint

    from negotiator.case.base import OUT_OF_RANGE, RANGE_HINT_MESSAGE, RANGE_HINT_ZERO_MESSAGE, TOO_SMALL

    if OUT_OF_RANGE in err.get("msg", "") or TOO_SMALL in err.get("msg", ""):
        return RANGE_HINT_ZERO_MESSAGE if TOO_SMALL in err["msg"] else RANGE_HINT_MESSAGE
    special = form_hint(key)
    if special:
        return special
    if key[:1] == ("weights",):
        return Message("ec_weights_hint")
    if len(key) >= 3 and key[0] == "options" and key[2] == "scores":
        return Message("ec_score_hint")
    if key[:1] == ("negotiator",):
        return Message("ec_write_version_hint")
    if key[:1] == ("objectives",) and key[-1:] == ("scale",):
        return Message("ec_scale_hint")
    if key[:1] == ("scenarios",) and key[-1:] == ("probability",):
        return Message("ec_probability_hint")
    return Message("ec_schema_hint")
