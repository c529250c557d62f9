"""Command line: `claimlint check`, `claimlint rules`, `claimlint explain`, `claimlint config`.

Exit status: 0 clean, 1 findings at or above the failure level, 2 usage, configuration or input error.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
import traceback
from pathlib import Path
from typing import Iterable

import click

from claimlint import __version__
from claimlint import compiled_patterns
from claimlint.cache import FOLDER, dependency_versions, remove_cache
from claimlint.config import Configs, available_rules, find_config, load_config, resolve_rules
from claimlint.errors import ClaimlintError
from claimlint.findings import SEVERITIES, severity_rank
from claimlint.source import decode
from claimlint.inert import inert
from claimlint.reporters import FORMATS, WHOLE_DRAFTS, get_reporter
from claimlint.runner import RunOptions, run
from claimlint.suggest import did_you_mean
from claimlint.terminal import COLOR_CHOICES, RunProgress, use_colour, wants_progress
from claimlint.timed_regex import PatternTimeout


EXIT_STATUS = """\b
Exit status:
  0  no findings at or above the failure level
  1  findings at or above the failure level (--fail-on; never with --exit-zero)
  2  a usage, configuration or input error"""


class _DefaultToCheck(click.Group):
    """`claimlint PATHS...` behaves like `claimlint check PATHS...`."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            hint = did_you_mean(args[0], self.commands)
            if hint and not args[0].startswith("-") and not os.path.exists(args[0]):
                ctx.fail(f"no command and no file '{args[0]}'{hint}")
            args = ["check", *args]
        return super().parse_args(ctx, args)


# To sys.stderr as it is when called: during a run it may be the progress bar's, which prints above the bar.
def _error(message: str):
    click.echo(f"claimlint: error: {inert(message)}", file=sys.stderr)


def _traceback(detail: str):
    for line in detail.splitlines():
        click.echo(inert(line), file=sys.stderr)


def _fail(message: str):
    _error(message)
    sys.exit(2)


_CHUNK = 1 << 16


class _Output:
    """Where one report goes, line by line as the run gives them: standard output (`colour` as
    click.echo takes it), or the file `path`, opened when the first line comes. Each line ends with
    a newline; nothing is written for no lines, except that `always` writes a file all the same.
    Text is written about 64 KB of whole lines at a time, so a large report is held neither whole
    nor again in its encoded form. `terminal`: standard output is the progress bar's terminal, and
    is written as sys.stdout is at each write (the bar's, which prints whole lines above it).
    Output that cannot be written (a full disk, a closed pipe) is one error line."""

    def __init__(self, path: str | None = None, always: bool = False, colour: bool | None = None,
                 terminal: bool = False):
        self.path, self.always, self.colour, self.terminal = path, always, colour, terminal
        self.handle = None
        self.pending: list[str] = []
        self.size = 0
        self.started = False

    def write(self, lines: Iterable[str]):
        for line in lines:
            self.started = True
            self.pending += [line, "\n"]
            self.size += len(line) + 1
            if self.size >= _CHUNK:
                self._flush()

    def close(self):
        if not self.started and self.always and self.path is not None:
            self.pending.append("\n")
        self._flush()
        try:
            if self.handle is not None:
                self.handle.close()
            elif self.started:
                sys.stdout.flush()
        except OSError as exc:
            self._failed(exc)

    def _flush(self):
        text, self.pending, self.size = "".join(self.pending), [], 0
        if not text:
            return
        try:
            if self.path is None:
                click.echo(text, file=sys.stdout if self.terminal else None, nl=False, color=self.colour)
                return
            if self.handle is None:
                self.handle = open(self.path, "w", encoding="utf-8")
            self.handle.write(text)
        except OSError as exc:
            self._failed(exc)

    def _failed(self, exc: OSError):
        if self.path is not None:
            _fail(f"{self.path}: cannot write the report: {exc.strerror or exc}")
        try:  # nothing more can reach stdout: the null device takes the interpreter's final flush
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        _fail(f"cannot write the output: {exc.strerror or exc}")


