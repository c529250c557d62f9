"""causal-claim: a sentence asserting a direct causal effect with no hedge and no citation.

Candidates are, in order of their first word: the rule's named token patterns (`phrases`, `verb_phrases`:
token_patterns.py), its listed verbs and its change-of-state verbs. A listed verb claims when no named
exclusion rules it out (VERB_EXCLUSIONS: a noun, a modifier of an object, prevalence, structure/function
wording, a relative clause, an embedded question, the writer's own experience) and its form reads as a
finite verb with an object where it stands (verb_forms.py). A claim inside quotation marks is mentioned,
not made; one that a hedge, a qualifier or (in a heading) a negation governs is not flagged.
"""

from __future__ import annotations

import re
import sys

from claimlint import rewrites
from claimlint.evidence import clauses
from claimlint.evidence.hedges import has_hedge, hedge_before, qualified_after
from claimlint.evidence.negation import negated_span
from claimlint.evidence.quotes import quoted
from claimlint.fixes import prose_fix
from claimlint.inflection import lemma_of
from claimlint.kinds.base import Hit, Kind, NamedPattern, Spec, WordTrigger, compile_patterns
from claimlint.kinds.token_patterns import Family
from claimlint.kinds.verb_forms import (CONJUNCTIONS, FINITE, HELP, PREPOSITIONS, RELATIVE, Verb, change_of_state, count_follows,
                                        defines, embedded_question, finite_verb, first_person, fragment, is_punct, item_label,
                                        nominal, particle_reach, phrase_verb, reading, read_context, relative_pronoun,
                                        verb_forms, wh_subject, writer_speaks)
from claimlint.nlp import words


