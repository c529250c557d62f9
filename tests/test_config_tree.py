"""Each file gets the configuration nearest to it; `extend` inherits; `claimlint config PATH` shows the result."""

from __future__ import annotations

import json
import sys
import textwrap

import pytest
import yaml

CLAIM = "Chronic stress worsens inflammation in 70% of people.\n"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """project/{a.md, docs/b.md, docs/guides/c.md}, run from project/."""
    project = tmp_path / "project"
    (project / "docs" / "guides").mkdir(parents=True)
    for path in ("a.md", "docs/b.md", "docs/guides/c.md"):
        (project / path).write_text(CLAIM)
    monkeypatch.chdir(project)
    return project


def rules_by_path(cli, *args):
    result = cli("check", "--format", "json", "--no-cache", *args)
    assert result.exit_code in (0, 1), result.stderr
    rows: dict[str, set] = {}
    for finding in json.loads(result.stdout)["findings"]:
        rows.setdefault(finding["path"].replace("\\", "/").split("project/")[-1], set()).add(
            (finding["rule"], finding["severity"]))
    return rows


BOTH = {("unhedged-causal-claim", "warning"), ("unsourced-statistic", "warning")}


def test_nested_config_applies_to_its_folder(cli, tree):
    (tree / ".claimlint.yaml").write_text("select: [unhedged-causal-claim, unsourced-statistic]\n")
    (tree / "docs" / ".claimlint.yaml").write_text("select: [unsourced-statistic]\n")
    assert rules_by_path(cli, ".") == {"a.md": BOTH, "docs/b.md": {("unsourced-statistic", "warning")},
                                       "docs/guides/c.md": {("unsourced-statistic", "warning")}}


def test_running_from_outside_the_tree_uses_the_files_configs(cli, tree, monkeypatch):
    (tree / "docs" / ".claimlint.yaml").write_text("select: [unsourced-statistic]\n")
    monkeypatch.chdir(tree.parent)
    assert rules_by_path(cli, "project/docs/b.md") == {"docs/b.md": {("unsourced-statistic", "warning")}}


