"""Hedge cues (BioScope guidelines, Hyland): modal, epistemic and approximating language.

Cues are matched on lower-cased word forms: verbs by stem, so every inflection counts, and a few
multi-word cues as phrases. `hedge_before` answers the question rules ask: does a hedge govern
the claim that starts at this token? A cue earlier in the same sentence governs what follows it
("Research suggests that X reduces Y", "X is likely to reduce Y"); one after it does not.
"""

from __future__ import annotations

import re

MODALS = frozenset({"may", "might", "could", "would", "should", "mayn't", "mightn't", "couldn't"})
# Epistemic verbs and their derivatives, by stem: suggest, suggests, suggested, suggesting, suggestion.
_STEMS = ("suggest", "indicat", "appear", "seem", "propos", "hypothes", "speculat", "presum", "postulat",
          "suspect", "tend", "believ", "assum", "imply", "implie", "doubt")
_WORDS = frozenset({
    "possible", "possibly", "possibility", "likely", "unlikely", "likelihood", "probably", "probable",
    "perhaps", "potential", "potentially", "putative", "putatively", "plausible", "plausibly", "maybe",
    "conceivably", "apparently", "uncertain", "unclear", "unknown", "whether", "if", "preliminary",
    "partly", "partially", "somewhat",
})
PHRASES = re.compile(
    r"\b(?:is|are|was|were|be|been)\s+(?:thought|considered|believed|hypothesi[sz]ed)\s+to\b"
    r"|\bcannot\s+be\s+(?:excluded|ruled\s+out)\b|\braises?\s+the\s+possibility\b|\bnot\s+exactly\b"
    r"|\bin\s+some\s+(?:people|cases|patients|studies)\b|\bor\s+not\b|\bto\s+some\s+(?:extent|degree)\b",
    re.IGNORECASE,
)


def is_cue(word: str, can_is_hedge: bool = False) -> bool:
    word = word.lower()
    if word in MODALS or word in _WORDS:
        return True
    if can_is_hedge and word in ("can", "cannot", "can't"):
        return True
    return word.startswith(_STEMS) and not word.startswith(("appearance", "tendon", "tender"))


def hedge_before(tokens, index: int, can_is_hedge: bool = False) -> bool:
    """Is the token at `index` of the sentence `tokens` governed by a hedge cue before it?"""
    if any(is_cue(token.text, can_is_hedge) for token in tokens[:index]):
        return True
    prefix = tokens[:index].text if index else ""
    return PHRASES.search(prefix) is not None


def has_hedge(text: str, can_is_hedge: bool = False) -> bool:
    """Does the text contain any hedge cue? (sentence-level detection)"""
    if PHRASES.search(text):
        return True
    return any(is_cue(word, can_is_hedge) for word in re.findall(r"[A-Za-z']+", text))
