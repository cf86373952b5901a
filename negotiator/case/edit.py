"""Save the current weights as a new named profile into the case file.

No Textual here, so it is tested on its own. The file is edited with
ruamel's round-trip mode, so comments and layout survive; it is written
atomically (negotiator.fileio) with the original kept as ``<name>.bak``, and
the case is reloaded afterwards: if the result did not validate the original
is put back and nothing is lost.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Mapping

from negotiator.case.catalog import BUNDLED_NAME, LoadedCase, bundled_dirs, load_case
from negotiator.case.yamlio import os_reason
from negotiator.errors import NegotiatorError, Problem, UsageError
from negotiator.fileio import write_atomic
from negotiator.messages import Message

__all__ = ["ID_PATTERN", "CURRENT_PROFILE", "check_profile_name", "profile_file", "add_profile_text", "save_profile", "with_profile"]

ID_PATTERN = re.compile(r"^[\w][\w.\-]*$")
#: Weights are written to 12 decimals: ties the UI showed (scores within 1e-9) stay ties.
DECIMALS = 12


def check_profile_name(loaded: LoadedCase, name: str) -> str:
    name = name.strip()
    if not name:
        raise UsageError(Problem(Message("ee_no_name"), hint=Message("ee_no_name_hint")))
    if not ID_PATTERN.match(name):
        raise UsageError(Problem(Message("ee_bad_name", name=name), hint=Message("ee_bad_name_hint")))
    if name in loaded.case.weights:
        raise UsageError(Problem(Message("ee_name_taken", name=name), hint=Message("ee_name_taken_hint")))
    return name


def profile_file(loaded: LoadedCase) -> Path:
    """The file that gets the new profile: the one holding `weights:`, else the first."""
    if loaded.name == BUNDLED_NAME:
        first, second = (str(d) for d in bundled_dirs())
        raise UsageError(Problem(Message("ee_bundled_read_only"), hint=Message("ee_bundled_read_only_hint", first=first, second=second)))
    for doc in loaded.documents:
        if isinstance(doc.data, dict) and "weights" in doc.data:
            return Path(doc.path)
    return Path(loaded.documents[0].path)


def _yaml():
    from negotiator.case.yamlio import yaml_reader

    # The guarded reader; width 4096 never re-wraps the user's long lines.
    return yaml_reader("rt", width=4096, preserve_quotes=True, indent=(2, 4, 2))


def _line_ending(text: str) -> str:
    """The file's line ending (its first one): CRLF from Windows, LF, or a lone CR."""
    m = re.search(r"\r\n|\r|\n", text)
    return m.group() if m else "\n"


def add_profile_text(text: str, name: str, weights: Mapping[str, float], note: str | None = None, source: str = "<text>") -> str:
    """``text`` with the profile ``name`` appended under `weights:` (created when missing).

    The result keeps the text's line ending (CRLF stays CRLF on every line, new ones included).
    """
    import io

    from ruamel.yaml.comments import CommentedMap

    from negotiator.case.yamlio import load_yaml_tree

    eol = _line_ending(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    yaml = _yaml()
    tree = load_yaml_tree(text, source, yaml=yaml)
    if tree is None:
        tree = CommentedMap()
    section = tree.get("weights")
    if section is None:
        section = CommentedMap()
        tree["weights"] = section
    profile = CommentedMap()
    for obj, w in weights.items():
        profile[obj] = round(float(w), DECIMALS)
    section[name] = profile
    if note:
        section.yaml_set_comment_before_after_key(name, before=note, indent=2)
    buf = io.StringIO()
    yaml.dump(tree, buf)
    out = buf.getvalue()
    return out if eol == "\n" else out.replace("\n", eol)


def save_profile(loaded: LoadedCase, paths, name: str, weights: Mapping[str, float], note: str | None = None) -> tuple[Path, LoadedCase]:
    """Write the profile into the case file; return (file written, the case reloaded)."""
    name = check_profile_name(loaded, name)
    target = profile_file(loaded)
    doc = next(d for d in loaded.documents if Path(d.path) == target)
    try:
        raw = target.read_bytes()
        on_disk = raw.decode("utf-8-sig")  # as yamlio reads it: line endings kept
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(Problem(Message("ee_cannot_read", reason=os_reason(exc) if isinstance(exc, OSError) else str(exc)), file=str(target))) from None
    if on_disk != doc.text:
        raise UsageError(Problem(Message("ee_changed_on_disk"), file=str(target), hint=Message("ee_changed_on_disk_hint")))
    new_text = add_profile_text(on_disk, name, weights, note, source=str(target))
    bom = "\ufeff" if raw.startswith(codecs.BOM_UTF8) else ""  # a file saved by Notepad keeps its BOM
    write_atomic(target, bom + new_text, force=True, backup=True)
    try:
        reloaded = load_case(paths)
    except NegotiatorError:
        write_atomic(target, raw, force=True)  # put the original back, byte for byte
        raise
    return target, reloaded


#: The profile that carries unsaved UI weights into a memo (a suffix is added if the case has one).
CURRENT_PROFILE = "current_weights"


def with_profile(loaded: LoadedCase, weights: Mapping[str, float], name: str = CURRENT_PROFILE) -> tuple[LoadedCase, str]:
    """(the case in memory with ``weights`` as one more profile, that profile's name).

    Nothing is written. The copy's hash is the hash of what it holds (the case
    plus this profile), so outputs made from it do not claim the file's hash;
    its name says where the extra profile came from.
    """
    from negotiator.case.catalog import case_sha256

    taken = set(loaded.case.weights)
    unique, k = name, 2
    while unique in taken:
        unique, k = f"{name}_{k}", k + 1
    profiles = dict(loaded.case.weights)
    profiles[unique] = {obj: float(w) for obj, w in weights.items()}
    case = loaded.case.model_copy(update={"weights": profiles})
    copy = LoadedCase(case=case, name=f"{loaded.name} + unsaved weights '{unique}' from the terminal UI", documents=loaded.documents, sha256=case_sha256(case), warnings=list(loaded.warnings))
    return copy, unique
