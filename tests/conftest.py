"""Fixtures the whole suite shares."""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiator.testing import CliResult, run_cli  # noqa: F401  (re-exported for tests)

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def cases_dir() -> Path:
    return CASES


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch):
    # Rich output must not depend on the developer's terminal.
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
