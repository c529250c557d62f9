"""Configuration: `.claimlint.yaml` or `[tool.claimlint]` in pyproject.toml.

Each file is linted with the configuration nearest to it, as ruff does (`Configs`); a file with
none above it gets the one nearest the working directory. `extend:` inherits another file's
settings. Every key and rule id is checked: a typo is an error that names it, never a silent no-op.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from claimlint.errors import ConfigError
from claimlint.findings import SEVERITIES
from claimlint.globs import Globs
from claimlint.models import installed_distribution
from claimlint.rules import Rule, builtin_rules_dir, load_rules
from claimlint.schemas import config_schema, first_error
from claimlint.suggest import did_you_mean
from claimlint.yaml_lines import load_with_lines

CONFIG_NAMES = (".claimlint.yaml", ".claimlint.yml")
KEYS = {"select", "ignore", "rules", "rule_paths", "model", "disclaimer_patterns", "fail_on", "exclude",
        "respect_gitignore", "overrides", "extensions", "extend"}
OVERRIDE_KEYS = {"files", "select", "ignore", "rules"}
_DISCLAIMER_RULE = "missing-disclaimer"
EXTENSIONS = [".md", ".markdown"]  # what walking a folder lints, unless `extensions` says otherwise
PACKAGE_PREFIX = "package:"  # `extend: package:NAME/PATH`, a file inside an installed package


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
    exclude: Globs = field(default_factory=lambda: Globs([], Path.cwd()))
    respect_gitignore: bool = True
    extensions: list[str] = field(default_factory=lambda: list(EXTENSIONS))
    overrides: list[dict] = field(default_factory=list)
    extends: list[Path] = field(default_factory=list)  # the files `extend` inherited from, nearest first
    # What the JSON Schema (claimlint.schemas) finds wrong, told once claimlint's own plainer checks pass.
    schema_errors: list[str] = field(default_factory=list, repr=False, compare=False)
    _rules: dict | None = field(default=None, repr=False, compare=False)  # loaded once per configuration
    # key path -> where it is set ("FILE: line N"), across the files `extend` joined
    lines: dict[tuple, str] = field(default_factory=dict, repr=False, compare=False)

    def at(self, *keys) -> str:
        """Where a setting is: the file and, when known, the line of the deepest of `keys` in it."""
        for end in range(len(keys), 0, -1):
            if keys[:end] in self.lines:
                return self.lines[keys[:end]]
        return str(self.path) if self.path else "configuration"

    @property
    def base(self) -> Path:
        """The folder globs are relative to: the configuration file's, else the working directory."""
        return self.path.parent.resolve() if self.path else Path.cwd()

    def overrides_for(self, path: str) -> list[dict]:
        return [o for o in self.overrides if o["files"].matches(path)]

    def excludes(self, path: str, folder: bool = False) -> bool:
        return self.exclude.matches(path, folder)


def find_config(start: Path) -> Path | None:
    """The nearest `.claimlint.yaml`, or pyproject.toml with a [tool.claimlint] table."""
    return next(filter(None, map(_config_in, [start, *start.parents])), None)


def _read_pyproject(path: Path) -> dict:
    if sys.version_info >= (3, 11):  # imported here: most runs read no pyproject.toml
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


class Configs:
    """The configuration of each path: the one given (`--config`, or a Config) for every path, else
    the nearest to the path's folder, else the nearest to the working directory, else the defaults."""

    def __init__(self, given: Path | Config | None = None, cwd: Path | None = None):
        self._loaded: dict[Path, Config] = {}
        self._folders: dict[str, Config] = {}
        self.given = given if isinstance(given, Config) or given is None else self._load(given)
        self.root = self.given or self._load(find_config(cwd or Path.cwd()))

    def _load(self, path: Path | None) -> Config:
        if path is None:
            return Config()
        key = Path(os.path.abspath(path))
        if key not in self._loaded:
            self._loaded[key] = load_config(path)
        return self._loaded[key]

    def for_path(self, path: str) -> Config:
        """The configuration that applies to the file (or folder) `path`."""
        if self.given is not None:
            return self.given
        return self._for_folder(os.path.dirname(os.path.abspath(path)))

    def _for_folder(self, folder: str) -> Config:
        if folder not in self._folders:
            found = _config_in(Path(folder))
            parent = os.path.dirname(folder)
            self._folders[folder] = (self._load(found) if found else
                                     self.root if parent == folder else self._for_folder(parent))
        return self._folders[folder]