_LABEL_WORDS = 7  # a label is a short noun phrase: a longer item is a sentence
_SUBJECT_WORDS = 8  # how far back a subject is read: bounded, so a long sentence costs no more per verb
# Prepositions inside an object that still name what is acted on: "the risk of", "protect the body against".
_OBJECT_PREPOSITIONS = frozenset({"of", "against", "from"})
# Possessives of the people a disease belongs to ("manages his diabetes"); "your" addresses the reader a remedy is sold to.
_SUFFERERS_POSSESSIVE = frozenset({"his", "her", "their", "my"})
_CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?", "(", ")"})
_READER_AND_WRITER = frozenset({"you", "i", "we"})
# Words of decrease that make a benefit label of a disease or symptom after them: "- Less bloating", "* Decreased nausea".
_DECREASE = ("less", "fewer", "reduced", "decreased", "lowered", "diminished")
# Nouns of decrease that do so too in a list announced as benefits ("- Decrease in depression"); elsewhere they may
# name a topic ("- Reduction in screen time at night").
_DECREASE_NOUNS = ("decrease", "decreases", "reduction", "reductions")


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
        "disease_verbs": Spec(list, default=[], help="lemmas that claim an effect only on a disease or symptom, read "
                              "as the listed verbs are when one heads their object ('removes warts', 'feeds "
                              "inflammation'); 'remove the lid' and 'feed the family' pass"),
        "relation_verbs": Spec(list, default=[], help="lemmas of an unspecified effect ('affect', 'influence'): in the "
                               "positive present they state a relation and claim, as disease verbs do, only over a "
                               "disease or symptom ('Stress affects your mind' passes, 'Sugar affects acne' claims); "
                               "past, passive and denied forms report a finding and claim as listed verbs do ('was "
                               "affected by', 'did not alter')"),
        "sufferers": Spec(list, default=[], help="words for people who may live with a disease: as the subject of a "
                          "disease verb ('Patients manage their pain at home', 'He battles depression'), or a "
                          "possessive of one on its object ('manages his diabetes'), they cope with it, and no "
                          "remedy is claimed"),
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
        "harm_verbs": Spec(list, default=[], help="lemmas of verbs of harm: over a healthy or normal object they claim a "
                           "harm ('damages healthy cells', 'disrupts normal sleep'), not structure/function wording"),
        "training_subjects": Spec(list, default=[], help="words naming exercise: a clause about one whose training verb "
                                  "acts on a training object states well-established advice ('this stretch improves "
                                  "mobility')"),
        "training_verbs": Spec(list, default=[], help="verbs of training (lemmas): 'improve', 'strengthen'"),
        "training_objects": Spec(list, default=[], help="what exercise trains (muscles, strength, mobility, balance), as the "
                                 "head of the object: 'muscle soreness' is no training object"),
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
        self.verbs: dict[str, list[Verb]] = {}
        self.verbal_participles = {lemma.lower() for lemma in fields["verbal_participles"]}
        self.prevalence_verbs = {lemma.lower() for lemma in fields["prevalence_verbs"]}
        self.structure_function = {word.lower() for word in fields["structure_function_words"]}
        self.harm_verbs = {lemma.lower() for lemma in fields["harm_verbs"]}
        self.general_objects = {word.lower() for word in fields["general_objects"]}
        self.training_subjects = {word.lower() for word in fields["training_subjects"]}
        self.training_verbs = {word.lower() for word in fields["training_verbs"]}
        self.training_objects = {word.lower() for word in fields["training_objects"]}
        self.benefit_objects = compile_patterns(fields["benefit_objects"], fields["terms"]) \
            if fields["benefit_objects"] else None
        self.verbs = verb_forms(fields["verbs"] + fields["relation_verbs"])
        self.change_verbs = verb_forms(fields["change_verbs"])
        self.disease_verbs = verb_forms(fields["disease_verbs"] + fields["relation_verbs"])
        self.relation_verbs = {lemma.lower() for lemma in fields["relation_verbs"]}
        self.sufferers = {word.lower() for word in fields["sufferers"]}
        self.phrase_exclusions = {**PHRASE_EXCLUSIONS, "mild object": self._mild_object, "mild subject": self._mild_subject}
        self.phrases = Family([NamedPattern.of(entry, tokens=True) for entry in fields["phrases"]],
                              self.phrase_exclusions)
        self.verb_phrases = Family([NamedPattern.of(entry, tokens=True) for entry in fields["verb_phrases"]],
                                   self.phrase_exclusions)
        # Symptomatology, a disease causing its symptoms, is textbook medicine (VERB_EXCLUSIONS).
        known = {"disease", "symptom"} <= fields["terms"].keys()
        self.diseases = compile_patterns(["{disease}"], fields["terms"]) if known else None
        self.symptoms = compile_patterns(["{symptom}", "symptoms?", "signs?", "feelings?"], fields["terms"]) if known \
            else None
        self.benefit_label = _benefit_label(fields["benefit_nouns"], fields["benefit_objects"], fields["terms"])
        gerunds = [form for table in (self.verbs, self.disease_verbs) for form, readings in table.items()
                   if any(verb.form == "ing" and not verb.particle for verb in readings)]
        self.benefit_item = _benefit_item(fields["benefit_objects"], fields["terms"], gerunds)
        self.trigger = WordTrigger(self.verbs.keys() | self.change_verbs.keys() | self.disease_verbs.keys()
                                   | set(fields["benefit_nouns"])
                                   | (set(_DECREASE) | set(_DECREASE_NOUNS) if self.benefit_label else set()),
                                   *_phrase_trigger([self.phrases, self.verb_phrases], _anti_trigger(fields)))

    def named_patterns(self):
        return [(f"{family} {entry.name}", entry) for family, patterns in (("phrase", self.phrases),
                                                                          ("verb phrase", self.verb_phrases))
                for entry in patterns.entries if entry.name]

    def exclusions(self):
        return [(name, " ".join(excluded.__doc__.split())) for table in (VERB_EXCLUSIONS, self.phrase_exclusions)
                for name, excluded in table.items()]

    def check_sentence(self, sentence):
        asked = sentence.question_start
        if asked == 0 or sentence.cited(self.option["scope"]):
            return
        tokens = sentence.tokens
        kind = sentence.segment.kind
        lead = sentence.segment.text[: sentence.start]
        listed = kind in ("heading", "list_item")
        opening = sentence.start == 0 or listed and item_label(lead)  # "- **Allergy relief**: Reduces inflammation"
        if listed and not lead.strip(" \t.:#)0123456789"):  # after any number ("9.")
            label = self._label(sentence.text, numbered=kind == "list_item" or bool(lead.strip()) or _numbered(tokens),
                                announced=sentence.segment.lead == "benefits")
            if label:
                yield Hit(sentence.start + label[0], sentence.start + label[1], pattern="benefit label")
                return
        for index, length, pattern, verb in self._candidates(tokens, kind == "heading", opening and listed, listed):
            if quoted(sentence.text, tokens[index].idx - tokens.start_char):
                continue  # a claim in quotation marks is mentioned, not made: 'the myth that "sugar causes ADHD"'
            if asked is not None and tokens[index].idx - tokens.start_char >= asked:
                continue  # in the question a statement runs into
            # A bare "help" softens a mild claim, not one over a disease or symptom: "helps fight colds" (policy).
            hedged = hedge_before(tokens, index, self.option["can_is_hedge"], self.option["reporting_verbs_hedge"],
                                  help_hedges=not self._benefit_object(tokens, index + length))
            if hedged or qualified_after(tokens, index):
                continue  # hedged or qualified in its own clause
            if listed and self._hedged_explanation(tokens, index):
                continue  # "- **Boosts alertness**: Blue light can improve attention"
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
        title = heading and not any(token.lower_ in FINITE for token in tokens)
        phrase_starts = {} if title else {i: (n, _label("phrase", entry)) for i, n, entry in self.phrases.spans(tokens)
                                          if not writer_speaks(tokens, i) and not self._general_object(tokens, i + n)}
        for index, length, entry in self.verb_phrases.spans(tokens):
            if self._verbal(tokens, index, phrase_verb(tokens[index].lower_), heading, phrase=True) \
                    and not self._structure_function(tokens, index + length):
                phrase_starts.setdefault(index, (length, _label("verb phrase", entry)))
        for index, word in enumerate(words(tokens).lower):
            if index in phrase_starts:
                yield index, *phrase_starts[index], None
                continue
            listed = self._listed_verb(tokens, index, heading, listing)
            if listed:
                length, verb = listed
                yield index, length, f"verb {' '.join((verb.lemma, *verb.particle))}", verb
                continue
            for verb in self.change_verbs.get(word, ()):
                length = change_of_state(tokens, index, verb, item)
                if length:
                    yield index, length, f"change {' '.join((verb.lemma, *verb.particle))}", verb
                    break

    def _listed_verb(self, tokens, index: int, heading: bool, listing: bool) -> tuple[int, Verb] | None:
        """(token count, reading) of a listed verb that claims here, or of a disease verb (or a relation verb in the
        positive present) that does so over a disease or symptom no sufferer copes with; else None."""
        word = words(tokens).lower[index]
        for verb in self.verbs.get(word, ()):
            if verb.lemma in self.relation_verbs and verb.form in ("s", "base") and not negated_span(tokens, index, index + 1):
                continue  # a relation in the positive present: read below, as a disease verb
            length = self._verbal(tokens, index, verb, heading, listing=listing)
            if length:
                return length, verb
        for verb in self.disease_verbs.get(word, ()):
            length = self._verbal(tokens, index, verb, heading, listing=listing, instructs=True)
            if length and self._benefit_object(tokens, index + length) and not self._copes(tokens, index, length):
                return length, verb
        return None

    def _verbal(self, tokens, index: int, verb: Verb, heading: bool = False, phrase: bool = False,
                listing: bool = False, instructs: bool = False) -> int:
        """Token count of the expression when the word at `index` reads as a causal verb, else 0.
        For the verb that leads a matched verb phrase (`phrase`), the phrase supplies its complement;
        `listing` is a heading or list item, whose claims may leave their subject unstated. A verb that
        `instructs` is one a reader can be told to do to a disease ("- Manage allergy symptoms"), so its
        base form opening a heading or list item is an instruction, not a benefit label."""
        reach = particle_reach(tokens, index, verb.particle)
        if reach is None:
            return 0
        context = read_context(tokens, index, reach, phrase)
        if any(excluded(self, tokens, index, context, verb, heading) for excluded in VERB_EXCLUSIONS.values()):
            return 0
        return reading(tokens, index, context, verb, reach, listing, verb.lemma not in self.verbal_participles,
                       _nothing if instructs else self._benefit_object)

    def _label(self, text: str, numbered: bool, announced: bool = False) -> tuple[int, int] | None:
        """The span of a benefit label that is the whole heading or list item, if it is one. In a list whose lead-in
        announces benefits (`announced`), an item also names one by a word of decrease or the "-ing" form of a
        causal verb before a disease or symptom, which need not end it ("- Decreased pain levels", "- Decrease in
        depression", "- Alleviating stress and anxiety"): the lead-in says what it does."""
        if self.benefit_label is None or not numbered or sum(w.strip("-–—") != "" for w in text.split()) > _LABEL_WORDS:
            return None
        if not self.benefit_label.search(text) and not (announced and self.benefit_item.search(text)):
            return None
        start = next(i for i, c in enumerate(text) if c.isalpha())
        return start, len(text.rstrip(" \t.!:;,*_"))

    def _benefit_object(self, tokens, position: int) -> bool:
        """Does a disease or symptom head the object at `position`, maybe after a determiner and modifiers ("A Cold",
        "leaky gut syndrome", "a crusty, cracking eczema", "the risk of heart disease", "the body against colds")? The
        object ends at the end of a clause or at another preposition: "funds for cancer research", "blood sugar in
        people with diabetes" name no disease as what is acted on."""
        if self.benefit_objects is None:
            return False
        sentence = words(tokens)
        end = position
        while end < min(len(tokens), position + 6):
            word = sentence.lower[end]
            if end > position and (word in PREPOSITIONS and word not in _OBJECT_PREPOSITIONS or word in _CLAUSE_ENDS):
                break
            end += 1
        return self.benefit_objects.search(sentence.between(position, end)) is not None

    def _copes(self, tokens, index: int, length: int) -> bool:
        """Does someone live with the disease rather than a remedy act on it: a sufferer or a particular person as
        the subject right before the verb ("Patients manage their pain", "My father battles depression"), not one a
        remedy helps ("helps people overcome anxiety"), or a sufferer's possessive on the object ("manages his
        diabetes")?"""
        before = index - 1
        while before >= 0 and tokens[before].lower_.endswith("ly"):
            before -= 1  # "He bravely battles"
        helped = before > 0 and tokens[before - 1].lower_ in HELP
        particular = before > 0 and tokens[before - 1].lower_ in _SUFFERERS_POSSESSIVE  # "My father battles"
        subject = before >= 0 and (tokens[before].lower_ in self.sufferers or particular) and not helped
        after = index + length
        return subject or after < len(tokens) and tokens[after].lower_ in _SUFFERERS_POSSESSIVE

    def _hedged_explanation(self, tokens, index: int) -> bool:
        """Is the claim at `index` in the label opening the item, whose explanation after a colon is hedged ("Boosts
        Alertness: Blue light can improve attention")? The label names what its explanation claims, no more
        strongly. A hedge inside a relative clause ("drugs that can cause drowsiness") or "you can" (what the
        reader is able to do: "You can finally sleep") hedges nothing of it."""
        colon = next((i for i in range(index + 1, min(len(tokens), _LABEL_WORDS + 1)) if tokens[i].text == ":"), None)
        if colon is None:
            return False
        words, skipping = [], False
        for position in range(colon + 1, len(tokens)):
            token = tokens[position]
            if token.text in _CLAUSE_ENDS:
                break
            if token.lower_ in RELATIVE and position + 1 < len(tokens) and tokens[position + 1].lower_ in FINITE:
                skipping = True  # "that can cause", "which are found": a relative clause, to its comma
            elif token.text == ",":
                skipping = False
            elif not skipping and not (token.lower_ in ("can", "could") and tokens[position - 1].lower_ in _READER_AND_WRITER):
                words.append(token.text)
        return has_hedge(" ".join(words), self.option["can_is_hedge"])

    def _mild_object(self, tokens, start: int, end: int) -> bool:
        """no disease or symptom as the object of an evaluation of a remedy: "great for the whole family", "useful
        for tracking migraines" (an activity: its own verb is read as any verb is), not "excellent for arthritis" """
        gerund = end < len(tokens) and tokens[end].is_alpha and tokens[end].lower_.endswith("ing")
        return gerund or not self._benefit_object(tokens, end)

    def _mild_subject(self, tokens, start: int, end: int) -> bool:
        """no disease or symptom in the subject of what names its cause: "the report is due to be published", "your
        score is the result of hard work", not "most back pain is due to poor posture" """
        return self.benefit_objects is None or self.benefit_objects.search(_subject(tokens, start)) is None

    def _general_object(self, tokens, end: int) -> bool:
        """Does a phrase ending before `end` act on structure/function wording or on health in general ("has a
        direct effect on your health", "are detrimental to human health", "critical for living a healthy life")?
        Its object follows a closing preposition or verb, or a preposition right after it."""
        last = tokens[end - 1].lower_
        if last in PREPOSITIONS or last.endswith("ing"):
            return self._structure_function(tokens, end)
        return end < len(tokens) and tokens[end].lower_ in PREPOSITIONS and self._structure_function(tokens, end + 1)

    def _structure_function(self, tokens, position: int, harms: bool = False) -> bool:
        """Does the object starting at `position` carry a structure/function qualifier, maybe after a
        determiner or another adjective ("supports a calm, natural bedtime routine", "a sense of calm"), or name
        health in general? A verb that `harms` claims a harm to what is healthy ("damages healthy cells")."""
        lower = words(tokens).lower
        for offset, word in enumerate(lower[position : position + 5]):
            if word in self.structure_function and not harms:
                return True
            if word in self.general_objects and _heads_phrase(tokens, position + offset):
                return True  # "your health", but not "the health of your gut" or "a mental health crisis"
            if word == "of" and offset and lower[position + offset - 1] in ("sense", "feeling"):
                continue
            if word in PREPOSITIONS or word in CONJUNCTIONS and word != "and" or is_punct(word) and word != ",":
                return False
        return False


