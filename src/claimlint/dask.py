"""Lint on a Dask cluster: `claimlint check --dask ADDRESS`, and `lint_bag` for pipelines that run Dask.

With `--dask`, the client (this process) keeps discovery, configuration, the cache and the
baseline, exactly as in a local run; only the drafts that missed the cache go to the cluster. The
client reads them and sends their text, so workers need not see its files, in batches of about
`BATCH_BYTES` (smaller when there are too few drafts to give every worker `BATCHES_PER_WORKER`).
The run's linters go to the cluster once, and each worker process loads the NLP pipeline on its
first batch and keeps it. The client takes the run's files as batches go out: at most
`IN_FLIGHT` batches per worker thread are out unfinished, and `AHEAD` in all, so it holds a few
batches' texts and results, not the archive's; results come back batch by batch in order (a
batch done early waits on its worker), so the run streams as a local one does. Every batch is a
task of the graph with its text in it: a worker that dies takes nothing with it, Dask runs its
batch again elsewhere; a batch that kills every worker it meets makes its drafts input errors.

    from claimlint.dask import lint_bag
    findings = lint_bag(dask.bag.from_sequence(paths, npartitions=64)).compute()

Dask is optional (`pip install 'claimlint[dask]'`); this module imports it only when used.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from contextlib import ExitStack, contextmanager
from dataclasses import fields
from typing import Iterable

from claimlint.cache import Cache
from claimlint.errors import ClaimlintError, InputError
from claimlint.findings import FileResult, Finding, Problem
from claimlint.linter import Linter
from claimlint.source import read_source

BATCH_BYTES = 256 * 1024  # of Markdown per batch: about 2 s of linting, against milliseconds of overhead
BATCH_DRAFTS = 1000  # at most, so that a tree of tiny drafts is still cut into batches
BATCHES_PER_WORKER = 4  # at least, when the run is small: no worker waits on another's long batch
IN_FLIGHT = 2  # batches out per worker thread: one running, one waiting for it
AHEAD = 4  # batches per worker thread out or done, waiting for an earlier one to be reported first
CONNECT_TIMEOUT = "10s"
INSTALL = "pip install 'claimlint[dask]'"


def local_workers(address: str) -> int | None:
    """N for `local:N` (a LocalCluster of N worker processes), None for a scheduler's address."""
    if not address.startswith("local"):
        return None
    name, _, count = address.partition(":")
    if name != "local" or not count.isdigit() or int(count) < 1:
        raise ClaimlintError(f"'{address}': write local:N for a local cluster of N workers (N ≥ 1), "
                             "or a scheduler's address such as tcp://host:8786")
    return int(count)


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise ClaimlintError(f"--dask needs Dask's distributed scheduler: {INSTALL} ({exc})") from None
    return distributed


@contextmanager
def connect(address: str):
    """A Dask client for `address`: a scheduler's, or `local:N` to start a LocalCluster of N
    single-threaded worker processes for as long as the client is open."""
    workers = local_workers(address)
    distributed = _distributed()
    with ExitStack() as stack:
        try:
            if workers is None:
                client = stack.enter_context(distributed.Client(address, timeout=CONNECT_TIMEOUT))
            else:
                cluster = stack.enter_context(distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                    silence_logs=logging.ERROR))
                client = stack.enter_context(distributed.Client(cluster))
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClaimlintError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        yield client


def lint_on_cluster(address: str, items: Iterable, linters: dict[tuple, tuple[Linter, str]], cache: Cache | None,
                    whole_drafts: bool):
    """Yield the result of each of `items` (the runner's results and jobs, in order), the jobs
    linted on the cluster at `address`, as their batches come back."""
    with connect(address) as client:
        yield from lint_jobs(client, items, linters, cache, whole_drafts)