def _config_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        if (folder / name).is_file():
            return folder / name
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file() and "claimlint" in _read_pyproject(pyproject).get("tool", {}):
        return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """The configuration in `path`, with what it extends (None: the defaults)."""
    if path is None:
        return Config()
    return _load_extending(Path(path), [])


def _load_extending(path: Path, chain: list[Path]) -> Config:
    real = path.resolve()
    if real in chain:
        cycle = " -> ".join(str(p) for p in [*chain[chain.index(real):], real])
        raise ConfigError(f"{chain[-1]}: key 'extend' goes round in a circle: {cycle}")
    config, data = _load_one(path)
    extend = data.get("extend")
    if extend is None:
        return config
    if not isinstance(extend, str) or not extend.strip():
        raise ConfigError(f"{config.at('extend')}: key 'extend' must be a path to a configuration file, or "
                          f"{PACKAGE_PREFIX}NAME/PATH for one inside an installed package")
    base = _load_extending(_extended_file(extend, config), [*chain, real])
    return _merge(base, config, data)


def _extended_file(extend: str, config: Config) -> Path:
    """The file `extend` names: a path relative to the configuration's folder, or a file inside an
    installed package (never one in the working directory: see models.installed_distribution)."""
    where = f"{config.at('extend')}: key 'extend'"
    if re.match(r"[a-z][a-z0-9+.-]*://", extend, re.IGNORECASE):
        raise ConfigError(f"{where}: '{extend}' is a URL; claimlint reads configuration only from files "
                          "(download it and name the file)")
    if extend.startswith(PACKAGE_PREFIX):
        name, _, inner = extend[len(PACKAGE_PREFIX):].partition("/")
        distribution = installed_distribution(name) if re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", name) else None
        if distribution is None or not inner:
            raise ConfigError(f"{where}: '{extend}' names no installed package (write {PACKAGE_PREFIX}NAME/PATH, "
                              "NAME an installed package; one in the working directory is never used)")
        folder = Path(distribution.locate_file(name)).resolve()
        target = (folder / inner).resolve()
        if folder not in target.parents:
            raise ConfigError(f"{where}: '{extend}' leaves the package's folder")
    else:
        target = Path(os.path.normpath(config.base / os.path.expanduser(extend)))
    if not target.is_file():
        raise ConfigError(f"{where}: '{extend}' is not a file ({target})")
    return target


# Keys whose value in the extending file replaces the base's (rules, rule_paths and overrides join).
_REPLACED = ("select", "ignore", "model", "disclaimer_patterns", "fail_on", "exclude", "respect_gitignore",
             "extensions")


def _merge(base: Config, own: Config, data: dict) -> Config:
    """`own` on top of `base`: a key `own` sets replaces the base's, except that `rules` merge per
    rule (and per option), and `rule_paths` and `overrides` are the base's followed by its own."""
    for key in _REPLACED:
        if key not in data:
            setattr(own, key, getattr(base, key))
    rules = {rule_id: {**settings, "options": dict(settings.get("options") or {})}
             for rule_id, settings in base.rules.items()}
    for rule_id, settings in own.rules.items():
        entry = rules.setdefault(rule_id, {"options": {}})
        entry.update({key: value for key, value in settings.items() if key != "options"})
        entry["options"].update(settings.get("options") or {})
    own.rules = rules
    own.rule_paths = list(dict.fromkeys([*base.rule_paths, *own.rule_paths]))
    shift = len(base.overrides)
    lines = {(("overrides", keys[1] + shift, *keys[2:]) if keys[0] == "overrides" and len(keys) > 1 else keys): where
             for keys, where in own.lines.items()}
    own.lines = {**base.lines, **lines}
    own.overrides = [*base.overrides, *own.overrides]
    own.extends = [base.path, *base.extends]
    own.schema_errors = [*base.schema_errors, *own.schema_errors]
    return own


