"""`claimlint check --dask` against a plain local run: throughput, overhead, memory, and an estimate.

On a tree of generated drafts (the sentences speed.py uses), one run each, no cache:
- the plain local run with 2 forked workers (`-j 2`), `--dask local:1` and `--dask local:2`: time
  and drafts per second, and local:2's time as a ratio of the local run's (one run, same machine);
- the overhead per draft of local:2 over the local run, and the fixed cost of starting a cluster
  (a run of `--dask local:2` on one draft);
- peak memory: of the client (a run against a LocalCluster of 2 workers this script starts,
  `--dask tcp://...`, so the client process has no worker in it) and of each worker;
- a paper estimate of the wall time for `--pages` pages on `--workers` workers, from the measured
  cost per draft on one worker, the cost of a batch (measured with batches of one tiny draft), and
  the client's CPU per draft (it reads and sends every draft).

    python benchmarks/dask_scale.py [--files 10000] [--pages 10000000] [--workers 50]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import _texts  # noqa: E402
from speed import ROOT, _sentences  # noqa: E402

sys.path.insert(0, str(ROOT / "src"))
import claimlint.dask  # noqa: E402
from claimlint.config import Config, resolve_rules  # noqa: E402
from claimlint.dask import BATCH_BYTES, lint_jobs  # noqa: E402
from claimlint.linter import Linter  # noqa: E402

# A fresh interpreter runs claimlint and reports its peak RSS and CPU time (RUSAGE_CHILDREN: the
# largest of the processes it and its descendants waited for, and their sum): for a `local:N`
# run that takes in the workers, for a run against a running cluster only the client.
_WRAPPER = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime, code.returncode, code.stderr.strip()[-300:])
"""


def measure(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """(seconds, peak RSS in MB, CPU seconds) of one `claimlint check --no-cache -q` run."""
    command = [sys.executable, "-m", "claimlint", "check", "--no-cache", "-q", *args]
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _WRAPPER, *command], cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    peak, cpu, status, stderr = (result.stdout.split(" ", 3) + ["", "", ""])[:4]
    if status not in ("0", "1"):
        sys.exit(f"claimlint {' '.join(args)} failed ({status}): {stderr or result.stderr.strip()}")
    return elapsed, int(peak) / 1024, float(cpu)


BATCHES = 400


def _batch_cost(client) -> float:
    """Seconds of a worker's time that a batch costs beyond its drafts: BATCHES batches of one
    one-line draft each, through the code `--dask` runs (linters sent once, batches in flight)."""
    jobs = [(n, f"{n}.md", f"{n}.md", (), "Hi.\n") for n in range(BATCHES)]
    linters = {(): (Linter(resolve_rules(Config())), "")}
    list(lint_jobs(client, jobs[:8], linters, None, False))  # every worker has loaded the pipeline
    claimlint.dask.BATCH_DRAFTS, kept = 1, claimlint.dask.BATCH_DRAFTS
    try:
        started = time.perf_counter()
        assert len(list(lint_jobs(client, jobs, linters, None, False))) == BATCHES
        return (time.perf_counter() - started) * sum(client.nthreads().values()) / BATCHES
    finally:
        claimlint.dask.BATCH_DRAFTS = kept


def _worker_peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--pages", type=int, default=10_000_000, help="archive size for the estimate")
    parser.add_argument("--workers", type=int, default=50, help="cluster size for the estimate")
    args = parser.parse_args()
    import distributed

    rng, sentences = random.Random(20261207), _sentences()
    texts = _texts(rng, sentences)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        paths = []
        for number in range(args.files):
            path = root / "tree" / f"d{number // 100:03d}" / f"draft-{number:05d}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(next(texts), encoding="utf-8")
            paths.append(path)
        size = sum(path.stat().st_size for path in paths) / len(paths)
        print(f"{args.files} drafts, {size / 1000:.1f} KB each on average; one run each, no cache")

        runs = {}
        for name, extra in (("local -j 2", ["-j", "2"]), ("--dask local:1", ["--dask", "local:1"]),
                            ("--dask local:2", ["--dask", "local:2"])):
            runs[name] = measure([*extra, "tree"], root)
            seconds, peak, _ = runs[name]
            print(f"{name:<16} {seconds:7.1f} s  {args.files / seconds:6.1f} drafts/s  peak RSS {peak:.0f} MB"
                  " (the largest process)")
        start, _, _ = measure(["--dask", "local:2", str(paths[0].relative_to(root))], root)
        local, single, double = (runs[name][0] for name in ("local -j 2", "--dask local:1", "--dask local:2"))
        print(f"--dask local:2 takes {double / local:.2f}x the local run's time; overhead per draft "
              f"{(double - local) / args.files * 1000:+.2f} ms, of which starting the cluster "
              f"({start:.1f} s for a run of one draft) is {start / args.files * 1000:.2f} ms")

        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                      silence_logs=40) as cluster, distributed.Client(cluster) as client:
            address = cluster.scheduler_address
            fixed, _, fixed_cpu = measure(["--dask", address, str(paths[0].relative_to(root))], root)
            seconds, client_peak, client_cpu = measure(["--dask", address, "tree"], root)
            workers = sorted(client.run(_worker_peak).values())
            per_batch = _batch_cost(client)
        client_cpu = (client_cpu - fixed_cpu) / (args.files - 1)  # a draft's share, without starting up
        print(f"against a running cluster of 2: {seconds:.1f} s ({fixed:.1f} s for one draft); peak RSS of the "
              f"client {client_peak:.0f} MB, of each worker {', '.join(f'{peak:.0f}' for peak in workers)} MB; "
              f"client CPU {client_cpu * 1000:.2f} ms per draft")

        # The estimate: each draft costs `per_draft` on one worker, each batch `per_batch` more
        # (scheduling, sending, results), the client `client_cpu` per draft, the cluster `start`.
        per_draft = (single - start) / args.files
        drafts_per_batch = max(1, BATCH_BYTES // size)
        work = args.pages * per_draft / args.workers
        scheduling = args.pages / drafts_per_batch * per_batch / args.workers
        feeding = args.pages * client_cpu
        estimate = start + max(work + scheduling, feeding)
        print(f"per draft on one worker {per_draft * 1000:.1f} ms; per batch {per_batch * 1000:.1f} ms of a worker's "
              f"time ({BATCHES} batches of one one-line draft, on the same cluster)")
        print(f"estimate for {args.pages:,} pages of {size / 1000:.1f} KB on {args.workers} workers: "
              f"{estimate / 3600:.1f} h (linting {work / 3600:.2f} h + batches {scheduling / 3600:.2f} h of "
              f"{args.pages / drafts_per_batch:,.0f}; the client reads and sends at "
              f"{1 / client_cpu:,.0f} drafts/s, {feeding / 3600:.2f} h for all, "
              f"{args.pages * size / 1e9:.0f} GB)")


if __name__ == "__main__":
    main()
