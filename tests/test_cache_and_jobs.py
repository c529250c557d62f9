"""Cached results and worker processes must give exactly the findings of a plain run."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    drafts = sorted((ROOT / "fixtures").glob("*.md")) + sorted((ROOT / "fixtures" / "eval").glob("[0-9]*.md"))[:20]
    (tmp_path / "docs").mkdir()
    for number, draft in enumerate(drafts * 2):
        (tmp_path / "docs" / f"{number:03d}-{draft.name}").write_text(draft.read_text(encoding="utf-8"))
    return tmp_path


def findings(cli, *args):
    result = cli("check", "--format", "json", *args, "docs")
    assert result.exit_code == 1, result.stderr
    return json.loads(result.stdout)["findings"]


def test_workers_match_a_serial_run(cli, corpus):
    serial = findings(cli, "--no-cache", "--jobs", "1")
    assert len(serial) > 50
    assert findings(cli, "--no-cache", "--jobs", "2") == serial


def test_cached_results_match_and_are_used(cli, corpus):
    fresh = findings(cli, "--no-cache")
    assert findings(cli) == fresh  # fills .claimlint_cache
    entries = list((corpus / ".claimlint_cache").rglob("*.json"))
    assert len(entries) >= len(list((corpus / "docs").glob("*.md"))) // 2
    assert (corpus / ".claimlint_cache" / ".gitignore").read_text().strip().endswith("*")
    # Prove the second run reads the cache: doctor one entry and see it come back.
    for entry in entries:
        rows = json.loads(entry.read_text())
        if rows:
            rows[0]["message"] = "from the cache"
            entry.write_text(json.dumps(rows))
            break
    assert "from the cache" in {f["message"] for f in findings(cli)}
    assert "from the cache" not in {f["message"] for f in findings(cli, "--no-cache")}


def test_changed_settings_miss_the_cache(cli, corpus):
    findings(cli)
    (corpus / ".claimlint.yaml").write_text("rules:\n  unsourced-statistic: {severity: error}\n")
    assert "error" in {f["severity"] for f in findings(cli) if f["rule"] == "unsourced-statistic"}


def test_workers_lint_later_drafts_with_their_own_overrides(cli, corpus):
    """The drafts under an override come last: their rules exist before the workers fork."""
    (corpus / "docs" / "zz-legal").mkdir()
    for number in range(20):
        (corpus / "docs" / "zz-legal" / f"{number:02d}.md").write_text("Salt raises blood pressure in 70% of adults.\n")
    (corpus / ".claimlint.yaml").write_text(
        "overrides:\n  - files: ['docs/zz-legal/**']\n    ignore: [unhedged-causal-claim]\n"
        "    rules:\n      unsourced-statistic: {severity: error}\n")
    serial = findings(cli, "--no-cache", "--jobs", "1")
    assert findings(cli, "--no-cache", "--jobs", "2") == serial
    legal = [(f["rule"], f["severity"]) for f in serial if "zz-legal" in f["path"]]
    assert legal and set(legal) <= {("unsourced-statistic", "error"), ("missing-disclaimer", "warning")}


def test_workers_inherit_the_loaded_pipeline_frozen_and_the_main_process_collects_as_before(cli, corpus, monkeypatch):
    """Workers leave what they inherit out of garbage collection (no pass copies its pages); the main
    process, which may be a long-lived caller of the API, keeps collecting everything."""
    import gc

    from claimlint import runner

    lint_job = runner.lint_job

    def reporting(job, *args, **kwargs):
        result = lint_job(job, *args, **kwargs)
        result.findings = [finding for finding in result.findings or []][:1]
        if result.findings:
            result.findings[0] = type(result.findings[0])(**{**vars(result.findings[0]), "message": str(gc.get_freeze_count())})
        return result

    monkeypatch.setattr(runner, "lint_job", reporting)
    frozen = {int(finding["message"]) for finding in findings(cli, "--no-cache", "--jobs", "2")}
    assert frozen and min(frozen) > 10_000  # the pipeline's and the rules' objects, in every worker
    assert gc.get_freeze_count() == 0
