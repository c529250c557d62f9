"""Deeply nested Markdown is linted, not dropped, with bounded recursion.

markdown-it silently skips everything nested deeper than its `maxNesting` (20 levels in the
CommonMark preset: ten levels of lists, or twenty blockquotes), and each level it parses is a
recursive call. This plugin lets containers nest to `DEEPEST` levels; a blockquote, list item or
footnote that would open below that opens no further level: its lines are read as paragraph
text at the depth reached (their markers stay in the prose), so the text is still linted and
every position is still exact.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import blockquote, list_block, paragraph
from mdit_py_plugins.footnote.index import footnote_def

DEEPEST = 100  # block levels: a list level is two (the list and its item), a blockquote one
_CONTAINERS = (blockquote, list_block, footnote_def)


def deep_nesting_plugin(md: MarkdownIt):
    # Headroom above DEEPEST: the last container opened before it adds up to two levels, and
    # inline parsing (nested link brackets) is bounded by the same option.
    md.options["maxNesting"] = DEEPEST + 20
    md.block.ruler.before("blockquote", "too_deep", _too_deep)


def _too_deep(state, start_line: int, end_line: int, silent: bool) -> bool:
    """At DEEPEST levels, a line that would open a container is read as a paragraph instead."""
    if state.level < DEEPEST or not any(rule(state, start_line, end_line, True) for rule in _CONTAINERS):
        return False
    return paragraph(state, start_line, end_line, silent)
