"""Hostile and broken inputs (issue 9): nothing a draft, path or configuration holds may forge CI
output or run code, and a bad input is one line naming it, exit status 2, the rest still linted."""

from __future__ import annotations

import json
import re
import textwrap

import pytest

CLAIM = "Chronic stress worsens inflammation.\n"
FORGED_SUPPRESSION = "<!-- claimlint-disable x\n::warning file=README.md::forged -->\n" + CLAIM


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def workflow_commands(output: str) -> list[str]:
    """The lines a GitHub runner would run as workflow commands: `::` at the start of a line
    (after white space), or the older `##[` anywhere in it. The runner splits on CR and LF only."""
    return [line for line in re.split(r"\r\n|\r|\n", output) if line.lstrip().startswith("::") or "##[" in line]


# 1. Workflow-command injection


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif", "gitlab", "html"])
def test_a_suppression_comment_cannot_forge_a_workflow_command(cli, in_tmp, output_format):
    (in_tmp / "bad.md").write_text(FORGED_SUPPRESSION)
    (in_tmp / "good.md").write_text(CLAIM)
    result = cli("check", "--format", output_format, "bad.md", "good.md")
    assert result.exit_code == 2
    assert workflow_commands(result.stderr) == []
    expected = []
    if output_format == "github":
        expected = [line for line in result.stdout.splitlines() if "title=claimlint::" in line]
        assert expected == ["::error file=bad.md,title=claimlint::bad.md: line 1: unknown rule id "
                            "'x%0A::warning file=readme.md::forged' in a suppression (see `claimlint rules`)"]
        assert result.stderr == ""
    else:
        assert result.stderr.splitlines() == [r"claimlint: error: bad.md: line 1: unknown rule id "
                                              r"'x\x0a::warning file=readme.md::forged' in a suppression "
                                              r"(see `claimlint rules`)"]
    assert [line for line in workflow_commands(result.stdout) if "good.md" not in line] == expected


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif", "gitlab", "html"])
def test_draft_text_and_file_names_cannot_forge_a_workflow_command(cli, in_tmp, output_format):
    (in_tmp / "docs").mkdir()
    (in_tmp / "docs" / "::warning file=x::forged.md").write_text("Sugar ##[warning]forged worsens acne.\n")
    (in_tmp / "docs" / "a\n::add-mask::secret.md").write_text(CLAIM)
    (in_tmp / "docs" / "##[warning]forged.md").write_text(CLAIM)
    result = cli("check", "--format", output_format, ".")
    assert result.exit_code == 1, result.stderr
    commands = workflow_commands(result.stdout + "\n" + result.stderr)
    if output_format == "github":  # only its own annotations, with every property and message escaped
        assert commands and all(re.fullmatch(r"::warning file=[^:,]+(,[a-zA-Z]+=[^:,]+)*::[^\n]*", c) for c in commands)
    else:
        assert commands == []
    if output_format in ("json", "sarif", "gitlab"):
        assert "docs/##[warning]forged.md" in json.dumps(json.loads(result.stdout), ensure_ascii=False)


def test_text_excerpts_stay_aligned_after_escaping(cli, in_tmp):
    (in_tmp / "a.md").write_text("A ##[x] note: stress worsens acne.\n")
    lines = cli("check", "--select", "unhedged-causal-claim", "a.md").stdout.splitlines()
    assert lines[1] == r"   1 | A #\x23[x] note: stress worsens acne."
    assert lines[2].index("^") == lines[1].index("worsens") and lines[2].count("^") == len("worsens")


def test_configuration_errors_cannot_forge_a_workflow_command(cli, in_tmp):
    (in_tmp / ".claimlint.yaml").write_text('select: ["x\\n::add-mask::secret"]\n')
    (in_tmp / "a.md").write_text(CLAIM)
    result = cli("check", "--format", "github", "a.md")
    assert result.exit_code == 2
    assert workflow_commands(result.stderr) == [] and len(result.stderr.splitlines()) == 1
    assert r"unknown rule id 'x\x0a::add-mask::secret'" in result.stderr