def _write(text: str, path: str | None = None):
    """Print text to stdout (or write it to the file `path`)."""
    output = _Output(path, always=True)
    output.write([text])
    output.close()


def _ids(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _version(ctx, param, value):
    if not value or ctx.resilient_parsing:
        return
    import platform

    versions = dependency_versions()
    click.echo(f"claimlint {__version__} (spaCy {versions['spacy']}, markdown-it-py {versions['markdown-it-py']}, "
               f"mdit-py-plugins {versions['mdit-py-plugins']}, Python {platform.python_version()})")
    ctx.exit(0)


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=EXIT_STATUS)
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
              help="Show the versions of claimlint, spaCy, markdown-it-py and Python, and exit.")
def main():
    """A fact-checking claim linter for health writing in Markdown.

    `claimlint PATHS...` is short for `claimlint check PATHS...`: lint Markdown files and the
    Markdown in folders (see `claimlint check --help`).
    """


class _FormatType(click.ParamType):
    """NAME, or NAME:FILE to write that report to FILE; `help` lists the formats."""

    name = "format"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        name, colon, path = value.partition(":")
        if name != "help" and name not in FORMATS:
            self.fail(f"'{name}' is not a format{did_you_mean(name, FORMATS)}; formats: {', '.join(FORMATS)} "
                      "(`--format help` describes them)", param, ctx)
        if colon and not path:
            self.fail(f"'{value}': name the file after the colon ({name}:FILE)", param, ctx)
        return name, path or None


def _formats(ctx, param, values):
    """The requested reports: (format, file or None for standard output), the one named for
    standard output first, if any."""
    if any(name == "help" for name, _ in values):
        width = max(map(len, FORMATS))
        click.echo("\n".join(f"{name:<{width}}  {description}" for name, description in FORMATS.items()))
        ctx.exit(0)
    printed = [entry for entry in values if entry[1] is None]
    if len(printed) > 1:
        raise click.BadParameter("only one format can go to standard output: write the others to files "
                                 "(--format NAME:FILE)", ctx, param)
    return [*printed, *(entry for entry in values if entry[1] is not None)]


def _dask_address(ctx, param, value):
    if value is not None:
        from claimlint.dask import local_workers  # which imports no Dask

        try:
            local_workers(value)
        except ClaimlintError as exc:
            raise click.BadParameter(str(exc), ctx, param) from None
    return value


@main.command(epilog=EXIT_STATUS)
@click.argument("paths", nargs=-1, required=True)
@click.option("--select", multiple=True, help="Only these rule ids (comma-separated or repeated).")
@click.option("--ignore", multiple=True, help="Skip these rule ids (comma-separated or repeated).")
@click.option("--format", "output_formats", type=_FormatType(), multiple=True, callback=_formats, is_eager=True,
              help=f"Output format: {', '.join(FORMATS)} (default text; `--format help` describes them). "
                   "Repeat as NAME:FILE to write more reports from the same run.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False),
              help="Write the report to this file instead of standard output.")
@click.option("--output-dir", metavar="DIR",
              help="Write the findings to DIR (empty or new) as JSON Lines shards and a summary.json, for very "
                   "large runs; then standard output carries no report unless --format, -o or --statistics names one.")
@click.option("--statistics", "statistics_only", is_flag=True, help="Print how many findings each rule made instead of the findings "
                                                  "(text or json).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (2 still means an error).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Configuration file (default: nearest .claimlint.yaml or pyproject.toml).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Lowest severity that makes the exit status 1.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only: no excerpts, no summary, no progress bar.")
@click.option("--stdin-filename", default="-", help="Path to report for input read from '-'.")
@click.option("--report-unused-suppressions", is_flag=True, help="Report suppression comments that suppress nothing.")
@click.option("--require-suppression-reason", is_flag=True,
              help="Report suppressions that give no reason ('-- reason' in a comment, 'reason:' in front matter).")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not recorded in this file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record the current findings in this file.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes (0: one per core when there are enough files).")
@click.option("--dask", "dask_address", metavar="ADDRESS", callback=_dask_address,
              help="Lint on a Dask cluster: a scheduler's address (tcp://host:8786), or local:N for a local "
                   "cluster of N worker processes (needs: pip install 'claimlint[dask]').")
