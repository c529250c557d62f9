"""Is claimlint's cost linear in its input? Times the engine on generated health-blog corpora of
10k, 100k and 1M words, and on single paragraphs of 10,000 and 100,000 characters (sentences run
together, and one unpunctuated line of words, which the engine cuts into bounded pieces), and
prints the cost per word or character at each size as a multiple of the smallest's.

Linear means no multiple above 1.2 (the target: within 20% of linear); below 1, larger inputs
cost less per word, as the tokenizer's and the rules' caches fill. The one-paragraph shapes are
also compared with the same sentences written as paragraphs of four. Each size runs in its own
fresh process after one warm-up draft, so the pipeline's loading is not counted, and the
process's CPU time is reported (wall time on a shared machine measures the neighbours).

    python benchmarks/linearity.py [--sizes 10000 100000 1000000] [--paragraph 10000 100000]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from health_corpus import _Writer, build_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# Lints every .md file under a folder in one process; prints CPU seconds and findings.
_TIME = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from claimlint.config import Config, resolve_rules
from claimlint.linter import Linter
linter = Linter(resolve_rules(Config()))
linter.lint("Sugar causes cavities. About 70% of adults agree, studies show.\\n", "warm.md")
texts = [path.read_text(encoding="utf-8") for path in sorted(Path(sys.argv[2]).rglob("*.md"))]
started = time.process_time()
findings = sum(len(linter.lint(text, "draft.md")) for text in texts)
print(time.process_time() - started, findings)
"""


def _time(folder: Path) -> float:
    result = subprocess.run([sys.executable, "-c", _TIME, str(ROOT / "src"), str(folder)],
                            capture_output=True, text=True, check=True)
    return float(result.stdout.split()[0])


def _paragraphs(folder: Path, characters: int, seed: int) -> dict[str, Path]:
    """One draft per shape: sentences as one paragraph, the same sentences as paragraphs of a few
    sentences each, and one unpunctuated line."""
    writer, rng = _Writer(random.Random(seed)), random.Random(seed)
    sentences = []
    while sum(len(s) + 1 for s in sentences) < characters:
        sentences.append(writer.sentence())
    words = "tea may reduce pain and help sleep while stress worsens acne for some readers".split()
    line = []
    while sum(len(w) + 1 for w in line) < characters:
        line.append(rng.choice(words))
    shapes = {"one paragraph": " ".join(sentences) + "\n",
              "same sentences as paragraphs": "\n\n".join(" ".join(sentences[i : i + 4])
                                                          for i in range(0, len(sentences), 4)) + "\n",
              "one unpunctuated line": " ".join(line) + "\n"}
    paths = {}
    for name, text in shapes.items():
        path = folder / f"{name.replace(' ', '-')}-{characters}" / "draft.md"
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
        paths[name] = path.parent
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000], help="corpus words")
    parser.add_argument("--paragraph", type=int, nargs="+", default=[10_000, 100_000], help="paragraph characters")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'corpus':<34} {'words':>10} {'CPU s':>8} {'µs/word':>9} {'x smallest':>10}")
        base = None
        for size in args.sizes:
            corpus = folder / f"corpus-{size}"
            corpus.mkdir()
            _, words = build_corpus(corpus, size, args.seed)
            seconds = _time(corpus)
            per = seconds / words * 1e6
            base = base or per
            print(f"{'health-blog drafts':<34} {words:>10} {seconds:>8.2f} {per:>9.2f} {per / base:>10.2f}")
        print(f"\n{'paragraph':<34} {'chars':>10} {'CPU s':>8} {'µs/char':>9} {'x smallest':>10}")
        shapes: dict[str, float] = {}
        for characters in args.paragraph:
            costs = {}
            for name, path in _paragraphs(folder, characters, args.seed).items():
                seconds = _time(path)
                size = len((path / "draft.md").read_text(encoding="utf-8"))
                per = seconds / size * 1e6
                shapes.setdefault(name, per)
                print(f"{name:<34} {size:>10} {seconds:>8.3f} {per:>9.2f} {per / shapes[name]:>10.2f}")
                costs[name] = per
            print(f"{'  one paragraph / as paragraphs':<34} {'':>10} {'':>8} {'':>9} "
                  f"{costs['one paragraph'] / costs['same sentences as paragraphs']:>10.2f}")


if __name__ == "__main__":
    main()
