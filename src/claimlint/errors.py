"""User-facing errors: each renders as one line and maps to exit status 2."""


class ClaimlintError(Exception):
    """A usage, configuration or input problem, reported without a traceback."""


class InputError(ClaimlintError):
    """A file that cannot be linted (unreadable, not UTF-8, ...)."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path


class ConfigError(ClaimlintError):
    """A malformed configuration or rule file."""
