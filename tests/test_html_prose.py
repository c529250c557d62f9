"""Prose inside raw HTML blocks is linted, with exact positions."""

from __future__ import annotations

import re

from claimlint.markdown import parse

DRAFT = (
    "# A CMS page\n"
    "\n"
    "<p>About 20 to 30% of adults&#8217; gums <b>bleed</b> &amp; sugar causes decay.</p><p>Flossing reduces\n"
    "plaque <a href=\"https://example.org/trial\">in trials</a>.</p>\n"
    "<script>var claim = 'sugar causes 70% of decay';</script>\n"
    "<h2>Turmeric heals arthritis</h2>\n"
    "<blockquote><p>Gargling salt water cures colds.</p></blockquote>\n"
)


def _visible(source: str) -> str:
    """The source slice with tags removed and entities decoded, as a reader sees it."""
    import html

    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", source)).split())


def test_each_block_element_is_a_segment_that_maps_back_to_its_source():
    segments = parse(DRAFT).segments
    kinds = [(s.kind, s.text) for s in segments]
    assert kinds == [
        ("heading", "A CMS page"),
        ("paragraph", "About 20 to 30% of adults’ gums bleed & sugar causes decay."),
        ("paragraph", "Flossing reduces plaque in trials."),
        ("heading", "Turmeric heals arthritis"),
        ("paragraph", "Gargling salt water cures colds."),
    ]
    for segment in segments:
        for start in range(len(segment.text)):
            for end in range(start + 1, min(len(segment.text), start + 12) + 1):
                source = DRAFT[slice(*segment.source_span(start, end))]
                assert _visible(source) == " ".join(segment.text[start:end].split())


def test_links_are_evidence_scripts_are_not_prose_and_blockquotes_are_quoted():
    segments = parse(DRAFT).segments
    assert [e.kind for e in segments[2].evidence] == ["link"]
    assert not any("70%" in s.text for s in segments)
    assert segments[-1].quoted and not segments[1].quoted


def test_findings_in_html_point_at_the_exact_source_text(lint):
    found = {(f.rule, f.line, DRAFT.splitlines()[f.line - 1][f.column - 1 : f.end_column - 1])
             for f in lint(DRAFT) if f.rule != "missing-disclaimer"}
    assert ("unsourced-statistic", 3, "About 20 to 30%") in found
    assert ("unhedged-causal-claim", 3, "causes") in found
    assert ("unhedged-causal-claim", 6, "heals") in found
    assert not any(line in (4, 5, 7) for _, line, _ in found)  # cited, a script, a quotation


def test_html_inside_a_container_is_left_alone():
    assert [s.text for s in parse("> <p>Sugar causes decay.</p>\n").segments] == []


INDENTED = (
    "Intro line.\n"
    "\n"
    "    <div class=\"card\">\n"
    "        <h4>Relieves Migraines</h4>\n"
    "        <p>Feverfew\tcures   colds.</p>\n"
    "    </div>\n"
    "\n"
    "Code:\n"
    "\n"
    "    sugar = 'causes decay'\n"
    "\n"
    "```html\n"
    "<p>Garlic cures colds.</p>\n"
    "```\n"
)


def test_html_indented_for_readability_is_prose_that_maps_back_to_its_source():
    segments = parse(INDENTED).segments
    assert [(s.kind, s.text) for s in segments] == [
        ("paragraph", "Intro line."),
        ("heading", "Relieves Migraines"),
        ("paragraph", "Feverfew cures colds."),
        ("paragraph", "Code:"),
    ]
    for segment in segments[1:3]:
        for start in range(len(segment.text)):
            for end in range(start + 1, len(segment.text) + 1):
                source = INDENTED[slice(*segment.source_span(start, end))]
                assert _visible(source) == " ".join(segment.text[start:end].split())


def test_indented_code_and_fenced_html_stay_code(lint):
    found = {(f.line, INDENTED.splitlines()[f.line - 1][f.column - 1 : f.end_column - 1])
             for f in lint(INDENTED) if f.rule == "unhedged-causal-claim"}
    assert found == {(4, "Relieves"), (5, "cures")}


def test_indented_html_inside_a_container_is_left_alone():
    assert [s.text for s in parse("> text\n>\n>     <p>Sugar causes decay.</p>\n").segments] == ["text"]


def test_a_quotation_opened_in_one_html_block_goes_on_through_the_html_blocks_right_after_it():
    def quoted(draft):
        return {s.text: s.quoted for s in parse(draft).segments}

    assert quoted("<blockquote>\n<h4>From the trial</h4>\n\n    <p>Sprinting burns more fat.</p>\n\n</blockquote>\n\n"
                  "Sugar causes decay.\n") == {"From the trial": True, "Sprinting burns more fat.": True,
                                                 "Sugar causes decay.": False}
    # closing the element it was opened in closes the quotation
    assert quoted("<div><blockquote>A reader wrote in.\n</div>\n\n    <p>Turmeric cures arthritis.</p>\n") == {
        "A reader wrote in. ": True, "Turmeric cures arthritis.": False}
    # Markdown between HTML blocks ends what they left open, closed or not
    assert quoted("<blockquote>\n\nA reader wrote that garlic cures colds.</blockquote>\n\nSalt raises blood pressure.\n"
                  "\n<p>Sugar causes decay.</p>\n") == {"A reader wrote that garlic cures colds.": False,
                                                         "Salt raises blood pressure.": False, "Sugar causes decay.": False}


def test_a_disable_comment_in_indented_html_works_as_in_any_html_block(lint):
    draft = ("Intro.\n\n    <div>\n        <!-- claimlint-disable-next-line unhedged-causal-claim -- from the label -->\n"
             "        <p>Ginger cures nausea.</p>\n        <p>Garlic cures colds.</p>\n    </div>\n")
    assert [f.line for f in lint(draft) if f.rule == "unhedged-causal-claim"] == [6]


def test_template_tags_in_html_are_not_prose_either():
    segment = parse("<p>Read {% include note.html %} and {{ page.title }}: sugar causes decay.</p>\n").segments[0]
    assert segment.text == "Read and : sugar causes decay."