def test_house_rule_text_cannot_forge_a_workflow_command(cli, in_tmp):
    (in_tmp / "house").mkdir()
    (in_tmp / "house" / "no-miracle.yaml").write_text(textwrap.dedent("""\
        id: no-miracle
        severity: error
        message: 'Avoid "{match}".'
        description: "Miracle language.\\n::warning file=a.md::forged\\n  ::stop-commands::x"
        kind: phrase
        patterns: ['miracles?']
        examples:
          flag: ["A miracle ##[error]tea."]
          pass: ["A miracle\\n::error::x"]
        """))
    (in_tmp / ".claimlint.yaml").write_text("rule_paths: [house]\n")
    for args in (("rules",), ("rules", "--check"), ("explain", "no-miracle")):
        result = cli(*args)
        assert workflow_commands(result.stdout + result.stderr) == [], args
    assert "  \\x3a:stop-commands::x" in cli("explain", "no-miracle").stdout


# 3. git must not run the repository's commands


def test_walking_a_hostile_repository_runs_none_of_its_git_commands(cli, in_tmp):
    import shutil
    import subprocess

    if not shutil.which("git"):
        pytest.skip("needs git")
    repo, marker = in_tmp / "repo", in_tmp / "fsmonitor-ran"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "config", "core.fsmonitor", f"touch '{marker}'; false"], check=True)
    (repo / ".gitignore").write_text("build/\n")
    (repo / "build").mkdir()
    (repo / "build" / "out.md").write_text(CLAIM)
    (repo / "a.md").write_text(CLAIM)
    data = json.loads(cli("check", "--format", "json", "--no-cache", "repo").stdout)
    assert not marker.exists()
    assert [f["path"] for f in data["findings"] if f["rule"] == "unhedged-causal-claim"] == ["repo/a.md"]


# 4. Symbolic links out of the tree


@pytest.fixture
def linked_out(in_tmp):
    (in_tmp / "outside").mkdir()
    (in_tmp / "outside" / "secret.md").write_text("Secret: stress worsens acne.\n")
    (in_tmp / "docs").mkdir()
    (in_tmp / "docs" / "a.md").write_text(CLAIM)
    (in_tmp / "docs" / "link.md").symlink_to("../outside/secret.md")
    (in_tmp / "docs" / "inner.md").symlink_to("a.md")
    return in_tmp


def test_links_out_of_the_walked_folders_are_skipped_on_one_line(cli, linked_out):
    result = cli("check", "docs")
    assert result.exit_code == 1
    assert "Secret" not in result.stdout
    assert {line.split(":")[0] for line in result.stdout.splitlines() if ": warning [" in line} == {
        "docs/a.md", "docs/inner.md"}
    target = linked_out.resolve() / "outside" / "secret.md"
    assert result.stderr.splitlines() == [
        f"claimlint: docs/link.md: skipped: a symbolic link to {target}, outside the folders being linted"]
    github = cli("check", "--format", "github", "docs")
    assert "::notice file=docs/link.md,title=claimlint::docs/link.md: skipped: " in github.stdout
    assert github.stderr == ""


def test_links_named_on_the_command_line_or_within_the_linted_folders_are_read(cli, linked_out):
    assert "Secret" in cli("check", "docs/link.md").stdout
    both = cli("check", "docs", "outside")
    assert both.stdout.count("Secret") == 2 and both.stderr == ""


# 5. An unreadable folder


def test_an_unreadable_folder_is_an_input_error_and_the_rest_is_linted(cli, in_tmp, monkeypatch):
    import os

    private = in_tmp / "docs" / "private"
    private.mkdir(parents=True)
    (private / "p.md").write_text(CLAIM)
    (in_tmp / "docs" / "a.md").write_text(CLAIM)
    private.chmod(0)
    try:
        if os.access(private, os.R_OK):  # root reads anything: fail the folder as it fails for others
            real_scandir = os.scandir

            def scandir(path="."):
                if os.path.realpath(path) == str(private.resolve()):
                    raise PermissionError(13, "Permission denied", os.fspath(path))
                return real_scandir(path)

            monkeypatch.setattr(os, "scandir", scandir)
        result = cli("check", "--format", "json", "docs")
    finally:
        private.chmod(0o755)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["claimlint: error: docs/private: cannot read this folder (permission denied)"]
    data = json.loads(result.stdout)
    assert {f["path"] for f in data["findings"]} == {"docs/a.md"}
    assert data["errors"] == [{"path": "docs/private", "message": "docs/private: cannot read this folder (permission denied)"}]


