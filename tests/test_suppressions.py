"""Inline suppressions, front matter ignores and unused-suppression reports."""

from __future__ import annotations

import pytest

from claimlint.config import Config, resolve_rules
from claimlint.linter import Linter


@pytest.fixture(scope="module")
def strict():
    return Linter(resolve_rules(Config(), ["unhedged-causal-claim", "unsourced-statistic"]),
                  report_unused_suppressions=True)


def found(linter, text):
    return [(f.line, f.rule) for f in linter.lint(text, "a.md")]


def test_disable_enable_block(strict):
    text = ("Sugar causes cavities.\n\n<!-- claimlint-disable unhedged-causal-claim -->\n\n"
            "Salt raises blood pressure in 30% of adults.\n\n<!-- claimlint-enable -->\n\nFat causes acne.\n")
    assert found(strict, text) == [(1, "unhedged-causal-claim"), (5, "unsourced-statistic"),
                                   (9, "unhedged-causal-claim")]


def test_disable_without_ids_means_all_rules(strict):
    text = "<!-- claimlint-disable -->\n\nSalt raises blood pressure in 30% of adults.\n"
    assert found(strict, text) == []


def test_enable_specific_rule(strict):
    text = ("<!-- claimlint-disable unsourced-statistic, unhedged-causal-claim -->\n\nSugar causes cavities.\n\n"
            "<!-- claimlint-enable unhedged-causal-claim -->\n\nSalt raises blood pressure in 30% of adults.\n")
    assert found(strict, text) == [(7, "unhedged-causal-claim")]


def test_disable_next_line(strict):
    text = ("<!-- claimlint-disable-next-line unsourced-statistic -->\n"
            "Salt raises blood pressure in 30% of adults.\nFat raises cholesterol in 20% of adults.\n")
    assert found(strict, text) == [(2, "unhedged-causal-claim"), (3, "unhedged-causal-claim"),
                                   (3, "unsourced-statistic")]


def test_inline_comment_and_disable_file(strict):
    text = "Sugar causes cavities in 30% of kids. <!-- claimlint-disable-file unsourced-statistic -->\n"
    assert found(strict, text) == [(1, "unhedged-causal-claim")]


def test_front_matter_ignore(strict):
    text = "---\ntitle: x\nclaimlint:\n  ignore: [unsourced-statistic]\n---\nSugar causes cavities in 30% of kids.\n"
    assert found(strict, text) == [(6, "unhedged-causal-claim")]


def test_toml_front_matter_ignore(strict):
    text = ('+++\ntitle = "x"\n[claimlint]\nignore = ["unsourced-statistic"]\nreason = "a glossary"\n+++\n'
            "Sugar causes cavities in 30% of kids.\n")
    assert found(strict, text) == [(7, "unhedged-causal-claim")]


@pytest.mark.parametrize("front, shape", [("---\nclaimlint: [oops]\n---\n", "a mapping like {ignore:"),
                                          ('+++\nclaimlint = 1\n+++\n', 'a table like [claimlint] ignore = [')])
def test_bad_front_matter_setting_is_an_input_error(cli, tmp_path, monkeypatch, front, shape):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(front + "Text.\n")
    result = cli("check", "a.md")
    assert result.exit_code == 2
    assert f"a.md: front matter 'claimlint' must be {shape}" in result.stderr


def test_suppressions_in_code_blocks_do_nothing(strict):
    text = "```\n<!-- claimlint-disable -->\n```\n\nSugar causes cavities.\n"
    assert found(strict, text) == [(5, "unhedged-causal-claim")]


def test_unused_suppressions_are_reported(strict):
    text = ("<!-- claimlint-disable-next-line unsourced-statistic -->\nSugar causes cavities.\n\n"
            "<!-- claimlint-disable-next-line unhedged-causal-claim -->\nFat causes acne.\n")
    findings = strict.lint(text, "a.md")
    assert [(f.line, f.column, f.rule) for f in findings] == [
        (1, 1, "unused-suppression"), (2, 7, "unhedged-causal-claim")]
    assert findings[0].match == "<!-- claimlint-disable-next-line unsourced-statistic -->"


