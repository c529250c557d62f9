"""`--statistics`: how many findings each rule made, most first, as text or JSON."""

from __future__ import annotations

import json

from claimlint import reporters
from claimlint.inert import inert_json

FORMATS = ("text", "json")


def counts(stream: reporters.ReportStream) -> list[tuple[str, str, int]]:
    """(rule, severity, findings) for every rule with a finding, most findings first."""
    return [(rule, severity, count)
            for (rule, severity), count in sorted(stream.counts.items(), key=lambda item: (-item[1], item[0]))]


class Reporter(reporters.Reporter):
    """The counts instead of the findings, in `output_format` (text or json)."""

    def __init__(self, stream: reporters.ReportStream, output_format: str = "text"):
        super().__init__(stream)
        self.output_format = output_format

    def end(self):
        rows = counts(self.stream)
        if self.output_format == "json":
            return [inert_json(json.dumps([{"rule": rule, "severity": severity, "count": count}
                                           for rule, severity, count in rows], indent=2))]
        width = max((len(rule) for rule, _, _ in rows), default=0)
        lines = [f"{count:>6}  {rule:<{width}}  {severity}" for rule, severity, count in rows]
        total, files, checked = self.stream.finding_count, self.stream.files_with_findings, self.stream.files_checked
        lines.append(f"{total} finding{'s' * (total != 1)} in {files} of {checked} file{'s' * (checked != 1)}")
        return lines
