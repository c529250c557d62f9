"""Reporters format findings; each is a function (findings, report context) -> text."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath

from claimlint.findings import Finding


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


def get_reporter(name: str):
    """The render function of a format: (Report, colour) -> str, or an iterable of lines."""
    from importlib import import_module

    module = import_module(f"claimlint.reporters.{'json_format' if name == 'json' else name}")
    return module.render


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
