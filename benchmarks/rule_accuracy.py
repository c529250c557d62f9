"""Precision and recall of every rule over the labelled drafts in fixtures/eval/.

A line that should be flagged ends with `<!-- expect: rule-id[, rule-id] -->`; any other line
should produce no finding. Findings are matched to labels by (file, line, rule).

    python benchmarks/rule_accuracy.py [fixtures/eval] [--show RULE]
"""

from __future__ import annotations

import argparse
import re
import time
from collections import defaultdict
from pathlib import Path

from _common import prf
from claimlint.config import Config, resolve_rules
from claimlint.linter import Linter

EXPECT = re.compile(r"<!--\s*expect:\s*([\w\s,-]+?)\s*-->")


def expected_labels(text: str) -> set[tuple[int, str]]:
    labels = set()
    for number, line in enumerate(text.splitlines(), start=1):
        for match in EXPECT.finditer(line):
            labels.update((number, rule.strip()) for rule in match.group(1).split(",") if rule.strip())
    return labels


def labelled_drafts(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).glob("*.md") if p.name != "README.md")


def score(drafts: list[Path], linter: Linter):
    """Counts per rule ([tp, fp, fn]) and every error as (draft, line, rule, "FP" | "FN")."""
    counts = defaultdict(lambda: [0, 0, 0])
    errors = []
    for draft in drafts:
        text = draft.read_text(encoding="utf-8")
        expected = expected_labels(text)
        found = {(f.line, f.rule) for f in linter.lint(text, str(draft))}
        for line, rule in sorted(found | expected):
            outcome = 0 if (line, rule) in found and (line, rule) in expected else 1 if (line, rule) in found else 2
            counts[rule][outcome] += 1
            if outcome:
                errors.append((draft, line, rule, "FP" if outcome == 1 else "FN"))
    return counts, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(Path(__file__).resolve().parents[1] / "fixtures" / "eval"))
    parser.add_argument("--show", metavar="RULE", help="print the false positives and negatives of RULE")
    args = parser.parse_args()
    rules = resolve_rules(Config())
    linter = Linter(rules)
    drafts = labelled_drafts(Path(args.folder))
    started = time.perf_counter()
    counts, errors = score(drafts, linter)
    elapsed = time.perf_counter() - started
    words = sum(len(draft.read_text(encoding="utf-8").split()) for draft in drafts)
    for draft, line, rule, kind in errors:
        if rule == args.show:
            text = draft.read_text(encoding="utf-8").splitlines()[line - 1]
            print(f"{kind} {draft.name}:{line}: {EXPECT.sub('', text).strip()}")
    print(f"{len(drafts)} drafts, {words} words, {elapsed:.2f} s")
    print(f"{'rule':<28} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for rule in (rule.id for rule in rules):
        tp, fp, fn = counts[rule]
        precision, recall, f1 = prf(tp, fp, fn)
        print(f"{rule:<28} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {tp:>4} {fp:>4} {fn:>4}")


if __name__ == "__main__":
    main()