def lint_jobs(client, items: Iterable, linters: dict[tuple, tuple[Linter, str]], cache: Cache | None,
              whole_drafts: bool):
    """Yield the result of each of `items`, in order: a result as it is (a cached one), a job
    (runner.Job: position, path, display path, linter key, text or None) linted on `client`'s
    cluster; the client caches the results. `items` are read as batches go out, in order, at most
    IN_FLIGHT per worker thread unfinished, and taken back in order: one that finishes ahead of
    the one due waits on its worker, at most AHEAD per worker thread in all, so the client holds a
    few batches' texts and results however many drafts there are and however slow one batch is.
    A batch that kills workers more often than the scheduler's `allowed-failures` allows makes
    each of its drafts an input error; the others go on."""
    from claimlint.runner import Job

    distributed = _distributed()
    threads = sum(client.nthreads().values()) or 1
    shared = client.submit(_shared, linters, pure=False)  # sent once; each worker fetches it once
    out: deque = deque()  # each batch sent, in order: (future or None, its slots)
    batches = _batches(items, threads)

    def send_more():
        while (sum(future is not None and not future.done() for future, _ in out) < IN_FLIGHT * threads
               and len(out) < AHEAD * threads and (batch := next(batches, None)) is not None):
            slots = []  # each job with its text, or a result: cached, or of a draft that cannot be read
            for item in batch:
                job = item if isinstance(item, FileResult) else Job._make(item)
                if isinstance(job, Job) and job.text is None:
                    try:
                        job = job._replace(text=read_source(job.path))
                    except InputError as exc:  # reported as a local run reports it
                        job = FileResult(job.display, None, problem=Problem(exc.path, str(exc)))
                slots.append(job)
            sent = [slot for slot in slots if isinstance(slot, Job)]
            out.append((client.submit(_lint_batch, shared, sent, whole_drafts, pure=False) if sent else None, slots))

    while True:
        send_more()
        if not out:
            return
        head = out[0][0]
        while head is not None and not head.done():  # another batch done meanwhile frees a worker for the next
            distributed.wait([future for future, _ in out if future is not None and not future.done()],
                             return_when="FIRST_COMPLETED")
            send_more()
        future, slots = out.popleft()
        results = iter(())
        if future is not None:
            sent = [slot for slot in slots if isinstance(slot, Job)]
            try:
                results = iter(future.result())
            except distributed.KilledWorker:
                results = iter([_killed(job, sent) for job in sent])
            future.release()
        for slot in slots:
            if isinstance(slot, FileResult):
                yield slot
                continue
            result = next(results)
            if cache and result.problem is None:
                cache.put(linters[slot.linter][1], slot.text, result.findings)
            yield result


def _killed(job, batch: list) -> FileResult:
    """The result of a draft whose batch (`batch`, the drafts sent together) kept killing the
    workers that linted it."""
    which = (f"its batch of {len(batch)} drafts (from {batch[0].display})" if len(batch) > 1 else "it")
    return FileResult(job.display, None, problem=Problem(
        job.display, f"{job.display}: not linted: {which} killed every Dask worker that linted it, as often as "
                     "the scheduler allows (distributed.scheduler.allowed-failures); lint the drafts alone to "
                     "find the one at fault"))


def _size(item) -> int:
    """The bytes of Markdown an item stands for: a job's text, or its file's size; a result's
    file's size too, since a result waits its turn among the batches as a linted one does and is
    about as large."""
    path, text = (item.path, None) if isinstance(item, FileResult) else (item[1], item[4])
    if text is not None:
        return len(text)
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # reading it will say what is wrong, or has said


def _batches(items: Iterable, threads: int):
    """`items` in order, cut into batches of about BATCH_BYTES of drafts (at least one item, at
    most BATCH_DRAFTS each), or smaller when the run is so small that `threads` worker threads
    would not get BATCHES_PER_WORKER each: the first `threads` * BATCHES_PER_WORKER * BATCH_BYTES
    are read ahead to tell."""
    items, ahead, total = iter(items), deque(), 0  # ahead: (item, its size)
    for item in items:
        ahead.append((item, _size(item)))
        total += ahead[-1][1]
        if total >= threads * BATCHES_PER_WORKER * BATCH_BYTES:
            break
    target = max(1, min(BATCH_BYTES, total // (threads * BATCHES_PER_WORKER)))

    def sized():
        while ahead:
            yield ahead.popleft()  # let go as it goes out
        yield from ((item, _size(item)) for item in items)

    batch, size = [], 0
    for item, item_size in sized():
        batch.append(item)
        size += item_size
        if size >= target or len(batch) >= BATCH_DRAFTS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _shared(value):
    return value


def _lint_batch(linters: dict[tuple, tuple[Linter, str]], jobs: list, whole_drafts: bool) -> list:
    """On a worker: each job's result, in order; nothing is cached there."""
    from claimlint.runner import lint_job

    return [lint_job(job, linters, None, whole_drafts) for job in jobs]


FIELDS = [field.name for field in fields(Finding) if field.name not in ("context", "suppressed")]


def lint_bag(paths, config=None):
    """A `dask.bag` of the findings of the Markdown files whose paths `paths` (a bag) holds, each
    a dict with the JSON report's fields and `error` None; a file that cannot be read or linted
    is one dict with its `path` and `error` (the message) and the other fields None. `config` is
    as for `claimlint.lint_text`: a configuration file's path, a `Config`, or None for the one
    nearest each file. Workers read the files and configurations, so they must see them."""
    return paths.map_partitions(_lint_partition, config)


def _lint_partition(paths, config) -> list[dict]:
    from claimlint.api import linter_for, resolve_config
    from claimlint.runner import Job, lint_job

    records = []
    for path in map(os.fspath, paths):
        loaded = resolve_config(config, path)
        if loaded.excludes(path):
            continue
        key = "bag"
        result = lint_job(Job(0, path, path, key), {key: (linter_for(loaded, path), "")})
        records += [{**finding.to_dict(), "error": None} for finding in result.findings or ()]
        if result.problem:
            records.append({**dict.fromkeys(FIELDS), "path": result.problem.path, "error": result.problem.message})
    return records
