"""Reporters format findings as a run goes: each format is a `Reporter` over a `ReportStream`.

A run's report is streamed: its files' results arrive one at a time, in output order, while the
run goes on. A reporter returns the lines for each file's result as it comes and, after the last,
its closing lines (a summary; or the whole document, for a format that needs every finding
first), so a run over a large tree need never hold every finding. Several reporters can take the
same run, each writing its own output. `Report` is a whole run collected (what the Python API's
`lint_paths` returns, and what the formats that need everything first render).
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Iterable, Iterator

from claimlint.findings import FileResult, Finding


@dataclass
class Report:
    findings: list[Finding]
    files_checked: int
    errors: list[dict] = field(default_factory=list)  # {"path", "message"} for each input error
    skipped: list[dict] = field(default_factory=list)  # {"path", "message"}: walked links not followed
    # path -> {line number: text} of the lines findings start on, for excerpts (not whole drafts)
    sources: dict[str, dict[int, str]] = field(default_factory=dict)
    rules: list = field(default_factory=list)  # the active rules, for formats that describe them
    quiet: bool = False  # findings only: no excerpts, no summary
    suppressed: list[Finding] = field(default_factory=list)  # kept when a format reports them (SARIF)

    def add(self, result: FileResult):
        """Take in one linted file's result."""
        self.findings += result.findings
        self.suppressed += result.suppressed
        self.sources[result.path] = result.excerpts
        self.files_checked += 1


@dataclass
class ReportStream:
    """A run's report as the run goes: `results()` gives each linted file's result in output
    order (the run lints as they are read, once); the errors and counts are complete after it."""

    files: Iterable[FileResult]
    errors: list[dict] = field(default_factory=list)  # {"path", "message"} for each input error, as files pass
    skipped: list[dict] = field(default_factory=list)  # {"path", "message"}: walked links not followed
    rules: list = field(default_factory=list)  # the active rules, for formats that describe them
    quiet: bool = False  # findings only: no excerpts, no summary
    # Counted as `results()` passes the files.
    files_checked: int = 0
    files_with_findings: int = 0
    counts: Counter = field(default_factory=Counter)  # (rule, severity) -> findings

    @property
    def finding_count(self) -> int:
        return sum(self.counts.values())

    def results(self) -> Iterator[FileResult]:
        for result in self.files:
            self.files_checked += 1
            if result.findings:
                self.files_with_findings += 1
                self.counts.update((finding.rule, finding.severity) for finding in result.findings)
            yield result

    def collect(self) -> Report:
        """The whole report, every file's result read (and held)."""
        report = Report([], 0)
        for result in self.results():
            report.add(result)
        return self.finish(report)

    def finish(self, report: Report) -> Report:
        """`report` (the files' results collected) with the run's errors, skipped links and rules."""
        report.errors, report.skipped, report.rules, report.quiet = self.errors, self.skipped, self.rules, self.quiet
        return report


class Reporter:
    """One format's output for a run: `file` gives the lines for each file's result as it comes
    (a line may hold line breaks), `end` the lines after the last file."""

    def __init__(self, stream: ReportStream, colour: bool = False):
        self.stream = stream
        self.colour = colour

    def file(self, result: FileResult) -> Iterable[str]:
        return ()

    def end(self) -> Iterable[str]:
        return ()


class Collecting(Reporter):
    """A format that is one document needing every finding first: it collects the run's report
    and renders it at the end with `render(report, colour)`."""

    def __init__(self, stream: ReportStream, colour: bool = False):
        super().__init__(stream, colour)
        self.report = Report([], 0)

    def file(self, result: FileResult):
        self.report.add(result)
        return ()

    def end(self):
        return self.render(self.stream.finish(self.report), self.colour)

    def render(self, report: Report, colour: bool) -> Iterable[str]:
        raise NotImplementedError


FORMATS = {  # name -> what it is, for `--format help`
    "text": "compiler-style lines with the source line and the span underlined, and a summary",
    "json": "{findings, summary, errors}: every field of every finding",
    "jsonl": "JSON Lines: one finding per line, with the fields json gives it (for very large runs)",
    "github": "GitHub Actions workflow commands: annotations on the pull request",
    "sarif": "SARIF 2.1.0, for code scanning (github/codeql-action/upload-sarif)",
    "gitlab": "GitLab Code Quality JSON (artifacts: reports: codequality)",
    "summary": "a Markdown summary for a CI job page: counts per rule and the first findings as a table",
    "html": "one self-contained page to review in a browser: each draft with its findings highlighted",
}
WHOLE_DRAFTS = ("html",)  # formats that show every line of a draft with findings, not only excerpts


def get_reporter(name: str) -> type[Reporter]:
    """The reporter of a format."""
    from importlib import import_module

    return import_module(f"claimlint.reporters.{'json_format' if name == 'json' else name}").Reporter


def fingerprints(findings: list[Finding]) -> list[str]:
    """A fingerprint per finding, stable across runs and edits elsewhere in the file: a hash of its
    path, rule and sentence (not its line), plus an ordinal among identical findings, so each is unique."""
    seen: Counter = Counter()
    result = []
    for finding in findings:
        key = (relative_path(finding.path), finding.rule, finding.identity)
        seen[key] += 1
        result.append(hashlib.sha256("\0".join(map(str, (*key, seen[key]))).encode("utf-8")).hexdigest())
    return result


def relative_path(path: str) -> str:
    """A path relative to the working directory where possible, with forward slashes."""
    if path == "-":
        return "stdin"
    try:
        path = os.path.relpath(path)
    except ValueError:  # a path on another drive (Windows)
        pass
    return PurePath(path).as_posix()
