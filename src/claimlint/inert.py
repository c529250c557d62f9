"""Text from drafts, paths and configurations, made inert before it is printed.

CI runners read every line a step prints: GitHub Actions runs a workflow command for a line
that starts with `::` (after white space) and, in the older syntax, for `##[` anywhere in a
line. Whatever claimlint echoes therefore stays on one line (control characters, line and
paragraph separators are shown as `\\xNN` / `\\uNNNN`), a leading `::` is shown as `\\x3a:` and
`##[` as `#\\x23[`. Each character maps to its own piece, so excerpt underlines stay aligned.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
# Anything `inert_pieces` would change: most text holds none of it and is printed as it is.
_CHANGED = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]|##\[|\A\s*::")


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def inert_pieces(text: str) -> list[str]:
    """What each character of `text` prints as (tabs stay, so excerpts keep their layout)."""
    pieces = list(text)
    for unsafe in _UNSAFE.finditer(text):
        pieces[unsafe.start()] = _escaped(unsafe.group())
    for match in re.finditer(r"#(?=#\[)", text):
        pieces[match.start() + 1] = "\\x23"
    start = 0
    while start < len(pieces) and pieces[start].isspace():
        start += 1
    if pieces[start : start + 2] == [":", ":"]:
        pieces[start] = "\\x3a"
    return pieces


def inert(text: str) -> str:
    """`text` as one line that no CI runner reads as a command."""
    return "".join(inert_pieces(text)) if _CHANGED.search(text) else text


def inert_json(text: str) -> str:
    """Serialised JSON with `##[` written `#\\u0023[`: the same data to a parser, and inert in a
    log (JSON strings already escape line breaks, and no line of JSON starts with `::`)."""
    return text.replace("##[", "#\\u0023[")
