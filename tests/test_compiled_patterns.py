"""Compiled patterns kept between runs (compiled_patterns.py): a pattern from the store is the very
pattern `re` (or the folding rewrite) compiles, a damaged or foreign file is never used, and only
`claimlint check` writes the store, in the user's cache folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from claimlint import compiled_patterns
from claimlint.folded_regex import Folded, _folded
from conftest import ROOT
from test_folded_regex import PATTERNS, needs_folding


@pytest.fixture
def store(tmp_path):
    folder = tmp_path / "patterns"
    compiled_patterns.use(folder)
    yield folder
    compiled_patterns.use(None)


def _fresh(pattern: Folded) -> Folded:
    return Folded(pattern.pattern, pattern.flags)


def _files(folder):
    return sorted(path for path in folder.glob("??/*") if path.is_file())


@needs_folding
def test_every_built_in_pattern_from_the_store_is_the_pattern_compiled_afresh(store):
    for pattern in PATTERNS:  # filled
        fresh = _fresh(pattern)
        fresh.folds, fresh.original
    # each pattern as `re` compiles it and folded; one that cannot be folded, also its first pass
    distinct = {(pattern.pattern, int(pattern.flags)): pattern.folds for pattern in PATTERNS}
    assert len(_files(store)) == 2 * len(distinct) + sum(not folds for folds in distinct.values())
    for pattern in PATTERNS:  # read back: equal patterns have equal flags, source and matcher code
        stored = _fresh(pattern)
        assert stored.original == re.compile(pattern.pattern, pattern.flags)
        made = _folded(pattern.pattern, pattern.flags)
        expected = made and compiled_patterns._sre.compile(*made)
        assert stored.folds == bool(expected) and (stored._folded or None) == expected
        wider = None if made else _folded(pattern.pattern, pattern.flags, widen=True)
        assert (stored._wider or None) == (wider and compiled_patterns._sre.compile(*wider))


def _compile_twice(store, source: str):
    pattern = Folded(source, re.IGNORECASE)
    pattern.original
    (file,) = _files(store)
    return file, Folded(source, re.IGNORECASE)


@pytest.mark.parametrize("damage", ["altered", "truncate", "empty", "garbage"])
def test_a_damaged_file_is_not_used_and_is_written_again(store, damage):
    source = r"\b(?:sugar|salt)\s+causes?\b"
    file, again = _compile_twice(store, source)
    good = file.read_bytes()
    at = good.rindex(b"a\0\0\0")  # the literal 'a' of "causes?" in the matcher's code, made an 'o': valid code
    data = {"altered": good[:at] + b"o" + good[at + 1 :], "truncate": good[: len(good) // 2],
            "empty": b"", "garbage": b"\x00" * 64}[damage]
    file.write_bytes(data)
    assert again.original == re.compile(source, re.IGNORECASE)
    assert again.original.search("Sugar CAUSES acne").group() == "Sugar CAUSES"
    assert file.read_bytes() == good


def test_a_file_that_holds_another_pattern_is_not_used(store):
    file, _ = _compile_twice(store, r"\bcures?\b")
    other = Folded(r"\bprevents?\b", re.IGNORECASE)
    other.original
    other_file = next(path for path in _files(store) if path != file)
    other_file.write_bytes(file.read_bytes())  # a valid file, but of "cures"
    assert Folded(r"\bprevents?\b", re.IGNORECASE).original.pattern == r"\bprevents?\b"


def test_code_the_matcher_refuses_is_compiled_again(store, monkeypatch):
    file, again = _compile_twice(store, r"\bheals?\b")
    stored = compiled_patterns._read(file, "re", r"\bheals?\b", int(re.IGNORECASE))
    assert stored is not None
    monkeypatch.setattr(compiled_patterns, "_read", lambda *args: ((None, stored[0][1], [999, 1], 0, {}, ()),))
    assert again.original.search("It HEALS") is not None  # "invalid SRE code" from _sre: compiled afresh


def test_an_unwritable_store_compiles_as_usual(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    compiled_patterns.use(blocker / "patterns")
    try:
        assert Folded(r"\bboosts?\b", re.IGNORECASE).search("It Boosts energy").group() == "Boosts"
    finally:
        compiled_patterns.use(None)


def test_without_the_store_nothing_is_written(tmp_path, monkeypatch, lint):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    compiled_patterns.use(None)
    assert lint("Sugar causes acne.\n") and Folded(r"\bsoothes\b", re.IGNORECASE).search("It SOOTHES")
    assert not any(tmp_path.iterdir())


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG cache folder is the Linux one")
def test_check_keeps_patterns_in_the_user_cache_and_a_later_run_reads_them(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("# Sugar\n\nSugar causes acne, and 70% of teens have it.\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "claimlint", "check", "--no-cache", "--format", "json", str(draft)]

    def run():
        return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT).stdout

    first = run()
    files = {path: path.stat().st_mtime_ns for path in _files(tmp_path / "cache" / "claimlint" / "patterns")}
    again = run()
    assert len(files) > 10 and first == again and '"unhedged-causal-claim"' in first
    assert {path: path.stat().st_mtime_ns for path in _files(tmp_path / "cache" / "claimlint" / "patterns")} == files
    for path in files:  # unusable now: a run compiles afresh and writes them again, as the second did not
        path.write_bytes(b"garbage")
    assert run() == first
    assert all(path.read_bytes() != b"garbage" for path in files)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cache", "draft.md"]  # nothing beside the draft
