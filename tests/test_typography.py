"""Typographic quotes and apostrophes read as plain ones everywhere, and findings keep the draft's text."""

from __future__ import annotations

import pytest

PAIRS = [
    ("Diet alone won’t always help.", "overclaiming"),
    ("Coffee isn’t proven to cause cancer.", "unhedged-causal-claim"),
    ("Studies haven’t shown that it works.", "vague-attribution"),
    ("Ads call it a “miracle”, but the evidence is thin.", "overclaiming"),
]


@pytest.mark.parametrize("curly, rule", PAIRS)
def test_curly_forms_behave_like_plain_ones(lint, curly, rule):
    plain = curly.replace("’", "'").replace("“", '"').replace("”", '"')
    assert rule not in {f.rule for f in lint(plain)}
    assert rule not in {f.rule for f in lint(curly)}


def test_a_match_quotes_the_original_characters_at_their_own_columns(lint):
    draft = "“Quoted” first. Then it’s plain: sugar’s effect worsens acne in teens.\n"
    finding = next(f for f in lint(draft) if f.rule == "unhedged-causal-claim")
    assert draft[finding.column - 1 : finding.end_column - 1] == finding.match == "worsens"
    assert "it’s" in finding.context
