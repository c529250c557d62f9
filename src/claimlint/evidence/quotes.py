"""Quotation: is a claim mentioned inside quotation marks rather than made by the writer?

Quotes pair up left to right. An opening quote hugs the word after it (a quote followed by a
space opens nothing); single quotes also need a non-word before them and close after a word, so apostrophes ("it's", "don’t") are never taken for quotes.
A quotation that encloses the whole sentence does not count: that is the writer's own sentence
in quotation marks (a pull quote), not a claim reported from someone else.
"""

from __future__ import annotations

_DOUBLE = {'"': '"', "“": "”"}


def quoted_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each quotation, marks included; one still open at the end of the
    text runs on into the next sentence."""
    spans, opener, start = [], None, 0
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if opener is None:
            if ch in _DOUBLE and not after.isspace() or ch in "‘'" and not before.isalnum() and after.isalpha():
                opener, start = ch, i
        elif (opener in _DOUBLE and ch in (_DOUBLE[opener], opener)) or (
                opener in "‘'" and ch in "’'" and not after.isalpha()):
            spans.append((start, i + 1, True))
            opener = None
    if opener is not None:
        spans.append((start, len(text), False))
    return spans


def quoted(text: str, position: int) -> bool:
    """Is `position` of the sentence `text` inside a quotation that is not the whole sentence?"""
    body = text.strip().rstrip(".!?,;: ")
    offset = len(text) - len(text.lstrip())
    for start, end, closed in quoted_spans(text):
        whole = closed and start == offset and end >= offset + len(body)
        if start <= position < end and not whole:
            return True
    return False
