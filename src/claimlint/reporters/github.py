"""GitHub Actions workflow commands: one `::warning file=...::message` line per finding.

Escaping follows the workflow-command rules: `%`, CR and LF in the message; also `:` and `,`
in property values. Columns are omitted when a finding spans lines (GitHub ignores them there).
Input errors become `::error file=...` lines too, and skipped symbolic links `::notice` lines,
escaped the same way, so that nothing a draft, path or configuration contains can print a
workflow command of its own.
"""

from __future__ import annotations

from claimlint import reporters
from claimlint.reporters import relative_path

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class Reporter(reporters.Reporter):
    def file(self, result):
        return [_annotation(finding) for finding in result.findings]

    def end(self):
        return [f"::{level} file={escape_property(relative_path(note['path']))},title=claimlint::"
                f"{escape_data(note['message'])}"
                for level, notes in (("error", self.stream.errors), ("notice", self.stream.skipped)) for note in notes]


def _annotation(finding) -> str:
    properties = {"file": relative_path(finding.path), "line": finding.line, "endLine": finding.end_line}
    if finding.line == finding.end_line:
        properties.update(col=finding.column, endColumn=finding.end_column)
    properties["title"] = f"claimlint ({finding.rule})"
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{LEVELS[finding.severity]} {rendered}::{escape_data(finding.message)}"
