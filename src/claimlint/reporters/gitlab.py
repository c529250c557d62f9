"""GitLab Code Quality JSON: a list of issues with a fingerprint stable across runs.

The fingerprint hashes path, rule and the sentence's text (not its line), plus an ordinal among
identical findings, so it survives edits elsewhere in the file and is unique per finding.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from claimlint.inert import inert_json
from claimlint.reporters import Report, relative_path

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report, colour: bool = False) -> str:
    seen: Counter = Counter()
    issues = []
    for finding in report.findings:
        key = (finding.path, finding.rule, finding.identity)
        seen[key] += 1
        digest = hashlib.sha256("\0".join(map(str, (*key, seen[key]))).encode("utf-8")).hexdigest()
        issues.append({
            "description": finding.message,
            "check_name": finding.rule,
            "fingerprint": digest,
            "severity": SEVERITIES[finding.severity],
            "location": {"path": relative_path(finding.path), "lines": {"begin": finding.line, "end": finding.end_line}},
        })
    return inert_json(json.dumps(issues, indent=2, ensure_ascii=False))
