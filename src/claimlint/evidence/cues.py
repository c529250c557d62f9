"""Cue tables: the words that hedge, negate or disown a claim, one row each, as NegEx and the
BioScope guidelines keep them.

A row is (cue, kind, scope, exceptions): `cue` is a regex for the cue's words, `kind` what the cue
does, `scope` where it acts on a claim, and `exceptions` regexes for what may not follow it ("could"
is no hedge in "could not be detected"; for a negator, looked up by token, the next word: "not only"). The evidence helpers ask for the cues of some kinds and get one
compiled pass over them (`pattern`); they keep the question of scope (clauses.py holds the clause
boundaries). Scopes:

- `clause`: the cue governs what follows it in its clause ("Research suggests that X reduces Y");
- `around`: anywhere in the claim's clause, before or after it ("causes a cough in some patients");
- `before`: only before the claim ("Some tablets cause a cough", but "reduced some symptoms");
- `condition`: before the claim with no comma between ("if it lowers cholesterol", not "If you smoke,
  quitting cuts the risk");
- `sentence`: anywhere before the claim in its sentence (a disowning frame);
- `window`: a few words before the claim, within its negation clause (a negator).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from claimlint.folded_regex import compile_folded


@dataclass(frozen=True)
class Cue:
    cue: str
    kind: str
    scope: str
    exceptions: tuple[str, ...] = ()

    def regex(self) -> str:
        return self.cue + (f"(?!{'|'.join(self.exceptions)})" if self.exceptions else "")


_PAST_ABILITY = (r"\s+not\b", "n't", r"\s+(?:also\s+)?be\s+(?:detected|observed|seen|found|identified|isolated|obtained"
                 r"|measured|established|demonstrated|shown|confirmed|reproduced|recovered)")
_STEMS = r"seem|propos|hypothes|speculat|presum|postulat|suspect"
_EVIDENCE_VERBS = "determine|assess|evaluate|examine|investigate|establish|explore|test|clarify|confirm|prove|demonstrate"
_SHOWN = r"(?:shown|proven|proved)"
_NOT = r"(?:not|n[’']t)"

CUES: tuple[Cue, ...] = (
    # Speculation (BioScope): modals, epistemic verbs by stem, adjectives, adverbs, nouns and phrases.
    Cue(r"(?:may|might|would|should)(?:n't)?", "speculation", "clause"),
    Cue("could", "speculation", "clause", _PAST_ABILITY),
    Cue(rf"(?:appear(?!ance)|{_STEMS}|tend(?!on|er|in)|believ|assum|impl(?:y|ie)|doubt)\w*", "speculation", "clause"),
    Cue("possible|possibly|possibility|likely|unlikely|probably|probable|perhaps|potential|potentially", "speculation",
        "clause"),
    Cue("putative|putatively|plausible|plausibly|maybe|conceivably|apparently|uncertain|unclear|unknown|unproven"
        "|whether", "speculation", "clause"),
    Cue(r"(?:determin|examin|test|investigat|assess|know|ask|check|establish|evaluat|explor|see)\w*\s+if",
        "speculation", "clause"),
    Cue(r"(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:thought|considered|believed|expected|estimated|predicted)"
        r"\s+to", "speculation", "clause"),
    Cue(r"(?:we|i)\s+(?:think|feel|hope|estimate|infer)", "speculation", "clause"),
    Cue(r"estimated\s+that", "speculation", "clause"),
    Cue(r"thought\s+(?:to|that)", "speculation", "clause"),
    Cue(r"it\s+(?:is|has\s+been)\s+(?:thought|believed|hoped|expected|estimated)\s+that", "speculation", "clause"),
    Cue(r"(?:cannot|can\s+not|could\s+not|not)\s+be\s+(?:excluded|ruled\s+out)", "speculation", "clause"),
    Cue(r"raises?\s+(?:\w+\s+){0,2}questions?", "speculation", "clause"),
    Cue(r"not\s+(?:yet\s+|entirely\s+|fully\s+|completely\s+|well\s+)?(?:known|clear|understood|established|certain)",
        "speculation", "clause"),
    Cue(r"(?:remains?|remained|yet)\s+to\s+be\s+(?:determined|elucidated|established|clarified|seen|proven|confirmed"
        r"|defined|understood)", "speculation", "clause"),
    Cue(r"remain(?:s|ed)?\s+(?:elusive|controversial|debated|obscure)", "speculation", "clause"),
    Cue(r"(?:idea|notion|view|belief)\s+that", "speculation", "clause"),
    Cue(r"not\s+exactly", "speculation", "clause"),
    # Certainty or concession that holds a speculation cue: "no doubt", "regardless of whether".
    Cue(r"(?:no|without(?:\s+a)?|beyond(?:\s+a)?)\s+doubt|(?:regardless|irrespective)\s+of\s+whether", "certainty",
        "clause"),
    # A bare "can": a hedge by default (the option can_is_hedge).
    Cue("can|cannot|can't", "can", "clause"),
    # Reporting verbs that frame a finding ("our data suggest that ..."): speculation to BioScope, looked past by
    # claim-strength coding (the option reporting_verbs_hedge).
    Cue(r"(?:suggest|indicat(?!or|ion|ive))\w*", "reporting", "clause"),
    # "help" softens the verb it governs: "helps lower" hedges even where a bare "can" does not. A claim rule may
    # read a bare "help" as no hedge ("helps fight cancer"); "can help" always hedges.
    Cue(r"help(?:s|ed|ing)?", "help", "before"),
    Cue(r"can\s+(?:also\s+|even\s+|really\s+|\w+ly\s+)?help", "can help", "before"),
    # Approximators (Hyland). "some" and "certain" restrict a claim's subject; after it they pick out part of
    # its object ("reduced some symptoms"), so they count only before the claim.
    Cue("some|certain", "approximator", "before"),
    Cue(r"partly|partially|somewhat|rarely|seldom|sometimes|occasionally|(?<!too\s)often|usually|typically|generally"
        "|frequently", "approximator", "around"),
    Cue(r"to\s+some\s+(?:extent|degree)|not\s+(?:always|all|everyone|every\w*)", "approximator", "around"),
    Cue(r"(?:in|for|among)\s+(?:some|many|certain|most|a\s+few)\s+(?:\w+\s+)?(?:people|patients|cases|adults|children"
        "|women|men|users|studies|individuals)", "approximator", "around"),
    # A result scoped to animals or cells: "in mice, the compound reduced inflammation".
    Cue(r"(?:in|among)\s+(?:lab\s+|laboratory\s+)?(?:mice|rats|rodents|animals|cells|cell\s+cultures|test\s+tubes"
        r"|(?:a|the)\s+(?:petri\s+|lab\s+)?(?:dish|lab|laboratory))", "approximator", "around"),
    # A condition makes hypothetical the claim inside it.
    Cue("if|unless", "condition", "condition"),
    # Frames that disown whatever claim follows them: no evidence for it ...
    Cue(r"(?:no|little|not\s+enough|insufficient|scant)\s+(?:\w+\s+){0,2}?(?:evidence|proof|data)\s+(?:that|to\s+show"
        "|for)", "disowning", "sentence"),
    Cue(r"(?:no\s+(?:[\w-]+\s+){0,3}?|nothing\s+|none\s+)(?:has|have)\s+(?:ever\s+|yet\s+)?been\s+(?:shown|proven"
        r"|proved|found)\s+to", "disowning", "sentence"),
    Cue(rf"(?:has|have|had)\s+(?:also\s+|still\s+)?(?:not|never|n[’']t)\s+(?:yet\s+)?been\s+{_SHOWN}"
        r"\s+(?:by\s+(?:[\w-]+\s+){1,3}?)?to", "disowning", "sentence"),
    Cue(rf"(?:is|are|was|were)\s*{_NOT}\s+(?:yet\s+)?(?:proven|shown|known)\s+to", "disowning", "sentence"),
    Cue(rf"(?:does|do|did)\s*{_NOT}\s+mean", "disowning", "sentence"),
    Cue(rf"(?:cannot|can\s+not|can[’']t|could\s*{_NOT}|(?:does|do|did)\s*{_NOT})\s+(?:\w+\s+)?"
        r"(?:show|prove|establish|demonstrate|confirm|support|tell\s+us)", "disowning", "sentence"),
    # ... an open question: "it is not clear that X prevents Y", "nobody knows whether" ...
    Cue(r"(?:not\s+(?:yet\s+)?(?:clear|known|certain|established)|unclear|uncertain|unknown|unproven)\s+(?:that|if)",
        "disowning", "sentence"),
    Cue("whether", "disowning", "sentence"),
    Cue(r"(?:hard|difficult|impossible|too\s+(?:early|soon))\s+to\s+(?:say|tell|know|conclude|prove)",
        "disowning", "sentence"),
    # ... the object of an inquiry: "studies are needed to determine the benefits of X for Y" ...
    Cue(rf"to\s+(?:{_EVIDENCE_VERBS})", "disowning", "sentence"),
    # ... what others claim: "the claimed benefits", "its alleged effects", "so-called detox" ...
    Cue("claimed|alleged|purported|supposed|so-called", "disowning", "sentence"),
    # ... a belief reported rather than held: "many people worry that eggs raise cholesterol", "the myth that" ...
    Cue(r"(?:worr(?:y|ies|ied)|fears?|feared|wonder(?:s|ed)?|myths?|misconceptions?|misbeliefs?)\s+that", "disowning",
        "sentence"),
    # ... a claim reported as someone's argument: "Asprey makes the argument that", "critics claim that" ...
    Cue(r"(?:argu(?:e|es|ed|ing)|mak(?:e|es|ing)\s+the\s+(?:argument|case)|claim(?:s|ed)?|contend(?:s|ed)?)\s+that",
        "disowning", "sentence"),
    # ... the content of a belief: "the thinking here is that", "the theory behind it is that" ...
    Cue(r"the\s+(?:idea|theory|thinking|belief|hypothesis|rationale|reasoning|premise|notion|logic)\s+"
        r"(?:here\s+|behind\s+(?:\w+\s+){1,2}?)?(?:is|was)\s+that", "disowning", "sentence"),
    # ... or the conclusion a study reached: "The conclusion was sprint cycling reduces ...", "the authors' conclusion is" ...
    Cue(r"(?:the|their|its)\s+(?:(?:study|trial|review|authors?|researchers)[’']s?\s+|main\s+|final\s+)?conclusions?\s+"
        r"(?:is|was|were)\b", "disowning", "sentence"),
    Cue(r"(?:is|are|was|were)\s+(?:a\s+)?(?:big\s+|huge\s+)?(?:fans?|proponents?|advocates?)\s+of", "disowning",
        "sentence"),
    # ... someone's promotion: "often touted as the miracle answer", "marketed as a cure" ...
    Cue(r"(?:touted|billed|marketed|advertised|hailed|promoted|pitched|sold)\s+as", "disowning", "sentence"),
    Cue("proponents", "disowning", "sentence"),
    # ... a counterfactual: "I won't pretend CBD is a miracle", "imagine that sugar cured colds" ...
    Cue(r"pretend(?:s|ed|ing)?|imagin(?:e|es|ed|ing)", "disowning", "sentence"),
    # ... what people say or report about themselves: "60% of people say soup makes them feel better" ...
    Cue(r"(?<!our\s)(?:people|patients|sufferers|users|customers|parents|readers|others)\s+(?:\w+\s+)?(?:say|said"
        r"|report(?:ed)?|claim(?:ed)?|swear)", "disowning", "sentence"),
    # ... what a source named just before says: "According to them, coffee ..." ...
    Cue(r"according\s+to\s+(?:them|him|her|it|this|that|these|those|the\s+(?:article|authors?|study|report|paper"
        r"|piece|researchers|writers?))\b", "disowning", "sentence"),
    # ... or an embedded question of degree: "a measure of how well a cream protects against UVB".
    Cue(r"how\s+(?:well|much|far|often|effectively|strongly)", "disowning", "sentence"),
    # Negators (NegEx), within a few words before the claim; "not only X but also Y" adds rather than denies.
    *(Cue(word, "negation", "window", exceptions=("only|just|merely",)) for word in
      "not no n't never neither nor none without cannot nothing nobody hardly barely lack lacks fail fails failed"
      .split()),
)


def rows(*kinds: str, scopes: tuple[str, ...] = ()) -> list[Cue]:
    """The table's rows of these kinds (and scopes, if given), in table order."""
    return [row for row in CUES if row.kind in kinds and (not scopes or row.scope in scopes)]


def pattern(*kinds: str, scopes: tuple[str, ...] = (), after: str = "") -> re.Pattern:
    """One compiled, case-insensitive pass over the cues of these kinds, each a whole word or phrase;
    `after` is a regex that must follow the cue ("no comma up to the claim" for a condition)."""
    alternatives = "|".join(row.regex() for row in rows(*kinds, scopes=scopes))
    return compile_folded(rf"\b(?:{alternatives})\b{after}", re.IGNORECASE)


def words(kind: str) -> frozenset[str]:
    """The single-word cues of a kind, for a lookup by token ("not", "never")."""
    return frozenset(row.cue for row in rows(kind))
