"""CI formats: GitHub workflow commands, SARIF 2.1.0 and GitLab Code Quality."""

from __future__ import annotations

import json

import pytest

from claimlint.config import Config, resolve_rules
from claimlint.findings import Finding
from claimlint.reporters import Report
from conftest import rendered
from claimlint.reporters.github import escape_data, escape_property

DRAFT = "Chronic stress worsens inflammation.\nHeavy drinking doubles\nthe risk of gout.\n"


@pytest.fixture
def report(lint):
    findings = [f for f in lint(DRAFT, "docs/a.md") if f.rule != "missing-disclaimer"]
    return Report(findings, 1, rules=resolve_rules(Config()))


def test_github_escaping():
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"


def test_github_annotation_with_awkward_filename_and_message():
    finding = Finding("dir,1/odd:name%.md", 3, 5, 3, 9, "unsourced-statistic", "error",
                      "70% of 1,000: see\nline two", "70%")
    (line,) = rendered("github", Report([finding], 1)).splitlines()
    assert line == ("::error file=dir%2C1/odd%3Aname%25.md,line=3,endLine=3,col=5,endColumn=9,"
                    "title=claimlint (unsourced-statistic)::70%25 of 1,000: see%0Aline two")


def test_github_levels_and_multiline_spans(report):
    lines = rendered("github", report).splitlines()
    assert lines[0].startswith("::warning file=docs/a.md,line=1,endLine=1,col=16,endColumn=23,")
    multiline = [line for line in lines if "line=2,endLine=3" in line]
    assert multiline and "col=" not in multiline[0]
    info = Finding("a.md", 1, 1, 1, 2, "x", "info", "m", "m")
    assert rendered("github", Report([info], 1)).startswith("::notice ")


def test_sarif_validates_against_the_schema(report, shared_file):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_file("data/sarif/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(rendered("sarif", report))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert {"unhedged-causal-claim", "unsourced-statistic"} <= {rule["id"] for rule in rules}
    first = run["results"][0]
    assert first["ruleId"] == "unhedged-causal-claim"
    assert rules[first["ruleIndex"]]["id"] == "unhedged-causal-claim"
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/a.md"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 16, "endLine": 1, "endColumn": 23}
    rule = rules[first["ruleIndex"]]
    assert rule["shortDescription"]["text"] and rule["help"]["text"]
    assert rule["defaultConfiguration"]["level"] == "warning"


def test_gitlab_code_quality(report, lint):
    issues = json.loads(rendered("gitlab", report))
    assert {i["check_name"] for i in issues} == {"unhedged-causal-claim", "unsourced-statistic", "relative-risk-only"}
    first = issues[0]
    assert first["location"] == {"path": "docs/a.md", "lines": {"begin": 1, "end": 1}}
    assert first["severity"] == "minor" and first["description"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    # Stable across runs, and across edits that only shift lines.
    shifted = [f for f in lint("# Title\n\n" + DRAFT, "docs/a.md") if f.rule != "missing-disclaimer"]
    again = json.loads(rendered("gitlab", Report(shifted, 1)))
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]


def test_gitlab_fingerprints_unique_for_repeated_sentences(lint):
    findings = lint("Sugar causes cavities.\n\nSugar causes cavities.\n", "a.md")
    issues = json.loads(rendered("gitlab", Report(findings, 1)))
    assert len({i["fingerprint"] for i in issues}) == len(issues) == 2


def test_cli_formats(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(DRAFT)
    for name in ("github", "sarif", "gitlab"):
        result = cli("check", "--format", name, "a.md")
        assert result.exit_code == 1 and result.stdout.strip(), name


def test_jsonl_is_one_json_finding_per_line(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a##[b.md").write_text(DRAFT)  # a name that would be a workflow command in a CI log
    (tmp_path / "clean.md").write_text("# Opening hours\n\nWe open at nine.\n")
    whole = json.loads(cli("check", "--format", "json", "a##[b.md", "clean.md").stdout)
    result = cli("check", "--format", "jsonl", "--format", "jsonl:copy.jsonl", "a##[b.md", "clean.md")
    lines = result.stdout.splitlines()
    assert result.exit_code == 1 and len(lines) == len(whole["findings"]) > 3
    assert [json.loads(line) for line in lines] == whole["findings"]
    assert (tmp_path / "copy.jsonl").read_text() == result.stdout
    assert all("#\\u0023[" in line and "##[" not in line for line in lines)  # inert, as in the JSON report
    clean = cli("check", "--format", "jsonl", "clean.md")
    assert (clean.exit_code, clean.stdout) == (0, "")
