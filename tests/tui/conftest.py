"""Fixtures for the terminal UI tests: a writable copy of the bundled case."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def case_copy(tmp_path) -> Path:
    """The bundled case's files in a folder of their own (the UI may write into it)."""
    folder = tmp_path / "case"
    folder.mkdir()
    for part in ("strategies", "payoffs"):
        shutil.copytree(ROOT / part, folder / part)
    return folder


@pytest.fixture(scope="session")
def bundled():
    """The bundled case, loaded once (the app never changes a LoadedCase in place)."""
    from negotiator.case.catalog import load_case

    return load_case()
