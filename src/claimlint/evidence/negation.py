"""Negation: is a word negated by a cue shortly before it in its clause?"""

from __future__ import annotations

NEGATORS = frozenset({"not", "no", "n't", "never", "neither", "nor", "none", "without", "cannot",
                      "nothing", "nobody", "hardly", "barely", "lack", "lacks", "fail", "fails", "failed"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "but", "and", "or", "that", "which", "who"})


def negated(tokens, index: int, window: int = 4) -> bool:
    """True when a negation cue stands within `window` tokens before `index`, in the same clause."""
    for token in reversed(tokens[max(0, index - window) : index]):
        word = token.lower_
        if word in _CLAUSE_BREAKS:
            return False
        if word in NEGATORS or word.endswith("n't"):
            return True
    return False
