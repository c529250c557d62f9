"""Robustness: every CommonMark spec example lints without error, and every finding's span, read
back from the example, is exactly its match. The spec's placeholder words become claims ("foo" is
"sugar causes cavities", "bar" is "stress worsens sleep"), so findings sit inside every construct
the spec exercises. Without ../shared the test is skipped, saying so."""

from __future__ import annotations

import json
import re

from claimlint.source import LineIndex

CLAIMS = {"foo": "sugar causes cavities", "bar": "stress worsens sleep"}


def test_spec_examples(shared_file, lint):
    examples = json.loads(shared_file("data/commonmark/spec_examples.json").read_text(encoding="utf-8"))
    assert len(examples) > 600
    checked = 0
    for example in examples:
        text = re.sub(r"\b(foo|bar)\b", lambda m: CLAIMS[m.group()], example["markdown"])
        index = LineIndex(text)
        for finding in lint(text, f"example-{example['example']}.md"):
            assert 1 <= finding.line <= finding.end_line <= len(index.starts), example["example"]
            assert finding.column >= 1 and finding.end_column >= 1
            start = index.starts[finding.line - 1] + finding.column - 1
            end = index.starts[finding.end_line - 1] + finding.end_column - 1
            assert start < end <= len(text), example["example"]
            assert " ".join(text[start:end].split()) == " ".join(finding.match.split()), example["example"]
            checked += 1
    assert checked > 300  # the claims are found: the comparison is not vacuous
