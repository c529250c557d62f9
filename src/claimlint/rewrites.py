"""Honest rewrites of a claim's wording, offered as fixes.

Each returns (start, end, text) in the characters of the paragraph the words come from, or None
where no rewrite is honest without knowing more than the words say:
- `hedge`: a causal verb stated as fact takes "may", keeping agreement and tense ("worsens" ->
  "may worsen", "caused" -> "may have caused", "is caused" -> "may be caused", "will cure" ->
  "may cure"); a copula names a cause with "may be" ("is the root cause of" -> "may be ...").
  A denial ("does not cause") is left alone: "may not cause" would say something else.
- `soften_certainty`: proof wording becomes what the evidence can say ("is proven to" -> "is shown
  in trials to" where the sentence cites a source, else "may"), and "always"/"never" before a verb
  becomes "can"/"may not".
- `link_source`: an appeal to unnamed evidence becomes a link whose address the writer fills in.
"""

from __future__ import annotations

import re

from claimlint.inflection import lemma_of, past_participle

# An auxiliary before the verb, and what replaces it and the verb's form after it.
_BE = {"is": "may be", "are": "may be", "am": "may be", "'s": "may be",
       "was": "may have been", "were": "may have been"}
_HAVE = {"has": "may have", "have": "may have", "'ve": "may have", "had": "may have"}
_FINITE_DO = {"do", "does", "will", "'ll"}  # "does reduce", "will cure": "may" takes their place
_DENIALS = {"not", "n't", "never", "no", "cannot"}
_NO_HEDGE = {"to", "can", "could", "may", "might", "must", "should", "would", "shall", "be", "been", "being",
             "did", "get", "gets", "got"}
_CONSEQUENCE = {"thereby", "thus", ",", "so"}
PLACEHOLDER_URL = "https://example.com/REPLACE-WITH-THE-SOURCE"


def _adverb(token) -> bool:
    word = token.lower_
    return word.endswith("ly") and word not in ("only", "early", "daily", "weekly", "likely", "unlikely") \
        or word in ("also", "often", "still", "even", "further", "directly", "actually", "really")


def _cased(new: str, original: str, title: bool) -> str:
    """`new` in the case of the words it replaces: "May worsen" at a sentence's start, "May Worsen"
    in a title-case heading, "MAY WORSEN" in capitals."""
    if original.isupper() and len(original) > 1:
        return new.upper()
    if title:
        return " ".join(word[:1].upper() + word[1:] for word in new.split(" "))
    return new[:1].upper() + new[1:] if original[:1].isupper() else new


def hedge(tokens, index: int, form: str, lemma: str) -> tuple[int, int, str] | None:
    """Hedge the causal verb at token `index` (its `form`: base, s, ed or ing; its `lemma`), with
    any auxiliary and adverbs before it."""
    verb = tokens[index]
    position = index - 1
    while position >= 0 and _adverb(tokens[position]):
        position -= 1
    auxiliary = tokens[position].lower_ if position >= 0 else ""
    adverbs = [token.text for token in tokens[position + 1 : index]]
    if auxiliary in _DENIALS or auxiliary in _NO_HEDGE:
        return None
    first = position + 1  # the first token replaced
    if form == "ing":
        if auxiliary not in _CONSEQUENCE and not (auxiliary == "by" and position > 0):
            return None
        words = ["possibly", *adverbs, verb.text]
    elif form == "ed":
        if auxiliary in _BE or auxiliary in _HAVE:
            first, words = position, [(_BE | _HAVE)[auxiliary], *adverbs, verb.text]
        else:
            words = ["may have", *adverbs, past_participle(lemma, verb.lower_)]
    elif auxiliary in _BE or auxiliary in _HAVE:
        return None  # "is lower" is an adjective, not a verb
    elif form == "base" and auxiliary in _FINITE_DO:
        first, words = position, ["may", *adverbs, lemma]
    else:
        words = ["may", *adverbs, lemma]
    title = first > 0 and verb.text.istitle() and all(t.is_title for t in tokens if t.is_alpha and len(t) > 3)
    return tokens[first].idx, verb.idx + len(verb.text), _cased(" ".join(words), tokens[first].text, title)


def hedge_copula(tokens, first: int) -> tuple[int, int, str] | None:
    """Hedge a causal phrase carried by a copula or "have": the phrase's own first word ("is the
    cause of", "has a protective effect on", "there is an effect of") or the copula before it
    ("is highly effective in")."""
    position = first + 1 if tokens[first].lower_ == "there" and first + 1 < len(tokens) else first
    word = tokens[position].lower_
    if word not in _BE and word not in _HAVE:
        position = first - 1
        while position >= 0 and _adverb(tokens[position]):
            position -= 1
        if position < 0 or tokens[position].lower_ not in _BE:
            return None
        word = tokens[position].lower_
    if position + 1 < len(tokens) and tokens[position + 1].lower_ in _DENIALS:
        return None
    replacement = "may have had" if word == "had" else (_BE | _HAVE)[word]
    token = tokens[position]
    return token.idx, token.idx + len(token.text), _cased(replacement, token.text, False)


def hedge_leading_verb(tokens, first: int) -> tuple[int, int, str] | None:
    """Hedge the "-s" verb that leads a causal verb phrase ("makes you gain weight" -> "may make ...")."""
    lemma = lemma_of(tokens[first].lower_)
    return hedge(tokens, first, "s", lemma) if lemma else None


_PROVE = re.compile(r"(?i)(?:(is|are)\s+(?:(\w+ly)\s+)?)?(proven)\s+to\b")
_ALWAYS = re.compile(r"(?i)(always|never)\s+((?:\w+ly\s+)?)([\w-]+)")


def soften_certainty(text: str, start: int, end: int, cited: bool) -> tuple[int, int, str] | None:
    """Soften the overclaiming words at text[start:end] of a sentence (see the module's notes), or
    None; offsets are the sentence's."""
    matched = text[start:end].lower()
    if matched == "proven":
        return _soften_proof(text, start, end, cited)
    found = _ALWAYS.match(text, start)
    if found and found.start() == start:
        word = found.group(3)
        lemma = lemma_of(word) or (word.lower() if not word.lower().endswith(("ed", "ing")) else None)
        if lemma is None:
            return None
        modal = "can" if found.group(1).lower() == "always" else "may not"
        new = f"{modal} {found.group(2)}{lemma}"
        return found.start(), found.end(), _cased(new, found.group(1), False)
    return None


def _soften_proof(text: str, start: int, end: int, cited: bool):
    # Look back for "is/are (adverb)" before "proven to", which the rewrite replaces with them.
    for match in _PROVE.finditer(text, max(0, start - 30)):
        if match.start(3) == start:  # "... proven to"
            if cited:
                return match.start(3), match.end(3), "shown in trials"
            if match.group(1):  # "is (clinically) proven to V" -> "may V"
                return match.start(), match.end(), _cased("may", match.group(1), False)
            return None
    return None


def link_source(start: int, end: int) -> tuple[tuple[int, int, str], tuple[int, int, str]]:
    """Two insertions that make text[start:end] a link to a placeholder address."""
    return (start, start, "["), (end, end, f"]({PLACEHOLDER_URL})")
