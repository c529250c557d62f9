"""Time `claimlint.lint_text` on a draft of about N words: the first call (rules and the NLP
pipeline load) and the calls after it, as an editor or a publishing tool makes them.

The draft is built from the project's own sample drafts (fixtures/eval), paragraph by paragraph,
until it has N words. Later calls lint the draft as an editor changes it (a number in one
paragraph, a line added at the end: the linter re-lints only the paragraphs that changed), and
then as a new draft (every paragraph changed, so nothing is remembered).

    python benchmarks/api_speed.py [--words 2000] [--calls 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout, installed or not


def draft(words: int) -> str:
    """About `words` words of health Markdown from the sample drafts, whole paragraphs at a time."""
    paragraphs = [block for path in sorted((ROOT / "fixtures" / "eval").glob("[0-9]*.md"))
                  for block in path.read_text(encoding="utf-8").split("\n\n") if block.strip()]
    chosen, count = [], 0
    while count < words:
        block = paragraphs[len(chosen) % len(paragraphs)]
        chosen.append(block)
        count += len(block.split())
    return "\n\n".join(chosen) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--calls", type=int, default=20)
    args = parser.parse_args()
    text = draft(args.words)
    started = time.perf_counter()
    import claimlint

    imported = time.perf_counter()
    findings = claimlint.lint_text(text)
    first = time.perf_counter()
    times, fresh = [], []
    for call in range(args.calls):
        changed = text.replace("70%", f"{70 + call % 9}%", 1) + f"\nUpdated on day {call}.\n"
        before = time.perf_counter()
        claimlint.lint_text(changed)
        times.append(time.perf_counter() - before)
        new = text.replace("\n\n", f" (draft {call})\n\n")
        before = time.perf_counter()
        claimlint.lint_text(new)
        fresh.append(time.perf_counter() - before)
    print(f"draft: {len(text.split())} words, {len(findings)} findings")
    print(f"import claimlint: {(imported - started) * 1000:.0f} ms")
    print(f"first lint_text (loads rules and pipeline): {(first - imported) * 1000:.0f} ms")
    for label, figures in (("the draft edited", times), ("a new draft (every paragraph new)", fresh)):
        print(f"later lint_text, {label}, over {args.calls} calls: median {statistics.median(figures) * 1000:.1f} ms, "
              f"min {min(figures) * 1000:.1f} ms, max {max(figures) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
