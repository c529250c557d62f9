"""Compiled regexes kept between runs, as Python keeps compiled modules in `__pycache__`.

`re` compiles a pattern mostly in Python: it parses the pattern and generates the code its matcher
runs, and only hands that code to `_sre.compile` (in C) at the end. claimlint's built-in rules are a
few dozen large patterns, and compiling the ones a run of one draft uses took about 0.15 s of its
second. So the matcher's code is kept, one small file per pattern, in claimlint's folder of the
user's cache (`$XDG_CACHE_HOME/claimlint/patterns`, else `~/.cache/...`; `~/Library/Caches` on
macOS, `%LOCALAPPDATA%` on Windows), and a later run hands it to `_sre.compile` directly.

A file's name hashes everything its code depends on: the pattern, its flags, how it is compiled
(as `re` does, or folded: folded_regex.py), the Python build and the source of the code that
compiles it. A file holds its pattern and flags again, and a checksum of its content. Anything
amiss (no file, an unreadable or corrupt one, one `_sre` refuses) and the pattern is compiled as
usual and its file written again, atomically, never through a planted link. The files hold
patterns of rules, nothing of a draft. Only `claimlint check` turns the store on (`use`); the
Python API and the language server compile as they always did. Files unused for 30 days, or
beyond 100 MB, are pruned as the results cache is.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from array import array
from pathlib import Path
from typing import Callable

try:
    import _sre
except ImportError:  # pragma: no cover - another Python: patterns are compiled as usual
    _sre = None

_HEADER = b"claimlint compiled pattern 1\n"
_FOLDER: Path | None = None  # None: the store is off
_VERSION = ""  # hashes what every file's code depends on besides its pattern
_PRUNED = False


def user_cache() -> Path:
    """claimlint's folder in the user's cache."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimlint"


def use(folder: Path | None):
    """Keep compiled patterns in `folder` from now on (None: compile every pattern afresh)."""
    global _FOLDER
    _FOLDER = folder


# What `_sre.compile` takes: the pattern (None for a rewritten one), its final flags, the code, the
# number of groups less one, the group names to numbers, and the numbers to names.
Arguments = tuple


def compiled(how: str, source: str, flags: int, arguments: Callable[[], Arguments | None]):
    """The pattern `source` compiled `how` with `flags`: from its stored code when the store has it,
    else from `arguments()` (None: it cannot be compiled that way), stored for later runs."""
    if _FOLDER is None or _sre is None:
        made = arguments()
        return made and _sre.compile(*made)
    flags = int(flags)
    file = _file(how, source, flags)
    stored = _read(file, how, source, flags)
    if stored is not None:
        with contextlib.suppress(Exception):  # code `_sre` refuses ("invalid SRE code"): compiled again
            return stored[0] and _sre.compile(*stored[0])
    made = arguments()
    _write(file, how, source, flags, made)
    return made and _sre.compile(*made)


def _file(how: str, source: str, flags: int) -> Path:
    global _VERSION
    if not _VERSION:
        from claimlint import folded_regex

        digest = hashlib.sha256(f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0".encode())
        for module in (folded_regex, sys.modules[__name__]):
            digest.update(Path(module.__file__).read_bytes())
        _VERSION = digest.hexdigest()
    key = hashlib.sha256(f"{_VERSION}\0{how}\0{flags}\0{source}".encode("utf-8", "surrogatepass")).hexdigest()
    return _FOLDER / key[:2] / key


def _read(file: Path, how: str, source: str, flags: int) -> tuple | None:
    """(the stored arguments or None,) when the file holds the pattern's, else None."""
    try:
        data = file.read_bytes()
    except OSError:
        return None
    body = data[len(_HEADER) + 32 :]
    if not data.startswith(_HEADER) or data[len(_HEADER) : len(_HEADER) + 32] != hashlib.sha256(body).digest():
        return None
    try:
        entry = marshal.loads(body)
        stored_how, stored_source, stored_flags, made = entry
        if (stored_how, stored_source, stored_flags) != (how, source, flags):
            return None
        if made is None:
            return (None,)
        pattern, final_flags, code, groups, groupindex, indexgroup = made
        return ((pattern, final_flags, array("I", code).tolist(), groups, groupindex, indexgroup),)
    except (ValueError, TypeError, EOFError):
        return None


def _write(file: Path, how: str, source: str, flags: int, made: Arguments | None):
    if made is not None:
        pattern, final_flags, code, groups, groupindex, indexgroup = made
        made = (pattern, int(final_flags), array("I", code).tobytes(), groups, dict(groupindex), tuple(indexgroup))
    try:
        body = marshal.dumps((how, source, flags, made))
    except ValueError:
        return
    data = _HEADER + hashlib.sha256(body).digest() + body
    from claimlint.cache import prune, write_new

    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    write_new(file, data)
    global _PRUNED
    if not _PRUNED:
        _PRUNED = True
        prune(_FOLDER)
