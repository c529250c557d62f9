"""`check --fix` and `check --diff`: only safe fixes, files written only when asked, and said."""

from __future__ import annotations

import codecs

import pytest

HEALTH = "Magnesium eases anxiety and insomnia.\nChronic stress worsens inflammation.\n"
CLEAN = "Welcome to our new office. We open at nine.\n"


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_never_writes_a_draft_it_lints(cli, in_tmp):
    (in_tmp / "a.md").write_text(HEALTH)
    for args in ([], ["--format", "json"], ["--diff"]):
        cli("check", *args, "a.md")
    assert (in_tmp / "a.md").read_text() == HEALTH


def test_diff_shows_the_safe_fixes_and_writes_nothing(cli, in_tmp):
    (in_tmp / "a.md").write_text(HEALTH)
    (in_tmp / "b.md").write_text(CLEAN)
    result = cli("check", "--diff", "a.md", "b.md")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[:3] == ["--- a/a.md", "+++ b/a.md", "@@ -1,2 +1,4 @@"]
    assert "+This article is for informational purposes only" in result.stdout
    assert "may worsen" not in result.stdout  # a hedge is never applied unasked: it changes a claim
    assert "b.md" not in result.stdout
    assert cli("check", "--diff", "b.md").exit_code == 0


def test_fix_applies_only_safe_fixes_says_so_and_reports_what_is_left(cli, in_tmp):
    (in_tmp / "a.md").write_text(HEALTH)
    (in_tmp / "b.md").write_text(CLEAN)
    result = cli("check", "--fix", "a.md", "b.md")
    fixed = (in_tmp / "a.md").read_text()
    assert fixed == HEALTH + "\nThis article is for informational purposes only and is not a substitute for professional " \
                             "medical advice, diagnosis or treatment. Consult your doctor about your own health.\n"
    assert (in_tmp / "b.md").read_text() == CLEAN
    assert "claimlint: fixed a.md:1: [missing-disclaimer] Append" in result.stderr
    assert "claimlint: 1 fix applied in 1 file" in result.stderr
    assert "missing-disclaimer" not in result.stdout and "[unhedged-causal-claim]" in result.stdout
    assert result.exit_code == 1  # the causal claim is still there
    again = cli("check", "--fix", "a.md")
    assert (in_tmp / "a.md").read_text() == fixed and "0 fixes applied in 0 files" in again.stderr


def test_fix_keeps_the_files_encoding_and_line_ends(cli, in_tmp):
    draft = in_tmp / "a.md"
    draft.write_bytes(codecs.BOM_UTF8 + HEALTH.replace("\n", "\r\n").encode("utf-8"))
    cli("check", "--fix", "a.md")
    data = draft.read_bytes()
    assert data.startswith(codecs.BOM_UTF8 + HEALTH.replace("\n", "\r\n").encode("utf-8") + b"\r\nThis article")
    assert data.endswith(b"your own health.\r\n") and b"\r\r" not in data and data.count(b"\n") == data.count(b"\r\n")


def test_fix_on_standard_input_prints_the_fixed_draft(cli, in_tmp):
    result = cli("check", "--fix", "-", input=HEALTH)
    assert result.stdout.startswith(HEALTH + "\nThis article is for informational purposes only")
    assert result.exit_code == 0


def test_a_bad_file_does_not_stop_the_others_being_fixed(cli, in_tmp):
    (in_tmp / "bad.md").write_bytes(b"Stress \xff worsens sleep.\n")
    (in_tmp / "a.md").write_text(HEALTH)
    result = cli("check", "--fix", "bad.md", "a.md")
    assert result.exit_code == 2
    assert "bad.md: not valid UTF-8" in result.stderr
    assert "This article is for informational purposes" in (in_tmp / "a.md").read_text()
    assert (in_tmp / "bad.md").read_bytes() == b"Stress \xff worsens sleep.\n"


def test_diff_reports_a_bad_file_once_and_goes_on(cli, in_tmp):
    (in_tmp / "bad.md").write_bytes(b"Stress \xff worsens sleep.\n")
    (in_tmp / "a.md").write_text(HEALTH)
    result = cli("check", "--diff", "bad.md", "a.md")
    assert result.exit_code == 2 and result.stderr.count("bad.md: not valid UTF-8") == 1
    assert "+++ b/a.md" in result.stdout
    assert cli("check", "--fix", "bad.md", "a.md").stderr.count("bad.md: not valid UTF-8") == 1
