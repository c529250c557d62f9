"""Reporters format findings; each is a function (findings, report context) -> text."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimlint.findings import Finding


@dataclass
class Report:
    findings: list[Finding]
    files_checked: int
    errors: list[str] = field(default_factory=list)  # one-line input errors
    sources: dict[str, str] = field(default_factory=dict)  # path -> normalised text, for excerpts


def get_reporter(name: str):
    from claimlint.reporters import json as json_reporter
    from claimlint.reporters import text

    return {"text": text.render, "json": json_reporter.render}[name]


FORMATS = ("text", "json")
