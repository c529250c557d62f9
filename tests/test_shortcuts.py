"""Shortcuts taken for speed give exactly what the long way gives."""

from __future__ import annotations

from dataclasses import asdict

from hypothesis import given, settings
from hypothesis import strategies as st

from claimlint.findings import Edit, Finding, Fix
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


def test_a_finding_as_a_mapping_is_what_asdict_gives_but_the_context():
    fixes = (Fix("Hedge it", (Edit(1, 2, 1, 9, "may cause"), Edit(2, 1, 2, 1, "x")), False), Fix("Suppress", ()))
    for suppressed in (None, "a reason"):
        finding = Finding("a.md", 1, 2, 1, 9, "rule", "warning", "message", "match", "pattern", "the context",
                          suppressed=suppressed, fixes=fixes)
        expected = asdict(finding)
        del expected["context"]
        if suppressed is None:
            del expected["suppressed"]
        assert finding.to_dict() == expected and list(finding.to_dict()) == list(expected)
        assert Finding.from_dict({**finding.to_dict(), "context": "the context"}) == finding
