"""Compiler-style text: `path:line:col: severity [rule] message`, the line, a caret underline."""

from __future__ import annotations

import click

from claimlint.inert import inert, inert_pieces
from claimlint.reporters import Report

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


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
            end = finding.end_column - 1 if finding.end_line == finding.line else len(pieces) + 1
            width = sum(len(piece) for piece in pieces[finding.column - 1 : end]) + max(0, end - len(pieces))
            prefix = "".join(piece if piece == "\t" else " " * len(piece) for piece in pieces[: finding.column - 1])
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

