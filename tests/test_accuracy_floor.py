"""Accuracy cannot fall silently.

Every labelled set in fixtures/ is scored as benchmarks/rule_accuracy.py scores it. Each false
positive and miss is listed in tests/snapshots/labelled-errors.txt (like markdownlint's test
scenarios): a change that fixes or breaks a labelled line shows up as a diff of that file, to be
reviewed and committed with the change (`CLAIMLINT_UPDATE_SNAPSHOTS=1 python -m pytest
tests/test_accuracy_floor.py` rewrites it). Independently of the snapshot, each rule has a floor of
precision and recall per set, so halving a rule's recall turns CI red even with a fresh snapshot.
"""

from __future__ import annotations

import os
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from rule_accuracy import labelled_drafts, score  # noqa: E402

SETS = ("eval", "eval-external", "heldout")
SNAPSHOT = ROOT / "tests" / "snapshots" / "labelled-errors.txt"
# (precision, recall) floors per set: the figures when they were set, less a margin for honest
# trade-offs. Raise them as accuracy improves; lowering one needs a reason in the commit.
FLOORS = {
    "eval": {"unhedged-causal-claim": (0.95, 0.90), "unsourced-statistic": (0.95, 0.90),
             "vague-attribution": (0.95, 0.90), "overclaiming": (0.95, 0.90), "missing-disclaimer": (0.95, 0.90),
             "supplement-disease-claim": (0.90, 0.90), "relative-risk-only": (0.95, 0.90),
             "animal-study-extrapolation": (0.95, 0.80), "missing-fda-disclaimer": (0.95, 0.90)},
    "eval-external": {"unhedged-causal-claim": (0.95, 0.80), "unsourced-statistic": (0.95, 0.90),
                      "vague-attribution": (0.95, 0.90), "overclaiming": (0.95, 0.90),
                      "missing-disclaimer": (0.95, 0.90), "supplement-disease-claim": (0.90, 0.85)},
    "heldout": {"unhedged-causal-claim": (0.70, 0.45), "unsourced-statistic": (0.90, 0.90),
                "vague-attribution": (0.75, 0.70), "overclaiming": (0.90, 0.90), "missing-disclaimer": (0.95, 0.70)},
}


@pytest.fixture(scope="module")
def results(linter):
    return {name: score(labelled_drafts(ROOT / "fixtures" / name), linter) for name in SETS}


def test_every_labelled_error_is_in_the_snapshot(results):
    lines = [f"{name}/{draft.name}:{line} {kind} {rule}"
             for name in SETS for draft, line, rule, kind in results[name][1]]
    current = "\n".join(lines) + "\n"
    if os.environ.get("CLAIMLINT_UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(current, encoding="utf-8")
    recorded = SNAPSHOT.read_text(encoding="utf-8")
    fixed = sorted(set(recorded.splitlines()) - set(lines))
    broken = sorted(set(lines) - set(recorded.splitlines()))
    assert not fixed and not broken, (
        f"labelled errors changed (update the snapshot if intended):\n"
        + "".join(f"  now right: {line}\n" for line in fixed) + "".join(f"  now wrong: {line}\n" for line in broken))


@pytest.mark.parametrize("name, rule", [(name, rule) for name in SETS for rule in FLOORS[name]])
def test_accuracy_stays_above_its_floor(results, name, rule):
    tp, fp, fn = results[name][0][rule]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    floor_p, floor_r = FLOORS[name][rule]
    assert precision >= floor_p and recall >= floor_r, (
        f"{rule} on fixtures/{name}: precision {precision:.3f} (floor {floor_p}), recall {recall:.3f} (floor {floor_r})")


def test_the_floor_test_can_fail(linter):
    """A rule set without the causal rule scores recall 0 on it, far below every floor."""
    from claimlint.config import Config, resolve_rules
    from claimlint.linter import Linter

    crippled = Linter(resolve_rules(Config(), select=["unsourced-statistic"]))
    counts, _ = score(labelled_drafts(ROOT / "fixtures" / "eval"), crippled)
    tp, fp, fn = counts["unhedged-causal-claim"]
    assert tp == 0 and fn > 0 and tp / (tp + fn) < FLOORS["eval"]["unhedged-causal-claim"][1]
