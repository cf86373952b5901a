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


def test_a_backup_that_is_a_symlink_is_replaced_not_written_through(tmp_path):
    """Issue 15: a pre-existing case.yaml.bak -> other.txt got other.txt overwritten with the case."""
    other = tmp_path / "other.txt"
    other.write_text("someone else's file")
    target = tmp_path / "case.yaml"
    target.write_text("old case")
    (tmp_path / "case.yaml.bak").symlink_to(other)
    write_atomic(target, "new case", force=True, backup=True)
    assert other.read_text() == "someone else's file"
    bak = tmp_path / "case.yaml.bak"
    assert not bak.is_symlink() and bak.read_text() == "old case"
    assert target.read_text() == "new case"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.yaml", "case.yaml.bak", "other.txt"]


def test_a_dangling_backup_link_is_replaced_too(tmp_path):
    target = tmp_path / "case.yaml"
    target.write_text("old")
    (tmp_path / "case.yaml.bak").symlink_to(tmp_path / "nowhere" / "x")
    write_atomic(target, "new", force=True, backup=True)
    assert (tmp_path / "case.yaml.bak").read_text() == "old"
    assert not (tmp_path / "nowhere").exists()


def _age(path, seconds):
    import time

    t = time.time() - seconds
    os.utime(path, (t, t), follow_symlinks=False)


def test_stale_temporary_files_of_a_killed_write_are_removed_on_the_next_write(tmp_path):
    """Issue 15: kill -9 during a memo left a hidden .NAME.xxxx.tmp beside the target."""
    stale = tmp_path / ".memo.md.k3j_x9a2.tmp"  # the name mkstemp gives, two hours old
    stale.write_text("half a memo")
    _age(stale, 7200)
    fresh = tmp_path / ".memo.md.abcd1234.tmp"  # another write in progress right now: kept
    fresh.write_text("being written")
    bak_stale = tmp_path / ".memo.md.bak.zzzz0000.tmp"
    bak_stale.write_text("half a backup")
    _age(bak_stale, 7200)
    others = {  # not ours, or not exactly our pattern: never touched, however old
        ".memo.md.toolongname1.tmp": "x",
        ".memo.md.abc.tmp": "x",
        ".other.md.abcd1234.tmp": "x",
        "memo.md.abcd1234.tmp": "x",
        ".memo.md.ABCD1234.tmp": "x",
    }
    for name, text in others.items():
        (tmp_path / name).write_text(text)
        _age(tmp_path / name, 7200)
    victim = tmp_path / "precious.txt"
    victim.write_text("keep")
    link = tmp_path / ".memo.md.lnk00000.tmp"  # a link with our pattern: the link is not followed
    link.symlink_to(victim)
    _age(link, 7200)
    (tmp_path / "memo.md").write_text("old")
    write_atomic(tmp_path / "memo.md", "new", force=True, backup=True)
    names = {p.name for p in tmp_path.iterdir()}
    assert stale.name not in names and bak_stale.name not in names
    assert fresh.name in names and set(others) <= names
    assert victim.read_text() == "keep" and link.is_symlink()
    assert (tmp_path / "memo.md").read_text() == "new"