def _load_one(path: Path) -> tuple[Config, dict]:
    """One file's settings, validated, and its raw data (without what it extends)."""
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    config = Config(path=path)
    if path.name == "pyproject.toml":
        data = _read_pyproject(path).get("tool", {}).get("claimlint", {})
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot be read: {exc}") from None
        data, lines = load_with_lines(text, str(path))
        config.lines = {keys: f"{path}: line {line}" for keys, line in lines.items()}
        data = {} if data is None else data
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: configuration must be a mapping of keys")
    problem = first_error(data, config_schema())  # before the checks below turn globs into objects
    if problem:
        keys, message = problem
        config.schema_errors.append(f"{config.at(*keys)}: {'.'.join(map(str, keys)) or 'configuration'}: {message}")
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise ConfigError(f"{config.at(unknown[0])}: unknown key '{unknown[0]}'{did_you_mean(unknown[0], KEYS)} "
                          f"(keys: {', '.join(sorted(KEYS))})")
    for key in ("select", "ignore", "disclaimer_patterns", "rule_paths", "exclude", "extensions"):
        _check_strings(data.get(key), f"{config.at(key)}: key '{key}'")
    config.select = data.get("select")
    config.ignore = data.get("ignore") or []
    config.disclaimer_patterns = data.get("disclaimer_patterns") or []
    for number, pattern in enumerate(config.disclaimer_patterns):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"{config.at('disclaimer_patterns', number)}: key 'disclaimer_patterns': "
                              f"invalid regular expression {pattern!r}: {exc}") from None
    config.rule_paths = [(path.parent / p) for p in data.get("rule_paths") or []]
    config.model = data.get("model")
    if config.model is not None and not isinstance(config.model, str):
        raise ConfigError(f"{config.at('model')}: key 'model' must be a pipeline name such as en_core_web_sm")
    config.fail_on = data.get("fail_on", "warning")
    if config.fail_on not in SEVERITIES:
        raise ConfigError(f"{config.at('fail_on')}: key 'fail_on': '{config.fail_on}' is not one of "
                          f"{', '.join(SEVERITIES)}")
    config.exclude = _globs(data.get("exclude") or [], config, ("exclude",), "key 'exclude'")
    config.extensions = list(data.get("extensions") or EXTENSIONS)
    for number, extension in enumerate(config.extensions):
        if not re.fullmatch(r"\.[\w.-]+", extension):
            raise ConfigError(f"{config.at('extensions', number)}: key 'extensions': '{extension}' is not a file "
                              f"extension such as '.md'")
    config.respect_gitignore = data.get("respect_gitignore", True)
    if not isinstance(config.respect_gitignore, bool):
        raise ConfigError(f"{config.at('respect_gitignore')}: key 'respect_gitignore' must be true or false")
    config.rules = _check_rules(data.get("rules") or {}, config, ("rules",), "rules")
    overrides = data.get("overrides") or []
    if not isinstance(overrides, list) or not all(isinstance(o, dict) for o in overrides):
        raise ConfigError(f"{config.at('overrides')}: key 'overrides' must be a list of mappings with 'files'")
    for number, override in enumerate(overrides):
        where = f"{config.at('overrides', number)}: overrides[{number}]"
        extra = sorted(set(override) - OVERRIDE_KEYS)
        if extra:
            raise ConfigError(f"{config.at('overrides', number, extra[0])}: overrides[{number}]: unknown key "
                              f"'{extra[0]}'{did_you_mean(extra[0], OVERRIDE_KEYS)} "
                              f"(keys: {', '.join(sorted(OVERRIDE_KEYS))})")
        if not override.get("files"):
            raise ConfigError(f"{where}: 'files' (a list of globs) is required")
        for key in ("files", "select", "ignore"):
            _check_strings(override.get(key), f"{config.at('overrides', number, key)}: overrides[{number}]: key '{key}'")
        _check_rules(override.get("rules") or {}, config, ("overrides", number, "rules"), f"overrides[{number}]: rules")
        override["files"] = _globs(override["files"], config, ("overrides", number, "files"),
                                   f"overrides[{number}]: key 'files'")
        override["label"] = f"overrides[{number}]"  # as its own file numbers it, whatever extends it
    config.overrides = overrides
    return config, data


