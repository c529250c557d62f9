"""`exclude` and `overrides.files` read globs as git reads .gitignore; walked extensions are configurable."""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap

import pytest

from claimlint.globs import Globs

CLAIM = "Chronic stress worsens inflammation in 70% of people.\n"
PATTERNS = ["/README.md", "[Dd]raft-*.md", "drafts/", "build/", "!build/keep.md", "vendor/**", "!vendor/keep.md",
            "*.tmp.md", "!keep.tmp.md", "notes/**/old.md"]
PATHS = ["README.md", "docs/README.md", "draft-1.md", "Draft-2.md", "docs/draft-3.md", "docs/drafts", "drafts/a.md",
         "x/drafts/a.md", "build/a.md", "build/keep.md", "vendor/a.md", "vendor/keep.md", "vendor/sub/b.md",
         "a.tmp.md", "keep.tmp.md", "docs/keep.tmp.md", "notes/old.md", "notes/2020/jan/old.md", "docs/a.md"]


@pytest.fixture
def tree(tmp_path):
    for path in PATHS:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(CLAIM)
    return tmp_path


def test_globs_follow_gitignore_semantics(tree):
    globs = Globs(PATTERNS, tree)
    matched = {path for path in PATHS if globs.matches(str(tree / path))}
    assert matched == {"README.md", "draft-1.md", "Draft-2.md", "docs/draft-3.md", "drafts/a.md", "x/drafts/a.md",
                       "build/a.md", "build/keep.md", "vendor/a.md", "vendor/sub/b.md", "a.tmp.md",
                       "notes/old.md", "notes/2020/jan/old.md"}
    assert globs.matches(str(tree / "drafts"), folder=True) and not globs.matches(str(tree / "docs"), folder=True)


@pytest.mark.skipif(not shutil.which("git"), reason="needs git to compare against")
def test_globs_agree_with_git(tree):
    subprocess.run(["git", "init", "-q", str(tree)], check=True)
    (tree / ".gitignore").write_text("\n".join(PATTERNS) + "\n")
    result = subprocess.run(["git", "-C", str(tree), "check-ignore", "--no-index", "--stdin", "-z"],
                            input="\0".join(PATHS) + "\0", capture_output=True, text=True)
    ignored_by_git = {name for name in result.stdout.split("\0") if name}
    globs = Globs(PATTERNS, tree)
    assert {path for path in PATHS if globs.matches(str(tree / path))} == ignored_by_git


def test_paths_outside_the_base_never_match(tmp_path):
    (tmp_path / "project").mkdir()
    assert not Globs(["*.md"], tmp_path / "project").matches(str(tmp_path / "other.md"))


def lint_json(cli, *args):
    result = cli("check", "--format", "json", "--no-cache", *args)
    assert result.exit_code in (0, 1), result.stderr
    return sorted(f["path"].replace("\\", "/") for f in json.loads(result.stdout)["findings"]
                  if f["rule"] == "unsourced-statistic")


def test_exclude_reads_globs_as_git_does(cli, tree, monkeypatch):
    monkeypatch.chdir(tree)
    (tree / ".claimlint.yaml").write_text("exclude: ['/README.md', '[Dd]raft-*.md', 'build/', '!build/keep.md', "
                                          "'vendor/**', '!vendor/keep.md', 'drafts/']\n")
    assert lint_json(cli, ".") == ["a.tmp.md", "docs/README.md", "docs/a.md", "docs/keep.tmp.md", "keep.tmp.md",
                                   "notes/2020/jan/old.md", "notes/old.md", "vendor/keep.md"]
    # Named files too (a pre-commit hook names them); a file called `drafts` is no folder.
    assert lint_json(cli, "README.md", "Draft-2.md", "build/keep.md", "docs/drafts") == ["docs/drafts"]


def test_overrides_files_use_the_same_globs(cli, tree, monkeypatch):
    monkeypatch.chdir(tree)
    (tree / ".claimlint.yaml").write_text(textwrap.dedent("""\
        overrides:
          - files: ['*.md', '!/docs/**']
            ignore: [unsourced-statistic]
        """))
    assert lint_json(cli, ".") == ["docs/README.md", "docs/a.md", "docs/draft-3.md", "docs/keep.tmp.md"]


def test_an_unreadable_glob_is_a_config_error(cli, tree, monkeypatch):
    monkeypatch.chdir(tree)
    (tree / ".claimlint.yaml").write_text("exclude: ['drafts/', '!']\n")
    result = cli("check", "docs/a.md")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"claimlint: error: {tree / '.claimlint.yaml'}: line 1: key 'exclude': ")
    assert "'!'" in result.stderr


def test_walked_extensions_are_configurable(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("a.md", "b.markdown", "c.mdx", "d.txt"):
        (tmp_path / name).write_text(CLAIM)
    assert lint_json(cli, ".") == ["a.md", "b.markdown"]
    (tmp_path / ".claimlint.yaml").write_text("extensions: [.md, .MDX]\n")
    assert lint_json(cli, ".") == ["a.md", "c.mdx"]
    (tmp_path / ".claimlint.yaml").write_text("extensions: [mdx]\n")
    result = cli("check", ".")
    assert result.exit_code == 2 and "key 'extensions': 'mdx' is not a file extension such as '.md'" in result.stderr