# 8. An internal error in one draft


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_internal_error_in_one_draft_loses_no_other_findings(cli, in_tmp, monkeypatch, jobs):
    from claimlint.linter import Linter

    original = Linter.lint

    def lint(self, text, path):
        if path == "b.md":
            raise RuntimeError("boom\n::warning::forged")
        return original(self, text, path)

    monkeypatch.setattr(Linter, "lint", lint)
    for name in ("a.md", "b.md", "c.md"):
        (in_tmp / name).write_text(CLAIM)
    result = cli("check", "--no-cache", "--jobs", jobs, "a.md", "b.md", "c.md")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        r"claimlint: error: internal error in b.md: RuntimeError: boom\x0a::warning::forged (please report it)"]
    assert {line.split(":")[0] for line in result.stdout.splitlines() if ": warning [" in line} == {"a.md", "c.md"}
    debug = cli("check", "--no-cache", "--jobs", jobs, "--debug", "a.md", "b.md", "c.md")
    assert debug.exit_code == 2 and debug.stdout == result.stdout
    assert debug.stderr.splitlines()[:2] == [result.stderr.splitlines()[0], "Traceback (most recent call last):"]
    assert debug.stderr.splitlines()[-2:] == ["RuntimeError: boom", r"\x3a:warning::forged"]
    assert workflow_commands(debug.stderr) == []


# 2. `model:` never chooses code to import


def test_a_model_beside_the_draft_is_never_imported(in_tmp):
    import subprocess
    import sys

    marker = in_tmp / "evil-ran"
    (in_tmp / "evilpkg").mkdir()
    (in_tmp / "evilpkg" / "__init__.py").write_text(f"open({str(marker)!r}, 'w').close()\ndef load(**kw): pass\n")
    (in_tmp / "evilpkg-1.0.dist-info").mkdir()
    (in_tmp / "evilpkg-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: evilpkg\nVersion: 1.0\n")
    (in_tmp / ".claimlint.yaml").write_text("model: evilpkg\n")
    (in_tmp / "a.md").write_text(CLAIM)
    result = subprocess.run([sys.executable, "-m", "claimlint", "check", "--no-cache", "a.md"], cwd=in_tmp,
                            capture_output=True, text=True)
    assert not marker.exists()
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "claimlint: error: model 'evilpkg' is not installed: install the pipeline with pip (a package in the "
        "working directory is never used), or remove 'model' from the configuration"]


@pytest.mark.parametrize("model, reason", [
    ("numpy", "model 'numpy' refused: the installed package 'numpy' is not a spaCy pipeline (its folder has no "
              "spaCy meta.json)"),
    ("../evil", "model '../evil' refused: 'model' takes the name of an installed spaCy pipeline package such as "
                "en_core_web_sm, not a path"),
])
def test_a_model_that_is_not_an_installed_pipeline_is_refused_saying_why(cli, in_tmp, model, reason):
    (in_tmp / ".claimlint.yaml").write_text(f"model: {model!r}\n")
    (in_tmp / "a.md").write_text(CLAIM)
    result = cli("check", "--no-cache", "a.md")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"claimlint: error: {reason}"]


