"""The engine: parse a draft, analyse only the prose some rule could match, run the rules."""

from __future__ import annotations

from dataclasses import replace

from claimlint.findings import Finding
from claimlint.markdown import Document, parse
from claimlint.nlp import load_pipeline, sentences
from claimlint.rules import Rule
from claimlint.source import LineIndex
from claimlint.suppressions import ALL, parse_suppressions


UNUSED_SUPPRESSION = "unused-suppression"


class Linter:
    def __init__(self, rules: list[Rule], model: str | None = None, report_unused_suppressions: bool = False,
                 known_rules: frozenset[str] | None = None):
        """`known_rules`: every rule id a suppression may name (default: the active rules)."""
        self.rules = rules
        self.report_unused = report_unused_suppressions
        self.active = frozenset(rule.id for rule in rules)
        self.known = (known_rules or self.active) | {UNUSED_SUPPRESSION}
        self.sentence_rules = [rule for rule in rules if rule.level == "sentence"]
        self.document_rules = [rule for rule in rules if rule.level == "document"]
        self.model = model
        # The cheap pass: a segment no trigger matches never reaches spaCy.
        self._triggers = [rule.checker.trigger for rule in self.sentence_rules]

    def lint(self, text: str, path: str) -> list[Finding]:
        """Findings for one draft (normalised text), after its suppressions."""
        document = parse(text)
        index = LineIndex(text)
        suppressions = parse_suppressions(document, index, path, self.known)
        findings = [self._finding(rule, hit, context, index, path) for rule, hit, context in self._hits(document)]
        findings = [finding for finding in findings if not suppressions.suppresses(finding)]
        if self.report_unused:
            findings += [Finding(path, d.line, d.column, d.end_line, d.end_column, UNUSED_SUPPRESSION, "warning",
                                 f"Suppression {d.text} suppressed nothing: remove it.", d.text, d.text)
                         for d in suppressions.unused() if d.rules <= self.active or ALL in d.rules]
        return sorted(findings, key=lambda finding: finding.sort_key)

    def _hits(self, document: Document):
        candidates = [s for s in document.segments
                      if any(trigger is None or trigger.search(s.text) for trigger in self._triggers)]
        if candidates and self.sentence_rules:
            nlp = load_pipeline(self.model)
            for segment, doc in zip(candidates, nlp.pipe(segment.text for segment in candidates)):
                for sentence in sentences(segment, doc):
                    for rule in self.sentence_rules:
                        trigger = rule.checker.trigger
                        if trigger is not None and not trigger.search(sentence.text):
                            continue
                        for hit in rule.checker.check_sentence(sentence):
                            yield rule, replace(hit, segment=hit.segment or segment), sentence.text
        for rule in self.document_rules:
            for hit in rule.checker.check_document(document):
                yield rule, hit, ""

    @staticmethod
    def _finding(rule: Rule, hit, context: str, index: LineIndex, path: str) -> Finding:
        segment = hit.segment
        start, end = segment.source_span(hit.start, hit.end)
        line, column = index.position(start)
        end_line, end_column = index.position(end)
        prose = segment.text[hit.start : hit.end]
        return Finding(path, line, column, end_line, end_column, rule.id, rule.severity, rule.render(prose),
                       prose, " ".join(context.split()))
