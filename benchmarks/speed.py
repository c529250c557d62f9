"""Time `claimlint check` end to end on a corpus of about N words of health Markdown.

The corpus is the eval drafts (fixtures/eval) copied until it reaches the size asked for, one
file per copy, in a temporary folder; each command runs in a fresh process, as a user runs it.
Prints the cold run (no cache) with the default workers and with one, then a warm run that
finds every result cached.

    python benchmarks/speed.py [--words 1000000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_corpus(folder: Path, words: int) -> tuple[int, int]:
    drafts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "eval").glob("[0-9]*.md"))]
    total = files = 0
    while total < words:
        for text in drafts:
            (folder / f"draft-{files:05d}.md").write_text(text, encoding="utf-8")
            files += 1
            total += len(text.split())
            if total >= words:
                break
    return files, total


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        sys.exit(f"claimlint failed ({result.returncode}): {result.stderr.strip()}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, cache = Path(tmp) / "corpus", Path(tmp) / "cache"
        corpus.mkdir()
        files, words = build_corpus(corpus, args.words)
        base = [sys.executable, "-m", "claimlint", "check", "--format", "json", "--quiet", str(corpus)]
        print(f"{files} files, {words} words")
        for label, extra in (("cold, default workers", ["--no-cache"]), ("cold, --jobs 1", ["--no-cache", "--jobs", "1"]),
                             ("filling the cache", ["--cache-dir", str(cache)]), ("warm cache", ["--cache-dir", str(cache)])):
            elapsed = timed(base + extra)
            print(f"  {label:<22} {elapsed:6.2f} s  {words / elapsed:>10,.0f} words/s")


if __name__ == "__main__":
    main()
