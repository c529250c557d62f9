"""Case-insensitive patterns run over lower-cased text (folded_regex) find exactly what `re` finds
with IGNORECASE: the same spans and the same groups, in the draft's own text, whatever its case or
script."""

from __future__ import annotations

import re
import sys

import _sre
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint.config import Config, resolve_rules
from claimlint.evidence import hedges, negation, statistics
from claimlint.folded_regex import Folded, _equals, compile_folded, fold_text

# Characters `re` folds in unusual ways: long s, Kelvin sign, dotted and dotless i, sigma's forms,
# the ligature 'ﬅ', titlecase 'ǅ', a combining iota.
TRICKY = "ſKİıΣσςﬅﬆǅǆ\u0345ΙιẞßÅå"


def _patterns() -> list:
    found = [value for module in (hedges, negation, statistics) for value in vars(module).values()
             if isinstance(value, Folded)]

    def walk(value, depth=0):
        if isinstance(value, Folded):
            found.append(value)
        elif depth < 3 and isinstance(value, (list, tuple)):
            for item in value:
                walk(item, depth + 1)
        elif depth < 3 and type(value).__module__.startswith("claimlint.") and hasattr(value, "__dict__"):
            for item in vars(value).values():
                walk(item, depth + 1)

    for rule in resolve_rules(Config()):
        walk(rule.checker)
    return list({id(pattern): pattern for pattern in found}.values())


PATTERNS = _patterns()
# Folding reads re's 3.11 internals; on 3.10 every pattern runs as it is.
needs_folding = pytest.mark.skipif(sys.version_info < (3, 11), reason="Python 3.10 runs every pattern unfolded")
EXAMPLES = [sentence for rule in resolve_rules(Config()) for kind in ("flag", "pass") for sentence in rule.examples[kind]]


@needs_folding
def test_every_case_insensitive_pattern_of_the_built_in_rules_is_folded():
    assert len(PATTERNS) > 30 and sum(pattern.folds for pattern in PATTERNS) > 50  # not: "(?-i:I)" parts
    assert sum(isinstance(rule.checker.trigger, Folded) for rule in resolve_rules(Config()) if rule.checker.trigger) >= 5


@needs_folding
def test_folding_keeps_every_position_and_equal_characters_stay_equal():
    """`re` under IGNORECASE takes text character x for pattern character c when both fold to the
    same character; every other character only matches itself."""
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        folded = fold_text(chr(code))
        assert len(folded) == 1 and ord(folded) in _equals(code), hex(code)
        assert all(bool(re.match(kind, folded)) == bool(re.match(kind, chr(code))) for kind in (r"\w", r"\d", r"\s")), hex(code)
        assert _sre.unicode_iscased(ord(folded)) == bool(_sre.unicode_iscased(code)), hex(code)
        if not _sre.unicode_iscased(code):
            assert ord(folded) == code, hex(code)
    tricky = [ord(char) for char in TRICKY + "sSiIkK\u1fbe"]
    for code in [*range(0x3000), *tricky]:
        for other in tricky:
            equal = re.fullmatch(re.escape(chr(code)), chr(other), re.IGNORECASE) is not None
            assert equal == (ord(fold_text(chr(other))) in _equals(code)), (hex(code), hex(other))
    assert fold_text("ΑΣ") == "ας" and len(fold_text("İSTANBUL")) == 8


@st.composite
def drafts(draw) -> str:
    words = draw(st.lists(st.sampled_from(EXAMPLES), min_size=1, max_size=3))
    text = " ".join(words)
    chars = list(text)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(chars) - 1))
        chars[at] = draw(st.sampled_from([chars[at].upper(), chars[at].swapcase(), *TRICKY]))
    if draw(st.booleans()):
        chars = list("".join(chars).upper())
    return "".join(chars)


@settings(max_examples=300, deadline=None)
@given(drafts())
def test_folded_patterns_find_what_re_finds(text):
    for pattern in PATTERNS:
        expected = [(m.span(), m.group(), m.groups()) for m in pattern.original.finditer(text)]
        assert [(m.span(), m.group(), m.groups()) for m in pattern.finditer(text)] == expected, pattern.pattern[:80]
        assert bool(pattern.search(text)) == bool(expected)


