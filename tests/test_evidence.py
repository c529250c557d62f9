"""The shared evidence helpers: citations, statistics, hedges and negation."""

from __future__ import annotations

import pytest

from claimlint.config import Config, resolve_rules
from claimlint.evidence.citations import has_citation, names_source
from claimlint.evidence.hedges import has_hedge
from claimlint.evidence.statistics import find_statistics
from claimlint.linter import Linter


@pytest.mark.parametrize("text", [
    "Sleep matters [1].", "Sleep matters [1-3].", "Sleep matters [2, 5].", "Sleep matters (1, 2).",
    "Sleep matters (Smith et al., 2019).", "Sleep matters (Lee & Park 2021).", "Lee et al. (2020) found it.",
    "See doi:10.1000/xyz123.", "The trial (NCT01234567) tested it.", "ISRCTN12345678 is the trial.", "See 10.1056/NEJMoa2034577 for details.", "PMID: 31234567.", "PMC6543210 says so.",
    "Read https://example.org/study now.", "Read www.example.org now.", "Sleep matters².",
    "According to the Journal of Sleep Research (2019), naps help.", "Harvard University (2018) found it.",
    "Stress raises blood pressure until it goes away.19 Then it falls.",  # a superscript that lost its markup
    "In 2016, the Centers for Disease Control reported that one in three adults snore.",  # an institution with a year
    "According to the American Heart Association in 2017, half of adults are affected.",
    # a journal named with a year
    "A 2022 systematic review in Frontiers in Nutrition found that 40% of adults lack fibre.",
    "A 2023 meta-analysis published in Nutrients found a 12% drop.",
])
def test_citations_found(text):
    assert has_citation(text, [])


@pytest.mark.parametrize("text", [
    "Studies show sleep matters.", "(1) Eat more fibre.", "In 2019 a survey ran.", "Sleep (and rest) matter.",
    "Call (555) 123 4567.", "The American Heart Association says so.", "Version 2.1 is out.",
    "In 2019 we moved house.", "Our Wellness Center has helped 2000 patients.",
    "The American Heart Association says 2000 people die of it.",
    "The Journal is a fine read (see the 2019 figures).",
    "A 2021 study in Finland found that 40% of adults sauna weekly.",  # a place is no journal
])
def test_not_citations(text):
    assert not has_citation(text, [])


@pytest.mark.parametrize("text, named", [
    ("A 2021 review in Sports Medicine found it.", True), ("It appeared in The Lancet.", True),
    ("Results published in the journal Nature Immunology.", True), ("Park et al. found it.", True),
    ("It was published in Clinical Nutrition.", True), ("It was published in PNAS.", True),
    ("A 2019 study published in Diabetes Care found it.", True), ("It appeared in Gut.", True),
    ("A study in Finland found it.", False), ("Studies published in journals show it.", False),
    ("In traditional Chinese medicine it cools.", False),
    # a month, a place, a field or a title-case heading's words are no journal
    ("A 2019 study published in March found it.", False), ("Research published in the USA shows it.", False),
    ("In Traditional Chinese Medicine, experts agree.", False), ("Studies Show Time Spent in Nature Lowers Stress", False),
    ("Since 2015, research in Functional Medicine has shown it.", False),
    ("A review in Sports Medicine found it.", False),  # undated: "Sports Medicine" may be the field
])
def test_a_source_named_without_a_link(text, named):
    assert names_source(text) is named


@pytest.mark.parametrize("text, expected", [
    ("About 70% of cells live there.", "About 70%"),
    ("Rates of 70–80% were seen.", "70–80%"),
    ("Nearly 12 percent agreed.", "Nearly 12 percent"),
    ("One in five adults snores.", "One in five"),
    ("It affects 3 in 10 adults.", "3 in 10"),
    ("Smokers are 3 times more likely to.", "3 times more"),
    ("It doubles the risk of gout.", "doubles the risk"),
    ("It cuts risk by up to 17%.", "up to 17%"),
    ("The gut holds 100 trillion bacteria.", "100 trillion bacteria"),
    ("That burns 300–400 extra calories.", "300–400 extra calories"),
    ("Some 2.5 million people have it.", "2.5 million people"),
    ("Users are twice as likely to quit.", "twice as likely"),
    ("Users were half as likely to relapse.", "half as likely"),
    ("In the trial 100% of patients improved.", "100%"),
    ("Children catch 6 to 8 colds every year.", "6 to 8 colds every year"),
    ("Nearly half of adults over 40 have it.", "half of adults"),
])
def test_statistics_found(text, expected):
    assert [text[s:e] for s, e in find_statistics(text)] == [expected]


