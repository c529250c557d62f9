from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimlint.cli import main
from claimlint.config import Config, resolve_rules
from claimlint.findings import FileResult
from claimlint.linter import Linter
from claimlint.reporters import Report, ReportStream, get_reporter

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def own_user_cache(tmp_path_factory):
    """The suite's runs of `claimlint check` keep compiled patterns (compiled_patterns.py) in a
    folder of their own, not in the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
        yield


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


def rendered(name: str, report: Report, colour: bool = False) -> str:
    """A format's output for a collected report, streamed as a run streams it: a file's result for
    each run of a path among its findings (with its suppressed findings and source lines), then the
    files its sources name without findings, then clean files up to `files_checked`."""
    suppressed = {path: list(group) for path, group in itertools.groupby(report.suppressed, key=lambda f: f.path)}
    files = [FileResult(path, list(group), report.sources.get(path, {}), suppressed=suppressed.pop(path, []))
             for path, group in itertools.groupby(report.findings, key=lambda f: f.path)]
    named = {result.path for result in files}
    files += [FileResult(path, [], report.sources.get(path, {}), suppressed=found)
              for path, found in suppressed.items() if path not in named]
    named |= set(suppressed)
    files += [FileResult(path, [], lines) for path, lines in report.sources.items() if path not in named]
    files += [FileResult(f"clean-{number}.md", []) for number in range(len(files), report.files_checked)]
    stream = ReportStream(files, report.errors, report.skipped, report.rules, report.quiet)
    reporter = get_reporter(name)(stream, colour)
    lines = [line for result in stream.results() for line in reporter.file(result)]
    return "\n".join([*lines, *reporter.end()])