@click.option("--no-cache", is_flag=True, help="Neither read nor write cached results.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help=f"Where cached results live (default: {FOLDER} beside the configuration, else here).")
@click.option("--color", "color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
              help="Colour text output and the progress bar (auto: on a terminal, unless NO_COLOR is set).")
@click.option("--debug", is_flag=True, help="After an internal error, print its traceback.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes (disclaimers) to the files, say what changed, "
              "then report what is left ('-': print the fixed draft).")
@click.option("--diff", is_flag=True, help="Print the changes the safe fixes would make as a diff; write nothing.")
def check(paths, select, ignore, output_formats, output_file, output_dir, statistics_only, exit_zero, config_path, fail_on, quiet,
          stdin_filename, report_unused_suppressions, require_suppression_reason, baseline, write_baseline, jobs,
          dask_address, no_cache, cache_dir, color, debug, fix, diff):
    """Lint Markdown files and folders (`-` reads standard input)."""
    named = bool(output_formats) and output_formats[0][1] is None  # a format named for standard output
    formats = output_formats if named else [("text", None), *output_formats]
    (output_format, _), *also = formats
    # With --output-dir, the findings go there; standard output carries the report only when asked.
    reported = not output_dir or named or output_file is not None or statistics_only
    printed = output_format if output_file is None and reported else None  # the format standard output carries
    if statistics_only:  # imported only by the runs that use it, as are the fixer, baseline and output folder
        from claimlint.reporters import statistics

        if output_format not in statistics.FORMATS:
            _fail(f"--statistics prints {' or '.join(statistics.FORMATS)}, not {output_format}")
    if dask_address and jobs:
        _fail("--jobs sets local worker processes; with --dask the cluster's workers lint: leave out --jobs")

    def on_error(message: str, detail: str | None):
        if printed != "github":  # whose report carries the input errors, as `::error` lines
            _error(message)
        if debug and detail:
            _traceback(detail)

    compiled_patterns.use(compiled_patterns.user_cache() / "patterns")  # as Python's __pycache__
    try:
        configs = Configs(config_path)
        folder = None
        if output_dir:
            from claimlint.output_dir import OutputDir, prepare

            folder = prepare(output_dir)  # before anything is fixed or linted
        if fix or diff:
            paths = _fix(list(paths), configs, _ids(select), _ids(ignore), stdin_filename, diff)
        options = RunOptions(_ids(select), _ids(ignore), stdin_filename, report_unused_suppressions,
                             baseline, write_baseline, jobs,
                             None if no_cache else cache_dir or configs.root.base / FOLDER,
                             require_suppression_reason,
                             keep_suppressed=any(name == "sarif" for name, _ in formats),
                             whole_drafts=any(name in WHOLE_DRAFTS for name, _ in formats),
                             dask=dask_address)
        # The bar prints what goes to standard output above itself when that is its terminal too.
        bar = not quiet and wants_progress(sys.stderr)
        terminal = bar and printed is not None and sys.stdout.isatty()
        with (RunProgress(use_colour(color, sys.stderr), redirect_stdout=terminal) if bar
              else contextlib.nullcontext(lambda done, total: None)) as on_progress:
            stream = run(list(paths), configs, options, on_error, on_progress)
            if printed != "github":  # which prints them as notices
                for note in stream.skipped:
                    click.echo(f"claimlint: {inert(note['message'])}", err=True)
            stream.quiet = quiet
            first = (("statistics", statistics.Reporter(stream, output_format)) if statistics_only
                     else (output_format, _reporter(stream, output_format, output_file, color)))
            shards = OutputDir(stream, folder) if folder else None
            failing = _report(stream, configs, fail_on, terminal, [
                *([(*first, output_file)] if reported else []),
                *((name, _reporter(stream, name, path, color), path) for name, path in also)], shards)
            status = 2 if stream.errors else 0 if write_baseline or exit_zero else 1 if failing else 0
            if shards:
                shards.summary(status)
                if not quiet:
                    click.echo(f"claimlint: {inert(shards.described())}", err=True)
    except ClaimlintError as exc:
        _fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug must still end in one line and exit status 2
        if debug:
            _traceback(traceback.format_exc())
        _fail(f"internal error: {type(exc).__name__}: {exc} (please report it)")
    # 0 with --write-baseline (recording the findings is the point of this run) or --exit-zero
    # (the caller only wants the report)
    _exit(status)


def _exit(status: int):
    """End `check` with `status`, its reports written and closed. What the run made (spaCy's pipeline,
    the rules, the findings) lives until the process ends, so it is frozen out of the cyclic collector
    as the interpreter exits (`gc.freeze`, an exit handler: a caller that goes on running, such as a
    test invoking the command in its own process, collects as before). The interpreter's last
    collections then no longer trace every object, which took about 0.1 s of a one-draft run."""
    atexit.unregister(gc.freeze)  # one handler, however many runs the process makes
    atexit.register(gc.freeze)
    sys.exit(status)


_LINE_BY_LINE = ("text", "jsonl")  # formats that write nothing at all, not even a file, when they have no line


def _reporter(stream, output_format: str, path: str | None, color: str):
    """The reporter of one format, coloured as `color` says for text on standard output."""
    return get_reporter(output_format)(stream, output_format == "text" and path is None and use_colour(color, sys.stdout))


def _report(stream, configs, fail_on: str | None, terminal: bool, reporters: list, shards=None) -> bool:
    """Write each (format, reporter, file or None for standard output) as the run's files come,
    and the shards of --output-dir; whether a finding is at or above its file's failure level."""
    outputs = [(reporter, _Output(path, always=name not in _LINE_BY_LINE,
                                  colour=reporter.colour if name in _LINE_BY_LINE else None, terminal=terminal))
               for name, reporter, path in reporters]
    failing = False
    for result in stream.results():
        threshold = severity_rank(fail_on or configs.for_path(result.path).fail_on)
        failing = failing or any(severity_rank(finding.severity) >= threshold for finding in result.findings)
        for reporter, output in outputs:
            output.write(reporter.file(result))
        if shards:
            shards.file(result)
    for reporter, output in outputs:
        output.write(reporter.end())
        output.close()
    if shards:
        shards.end()
    return failing


def _fix(paths: list[str], configs, select: list[str], ignore: list[str], stdin_filename: str, diff: bool) -> list[str]:
    """Apply (or, with `diff`, show) the safe fixes; returns the paths left to report on. With
    `diff`, or for a draft read from `-`, the run ends here."""
    from claimlint.fixer import fix_paths, write

    stdin = decode(sys.stdin.buffer.read(), stdin_filename) if "-" in paths else None
    errors = []  # with --fix, the run that follows reports them
    fixed = fix_paths(paths, configs, select, ignore, stdin, stdin_filename, on_error=errors.append)
    if diff:
        if fixed:
            _write("".join(draft.diff() for draft in fixed).rstrip("\n"))
        for error in errors:
            _error(error)
        sys.exit(2 if errors else 1 if fixed else 0)
    for draft in fixed:
        if not draft.from_stdin:
            write(draft)
        for finding, fix in draft.applied:
            click.echo(f"claimlint: fixed {inert(draft.path)}:{finding.line}: [{finding.rule}] "
                       f"{inert(fix.description)}", err=True)
    if stdin is not None:  # the fixed draft is the output, as an editor's format-on-save wants it
        click.echo(next((draft.after for draft in fixed if draft.from_stdin), stdin), nl=False)
        sys.exit(0)
    count = sum(len(draft.applied) for draft in fixed)
    click.echo(f"claimlint: {count} fix{'es' * (count != 1)} applied in {len(fixed)} file{'s' * (len(fixed) != 1)}",
               err=True)
    return paths


def _all_rules(config_path: Path | None):
    try:
        return available_rules(load_config(config_path or find_config(Path.cwd())))
    except ClaimlintError as exc:
        _fail(str(exc))


_CONFIG_OPTION = click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                              help="Configuration file whose rule folders to include.")


