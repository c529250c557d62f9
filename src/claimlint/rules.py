"""Rules are data: one YAML file per rule, validated against its kind's declared fields and options."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from claimlint.errors import ConfigError
from claimlint.findings import SEVERITIES
from claimlint.kinds import KINDS
from claimlint.kinds.base import Kind, Spec
from claimlint.schemas import first_error, rule_schema
from claimlint.suggest import did_you_mean
from claimlint.timed_regex import limit_time

RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_COMMON = {"id", "severity", "message", "description", "kind", "options", "examples", "url"}
TERMS_FILE = "_terms.yaml"


@dataclass
class Rule:
    id: str
    severity: str
    message: str
    description: str
    kind_name: str
    fields: dict
    options: dict
    examples: dict
    path: str
    checker: Kind = field(repr=False, default=None)
    # Where regexes a user added to this rule's options come from (a configuration's
    # `disclaimer_patterns` or a rule's `patterns` option), "" when there are none.
    regex_source: str = ""
    url: str = ""  # the rule's documentation, for a rule from the user's folders (SARIF helpUri)

    def __post_init__(self):
        if self.checker is None:
            self.checker = _build(KINDS[self.kind_name], self.fields, self.options, self.path, bool(self.regex_source))

    @property
    def level(self) -> str:
        return self.checker.level

    @property
    def builtin(self) -> bool:
        return Path(self.path).resolve().parent == builtin_rules_dir().resolve()

    def validate_settings(self, severity: str | None, options: dict | None, where: str) -> dict:
        """A user's severity and options checked like the rule's own; returns the merged options."""
        if severity is not None and severity not in SEVERITIES:
            raise ConfigError(f"{where}: severity '{severity}' is not one of {', '.join(SEVERITIES)}")
        merged = dict(self.options)
        for name, value in (options or {}).items():
            spec = KINDS[self.kind_name].options.get(name)
            if spec is None:
                known = ", ".join(KINDS[self.kind_name].options) or "none"
                raise ConfigError(f"{where}: unknown option '{name}'{did_you_mean(name, KINDS[self.kind_name].options)} "
                                  f"for rule {self.id} (options: {known})")
            merged[name] = _checked(value, spec, f"{where}: option '{name}'")
        return merged

    def configured(self, severity: str | None = None, options: dict | None = None, where: str = "",
                   source: str = "") -> Rule:
        """A copy with a user's severity and options applied (`source`: the configuration they come from)."""
        if severity is None and not options:
            return self
        merged = self.validate_settings(severity, options, where or f"rules.{self.id}")
        # A list option is a list of regexes (a document requirement's `patterns`): the user's own.
        regexes = any(isinstance(value, list) and value != self.options.get(name) for name, value in merged.items())
        return replace(self, severity=severity or self.severity, options=merged, checker=None,
                       regex_source=f"patterns from {source or 'the configuration'}" if regexes else self.regex_source)

    def render(self, match: str) -> str:
        return self.message.replace("{match}", match)


def _checked(value, spec: Spec, where: str):
    if not isinstance(value, spec.type) or (spec.type is int and isinstance(value, bool)):
        expected = spec.type.__name__ if isinstance(spec.type, type) else " or ".join(t.__name__ for t in spec.type)
        raise ConfigError(f"{where}: expected {_TYPE_NAMES.get(expected, expected)}, got {type(value).__name__}")
    if spec.choices and value not in spec.choices:
        raise ConfigError(f"{where}: '{value}' is not one of {', '.join(spec.choices)}")
    if isinstance(value, list) and not all(isinstance(item, (str, dict)) for item in value):
        raise ConfigError(f"{where}: expected a list of strings (or, for patterns, mappings)")
    return value


_TYPE_NAMES = {"list": "a list", "dict": "a mapping", "str": "a string", "bool": "true or false", "int": "a number"}


def _build(kind_class: type[Kind], fields: dict, options: dict, path: str, user_regexes: bool = False) -> Kind:
    try:
        checker = kind_class(fields, options)
        if user_regexes or Path(path).resolve().parent != builtin_rules_dir().resolve():  # see Rule.builtin
            # A rule from the user's folders, or given regexes by a configuration: they must not hang a run.
            limiter = getattr(checker, "limit_time", None)
            limiter() if limiter else limit_time(checker)
        return checker
    except re.error as exc:  # (time-limited patterns are compiled by `regex`, whose errors come as re.error)
        raise ConfigError(f"{path}: invalid regular expression: {exc}") from None
    except KeyError as exc:
        name, terms = exc.args[0], fields.get("terms") or {}
        raise ConfigError(f"{path}: pattern uses unknown term '{{{name}}}'{did_you_mean(name, terms)} "
                          f"(terms: {', '.join(sorted(terms)) or 'none'}; a term is a list under 'terms' or in "
                          f"the folder's _terms.yaml)") from None
    except (ValueError, TypeError, IndexError) as exc:
        raise ConfigError(f"{path}: {exc}") from None


