"""Case data -> readable YAML text, laid out like the bundled case files.

Short things stay on one line (a scale, a range, resources, id lists, a
limit); sections are separated by blank lines; nothing is wrapped.
"""

from __future__ import annotations

import io
from typing import Any

__all__ = ["case_yaml", "block_yaml", "profile_form"]

_TOP_ORDER = ("negotiator", "title", "title_zh", "description", "objectives", "options", "weights", "constraints", "scenarios")
#: The order fields are written in (the schema ignores it; people read it).
_FIELD_ORDER = {
    "objectives": ("label", "label_zh", "direction", "scale", "description", "source"),
    "options": ("label", "label_zh", "family", "source", "rationale", "resources", "requires", "excludes", "scores", "notes"),
    "scenarios": ("label", "label_zh", "source", "description", "probability", "scores"),
}
#: Sections whose entries get a blank line between them.
_SPACED = ("objectives", "options", "scenarios", "weights", "games", "negotiations", "conflicts")


def _yaml():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.width = 100_000  # never fold a long rationale
    y.allow_unicode = True
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _flow(value: Any):
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        node = CommentedMap(value)
    else:
        node = CommentedSeq(value)
    node.fa.set_flow_style()
    return node


def _tidy(value: Any) -> Any:
    """4.0 -> 4 so scores read as people write them (the schema makes them floats again)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items()}
    return value


def _block(value: Any):
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        return CommentedMap((k, _block(v)) for k, v in value.items())
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value) and len(value) <= 12:
            return _flow(value)
        return CommentedSeq(_block(v) for v in value)
    return value


def _styled(data: dict) -> Any:
    """A ruamel tree of the case with flow style where a person would write it on one line."""
    from ruamel.yaml.comments import CommentedMap

    root = CommentedMap()
    keys = [k for k in _TOP_ORDER if k in data] + [k for k in data if k not in _TOP_ORDER]
    for key in keys:
        value = data[key]
        if key in ("objectives", "options", "scenarios") and isinstance(value, dict):
            section = CommentedMap()
            for ident, item in value.items():
                section[ident] = _item(key, item)
            root[key] = section
        elif key == "weights" and isinstance(value, dict):
            root[key] = CommentedMap((pid, _profile(spec)) for pid, spec in value.items())
        elif key == "constraints" and isinstance(value, dict):
            root[key] = _constraints(value)
        else:
            root[key] = _block(value)
    return root


def profile_form(profile: Any) -> str:
    """'weights' for numbers per objective, 'order' for a list of objectives, else 'yaml'."""
    if isinstance(profile, dict) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in profile.values()):
        return "weights"
    if isinstance(profile, (list, tuple)) and all(isinstance(v, str) for v in profile):
        return "order"
    if isinstance(profile, dict) and set(profile) == {"swing"} and isinstance(profile["swing"], dict) and profile_form(profile["swing"]) == "weights":
        return "swing"
    return "yaml"


def _profile(spec: Any):
    form = profile_form(spec)
    if form == "weights":
        return _block(_tidy(spec))
    if form == "order":
        return _long_list(spec)
    return _block(spec)


def _long_list(values: list):
    from ruamel.yaml.comments import CommentedSeq

    if all(isinstance(v, str) for v in values):
        return CommentedSeq(values)  # an order of importance reads best one per line
    return _block(values)


def _item(section: str, item: Any):
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(item, dict):
        return _block(item)
    out = CommentedMap()
    preferred = _FIELD_ORDER.get(section, ())
    fields = [f for f in preferred if f in item] + [f for f in item if f not in preferred]
    for field in fields:
        value = item[field]
        if field == "scores" and isinstance(value, dict):
            if section == "scenarios":
                out[field] = CommentedMap((oid, CommentedMap((obj, _score(s)) for obj, s in changes.items()) if isinstance(changes, dict) else _block(changes)) for oid, changes in value.items())
            else:
                out[field] = CommentedMap((obj, _score(s)) for obj, s in value.items())
        elif field in ("scale", "resources") and isinstance(value, (dict, list)):
            out[field] = _flow(_tidy(value))
        elif field in ("requires", "excludes") and isinstance(value, list):
            out[field] = _flow(value)
        elif field == "probability":
            out[field] = value
        else:
            out[field] = _block(value)
    return out


def _score(score: Any):
    score = _tidy(score)
    return _flow(score) if isinstance(score, list) else score


def _constraints(value: dict):
    from ruamel.yaml.comments import CommentedMap

    out = CommentedMap()
    for key, sub in value.items():
        if key in ("limits", "package") and isinstance(sub, dict):
            out[key] = CommentedMap((k, _flow(_tidy(v)) if isinstance(v, dict) else v) for k, v in sub.items())
        elif key == "budgets" and isinstance(sub, dict):
            out[key] = CommentedMap((k, _tidy(v)) for k, v in sub.items())
        elif key == "synergies" and isinstance(sub, list):
            from ruamel.yaml.comments import CommentedSeq

            out[key] = CommentedSeq(_synergy(s) for s in sub)
        else:
            out[key] = _block(sub) if not isinstance(sub, list) else _flow(sub)
    return out


def _synergy(item: Any):
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(item, dict):
        return _block(item)
    return CommentedMap((k, _flow(v) if isinstance(v, list) else (_tidy(v) if k == "bonus" else v)) for k, v in item.items())


def _dump(tree: Any) -> str:
    buf = io.StringIO()
    _yaml().dump(tree, buf)
    return buf.getvalue()


def _spaced(text: str) -> str:
    """Blank lines before each section and between the entries of the big sections."""
    out: list[str] = []
    section = None
    for line in text.splitlines():
        top = line[:1] not in (" ", "", "-", "#")
        if top:
            section = line.split(":", 1)[0]
            if out and line.rstrip().endswith(":"):
                out.append("")
        elif section in _SPACED and line.startswith("  ") and line[2:3] not in (" ", "-", "#", "") and out and not out[-1].endswith(":"):
            out.append("")
        out.append(line)
    return "\n".join(out) + "\n"


def case_yaml(data: dict, header: list[str] | None = None) -> str:
    """The case as a YAML file: a comment header, then the sections in the usual order."""
    text = _spaced(_dump(_styled(data)))
    if header:
        text = "".join(f"# {line}\n" if line else "#\n" for line in header) + "\n" + text
    return text


def block_yaml(data: dict) -> str:
    """Plain block YAML of a few sections (for the 'Other sections' sheet)."""
    return _dump(_block(data))
