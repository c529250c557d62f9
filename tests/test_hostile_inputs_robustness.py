"""Broken, odd and huge inputs (issue 9): nothing is dropped without a word, positions stay exact,
user regexes cannot hang the run, and a bad file is one line naming it, exit status 2."""

from __future__ import annotations

import codecs
import time
import tracemalloc

import pytest

from claimlint.markdown import parse

CLAIM = "Cold showers boost your immune system."


def causal(findings):
    return [f for f in findings if f.rule == "unhedged-causal-claim"]


# 10. Form feed, vertical tab, U+2028 on a line of their own


@pytest.mark.parametrize("blank", ["\f", "\v", "\u2028", "\u2029", "\f\v"], ids=["ff", "vt", "ls", "ps", "ff-vt"])
def test_a_whitespace_only_line_does_not_shift_the_paragraph(lint, blank):
    text = f"{blank}\n{CLAIM}\nSugar causes\ncavities in children.\n"
    assert [(f.line, f.column, f.match) for f in causal(lint(text))] == [(2, 14, "boost"), (3, 7, "causes")]


@pytest.mark.parametrize("text", [
    "> \f\n> Cold showers boost your immune system.\n",
    "- \f\n  Cold showers boost your immune system.\n",
    "- a\n\n  \v\n  Cold showers boost your immune system.\n",
    "\f\n\u2028\nCold showers boost your immune system.\n",
], ids=["blockquote", "list-item", "list-continuation", "two-lines"])
def test_whitespace_only_lines_in_containers_keep_positions(text):
    (segment,) = [s for s in parse(text).segments if "boost" in s.text]
    start, end = segment.source_span(segment.text.index("boost"), segment.text.index("boost") + 5)
    assert text[start:end] == "boost"


# 6. Broken front matter

BROKEN_FRONT_MATTER = "---\ntitle: Sugar: the truth\nclaimlint:\n  ignore: [unhedged-causal-claim]\n---\n" + CLAIM + "\n"
UNCLOSED_FRONT_MATTER = "---\ntitle: Sugar\nclaimlint:\n  ignore: [unhedged-causal-claim]\n\n" + CLAIM + "\n"
UNCLOSED_TOML = '+++\ntitle = "Sugar"\n[claimlint]\nignore = ["unhedged-causal-claim"]\n\n' + CLAIM + "\n"
BROKEN_TOML = '+++\ntitle = \n[claimlint]\nignore = ["unhedged-causal-claim"]\n+++\n' + CLAIM + "\n"


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("text, where, problem", [
    (BROKEN_FRONT_MATTER, "line 2", "front matter is not valid YAML (mapping values are not allowed here)"),
    (UNCLOSED_FRONT_MATTER, "line 1", "front matter has no closing '---' line"),
    (UNCLOSED_TOML, "line 1", "front matter has no closing '+++' line"),
    (BROKEN_TOML, "line 2", "front matter is not valid TOML (Invalid value)"),
], ids=["invalid-yaml", "unclosed", "unclosed-toml", "invalid-toml"])
def test_front_matter_settings_are_never_dropped_silently(cli, in_tmp, text, where, problem):
    (in_tmp / "bad.md").write_text(text)
    (in_tmp / "good.md").write_text(CLAIM + "\n")
    result = cli("check", "--no-cache", "-q", "--select", "unhedged-causal-claim", "bad.md", "good.md")
    assert result.exit_code == 2
    (error,) = result.stderr.splitlines()
    assert error.startswith(f"claimlint: error: bad.md: {where}: {problem}") and "'claimlint' settings" in error
    assert "good.md:1:14: warning [unhedged-causal-claim]" in result.stdout and "bad.md" not in result.stdout


def test_broken_front_matter_without_claimlint_settings_is_the_drafts_own(lint):
    text = "---\ntitle: Sugar: the truth\n---\n" + CLAIM + "\n"
    assert [(f.line, f.column) for f in causal(lint(text))] == [(4, 14)]


# 7. Deep nesting


def claims_in(text: str) -> list[tuple[int, int]]:
    """(line, column) of every "boost" in the parsed prose, read back from its source span."""
    spans = []
    for segment in parse(text).segments:
        for at in (i for i in range(len(segment.text)) if segment.text.startswith("boost", i)):
            start, end = segment.source_span(at, at + 5)
            assert text[start:end] == "boost"
            line = text.count("\n", 0, start)
            spans.append((line + 1, start - (text.rfind("\n", 0, start) + 1) + 1))
    return spans


def test_lists_ten_levels_deep_are_linted(lint):
    text = "".join("  " * depth + f"- {CLAIM}\n" for depth in range(12))
    assert [(f.line, f.column) for f in causal(lint(text))] == [(d + 1, 2 * d + 16) for d in range(12)]


