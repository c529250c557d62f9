"""User regexes run under a time limit, so no pattern in a rule file or a configuration can hang a run.

Rules from the user's folders are regexes from YAML that anyone can write (a phrase rule's
patterns, a document requirement's wording, a causal rule's phrases), and so are the
`disclaimer_patterns` and list options (`patterns`) a configuration adds to a built-in rule.
Python's `re` backtracks without bound: `(a|aa)+$` against a line of a's runs for minutes. Such
patterns are compiled with the `regex` package instead, and every search gets `TIMEOUT` seconds
plus `PER_CHARACTER` for each character it may read (a document rule searches a whole draft). A
search that runs out raises `PatternTimeout`, naming the rule kind instance that owns the
pattern; `lint_within_time` then lints the draft again without that rule and says which rule was
skipped for which file. claimlint's own rules keep the faster `re`.
"""

from __future__ import annotations

import re

from claimlint.folded_regex import Folded

TIMEOUT = 1.0  # seconds for one search; a sane pattern needs microseconds on a sentence
# And per character searched: a sane pattern reads a 10 MB draft in about a second, so 21 s is
# ample on a loaded machine, while a backtracking one needs far longer on far less text.
PER_CHARACTER = 2e-6


def budget(length: int) -> float:
    """Seconds one search of `length` characters may take."""
    return TIMEOUT + PER_CHARACTER * max(0, length)


class PatternTimeout(Exception):
    def __init__(self, owner, seconds: float = TIMEOUT):
        super().__init__(f"a search ran over {max(1, round(seconds))} s")
        self.owner = owner


class TimedPattern:
    """A compiled `re` pattern, recompiled with `regex`, whose searches are time-limited."""

    def __init__(self, pattern: re.Pattern, owner):
        """Raises `re.error` for a pattern `regex` cannot compile, as `re` would."""
        import regex  # here: a run of claimlint's own rules times no pattern and never imports it

        try:
            self.regex = regex.compile(pattern.pattern, pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL))
        except regex.error as exc:
            raise re.error(str(exc)) from None
        self.owner = owner

    def _timed(self, method, text: str, pos: int):
        seconds = budget(len(text) - pos)
        try:
            return method(text, pos, timeout=seconds)
        except TimeoutError:
            raise PatternTimeout(self.owner, seconds) from None

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


def limit_time(checker):
    """Give every regex a rule kind instance holds a time limit: each compiled pattern among its
    attributes (in lists, tuples, mappings and claimlint's own helper objects such as a word
    trigger, at any depth) becomes a `TimedPattern` owned by the checker. A pattern held twice
    becomes one `TimedPattern`, so identity checks between attributes still hold."""
    done: dict[int, object] = {}

    def timed(value):
        key = id(value)
        if key in done:
            return done[key]
        if isinstance(value, (re.Pattern, Folded)):
            done[key] = TimedPattern(value, owner=checker)
        elif isinstance(value, list):
            done[key] = value  # (cycles end here); changed in place only where a pattern stood
            items = [timed(item) for item in value]
            if any(new is not item for new, item in zip(items, value)):
                value[:] = items
        elif isinstance(value, tuple):
            items = tuple(timed(item) for item in value)
            done[key] = items if any(new is not item for new, item in zip(items, value)) else value
        elif isinstance(value, dict):
            done[key] = value
            for name, item in list(value.items()):
                if (new := timed(item)) is not item:
                    value[name] = new
        elif type(value).__module__.startswith("claimlint.") and hasattr(value, "__dict__"):
            done[key] = value
            for name, item in list(vars(value).items()):
                if (new := timed(item)) is not item:
                    setattr(value, name, new)
        else:
            done[key] = value
        return done[key]

    timed(checker)


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
            skipped.append(f"rule '{rule.id}' ({rule.regex_source or rule.path}) timed out ({exc})")
            linter = Linter([r for r in linter.rules if r is not rule], linter.model, linter.report_unused, linter.known)
            continue
        return findings, (f"{path}: {'; '.join(skipped)}: skipped for this file" if skipped else None)
