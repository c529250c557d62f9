"""A rule's documentation as `claimlint explain` prints it and the language server's hover shows it."""

from __future__ import annotations

from claimlint.kinds import KINDS
from claimlint.rules import Rule


def explanation(rule: Rule) -> list[str]:
    """The lines: id, severity and kind, the description, options, named patterns and exclusions, and examples."""
    lines = [f"{rule.id} ({rule.severity}, kind: {rule.kind_name})", "", *rule.description.split("\n"), ""]
    specs = KINDS[rule.kind_name].options
    if specs:
        lines.append("Options:")
        for name, spec in specs.items():
            lines.append(f"  {name} = {rule.options[name]!r}  {spec.help}")
        lines.append("")
    named = rule.checker.named_patterns()
    if named:
        lines.append("Patterns (the `pattern` of a finding):")
        for label, entry in named:
            lines.append(f"  {label}: {entry.description}")
            lines.extend(f"    {kind}: {text}" for kind, text in entry.examples)
        lines.append("")
    exclusions = rule.checker.exclusions()
    if exclusions:
        lines.append("Exclusions (what a match is not):")
        lines.extend(f"  {name}: {description}" for name, description in exclusions)
        lines.append("")
    lines.append("Flags:")
    lines.extend(f"  - {example}" for example in rule.examples["flag"])
    lines.append("Passes:")
    lines.extend(f"  - {example}" for example in rule.examples["pass"])
    return lines
