"""The command line: formats, exit statuses, selection, stdin, errors and the rule docs."""

from __future__ import annotations

import json
import os

import pytest

CLAIM = "Chronic stress worsens inflammation.\n"
CLEAN = "Welcome to our new office. We open at nine.\n"


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_text_output_like_a_compiler(cli, in_tmp):
    (in_tmp / "a.md").write_text(CLAIM)
    result = cli("check", "a.md")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("a.md:1:16: warning [unhedged-causal-claim] ")
    assert lines[1] == "   1 | Chronic stress worsens inflammation."
    assert lines[2] == "     |                ^^^^^^^"
    assert lines[-1] == "1 finding in 1 file"


def test_paths_without_subcommand_behave_like_check(cli, in_tmp):
    (in_tmp / "a.md").write_text(CLAIM)
    assert cli("a.md").stdout == cli("check", "a.md").stdout


def test_json_output(cli, in_tmp):
    (in_tmp / "a.md").write_text(CLAIM)
    data = json.loads(cli("check", "--format", "json", "./a.md").stdout)
    (finding,) = data["findings"]
    assert finding == {
        "path": "./a.md", "line": 1, "column": 16, "end_line": 1, "end_column": 23,
        "rule": "unhedged-causal-claim", "severity": "warning", "message": finding["message"], "match": "worsens",
        "pattern": "verb worsen", "fixes": [
            {"description": 'Hedge the claim: "worsens" -> "may worsen"', "safe": False,
             "edits": [{"line": 1, "column": 16, "end_line": 1, "end_column": 23, "text": "may worsen"}]},
            {"description": "Disable unhedged-causal-claim for this line (give the reason)", "safe": False,
             "edits": [{"line": 1, "column": 1, "end_line": 1, "end_column": 1,
                        "text": "<!-- claimlint-disable-next-line unhedged-causal-claim -- <reason> -->\n"}]},
        ],
    }
    assert data["summary"] == {"files_checked": 1, "findings": 1, "errors": 0}


def test_clean_file_exits_zero(cli, in_tmp):
    (in_tmp / "a.md").write_text(CLEAN)
    result = cli("check", "a.md")
    assert result.exit_code == 0
    assert result.stdout.strip() == "No findings in 1 file"


def test_fail_on_error_ignores_warnings(cli, in_tmp):
    (in_tmp / "a.md").write_text(CLAIM)
    assert cli("check", "--fail-on", "error", "a.md").exit_code == 0
    assert cli("check", "--fail-on", "info", "a.md").exit_code == 1


def test_select_and_ignore(cli, in_tmp):
    (in_tmp / "a.md").write_text("Chronic stress worsens inflammation in 70% of people.\n")
    rules = lambda *args: {f["rule"] for f in json.loads(cli("check", "--format", "json", *args, "a.md").stdout)["findings"]}
    assert rules() == {"unhedged-causal-claim", "unsourced-statistic"}
    assert rules("--select", "unsourced-statistic") == {"unsourced-statistic"}
    assert rules("--ignore", "unsourced-statistic,unhedged-causal-claim") == set()


def test_unknown_rule_id_is_a_usage_error(cli, in_tmp):
    (in_tmp / "a.md").write_text(CLAIM)
    result = cli("check", "--select", "no-such-rule", "a.md")
    assert result.exit_code == 2
    assert "unknown rule id 'no-such-rule'" in result.stderr


def test_directories_are_walked_for_markdown(cli, in_tmp):
    (in_tmp / "docs" / "sub").mkdir(parents=True)
    (in_tmp / "docs" / "a.md").write_text(CLAIM)
    (in_tmp / "docs" / "sub" / "b.markdown").write_text(CLAIM)
    (in_tmp / "docs" / "notes.txt").write_text(CLAIM)
    (in_tmp / "docs" / ".hidden").mkdir()
    (in_tmp / "docs" / ".hidden" / "c.md").write_text(CLAIM)
    data = json.loads(cli("check", "--format", "json", "docs").stdout)
    assert sorted(f["path"] for f in data["findings"]) == [os.path.join("docs", "a.md"),
                                                           os.path.join("docs", "sub", "b.markdown")]


def test_stdin_with_filename(cli, in_tmp):
    result = cli("check", "--format", "json", "--stdin-filename", "draft.md", "-", input=CLAIM)
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == ["draft.md"]


def test_bad_files_are_reported_and_do_not_stop_the_others(cli, in_tmp):
    (in_tmp / "bad.md").write_bytes(b"caf\xe9 causes \xff\n")
    (in_tmp / "good.md").write_text(CLAIM)
    (in_tmp / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = cli("check", "bad.md", "missing.md", "image.md", "good.md")
    assert result.exit_code == 2
    assert "claimlint: error: bad.md: not valid UTF-8 (byte 0xe9 at offset 3)" in result.stderr
    assert "claimlint: error: image.md: looks like a binary file (it contains NUL bytes)" in result.stderr
    assert "claimlint: error: missing.md: no such file" in result.stderr
    assert "good.md:1:16: warning [unhedged-causal-claim]" in result.stdout
    assert "Traceback" not in result.stderr + result.stdout


def test_files_are_never_modified(cli, in_tmp):
    draft = in_tmp / "a.md"
    draft.write_bytes(b"Sugar causes cavities.\r\nAbout 70% of adults agree.\r\n")
    before = (draft.read_bytes(), draft.stat().st_mtime_ns)
    cli("check", "a.md")
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == before


def test_rules_lists_every_rule(cli):
    result = cli("rules")
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.stdout.splitlines()}
    assert {"unhedged-causal-claim", "unsourced-statistic", "missing-disclaimer"} <= listed
    assert "warning" in result.stdout


def test_explain_shows_description_options_and_examples(cli):
    result = cli("explain", "unhedged-causal-claim")
    assert result.exit_code == 0
    assert "can_is_hedge = True" in result.stdout
    assert "Flags:" in result.stdout and "Passes:" in result.stdout
    assert "Chronic stress worsens inflammation throughout the body." in result.stdout


def test_explain_unknown_rule(cli):
    result = cli("explain", "nope")
    assert result.exit_code == 2
    assert "unknown rule id 'nope'" in result.stderr


def test_no_paths_is_a_usage_error(cli):
    assert cli("check").exit_code == 2


def test_explain_covers_every_rule(cli):
    from claimlint.rules import builtin_rules_dir, load_rules

    for rule in load_rules([builtin_rules_dir()]).values():
        result = cli("explain", rule.id)
        assert result.exit_code == 0 and rule.description.split("\n")[0] in result.stdout, rule.id


def test_readme_rule_table_lists_every_rule():
    from claimlint.rules import builtin_rules_dir, load_rules
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in load_rules([builtin_rules_dir()]).values():
        assert f"| `{rule.id}` | {rule.severity} |" in readme, rule.id


def test_quiet_prints_findings_only(cli, in_tmp):
    (in_tmp / "a.md").write_text(CLAIM)
    lines = cli("check", "--quiet", "a.md").stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("a.md:1:16: warning [unhedged-causal-claim]")