@pytest.mark.parametrize("text", [
    "On 12 March 2024 at 9:30 we met.", "In 2019 the guideline changed.", "Version 2.1 shipped.",
    "Step 3: stretch.", "Take 2 capsules with water.", "Sleep 7-9 hours a night.", "Chapter 1 in 3 days.",
    "Our balm is 100% natural.", "Pick a bar with at least 70% cocoa solids.",
])
def test_not_statistics(text):
    assert find_statistics(text) == []


@pytest.mark.parametrize("text, hedged", [
    ("Magnesium may improve sleep.", True), ("These results suggest a benefit.", True),
    ("It appears to lower blood pressure.", True), ("It is thought to act on the gut.", True),
    ("A role for diet cannot be excluded.", True), ("Magnesium improves sleep.", False),
    ("Sugar can cause cavities.", False),
])
def test_hedges(text, hedged):
    assert has_hedge(text) is hedged


def test_can_is_a_hedge_only_when_asked():
    assert has_hedge("Sugar can cause cavities.", can_is_hedge=True)


@pytest.mark.parametrize("text", [
    "Our data suggest that daily walks reduce blood pressure.",
    "These results indicate that the gel heals ulcers faster.",
])
def test_reporting_verbs_hedge_unless_told_otherwise(text):
    def flagged(**options):
        config = Config(rules={"unhedged-causal-claim": {"options": options}})
        findings = Linter(resolve_rules(config, select=["unhedged-causal-claim"])).lint(text + "\n", "d.md")
        return [f.rule for f in findings]

    assert flagged() == []
    assert flagged(reporting_verbs_hedge=False) == ["unhedged-causal-claim"]
    assert has_hedge(text)  # still speculation for the sentence-level detector


@pytest.mark.parametrize("text", ["Magnesium can help lower blood pressure.", "Zinc can help fight colds.",
                                  "Zinc can also help fight colds."])
@pytest.mark.parametrize("can_is_hedge", [True, False])
def test_can_help_always_hedges_a_claim(text, can_is_hedge):
    config = Config(rules={"unhedged-causal-claim": {"options": {"can_is_hedge": can_is_hedge}}})
    assert Linter(resolve_rules(config, select=["unhedged-causal-claim"])).lint(text + "\n", "d.md") == []


@pytest.mark.parametrize("text, flagged", [
    ("Zinc helps fight colds.", True),  # a bare "help" does not soften a claim over a disease
    ("This stretch helps relieve sciatica.", True),
    ("Zinc helps keep your energy up.", False),  # a mild claim: "help" softens it
    ("A walk after lunch helps lower blood sugar.", False),
    ("A walk after lunch helps lower blood sugar in people with diabetes.", False),  # the disease names who, not what
    ("Your donation helps raise funds for cancer research.", False),
    ("Elderberry helps protect the body against colds.", True),
])
def test_a_bare_help_hedges_only_a_mild_claim(lint, text, flagged):
    assert bool([f for f in lint(text + "\n") if f.rule == "unhedged-causal-claim"]) is flagged


def test_author_year_citation_mid_sentence_keeps_the_sentence_whole(lint):
    text = "Walking lowers blood pressure (Smith et al., 2019) in older adults, by about 5% (see Fig. 2).\n"
    assert [f.rule for f in lint(text)] == []


@pytest.mark.parametrize("text", [
    "You may find the taste bitter at first, but green tea prevents cancer.",
    "It is unclear why, but smoking worsens psoriasis.",
])
def test_a_hedge_does_not_reach_across_but(lint, text):
    assert [f.rule for f in lint(text + "\n") if f.rule == "unhedged-causal-claim"] == ["unhedged-causal-claim"]


@pytest.mark.parametrize("text", [
    "ACE inhibitors cause a dry cough in some patients.",
    "High blood pressure rarely causes symptoms.",
    "For many people, regular exercise reduces stress.",
    "Hand sanitizer kills most germs, but not all.",
])
def test_approximators_qualify_a_claim(lint, text):
    assert [f.rule for f in lint(text + "\n") if f.rule == "unhedged-causal-claim"] == []


@pytest.mark.parametrize("text, word, inside", [
    ('Ads call it a "miracle" for skin.', "miracle", True),
    ("Ads call it a ‘miracle’ for skin.", "miracle", True),
    ("Ads call it a 'miracle' for skin.", "miracle", True),
    ("It’s a miracle, and don't doubt it.", "miracle", False),
    ('"Sugar causes ADHD," my neighbour insists.', "causes", True),
    ('"This trial shows that walking lowers blood pressure."', "lowers", False),
    ('> "I was sceptical, but it is a miracle in a bottle.', "miracle", True),
])
def test_quoted(text, word, inside):
    from claimlint.evidence.quotes import quoted

    assert quoted(text, text.index(word)) is inside


