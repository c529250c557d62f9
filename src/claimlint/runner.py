"""One run of `claimlint check`: discover files, lint each with its rules, apply a baseline."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from claimlint.baseline import new_findings, read_baseline, write_baseline
from claimlint.config import Config, resolve_rules
from claimlint.discover import discover
from claimlint.errors import InputError
from claimlint.linter import Linter
from claimlint.reporters import Report
from claimlint.source import decode, read_source


@dataclass
class RunOptions:
    select: list[str]
    ignore: list[str]
    stdin_filename: str = "-"
    report_unused_suppressions: bool = False
    baseline: str | None = None
    write_baseline: str | None = None


def run(paths: list[str], config: Config, options: RunOptions, on_error=lambda message: None) -> Report:
    """Lint `paths`; input errors are collected in the report (and passed to `on_error`)."""
    known = read_baseline(options.baseline) if options.baseline else None
    linters: dict[tuple, Linter] = {}

    def linter_for(path: str) -> Linter:
        key = tuple(id(o) for o in config.overrides_for(path))  # files sharing overrides share rules
        if key not in linters:
            rules = resolve_rules(config, options.select, options.ignore, path)
            linters[key] = Linter(rules, config.model, options.report_unused_suppressions)
        return linters[key]

    report = Report([], 0, rules=resolve_rules(config, options.select, options.ignore))
    for path in discover(paths, config.excludes, config.respect_gitignore):
        display = options.stdin_filename if path == "-" else path
        try:
            text = decode(sys.stdin.buffer.read(), display) if path == "-" else read_source(path)
            findings = linter_for(display).lint(text, display)
        except InputError as exc:
            report.errors.append({"path": exc.path, "message": str(exc)})
            on_error(str(exc))
            continue
        report.files_checked += 1
        report.sources[display] = text
        report.findings.extend(findings)
    if options.write_baseline:
        write_baseline(options.write_baseline, report.findings)
    if known is not None:
        report.findings = new_findings(report.findings, known)
    return report
