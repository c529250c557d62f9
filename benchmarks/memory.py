"""Peak memory and wall time of `claimlint check` on one large draft and on a tree of many drafts.

The drafts are built in a temporary folder from the same sentences as speed.py (the BioScope and
PubMed sentences in ../shared/data, or copies of fixtures/eval without it). Each command runs in
a fresh process with no cache and one worker, so the peak is that of the one process doing the
work (with workers, each has its own).

    python benchmarks/memory.py [--megabytes 10] [--files 10000] [--write-baseline]

A report is streamed, so the tree's peak should not grow with --files; --write-baseline also
measures a run that records the tree's findings, which keeps a small record of each until the end.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import ROOT, _draft, _sentences  # noqa: E402


def _texts(rng: random.Random, sentences: list[str]):
    drafts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "eval").glob("[0-9]*.md"))]
    while True:
        yield _draft(rng, sentences) if sentences else rng.choice(drafts)


# Run claimlint as the child of a fresh interpreter, which reports that child's peak alone
# (RUSAGE_CHILDREN keeps the largest child ever waited for, so one process measures one run).
_WRAPPER = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code.returncode, code.stderr.strip()[-300:])
"""


def measure(paths: list[str], cwd: Path) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of one claimlint run in a fresh process."""
    command = [sys.executable, "-m", "claimlint", "check", "--no-cache", "-q", "-j", "1", *paths]
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _WRAPPER, *command], cwd=cwd, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
    elapsed = time.perf_counter() - started
    peak, status, stderr = (result.stdout.split(" ", 2) + ["", ""])[:3]
    if status not in ("0", "1"):
        sys.exit(f"claimlint failed ({status}): {stderr or result.stderr.strip()}")
    return int(peak) / 1024, elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=10)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--write-baseline", action="store_true", help="also measure --write-baseline on the tree")
    args = parser.parse_args()
    rng, sentences = random.Random(20261201), _sentences()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        texts, parts, size = _texts(rng, sentences), [], 0
        while size < args.megabytes * 1_000_000:
            parts.append(next(texts))
            size += len(parts[-1].encode("utf-8")) + 2
        (root / "big.md").write_text("\n\n".join(parts), encoding="utf-8")
        peak, elapsed = measure(["big.md"], root)
        print(f"one draft of {size / 1e6:.1f} MB: peak RSS {peak:.0f} MB, {elapsed:.1f} s")
        tree = root / "tree"
        for number in range(args.files):
            folder = tree / f"d{number // 100:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"draft-{number:05d}.md").write_text(next(texts), encoding="utf-8")
        peak, elapsed = measure(["tree"], root)
        print(f"a tree of {args.files} drafts: peak RSS {peak:.0f} MB, {elapsed:.1f} s")
        if args.write_baseline:
            peak, elapsed = measure(["--write-baseline", "baseline.json", "tree"], root)
            print(f"the same with --write-baseline: peak RSS {peak:.0f} MB, {elapsed:.1f} s")


if __name__ == "__main__":
    main()
