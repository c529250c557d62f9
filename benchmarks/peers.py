"""claimlint's speed against its peers, as ratios measured in one run on one generated corpus.

Builds a corpus of health-blog drafts (health_corpus.py) in a temporary folder, then times each
tool in turn, the order rotating every round, and prints the median of the rounds and each
tool's time as a multiple of claimlint's (cold, default workers). Peers run on two processes,
each on half of the drafts, as claimlint's default workers do on two cores; the one-draft rows
time a single process on one draft. Every command runs in a fresh process, as a user runs it.

Rows:
- claimlint cold (`--no-cache`) with its default workers and with `-j 1`; warm (a filled cache);
  one draft cold and warm; the same for another checkout given with `--baseline` (say, main's);
- proselint and write-good, when installed (this script installs nothing: see the README for
  their one-line installs into a throwaway folder); markdownlint-cli2 too, when installed;
- the floors no design can beat: one Python regex pass of 100 phrases over every file, and
  spaCy's blank English pipeline with a sentencizer over every word (both on two processes).

It also prints the fraction of the prose's words in sentences a rule's trigger matches (the rest
are settled by the cheap pass) and the fraction spaCy tokenizes (a sentence the cheap pass vouches
is one is tokenized only when a rule reads its tokens), each process's peak memory, and how much faster two processes run than one on the
machine at that moment (2 on two free cores; less when other work shares them).

    python benchmarks/peers.py [--words 1000000] [--rounds 5] [--proselint PATH] [--write-good PATH]
                               [--baseline OTHER_CHECKOUT/src]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from health_corpus import build_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

# A regex pass of 100 phrases over every file: what a linter costs with no parse and no analysis.
_REGEX_FLOOR = """
import re, sys
from pathlib import Path
phrases = Path(sys.argv[1]).read_text().split("\\n")
pattern = re.compile(r"\\b(?:" + "|".join(phrases) + r")\\b", re.IGNORECASE)
print(sum(len(pattern.findall(Path(path).read_text(encoding="utf-8"))) for path in sys.argv[2:]))
"""
# spaCy's blank English pipeline and a sentencizer over every word, as the engine loads it.
_SPACY_FLOOR = """
import sys
from pathlib import Path
import spacy
nlp = spacy.blank("en")
nlp.add_pipe("sentencizer")
print(sum(len(doc) for doc in nlp.pipe(Path(path).read_text(encoding="utf-8") for path in sys.argv[1:])))
"""


def _floor_phrases(folder: Path) -> Path:
    """100 causal verbs of the built-in rule, in their -s form ("reduces", "leads to")."""
    sys.path.insert(0, str(ROOT / "src"))
    from claimlint.rules import builtin_rules_dir, load_rules

    verbs = load_rules([builtin_rules_dir()])["unhedged-causal-claim"].fields["verbs"][:100]
    path = folder / "phrases.txt"
    path.write_text("\n".join(verb.replace(" ", r"s\s+", 1) if " " in verb else verb + "s" for verb in verbs))
    return path


def _run(commands: list[list[str]], cwd: Path, strict: bool = False) -> float:
    """Wall seconds until every command (run side by side) has finished. A peer's exit status is its
    own business (write-good counts suggestions in it); claimlint's (`strict`) must be 0 or 1."""
    errors = [tempfile.TemporaryFile() for _ in commands]  # not pipes: a full one would stall its writer
    started = time.perf_counter()
    processes = [subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=error)
                 for command, error in zip(commands, errors)]
    for process in processes:
        process.wait()
    elapsed = time.perf_counter() - started
    for command, process, error in zip(commands, processes, errors):
        if process.returncode < 0 or process.returncode not in (0, 1) and strict:
            error.seek(0)
            sys.exit(f"{' '.join(command[:5])} ... failed ({process.returncode}): "
                     f"{error.read().decode(errors='replace')[-500:]}")
        error.close()
    return elapsed


