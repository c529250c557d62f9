"""The annotated real sets under benchmarks/real-sets are well formed: each set's sources and annotations name the
same drafts, and each annotation is a line, a class and a verdict the scorer reads (see that folder's README)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SETS = sorted(path for path in (Path(__file__).parent.parent / "benchmarks" / "real-sets").iterdir() if path.is_dir())
CLASSES = {"stat", "causal", "vague", "overclaim"}


def test_there_are_real_sets():
    assert len(SETS) >= 20


@pytest.mark.parametrize("folder", SETS, ids=[path.name for path in SETS])
def test_a_set_names_the_same_drafts_in_its_sources_and_annotations(folder):
    rows = [line.split("\t") for line in (folder / "sources.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert all(len(row) == 4 for row in rows), "sources.tsv rows are repo, commit, path, local name"
    names = [row[3] for row in rows]
    assert len(names) == len(set(names))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert set(names) == {name for name in expected if not name.startswith("_")}
    assert isinstance(expected.get("_about"), str) and expected["_about"].strip()


@pytest.mark.parametrize("folder", SETS, ids=[path.name for path in SETS])
def test_each_annotation_is_a_line_a_class_and_a_verdict(folder):
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    for name, draft in expected.items():
        if name.startswith("_"):
            continue
        assert draft.get("disclaimer") in (True, False, None), name
        graded = set()
        for key in ("must", "must_not"):
            for line, cls in draft.get(key, []):
                assert isinstance(line, int) and line >= 1 and cls in CLASSES, (name, key, line, cls)
                graded.add(line)
        either = draft.get("either", [])
        assert all(isinstance(line, int) and line >= 1 for line in either), name
        assert not graded & set(either), f"{name}: a line is either and must or must_not"
        assert not {tuple(pair) for pair in draft.get("must", [])} & {tuple(pair) for pair in draft.get("must_not", [])}, \
            f"{name}: a line and class is both must and must_not"