def _benefit_label(nouns: list[str], objects: list[str], terms: dict) -> re.Pattern | None:
    """A noun phrase naming a benefit over a disease or symptom, after any number and any name of what has the
    benefit: "Migraine Prevention", "Natural Diabetes Fighter", "Relief from Joint Pain", "Less Back Pain",
    "5. Elderberry: Cold Fighter", "Menstrual pain - Natural relief for cramps", "Anti-cancer and anti-tumor"."""
    if not nouns or not objects:
        return None
    noun, target = f"(?:{'|'.join(nouns)})", f"(?:{'|'.join(objects)})"
    number, words = r"^\W*(?:\d+\W+)?(?:[\w'’-]+(?:\s+[\w'’-]+){0,2}(?::|\s+[-–—])\s+)?", r"(?:[\w'’&-]+\s+){0,3}?"
    more = r"(?:(?:,\s*|\s+)(?:and|or|&)\s+[\w'’-]+)?"  # "Reduced inflammation and scaling"
    # "anti-" adjectives, one of them of a disease: "Anti-cancer and anti-tumor", "Anti-inflammatory, anti-obesity properties"
    anti, joint = r"anti-?[\w-]+", r"(?:,\s*|\s+)(?:and\s+|&\s+|or\s+)?"
    return compile_patterns([rf"{number}{words}{target}\s+{noun}\W*$",
                             rf"{number}(?:[\w'’-]+\s+)?{noun}\s+(?:for|from|against|of)\s+{words}{target}{more}\W*$",
                             rf"{number}(?:{'|'.join(_DECREASE)})\s+{words}{target}{more}\W*$",
                             rf"{number}(?:{anti}{joint})*?{_anti(target)}(?:{joint}{anti})*(?:\s+(?:properties|effects?|activity))?\W*$"],
                            terms)


