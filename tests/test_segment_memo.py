"""A linter that remembers segments finds exactly what a fresh one finds, fixes included, as a
draft is edited: paragraphs added before others (so they move), changed, and removed."""

from __future__ import annotations

import pytest

from claimlint.config import Config, resolve_rules
from claimlint.linter import Linter
from conftest import ROOT

DRAFTS = sorted((ROOT / "fixtures").glob("*.md")) + sorted((ROOT / "fixtures" / "eval").glob("0*.md"))


def _rows(findings):
    return [finding.to_dict() | {"context": finding.context} for finding in findings]


@pytest.fixture(scope="module")
def remembering():
    return Linter(resolve_rules(Config()), remember=1000)


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda path: path.name)
def test_remembered_segments_give_the_same_findings(linter, remembering, draft):
    text = draft.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n\n")
    edits = [
        text,
        "Sugar causes acne, they say.\n\n" + text,  # every paragraph moves down
        first + "\n\nAbout 40% of us nap.\n\n" + rest,  # one paragraph added in the middle
        text.replace("\n\n", "\n\n**Note.** ", 1),  # one paragraph changed
        rest,  # the first removed: everything moves up
    ]
    for version in edits:
        assert _rows(remembering.lint(version, "draft.md")) == _rows(linter.lint(version, "draft.md"))


def test_a_remembered_paragraph_is_not_linted_again(remembering, monkeypatch):
    text = "Stress worsens sleep.\n\nAbout 70% of adults nap.\n"
    remembering.lint(text, "a.md")
    seen = []
    for rule in remembering.sentence_rules:
        original = rule.checker.check_sentence

        def spy(sentence, original=original):
            seen.append(sentence.text)
            return original(sentence)

        monkeypatch.setattr(rule.checker, "check_sentence", spy)
    remembering.lint(text.replace("70%", "71%"), "a.md")
    assert "About 71% of adults nap." in seen  # the changed paragraph is linted
    assert all("worsens" not in sentence for sentence in seen)  # the other is remembered


def test_a_remembered_sentence_keeps_its_suppression_when_it_moves(linter, remembering):
    """disable-next-line covers a sentence begun on the next line: where that sentence starts is
    remembered with its hits, and moves with them."""
    text = ("Intro.\n\n<!-- claimlint-disable-next-line unhedged-causal-claim -- quoted -->\nIn short, long\n"
            "commutes worsen sleep.\n")
    for version in (text, "New first line.\n\n" + text, text.replace("Intro.", "Intro, longer.")):
        assert _rows(remembering.lint(version, "a.md")) == _rows(linter.lint(version, "a.md"))
        assert not [f for f in remembering.lint(version, "a.md") if f.rule == "unhedged-causal-claim"]
