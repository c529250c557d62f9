"""What rule authors need: every kind's fields documented, clear errors, regex repetition kept, JSON Schemas."""

from __future__ import annotations

import json
import re
import textwrap

import pytest
import yaml
from jsonschema import Draft202012Validator

from claimlint.config import Config, load_config, resolve_rules
from claimlint.kinds import KINDS
from claimlint.linter import Linter
from claimlint.rules import builtin_rules_dir, load_rule
from claimlint.schemas import config_schema, rule_schema
from conftest import ROOT

RULE = textwrap.dedent("""\
    id: heavy
    severity: warning
    message: 'Weight "{match}"'
    description: A weight.
    kind: phrase
    terms:
      unit: ['kg', 'kilos?']
    patterns: ['\\d{2} ?{unit}', 'x{1,3}y']
    examples:
      flag: [I lost 20 kg.]
      pass: [I lost 5 kg.]
    """)


def rule_from(tmp_path, text: str):
    path = tmp_path / "rule.yaml"
    path.write_text(text)
    return load_rule(path)


def test_a_term_placeholder_leaves_regex_repetition_alone(tmp_path):
    rule = rule_from(tmp_path, RULE)
    linter = Linter([rule])
    assert [f.match for f in linter.lint("I lost 20 kg. Then xxy. Then 5 kilos.\n", "a.md")] == ["20 kg", "xxy"]


def test_an_unknown_term_names_the_known_ones(tmp_path):
    with pytest.raises(Exception) as error:
        rule_from(tmp_path, RULE.replace("{unit}", "{units}"))
    assert "pattern uses unknown term '{units}' (did you mean 'unit'?) (terms: unit;" in str(error.value)


def test_an_unknown_field_lists_the_valid_ones(tmp_path):
    with pytest.raises(Exception) as error:
        rule_from(tmp_path, RULE + "unles: [x]\n")
    message = str(error.value)
    assert "unknown field 'unles' (did you mean 'unless'?) for kind phrase (fields: " in message
    assert all(name in message for name in [*KINDS["phrase"].fields, "examples", "url"])


def test_a_phrase_rule_reports_the_first_match_per_sentence_or_each(tmp_path):
    text = "I lost 20 kg and then 30 kg.\n"
    assert len(Linter([rule_from(tmp_path, RULE)]).lint(text, "a.md")) == 1
    each = rule_from(tmp_path, RULE.replace("kind: phrase\n", "kind: phrase\nreport: each\n"))
    assert [f.match for f in Linter([each]).lint(text, "a.md")] == ["20 kg", "30 kg"]


def test_the_reference_documents_every_kind_and_field():
    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for name, kind in KINDS.items():
        section = reference.split(f"### kind: {name}\n", 1)[1].split("\n### ", 1)[0]
        for field in [*kind.fields, *kind.options]:
            assert f"| `{field}` |" in section, (name, field)
        assert kind.reports in section
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for field in KINDS["document-requirement"].fields:
        assert f"`{field}`" in readme


def test_published_schemas_are_generated_from_the_code(tmp_path):
    from claimlint.schemas import write

    write(tmp_path)
    for name in ("claimlint.schema.json", "rule.schema.json"):
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == (tmp_path / name).read_text(encoding="utf-8"), \
            f"schemas/{name} is stale: run `python -m claimlint.schemas`"
        Draft202012Validator.check_schema(json.loads((tmp_path / name).read_text(encoding="utf-8")))


def test_builtin_rules_and_the_readme_configuration_fit_the_schemas():
    validator = Draft202012Validator(rule_schema())
    for path in builtin_rules_dir().glob("[!_]*.yaml"):
        assert not list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))), path
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL) if b.startswith("select:"))
    assert not list(Draft202012Validator(config_schema()).iter_errors(yaml.safe_load(block)))


@pytest.mark.parametrize("config", [
    "colour: red\n", "select: unsourced-statistic\n", "fail_on: loud\n", "respect_gitignore: 'yes'\n",
    "rules:\n  unsourced-statistic: {severity: loud}\n", "rules:\n  unsourced-statistic: {options: {scope: page}}\n",
    "rules:\n  unsourced-statistic: {options: {radius: 3}}\n", "overrides:\n  - ignore: [x]\n",
    "overrides:\n  - files: [a]\n    colour: red\n", "extensions: [md]\n", "model: [en]\n",
])
def test_the_schema_rejects_what_claimlint_rejects(tmp_path, config):
    (tmp_path / ".claimlint.yaml").write_text(config)
    with pytest.raises(Exception):
        resolve_rules(load_config(tmp_path / ".claimlint.yaml"))
    assert list(Draft202012Validator(config_schema()).iter_errors(yaml.safe_load(config)))


def test_claimlint_validates_a_rule_file_with_the_schema(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "heavy.yaml").write_text(RULE.replace("unit: ['kg', 'kilos?']", "unit: 'kg'"))
    (tmp_path / ".claimlint.yaml").write_text("rule_paths: [rules]\n")
    (tmp_path / "a.md").write_text("Hi.\n")
    result = cli("check", "a.md")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"claimlint: error: {tmp_path / 'rules' / 'heavy.yaml'}: terms.unit: expected array, got str"


def test_editors_are_told_where_the_schemas_are():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=https://github.com/claimlint/claimlint/raw/v0.1.0/schemas/claimlint.schema.json" in readme
    assert "# yaml-language-server: $schema=https://github.com/claimlint/claimlint/raw/v0.1.0/schemas/rule.schema.json" in readme
