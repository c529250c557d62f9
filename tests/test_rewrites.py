"""The rewrites fixes offer: a hedge keeps agreement and tense, certainty is softened honestly."""

from __future__ import annotations

import pytest

from claimlint.fixes import apply_edits, offsets
from claimlint.inflection import lemma_of


def fixed(lint, text: str, rule: str, start: str) -> str | None:
    """`text` with the first fix of the rule's first finding whose description starts with `start`
    applied, or None when none is offered."""
    for finding in lint(text + "\n"):
        for fix in finding.fixes:
            if finding.rule == rule and fix.description.startswith(start):
                return apply_edits(text + "\n", offsets(text + "\n", fix)).rstrip("\n")
    return None


@pytest.mark.parametrize("text, expected", [
    ("Chronic stress worsens inflammation.", "Chronic stress may worsen inflammation."),
    ("Sugar causes tooth decay.", "Sugar may cause tooth decay."),
    ("Stress and poor sleep worsen inflammation.", "Stress and poor sleep may worsen inflammation."),
    ("Stress directly worsens inflammation.", "Stress may directly worsen inflammation."),
    ("Smoking caused the decline in lung function.", "Smoking may have caused the decline in lung function."),
    ("The fatigue is caused by low iron.", "The fatigue may be caused by low iron."),
    ("The fatigue was caused by low iron.", "The fatigue may have been caused by low iron."),
    ("This tea will cure your cold.", "This tea may cure your cold."),
    ("Berberine carries glucose into cells and lowers blood sugar.",
     "Berberine carries glucose into cells and may lower blood sugar."),
    ("Long shifts lead to burnout.", "Long shifts may lead to burnout."),
    ("Statins have reduced the risk of stroke.", "Statins may have reduced the risk of stroke."),
    ("Stress is the root cause of gut problems.", "Stress may be the root cause of gut problems."),
    ("Cold water makes you gain weight.", "Cold water may make you gain weight."),
    ("## Turmeric Lowers Cholesterol Quickly", "## Turmeric May Lower Cholesterol Quickly"),
])
def test_a_causal_claim_is_hedged_with_agreement(lint, text, expected):
    result = fixed(lint, text, "unhedged-causal-claim", "Hedge")
    assert result == expected
    assert not [f for f in lint(result + "\n") if f.rule == "unhedged-causal-claim"]


def test_a_denial_is_not_hedged(lint):
    """'does not cause' -> 'may not cause' would say something else: only the suppression is offered."""
    assert fixed(lint, "Coffee does not cause dehydration.", "unhedged-causal-claim", "Hedge") is None
    assert fixed(lint, "Coffee does not cause dehydration.", "unhedged-causal-claim", "Disable") is not None


@pytest.mark.parametrize("text, expected", [
    ("Our blend is proven to melt belly fat.", "Our blend may melt belly fat."),
    ("Our blend is proven to melt belly fat (Lee et al., 2021).", "Our blend is shown in trials to melt belly fat (Lee et al., 2021)."),
    ("Sugar always causes weight gain.", "Sugar can cause weight gain."),
    ("Without surgery, lost cartilage never comes back.", "Without surgery, lost cartilage may not come back."),
    ("This tea is a miracle for bloating.", None),  # no honest rewrite of a miracle
])
def test_overclaiming_is_softened(lint, text, expected):
    assert fixed(lint, text, "overclaiming", "Soften") == expected


def test_studies_show_becomes_a_link_to_fill_in(lint):
    result = fixed(lint, "Studies show that walking lifts mood.", "vague-attribution", "Link")
    assert result == "[Studies show](https://example.com/REPLACE-WITH-THE-SOURCE) that walking lifts mood."


def test_a_missing_disclaimer_is_appended_as_a_safe_fix(lint):
    text = "Magnesium eases anxiety and insomnia, some say.\n"
    (finding,) = [f for f in lint(text) if f.rule == "missing-disclaimer"]
    safe = [fix for fix in finding.fixes if fix.safe]
    assert len(safe) == 1 and safe[0].edits[0].line == 2 and safe[0].edits[0].text.startswith("\nThis article is for")
    assert not [f for f in lint(apply_edits(text, offsets(text, safe[0]))) if f.rule == "missing-disclaimer"]
    assert all(not fix.safe for f in lint(text) if f.rule != "missing-disclaimer" for fix in f.fixes)


def test_a_suppression_on_the_line_before_is_inline_in_a_paragraph(lint):
    text = "Walking is pleasant and cheap.\nChronic stress worsens inflammation.\n"
    finding = next(f for f in lint(text) if f.rule == "unhedged-causal-claim")
    disable = next(fix for fix in finding.fixes if fix.description.startswith("Disable"))
    result = apply_edits(text, offsets(text, disable))
    assert result == ("Walking is pleasant and cheap. <!-- claimlint-disable-next-line unhedged-causal-claim -- "
                      "<reason> -->\nChronic stress worsens inflammation.\n")


def test_a_suppression_reason_after_two_dashes_is_not_read_as_a_rule(lint):
    text = "<!-- claimlint-disable-next-line unhedged-causal-claim -- the trial is cited below -->\nStress worsens acne.\n"
    assert not [f for f in lint(text) if f.rule == "unhedged-causal-claim"]


@pytest.mark.parametrize("form, lemma", [("worsens", "worsen"), ("causes", "cause"), ("carries", "carry"),
                                         ("fixes", "fix"), ("passes", "pass"), ("goes", "go"), ("plays", "play"),
                                         ("eases", "ease"), ("is", None), ("worsen", None)])
def test_the_lemma_of_an_s_form_comes_from_the_spelling_rule(form, lemma):
    assert lemma_of(form) == lemma
