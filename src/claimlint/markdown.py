"""Markdown to prose segments whose every character maps back to an offset in the source.

markdown-it-py's inline tokens carry no positions, so each block's inline content is first
located line by line in the source, then its child tokens are aligned against that content.
Markup removed from the prose (emphasis markers, link destinations, inline code, HTML) never
shifts a position; links, footnote references and superscripts are kept as evidence.
"""

from __future__ import annotations

import bisect
import html
import re
from array import array
from dataclasses import dataclass, replace, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from claimlint.nesting import deep_nesting_plugin
from claimlint.toml_front_matter import toml_front_matter_plugin

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BACKTICKS = re.compile(r"`+")
_EXTERNAL = re.compile(r"(?:https?:|ftp:|doi:|//)", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
# A line that is only whitespace (to Python) inside container markers: "> \f", "- \v"
_WHITESPACE_LINE = re.compile(r"[\s>]*(?:(?:[-+*]|[0-9]{1,9}[.)])\s*)?")


@dataclass(frozen=True)
class Evidence:
    """A citation mark removed from the prose: `kind` is link, footnote or superscript."""

    position: int  # index into the segment's prose where the mark stood
    kind: str
    value: str
    end: int = -1  # for a link, the index where its text ends: every sentence of that text is linked


class Offsets:
    """A sequence of source offsets stored as runs of consecutive values.

    Prose copies its source character for character almost everywhere, so a paragraph's offsets
    are a few runs (one per line, link or entity), each kept as two machine integers: a 10 MB
    draft's offsets take a few MB instead of 80. Indexing costs a binary search over the runs.
    """

    __slots__ = ("_firsts", "_values", "_length")

    def __init__(self, values=()):
        self._firsts = array("I")  # the index where each run begins (4 bytes: drafts are < 4 G)
        self._values = array("I")  # the offset at that index; each later index in the run adds one
        self._length = 0
        self.extend(values)

    def append(self, value: int):
        n = self._length
        if not self._values or value != self._values[-1] + (n - self._firsts[-1]):
            self._firsts.append(n)
            self._values.append(value)
        self._length = n + 1

    def extend(self, values):
        if isinstance(values, range) and values.step == 1:
            self.extend_run(values.start, len(values))
            return
        for value in values:
            self.append(value)

    def extend_run(self, first: int, count: int):
        """Append first, first + 1, ..., first + count - 1."""
        if count > 0:
            self.append(first)
            self._length += count - 1

    def extend_from(self, other: Offsets, start: int, stop: int, shift: int = 0):
        """Append other[start:stop], each plus `shift`, a run at a time."""
        stop = min(stop, len(other))
        run = bisect.bisect_right(other._firsts, start) - 1
        while start < stop:
            run_end = other._firsts[run + 1] if run + 1 < len(other._firsts) else other._length
            end = min(stop, run_end)
            self.extend_run(other._values[run] + (start - other._firsts[run]) + shift, end - start)
            start, run = end, run + 1

    def __len__(self) -> int:
        return self._length

    def shape(self, base: int) -> tuple:
        """The runs relative to `base`: equal for two segments whose sources differ only in where
        they start."""
        return self._length, tuple(self._firsts), tuple(value - base for value in self._values)

    def __getitem__(self, index: int) -> int:
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset index out of range")
        run = bisect.bisect_right(self._firsts, index) - 1
        return self._values[run] + (index - self._firsts[run])

    def __iter__(self):
        firsts, values = self._firsts, self._values
        for run in range(len(firsts)):
            end = firsts[run + 1] if run + 1 < len(firsts) else self._length
            yield from range(values[run], values[run] + end - firsts[run])

    def __eq__(self, other) -> bool:
        if isinstance(other, Offsets):
            return self._length == other._length and self._firsts == other._firsts and self._values == other._values
        try:
            return list(self) == list(other)
        except TypeError:
            return NotImplemented

    def __repr__(self) -> str:
        return f"Offsets({list(self)!r})"


@dataclass
class Segment:
    """One block of prose: a paragraph, heading, list item paragraph, blockquote or table cell."""

    kind: str
    text: str
    # Runs of consecutive offsets (see Offsets), not lists of int objects: a 10 MB draft's
    # offsets take a few MB, not 700.
    starts: Offsets  # starts[i]: the source offset where text[i] begins
    ends: Offsets  # ends[i]: the source offset just past it (an entity or escape spans several)
    evidence: list[Evidence] = field(default_factory=list)
    quoted: bool = False  # inside a blockquote: the draft quotes someone else's words
    level: int = 0  # a heading's level (1 for `#`); a bold line serving as a heading ranks below them all
    lead: str = ""  # a list item's lead-in, when it announces what the items are ("benefits": structure.py)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets (end exclusive) of the prose span text[start:end]."""
        return self.starts[start], self.ends[end - 1]


@dataclass(frozen=True)
class Comment:
    """An HTML comment in the draft (suppressions live in these)."""

    offset: int
    text: str


@dataclass
class Document:
    text: str  # the normalised source
    segments: list[Segment]
    comments: list[Comment]
    front_matter: str | None
    front_matter_format: str = "yaml"  # "toml" for front matter between `+++` lines
    front_matter_end: int = 0  # the source offset just past the front matter's closing line (0: none)


def _parser() -> MarkdownIt:
    return (MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
            .use(toml_front_matter_plugin).use(footnote_plugin).use(deep_nesting_plugin).use(plain_inline_plugin))


# The characters each inline rule can start at ("text" takes the rest). Inline content holding none of
# those of the parser's rules is one text token: most paragraphs of prose.
_INLINE_RULE_STARTS = {"text": "", "newline": "\n", "escape": "\\", "backticks": "`", "strikethrough": "~",
                       "emphasis": "*_", "link": "[", "image": "!", "footnote_inline": "^", "footnote_ref": "[",
                       "autolink": "<", "html_inline": "<", "entity": "&"}


def plain_inline_plugin(md: MarkdownIt):
    """Inline content in which no inline rule can start gives its one text token directly, without
    markdown-it's inline state machine (a fifth of the parse of a typical draft). Add it last: a
    rule enabled after it is not known here, and one it does not know is an error."""
    starts = "".join(_INLINE_RULE_STARTS[name] for name in md.inline.ruler.get_active_rules())
    markup = re.compile("[" + re.escape(starts) + "]")
    parse = md.inline.parse

    def plain_first(src: str, md: MarkdownIt, env, tokens: list[Token]) -> list[Token]:
        if not src or markup.search(src):
            return parse(src, md, env, tokens)
        token = Token("text", "", 0)  # as markdown-it pushes the pending text
        token.content = src
        tokens.append(token)
        return tokens

    md.inline.parse = plain_first


_PARSER = _parser()
_CONTAINERS = {"blockquote_open": "blockquote", "list_item_open": "list_item"}
# Markdown blocks: one between two HTML blocks ends the elements the first left open.
_MARKDOWN_BLOCKS = frozenset({"paragraph_open", "heading_open", "bullet_list_open", "ordered_list_open", "table_open",
                              "blockquote_open", "fence", "hr"})
# A site generator's template tag inside prose: Liquid and Jinja "{% post_url 2019-02-05-x %}", "{{ site.url }}",
# Hugo's "{{< figure src=... >}}". Captured, so that splitting keeps it.
_TEMPLATE_TAG = re.compile(r"(\{%[^%\n]{0,300}%\}|\{\{[^\n]{0,300}?\}\})")  # bounded: linear on a line of "{{ a"
# An indented code block that opens with an HTML tag or comment: "    <div class=...>", "    <p>".
_INDENTED_HTML = re.compile(r"\s*<(?:[A-Za-z][A-Za-z0-9-]*[\s/>]|!--)")


def parse(text: str) -> Document:
    tokens = _PARSER.parse(text)
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    segments: list[Segment] = []
    comments: list[Comment] = []
    front_matter, front_matter_format, front_matter_end = None, "yaml", 0
    containers: list[str] = []
    cell_cursor: dict[int, int] = {}  # table row line -> column reached by earlier cells
    in_footnote = 0
    open_html: tuple[str, ...] = ()  # container elements the HTML blocks just before left open
    block = "paragraph"
    level = 0
    tokens.reverse()  # popped in order, each token freed once read: a 10 MB draft's tokens take 90 MB
    while tokens:
        token = tokens.pop()
        kind = token.type
        if kind in _MARKDOWN_BLOCKS or kind == "code_block" and not _INDENTED_HTML.match(token.content):
            open_html = ()  # Markdown between HTML blocks ends what they left open
        if kind in _CONTAINERS:
            containers.append(_CONTAINERS[kind])
        elif kind in ("blockquote_close", "list_item_close") and containers:  # unmatched when the footnote
            containers.pop()  # plugin moved a definition's opening tokens to the end
        elif kind == "footnote_open":
            in_footnote += 1
        elif kind == "footnote_close":
            in_footnote -= 1
        elif kind == "front_matter":
            front_matter = token.content
            front_matter_format = "toml" if token.markup == "+++" else "yaml"
            close = token.map[1] if token.map else 0
            front_matter_end = line_starts[close] if close < len(line_starts) else len(text)
        elif kind == "html_block" and token.map:
            start = line_starts[token.map[0]]
            exact = text.startswith(token.content, start) and not in_footnote  # top level: offsets are exact
            open_html = _html(token.content, start, open_html if exact else None, segments, comments)
        elif kind == "code_block" and token.map and not containers and not in_footnote \
                and _INDENTED_HTML.match(token.content):
            # HTML indented for readability, as CMS exports and hand-written pages indent it, is the page's
            # markup, not code shown to the reader: CommonMark makes it a code block, MDX and the browser do not.
            start = line_starts[token.map[0]]
            end = line_starts[token.map[1]] if token.map[1] < len(line_starts) else len(text)
            open_html = _html(text[start:end], start, open_html, segments, comments)
        elif kind in ("heading_open", "paragraph_open", "th_open", "td_open"):
            block = {"heading_open": "heading", "th_open": "table_cell", "td_open": "table_cell"}.get(
                kind, containers[-1] if containers else "paragraph"
            )
            level = int(token.tag[1]) if kind == "heading_open" else 0
        elif kind == "inline" and token.map and not in_footnote:
            content_offsets = _locate_content(token, text, line_starts, cell_cursor if block == "table_cell" else None)
            segment = _prose(token, content_offsets, block, comments)
            segment.quoted = "blockquote" in containers
            segment.level = level
            if block == "paragraph" and _emphasis_only(token):
                segment.kind = "heading"  # a line in bold alone serves as a heading: "**Lowers Cholesterol**"
                segment.level = 7
            if segment.text.strip():
                segments.append(segment)
    return Document(text, segments, comments, front_matter, front_matter_format, front_matter_end)


def _html(source: str, start: int, open_html: tuple[str, ...] | None, segments: list, comments: list) -> tuple[str, ...]:
    """Collect the comments of an HTML block at `start` and, unless `open_html` is None (its offsets are not
    exact), its prose; return the container elements it leaves open."""
    from claimlint.html_prose import html_segments  # it builds the Segments defined here

    for match in re.finditer(r"<!--.*?-->", source, re.S):
        comments.append(Comment(start + match.start(), match.group()))
    if open_html is None:
        return ()
    found, still_open = html_segments(source, start, open_html)
    segments.extend(found)
    return still_open


def _emphasis_only(token) -> bool:
    """Is the paragraph one run of strong emphasis and nothing else?"""
    children = [child for child in token.children or [] if not (child.type == "text" and not child.content.strip())]
    return len(children) >= 3 and children[0].type == "strong_open" and children[-1].type == "strong_close" \
        and not any(child.type in ("strong_open", "strong_close") for child in children[1:-1])


def _locate_content(token, text: str, line_starts: list[int], cell_cursor: dict | None) -> Offsets:
    """Source offset of every character of the inline token's content (plus one past the end)."""
    offsets = Offsets()
    first = _first_content_line(token, text, line_starts)
    for i, line in enumerate(token.content.split("\n")):
        number = min(first + i, len(line_starts) - 1)
        start = line_starts[number]
        end = line_starts[number + 1] - 1 if number + 1 < len(line_starts) else len(text)
        source_line = text[start:end]
        # A partial tab of container indentation comes through as spaces: locate the text
        # without its leading whitespace, which maps onto whatever indentation precedes it.
        core = line.lstrip(" \t")
        lead = len(line) - len(core)
        columns = _columns(source_line, core, cell_cursor.get(number, 0) if cell_cursor is not None else None)
        if cell_cursor is not None:
            cell_cursor[number] = columns[-1] + 1 if columns else cell_cursor.get(number, 0)
        first_column = columns[0] if columns else 0
        offsets.extend(start + max(0, first_column - lead + k) for k in range(lead))
        if isinstance(columns, range):
            offsets.extend_run(start + columns.start, len(columns))
        else:
            offsets.extend(start + column for column in columns)
        offsets.append(start + (columns[-1] + 1 if columns else first_column))  # the newline (or the end)
    return offsets


def _first_content_line(token, text: str, line_starts: list[int]) -> int:
    """The source line the token's content starts on.

    markdown-it strips a block's content with `str.strip()`, which also drops leading lines that
    hold only a form feed, vertical tab, U+2028 or the like: CommonMark does not count those
    lines as blank, so the block's map starts on them while its content starts further down.
    """
    head = token.content.split("\n", 1)[0].lstrip(" \t")
    number, last = token.map
    while number + 1 < min(last, len(line_starts)):
        line = text[line_starts[number] : line_starts[number + 1] - 1]
        if head in line or not _WHITESPACE_LINE.fullmatch(line):
            break
        number += 1
    return number


def _columns(source_line: str, line: str, cursor: int | None) -> range | list[int]:
    """The column in its source line of every character of a content line."""
    if cursor is not None:  # table cells: search left to right along the row
        found = source_line.find(line, cursor)
        if found < 0 and "|" in line:  # the cell held an escaped pipe, "\\|"
            return _unescaped_pipe_columns(source_line, line, cursor)
        found = found if found >= 0 else cursor
    else:
        stripped = source_line.rstrip()
        if line.strip() and stripped.endswith(line.rstrip()):
            found = len(stripped) - len(line.rstrip())
        else:
            found = source_line.find(line)
            found = found if found >= 0 else max(0, len(source_line) - len(line))
    return range(found, found + len(line))


def _unescaped_pipe_columns(source_line: str, line: str, cursor: int) -> list[int]:
    found = source_line.find(line.replace("|", "\\|"), cursor)
    position = found if found >= 0 else cursor
    columns = []
    for ch in line:
        if ch == "|" and source_line.startswith("\\|", position):
            position += 1
        columns.append(position)
        position += 1
    return columns


class _Builder:
    def __init__(self, content: str, offsets: Offsets):
        self.content = content
        self.offsets = offsets
        self.cursor = 0
        self.chars: list[str] = []  # prose, in chunks
        self.starts = Offsets()  # source offset where each prose character begins
        self.ends = Offsets()  # and just past it
        self.evidence: list[Evidence] = []
        self.linking: int | None = None  # the evidence mark of the source link whose text is being read

    def _source(self, content_index: int) -> int:
        return self.offsets[min(content_index, len(self.offsets) - 1)]

    def emit(self, ch: str, content_index: int, content_end: int | None = None):
        """Add one prose character that stands for content[content_index:content_end]."""
        self.chars.append(ch)
        self.starts.append(self._source(content_index))
        self.ends.append(self._source((content_end or content_index + 1) - 1) + 1)

    def skip_to(self, needle: str) -> int:
        """Move the cursor past `needle`; return where it started (or -1)."""
        found = self.content.find(needle, self.cursor)
        if found >= 0:
            self.cursor = found + len(needle)
        return found

    def text(self, value: str, keep: bool = True):
        """Consume a text token from the content, emitting it as prose when `keep`."""
        found = self.content.find(value, self.cursor)
        if found >= 0 and "\n" not in self.content[self.cursor : found]:
            if keep:
                self.chars.append(value)
                self.starts.extend_from(self.offsets, found, found + len(value))
                self.ends.extend_from(self.offsets, found, found + len(value), shift=1)
            self.cursor = found + len(value)
            return
        for ch in value:  # escapes or entities: align character by character
            self._align_char(ch, keep)

    def _align_char(self, ch: str, keep: bool):
        content, n = self.content, len(self.content)
        while self.cursor < n:
            here = content[self.cursor]
            if here == ch:
                at, self.cursor = self.cursor, self.cursor + 1
                break
            if here == "\\" and self.cursor + 1 < n and content[self.cursor + 1] == ch:
                at, self.cursor = self.cursor + 1, self.cursor + 2
                break
            entity = _ENTITY.match(content, self.cursor) if here == "&" else None
            if entity and html.unescape(entity.group()).startswith(ch):
                at, self.cursor = self.cursor, entity.end()
                break
            self.cursor += 1
        else:
            at = n - 1
        if keep:
            self.emit(ch, at, self.cursor if self.cursor > at else None)

    def skip_destination(self):
        """After a link's text: skip `](url "title")`, `][ref]` or `]`."""
        content = self.content
        close = content.find("]", self.cursor)
        if close < 0:
            return
        self.cursor = close + 1
        if content.startswith("(", self.cursor):
            depth = 0
            for i in range(self.cursor, len(content)):
                if content[i] == "\\":
                    continue
                if content[i] == "(":
                    depth += 1
                elif content[i] == ")":
                    depth -= 1
                    if depth == 0:
                        self.cursor = i + 1
                        return
        elif content.startswith("[", self.cursor):
            end = content.find("]", self.cursor)
            if end >= 0:
                self.cursor = end + 1

    def code(self):
        run = _BACKTICKS.search(self.content, self.cursor)
        if not run:
            return
        closing = self.content.find(run.group(), run.end())
        self.cursor = closing + len(run.group()) if closing >= 0 else run.end()

    def add_evidence(self, kind: str, value: str):
        self.evidence.append(Evidence(len(self.starts), kind, value))

    def open_link(self, href: str):
        """A link whose text follows: a source if it points elsewhere ("/shop/..." or "#refs" is none)."""
        self.linking = None
        if _EXTERNAL.match(href):
            self.add_evidence("link", href)
            self.linking = len(self.evidence) - 1

    def close_link(self):
        """Mark where the text of the source link now closing ends: every sentence of that text is linked."""
        if self.linking is not None:
            self.evidence[self.linking] = replace(self.evidence[self.linking], end=len(self.starts))
            self.linking = None


def _prose(token, content_offsets: Offsets, block: str, comments: list[Comment]) -> Segment:
    builder = _Builder(token.content, content_offsets)
    children = token.children or []
    skip_until: str | None = None  # a closing token type whose text is not prose
    superscript = False
    for child in children:
        kind = child.type
        if skip_until:
            if kind == skip_until:
                skip_until = None
                builder.skip_to(">")
            continue
        if kind == "text":
            for piece in _TEMPLATE_TAG.split(child.content):  # a template tag is the site generator's code
                builder.text(piece, keep=not superscript and not _TEMPLATE_TAG.fullmatch(piece))
            if superscript:
                builder.add_evidence("superscript", child.content)
        elif kind in ("softbreak", "hardbreak"):
            newline = builder.skip_to("\n")
            builder.emit(" ", newline if newline >= 0 else builder.cursor)
        elif kind == "code_inline":
            builder.code()
        elif kind == "html_inline":
            start = builder.skip_to(child.content)
            tag = child.content.lower()
            if tag.startswith("<!--") and start >= 0:
                comments.append(Comment(content_offsets[start], child.content))
            elif tag.startswith("<a "):
                href = _HREF.search(child.content)
                builder.open_link(href.group(1) if href else "")
            elif tag.startswith("</a"):
                builder.close_link()
            elif tag.startswith("<sup"):
                superscript = True
            elif tag.startswith("</sup"):
                superscript = False
        elif kind == "link_open":
            href = child.attrs.get("href", "")
            if child.markup == "autolink":  # its text is its address, no prose: a mark at one point
                builder.skip_to("<")
                skip_until = "link_close"
                if _EXTERNAL.match(href):
                    builder.add_evidence("link", href)
            else:
                builder.skip_to("[")
                builder.open_link(href)
        elif kind == "link_close":
            builder.skip_destination()
            builder.close_link()
        elif kind == "image":
            builder.skip_to("![")
            builder.skip_destination()
        elif kind == "footnote_ref":
            builder.skip_to("[^" + child.meta.get("label", "") + "]")
            builder.add_evidence("footnote", child.meta.get("label", ""))
    return Segment(block, "".join(builder.chars), builder.starts, builder.ends, builder.evidence)
