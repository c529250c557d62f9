"""Robustness: every CommonMark spec example lints without error, every span inside the file."""

from __future__ import annotations

import json

from claimlint.source import LineIndex


def test_spec_examples(shared_file, lint):
    examples = json.loads(shared_file("data/commonmark/spec_examples.json").read_text(encoding="utf-8"))
    assert len(examples) > 600
    for example in examples:
        text = example["markdown"]
        index = LineIndex(text)
        for finding in lint(text, f"example-{example['example']}.md"):
            assert 1 <= finding.line <= finding.end_line <= len(index.starts), example["example"]
            assert finding.column >= 1 and finding.end_column >= 1
            start = index.starts[finding.line - 1] + finding.column - 1
            end = index.starts[finding.end_line - 1] + finding.end_column - 1
            assert start < end <= len(text), example["example"]
