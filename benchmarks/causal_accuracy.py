"""Score `unhedged-causal-claim` on a labelled sentence CSV (`sentence,label`), or on InSciOut's JSON
lines (each press-release and abstract conclusion with its claim strength, 0-3 on the same scale).

Label 3 (direct causal) should be flagged; 0 (none), 1 (correlational) and 2 (hedged) should not.
Prints precision, recall, F1 and the flag rate of each label.

    python benchmarks/causal_accuracy.py ../shared/data/causal/pubmed_conclusions.csv [--option name=value]
    python benchmarks/causal_accuracy.py ../shared/data/causal/insciout_train.jsonl [--side press_release|abstract]
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter

import yaml

from _common import linter_for, prf

RULE = "unhedged-causal-claim"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv")
    parser.add_argument("--option", action="append", default=[], help="rule option as name=value (YAML value)")
    parser.add_argument("--show", choices=["fp", "fn"], help="print the misclassified sentences")
    parser.add_argument("--side", choices=["press_release", "abstract"], default="press_release",
                        help="which conclusion of an InSciOut pair to score (.jsonl only)")
    args = parser.parse_args()
    options = {name: yaml.safe_load(value) for name, value in (o.split("=", 1) for o in args.option)}
    linter = linter_for(RULE, **options)
    rows = _rows(args.csv, args.side)
    started = time.perf_counter()
    flagged_by_label, total_by_label = Counter(), Counter()
    tp = fp = fn = 0
    for sentence, label in rows:
        # Each sentence is linted as a one-paragraph draft; Markdown escapes keep it literal.
        flagged = any(f.rule == RULE for f in linter.lint(_escape(sentence) + "\n", "<csv>"))
        total_by_label[label] += 1
        flagged_by_label[label] += flagged
        positive = label == 3
        tp += flagged and positive
        fp += flagged and not positive
        fn += positive and not flagged
        if args.show == "fp" and flagged and not positive or args.show == "fn" and positive and not flagged:
            print(f"[{label}] {sentence}")
    elapsed = time.perf_counter() - started
    precision, recall, f1 = prf(tp, fp, fn)
    print(f"{RULE} on {args.csv} ({len(rows)} sentences, {elapsed:.1f} s)")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    for label in sorted(total_by_label):
        rate = flagged_by_label[label] / total_by_label[label]
        print(f"label {label}: flagged {flagged_by_label[label]:>4} of {total_by_label[label]:>4}  rate {rate:.3f}")


def _rows(path: str, side: str) -> list[tuple[str, int]]:
    with open(path, newline="", encoding="utf-8") as handle:
        if path.endswith(".jsonl"):
            pairs = [json.loads(line) for line in handle if line.strip()]
            return [(pair[f"{side}_conclusion"].strip(), int(pair[f"{side}_strength"])) for pair in pairs]
        return [(row["sentence"].strip(), int(row["label"])) for row in csv.DictReader(handle)]


def _escape(sentence: str) -> str:
    """Keep a plain sentence from parsing as Markdown structure (a leading '1.' or '#')."""
    return "\\" + sentence if sentence[:1] in "#>-+*=|" or sentence[:1].isdigit() else sentence


if __name__ == "__main__":
    main()
