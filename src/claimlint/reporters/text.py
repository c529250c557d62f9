"""Compiler-style text: `path:line:col: severity [rule] message`, the line, a caret underline."""

from __future__ import annotations

import click

from claimlint.inert import inert, inert_pieces
from claimlint.reporters import Report

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
EXCERPT_WIDTH = 120  # a longer source line is shown as a window of this many characters around the span
_ELLIPSIS = "..."


def render(report: Report, colour: bool = False) -> str:
    return "\n".join(lines(report, colour))


def lines(report: Report, colour: bool = False):
    """The report's lines, one at a time (a large report is never held whole)."""
    for finding in report.findings:
        severity = click.style(finding.severity, fg=_COLOURS[finding.severity], bold=True) if colour else finding.severity
        rule = click.style(f"[{finding.rule}]", dim=True) if colour else f"[{finding.rule}]"
        yield f"{inert(finding.path)}:{finding.line}:{finding.column}: {severity} {rule} {inert(finding.message)}"
        line = None if report.quiet else report.sources.get(finding.path, {}).get(finding.line)
        if line is not None:
            pieces = inert_pieces(line)
            gutter = f"{finding.line:>4} | "
            start = finding.column - 1
            end = finding.end_column - 1 if finding.end_line == finding.line else len(pieces) + 1
            pieces, start, end = _window(pieces, start, end)
            width = sum(len(piece) for piece in pieces[start:end]) + max(0, end - len(pieces))
            prefix = "".join(piece if piece == "\t" else " " * len(piece) for piece in pieces[:start])
            yield gutter + "".join(pieces)
            yield " " * (len(gutter) - 2) + "| " + prefix + "^" * max(1, width)
    if report.quiet:
        return
    files = len({finding.path for finding in report.findings})
    count = len(report.findings)
    if count:
        yield f"{count} finding{'s' * (count != 1)} in {files} file{'s' * (files != 1)}"
    else:
        yield f"No findings in {report.files_checked} file{'s' * (report.files_checked != 1)}"


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
