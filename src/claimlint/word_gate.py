"""Words a regex's every match holds whole: a gate that spares the scan of texts holding none of them.

A rule's trigger is searched in every piece of prose, and most pieces hold no match: `re` then
tries the pattern at every character, which costs a phrase rule's trigger as much as the rest of
the cheap pass. Most triggers are word lists ("proven", "miracles?", "side[-\\s]effects"), so each
match holds one of a few words, standing whole (no word character just before or after it). The
words of a piece are found once, for every rule (`text_words`: runs of word characters, over the
text as `folded_regex` lower-cases it), and a trigger none of whose `anchor_words` is among them
cannot match there; only the others are searched.

`anchor_words` reads the parsed pattern. Each way through it is followed as a string of word
characters (as the folded text holds them), separators (a character that is no word character:
a space, a hyphen, or a position `\\b`, `^`, `$` or a lookaround such as `(?<![\\w-])` vouches
has none beside it) and unknown stretches (`\\w+`, `.`, a long or open-ended repeat). A run of
word characters with a separator on each side is a whole word of the text wherever the way
matches. If every way holds one, the pattern gets those words (the longest of each way) as its
gate; else, or where the ways are too many to follow, it gets none and is always searched.
Lookarounds of other kinds constrain nothing here: a gate may let through a text the pattern
then rejects, never the reverse.
"""

from __future__ import annotations

import re

from claimlint.folded_regex import Folded, _canonical, _MIXED, fold_text

try:  # the parser `re` uses (private: any surprise leaves a trigger ungated)
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover
    _parser = None

_WORD = re.compile(r"\w+")
_WORD_CHARACTER = re.compile(r"\w")
_UNKNOWN = "\x00"  # an unknown stretch of text in a way's string (no word character: it is never part of a word)
_MOST_WAYS = 1000  # ways followed through one pattern before it is left ungated
_LONGEST_REPEAT = 3  # a repeat up to this many times is followed once per count; a longer one is unknown


_last: tuple[str, set[str]] = ("", set())  # the text read last, and its words: every rule asks of one piece


def text_words(text: str) -> set[str]:
    """The words of a text, lower-cased as folded patterns read it: its runs of word characters."""
    global _last
    if text is not _last[0]:
        _last = (text, set(_WORD.findall(fold_text(text))))
    return _last[1]


class _TooMany(Exception):
    pass


# A way through (part of) a pattern, as (head, word, tail): with no separator in it, `head` is all of
# it and `tail` is None; else `head` stands before its first separator, `tail` after its last, and
# `word` is the longest whole word between them (None if none).
_EMPTY = ("", None, None)
_SEPARATOR = ("", None, "")
_UNKNOWN_STRETCH = (_UNKNOWN, None, None)


_FOUND: dict[tuple[str, int], frozenset[str] | None] = {}  # each pattern's words, found once per process


def anchor_words(pattern) -> frozenset[str] | None:
    """Words one of which every match of `pattern` (a compiled `re` pattern or a Folded one) holds whole,
    or None when no such words are known."""
    if _parser is None or not isinstance(pattern, (re.Pattern, Folded)) or not isinstance(pattern.pattern, str):
        return None
    key = (pattern.pattern, int(pattern.flags))
    if key not in _FOUND:
        try:
            ways = _ways(_parser.parse(pattern.pattern, pattern.flags).data)
            words = {word for _, word, _ in ways}
            _FOUND[key] = None if None in words else frozenset(words)
        except (_TooMany, re.error, RecursionError):
            _FOUND[key] = None
    return _FOUND[key]


def _join(first: tuple, second: tuple) -> tuple:
    head, word, tail = first
    head2, word2, tail2 = second
    if tail is None:
        return (head + head2, word2, tail2)
    if tail2 is None:
        return (head, word, tail + head2)
    middle = tail + head2
    candidates = [w for w in (word, word2, middle if middle and _UNKNOWN not in middle else None) if w]
    return (head, max(candidates, key=len) if candidates else None, tail2)


def _then(ways: set, more: set) -> set:
    joined = {_join(a, b) for a in ways for b in more}
    if len(joined) > _MOST_WAYS:
        raise _TooMany
    return joined


def _ways(items) -> set:
    ways = {_EMPTY}
    for op, av in items:
        ways = _then(ways, _item(op, av))
    return ways


def _item(op, av) -> set:
    if op is _c.LITERAL:
        return {_character(av)}
    if op is _c.IN:
        return _charset(av)
    if op is _c.BRANCH:
        return set().union(*(_ways(branch.data) for branch in av[1]))
    if op is _c.SUBPATTERN:
        return _ways(av[3].data)
    if op is _c.ATOMIC_GROUP:
        return _ways(av.data)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return _repeat(*av)
    if op is _c.AT:
        return {_SEPARATOR} if av in (_c.AT_BOUNDARY, _c.AT_BEGINNING, _c.AT_BEGINNING_STRING, _c.AT_END,
                                      _c.AT_END_STRING) else {_EMPTY}
    if op is _c.ASSERT_NOT and _no_word_character(av[1].data):
        return {_SEPARATOR}  # (?<![\w-]), (?!\w): no word character beside it
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return {_EMPTY}
    return {_UNKNOWN_STRETCH}  # ANY, NOT_LITERAL, group references, conditionals


def _character(code: int) -> tuple:
    """A literal character as the folded text holds it: a word character, or a separator."""
    if code > 0xFFFF or _canonical(code) in _MIXED:
        return _UNKNOWN_STRETCH
    folded = chr(_canonical(code))
    return (folded, None, None) if _WORD_CHARACTER.match(folded) else _SEPARATOR


def _charset(items) -> set:
    """A set: a separator if none of its members is a word character, each member if they are a few
    letters ("[ei]"), else unknown."""
    if all(op is _c.LITERAL and not _WORD_CHARACTER.match(chr(av))
           or op is _c.CATEGORY and av in (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD) for op, av in items):
        return {_SEPARATOR}
    if len(items) <= 10 and all(op is _c.LITERAL for op, _ in items):
        characters = {_character(av) for _, av in items}
        if all(character[2] is None and character[0] != _UNKNOWN for character in characters):
            return characters
    return {_UNKNOWN_STRETCH}


def _no_word_character(items) -> bool:
    """Is this lookaround's body one character from a set holding every word character (`[\\w-]`)?"""
    return len(items) == 1 and items[0][0] is _c.IN and (_c.CATEGORY, _c.CATEGORY_WORD) in items[0][1]


def _repeat(low: int, high: int, body) -> set:
    ways = _ways(body.data)
    if ways <= {_SEPARATOR}:  # "\s+", "\s*": separators, maybe none
        return {_SEPARATOR} if low else {_EMPTY, _SEPARATOR}
    if high > _LONGEST_REPEAT:
        return {_UNKNOWN_STRETCH}
    result, repeated = set(), {_EMPTY}
    for count in range(high + 1):
        if count >= low:
            result |= repeated
        repeated = _then(repeated, ways)
    return result
