"""Where claimlint's documentation lives, as [project.urls] in pyproject.toml declares it (read
from the installed package's metadata, so the addresses are written in one place)."""

from __future__ import annotations

from functools import lru_cache
from importlib import metadata

from claimlint import __version__

RULES_DOC = "docs/rules.md"  # generated from the rule files: see claimlint.docs


@lru_cache(maxsize=1)
def project_urls() -> dict[str, str]:
    """{label: address} of the installed claimlint's Project-URL entries ({} if it is not installed)."""
    try:
        entries = metadata.metadata("claimlint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return {}
    return dict(entry.split(", ", 1) for entry in entries if ", " in entry)


def homepage() -> str | None:
    return project_urls().get("Homepage")


def document(path: str, anchor: str = "") -> str | None:
    """The address of a file of this release's source tree (at its `v<version>` tag)."""
    repository = project_urls().get("Repository")
    return f"{repository}/blob/v{__version__}/{path}{'#' + anchor if anchor else ''}" if repository else None


def rule_help(rule) -> str | None:
    """A rule's documentation: its own `url`, a built-in rule's section of docs/rules.md, else how
    rules are written."""
    if rule.url:
        return rule.url
    return document(RULES_DOC, rule.id) if rule.builtin else document("README.md", "writing-rules")