@pytest.mark.parametrize("text, expected", [
    ("Half of all Americans are low in magnesium.", "Half of all Americans"),
    ("Users fell asleep 23 minutes faster.", "23 minutes faster"),
    ("Trusted by more than 12,000 happy customers.", "more than 12,000 happy customers"),
    ("Symptoms began 4 years later than in other groups.", "4 years later than"),
])
def test_more_statistics(text, expected):
    assert [text[s:e] for s, e in find_statistics(text)] == [expected]


def test_narrative_durations_are_not_statistics():
    assert find_statistics("She ran her first marathon 10 years later.") == []


def test_small_head_counts_are_not_statistics():
    assert find_statistics("Over 30 people came to the first workshop.") == []


def test_a_dated_parenthesis_is_not_a_citation():
    assert not has_citation("Sleep matters (March 2021).", [])


@pytest.mark.parametrize("heading", ["# How sleep affects your immune system", "## What causes migraines"])
def test_question_headings_are_not_claims(lint, heading):
    assert [f.rule for f in lint(heading + "\n") if f.rule == "unhedged-causal-claim"] == []


@pytest.mark.parametrize("text", [
    "Many people worry that eggs raise cholesterol.",
    "It is a myth that sugar causes hyperactivity.",
    "In mice, a compound in broccoli sprouts reduced markers of inflammation.",
])
def test_reported_beliefs_and_animal_scoped_results_are_not_claims(lint, text):
    assert [f.rule for f in lint(text + "\n") if f.rule == "unhedged-causal-claim"] == []


@pytest.mark.parametrize("text", [
    "If you get heartburn at night, late dinners make it worse.",  # the condition closes before the claim
    "If you smoke, or you may be at risk, quitting cuts your risk of cancer.",  # "or" adds a second condition
    "If you are over 50, overweight, or may have prediabetes, cutting sugar reverses insulin resistance.",
    "When you are tired, stressed, or can't sleep, magnesium calms the nervous system.",
    "Ginger may be worth a try because it eases travel sickness.",  # a reason clause is asserted
    "Doctors may offer it, as it lowers the chance of a second stroke.",
    "The new gel reduced itching and was generally well tolerated.",  # "generally" qualifies "well tolerated"
])
def test_a_hedge_or_condition_elsewhere_leaves_the_claim_unhedged(lint, text):
    assert [f.rule for f in lint(text + "\n") if f.rule == "unhedged-causal-claim"] == ["unhedged-causal-claim"]


@pytest.mark.parametrize("text", [
    "If the tablets lower blood pressure at all, the effect is small.",  # the claim is the condition
    "The cream relieves itching, usually within a day.",
    "A survey cannot show that green tea prevents colds.",
    "Two in three patients say the balm makes their skin feel better.",
    "SPF is a measure of how well a cream protects against sunburn.",
    # a fronted condition ends at its first comma: "may" governs both coordinated predicates after it
    "If your knees ache, a short daily ride may loosen the joints, and ease the pain.",
])
def test_conditions_degree_questions_and_negated_evidence_are_not_claims(lint, text):
    assert [f.rule for f in lint(text + "\n") if f.rule == "unhedged-causal-claim"] == []


def test_a_parenthesis_hides_no_determiner(lint):
    text = "Doses of 200 mg or more (taken once or split) lowered triglycerides within a month.\n"
    assert [f.rule for f in lint(text) if f.rule == "unhedged-causal-claim"] == ["unhedged-causal-claim"]


@pytest.mark.parametrize("heading, flagged", [
    ("## Root causes of tooth decay", False),  # a title: no finite verb
    ("## Sugar is the root cause of tooth decay", True),
    ("## Foods that fight tooth decay", False),  # a relative clause describes the title's noun
])
def test_headings_without_a_verb_are_titles(lint, heading, flagged):
    assert bool([f for f in lint(heading + "\n") if f.rule == "unhedged-causal-claim"]) is flagged


