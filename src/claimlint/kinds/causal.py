"""causal-claim: a sentence asserting a direct causal effect with no hedge and no citation.

Without a tagger, a verb's reading comes from its form and neighbours:
- a word right after a determiner or number, or right before a finite verb ("influences were",
  "the benefit suggests"), is a noun; a capitalised word inside a sentence that is not in title
  case is a name ("our Gut Calm capsules");
- a word right after a past participle or a finite causal verb modifies an object, since two finite
  verbs never stand side by side ("identified increased markers", "causes blocked pores"); "helped
  reduce" is the exception;
- "-s" forms are verbs unless "of"/"in" follows ("causes of"); after "this" they have a pronoun
  subject ("This leads to ...");
- base forms need a subject-like word before them (not a preposition or the start of the sentence,
  which would make an imperative: "Reduce salt"); after "to" they are infinitives, which claim
  only after a verb of showing or ability ("shown to reduce", "found the drug to reduce") or an
  efficacy adjective ("is essential to lower"), never as a purpose ("needed to reduce"); a base form
  coordinated with such an infinitive shares its reading;
- "-ed" forms are past-tense verbs after a subject-like word, passives with an agent ("is caused
  by"), or perfects with an object ("has reduced the risk"); after a determiner, preposition or
  conjunction, or before "risk" or a noun and a copula, they are adjectives ("associated with
  increased risk", "improved insulin sensitivity", "increased BMI is ..."), unless the rule lists
  the verb as one whose participle never modifies a noun ("and caused fewer attacks") or the
  conjunction follows a predicate adjective ("was safe and reduced pain");
- "-ing" forms claim in a consequence clause ("thereby improving", ", leading to") or as the
  complement of an efficacy adjective ("effective in reducing", "critical to preventing");
- single-word verbs must take an object: "symptoms improve over time" describes, "X improves
  symptoms" claims, and a prevalence verb with a count ("affects 1 in 4 adults") counts people.
  Verbs with a particle ("lead to", "contributes significantly to") carry their own complement.
- verb phrases ("keeps colds away", "makes reflux worse") carry their complement too, but their
  leading verb is read like any other, so instructions and definitions pass;
- a verb in a relative clause describes its noun rather than claiming: after "who" ("runners who
  increase their mileage"), after an indefinite noun ("a disease that causes pain") and in a heading
  ("Foods that fight inflammation").
A claim inside quotation marks is mentioned, not made.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from claimlint.evidence import clauses
from claimlint.evidence.hedges import AUXILIARIES, MODALS, hedge_before, qualified_after
from claimlint.evidence.negation import negated_span
from claimlint.evidence.quotes import quoted
from claimlint import rewrites
from claimlint.fixes import prose_fix
from claimlint.inflection import IRREGULAR_PAST, inflect, lemma_of
from claimlint.kinds.base import Hit, Kind, NamedPattern, Spec, WordTrigger, compile_patterns
from claimlint.kinds.token_patterns import Family


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
# Words that only a finite verb can be: a causal word right before one heads the subject.
_FINITE = _BE | _HAVE | MODALS | frozenset("will can cannot must do does did include includes suggest suggests "
                                           "indicate indicates appear appears seem seems".split())
# Verbs that take a noun-phrase object: a participle after them modifies that object
# ("benefits include improved sleep", "the trial showed reduced pain").
_OBJECT_VERBS = frozenset(
    "include includes included including offer offers offered provide provides provided bring brings brought "
    "show shows showed see sees saw seen notice noticed experience experienced report reported reports get gets "
    "got enjoy enjoys mean means meant had having need needs want wants expect expects find finds found "
    "observe observed demonstrate demonstrates demonstrated".split()
)
_INFINITIVE_CLAIMS = frozenset("shown proven proved known found demonstrated reported able help helps helped".split())
# Predicates whose "in/at/for/to + -ing" complement asserts an effect: "effective in reducing".
_EFFICACY = frozenset("effective efficacious successful efficient useful helpful beneficial instrumental "
                      "critical crucial essential vital key important central fundamental "
                      "great good excellent ideal perfect wonderful".split())
_EFFICACY_LINKS = frozenset({"in", "at", "for", "to"})
# "increased risk" is the correlational adjective; the verb takes a determiner ("increases the risk").
_RISK = frozenset("risk risks odds likelihood chance chances".split())
# Verbs that take an object and an infinitive: "found the drug to reduce pain".
_FINDING = frozenset("find finds found show shows showed shown demonstrated reported".split())
_ADJECTIVE_ENDINGS = ("ble", "ive", "ous", "ful", "ent", "ant", "ic", "al", "ed")
_HELP = frozenset({"help", "helps", "helped"})
# Degree adjectives: a word after one is a noun ("higher impact sports", "big benefits"), never a verb.
_DEGREE = frozenset("high higher highest low lowest great greater greatest big bigger small smaller".split())
# The writer's own experience: a first-person subject in the claim's clause, or a first-person object
# right after the verb ("We have found that ...", "CBD changed my life"): an anecdote, not a claim.
_FIRST_PERSON = re.compile(
    r"(?-i:\bI\b)|\bwe(?:\s+have|['’]ve)?\s+(?:\w+ly\s+)?(?:found|noticed|tried|felt|seen|experienced|discovered)\b"
    r"|\bmy\s+(?:opinion|view|experience|belief|guess|feeling)\b", re.IGNORECASE)
_FIRST_PERSON_OBJECTS = frozenset("me my myself".split())
_TIME_ADVERBS = frozenset("later again too soon now today overnight instead afterwards".split())
_APPROXIMATE = frozenset("up to roughly about around nearly almost approximately over more than an estimated".split())
_COUNTS = frozenset("millions thousands hundreds billions half".split())
_ADVERB_SKIP = frozenset("also further even still often directly actually really just only itself themselves "
                         "not n't did does do".split())
_DEFINITE_RELATIVE = frozenset({"that", "which"})
# Do-support and negation between a subject and a plain verb: "HIIT does not burn".
_DO_SUPPORT = frozenset({"do", "does", "did", "not", "never"})
# Words before a plain present-tense verb that are not singular nouns: pronouns and plurals without "-s".
_NOT_SINGULAR_NOUNS = frozenset("i you we they who to not never also often only just then please people children "
                                "men women mice feet teeth data bacteria media criteria fungi folk police cattle "
                                "what".split())
_RELATIVE = _DEFINITE_RELATIVE | {"who"}
_CONSEQUENCE = frozenset({"thereby", "thus", "by"})
_FUTURE = frozenset({"will", "'ll", "wo"})  # "will get better" ("is going to get better" too)
# Quantities after "by" measure a change ("reduced by half"); anything else names an agent.
_LABEL_WORDS = 7  # a label is a short noun phrase: a longer item is a sentence
_QUANTITY = frozenset("approximately about around nearly almost roughly half up".split())


@dataclass(frozen=True)
class _Verb:
    form: str  # base, s, ed or ing
    particle: tuple[str, ...]  # words that must follow ("to" in "lead to")
    lemma: str


@dataclass(frozen=True)
class _Context:
    """The words around a candidate verb, adverbs skipped."""

    previous_index: int  # -1 at the start of the sentence
    before: str  # the previous word, lower-cased ("" at the start)
    next_index: int
    following: str  # the next word after any particle, lower-cased ("" at the end)
    complement_known: bool = False  # a verb phrase matched its complement: "keeps colds away"


class CausalClaim(Kind):
    name = "causal-claim"
    fields = {
        "verbs": Spec(list, required=True, help="lemmas of direct causal verbs, optionally with a particle"),
        "phrases": Spec(list, default=[], help="non-verbal causal expressions, each a bare regex or named: {name, "
                        "description, regex} or {name, description, tokens, unless, examples} with spaCy Matcher "
                        "token patterns"),
        "verb_phrases": Spec(list, default=[], help="causal expressions led by a verb ('keeps colds away'), given as "
                             "`phrases` are; the leading verb is read like a listed verb, so instructions ('keep "
                             "tablets away from children') and definitions pass"),
        "verbal_participles": Spec(list, default=[], help="lemmas whose '-ed' form never modifies a noun "
                                   "('caused', 'promoted'): read as a verb where others may be adjectives"),
        "prevalence_verbs": Spec(list, default=[], help="lemmas that state prevalence, not cause, when their "
                                 "object is a count ('affects 1 in 4 adults')"),
        "change_verbs": Spec(list, default=[], help="intransitive change-of-state verbs, optionally with a particle "
                             "('rise', 'get better'): their subject is what changes, so they claim an effect only "
                             "as the consequent of a fronted condition ('If you sit all day, HDL falls') or in a "
                             "heading or list item ('- Insulin sensitivity plunges')"),
        "structure_function_words": Spec(list, default=[], help="object qualifiers of structure/function wording "
                                         "('supports normal immune function'), which is not a causal claim"),
        "general_objects": Spec(list, default=[], help="nouns for health in general: an effect on them as the head "
                                "of the object ('has a direct effect on your health') names no outcome a source "
                                "could back, so it is no causal claim"),
        "benefit_objects": Spec(list, default=[], help="regexes ({term} lists allowed) for what a curative verb acts "
                                "on when, opening a heading or list item, it labels a benefit: no reader can be told "
                                "to 'cure a cold' as they are told to 'reduce salt' ('## Cure A Cold', '7. Reduce "
                                "Heartburn')"),
        "benefit_nouns": Spec(list, default=[], help="nouns naming a benefit over a disease or symptom, which make "
                              "a numbered heading or a short list item that is only such a noun phrase a benefit "
                              "label ('9. Natural Diabetes Fighter', '- Relief from joint pain', '3. Less back pain')"),
        "terms": Spec(dict, default={}, help="named lists of regexes usable as {name} in benefit_objects"),
    }
    pattern_fields = token_pattern_fields = ("phrases", "verb_phrases")
    options = {
        "can_is_hedge": Spec(bool, default=True, help="treat a bare 'can' ('can cause') as a hedge, as the policy does; "
                             "false flags it ('can help' is always a hedge)"),
        "reporting_verbs_hedge": Spec(bool, default=True, help="treat a 'suggest'/'indicate' frame ('our data "
                                      "suggest that X reduces Y') as a hedge of the claim it frames"),
        "flag_negated": Spec(bool, default=True, help="flag negated claims ('does not cause') too"),
        "scope": Spec(str, default="sentence", choices=("sentence", "paragraph"),
                      help="where a citation must stand to source the claim"),
    }

    def __init__(self, fields: dict, options: dict):
        super().__init__(fields, options)
        self.verbs: dict[str, list[_Verb]] = {}
        self.verbal_participles = {lemma.lower() for lemma in fields["verbal_participles"]}
        self.prevalence_verbs = {lemma.lower() for lemma in fields["prevalence_verbs"]}
        self.structure_function = {word.lower() for word in fields["structure_function_words"]}
        self.general_objects = {word.lower() for word in fields["general_objects"]}
        self.benefit_objects = compile_patterns(fields["benefit_objects"], fields["terms"]) \
            if fields["benefit_objects"] else None
        self.verbs = _verb_forms(fields["verbs"])
        self.change_verbs = _verb_forms(fields["change_verbs"])
        self.phrases = Family([NamedPattern.of(entry, tokens=True) for entry in fields["phrases"]], _EXCLUSIONS)
        self.verb_phrases = Family([NamedPattern.of(entry, tokens=True) for entry in fields["verb_phrases"]],
                                   _EXCLUSIONS)
        self.benefit_label = _benefit_label(fields["benefit_nouns"], fields["benefit_objects"], fields["terms"])
        self.trigger = WordTrigger(self.verbs.keys() | self.change_verbs.keys() | set(fields["benefit_nouns"])
                                   | ({"less", "fewer", "reduced"} if self.benefit_label else set()),
                                   _phrase_trigger([self.phrases, self.verb_phrases]))

    def named_patterns(self):
        return [(f"{family} {entry.name}", entry) for family, patterns in (("phrase", self.phrases),
                                                                          ("verb phrase", self.verb_phrases))
                for entry in patterns.entries if entry.name]

    def check_sentence(self, sentence):
        if sentence.is_question or sentence.cited(self.option["scope"]):
            return
        tokens = sentence.tokens
        kind = sentence.segment.kind
        opening = sentence.start == 0
        lead = sentence.segment.text[: sentence.start]
        if kind in ("heading", "list_item") and not lead.strip(" \t.:#)0123456789"):  # after any number ("9.")
            label = self._label(sentence.text, numbered=kind == "list_item" or bool(lead.strip()) or _numbered(tokens))
            if label:
                yield Hit(sentence.start + label[0], sentence.start + label[1], pattern="benefit label")
                return
        for index, length, pattern, verb in self._candidates(tokens, kind == "heading",
                                                       opening and kind in ("heading", "list_item"),
                                                       kind in ("heading", "list_item")):
            if quoted(sentence.text, tokens[index].idx - tokens.start_char):
                continue  # a claim in quotation marks is mentioned, not made: 'the myth that "sugar causes ADHD"'
            hedged = hedge_before(tokens, index, self.option["can_is_hedge"], self.option["reporting_verbs_hedge"])
            if hedged or qualified_after(tokens, index):
                continue  # hedged or qualified in its own clause
            if (not self.option["flag_negated"] or kind == "heading") and negated_span(tokens, index, index + length):
                continue  # a denial; in a heading, the title of a debunking ("HIIT does not burn more calories")
            start = tokens[index].idx - tokens.start_char
            last = tokens[index + length - 1]
            yield Hit(sentence.start + start, sentence.start + last.idx + len(last.text) - tokens.start_char,
                      pattern=pattern, fixes=_hedge_fix(sentence, index, verb, pattern))
            return  # one finding per sentence: the first claim is the one to fix

    def _candidates(self, tokens, heading: bool, listing: bool, item: bool):
        """(token index, token count, pattern, verb reading or None) of each causal expression, in order: the pattern is "verb
        <lemma>", "change <lemma>", or "phrase"/"verb phrase" with the entry's name. In a heading, a relative clause
        describes the title's noun ("Foods that fight inflammation"), and a heading with no finite verb is a
        title whose noun phrases claim nothing ("The benefits of swimming for stiff joints")."""
        title = heading and not any(token.lower_ in _FINITE for token in tokens)
        phrase_starts = {} if title else {i: (n, _label("phrase", entry)) for i, n, entry in self.phrases.spans(tokens)
                                          if not _writer_speaks(tokens, i) and not self._general_object(tokens, i + n)}
        for index, length, entry in self.verb_phrases.spans(tokens):
            if self._verbal(tokens, index, _phrase_verb(tokens[index].lower_), heading, phrase=True) \
                    and not self._structure_function(tokens, index + length):
                phrase_starts.setdefault(index, (length, _label("verb phrase", entry)))
        for index, token in enumerate(tokens):
            if index in phrase_starts:
                yield index, *phrase_starts[index], None
                continue
            for verb in self.verbs.get(token.lower_, ()):
                length = self._verbal(tokens, index, verb, heading, listing=listing)
                if length:
                    yield index, length, f"verb {' '.join((verb.lemma, *verb.particle))}", verb
                    break
            else:
                for verb in self.change_verbs.get(token.lower_, ()):
                    length = _change_of_state(tokens, index, verb, item)
                    if length:
                        yield index, length, f"change {' '.join((verb.lemma, *verb.particle))}", verb
                        break

    def _verbal(self, tokens, index: int, verb: _Verb, heading: bool = False, phrase: bool = False,
                listing: bool = False) -> int:
        """Token count of the expression when the word at `index` reads as a causal verb, else 0.
        For the verb that leads a matched verb phrase (`phrase`), the phrase supplies its complement;
        `listing` is a heading or list item, whose claims may leave their subject unstated."""
        reach = _particle_reach(tokens, index, verb.particle)
        if reach is None:
            return 0
        context = _context(tokens, index, reach, phrase)
        if _nominal(tokens, index, context, verb):
            return 0
        if _finite_verb(self.verbs.get(context.before, ())) and context.before not in _HELP:
            return 0  # a modifier of the object of the verb before it: "causes blocked pores"
        if verb.lemma in self.prevalence_verbs and _count_follows(tokens, context.next_index):
            return 0  # prevalence: "affects 1 in 4 adults"
        if self._structure_function(tokens, context.next_index):
            return 0  # structure/function wording: "contributes to normal immune function"
        relative = _relative_pronoun(tokens, context.previous_index)
        if relative >= 0 and (tokens[relative].lower_ == "who" or heading or _defines(tokens, relative)
                              or _fragment(tokens, relative, index)):
            return 0  # describes its noun: "Runners who increase their mileage", "a disease that causes pain"
        if _embedded_question(tokens, context) or _first_person(tokens, index, context):
            return 0  # an embedded question ("what foods worsen it") or the writer's own experience
        if verb.particle:  # "led to", "resulted in": the particle makes the reading verbal
            if context.before == "to":  # an infinitive: "structures that exist to protect against disease"
                return 1 + reach if _infinitive_claims(tokens, context.previous_index) else 0
            verbal = context.previous_index >= 0 and (
                verb.form != "ing" or context.before in _CONSEQUENCE or context.before == ",")
            return 1 + reach if verbal else 0
        if context.previous_index < 0 or listing and _enumeration(tokens[:index]):
            # A heading or list item opening with an "-s" verb has the product as its unstated subject
            # ("## Lowers Cholesterol", "- Fights infections"); other openings are imperatives ("Reduce
            # salt") or noun phrases ("Improved sleep").
            # A base form there is an instruction ("- Reduce salt"), unless what it acts on is a disease or
            # symptom, which no reader can be told to act on directly: a benefit label ("7. Reduce Heartburn").
            if not listing or not _takes_object(context):
                return 0
            return 1 if verb.form == "s" and _s_form(tokens, index, context) or verb.form == "base" \
                and self._benefit_object(tokens, context.next_index) else 0
        if verb.form == "ed":
            adjectival = verb.lemma not in self.verbal_participles
            return 1 if _ed_form(tokens, index, context, adjectival) else 0
        reading = {"s": _s_form, "base": _base_form, "ing": _ing_form}[verb.form]
        return 1 if reading(tokens, index, context) else 0

    def _label(self, text: str, numbered: bool) -> tuple[int, int] | None:
        """The span of a benefit label that is the whole heading or list item, if it is one."""
        if self.benefit_label is None or not numbered or len(text.split()) > _LABEL_WORDS:
            return None
        if not self.benefit_label.search(text):
            return None
        start = next(i for i, c in enumerate(text) if c.isalpha())
        return start, len(text.rstrip(" \t.!:*_"))

    def _benefit_object(self, tokens, position: int) -> bool:
        """Does a disease or symptom stand at `position`, maybe after a determiner and modifiers ("A Cold",
        "leaky gut syndrome", "joint and knee pain")?"""
        return self.benefit_objects is not None and \
            self.benefit_objects.search(tokens[position : position + 6].text) is not None

    def _general_object(self, tokens, end: int) -> bool:
        """Does a phrase ending before `end` act on structure/function wording or on health in general ("has a
        direct effect on your health", "are detrimental to human health", "critical for living a healthy life")?
        Its object follows a closing preposition or verb, or a preposition right after it."""
        last = tokens[end - 1].lower_
        if last in PREPOSITIONS or last.endswith("ing"):
            return self._structure_function(tokens, end)
        return end < len(tokens) and tokens[end].lower_ in PREPOSITIONS and self._structure_function(tokens, end + 1)

    def _structure_function(self, tokens, position: int) -> bool:
        """Does the object starting at `position` carry a structure/function qualifier, maybe after a
        determiner or another adjective ("supports a calm, natural bedtime routine", "a sense of calm")?"""
        for offset, token in enumerate(tokens[position : position + 5]):
            word = token.lower_
            if word in self.structure_function:
                return True
            if word in self.general_objects and _heads_phrase(tokens, position + offset):
                return True  # "your health", but not "the health of your gut" or "a mental health crisis"
            if word == "of" and offset and tokens[position + offset - 1].lower_ in ("sense", "feeling"):
                continue
            if word in PREPOSITIONS or word in CONJUNCTIONS and word != "and" or _is_punct(word) and word != ",":
                return False
        return False


def _benefit_label(nouns: list[str], objects: list[str], terms: dict) -> re.Pattern | None:
    """A noun phrase naming a benefit over a disease or symptom, after any number: "Migraine Prevention",
    "Natural Diabetes Fighter", "Relief from Joint Pain", "Less Back Pain"."""
    if not nouns or not objects:
        return None
    noun, target = f"(?:{'|'.join(nouns)})", f"(?:{'|'.join(objects)})"
    number, words = r"^\W*(?:\d+\W+)?", r"(?:[\w'’&-]+\s+){0,3}?"
    return compile_patterns([rf"{number}{words}{target}\s+{noun}\W*$",
                             rf"{number}{noun}\s+(?:for|from|against|of)\s+{words}{target}\W*$",
                             rf"{number}(?:less|fewer|reduced)\s+{words}{target}\W*$"], terms)


def _heads_phrase(tokens, position: int) -> bool:
    """Is the noun at `position` the head of its noun phrase: last before its end, a conjunction or a
    preposition other than "of"?"""
    if position + 1 >= len(tokens):
        return True
    after = tokens[position + 1].lower_
    return _is_punct(after) or after in CONJUNCTIONS or after in PREPOSITIONS and after != "of"


def _numbered(tokens) -> bool:
    """Does the heading open with a number ("### 3: Less Back Pain", "9. Cold Fighter")?"""
    first = next((token for token in tokens if not token.is_punct and not token.is_space), None)
    return first is not None and first.like_num


def _verb_forms(entries: list[str]) -> dict[str, list[_Verb]]:
    """Each word form of the listed verbs ("lead to": "leads", "led", ...) with its readings."""
    forms: dict[str, list[_Verb]] = {}
    for entry in entries:
        head, *particle = entry.lower().split()
        for form, kind in inflect(head).items():
            forms.setdefault(form, []).append(_Verb(kind, tuple(particle), head))
    return forms


def _hedge_fix(sentence, index: int, verb: _Verb | None, pattern: str) -> tuple:
    """The claim at token `index` hedged with "may", as a fix (none where no hedge is honest)."""
    tokens = sentence.tokens
    if verb is not None:
        edit = rewrites.hedge(tokens, index, verb.form, verb.lemma)
    elif pattern.startswith("verb phrase"):
        reading = _phrase_verb(tokens[index].lower_)
        lemma = lemma_of(tokens[index].lower_) if reading.form == "s" else reading.lemma
        edit = rewrites.hedge(tokens, index, reading.form, lemma) if lemma else None
    else:
        edit = rewrites.hedge_copula(tokens, index)
    if edit is None:
        return ()
    start, end, text = edit
    shift = sentence.start - tokens.start_char
    original = sentence.segment.text[start + shift : end + shift]
    # Interned: a run keeps its findings, and most hedges repeat ("worsens" -> "may worsen").
    fix = prose_fix(sentence.segment, sys.intern(f'Hedge the claim: "{original}" -> "{text}"'),
                    [(start + shift, end + shift, sys.intern(text))])
    return (fix,) if fix else ()


def _change_of_state(tokens, index: int, verb: _Verb, item: bool) -> int:
    """Token count of an intransitive change of state that states an effect, else 0: the predicate of a
    clause whose subject is what changes, as the consequent of a fronted condition ("When we fast, our
    stomach shrinks", "If you change your diet, your mood will get better") or in a heading or list item
    ("- HDL falls and LDL climbs"). Without such a frame it describes ("Blood pressure rises with age")."""
    reach = _particle_reach(tokens, index, verb.particle)
    if reach is None:
        return 0
    context = _context(tokens, index, reach)
    before = context.before
    going = _skip_back(tokens, context.previous_index - 1)
    future = before in _FUTURE or before == "to" and going >= 0 and tokens[going].lower_ == "going"
    if context.previous_index < 0 or before in DETERMINERS or before in _RELATIVE \
            or before in PREPOSITIONS and not future:
        return 0  # an imperative, a noun ("the rise in"), or a description ("levels that fall")
    if verb.form == "base" and not (future or item and not _is_punct(before) and before not in _BE):
        return 0
    if verb.form == "ing" or verb.form == "ed" and (before in _BE or before in _HAVE and not verb.particle):
        return 0  # "rising levels", "are gone", "has fallen" (a report of the past, not an effect)
    following = context.following
    if following in ("of", "in") or not verb.particle and following not in ("", ",", ".", ";", "and", "but") \
            and following not in PREPOSITIONS and not _is_adverb(tokens, context.next_index):
        return 0  # a noun ("drops in vials", "a rise of") or a verb with an object ("grow vegetables")
    if _subordinate(tokens, index) or _first_person(tokens, index, context) \
            or any(token.lower_ == "my" for token in tokens[:index]):
        return 0  # the condition itself ("when the sun rises") or the writer's own story ("my spells got worse")
    return 1 + reach if item or _consequent(tokens, index) else 0


def _subordinate(tokens, index: int) -> bool:
    """Does the word stand in a condition or time clause ("After the sun goes down, ...")?"""
    return any(t.lower_ in clauses.CONDITIONS for t in tokens[clauses.start(tokens, index, "condition") : index])


def _consequent(tokens, index: int) -> bool:
    """Does the word stand in the main clause after a fronted condition or time clause ("If ..., ",
    "When ..., ", "As ..., ")?"""
    first = next((t for t in tokens if t.is_alpha), None)
    if first is None or first.lower_ not in clauses.CONDITIONS:
        return False
    return any(token.text == "," for token in tokens[first.i - tokens.start : index])


def _phrase_trigger(families) -> re.Pattern:
    """What every phrase match holds: the regex entries themselves, and the anchor words of token patterns
    (any text at all when a token pattern has none)."""
    anchors = set()
    for family in families:
        words = family.anchors()
        if words is None:
            return re.compile("")
        anchors |= words
    regexes = [entry.regex for family in families for entry in family.entries if entry.regex]
    if anchors:
        regexes.append(rf"\b(?:{'|'.join(sorted(map(re.escape, anchors)))})\b")
    return re.compile("|".join(regexes) or "(?!)", re.IGNORECASE)


def _label(family: str, entry: NamedPattern) -> str:
    """A finding's `pattern`: "phrase" or "verb phrase", with the entry's name when it has one."""
    return f"{family} {entry.name}" if entry.name else family


def _perfect(tokens, start: int, end: int) -> bool:
    """ "has reduced effects", "have been shown": a perfect auxiliary, not a verb of having."""
    after = next((t for t in tokens[start + 1 : end] if not t.is_space), None)
    return tokens[start].lower_ in ("has", "have", "had", "having") and after is not None \
        and (after.lower_ in ("been", "seen", "shown") or re.fullmatch(r"\w+ed", after.lower_) is not None)


def _infinitive(tokens, start: int, end: int) -> bool:
    """ "to show the effects of": the object of an aim, not a finding."""
    return start > 0 and tokens[start - 1].lower_ == "to" and tokens[start - 1].whitespace_ == " "


# Exclusions a named pattern may list in `unless`.
_EXCLUSIONS = {"perfect": _perfect, "infinitive": _infinitive}


def _phrase_verb(word: str) -> _Verb:
    """The reading of the verb that leads a verb phrase, from its form alone."""
    if word in IRREGULAR_PAST:
        return _Verb("ed", (), IRREGULAR_PAST[word])
    for suffix, form in (("ing", "ing"), ("ed", "ed"), ("s", "s")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return _Verb(form, (), word)
    return _Verb("base", (), word)


def _particle_reach(tokens, index: int, particle: tuple[str, ...]) -> int | None:
    """Tokens from the verb to the end of its particle, adverbs included ("contributes significantly to")."""
    if not particle:
        return 0
    start = index + 1
    while start < len(tokens) and (_is_adverb(tokens, start) or tokens[start].lower_ in ("more", "less")):
        start += 1
    words = tuple(t.lower_ for t in tokens[start : start + len(particle)])
    return start - index - 1 + len(particle) if words == particle else None


def _context(tokens, index: int, particle_length: int, complement_known: bool = False) -> _Context:
    n = len(tokens)
    next_index = index + 1 + particle_length
    while next_index < n and (tokens[next_index].is_space or _is_adverb(tokens, next_index)):
        next_index += 1  # "increased significantly during": look past adverbs for the object
    previous_index = _skip_back(tokens, index - 1)
    return _Context(previous_index, tokens[previous_index].lower_ if previous_index >= 0 else "",
                    next_index, tokens[next_index].lower_ if next_index < n else "", complement_known)


def _is_adverb(tokens, position: int) -> bool:
    """An "-ly" or time adverb, or "more"/"less" before one or before "than" ("decreased more rapidly")."""
    word = tokens[position].lower_
    if word in ("more", "less", "most"):
        after = tokens[position + 1].lower_ if position + 1 < len(tokens) else ""
        return after.endswith("ly") or after == "than"
    return word.endswith("ly") and word != "only" or word in _TIME_ADVERBS


def _first_person(tokens, index: int, context: _Context) -> bool:
    """Does the writer report their own experience: "I" earlier in the sentence, "we" with a verb of
    experience ("We have found that a small meal makes us feel worse"), an opinion of theirs ("my view
    that"), or a first-person object ("CBD changed my life")? Generic "we" ("when we fast") still claims."""
    return context.following in _FIRST_PERSON_OBJECTS or _writer_speaks(tokens, index)


def _writer_speaks(tokens, index: int) -> bool:
    """Is the claim at `index` framed as the writer's own experience or opinion ("I", "we have found",
    "my opinion that") in its clause?"""
    return _FIRST_PERSON.search(tokens[clauses.start(tokens, index, "speaker") : index].text) is not None


def _enumeration(tokens) -> bool:
    """Are these words only a heading's or item's number ("2:", "#3 -", "Step 4.")?"""
    return any(t.like_num for t in tokens) and all(t.like_num or t.is_punct or t.lower_ == "step" for t in tokens)


def _embedded_question(tokens, context: _Context) -> bool:
    """Does a wh-phrase stand as the verb's subject ("what worsens it", "what foods worsen it")?"""
    position = context.previous_index
    return context.before == "what" or position > 0 and tokens[position].is_alpha \
        and tokens[position - 1].lower_ in ("what", "which")


def _count_follows(tokens, position: int) -> bool:
    """Does a count of people start here ("1 in 4", "up to 80%", "roughly 30 million")?"""
    for token in tokens[position : position + 3]:
        if token.like_num or token.lower_ in _COUNTS:
            return True
        if token.lower_ not in _APPROXIMATE:
            return False
    return False


def _skip_back(tokens, position: int) -> int:
    """The nearest word at or before `position` that is not an adverb, a space or a parenthesis."""
    while position >= 0:
        word = tokens[position].lower_
        if word == ")":
            depth = 0
            while position >= 0:  # jump to the matching "("
                depth += {")": 1, "(": -1}.get(tokens[position].text, 0)
                position -= 1
                if depth == 0:
                    break
        elif word in _ADVERB_SKIP or tokens[position].is_space or word.endswith("ly"):
            position -= 1
        else:
            break
    return position


def _nominal(tokens, index: int, context: _Context, verb: _Verb) -> bool:
    """Does the word read as a noun, adjective or name whatever its form?"""
    before = context.before
    if before == "this" and _pronoun_subject(tokens, index, context, verb):
        return False
    if before in _DEGREE:
        return True  # a noun after a degree adjective: "higher impact sports", "two big benefits"
    if context.previous_index >= 0:
        previous = tokens[context.previous_index]
        determiner = before in DETERMINERS and tokens[index - 1].text != ")"  # not "(or more) reduced"
        if determiner or previous.like_num and not _pronoun_one(tokens, context.previous_index):
            return True  # "the cause", "a reduced dose", "2 increases" (not "this one fights")
        if _participle(before) and before not in _HELP and (verb.form != "s" or verb.particle):
            return True  # "identified increased markers" (but "staying hydrated prevents stones")
    if not verb.particle and (context.following in _FINITE or _relative_follows(tokens, context)):
        return True  # "external influences were", "the benefit suggests", "delays that could ..."
    return _is_name(tokens, index)


def _relative_pronoun(tokens, position: int) -> int:
    """Index of the relative pronoun that opens the verb's clause ("that", "which", "who", maybe then a
    modal: "that can make"), else -1."""
    if position >= 0 and tokens[position].lower_ in AUXILIARIES:
        position = _skip_back(tokens, position - 1)
    return position if position >= 0 and tokens[position].lower_ in _RELATIVE else -1


def _relative_follows(tokens, context: _Context) -> bool:
    """A relative clause opens after the word: "that"/"which" then a finite verb."""
    after = context.next_index + 1
    return context.following in _DEFINITE_RELATIVE and after < len(tokens) and tokens[after].lower_ in _FINITE


def _pronoun_subject(tokens, index: int, context: _Context, verb: _Verb) -> bool:
    """After "this", a verb form that no noun takes: "This leads to", "This led to", "this did not reduce"."""
    if verb.form == "s" or verb.form == "ed" and verb.particle:
        return True
    auxiliary = context.previous_index < index - 1  # "did", "does not" stood between
    return auxiliary and verb.form == "base"


def _pronoun_one(tokens, position: int) -> bool:
    """ "one" as a pronoun ("meals like this one", "each one"), not a count."""
    return tokens[position].lower_ == "one" and position > 0 and tokens[position - 1].lower_ in DETERMINERS


def _finite_verb(readings) -> bool:
    return any(reading.form in ("s", "ed") and not reading.particle for reading in readings)


def _participle(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")


def _is_name(tokens, index: int) -> bool:
    """A capitalised word inside a sentence that is not in title case ("our Gut Calm capsules")."""
    if index == 0 or not tokens[index].text[:1].isupper():
        return False
    words = [t.text for t in tokens if t.is_alpha and len(t.text) > 3]
    return sum(w[:1].isupper() for w in words) * 2 < len(words)


def _takes_object(context: _Context) -> bool:
    if context.complement_known:
        return True
    following = context.following
    return bool(following) and following not in PREPOSITIONS and not _is_punct(following) \
        and following not in CONJUNCTIONS


def _coordinated(context: _Context) -> bool:
    """After a conjunction or comma a word may be a coordinated verb or an adjective ("and reduced fatigue")."""
    return context.before in CONJUNCTIONS or _is_punct(context.before)


def _verb_before_determiner(context: _Context) -> bool:
    """A determiner after a coordinated word settles it as a verb ("and reduced the risk")."""
    return context.following in DETERMINERS and context.following != "no"


def _s_form(tokens, index: int, context: _Context) -> bool:
    return context.following not in ("of", "in") and _takes_object(context)


def _base_form(tokens, index: int, context: _Context) -> bool:
    before = context.before
    if before == "to":
        claims = _infinitive_claims(tokens, context.previous_index) or _efficacy_purpose(tokens, context.previous_index)
        return claims and _takes_object(context)
    if before in _BE or before in _HAVE or before in _OBJECT_VERBS:
        return False  # a comparative: "patients have lower scores", "is lower"
    if before in ("please", "then"):
        return False  # an imperative: "please treat it with care", "then lower it slowly"
    if _modifies_subject(tokens, context) or _singular_noun(tokens, context.previous_index, index):
        return False  # "increased BMI is ...", or no agreement with a singular noun: "nerve block evaluation"
    if _coordinated(context):
        infinitive = _governing_infinitive(tokens, context.previous_index)
        if infinitive >= 0:  # "to increase X and reduce the risk": the same infinitive
            return _infinitive_claims(tokens, infinitive) and _takes_object(context)
        return _verb_before_determiner(context)
    if before in _HELP:  # "helps reduce", but not the purpose "added to help protect enamel"
        help_before = _skip_back(tokens, context.previous_index - 1)
        if help_before >= 0 and tokens[help_before].lower_ == "to":
            return _infinitive_claims(tokens, help_before) and _takes_object(context)
        return _takes_object(context)
    return before not in PREPOSITIONS and _takes_object(context)


def _ed_form(tokens, index: int, context: _Context, adjectival: bool) -> bool:
    before = context.before
    if not adjectival and (before in _HAVE or _coordinated(context)):
        return _takes_object(context)  # "has promoted changes", "and caused reductions"
    if before in _HAVE:
        return _verb_before_determiner(context)  # a perfect: "has reduced the risk", not "have increased risk"
    if before in _OBJECT_VERBS:
        return False  # "showed reduced pain"
    if before in _BE:
        return _agent_follows(tokens, index) and not _infinitive_passive(tokens, context.previous_index)
    if _risk_follows(tokens, context) or _modifies_subject(tokens, context):
        return False
    if _coordinated(context):
        return _verb_before_determiner(context) or (
            before == "and" and _predicate_conjunct(tokens, context.previous_index) and _takes_object(context))
    return before not in PREPOSITIONS and _takes_object(context)


def _singular_noun(tokens, position: int, index: int) -> bool:
    """Is the word at `position` a singular noun heading the sentence's opening noun phrase, which the plain
    present-tense verb at `index` cannot agree with? Then that word is a noun too ("Diagnostic nerve block
    evaluation", "Sugar spike after lunch"), not the verb ("Oats lower cholesterol", "HIIT does not burn").
    A noun inside a prepositional phrase or a coordination is not the head ("Screens before bed delay")."""
    if position < 0 or any(t.lower_ in _DO_SUPPORT or t.lower_.endswith("n't") for t in tokens[position + 1 : index]):
        return False
    word = tokens[position].lower_
    if not _content_word(tokens, position) or word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return False
    start = position - 1
    while start >= 0 and (_content_word(tokens, start) or tokens[start].text == "-" or tokens[start].like_num):
        start -= 1  # the noun's modifiers: "Diagnostic nerve", "Post-workout immune", "3-day juice"
    if start >= 0 and tokens[start].lower_ in DETERMINERS:
        start -= 1
    return start < 0 or tokens[start].text in (":", "(", "\"")


def _content_word(tokens, position: int) -> bool:
    word = tokens[position].lower_
    return tokens[position].is_alpha and not (
        word in _NOT_SINGULAR_NOUNS or word in AUXILIARIES or word in _FINITE or word in DETERMINERS
        or word in PREPOSITIONS or word in CONJUNCTIONS or word in _RELATIVE or word in _HELP)


def _predicate_conjunct(tokens, conjunction_index: int) -> bool:
    """ "was feasible and improved care": the first conjunct is a predicate adjective, so this one is a verb."""
    position = _skip_back(tokens, conjunction_index - 1)
    if position < 0 or not tokens[position].lower_.endswith(_ADJECTIVE_ENDINGS):
        return False
    for earlier in range(position - 1, max(-1, position - 5), -1):
        word = tokens[earlier].lower_
        if word in _BE:
            return True
        if word in DETERMINERS or word in PREPOSITIONS:
            return False
    return False


def _ing_form(tokens, index: int, context: _Context) -> bool:
    """A consequence or mechanism clause ("thereby improving", "by lowering") or an efficacy complement."""
    consequence = context.before in _CONSEQUENCE
    return (consequence or _efficacy_complement(tokens, context)) and _takes_object(context)


def _efficacy_complement(tokens, context: _Context) -> bool:
    """ "effective in reducing", "is critical to preventing": the -ing form states what X achieves."""
    if context.before not in _EFFICACY_LINKS:
        return False
    governor = _skip_back(tokens, context.previous_index - 1)
    return governor >= 0 and tokens[governor].lower_ in _EFFICACY


def _efficacy_purpose(tokens, to_index: int) -> bool:
    """ "Fibre is essential to lower cholesterol" claims; "It is essential to lower salt" advises."""
    governor = _skip_back(tokens, to_index - 1)
    if governor < 0 or tokens[governor].lower_ not in _EFFICACY:
        return False
    copula = _skip_back(tokens, governor - 1)
    return copula > 0 and tokens[copula].lower_ in _BE and tokens[copula - 1].lower_ != "it"


def _risk_follows(tokens, context: _Context) -> bool:
    """ "increased risk", "increased cancer risk": the correlational adjective (the verb takes "the risk")."""
    words = [t.lower_ for t in tokens[context.next_index : context.next_index + 2]]
    return bool(words) and (words[0] in _RISK or words[0] not in DETERMINERS and words[-1] in _RISK)


def _modifies_subject(tokens, context: _Context) -> bool:
    """ "increased BMI is ...": a modifier of the subject, not a verb taking an object."""
    after_object = context.next_index + 1
    return after_object < len(tokens) and tokens[after_object].lower_ in _BE


def _infinitive_claims(tokens, to_index: int) -> bool:
    """Does the "to" at `to_index` follow a verb of showing or ability ("shown to", "able to"), maybe with
    its object between ("found the drug to reduce", not "found it hard to reduce")?"""
    governor = _skip_back(tokens, to_index - 1)
    if governor >= 0 and tokens[governor].lower_ in _INFINITIVE_CLAIMS:
        return True
    for position in range(governor - 1, max(-1, governor - 4), -1):
        word = tokens[position].lower_
        if word in _FINDING:
            return True
        if not tokens[position].is_alpha or word == "it" or word in PREPOSITIONS or word in _BE:
            return False
    return False


def _infinitive_passive(tokens, be_index: int) -> bool:
    """A passive infinitive that claims nothing: "needs to be strengthened by" (not "shown to be caused by")."""
    if tokens[be_index].lower_ != "be" or be_index == 0 or tokens[be_index - 1].lower_ != "to":
        return False
    return not _infinitive_claims(tokens, be_index - 1)


def _governing_infinitive(tokens, conjunction_index: int, reach: int = 15) -> int:
    """Index of the infinitival "to" of the first conjunct before a coordinated verb, else -1."""
    for position in range(conjunction_index - 1, max(-1, conjunction_index - reach), -1):
        if clauses.ends(tokens, position, "conjunct"):
            return -1
        if tokens[position].lower_ == "to" and position + 1 < len(tokens):
            after = tokens[position + 1]
            if after.lower_ not in DETERMINERS and not after.like_num and not _is_punct(after.lower_):
                return position
    return -1


def _agent_follows(tokens, index: int) -> bool:
    """A passive with its cause named: "is caused by stress" (not "reduced by 30%" or "by half")."""
    for position in range(index + 1, min(index + 4, len(tokens) - 1)):
        if tokens[position].lower_ == "by":
            after = tokens[position + 1]
            return not after.like_num and after.lower_ not in _QUANTITY
    return False


def _defines(tokens, relative_index: int) -> bool:
    """A relative clause describing an indefinite noun: 'a disease that causes pain', 'any drug that lowers
    it', 'Statins are medicines that lower cholesterol' (a bare plural right after a copula), not 'were key
    factors that affected it'."""
    start = max(0, relative_index - 6)
    for position in range(relative_index - 1, start - 1, -1):
        if tokens[position].lower_ in ("a", "an", "any", "other"):
            # Not after a verb that asserts something of it: "Chia forms a gel that slows digestion".
            before = tokens[position - 1].lower_ if position else ""
            return before in _BE or not (before.endswith(("s", "ed")) and before.isalpha() and len(before) > 3)
    return relative_index >= 2 and tokens[relative_index - 2].lower_ in _BE and tokens[relative_index - 1].is_alpha


def _fragment(tokens, relative_index: int, verb_index: int) -> bool:
    """A noun phrase with a relative clause and no main verb, as in a list item: "Medicines that shrink
    swollen blood vessels." (not "Foods that fight inflammation include berries")."""
    head = [t for t in tokens[:relative_index] if t.is_alpha]
    return len(head) <= 3 and not any(t.lower_ in _FINITE for t in head) and \
        not any(t.lower_ in _FINITE for t in tokens[verb_index + 1 :])


def _is_punct(word: str) -> bool:
    return bool(word) and not any(ch.isalnum() for ch in word)