def test_an_installed_pipeline_is_loaded_as_data_without_importing_it(cli, in_tmp, monkeypatch):
    import sys

    import spacy

    site, marker = in_tmp / "site", in_tmp / "imported"
    package = site / "en_test_pipeline"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.meta.update(name="test_pipeline", version="1.0.0")
    package.mkdir(parents=True)
    nlp.to_disk(package / "en_test_pipeline-1.0.0")
    (package / "meta.json").write_text(json.dumps(nlp.meta))
    (package / "__init__.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    (site / "en_test_pipeline-1.0.0.dist-info").mkdir()
    (site / "en_test_pipeline-1.0.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: en_test_pipeline\nVersion: 1.0.0\n")
    monkeypatch.setattr(sys, "path", [*sys.path, str(site)])  # installed, not the working directory
    (in_tmp / ".claimlint.yaml").write_text("model: en_test_pipeline\n")
    (in_tmp / "docs").mkdir()
    (in_tmp / "docs" / "a.md").write_text(CLAIM)
    monkeypatch.chdir(in_tmp / "docs")
    result = cli("check", "--no-cache", "--select", "unhedged-causal-claim", "a.md")
    assert result.exit_code == 1, result.stderr
    assert result.stdout.startswith("a.md:1:16: warning [unhedged-causal-claim]")
    assert not marker.exists()


# 11. Configuration errors carry their YAML line


@pytest.mark.parametrize("content, message", [
    ("fail_on: warning\ncolour: red\n", "line 2: unknown key 'colour'"),
    ("select: [unsourced-statistic]\nfail_on: [a\n", "invalid YAML (line 3): expected ',' or ']'"),
    ("ignore: []\nselect: [no-such-rule]\n", "line 2: select: unknown rule id 'no-such-rule'"),
    ("rules:\n  unsourced-statistic: {options: {}}\n  overclaiming: {severity: loud}\n",
     "line 3: rules.overclaiming: severity 'loud' is not one of"),
    ("overrides:\n  - files: ['a/**']\n  - files: ['b/**']\n    ignore: [nope]\n",
     "line 4: overrides[1]: ignore: unknown rule id 'nope'"),
    ("disclaimer_patterns:\n  - 'fine'\n  - 'consult('\n", "line 3: key 'disclaimer_patterns': invalid regular expression"),
    ("fail_on: warning\nrespect_gitignore: 'yes'\n", "line 2: key 'respect_gitignore' must be true or false"),
])
def test_configuration_errors_name_the_yaml_line(cli, in_tmp, content, message):
    (in_tmp / ".claimlint.yaml").write_text(content)
    (in_tmp / "a.md").write_text(CLAIM)
    result = cli("check", "a.md")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"claimlint: error: {in_tmp / '.claimlint.yaml'}: {message}")


def test_an_undecodable_configuration_is_one_line(cli, in_tmp):
    (in_tmp / ".claimlint.yaml").write_bytes(b"select: [caf\xe9]\n")
    (in_tmp / "a.md").write_text(CLAIM)
    result = cli("check", "a.md")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"claimlint: error: {in_tmp / '.claimlint.yaml'}: cannot be read: ")


# 12. A full disk


@pytest.mark.skipif(not __import__("os").path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("check", "--no-cache", "a.md"), ("rules",), ("explain", "overclaiming")])
def test_a_report_that_cannot_be_written_is_one_line_with_status_2(in_tmp, args):
    import subprocess
    import sys

    (in_tmp / "a.md").write_text(CLAIM)
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "claimlint", *args], cwd=in_tmp, stdout=full,
                                stderr=subprocess.PIPE, text=True)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["claimlint: error: cannot write the output: No space left on device"]


