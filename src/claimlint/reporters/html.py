"""HTML: one self-contained page to review a run in a browser.

Each draft with findings is shown whole, line by line, with every finding's span highlighted by
severity; a side list groups the findings by rule and a bar chart counts them. Drafts are
collapsed once a run has more than a few, so a page of a thousand drafts opens quickly.

Everything taken from a draft, a path or a configuration is escaped as text (a Content Security
Policy lets only the page's own script run, as a second wall), and no line of the page starts
with it, so printed to a CI log it can issue no workflow command either. Highlights are cut from
each line by code point columns, as findings count them, so they cover exactly the finding's span.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import Counter
from importlib import resources

from claimlint import __version__
from claimlint.findings import SEVERITIES, Finding, severity_rank
from claimlint import reporters
from claimlint.reporters import Report

OPEN_UP_TO = 10  # drafts shown expanded when the run has at most this many with findings
RULES_OPEN_UP_TO = 60  # the side list's groups shown expanded when the run has at most this many findings
_LETTER = {"error": "e", "warning": "w", "info": "i"}
_BY_RANK = tuple(reversed(SEVERITIES))  # error first

# What html.escape leaves that must not reach the page raw: line breaks (no draft text may begin
# a line of output), other C0 controls and DEL, the Unicode line and paragraph separators, and
# the C1 controls that a character reference keeps. A reference to 0x80, 0x82-0x8c, 0x8e,
# 0x91-0x9c, 0x9e or 0x9f would be read as a Windows-1252 character, so those stay raw.
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f\x81\x8d\x8f\x90\x9d\u2028\u2029]")
_SURROGATES = re.compile("[\ud800-\udfff]")  # a path's undecodable bytes, from the file system


def escape(text: str) -> str:
    """`text` as HTML text or a quoted attribute value, every character of it kept as text."""
    text = html.escape(_SURROGATES.sub(_undecodable, text), quote=True)
    text = _CONTROLS.sub(lambda match: f"&#x{ord(match.group()):x};", text)
    return text.replace("##[", "#&#35;[")  # GitHub's older workflow-command syntax, anywhere in a line


def _undecodable(match) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def _asset(name: str) -> str:
    return resources.files("claimlint.reporters").joinpath(name).read_text(encoding="utf-8")


class Reporter(reporters.Collecting):
    """The page shows every draft with findings whole, with counts and lists before them: it holds
    the run's findings and drafts and writes the page at the end."""

    def render(self, report: Report, colour: bool):
        return lines(report)


def lines(report: Report):
    """The page, a line at a time."""
    findings = report.findings
    by_file: dict[str, list[int]] = {}
    for number, finding in enumerate(findings):
        by_file.setdefault(finding.path, []).append(number)
    per_rule: dict[str, list[int]] = {}
    for number, finding in enumerate(findings):
        per_rule.setdefault(finding.rule, []).append(number)
    rule_order = sorted(per_rule, key=lambda rule: (-len(per_rule[rule]), rule))
    descriptions = {rule.id: rule.description.split("\n")[0] for rule in report.rules}
    severities = Counter(finding.severity for finding in findings)

    script = _asset("html_report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    summary = _summary(len(findings), len(by_file), report.files_checked, severities)
    yield "<!DOCTYPE html>"
    yield '<html lang="en">'
    yield "<head>"
    yield '<meta charset="utf-8">'
    yield ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
           f"style-src 'unsafe-inline'; script-src 'sha256-{digest}'\">")
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">'
    yield f'<meta name="generator" content="claimlint {escape(__version__)}">'
    yield f"<title>claimlint: {escape(summary)}</title>"
    yield f"<style>\n{_asset('html_report.css')}</style>"
    yield "</head>"
    yield "<body>"
    yield "<header>"
    yield '<h1>claimlint report</h1>'
    yield f'<p class="summary">{escape(summary)}</p>'
    yield from _toolbar(severities)
    yield "</header>"
    yield '<div class="layout">'
    yield '<main>'
    yield from _problems(report)
    yield from _chart(per_rule, rule_order, findings)
    yield '<section class="files" aria-label="Drafts">'
    expanded = len(by_file) <= OPEN_UP_TO
    for file_index, (path, numbers) in enumerate(by_file.items()):
        yield from _draft(file_index, path, numbers, findings, report.sources.get(path, {}), expanded)
    yield "</section>"
    clean = sorted(path for path, excerpts in report.sources.items() if path not in by_file)
    if clean:
        yield f'<details class="clean"><summary>{len(clean)} file{"s" * (len(clean) != 1)} without findings</summary><ul>'
        for path in clean:
            yield f"<li>{escape(path)}</li>"
        yield "</ul></details>"
    yield "</main>"
    yield from _side_list(per_rule, rule_order, findings, descriptions, {path: index for index, path in enumerate(by_file)})
    yield "</div>"
    yield '<div id="tip" role="tooltip" hidden></div>'
    yield f"<script>{script}</script>"
    yield "</body>"
    yield "</html>"


