"""phrase: wording flagged in context, for rules written entirely in YAML.

A rule names `patterns` (the flagged span), optionally `requires` (every one must also match in
scope) and `unless` (any match in scope clears the sentence), and which evidence clears it:
a citation, a source named without one (a journal, authors "et al."), a hedge before the match, a
negation right before it, quotation marks around it, or the sentence being a question.
"""

from __future__ import annotations

from bisect import bisect_left

from claimlint import rewrites
from claimlint.evidence import clauses
from claimlint.evidence.citations import names_source
from claimlint.evidence.hedges import hedge_before
from claimlint.evidence.negation import disowned, negated
from claimlint.evidence.quotes import quoted
from claimlint.fixes import prose_fix, verbatim
from claimlint.kinds.base import Hit, Kind, NamedPattern, Spec, compile_patterns
from claimlint.nlp import words
from claimlint.timed_regex import TimedPattern

EVIDENCE = ("citation", "named-source", "hedge", "negation", "quotation", "question")
FIXES = ("soften-certainty", "link-source")


class Phrase(Kind):
    name = "phrase"
    fields = {
        "patterns": Spec(list, required=True, help="regexes for the flagged wording, each bare or as {name, regex, "
                         "description}; {term} expands a term list"),
        "terms": Spec(dict, default={}, help="named lists of regexes usable as {name} in patterns"),
        "requires": Spec(list, default=[], help="regexes that must all match in scope as well"),
        "unless": Spec(list, default=[], help="regexes that clear the match when found in scope"),
        "unless_evidence": Spec(list, default=[], help=f"evidence that clears the match: {', '.join(EVIDENCE)}"),
        "trigger": Spec(list, default=[], help="cheap regexes every match contains one of (default: the patterns "
                        "themselves): a segment none of them matches never reaches the pipeline"),
        "unless_scope": Spec(str, default="", choices=("", "sentence", "paragraph"),
                             help="where `unless` is looked for (default: the `scope` option)"),
        "report": Spec(str, default="first", choices=("first", "each"),
                       help="which matches of a sentence to report: the first one not cleared, or each"),
        "fix": Spec(str, default="", choices=("", *FIXES),
                    help="the rewrite a finding offers: soften-certainty (proof and always/never wording) or "
                         "link-source (the appeal becomes a link whose address the writer fills in)"),
    }
    reports = ("At most one finding per sentence by default: the first match that no evidence clears; "
               "`report: each` reports every such match.")
    options = {
        "scope": Spec(str, default="sentence", choices=("sentence", "paragraph"),
                      help="where `requires`, `unless` and citations are looked for"),
    }
    pattern_fields = ("patterns",)

    def __init__(self, fields: dict, options: dict):
        super().__init__(fields, options)
        terms = fields["terms"]
        named = [NamedPattern.of(entry) for entry in fields["patterns"]]
        self.pattern = compile_patterns(named, terms)
        # Which named pattern fired is asked only of a match (capturing groups would slow every search).
        self.names = [(entry.name, compile_patterns([entry], terms)) for entry in named if entry.name]
        self.requires = [compile_patterns([p], terms) for p in fields["requires"]]
        self.unless = compile_patterns(fields["unless"], terms) if fields["unless"] else None
        self.evidence = set(fields["unless_evidence"])
        unknown = self.evidence - set(EVIDENCE)
        if unknown:
            raise ValueError(f"unless_evidence: unknown evidence {sorted(unknown)}; choose from {list(EVIDENCE)}")
        self.trigger = compile_patterns(fields["trigger"], terms) if fields["trigger"] else self.pattern

    def limit_time(self):
        """Give every search of this rule's regexes a time limit (see timed_regex): for rules from
        the user's folders, whose patterns no one has vetted. claimlint's own keep the faster `re`."""
        def timed(pattern) -> TimedPattern:
            return TimedPattern(pattern, owner=self)

        own_trigger = self.trigger is not self.pattern
        self.pattern = timed(self.pattern)
        self.trigger = timed(self.trigger) if own_trigger else self.pattern
        self.names = [(name, timed(pattern)) for name, pattern in self.names]
        self.requires = [timed(pattern) for pattern in self.requires]
        self.unless = self.unless and timed(self.unless)

    def check_sentence(self, sentence):
        text = sentence.text
        paragraph = sentence.paragraph
        scope = paragraph if self.option["scope"] == "paragraph" else text
        if any(not pattern.search(scope) for pattern in self.requires):
            return
        unless_scope = paragraph if (self.field["unless_scope"] or self.option["scope"]) == "paragraph" else text
        if self.unless and self.unless.search(unless_scope):
            return
        if "citation" in self.evidence and sentence.cited(self.option["scope"]):
            return
        if "named-source" in self.evidence and names_source(scope):
            return
        asked = sentence.question_start if "question" in self.evidence else None
        if asked == 0:
            return
        for match in self.pattern.finditer(text):
            if match.start() == match.end() or asked is not None and match.start() >= asked \
                    or self._cleared(sentence, match):
                continue
            yield Hit(sentence.start + match.start(), sentence.start + match.end(), pattern=self._name(text, match),
                      fixes=self._fixes(sentence, match.start(), match.end()))
            if self.field["report"] == "first":
                return

    def _fixes(self, sentence, start: int, end: int) -> tuple:
        segment, shift = sentence.segment, sentence.start
        fix = None
        if self.field["fix"] == "soften-certainty":
            edit = rewrites.soften_certainty(sentence.text, start, end, sentence.cited(self.option["scope"]))
            if edit:
                original = sentence.text[edit[0] : edit[1]]
                fix = prose_fix(segment, f'Soften: "{original}" -> "{edit[2]}"',
                                [(edit[0] + shift, edit[1] + shift, edit[2])])
        elif self.field["fix"] == "link-source" and verbatim(segment, start + shift, end + shift) \
                and (start or not shift or segment.text[shift - 1].isspace()):
            # (A mark right at a sentence's start, with no space before it, is given to the sentence
            # before: there the link would cite the wrong sentence.)
            fix = prose_fix(segment, "Link the source (fill in the address)",
                            [(a + shift, b + shift, text) for a, b, text in rewrites.link_source(start, end)])
        return (fix,) if fix else ()

    def _name(self, text: str, match) -> str:
        for name, pattern in self.names:
            single = pattern.match(text, match.start())
            if single and single.end() == match.end():
                return name
        return ""

    def _cleared(self, sentence, match) -> bool:
        if "quotation" in self.evidence and quoted(sentence.text, match.start()):
            return True
        if not ({"hedge", "negation"} & self.evidence):
            return False
        tokens = sentence.tokens
        index = bisect_left(words(tokens).starts, match.start())  # the first token at or after the match
        if "hedge" in self.evidence and hedge_before(tokens, index):
            return True
        # A disowning frame acts up to a contrasting clause: "Sufferers say it cures colds, but this tea cures insomnia".
        return "negation" in self.evidence and (negated(tokens, index) or disowned(
            words(tokens).between(clauses.start(tokens, index, "disowning"), index)))
