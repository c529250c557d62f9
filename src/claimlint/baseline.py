"""Baselines: record today's findings so that only new ones are reported.

A finding is known by its rule, its path (relative to the baseline file, however it was typed)
and a fingerprint of the sentence it sits in and the matched text (nothing more for a finding
about the whole document), never its line: edits elsewhere that shift lines do not resurrect
it, while a new or edited claim is reported. Identical findings are counted, so a second copy
of a known sentence is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import PurePath

from claimlint.errors import ClaimlintError
from claimlint.findings import Finding

VERSION = 1


def _key(finding: Finding, base: str) -> tuple[str, str, str]:
    path = PurePath(os.path.relpath(os.path.abspath(finding.path), base)).as_posix()
    return path, finding.rule, hashlib.sha256(finding.identity.encode("utf-8")).hexdigest()[:16]


def _base(baseline_path: str) -> str:
    return os.path.dirname(os.path.abspath(baseline_path))


def write_baseline(path: str, findings: list[Finding]):
    entries = [dict(zip(("path", "rule", "fingerprint"), _key(f, _base(path))), line=f.line, match=f.match)
               for f in sorted(findings, key=lambda f: f.sort_key)]
    try:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"version": VERSION, "findings": entries}, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
    except OSError as exc:
        raise ClaimlintError(f"{path}: cannot write the baseline: {exc.strerror}") from None


def read_baseline(path: str) -> Counter:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        entries = data["findings"]
        return Counter((e["path"], e["rule"], e["fingerprint"]) for e in entries)
    except FileNotFoundError:
        raise ClaimlintError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, ValueError, KeyError, TypeError):
        raise ClaimlintError(f"{path}: not a claimlint baseline file") from None


def new_findings(findings: list[Finding], known: Counter, baseline_path: str) -> list[Finding]:
    """The findings not accounted for by the baseline."""
    remaining = Counter(known)
    result = []
    for finding in findings:
        key = _key(finding, _base(baseline_path))
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            result.append(finding)
    return result
