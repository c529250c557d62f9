"""Packaging: the licence, the project's addresses, bounded dependencies, and one version story."""

from __future__ import annotations

import re
import sys
from importlib import metadata

from packaging.requirements import Requirement
from packaging.version import Version

from claimlint import __version__
from conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_licence_file_is_the_declared_mit_licence():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert PROJECT["license"] == "MIT" and PROJECT["license-files"] == ["LICENSE"]
    assert text.startswith("MIT License\n") and "Permission is hereby granted, free of charge" in text
    assert "LICENSE" in (metadata.metadata("claimlint").get_all("License-File") or [])


def test_project_urls_are_declared_and_installed():
    urls = PROJECT["urls"]
    assert set(urls) >= {"Homepage", "Repository", "Documentation", "Issues"}
    installed = dict(entry.split(", ", 1) for entry in metadata.metadata("claimlint").get_all("Project-URL"))
    assert installed == urls
    assert urls["Documentation"].endswith("/docs/rules.md") and (ROOT / "docs" / "rules.md").is_file()


def test_markdown_dependencies_stop_below_their_next_major_version():
    requirements = {Requirement(line).name: Requirement(line) for line in PROJECT["dependencies"]}
    for name in ("markdown-it-py", "mdit-py-plugins"):
        specifier = requirements[name].specifier
        assert any(spec.operator == "<" for spec in specifier), name
        installed = Version(metadata.version(name))
        assert installed in specifier, (name, installed)  # what the suite runs on is allowed
    assert Version("5.0") not in requirements["markdown-it-py"].specifier
    assert Version("0.8") not in requirements["mdit-py-plugins"].specifier


def test_the_snippets_name_this_releases_tag_at_the_declared_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    repository = PROJECT["urls"]["Repository"]
    owner_name = repository.removeprefix("https://github.com/")
    tag = f"v{__version__}"
    assert re.findall(r"^ +rev: (\S+)", readme, re.MULTILINE) == [tag]
    assert f"repo: {repository} " in readme
    assert set(re.findall(rf"^ +- uses: {re.escape(owner_name)}@(\S+)", readme, re.MULTILINE)) == {tag}
    assert f'git tag -a {tag} -m "claimlint {__version__}"' in readme
    assert set(re.findall(rf"{re.escape(repository)}/(?:blob|raw)/(v[^/]+)/", readme)) == {tag}
