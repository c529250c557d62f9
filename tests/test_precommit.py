"""The hook in .pre-commit-hooks.yaml, driven by the real pre-commit tool in a throwaway repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimlint import __version__
from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


IDENTITY = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


def git(*args, cwd, env=None):
    return subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **IDENTITY, **(env or {})},
                          capture_output=True, text=True)


def snapshot_of_this_checkout(target):
    """A git repository holding the working tree as it is now (committed or not)."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.splitlines()
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    git("commit", "-q", "-m", "snapshot", cwd=target)
    return git("rev-parse", "HEAD", cwd=target).stdout.strip()


def test_precommit_hook_blocks_unsourced_statistic(tmp_path):
    beside = Path(sys.executable).with_name("pre-commit")
    pre_commit = str(beside) if beside.exists() else shutil.which("pre-commit")
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    hook_repo, project = tmp_path / "hook", tmp_path / "project"
    hook_repo.mkdir()
    project.mkdir()
    snapshot_of_this_checkout(hook_repo)
    # The release story of the README: the release commit carries the annotated tag v<version>, and
    # the README's own snippet (its `rev`) is what a project writes, pointed at this repository.
    git("tag", "-a", f"v{__version__}", "-m", f"claimlint {__version__}", cwd=hook_repo)
    snippet = next(block for block in re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"),
                                                  re.DOTALL) if block.startswith("# .pre-commit-config.yaml"))
    assert f"rev: v{__version__}\n" in snippet
    git("init", "-q", cwd=project)
    (project / ".pre-commit-config.yaml").write_text(
        re.sub(r"repo: \S+.*", f"repo: {hook_repo.as_uri()}", snippet))
    env = {"PRE_COMMIT_HOME": str(tmp_path / "cache"), "PATH": f"{Path(pre_commit).parent}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run([pre_commit, "install"], cwd=project, env={**os.environ, **env}, check=True, capture_output=True)

    (project / "bad.md").write_text("About 70% of immune cells live in the gut.\n")
    git("add", "-A", cwd=project)
    commit = git("commit", "-m", "draft", cwd=project, env=env)
    output = commit.stdout + commit.stderr
    assert commit.returncode != 0, output
    assert "bad.md:1:1: warning [unsourced-statistic]" in output

    (project / "bad.md").write_text("Our clinic opens at nine on weekdays.\n")
    git("add", "-A", cwd=project)
    commit = git("commit", "-m", "clean draft", cwd=project, env=env)
    assert commit.returncode == 0, commit.stdout + commit.stderr
