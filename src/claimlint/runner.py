"""One run of `claimlint check`: discover files, lint each with its rules, apply a baseline.

A run is a stream of `FileResult`s, one per file in the order the files were found, which the
reporters write as they come: a run holds a few files' results at a time, never the whole
tree's. `lint_in_order` makes the stream from the files' cached results and jobs (which carry
paths, or a text already read, not the tree's texts). Drafts whose results are cached cost a
read. The rest are linted in this process, or, when there are enough of them, in worker
processes forked after the NLP pipeline is loaded, so that every worker shares it instead of
loading its own; their results, which finish in any order, are put back in order by a window of
at most `WINDOW_PER_WORKER` files per worker in flight or waiting their turn. With `dask`, they
are linted on a Dask cluster (dask.py), which gives its results in order too.
"""

from __future__ import annotations

import gc
import itertools
import os
import sys
import traceback
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

from claimlint.cache import Cache, linter_fingerprint
from claimlint.config import Config, Configs, available_rules, resolve_rules
from claimlint.discover import discover
from claimlint.errors import ClaimlintError, InputError
from claimlint.findings import FileResult, Problem
from claimlint.linter import Linter
from claimlint.nlp import analyser
from claimlint.reporters import ReportStream
from claimlint.source import decode, excerpt_lines, read_source
from claimlint.timed_regex import lint_within_time

FILES_PER_WORKER = 8  # below this many drafts per worker, forking costs more than it saves
# Files a worker may have in flight or finished ahead of the one due next: enough to keep it
# busy behind a slow draft for a while, few enough that their results stay small.
WINDOW_PER_WORKER = 16


@dataclass
class RunOptions:
    select: list[str]
    ignore: list[str]
    stdin_filename: str = "-"
    report_unused_suppressions: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    jobs: int = 0  # 0: one per core when there is enough work
    cache_dir: Path | None = None  # None: no cache
    require_suppression_reason: bool = False
    keep_suppressed: bool = False  # suppressed findings go to each result's `suppressed` (for SARIF)
    whole_drafts: bool = False  # keep every line of each draft with findings, not only the excerpts'
    dask: str | None = None  # a Dask scheduler's address, or local:N, to lint on instead of local processes


class Job(NamedTuple):
    """One draft to lint: its place among the run's files, where to read it (unless its text is
    already read), the path to report, and the key of its linter in the run's table of linters."""

    position: int
    path: str
    display: str
    linter: tuple
    text: str | None = None


def run(paths: list[str], config: Config | Configs, options: RunOptions,
        on_error=lambda message, detail=None: None, on_progress=lambda done, total: None) -> ReportStream:
    """Lint `paths`, each with its configuration (one Config for all, or the nearest to each file),
    as the stream's results are read: each input error is added to its errors (and passed to
    `on_error`, with the traceback as `detail` for an internal error in one draft) as its file
    comes, and `on_progress(done, total)` hears of every file found, linted or not; the baseline
    is written once the last file has passed."""
    configs = config if isinstance(config, Configs) else Configs(config)
    recorded = writer = None
    if options.baseline or options.write_baseline:
        from claimlint.baseline import Baseline, BaselineWriter

        recorded = Baseline(options.baseline) if options.baseline else None
        writer = BaselineWriter(options.write_baseline) if options.write_baseline else None
    cache = Cache(options.cache_dir) if options.cache_dir else None
    linters: dict[tuple, tuple[Linter, str]] = {}  # configuration and override combination -> (linter, fingerprint)
    stream = ReportStream([], rules=resolve_rules(configs.root, options.select, options.ignore))
    described = {rule.id for rule in stream.rules}

    def linter_key(path: str) -> tuple:
        config = configs.for_path(path)
        key = (id(config), *(id(o) for o in config.overrides_for(path)))  # files sharing these share rules
        if key not in linters:
            rules = resolve_rules(config, options.select, options.ignore, path)
            flags = (options.report_unused_suppressions, options.require_suppression_reason, options.keep_suppressed)
            fingerprint = linter_fingerprint(rules, config.model, flags) if cache else ""  # hashes claimlint's code
            known = frozenset(available_rules(config))  # what a suppression may name
            linters[key] = (Linter(rules, config.model, options.report_unused_suppressions, known,
                                   options.require_suppression_reason, options.keep_suppressed), fingerprint)
            stream.rules += [rule for rule in rules if rule.id not in described]
            described.update(rule.id for rule in rules)
        return key

    def record(problem: Problem):
        stream.errors.append({"path": problem.path, "message": problem.message})
        on_error(problem.message, problem.detail)

    found = discover(paths, configs.for_path)
    for error in found.errors:
        record(Problem(error.path, str(error)))
    stream.skipped = found.skipped
    displays = [options.stdin_filename if path == "-" else path for path in found.files]
    for display in displays:  # every linter (and rule a report describes) exists before the first file
        linter_key(display)  # is linted, and before any worker is forked, which inherits them
    total = len(found.files)
    on_progress(0, total)

    def work() -> Iterator[FileResult | Job]:
        """Each file in order: its result when the cache has it (or it cannot be read), else a job."""
        for position, (path, display) in enumerate(zip(found.files, displays)):
            text = None
            if path == "-" or cache:  # a cache hit costs a read and no more; a miss takes the text along
                try:
                    text = decode(sys.stdin.buffer.read(), display) if path == "-" else read_source(path)
                except InputError as exc:
                    yield FileResult(display, None, problem=Problem(exc.path, str(exc)))
                    continue
            key = linter_key(display)
            cached = cache.get(linters[key][1], text, display) if cache else None
            if cached is not None:
                yield FileResult(display, cached, excerpt_lines(text, cached, options.whole_drafts))
            else:
                yield Job(position, path, display, key, text)

    def checked() -> Iterator[FileResult]:
        done = 0
        for result in lint_in_order(work(), total, linters, cache, options):
            done += 1
            on_progress(done, total)
            if result.problem:
                record(result.problem)
            if result.findings is None:
                continue
            if options.keep_suppressed:
                result.suppressed = [finding for finding in result.findings if finding.suppressed is not None]
                result.findings = [finding for finding in result.findings if finding.suppressed is None]
            if writer:
                writer.add(result.findings)
            if recorded:
                result.findings = recorded.new(result.findings)
            yield result
        if cache:
            cache.prune()
        if writer:
            try:
                writer.write()
            except ClaimlintError as exc:  # the report is written all the same; the run fails
                record(Problem(writer.path, str(exc)))

    stream.files = checked()
    return stream


