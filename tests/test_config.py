"""Configuration discovery, validation and custom rule folders."""

from __future__ import annotations

import json
import textwrap

import pytest

CLAIM = "Chronic stress worsens inflammation in 70% of people.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(CLAIM)
    monkeypatch.chdir(tmp_path / "docs")
    return tmp_path


def findings(cli, *args):
    result = cli("check", "--format", "json", *args, "a.md")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]


def test_yaml_config_found_by_walking_up(cli, project):
    (project / ".claimlint.yaml").write_text("ignore: [unsourced-statistic]\n")
    assert {f["rule"] for f in findings(cli)} == {"unhedged-causal-claim"}


def test_pyproject_tool_table(cli, project):
    (project / "pyproject.toml").write_text('[tool.claimlint]\nselect = ["unsourced-statistic"]\n')
    assert {f["rule"] for f in findings(cli)} == {"unsourced-statistic"}


def test_explicit_config_overrides_discovery(cli, project):
    (project / ".claimlint.yaml").write_text("ignore: [unsourced-statistic]\n")
    (project / "other.yaml").write_text("select: [unsourced-statistic]\n")
    assert {f["rule"] for f in findings(cli, "--config", str(project / "other.yaml"))} == {"unsourced-statistic"}


def test_severity_and_options(cli, project):
    (project / ".claimlint.yaml").write_text(textwrap.dedent("""\
        rules:
          unsourced-statistic: {severity: error}
          unhedged-causal-claim: {options: {flag_negated: false}}
        """))
    (project / "docs" / "a.md").write_text("Coffee does not cause ulcers in 70% of people.\n")
    assert [(f["rule"], f["severity"]) for f in findings(cli)] == [("unsourced-statistic", "error")]


def test_disclaimer_patterns_extend_the_defaults(cli, project):
    draft = "Insomnia and anxiety often travel together; magnesium may help.\n\nHouse rule: ask a grown-up.\n"
    (project / "docs" / "a.md").write_text(draft)
    assert [f["rule"] for f in findings(cli)] == ["missing-disclaimer"]
    (project / ".claimlint.yaml").write_text("disclaimer_patterns: ['ask\\s+a\\s+grown-up']\n")
    assert findings(cli) == []


@pytest.mark.parametrize("content, message", [
    ("colour: red\n", "unknown key 'colour'"),
    ("select: [no-such-rule]\n", "unknown rule id 'no-such-rule'"),
    ("rules:\n  unsourced-statistic: {severity: loud}\n", "severity 'loud' is not one of"),
    ("rules:\n  unsourced-statistic: {options: {scope: page}}\n", "'page' is not one of sentence, paragraph"),
    ("rules:\n  unsourced-statistic: {options: {radius: 3}}\n", "unknown option 'radius'"),
    ("select: unsourced-statistic\n", "key 'select' must be a list of strings"),
    ("fail_on: [a\n", "invalid YAML"),
    ("model: en_no_such_pipeline\n", "model 'en_no_such_pipeline' is not installed"),
    ("disclaimer_patterns: ['consult(']\n", "key 'disclaimer_patterns': invalid regular expression"),
    ("overrides:\n  - files: ['never/**']\n    rules:\n      unsourced-statistic: {severity: loud}\n",
     "overrides[0]: rules.unsourced-statistic: severity 'loud' is not one of"),
])
def test_config_errors_name_the_problem(cli, project, content, message):
    (project / ".claimlint.yaml").write_text(content)
    result = cli("check", "a.md")
    assert result.exit_code == 2
    assert result.stderr.startswith("claimlint: error: ")
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


RULE = textwrap.dedent("""\
    id: no-miracle
    severity: error
    message: 'Avoid "{match}".'
    description: Miracle language overstates any health effect.
    kind: phrase
    patterns: ['miracles?']
    examples:
      flag: [This tea is a miracle.]
      pass: [This tea is pleasant.]
    """)


def test_custom_rule_folder(cli, project):
    (project / "house-rules").mkdir()
    (project / "house-rules" / "no-miracle.yaml").write_text(RULE)
    (project / ".claimlint.yaml").write_text("rule_paths: [house-rules]\nselect: [no-miracle]\n")
    (project / "docs" / "a.md").write_text("A miracle tea.\n")
    assert [(f["rule"], f["severity"], f["message"], f["column"]) for f in findings(cli)] == [
        ("no-miracle", "error", 'Avoid "miracle".', 3)]


