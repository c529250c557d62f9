"""Baselines: only findings not recorded are reported; matching survives shifted lines."""

from __future__ import annotations

import json

import pytest

OLD = "Sugar causes cavities.\n\nAbout 70% of adults snack at night.\n"


@pytest.fixture
def project(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(OLD)
    (tmp_path / "docs" / "b.md").write_text("Salt raises blood pressure.\n")
    result = cli("check", "--write-baseline", "baseline.json", "docs")
    assert result.exit_code == 0  # recording succeeded; today's findings are still shown
    assert "3 findings in 2 files" in result.stdout
    return tmp_path


def new(cli, *args):
    result = cli("check", "--format", "json", "--baseline", "baseline.json", *args, "docs")
    return result.exit_code, [(f["path"].replace("\\", "/"), f["line"], f["rule"])
                              for f in json.loads(result.stdout)["findings"]]


def test_baseline_file_records_findings(project):
    data = json.loads((project / "baseline.json").read_text())
    assert data["version"] == 1
    assert {(e["path"], e["rule"]) for e in data["findings"]} == {
        ("docs/a.md", "unhedged-causal-claim"), ("docs/a.md", "unsourced-statistic"),
        ("docs/b.md", "unhedged-causal-claim")}


def test_nothing_new(cli, project):
    assert new(cli) == (0, [])


def test_shifted_lines_do_not_resurrect_findings(cli, project):
    (project / "docs" / "a.md").write_text("# A new title\n\nAn intro paragraph.\n\n" + OLD)
    assert new(cli) == (0, [])


def test_new_claim_in_same_file_is_reported(cli, project):
    (project / "docs" / "a.md").write_text(OLD + "\nFat causes acne.\n")
    assert new(cli) == (1, [("docs/a.md", 5, "unhedged-causal-claim")])


def test_edited_sentence_is_reported(cli, project):
    (project / "docs" / "a.md").write_text(OLD.replace("70%", "80%"))
    assert new(cli) == (1, [("docs/a.md", 3, "unsourced-statistic")])


def test_a_repeated_known_sentence_counts_as_new(cli, project):
    (project / "docs" / "b.md").write_text("Salt raises blood pressure.\n\nSalt raises blood pressure.\n")
    assert new(cli) == (1, [("docs/b.md", 3, "unhedged-causal-claim")])


def test_deleted_file_is_fine(cli, project):
    (project / "docs" / "b.md").unlink()
    assert new(cli) == (0, [])


def test_missing_or_bad_baseline_is_an_error(cli, project):
    result = cli("check", "--baseline", "nope.json", "docs")
    assert result.exit_code == 2 and "nope.json: baseline file not found" in result.stderr
    (project / "bad.json").write_text("[1, 2]")
    result = cli("check", "--baseline", "bad.json", "docs")
    assert result.exit_code == 2 and "bad.json: not a claimlint baseline file" in result.stderr


def test_paths_match_however_they_are_typed(cli, project):
    result = cli("check", "--format", "json", "--baseline", "baseline.json", str(project / "docs"))
    assert json.loads(result.stdout)["findings"] == []


def test_document_findings_survive_edits_to_the_first_line(cli, project):
    (project / "docs" / "c.md").write_text("# Gut health\n\nStress may affect digestion and immunity.\n")
    cli("check", "--write-baseline", "baseline.json", "docs")
    (project / "docs" / "c.md").write_text("# Gut health, revised\n\nStress may affect digestion and immunity.\n")
    assert new(cli) == (0, [])


def test_a_baseline_that_cannot_be_written_is_one_line_after_the_report(cli, project):
    result = cli("check", "--write-baseline", "missing/baseline.json", "docs")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "claimlint: error: missing/baseline.json: cannot write the baseline: No such file or directory"]
    assert result.stdout.splitlines()[-1] == "3 findings in 2 files"  # the report was written as the run went
