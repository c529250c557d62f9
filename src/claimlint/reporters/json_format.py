"""JSON: {"findings": [...], "summary": {...}, "errors": [...]}; the shape other tools parse.

Written a finding at a time; the summary and errors follow the findings, once counted."""

from __future__ import annotations

from claimlint import __version__, reporters
from claimlint.streamed_json import StreamedJson


class Reporter(reporters.Reporter):
    def __init__(self, stream: reporters.ReportStream, colour: bool = False):
        super().__init__(stream, colour)
        self.json = StreamedJson(self._document)

    def _document(self, findings: list) -> dict:
        return {
            "version": __version__,
            "findings": findings,
            "summary": {
                "files_checked": self.stream.files_checked,
                "findings": self.stream.finding_count,
                "errors": len(self.stream.errors),
            },
            "errors": self.stream.errors,
        }

    def file(self, result):
        return [line for finding in result.findings for line in self.json.add(finding.to_dict())]

    def end(self):
        return self.json.end()
