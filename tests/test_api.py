"""The Python API: lint_text and lint_paths, their types, configuration and one pipeline load."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

import claimlint
from claimlint.nlp import load_pipeline
from conftest import ROOT

CLAIM = "Chronic stress worsens inflammation.\n"


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_lint_text_returns_findings_with_the_json_fields_and_fixes(in_tmp, cli):
    (finding,) = [f for f in claimlint.lint_text(CLAIM, "notes/a.md") if f.rule == "unhedged-causal-claim"]
    assert isinstance(finding, claimlint.Finding)
    assert (finding.path, finding.line, finding.column, finding.end_line, finding.end_column) == ("notes/a.md", 1, 16, 1, 23)
    assert (finding.severity, finding.match) == ("warning", "worsens")
    assert isinstance(finding.fixes[0], claimlint.Fix) and isinstance(finding.fixes[0].edits[0], claimlint.Edit)
    (in_tmp / "a.md").write_text(CLAIM)
    (from_cli,) = json.loads(cli("check", "--format", "json", "a.md").stdout)["findings"]
    assert set(from_cli) == set(finding.to_dict())
    assert json.loads(json.dumps({**finding.to_dict(), "path": "a.md"})) == from_cli


def test_positions_are_the_same_for_crlf_text(in_tmp):
    assert [(f.line, f.column) for f in claimlint.lint_text("Hello.\r\n" + CLAIM.replace("\n", "\r\n"))] == \
        [(f.line, f.column) for f in claimlint.lint_text("Hello.\n" + CLAIM)]


def test_config_as_a_path_a_loaded_config_or_the_discovered_one(in_tmp):
    (in_tmp / "strict.yaml").write_text("select: [unsourced-statistic]\n")
    text = CLAIM + "About 70% of adults sleep badly.\n"
    assert {f.rule for f in claimlint.lint_text(text, config=in_tmp / "strict.yaml")} == {"unsourced-statistic"}
    assert {f.rule for f in claimlint.lint_text(text, config=claimlint.load_config(in_tmp / "strict.yaml"))} == \
        {"unsourced-statistic"}
    assert "unhedged-causal-claim" in {f.rule for f in claimlint.lint_text(text)}
    (in_tmp / ".claimlint.yaml").write_text("ignore: [unhedged-causal-claim]\n")
    assert "unhedged-causal-claim" not in {f.rule for f in claimlint.lint_text(text)}


def test_an_edited_configuration_is_read_again(in_tmp):
    config = in_tmp / ".claimlint.yaml"
    config.write_text("ignore: [unhedged-causal-claim]\n")
    assert not [f for f in claimlint.lint_text(CLAIM) if f.rule == "unhedged-causal-claim"]
    config.write_text("ignore: [missing-disclaimer]\nfail_on: error\n")  # a different size: seen even in the same tick
    assert [f for f in claimlint.lint_text(CLAIM) if f.rule == "unhedged-causal-claim"]


def test_overrides_and_excludes_follow_the_path(in_tmp):
    (in_tmp / ".claimlint.yaml").write_text(
        "exclude: ['vendor/**']\noverrides:\n  - files: ['legal/**']\n    ignore: [unhedged-causal-claim]\n")
    assert claimlint.lint_text(CLAIM, "vendor/a.md") == []
    assert not [f for f in claimlint.lint_text(CLAIM, "legal/a.md") if f.rule == "unhedged-causal-claim"]
    assert [f for f in claimlint.lint_text(CLAIM, "blog/a.md") if f.rule == "unhedged-causal-claim"]


def test_bad_input_raises_a_one_line_error(in_tmp):
    with pytest.raises(claimlint.InputError, match=r"^draft.md: line 1: unknown rule id 'no-such-rule'"):
        claimlint.lint_text("<!-- claimlint-disable no-such-rule -->\n" + CLAIM)
    (in_tmp / "bad.yaml").write_text("selct: []\n")
    with pytest.raises(claimlint.ConfigError, match="unknown key 'selct'"):
        claimlint.lint_text(CLAIM, config=in_tmp / "bad.yaml")


def test_lint_paths_returns_a_report(in_tmp):
    (in_tmp / "docs").mkdir()
    (in_tmp / "docs" / "a.md").write_text(CLAIM)
    report = claimlint.lint_paths([in_tmp / "docs", "missing.md"])
    assert isinstance(report, claimlint.Report)
    assert report.files_checked == 1
    assert [f.rule for f in report.findings if f.rule == "unhedged-causal-claim"] == ["unhedged-causal-claim"]
    assert report.errors == [{"path": "missing.md", "message": "missing.md: no such file"}]
    assert not (in_tmp / ".claimlint_cache").exists()  # the API writes nothing


def test_the_pipeline_and_rules_load_once(in_tmp):
    claimlint.lint_text(CLAIM)
    loads = load_pipeline.cache_info().misses
    from claimlint import api

    linter = api.linter_for(api.resolve_config(None), "draft.md")
    for _ in range(3):
        claimlint.lint_text(CLAIM + "Sugar causes acne.\n")
    assert load_pipeline.cache_info().misses == loads
    assert api.linter_for(api.resolve_config(None), "draft.md") is linter


def test_the_api_is_typed_and_its_types_are_top_level():
    assert (ROOT / "src/claimlint/py.typed").exists()
    for name in claimlint.__all__:
        assert getattr(claimlint, name) is not None
    assert dataclasses.is_dataclass(claimlint.Finding) and dataclasses.is_dataclass(claimlint.Report)
    assert claimlint.lint_text.__annotations__["return"] == "list[Finding]"
    assert claimlint.lint_paths.__annotations__["return"] == "Report"


def test_the_readme_example_runs(in_tmp, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API"):]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)
    (in_tmp / "docs").mkdir()
    (in_tmp / "docs" / "a.md").write_text(CLAIM)
    exec(compile(code, "README.md", "exec"), {})
    assert "unhedged-causal-claim" in capsys.readouterr().out


def test_each_file_gets_its_nearest_configuration_as_on_the_command_line(in_tmp):
    (in_tmp / "legal").mkdir()
    (in_tmp / "legal" / ".claimlint.yaml").write_text("ignore: [unhedged-causal-claim]\n")
    (in_tmp / "legal" / "a.md").write_text(CLAIM)
    (in_tmp / "b.md").write_text(CLAIM)
    report = claimlint.lint_paths(["legal/a.md", "b.md"])
    assert {f.path for f in report.findings if f.rule == "unhedged-causal-claim"} == {"b.md"}
    assert not [f for f in claimlint.lint_text(CLAIM, "legal/a.md") if f.rule == "unhedged-causal-claim"]
    assert [f for f in claimlint.lint_text(CLAIM, "b.md") if f.rule == "unhedged-causal-claim"]


def test_a_changed_base_configuration_is_read_again(in_tmp):
    (in_tmp / "base.yaml").write_text("ignore: [unhedged-causal-claim]\n")
    (in_tmp / ".claimlint.yaml").write_text("extend: base.yaml\n")
    assert not [f for f in claimlint.lint_text(CLAIM) if f.rule == "unhedged-causal-claim"]
    (in_tmp / "base.yaml").write_text("ignore: [missing-disclaimer, overclaiming]\n")
    assert [f for f in claimlint.lint_text(CLAIM) if f.rule == "unhedged-causal-claim"]
