"""The Python API: `lint_text` and `lint_paths`, over the engine the command line uses.

    import claimlint
    findings = claimlint.lint_text("Chronic stress worsens inflammation.\n")
    report = claimlint.lint_paths(["docs"])

`config` is a configuration file's path, a `Config` from `claimlint.load_config`, or None for
the one the command line would use: for each file, the nearest `.claimlint.yaml` (or
`[tool.claimlint]`) above it, else the working directory's. Rules are loaded once per
configuration and the NLP pipeline once per process, so every call after the first costs only
the linting; a configuration file (or one it extends) that changes is read again.
"""

from __future__ import annotations

import os
import warnings
from collections import OrderedDict
from pathlib import Path

from claimlint.config import Config, Configs, available_rules, find_config, load_config, resolve_rules
from claimlint.findings import Finding
from claimlint.linter import Linter
from claimlint.reporters import Report
from claimlint.runner import RunOptions, run
from claimlint.timed_regex import lint_within_time

# configuration file -> (the stamps of it and the files it extends, its Config)
_LOADED: OrderedDict[str, tuple[tuple, Config]] = OrderedDict()
# (configuration, the overrides a path matches) -> (that configuration, its linter): holding the
# configuration keeps its id from being reused while the entry lives.
_LINTERS: OrderedDict[tuple, tuple[Config, Linter]] = OrderedDict()
_KEEP = 16  # configurations and linters kept: an editor may hold a few projects open
# Paragraphs whose findings a linter keeps, so that re-linting an edited draft lints only what
# changed (segment_memo.py): a few drafts' worth.
REMEMBERED_SEGMENTS = 5000
_DEFAULTS = Config()  # for a draft with no configuration above it or the working directory


def lint_text(text: str, path: str = "draft.md", config: str | os.PathLike[str] | Config | None = None) -> list[Finding]:
    """The findings for one draft given as text, in order, each with its `fixes`.

    `path` is what findings report and what the configuration's `overrides` and `exclude` globs
    match (an excluded path has no findings). Raises `ClaimlintError` (an `InputError` or
    `ConfigError`) with a one-line message for a bad configuration or an unknown rule id in a
    suppression; a rule whose user-written pattern ran out of time is skipped with a warning."""
    loaded = resolve_config(config, path)
    if loaded.excludes(path):
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as drafts read from files are
    findings, problem = lint_within_time(linter_for(loaded, path), text, path)
    if problem:
        warnings.warn(problem, RuntimeWarning, stacklevel=2)
    return findings


def lint_paths(paths: list[str | os.PathLike[str]], config: str | os.PathLike[str] | Config | None = None, *,
               jobs: int = 1) -> Report:
    """Lint files and folders as `claimlint check` does (folders are walked for Markdown): the
    report's `findings`, `files_checked`, and `errors` ({"path", "message"}) for drafts that could
    not be read or linted. `jobs` > 1 forks that many worker processes; 0 picks one per core."""
    given = config if isinstance(config, Config) or config is None else Path(config)
    return run([os.fspath(path) for path in paths], Configs(given), RunOptions([], [], jobs=jobs)).collect()


def linter_for(config: Config, path: str) -> Linter:
    """The linter for a draft at `path` under `config`, built once and kept."""
    key = (id(config), tuple(id(override) for override in config.overrides_for(path)))
    if key not in _LINTERS:
        linter = Linter(resolve_rules(config, path=path), config.model, known_rules=frozenset(available_rules(config)),
                        remember=REMEMBERED_SEGMENTS)
        _LINTERS[key] = (config, linter)
        _trim(_LINTERS)
    _LINTERS.move_to_end(key)
    return _LINTERS[key][1]


def resolve_config(config, path: str = "draft.md") -> Config:
    """The configuration a `config` argument names for a draft at `path` (see the module's notes)."""
    if isinstance(config, Config):
        return config
    if config is None:
        config = find_config(Path(os.path.abspath(path)).parent) or find_config(Path.cwd())
        if config is None:
            return _DEFAULTS
    key = os.path.abspath(config)
    entry = _LOADED.get(key)
    if entry is None or entry[0] != _stamps([Path(key), *entry[1].extends]):
        loaded = load_config(Path(config))
        entry = _LOADED[key] = (_stamps([Path(key), *loaded.extends]), loaded)
        _trim(_LOADED)
    _LOADED.move_to_end(key)
    return entry[1]


def _stamps(paths: list[Path]) -> tuple:
    """When each file last changed, and its size: an edit changes one or the other."""
    stamps = []
    for path in paths:
        try:
            status = path.stat()
            stamps.append((status.st_mtime_ns, status.st_size))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def _trim(cache: OrderedDict):
    while len(cache) > _KEEP:
        cache.popitem(last=False)
