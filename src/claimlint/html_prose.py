"""Prose inside raw HTML blocks: a draft pasted from a CMS is often `<p>...</p>` from end to end.

The annotation policy reads HTML in Markdown as text, so each block-level element of an HTML block
(a paragraph, heading, list item, table cell, caption) becomes a segment like any other: tags are
removed, entities decoded, and every prose character keeps the offset of the source text it came
from. Scripts, styles, code and comments are not prose; an external `<a href>` and a `<sup>` are
evidence, as they are inline.
"""

from __future__ import annotations

import html
import re

from claimlint.markdown import _ENTITY, _EXTERNAL, _HREF, _TEMPLATE_TAG, Evidence, Offsets, Segment

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(/?)>|<!--.*?-->", re.S)
# Elements that end one segment and start another, with the segment kind they open.
_BLOCKS = {"p": "paragraph", "div": "paragraph", "section": "paragraph", "article": "paragraph",
           "blockquote": "paragraph", "figcaption": "paragraph", "br": None, "hr": None, "li": "list_item",
           "ul": None, "ol": None, "dd": "paragraph", "dt": "paragraph", "td": "table_cell", "th": "table_cell",
           "tr": None, "table": None, "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
           "h5": "heading", "h6": "heading"}
# Elements that hold blocks and are closed explicitly: a closing tag ends every one opened inside it.
_CONTAINERS = frozenset({"blockquote", "div", "section", "article", "main", "header", "footer", "aside", "figure",
                         "ul", "ol", "table"})
_SILENT = frozenset({"script", "style", "pre", "code", "svg", "noscript", "template"})


def html_segments(source: str, offset: int, open_elements: tuple[str, ...] = ()) -> tuple[list[Segment], tuple[str, ...]]:
    """Segments of prose in the HTML block `source`, which starts at `offset` in the draft, and the container
    elements (`_CONTAINERS`) still open at its end. `open_elements` are those open at its start: a quotation
    opened in one HTML block goes on through the HTML blocks right after it. Closing an element closes every
    container opened inside it ("<div><blockquote>...</div>")."""
    segments: list[Segment] = []
    stack = list(open_elements)
    builder = _Segment("paragraph", "blockquote" in stack)
    silent: list[str] = []
    position = 0
    for tag in _TAG.finditer(source):
        if not silent:
            builder.add_prose(source, position, tag.start(), offset)
        position = tag.end()
        closing, name, _ = tag.groups()
        name = (name or "").lower()
        if name in _SILENT:
            if closing and silent and silent[-1] == name:
                silent.pop()
            elif not closing:
                silent.append(name)
            continue
        if name in _CONTAINERS:
            if not closing:
                stack.append(name)
            elif name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
        if name in _BLOCKS:
            builder.flush(segments)
            builder = _Segment(_BLOCKS[name] or "paragraph" if not closing else "paragraph", "blockquote" in stack)
        elif name == "a" and not closing:
            href = _HREF.search(tag.group())
            if href and _EXTERNAL.match(href.group(1)):
                builder.evidence.append(Evidence(len(builder.chars), "link", href.group(1)))
        elif name == "sup" and not closing:
            builder.evidence.append(Evidence(len(builder.chars), "superscript", ""))
    if not silent:
        builder.add_prose(source, position, len(source), offset)
    builder.flush(segments)
    return segments, tuple(stack)


class _Segment:
    def __init__(self, kind: str, quoted: bool = False):
        self.kind = kind
        self.quoted = quoted
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.evidence: list[Evidence] = []

    def add_prose(self, source: str, start: int, end: int, offset: int):
        """Add source[start:end] as prose but for the site generator's template tags in it ("{{ site.url }}")."""
        for tag in _TEMPLATE_TAG.finditer(source, start, end):
            self.add_text(source, start, tag.start(), offset)
            start = tag.end()
        self.add_text(source, start, end, offset)

    def add_text(self, source: str, start: int, end: int, offset: int):
        """Add source[start:end] as prose: entities decoded, runs of white space as one space."""
        position = start
        while position < end:
            ch = source[position]
            entity = _ENTITY.match(source, position, end) if ch == "&" else None
            width = entity.end() - position if entity else 1
            text = html.unescape(entity.group()) if entity else ch
            if text.isspace() or text == "\xa0":
                text = " "
                if self.chars and self.chars[-1] == " ":
                    position += width
                    continue
            for char in text:
                self.chars.append(char)
                self.starts.append(offset + position)
                self.ends.append(offset + position + width)
            position += width

    def flush(self, segments: list[Segment]):
        text = "".join(self.chars)
        if text.strip():
            segments.append(Segment(self.kind, text, Offsets(self.starts), Offsets(self.ends), self.evidence, self.quoted))
