"""English verb forms: a lemma's inflections, and back from a form to its lemma.

Regular verbs follow spelling rules (doubling after a short vowel, "-ies", "-es"); the irregular
ones the causal rules use are listed. Rules list lemmas, and these give every form of each; a
rewrite that hedges a verb ("worsens" to "may worsen") finds the base form the same way.
"""

from __future__ import annotations

IRREGULAR = {
    "lead": ("leads", "led", "leading"),
    "give": ("gives", "gave", "giving", "given"),
    "drive": ("drives", "drove", "driving", "driven"),
    "make": ("makes", "made", "making"),
    "take": ("takes", "took", "taking", "taken"),
    "break": ("breaks", "broke", "breaking", "broken"),
    "cut": ("cuts", "cut", "cutting"),
    "wear": ("wears", "wore", "wearing", "worn"),
    "keep": ("keeps", "kept", "keeping"),
    "put": ("puts", "put", "putting"),
    "do": ("does", "did", "doing", "done"),
    "rise": ("rises", "rose", "rising", "risen"),
    "fall": ("falls", "fell", "falling", "fallen"),
    "go": ("goes", "went", "going", "gone"),
    "get": ("gets", "got", "getting", "gotten"),
    "grow": ("grows", "grew", "growing", "grown"),
    "shrink": ("shrinks", "shrank", "shrinking", "shrunk"),
    "sink": ("sinks", "sank", "sinking", "sunk"),
}
# Irregular past forms, for reading the verb that leads a verb phrase ("kept colds away").
IRREGULAR_PAST = {forms[1]: lemma for lemma, forms in IRREGULAR.items() if forms[1] != lemma}
_VOWELS = "aeiou"


def inflect(lemma: str) -> dict[str, str]:
    """Word forms of a regular (or listed irregular) English verb: form -> 'base'|'s'|'ed'|'ing'."""
    if len(lemma) < 2:
        raise ValueError(f"field 'verbs': '{lemma}' is not a verb")
    if lemma in IRREGULAR:
        forms = IRREGULAR[lemma]
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


def lemma_of(word: str) -> str | None:
    """The lemma whose third-person "-s" form is `word` ("worsens" -> "worsen", "carries" -> "carry",
    "fixes" -> "fix", "causes" -> "cause"), or None when `word` is no such form.

    The spelling rule run backwards: "-es" follows only a sibilant (ss, x, z, ch, sh) or "o", so it
    is removed after those; otherwise only the "-s" is ("causes", "eases", "rises": a stem ending
    in a single "s" after a vowel keeps its silent "e")."""
    word = word.lower()
    irregular = next((lemma for lemma, forms in IRREGULAR.items() if forms[0] == word), None)
    if irregular:
        return irregular
    if word.endswith("ies") and len(word) > 4 and word[-4] not in _VOWELS:
        lemma = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "zzes", "ches", "shes", "oes")):
        lemma = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        lemma = word[:-1]
    else:
        return None
    return lemma if len(lemma) >= 2 and inflect(lemma).get(word) == "s" else None


def past_participle(lemma: str, past: str) -> str:
    """The past participle of `lemma`, whose simple past is `past` ("gave" -> "given", "caused")."""
    forms = IRREGULAR.get(lemma, ())
    return forms[3] if len(forms) > 3 else past
