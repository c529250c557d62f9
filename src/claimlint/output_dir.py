"""`--output-dir DIR`: a run's findings as JSON Lines shards and a summary, for archives too large
for one report.

Every `SHARD_FILES` files linted, in the order they are found, make one shard (`shard-00000.jsonl`,
`shard-00001.jsonl`, ...): one finding per line, as `--format jsonl` writes them, so the shards
joined in order are that report. A shard is cut by files, not by how the run lints them, so the
same tree gives the same shards locally, with any number of workers, and on a Dask cluster.
Each shard is written to a hidden temporary file beside it and renamed when whole, so a shard that
exists is complete; `summary.json` (counts, input errors, exit status, the shards) is written
last, the same way, so a folder without it holds a run that did not finish. The folder must be
empty or missing: nothing in it is ever overwritten.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from claimlint import __version__, reporters
from claimlint.errors import ClaimlintError
from claimlint.inert import inert_json
from claimlint.reporters import jsonl
from claimlint.reporters.statistics import counts

SHARD_FILES = 1000  # files per shard: a few MB of findings for typical drafts
SUMMARY = "summary.json"


def prepare(folder: str) -> Path:
    """The output folder, created if missing; an error if it is not a folder or holds anything."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
        with os.scandir(path) as entries:
            taken = next(entries, None)
    except FileExistsError:
        raise ClaimlintError(f"{folder}: --output-dir needs a folder, and this is a file") from None
    except OSError as exc:
        raise ClaimlintError(f"{folder}: cannot use it as the output folder: {exc.strerror or exc}") from None
    if taken is not None:
        raise ClaimlintError(f"{folder}: the output folder is not empty (it holds {taken.name}); "
                             "give an empty or new folder: nothing in it is overwritten")
    return path


class OutputDir(reporters.Reporter):
    """Writes each file's findings to the current shard as the run goes (no lines of its own),
    then, given the run's exit status, the summary."""

    def __init__(self, stream: reporters.ReportStream, folder: Path):
        super().__init__(stream)
        self.folder = folder
        self.lines = jsonl.Reporter(stream)
        self.shards: list[dict] = []  # {"path", "files", "findings"} of each shard, the last one open
        self.handle = None

    def file(self, result):
        if self.handle is None:
            self.shards.append({"path": f"shard-{len(self.shards):05d}.jsonl", "files": 0, "findings": 0})
            self.handle = self._open(self.shards[-1]["path"])
        shard = self.shards[-1]
        self._write(self.handle, "".join(line + "\n" for line in self.lines.file(result)))
        shard["files"] += 1
        shard["findings"] += len(result.findings)
        if shard["files"] == SHARD_FILES:
            self._close(shard["path"])
        return ()

    def end(self):
        if self.handle is not None:
            self._close(self.shards[-1]["path"])
        return ()

    def summary(self, exit_status: int):
        """Write summary.json: what the run checked and found, its input errors, its exit status
        and its shards."""
        stream = self.stream
        summary = {
            "version": __version__,
            "files_checked": stream.files_checked,
            "files_with_findings": stream.files_with_findings,
            "findings": stream.finding_count,
            "findings_per_rule": [{"rule": rule, "severity": severity, "count": count}
                                  for rule, severity, count in counts(stream)],
            "errors": stream.errors,
            "exit_status": exit_status,
            "shards": self.shards,
        }
        self.handle = self._open(SUMMARY)
        self._write(self.handle, inert_json(json.dumps(summary, indent=2, ensure_ascii=False)) + "\n")
        self._close(SUMMARY)

    def described(self) -> str:
        """What the run wrote, in a line."""
        findings, files, shards = self.stream.finding_count, self.stream.files_checked, len(self.shards)
        return (f"{findings} finding{'s' * (findings != 1)} in {files} file{'s' * (files != 1)} written to "
                f"{self.folder}: {shards} shard{'s' * (shards != 1)} and {SUMMARY}")

    def _temporary(self, name: str) -> Path:
        return self.folder / f".{name}.tmp"

    def _open(self, name: str):
        try:
            return open(self._temporary(name), "x", encoding="utf-8")
        except OSError as exc:
            raise self._failed(exc) from None

    def _write(self, handle, text: str):
        try:
            handle.write(text)
        except OSError as exc:
            raise self._failed(exc) from None

    def _close(self, name: str):
        """Finish the file being written as `name`: closed, then renamed into place whole."""
        handle, self.handle = self.handle, None
        try:
            handle.close()
            os.replace(self._temporary(name), self.folder / name)
        except OSError as exc:
            raise self._failed(exc) from None

    def _failed(self, exc: OSError) -> ClaimlintError:
        return ClaimlintError(f"{self.folder}: cannot write the output folder: {exc.strerror or exc}")