@pytest.mark.parametrize("depth", [20, 25, 100])
def test_blockquotes_twenty_deep_keep_their_prose(depth):
    text = ">" * depth + f" {CLAIM}\n"
    assert claims_in(text) == [(1, depth + 15)]


@pytest.mark.parametrize("text, lines", [
    ("".join("  " * depth + f"- {CLAIM}\n" for depth in range(400)), 400),
    ("".join(">" * depth + f" {CLAIM}\n\n" for depth in range(1, 301)), 300),
    (">" * 3000 + f" {CLAIM}\n", 1),
    ("> - " * 750 + f"{CLAIM}\n", 1),
], ids=["list-400", "blockquotes-300", "blockquote-3000", "mixed-1500"])
def test_nesting_past_any_limit_is_read_with_bounded_recursion(text, lines):
    found = claims_in(text)
    assert len(found) == lines and len({line for line, _ in found}) == lines


def test_a_footnote_definition_nested_in_containers_does_not_crash(lint):
    assert lint("> - [^1]: " * 3 + CLAIM + "\n\n" + CLAIM + "\n")


# 11. UTF-16 files

DRAFT = f"# Café ☕ notes\r\n\r\n😀 {CLAIM}\r\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-bom", "utf-32", "utf-8-sig"])
def test_files_with_a_byte_order_mark_are_decoded(cli, in_tmp, encoding):
    data = codecs.BOM_UTF16_BE + DRAFT.encode("utf-16-be") if encoding == "utf-16-be-bom" else DRAFT.encode(encoding)
    (in_tmp / "draft.md").write_bytes(data)
    result = cli("check", "--no-cache", "-q", "--select", "unhedged-causal-claim", "draft.md")
    assert result.exit_code == 1 and result.stderr == ""
    assert result.stdout.startswith("draft.md:3:16: warning [unhedged-causal-claim]")


@pytest.mark.parametrize("data, problem", [
    (codecs.BOM_UTF16_LE + "Line one.\nLine two.\n".encode("utf-16-le") + b"\x00\xdc",
     "not valid UTF-16 (byte 0x00 at offset 42) on line 3: save it as UTF-8"),
    ("Line one.\nLine two.\n".encode("utf-16-le"), "looks like little-endian UTF-16 without a byte-order mark"),
    (b"Line one.\nCaf\xe9 au lait.\n", "not valid UTF-8 (byte 0xe9 at offset 13) on line 2: save it as UTF-8"),
], ids=["bad-utf-16", "utf-16-without-bom", "latin-1"])
def test_an_undecodable_file_names_the_encoding_problem(cli, in_tmp, data, problem):
    (in_tmp / "bad.md").write_bytes(data)
    (in_tmp / "good.md").write_text(CLAIM + "\n")
    result = cli("check", "--no-cache", "-q", "--select", "unhedged-causal-claim", "bad.md", "good.md")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and f"bad.md: {problem}" in result.stderr
    assert result.stdout.startswith("good.md:1:14: warning [unhedged-causal-claim]")


# 13. User regexes cannot hang the run


def house_rule(folder, pattern: str):
    (folder / "house").mkdir()
    (folder / "house" / "slow-pattern.yaml").write_text(
        "id: slow-pattern\nseverity: warning\nmessage: 'Slow: {match}'\ndescription: A pattern that backtracks.\n"
        f"kind: phrase\npatterns: ['{pattern}']\nexamples:\n  flag: [aaa]\n  pass: [bbb]\n")
    (folder / ".claimlint.yaml").write_text("rule_paths: [house]\n")


@pytest.mark.parametrize("pattern, times_out", [("(a+)+$", False), ("(a|aa)+$", True)], ids=["nested", "alternation"])
def test_a_backtracking_user_regex_cannot_hang_the_run(cli, in_tmp, pattern, times_out):
    line = "a" * 5000
    house_rule(in_tmp, pattern)
    (in_tmp / "slow.md").write_text(f"{line}\n\n{CLAIM}\n\n{line}!\n\n{line}\n")
    (in_tmp / "good.md").write_text(CLAIM + "\n")
    started = time.perf_counter()
    result = cli("check", "--no-cache", "-q", "--select", "unhedged-causal-claim,slow-pattern", "slow.md", "good.md")
    assert time.perf_counter() - started < 30
    assert "slow.md:3:14: warning [unhedged-causal-claim]" in result.stdout
    assert "good.md:1:14: warning [unhedged-causal-claim]" in result.stdout
    errors = result.stderr.splitlines()
    assert len(errors) == times_out and result.exit_code == (2 if times_out else 1)
    for error in errors:  # reported once, naming the rule and the file; the rest of the run goes on
        assert error.startswith("claimlint: error: slow.md: rule 'slow-pattern' (")
        assert error.endswith("timed out (a search ran over 1 s): skipped for this file")


