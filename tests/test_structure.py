"""Document structure is evidence: quotations, reference entries, disclaimers and debunked claims state no claim."""

from __future__ import annotations

import time

import pytest

from claimlint.markdown import parse
from claimlint.structure import unclaimed

CLAIM = "Cold showers boost your immune system by 40%."

UNCLAIMED = {
    "quotation": [f"> {CLAIM}", f"> - {CLAIM}", f"Intro.\n\n> Quoted:\n>\n> {CLAIM}", f'### "{CLAIM}"',
                  f"**“{CLAIM}”**"],  # a line in bold alone serves as a heading
    "reference": [
        f"## References\n\n- {CLAIM}",
        f"## Sources\n\n1. Lee K, Park J. Cold water and immunity. J Therm Biol. 2016;58:43-50. {CLAIM}",
        f"Marsh, A. B., and Lee, K. (2018). {CLAIM} Journal of Cold.",
        f"- Grey T et al. {CLAIM} PMID: 31234567",
    ],
    "myth": [f"## Myth 2: {CLAIM}", f"**The claim:** {CLAIM}", f"- Misconception #3 - {CLAIM}", f"Myth: {CLAIM}",
             # the headings of a myth list, announced by a heading or by the title
             f"# Winter Health Myths\n\nIntro.\n\n# {CLAIM}", f"## Common misconceptions\n\n### {CLAIM}",
             f"---\ntitle: Seven Cold Water Myths Debunked\n---\n\n## {CLAIM}",
             f'+++\ntitle = "Seven Cold Water Myths Debunked"\n+++\n\n## {CLAIM}'],
    # a disclaimer, labelled or under its heading
    "disclaimer": [f"Disclaimer: {CLAIM}", f"## Medical disclaimer\n\n{CLAIM}", f"**Disclaimer.** {CLAIM}"],
    # style sheet rules left in the text
    "code": [f".box {{ width: 40%; }} .wide {{ width: {CLAIM} }}",
             ".video { position: relative; padding-bottom: 56.25%; height: 0; } .video iframe { width: 100%; }"],
    # the items of a list completing a conditional lead-in
    "condition": [f"See your doctor if:\n\n- {CLAIM}", f"See your doctor if:\n\n- You notice, e.g. at night, that {CLAIM}", f"Stop the course when you notice:\n\n- A rash\n- {CLAIM}",
                  f"Call a nurse if you have any of these symptoms:\n\n1. {CLAIM}"],
    # a row of a log table, opening with a date or a day count
    "record": [f"Date | Note\n--- | ---\nJuly 4 | {CLAIM}", f"Day | Weight | Note\n--- | --- | ---\nDay 3 | 80 kg | {CLAIM}",
               f"| When | Note |\n|---|---|\n| 2021-07-04 | x |\n| 2021-07-09 | {CLAIM} |"],
    # the items of a list completing a lead-in whose open verb a hedge or a negation governs
    "hedged": [f"What cold showers probably do:\n\n- {CLAIM}", f"**What they don't do:**\n\n- {CLAIM}",
               f"Cold water may help:\n\n1. Wake you up\n2. {CLAIM}", f"It can help you:\n\n- {CLAIM}"],
}
CLAIMED = [
    CLAIM,
    f"- {CLAIM}",
    f"## {CLAIM}",
    f"## References to the cold\n\n{CLAIM}",  # a heading that only begins with the word
    f"## References\n\nSome text.\n\n## Next\n\n{CLAIM}",  # a new heading ends the list
    f"Vitamin D, calcium and magnesium are minerals. {CLAIM}",  # "Word X," is no author list without a year
    f"{CLAIM} A tub costs $20 but " + "the rest of this long paragraph keeps making claims " * 4,
    f"**The reality:** {CLAIM}",  # the writer's own answer to a myth
    f"## Mythical creatures and {CLAIM}",
    f"Claims that sound too good are common. {CLAIM}",
    f'"Cold" is a word. {CLAIM} "Warm" is another.',  # quotations inside a line make no quoted line
    f'"{CLAIM}"',  # a paragraph in quotation marks may be the writer's own claim, set off
    f"## Myths about winter\n\nSome text.\n\n# What works\n\n## {CLAIM}",  # an outranking heading ends the list
    f"## Winter myths\n\n### One\n\n#### {CLAIM}",  # two levels down: the writer's own answer
    f"## Myth 1: cold is bad\n\n### {CLAIM}",  # a myth label names one myth, it announces no list
    f"## Winter myths\n\n{CLAIM}",  # prose under the list heading is the writer's
    f"{CLAIM} Set the heater to {{low}}: it saves power.",  # braces in prose are no style sheet
    f"## Disclaimer\n\nText.\n\n## Next\n\n{CLAIM}",  # a heading at its level ends the disclaimer
    f"Our disclaimer policy changed. {CLAIM}",
    f"Here is what happens to your body when you quit sugar:\n\n- {CLAIM}",  # a time clause, not an open condition
    f"Benefits of fasting when done right:\n\n- {CLAIM}",
    f"Cold showers save lives. {CLAIM}",  # saving lives is no sale
    f"Cold showers help in three ways:\n\n- {CLAIM}",  # a lead-in with no condition
    f"See your doctor if:\n\n- A rash\n\nAfter that:\n\n- {CLAIM}",  # a new lead-in ends the conditions
    f"See your doctor if:\n\n- A rash\n\n{CLAIM}",  # prose after the list is the writer's
    f"Cold showers do three things:\n\n- {CLAIM}",  # an asserted lead-in
    f"Country | Fact\n--- | ---\nUK | {CLAIM}",  # a table row that is no log entry
    f"Year | Fact\n--- | ---\n2019 | {CLAIM}",  # a year alone dates a fact, not a measurement
    f"Date | Note\n--- | ---\nJuly 4 | x\n\nFact | Note\n--- | ---\nUK | {CLAIM}",  # a new table, a new row
    f"You may want to try it for these reasons:\n\n- {CLAIM}",  # the hedge governs the wanting, not the list
    f"Effects of cold can show:\n\n- Alertness. {CLAIM}",  # an item with a sentence of its own asserts it
    f"It may help:\n\n- Immunity: {CLAIM}",
    f"Why you can't sleep:\n\n- {CLAIM}",  # a full verb of the lead-in's own: the items are asserted
    f"Don't forget:\n\n- {CLAIM}",
    f"Things your doctor won't tell you:\n\n- {CLAIM}",
    f"Why you should never skip breakfast:\n\n- {CLAIM}",
]


