"""Negation: is a word negated by a cue shortly before it in its clause, or disowned by a frame?

The negators and disowning frames are rows of the cue table in cues.py."""

from __future__ import annotations

import re

from claimlint.evidence import clauses, cues

NEGATORS = cues.words("negation")
# Frames that disown whatever claim follows them in the sentence: "there is no evidence that X cures
# Y", "no supplement has been shown to cure Y", "that does not mean turmeric will protect you".
DISOWNING = cues.pattern("disowning")
# What may not follow a negator: "not only X but also Y" adds to a claim rather than denying it.
_FOCUS = re.compile("|".join(sorted({exception for row in cues.rows("negation") for exception in row.exceptions})))


def negated(tokens, index: int, window: int = 5) -> bool:
    """True when a negation cue stands within `window` tokens before `index`, in its scope."""
    first = max(clauses.boundary_before(tokens, index, "negation", window) + 1, index - window)
    return any(_is_negator(tokens, position) for position in range(first, index))


def negated_span(tokens, start: int, end: int, window: int = 5) -> bool:
    """Is the expression tokens[start:end] negated, before it or inside it ("had no effect on")?"""
    return negated(tokens, start, window) or any(_is_negator(tokens, position) for position in range(start, end))


def _is_negator(tokens, position: int) -> bool:
    word = tokens[position].lower_
    if not (word in NEGATORS or word.endswith("n't")):
        return False
    return not (position + 1 < len(tokens) and _FOCUS.fullmatch(tokens[position + 1].lower_))


def disowned(text_before: str) -> bool:
    """Does a disowning frame stand in the text before a claim?"""
    return DISOWNING.search(text_before) is not None