@pytest.mark.parametrize("change, message", [
    (("severity: error", "severity: fatal"), "field 'severity': 'fatal' is not one of"),
    (("kind: phrase", "kind: magic"), "field 'kind': unknown kind 'magic'"),
    (("patterns: ['miracles?']", "pattern: ['miracles?']"), "unknown field 'pattern' (did you mean 'patterns'?) for kind phrase (fields: "),
    (("patterns: ['miracles?']", "patterns: miracle"), "field 'patterns': expected a list"),
    (("patterns: ['miracles?']", "patterns: ['mira(cle']"), "invalid regular expression"),
    (("id: no-miracle", "id: No Miracle"), "field 'id': 'No Miracle' is not a lower-case slug"),
    (("  pass: [This tea is pleasant.]\n", ""), "field 'examples' must have non-empty 'flag' and 'pass'"),
    (("message: 'Avoid \"{match}\".'\n", ""), "field 'message' is required"),
])
def test_malformed_rule_names_file_field_and_problem(cli, project, change, message):
    (project / "house-rules").mkdir()
    path = project / "house-rules" / "no-miracle.yaml"
    path.write_text(RULE.replace(*change))
    (project / ".claimlint.yaml").write_text("rule_paths: [house-rules]\n")
    result = cli("check", "a.md")
    assert result.exit_code == 2
    assert str(path) in result.stderr
    assert message in result.stderr


def test_overrides_apply_per_glob(cli, project):
    (project / "docs" / "legal").mkdir()
    (project / "docs" / "legal" / "terms.md").write_text(CLAIM)
    (project / ".claimlint.yaml").write_text(textwrap.dedent("""\
        overrides:
          - files: ["docs/legal/**"]
            ignore: [unhedged-causal-claim]
            rules:
              unsourced-statistic: {severity: error}
        """))
    result = cli("check", "--format", "json", ".")
    rows = {(f["path"].replace("\\", "/"), f["rule"], f["severity"]) for f in json.loads(result.stdout)["findings"]}
    assert rows == {("a.md", "unhedged-causal-claim", "warning"), ("a.md", "unsourced-statistic", "warning"),
                    ("legal/terms.md", "unsourced-statistic", "error")}


def test_override_errors_name_the_entry(cli, project):
    (project / ".claimlint.yaml").write_text("overrides:\n  - files: ['x/**']\n    ignore: [nope]\n")
    result = cli("check", "a.md")
    assert result.exit_code == 2 and "overrides[0]: ignore: unknown rule id 'nope'" in result.stderr
    (project / ".claimlint.yaml").write_text("overrides:\n  - ignore: [unsourced-statistic]\n")
    result = cli("check", "a.md")
    assert result.exit_code == 2 and "overrides[0]: 'files' (a list of globs) is required" in result.stderr


def test_exclude_globs_skip_walked_and_named_files(cli, project):
    (project / "docs" / "drafts").mkdir()
    (project / "docs" / "drafts" / "wip.md").write_text(CLAIM)
    (project / ".claimlint.yaml").write_text("exclude: ['drafts/', 'docs/a.md']\n")
    assert cli("check", ".").stdout.strip() == "No findings in 0 files"
    assert cli("check", "a.md", "drafts/wip.md").stdout.strip() == "No findings in 0 files"


def test_gitignored_files_are_skipped_when_walking(cli, project):
    import subprocess

    subprocess.run(["git", "init", "-q", str(project)], check=True)
    (project / ".gitignore").write_text("docs/build/\n")
    (project / "docs" / "build").mkdir()
    (project / "docs" / "build" / "out.md").write_text(CLAIM)
    data = json.loads(cli("check", "--format", "json", ".").stdout)
    assert {f["path"] for f in data["findings"]} == {"a.md"}
    (project / ".claimlint.yaml").write_text("respect_gitignore: false\n")
    data = json.loads(cli("check", "--format", "json", ".").stdout)
    assert {f["path"].replace("\\", "/") for f in data["findings"]} == {"a.md", "build/out.md"}


def test_command_line_select_overrides_the_configured_ignore(cli, project):
    (project / ".claimlint.yaml").write_text("ignore: [unsourced-statistic]\n")
    assert {f["rule"] for f in findings(cli, "--select", "unsourced-statistic")} == {"unsourced-statistic"}


def test_rules_check_runs_house_rule_examples(cli, project):
    (project / "house-rules").mkdir()
    (project / "house-rules" / "no-miracle.yaml").write_text(RULE.replace("This tea is pleasant.", "A miracle tea."))
    (project / ".claimlint.yaml").write_text("rule_paths: [house-rules]\n")
    result = cli("rules", "--check")
    assert result.exit_code == 1
    assert "no-miracle.yaml: pass example gave 1 finding(s) ['miracle'], expected 0: A miracle tea." in result.stdout
    (project / "house-rules" / "no-miracle.yaml").write_text(RULE)
    result = cli("rules", "--check")
    assert result.exit_code == 0 and result.stdout.strip().endswith(" passed, 0 failed")


def test_internal_errors_are_one_line_with_status_2(cli, project, monkeypatch):
    import claimlint.runner

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(claimlint.runner.Linter, "lint", broken)
    result = cli("check", "--no-cache", "a.md")
    assert result.exit_code == 2
    assert result.stderr.strip() == "claimlint: error: internal error in a.md: RuntimeError: boom (please report it)"