def test_a_timed_out_rule_is_reported_once_per_file(cli, in_tmp):
    house_rule(in_tmp, "(a|aa)+$")
    for name in ("one.md", "two.md"):
        (in_tmp / name).write_text(("a" * 5000 + "!\n\n") * 3 + CLAIM + "\n")
    result = cli("check", "--no-cache", "-q", "--select", "unhedged-causal-claim,slow-pattern", "one.md", "two.md")
    assert result.exit_code == 2
    assert [line.split(": rule")[0] for line in result.stderr.splitlines()] == [
        "claimlint: error: one.md", "claimlint: error: two.md"]
    assert result.stdout.count("[unhedged-causal-claim]") == 2


HEALTH = "Magnesium eases anxiety, insomnia and muscle pain in most adults."
BACKTRACKS = "a" * 5000 + "!"  # "(a|aa)+$" tries every way to split the a's before it fails


def _rule_file(folder, kind: str, body: str):
    (folder / "house").mkdir()
    (folder / "house" / f"slow-{kind}.yaml").write_text(
        f"id: slow-{kind}\nseverity: warning\nmessage: 'Slow: {{match}}'\ndescription: A pattern that backtracks.\n"
        f"kind: {kind}\n{body}examples:\n  flag: [Stress causes headaches.]\n  pass: [bbb]\n")
    (folder / ".claimlint.yaml").write_text("rule_paths: [house]\n")
    return f"slow-{kind}"


# Every place a user's regex reaches a rule: a configuration's disclaimer wording, a document
# requirement's fields, a causal rule's phrases, a built-in rule's `patterns` option.
def _configuration(folder, text: str):
    (folder / ".claimlint.yaml").write_text(text)
    return "missing-disclaimer"


USER_REGEXES = {
    "disclaimer-patterns": lambda folder: _configuration(folder, "disclaimer_patterns: ['(a|aa)+$']\n"),
    "patterns-option": lambda folder: _configuration(
        folder, "rules:\n  missing-disclaimer:\n    options: {patterns: ['(a|aa)+$']}\n"),
    "document-requirement": lambda folder: _rule_file(
        folder, "document-requirement", "requires: ['(a|aa)+$']\napplies_when: [magnesium, anxiety]\n"),
    "causal-claim": lambda folder: _rule_file(folder, "causal-claim", "verbs: [cause]\nphrases: ['(a|aa)+$']\n"),
    "causal-claim-named": lambda folder: _rule_file(
        folder, "causal-claim", "verbs: [cause]\nphrases: [{name: slow, regex: '(a|aa)+$'}]\n"),
}


@pytest.mark.parametrize("where", list(USER_REGEXES))
def test_every_user_regex_runs_under_the_time_limit(in_tmp, where):
    from claimlint.config import find_config, load_config, resolve_rules
    from claimlint.timed_regex import TimedPattern

    rule_id = USER_REGEXES[where](in_tmp)
    rule = next(r for r in resolve_rules(load_config(find_config(in_tmp))) if r.id == rule_id)
    patterns = [value for value in vars(rule.checker).values()
                if type(value).__module__ in ("re", "claimlint.folded_regex", TimedPattern.__module__)]
    patterns += [rule.checker.trigger.phrases] if hasattr(rule.checker.trigger, "phrases") else []
    patterns += [pattern for _, pattern in getattr(rule.checker, "phrase_names", [])]  # named phrases too
    assert patterns and all(isinstance(pattern, TimedPattern) for pattern in patterns)


@pytest.mark.parametrize("where", list(USER_REGEXES))
def test_a_backtracking_regex_from_any_user_setting_cannot_hang_the_run(cli, in_tmp, where):
    rule_id = USER_REGEXES[where](in_tmp)
    (in_tmp / "slow.md").write_text(f"{BACKTRACKS}\n\n{CLAIM} {HEALTH}\n\n{BACKTRACKS}\n")
    (in_tmp / "good.md").write_text(f"{CLAIM} {HEALTH}\n")
    started = time.perf_counter()
    result = cli("check", "--no-cache", "-q", "-j", "1", "slow.md", "good.md")
    assert time.perf_counter() - started < 120  # minutes to hours without the limit
    assert "slow.md:3:14: warning [unhedged-causal-claim]" in result.stdout
    assert "good.md:1:14: warning [unhedged-causal-claim]" in result.stdout
    assert result.exit_code == 2
    error, = result.stderr.splitlines()  # once, naming the rule and the file; the rest of the run goes on
    assert error.startswith(f"claimlint: error: slow.md: rule '{rule_id}' (")
    assert error.endswith("timed out (a search ran over 1 s): skipped for this file")
    if rule_id == "missing-disclaimer":
        assert f"(patterns from {in_tmp / '.claimlint.yaml'})" in error


