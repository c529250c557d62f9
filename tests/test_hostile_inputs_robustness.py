"""Broken, odd and huge inputs (issue 9): nothing is dropped without a word, positions stay exact,
user regexes cannot hang the run, and a bad file is one line naming it, exit status 2."""

from __future__ import annotations

import pytest

from claimlint.markdown import parse

CLAIM = "Cold showers boost your immune system."


def causal(findings):
    return [f for f in findings if f.rule == "unhedged-causal-claim"]


# 10. Form feed, vertical tab, U+2028 on a line of their own


@pytest.mark.parametrize("blank", ["\f", "\v", "\u2028", "\u2029", "\f\v"], ids=["ff", "vt", "ls", "ps", "ff-vt"])
def test_a_whitespace_only_line_does_not_shift_the_paragraph(lint, blank):
    text = f"{blank}\n{CLAIM}\nSugar causes\ncavities in children.\n"
    assert [(f.line, f.column, f.match) for f in causal(lint(text))] == [(2, 14, "boost"), (3, 7, "causes")]


@pytest.mark.parametrize("text", [
    "> \f\n> Cold showers boost your immune system.\n",
    "- \f\n  Cold showers boost your immune system.\n",
    "- a\n\n  \v\n  Cold showers boost your immune system.\n",
    "\f\n\u2028\nCold showers boost your immune system.\n",
], ids=["blockquote", "list-item", "list-continuation", "two-lines"])
def test_whitespace_only_lines_in_containers_keep_positions(text):
    (segment,) = [s for s in parse(text).segments if "boost" in s.text]
    start, end = segment.source_span(segment.text.index("boost"), segment.text.index("boost") + 5)
    assert text[start:end] == "boost"


# 6. Broken front matter

BROKEN_FRONT_MATTER = "---\ntitle: Sugar: the truth\nclaimlint:\n  ignore: [unhedged-causal-claim]\n---\n" + CLAIM + "\n"
UNCLOSED_FRONT_MATTER = "---\ntitle: Sugar\nclaimlint:\n  ignore: [unhedged-causal-claim]\n\n" + CLAIM + "\n"


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("text, where, problem", [
    (BROKEN_FRONT_MATTER, "line 2", "front matter is not valid YAML (mapping values are not allowed here)"),
    (UNCLOSED_FRONT_MATTER, "line 1", "front matter has no closing '---' line"),
], ids=["invalid-yaml", "unclosed"])
def test_front_matter_settings_are_never_dropped_silently(cli, in_tmp, text, where, problem):
    (in_tmp / "bad.md").write_text(text)
    (in_tmp / "good.md").write_text(CLAIM + "\n")
    result = cli("check", "--no-cache", "-q", "--select", "unhedged-causal-claim", "bad.md", "good.md")
    assert result.exit_code == 2
    (error,) = result.stderr.splitlines()
    assert error.startswith(f"claimlint: error: bad.md: {where}: {problem}") and "'claimlint' settings" in error
    assert "good.md:1:14: warning [unhedged-causal-claim]" in result.stdout and "bad.md" not in result.stdout


def test_broken_front_matter_without_claimlint_settings_is_the_drafts_own(lint):
    text = "---\ntitle: Sugar: the truth\n---\n" + CLAIM + "\n"
    assert [(f.line, f.column) for f in causal(lint(text))] == [(4, 14)]
