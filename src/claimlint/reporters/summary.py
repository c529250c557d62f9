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

from claimlint import reporters
from claimlint.inert import inert
from claimlint.reporters import relative_path
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


class Reporter(reporters.Reporter):
    """Holds the first MAX_ROWS findings; the counts are the stream's."""

    def __init__(self, stream: reporters.ReportStream, colour: bool = False):
        super().__init__(stream, colour)
        self.first: list = []

    def file(self, result):
        self.first += result.findings[: MAX_ROWS - len(self.first)]
        return []

    def end(self):
        stream, count = self.stream, self.stream.finding_count
        lines = [f"### claimlint: {_plural(count, 'finding')} in {stream.files_with_findings} of "
                 f"{_plural(stream.files_checked, 'file')} checked" if count else
                 f"### claimlint: no findings in {_plural(stream.files_checked, 'file')} checked", ""]
        rows = counts(stream)
        if rows:
            lines += ["| rule | severity | findings |", "| --- | --- | ---: |"]
            lines += [f"| `{rule}` | {severity} | {n} |" for rule, severity, n in rows]  # ids are slugs
            lines += ["", f"First {min(count, MAX_ROWS)} of {_plural(count, 'finding')}:"
                      if count > MAX_ROWS else "Findings:", ""]
            lines += ["| location | severity | rule | message |", "| --- | --- | --- | --- |"]
            lines += [f"| {_location(f.path, f.line)} | {f.severity} | `{f.rule}` | {escape(f.message)} |"
                      for f in self.first]
            lines.append("")
        if stream.errors:
            lines += [f"{_plural(len(stream.errors), 'input error')} (exit status 2):", ""]
            lines += [f"- {escape(error['message'])}" for error in stream.errors]
        return ["\n".join(inert(line) for line in lines).rstrip("\n")]