def test_a_file_with_no_config_above_it_gets_the_working_directorys(cli, tree, tmp_path):
    (tree / ".claimlint.yaml").write_text("select: [unsourced-statistic]\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "d.md").write_text(CLAIM)
    assert rules_by_path(cli, "../elsewhere/d.md") == {"../elsewhere/d.md": {("unsourced-statistic", "warning")}}


def test_explicit_config_applies_to_every_file(cli, tree):
    (tree / "docs" / ".claimlint.yaml").write_text("select: [unsourced-statistic]\n")
    (tree / "house.yaml").write_text("select: [unhedged-causal-claim]\n")
    assert rules_by_path(cli, "--config", "house.yaml", ".") == {
        path: {("unhedged-causal-claim", "warning")} for path in ("a.md", "docs/b.md", "docs/guides/c.md")}


def test_fail_on_is_each_files_own(cli, tree):
    (tree / "docs" / ".claimlint.yaml").write_text("fail_on: error\n")
    assert cli("check", "--no-cache", "docs/b.md").exit_code == 0
    assert cli("check", "--no-cache", "a.md", "docs/b.md").exit_code == 1
    assert cli("check", "--no-cache", "--fail-on", "warning", "docs/b.md").exit_code == 1


def test_extend_inherits_and_overrides(cli, tree):
    (tree / "house-rules").mkdir()
    (tree / "house-rules" / "no-stress.yaml").write_text(textwrap.dedent("""\
        id: no-stress
        severity: info
        message: 'Say what kind of stress: "{match}".'
        description: Unqualified stress.
        kind: phrase
        patterns: ['chronic stress']
        examples:
          flag: [Chronic stress is bad.]
          pass: [Work is bad.]
        """))
    (tree / "base.yaml").write_text(textwrap.dedent("""\
        rule_paths: [house-rules]
        select: [unhedged-causal-claim, unsourced-statistic, no-stress]
        rules:
          unsourced-statistic: {severity: error, options: {scope: sentence}}
        overrides:
          - files: ["/a.md"]
            ignore: [no-stress]
        """))
    (tree / "docs" / ".claimlint.yaml").write_text(textwrap.dedent("""\
        extend: ../base.yaml
        rules:
          unsourced-statistic: {options: {scope: paragraph}}
        overrides:
          - files: ["guides/"]
            ignore: [unhedged-causal-claim]
        """))
    (tree / ".claimlint.yaml").write_text("extend: base.yaml\nselect: [unsourced-statistic, no-stress]\n")
    assert rules_by_path(cli, ".") == {
        "a.md": {("unsourced-statistic", "error")},  # the base's override, its glob relative to the base
        "docs/b.md": {("unhedged-causal-claim", "warning"), ("unsourced-statistic", "error"), ("no-stress", "info")},
        "docs/guides/c.md": {("unsourced-statistic", "error"), ("no-stress", "info")},
    }
    shown = yaml.safe_load(cli("config", "docs/guides/c.md").stdout)
    assert shown["configuration"] == str(tree / "docs" / ".claimlint.yaml")
    assert shown["extends"] == [str(tree / "base.yaml")]
    assert shown["rules"]["unsourced-statistic"] == {"severity": "error", "options": {"scope": "paragraph"}}
    assert "unhedged-causal-claim" not in shown["rules"] and shown["rules"]["no-stress"]["severity"] == "info"
    assert [o["files"] for o in shown["overrides"]] == [["guides/"]]
    assert shown["excluded"] is False


@pytest.mark.parametrize("files, message", [
    ({"docs/.claimlint.yaml": "extend: ../base.yaml\n", "base.yaml": "extend: docs/.claimlint.yaml\n"},
     "key 'extend' goes round in a circle: "),
    ({"docs/.claimlint.yaml": "extend: ../missing.yaml\n"}, "line 1: key 'extend': '../missing.yaml' is not a file"),
    ({"docs/.claimlint.yaml": "extend: https://example.com/c.yaml\n"}, "is a URL; claimlint reads configuration only"),
    ({"docs/.claimlint.yaml": "extend: [a]\n"}, "line 1: key 'extend' must be a path"),
    ({"docs/.claimlint.yaml": "extend: package:no_such_package/c.yaml\n"}, "names no installed package"),
    ({"docs/.claimlint.yaml": "extend: ../base.yaml\n", "base.yaml": "\nfail_on: never\n"},
     "base.yaml: line 2: key 'fail_on': 'never' is not one of"),
])
def test_extend_errors_name_the_file_and_problem(cli, tree, files, message):
    for path, text in files.items():
        (tree / path).write_text(text)
    result = cli("check", "docs/b.md")
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_extend_a_file_inside_an_installed_package(cli, tree, tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "house_style").mkdir(parents=True)
    (site / "house_style" / "claimlint.yaml").write_text("select: [unsourced-statistic]\n")
    (site / "house_style-1.0.dist-info").mkdir()
    (site / "house_style-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: house_style\nVersion: 1.0\n")
    monkeypatch.setattr(sys, "path", [sys.path[0], str(site), *sys.path[1:]])
    (tree / ".claimlint.yaml").write_text("extend: package:house_style/claimlint.yaml\n")
    assert rules_by_path(cli, "a.md") == {"a.md": {("unsourced-statistic", "warning")}}
    (tree / ".claimlint.yaml").write_text("extend: package:house_style/../../secret.yaml\n")
    result = cli("check", "a.md")
    assert result.exit_code == 2 and "leaves the package's folder" in result.stderr


def test_a_package_in_the_working_directory_is_never_used(cli, tree, monkeypatch):
    (tree / "house_style").mkdir()
    (tree / "house_style" / "claimlint.yaml").write_text("select: [unsourced-statistic]\n")
    (tree / "house_style-1.0.dist-info").mkdir()
    (tree / "house_style-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: house_style\nVersion: 1.0\n")
    monkeypatch.setattr(sys, "path", ["", *sys.path])
    (tree / ".claimlint.yaml").write_text("extend: package:house_style/claimlint.yaml\n")
    result = cli("check", "a.md")
    assert result.exit_code == 2 and "names no installed package" in result.stderr


def test_config_command_without_any_configuration(cli, tree):
    result = cli("config", "a.md")
    assert result.exit_code == 0
    shown = yaml.safe_load(result.stdout)
    assert shown["configuration"] is None and shown["extends"] == [] and shown["fail_on"] == "warning"
    assert set(shown["rules"]) >= {"unhedged-causal-claim", "missing-disclaimer"}
    (tree / ".claimlint.yaml").write_text("exclude: ['/a.md']\n")
    assert yaml.safe_load(cli("config", "a.md").stdout)["excluded"] is True
    (tree / ".claimlint.yaml").write_text("colour: red\n")
    result = cli("config", "a.md")
    assert result.exit_code == 2 and "unknown key 'colour'" in result.stderr