def _summary(count: int, files: int, checked: int, severities: Counter) -> str:
    if not count:
        return f"No findings in {checked} file{'s' * (checked != 1)}"
    parts = ", ".join(f"{severities[severity]} {severity}{'s' * (severities[severity] != 1)}"
                      for severity in _BY_RANK if severities[severity])
    return (f"{count} finding{'s' * (count != 1)} ({parts}) in {files} of {checked} "
            f"file{'s' * (checked != 1)} checked")


def _toolbar(severities: Counter):
    yield '<div class="toolbar">'
    yield '<input type="search" id="path-filter" placeholder="Filter drafts by path" aria-label="Filter drafts by path">'
    for severity in _BY_RANK:
        letter = _LETTER[severity]
        yield (f'<label class="toggle s-{letter}"><input type="checkbox" data-severity="{letter}" checked> '
               f'{severity} ({severities[severity]})</label>')
    yield '<button type="button" id="expand-all">Expand all</button>'
    yield '<button type="button" id="collapse-all">Collapse all</button>'
    yield '<span class="hint">n / p: next / previous finding · Esc: close</span>'
    yield "</div>"


def _problems(report: Report):
    for title, kind, notes in (("could not be linted", "errors", report.errors),
                               ("skipped", "skipped", report.skipped)):
        if notes:
            yield f'<section class="{kind}"><h2>{len(notes)} {"input" if kind == "errors" else "path"}' \
                  f'{"s" * (len(notes) != 1)} {title}</h2><ul>'
            for note in notes:
                yield f"<li>{escape(note['message'])}</li>"
            yield "</ul></section>"


def _chart(per_rule: dict[str, list[int]], rule_order: list[str], findings: list[Finding]):
    if not rule_order:
        return
    most = len(per_rule[rule_order[0]])
    yield '<section class="chart"><h2>Findings per rule</h2><div class="bars">'
    for index, rule in enumerate(rule_order):
        numbers = per_rule[rule]
        counts = Counter(findings[number].severity for number in numbers)
        segments = "".join(
            f'<span class="seg s-{_LETTER[severity]}" style="width:{100 * counts[severity] / most:.2f}%" '
            f'title="{counts[severity]} {severity}"></span>'
            for severity in _BY_RANK if counts[severity])
        yield (f'<button type="button" class="bar" data-rule="{index}" aria-pressed="false" '
               f'title="Show only {escape(rule)}"><span class="name">{escape(rule)}</span>'
               f'<span class="track">{segments}</span><span class="count">{len(numbers)}</span></button>')
    yield "</div></section>"


