"""The cheap pass cuts prose between sentences before spaCy reads it, and only the pieces a trigger
matches are tokenized. The pieces must give exactly the sentences (positions, tokens, evidence)
that spaCy's sentencizer gives over the whole segment, whatever the text."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimlint.markdown import Evidence, Offsets, Segment, parse
from claimlint.nlp import analyser, load_pipeline, plain_quotes, sentences
from conftest import ROOT

# Sentences and fragments at which a sentence splitter can go wrong: abbreviations, initials,
# numbers and number words after a stop, citations, quotes and brackets after a stop, stops inside
# words, several stops, special cases of spaCy's tokenizer that hold a stop ("Ph.D.", "o.O").
FRAGMENTS = [
    "Sugar causes cavities.", "One.", "ten.", "Third.", "1st.", "[1].", "(2).", "12.", "3.5 mg.", "[^1]",
    "Dr. Smith reduces pain.", "e.g. stress worsens it.", "i.e.", "U.S. adults increase risk.", "vitamin D.",
    "It lowers BP.", "FDA.", "No!", "Why?", "Really?!", "...", "etc.", "al.", "Smith et al. 2019.", "70%.",
    "“Quoted.”", "'Single.'", "(See above.)", "end.)", "end.\"", "end.'", "A. B. C.", "a.m.", "5 p.m.",
    "St. John's wort treats depression.", "Ph.", "D.", "Ph.D.", "o.", "O", "o.O", "x.", "X.", "mg.", "II.",
    "it’s great.", "http://x.org/a.b.", "Wait—really? Yes.", "Oats lower cholesterol;", "Kale.", "Reduces.",
    "Mrs. Jones heals.", "vs.", "Approx. 20 people.", "N.B.", "No.", "no. 5", "Step 3.", "café.", "Ünd so.",
    "日本. Next.", "²."]
SEPARATORS = [" ", " ", " ", "  ", " \u00a0", "\t", "\n"]


@st.composite
def prose(draw) -> str:
    words = draw(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=14))
    return "".join(word + draw(st.sampled_from(SEPARATORS)) for word in words).rstrip()


def _segment(text: str, marks: list[int]) -> Segment:
    evidence = [Evidence(position, "link", f"https://example.org/{position}") for position in sorted(marks)]
    return Segment("paragraph", text, Offsets(range(len(text))), Offsets(range(1, len(text) + 1)), evidence)


def _seen(found) -> list[tuple]:
    return [(s.start, s.end, s.text, [(t.text, t.whitespace_) for t in s.tokens], [m.position for m in s.evidence])
            for s in found]


def _whole(segment: Segment) -> list[tuple]:
    """The sentences as spaCy's sentencizer finds them over the whole segment."""
    return _seen(sentences(segment, load_pipeline()(plain_quotes(segment.text))))


def _pieced(segment: Segment) -> list[tuple]:
    """The sentences as the engine finds them: cut into pieces, each tokenized alone."""
    from claimlint.linter import Candidate

    plain = plain_quotes(segment.text)
    spans = analyser().pieces(plain)
    pieces = [Candidate(segment, plain, start, end, number == len(spans) - 1, [])
              for number, (start, end) in enumerate(spans)]
    return [sentence for _, found in analyser().sentences(pieces) for sentence in _seen(found)]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prose(), st.lists(st.integers(0, 400), max_size=4))
def test_pieces_give_the_sentences_of_the_whole_segment(text, marks):
    segment = _segment(text, [mark % (len(text) + 1) for mark in marks])
    assert _pieced(segment) == _whole(segment)


@pytest.mark.parametrize("text, pieces", [
    ("Sugar causes cavities. It lowers BP. Why? No!", ["Sugar causes cavities.", "It lowers BP.", "Why?", "No!"]),
    ("Take it e.g. daily. Dr. Smith agrees. See Fig. 2 here.", ["Take it e.g. daily.", "Dr. Smith agrees.", "See Fig. 2 here."]),
    ("It works. One. Two.", ["It works. One. Two."]),  # number words could be a citation folded into the one before
    ("It works. [1]. Then more.", ["It works. [1].", "Then more."]),  # the citation stays with its sentence
    ("He holds a Ph. D. in it.", ["He holds a Ph. D. in it."]),  # a special case spaCy matches across the space
    ("It ends.\" Then more.", ["It ends.\" Then more."]),
    ("It ends.  Then more.", ["It ends.  Then more."]),  # two spaces make a whitespace token
])
def test_cuts_only_where_spacy_ends_a_sentence(text, pieces):
    assert [text[start:end] for start, end in analyser().pieces(text)] == pieces


