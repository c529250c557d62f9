"""Each sample draft in fixtures/ yields exactly the findings its `.expected` file lists.

An `.expected` file has one `line:column rule-id` per finding, in order.
"""

from __future__ import annotations

import pytest

from conftest import ROOT

DRAFTS = sorted(ROOT.glob("fixtures/*.md"))


def read_expected(path):
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            position, rule = line.split()
            row, column = position.split(":")
            rows.append((int(row), int(column), rule))
    return rows


def test_fixture_drafts_exist():
    assert {d.name for d in DRAFTS} >= {"every-rule.md", "careful.md", "scoping.md"}


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.name)
def test_fixture_findings(lint, draft):
    expected = read_expected(draft.with_suffix(".expected"))
    text = draft.read_text(encoding="utf-8")
    actual = [(f.line, f.column, f.rule) for f in lint(text, str(draft))]
    assert actual == expected


def test_every_rule_fixture_covers_every_rule(lint):
    from claimlint.rules import builtin_rules_dir, load_rules

    expected_rules = {rule for _, _, rule in read_expected(ROOT / "fixtures/every-rule.expected")}
    assert expected_rules == set(load_rules([builtin_rules_dir()]))


def test_careful_draft_is_clean():
    assert read_expected(ROOT / "fixtures/careful.expected") == []
