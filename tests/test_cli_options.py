"""The options users of other linters expect: output files, statistics, exit-zero, versions, did-you-mean, help."""

from __future__ import annotations

import json
from importlib import metadata

import pytest

CLAIM = "Chronic stress worsens inflammation in 70% of people.\n"


@pytest.fixture
def draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(CLAIM + "\nSugar causes cavities.\n")
    return tmp_path


def test_output_file_takes_the_report(cli, draft):
    result = cli("check", "--no-cache", "--format", "json", "--output-file", "out.json", "a.md")
    assert result.exit_code == 1 and result.stdout == ""
    assert {f["rule"] for f in json.loads((draft / "out.json").read_text())["findings"]} == {
        "unhedged-causal-claim", "unsourced-statistic"}
    result = cli("check", "--no-cache", "-o", "out.txt", "a.md")
    assert result.stdout == "" and (draft / "out.txt").read_text().endswith("3 findings in 1 file\n")


def test_more_reports_from_one_run(cli, draft):
    result = cli("check", "--no-cache", "--format", "sarif:out.sarif", "--format", "gitlab:gl.json", "a.md")
    assert result.exit_code == 1 and result.stdout.endswith("3 findings in 1 file\n")  # text still on stdout
    assert len(json.loads((draft / "out.sarif").read_text())["runs"][0]["results"]) == 3
    assert len(json.loads((draft / "gl.json").read_text())) == 3
    result = cli("check", "--format", "json", "--format", "github", "a.md")
    assert result.exit_code == 2 and "only one format can go to standard output" in result.stderr
    result = cli("check", "--format", "sarif:", "a.md")
    assert result.exit_code == 2 and "name the file after the colon" in result.stderr


def test_an_unwritable_output_file_is_one_error_line(cli, draft):
    result = cli("check", "--no-cache", "-o", str(draft / "missing" / "out.txt"), "a.md")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"claimlint: error: {draft / 'missing' / 'out.txt'}: cannot write the report: No such file or directory"]


def test_statistics(cli, draft):
    result = cli("check", "--no-cache", "--statistics", "a.md")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["     2  unhedged-causal-claim  warning", "     1  unsourced-statistic    warning",
                                          "3 findings in 1 of 1 file"]
    rows = json.loads(cli("check", "--no-cache", "--statistics", "--format", "json", "a.md").stdout)
    assert rows == [{"rule": "unhedged-causal-claim", "severity": "warning", "count": 2},
                    {"rule": "unsourced-statistic", "severity": "warning", "count": 1}]
    result = cli("check", "--statistics", "--format", "sarif", "a.md")
    assert result.exit_code == 2 and "--statistics prints text or json, not sarif" in result.stderr


def test_exit_zero(cli, draft):
    assert cli("check", "--no-cache", "--exit-zero", "a.md").exit_code == 0
    assert cli("check", "--no-cache", "--exit-zero", "a.md", "missing.md").exit_code == 2


def test_version_names_the_libraries(cli):
    result = cli("--version")
    assert result.exit_code == 0
    for name, label in (("spacy", "spaCy"), ("markdown-it-py", "markdown-it-py"), ("mdit-py-plugins", "mdit-py-plugins")):
        assert f"{label} {metadata.version(name)}" in result.stdout
    assert result.stdout.startswith("claimlint 0.1.0 (")


def test_format_help_lists_every_format(cli):
    from claimlint.reporters import FORMATS

    result = cli("check", "--format", "help")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == list(FORMATS)
    assert cli("--format", "help").stdout == result.stdout
    result = cli("check", "--format", "jsn", "a.md")
    assert result.exit_code == 2 and "'jsn' is not a format (did you mean 'json'?)" in result.stderr


def test_help_explains_the_default_command_and_exit_status(cli):
    for args in (["--help"], ["check", "--help"]):
        text = " ".join(cli(*args).stdout.split())
        assert "Exit status: 0 no findings at or above the failure level 1 findings at or above" in text
        assert "2 a usage, configuration or input error" in text
    assert "`claimlint PATHS...` is short for `claimlint check PATHS...`" in " ".join(cli("--help").stdout.split())


@pytest.mark.parametrize("files, args, message", [
    ({}, ["check", "--select", "unhedged-causal-claims", "a.md"], "unknown rule id 'unhedged-causal-claims' (did you mean 'unhedged-causal-claim'?)"),
    ({}, ["explain", "unsourced-statistics"], "unknown rule id 'unsourced-statistics' (did you mean 'unsourced-statistic'?)"),
    ({".claimlint.yaml": "selct: [unsourced-statistic]\n"}, ["check", "a.md"], "unknown key 'selct' (did you mean 'select'?)"),
    ({".claimlint.yaml": "overrides:\n  - files: [a.md]\n    ignroe: [x]\n"}, ["check", "a.md"],
     "unknown key 'ignroe' (did you mean 'ignore'?)"),
    ({".claimlint.yaml": "rules:\n  unsourced-statistic: {severty: error}\n"}, ["check", "a.md"],
     "unknown key 'severty' (did you mean 'severity'?)"),
    ({".claimlint.yaml": "rules:\n  unhedged-causal-claim: {options: {flag_negation: false}}\n"}, ["check", "a.md"],
     "unknown option 'flag_negation' (did you mean 'flag_negated'?)"),
    ({"a.md": "<!-- claimlint-disable-next-line vague-atribution -->\nHi.\n"}, ["check", "a.md"],
     "unknown rule id 'vague-atribution' in a suppression (did you mean 'vague-attribution'?)"),
    ({"a.md": "<!-- claimlint-disable-nextline -->\nHi.\n"}, ["check", "a.md"],
     "unknown directive 'claimlint-disable-nextline' (did you mean 'claimlint-disable-next-line'?)"),
    ({}, ["rule"], "no command and no file 'rule' (did you mean 'rules'?)"),
])
def test_did_you_mean(cli, draft, files, args, message):
    for name, text in files.items():
        (draft / name).write_text(text)
    result = cli(*args)
    assert result.exit_code == 2 and message in result.stderr, result.stderr


def test_a_long_line_shows_a_window_around_the_span(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = "Tea is nice and " * 40
    line = before + "chronic stress worsens inflammation, " + "and the garden is green " * 40
    (tmp_path / "a.md").write_text(line + "\n")
    lines = cli("check", "--no-cache", "--select", "unhedged-causal-claim", "a.md").stdout.splitlines()
    assert lines[0].startswith(f"a.md:1:{len(before) + 16}: warning")
    excerpt, underline = lines[1], lines[2]
    assert len(excerpt) <= 7 + 120 + 6 and excerpt.startswith("   1 | ...") and excerpt.endswith("...")
    start = underline.index("^")
    assert excerpt[start : start + underline.count("^")] == "worsens"
    short = cli("check", "--no-cache", "--select", "unhedged-causal-claim", "-", input="Stress worsens pain.\n")
    assert short.stdout.splitlines()[1] == "   1 | Stress worsens pain."