def test_a_time_limit_grows_with_the_text_a_document_rule_searches():
    """A document rule searches the whole draft: a sane pattern on a large draft must not be cut off."""
    from claimlint.config import Config, resolve_rules
    from claimlint.timed_regex import TimedPattern

    rule = next(r for r in resolve_rules(Config()) if r.id == "missing-disclaimer")
    prose = ("Stress worsens sleep, and poor sleep worsens stress in turn for many adults. " * 80 + "\n") * 1700
    assert TimedPattern(rule.checker.requires, owner=None).search(prose) is None  # 10 MB: 1-2 s of work


def test_rules_check_on_a_backtracking_rule_is_one_line(cli, in_tmp):
    house_rule(in_tmp, "(a|aa)+$")
    rule = in_tmp / "house" / "slow-pattern.yaml"
    rule.write_text(rule.read_text().replace("pass: [bbb]", f"pass: ['{BACKTRACKS}']"))
    result = cli("rules", "--check")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"claimlint: error: {rule}: rule 'slow-pattern' timed out on its examples (a search ran over 1 s)"]
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].endswith(" 0 failed, 1 rule(s) could not be checked")


def test_claimlints_own_rules_keep_the_faster_engine():
    from claimlint.config import Config, resolve_rules

    phrase_rules = [rule for rule in resolve_rules(Config()) if rule.kind_name == "phrase"]
    # `re` itself, run over lower-cased text where the pattern is case-insensitive (folded_regex)
    assert phrase_rules and all(type(rule.checker.pattern).__module__ in ("re", "claimlint.folded_regex")
                                for rule in phrase_rules)


# 15. Memory stays flat: no draft is kept whole for its excerpts, and offsets are compact


def test_a_run_keeps_only_the_lines_its_excerpts_need(in_tmp):
    from claimlint.config import Config
    from claimlint.runner import RunOptions, run

    (in_tmp / "big.md").write_text("".join(f"Line {i} is plain prose.\n\n" for i in range(2000)) + CLAIM + "\n")
    (in_tmp / "clean.md").write_text("Nothing to see here.\n" * 100)
    results = list(run(["big.md", "clean.md"], Config(), RunOptions(["unhedged-causal-claim"], [])).results())
    assert [(f.path, f.line) for result in results for f in result.findings] == [("big.md", 4001)]
    assert [(result.path, result.excerpts) for result in results] == [("big.md", {4001: CLAIM}), ("clean.md", {})]


def test_parsing_takes_a_small_multiple_of_the_drafts_size():
    paragraph = "Chronic stress *worsens* inflammation, and about 70% of [cells](https://example.org) agree. " * 10
    text = "\n\n".join(f"## Part {i}\n\n{paragraph}\n\n- {paragraph}" for i in range(60))
    tracemalloc.start()
    try:
        parse(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * len(text)  # 93 bytes a character when every offset was a Python int in a list


def test_a_parsed_draft_keeps_its_offsets_in_runs_not_per_character():
    """Each prose character's source offsets (start and end) once took 8 bytes; a paragraph copies
    its source in a few runs, so a parsed draft now keeps little more than its text."""
    paragraph = "Chronic stress *worsens* inflammation, and about 70% of immune cells live in the gut.\n" * 10
    paragraph += "So [one review](https://example.org/review) says.\n"
    text = "\n".join(f"## Part {i}\n\n{paragraph}\n- {paragraph}" for i in range(60))
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        document = parse(text)
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert sum(len(segment.text) for segment in document.segments) > 0.9 * len(text)
    assert kept < 5 * len(text)  # over 10 bytes a character with an array of each (about 3 in runs)


def test_a_run_over_many_drafts_holds_one_draft_at_a_time(in_tmp):
    from claimlint.config import Config
    from claimlint.runner import RunOptions, run

    draft = "".join(f"Paragraph {i} is plain prose about the weather in the hills.\n\n" for i in range(30))
    for number in range(150):
        (in_tmp / f"draft-{number:03d}.md").write_text(draft)
    config = Config()
    # Imports and rules loaded first: a run lints as its results are read.
    list(run(["draft-000.md"], config, RunOptions(["unhedged-causal-claim"], [], jobs=1)).results())
    tracemalloc.start()
    try:
        stream = run(["."], config, RunOptions(["unhedged-causal-claim"], [], jobs=1))
        findings = [finding for result in stream.results() for finding in result.findings]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert stream.files_checked == 150 and not findings
    assert peak < 0.8 * 150 * len(draft)  # reading every draft up front kept them all to the end

