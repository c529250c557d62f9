"""Rule regexes run under a time limit, so no pattern in a rule file can hang a run.

Phrase rules are regexes from YAML that anyone can write, and Python's `re` backtracks without
bound: `(a+)+$` against a line of a's runs for minutes. Their patterns are compiled with the
`regex` package instead, and every search gets `TIMEOUT` seconds. A search that runs out raises
`PatternTimeout`, naming the rule kind instance that owns the pattern; `lint_within_time` then
lints the draft again without that rule and says which rule was skipped for which file.
"""

from __future__ import annotations

import re

import regex

TIMEOUT = 1.0  # seconds for one search; a sane pattern needs microseconds on a sentence


class PatternTimeout(Exception):
    def __init__(self, owner):
        super().__init__(f"a search ran over {TIMEOUT:g} s")
        self.owner = owner


class TimedPattern:
    """A compiled `re` pattern, recompiled with `regex`, whose searches are time-limited."""

    def __init__(self, pattern: re.Pattern, owner):
        self.regex = regex.compile(pattern.pattern, pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL))
        self.owner = owner

    def _timed(self, method, text: str, pos: int):
        try:
            return method(text, pos, timeout=TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(self.owner) from None

    def search(self, text: str, pos: int = 0):
        return self._timed(self.regex.search, text, pos)

    def match(self, text: str, pos: int = 0):
        return self._timed(self.regex.match, text, pos)

    def finditer(self, text: str):
        """Like `re.finditer`, except that each match, not the whole scan, has TIMEOUT seconds."""
        pos = 0
        while pos <= len(text) and (found := self.search(text, pos)):
            yield found
            pos = found.end() + (found.end() == found.start())


def lint_within_time(linter, text: str, path: str):
    """(findings, problem): the linter's findings for the draft, each rule whose pattern timed out
    skipped, and a one-line message naming those rules and the file (None when none did)."""
    from claimlint.linter import Linter  # here: the linter imports the rule kinds, which import this

    skipped = []
    while True:
        try:
            findings = linter.lint(text, path)
        except PatternTimeout as exc:
            rule = next(rule for rule in linter.rules if rule.checker is exc.owner)
            skipped.append(f"rule '{rule.id}' ({rule.path}) timed out ({exc})")
            linter = Linter([r for r in linter.rules if r is not rule], linter.model, linter.report_unused, linter.known)
            continue
        return findings, (f"{path}: {'; '.join(skipped)}: skipped for this file" if skipped else None)
