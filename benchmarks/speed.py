"""Time `claimlint check` end to end on a corpus of about N words of health Markdown.

The corpus is built in a temporary folder, one draft per file, from real sentences: the BioScope
and PubMed sentences in ../shared/data (about 400,000 distinct words), sampled with a fixed seed
into drafts with headings, paragraphs, lists, links and footnotes. Without ../shared it falls
back to copies of fixtures/eval, which repeat text and so flatter the tokenizer's cache. Each
command runs in a fresh process, as a user runs it: cold (no cache) with the default workers and
with one, then filling the cache, then warm.

    python benchmarks/speed.py [--words 1000000]
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def _sentences() -> list[str]:
    bioscope = SHARED / "hedging" / "bioscope_sentences.tsv"
    pubmed = SHARED / "causal" / "pubmed_conclusions.csv"
    if not (bioscope.exists() and pubmed.exists()):
        return []
    with bioscope.open(encoding="utf-8", newline="") as handle:
        rows = [row["sentence"] for row in csv.DictReader(handle, delimiter="\t")]
    with pubmed.open(encoding="utf-8", newline="") as handle:
        rows += [row["sentence"] for row in csv.DictReader(handle)]
    return [" ".join(row.split()) for row in rows if len(row.split()) > 3]


def _draft(rng: random.Random, sentences: list[str]) -> str:
    pick = lambda n: " ".join(rng.choice(sentences) for _ in range(n))  # noqa: E731
    parts = ["# " + " ".join(rng.choice(sentences).split()[:6]), ""]
    for section in range(rng.randint(2, 4)):
        parts += [f"## Part {section + 1}", ""]
        for _ in range(rng.randint(2, 4)):
            text = pick(rng.randint(2, 5))
            if rng.random() < 0.3:
                text += f" [source](https://example.org/{rng.randint(1, 9999)})"
            parts += [text, ""]
        if rng.random() < 0.5:
            parts += [f"- {pick(1)}" for _ in range(3)] + [""]
    return "\n".join(parts)


def build_corpus(folder: Path, words: int) -> tuple[int, int]:
    sentences = _sentences()
    rng = random.Random(20261124)
    drafts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "eval").glob("[0-9]*.md"))]
    total = files = 0
    while total < words:
        text = _draft(rng, sentences) if sentences else drafts[files % len(drafts)]
        (folder / f"draft-{files:05d}.md").write_text(text, encoding="utf-8")
        files += 1
        total += len(text.split())
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
        print(f"{files} files, {words} words ({'sampled real sentences' if _sentences() else 'copies of fixtures/eval'})")
        for label, extra in (("cold, default workers", ["--no-cache"]), ("cold, --jobs 1", ["--no-cache", "--jobs", "1"]),
                             ("filling the cache", ["--cache-dir", str(cache)]), ("warm cache", ["--cache-dir", str(cache)])):
            elapsed = timed(base + extra)
            print(f"  {label:<22} {elapsed:6.2f} s  {words / elapsed:>10,.0f} words/s")


if __name__ == "__main__":
    main()
