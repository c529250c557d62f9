"""A JSON document with one long list, written an item at a time (reports, the baseline file).

The output is exactly `json.dumps(document, indent=2, ensure_ascii=False)` (made inert for a
report, see inert.py): the document is rendered around a one-item list holding a unique mark,
the text before the mark's line is written first, then each item rendered alone and indented to
the mark's depth, then the text after the mark. JSON strings escape line breaks, so re-indenting
an item's lines is exact.
"""

from __future__ import annotations

import json
import secrets
from json.encoder import encode_basestring
from typing import Callable

from claimlint.inert import inert_json


class StreamedJson:
    """The lines of the document `document(items)` for items given one at a time.

    `document` builds the whole document around the list it is given. It is called before the
    first item (for the text before the list) and again at the end (for the text after it, such
    as a summary that counts the items), with a stand-in list each time."""

    def __init__(self, document: Callable[[list], object], inert: bool = True):
        self.document = document
        self.inert = inert
        self.indent = ""
        self.held: str | None = None  # the last item given: its comma waits for the next

    def add(self, item) -> list[str]:
        if self.held is None:
            head, self.indent, _ = self._around_mark()
            lines = [head]
        else:
            lines = [self.held + ","]
        self.held = self.indent + self._dumps(item).replace("\n", "\n" + self.indent)
        return lines

    def end(self) -> list[str]:
        if self.held is None:
            return [self._dumps(self.document([]))]
        return [self.held, self._around_mark()[2]]

    def _dumps(self, value) -> str:
        text = dumps(value)
        return inert_json(text) if self.inert else text

    def _around_mark(self) -> tuple[str, str, str]:
        """(text before the list's one item, that item's indentation, text after it)."""
        mark = f"claimlint-list-{secrets.token_hex(16)}"
        lines = self._dumps(self.document([mark])).split("\n")
        (number,) = [number for number, line in enumerate(lines) if line.strip() == f'"{mark}"']
        line = lines[number]
        return "\n".join(lines[:number]), line[: len(line) - len(line.lstrip())], "\n".join(lines[number + 1:])


def dumps(value) -> str:
    """`json.dumps(value, indent=2, ensure_ascii=False)`, about four times faster on plain data.

    With an indent, `json` encodes in Python, a generator per list and mapping; a report's findings
    took seconds of a large run's main process. Strings, integers, true, false, null, lists and
    mappings with string keys are written here with `json`'s own string escaping; anything else
    (a float, a key that is no string, a subclass of int) is left to `json`."""
    try:
        return _dumped(value, "\n")
    except (_Unusual, RecursionError):
        return json.dumps(value, indent=2, ensure_ascii=False)


class _Unusual(Exception):
    pass


def _dumped(value, newline: str) -> str:
    """`value` as `json.dumps(..., indent=2)` writes it where `newline` starts its lines."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    inner = newline + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = []
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Unusual
            items.append(f"{encode_basestring(key)}: {_dumped(item, inner)}")
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join([_dumped(item, inner) for item in value]) + newline + "]"
    raise _Unusual
