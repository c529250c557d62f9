from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.cli import main
from claimlint.config import Config, resolve_rules
from claimlint.linter import Linter

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter(resolve_rules(Config()))


@pytest.fixture
def lint(linter):
    """Lint a Markdown string with every built-in rule; returns the findings."""

    def run(text: str, path: str = "draft.md"):
        return linter.lint(text, path)

    return run


@pytest.fixture
def shared_file():
    """Path to a file in ../shared, skipping the test when the checkout has none."""

    def get(relative: str) -> Path:
        path = SHARED / relative
        if not path.exists():
            pytest.skip(f"{path} is absent (../shared is only beside the project in development and CI)")
        return path

    return get


@pytest.fixture
def cli():
    """Invoke the command line; returns the click Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return run
