"""Globs with git's reading of them (`.gitignore` semantics, by pathspec), relative to a base folder.

`*` stays within a folder, `**` crosses folders, `[Rr]` is a class, a leading `/` anchors a pattern
to the base folder, a pattern without an inner slash matches at any depth, a trailing `/` matches
only folders, and `!pattern` takes back what earlier patterns matched. As in git, a file inside a
matched folder cannot be taken back (`build/` then `!build/keep.md` still matches the file), while
`vendor/**` matches what is inside `vendor` and not the folder, so `!vendor/keep.md` can.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath


class Globs:
    def __init__(self, patterns: list[str], base: Path):
        """Raises ValueError for a pattern git could not read."""
        self.patterns = list(patterns)
        self.base = base
        if not self.patterns:
            return  # matches nothing: the usual exclude list, which need not import pathspec
        import pathspec

        try:
            self._files = pathspec.GitIgnoreSpec.from_lines(self.patterns)
            # A folder is matched by patterns naming it, not by those naming only what it holds.
            self._folders = pathspec.GitIgnoreSpec.from_lines(
                [p for p in self.patterns if not p.rstrip().endswith("/**")])
        except (ValueError, TypeError) as exc:  # pathspec's GitWildMatchPatternError is a ValueError
            raise ValueError(str(exc)) from None

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def relative(self, path: str) -> str | None:
        """`path` relative to the base, with forward slashes; None outside it."""
        try:
            relative = PurePath(os.path.relpath(os.path.abspath(path), self.base)).as_posix()
        except ValueError:  # another drive (Windows)
            return None
        return None if relative == "." or relative == ".." or relative.startswith("../") else relative

    def matches(self, path: str, folder: bool = False) -> bool:
        """Whether the file (or, with `folder`, the folder) at `path` is matched."""
        relative = self.relative(path) if self.patterns else None
        if relative is None:
            return False
        parts = relative.split("/")
        for end in range(1, len(parts)):
            if self._folders.match_file("/".join(parts[:end]) + "/"):
                return True
        return (self._folders.match_file(relative + "/")) if folder else self._files.match_file(relative)
