"""Compiler-style text: `path:line:col: severity [rule] message`, the line, a caret underline."""

from __future__ import annotations

import click

from claimlint import reporters
from claimlint.findings import Finding
from claimlint.inert import inert, inert_pieces

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
EXCERPT_WIDTH = 120  # a longer source line is shown as a window of this many characters around the span
_ELLIPSIS = "..."


class Reporter(reporters.Reporter):
    def file(self, result):
        lines = []
        for finding in result.findings:
            lines += _finding_lines(finding, None if self.stream.quiet else result.excerpts.get(finding.line),
                                    self.colour)
        return lines

    def end(self):
        if self.stream.quiet:
            return []
        count, files, checked = self.stream.finding_count, self.stream.files_with_findings, self.stream.files_checked
        if count:
            return [f"{count} finding{'s' * (count != 1)} in {files} file{'s' * (files != 1)}"]
        return [f"No findings in {checked} file{'s' * (checked != 1)}"]


def _finding_lines(finding: Finding, line: str | None, colour: bool) -> list[str]:
    """`path:line:col: severity [rule] message`, then, given the source line, it and an underline."""
    severity = click.style(finding.severity, fg=_COLOURS[finding.severity], bold=True) if colour else finding.severity
    rule = click.style(f"[{finding.rule}]", dim=True) if colour else f"[{finding.rule}]"
    lines = [f"{inert(finding.path)}:{finding.line}:{finding.column}: {severity} {rule} {inert(finding.message)}"]
    if line is not None:
        pieces = inert_pieces(line)
        gutter = f"{finding.line:>4} | "
        start = finding.column - 1
        end = finding.end_column - 1 if finding.end_line == finding.line else len(pieces) + 1
        pieces, start, end = _window(pieces, start, end)
        width = sum(len(piece) for piece in pieces[start:end]) + max(0, end - len(pieces))
        prefix = "".join(piece if piece == "\t" else " " * len(piece) for piece in pieces[:start])
        lines += [gutter + "".join(pieces), " " * (len(gutter) - 2) + "| " + prefix + "^" * max(1, width)]
    return lines


def _window(pieces: list[str], start: int, end: int) -> tuple[list[str], int, int]:
    """A line longer than EXCERPT_WIDTH cut to a window around the span [start, end) (the span's
    head where the span itself is longer), marked with "..." where it was cut; the span moved to match."""
    if len(pieces) <= EXCERPT_WIDTH:
        return pieces, start, end
    margin = max(0, EXCERPT_WIDTH - (min(end, len(pieces)) - start)) // 2  # context either side of the span
    low = max(0, min(start - margin, len(pieces) - EXCERPT_WIDTH))
    high = min(len(pieces), low + EXCERPT_WIDTH)
    head = [_ELLIPSIS] if low else []
    tail = [_ELLIPSIS] if high < len(pieces) else []
    shown = head + pieces[low:high] + tail
    return shown, start - low + len(head), min(end, high) - low + len(head)