def test_paragraph_scope_accepts_a_citation_nearby(cli, tmp_path, monkeypatch):
    import json

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Smoking causes lung cancer. The [CDC](https://www.cdc.gov/) explains why.\n")
    run = lambda: {f["rule"] for f in json.loads(cli("check", "--format", "json", "a.md").stdout)["findings"]}
    assert "unhedged-causal-claim" in run()
    (tmp_path / ".claimlint.yaml").write_text("rules:\n  unhedged-causal-claim: {options: {scope: paragraph}}\n")
    assert "unhedged-causal-claim" not in run()


def test_cue_table_rows_are_well_formed():
    """Every cue row names a known kind and scope and compiles on its own; each kind compiles to one pass."""
    import re

    from claimlint.evidence import cues

    kinds = {"speculation", "certainty", "can", "reporting", "help", "can help", "approximator", "condition",
             "disowning", "negation"}
    for row in cues.CUES:
        assert row.kind in kinds and row.scope in {"clause", "around", "before", "condition", "sentence", "window"}, row
        re.compile(row.regex())
    assert {row.kind for row in cues.CUES} == kinds
    assert "not" in cues.words("negation") and cues.pattern("disowning").search("there is no evidence that it works")


@pytest.mark.parametrize("text, hedged", [
    ("It could be tested.", True), ("It could not be detected.", False), ("It could be detected.", False),
    ("Its appearance changed.", False), ("It appears to work.", True), ("There is no doubt it works.", False),
])
def test_cue_exceptions(text, hedged):
    assert has_hedge(text) is hedged


def test_a_sentence_looks_for_its_citation_once_per_scope(monkeypatch):
    """Every rule asks `cited` of the sentences it reads: the answer is found once per scope."""
    from claimlint import nlp
    from claimlint.markdown import parse

    asked = []
    monkeypatch.setattr(nlp, "has_citation", lambda text, evidence: asked.append(text) or has_citation(text, evidence))
    segment = parse("Sugar causes acne [1]. Stress worsens sleep.\n").segments[0]
    sentence = nlp.Sentence(segment, 23, 44, None, [], segment.text)
    answers = [sentence.cited(), sentence.cited("paragraph"), sentence.cited(), sentence.cited("paragraph")]
    assert answers == [False, True, False, True] and asked == ["Stress worsens sleep.", segment.text]


@pytest.mark.parametrize("text, flagged", [
    ("About 40% of adults snore. [2] Most never know.", []),  # the mark after the stop cites the sentence before
    ("About 40% of adults snore. [2, 5] Studies show it wakes partners.", [("vague-attribution", 35)]),
    ("About 40% of adults snore. (2) Most never know.", [("unsourced-statistic", 1)]),  # "(2)" may enumerate
    ("About 40% of adults snore. [note] Most never know.", [("unsourced-statistic", 1)]),
])
def test_a_numbered_mark_after_a_full_stop_cites_the_sentence_before(lint, text, flagged):
    assert [(f.rule, f.column) for f in lint(text + "\n") if f.rule != "missing-disclaimer"] == flagged


@pytest.mark.parametrize("text, flagged", [
    # every sentence of a link's text is linked, however the prose is cut into pieces
    ("- [Women on fish oil had 50% fewer early births. The high dose also reduced feeding problems.]"
     "(https://example.org/trial)", []),
    ("[Ginger eases nausea. Turmeric eases joint pain.](https://example.org/review) Zinc heals acne.",
     [("unhedged-causal-claim", 84), ("supplement-disease-claim", 84)]),
    # a link inside the first sentence cites only that one
    ("Ginger eases nausea ([review](https://example.org/review)). Turmeric heals arthritis.",
     [("unhedged-causal-claim", 70), ("supplement-disease-claim", 70)]),
    # an autolink or an HTML link has no end of its own for a later internal link to take
    ("See <https://example.org/study>. Turmeric heals arthritis. Visit [our shop](/shop).",
     [("unhedged-causal-claim", 43), ("supplement-disease-claim", 43)]),
    ('<a href="https://example.org/x">Source</a>. Turmeric heals arthritis. Browse [the range](/range).',
     [("unhedged-causal-claim", 54), ("supplement-disease-claim", 54)]),
    ('<a href="https://example.org/r">Ginger eases nausea. Turmeric eases joint pain.</a> Zinc heals acne.',
     [("unhedged-causal-claim", 90), ("supplement-disease-claim", 90)]),
    # marks inside the link's text do not cut it short
    ("[Ginger eases nausea.<sup>1</sup> Turmeric eases joint pain.<sup>2</sup> Zinc clears acne.]"
     "(https://example.org/r) Iron heals fatigue.", [("unhedged-causal-claim", 121)]),
])
def test_every_sentence_of_a_links_text_is_linked(lint, text, flagged):
    assert sorted((f.rule, f.column) for f in lint(text + "\n") if f.rule != "missing-disclaimer") == sorted(flagged)
