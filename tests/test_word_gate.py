"""A trigger's anchor words (word_gate) gate its search: every text the pattern matches holds one of
them whole, so a piece holding none is never searched, and no finding is lost."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint.config import Config, resolve_rules
from claimlint.folded_regex import compile_folded
from claimlint.kinds.base import WordTrigger, compile_patterns
from claimlint.linter import Linter
from claimlint.word_gate import anchor_words, text_words

needs_parser = pytest.mark.skipif(sys.version_info < (3, 11), reason="the gate reads re's 3.11 parser")
RULES = resolve_rules(Config())
TRIGGERS = [rule.checker.trigger for rule in RULES if rule.level == "sentence"]
GATED = [(pattern, anchor_words(pattern)) for pattern in
         [getattr(trigger, "phrases", trigger) for trigger in TRIGGERS] if anchor_words(pattern)]
EXAMPLES = [sentence for rule in RULES for kind in ("flag", "pass") for sentence in rule.examples[kind]]


@needs_parser
@pytest.mark.parametrize("source, words", [
    (r"proven|proof\s+that", {"proven", "proof"}),  # the longer word of a phrase
    (r"reduc(?:e|es|ed)", {"reduce", "reduces", "reduced"}),
    (r"side[-\s]effects?", {"effects", "effect"}),
    (r"f[ae]ll", {"fall", "fell"}),
    (r"(?-i:Cur(?:e|es))", {"cure", "cures"}),  # a case-sensitive part, read as the folded text holds it
    (r"(?:very\s+)?ΚΑΣΑΣ", {"καςας"}),  # as folding writes sigma
])
def test_a_word_list_gets_its_words(source, words):
    assert anchor_words(compile_patterns([source])) == words


@needs_parser
@pytest.mark.parametrize("source", [
    r"\d|%|\btwice",  # a branch with no word
    r"\w+ing",  # no whole word known
    r"cur(?:e|es)",  # open at both ends: "precure", "cures"
    r"\bmiracle(?:\w+\s+){0,6}",  # open after it ("miracles")
    r"(?:a|b)(?:c|d)" * 8,  # too many ways to follow
])
def test_a_pattern_without_known_whole_words_has_no_gate(source):
    pattern = compile_folded(source, re.IGNORECASE) if "cur" in source or "\\d" in source else compile_patterns([source])
    assert anchor_words(pattern) is None


def test_the_built_in_phrase_triggers_are_gated():
    assert len(GATED) >= 5


@needs_parser
@pytest.mark.parametrize("text", ["It is PROVEN's best.", "x'proven", "(proven)", "proven;", "ſide effects vanish"])
def test_a_word_stands_whole_beside_any_non_word_character(text):
    pattern = compile_patterns([r"proven", r"side[-\s]effects"])
    assert pattern.search(text) and not anchor_words(pattern).isdisjoint(text_words(text))


@needs_parser
def test_every_example_a_trigger_matches_holds_one_of_its_words():
    for pattern, words in GATED:
        for sentence in EXAMPLES:
            if pattern.search(sentence):
                assert not words.isdisjoint(text_words(sentence)), (pattern, sentence)


_PIECES = st.sampled_from(sorted({word for _, words in GATED for word in words}) + [
    " ", "  ", "-", "'", "’", ".", ",", "\n", "s", "ed", "ing", "the", "of", "no", "to", "by", "2", "30%", "x",
    "ſ", "K", "İ", "ı", "Σ", "é", "_", "\u0345"])


@needs_parser
@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.sampled_from(range(len(GATED) or 1)), st.booleans())
def test_a_gate_never_turns_away_a_text_its_pattern_matches(pieces, which, upper):
    pattern, words = GATED[which]
    text = "".join(pieces)
    text = text.upper() if upper else text
    if pattern.search(text):
        assert not words.isdisjoint(text_words(text))


def test_the_cheap_pass_searches_no_trigger_whose_words_a_piece_lacks(monkeypatch):
    linter = Linter(RULES)
    rule = next(rule for rule in linter.sentence_rules if rule.id == "overclaiming")
    searched = []
    trigger = rule.checker.trigger

    class Counting:
        def search(self, text):
            searched.append(text)
            return trigger.search(text)

    for number in (1, 2):  # the linter reads its gates for its second draft
        linter.lint("A draft.\n", f"{number}.md")
    monkeypatch.setattr(rule.checker, "trigger", Counting())
    findings = linter.lint("Water is pleasant to drink.\n\nThis tea is a miracle.\n", "draft.md")
    assert linter.gates[rule.id] and set(searched) == {"This tea is a miracle."}
    assert [finding.rule for finding in findings].count("overclaiming") == 1


def test_a_run_of_one_draft_spends_nothing_on_gates():
    linter = Linter(RULES)
    linter.lint("This tea is a miracle.\n", "1.md")
    assert linter.gates == {}
    linter.lint("This tea is a miracle.\n", "2.md")
    assert linter.gates and set(linter.gates) == {rule.id for rule in linter.sentence_rules}


CAUSAL_TRIGGER = next(rule.checker.trigger for rule in RULES if rule.id == "unhedged-causal-claim")
_WHOLE_PIECES = st.sampled_from(sorted(CAUSAL_TRIGGER.whole_words) + [
    " ", "-", "'", "’", ".", "\n", "s", "ed", "un", "2", "_", "ſ", "K", "İ", "ı", "é", "\u0345"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WHOLE_PIECES, max_size=10), st.booleans())
def test_a_word_trigger_finds_its_whole_words_where_their_regex_would(pieces, upper):
    # The causal trigger's anchor words are looked up among the text's runs of word characters, not
    # searched as one long alternation; the answer is the regex's, in every case and folding.
    words = CAUSAL_TRIGGER.whole_words
    assert len(words) > 50
    regex = compile_folded(rf"\b(?:{'|'.join(sorted(map(re.escape, words)))})\b", re.IGNORECASE)
    text = "".join(pieces)
    text = text.upper() if upper else text
    found = WordTrigger((), whole_words=words).search(text)
    assert found == bool(regex.search(text))
    if found:
        assert CAUSAL_TRIGGER.search(text)
