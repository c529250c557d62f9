"""statistic: a number that needs a source (percentages, ratios, multipliers, counts) with none."""

from __future__ import annotations

from claimlint.evidence.statistics import TRIGGER, find_statistics
from claimlint.kinds.base import Hit, Kind, Spec


class Statistic(Kind):
    name = "statistic"
    options = {
        "scope": Spec(str, default="sentence", choices=("sentence", "paragraph"),
                      help="where a citation must stand to source the statistic"),
    }
    trigger = TRIGGER

    def check_sentence(self, sentence):
        spans = find_statistics(sentence.text)
        if not spans:
            return
        if not sentence.cited(self.option["scope"]):
            start, end = spans[0]  # one finding per sentence: one citation sources it
            yield Hit(sentence.start + start, sentence.start + end)