# libyaml's loader where PyYAML was built with it (about ten times faster on the built-in rules), else
# the pure-Python one; both construct only plain data.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 1})" if mark else ""
        raise ConfigError(f"{path}: invalid YAML{at}: {getattr(exc, 'problem', None) or exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from None


def load_terms(folder: Path) -> dict[str, list[str]]:
    """A folder's shared term lists (`_terms.yaml`): name -> regexes, usable as {name} by its rules."""
    path = folder / TERMS_FILE
    if not path.is_file():
        return {}
    data = _read_yaml(path)
    if not isinstance(data, dict) or not all(
            isinstance(v, list) and all(isinstance(i, str) for i in v) for v in data.values()):
        raise ConfigError(f"{path}: must map term names to lists of regexes")
    return data


def load_rule(path: Path, shared_terms: dict | None = None, validate: bool = True) -> Rule:
    """One rule file, checked field by field, then (with `validate`) against the JSON Schema."""
    where = str(path)
    data = _read_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: a rule file must be a mapping of fields")
    for name in ("id", "severity", "message", "description", "kind"):
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise ConfigError(f"{where}: field '{name}' is required and must be a non-empty string")
    if not RULE_ID.match(data["id"]):
        raise ConfigError(f"{where}: field 'id': '{data['id']}' is not a lower-case slug like 'unsourced-statistic'")
    if data["severity"] not in SEVERITIES:
        raise ConfigError(f"{where}: field 'severity': '{data['severity']}' is not one of {', '.join(SEVERITIES)}")
    kind_class = KINDS.get(data["kind"])
    if kind_class is None:
        raise ConfigError(f"{where}: field 'kind': unknown kind '{data['kind']}'{did_you_mean(data['kind'], KINDS)} "
                          f"(kinds: {', '.join(sorted(KINDS))})")
    unknown = sorted(set(data) - _COMMON - set(kind_class.fields))
    if unknown:
        valid = [*sorted(_COMMON), *kind_class.fields]
        raise ConfigError(f"{where}: unknown field '{unknown[0]}'{did_you_mean(unknown[0], valid)} for kind "
                          f"{kind_class.name} (fields: {', '.join(valid)})")
    fields = {}
    for name, spec in kind_class.fields.items():
        if name not in data:
            if spec.required:
                raise ConfigError(f"{where}: field '{name}' is required by kind {kind_class.name}")
            fields[name] = spec.default
        else:
            fields[name] = _checked(data[name], spec, f"{where}: field '{name}'")
    if "terms" in fields:
        fields["terms"] = {**(shared_terms or {}), **fields["terms"]}
    options = {name: spec.default for name, spec in kind_class.options.items()}
    given = data.get("options") or {}
    if not isinstance(given, dict):
        raise ConfigError(f"{where}: field 'options' must be a mapping")
    for name, value in given.items():
        if name not in kind_class.options:
            raise ConfigError(f"{where}: field 'options': unknown option '{name}'{did_you_mean(name, kind_class.options)} "
                              f"for kind {kind_class.name} (options: {', '.join(kind_class.options) or 'none'})")
        options[name] = _checked(value, kind_class.options[name], f"{where}: option '{name}'")
    examples = data.get("examples")
    if (not isinstance(examples, dict) or set(examples) != {"flag", "pass"}
            or not all(isinstance(v, list) and v and all(isinstance(s, str) for s in v) for v in examples.values())):
        raise ConfigError(f"{where}: field 'examples' must have non-empty 'flag' and 'pass' lists of strings")
    url = data.get("url", "")
    if not isinstance(url, str) or (url and not re.match(r"https?://\S+$", url)):
        raise ConfigError(f"{where}: field 'url' must be an http(s) address of the rule's documentation")
    problem = first_error(data, rule_schema()) if validate else None
    if problem:
        keys, message = problem
        raise ConfigError(f"{where}: {'.'.join(map(str, keys)) or 'rule'}: {message}")
    return Rule(data["id"], data["severity"], data["message"].strip(), data["description"].strip(), data["kind"],
                fields, options, examples, where, url=url)


def builtin_rules_dir() -> Path:
    """The packaged rules (a wheel install), else the checkout's `rules/` (source or editable install)."""
    packaged = Path(__file__).parent / "builtin_rules"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "rules"


@lru_cache(maxsize=1)
def builtin_rules() -> dict[str, Rule]:
    """The built-in rules, read once per process (configurations never change a Rule in place)."""
    return _load_folder(builtin_rules_dir(), builtin=True)


def load_rules(folders: list[Path]) -> dict[str, Rule]:
    """Every rule in the folders, in order; a later folder may not reuse an earlier id.

    Files whose names start with `_` are not rules (`_terms.yaml` holds shared term lists).
    """
    rules: dict[str, Rule] = {}
    for folder in folders:
        builtin = folder.resolve() == builtin_rules_dir().resolve()
        for rule in (builtin_rules() if builtin else _load_folder(folder)).values():
            if rule.id in rules:
                raise ConfigError(f"{rule.path}: rule id '{rule.id}' is already defined in {rules[rule.id].path}")
            rules[rule.id] = rule
    return rules


def _load_folder(folder: Path, builtin: bool = False) -> dict[str, Rule]:
    if not folder.is_dir():
        raise ConfigError(f"{folder}: rule folder not found")
    terms = load_terms(folder)
    rules: dict[str, Rule] = {}
    for path in sorted(folder.glob("*.y*ml")):
        if not path.name.startswith("_"):
            rule = load_rule(path, terms, validate=not builtin)  # the suite checks the built-in ones
            if rule.id in rules:
                raise ConfigError(f"{path}: rule id '{rule.id}' is already defined in {rules[rule.id].path}")
            rules[rule.id] = rule
    return rules
