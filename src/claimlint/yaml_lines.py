"""YAML read once, remembering the line of every key and list item, so that an error about a
configuration value can name the line it is on."""

from __future__ import annotations

import yaml

from claimlint.errors import ConfigError


def load_with_lines(text: str, where: str) -> tuple[object, dict[tuple, int]]:
    """The document and {key path: 1-based line}, a key path being the mapping keys and list
    indexes from the top (`("overrides", 0, "ignore")`). Invalid YAML is a ConfigError naming
    `where` and the line."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 1})" if mark else ""
        raise ConfigError(f"{where}: invalid YAML{at}: {getattr(exc, 'problem', None) or exc}") from None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    _record(node, (), lines)
    return data, lines


def _record(node, keys: tuple, lines: dict[tuple, int]):
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            path = (*keys, key.value)
            lines[path] = key.start_mark.line + 1
            _record(value, path, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*keys, index)] = item.start_mark.line + 1
            _record(item, (*keys, index), lines)
