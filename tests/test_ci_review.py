"""CI review that shows everything: SARIF for code scanning, a Markdown job summary, and the rule reference."""

from __future__ import annotations

import json
import re
import sys

import pytest

from claimlint.config import Config, resolve_rules
from claimlint.findings import Finding
from claimlint.reporters import Report
from conftest import ROOT, rendered

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DRAFT = "Chronic stress worsens inflammation.\nHeavy drinking doubles\nthe risk of gout.\n"
MANY = "".join(f"About {n}% of adults skip breakfast.\n\n" for n in range(11, 26))  # 15 findings


def sarif(report: Report) -> dict:
    return json.loads(rendered("sarif", report))


def test_sarif_fingerprints_survive_shifted_lines_and_are_unique(lint):
    def prints(text):
        findings = [f for f in lint(text, "docs/a.md") if f.rule != "missing-disclaimer"]
        return [r["partialFingerprints"]["claimlint/v1"] for r in sarif(Report(findings, 1))["runs"][0]["results"]]

    first = prints(DRAFT + "\nSugar causes cavities.\n\nSugar causes cavities.\n")
    assert len(set(first)) == len(first) == 6
    assert prints("# Title\n\n" + DRAFT + "\nSugar causes cavities.\n\nSugar causes cavities.\n") == first


def test_sarif_rules_link_to_documentation_that_exists():
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    driver = sarif(Report([], 0, rules=resolve_rules(Config())))["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == urls["Homepage"]
    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    anchors = {re.sub(r"[^a-z0-9 -]", "", heading.lower()).replace(" ", "-")
               for heading in re.findall(r"^#+ (.+)$", reference, re.MULTILINE)}
    assert len(driver["rules"]) == 9
    for rule in driver["rules"]:
        address, _, anchor = rule["helpUri"].partition("#")
        assert address == f"{urls['Repository']}/blob/v0.1.0/docs/rules.md" and anchor == rule["id"] in anchors


def test_a_house_rule_links_to_its_own_url_or_the_guide(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    rule = ("id: no-miracle\nseverity: error\nmessage: m\ndescription: d\nkind: phrase\npatterns: ['miracle']\n"
            "examples: {flag: [A miracle.], pass: [A tea.]}\n")
    (tmp_path / "rules" / "no-miracle.yaml").write_text(rule)
    (tmp_path / ".claimlint.yaml").write_text("rule_paths: [rules]\nselect: [no-miracle]\n")
    (tmp_path / "a.md").write_text("A miracle.\n")
    helps = lambda: [r.get("helpUri") for r in json.loads(cli("check", "--no-cache", "--format", "sarif", "a.md").stdout)
                     ["runs"][0]["tool"]["driver"]["rules"]]
    assert helps() == ["https://github.com/claimlint/claimlint/blob/v0.1.0/README.md#writing-rules"]
    (tmp_path / "rules" / "no-miracle.yaml").write_text(rule + "url: https://example.org/style#miracle\n")
    assert helps() == ["https://example.org/style#miracle"]
    (tmp_path / "rules" / "no-miracle.yaml").write_text(rule + "url: javascript:alert(1)\n")
    result = cli("check", "a.md")
    assert result.exit_code == 2 and "field 'url' must be an http(s) address" in result.stderr


def test_sarif_invocation_reports_input_errors(cli, tmp_path, monkeypatch, shared_file):
    jsonschema = pytest.importorskip("jsonschema")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("<!-- claimlint-disable-next-line unsourced-statistic -- table 2 -->\n"
                                   "About 30% of adults snack.\n\nSugar causes cavities.\n")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00\x00bad")
    result = cli("check", "--no-cache", "--format", "sarif", "a.md", "bad.md", "missing.md")
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    jsonschema.validate(log, json.loads(shared_file("data/sarif/sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [(n["level"], n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for n in notes] == [
        ("error", "bad.md"), ("error", "missing.md")]
    assert notes[1]["message"]["text"] == "missing.md: no such file"
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r.get("suppressions")) for r in results] == [
        ("unsourced-statistic", [{"kind": "inSource", "justification": "table 2"}]), ("unhedged-causal-claim", None)]


def test_summary_counts_every_rule_and_tables_the_first_findings(lint):
    findings = lint(MANY + "Sugar causes cavities.\n", "docs/a.md")
    text = rendered("summary", Report(findings, 2))
    lines = text.splitlines()
    assert lines[0] == f"### claimlint: {len(findings)} findings in 1 of 2 files checked"
    assert "| `unsourced-statistic` | warning | 15 |" in lines
    assert "| `unhedged-causal-claim` | warning | 1 |" in lines
    rows = [line for line in lines if line.startswith("| docs/a.md:")]
    assert len(rows) == len(findings) > 10


def test_summary_caps_the_table_and_escapes_draft_text(monkeypatch):
    import claimlint.reporters.summary as summary

    monkeypatch.setattr(summary, "MAX_ROWS", 2)
    hostile = Finding("a|b.md", 1, 1, 1, 5, "no-miracle", "error", 'Avoid "<img src=x onerror=alert(1)> | [x](http://e) *b*"',
                      "x")
    plain = Finding("c.md", 3, 1, 3, 5, "no-miracle", "error", "m", "x")
    text = rendered("summary", Report([hostile, plain, plain], 3, errors=[{"path": "d.md", "message": "d.md: ::bad"}]))
    assert "First 2 of 3 findings:" in text
    row = next(line for line in text.splitlines() if line.startswith("| a"))
    assert row == ('| a\\|b.md:1 | error | `no-miracle` | Avoid "&lt;img src=x onerror=alert(1)&gt; \\| '
                   '\\[x\\](http://e) \\*b\\*" |')
    assert "- d.md: ::bad" in text and "1 input error (exit status 2):" in text


def test_summary_links_locations_on_github(monkeypatch):
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "acme/site")
    monkeypatch.setenv("GITHUB_SHA", "abc123")
    text = rendered("summary", Report([Finding("docs/my post.md", 7, 1, 7, 5, "x-y", "warning", "m", "x")], 1))
    assert "| [docs/my post.md:7](https://github.com/acme/site/blob/abc123/docs/my%20post.md#L7) |" in text


def test_the_rule_reference_is_generated_from_the_rules():
    from claimlint.docs import rules_markdown

    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown(), \
        "docs/rules.md is stale: run `python -m claimlint.docs > docs/rules.md`"