def _draft(file_index: int, path: str, numbers: list[int], findings: list[Finding], source: dict[int, str],
           expanded: bool):
    counts = Counter(findings[number].severity for number in numbers)
    badges = "".join(f'<span class="badge s-{_LETTER[severity]}" title="{severity}">{counts[severity]}</span>'
                     for severity in _BY_RANK if counts[severity])
    yield (f'<details class="draft" id="file-{file_index}"{" open" if expanded else ""}>'
           f'<summary><span class="path">{escape(path)}</span>{badges}</summary>')
    yield '<div class="text">'
    count = len(source)
    if count > 1 and source.get(count) == "" and all(findings[number].line < count for number in numbers):
        count -= 1  # the empty "line" after a final line break
    spans: dict[int, list[tuple[int, int, int]]] = {}  # line -> (start, end, finding number), 0-based columns
    for number in numbers:
        finding = findings[number]
        for line in range(finding.line, finding.end_line + 1):
            length = len(source.get(line, ""))
            start = finding.column - 1 if line == finding.line else 0
            end = finding.end_column - 1 if line == finding.end_line else length
            if line > finding.line and end == 0:
                continue  # the span ends where this line begins
            spans.setdefault(line, []).append((min(start, length), min(max(start, end), length), number))
    for line in range(1, max(count, *spans) + 1 if spans else count + 1):
        yield f'<div class="ln" data-n="{line}">{_highlighted(source.get(line, ""), spans.get(line, ()), findings)}</div>'
    yield "</div></details>"


def _highlighted(text: str, spans, findings: list[Finding]) -> str:
    """One line, its text escaped, each stretch covered by findings wrapped in one <mark> naming
    them all (overlapping findings split the line where any of them begins or ends)."""
    if not spans:
        return escape(text)
    cuts = sorted({0, len(text), *(start for start, _, _ in spans), *(end for _, end, _ in spans)})
    pieces = []
    for start, end in zip(cuts, cuts[1:] + [None]):
        empty = [number for s, e, number in spans if s == e == start]
        if empty:  # a finding with no width still gets a mark where it points
            pieces.append(_mark("", empty, findings))
        if end is None:
            break
        covering = [number for s, e, number in spans if s <= start and end <= e]
        piece = text[start:end]
        pieces.append(_mark(piece, covering, findings) if covering else escape(piece))
    return "".join(pieces)


def _mark(text: str, numbers: list[int], findings: list[Finding]) -> str:
    top = max((findings[number].severity for number in numbers), key=severity_rank)
    many = " many" if len(numbers) > 1 else ""
    return (f'<mark class="hl s-{_LETTER[top]}{many}" tabindex="0" data-f="{" ".join(map(str, numbers))}">'
            f"{escape(text)}</mark>")


def _side_list(per_rule: dict[str, list[int]], rule_order: list[str], findings: list[Finding],
               descriptions: dict[str, str], file_index: dict[str, int]):
    yield '<aside aria-label="Findings by rule"><h2>Findings by rule</h2>'
    expanded = " open" if len(findings) <= RULES_OPEN_UP_TO else ""
    if not rule_order:
        yield "<p>None.</p>"
    for index, rule in enumerate(rule_order):
        numbers = per_rule[rule]
        description = descriptions.get(rule, "")
        yield (f'<details class="rule" id="rule-{index}"{expanded}><summary><code>{escape(rule)}</code> '
               f'<span class="count">{len(numbers)}</span></summary>')
        if description:
            yield f'<p class="about">{escape(description)}</p>'
        yield "<ol>"
        for number in numbers:
            finding = findings[number]
            letter = _LETTER[finding.severity]
            yield (f'<li class="finding" id="f-{number}" data-s="{letter}" data-r="{index}" '
                   f'data-file="{file_index[finding.path]}">'
                   f'<a href="#f-{number}"><span class="where">{escape(finding.path)}:{finding.line}:{finding.column}</span> '
                   f'<span class="sev s-{letter}">{finding.severity}</span> <q class="match">{escape(finding.match)}</q></a>'
                   f'<span class="msg">{escape(finding.message)}</span></li>')
        yield "</ol></details>"
    yield "</aside>"
