"""One run of `claimlint check`: discover files, lint each with its rules, apply a baseline.

Drafts whose results are cached cost a read. The rest are linted in this process, or, when
there are enough of them, in worker processes forked after the NLP pipeline is loaded, so that
every worker shares it instead of loading its own; or, with `dask`, on a Dask cluster (dask.py).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import traceback
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from claimlint.baseline import new_findings, read_baseline, write_baseline
from claimlint.cache import Cache, linter_fingerprint
from claimlint.config import Config, Configs, available_rules, resolve_rules
from claimlint.discover import discover
from claimlint.errors import ClaimlintError, InputError
from claimlint.linter import Linter
from claimlint.nlp import analyser
from claimlint.reporters import Report
from claimlint.source import decode, excerpt_lines, read_source
from claimlint.timed_regex import lint_within_time

FILES_PER_WORKER = 8  # below this many drafts per worker, forking costs more than it saves


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
    keep_suppressed: bool = False  # suppressed findings go to report.suppressed (for SARIF)
    whole_drafts: bool = False  # keep every line of each draft with findings, not only the excerpts'
    dask: str | None = None  # a Dask scheduler's address, or local:N, to lint on instead of local processes


def run(paths: list[str], config: Config | Configs, options: RunOptions,
        on_error=lambda message, detail=None: None, on_progress=lambda done, total: None) -> Report:
    """Lint `paths`, each with its configuration (one Config for all, or the nearest to each file);
    input errors are collected in the report (and passed to `on_error`, with the traceback as
    `detail` for an internal error in one draft). `on_progress(done, total)` hears of every file
    found, linted or not."""
    configs = config if isinstance(config, Configs) else Configs(config)
    recorded = read_baseline(options.baseline) if options.baseline else None
    cache = Cache(options.cache_dir) if options.cache_dir else None
    linters: dict[tuple, tuple[Linter, str]] = {}  # configuration and override combination -> (linter, fingerprint)
    report = Report([], 0, rules=resolve_rules(configs.root, options.select, options.ignore))
    described = {rule.id for rule in report.rules}

    def linter_key(path: str) -> tuple:
        config = configs.for_path(path)
        key = (id(config), *(id(o) for o in config.overrides_for(path)))  # files sharing these share rules
        if key not in linters:
            rules = resolve_rules(config, options.select, options.ignore, path)
            flags = (options.report_unused_suppressions, options.require_suppression_reason, options.keep_suppressed)
            fingerprint = linter_fingerprint(rules, config.model, flags)
            known = frozenset(available_rules(config))  # what a suppression may name
            linters[key] = (Linter(rules, config.model, options.report_unused_suppressions, known,
                                   options.require_suppression_reason, options.keep_suppressed), fingerprint)
            report.rules += [rule for rule in rules if rule.id not in described]
            described.update(rule.id for rule in rules)
        return key

    results: dict[int, list] = {}
    # Jobs carry no text: each draft is read again where it is linted and dropped once linted, so a
    # run holds one draft at a time (in each worker), never the whole tree.
    pending: list[tuple[int, str, str, tuple, str | None]] = []
    found = discover(paths, configs.for_path)
    for error in found.errors:
        _record_error(report, error.path, str(error), on_error)
    report.skipped = found.skipped
    done, total = 0, len(found.files)
    on_progress(done, total)
    for position, path in enumerate(found.files):
        display = options.stdin_filename if path == "-" else path
        text = None
        if path == "-" or cache:  # a cache hit costs a read and no more
            try:
                text = decode(sys.stdin.buffer.read(), display) if path == "-" else read_source(path)
            except InputError as exc:
                _record_error(report, exc.path, str(exc), on_error)
                done += 1
                on_progress(done, total)
                continue
        key = linter_key(display)
        cached = cache.get(linters[key][1], text, display) if cache else None
        if cached is not None:
            results[position] = cached
            report.sources[display] = excerpt_lines(text, cached, options.whole_drafts)
            done += 1
            on_progress(done, total)
        else:
            pending.append((position, path, display, key, text if path == "-" else None))
    displays = {job[0]: job[2] for job in pending}
    if options.dask:
        from claimlint.dask import lint_on_cluster

        linted = lint_on_cluster(options.dask, pending, linters, cache, options.whole_drafts)
    else:
        linted = _lint(pending, linters, cache, options.jobs, options.whole_drafts)
    for position, findings, excerpts, error in linted:
        done += 1
        on_progress(done, total)
        if error:
            path, message, detail = error
            _record_error(report, path, message, on_error, detail)
        if findings is None:
            continue
        results[position] = findings
        report.sources[displays[position]] = excerpts
    if cache:
        cache.prune()
    report.files_checked = len(results)
    report.findings = [finding for position in sorted(results) for finding in results[position]]
    if options.keep_suppressed:
        report.suppressed = [finding for finding in report.findings if finding.suppressed is not None]
        report.findings = [finding for finding in report.findings if finding.suppressed is None]
    if options.write_baseline:
        write_baseline(options.write_baseline, report.findings)
    if recorded is not None:
        report.findings = new_findings(report.findings, recorded, options.baseline)
    return report


def _record_error(report: Report, path: str, message: str, on_error, detail: str | None = None):
    report.errors.append({"path": path, "message": message})
    report.sources.pop(path, None)
    on_error(message, detail)


_WORKER_LINTERS: dict[tuple, tuple[Linter, str]] = {}  # inherited by forked workers, as is the cache
_WORKER_CACHE: Cache | None = None


def _lint_one(job, whole_drafts: bool = False):
    return lint_job(job, _WORKER_LINTERS, _WORKER_CACHE, whole_drafts)


def lint_job(job, linters: dict[tuple, tuple[Linter, str]], cache: Cache | None = None, whole_drafts: bool = False):
    """(position, findings, excerpt lines, error) for one job (position, path, display path,
    linter key, text or None to read it): read, linted, cached, let go."""
    position, path, display, key, text = job
    try:
        if text is None:
            text = read_source(path)
        linter, fingerprint = linters[key]
        findings, timed_out = lint_within_time(linter, text, display)
        if cache and not timed_out:  # a rule skipped for a slow pattern: the findings are incomplete
            cache.put(fingerprint, text, findings)
        return position, findings, excerpt_lines(text, findings, whole_drafts), timed_out and (display, timed_out, None)
    except InputError as exc:
        return position, None, None, (exc.path, str(exc), None)
    except ClaimlintError:
        raise  # a configuration problem (say, a model that cannot load) ends the run
    except Exception as exc:  # noqa: BLE001 - a bug met in one draft must not lose the others
        message = f"internal error in {display}: {type(exc).__name__}: {exc} (please report it)"
        return position, None, None, (display, message, traceback.format_exc())


def _lint(jobs: list, linters: dict[tuple, tuple[Linter, str]], cache: Cache | None, requested: int,
          whole_drafts: bool):
    """Yield (position, findings, excerpt lines, error) for each job, in processes when it pays."""
    global _WORKER_LINTERS, _WORKER_CACHE
    _WORKER_LINTERS, _WORKER_CACHE = linters, cache
    lint_one = partial(_lint_one, whole_drafts=whole_drafts)
    workers = requested or min(os.cpu_count() or 1, len(jobs) // FILES_PER_WORKER)
    if workers <= 1 or len(jobs) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(lint_one, jobs)
        return
    for model in {linter.model for linter, _ in linters.values() if linter.sentence_rules}:
        analyser(model)  # the pipeline loaded once, before forking, and shared by every worker
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap_unordered(lint_one, jobs, chunksize=4)
