"""Which trained spaCy pipeline `model:` may name: an installed pipeline package, read as data.

A configuration arrives with the repository being linted, so it must never choose code to
import. `model: NAME` is accepted only when NAME is a distribution installed outside the working
directory (and outside `sys.path[0]`, which `python -m` sets to it) whose package folder holds a
spaCy `meta.json` and the pipeline data it names. The pipeline is loaded from that data folder;
the package's own code is never imported.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from claimlint.errors import ConfigError

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_META_FIELD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.+-]*")  # part of a folder name: no separators


def pipeline_path(name: str) -> Path:
    """The data folder of the installed spaCy pipeline `name` (named `<lang>_<name>-<version>`),
    or a ConfigError saying why the name is refused."""
    if not _NAME.fullmatch(name):
        raise ConfigError(f"model '{name}' refused: 'model' takes the name of an installed spaCy pipeline "
                          "package such as en_core_web_sm, not a path")
    distribution = installed_distribution(name)
    if distribution is None:
        raise ConfigError(f"model '{name}' is not installed: install the pipeline with pip (a package in the "
                          "working directory is never used), or remove 'model' from the configuration")
    package = Path(distribution.locate_file(name))
    meta = _meta(package / "meta.json")
    if meta is None:
        raise ConfigError(f"model '{name}' refused: the installed package '{name}' is not a spaCy pipeline "
                          "(its folder has no spaCy meta.json)")
    data = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    if not (data / "config.cfg").is_file():
        raise ConfigError(f"model '{name}' refused: the installed package '{name}' has no pipeline data "
                          f"({data.name}/config.cfg)")
    return data


def installed_distribution(name: str):
    """The distribution `name` found on sys.path without the working directory and sys.path[0]."""
    from importlib import metadata  # here: a run without a model never reads package metadata

    untrusted = {os.path.realpath(entry or ".") for entry in ("", *sys.path[:1])}
    path = [entry for entry in sys.path if os.path.realpath(entry or ".") not in untrusted]
    return next(iter(metadata.distributions(name=name, path=path)), None)


def _meta(path: Path) -> dict | None:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or not all(isinstance(meta.get(key), str) and _META_FIELD.fullmatch(meta[key])
                                             for key in ("lang", "name", "version")):
        return None
    return meta