@pytest.mark.parametrize("reason, text", [(r, t) for r, texts in UNCLAIMED.items() for t in texts])
def test_unclaimed_segments_name_their_reason(reason, text):
    document = parse(text)
    reasons = unclaimed(document)
    claim_segment = next(i for i, s in enumerate(document.segments) if "boost" in s.text or "%" in s.text)
    assert reasons.get(claim_segment) == reason


@pytest.mark.parametrize("text", CLAIMED)
def test_claims_stay_claims(text):
    document = parse(text)
    claim_segment = next(i for i, s in enumerate(document.segments) if "boost" in s.text)
    assert claim_segment not in unclaimed(document)


def test_the_engine_offers_unclaimed_segments_to_no_sentence_rule(lint):
    rules = {f.rule for f in lint(f"{CLAIM}\n\n> {CLAIM}\n")}
    assert "unhedged-causal-claim" in rules
    assert all(f.line == 1 for f in lint(f"{CLAIM}\n\n> {CLAIM}\n") if f.rule != "missing-disclaimer")


def test_a_shop_lines_prices_are_no_statistics_but_its_claims_stand(lint):
    findings = lint("Save 20% today: our $30 elderberry syrup prevents the flu and cuts colds by 40%.\n")
    assert [f.match for f in findings if f.rule == "unsourced-statistic"] == ["40%"]
    assert {"unhedged-causal-claim", "supplement-disease-claim"} <= {f.rule for f in findings}


def test_a_quoted_disclaimer_still_counts(lint):
    draft = f"{CLAIM}\n\n> This article is not medical advice: talk to your doctor.\n"
    assert "missing-disclaimer" not in {f.rule for f in lint(draft)}


# A list completing a lead-in that announces benefits: its items name them (Segment.lead).
BENEFIT_LISTS = ["Benefits of yoga:\n\n- Less back pain", "## Physical Benefits of Microdosing\n\n- Less back pain",
                 "This technique helps with:\n\n- Less back pain", "Intro. Its advantages are...\n\n- Less back pain",
                 "Benefits of yoga:\n\n- Better sleep\n- Less back pain", "**Benefits:**\n\n- Less back pain",
                 "Yoga at home:\n\n- Benefits:\n  - Less back pain"]
