"""Every example in every built-in rule file runs: `flag` yields exactly one finding, `pass` none."""

from __future__ import annotations

import pytest

from claimlint.examples import example_failure
from claimlint.rules import builtin_rules_dir, load_rules

RULES = load_rules([builtin_rules_dir()])
CASES = [
    pytest.param(rule.id, kind, text, id=f"{rule.id}-{kind}-{i}")
    for rule in RULES.values()
    for kind in ("flag", "pass")
    for i, text in enumerate(rule.examples[kind])
]


@pytest.mark.parametrize("rule_id, kind, text", CASES)
def test_example(linter, rule_id, kind, text):
    # Run with every rule active, as a user runs claimlint, and count only this rule's findings.
    assert example_failure(linter, RULES[rule_id], kind, text) is None


def test_every_rule_has_examples_of_both_kinds():
    assert RULES
    for rule in RULES.values():
        assert rule.examples["flag"] and rule.examples["pass"], rule.id
