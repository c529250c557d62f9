"""GitLab Code Quality JSON: a list of issues with a fingerprint stable across runs (see
reporters.fingerprints)."""

from __future__ import annotations

import json

from claimlint.inert import inert_json
from claimlint.reporters import Report, fingerprints, relative_path

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report, colour: bool = False) -> str:
    issues = []
    for finding, digest in zip(report.findings, fingerprints(report.findings)):
        issues.append({
            "description": finding.message,
            "check_name": finding.rule,
            "fingerprint": digest,
            "severity": SEVERITIES[finding.severity],
            "location": {"path": relative_path(finding.path), "lines": {"begin": finding.line, "end": finding.end_line}},
        })
    return inert_json(json.dumps(issues, indent=2, ensure_ascii=False))
