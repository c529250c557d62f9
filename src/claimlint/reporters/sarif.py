"""SARIF 2.1.0, the format code-scanning tools ingest; columns are Unicode code points.

Each result has `partialFingerprints` (reporters.fingerprints, which survives edits elsewhere in
the file), suppressed findings carry `suppressions`, every rule a `helpUri`, and the run one
invocation whose `toolExecutionNotifications` are the input errors and skipped links.
"""

from __future__ import annotations

import json
from pathlib import Path

from claimlint import __version__
from claimlint.inert import inert_json
from claimlint.links import homepage, rule_help
from claimlint import reporters
from claimlint.reporters import Report, fingerprints, relative_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _fix(fix, uri: str) -> dict:
    """A finding's fix as SARIF: its edits as replacements of regions (an empty one inserts)."""
    return {
        "description": {"text": fix.description},
        "artifactChanges": [{
            "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
            "replacements": [{
                "deletedRegion": {"startLine": edit.line, "startColumn": edit.column,
                                  "endLine": edit.end_line, "endColumn": edit.end_column},
                "insertedContent": {"text": edit.text},
            } for edit in fix.edits],
        }],
        "properties": {"safe": fix.safe},
    }


class Reporter(reporters.Collecting):
    """The log is one document whose results are sorted by path and follow the invocation (which
    needs every input error): SARIF holds the run's findings and writes the log at the end."""

    def render(self, report: Report, colour: bool):
        return [render(report)]


def render(report: Report, colour: bool = False) -> str:
    rules = sorted(report.rules, key=lambda rule: rule.id)
    index = {rule.id: i for i, rule in enumerate(rules)}
    results = []
    findings = sorted([*report.findings, *report.suppressed], key=lambda finding: finding.sort_key)
    for finding, fingerprint in zip(findings, fingerprints(findings)):
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
            "partialFingerprints": {"claimlint/v1": fingerprint},
        }
        if finding.rule in index:
            result["ruleIndex"] = index[finding.rule]
        if finding.suppressed is not None:  # a claimlint-disable comment or front matter
            result["suppressions"] = [{"kind": "inSource", **({"justification": finding.suppressed}
                                                               if finding.suppressed else {})}]
        if finding.fixes:
            result["fixes"] = [_fix(fix, relative_path(finding.path)) for fix in finding.fixes]
        results.append(result)
    driver = {
        "name": "claimlint",
        "version": __version__,
        **({"informationUri": homepage()} if homepage() else {}),
        "rules": [{
            "id": rule.id,
            "name": "".join(part.title() for part in rule.id.split("-")),
            "shortDescription": {"text": rule.description.split("\n")[0]},
            "fullDescription": {"text": rule.description},
            "help": {"text": f"{rule.description}\n\nRun `claimlint explain {rule.id}` for examples."},
            **({"helpUri": rule_help(rule)} if rule_help(rule) else {}),
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
        } for rule in rules],
    }
    notifications = [{
        "level": level,
        "message": {"text": note["message"]},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": relative_path(note["path"]),
                                                                 "uriBaseId": "%SRCROOT%"}}}],
    } for level, notes in (("error", report.errors), ("note", report.skipped)) for note in notes]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [{"executionSuccessful": not report.errors,
                             "toolExecutionNotifications": notifications}],
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "results": results,
        }],
    }
    return inert_json(json.dumps(log, indent=2, ensure_ascii=False))
