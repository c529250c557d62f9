"""A rule's examples, run: each `flag` example must yield exactly one finding of the rule, each
`pass` example none. The test suite and `claimlint rules --check` both use this."""

from __future__ import annotations

from claimlint.linter import Linter
from claimlint.rules import Rule


def example_failure(linter: Linter, rule: Rule, kind: str, text: str) -> str | None:
    """Why the example misbehaves, or None when it behaves."""
    found = [finding.match for finding in linter.lint(text + "\n", "example.md") if finding.rule == rule.id]
    expected = 1 if kind == "flag" else 0
    if len(found) == expected:
        return None
    return f"{rule.path}: {kind} example gave {len(found)} finding(s) {found}, expected {expected}: {text}"


def example_failures(rule: Rule) -> list[str]:
    linter = Linter([rule])
    return [failure for kind in ("flag", "pass") for text in rule.examples[kind]
            if (failure := example_failure(linter, rule, kind, text))]
