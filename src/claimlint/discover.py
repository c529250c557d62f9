"""Which files to lint: named files as given, directories walked for Markdown.

Walking lints the configured extensions (`.md` and `.markdown` by default) and skips hidden
folders, `node_modules`, excluded folders and (by default) what git ignores; `exclude` globs
apply to walked and named files alike, so a pre-commit hook that names files respects them too.
The settings for each path come from `settings(path)`: the configuration that applies there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from claimlint.errors import InputError

# A repository under review is not trusted: its own config must not make git run a command
# (an fsmonitor hook, a pager, hooks, a transport fetching missing objects, a password prompt),
# nor may a lint write to the repository (optional index refreshes).
_SAFE_GIT = ("git", "--no-pager", "-c", "core.fsmonitor=false", "-c", f"core.hooksPath={os.devnull}",
             "-c", "protocol.allow=never")
_SAFE_GIT_ENV = {"GIT_TERMINAL_PROMPT": "0", "GIT_NO_LAZY_FETCH": "1", "GIT_OPTIONAL_LOCKS": "0"}


@dataclass
class Discovery:
    files: list[str]  # display paths, in a stable order
    errors: list[InputError] = field(default_factory=list)  # folders that cannot be read
    skipped: list[dict] = field(default_factory=list)  # {"path", "message"}: links out of the tree


def discover(paths: list[str], settings) -> Discovery:
    """Files to lint. `settings(path)` is the configuration for a path (its `excludes(path,
    folder)`, `extensions` and `respect_gitignore`). Missing paths are kept, so the reader reports
    them as input errors alongside the rest. A walked symbolic link whose target lies outside every
    folder being linted is skipped, not followed (one named on the command line is read)."""
    found = Discovery([])
    roots = [os.path.realpath(given) for given in paths if given != "-" and os.path.isdir(given)]
    for given in paths:
        if given != "-" and os.path.isdir(given):
            walked = _walk(given, settings, found.errors)
            if any(settings(path).respect_gitignore for path in walked):
                ignored = git_ignored(given, walked)
                walked = [path for path in walked if path not in ignored or not settings(path).respect_gitignore]
            for path in walked:
                if _leaves(path, roots):
                    found.skipped.append({"path": path, "message": f"{path}: skipped: a symbolic link to "
                                                                   f"{os.path.realpath(path)}, outside the folders being linted"})
                else:
                    found.files.append(path)
        else:
            found.files.append(given)
    found.files = [path for path in dict.fromkeys(found.files) if path == "-" or not settings(path).excludes(path)]
    found.skipped = [note for note in found.skipped if not settings(note["path"]).excludes(note["path"])]
    return found


def _leaves(path: str, roots: list[str]) -> bool:
    if not os.path.islink(path):
        return False
    target = os.path.realpath(path)
    return not any(target == root or target.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _walk(folder: str, settings, errors: list[InputError]) -> list[str]:
    def unreadable(error: OSError):
        errors.append(InputError(error.filename, f"cannot read this folder ({(error.strerror or 'error').lower()})"))

    def joined(root: str, name: str) -> str:
        return str(Path(root) / name) if root != "." else name

    result = []
    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules"
                         and not settings(joined(root, d)).excludes(joined(root, d), folder=True))
        for name in sorted(files):
            path = joined(root, name)
            if name.lower().endswith(tuple(extension.lower() for extension in settings(path).extensions)):
                result.append(path)
    return result


def git_ignored(folder: str, paths: list[str]) -> set[str]:
    """The paths git ignores, asked of the repository `folder` is in (none outside a repository)."""
    if not paths:
        return set()
    import subprocess  # here: a run that walks no folder in a repository starts no process

    relative = {os.path.relpath(path, folder): path for path in paths}
    try:
        result = subprocess.run([*_SAFE_GIT, "-C", folder, "check-ignore", "--stdin", "-z"],
                                input="\0".join(relative) + "\0", capture_output=True, text=True, timeout=60,
                                env={**os.environ, **_SAFE_GIT_ENV})
    except (OSError, subprocess.SubprocessError):
        return set()
    if result.returncode not in (0, 1):  # 1: nothing ignored; 128: not a repository
        return set()
    return {relative[name] for name in result.stdout.split("\0") if name in relative}