def _globs(patterns: list[str], config: Config, keys: tuple, label: str) -> Globs:
    try:
        return Globs(patterns, config.base)
    except ValueError as exc:
        raise ConfigError(f"{config.at(*keys)}: {label}: {exc}") from None


def _check_strings(value, where: str):
    if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
        raise ConfigError(f"{where} must be a list of strings")


def _check_rules(rules, config: Config, keys: tuple, label: str) -> dict:
    if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
        raise ConfigError(f"{config.at(*keys)}: {label} must map rule ids to {{severity, options}}")
    for rule_id, settings in rules.items():
        where = f"{config.at(*keys, rule_id)}: {label}.{rule_id}"
        extra = set(settings) - {"severity", "options"}
        if extra:
            raise ConfigError(f"{where}: unknown key '{sorted(extra)[0]}'"
                              f"{did_you_mean(sorted(extra)[0], ('severity', 'options'))} (keys: severity, options)")
        if not isinstance(settings.get("options", {}), dict):
            raise ConfigError(f"{where}.options must be a mapping")
    return rules


def resolve_rules(config: Config, select: list[str] | None = None, ignore: list[str] | None = None,
                  path: str | None = None) -> list[Rule]:
    """The active rules for `path`: built-in and extra folders, selected, ignored and configured,
    then adjusted by each override whose `files` match the path, later ones winning.
    Command-line `select` and `ignore` apply last."""
    available = available_rules(config)
    where = str(config.path) if config.path else "configuration"
    _check_ids(available, select or [], "--select")
    _check_ids(available, ignore or [], "--ignore")
    layers = [((), "", {"select": config.select, "ignore": config.ignore, "rules": config.rules})]
    layers += [(("overrides", n), f"{o['label']}: ", o) for n, o in enumerate(config.overrides)]
    for keys, label, layer in layers:  # every layer, matching a file or not
        for key in ("select", "ignore", "rules"):
            _check_ids(available, layer.get(key) or [], f"{config.at(*keys, key)}: {label}{key}")
        for rule_id, given in (layer.get("rules") or {}).items():
            available[rule_id].validate_settings(given.get("severity"), given.get("options"),
                                                 f"{config.at(*keys, 'rules', rule_id)}: {label}rules.{rule_id}")
    if config.schema_errors:
        raise ConfigError(config.schema_errors[0])
    applying = [layer for _, _, layer in layers[:1]]
    if path is not None:
        applying += config.overrides_for(path)
    chosen = list(available)
    ignored = set(ignore or [])
    settings: dict[str, dict] = {}
    for number, layer in enumerate(applying):
        chosen = layer.get("select") or chosen
        if not (select and number == 0):  # --select overrides the configuration's own ignore list
            ignored |= set(layer.get("ignore") or [])
        for rule_id, given in (layer.get("rules") or {}).items():
            entry = settings.setdefault(rule_id, {"severity": None, "options": {}})
            entry["severity"] = given.get("severity", entry["severity"])
            entry["options"].update(given.get("options") or {})
    active = []
    for rule_id in select or chosen:
        if rule_id in ignored:
            continue
        entry = settings.get(rule_id, {"severity": None, "options": {}})
        options = dict(entry["options"])
        if rule_id == _DISCLAIMER_RULE and config.disclaimer_patterns:
            options["patterns"] = list(options.get("patterns", [])) + config.disclaimer_patterns
        active.append(available[rule_id].configured(entry["severity"], options, f"{where}: rules.{rule_id}", where))
    return active


def _check_ids(available: dict, ids, source: str):
    for rule_id in ids:
        if rule_id not in available:
            raise ConfigError(f"{source}: unknown rule id '{rule_id}'{did_you_mean(rule_id, available)} "
                              "(see `claimlint rules`)")


def available_rules(config: Config) -> dict[str, Rule]:
    """Every rule a configuration can use: built-in ones and those in its rule folders."""
    if config._rules is None:
        config._rules = load_rules([builtin_rules_dir(), *config.rule_paths])
    return config._rules
