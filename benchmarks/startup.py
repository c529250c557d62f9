"""Where one cold `claimlint check` of one small draft spends its time, for this checkout and (with
--baseline) another, say main's, timed in turn in one run, since the machine is noisy.

Each round runs `claimlint check --no-cache --format json --quiet` once per checkout in a fresh
process, on a draft of health writing (the first of the generated corpus, health_corpus.py, or
--draft) and on a short draft no built-in rule's trigger matches; the checkouts' order alternates. The
process times its own phases: claimlint's imports (until `claimlint.cli` is imported), `import
spacy`, the rest of the pipeline's construction, and the rest (configuration, rules, parsing,
linting, the report, the interpreter's start and exit). Printed: the median of each phase over
the rounds, the ratios between checkouts, and the packages each run imported.

    python benchmarks/startup.py [--rounds 15] [--draft PATH] [--baseline OTHER_CHECKOUT/src]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from health_corpus import build_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# Run in the timed process: claimlint's `main`, with its imports and its pipeline's loading timed, and at
# exit what it took and the top-level packages it imported written to the file argv[2].
_DRIVER = """
import atexit, json, sys, time
started = time.perf_counter()
sys.path.insert(0, sys.argv[1])
out = sys.argv[2]
del sys.argv[1:3]
import claimlint.cli
spans = {"claimlint imports": time.perf_counter() - started}
from claimlint import nlp

def timed(name, function):
    def run(*args, **kwargs):
        begun = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spans[name] = spans.get(name, 0.0) + time.perf_counter() - begun
    return run

nlp._import_spacy = timed("import spacy", nlp._import_spacy)
nlp.load_pipeline = timed("pipeline", nlp.load_pipeline)

def report():
    spans["pipeline"] = spans.get("pipeline", 0.0) - spans.get("import spacy", 0.0)
    packages = sorted({name.split(".")[0] for name in sys.modules if not name.startswith("_")} - set(sys.stdlib_module_names))
    with open(out, "w") as handle:
        json.dump({"spans": spans, "packages": packages,
                   "claimlint modules": sorted(n for n in sys.modules if n.startswith("claimlint"))}, handle)

atexit.register(report)
sys.argv[0] = "claimlint"
claimlint.cli.main()
"""

SMALL_DRAFT_WORDS = 400  # the generated draft's size: a short blog post

# A short draft no built-in rule's trigger matches (whether spaCy was imported shows in the packages
# printed): the cost of a run that never needs the pipeline.
QUIET_DRAFT = """---
title: Packing list
---

# Packing list

- Map
- Socks
- Rain jacket
- Stove and gas

Pack the stove last, so it sits on top. Leave the spare socks in the car.
"""

# As a user runs it: with the bytecode Python caches in __pycache__ (the untimed first round writes it).
ENV = {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")}
PHASES = ("claimlint imports", "import spacy", "pipeline", "the rest")


def one_run(src: Path, draft: Path, folder: Path) -> dict:
    """Time one cold check of `draft` by the checkout whose package folder is `src`."""
    out = folder / "phases.json"
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _DRIVER, str(src), str(out), "check", "--no-cache", "--format",
                             "json", "--quiet", str(draft)], cwd=folder, capture_output=True, text=True,
                            env=ENV)
    wall = time.perf_counter() - started
    if result.returncode not in (0, 1):
        sys.exit(f"claimlint failed ({result.returncode}): {result.stderr.strip()}")
    run = json.loads(out.read_text())
    spans = run["spans"]
    spans["the rest"] = wall - sum(spans.values())
    spans["wall"] = wall
    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15, help="timed runs of each checkout (the median is printed)")
    parser.add_argument("--draft", help="the draft to check (default: the first draft of the generated corpus)")
    parser.add_argument("--baseline", help="another checkout's src folder (say, main's) to time in the same run")
    args = parser.parse_args()
    checkouts = {"this": ROOT / "src"}
    if args.baseline:
        checkouts["baseline"] = Path(args.baseline).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.draft:
            draft = Path(args.draft).resolve()
        else:
            (folder / "corpus").mkdir()
            build_corpus(folder / "corpus", SMALL_DRAFT_WORDS)
            draft = min((folder / "corpus").glob("*.md"))
        quiet = folder / "quiet.md"
        quiet.write_text(QUIET_DRAFT, encoding="utf-8")
        drafts = {"draft": draft, "quiet draft": quiet}
        runs: dict[tuple[str, str], list[dict]] = {(name, kind): [] for name in checkouts for kind in drafts}
        names = list(checkouts)
        for round_ in range(args.rounds + 1):  # the first round is untimed: it fills __pycache__ and the pattern store
            for name in names[round_ % len(names):] + names[: round_ % len(names)]:
                for kind, path in drafts.items():
                    run = one_run(checkouts[name], path, folder)
                    if round_:
                        runs[name, kind].append(run)
        words = len(draft.read_text(encoding="utf-8").split())
        print(f"one cold check (--no-cache, a fresh process), median of {args.rounds} rounds; draft: {draft.name} "
              f"({words} words); quiet draft: no rule's trigger matches it ({len(QUIET_DRAFT.split())} words)")
        medians = {key: {phase: statistics.median(run["spans"].get(phase, 0.0) for run in values)
                         for phase in ("wall", *PHASES)} for key, values in runs.items()}
        print(f"{'checkout, draft':<24}" + "".join(f"{phase:>18}" for phase in ("wall", *PHASES)))
        for (name, kind), phases in medians.items():
            print(f"{name + ', ' + kind:<24}" + "".join(f"{phases[phase]:17.3f}s" for phase in ("wall", *PHASES)))
        if args.baseline:
            print("ratios (this checkout's median over the baseline's):")
            for kind in drafts:
                print(f"  {kind:<12}" + "".join(
                    f"  {phase} {medians['this', kind][phase] / medians['baseline', kind][phase]:.2f}"
                    if medians["baseline", kind][phase] else f"  {phase} -" for phase in ("wall", *PHASES)))
        for (name, kind), values in runs.items():
            last = values[-1]
            print(f"{name}, {kind}: imports {len(last['claimlint modules'])} claimlint modules; packages: "
                  f"{', '.join(last['packages'])}")


if __name__ == "__main__":
    main()
