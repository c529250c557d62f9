"""Configuration: `.claimlint.yaml` or `[tool.claimlint]` in pyproject.toml, found by walking up.

Every key and rule id is checked: a typo is an error that names it, never a silent no-op.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from claimlint.errors import ConfigError
from claimlint.findings import SEVERITIES
from claimlint.rules import Rule, builtin_rules_dir, load_rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_NAMES = (".claimlint.yaml", ".claimlint.yml")
KEYS = {"select", "ignore", "rules", "rule_paths", "model", "disclaimer_patterns", "fail_on"}
_DISCLAIMER_RULE = "missing-disclaimer"


@dataclass
class Config:
    path: Path | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    rules: dict = field(default_factory=dict)
    rule_paths: list[Path] = field(default_factory=list)
    model: str | None = None
    disclaimer_patterns: list[str] = field(default_factory=list)
    fail_on: str = "warning"


def find_config(start: Path) -> Path | None:
    """The nearest `.claimlint.yaml`, or pyproject.toml with a [tool.claimlint] table."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "claimlint" in _read_pyproject(pyproject).get("tool", {}):
            return pyproject
    return None


def _read_pyproject(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    if path.name == "pyproject.toml":
        data = _read_pyproject(path).get("tool", {}).get("claimlint", {})
    else:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: invalid YAML: {getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: configuration must be a mapping of keys")
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key '{unknown[0]}' (keys: {', '.join(sorted(KEYS))})")
    config = Config(path=path)
    for key in ("select", "ignore", "disclaimer_patterns", "rule_paths"):
        value = data.get(key)
        if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
            raise ConfigError(f"{path}: key '{key}' must be a list of strings")
    config.select = data.get("select")
    config.ignore = data.get("ignore") or []
    config.disclaimer_patterns = data.get("disclaimer_patterns") or []
    config.rule_paths = [(path.parent / p) for p in data.get("rule_paths") or []]
    config.model = data.get("model")
    if config.model is not None and not isinstance(config.model, str):
        raise ConfigError(f"{path}: key 'model' must be a pipeline name such as en_core_web_sm")
    config.fail_on = data.get("fail_on", "warning")
    if config.fail_on not in SEVERITIES:
        raise ConfigError(f"{path}: key 'fail_on': '{config.fail_on}' is not one of {', '.join(SEVERITIES)}")
    rules = data.get("rules") or {}
    if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
        raise ConfigError(f"{path}: key 'rules' must map rule ids to {{severity, options}}")
    for rule_id, settings in rules.items():
        extra = set(settings) - {"severity", "options"}
        if extra:
            raise ConfigError(f"{path}: rules.{rule_id}: unknown key '{sorted(extra)[0]}' (keys: severity, options)")
        if not isinstance(settings.get("options", {}), dict):
            raise ConfigError(f"{path}: rules.{rule_id}.options must be a mapping")
    config.rules = rules
    return config


def resolve_rules(config: Config, select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    """The active rules: built-in and extra folders, selected, ignored and configured."""
    available = load_rules([builtin_rules_dir(), *config.rule_paths])
    where = str(config.path) if config.path else "configuration"

    def check_ids(ids, source):
        for rule_id in ids:
            if rule_id not in available:
                raise ConfigError(f"{source}: unknown rule id '{rule_id}' (see `claimlint rules`)")

    for key in ("select", "ignore"):
        check_ids(getattr(config, key) or [], f"{where}: {key}")
    check_ids(config.rules, f"{where}: rules")
    check_ids(select or [], "--select")
    check_ids(ignore or [], "--ignore")
    chosen = select or config.select or list(available)
    ignored = set(config.ignore) | set(ignore or [])
    active = []
    for rule_id in chosen:
        if rule_id in ignored:
            continue
        settings = config.rules.get(rule_id, {})
        options = dict(settings.get("options") or {})
        if rule_id == _DISCLAIMER_RULE and config.disclaimer_patterns:
            options["patterns"] = list(options.get("patterns", [])) + config.disclaimer_patterns
        active.append(available[rule_id].configured(settings.get("severity"), options, f"{where}: rules.{rule_id}"))
    return active