@pytest.mark.parametrize("source", [
    r"(?-i:I)\s+think",  # a case-sensitive part
    r"(\w+) \1",  # a backreference compares case-insensitively at match time
    r"[\U00010400-\U0001044f]x",  # a set beyond the Basic Multilingual Plane
])
def test_patterns_the_rewrite_cannot_vouch_for_run_as_they_are(source):
    pattern = compile_folded(source, re.IGNORECASE)
    assert not pattern.folds and pattern.search("Aa aa I think \U00010400x").group() == \
        re.search(source, "Aa aa I think \U00010400x", re.IGNORECASE).group()


def test_case_sensitive_patterns_run_as_they_are():
    assert isinstance(compile_folded(r"\bFDA\b"), re.Pattern)


@needs_folding
def test_a_folded_match_reads_the_drafts_own_text():
    pattern = compile_folded(r"\b(st\.?\s+john's)\s+(wort)\b", re.IGNORECASE)
    found = pattern.search("Try ST. JOHN'S Wort daily")
    assert pattern.folds and found.group() == "ST. JOHN'S Wort" and found.group(1, 2) == ("ST. JOHN'S", "Wort")
    assert found.span(2) == (15, 19) and found.string == "Try ST. JOHN'S Wort daily"


def test_a_folded_pattern_travels_to_a_worker_as_its_source():
    import copy
    import pickle

    pattern = compile_folded(r"\bsugar\s+causes\b", re.IGNORECASE)
    assert pattern.search("SUGAR causes it")
    for copied in (pickle.loads(pickle.dumps(pattern)), copy.deepcopy(pattern)):
        assert (copied.pattern, copied.flags) == (pattern.pattern, pattern.flags)
        assert copied.search("Sugar CAUSES it").span() == (0, 12)


# Case-sensitive parts in the places a first pass may widen them, and in those it may not.
WIDENED = [r"(?-i:I)\s+think", r"(?:a|an)\s+(?-i:[A-Z][\w.]*(?:\s+[A-Z]\w*)*)\s+study", r"(?-i:Stud(?:y|ies))\s+(?:show|find)s?",
           r"(?<=\bso\s)(?-i:I)\b", r"x(?=(?-i:K))k?", r"(?-i:(?-i:a)B)|bb", r"(?-i:ſ)s+", r"(?-i:\bI\b)(?:['’]m)?"]
NOT_WIDENED = [r"(?<!x)(?-i:\bI\b)(?!\s+(?-i:[A-Z]))", r"(?-i:[^A])b", r"(?-i:a[^b])", r"(?>(?-i:A)|ab)c", r"(?-i:A)++b",
               r"(?-i:(?!b)a)", r"(?-i:(?i:a)B)", r"(?-i:I)(\w) \1", r"(?a:I)\s+x"]


@needs_folding
@pytest.mark.parametrize("source", WIDENED + NOT_WIDENED)
def test_a_first_pass_widens_a_case_sensitive_part_only_where_it_cannot_lose_a_match(source):
    pattern = compile_folded(source, re.IGNORECASE)
    assert not pattern.folds and bool(pattern._wider) == (source in WIDENED)


@needs_folding
def test_a_text_the_first_pass_rejects_never_reaches_the_pattern():
    class Untouchable:
        def __getattr__(self, name):
            raise AssertionError("the pattern ran where its first pass found nothing")

    pattern = Folded(r"(?-i:Stud(?:y|ies))\s+(?:show|find)s?", re.IGNORECASE, Untouchable())
    assert not pattern.folds and pattern._wider
    text = "Most readers SHOW up for the recipes."
    assert pattern.search(text) is None and pattern.match(text) is None and pattern.fullmatch(text) is None
    assert list(pattern.finditer(text)) == [] and pattern.findall(text) == []
    pattern = Folded(pattern.pattern, pattern.flags)
    assert [m.span() for m in pattern.finditer("study shows. Studies SHOW")] == [(13, 25)]


@needs_folding
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aAbBiIkKxsSſtTuUdDyYhoOwWnNeE \u212a'’.", max_size=40), st.integers(0, 40), st.integers(0, 45))
def test_widened_patterns_find_what_re_finds(text, pos, endpos):
    for source in WIDENED + NOT_WIDENED:
        pattern, expected = compile_folded(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
        for method in ("search", "match", "fullmatch"):
            found, wanted = getattr(pattern, method)(text, pos, endpos), getattr(expected, method)(text, pos, endpos)
            assert (found and found.span()) == (wanted and wanted.span()), (source, method)
        assert [m.span() for m in pattern.finditer(text, pos, endpos)] == \
            [m.span() for m in expected.finditer(text, pos, endpos)], source
        assert pattern.findall(text, pos, endpos) == expected.findall(text, pos, endpos), source
