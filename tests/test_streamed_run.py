"""A run streams its report (issue 9, case 15): each file's findings are written as the file is
linted, in the order the files are found, so memory stays flat however many files a tree holds,
and the output is exactly what collecting every finding first gave."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint import __version__
from claimlint.config import Config
from claimlint.errors import InputError
from claimlint.inert import inert_json
from claimlint.linter import Linter
from claimlint.streamed_json import StreamedJson, dumps
from claimlint.runner import WINDOW_PER_WORKER, RunOptions, run
from claimlint.source import read_source
from conftest import ROOT

SUBJECTS = ("Chronic stress", "Poor sleep", "Added sugar", "A sedentary day", "Cold exposure", "Café culture")


def draft(number: int) -> str:
    """A small draft: claims on one line or across two, a statistic, a tab, multi-byte text (and,
    for some subjects, no disclaimer); every seventh draft has nothing to report."""
    subject = SUBJECTS[number % len(SUBJECTS)]
    if number % 7 == 0:
        return f"# Week {number}\n\nThe hills were mild and the paths were dry.\n"
    return (f"# Notes on {subject.lower()}\n\n{subject} worsens inflammation.\n\n"
            f"In one survey {number % 90 + 5}% of adults\tsaid {subject.lower()} keeps them awake, and it\n"
            f"causes headaches — “every single time”.\n")


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """Drafts found in an order that is not sorted order (a folder's files come before its
    subfolders', and a file named first on the command line comes first), and one binary file.
    Returns the paths to lint and the drafts in the order they are found."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    found = ["first.md"]
    found += [f"docs/{letter}-{number:02d}.md" for letter in "az" for number in range(12)]
    found += [f"docs/sub/m-{number:02d}.md" for number in range(30)]
    for number, path in enumerate(found):
        (tmp_path / path).write_text(draft(number), encoding="utf-8")
    found.insert(40, "docs/sub/m-00-binary.md")
    (tmp_path / found[40]).write_bytes(b"# A\x00B\n")
    return ["first.md", "docs"], found


def collected(found: list[str], linter: Linter):
    """(findings, errors) of linting each draft in turn, as a run that collects them would."""
    findings, errors = [], []
    for path in found:
        try:
            findings += linter.lint(read_source(path), path)
        except InputError as exc:
            errors.append({"path": exc.path, "message": str(exc)})
    return findings, errors


@pytest.mark.parametrize("options, runs", [
    (["--no-cache", "-j", "1"], 1), (["--no-cache", "-j", "2"], 1), (["--cache-dir", "cache", "-j", "2"], 2),
], ids=["serial", "workers", "cache-cold-then-warm"])
def test_a_streamed_report_is_the_collected_report(cli, tree, linter, options, runs):
    paths, found = tree
    findings, errors = collected(found, linter)
    assert len(findings) > 100 and len({f.path for f in findings}) > 30 and len(errors) == 1
    document = {
        "version": __version__,
        "findings": [finding.to_dict() for finding in findings],
        "summary": {"files_checked": len(found) - 1, "findings": len(findings), "errors": 1},
        "errors": errors,
    }
    for attempt in range(runs):
        result = cli("check", "--format", "json", *options, *paths)
        assert result.exit_code == 2, attempt  # the binary file
        assert result.stdout == inert_json(json.dumps(document, indent=2, ensure_ascii=False)) + "\n", attempt
        assert result.stderr == f"claimlint: error: {errors[0]['message']}\n"

    lines = cli("check", *options, *paths).stdout.splitlines()
    assert len(lines) == 3 * len(findings) + 1
    for number, finding in enumerate(findings):
        source = read_source(finding.path).split("\n")[finding.line - 1]
        assert lines[3 * number] == (f"{finding.path}:{finding.line}:{finding.column}: {finding.severity} "
                                     f"[{finding.rule}] {finding.message}")
        assert lines[3 * number + 1] == f"{finding.line:>4} | {source}"
    assert lines[-1] == f"{len(findings)} findings in {len({f.path for f in findings})} files"
    quiet = cli("check", "-q", *options, *paths).stdout.splitlines()
    assert quiet == lines[:-1:3]


def test_without_errors_the_exit_status_follows_the_worst_finding(cli, tree):
    assert cli("check", "--no-cache", "first.md").exit_code == 0  # nothing to report
    assert cli("check", "--no-cache", "first.md", "docs/a-00.md").exit_code == 1  # warnings
    assert cli("check", "--no-cache", "--fail-on", "error", "first.md", "docs/a-00.md").exit_code == 0


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_lints_no_further_ahead_than_its_window(tree, monkeypatch, jobs):
    """While the first draft is slow, worker processes lint at most a window of drafts ahead of
    the output (imap_unordered would lint the whole tree meanwhile and hold every result); in
    one process a result is handed on before the next draft is read."""
    paths, found = tree
    log = Path("linted.log").resolve()
    lint = Linter.lint

    def logged_lint(self, text, path):
        if path == "first.md":
            time.sleep(2)
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(path + "\n")
        return lint(self, text, path)

    monkeypatch.setattr(Linter, "lint", logged_lint)  # forked workers inherit it
    results = run(paths, Config(), RunOptions([], [], jobs=jobs)).results()
    first = next(results)
    assert first.path == "first.md"
    window = 1 if jobs == 1 else jobs * WINDOW_PER_WORKER
    assert len(log.read_text(encoding="utf-8").split()) <= window
    rest = [result.path for result in results]
    assert [first.path, *rest] == [path for path in found if "binary" not in path]
    assert sorted(log.read_text(encoding="utf-8").split()) == sorted([first.path, *rest])


# Each draft makes a dozen findings on long sentences: a run that kept every file's findings to
# the end grew by about 7 MB from 150 drafts to 600 (16 KB a draft); a streamed run grows by 0.2 MB at most.
_LONG_CLAIMS = "\n\n".join(
    f"{subject} worsens inflammation, boosts cortisol, causes weight gain, and 70% of the readers who tried it "
    f"saw 3 times more headaches within {number + 2} weeks" + ", as a reader wrote to us after a winter spent "
    "walking the coast path from one harbour town to the next and back again along the cliffs" * 2 + "."
    for number, subject in enumerate(SUBJECTS))
_PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _peak_kib(folder: Path) -> int:
    """Peak RSS of one `claimlint check` over `folder`, in a fresh process, in one process."""
    command = [sys.executable, "-m", "claimlint", "check", "--no-cache", "-j", "1", str(folder)]
    return int(subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True, text=True,
                              check=True).stdout)


