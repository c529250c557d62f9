"""Named token patterns (kinds/token_patterns.py): a causal rule's constructions as spaCy Matcher specs in
YAML, with ANY, WORDS, CONTEXT, named exclusions and each pattern's own examples."""

from __future__ import annotations

import pytest

from claimlint.errors import ConfigError
from claimlint.examples import example_failures, examples
from claimlint.kinds.token_patterns import expand
from claimlint.linter import Linter
from claimlint.rules import builtin_rules, load_rule

RULE = """\
id: house-causal
severity: warning
message: 'Causal: "{match}".'
description: House causal wording.
kind: causal-claim
verbs: [cause]
phrases:
  - name: is-cure
    description: a copula calling something a cure
    tokens:
      - {LOWER: {IN: [is, are]}}
      - ANY: [[{LOWER: {IN: [a, the]}}], [{LOWER: one}, {LOWER: of}, {LOWER: the}], []]
      - {WORDS: [0, 2]}
      - {LOWER: {IN: [cure, cures]}}
      - {LOWER: for}
    examples:
      flag: [Honey is a well-known cure for coughs.]
      pass: [Honey is a very sweet and sticky cure for coughs.]
  - name: works-wonders
    description: working wonders, at the end of a sentence
    tokens: [{LOWER: {IN: [work, works]}}, {LOWER: wonders}, {ORTH: '.', CONTEXT: true}]
  - name: has-power
    description: having the power to heal
    tokens: [{LOWER: {IN: [has, have]}}, {WORDS: [0, 2]}, {LOWER: power}, {LOWER: to}]
    unless: [perfect]
  - {regex: 'heals\\s+all'}
examples:
  flag: [Garlic is one of the cures for colds.]
  pass: [Garlic is tasty.]
"""


def _rule(tmp_path, text=RULE):
    path = tmp_path / "house-causal.yaml"
    path.write_text(text)
    return load_rule(path)


def _found(rule, text):
    return [(f.match, f.pattern) for f in Linter([rule]).lint(text + "\n", "d.md") if f.rule == rule.id]


def test_any_stands_for_each_of_its_choices():
    plain = expand([{"ANY": [[{"LOWER": "a"}], [{"LOWER": "b"}, {"ANY": [[{"LOWER": "c"}], []]}], []]},
                    {"LOWER": "d"}])
    assert [[spec["LOWER"] for spec in sequence] for sequence in plain] == [["a", "d"], ["b", "c", "d"], ["b", "d"], ["d"]]


@pytest.mark.parametrize("text, found", [
    ("Honey is a well-known cure for coughs.", [("is a well-known cure for", "phrase is-cure")]),
    ("Garlic is one of the cures for colds.", [("is one of the cures for", "phrase is-cure")]),
    ("Honey is a cure for coughs.", [("is a cure for", "phrase is-cure")]),
    ("Honey is a very sweet and sticky cure for coughs.", []),  # five words: more than WORDS allows
    ("Sleep works wonders.", [("works wonders", "phrase works-wonders")]),  # the full stop is context
    ("Sleep works wonders for the skin.", []),
    ("Garlic has the power to heal.", [("has the power to", "phrase has-power")]),
    ("Garlic has gained power to heal.", []),  # a perfect: the exclusion `perfect`
    ("Garlic heals all.", [("heals all", "phrase")]),  # a bare regex entry, unnamed
])
def test_token_patterns_find_their_constructions(tmp_path, text, found):
    assert _found(_rule(tmp_path), text) == found


def test_each_patterns_own_examples_are_checked(tmp_path):
    rule = _rule(tmp_path)
    assert ("flag", "Honey is a well-known cure for coughs.", "phrase is-cure") in examples(rule)
    assert example_failures(rule) == []
    broken = _rule(tmp_path, RULE.replace("pass: [Honey is a very sweet", "pass: [Honey is a"))
    assert len(example_failures(broken)) == 1 and "pattern 'phrase is-cure': pass example" in example_failures(broken)[0]


def test_a_flag_example_must_be_found_by_its_own_pattern(tmp_path):
    rule = _rule(tmp_path, RULE.replace("flag: [Honey is a well-known cure for coughs.]", "flag: [Garlic causes calm.]"))
    [failure] = example_failures(rule)
    assert "found by 'verb cause' instead" in failure


@pytest.mark.parametrize("spec, problem", [
    ("{LOWR: cure}", "unknown token attribute 'LOWR'"),
    ("{LOWER: {IN: [cure, on]}}", "quote it"),
    ("{LOWER: cure, OP: '??'}", "OP must be"),
    ("{WORDS: [2]}", "WORDS takes"),
    ("{LOWER: {REGEX: '(cure'}}", "invalid regular expression"),
    ("{ANY: [{LOWER: cure}]}", "ANY takes a list of token lists"),
    ("{LOWER: cure, CONTEXT: true}", "CONTEXT marks only the last"),
])
def test_a_malformed_token_pattern_is_a_rule_error(tmp_path, spec, problem):
    text = RULE.replace("      - {LOWER: {IN: [cure, cures]}}", f"      - {spec}")
    with pytest.raises(ConfigError, match=f"house-causal.yaml.*{problem}"):
        _rule(tmp_path, text)


def test_an_unknown_exclusion_is_a_rule_error(tmp_path):
    with pytest.raises(ConfigError, match="unknown exclusion \\['definition-ish'\\]"):
        _rule(tmp_path, RULE.replace("unless: [perfect]", "unless: [definition-ish]"))


def test_matches_are_chosen_as_a_regex_alternation_would_choose_them(tmp_path):
    """Leftmost first; at one start the first pattern declared; its shortest match; no overlaps."""
    rule = _rule(tmp_path, RULE.replace("  - {regex: 'heals\\\\s+all'}\n", """\
  - name: cure-for-all
    tokens: [{LOWER: {IN: [is, are]}}, {LOWER: a}, {LOWER: cure}, {LOWER: for}, {LOWER: all}]
"""))
    spans = [(start, length, entry.name) for start, length, entry in rule.checker.phrases.spans(
        _sentence("Honey is a cure for all and is a cure for colds."))]
    assert spans == [(1, 4, "is-cure"), (7, 4, "is-cure")]


def _sentence(text):
    from claimlint.nlp import load_pipeline

    return load_pipeline(None)(text)[:]


def test_the_families_of_a_rule_read_a_sentences_words_once():
    """The words gating each family's matchers are read from the tokens once per sentence (nlp.memo)."""
    from claimlint.nlp import memo

    kind = builtin_rules()["unhedged-causal-claim"].checker
    tokens = _sentence("Stress is a major driver of flare-ups.")
    assert list(kind.phrases.spans(tokens)) and "words" in memo(tokens)
    memo(tokens)["words"] = set()  # what the next family reads, whatever the tokens say: nothing passes its gates
    assert list(kind.phrases.spans(tokens)) == [] and list(kind.phrases.spans(_sentence("Stress is a major driver of flare-ups.")))


def test_the_trigger_holds_an_anchor_word_of_every_token_pattern():
    kind = builtin_rules()["unhedged-causal-claim"].checker
    assert kind.trigger.search("Stress is a major driver of flare-ups.")
    assert not kind.trigger.search("The weather is a major topic of talk.")


def test_builtin_causal_phrases_are_all_token_patterns_with_examples():
    named = builtin_rules()["unhedged-causal-claim"].checker.named_patterns()
    assert len(named) >= 20
    for label, entry in named:
        kinds = {kind for kind, _ in entry.examples}
        assert entry.tokens and kinds == {"flag", "pass"}, label
