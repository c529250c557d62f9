"""Negation: is a word negated by a cue shortly before it in its clause, or disowned by a frame?"""

from __future__ import annotations

import re

from claimlint.evidence import clauses

NEGATORS = frozenset({"not", "no", "n't", "never", "neither", "nor", "none", "without", "cannot",
                      "nothing", "nobody", "hardly", "barely", "lack", "lacks", "fail", "fails", "failed"})
# Frames that disown whatever claim follows them in the sentence: "there is no evidence that X cures
# Y", "no supplement has been shown to cure Y", "that does not mean turmeric will protect you".
DISOWNING = re.compile(
    r"\b(?:no|little|not\s+enough|insufficient|scant)\s+(?:\w+\s+){0,2}?(?:evidence|proof|data)\s+(?:that|to\s+show|for)\b"
    r"|\b(?:no\s+(?:[\w-]+\s+){0,3}?|nothing\s+|none\s+)(?:has|have)\s+(?:ever\s+|yet\s+)?been\s+(?:shown|proven|proved|found)\s+to\b"
    r"|\b(?:has|have|had)\s+(?:also\s+|still\s+)?(?:not|never|n[’']t)\s+(?:yet\s+)?been\s+(?:shown|proven|proved)"
    r"\s+(?:by\s+(?:[\w-]+\s+){1,3}?)?to\b"
    r"|\b(?:is|are|was|were)\s*(?:not|n[’']t)\s+(?:yet\s+)?(?:proven|shown|known)\s+to\b"
    r"|\b(?:does|do|did)\s*(?:not|n[’']t)\s+mean\b"
    r"|\b(?:cannot|can\s+not|can[’']t|could\s*(?:not|n[’']t)|(?:does|do|did)\s*(?:not|n[’']t))\s+(?:\w+\s+)?"
    r"(?:show|prove|establish|demonstrate|confirm|support|tell\s+us)\b"
    # Open questions assert nothing: "it is not clear that X prevents Y", "nobody knows whether".
    r"|\b(?:not\s+(?:yet\s+)?(?:clear|known|certain|established)|unclear|uncertain|unknown|unproven)\s+(?:that|if)\b"
    r"|\bwhether\b"
    # The object of an inquiry: "studies are needed to determine the benefits of X for Y".
    r"|\bto\s+(?:determine|assess|evaluate|examine|investigate|establish|explore|test|clarify|confirm|prove|demonstrate)\b"
    # What others claim: "the claimed benefits", "its alleged effects", "so-called detox".
    r"|\b(?:claimed|alleged|purported|supposed|so-called)\b"
    # A belief reported rather than held: "many people worry that eggs raise cholesterol", "the myth that".
    r"|\b(?:worr(?:y|ies|ied)|fears?|feared|wonder(?:s|ed)?|myths?|misconceptions?|misbeliefs?)\s+that\b"
    # A claim reported as someone's argument: "Asprey makes the argument that", "critics claim that".
    r"|\b(?:argu(?:e|es|ed|ing)|mak(?:e|es|ing)\s+the\s+(?:argument|case)|claim(?:s|ed)?|contend(?:s|ed)?)\s+that\b"
    # A claim presented as the content of a belief: "the thinking here is that", "the theory behind it is that".
    r"|\bthe\s+(?:idea|theory|thinking|belief|hypothesis|rationale|reasoning|premise|notion|logic)\s+"
    r"(?:here\s+|behind\s+(?:\w+\s+){1,2}?)?(?:is|was)\s+that\b"
    r"|\b(?:is|are|was|were)\s+(?:a\s+)?(?:big\s+|huge\s+)?(?:fans?|proponents?|advocates?)\s+of\b"
    # A claim reported as someone's promotion: "often touted as the miracle answer", "marketed as a cure".
    r"|\b(?:touted|billed|marketed|advertised|hailed|promoted|pitched|sold)\s+as\b"
    r"|\bproponents\b"
    # A counterfactual: "I won't pretend CBD is a miracle", "imagine that sugar cured colds".
    r"|\b(?:pretend(?:s|ed|ing)?|imagin(?:e|es|ed|ing))\b"
    # What people say or report about themselves: "60% of people say soup makes them feel better".
    r"|\b(?:people|patients|users|customers|parents|readers|others)\s+(?:\w+\s+)?(?:say|said|report(?:ed)?|claim(?:ed)?|swear)\b"
    # An embedded question of degree: "a measure of how well a cream protects against UVB".
    r"|\bhow\s+(?:well|much|far|often|effectively|strongly)\b",
    re.IGNORECASE,
)
# "not only X but also Y" adds to a claim rather than denying it.
_FOCUS = frozenset({"only", "just", "merely"})


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
    return not (position + 1 < len(tokens) and tokens[position + 1].lower_ in _FOCUS)


def disowned(text_before: str) -> bool:
    """Does a disowning frame stand in the text before a claim?"""
    return DISOWNING.search(text_before) is not None
