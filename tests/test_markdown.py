"""What is prose, what is not, and which citation marks stay as evidence."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from claimlint.markdown import parse, plain_inline_plugin
from claimlint.toml_front_matter import toml_front_matter_plugin
from conftest import ROOT


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


def _tokens(tokens) -> list:
    return [(t.type, t.tag, t.nesting, t.content, t.map, t.markup, t.level, t.info, sorted(t.attrs.items()), repr(t.meta),
             t.block, t.hidden, t.children and _tokens(t.children)) for t in tokens]


MARKUP = ["Plain prose with no markup at all.", "Sugar - and salt: 100% = bad # {x} $5 @me +1 > 2", "", "  ",
          "Line one\nline two", "Trailing  \nhard break", "An \\*escape\\*", "Some `code` here", "~~gone~~ now",
          "*em* and _em_ and **strong**", "A [link](https://x.example) and [ref][r]\n\n[r]: /r", "![alt *text*](i.png)",
          "Inline note^[with *emphasis*] and a ref[^1]\n\n[^1]: The note.", "<https://auto.example> <b>html</b>",
          "&amp; &copy; &#35;", "| a | b |\n| - | - |\n| plain | *cell* |", "- item\n- item with [link](/x)\n",
          "> quoted plain\n> quoted *em*", "# Heading plain\n\nSetext\n===", "a]b[c! d^ e<f &g"]


def test_plain_inline_content_gives_the_tokens_markdown_it_gives(shared_file):
    """Inline content where no rule can start is made one text token directly (plain_inline_plugin):
    exactly the tokens markdown-it makes of it, for every kind of markup and each CommonMark example."""
    import json

    from claimlint import markdown
    from claimlint.nesting import deep_nesting_plugin

    stock = (MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
             .use(toml_front_matter_plugin).use(footnote_plugin).use(deep_nesting_plugin))
    assert "parse" in vars(markdown._PARSER.inline) and "parse" not in vars(stock.inline)  # the shortcut is on
    samples = MARKUP + [path.read_text(encoding="utf-8") for path in sorted((ROOT / "fixtures").rglob("*.md"))]
    for text in samples:
        assert _tokens(markdown._PARSER.parse(text)) == _tokens(stock.parse(text)), text[:60]
    examples = json.loads(shared_file("data/commonmark/spec_examples.json").read_text(encoding="utf-8"))
    for example in examples:
        assert _tokens(markdown._PARSER.parse(example["markdown"])) == _tokens(stock.parse(example["markdown"])), example


def test_an_inline_rule_the_plain_shortcut_does_not_know_is_an_error():
    parser = MarkdownIt("commonmark")
    parser.inline.ruler.push("hashtag", lambda state, silent: False)
    with pytest.raises(KeyError):
        parser.use(plain_inline_plugin)


def test_a_template_tag_is_at_most_a_line_of_300_characters():
    """The bound keeps an unclosed "{{" run linear (benchmarks/linearity.py); longer braces are prose."""
    assert "sugar" not in texts("I {{ sugar " + "x" * 280 + " }} eat.\n")[0]
    assert "sugar" in texts("I {{ sugar " + "x" * 320 + " }} eat.\n")[0]
    assert "sugar" in texts("I {{ sugar " * 3000 + "eat.\n")[0]  # never closed
