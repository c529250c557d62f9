"""Gitignore-style globs: `*` within a path segment, `**` across segments, `?` one character.

A pattern without a slash matches at any depth (`drafts/*.md` is anchored, `*.md` is not).
Paths are matched relative to a base folder (the configuration file's).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path, PurePath


@lru_cache(maxsize=256)
def compile_glob(pattern: str) -> re.Pattern:
    pattern = pattern.strip().lstrip("/") if pattern.startswith("/") else pattern.strip()
    if "/" not in pattern.rstrip("/"):
        pattern = "**/" + pattern
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    # A pattern naming a folder matches everything below it.
    return re.compile("".join(out).rstrip("/") + "(?:/.*)?$")


def matches(path: str, patterns: list[str], base: Path) -> bool:
    relative = PurePath(os.path.relpath(os.path.abspath(path), base)).as_posix()
    return any(compile_glob(pattern).match(relative) for pattern in patterns)
