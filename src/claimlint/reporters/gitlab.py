"""GitLab Code Quality JSON: a list of issues with a fingerprint stable across runs (see
reporters.fingerprints), written an issue at a time."""

from __future__ import annotations

from claimlint import reporters
from claimlint.reporters import fingerprints, relative_path
from claimlint.streamed_json import StreamedJson

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


class Reporter(reporters.Reporter):
    def __init__(self, stream: reporters.ReportStream, colour: bool = False):
        super().__init__(stream, colour)
        self.json = StreamedJson(lambda issues: issues)

    def file(self, result):
        lines = []
        for finding, digest in zip(result.findings, fingerprints(result.findings)):  # a path is one file's
            lines += self.json.add({
                "description": finding.message,
                "check_name": finding.rule,
                "fingerprint": digest,
                "severity": SEVERITIES[finding.severity],
                "location": {"path": relative_path(finding.path), "lines": {"begin": finding.line, "end": finding.end_line}},
            })
        return lines

    def end(self):
        return self.json.end()