@main.command("rules")
@_CONFIG_OPTION
@click.option("--check", is_flag=True, help="Run every rule's examples; exit 1 if any misbehaves.")
def list_rules(config_path, check):
    """List the available rules with their severity (or check their examples)."""
    rules = _all_rules(config_path)
    if check:
        from claimlint.examples import example_failures, examples

        failures, errors, total = [], [], 0
        for rule in rules.values():
            try:
                failures += example_failures(rule)
            except PatternTimeout as exc:  # a backtracking pattern in a user's rule: one line, not a traceback
                errors.append(f"{rule.path}: rule '{rule.id}' timed out on its examples ({exc})")
                continue
            except Exception as exc:  # noqa: BLE001 - a hostile rule must not end in a traceback either
                errors.append(f"{rule.path}: internal error running the examples of rule '{rule.id}': "
                              f"{type(exc).__name__}: {exc} (please report it)")
                continue
            total += len(examples(rule))
        _write("\n".join([*map(inert, failures), f"{total - len(failures)} passed, {len(failures)} failed"
                                                  + (f", {len(errors)} rule(s) could not be checked" if errors else "")]))
        for error in errors:
            _error(error)
        sys.exit(2 if errors else 1 if failures else 0)
    width = max(len(rule_id) for rule_id in rules)
    _write("\n".join(f"{rule.id:<{width}}  {rule.severity:<7}  {inert(rule.description.split(chr(10))[0])}"
                     for rule in rules.values()))


