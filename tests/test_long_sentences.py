"""A "sentence" with no full stop is read in bounded pieces, so every stage stays linear."""

from __future__ import annotations

from claimlint.markdown import parse
from claimlint.nlp import MAX_SENTENCE_TOKENS, load_pipeline, plain_quotes, sentences


def _sentences(text: str):
    segment = parse(text).segments[0]
    return sentences(segment, load_pipeline()(plain_quotes(segment.text)))


def test_a_long_unpunctuated_line_is_cut_into_pieces_no_longer_than_the_limit():
    text = "tea may reduce pain and " * 400
    pieces = _sentences(text)
    assert len(pieces) > 1 and all(len(p.tokens) <= MAX_SENTENCE_TOKENS for p in pieces)
    assert " ".join(text[p.start : p.end] for p in pieces).split() == text.split()  # nothing lost


def test_a_cut_prefers_the_last_comma_before_the_limit():
    text = ", ".join(["walking eases stiff knees"] * 120) + "."
    pieces = _sentences(text)
    assert all(text[p.start : p.end].rstrip().endswith((",", ".")) for p in pieces)


def test_claims_deep_in_a_long_line_are_still_found_at_their_place(lint):
    text = "tea and honey and " * 300 + "sugar worsens acne"
    finding = next(f for f in lint(text) if f.rule == "unhedged-causal-claim")
    assert text[finding.column - 1 : finding.end_column - 1] == "worsens"


def test_evidence_marks_land_on_their_own_piece():
    text = "tea may reduce pain and " * 300 + "sugar worsens acne [link](https://example.org/acne)"
    pieces = _sentences(text)
    assert [bool(p.evidence) for p in pieces] == [False] * (len(pieces) - 1) + [True]


def test_a_long_run_of_symbols_is_read_as_spaces_and_claims_after_it_keep_their_place(lint):
    from claimlint.nlp import plain_text

    assert plain_text("$" * 40 + " ’tis") == " " * 40 + " 'tis"  # same length: positions kept
    assert plain_text("Costs $5 -- or €4!") == "Costs $5 -- or €4!"  # short runs stay
    text = "$" * 4000 + " sugar worsens acne"
    finding = next(f for f in lint(text) if f.rule == "unhedged-causal-claim")
    assert text[finding.column - 1 : finding.end_column - 1] == "worsens"
