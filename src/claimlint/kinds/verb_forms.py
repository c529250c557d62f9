"""How a listed verb's word form reads in its sentence, without a tagger: `reading`, asked by the causal
kind once none of its named exclusions (causal.VERB_EXCLUSIONS) rules the word out, and the predicates
those exclusions ask. A verb's reading comes from its form and neighbours:
- a word right after a determiner or number, or right before a finite verb ("influences were",
  "the benefit suggests") or a participle and a preposition ("benefits observed in trials"), is a noun; a capitalised word inside a sentence that is not in title
  case is a name ("our Gut Calm capsules");
- a word right after a past participle or a finite causal verb modifies an object, since two finite
  verbs never stand side by side ("identified increased markers", "causes blocked pores"); "helped
  reduce" is the exception;
- "-s" forms are verbs unless "of"/"in" follows ("causes of"); after "this" they have a pronoun
  subject ("This leads to ...");
- base forms need a subject-like word before them (not a preposition or the start of the sentence,
  which would make an imperative: "Reduce salt", nor a comma closing a fronted condition or adverbial:
  "If possible, raise your legs", "In the morning, lower the blinds"); after "to" they are infinitives, which claim
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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimlint.evidence import clauses
from claimlint.evidence.hedges import AUXILIARIES, MODALS
from claimlint.inflection import IRREGULAR_PAST, inflect
from claimlint.nlp import words

DETERMINERS = frozenset(
    "a an the this these those its their his her our your my some any each every no such "
    "another other many much more most several few both all either numerous various multiple countless".split()
)


PREPOSITIONS = frozenset(
    "of in on at by for with from to into onto over under about after before during between among "
    "through throughout across against within without since until upon via per than as like around "
    "toward towards despite versus vs".split()
)


CONJUNCTIONS = frozenset("and or but nor so yet if when while because although though whereas".split())


_BE = frozenset("is are was were be been being 's am".split())


_HAVE = frozenset("has have had 've".split())


# Words that only a finite verb can be: a causal word right before one heads the subject.
FINITE = _BE | _HAVE | MODALS | frozenset("will can cannot must do does did include includes suggest suggests "
                                           "indicate indicates appear appears seem seems".split())


# Verbs that take a noun-phrase object: a participle after them modifies that object
# ("benefits include improved sleep", "the trial showed reduced pain").
_OBJECT_VERBS = frozenset(
    "include includes included including offer offers offered provide provides provided bring brings brought "
    "show shows showed see sees saw seen notice noticed experience experienced report reported reports get gets "
    "got enjoy enjoys mean means meant had having need needs want wants expect expects find finds found "
    "observe observed demonstrate demonstrates demonstrated".split()
)


_INFINITIVE_CLAIMS = frozenset("shown proven proved known found demonstrated reported able help helps helped helping".split())


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
# The same without "-ed", which ends participles as often as adjectives.
_ADJECTIVE_ENDINGS_NOT_PARTICIPLE = tuple(ending for ending in _ADJECTIVE_ENDINGS if ending != "ed")


HELP = frozenset({"help", "helps", "helped", "helping"})


# Degree adjectives: a word after one is a noun ("higher impact sports", "big benefits"), never a verb.
_DEGREE = frozenset("high higher highest low lowest great greater greatest big bigger small smaller".split())


# The writer's own experience: a first-person subject in the claim's clause, or a first-person object
# right after the verb ("We have found that ...", "CBD changed my life"): an anecdote, not a claim.
_FIRST_PERSON = re.compile(
    r"(?-i:\bI\b)|\bwe(?:\s+have|['’]ve)?\s+(?:\w+ly\s+)?(?:found|noticed|tried|felt|seen|experienced|discovered)\b"
    r"|\bmy\s+(?:opinion|view|experience|belief|guess|feeling)\b", re.IGNORECASE)


_FIRST_PERSON_OBJECTS = frozenset("me my myself".split())


_TIME_ADVERBS = frozenset("later again too soon now today overnight instead afterwards".split())


_APPROXIMATE = frozenset("up to roughly about around nearly almost approximately over more than an estimated virtually "
                         "practically pretty much".split())


# A label: up to four words with no determiner, then a colon or a dash ("Liver health:", "Artery protection -").
_LABEL = re.compile(r"\W*(?!(?:the|a|an|this|that|these|those|my|your|our|his|her|their|its)\b)"
                    r"(?:[\w'’&/-]+\s+){0,3}[\w'’&/-]+\W*?\s*[:–—-]\s*$", re.IGNORECASE)


_COUNTS = frozenset("millions thousands hundreds billions half everyone everybody".split())


_ADVERB_SKIP = frozenset("also further even still often directly actually really just only itself themselves "
                         "not n't did does do".split())


_DEFINITE_RELATIVE = frozenset({"that", "which"})


# Do-support and negation between a subject and a plain verb: "HIIT does not burn".
_DO_SUPPORT = frozenset({"do", "does", "did", "not", "never"})


# Words before a plain present-tense verb that are not singular nouns: pronouns and plurals without "-s".
_NOT_SINGULAR_NOUNS = frozenset("i you we they who to not never also often only just then please people children "
                                "men women mice feet teeth data bacteria media criteria fungi folk police cattle "
                                "what".split())


RELATIVE = _DEFINITE_RELATIVE | {"who"}
_SUBJECT_PRONOUNS = frozenset("i you we they he she it".split())


_CONSEQUENCE = frozenset({"thereby", "thus", "by"})
# Regions of a body named by "lower" ("lower back pain"), which then is no verb.
_BODY_REGIONS = frozenset({"back", "abdomen", "abdominal", "belly", "leg", "legs", "limb", "limbs", "jaw", "lip",
                           "spine", "torso", "extremities"})


_FUTURE = frozenset({"will", "'ll", "wo"})  # "will get better" ("is going to get better" too)


# Quantities after "by" measure a change ("reduced by half"); anything else names an agent.
_QUANTITY = frozenset("approximately about around nearly almost roughly half up".split())


@dataclass(frozen=True)
class Verb:
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


def verb_forms(entries: list[str]) -> dict[str, list[Verb]]:
    """Each word form of the listed verbs ("lead to": "leads", "led", ...) with its readings."""
    forms: dict[str, list[Verb]] = {}
    for entry in entries:
        head, *particle = entry.lower().split()
        for form, kind in inflect(head).items():
            forms.setdefault(form, []).append(Verb(kind, tuple(particle), head))
    return forms


def change_of_state(tokens, index: int, verb: Verb, item: bool) -> int:
    """Token count of an intransitive change of state that states an effect, else 0: the predicate of a
    clause whose subject is what changes, as the consequent of a fronted condition ("When we fast, our
    stomach shrinks", "If you change your diet, your mood will get better") or in a heading or list item
    ("- HDL falls and LDL climbs"). Without such a frame it describes ("Blood pressure rises with age")."""
    reach = particle_reach(tokens, index, verb.particle)
    if reach is None:
        return 0
    context = read_context(tokens, index, reach)
    before = context.before
    going = _skip_back(tokens, context.previous_index - 1)
    future = before in _FUTURE or before == "to" and going >= 0 and tokens[going].lower_ == "going"
    if context.previous_index < 0 or before in DETERMINERS or before in RELATIVE \
            or before in PREPOSITIONS and not future:
        return 0  # an imperative, a noun ("the rise in"), or a description ("levels that fall")
    if verb.form == "base" and not (future or item and not is_punct(before) and before not in _BE):
        return 0
    if verb.form == "base" and not future and before.endswith(_ADJECTIVE_ENDINGS_NOT_PARTICIPLE):
        return 0  # a noun after an adjective: "- Cognitive decline", "a sharp drop" is no verb with a subject
    if verb.form == "ing" or verb.form == "ed" and (before in _BE or before in _HAVE and not verb.particle):
        return 0  # "rising levels", "are gone", "has fallen" (a report of the past, not an effect)
    following = context.following
    if following in ("of", "in") or not verb.particle and following not in ("", ",", ".", ";", "and", "but") \
            and following not in PREPOSITIONS and not _is_adverb(tokens, context.next_index):
        return 0  # a noun ("drops in vials", "a rise of") or a verb with an object ("grow vegetables")
    if _subordinate(tokens, index) or first_person(tokens, index, context) \
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


def phrase_verb(word: str) -> Verb:
    """The reading of the verb that leads a verb phrase, from its form alone."""
    if word in IRREGULAR_PAST:
        return Verb("ed", (), IRREGULAR_PAST[word])
    for suffix, form in (("ing", "ing"), ("ed", "ed"), ("s", "s")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return Verb(form, (), word)
    return Verb("base", (), word)


def particle_reach(tokens, index: int, particle: tuple[str, ...]) -> int | None:
    """Tokens from the verb to the end of its particle, adverbs included ("contributes significantly to")."""
    if not particle:
        return 0
    start = index + 1
    while start < len(tokens) and (_is_adverb(tokens, start) or tokens[start].lower_ in ("more", "less")):
        start += 1
    words = tuple(t.lower_ for t in tokens[start : start + len(particle)])
    return start - index - 1 + len(particle) if words == particle else None


def read_context(tokens, index: int, particle_length: int, complement_known: bool = False) -> _Context:
    n = len(tokens)
    next_index = index + 1 + particle_length
    while next_index < n and (tokens[next_index].is_space or _is_adverb(tokens, next_index)):
        next_index += 1  # "increased significantly during": look past adverbs for the object
    previous_index = _skip_back(tokens, index - 1)
    # Two verbs sharing one object: "injure or desensitize your nerves" (a determiner opens the object after the second).
    shared = next_index + 2 < n and tokens[next_index].lower_ in ("and", "or") and tokens[next_index + 1].is_alpha \
        and tokens[next_index + 2].lower_ in DETERMINERS and tokens[next_index + 2].lower_ != "no"
    return _Context(previous_index, tokens[previous_index].lower_ if previous_index >= 0 else "",
                    next_index, tokens[next_index].lower_ if next_index < n else "", complement_known or shared)


def _is_adverb(tokens, position: int) -> bool:
    """An "-ly" or time adverb, or "more"/"less" before one or before "than" ("decreased more rapidly")."""
    word = tokens[position].lower_
    if word in ("more", "less", "most"):
        after = tokens[position + 1].lower_ if position + 1 < len(tokens) else ""
        return after.endswith("ly") or after == "than"
    return word.endswith("ly") and word != "only" or word in _TIME_ADVERBS


def first_person(tokens, index: int, context: _Context) -> bool:
    """Does the writer report their own experience: "I" earlier in the sentence, "we" with a verb of
    experience ("We have found that a small meal makes us feel worse"), an opinion of theirs ("my view
    that"), or a first-person object ("CBD changed my life")? Generic "we" ("when we fast") still claims."""
    return context.following in _FIRST_PERSON_OBJECTS or writer_speaks(tokens, index)


def writer_speaks(tokens, index: int) -> bool:
    """Is the claim at `index` framed as the writer's own experience or opinion ("I", "we have found",
    "my opinion that") in its clause?"""
    return _FIRST_PERSON.search(words(tokens).between(clauses.start(tokens, index, "speaker"), index)) is not None


def _enumeration(tokens) -> bool:
    """Are these words only a heading's or item's number ("2:", "#3 -", "Step 4.") or its label?"""
    return any(t.like_num for t in tokens) and all(t.like_num or t.is_punct or t.lower_ == "step" for t in tokens) \
        or item_label(tokens.text)


def item_label(text: str) -> bool:
    """Is this text a heading's or list item's label, a short noun phrase before a colon or a dash
    ("Neuroprotection -", "Alzheimer's prevention:"), after which a claim leaves its subject unstated?"""
    return _LABEL.match(text) is not None and not any(word in FINITE for word in text.lower().split())


def embedded_question(tokens, context: _Context) -> bool:
    """Does a wh-phrase stand as the verb's subject ("what worsens it", "what foods worsen it")?"""
    return wh_subject(tokens, context.previous_index)


def wh_subject(tokens, position: int) -> bool:
    """Is the word at `position`, just before a verb, a wh-phrase as its subject ("what", "which cream")?"""
    return position >= 0 and (tokens[position].lower_ == "what" or position > 0 and tokens[position].is_alpha
                               and tokens[position - 1].lower_ in ("what", "which"))


def count_follows(tokens, position: int) -> bool:
    """Does a count of people start here ("1 in 4", "up to 80%", "roughly 30 million", "nearly everyone")?"""
    for offset, token in enumerate(tokens[position : position + 3], position):
        if token.like_num or token.lower_ in _COUNTS:
            return offset + 1 >= len(tokens) or tokens[offset + 1].lower_ not in ("'s", "’s")  # not "everyone's liver"
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


def nominal(tokens, index: int, context: _Context, verb: Verb) -> bool:
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
        if _participle(before) and before not in HELP and (verb.form != "s" or verb.particle):
            return True  # "identified increased markers" (but "staying hydrated prevents stones")
        if verb.form == "s" and before in _OBJECT_VERBS and before not in FINITE:
            return True  # the object of a verb that takes one: "you see results in weeks", "get results"
    if not verb.particle and (context.following in FINITE or _relative_follows(tokens, context)):
        return True  # "external influences were", "the benefit suggests", "delays that could ..."
    if verb.form == "s" and not verb.particle and _reduced_relative_follows(tokens, context):
        return True  # a plural noun a participle describes: "Benefits Observed in Clinical Trials"
    if tokens[index].lower_ == "lower" and context.following in _BODY_REGIONS \
            and (context.previous_index < 0 or before in DETERMINERS or before in PREPOSITIONS):
        return True  # the region of a body: "- Lower back pain", "pain in the lower back" (not "stretches lower back pain")
    return _is_name(tokens, index)


def relative_pronoun(tokens, position: int) -> int:
    """Index of the relative pronoun that opens the verb's clause ("that", "which", "who", maybe then a
    modal: "that can make"), else -1."""
    if position >= 0 and tokens[position].lower_ in AUXILIARIES:
        position = _skip_back(tokens, position - 1)
    return position if position >= 0 and tokens[position].lower_ in RELATIVE else -1


def _relative_follows(tokens, context: _Context) -> bool:
    """A relative clause opens after the word: "that"/"which" then a finite verb ("delays that could"), or then a
    subject pronoun ("the benefits that I experienced"), which no causal verb's complement opens with."""
    after = context.next_index + 1
    return context.following in _DEFINITE_RELATIVE and after < len(tokens) \
        and (tokens[after].lower_ in FINITE or tokens[after].lower_ in _SUBJECT_PRONOUNS)


def _pronoun_subject(tokens, index: int, context: _Context, verb: Verb) -> bool:
    """After "this", a verb form that no noun takes: "This leads to", "This led to", "this did not reduce"."""
    if verb.form == "s" or verb.form == "ed" and verb.particle:
        return True
    auxiliary = context.previous_index < index - 1  # "did", "does not" stood between
    return auxiliary and verb.form == "base"


def _pronoun_one(tokens, position: int) -> bool:
    """ "one" as a pronoun ("meals like this one", "each one"), not a count."""
    return tokens[position].lower_ == "one" and position > 0 and tokens[position - 1].lower_ in DETERMINERS


def finite_verb(readings) -> bool:
    return any(reading.form in ("s", "ed") and not reading.particle for reading in readings)


def _reduced_relative_follows(tokens, context: _Context) -> bool:
    """A past participle and then a preposition follow the word ("benefits observed in trials", "causes linked to
    diet"): a reduced relative clause describing a noun, which no verb's object opens with."""
    after = context.next_index + 1
    return _participle(context.following) and after < len(tokens) and tokens[after].lower_ in PREPOSITIONS


def _participle(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")


def _is_name(tokens, index: int) -> bool:
    """A capitalised word inside a sentence that is not in title case ("our Gut Calm capsules"); after a colon
    or a dash it opens what follows ("Allergy relief: Reduces inflammation")."""
    if index == 0 or not tokens[index].text[:1].isupper() or tokens[index - 1].text in (":", "-", "–", "—"):
        return False
    words = [t.text for t in tokens if t.is_alpha and len(t.text) > 3]
    return sum(w[:1].isupper() for w in words) * 2 < len(words)


def _takes_object(context: _Context) -> bool:
    if context.complement_known:
        return True
    following = context.following
    return bool(following) and following not in PREPOSITIONS and not is_punct(following) \
        and following not in CONJUNCTIONS


def _coordinated(context: _Context) -> bool:
    """After a conjunction or comma a word may be a coordinated verb or an adjective ("and reduced fatigue")."""
    return context.before in CONJUNCTIONS or is_punct(context.before)


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
    if before in ("please", "then", ":", "-", "–", "—") \
            or before == "," and _closes_fronted_adverbial(tokens, context.previous_index):
        return False  # an imperative: "please treat it with care", "then lower it slowly", "If possible, raise it",
        # "Days 3-5: increase the vegetables"
    if _modifies_subject(tokens, context) or _singular_noun(tokens, context.previous_index, index):
        return False  # "increased BMI is ...", or no agreement with a singular noun: "nerve block evaluation"
    if _coordinated(context):
        infinitive = _governing_infinitive(tokens, context.previous_index)
        if infinitive >= 0:  # "to increase X and reduce the risk": the same infinitive
            return _infinitive_claims(tokens, infinitive) and _takes_object(context)
        helped = _helped_conjunct(tokens, context.previous_index)
        if helped >= 0:  # "helps prevent and fight cancer": the same "help"
            return _after_help(tokens, helped, context)
        return _verb_before_determiner(context) or _copular_conjunct(tokens, context.previous_index) \
            and _takes_object(context)
    if before in HELP:
        return _after_help(tokens, context.previous_index, context)
    return before not in PREPOSITIONS and _takes_object(context)


def _after_help(tokens, help_index: int, context: _Context) -> bool:
    """A base verb after "help" claims ("helps reduce"), but not in the purpose "added to help protect enamel"."""
    help_before = _skip_back(tokens, help_index - 1)
    if help_before >= 0 and tokens[help_before].lower_ == "to":
        return _infinitive_claims(tokens, help_before) and _takes_object(context)
    return _takes_object(context)


def _helped_conjunct(tokens, conjunction_index: int) -> int:
    """Index of the "help" before the first conjunct when a coordinated verb follows a bare verb after it ("helps
    prevent and fight cancer", "help treat or reduce acne"), else -1."""
    if tokens[conjunction_index].lower_ not in ("and", "or"):
        return -1
    verb = _skip_back(tokens, conjunction_index - 1)
    helper = _skip_back(tokens, verb - 1) if verb >= 0 else -1
    return helper if helper >= 0 and tokens[helper].lower_ in HELP and tokens[verb].is_alpha else -1


# Sentence adverbs and connectives that open a fronted adverbial ("Ideally,", "Or more accurately,").
_CONNECTIVES = frozenset("or and so then instead ideally also next finally first second third otherwise again".split())


def _closes_fronted_adverbial(tokens, comma: int) -> bool:
    """Is the comma at `comma` the first of a sentence that opens with a condition or time clause, a
    prepositional phrase or a sentence adverb ("If possible,", "When you can,", "In the morning,", "Or
    more accurately,")? A verb right after it has no subject: an imperative."""
    first = next((i for i, token in enumerate(tokens) if not is_punct(token.lower_)), None)
    if first is None or any(token.lower_ == "," for token in tokens[first:comma]):
        return False
    word = tokens[first].lower_
    return word in clauses.CONDITIONS or word in PREPOSITIONS or word in _CONNECTIVES or word.endswith("ly")


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
        word in _NOT_SINGULAR_NOUNS or word in AUXILIARIES or word in FINITE or word in DETERMINERS
        or word in PREPOSITIONS or word in CONJUNCTIONS or word in RELATIVE or word in HELP)


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


def _copular_conjunct(tokens, conjunction_index: int, reach: int = 6) -> bool:
    """Is the conjunct before "and" a plural copula's predicate ("Trans fats are inflammatory and raise LDL"), whose
    subject the base verb after it shares?"""
    if tokens[conjunction_index].lower_ != "and":
        return False
    for position in range(conjunction_index - 1, max(-1, conjunction_index - reach), -1):
        if clauses.ends(tokens, position, "conjunct"):
            return False
        if tokens[position].lower_ == "are":  # a present subject ("were ... and raise" shares none)
            return relative_pronoun(tokens, _skip_back(tokens, position - 1)) < 0  # not "women who are pregnant and"
    return False


def _governing_infinitive(tokens, conjunction_index: int, reach: int = 15) -> int:
    """Index of the infinitival "to" of the first conjunct before a coordinated verb, else -1."""
    for position in range(conjunction_index - 1, max(-1, conjunction_index - reach), -1):
        if clauses.ends(tokens, position, "conjunct"):
            return -1
        if tokens[position].lower_ == "to" and position + 1 < len(tokens):
            after = tokens[position + 1]
            if after.lower_ not in DETERMINERS and not after.like_num and not is_punct(after.lower_):
                return position
    return -1


def _agent_follows(tokens, index: int) -> bool:
    """A passive with its cause named: "is caused by stress" (not "reduced by 30%" or "by half")."""
    for position in range(index + 1, min(index + 4, len(tokens) - 1)):
        if tokens[position].lower_ == "by":
            after = tokens[position + 1]
            return not after.like_num and after.lower_ not in _QUANTITY
    return False


def defines(tokens, relative_index: int) -> bool:
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


def fragment(tokens, relative_index: int, verb_index: int, start: int = 0) -> bool:
    """A noun phrase from `start` with a relative clause and no main verb, as in a list item: "Medicines that
    shrink swollen blood vessels." (not "Foods that fight inflammation include berries"); from a label's colon,
    its determiners aside: "Cortisol: The stress hormone that raises blood sugar"."""
    head = [t for t in tokens[start:relative_index] if t.is_alpha and not (start and t.lower_ in DETERMINERS)]
    return len(head) <= 3 and not any(t.lower_ in FINITE for t in head) and \
        not any(t.lower_ in FINITE for t in tokens[verb_index + 1 :])


def is_punct(word: str) -> bool:
    return bool(word) and not any(ch.isalnum() for ch in word)


def reading(tokens, index: int, context: _Context, verb: Verb, reach: int, listing: bool, adjectival: bool,
            benefit_object) -> int:
    """Token count of the verb and its particle when its form reads here as a verb that claims, else 0.
    `listing`: a heading or list item, whose claims may leave their subject unstated; `adjectival`: the
    verb's "-ed" form may modify a noun; `benefit_object(tokens, position)`: does a disease or symptom
    stand there."""
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
            and benefit_object(tokens, context.next_index) else 0
    if verb.form == "ed":
        return 1 if _ed_form(tokens, index, context, adjectival) else 0
    form_reading = {"s": _s_form, "base": _base_form, "ing": _ing_form}[verb.form]
    return 1 if form_reading(tokens, index, context) else 0
