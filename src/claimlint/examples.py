"""A rule's examples, run: each `flag` example must yield exactly one finding of the rule, each
`pass` example none; a named pattern's own `flag` examples must be found by that pattern. The test
suite and `claimlint rules --check` both use this."""

from __future__ import annotations

from claimlint.linter import Linter
from claimlint.rules import Rule


def example_failure(linter: Linter, rule: Rule, kind: str, text: str, pattern: str | None = None) -> str | None:
    """Why the example misbehaves, or None when it behaves. A `pattern` example must be flagged by it."""
    findings = [finding for finding in linter.lint(text + "\n", "example.md") if finding.rule == rule.id]
    found = [finding.match for finding in findings]
    expected = 1 if kind == "flag" else 0
    if len(found) == expected and (kind == "pass" or pattern is None or findings[0].pattern == pattern):
        return None
    if len(found) == expected:
        return f"{rule.path}: pattern '{pattern}': flag example was found by '{findings[0].pattern}' instead: {text}"
    owner = f"pattern '{pattern}': " if pattern else ""
    return f"{rule.path}: {owner}{kind} example gave {len(found)} finding(s) {found}, expected {expected}: {text}"


def examples(rule: Rule) -> list[tuple[str, str, str | None]]:
    """(flag or pass, sentence, the pattern that must find it or None) of the rule and its named patterns."""
    return [(kind, text, None) for kind in ("flag", "pass") for text in rule.examples[kind]] + [
        (kind, text, label) for label, entry in rule.checker.named_patterns() for kind, text in entry.examples]


def example_failures(rule: Rule) -> list[str]:
    linter = Linter([rule])
    return [failure for kind, text, pattern in examples(rule)
            if (failure := example_failure(linter, rule, kind, text, pattern))]
