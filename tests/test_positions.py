"""Positions are sacred: the reported span, read back from the original file, is the match."""

from __future__ import annotations

import re

import pytest

from claimlint.source import decode

DRAFT = (
    "# Gut *health* — a guide ✨\n"
    "\n"
    "Le café ☕ and **chronic stress** worsens inflammation, and about 70% of cells agree.\n"
    "\n"
    "- A [link](https://example.com/a_b*c*) first. Then sugar *directly* raises blood sugar.\n"
    "\tIndented\tcontinuation: over 60% of people snack.\n"
    "\n"
    "- Listed `code()` then 😀😀 emoji: salt raises blood pressure.\n"
    "\n"
    "| Claim | Note |\n"
    "| --- | --- |\n"
    "| naïve text: stress worsens sleep | 3 in 10 adults |\n"
    "\n"
    "Escapes \\*and\\* entities &amp; stay put: fat&nbsp;raises cholesterol, and 1 in 4 people agree.\n"
)


def prose_at(original: str, finding) -> str:
    """The original file's text at a finding's span, as prose: markup dropped, whitespace folded."""
    return " ".join(re.sub(r"[*_`]", "", source_at(original, finding)).split())


def source_at(original: str, finding) -> str:
    """The text of the original (un-normalised) file at a finding's span."""
    lines = re.split(r"\r\n|\r|\n", original)
    if finding.line == finding.end_line:
        return lines[finding.line - 1][finding.column - 1 : finding.end_column - 1]
    parts = [lines[finding.line - 1][finding.column - 1 :]]
    parts += lines[finding.line : finding.end_line - 1]
    parts.append(lines[finding.end_line - 1][: finding.end_column - 1])
    return "\n".join(parts)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_round_trip(lint, newline):
    original = DRAFT.replace("\n", newline)
    findings = lint(decode(original.encode("utf-8"), "draft.md"))
    sentence_findings = [f for f in findings if f.rule != "missing-disclaimer"]
    assert len(sentence_findings) >= 8
    for finding in findings:
        assert prose_at(original, finding) == finding.match


def test_exact_spans(lint):
    found = {(f.line, f.column, f.end_column, f.match) for f in lint(DRAFT) if f.rule != "missing-disclaimer"}
    assert found == {
        (3, 34, 41, "worsens"),  # after é, an emoji and **bold** markers
        (3, 60, 69, "about 70%"),
        (5, 69, 75, "raises"),  # after a link whose URL holds * and _, and *emphasis*
        (6, 25, 33, "over 60%"),  # a tab-indented continuation line, and a tab inside it
        (8, 39, 45, "raises"),  # after inline code and astral-plane emoji
        (12, 22, 29, "worsens"),  # a table cell holding a multi-byte character
        (12, 38, 45, "3 in 10"),
        (14, 51, 57, "raises"),  # after backslash escapes and entities
        (14, 75, 81, "1 in 4"),
    }


def test_columns_count_code_points_not_bytes(lint):
    findings = lint("😀😀😀 Sugar causes cavities.\n")
    causal = [f for f in findings if f.rule == "unhedged-causal-claim"]
    assert [(f.column, f.end_column) for f in causal] == [(11, 17)]


def test_bom_is_not_a_column(lint):
    findings = lint(decode("\ufeffSugar causes cavities.\n".encode("utf-8"), "x.md"))
    assert [(f.line, f.column) for f in findings if f.rule == "unhedged-causal-claim"] == [(1, 7)]


def test_span_across_a_soft_line_break(lint):
    findings = lint("Heavy drinking doubles\nthe risk of gout.\n")
    stats = [f for f in findings if f.rule == "unsourced-statistic"]
    assert [(f.line, f.column, f.end_line, f.end_column) for f in stats] == [(1, 16, 2, 9)]
    assert stats[0].match == "doubles the risk"


def test_span_ends_after_a_whole_entity(lint):
    (stat,) = [f for f in lint("About 70&#37; of adults snack at night.\n") if f.rule == "unsourced-statistic"]
    assert (stat.column, stat.end_column, stat.match) == (1, 14, "About 70%")


def test_table_cell_with_an_escaped_pipe(lint):
    text = "| a | b |\n| --- | --- |\n| x \\| y worsens pain | z |\n"
    (finding,) = [f for f in lint(text) if f.rule == "unhedged-causal-claim"]
    assert source_at(text, finding) == "worsens"
