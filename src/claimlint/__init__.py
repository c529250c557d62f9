"""claimlint: a fact-checking claim linter for health writing in Markdown.

The Python API (see the README): `lint_text`, `lint_paths`, and the types they return.
"""

__version__ = "0.1.0"

from claimlint.api import lint_paths, lint_text  # noqa: E402 - after __version__, which the modules read
from claimlint.config import Config, load_config  # noqa: E402
from claimlint.errors import ClaimlintError, ConfigError, InputError  # noqa: E402
from claimlint.findings import Edit, Finding, Fix  # noqa: E402
from claimlint.reporters import Report  # noqa: E402

__all__ = ["lint_text", "lint_paths", "Finding", "Fix", "Edit", "Report", "Config", "load_config",
           "ClaimlintError", "ConfigError", "InputError", "__version__"]