def _benefit_item(objects: list[str], terms: dict, gerunds: list[str]) -> re.Pattern | None:
    """An item of a list announced as benefits that names one (see CausalClaim._label)."""
    if not objects:
        return None
    target, words = f"(?:{'|'.join(objects)})", r"(?:[\w'’&-]+,?\s+){0,4}?"
    opening = "|".join((*_DECREASE, *_DECREASE_NOUNS, *sorted(gerunds)))
    return compile_patterns([rf"^\W*(?:{opening})\s+{words}{target}"], terms)


def _subject(tokens, index: int) -> str:
    """The words of the claim's clause before the word at `index`, at most _SUBJECT_WORDS of them: where its
    subject stands."""
    return words(tokens).between(max(clauses.start(tokens, index, "claim"), index - _SUBJECT_WORDS), index)


def _heads_phrase(tokens, position: int) -> bool:
    """Is the noun at `position` the head of its noun phrase: last before its end, a conjunction or a
    preposition other than "of"?"""
    if position + 1 >= len(tokens):
        return True
    after = tokens[position + 1].lower_
    return is_punct(after) or after in CONJUNCTIONS or after in PREPOSITIONS and after != "of"


def _nothing(tokens, position: int) -> bool:
    return False


def _numbered(tokens) -> bool:
    """Does the heading open with a number ("### 3: Less Back Pain", "9. Cold Fighter")?"""
    first = next((token for token in tokens if not token.is_punct and not token.is_space), None)
    return first is not None and first.like_num


