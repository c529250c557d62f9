"""The fix contract, over every fixture draft and every rule example: applying any fix a finding
offers removes that finding on the next lint, and changes no text outside the fix's edits."""

from __future__ import annotations

import pytest

from claimlint.fixes import apply_edits, offsets
from claimlint.rules import builtin_rules_dir, load_rules
from claimlint.source import LineIndex
from conftest import ROOT

DRAFTS = sorted(path for folder in ("fixtures", "fixtures/eval", "fixtures/eval-external", "fixtures/heldout")
                for path in (ROOT / folder).glob("*.md"))
RULES = load_rules([builtin_rules_dir()])
EXAMPLES = [pytest.param(text, id=f"{rule.id}-{kind}-{i}") for rule in RULES.values()
            for kind in ("flag", "pass") for i, text in enumerate(rule.examples[kind])]


def _span(text: str, finding) -> tuple[int, int]:
    starts = LineIndex(text).starts
    return (starts[finding.line - 1] + finding.column - 1, starts[finding.end_line - 1] + finding.end_column - 1)


def _moved(position: int, edits, end: bool) -> int:
    """Where `position` of the original text is after the edits: a position inside a replaced span
    goes to the replacement's start (or, for the end of a span, its end)."""
    shift = 0
    for start, stop, replacement in sorted(edits):
        if stop < position or stop == position and (start < stop or end or start < position):
            shift += len(replacement) - (stop - start)
        elif start < position:
            return start + shift + (len(replacement) if end else 0)
        elif start == position == stop and not end:
            shift += len(replacement)  # an insertion at a finding's start goes before it
    return position + shift


def contract_failures(linter, text: str, path: str = "draft.md") -> list[str]:
    document_rules = {rule.id for rule in linter.document_rules}
    failures = []
    for finding in linter.lint(text, path):
        for fix in finding.fixes:
            edits = offsets(text, fix)
            where = f"{path}:{finding.line}:{finding.column} {finding.rule} {fix.description!r}"
            ordered = sorted(edits)
            if any(a[1] > b[0] for a, b in zip(ordered, ordered[1:])) or \
                    any(not 0 <= start <= stop <= len(text) for start, stop, _ in edits):
                failures.append(f"{where}: edits overlap or fall outside the text")
                continue
            fixed = apply_edits(text, edits)
            # Outside its edits, the text is the original, piece by piece.
            cursor, new_cursor = 0, 0
            for start, stop, replacement in ordered:
                if fixed[new_cursor : new_cursor + start - cursor] != text[cursor:start]:
                    failures.append(f"{where}: text outside the edits changed")
                new_cursor += start - cursor + len(replacement)
                cursor = stop
            if fixed[new_cursor:] != text[cursor:]:
                failures.append(f"{where}: text after the edits changed")
            start, end = _span(text, finding)
            low, high = _moved(start, edits, False), _moved(end, edits, True)
            for after in linter.lint(fixed, path):
                if after.rule != finding.rule:
                    continue
                new_start, new_end = _span(fixed, after)
                if finding.rule in document_rules or new_start < high and low < new_end or new_start == low:
                    failures.append(f"{where}: the finding is still there ({after.line}:{after.column} "
                                    f"{after.match!r}) in:\n{fixed}")
    return failures


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_fixes_on_fixture_drafts_remove_their_finding(linter, draft):
    text = draft.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert contract_failures(linter, text, str(draft)) == []


@pytest.mark.parametrize("text", EXAMPLES)
def test_fixes_on_rule_examples_remove_their_finding(linter, text):
    assert contract_failures(linter, text + "\n") == []


def test_the_fixture_drafts_offer_every_kind_of_fix(linter):
    """The contract is not met by offering nothing: each kind of rewrite is offered somewhere."""
    descriptions = [fix.description for draft in DRAFTS
                    for finding in linter.lint(draft.read_text(encoding="utf-8"), str(draft)) for fix in finding.fixes]
    for start in ("Hedge the claim", "Soften", "Link the source", 'Append "This article', 'Append "These statements',
                  "Disable unsourced-statistic for this line", "Disable missing-disclaimer in this file"):
        assert any(description.startswith(start) for description in descriptions), start
