"""Rules read a sentence's tokens through `Tokens`, built once from spaCy's arrays: every attribute,
index and slice must read exactly as spaCy's own Span and Token read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint.evidence import clauses
from claimlint.nlp import load_pipeline
from claimlint.tokens import ATTRIBUTES, Tokens, read_tokens

WORDS = ["Sugar", "causes", "cavities", ".", "it's", "don’t", "U.S.", "3.5", "mg", "(1)", "[2]", "—", "  ", "\t",
         "café", "Ünd", "😀", "e.g.", "70%", "twenty", "first", ",", ";", "but", "that", "who", "x²", "HIIT"]
ATTRS = ("text", "lower_", "idx", "i", "is_alpha", "is_punct", "like_num", "is_space", "is_title")


def _both(text: str):
    doc = load_pipeline().tokenizer(text)
    rows = doc.to_array(list(ATTRIBUTES)).tolist()
    return doc[:], Tokens(read_tokens(doc, rows, text, 0, len(doc)), text, 0, 0, doc)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), st.integers(-14, 14), st.integers(-14, 14))
def test_tokens_read_as_spacy_reads_them(words, start, stop):
    span, tokens = _both(" ".join(words))
    assert len(tokens) == len(span)
    for ours, theirs in zip(tokens, span):
        assert all(getattr(ours, name) == getattr(theirs, name) for name in ATTRS) and len(ours) == len(theirs)
    part, theirs = tokens[start:stop], span[start:stop]
    assert (part.text, part.start, len(part)) == (theirs.text, theirs.start, len(theirs))
    if len(theirs):
        assert part.start_char == theirs.start_char
    assert [t.shape_ for t in tokens] == [t.shape_ for t in span] and part.end == theirs.end  # the rest from spaCy
    for index in (start, stop):
        if -len(span) <= index < len(span):
            assert tokens[index].text == span[index].text


def test_clause_boundaries_are_found_once_per_sentence():
    _, tokens = _both("no one , not ever , would say that salt cures colds")
    assert clauses.boundary_before(tokens, 10, "negation") == 8
    assert ("clause boundaries", "negation") in tokens.memo
    tokens.memo[("clause boundaries", "negation")] = [3]  # what is remembered is what is read
    assert clauses.boundary_before(tokens, 10, "negation") == 3
