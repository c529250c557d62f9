"""Hedge cues (BioScope guidelines, Hyland): modal, epistemic and approximating language.

Speculation cues are what BioScope annotates: modals, epistemic verbs by stem (every inflection
counts: suggest, suggests, suggested, suggestion), epistemic adjectives, adverbs and nouns, and
phrases ("is thought to", "cannot be excluded", "remains to be determined", "it is not clear").
Some forms are not speculative: past ability ("could not be detected"), nouns that share a stem
("indicator", "appearance", "tendon") and "if" as a plain condition rather than "whether".

`has_hedge` answers "does this sentence speculate?". `hedge_before` answers the question claim
rules ask: does a hedge govern the claim that starts at this token? A cue earlier in the same
clause governs what follows it ("Research suggests that X reduces Y"); a cue before "but", ";",
"however", "whereas", "because", ", so" or ", and"/", as" with a pronoun belongs to another clause
("It may taste bitter, but it burns fat"; "Some call it a cure, and it reverses diabetes"; "It may
help because it lowers blood pressure"); clauses.py holds that table of boundaries.
Besides speculation cues, a claim is also qualified by a condition it stands in ("if it lowers ...",
not "If you smoke, quitting lowers ..."), by approximators
("partly", "rarely", "some", "in some people": Hyland's other hedge class, which BioScope leaves
unannotated), by "can help" and by frames that disown it ("there is no evidence that X cures Y"); these count
for claims only. Approximators of frequency and scope count after the claim too ("causes a cough in
some patients"), but a bare "some" there only picks out part of the object ("reduced some symptoms"),
and a frequency adverb before another predicate qualifies that one ("and was generally safe").
The cues themselves are rows of the table in cues.py; this module says where each kind acts.
"""

from __future__ import annotations

from claimlint.evidence import clauses, cues
from claimlint.evidence.negation import disowned
from claimlint.nlp import words

# Modal auxiliaries; rules also use them to recognise a finite verb.
MODALS = frozenset({"may", "might", "could", "would", "should", "mayn't", "mightn't", "couldn't"})
# Auxiliaries that open a verb group, hedging or not ("that can make", "and will replace").
AUXILIARIES = MODALS | {"can", "cannot", "will"}
_CAN = cues.pattern("can")
_SPECULATION = cues.pattern("speculation")
# Reporting verbs that frame a finding ("our data suggest that ..."): claim rules may be told to look past them.
_REPORTING = cues.pattern("reporting")
# Certainty or concession that happens to contain a cue: "no doubt", "regardless of whether".
_NOT_SPECULATION = cues.pattern("certainty")
# Before a claim: "help", approximators and a condition with no comma before the claim.
_QUALIFIERS = cues.pattern("help", "approximator")
_QUALIFIERS_BUT_HELP = cues.pattern("can help", "approximator")
_CONDITION = cues.pattern("condition", after="[^,]*$")
# After a claim: approximators of frequency and scope.
_APPROXIMATOR_AFTER = cues.pattern("approximator", scopes=("around",))
# After a claim, what follows these words says something else: ", thereby preventing", ", which is".
_LATER_CLAUSE = frozenset({"thereby", "which", "while"})
# Words after a frequency adverb that keep it qualifying the claim before it: "usually within a week".
_PREPOSITIONS_AFTER = frozenset("in within at on for after before during by among when from".split())


def _speculates(text: str, can_is_hedge: bool, reporting_verbs: bool = True) -> bool:
    if can_is_hedge and _CAN.search(text) or reporting_verbs and _REPORTING.search(text):
        return True
    certain = [match.span() for match in _NOT_SPECULATION.finditer(text)]
    return any(not any(start <= cue.start() < end for start, end in certain) for cue in _SPECULATION.finditer(text))


def hedge_before(tokens, index: int, can_is_hedge: bool = False, reporting_verbs: bool = True,
                 help_hedges: bool = True) -> bool:
    """Is the token at `index` of the sentence `tokens` governed by a hedge cue before it in its clause?
    `can_is_hedge` counts a bare "can"; `reporting_verbs=False` looks past "suggest"/"indicate" frames;
    `help_hedges=False` looks past a bare "help" ("helps fight cancer"), but not "can help"."""
    start = _main_clause(tokens, clauses.start(tokens, index, "claim"), index)
    if start >= index:
        return False
    sentence = words(tokens)
    prefix = sentence.between(start, index)
    # Qualifiers may end in the claim's own first word: "can help with" is hedged by "can help".
    qualifiers = _QUALIFIERS if help_hedges else _QUALIFIERS_BUT_HELP
    qualified = qualifiers.search(sentence.between(start, index + 1)) is not None or _CONDITION.search(prefix)
    return _speculates(prefix, can_is_hedge, reporting_verbs) or bool(qualified) \
        or disowned(sentence.between(clauses.start(tokens, index, "disowning"), index))


def _main_clause(tokens, start: int, index: int) -> int:
    """Where the main clause begins when a fronted condition opens the clause at `start`: a hedge inside
    the condition ("If you would like other care, there are options that are effective") qualifies the
    condition, not the claim after its comma. A condition may list several ("If you are over 50, overweight, or may
    have prediabetes, ..."): it ends at the comma after the last one that "and" or "or" adds. Otherwise it ends at
    its first comma, and later commas separate the main clause's own coordinated predicates ("As exercise, running
    can ease stress, lift mood, and relieve ..."), as they do when the claim itself is the last of a list."""
    if start >= index or tokens[start].lower_ not in clauses.CONDITIONS:
        return start
    commas = [p for p in range(start + 1, index) if tokens[p].text == ","]
    if not commas:
        return start
    added = [p for p in commas if tokens[p + 1].lower_ in ("and", "or")]
    after = [p for p in commas if added and p > added[-1]]
    return (after[0] if after else commas[0]) + 1


def qualified_after(tokens, index: int) -> bool:
    """Does an approximator follow the claim at `index` in its clause ("... in some patients")?"""
    end = next((p for p in range(index + 1, len(tokens)) if _ends_claim(tokens, p)), len(tokens))
    span = words(tokens).between(index + 1, end)
    return any(not _modifies_next_word(span, match) for match in _APPROXIMATOR_AFTER.finditer(span))


def _modifies_next_word(span: str, match) -> bool:
    """A frequency adverb right before a word other than a preposition qualifies that word, not the claim:
    "reduced symptoms and was generally safe" (but "eases pain, usually within an hour")."""
    if " " in match.group(0):
        return False  # a scope phrase: "in some patients"
    after = span[match.end() :].split(maxsplit=1)
    return bool(after) and after[0].isalpha() and after[0].lower() not in _PREPOSITIONS_AFTER


def _ends_claim(tokens, position: int) -> bool:
    """Where the clause of a claim ends, looking forward ("but" keeps it: "kills most germs, but not all")."""
    lower = words(tokens).lower
    word = lower[position]
    if word == "but":
        return False
    if word in ("and", "or") and position + 1 < len(lower) and lower[position + 1] in AUXILIARIES:
        return True  # a second predicate: "treats ADHD and can replace medication for some people"
    after_comma = position > 0 and lower[position - 1] == ","
    return clauses.ends(tokens, position, "claim") or after_comma and word in _LATER_CLAUSE


def has_hedge(text: str, can_is_hedge: bool = False) -> bool:
    """Does the text contain any speculation cue? (sentence-level detection)"""
    return _speculates(text, can_is_hedge)
