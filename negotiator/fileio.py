"""Writing files safely: atomically, never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = ["check_writable", "write_atomic"]


def check_writable(path: str | Path, force: bool = False) -> Path:
    """Fail early, before any work, if ``path`` cannot or must not be written."""
    p = Path(path)
    if p.exists() and p.is_dir():
        raise UsageError(Problem("is a folder, expected a file name", file=str(p)))
    if p.exists() and not force:
        raise UsageError(Problem(Message("err_file_exists"), file=str(p), hint=Message("err_file_exists_hint")))
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(Problem(f"the folder {parent} does not exist; nothing was written", file=str(p), hint="create the folder first or choose another path"))
    if not os.access(parent, os.W_OK):
        raise UsageError(Problem(f"cannot write in the folder {parent}; nothing was written", file=str(p), hint="choose a folder you can write to"))
    return p


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: str | Path, data: bytes | str, force: bool = False, backup: bool = False) -> Path:
    """Write via a temporary file in the same folder and a rename: readers never see half a file.

    With ``backup`` an existing file is first copied to ``<name>.bak``.
    """
    p = check_writable(path, force=force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=str(p.parent if str(p.parent) else "."))
    except OSError as exc:
        raise UsageError(Problem(f"cannot write in the folder {p.parent} ({exc.strerror}); nothing was written", file=str(p), hint="choose a folder you can write to")) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file owner-only; give it the mode an ordinary write would
        # (the old file's mode when replacing one), so colleagues on a share can read it.
        os.chmod(tmp, (p.stat().st_mode & 0o777) if p.exists() else _default_mode())
        if backup and p.exists():
            bak = p.with_name(p.name + ".bak")
            bak.write_bytes(p.read_bytes())
            os.chmod(bak, p.stat().st_mode & 0o777)
        os.replace(tmp, p)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(Problem(f"could not write the file ({exc.strerror}); nothing was written", file=str(p))) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return p