def _hedge_fix(sentence, index: int, verb: Verb | None, pattern: str) -> tuple:
    """The claim at token `index` hedged with "may", as a fix (none where no hedge is honest)."""
    tokens = sentence.tokens
    if verb is not None:
        edit = rewrites.hedge(tokens, index, verb.form, verb.lemma)
    elif pattern.startswith("verb phrase"):
        leading = phrase_verb(tokens[index].lower_)
        lemma = lemma_of(tokens[index].lower_) if leading.form == "s" else leading.lemma
        edit = rewrites.hedge(tokens, index, leading.form, lemma) if lemma else None
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


def _anti(target: str) -> str:
    """An "anti-" adjective of a disease or symptom ("anti-cancer", "antitumor")."""
    return rf"anti-?{target}"


def _anti_trigger(fields: dict) -> list[str]:
    """What a benefit label of "anti-" adjectives holds ("Anti-cancer"): no listed word, so a regex of its own."""
    if not fields["benefit_nouns"] or not fields["benefit_objects"]:
        return []
    return [compile_patterns([_anti(f"(?:{'|'.join(fields['benefit_objects'])})")], fields["terms"]).pattern]


def _phrase_trigger(families, extra: list[str] = ()) -> tuple[re.Pattern | None, set[str]]:
    """What every phrase match holds, as a WordTrigger's `phrases` and `whole_words`: a regex of the regex
    entries themselves and any `extra` regexes (any text at all when a token pattern has no anchor words),
    and the anchor words of token patterns, each standing whole."""
    anchors = set()
    for family in families:
        words = family.anchors()
        if words is None:
            return re.compile(""), set()
        anchors |= words
    regexes = [entry.regex for family in families for entry in family.entries if entry.regex] + list(extra)
    whole = {word for word in anchors if re.fullmatch(r"\w+", word)}
    if anchors - whole:  # a word of other characters too ("well-being") is found as the regex finds it
        regexes.append(rf"\b(?:{'|'.join(sorted(map(re.escape, anchors - whole)))})\b")
    return (re.compile("|".join(regexes), re.IGNORECASE) if regexes else None), whole


