"""Results cached by content: an unchanged draft under unchanged rules costs a file read.

The key hashes the draft's text, every active rule's full definition and settings, the model
and its version, the versions of spaCy, markdown-it-py and mdit-py-plugins, and claimlint's own
source files, so any change to code, dependencies or rules misses the cache. Entries live in
`.claimlint_cache/` (which ignores itself in git), one small JSON file each. At most once a day
a run prunes it: entries unused for 30 days go, then the least recently used ones beyond 100 MB.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
from functools import lru_cache
from pathlib import Path

from claimlint.errors import ClaimlintError
from claimlint.findings import Finding
from claimlint.models import pipeline_path

FOLDER = ".claimlint_cache"
MARKER = "# created by claimlint\n*\n"  # the folder's .gitignore, which also marks it as ours
DEPENDENCIES = ("spacy", "markdown-it-py", "mdit-py-plugins")
MAX_AGE = 30 * 24 * 3600  # seconds an entry may go unused
MAX_BYTES = 100 * 1024 * 1024  # beyond this, the least recently used entries go
PRUNE_EVERY = 24 * 3600
STALE_TEMPORARY = 3600  # a temporary file this old belongs to a run that was killed


@lru_cache(maxsize=1)
def _code_hash() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml", ".yml") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def dependency_versions() -> dict[str, str | None]:
    from importlib import metadata  # here: a run without a cache never asks

    versions = {}
    for name in DEPENDENCIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def linter_fingerprint(rules, model: str | None, flags) -> str:
    """What decides a draft's findings besides its text: the rules, the model, the linter's `flags`."""
    described = [(r.id, r.severity, r.message, r.kind_name, r.fields, r.options) for r in rules]
    pipeline = pipeline_path(model).name if model else None  # `<lang>_<name>-<version>`
    text = json.dumps([_code_hash(), dependency_versions(), pipeline, flags, described],
                      sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Cache:
    def __init__(self, folder: Path):
        self.folder = folder

    def _file(self, fingerprint: str, text: str) -> Path:
        key = hashlib.sha256(f"{fingerprint}\0{text}".encode("utf-8")).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, fingerprint: str, text: str, path: str) -> list[Finding] | None:
        file = self._file(fingerprint, text)
        try:
            rows = json.loads(file.read_text(encoding="utf-8"))
            findings = [Finding.from_dict(row, path) for row in rows]
            os.utime(file)  # used now: pruning keeps it
            return findings
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
                (self.folder / ".gitignore").write_text(MARKER, encoding="utf-8")
            file.parent.mkdir(exist_ok=True)
            if self.folder.is_symlink() or file.parent.is_symlink():
                return  # a cache folder committed with links must not make us write elsewhere
        except OSError:
            return  # a read-only tree just runs uncached
        write_new(file, json.dumps(rows, ensure_ascii=False).encode("utf-8"))

    def prune(self):
        prune(self.folder)


def write_new(file: Path, data: bytes):
    """Write `file` whole or not at all (parallel runs never read half a file), never through a link
    planted where its temporary file goes; a full disk or a read-only folder just leaves it unwritten."""
    temporary = file.with_suffix(f".{os.getpid()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        temporary.replace(file)  # atomic
    except OSError:  # a full disk: leave no partial file behind
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def prune(folder: Path):
    """At most once a day: remove the entries of a cache folder (laid out as `??/<key>`) unused for
    MAX_AGE, then the least recently used beyond MAX_BYTES, and temporary files left by killed runs."""
    stamp, now = folder / ".pruned", time.time()
    try:
        if now - stamp.stat().st_mtime < PRUNE_EVERY:
            return
    except FileNotFoundError:
        pass
    except OSError:
        return
    entries = []
    for file in folder.glob("??/*"):
        with contextlib.suppress(OSError):
            status = file.stat()
            entries.append((status.st_mtime, status.st_size, file))
    total = 0
    for used, size, file in sorted(entries, reverse=True):  # the most recently used first
        total += size
        expired = now - used > (STALE_TEMPORARY if file.suffix == ".tmp" else MAX_AGE)
        if expired or total > MAX_BYTES:
            with contextlib.suppress(OSError):
                file.unlink()
    with contextlib.suppress(OSError):
        stamp.touch()


def remove_cache(folder: Path) -> tuple[int, int] | None:
    """Delete a cache folder that claimlint made: (entries, bytes) removed, None if there is none.
    Any other folder is left alone, so a mistyped --cache-dir deletes nothing of yours."""
    if not folder.exists() and not folder.is_symlink():
        return None
    try:
        ours = not folder.is_symlink() and (folder / ".gitignore").read_text(encoding="utf-8") == MARKER
    except (OSError, UnicodeDecodeError):
        ours = False
    if not ours:
        raise ClaimlintError(f"{folder}: not a cache folder made by claimlint (it has no claimlint .gitignore): left alone")
    entries = [file for file in folder.glob("??/*.json") if file.is_file()]
    size = sum(file.stat().st_size for file in entries)
    try:
        shutil.rmtree(folder)
    except OSError as exc:
        raise ClaimlintError(f"{folder}: cannot remove the cache: {exc.strerror or exc}") from None
    return len(entries), size
