"""Fixes in the JSON and SARIF reports: the same edits, with the same position conventions."""

from __future__ import annotations

import json

import pytest

from claimlint.config import Config, resolve_rules
from claimlint.reporters import Report
from conftest import rendered

DRAFT = "Chronic stress worsens inflammation and anxiety.\n"


def test_json_and_sarif_carry_the_same_fixes(lint, shared_file):
    jsonschema = pytest.importorskip("jsonschema")
    findings = lint(DRAFT, "docs/a.md")
    report = Report(findings, 1, rules=resolve_rules(Config()))
    from_json = json.loads(rendered("json", report))["findings"]
    log = json.loads(rendered("sarif", report))
    jsonschema.validate(log, json.loads(shared_file("data/sarif/sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == [f["rule"] for f in from_json]
    for result, finding in zip(results, from_json):
        assert finding["fixes"] and len(result["fixes"]) == len(finding["fixes"]), finding["rule"]
        for fix, sarif in zip(finding["fixes"], result["fixes"]):
            assert sarif["description"]["text"] == fix["description"]
            assert sarif["properties"]["safe"] == fix["safe"]
            (change,) = sarif["artifactChanges"]
            assert change["artifactLocation"]["uri"] == "docs/a.md"
            assert [_edit(replacement) for replacement in change["replacements"]] == fix["edits"]
    disclaimer = next(f for f in from_json if f["rule"] == "missing-disclaimer")
    assert disclaimer["fixes"][0]["safe"] is True
    assert disclaimer["fixes"][0]["edits"][0] == {"line": 2, "column": 1, "end_line": 2, "end_column": 1,
                                                  "text": disclaimer["fixes"][0]["edits"][0]["text"]}
    hedge = next(f for f in from_json if f["rule"] == "unhedged-causal-claim")["fixes"][0]
    assert hedge["edits"] == [{"line": 1, "column": 16, "end_line": 1, "end_column": 23, "text": "may worsen"}]


def _edit(replacement: dict) -> dict:
    region = replacement["deletedRegion"]
    return {"line": region["startLine"], "column": region["startColumn"], "end_line": region["endLine"],
            "end_column": region["endColumn"], "text": replacement["insertedContent"]["text"]}
