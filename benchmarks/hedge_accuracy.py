"""Score the hedge detector `has_hedge` on a sentence TSV with speculation-cue labels (BioScope).

The TSV has the columns source, sent_id, has_speculation_cue (0/1), spec_cues, has_negation_cue and
sentence. A sentence is predicted hedged when `has_hedge(sentence)` is true. Prints precision,
recall, F1 and the counts.

    python benchmarks/hedge_accuracy.py ../shared/data/hedging/bioscope_sentences.tsv [--show fp|fn]
"""

from __future__ import annotations

import argparse
import csv
import time

from _common import prf

from claimlint.evidence.hedges import has_hedge


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tsv")
    parser.add_argument("--show", choices=["fp", "fn"], help="print the misclassified sentences")
    args = parser.parse_args()
    with open(args.tsv, newline="", encoding="utf-8") as handle:
        rows = [(row["sentence"], row["has_speculation_cue"] == "1", row["spec_cues"])
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]
    started = time.perf_counter()
    tp = fp = fn = 0
    for sentence, positive, cues in rows:
        predicted = has_hedge(sentence)
        tp += predicted and positive
        fp += predicted and not positive
        fn += positive and not predicted
        if args.show == "fp" and predicted and not positive or args.show == "fn" and positive and not predicted:
            print(f"[{cues}] {sentence}" if cues else sentence)
    elapsed = time.perf_counter() - started
    precision, recall, f1 = prf(tp, fp, fn)
    print(f"has_hedge on {args.tsv} ({len(rows)} sentences, {elapsed:.2f} s)")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")


if __name__ == "__main__":
    main()
