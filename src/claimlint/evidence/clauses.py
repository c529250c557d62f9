"""Clause boundaries: one table of the words that end a stretch of a sentence, per scope.

Evidence helpers and the causal kind ask how far a word's clause reaches, each for its own purpose.
A stretch is bounded differently for each, so each purpose is a scope, and this table is the one
place that says which words end which scope:

- `claim`: the clause a hedge or qualifier governs (BioScope's speculation scope). A cue before "but",
  ";", "however", "whereas", "yet" or "because" belongs to another clause ("It may taste bitter, but it
  burns fat"), and so does one before ", so" or ", and"/", as"/", since" with a pronoun ("Some call
  it a cure, and it reverses diabetes").
- `negation`: the reach of a negation cue (NegEx's termination terms): any comma, colon, dash or
  parenthesis, a conjunction or a relative pronoun.
- `conjunct`: the first conjunct whose infinitive a coordinated verb shares ("to increase X and
  reduce Y"): a new clause or a relative clause ends it.
- `speaker`: whose experience a claim reports ("I think sugar worsens my eczema, but it ..."):
  a contrasting clause ends it.
- `condition`: a fronted condition or time clause ("After the sun goes down, ..."), which a comma ends.
- `disowning`: the reach of a frame that disowns a claim ("There is no evidence that, because of X, Y cures Z"):
  only a contrasting clause ends it ("Sufferers swear by honey, but our balm cures eczema").

"yet" ends a stretch only as a conjunction; after "not", "has" or "as", or before "to" or "been", it is the
adverb inside its clause ("has not yet been shown to", "has yet to be tested").
"""

from __future__ import annotations

from bisect import bisect_left

from claimlint.nlp import memo, words

BOUNDARIES: dict[str, frozenset[str]] = {
    "claim": frozenset({";", "but", "however", "whereas", "yet", "because"}),
    "negation": frozenset({",", ";", ":", "—", "–", "(", ")", "but", "and", "or", "that", "which", "who"}),
    "conjunct": frozenset({";", ":", "that", "which", "who", "because", "but", "while", "whereas"}),
    "speaker": frozenset({";", "but", "however", "whereas", "while", "because"}),
    "condition": frozenset({",", ";", ":"}),
    "disowning": frozenset({";", "but", "however", "whereas", "yet"}),
}
# Subordinators that open a condition or time clause ("If you sit all day, ...", "When we fast, ...").
CONDITIONS = frozenset({"if", "when", "whenever", "once", "as", "after", "until", "unless"})
# Words around an adverbial "yet": "not yet", "has yet to", "as yet", "yet been".
_YET_ADVERB_BEFORE = frozenset({"not", "n't", "never", "nor", "has", "have", "had", "as"})
_YET_ADVERB_AFTER = frozenset({"to", "been", "again", "another"})
# ", so" and ", and"/", as"/", since" with a pronoun open an independent clause (scope `claim`).
_PRONOUN_SUBJECTS = frozenset("i we you he she it they this there".split())


def ends(tokens, position: int, scope: str) -> bool:
    """Does the word at `position` end (or, read forward, open) a stretch of `scope`?"""
    lower = words(tokens).lower
    if lower[position] in BOUNDARIES[scope]:
        return lower[position] != "yet" or _yet_joins_clauses(lower, position)
    if scope != "claim":
        return False
    three = lower[position : position + 3]
    if len(three) < 2 or three[0] != ",":
        return False
    return three[1] == "so" or len(three) == 3 and three[1] in ("and", "as", "since") and three[2] in _PRONOUN_SUBJECTS


def _yet_joins_clauses(lower: list[str], position: int) -> bool:
    """Is the "yet" at `position` the conjunction ("bitter yet it burns fat"), not the adverb ("not yet shown")?"""
    before = lower[position - 1] if position else ""
    after = lower[position + 1] if position + 1 < len(lower) else ""
    return before not in _YET_ADVERB_BEFORE and after not in _YET_ADVERB_AFTER


def boundary_before(tokens, index: int, scope: str, reach: int | None = None) -> int:
    """Index of the nearest word before `index` that ends a stretch of `scope` (within `reach` words,
    if given), else -1."""
    positions = boundaries(tokens, scope)
    found = bisect_left(positions, index) - 1
    if found < 0 or reach is not None and positions[found] < index - reach:
        return -1
    return positions[found]


def boundaries(tokens, scope: str) -> list[int]:
    """Every position in the sentence whose word ends a stretch of `scope`, found in one pass per
    sentence and scope (nlp.memo), so no helper walks a clause again per candidate."""
    remembered = memo(tokens)
    key = ("clause boundaries", scope)
    if key not in remembered:
        if "yet" not in BOUNDARIES[scope] and scope != "claim":  # a plain lookup: these scopes end at single words
            ending = BOUNDARIES[scope]
            remembered[key] = [position for position, word in enumerate(words(tokens).lower) if word in ending]
        else:
            remembered[key] = [position for position in range(len(tokens)) if ends(tokens, position, scope)]
    return remembered[key]


def start(tokens, index: int, scope: str) -> int:
    """Where the stretch of `scope` holding the word at `index` begins."""
    return boundary_before(tokens, index, scope) + 1
