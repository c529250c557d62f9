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
from claimlint.streamed_json import StreamedJson

VERSION = 1


def _relative(path: str, base: str) -> str:
    return PurePath(os.path.relpath(os.path.abspath(path), base)).as_posix()


def _fingerprint(finding: Finding) -> str:
    return hashlib.sha256(finding.identity.encode("utf-8")).hexdigest()[:16]


def _base(baseline_path: str) -> str:
    return os.path.dirname(os.path.abspath(baseline_path))


class BaselineWriter:
    """Records a run's findings file by file and writes them, sorted, when the run ends.

    It keeps a small tuple for each finding (its sort key and what the file records), not the
    finding: all that a run holds of its findings to the end."""

    def __init__(self, path: str):
        self.path = path
        self.base = _base(path)
        self.entries: list[tuple] = []

    def add(self, findings: list[Finding]):
        relative = {}  # one string for each path, shared by its entries
        for f in findings:
            if f.path not in relative:
                relative[f.path] = _relative(f.path, self.base)
            self.entries.append((f.path, f.line, f.column, f.rule, relative[f.path], _fingerprint(f), f.match))

    def write(self):
        """The file, sorted by path as the findings' sort_key sorts them, an entry at a time."""
        self.entries.sort(key=lambda entry: entry[:4])  # stable: ties keep the run's order
        document = StreamedJson(lambda entries: {"version": VERSION, "findings": entries}, inert=False)
        try:
            with open(self.path, "w", encoding="utf-8") as handle:
                for _, line, _, rule, relative, fingerprint, match in self.entries:
                    entry = {"path": relative, "rule": rule, "fingerprint": fingerprint, "line": line, "match": match}
                    handle.writelines(text + "\n" for text in document.add(entry))
                handle.writelines(text + "\n" for text in document.end())
        except OSError as exc:
            raise ClaimlintError(f"{self.path}: cannot write the baseline: {exc.strerror}") from None


class Baseline:
    """The findings a baseline file records; `new` passes each file's findings it does not."""

    def __init__(self, path: str):
        self.base = _base(path)
        self.remaining = _read(path)  # each entry accounts for one finding, once

    def new(self, findings: list[Finding]) -> list[Finding]:
        result = []
        for finding in findings:
            key = (_relative(finding.path, self.base), finding.rule, _fingerprint(finding))
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
            else:
                result.append(finding)
        return result


def _read(path: str) -> Counter:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        entries = data["findings"]
        return Counter((e["path"], e["rule"], e["fingerprint"]) for e in entries)
    except FileNotFoundError:
        raise ClaimlintError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, ValueError, KeyError, TypeError):
        raise ClaimlintError(f"{path}: not a claimlint baseline file") from None
