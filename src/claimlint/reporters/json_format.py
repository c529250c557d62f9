"""JSON: {"findings": [...], "summary": {...}, "errors": [...]}; the shape other tools parse."""

from __future__ import annotations

import json

from claimlint import __version__
from claimlint.inert import inert_json
from claimlint.reporters import Report


def render(report: Report, colour: bool = False) -> str:
    return inert_json(json.dumps(
        {
            "version": __version__,
            "findings": [finding.to_dict() for finding in report.findings],
            "summary": {
                "files_checked": report.files_checked,
                "findings": len(report.findings),
                "errors": len(report.errors),
            },
            "errors": report.errors,
        },
        indent=2,
        ensure_ascii=False,
    ))
