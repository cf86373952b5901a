"""Writing files safely: atomically, never over an existing file unless asked."""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

from negotiator.errors import Problem, UsageError
from negotiator.messages import Message

__all__ = ["check_writable", "write_atomic", "STALE_TEMP_SECONDS"]

#: A temporary file of ours older than this was left by a killed process (kill -9, power cut): removed on the next write.
STALE_TEMP_SECONDS = 3600


def check_writable(path: str | Path, force: bool = False) -> Path:
    """Fail early, before any work, if ``path`` cannot or must not be written."""
    p = Path(path)
    if p.exists() and p.is_dir():
        raise UsageError(Problem(Message("fi_is_folder"), file=str(p)))
    if p.exists() and not force:
        raise UsageError(Problem(Message("err_file_exists"), file=str(p), hint=Message("err_file_exists_hint")))
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(Problem(Message("et_no_parent", folder=str(parent)), file=str(p), hint=Message("fi_no_parent_hint")))
    if not os.access(parent, os.W_OK):
        raise UsageError(Problem(Message("fi_cannot_write", folder=str(parent)), file=str(p), hint=Message("fi_writable_hint")))
    return p


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _temp_name(name: str) -> re.Pattern:
    """What ``tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp")`` makes, and nothing else."""
    return re.compile(re.escape(f".{name}.") + r"[a-z0-9_]{8}\.tmp")


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Delete our own temporary files for ``name`` that a killed write left behind (older than an hour).

    Only regular files (never a link) whose name matches our pattern exactly and
    that the current user owns; a failure to delete is ignored (the write goes on).
    """
    pattern = _temp_name(name)
    cutoff = time.time() - STALE_TEMP_SECONDS
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if entry.is_file(follow_symlinks=False) and st.st_mtime < cutoff and st.st_uid == os.getuid():
                os.unlink(entry.path)
        except OSError:
            continue


def _write_temp(folder: Path, name: str, payload: bytes, mode: int) -> str:
    """``payload`` in a new temporary file beside ``name`` (flushed to disk, given ``mode``); its path."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=str(folder))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file owner-only; give it the mode an ordinary write would
        # (the old file's mode when replacing one), so colleagues on a share can read it.
        os.chmod(tmp, mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(path: str | Path, data: bytes | str, force: bool = False, backup: bool = False) -> Path:
    """Write via a temporary file in the same folder and a rename: readers never see half a file.

    With ``backup`` an existing file is first copied to ``<name>.bak`` the same
    way (a temporary file, then a rename): a ``.bak`` that is a symbolic link is
    replaced by a file, never written through. Temporary files that an earlier,
    killed write left beside the target are removed once they are an hour old.
    """
    p = check_writable(path, force=force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = p.parent if str(p.parent) else Path(".")
    _remove_stale_temps(folder, p.name)
    if backup:
        _remove_stale_temps(folder, p.name + ".bak")
    tmp = bak_tmp = None
    try:
        old_mode = (p.stat().st_mode & 0o777) if p.exists() else None
        tmp = _write_temp(folder, p.name, payload, _default_mode() if old_mode is None else old_mode)
        if backup and old_mode is not None:
            bak = p.with_name(p.name + ".bak")
            bak_tmp = _write_temp(folder, bak.name, p.read_bytes(), old_mode)
            os.replace(bak_tmp, bak)  # rename replaces a link at .bak itself, never its target
            bak_tmp = None
        os.replace(tmp, p)
        tmp = None
    except OSError as exc:
        if tmp is None:
            raise UsageError(Problem(Message("fi_cannot_write_why", folder=str(folder), why=exc.strerror), file=str(p), hint=Message("fi_writable_hint"))) from None
        raise UsageError(Problem(Message("fi_write_failed", why=exc.strerror), file=str(p))) from None
    finally:
        for leftover in (tmp, bak_tmp):
            if leftover is not None:
                Path(leftover).unlink(missing_ok=True)
    return p
