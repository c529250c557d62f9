"""JSON Schemas of `.claimlint.yaml` and of rule files, built from the code that reads them (the
configuration keys, every kind's fields and options, the built-in rules' ids), so they cannot drift.

    python -m claimlint.schemas       # rewrites schemas/claimlint.schema.json and schemas/rule.schema.json

Editors use the published files to complete and check what a writer types; claimlint validates a
user's configuration and rule files with the same schemas (jsonschema), after its own checks,
whose messages name the problem more plainly.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

from claimlint.findings import SEVERITIES
from claimlint.kinds import KINDS
from claimlint.kinds.base import Spec

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = Path(__file__).resolve().parents[2] / "schemas"  # in a checkout
RULE_ID = {"type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"}
_STRINGS = {"type": "array", "items": {"type": "string"}}
_PATTERN = {"anyOf": [{"type": "string"}, {
    "type": "object", "required": ["regex"], "additionalProperties": False,
    "properties": {"regex": {"type": "string"}, "name": {"type": "string"}, "description": {"type": "string"}}}]}
# Where a kind matches token patterns, an entry may be one: spaCy Matcher specs (see kinds/token_patterns.py).
_TOKEN_PATTERN = {"anyOf": [*_PATTERN["anyOf"], {
    "type": "object", "required": ["tokens"], "additionalProperties": False,
    "properties": {"tokens": {"type": "array", "minItems": 1, "items": {"type": "object"},
                              "description": "spaCy Matcher token specs, with ANY, WORDS and CONTEXT"},
                   "name": {"type": "string"}, "description": {"type": "string"},
                   "unless": {**_STRINGS, "description": "names of the kind's exclusions"},
                   "examples": {"type": "object", "additionalProperties": False,
                                "properties": {"flag": _STRINGS, "pass": _STRINGS}}}}]}
_JSON_TYPES = {list: "array", dict: "object", str: "string", bool: "boolean", int: "integer"}


def spec_schema(spec: Spec, tokens: bool = False) -> dict:
    types = spec.type if isinstance(spec.type, tuple) else (spec.type,)
    schema: dict = {"description": spec.help} if spec.help else {}
    if list in types:
        schema["type"] = "array"
        schema["items"] = _TOKEN_PATTERN if tokens else _PATTERN
    elif dict in types:
        schema.update(type="object", additionalProperties=_STRINGS)
    else:
        schema["type"] = [_JSON_TYPES[t] for t in types] if len(types) > 1 else _JSON_TYPES[types[0]]
    if spec.choices:
        schema["enum"] = list(spec.choices)
    if not spec.required and spec.default is not None:
        schema["default"] = spec.default
    return schema


def _options(specs: dict[str, Spec]) -> dict:
    return {"type": "object", "additionalProperties": False,
            "properties": {name: spec_schema(spec) for name, spec in specs.items()}}


@lru_cache(maxsize=1)
def config_schema() -> dict:
    from claimlint.rules import builtin_rules

    rules = builtin_rules()
    rule_ids = sorted(rules)
    ids = {"type": "array", "items": {"anyOf": [{"enum": rule_ids}, RULE_ID]}}

    def settings(options: dict) -> dict:
        return {"type": "object", "additionalProperties": False, "properties": {
            "severity": {"enum": list(SEVERITIES)}, "options": options}}

    rule_settings = {"type": "object", "propertyNames": RULE_ID,
                     "properties": {rule_id: settings(_options(KINDS[rule.kind_name].options))
                                    for rule_id, rule in sorted(rules.items())},
                     "additionalProperties": settings({"type": "object"})}
    return {
        "$schema": DRAFT,
        "$id": "claimlint.schema.json",
        "title": "claimlint configuration (.claimlint.yaml, or [tool.claimlint] in pyproject.toml)",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "extend": {"type": "string", "description": "a configuration to inherit: a path relative to this file, "
                                                        "or package:NAME/PATH inside an installed package"},
            "select": {**ids, "description": "only these rules (default: every rule)"},
            "ignore": {**ids, "description": "skip these rules"},
            "rules": {**rule_settings, "description": "per rule: severity and options"},
            "rule_paths": {**_STRINGS, "description": "folders of your own YAML rules, relative to this file"},
            "disclaimer_patterns": {**_STRINGS, "description": "regexes that also count as a medical disclaimer"},
            "model": {"type": "string",  # which names are refused, and why, claimlint says when it loads one
                      "description": "an installed trained spaCy pipeline package, such as en_core_web_sm"},
            "fail_on": {"enum": list(SEVERITIES), "default": "warning",
                        "description": "lowest severity that makes the exit status 1"},
            "exclude": {**_STRINGS, "description": "gitignore-style globs never linted, relative to this file"},
            "respect_gitignore": {"type": "boolean", "default": True,
                                  "description": "skip files git ignores when walking folders"},
            "extensions": {"type": "array", "items": {"type": "string", "pattern": r"^\.[\w.-]+$"},
                           "default": [".md", ".markdown"], "description": "what walking a folder lints"},
            "overrides": {"type": "array", "description": "per-glob settings, later entries win", "items": {
                "type": "object", "required": ["files"], "additionalProperties": False, "properties": {
                    "files": {**_STRINGS, "minItems": 1}, "select": ids, "ignore": ids, "rules": rule_settings}}},
        },
    }


@lru_cache(maxsize=1)
def rule_schema() -> dict:
    common = {
        "id": {**RULE_ID, "description": "a stable lower-case slug"},
        "severity": {"enum": list(SEVERITIES)},
        "message": {"type": "string", "minLength": 1, "description": "{match} inserts the matched text"},
        "description": {"type": "string", "minLength": 1},
        "kind": {"enum": sorted(KINDS)},
        "options": {"type": "object"},
        "url": {"type": "string", "pattern": r"^https?://\S+$", "description": "the rule's documentation"},
        "examples": {"type": "object", "required": ["flag", "pass"], "additionalProperties": False, "properties": {
            "flag": {**_STRINGS, "minItems": 1, "description": "text the rule must flag"},
            "pass": {**_STRINGS, "minItems": 1, "description": "text the rule must pass"}}},
    }
    kinds = [{
        "if": {"properties": {"kind": {"const": kind.name}}, "required": ["kind"]},
        "then": {"properties": {**{name: spec_schema(spec, name in kind.token_pattern_fields)
                                                    for name, spec in kind.fields.items()},
                                "options": _options(kind.options)},
                 "required": [name for name, spec in kind.fields.items() if spec.required]},
    } for kind in sorted(KINDS.values(), key=lambda kind: kind.name)]
    return {
        "$schema": DRAFT,
        "$id": "rule.schema.json",
        "title": "a claimlint rule file",
        "type": "object",
        "required": ["id", "severity", "message", "description", "kind", "examples"],
        "properties": common,
        "allOf": kinds,
        "unevaluatedProperties": False,
    }


def first_error(data, schema: dict) -> tuple[tuple, str] | None:
    """(key path, plain message) of the most relevant way `data` breaks `schema`, or None."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    errors = list(Draft202012Validator(schema).iter_errors(data))
    # A field of a kind that failed its own check is also "unevaluated": name the failure itself.
    named = [error for error in errors if error.validator != "unevaluatedProperties"]
    error = best_match(named or errors)
    if error is None:
        return None
    if error.validator == "enum":
        message = f"{error.instance!r} is not one of {', '.join(map(str, error.validator_value))}"
    elif error.validator == "type":
        message = f"expected {error.validator_value}, got {type(error.instance).__name__}"
    else:
        message = error.message
    return tuple(error.absolute_path), message


def write(folder: Path = FOLDER):
    folder.mkdir(exist_ok=True)
    for name, schema in (("claimlint.schema.json", config_schema()), ("rule.schema.json", rule_schema())):
        (folder / name).write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER)