# Runs a command as the child of a fresh small interpreter, which reports the largest resident set
# among its descendants (a child forked from this script would start with this script's memory).
_PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _peak(commands: list[list[str]], cwd: Path) -> int:
    """The largest peak resident set, in KB, of any of the commands (or of its workers)."""
    return max(int(subprocess.run([sys.executable, "-c", _PEAK, *command], cwd=cwd, env=ENV, capture_output=True,
                                  text=True).stdout.strip() or 0) for command in commands)


def _claimlint(src: Path) -> list[str]:
    """`claimlint check` (JSON, quiet) run from the checkout whose package folder is `src`."""
    start = f"import sys; sys.path.insert(0, {str(src)!r}); from claimlint.cli import main; main()"
    return [sys.executable, "-c", start, "check", "--format", "json", "--quiet"]


def _tools(args, corpus: Path, halves: list[list[str]], one: str, folder: Path, phrases: Path) -> dict[str, list]:
    """Label -> the commands that make one timed run (side by side when there are two). claimlint's
    labels start with "claimlint" (and "baseline", the checkout given with --baseline)."""
    tools = {}
    checkouts = [("claimlint", ROOT / "src")] + ([("baseline", Path(args.baseline).resolve())] if args.baseline else [])
    for name, src in checkouts:
        claimlint, cache = _claimlint(src), str(folder / f"cache-{name}")
        tools[f"{name} cold"] = [claimlint + ["--no-cache", str(corpus)]]
        tools[f"{name} cold -j 1"] = [claimlint + ["--no-cache", "-j", "1", str(corpus)]]
        tools[f"{name} warm"] = [claimlint + ["--cache-dir", cache, str(corpus)]]
        tools[f"{name} one draft cold"] = [claimlint + ["--no-cache", one]]
        tools[f"{name} one draft warm"] = [claimlint + ["--cache-dir", cache, one]]
    proselint = args.proselint or shutil.which("proselint")
    if proselint:
        tools["proselint"] = [[proselint, "check", *half] for half in halves]
        tools["proselint one draft"] = [[proselint, "check", one]]
    write_good = args.write_good or shutil.which("write-good")
    if write_good:
        tools["write-good"] = [[write_good, "--parse", *half] for half in halves]
        tools["write-good one draft"] = [[write_good, "--parse", one]]
    markdownlint = args.markdownlint or shutil.which("markdownlint-cli2")
    if markdownlint:
        tools["markdownlint-cli2"] = [[markdownlint, *half] for half in halves]
    tools["regex floor (100 phrases)"] = [[sys.executable, "-c", _REGEX_FLOOR, str(phrases), *half] for half in halves]
    tools["spaCy blank + sentencizer"] = [[sys.executable, "-c", _SPACY_FLOOR, *half] for half in halves]
    return tools


def _strict(label: str) -> bool:
    return label.startswith(("claimlint", "baseline"))


_SPIN = "import sys\nx = 0\nfor i in range(int(sys.argv[1])):\n    x += i\n"


def parallel_capacity(cwd: Path) -> float:
    """How many times one process's speed two CPU-bound processes reach side by side: 2 on two free
    cores, 1 when the machine's other work leaves one. Ratios between runs on one and two
    processes are only comparable with this in view."""
    loop = [sys.executable, "-c", _SPIN, "20000000"]
    return 2 * _run([loop], cwd) / _run([loop, loop], cwd)