def _label(family: str, entry: NamedPattern) -> str:
    """A finding's `pattern`: "phrase" or "verb phrase", with the entry's name when it has one."""
    return f"{family} {entry.name}" if entry.name else family


def _perfect(tokens, start: int, end: int) -> bool:
    """a perfect auxiliary, not a verb of having: "has reduced effects", "have been shown" """
    after = next((t for t in tokens[start + 1 : end] if not t.is_space), None)
    return tokens[start].lower_ in ("has", "have", "had", "having") and after is not None \
        and (after.lower_ in ("been", "seen", "shown") or re.fullmatch(r"\w+ed", after.lower_) is not None)


def _infinitive(tokens, start: int, end: int) -> bool:
    """the object of an aim, not a finding: "to show the effects of" """
    return start > 0 and tokens[start - 1].lower_ == "to" and tokens[start - 1].whitespace_ == " "


def _asked(tokens, start: int, end: int) -> bool:
    """an embedded question of choice: "Ask which cream is best for eczema", "what remedy is good for colds" """
    return wh_subject(tokens, start - 1)


def _existential(tokens, start: int, end: int) -> bool:
    """what exists, not an evaluation of a subject: "there is no effective treatment for it" (but a comparison
    still evaluates: "there is nothing more effective than ginger")"""
    return start > 0 and tokens[start - 1].lower_ == "there" and not any(
        token.lower_ in ("more", "most", "as", "than") for token in tokens[start:end])


# Exclusions a named token pattern may list in `unless`.
PHRASE_EXCLUSIONS = {"perfect": _perfect, "infinitive": _infinitive, "question": _asked, "existential": _existential}


# What a listed verb is not, whatever its form: each exclusion is asked of every candidate verb.
def _noun(kind, tokens, index: int, context, verb: Verb, heading: bool) -> bool:
    """a noun, adjective or name: "the cause", "a reduced dose", "our Gut Calm capsules" """
    return nominal(tokens, index, context, verb)


