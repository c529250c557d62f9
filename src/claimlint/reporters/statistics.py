"""`--statistics`: how many findings each rule made, most first, as text or JSON."""

from __future__ import annotations

import json
from collections import Counter

from claimlint.inert import inert_json
from claimlint.reporters import Report

FORMATS = ("text", "json")


def counts(report: Report) -> list[tuple[str, str, int]]:
    """(rule, severity, findings) for every rule with a finding, most findings first."""
    tally = Counter((finding.rule, finding.severity) for finding in report.findings)
    return [(rule, severity, count) for (rule, severity), count in sorted(tally.items(), key=lambda item: (-item[1], item[0]))]


def render(report: Report, output_format: str = "text") -> str:
    rows = counts(report)
    if output_format == "json":
        return inert_json(json.dumps([{"rule": rule, "severity": severity, "count": count} for rule, severity, count in rows],
                                     indent=2))
    width = max((len(rule) for rule, _, _ in rows), default=0)
    lines = [f"{count:>6}  {rule:<{width}}  {severity}" for rule, severity, count in rows]
    files = len({finding.path for finding in report.findings})
    total = len(report.findings)
    lines.append(f"{total} finding{'s' * (total != 1)} in {files} of {report.files_checked} "
                 f"file{'s' * (report.files_checked != 1)}")
    return "\n".join(lines)
