"""Safe writing: atomic, never over a file without force, readable by colleagues."""

import os
import stat

import pytest

from negotiator.errors import UsageError
from negotiator.fileio import write_atomic


def test_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "memo.md"
    target.write_text("keep me")
    with pytest.raises(UsageError, match="already exists"):
        write_atomic(target, "new")
    assert target.read_text() == "keep me"
    write_atomic(target, "new", force=True)
    assert target.read_text() == "new"


def test_backup_and_mode_are_kept(tmp_path):
    target = tmp_path / "case.yaml"
    target.write_text("old")
    os.chmod(target, 0o644)
    write_atomic(target, "new", force=True, backup=True)
    assert (tmp_path / "case.yaml.bak").read_text() == "old"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_new_file_gets_the_umask_mode_not_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        target = write_atomic(tmp_path / "out.csv", "a,b\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary file left


@pytest.mark.parametrize("where", ["missing_folder/out.md", "/proc/out.md"])
def test_unwritable_places_are_clear_errors(tmp_path, where):
    target = tmp_path / where if not where.startswith("/") else where
    with pytest.raises(UsageError, match="nothing was written"):
        write_atomic(target, "x")
