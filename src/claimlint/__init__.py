"""claimlint: a fact-checking claim linter for health writing in Markdown.

The Python API (see the README): `lint_text`, `lint_paths`, and the types they return. They are
imported when first used, so `import claimlint` (and `python -m claimlint.docs`) stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

_API = {
    "lint_text": "claimlint.api", "lint_paths": "claimlint.api",
    "Config": "claimlint.config", "load_config": "claimlint.config",
    "ClaimlintError": "claimlint.errors", "ConfigError": "claimlint.errors", "InputError": "claimlint.errors",
    "Edit": "claimlint.findings", "Finding": "claimlint.findings", "Fix": "claimlint.findings",
    "Report": "claimlint.reporters",
}
__all__ = ["__version__", *_API]

if TYPE_CHECKING:  # what type checkers see; at run time __getattr__ imports each on first use
    from claimlint.api import lint_paths, lint_text
    from claimlint.config import Config, load_config
    from claimlint.errors import ClaimlintError, ConfigError, InputError
    from claimlint.findings import Edit, Finding, Fix
    from claimlint.reporters import Report


def __getattr__(name: str):
    if name not in _API:
        raise AttributeError(f"module 'claimlint' has no attribute '{name}'")
    from importlib import import_module

    value = getattr(import_module(_API[name]), name)
    globals()[name] = value
    return value