@pytest.mark.skipif(not __import__("os").path.isdir("/proc/self/fd"), reason="needs /proc/self/fd")
def test_a_cache_write_on_a_full_disk_leaves_no_temporary_file(cli, in_tmp, monkeypatch):
    import errno
    import os

    fdopen = os.fdopen

    class FullDisk:
        def __init__(self, descriptor):
            self.handle = fdopen(descriptor, "w")

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    def full_disk(descriptor, *args, **kwargs):  # the temporary file is created, then the disk is full
        if os.readlink(f"/proc/self/fd/{descriptor}").endswith(".tmp"):
            return FullDisk(descriptor)
        return fdopen(descriptor, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", full_disk)
    (in_tmp / "a.md").write_text(CLAIM)
    result = cli("check", "a.md")
    assert result.exit_code == 1 and result.stderr == ""
    assert (in_tmp / ".claimlint_cache").is_dir()
    assert list((in_tmp / ".claimlint_cache").rglob("*.tmp")) == []
    assert list((in_tmp / ".claimlint_cache").rglob("*.json")) == []


def test_links_planted_in_a_committed_cache_folder_are_never_written_through(tmp_path):
    import os

    from claimlint.cache import Cache

    cache, victim, elsewhere = Cache(tmp_path / ".claimlint_cache"), tmp_path / "victim.txt", tmp_path / "elsewhere"
    victim.write_text("untouched\n")
    elsewhere.mkdir()
    cache.put("fingerprint", "first draft", [])
    planted = cache._file("fingerprint", "second draft")
    planted.parent.mkdir(exist_ok=True)
    planted.with_suffix(f".{os.getpid()}.tmp").symlink_to(victim)
    cache.put("fingerprint", "second draft", [])
    assert victim.read_text() == "untouched\n" and not planted.exists()
    linked = cache._file("fingerprint", "third draft")
    if linked.parent.exists():
        linked.parent.rename(tmp_path / "moved")
    linked.parent.symlink_to(elsewhere)
    cache.put("fingerprint", "third draft", [])
    assert list(elsewhere.iterdir()) == []


# 16. The cache: keyed by dependency versions, pruned, and removed by `claimlint clean`


def test_the_cache_key_includes_dependency_and_model_versions(monkeypatch):
    import claimlint.cache as cache
    from claimlint.config import Config, resolve_rules

    rules = resolve_rules(Config())
    before = cache.linter_fingerprint(rules, None, False)
    for name in cache.DEPENDENCIES:
        monkeypatch.setattr(cache, "dependency_versions", lambda name=name: {
            **{other: "1.0" for other in cache.DEPENDENCIES}, name: "99.0"})
        assert cache.linter_fingerprint(rules, None, False) != before, name
    monkeypatch.setattr(cache, "pipeline_path", lambda model: __import__("pathlib").Path(f"/x/en_{model}-1.0.0"))
    first = cache.linter_fingerprint(rules, "core_web_sm", False)
    monkeypatch.setattr(cache, "pipeline_path", lambda model: __import__("pathlib").Path(f"/x/en_{model}-2.0.0"))
    assert cache.linter_fingerprint(rules, "core_web_sm", False) != first


def test_the_cache_is_pruned_of_old_and_excess_entries(cli, in_tmp, monkeypatch):
    import os
    import time

    import claimlint.cache as cache

    for name in ("a.md", "b.md", "c.md"):
        (in_tmp / name).write_text(f"{name}: {CLAIM}")
    cli("check", "a.md", "b.md", "c.md")
    folder = in_tmp / ".claimlint_cache"
    entries = sorted(folder.glob("??/*.json"))
    assert len(entries) == 3 and (folder / ".pruned").exists()
    old = time.time() - 40 * 24 * 3600
    stale = folder / "00" / ("0" * 64 + ".json")
    stale.parent.mkdir()
    stale.write_text("[]")
    leftover = folder / "00" / ("0" * 64 + ".123.tmp")
    leftover.write_text("")
    for file in (stale, leftover, folder / ".pruned"):
        os.utime(file, (old, old))
    cli("check", "a.md", "b.md", "c.md")  # every real entry is used, so only the unused ones go
    assert sorted(folder.glob("??/*")) == entries
    monkeypatch.setattr(cache, "MAX_BYTES", sum(entry.stat().st_size for entry in entries) - 1)
    os.utime(folder / ".pruned", (old, old))
    recent = time.time() - 10 * 3600
    for number, entry in enumerate(entries):
        os.utime(entry, (recent + number * 3600, recent + number * 3600))
    (in_tmp / "d.md").write_text("Nothing to see here.\n")
    cli("check", "d.md")  # d.md's entry is the newest; the oldest of the rest goes over the cap
    remaining = set(folder.glob("??/*.json"))
    assert entries[0] not in remaining and set(entries[1:]) <= remaining and len(remaining) == 3


def test_clean_removes_the_cache_folder_and_says_what_it_removed(cli, in_tmp):
    (in_tmp / "a.md").write_text(CLAIM)
    cli("check", "a.md")
    folder = in_tmp / ".claimlint_cache"
    assert folder.is_dir()
    result = cli("clean")
    assert result.exit_code == 0
    assert re.fullmatch(rf"Removed {re.escape(str(folder))}: 1 cached result, \d+\.\d KiB\n", result.stdout)
    assert not folder.exists()
    assert cli("clean").stdout == f"No cache to remove at {folder}\n"


def test_clean_leaves_a_folder_that_is_not_a_claimlint_cache_alone(cli, in_tmp):
    (in_tmp / "precious").mkdir()
    (in_tmp / "precious" / "thesis.md").write_text("Years of work.\n")
    result = cli("clean", "--cache-dir", "precious")
    assert result.exit_code == 2
    assert result.stderr == ("claimlint: error: precious: not a cache folder made by claimlint "
                             "(it has no claimlint .gitignore): left alone\n")
    assert (in_tmp / "precious" / "thesis.md").exists()
