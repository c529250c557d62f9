"""Inline suppressions in HTML comments, and `claimlint: {ignore: [...]}` in front matter.

    <!-- claimlint-disable rule-a, rule-b -->   ... until <!-- claimlint-enable [rule-a] -->
    <!-- claimlint-disable-next-line rule-a --> the next line only
    <!-- claimlint-disable-file rule-a -->      the whole file
No ids means every rule. Each directive records whether it suppressed anything, so unused ones
can be reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from claimlint.errors import InputError
from claimlint.findings import Finding
from claimlint.markdown import Document
from claimlint.source import LineIndex

DIRECTIVE = re.compile(
    r"<!--\s*claimlint-(disable-next-line|disable-file|disable|enable)\b\s*([a-z0-9,\s-]*?)\s*-->", re.IGNORECASE)
ALL = "*"


@dataclass
class Directive:
    action: str
    rules: frozenset[str]  # {ALL} for every rule
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    used: bool = False

    def covers(self, rule: str) -> bool:
        return ALL in self.rules or rule in self.rules


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)
    front_matter_ignore: frozenset[str] = frozenset()

    def suppresses(self, finding: Finding) -> bool:
        if finding.rule in self.front_matter_ignore:
            return True
        hit = False
        for directive in self._applicable(finding):
            directive.used = True
            hit = True
        return hit

    def _applicable(self, finding: Finding):
        active: dict[str, Directive] = {}  # rule or ALL -> the disable directive in force
        found = []
        for directive in self.directives:
            if directive.action == "disable-file" and directive.covers(finding.rule):
                found.append(directive)
            elif directive.action == "disable-next-line" and directive.line + 1 == finding.line \
                    and directive.covers(finding.rule):
                found.append(directive)
            elif directive.line <= finding.line:
                if directive.action == "disable":
                    active.update({rule: directive for rule in directive.rules})
                elif directive.action == "enable":
                    if ALL in directive.rules:
                        active.clear()
                    for rule in directive.rules:
                        active.pop(rule, None)
        for key in (finding.rule, ALL):
            if key in active:
                found.append(active[key])
        return found

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if d.action != "enable" and not d.used]


def parse_suppressions(document: Document, index: LineIndex, path: str) -> Suppressions:
    directives = []
    for comment in document.comments:
        for match in DIRECTIVE.finditer(comment.text):
            ids = frozenset(part.strip().lower() for part in match.group(2).split(",") if part.strip())
            start = comment.offset + match.start()
            directives.append(Directive(match.group(1).lower(), ids or frozenset({ALL}), *index.position(start),
                                        *index.position(start + len(match.group())), match.group()))
    directives.sort(key=lambda d: (d.line, d.column))
    return Suppressions(directives, _front_matter_ignore(document.front_matter, path))


def _front_matter_ignore(front_matter: str | None, path: str) -> frozenset[str]:
    if not front_matter or "claimlint" not in front_matter:
        return frozenset()
    try:
        data = yaml.safe_load(front_matter)
    except yaml.YAMLError:
        return frozenset()  # the draft's own front matter is not ours to validate
    settings = data.get("claimlint") if isinstance(data, dict) else None
    if settings is None:
        return frozenset()
    ignore = settings.get("ignore") if isinstance(settings, dict) else None
    if not isinstance(ignore, list) or not all(isinstance(rule, str) for rule in ignore):
        raise InputError(path, "front matter 'claimlint' must be a mapping like {ignore: [rule-id]}")
    return frozenset(ignore)
