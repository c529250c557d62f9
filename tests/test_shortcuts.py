"""Shortcuts taken for speed give exactly what the long way gives."""

from __future__ import annotations

from dataclasses import asdict

from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint.findings import Finding
from claimlint.inert import inert, inert_pieces
from claimlint.nlp import plain_quotes

_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "′": "'", "＇": "'"})


@settings(max_examples=2000)
@given(st.text(alphabet=st.sampled_from(list(" \t\n\x0b\x0c\x1c:#[a\u2028\x85\x9fé\x00")), max_size=12))
def test_text_with_nothing_to_escape_is_printed_as_it_is(text):
    assert inert(text) == "".join(inert_pieces(text))


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(list("’‘“”′＇ab \"'é")), max_size=12))
def test_plain_quotes_maps_each_typographic_quote_to_its_plain_form(text):
    assert plain_quotes(text) == text.translate(_TYPOGRAPHIC)


def test_a_finding_as_a_mapping_is_its_fields_but_the_context():
    finding = Finding("a.md", 1, 2, 1, 9, "rule", "warning", "message", "match", "pattern", "the context")
    expected = asdict(finding)
    del expected["context"]
    assert finding.to_dict() == expected and list(finding.to_dict()) == list(expected)
