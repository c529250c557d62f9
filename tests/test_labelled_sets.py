"""The labelled drafts the accuracy benchmark reads stay well-formed: labels name real rules,
sit only on prose lines, and every draft lints cleanly (no input errors)."""

from __future__ import annotations

import re

import pytest

from claimlint.rules import builtin_rules_dir, load_rules
from conftest import ROOT

EXPECT = re.compile(r"<!--\s*expect:\s*([\w\s,-]+?)\s*-->")
DRAFTS = sorted(p for folder in ("eval", "eval-external", "heldout") for p in (ROOT / "fixtures" / folder).glob("*.md")
                if p.name != "README.md")


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_labels_name_real_rules(draft, lint):
    rules = set(load_rules([builtin_rules_dir()]))
    text = draft.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        for match in EXPECT.finditer(line):
            labels = {label.strip() for label in match.group(1).split(",")}
            assert labels <= rules, f"{draft.name}:{number}: unknown rule in {labels - rules}"
            assert line[: match.start()].strip(), f"{draft.name}:{number}: a label needs text before it"
    lint(text, str(draft))  # raises on an input error