def test_unused_suppressions_only_when_asked(lint):
    assert lint("<!-- claimlint-disable -->\n\nHello there.\n") == []


def test_cli_report_unused_suppressions(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("<!-- claimlint-disable unsourced-statistic -->\n\nHello there.\n")
    assert cli("check", "a.md").exit_code == 0
    result = cli("check", "--report-unused-suppressions", "a.md")
    assert result.exit_code == 1
    assert "a.md:1:1: warning [unused-suppression]" in result.stdout


def test_enable_one_rule_after_disabling_all(strict):
    text = ("<!-- claimlint-disable -->\n\n<!-- claimlint-enable unsourced-statistic -->\n\n"
            "Salt raises blood pressure in 30% of adults.\n")
    assert found(strict, text) == [(5, "unsourced-statistic")]


def test_an_inline_disable_does_not_reach_back_along_its_line(strict):
    text = "Sugar causes cavities. <!-- claimlint-disable --> Fat causes acne.\n"
    assert [(f.column, f.rule) for f in strict.lint(text, "a.md")] == [(7, "unhedged-causal-claim")]


@pytest.mark.parametrize("comment, message", [
    ("<!-- claimlint-disable-next-line unhedged-causal-claims -->", "unknown rule id 'unhedged-causal-claims'"),
    ("<!-- claimlint-disable-line -->", "unknown directive 'claimlint-disable-line'"),
])
def test_bad_directives_are_input_errors(cli, tmp_path, monkeypatch, comment, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(comment + "\nSugar causes cavities.\n")
    result = cli("check", "a.md")
    assert result.exit_code == 2
    assert f"a.md: line 1: {message}" in result.stderr


def test_unknown_front_matter_rule_is_an_input_error(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("---\nclaimlint:\n  ignore: [no-such-rule]\n---\nText.\n")
    result = cli("check", "a.md")
    assert result.exit_code == 2 and "front matter: unknown rule id 'no-such-rule'" in result.stderr


def test_directives_for_rules_not_running_are_not_unused(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("<!-- claimlint-disable-next-line unhedged-causal-claim -->\nSugar causes cavities.\n")
    result = cli("check", "--select", "unsourced-statistic", "--report-unused-suppressions", "a.md")
    assert result.exit_code == 0, result.stdout


def test_reasons_are_accepted_on_every_directive(strict):
    text = ("<!-- claimlint-disable-next-line unsourced-statistic -- figures from table 2 -->\n"
            "Salt raises blood pressure in 30% of adults.\n\n"
            "<!-- claimlint-disable unhedged-causal-claim, unsourced-statistic -- quoted from the trial -->\n\n"
            "Fat raises cholesterol in 20% of adults.\n\n<!-- claimlint-enable -- back to normal -->\n\n"
            "Sugar causes cavities in 5% of kids. <!-- claimlint-disable-file unsourced-statistic -- a glossary -->\n")
    assert found(strict, text) == [(2, "unhedged-causal-claim"), (10, "unhedged-causal-claim")]


def test_a_reason_alone_means_every_rule(strict):
    text = "<!-- claimlint-disable-next-line -- an old draft -->\nSalt raises blood pressure in 30% of adults.\n"
    assert found(strict, text) == []


def test_unused_suppressions_quote_their_reason(strict):
    findings = strict.lint("<!-- claimlint-disable-next-line unsourced-statistic -- table 2 -->\nHello.\n", "a.md")
    assert [(f.rule, f.message) for f in findings] == [
        ("unused-suppression",
         "Suppression 'claimlint-disable-next-line unsourced-statistic' (table 2) suppressed nothing: remove it.")]


def test_disable_next_line_covers_a_sentence_wrapping_onto_following_lines(strict):
    text = ("<!-- claimlint-disable-next-line unhedged-causal-claim, unsourced-statistic -- table 2 -->\n"
            "In the trial, among adults who took part, the salt in their food\n"
            "raises blood pressure in 30% of them. Fat causes acne\n"
            "in 20% of teenagers.\n")
    assert found(strict, text) == [(3, "unhedged-causal-claim"), (4, "unsourced-statistic")]


def test_require_suppression_reason(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(
        "---\ntitle: t\nclaimlint:\n  ignore: [missing-disclaimer]\n---\n"
        "<!-- claimlint-disable-next-line unsourced-statistic -->\nSalt raises blood pressure in 30% of adults.\n\n"
        "<!-- claimlint-disable-next-line unhedged-causal-claim -- cited below -->\nSalt raises blood pressure.\n")
    assert cli("check", "--no-cache", "--select", "unsourced-statistic,unhedged-causal-claim", "a.md").exit_code == 1
    result = cli("check", "--no-cache", "--require-suppression-reason", "--format", "json", "a.md")
    rows = [(f["line"], f["column"], f["rule"]) for f in __import__("json").loads(result.stdout)["findings"]]
    assert (3, 1, "suppression-without-reason") in rows and (6, 1, "suppression-without-reason") in rows
    assert not any(line == 9 and rule == "suppression-without-reason" for line, _, rule in rows)
    (tmp_path / "a.md").write_text("---\nclaimlint:\n  ignore: [missing-disclaimer]\n  reason: a glossary\n---\nHi.\n")
    assert cli("check", "--no-cache", "--require-suppression-reason", "a.md").exit_code == 0


@pytest.mark.parametrize("front, line, end, message", [
    ("---\ntitle: t\nclaimlint_version: 2\nclaimlint:\n  ignore: [missing-disclaimer]\n---\n", 4, 10,
     "Front matter 'claimlint: {ignore: ...}' gives no reason: add 'reason: ...'."),
    ('+++\ntitle = "t"\n[claimlint]\nignore = ["missing-disclaimer"]\n+++\n', 3, 12,
     "Front matter '[claimlint] ignore = [...]' gives no reason: add 'reason = \"...\"'."),
])
def test_front_matter_without_a_reason_is_reported_at_its_key(cli, tmp_path, monkeypatch, front, line, end, message):
    import json

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(front + "Hi.\n")
    result = cli("check", "--no-cache", "--require-suppression-reason", "--format", "json", "a.md")
    (finding,) = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "suppression-without-reason"]
    assert (finding["line"], finding["column"], finding["end_column"], finding["message"]) == (line, 1, end, message)


def test_sarif_reports_suppressed_findings_with_their_reason(cli, tmp_path, monkeypatch):
    import json

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(
        "<!-- claimlint-disable-next-line unsourced-statistic -- figures from table 2 -->\n"
        "About 30% of adults snack at night.\n\n<!-- claimlint-disable-next-line unsourced-statistic -->\n"
        "About 20% of adults snack at noon.\n\nAbout 10% of adults snack at dawn.\n")
    results = json.loads(cli("check", "--no-cache", "--format", "sarif", "--select", "unsourced-statistic",
                             "a.md").stdout)["runs"][0]["results"]
    assert [(r["locations"][0]["physicalLocation"]["region"]["startLine"], r.get("suppressions")) for r in results] == [
        (2, [{"kind": "inSource", "justification": "figures from table 2"}]), (5, [{"kind": "inSource"}]), (7, None)]
    text = cli("check", "--no-cache", "--format", "json", "--select", "unsourced-statistic", "a.md").stdout
    assert [f["line"] for f in json.loads(text)["findings"]] == [7]


@pytest.mark.parametrize("front", ["---\ntitle: x\n---\n", '+++\ntitle = "x"\n+++\n'])
def test_a_file_suppression_goes_after_yaml_or_toml_front_matter(front):
    from claimlint.fixes import Suppressing, apply_edits
    from claimlint.markdown import parse
    from claimlint.source import LineIndex

    text = front + "Sugar causes cavities.\n"
    fix = Suppressing(parse(text), LineIndex(text)).file("unhedged-causal-claim")
    assert apply_edits(text, fix.edits) == (
        front + "<!-- claimlint-disable-file unhedged-causal-claim -- <reason> -->\n\nSugar causes cavities.\n")
