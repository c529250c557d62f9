"""Which files to lint: named files as given, directories walked for Markdown."""

from __future__ import annotations

import os
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown")


def discover(paths: list[str]) -> list[str]:
    """Files to lint, as display paths, in a stable order; missing paths are returned too,
    so the reader reports them as input errors alongside the rest."""
    found: list[str] = []
    for given in paths:
        if given != "-" and os.path.isdir(given):
            found.extend(_walk(given))
        else:
            found.append(given)
    return list(dict.fromkeys(found))


def _walk(folder: str) -> list[str]:
    result = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
        for name in sorted(files):
            if name.lower().endswith(MARKDOWN_SUFFIXES):
                result.append(str(Path(root) / name) if root != "." else name)
    return result
