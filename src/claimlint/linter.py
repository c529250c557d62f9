"""The engine: parse a draft, analyse only the prose some rule could match, run the rules."""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace

from claimlint.findings import Finding
from claimlint.fixes import Suppressing, located
from claimlint.markdown import Document, Segment, parse
from claimlint.nlp import analyser, pipeline_loaded, plain_text
from claimlint.rules import Rule
from claimlint.segment_memo import SegmentMemo
from claimlint.source import LineIndex
from claimlint.structure import unclaimed
from claimlint.suppressions import ALL, parse_suppressions
from claimlint.word_gate import anchor_words, text_words


UNUSED_SUPPRESSION = "unused-suppression"
SUPPRESSION_WITHOUT_REASON = "suppression-without-reason"


@dataclass(frozen=True)
class Candidate:
    """A piece of prose the cheap pass sends to spaCy: plain[start:end] of a segment (`plain`: its
    text with plain quotes), one or more whole sentences, with the sentence rules whose trigger it
    matches; `last`: no piece of the segment follows it."""

    segment: Segment
    plain: str
    start: int
    end: int
    last: bool
    rules: list[Rule]

    @property
    def text(self) -> str:
        return self.plain[self.start : self.end]

    @property
    def tokenized(self) -> str:
        """The text spaCy reads: with the space that follows it, as it stands in the segment, so its
        last token is followed by white space as it is there."""
        return self.plain[self.start : self.end if self.last else self.end + 1]


