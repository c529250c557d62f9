"""TOML front matter, as Hugo and Zola write it: the lines between a `+++` line that opens the draft
and the next `+++` line.

mdit-py-plugins reads only YAML front matter (`---`), so without this rule a Hugo draft's settings
(`title = '...'`, `description = "..."`) would be linted as its first paragraph. The rule emits the
same `front_matter` token, with `+++` as its markup, so the rest of the parser treats both alike.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

_FENCE = "+++"


def toml_front_matter_plugin(md: MarkdownIt) -> None:
    md.block.ruler.before("table", "toml_front_matter", _toml_front_matter,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})


def _line(state, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _toml_front_matter(state, start_line: int, end_line: int, silent: bool) -> bool:
    if start_line != 0 or state.parentType != "root" or state.bMarks[0] + state.tShift[0] != 0 \
            or _line(state, 0).rstrip() != _FENCE:
        return False  # only the draft's own first line opens it, not a blockquote's: "> +++"
    close = next((line for line in range(1, end_line) if _line(state, line).rstrip() == _FENCE
                  and state.sCount[line] == 0), None)
    if close is None:
        return False  # an unclosed fence is prose, as an unclosed `---` is
    if silent:
        return True
    token = state.push("front_matter", "", 0)
    token.hidden = True
    token.markup = _FENCE
    token.block = True
    token.map = [0, close + 1]
    token.content = state.src[state.bMarks[1] : state.bMarks[close]] if close > 1 else ""
    state.line = close + 1
    return True
