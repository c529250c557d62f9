"""Negation: is a word negated by a cue shortly before it in its clause?"""

from __future__ import annotations

NEGATORS = frozenset({"not", "no", "n't", "never", "neither", "nor", "none", "without", "cannot",
                      "nothing", "nobody", "hardly", "barely", "lack", "lacks", "fail", "fails", "failed"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "but", "and", "or", "that", "which", "who"})
# "not only X but also Y" adds to a claim rather than denying it.
_FOCUS = frozenset({"only", "just", "merely"})


def negated(tokens, index: int, window: int = 4) -> bool:
    """True when a negation cue stands within `window` tokens before `index`, in the same clause."""
    for position in range(index - 1, max(-1, index - 1 - window), -1):
        word = tokens[position].lower_
        if word in _CLAUSE_BREAKS:
            return False
        if _is_negator(tokens, position):
            return True
    return False


def negated_span(tokens, start: int, end: int, window: int = 4) -> bool:
    """Is the expression tokens[start:end] negated, before it or inside it ("had no effect on")?"""
    return negated(tokens, start, window) or any(_is_negator(tokens, position) for position in range(start, end))


def _is_negator(tokens, position: int) -> bool:
    word = tokens[position].lower_
    if not (word in NEGATORS or word.endswith("n't")):
        return False
    return not (position + 1 < len(tokens) and tokens[position + 1].lower_ in _FOCUS)
