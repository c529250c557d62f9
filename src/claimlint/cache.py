"""Results cached by content: an unchanged draft under unchanged rules costs a file read.

The key hashes the draft's text, every active rule's full definition and settings, the model,
and claimlint's own source files, so any change to code or rules misses the cache. Entries live
in `.claimlint_cache/` (which ignores itself in git), one small JSON file each.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from claimlint.findings import Finding

FOLDER = ".claimlint_cache"


@lru_cache(maxsize=1)
def _code_hash() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml", ".yml") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def linter_fingerprint(rules, model: str | None, report_unused: bool) -> str:
    described = [(r.id, r.severity, r.message, r.kind_name, r.fields, r.options) for r in rules]
    text = json.dumps([_code_hash(), model, report_unused, described], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Cache:
    def __init__(self, folder: Path):
        self.folder = folder

    def _file(self, fingerprint: str, text: str) -> Path:
        key = hashlib.sha256(f"{fingerprint}\0{text}".encode("utf-8")).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, fingerprint: str, text: str, path: str) -> list[Finding] | None:
        try:
            rows = json.loads(self._file(fingerprint, text).read_text(encoding="utf-8"))
            return [Finding(path=path, **row) for row in rows]
        except (OSError, ValueError, TypeError):
            return None

    def put(self, fingerprint: str, text: str, findings: list[Finding]):
        file = self._file(fingerprint, text)
        rows = [{**finding.to_dict(), "context": finding.context} for finding in findings]
        for row in rows:
            del row["path"]
        try:
            if not self.folder.exists():
                self.folder.mkdir(parents=True)
                (self.folder / ".gitignore").write_text("# created by claimlint\n*\n", encoding="utf-8")
            file.parent.mkdir(exist_ok=True)
        except OSError:
            return  # a read-only tree just runs uncached
        temporary = file.with_suffix(f".{os.getpid()}.tmp")
        try:
            temporary.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
            temporary.replace(file)  # atomic: parallel runs never read half a file
        except OSError:  # a full disk: run uncached, and leave no partial file behind
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