class Linter:
    def __init__(self, rules: list[Rule], model: str | None = None, report_unused_suppressions: bool = False,
                 known_rules: frozenset[str] | None = None, require_suppression_reason: bool = False,
                 keep_suppressed: bool = False, remember: int = 0):
        """`known_rules`: every rule id a suppression may name (default: the active rules).
        `keep_suppressed`: return suppressed findings too, each with its `suppressed` reason.
        `remember`: how many segments' hits to keep for re-linting edited drafts (SegmentMemo)."""
        self.rules = rules
        self.report_unused = report_unused_suppressions
        self.require_reason = require_suppression_reason
        self.keep_suppressed = keep_suppressed
        self.active = frozenset(rule.id for rule in rules)
        self.known = (known_rules or self.active) | {UNUSED_SUPPRESSION}
        self.sentence_rules = [rule for rule in rules if rule.level == "sentence"]
        self.document_rules = [rule for rule in rules if rule.level == "document"]
        # Words one of which every match of a rule's trigger holds (word_gate.py): a piece holding none of
        # them is not searched. By rule id, which a linter sent to a worker process keeps. Found for the
        # second draft: reading the patterns takes some 30 ms, which a run of one draft would not win back.
        self.gates: dict[str, frozenset[str] | None] = {}
        self.drafts = 0  # linted so far
        self.model = model
        self.memo = SegmentMemo(remember) if remember else None

    def lint(self, text: str, path: str) -> list[Finding]:
        """Findings for one draft (normalised text), after its suppressions."""
        document = parse(text)
        index = LineIndex(text)
        suppressions = parse_suppressions(document, index, path, self.known)
        if self.drafts == 1:
            self.gates = {rule.id: anchor_words(rule.checker.trigger) for rule in self.sentence_rules}
        self.drafts += 1
        hits = list(self._hits(document))
        suppressing = Suppressing(document, index) if hits else None
        findings = []
        for rule, hit, context, sentence_start in hits:
            finding = self._finding(rule, hit, context, index, path, suppressing)
            sentence_line = None if sentence_start is None else index.position(sentence_start)[0]
            reason = suppressions.suppression(finding, sentence_line)
            if reason is None:
                findings.append(finding)
            elif self.keep_suppressed:
                findings.append(replace(finding, suppressed=reason))
        if self.report_unused:
            findings += [Finding(path, d.line, d.column, d.end_line, d.end_column, UNUSED_SUPPRESSION, "warning",
                                 f"Suppression '{d.label}'{f' ({d.reason})' if d.reason else ''} suppressed nothing: "
                                 "remove it.", d.text, context=d.text)
                         for d in suppressions.unused() if d.rules <= self.active or ALL in d.rules]
        if self.require_reason:
            findings += [Finding(path, d.line, d.column, d.end_line, d.end_column, SUPPRESSION_WITHOUT_REASON, "warning",
                                 f"Suppression '{d.label}' gives no reason: say why after '--' "
                                 "(<!-- claimlint-disable rule-id -- the reason -->).", d.text, context=d.text)
                         for d in suppressions.directives if d.action != "enable" and not d.reason]
            front = suppressions.front_matter
            if front.rules and not front.reason:
                findings.append(Finding(path, front.line, front.column, front.line, front.column + len(front.key),
                                        SUPPRESSION_WITHOUT_REASON, "warning", front.missing_reason(), front.key,
                                        context=front.key))
        return sorted(findings, key=lambda finding: finding.sort_key)

    def candidates(self, document: Document) -> list[Candidate]:
        """The cheap pass over a draft: the prose that reaches spaCy, each piece with the rules whose
        trigger it matches (see _candidates)."""
        skipped = unclaimed(document)
        return self._candidates([segment for index, segment in enumerate(document.segments) if index not in skipped])

    def _candidates(self, segments: list[Segment]) -> list[Candidate]:
        """The prose of `segments` that reaches spaCy, in pieces of whole sentences, each with the
        rules whose trigger it matches: pieces no trigger matches are never tokenized."""
        if not self.sentence_rules:
            return []
        prose = [(segment, plain_text(segment.text)) for segment in segments]
        if not pipeline_loaded(self.model) and not any(self._triggered(plain, self.sentence_rules)
                                                       for _, plain in prose):
            return []  # no trigger anywhere (each matches any text holding a match): the pipeline need not load
        pieces = analyser(self.model).pieces
        candidates = []
        for segment, plain in prose:
            spans = pieces(plain)
            for number, (start, end) in enumerate(spans):
                rules = self._triggered(plain[start:end], self.sentence_rules)
                if rules:
                    candidates.append(Candidate(segment, plain, start, end, number == len(spans) - 1, rules))
        return candidates

    def _hits(self, document: Document):
        # Quotations, reference entries and the like state no claim of the draft's own (structure.py), so
        # no sentence rule reads them; a segment whose hits are remembered (SegmentMemo) is not read again.
        skipped = unclaimed(document)
        fresh = []
        for index, segment in enumerate(document.segments):
            if index in skipped:
                continue
            key = self.memo.key(segment) if self.memo else None
            remembered = self.memo.get(key, segment) if key else None
            if remembered is not None:
                yield from remembered
            else:
                fresh.append((segment, key))
        found = {id(segment): [] for segment, _ in fresh}
        candidates = self._candidates([segment for segment, _ in fresh])
        for candidate, sentences in analyser(self.model).sentences(candidates) if candidates else ():
            segment = candidate.segment
            for sentence in sentences:
                whole = sentence.start == candidate.start and sentence.end == candidate.end
                # each sentence is only offered to the rules its own text triggers
                for rule in candidate.rules if whole else self._triggered(sentence.text, candidate.rules):
                    for hit in rule.checker.check_sentence(sentence):
                        found[id(segment)].append((rule, replace(hit, segment=hit.segment or segment),
                                                   segment.text[sentence.start : sentence.end],
                                                   segment.starts[sentence.start]))
        for segment, key in fresh:
            if key:
                self.memo.put(key, segment, found[id(segment)])
            yield from found[id(segment)]
        for rule in self.document_rules:
            for hit in rule.checker.check_document(document):
                yield rule, hit, "", None

    def _triggered(self, text: str, rules: list[Rule]) -> list[Rule]:
        """Those of the sentence rules `rules` whose trigger matches the text: none whose anchor words
        the text lacks, and of the others, those whose trigger finds a match."""
        words = text_words(text) if self.gates else set()
        found = []
        for rule in rules:
            gate, trigger = self.gates.get(rule.id), rule.checker.trigger
            if (gate is None or not gate.isdisjoint(words)) and (trigger is None or trigger.search(text)):
                found.append(rule)
        return found

    @staticmethod
    def _finding(rule: Rule, hit, context: str, index: LineIndex, path: str, suppressing: Suppressing) -> Finding:
        segment = hit.segment
        start, end = segment.source_span(hit.start, hit.end)
        line, column = index.position(start)
        end_line, end_column = index.position(end)
        # Its kind's rewrites, then a suppression with a reason: for the line, or the file for a
        # finding about the whole draft.
        suppression = suppressing.file(rule.id) if rule.level == "document" else \
            suppressing.line(segment, line, rule.id)
        fixes = tuple(located(fix, index) for fix in (*hit.fixes, *([suppression] if suppression else [])))
        # Interned: a run keeps every finding to the end, and most repeat a match ("worsens") and so
        # its message; one string each is kept, not one per finding.
        prose = sys.intern(segment.text[hit.start : hit.end])
        return Finding(path, line, column, end_line, end_column, rule.id, rule.severity,
                       sys.intern(rule.render(prose)), prose, sys.intern(hit.pattern), " ".join(context.split()), fixes=fixes)
