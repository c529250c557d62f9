"""What `--format html` costs on a large run, and how long a browser takes to open the page.

Copies of the fixtures/eval drafts are linted once to warm a cache, then `claimlint check` runs
with `--format json` and with `--format html` (the difference is the page's own cost), and headless
Chromium opens the page: plain, and at a link to the last finding (which expands its draft).

    python benchmarks/html_report.py [--files 1000]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], cwd: Path) -> tuple[float, bytes]:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        sys.exit(f"{command[0]} failed ({result.returncode}): {result.stderr.decode(errors='replace')[-500:]}")
    return elapsed, result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    args = parser.parse_args()
    drafts = sorted((ROOT / "fixtures" / "eval").glob("[0-9]*.md"))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for index in range(args.files):
            target = root / "posts" / f"{index:04d}-{drafts[index % len(drafts)].name}"
            target.parent.mkdir(exist_ok=True)
            target.write_bytes(drafts[index % len(drafts)].read_bytes() + f"\nPost {index}.\n".encode())
        check = [sys.executable, "-m", "claimlint", "check", "--cache-dir", str(root / "cache"), "posts"]
        warm, _ = timed(check + ["--format", "json"], root)
        json_seconds, _ = timed(check + ["--format", "json"], root)
        html_seconds, page = timed(check + ["--format", "html"], root)
        (root / "report.html").write_bytes(page)
        findings = page.count(b'<li class="finding"')
        print(f"{args.files} drafts, {findings} findings; first run (cache cold) {warm:.2f} s")
        print(f"cached run: --format json {json_seconds:.2f} s, --format html {html_seconds:.2f} s "
              f"(x{html_seconds / json_seconds:.2f}); page {len(page) / 1e6:.1f} MB")
        browser = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
        if browser is None:
            print("Chromium is absent: no browser figures")
            return
        chromium = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    f"--user-data-dir={root / 'profile'}", "--dump-dom"]
        blank, _ = timed(chromium + ["about:blank"], root)
        opened, _ = timed(chromium + [(root / "report.html").as_uri()], root)
        linked, _ = timed(chromium + [(root / "report.html").as_uri() + f"#f-{findings - 1}"], root)
        print(f"Chromium --dump-dom: about:blank {blank:.2f} s, the page {opened:.2f} s, "
              f"at its last finding {linked:.2f} s (the page's own cost: {opened - blank:.2f} s)")


if __name__ == "__main__":
    main()