NO_BENEFIT_LISTS = ["Here is what we offer:\n\n- Less back pain",  # no benefit announced
                    "## Short-term effects of screens\n\n- Less back pain",  # effects name symptoms as often
                    "Yoga may have these benefits:\n\n- Less back pain",  # a hedged lead-in
                    "The benefits that I experienced:\n\n- Less back pain",  # the writer's own experience
                    "Yoga has many benefits. Signs of overdoing it include:\n\n- Less back pain",  # not the open sentence
                    "Benefits of yoga:\n\n- Better sleep\n\nAfter that, a list:\n\n- Less back pain",
                    "## Benefits and risks\n\n- Less back pain", "## Side effects that outweigh the benefits\n\n- Less back pain",
                    "To get the full benefit, you will need:\n\n- Less back pain", "Does yoga have benefits?\n\n- Less back pain",
                    "Check your insurance benefits:\n\n- Less back pain",
                    "## Benefits of yoga\n\n- Better sleep\n- Drawbacks:\n  - Less back pain"]  # a sub-list's own lead-in


@pytest.mark.parametrize("text, lead", [(t, "benefits") for t in BENEFIT_LISTS] + [(t, "") for t in NO_BENEFIT_LISTS])
def test_only_a_list_completing_a_lead_in_of_benefits_is_marked(text, lead):
    document = parse(text)
    item = next(s for s in document.segments if "back pain" in s.text)
    unclaimed(document)
    assert item.lead == lead


def test_a_huge_lead_in_does_not_hang_the_run():
    """A lead-in of 100,000 characters with no sentence end, or a run of colons, is read in one pass: a quadratic
    reading took minutes here (a guard against a hang, not a measure of speed: benchmarks/linearity.py is that)."""
    for lead in ("Sleep well " * 10000 + "benefits:", ":" * 100000 + "x", "a.b" * 35000 + "!"):
        document = parse(f"{lead}\n\n- Decrease in depression\n")
        started = time.perf_counter()
        unclaimed(document)
        assert time.perf_counter() - started < 30


@pytest.mark.parametrize("text, marked", [
    ("What to expect in week one:\n\n- Benefits:\n  - Less back pain\n- Reduction in headaches is rare at first",
     {"Less back pain"}),  # "Benefits:" leads only its sub-list
    ("## Benefits of yoga\n\n- Better sleep\n- Drawbacks:\n  - Less time for sport\n- Decrease in depression",
     {"Better sleep", "Drawbacks:", "Decrease in depression"}),  # "Drawbacks:" leads its own
    ("Benefits of yoga:\n\n- Better sleep\n  - Deeper sleep on long days", {"Better sleep", "Deeper sleep on long days"}),
])
def test_a_sub_list_has_its_own_lead_in(text, marked):
    document = parse(text)
    unclaimed(document)
    assert {s.text for s in document.segments if s.lead == "benefits"} == marked


@pytest.mark.parametrize("item", ["- Decreased pain levels", "* Decrease in depression",
                                  "- Alleviating stress, anxiety and migraines", "- Reduction in migraine days"])
def test_an_item_of_an_announced_benefit_list_names_the_benefit(lint, item):
    findings = [f for f in lint(f"Benefits of microdosing:\n\n{item}\n") if f.rule == "unhedged-causal-claim"]
    assert [(f.line, f.pattern) for f in findings] == [(3, "benefit label")]
    assert not [f for f in lint(f"What we offer:\n\n{item}\n") if f.rule == "unhedged-causal-claim"]


@pytest.mark.parametrize("item", ["- Increased creativity", "- Lower your salt intake", "- Reducing negative thoughts",
                                  "- Less food waste", "- Increased risk of diabetes", "- Reduced gym membership fees",
                                  "- Weekly classes in a warm studio with mats provided for everyone"])
def test_other_items_of_an_announced_benefit_list_pass(lint, item):
    assert not [f for f in lint(f"Benefits of yoga:\n\n{item}\n") if f.rule == "unhedged-causal-claim"]
