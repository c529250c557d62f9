"""What is prose, what is not, and which citation marks stay as evidence."""

from __future__ import annotations

from claimlint.markdown import parse


def texts(markdown: str) -> list[str]:
    return [segment.text for segment in parse(markdown).segments]


def test_code_front_matter_scripts_and_urls_are_not_prose():
    draft = (
        "---\ntitle: sugar causes cancer\n---\n"
        "```\nsugar causes cancer\n```\n\n"
        "    indented code causes nothing\n\n"
        "<script>\nscript causes nothing\n</script>\n\n"
        "Read `inline code` and [the guide](https://x.org/causes \"title causes\") ![alt causes](a.png).\n"
    )
    assert texts(draft) == ["Read  and the guide ."]


def test_toml_front_matter_is_not_prose():
    draft = '+++\ntitle = "Sugar causes cancer"\ndescription = "Sugar causes cancer."\n+++\nBody text.\n'
    document = parse(draft)
    assert texts(draft) == ["Body text."]
    assert document.front_matter_format == "toml" and 'title = "Sugar causes cancer"' in document.front_matter
    assert texts("+++\ntitle = 1\nBody text.\n") == ['+++ title = 1 Body text.']  # unclosed: prose
    assert texts("Intro.\n\n+++\ntitle = 1\n+++\n") == ["Intro.", "+++ title = 1 +++"]  # not at the start
    assert texts("> +++\n> Sugar causes acne.\n> +++\n") == ["+++ Sugar causes acne. +++"]  # a quotation's lines
    assert parse(draft).front_matter_end == draft.index("Body")


def test_html_blocks_are_prose_as_the_policy_reads_them():
    assert texts("<div>\nhtml block text\n</div>\n") == [" html block text "]


def test_segment_kinds():
    draft = "# Head\n\nPara.\n\n- item\n\n> quote\n\n| a | b |\n|---|---|\n| c | d |\n"
    assert [(s.kind, s.text) for s in parse(draft).segments] == [
        ("heading", "Head"), ("paragraph", "Para."), ("list_item", "item"), ("blockquote", "quote"),
        ("table_cell", "a"), ("table_cell", "b"), ("table_cell", "c"), ("table_cell", "d"),
    ]


def test_citation_marks_become_evidence():
    draft = "Fact one[^1] and [two](https://a.org) and three<sup>4</sup>.\n\n[^1]: A source.\n"
    (segment,) = parse(draft).segments
    assert segment.text == "Fact one and two and three."
    assert [(e.kind, e.value, e.position) for e in segment.evidence] == [
        ("footnote", "1", 8), ("link", "https://a.org", 13), ("superscript", "4", 26),
    ]


def test_anchor_and_mailto_links_are_not_citations():
    (segment,) = parse("See [below](#refs) or [mail](mailto:a@b.org).\n").segments
    assert segment.evidence == []


def test_footnote_definitions_are_not_linted():
    assert texts("Text.[^a]\n\n[^a]: Sugar causes cancer, says this source.\n") == ["Text."]


def test_comments_are_collected_with_offsets():
    draft = "<!-- block -->\n\nText <!-- inline --> here.\n"
    comments = parse(draft).comments
    assert [(c.text, draft[c.offset : c.offset + len(c.text)]) for c in comments] == [
        ("<!-- block -->", "<!-- block -->"), ("<!-- inline -->", "<!-- inline -->"),
    ]


def test_only_external_links_are_citations():
    (segment,) = parse("Our [capsules](/shop/calm) and [a trial](https://example.org/t) and [doi](doi:10.1/x).\n").segments
    assert [e.value for e in segment.evidence] == ["https://example.org/t", "doi:10.1/x"]


def test_html_links_to_sources_are_citations():
    (segment,) = parse('A <a href="https://example.org/trial">2019 trial</a> and <a href="/shop">shop</a>.\n').segments
    assert [e.value for e in segment.evidence] == ["https://example.org/trial"]


def test_a_disclaimer_in_an_html_block_counts(lint):
    draft = ("Insomnia and anxiety often travel together; magnesium may help.\n\n"
             "<div class=\"note\">This article is <em>for informational purposes only</em>.</div>\n")
    assert [f.rule for f in lint(draft)] == []


def test_a_line_in_bold_alone_is_a_heading():
    kinds = [s.kind for s in parse("**Lowers Cholesterol**\n\n**Bold** then plain words.\n\n- **Item**\n").segments]
    assert kinds == ["heading", "paragraph", "list_item"]


def test_template_tags_are_not_prose_and_the_rest_keeps_its_positions():
    text = "I cut sugar ([my log]({% post_url 2019-02-05-log %})) and {{ site.author }} lost 40% of it.\n"
    segment = parse(text).segments[0]
    assert "post_url" not in segment.text and "site.author" not in segment.text and "2019" not in segment.text
    start = segment.text.index("40%")
    assert text[slice(*segment.source_span(start, start + 3))] == "40%"