@main.command()
@click.argument("rule_id")
@_CONFIG_OPTION
def explain(rule_id, config_path):
    """Show a rule's description, options and examples."""
    rules = _all_rules(config_path)
    rule = rules.get(rule_id)
    if rule is None:
        _fail(f"unknown rule id '{rule_id}'{did_you_mean(rule_id, rules)} (see `claimlint rules`)")
    from claimlint.explain import explanation

    _write("\n".join(inert(line) for line in explanation(rule)))


@main.command()
def server():
    """Run the language server on standard input and output (needs: pip install 'claimlint[lsp]')."""
    try:
        from claimlint.server import main as serve
    except ImportError as exc:
        _fail(f"the language server needs pygls: pip install 'claimlint[lsp]' ({exc})")
    serve()


@main.command("config")
@click.argument("path")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Configuration file to use instead of the one nearest PATH.")
def show_config(path, config_path):
    """Print the settings that apply to PATH: its configuration files and every active rule."""
    import yaml

    try:
        config = Configs(config_path).for_path(path)
        rules = resolve_rules(config, path=path)
    except ClaimlintError as exc:
        _fail(str(exc))
    settings = {
        "path": path,
        "configuration": str(config.path) if config.path else None,
        "extends": [str(base) for base in config.extends],
        "excluded": config.excludes(path),
        "fail_on": config.fail_on,
        "model": config.model,
        "respect_gitignore": config.respect_gitignore,
        "extensions": config.extensions,
        "exclude": config.exclude.patterns,
        "rule_paths": [str(folder) for folder in config.rule_paths],
        "overrides": [{"files": o["files"].patterns, "at": config.at("overrides", n)}
                      for n, o in enumerate(config.overrides) if o["files"].matches(path)],
        "rules": {rule.id: {"severity": rule.severity, "options": rule.options} for rule in rules},
    }
    text = yaml.safe_dump(settings, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=None)
    _write("\n".join(inert(line) for line in text.rstrip("\n").split("\n")))


@main.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Configuration file whose folder holds the cache (default: the discovered one).")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help=f"The cache folder to remove (default: {FOLDER} beside the configuration, else here).")
def clean(config_path, cache_dir):
    """Remove the cache folder, saying what was removed."""
    try:
        folder = cache_dir or load_config(config_path or find_config(Path.cwd())).base / FOLDER
        removed = remove_cache(folder)
    except ClaimlintError as exc:
        _fail(str(exc))
    if removed is None:
        _write(f"No cache to remove at {inert(str(folder))}")
    else:
        entries, size = removed
        _write(f"Removed {inert(str(folder))}: {entries} cached result{'s' * (entries != 1)}, {size / 1024:.1f} KiB")
