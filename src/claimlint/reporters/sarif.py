"""SARIF 2.1.0, the format code-scanning tools ingest; columns are Unicode code points."""

from __future__ import annotations

import json
from pathlib import Path

from claimlint import __version__
from claimlint.inert import inert_json
from claimlint.reporters import Report, relative_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(report: Report, colour: bool = False) -> str:
    rules = sorted(report.rules, key=lambda rule: rule.id)
    index = {rule.id: i for i, rule in enumerate(rules)}
    results = []
    for finding in sorted([*report.findings, *report.suppressed], key=lambda finding: finding.sort_key):
        result = {
            "ruleId": finding.rule,
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": relative_path(finding.path), "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": finding.line, "startColumn": finding.column,
                        "endLine": finding.end_line, "endColumn": finding.end_column,
                    },
                }
            }],
        }
        if finding.rule in index:
            result["ruleIndex"] = index[finding.rule]
        if finding.suppressed is not None:  # a claimlint-disable comment or front matter
            result["suppressions"] = [{"kind": "inSource", **({"justification": finding.suppressed}
                                                               if finding.suppressed else {})}]
        results.append(result)
    driver = {
        "name": "claimlint",
        "version": __version__,
        "informationUri": "https://pypi.org/project/claimlint/",
        "rules": [{
            "id": rule.id,
            "name": "".join(part.title() for part in rule.id.split("-")),
            "shortDescription": {"text": rule.description.split("\n")[0]},
            "fullDescription": {"text": rule.description},
            "help": {"text": f"{rule.description}\n\nRun `claimlint explain {rule.id}` for examples."},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
        } for rule in rules],
    }
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "results": results,
        }],
    }
    return inert_json(json.dumps(log, indent=2, ensure_ascii=False))
