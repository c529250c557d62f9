"""`check --fix` and `check --diff`: apply the safe fixes to drafts, or show what they would change.

Fixes are computed on the normalised text (LF line ends, no byte-order mark) like every finding;
a file is written back in its own encoding, byte-order mark and line ends, and every line no
fix touched keeps its bytes, so a fix changes nothing outside its edits on disk either.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from claimlint.config import Configs, available_rules, resolve_rules
from claimlint.discover import discover
from claimlint.errors import InputError
from claimlint.fixes import fix_text
from claimlint.linter import Linter
from claimlint.source import decode, encoding_of
from claimlint.timed_regex import lint_within_time

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


@dataclass
class Fixed:
    """One draft the safe fixes change: its text before and after, and each (finding, fix) applied."""

    path: str
    before: str
    after: str
    applied: list = field(default_factory=list)
    from_stdin: bool = False

    def diff(self) -> str:
        lines = difflib.unified_diff(self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
                                     f"a/{self.path}", f"b/{self.path}")
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def fix_paths(paths: list[str], configs: Configs, select: list[str], ignore: list[str], stdin: str | None = None,
              stdin_filename: str = "-", on_error=lambda message: None) -> list[Fixed]:
    """The drafts among `paths` that the safe fixes change, each under its own configuration
    (`stdin`: the text read for `-`). Nothing is written; a draft that cannot be read is passed to
    `on_error` and left alone."""
    results = []
    for path in discover(paths, configs.for_path).files:
        display = stdin_filename if path == "-" else path
        config = configs.for_path(display)
        try:
            text = stdin if path == "-" else decode(_read(path), path)
            linter = Linter(resolve_rules(config, select, ignore, display), config.model,
                            known_rules=frozenset(available_rules(config)))
            after, fixed = fix_text(lambda draft: lint_within_time(linter, draft, display)[0], text)
        except InputError as exc:
            on_error(str(exc))
            continue
        if fixed:
            results.append(Fixed(display, text, after, fixed, path == "-"))
    return results


def write(fixed: Fixed):
    """Write a fixed draft back in its own encoding, byte-order mark and line ends (never called
    for one read from standard input)."""
    data = _read(fixed.path)
    bom, encoding = encoding_of(data)
    original = data[len(bom):].decode(encoding)
    with open(fixed.path, "wb") as handle:
        handle.write(bom + _with_line_ends(original, fixed.before, fixed.after).encode(encoding))


def _with_line_ends(original: str, before: str, after: str) -> str:
    """`after` (LF line ends) with the line ends of `original`, whose normalised text is `before`:
    a line kept or changed keeps its own line end, a new line takes the file's usual one."""
    ends = [line[len(line.rstrip("\r\n")):] for line in _LINE.findall(original)]
    usual = max(("\r\n", "\n", "\r"), key=ends.count)
    old, new = before.split("\n"), after.split("\n")
    source = [None] * len(new)  # the old line each new line stands for
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("equal", "replace"):
            for offset in range(min(i2 - i1, j2 - j1)):
                source[j1 + offset] = i1 + offset
    pieces = []
    for j, line in enumerate(new):
        if j == len(new) - 1:
            pieces.append(line)
            continue
        i = source[j]
        pieces.append(line + (ends[i] if i is not None and i < len(ends) and ends[i] else usual))
    return "".join(pieces)


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None