_WORKER_LINTERS: dict[tuple, tuple[Linter, str]] = {}  # inherited by forked workers, as is the cache
_WORKER_CACHE: Cache | None = None


def _lint_one(job: Job, whole_drafts: bool) -> FileResult:
    return lint_job(job, _WORKER_LINTERS, _WORKER_CACHE, whole_drafts)


def lint_job(job: Job, linters: dict[tuple, tuple[Linter, str]], cache: Cache | None = None,
             whole_drafts: bool = False) -> FileResult:
    """One draft's result: read (unless its text came along), linted, cached, let go."""
    try:
        text = read_source(job.path) if job.text is None else job.text
        linter, fingerprint = linters[job.linter]
        findings, timed_out = lint_within_time(linter, text, job.display)
        if cache and not timed_out:  # a rule skipped for a slow pattern: the findings are incomplete
            cache.put(fingerprint, text, findings)
        return FileResult(job.display, findings, excerpt_lines(text, findings, whole_drafts),
                          Problem(job.display, timed_out) if timed_out else None)
    except InputError as exc:
        return FileResult(job.display, None, problem=Problem(exc.path, str(exc)))
    except ClaimlintError:
        raise  # a configuration problem (say, a model that cannot load) ends the run
    except Exception as exc:  # noqa: BLE001 - a bug met in one draft must not lose the others
        message = f"internal error in {job.display}: {type(exc).__name__}: {exc} (please report it)"
        return FileResult(job.display, None, problem=Problem(job.display, message, traceback.format_exc()))


def lint_in_order(work: Iterable[FileResult | Job], files: int, linters: dict[tuple, tuple[Linter, str]],
                  cache: Cache | None, options: RunOptions) -> Iterator[FileResult]:
    """The results of `work` (the run's `files` files, each a result or a job) in order: jobs are
    linted here, in worker processes when it pays (decided at the first job, by the files left),
    or on the Dask cluster `options.dask`."""
    global _WORKER_LINTERS, _WORKER_CACHE
    _WORKER_LINTERS, _WORKER_CACHE = linters, cache
    work = iter(work)
    for done, item in enumerate(work):  # cached results come before any job
        if isinstance(item, Job):
            break
        yield item
    else:
        return  # no job: no worker, no cluster
    left, rest = files - done, itertools.chain([item], work)
    if options.dask:  # taken from `rest` as the cluster's batches go out
        from claimlint.dask import lint_on_cluster

        yield from lint_on_cluster(options.dask, rest, linters, cache, options.whole_drafts)
        return
    workers = options.jobs or min(os.cpu_count() or 1, left // FILES_PER_WORKER)
    if workers > 1 and left >= 2:
        import multiprocessing  # here: a run of a few drafts forks no worker

        if "fork" in multiprocessing.get_all_start_methods():
            for model in {linter.model for linter, _ in linters.values() if linter.sentence_rules}:
                analyser(model)  # the pipeline loaded once, before forking, and shared by every worker
            # The workers' collector leaves what they inherit alone: its passes would touch every object (the
            # pipeline, the rules) in each worker, copying their pages, and cost time over objects that stay.
            gc.freeze()
            pool = multiprocessing.get_context("fork").Pool(workers)
            gc.unfreeze()  # this process collects as before
            with pool:
                waits = (pool.apply_async(_lint_one, (item, options.whole_drafts)).get if isinstance(item, Job)
                         else _ready(item) for item in rest)
                yield from in_order(waits, workers * WINDOW_PER_WORKER)
            return
    yield from (lint_job(item, linters, cache, options.whole_drafts) if isinstance(item, Job) else item
                for item in rest)


def _ready(result: FileResult) -> Callable[[], FileResult]:
    return lambda: result


def in_order(waits: Iterable[Callable[[], FileResult]], window: int) -> Iterator[FileResult]:
    """The results of `waits`, each a function that waits for one file's result (a job it has
    started), in their order. At most `window` are started and not yet yielded: results that
    finish ahead of the one due wait their turn, and no more are started meanwhile, so a slow
    draft at the head never makes the results behind it pile up. (`Pool.imap_unordered` would
    start every job as fast as workers take them, however far behind the reader falls.)"""
    pending: deque[Callable[[], FileResult]] = deque()
    for wait in waits:
        pending.append(wait)
        if len(pending) >= window:
            yield pending.popleft()()
    while pending:
        yield pending.popleft()()
