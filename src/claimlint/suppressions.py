"""Inline suppressions in HTML comments, and `claimlint: {ignore: [...]}` in front matter.

    <!-- claimlint-disable rule-a, rule-b -->   ... until <!-- claimlint-enable [rule-a] -->
    <!-- claimlint-disable-next-line rule-a --> the next line, and the rest of a sentence begun on it
    <!-- claimlint-disable-file rule-a -->      the whole file
No ids means every rule. Any directive may end with `-- reason` (front matter: `reason:`), which
reports of suppressions quote. Each directive records whether it suppressed anything, so unused
ones can be reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from claimlint.errors import InputError
from claimlint.findings import Finding
from claimlint.markdown import Document
from claimlint.source import LineIndex
from claimlint.suggest import did_you_mean

DIRECTIVE = re.compile(r"<!--\s*claimlint-(\S+?)(?=\s|-->)\s*(.*?)\s*-->", re.IGNORECASE | re.DOTALL)
ACTIONS = ("disable-next-line", "disable-file", "disable", "enable")
ALL = "*"
# `ids -- reason`: the reason follows the first `--` standing alone
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")
# A draft that opens like front matter holding claimlint settings, but that never closes it
_UNCLOSED_SETTINGS = re.compile(r"(---|\+\+\+)[ \t]*\n(?:[ \t]*\S[^\n]*\n)*?(?:claimlint[ \t]*[:=.]|\[claimlint\])")
# The settings' key, per front matter format: `claimlint:` in YAML, `[claimlint]` or `claimlint = ` in TOML.
_SETTINGS_KEY = {"yaml": re.compile(r"^claimlint[ \t]*:", re.MULTILINE),
                 "toml": re.compile(r"^(?:\[claimlint\]|claimlint[ \t]*[=.])", re.MULTILINE)}
# How each format writes the settings, for messages.
_SETTINGS_SHAPE = {"yaml": ("claimlint: {ignore: ...}", "reason: ..."),
                   "toml": ("[claimlint] ignore = [...]", 'reason = "..."')}


@dataclass
class Directive:
    action: str
    rules: frozenset[str]  # {ALL} for every rule
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    reason: str = ""
    used: bool = False

    def covers(self, rule: str) -> bool:
        return ALL in self.rules or rule in self.rules

    @property
    def label(self) -> str:
        """The directive as a reader names it: `claimlint-disable-next-line rule-a`."""
        rules = "" if ALL in self.rules else " " + ", ".join(sorted(self.rules))
        return f"claimlint-{self.action}{rules}"


@dataclass
class FrontMatterIgnore:
    """`claimlint: {ignore: [...], reason: ...}` in front matter (or TOML's `[claimlint]` table), its key at
    `line` and `column` of the draft."""

    rules: frozenset[str] = frozenset()
    reason: str = ""
    line: int = 1
    column: int = 1
    key: str = "claimlint"
    form: str = "yaml"

    def missing_reason(self) -> str:
        settings, reason = _SETTINGS_SHAPE[self.form]
        return f"Front matter '{settings}' gives no reason: add '{reason}'."


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)
    front_matter: FrontMatterIgnore = field(default_factory=FrontMatterIgnore)

    def suppression(self, finding: Finding, sentence_line: int | None = None) -> str | None:
        """None if nothing suppresses the finding, else the reason given ("" for none). A finding
        in a sentence starting on `sentence_line` is covered by a disable-next-line of that line."""
        reasons = [self.front_matter.reason] if finding.rule in self.front_matter.rules else []
        for directive in self._applicable(finding, sentence_line):
            directive.used = True
            reasons.append(directive.reason)
        return next((reason for reason in reasons if reason), "") if reasons else None

    def suppresses(self, finding: Finding) -> bool:
        return self.suppression(finding) is not None

    def _applicable(self, finding: Finding, sentence_line: int | None):
        """The directives that suppress the finding. Ranges replay disable/enable in order up to
        the finding's position; "enable rule" after "disable" (all) re-enables just that rule."""
        disabled: dict[str, Directive] = {}  # rule or ALL -> the disable directive in force
        reenabled: set[str] = set()  # rules enabled again while ALL is disabled
        found = []
        for directive in self.directives:
            if directive.action == "disable-file" and directive.covers(finding.rule):
                found.append(directive)
            elif directive.action == "disable-next-line" and directive.end_line + 1 in (finding.line, sentence_line) \
                    and directive.covers(finding.rule):
                found.append(directive)
            elif (directive.line, directive.column) <= (finding.line, finding.column):
                if directive.action == "disable":
                    disabled.update({rule: directive for rule in directive.rules})
                    reenabled -= directive.rules
                elif ALL in directive.rules:  # enable everything
                    disabled.clear()
                    reenabled.clear()
                else:
                    for rule in directive.rules:
                        disabled.pop(rule, None)
                    reenabled |= directive.rules
        if finding.rule in disabled:
            found.append(disabled[finding.rule])
        elif ALL in disabled and finding.rule not in reenabled:
            found.append(disabled[ALL])
        return found

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if d.action != "enable" and not d.used]


