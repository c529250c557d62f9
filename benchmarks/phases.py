"""Where one process's lint of the generated corpus spends its time: the engine's phases and each rule.

peers.py says how fast claimlint is; this says what to work on. In one process (no workers, the
pipeline loaded first), over the drafts of the generated corpus (health_corpus.py), each phase is
timed on its own, as the engine runs it, in CPU seconds of the process (the machine's other work
does not count, as it does in wall time), best of --rounds:

- `parse`, and markdown-it's part of it (the rest: prose, positions, evidence);
- `unclaimed` (structure.py: quotations, reference entries, disclaimers ...);
- the cheap pass (`Linter.candidates`, less `unclaimed`): plain text, sentence cuts and every rule's
  trigger, and each rule's trigger over every piece on its own;
- the whole `Linter.lint`, and, within it, each rule's own checks (sentence rules' `check_sentence`,
  document rules' `check_document`, timed around each call) and spaCy's tokenizer;
- what is left: sentences and evidence marks, findings, suppressions and sorting.

With --baseline OTHER/src, the other checkout is timed in the same run, in alternating fresh
processes. Shares are of the whole lint; the per-rule rows overlap the phases above them.

With --paired (and --baseline), each round times the two checkouts side by side, one process each
on the machine's two cores, so both meet the same load from other work; each phase's ratio is taken
within a pair, and the median ratio of the pairs is printed with their lowest and highest: on a
machine shared with others, the ratio of two best-ofs drifts with the load, a pair's much less.

    python benchmarks/phases.py [--words 200000] [--rounds 3] [--baseline OTHER_CHECKOUT/src [--paired]]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from health_corpus import build_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# Run in a fresh process with a checkout's src first on the path: prints each phase's seconds as JSON.
_MEASURE = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from claimlint.config import Config, resolve_rules
from claimlint.linter import Linter
from claimlint import markdown, nlp
from claimlint.source import read_source
from claimlint.structure import unclaimed

texts = [read_source(str(path)) for path in sorted(Path(sys.argv[2]).glob("*.md"))]
linter = Linter(resolve_rules(Config()))
analyser = nlp.analyser(linter.model)
times = {}
clock = time.process_time  # this process's CPU time: the machine's other work does not count

def timed(label, work):
    started = clock()
    result = work()
    times[label] = times.get(label, 0.0) + clock() - started
    return result

def wrap(owner, name, label):
    method = getattr(owner, name)
    def measured(*args, **kwargs):
        started = clock()
        try:
            result = method(*args, **kwargs)
            return list(result) if name.startswith("check_") else result
        finally:
            times[label] = times.get(label, 0.0) + clock() - started
    setattr(owner, name, measured)

documents = timed("parse", lambda: [markdown.parse(text) for text in texts])
wrap(markdown._PARSER, "parse", "  markdown-it")
timed("  parse again", lambda: [markdown.parse(text) for text in texts])  # markdown-it's part, timed within
del markdown._PARSER.parse, times["  parse again"]
timed("unclaimed", lambda: [unclaimed(document) for document in documents])
candidates = timed("cheap pass", lambda: [linter.candidates(document) for document in documents])
times["cheap pass"] -= times["unclaimed"]
plains = [nlp.plain_text(segment.text) for document in documents
          for index, segment in enumerate(document.segments) if index not in unclaimed(document)]
pieces = [plain[start:end] for plain in plains for start, end in analyser.pieces(plain)]
for rule in linter.sentence_rules:
    trigger = rule.checker.trigger
    if trigger is not None:
        timed(f"  trigger {rule.id}", lambda: [trigger.search(piece) for piece in pieces])

for rule in linter.rules:
    times[f"  rule {rule.id}"] = 0.0  # a rule no trigger lets read a sentence costs nothing
    wrap(rule.checker, "check_sentence" if rule.level == "sentence" else "check_document", f"  rule {rule.id}")
wrap(analyser, "tokenize", "  spaCy tokenizer")
timed("lint", lambda: [linter.lint(text, "draft.md") for text in texts])
print(json.dumps(times))
"""


def measure(*sources: Path, corpus: Path) -> list[dict[str, float]]:
    """Each checkout's phases, measured side by side (one process each, all at once)."""
    processes = [subprocess.Popen([sys.executable, "-c", _MEASURE, str(src), str(corpus)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for src in sources]
    results = []
    for src, process in zip(sources, processes):
        out, err = process.communicate()
        if process.returncode:
            sys.exit(f"measuring {src} failed: {err[-1500:]}")
        results.append(json.loads(out))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=3, help="runs of each checkout (the best is printed)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--baseline", help="another checkout's src folder (say, main's) to time in the same run")
    parser.add_argument("--paired", action="store_true", help="time the baseline side by side with this checkout, "
                        "and print the median of the pairs' ratios")
    args = parser.parse_args()
    if args.paired and not args.baseline:
        parser.error("--paired needs --baseline")
    checkouts = [("this", ROOT / "src")] + ([("baseline", Path(args.baseline).resolve())] if args.baseline else [])
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        files, words = build_corpus(corpus, args.words, args.seed)
        if args.paired:
            pairs = [measure(*(src for _, src in checkouts), corpus=corpus) for _ in range(args.rounds)]
            return _print_pairs(pairs, files, words)
        runs: dict[str, list[dict[str, float]]] = {name: [] for name, _ in checkouts}
        for round_ in range(args.rounds):
            for name, src in checkouts[round_ % 2 :] + checkouts[: round_ % 2]:  # alternate which goes first
                runs[name].append(*measure(src, corpus=corpus))
    best = {name: {label: min(run[label] for run in rounds) for label in rounds[0]} for name, rounds in runs.items()}
    print(f"{files} drafts, {words} words; one process, best of {args.rounds} rounds; share of the whole lint")
    labels = list(best["this"])
    labels.remove("lint")
    names = [name for name, _ in checkouts]
    print(f"{'phase':<46}" + "".join(f"{name + ' s':>12}{'share':>8}" for name in names))
    for label in ["lint", *labels]:
        row = f"{label:<46}"
        for name in names:
            seconds = best[name].get(label)
            row += f"{seconds:12.3f}{seconds / best[name]['lint']:8.1%}" if seconds is not None else f"{'-':>12}{'':>8}"
        print(row)
    if args.baseline:
        print(f"lint: this / baseline {best['this']['lint'] / best['baseline']['lint']:.2f}")


def _print_pairs(pairs: list[list[dict[str, float]]], files: int, words: int):
    print(f"{files} drafts, {words} words; one process each, side by side, {len(pairs)} pairs; medians")
    print(f"{'phase':<46}{'this s':>10}{'baseline s':>12}{'ratio':>8}{'lowest':>8}{'highest':>8}")
    labels = list(pairs[0][0])
    labels.remove("lint")
    for label in ["lint", *labels]:
        ours, theirs = [this[label] for this, _ in pairs], [baseline[label] for _, baseline in pairs]
        ratios = [a / b for a, b in zip(ours, theirs) if b]
        spread = f"{statistics.median(ratios):8.3f}{min(ratios):8.3f}{max(ratios):8.3f}" if ratios else f"{'-':>8}" * 3
        print(f"{label:<46}{statistics.median(ours):10.3f}{statistics.median(theirs):12.3f}{spread}")


if __name__ == "__main__":
    main()