def test_memory_does_not_grow_with_the_number_of_files(tmp_path):
    for count in (150, 600):
        (tmp_path / str(count)).mkdir()
        for number in range(count):
            (tmp_path / str(count) / f"draft-{number:04d}.md").write_text(_LONG_CLAIMS, encoding="utf-8")
    small, large = _peak_kib(tmp_path / "150"), _peak_kib(tmp_path / "600")
    assert large - small < 2048, f"peak RSS {small} KiB over 150 drafts, {large} KiB over 600"


def test_a_draft_missing_from_the_cache_is_read_once(tree, monkeypatch):
    from claimlint import runner

    reads = []
    read = runner.read_source
    monkeypatch.setattr(runner, "read_source", lambda path: reads.append(path) or read(path))
    paths, found = tree
    for attempt in ("cold", "warm"):
        reads.clear()
        options = RunOptions([], [], jobs=1, cache_dir=Path("cache"))
        results = list(run(paths, Config(), options).results())
        assert len(results) == len(found) - 1  # all but the binary file
        assert sorted(reads) == sorted(found), attempt


@pytest.mark.parametrize("document", [
    lambda items, count: items,
    lambda items, count: {"a": 1, "items": items, "after": {"count": count, "nested": [[1, 2], {"k": "v"}]}},
    lambda items, count: {"runs": [{"tool": {"rules": [{"id": "x"}]}, "results": items}], "tail": []},
], ids=["list", "list-in-object", "deep-list"])
@pytest.mark.parametrize("items", [
    [],
    [{"message": "one"}],
    [{"message": "line\nbreak, “quotes” and ##[command]", "n": 1, "list": [1, {"x": None}], "empty": {}},
     "a plain string", 3, [], {"path": "café/ünï.md"}],
], ids=["none", "one", "several"])
def test_a_streamed_json_document_is_exactly_the_collected_one(document, items):
    """Also when what follows the list counts the items, as a summary does."""
    given = []
    streamed = StreamedJson(lambda stand_in: document(stand_in, len(given)))
    lines = []
    for item in items:
        given.append(item)
        lines += streamed.add(item)
    lines += streamed.end()
    assert "\n".join(lines) == inert_json(json.dumps(document(items, len(items)), indent=2, ensure_ascii=False))


def test_a_baseline_is_written_sorted_by_path_and_filters_each_file(cli, tree, linter):
    paths, found = tree
    findings, _ = collected(found, linter)
    assert cli("check", "--no-cache", "--write-baseline", "baseline.json", *paths).exit_code == 2  # the binary file
    entries = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]
    ordered = sorted(findings, key=lambda finding: finding.sort_key)
    assert ordered != findings  # the files are found in another order than sorted
    assert [(e["path"], e["line"], e["rule"], e["match"]) for e in entries] == [
        (f.path, f.line, f.rule, f.match) for f in ordered]
    result = cli("check", "--no-cache", "--format", "json", "--baseline", "baseline.json", *paths)
    assert json.loads(result.stdout)["findings"] == []
    # A draft already without its disclaimer, in the middle of the tree, gains one claim.
    edited = next(f.path for f in findings if f.rule == "missing-disclaimer" and f.path.startswith("docs/sub/"))
    Path(edited).write_text(read_source(edited) + "\nSugar causes cavities.\n", encoding="utf-8")
    result = cli("check", "--no-cache", "--format", "json", "--baseline", "baseline.json", *paths)
    assert [(f["path"], f["match"]) for f in json.loads(result.stdout)["findings"]] == [(edited, "causes")]


_JSON_LEAVES = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text()
                | st.sampled_from(["", "a\nb", "tab\there", "quote \" and \\ back", "\u2028", "é✓𝄞", "\ud800"]))
_JSON_VALUES = st.recursive(
    _JSON_LEAVES,
    lambda children: (st.lists(children, max_size=4) | st.tuples(children, children)
                      | st.dictionaries(st.text(max_size=5) | st.integers() | st.booleans() | st.none(), children,
                                        max_size=4)),
    max_leaves=20)


@settings(max_examples=400, deadline=None)
@given(_JSON_VALUES)
def test_json_written_fast_is_exactly_what_json_writes(value):
    assert dumps(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_json_of_findings_is_exactly_what_json_writes(lint):
    findings = [finding.to_dict() for path in sorted(Path(ROOT / "fixtures" / "eval").glob("*.md"))[:20]
                for finding in lint(path.read_text(encoding="utf-8"), str(path))]
    assert len(findings) > 50 and any(finding["fixes"] for finding in findings)
    assert [dumps(finding) for finding in findings] == [json.dumps(f, indent=2, ensure_ascii=False) for f in findings]