def parse_suppressions(document: Document, index: LineIndex, path: str, known: frozenset[str]) -> Suppressions:
    """The draft's suppressions; a directive or rule id that does not exist is an input error."""
    directives = []
    for comment in document.comments:
        for match in DIRECTIVE.finditer(comment.text):
            start = comment.offset + match.start()
            line, _ = index.position(start)
            action = match.group(1).lower()
            if action not in ACTIONS:
                raise InputError(path, f"line {line}: unknown directive 'claimlint-{action}'"
                                       f"{did_you_mean('claimlint-' + action, ['claimlint-' + a for a in ACTIONS])} "
                                       f"(use {', '.join('claimlint-' + a for a in ACTIONS)})")
            listed, reason = (_REASON.split(match.group(2), 1) + [""])[:2]
            ids = frozenset(part.strip().lower() for part in listed.split(",") if part.strip())
            _check_ids(ids, known, path, f"line {line}: ")
            directives.append(Directive(action, ids or frozenset({ALL}), *index.position(start),
                                        *index.position(start + len(match.group())), match.group(),
                                        " ".join(reason.split())))
    directives.sort(key=lambda d: (d.line, d.column))
    front_matter = _front_matter_ignore(document, path)
    _check_ids(front_matter.rules, known, path, "front matter: ")
    return Suppressions(directives, front_matter)


def _check_ids(ids, known: frozenset[str], path: str, where: str):
    for rule in sorted(ids):
        if rule not in known:
            raise InputError(path, f"{where}unknown rule id '{rule}' in a suppression{did_you_mean(rule, known)} "
                                   "(see `claimlint rules`)")


def _front_matter_ignore(document: Document, path: str) -> FrontMatterIgnore:
    """The rules front matter ignores. Front matter is the draft's own, not ours to validate,
    unless it holds claimlint settings: those are never dropped without a word."""
    front_matter = document.front_matter
    if front_matter is None:
        unclosed = _UNCLOSED_SETTINGS.match(document.text)
        if unclosed:
            raise InputError(path, f"line 1: front matter has no closing '{unclosed.group(1)}' line, so its "
                                   "'claimlint' settings would be ignored")
        return FrontMatterIgnore()
    if "claimlint" not in front_matter:
        return FrontMatterIgnore()
    data = _front_matter_data(front_matter, document.front_matter_format, path)
    settings = data.get("claimlint") if isinstance(data, dict) else None
    if settings is None:
        return FrontMatterIgnore()
    valid = isinstance(settings, dict) and "ignore" in settings and set(settings) <= {"ignore", "reason"}
    ignore = settings.get("ignore") if valid else None
    reason = settings.get("reason", "") if valid else None
    if not isinstance(ignore, list) or not all(isinstance(rule, str) for rule in ignore) or not isinstance(reason, str):
        shape = ("a mapping like {ignore: [rule-id], reason: why}" if document.front_matter_format == "yaml"
                 else 'a table like [claimlint] ignore = ["rule-id"], reason = "why"')
        raise InputError(path, f"front matter 'claimlint' must be {shape}")
    form = document.front_matter_format
    key = _SETTINGS_KEY[form].search(front_matter)
    if key is None:
        return FrontMatterIgnore(frozenset(ignore), " ".join(reason.split()), form=form)
    line = 2 + front_matter.count("\n", 0, key.start())  # the content starts after the opening fence
    text = key.group().rstrip(" \t:=.")
    return FrontMatterIgnore(frozenset(ignore), " ".join(reason.split()), line, 1, text, form)


def _front_matter_data(front_matter: str, form: str, path: str):
    """The front matter read as YAML or, between `+++` lines, as TOML; an error names the line."""
    if form == "toml":
        import tomllib  # here: most drafts have no TOML front matter

        try:
            return tomllib.loads(front_matter)
        except tomllib.TOMLDecodeError as exc:
            line = re.search(r"at line (\d+)", str(exc))
            at = f"line {int(line.group(1)) + 1}: " if line else ""  # the content starts after the opening '+++'
            problem = re.sub(r"\s*\(at line.*\)$", "", str(exc))
            raise InputError(path, f"{at}front matter is not valid TOML ({problem}), so its 'claimlint' settings "
                                   "cannot be read") from None
    try:
        return yaml.safe_load(front_matter)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f"line {mark.line + 2}: " if mark else ""  # the content starts after the opening '---'
        raise InputError(path, f"{at}front matter is not valid YAML ({getattr(exc, 'problem', None) or exc}), "
                               "so its 'claimlint' settings cannot be read") from None
