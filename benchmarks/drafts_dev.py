"""Accuracy on the real dev drafts (../shared/data/drafts-dev), scored by that set's own score.py.

The drafts are rebuilt outside the project (see ../shared/data/drafts-dev/README.md) and read from
the folder given here; nothing of them is stored in the project.

    python benchmarks/drafts_dev.py ../drafts-dev                 # the scorer's one line of figures
    python benchmarks/drafts_dev.py ../drafts-dev --second        # against the second reader (12 drafts)
    python benchmarks/drafts_dev.py OTHER/drafts --expected OTHER/expected.json   # any set annotated the same way
    python benchmarks/drafts_dev.py ../drafts-dev --explain [--only miss|fp|disclaimer] [--class causal]

`--explain` prints each miss and false positive with its source line and the findings claimlint
made there (rule, pattern and match), which is where a change should start.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT.parent / "shared" / "data" / "drafts-dev"
LOG_LINE = re.compile(r"^(miss|fp\(must_not\)|fp|disclaimer) (\S+?)(?::(\d+))?(?: (\S+))?(?:: (.*))?$")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("drafts", help="the folder rebuild.sh wrote the drafts into")
    parser.add_argument("--set", default=str(SET), help="the drafts-dev folder of ../shared (score.py, expected.json)")
    parser.add_argument("--second", action="store_true", help="score against the second reader's annotations")
    parser.add_argument("--expected", help="score against these annotations instead (a set annotated like drafts-dev)")
    parser.add_argument("--config", help="a claimlint configuration to score with")
    parser.add_argument("--explain", action="store_true", help="list every error with its line and findings")
    parser.add_argument("--only", choices=("miss", "fp", "disclaimer"), help="with --explain: one kind of error")
    parser.add_argument("--class", dest="cls", help="with --explain: one class (stat, causal, vague, overclaim)")
    args = parser.parse_args()
    score = Path(args.set) / "score.py"
    if not score.exists():
        print(f"no scorer at {score}: is ../shared beside the project?", file=sys.stderr)
        return 2
    command = [sys.executable, str(score), str(Path(args.drafts).resolve()),
               "--claimlint", f"{sys.executable} -m claimlint"]
    if args.second or args.expected:
        command += ["--expected", args.expected or str(Path(args.set) / "expected_second.json")]
    if args.config:
        command += ["--config", args.config]
    if args.explain:
        command.append("-v")
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        print(result.stdout + result.stderr, file=sys.stderr)
        return result.returncode
    lines = result.stdout.splitlines()
    if args.explain:
        explain(lines[:-1], Path(args.drafts), args)
    print(lines[-1])
    return 0


def explain(log: list[str], drafts: Path, args) -> None:
    """Print each logged error with its source line and claimlint's findings on that line."""
    findings = _findings(drafts, {LOG_LINE.match(entry).group(2) for entry in log if LOG_LINE.match(entry)}, args)
    for entry in log:
        match = LOG_LINE.match(entry)
        if not match:
            continue
        kind, path, line, cls, rest = match.groups()
        if args.only and not kind.startswith(args.only) or args.cls and cls != args.cls:
            continue
        if kind == "disclaimer":
            print(entry)
            continue
        source = (drafts / path).read_text(encoding="utf-8", errors="replace").splitlines()
        text = source[int(line) - 1].strip() if int(line) <= len(source) else ""
        print(f"{kind:13} {path}:{line} {cls}\n    | {text[:300]}")
        for finding in findings.get((path, int(line)), []):
            pattern = f" ({finding['pattern']})" if finding.get("pattern") else ""
            print(f"    > {finding['rule']}{pattern}: {finding['match']!r}")


def _findings(drafts: Path, paths: set[str], args) -> dict:
    command = [sys.executable, "-m", "claimlint", "check", "--no-cache", "--format", "json", *sorted(paths)]
    if args.config:
        command[4:4] = ["--config", str(Path(args.config).resolve())]
    output = subprocess.run(command, cwd=drafts, capture_output=True, text=True).stdout
    by_line = defaultdict(list)
    for finding in json.loads(output)["findings"] if output else []:
        by_line[(finding["path"], finding["line"])].append(finding)
    return by_line


if __name__ == "__main__":
    sys.exit(main())