def _object_modifier(kind, tokens, index: int, context, verb: Verb, heading: bool) -> bool:
    """a modifier of the object of the verb before it: "causes blocked pores" """
    return finite_verb(kind.verbs.get(context.before, ())) and context.before not in HELP


def _prevalence(kind, tokens, index: int, context, verb: Verb, heading: bool) -> bool:
    """a count of the people affected: "affects 1 in 4 adults" """
    return verb.lemma in kind.prevalence_verbs and count_follows(tokens, context.next_index)


def _structure_function(kind, tokens, index: int, context, verb: Verb, heading: bool) -> bool:
    """structure/function wording or health in general: "contributes to normal immune function", "damages your
    health" (but a verb of harm over what is healthy claims the harm: "damages healthy cells")"""
    harms = " ".join((verb.lemma, *verb.particle)) in kind.harm_verbs
    return kind._structure_function(tokens, context.next_index, harms=harms)


def _training_effect(kind, tokens, index: int, context, verb: Verb, heading: bool) -> bool:
    """well-established advice, the effect of exercise on what it trains: "this stretch strengthens your core
    muscles", "squats improve balance" (not "stretching prevents muscle soreness")"""
    if verb.lemma not in kind.training_verbs:
        return False
    subject = tokens[clauses.start(tokens, index, "speaker") : index]
    if not any(token.lower_ in kind.training_subjects for token in subject):
        return False
    for position in range(context.next_index, min(len(tokens), context.next_index + 5)):
        token = tokens[position]
        if token.lower_ in kind.training_objects and _heads_phrase(tokens, position):
            return True
        if token.is_punct or token.lower_ in PREPOSITIONS or token.lower_ in CONJUNCTIONS:
            return False
    return False


def _symptomatology(kind, tokens, index: int, context, verb: Verb, heading: bool) -> bool:
    """what a disease does to those who have it, textbook medicine: "Depression causes feelings of sadness",
    "Flu causes aches and a fever" (not "Sugar causes acne")"""
    if verb.lemma not in ("cause", "lead", "result", "trigger") or kind.diseases is None:
        return False
    obj = words(tokens).between(context.next_index, context.next_index + 4)
    return kind.diseases.search(_subject(tokens, index)) is not None and kind.symptoms.search(obj) is not None


def _relative_clause(kind, tokens, index: int, context, verb: Verb, heading: bool) -> bool:
    """a description or definition of a noun: "runners who increase their mileage", "a disease that causes
    pain", a heading's "Foods that fight inflammation", a label's "Cortisol: The stress hormone that raises blood
    sugar" (but "Bone broth: The ancient remedy that heals leaky gut" claims a cure of what it names)"""
    relative = relative_pronoun(tokens, context.previous_index)
    if relative < 0:
        return False
    if tokens[relative].lower_ == "who" or heading or defines(tokens, relative) or fragment(tokens, relative, index):
        return True
    label = next((i for i in range(relative - 1, -1, -1) if tokens[i].text == ":"), -1)
    return label >= 0 and fragment(tokens, relative, index, start=label + 1) \
        and not kind._benefit_object(tokens, context.next_index)


def _defined(kind, tokens, index: int, context, verb: Verb, heading: bool) -> bool:
    """part of a definition: "Ischemia refers to the loss of blood flow to a tissue, leading to oxygen deprivation",
    "Sciatica is defined as pain that ..." """
    before = words(tokens).lower[max(0, index - 40) : index]
    return any(before[i : i + 2] in (["refers", "to"], ["defined", "as"]) for i in range(len(before) - 1))


def _question(kind, tokens, index: int, context, verb: Verb, heading: bool) -> bool:
    """an embedded question: "what foods worsen it" """
    return embedded_question(tokens, context)


def _anecdote(kind, tokens, index: int, context, verb: Verb, heading: bool) -> bool:
    """the writer's own experience or opinion: "we have found that", "it changed my life" """
    return first_person(tokens, index, context)


VERB_EXCLUSIONS = {"noun": _noun, "object modifier": _object_modifier, "prevalence": _prevalence,
                   "structure/function": _structure_function, "training effect": _training_effect,
                   "symptomatology": _symptomatology,
                   "relative clause": _relative_clause,
                   "question": _question, "anecdote": _anecdote, "definition": _defined}
