"""Every example in every built-in rule file runs: `flag` yields exactly one finding, `pass` none."""

from __future__ import annotations

import pytest

from claimlint.rules import builtin_rules_dir, load_rules

RULES = load_rules([builtin_rules_dir()])
CASES = [
    pytest.param(rule.id, kind, text, id=f"{rule.id}-{kind}-{i}")
    for rule in RULES.values()
    for kind in ("flag", "pass")
    for i, text in enumerate(rule.examples[kind])
]


@pytest.mark.parametrize("rule_id, kind, text", CASES)
def test_example(lint, rule_id, kind, text):
    findings = [f for f in lint(text + "\n") if f.rule == rule_id]
    expected = 1 if kind == "flag" else 0
    assert len(findings) == expected, f"{rule_id} {kind} example gave {[f.match for f in findings]}: {text}"


def test_every_rule_has_examples_of_both_kinds():
    assert RULES
    for rule in RULES.values():
        assert rule.examples["flag"] and rule.examples["pass"], rule.id
