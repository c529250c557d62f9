"""The clause table: which words end which scope, read back from a word."""

from __future__ import annotations

import pytest

from claimlint.evidence import clauses
from claimlint.nlp import load_pipeline


def _start(sentence: str, word: str, scope: str) -> str:
    """The text from where `word`'s stretch of `scope` begins up to `word`."""
    tokens = load_pipeline()(sentence)[:]
    index = next(t.i for t in tokens if t.text == word)
    return tokens[clauses.start(tokens, index, scope) : index].text


@pytest.mark.parametrize("sentence, word, scope, stretch", [
    ("It may taste bitter, but it burns fat.", "burns", "claim", "it"),
    ("Some call it a cure, and it reverses diabetes.", "reverses", "claim", "and it"),
    ("Research suggests that fasting lowers insulin.", "lowers", "claim", "Research suggests that fasting"),
    ("It tastes bitter, yet it burns fat.", "burns", "claim", "it"),
    ("It has not yet been shown to cure colds.", "cure", "claim", "It has not yet been shown to"),
    ("The tonic may taste odd yet it cures arthritis.", "cures", "claim", "it"),
    ("There is no evidence that, because of X, tea cures colds.", "cures", "disowning",
     "There is no evidence that, because of X, tea"),
    ("Fans swear by honey, but our balm cures eczema.", "cures", "disowning", "our balm"),
    ("Sugar is not toxic, and it fuels the brain.", "fuels", "negation", "it"),
    ("It is not that sugar fuels the brain.", "fuels", "negation", "sugar"),
    ("We aim to increase sleep and reduce stress.", "reduce", "conjunct", "We aim to increase sleep and"),
    ("I think sugar worsens eczema, but salt worsens it more.", "salt", "speaker", ""),
    ("After the sun goes down, dim the lights.", "goes", "condition", "After the sun"),
    ("After the sun goes down, dim the lights.", "dim", "condition", ""),
])
def test_each_scope_ends_at_its_own_boundaries(sentence, word, scope, stretch):
    assert _start(sentence, word, scope) == stretch


def test_a_reach_bounds_the_look_back():
    tokens = load_pipeline()("no one, not ever, would say that salt cures colds")[:]
    index = next(t.i for t in tokens if t.text == "cures")
    assert clauses.boundary_before(tokens, index, "negation", reach=1) == -1  # only "salt"
    assert clauses.boundary_before(tokens, index, "negation") == next(t.i for t in tokens if t.text == "that")
