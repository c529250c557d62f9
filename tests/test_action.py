"""The composite GitHub Action's lint step, run with bash in a throwaway repository.

GitHub itself cannot run here; this executes the step's own script as a pull request would:
a base branch on an `origin` remote, a head commit that changes some Markdown files.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.skipif(not (shutil.which("git") and shutil.which("bash")), reason="needs git and bash")
IDENTITY = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


def lint_step() -> str:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    (step,) = [s for s in action["runs"]["steps"] if s.get("name") == "Run claimlint"]
    return step["run"]


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **IDENTITY})


@pytest.fixture
def pull_request(tmp_path):
    origin, work = tmp_path / "origin.git", tmp_path / "work"
    git("init", "-q", "--bare", str(origin), cwd=tmp_path)
    git("init", "-q", "-b", "main", str(work), cwd=tmp_path)
    (work / "old.md").write_text("Sugar causes cavities.\n")
    git("add", "-A", cwd=work)
    git("commit", "-q", "-m", "base", cwd=work)
    git("remote", "add", "origin", str(origin), cwd=work)
    git("push", "-q", "origin", "main", cwd=work)
    git("checkout", "-q", "-b", "feature", cwd=work)
    return work


def run_step(work: Path, **env):
    bin_dir = str(Path(sys.executable).parent)  # where this environment's claimlint lives
    variables = {"CHANGED_ONLY": "true", "BASE_REF": "main", "PATHS": ".", "ARGS": "--no-cache",
                 "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", **env}
    return subprocess.run(["bash", "-e", "-c", lint_step()], cwd=work, capture_output=True, text=True,
                          env={**os.environ, **IDENTITY, **variables})


def test_lints_only_changed_markdown_as_annotations(pull_request):
    (pull_request / "new.md").write_text("About 70% of adults snack at night.\n")
    (pull_request / "notes.txt").write_text("Sugar causes cavities.\n")
    git("add", "-A", cwd=pull_request)
    git("commit", "-q", "-m", "draft", cwd=pull_request)
    result = run_step(pull_request)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("::") for line in lines)
    assert any("file=new.md" in line and "unsourced-statistic" in line for line in lines)
    assert not any("old.md" in line for line in lines)


def test_no_changed_markdown_is_a_pass(pull_request):
    (pull_request / "notes.txt").write_text("Nothing to lint.\n")
    git("add", "-A", cwd=pull_request)
    git("commit", "-q", "-m", "text only", cwd=pull_request)
    result = run_step(pull_request)
    assert result.returncode == 0 and "No changed Markdown files." in result.stdout


def test_all_paths_when_not_changed_only(pull_request):
    result = run_step(pull_request, CHANGED_ONLY="false")
    assert result.returncode == 1 and "file=old.md" in result.stdout


def test_a_changed_file_named_like_an_option_is_linted_as_a_file(pull_request):
    (pull_request / "house.yaml").write_text("select: [missing-disclaimer]\n")
    (pull_request / "--config=house.yaml.md").write_text("About 70% of adults snack at night.\n")
    git("add", "-A", cwd=pull_request)
    git("commit", "-q", "-m", "hostile name", cwd=pull_request)
    result = run_step(pull_request)
    assert result.returncode == 1, result.stderr
    assert "unsourced-statistic" in result.stdout and "file=--config=house.yaml.md" in result.stdout


def test_the_job_summary_and_sarif_show_every_finding(pull_request, tmp_path):
    (pull_request / "many.md").write_text("".join(f"About {n}% of adults skip breakfast.\n\n" for n in range(11, 26)))
    git("add", "-A", cwd=pull_request)
    git("commit", "-q", "-m", "many", cwd=pull_request)
    summary = tmp_path / "summary.md"
    summary.write_text("Earlier step's summary.\n")
    result = run_step(pull_request, GITHUB_STEP_SUMMARY=str(summary), SUMMARY="true", SARIF_FILE="claimlint.sarif")
    assert result.returncode == 1, result.stderr
    assert sum(line.startswith("::warning ") for line in result.stdout.splitlines()) == 15
    text = summary.read_text()
    assert text.startswith("Earlier step's summary.\n### claimlint: 15 findings in 1 of 1 file checked")
    assert "| `unsourced-statistic` | warning | 15 |" in text
    assert sum(line.startswith("| many.md:") for line in text.splitlines()) == 15
    results = json.loads((pull_request / "claimlint.sarif").read_text())["runs"][0]["results"]
    assert len(results) == 15


def test_no_summary_when_turned_off(pull_request, tmp_path):
    (pull_request / "new.md").write_text("About 70% of adults snack at night.\n")
    git("add", "-A", cwd=pull_request)
    git("commit", "-q", "-m", "draft", cwd=pull_request)
    summary = tmp_path / "summary.md"
    result = run_step(pull_request, GITHUB_STEP_SUMMARY=str(summary), SUMMARY="false", SARIF_FILE="")
    assert result.returncode == 1 and not summary.exists() and not (pull_request / "claimlint.sarif").exists()


def test_no_changed_markdown_says_so_in_the_summary(pull_request, tmp_path):
    (pull_request / "notes.txt").write_text("Nothing to lint.\n")
    git("add", "-A", cwd=pull_request)
    git("commit", "-q", "-m", "text only", cwd=pull_request)
    summary = tmp_path / "summary.md"
    result = run_step(pull_request, GITHUB_STEP_SUMMARY=str(summary), SUMMARY="true", SARIF_FILE="")
    assert result.returncode == 0 and summary.read_text() == "### claimlint: no changed Markdown files\n"