def spacy_fraction(corpus: Path) -> tuple[int, int, int]:
    """(words in sentences a trigger matches, words spaCy tokenizes, words of prose) over the corpus."""
    sys.path.insert(0, str(ROOT / "src"))
    from claimlint.config import Config, resolve_rules
    from claimlint.linter import Linter
    from claimlint.markdown import parse
    from claimlint.nlp import analyser

    linter = Linter(resolve_rules(Config()))
    tokenizer, tokenized = analyser(), [0]

    def tokenize(text: str, tokenize=tokenizer.tokenize):
        tokenized[0] += len(text.split())
        return tokenize(text)

    tokenizer.tokenize = tokenize
    triggered = total = 0
    for path in sorted(corpus.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        document = parse(text)
        total += sum(len(segment.text.split()) for segment in document.segments)
        triggered += sum(len(candidate.text.split()) for candidate in linter.candidates(document))
        linter.lint(text, str(path))
    return triggered, tokenized[0], total


RATIOS = [("claimlint cold", "baseline cold", "-"), ("claimlint cold -j 1", "baseline cold -j 1", "-"),
          ("claimlint one draft cold", "baseline one draft cold", "-"), ("claimlint warm", "baseline warm", "-"),
          ("claimlint cold", "write-good", "<= 0.8"), ("claimlint cold", "proselint", "<= 0.33"),
          ("claimlint cold", "regex floor (100 phrases)", "<= 3 (stretch)"),
          ("claimlint cold", "spaCy blank + sentencizer", "-"), ("claimlint cold -j 1", "claimlint cold", "<= 2"),
          ("claimlint one draft cold", "proselint one draft", "-"), ("claimlint one draft cold", "write-good one draft", "-")]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5, help="timed runs of each tool (the median is printed)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--proselint", help="the proselint command (default: on PATH)")
    parser.add_argument("--write-good", help="the write-good command (default: on PATH)")
    parser.add_argument("--markdownlint", help="the markdownlint-cli2 command (default: on PATH)")
    parser.add_argument("--only", action="append", default=[], help="time only rows whose label contains this")
    parser.add_argument("--baseline", help="another checkout's src folder (say, main's) to time in the same run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus"
        corpus.mkdir()
        files, words = build_corpus(corpus, args.words, args.seed)
        paths = sorted(str(path) for path in corpus.glob("*.md"))
        halves = [paths[: len(paths) // 2], paths[len(paths) // 2 :]] if len(paths) > 1 else [paths]
        tools = _tools(args, corpus, halves, paths[0], folder, _floor_phrases(folder))
        if args.only:
            tools = {label: runs for label, runs in tools.items()
                     if label == "claimlint cold" or any(part in label for part in args.only)}
        for label in ("claimlint warm", "baseline warm"):
            if label in tools:
                _run(tools[label], folder, strict=True)  # fills the cache
        print(f"two processes run at {parallel_capacity(folder):.2f}x one process's speed on this machine now "
              "(2 on two free cores)")
        peaks = {label: _peak(commands, folder) for label, commands in tools.items()}  # untimed
        times: dict[str, list[float]] = {label: [] for label in tools}
        labels = list(tools)
        for round_ in range(args.rounds):
            shift = round_ % len(labels)
            for label in labels[shift:] + labels[:shift]:  # rotate, so no tool always runs first
                times[label].append(_run(tools[label], folder, strict=_strict(label)))
        triggered, analysed, prose = spacy_fraction(corpus)
        print(f"{files} drafts, {words} words; {triggered / prose:.1%} of the prose's words are in sentences a "
              f"trigger matches, {analysed / prose:.1%} reach spaCy "
              f"({analysed} of {prose})")
        medians = {label: statistics.median(values) for label, values in times.items()}
        print(f"{'row':<28} {'median s':>9} {'peak MB':>8}   (median of {args.rounds} rounds, {os.cpu_count()} cores)")
        for label in labels:
            print(f"{label:<28} {medians[label]:9.2f} {peaks[label] / 1024:8.0f}")
        print("ratios (claimlint's time over the other's; below 1, claimlint is faster):")
        for mine, other, target in RATIOS:
            if mine in medians and other in medians:
                print(f"  {mine + ' / ' + other:<52} {medians[mine] / medians[other]:6.2f}   target {target}")


if __name__ == "__main__":
    main()
