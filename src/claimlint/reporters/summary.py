"""A Markdown summary for a CI job page (GitHub's `$GITHUB_STEP_SUMMARY`): the counts, findings
per rule, the first findings as a table, and the input errors.

GitHub shows at most ten annotations of each level per step; the summary shows every rule's
count and the first MAX_ROWS findings. Text from drafts is escaped so it renders as text: no
markup, link, image or HTML of a draft's reaches the page. Where GitHub's environment names the
repository and commit, each location links to its line.
"""

from __future__ import annotations

import html
import os
import re
from urllib.parse import quote

from claimlint.inert import inert
from claimlint.reporters import Report, relative_path
from claimlint.reporters.statistics import counts

MAX_ROWS = 50
_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")  # what can start markup inside a line (HTML is escaped apart)


def escape(text: str) -> str:
    """Text as Markdown that renders as exactly that text, on one line, in a table cell."""
    return _PUNCTUATION.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def _location(path: str, line: int) -> str:
    shown = escape(f"{relative_path(path)}:{line}")
    server, repository, commit = (os.environ.get(name) for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    if not (server and repository and commit) or path == "-":
        return shown
    return f"[{shown}]({server}/{repository}/blob/{commit}/{quote(relative_path(path))}#L{line})"


def render(report: Report, colour: bool = False) -> str:
    findings = report.findings
    files = len({finding.path for finding in findings})
    lines = [f"### claimlint: {_plural(len(findings), 'finding')} in {files} of "
             f"{_plural(report.files_checked, 'file')} checked" if findings else
             f"### claimlint: no findings in {_plural(report.files_checked, 'file')} checked", ""]
    rows = counts(report)
    if rows:
        lines += ["| rule | severity | findings |", "| --- | --- | ---: |"]
        lines += [f"| `{rule}` | {severity} | {count} |" for rule, severity, count in rows]  # ids are slugs
        lines += ["", f"First {min(len(findings), MAX_ROWS)} of {_plural(len(findings), 'finding')}:"
                  if len(findings) > MAX_ROWS else "Findings:", ""]
        lines += ["| location | severity | rule | message |", "| --- | --- | --- | --- |"]
        lines += [f"| {_location(f.path, f.line)} | {f.severity} | `{f.rule}` | {escape(f.message)} |"
                  for f in findings[:MAX_ROWS]]
        lines.append("")
    if report.errors:
        lines += [f"{_plural(len(report.errors), 'input error')} (exit status 2):", ""]
        lines += [f"- {escape(error['message'])}" for error in report.errors]
    return "\n".join(inert(line) for line in lines).rstrip("\n")
