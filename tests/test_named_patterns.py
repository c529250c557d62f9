"""A finding names the pattern that fired; `explain` lists a rule's named patterns."""

from __future__ import annotations

import json

import pytest

from claimlint.errors import ConfigError
from claimlint.rules import load_rule

RULE = """\
id: no-miracle
severity: warning
message: 'Avoid "{match}".'
description: Miracle language.
kind: phrase
patterns:
  - name: miracle-word
    description: the word itself
    regex: 'miracles?'
  - 'wonder\\s+cure'
examples:
  flag: [A miracle tea., A wonder cure.]
  pass: [A pleasant tea.]
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_json_findings_carry_the_pattern_name(cli, project):
    (project / "draft.md").write_text("Studies have shown that sugar worsens acne.\n")
    findings = json.loads(cli("check", "--no-cache", "--format", "json", "draft.md").stdout)["findings"]
    patterns = {f["rule"]: f["pattern"] for f in findings}
    assert patterns["vague-attribution"] == "evidence-subject"
    assert patterns["unhedged-causal-claim"] == "verb worsen"


@pytest.mark.parametrize("sentence, pattern", [
    ("Blue light is responsible for poor sleep.", "phrase responsible-for"),
    ("Crash diets do lasting damage to your metabolism.", "verb phrase do-damage"),
    ("If you sit all day, your HDL cholesterol falls.", "change fall"),
])
def test_causal_findings_name_their_expression(cli, project, sentence, pattern):
    (project / "draft.md").write_text(sentence + "\n")
    findings = json.loads(cli("check", "--no-cache", "--format", "json", "draft.md").stdout)["findings"]
    assert [f["pattern"] for f in findings if f["rule"] == "unhedged-causal-claim"] == [pattern]


def test_explain_lists_the_causal_kinds_named_expressions(cli):
    explained = cli("explain", "unhedged-causal-claim").stdout
    assert "  phrase responsible-for: \"is responsible for\"" in explained
    assert "  verb phrase put-strain: putting strain or pressure on" in explained
    assert "    flag: Cold weather is responsible for most chilblains." in explained
    assert "Exclusions (what a match is not):\n  noun: a noun, adjective or name" in explained
    assert "  prevalence: a count of the people affected" in explained and "  perfect: a perfect auxiliary" in explained


def test_house_rules_may_name_patterns_and_bare_ones_stay_unnamed(cli, project):
    (project / "house").mkdir()
    (project / "house" / "no-miracle.yaml").write_text(RULE)
    (project / ".claimlint.yaml").write_text("rule_paths: [house]\nselect: [no-miracle]\n")
    (project / "draft.md").write_text("A miracle tea.\n\nA wonder cure.\n")
    findings = json.loads(cli("check", "--no-cache", "--format", "json", "draft.md").stdout)["findings"]
    assert [(f["line"], f["pattern"]) for f in findings] == [(1, "miracle-word"), (3, "")]
    explained = cli("explain", "no-miracle").stdout
    assert "Patterns (the `pattern` of a finding):\n  miracle-word: the word itself" in explained


@pytest.mark.parametrize("entry", ["{name: x}", "{regex: 'a', colour: red}", "[a, b]"])
def test_a_malformed_pattern_entry_is_a_rule_error(tmp_path, entry):
    path = tmp_path / "bad.yaml"
    text = RULE.replace("  - 'wonder\\s+cure'", f"  - {entry}")
    assert text != RULE
    path.write_text(text)
    with pytest.raises(ConfigError, match="bad.yaml"):
        load_rule(path)


def test_a_trigger_keeps_prose_without_its_words_away_from_the_patterns(tmp_path):
    from claimlint.linter import Linter

    path = tmp_path / "gated.yaml"
    path.write_text(RULE.replace("patterns:\n", "trigger: ['tea']\npatterns:\n"))
    rule = load_rule(path)
    assert rule.checker.trigger.search("A miracle tea.") and not rule.checker.trigger.search("A wonder cure.")
    findings = Linter([rule]).lint("A miracle tea.\n\nA wonder cure.\n", "d.md")
    assert [f.line for f in findings] == [1]
