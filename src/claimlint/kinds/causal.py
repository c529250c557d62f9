"""causal-claim: a sentence asserting a direct causal effect with no hedge and no citation.

Without a tagger, a verb's reading comes from its form and neighbours:
- "-s" forms are verbs unless a determiner precedes them or "of"/"in" follows ("causes of");
- base forms need a subject-like word before them (not a determiner, preposition or the start of
  the sentence, which would make an imperative: "Reduce salt");
- "-ed" forms are past-tense verbs after a subject-like word, passives with an agent ("is caused
  by"), or perfects ("has improved"); after a determiner, preposition or conjunction they are
  adjectives ("associated with increased risk", "improved insulin sensitivity");
- single-word verbs must take an object: "symptoms improve over time" describes, "X improves
  symptoms" claims. Verbs with a particle ("lead to") carry their own complement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimlint.evidence.citations import has_citation
from claimlint.evidence.hedges import hedge_before
from claimlint.evidence.negation import negated
from claimlint.kinds.base import Hit, Kind, Spec

_IRREGULAR = {
    "lead": ("leads", "led", "leading"),
    "give": ("gives", "gave", "giving", "given"),
    "drive": ("drives", "drove", "driving", "driven"),
    "make": ("makes", "made", "making"),
    "take": ("takes", "took", "taking", "taken"),
    "break": ("breaks", "broke", "breaking", "broken"),
}
_VOWELS = "aeiou"

DETERMINERS = frozenset(
    "a an the this these those its their his her our your my some any each every no such "
    "another other many much more most several few both all either".split()
)
PREPOSITIONS = frozenset(
    "of in on at by for with from to into onto over under about after before during between among "
    "through throughout across against within without since until upon via per than as like around "
    "toward towards despite".split()
)
CONJUNCTIONS = frozenset("and or but nor so yet if when while because although though whereas".split())
_BE = frozenset("is are was were be been being 's am".split())
_HAVE = frozenset("has have had 've".split())
# Verbs that take a noun-phrase object: a participle after them modifies that object
# ("benefits include improved sleep", "the trial showed reduced pain").
_OBJECT_VERBS = frozenset(
    "include includes included including offer offers offered provide provides provided bring brings brought "
    "show shows showed see sees saw seen notice noticed experience experienced report reported reports get gets "
    "got enjoy enjoys mean means meant had having need needs want wants expect expects find finds found "
    "observe observed demonstrate demonstrates demonstrated".split()
)
_INFINITIVE_CLAIMS = frozenset("shown proven proved known found demonstrated reported able help helps helped".split())
_HELP = frozenset({"help", "helps", "helped"})
_ADVERB_SKIP = frozenset("also further even still often directly actually really just only itself themselves "
                         "not n't did does do".split())
_DEFINITE_RELATIVE = frozenset({"that", "which"})
_CONSEQUENCE = frozenset({"thereby", "thus", "by"})


def inflect(lemma: str) -> dict[str, str]:
    """Word forms of a regular (or listed irregular) English verb: form -> 'base'|'s'|'ed'|'ing'."""
    if lemma in _IRREGULAR:
        forms = _IRREGULAR[lemma]
        result = {lemma: "base", forms[0]: "s", forms[1]: "ed", forms[2]: "ing"}
        if len(forms) > 3:
            result[forms[3]] = "ed"
        return result
    cvc = (len(lemma) <= 4 and len(lemma) >= 3 and lemma[-1] not in _VOWELS + "wxy"
           and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS)
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past, gerund = lemma + "d", (lemma[:-1] if not lemma.endswith("ee") else lemma) + "ing"
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        past, gerund = lemma[:-1] + "ied", lemma + "ing"
    elif cvc:
        past, gerund = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    else:
        past, gerund = lemma + "ed", lemma + "ing"
    return {lemma: "base", third: "s", past: "ed", gerund: "ing"}


@dataclass(frozen=True)
class _Verb:
    form: str  # base, s, ed or ing
    particle: tuple[str, ...]  # words that must follow ("to" in "lead to")


class CausalClaim(Kind):
    name = "causal-claim"
    fields = {
        "verbs": Spec(list, required=True, help="lemmas of direct causal verbs, optionally with a particle"),
        "phrases": Spec(list, default=[], help="regexes for non-verbal causal expressions"),
    }
    options = {
        "can_is_hedge": Spec(bool, default=False, help="treat 'can' ('can cause') as a hedge"),
        "flag_negated": Spec(bool, default=True, help="flag negated claims ('does not cause') too"),
    }

    def __init__(self, fields: dict, options: dict):
        super().__init__(fields, options)
        self.verbs: dict[str, list[_Verb]] = {}
        for entry in fields["verbs"]:
            head, *particle = entry.lower().split()
            for form, kind in inflect(head).items():
                self.verbs.setdefault(form, []).append(_Verb(kind, tuple(particle)))
        self.phrases = re.compile("|".join(fields["phrases"]), re.IGNORECASE) if fields["phrases"] else None
        words = "|".join(sorted(map(re.escape, self.verbs), key=len, reverse=True))
        extra = "|" + "|".join(f"(?:{p})" for p in fields["phrases"]) if fields["phrases"] else ""
        self.trigger = re.compile(rf"\b(?:{words}){extra}\b", re.IGNORECASE)

    def check_sentence(self, sentence):
        text = sentence.text.rstrip()
        if text.endswith("?") or has_citation(text, sentence.evidence):
            return
        tokens = sentence.tokens
        for index, length in self._candidates(tokens):
            if hedge_before(tokens, index, self.option["can_is_hedge"]):
                return  # a hedge earlier in the sentence governs every later claim in it
            if negated(tokens, index) and not self.option["flag_negated"]:
                continue
            start = tokens[index].idx - tokens.start_char
            last = tokens[index + length - 1]
            yield Hit(sentence.start + start, sentence.start + last.idx + len(last.text) - tokens.start_char)
            return  # one finding per sentence: the first claim is the one to fix

    def _candidates(self, tokens):
        """(token index, token count) of each causal expression, in order."""
        phrase_starts = {}
        if self.phrases:
            base = tokens.start_char
            for match in self.phrases.finditer(tokens.text):
                first = next((t for t in tokens if t.idx - base >= match.start()), None)
                inside = [t for t in tokens if match.start() <= t.idx - base < match.end()]
                if first is not None and inside:
                    phrase_starts[first.i - tokens.start] = len(inside)
        for index, token in enumerate(tokens):
            if index in phrase_starts:
                yield index, phrase_starts[index]
                continue
            for verb in self.verbs.get(token.lower_, ()):
                length = self._verbal(tokens, index, verb)
                if length:
                    yield index, length
                    break

    def _verbal(self, tokens, index: int, verb: _Verb) -> int:
        """Token count of the expression when the word at `index` reads as a causal verb, else 0."""
        n = len(tokens)
        if verb.particle:
            words = [t.lower_ for t in tokens[index + 1 : index + 1 + len(verb.particle)]]
            if tuple(words) != verb.particle:
                return 0
        next_index = index + 1 + len(verb.particle)
        while next_index < n and (tokens[next_index].is_space or tokens[next_index].lower_.endswith("ly")
                                  and tokens[next_index].lower_ != "only"):
            next_index += 1  # "increased significantly during": look past adverbs for the object
        following = tokens[next_index].lower_ if next_index < n else ""
        previous_index = index - 1
        while previous_index >= 0 and (tokens[previous_index].lower_ in _ADVERB_SKIP or tokens[previous_index].is_space
                                        or tokens[previous_index].lower_.endswith("ly")):
            previous_index -= 1
        previous = tokens[previous_index] if previous_index >= 0 else None
        before = previous.lower_ if previous is not None else ""
        takes_object = bool(verb.particle) or (following and following not in PREPOSITIONS
                                               and not _is_punct(following) and following not in CONJUNCTIONS)
        if previous is not None and before in DETERMINERS or previous is not None and previous.like_num:
            return 0  # "the cause", "a reduced dose", "2 increases"
        if verb.particle:  # "led to", "resulted in": the particle makes the reading verbal
            verbal = previous is not None and (verb.form != "ing" or before in _CONSEQUENCE)
            return 1 + len(verb.particle) if verbal else 0
        if previous is None:
            return 0  # sentence-initial: an imperative ("Reduce salt") or a noun phrase ("Improved sleep")
        if before in _DEFINITE_RELATIVE and self._defines(tokens, previous_index):
            return 0
        # After a conjunction or comma a word may be a coordinated verb or an adjective
        # ("and reduced fatigue"); a determiner after it settles it as a verb ("and reduced the risk").
        coordinated = before in CONJUNCTIONS or _is_punct(before)
        verb_before_determiner = following in DETERMINERS and following != "no"
        if verb.form == "s":
            ok = following not in ("of", "in") and takes_object
        elif verb.form == "base":
            if before == "to":
                ok = previous_index > 0 and tokens[previous_index - 1].lower_ in _INFINITIVE_CLAIMS and takes_object
            elif before in _BE or before in _HAVE or before in _OBJECT_VERBS:
                ok = False  # a comparative: "patients have lower scores", "is lower"
            elif coordinated:
                ok = verb_before_determiner
            else:
                ok = (before in _HELP or before not in PREPOSITIONS) and takes_object
        elif verb.form == "ed":
            if before in _OBJECT_VERBS or before in _HAVE:
                ok = False  # "showed reduced pain", "patients have increased risk"
            elif before in _BE:
                ok = self._agent_follows(tokens, index)
            elif coordinated:
                ok = verb_before_determiner
            else:
                ok = before not in PREPOSITIONS and takes_object
        else:  # "-ing": a consequence or mechanism clause ("thereby improving", "by lowering")
            ok = before in _CONSEQUENCE and takes_object
        return 1 + len(verb.particle) if ok else 0

    @staticmethod
    def _agent_follows(tokens, index: int) -> bool:
        """A passive with its cause named: "is caused by stress" (not "reduced by 30%")."""
        for position in range(index + 1, min(index + 4, len(tokens) - 1)):
            if tokens[position].lower_ == "by":
                return not tokens[position + 1].like_num
        return False

    @staticmethod
    def _defines(tokens, relative_index: int) -> bool:
        """'a disease that causes pain': a relative clause describing an indefinite noun."""
        window = tokens[max(0, relative_index - 4) : relative_index]
        return any(t.lower_ in ("a", "an") for t in window)


def _is_punct(word: str) -> bool:
    return bool(word) and not any(ch.isalnum() for ch in word)