def test_helpers_remember_what_they_compute_over_the_sentence_being_read():
    from claimlint.evidence import clauses
    from claimlint.nlp import memo

    tokens = load_pipeline()("no one , not ever , would say that salt cures colds")[:]
    assert clauses.boundary_before(tokens, 10, "negation") == 8
    memo(tokens)[("clause boundaries", "negation")] = [3]  # what is remembered is what is read
    assert clauses.boundary_before(tokens, 10, "negation") == 3
    other = load_pipeline()("no one , not ever , would say that salt cures colds")[:]
    assert clauses.boundary_before(other, 10, "negation") == 8 and memo(tokens) == {}  # a new sentence forgets


def test_only_the_sentences_a_trigger_matches_reach_spacy(linter):
    text = "I love my morning walk. Sugar causes cavities. We walked home after lunch.\n"
    texts = [candidate.text for candidate in linter.candidates(parse(text))]
    assert texts == ["Sugar causes cavities."]
    finding = next(f for f in linter.lint(text, "d.md") if f.rule == "unhedged-causal-claim")
    assert text[finding.column - 1 : finding.end_column - 1] == "causes"


def test_a_draft_no_trigger_matches_never_loads_spacy(tmp_path):
    draft = tmp_path / "plain.md"
    draft.write_text("# Our week\n\nWe walked to the lake and had a picnic.\n\n- bread\n- cheese\n")
    code = ("import sys; from claimlint.cli import main; sys.argv = ['claimlint', 'check', '--no-cache', sys.argv[1]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\nprint('spacy' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True, cwd=ROOT)
    assert result.stderr.strip().splitlines()[-1] == "False", result.stderr


# Words of many tokens each (special cases, numbers with units, infixes, contractions, symbols), for
# pieces long enough that the engine's cut at MAX_SENTENCE_TOKENS is in play.
DENSE = ["Cantve", "gonna", "whaddya", "10km", "3.5", "(x)", "a/b", "don't", "co-op", "U.S.", "👍", "–", "…", "x+y",
         "$5", "50%", "ok", "risk", "2019", "Ph.D.", "e.g.", ":)", "'em", "y'all", "o'clock", "\u00a0", "\n", "it’s"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(DENSE), min_size=20, max_size=90), st.sampled_from(["", ".", "!\"", "?)", ".*"]),
       st.lists(st.integers(0, 800), max_size=3))
def test_a_long_piece_is_vouched_alone_only_when_it_is_one_sentence_the_engine_leaves_uncut(words, end, marks):
    from claimlint.nlp import MAX_SENTENCE_TOKENS

    text = " ".join(words).strip() + end
    segment = _segment(text, [mark % (len(text) + 1) for mark in marks])
    whole = _whole(segment)
    if analyser().cuts.alone(text):
        assert len(whole) == 1 and (whole[0][0], whole[0][1]) == (0, len(text))
        assert len(whole[0][3]) <= MAX_SENTENCE_TOKENS
    assert _pieced(segment) == whole


def test_the_token_bound_of_a_piece_vouched_alone_is_reached_and_kept():
    from claimlint.nlp import MAX_SENTENCE_TOKENS

    # "Cantve" is three tokens, the most a special case makes of one run of letters.
    for count in (MAX_SENTENCE_TOKENS // 3, MAX_SENTENCE_TOKENS // 3 + 1):
        text = " ".join(["Cantve"] * count) + "."
        tokens = len(load_pipeline().tokenizer(text))
        assert analyser().cuts.alone(text) == (tokens <= MAX_SENTENCE_TOKENS)
        assert _pieced(_segment(text, [])) == _whole(_segment(text, []))
    assert len(_whole(_segment(text, []))) == 2  # cut at the limit: not one sentence


def test_a_piece_vouched_alone_is_tokenized_only_when_its_tokens_are_read():
    from claimlint.linter import Candidate

    text = "About 70% of adults sleep badly."
    segment = _segment(text, [len(text)])
    (piece, (sentence,)), = analyser().sentences([Candidate(segment, text, 0, len(text), True, [])])
    assert (sentence.start, sentence.end, [m.position for m in sentence.evidence]) == (0, len(text), [len(text)])
    assert callable(sentence.made)  # not tokenized yet
    assert [token.text for token in sentence.tokens][-2:] == ["badly", "."] and not callable(sentence.made)
    assert sentence.tokens is sentence.tokens  # made once: helpers remember by the Span (nlp.memo)


@pytest.mark.parametrize("text, alone", [
    ("Sugar causes cavities.", True), ("It ends.\")", True), ("Why?!", True), ("70% of us", True),
    ("It ends.  )", False),  # the second space is a token, and no punctuation: a sentence of its own
    ("It ends.\n)", False), ("It ends.\u00a0)", False), ("Dr. Smith agrees.", False), ("It costs 3.5 mg.", False),
    (" Leading space.", False), ("Trailing space. ", False), ("...", False),
])
def test_a_piece_is_vouched_alone_only_when_it_is_one_sentence(text, alone):
    assert analyser().cuts.alone(text) == alone
    if alone:
        assert len(_whole(_segment(text, []))) == 1
    assert _pieced(_segment(text, [])) == _whole(_segment(text, []))
