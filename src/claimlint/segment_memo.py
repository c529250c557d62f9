"""The sentence-rule hits of segments already linted, for re-linting a draft as it is edited.

A keystroke changes one paragraph; the others come back with the same prose, evidence and source
layout, only perhaps moved. What sentence rules find in a segment depends on nothing else (the
rules being the same), so the language server and the Python API replay those hits, moved to the
segment's new place, instead of running spaCy and the rules again. Which segments are skipped as
quotations or reference entries, and the document rules, are still decided on the whole draft.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace

from claimlint.fixes import SourceFix
from claimlint.markdown import Segment


class SegmentMemo:
    def __init__(self, size: int):
        self.size = size
        self.entries: OrderedDict[tuple, tuple[int, list]] = OrderedDict()
        self.lock = threading.Lock()  # an API user may lint from several threads

    @staticmethod
    def key(segment: Segment) -> tuple:
        base = segment.starts[0]
        return (segment.kind, segment.level, segment.quoted, segment.lead, segment.text, tuple(segment.evidence),
                segment.starts.shape(base), segment.ends.shape(base))

    def get(self, key: tuple, segment: Segment) -> list | None:
        """The remembered (rule, hit, context, source offset of the sentence) list, moved to
        `segment`, or None."""
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            self.entries.move_to_end(key)
        base, hits = entry
        shift = segment.starts[0] - base
        return [(rule, replace(hit, segment=segment, fixes=tuple(_moved(fix, shift) for fix in hit.fixes)), context,
                 sentence + shift) for rule, hit, context, sentence in hits]

    def put(self, key: tuple, segment: Segment, hits: list):
        with self.lock:
            self.entries[key] = (segment.starts[0], hits)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


def _moved(fix: SourceFix, shift: int) -> SourceFix:
    return replace(fix, edits=tuple((start + shift, end + shift, text) for start, end, text in fix.edits)) \
        if shift else fix
