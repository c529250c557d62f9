"""Fixes: edits a finding offers, where they go in the source, and applying them.

Rule kinds offer fixes as `SourceFix`es, edits in offsets of the draft's (normalised) text; the
engine turns them into `Fix`es with 1-based positions and adds the suppression every sentence
finding can take. The contract every fix keeps, and the tests check over every fixture and rule
example: applying its edits removes its finding on the next lint, and changes no text outside them.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from claimlint.findings import Edit, Fix
from claimlint.markdown import Document, Segment
from claimlint.source import LineIndex

REASON = "<reason>"  # the placeholder a suppression's reason replaces
_ATX_CLOSED = re.compile(r"^ {0,3}#{1,6}\s.*\s#+\s*$")


@dataclass(frozen=True)
class SourceFix:
    """A fix as a rule kind offers it: each edit is (start, end, text) in offsets of the draft."""

    description: str
    edits: tuple[tuple[int, int, str], ...]
    safe: bool = False


def verbatim(segment: Segment, start: int, end: int) -> tuple[int, int] | None:
    """The source offsets of the prose span [start, end) when the source holds it character for
    character (no markup, entity or escape inside it), else None: only such a span can be
    rewritten without touching markup the writer put there."""
    if not 0 <= start < end <= len(segment.text):
        return None
    first, last = segment.starts[start], segment.ends[end - 1]
    return (first, last) if last - first == end - start else None


def prose_fix(segment: Segment, description: str, edits, safe: bool = False) -> SourceFix | None:
    """A fix from edits (start, end, text) in the segment's prose, or None when a replaced span is
    not verbatim in the source. An insertion (start == end) goes right before the prose character
    at start, or right after the last one."""
    source_edits = []
    for start, end, text in edits:
        if start == end:
            at = segment.starts[start] if start < len(segment.text) else segment.ends[start - 1]
            source_edits.append((at, at, text))
            continue
        span = verbatim(segment, start, end)
        if span is None:
            return None
        source_edits.append((*span, text))
    return SourceFix(description, tuple(source_edits), safe)


def located(fix: SourceFix, index: LineIndex) -> Fix:
    edits = tuple(Edit(*index.position(start), *index.position(end), text) for start, end, text in fix.edits)
    return Fix(fix.description, edits, fix.safe)


@lru_cache(maxsize=None)
def _line_texts(rule: str) -> tuple[str, str]:
    """A line suppression's comment (with the space that sets it off at a line's end) and its
    fix's description: one string each per rule, however many findings offer them."""
    return f" <!-- claimlint-disable-next-line {rule} -- {REASON} -->", f"Disable {rule} for this line (give the reason)"


class Suppressing:
    """Where suppression comments can go in one draft."""

    def __init__(self, document: Document, index: LineIndex):
        self.document, self.index = document, index
        # Prose segments outside tables, in source order, and where each begins: a line holds prose
        # when the last segment beginning before its end has a character on it.
        self.segments = [segment for segment in document.segments if segment.kind != "table_cell" and segment.starts]
        self.firsts = [segment.starts[0] for segment in self.segments]

    def line(self, segment: Segment, line: int, rule: str) -> SourceFix | None:
        """Suppress `rule` on `line` with a reason to fill in: a `disable-next-line` comment ending
        the line before (inline, where that line is prose, so no block is split) or on a line of its
        own. None in a table, where no comment can stand between two rows."""
        if segment.kind == "table_cell":
            return None
        comment, description = _line_texts(rule)
        text, starts = self.document.text, self.index.starts
        if line > 1:
            begin, end = starts[line - 2], starts[line - 1] - 1
            previous = text[begin:end]
            if previous.strip() and self._prose(begin, end) and not _ATX_CLOSED.match(previous) \
                    and not previous.rstrip(" ").endswith("\\"):
                at = begin + len(previous.rstrip())
                return SourceFix(description, ((at, at, comment),))
        start = starts[line - 1]
        prefix = re.match(r"[ \t>]*", text[start:start + 200]).group()
        if len(prefix.expandtabs(4)) >= 4 and ">" not in prefix:
            prefix = ""  # indented, the comment would be code
        return SourceFix(description, ((start, start, sys.intern(f"{prefix}{comment.lstrip()}\n")),))

    def _prose(self, start: int, end: int) -> bool:
        """Does prose of a paragraph, heading or list item stand on the source line [start, end)?"""
        position = bisect.bisect_left(self.firsts, end) - 1
        if position < 0:
            return False
        starts = self.segments[position].starts
        if starts[0] >= start:
            return True
        first_after = bisect.bisect_left(range(len(starts)), start, key=starts.__getitem__)
        return first_after < len(starts) and starts[first_after] < end

    def file(self, rule: str) -> SourceFix:
        """Suppress `rule` in the whole draft with a reason to fill in: a comment at its top, after
        any front matter."""
        text = self.document.text
        at = self.document.front_matter_end
        comment = f"<!-- claimlint-disable-file {rule} -- {REASON} -->\n\n"
        if at and not text[:at].endswith("\n"):
            comment = "\n" + comment
        return SourceFix(f"Disable {rule} in this file (give the reason)", ((at, at, comment),))


def apply_edits(text: str, edits) -> str:
    """`text` with the edits ((start, end, text) in offsets, none overlapping) applied."""
    pieces, cursor = [], 0
    for start, end, replacement in sorted(edits, key=lambda edit: (edit[0], edit[1])):
        if start < cursor:
            raise ValueError("overlapping edits")
        pieces += [text[cursor:start], replacement]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def offsets(text: str, fix: Fix) -> list[tuple[int, int, str]]:
    """A located fix's edits as (start, end, text) in offsets of `text`."""
    starts = LineIndex(text).starts
    return [(starts[edit.line - 1] + edit.column - 1, starts[edit.end_line - 1] + edit.end_column - 1, edit.text)
            for edit in fix.edits]


MAX_ROUNDS = 10  # a fix applied may let another apply; each round re-lints


def fix_text(lint, text: str, safe_only: bool = True) -> tuple[str, list]:
    """(fixed text, [(finding, fix applied)]): the first fix of each finding (safe ones only, with
    `safe_only`) applied round by round, re-linting with `lint(text)` between rounds, until none
    is left; a fix whose edits would overlap another's waits for the next round."""
    applied = []
    for _ in range(MAX_ROUNDS):
        edits, used = [], []
        for finding in lint(text):
            fix = next((fix for fix in finding.fixes if fix.safe or not safe_only), None)
            if fix is None:
                continue
            spans = offsets(text, fix)
            if any(_overlaps(span, other) for span in spans for other in edits):
                continue  # the next round, on the text this one leaves
            edits += spans
            used.append((finding, fix))
        if not used:
            break
        text = apply_edits(text, edits)
        applied += used
    return text, applied


def _overlaps(one, other) -> bool:
    """Do two edits touch the same text or meet at a point (two insertions there, whose order no
    one chose)? Either waits for the next round."""
    return one[0] <= other[1] and other[0] <= one[1]
