"""`--output-dir DIR`: JSON Lines shards that joined are the `--format jsonl` report, and a summary
that counts them; a folder that is not empty, or not a folder, is refused before anything runs."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT
from claimlint.linter import Linter

DRAFTS = sorted((ROOT / "fixtures" / "eval").glob("[0-9]*.md"))[:30]
SHARD_FILES = 7


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """30 drafts, a binary file among them, and shards of SHARD_FILES files; returns the drafts'
    paths in the order they are found."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("claimlint.output_dir.SHARD_FILES", SHARD_FILES)
    (tmp_path / "docs").mkdir()
    for draft in DRAFTS:
        (tmp_path / "docs" / draft.name).write_text(draft.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "docs" / "10-binary.md").write_bytes(b"# A\x00B\n")
    return [f"docs/{draft.name}" for draft in DRAFTS]


def shards(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("shard-"))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_shards_joined_are_the_jsonl_report(cli, archive, jobs):
    report = cli("check", "--no-cache", "-j", jobs, "--format", "jsonl", "docs")
    errors = json.loads(cli("check", "--no-cache", "--format", "json", "docs").stdout)["errors"]
    result = cli("check", "--no-cache", "-j", jobs, "--output-dir", "out/run", "docs")  # made with its parent
    folder = Path("out/run")
    assert (result.exit_code, report.exit_code) == (2, 2) and len(errors) == 1  # the binary file
    assert result.stdout == ""  # no report was asked of standard output
    written = shards(folder)
    assert written == [f"shard-{n:05d}.jsonl" for n in range(5)]  # 30 drafts in shards of 7
    assert sorted(path.name for path in folder.iterdir()) == [*written, "summary.json"]  # no temporary file left
    texts = [(folder / name).read_text(encoding="utf-8") for name in written]
    assert "".join(texts) == report.stdout and report.stdout.count("\n") > 100
    for number, text in enumerate(texts):  # each shard holds its files' findings
        assert {json.loads(line)["path"] for line in text.splitlines()} <= set(
            archive[number * SHARD_FILES:(number + 1) * SHARD_FILES])
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    findings = [json.loads(line) for line in report.stdout.splitlines()]
    per_rule = Counter((finding["rule"], finding["severity"]) for finding in findings)
    assert summary == {
        "version": summary["version"],
        "files_checked": 30,
        "files_with_findings": len({finding["path"] for finding in findings}),
        "findings": len(findings),
        "findings_per_rule": [{"rule": rule, "severity": severity, "count": count} for (rule, severity), count
                              in sorted(per_rule.items(), key=lambda item: (-item[1], item[0]))],
        "errors": errors,
        "exit_status": 2,
        "shards": [{"path": name, "files": min(SHARD_FILES, 30 - number * SHARD_FILES),
                    "findings": text.count("\n")} for number, (name, text) in enumerate(zip(written, texts))],
    }
    assert result.stderr.splitlines() == [f"claimlint: error: {errors[0]['message']}",
                                          f"claimlint: {len(findings)} findings in 30 files written to out/run: "
                                          "5 shards and summary.json"]


@pytest.mark.parametrize("args, status", [([], 1), (["--exit-zero"], 0), (["--write-baseline", "baseline.json"], 0)])
def test_the_exit_status_is_a_normal_runs_and_the_summary_says_it(cli, archive, args, status):
    Path("docs/10-binary.md").unlink()
    assert cli("check", "--no-cache", *args, "docs").exit_code == status
    result = cli("check", "--no-cache", "--output-dir", "out", "-q", *args, "docs")
    assert (result.exit_code, result.stdout, result.stderr) == (status, "", "")
    assert json.loads(Path("out/summary.json").read_text(encoding="utf-8"))["exit_status"] == status


def test_a_report_named_for_standard_output_is_written_too(cli, archive):
    alone = cli("check", "--no-cache", "--format", "json", "docs")
    both = cli("check", "--no-cache", "--format", "json", "--output-dir", "out", "docs")
    assert both.stdout == alone.stdout and both.exit_code == alone.exit_code == 2
    assert len(shards(Path("out"))) == 5


def test_an_interrupted_run_leaves_whole_shards_and_no_summary(cli, archive, monkeypatch):
    complete = cli("check", "--no-cache", "-j", "1", "--format", "jsonl", "docs").stdout.splitlines(keepends=True)
    lint, linted = Linter.lint, []

    def interrupted(self, text, path):
        linted.append(path)
        if len(linted) == 2 * SHARD_FILES + 3:
            raise KeyboardInterrupt
        return lint(self, text, path)

    monkeypatch.setattr(Linter, "lint", interrupted)
    result = cli("check", "--no-cache", "-j", "1", "--output-dir", "out", "docs")
    assert result.exit_code == 1 and "Aborted" in result.stderr
    written = shards(Path("out"))
    assert written == ["shard-00000.jsonl", "shard-00001.jsonl"] and not Path("out/summary.json").exists()
    first = set(archive[:2 * SHARD_FILES])
    assert "".join(Path("out", name).read_text(encoding="utf-8") for name in written) == "".join(
        line for line in complete if json.loads(line)["path"] in first)


@pytest.mark.parametrize("make, message", [
    (lambda: Path("out").write_text("a draft\n", encoding="utf-8"), "out: --output-dir needs a folder, and this is a file"),
    (lambda: Path("out").mkdir() or Path("out/notes.md").write_text("a draft\n", encoding="utf-8"),
     "out: the output folder is not empty (it holds notes.md); give an empty or new folder: nothing in it is overwritten"),
    (lambda: Path("file").write_text("a draft\n", encoding="utf-8"), "file/out: cannot use it as the output folder: "),
], ids=["a-file", "not-empty", "under-a-file"])
def test_a_folder_that_cannot_take_the_shards_is_one_error(cli, archive, make, message):
    make()
    before = {path: path.read_bytes() for path in Path(".").rglob("*") if path.is_file()}
    folder = "file/out" if message.startswith("file/") else "out"
    result = cli("check", "--no-cache", "--output-dir", folder, "docs")
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(f"claimlint: error: {message}")
    assert {path: path.read_bytes() for path in Path(".").rglob("*") if path.is_file()} == before  # nothing written
