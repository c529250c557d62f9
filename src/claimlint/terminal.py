"""What a run shows a person at a terminal: colour, and a progress bar once a run is slow.

Colour follows `--color`: `always`, `never`, or `auto`: only on a terminal, and never when the
NO_COLOR environment variable is set to anything (https://no-color.org) or TERM is `dumb`. The
progress bar goes to stderr, only when stderr is a terminal outside CI, and appears only once the
run has lasted a second (CLAIMLINT_PROGRESS_DELAY sets another number of seconds): quick runs, pipes
and CI logs never see it.
"""

from __future__ import annotations

import os
import sys
import threading

COLOR_CHOICES = ("auto", "always", "never")
DELAY = 1.0  # seconds a run lasts before its progress bar appears, unless CLAIMLINT_PROGRESS_DELAY says


def progress_delay() -> float:
    """Seconds before the bar appears: CLAIMLINT_PROGRESS_DELAY when it is a number of seconds, else DELAY."""
    try:
        return max(0.0, float(os.environ.get("CLAIMLINT_PROGRESS_DELAY", DELAY)))
    except ValueError:
        return DELAY


def _terminal(stream) -> bool:
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):  # no stream, or a closed one
        return False


def use_colour(choice: str, stream) -> bool:
    """Whether to colour what goes to `stream`, given `--color`."""
    if choice != "auto":
        return choice == "always"
    return not os.environ.get("NO_COLOR") and _terminal(stream)


def wants_progress(stream) -> bool:
    """A progress bar only for a person watching: `stream` a terminal, and not in CI."""
    return _terminal(stream) and os.environ.get("CI", "").lower() in ("", "0", "false")


class RunProgress:
    """A context whose value, called as `(done, total)` by the runner, drives a progress bar on
    `stream`; the bar appears `delay` seconds after the run starts (even while one long draft is
    being linted) and is erased when it ends. What is printed to stderr meanwhile shows above it,
    and what is printed to stdout too with `redirect_stdout` (a report written as the run goes,
    on the same terminal)."""

    def __init__(self, colour: bool, stream=None, delay: float | None = None, redirect_stdout: bool = False):
        self.colour = colour
        self.redirect_stdout = redirect_stdout  # standard output is the bar's terminal: print it above the bar
        self.stream = stream or sys.stderr
        self.delay = progress_delay() if delay is None else delay
        self.shown = threading.Event()
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._bar = None
        self._task = None
        self._done, self._total = 0, None
        self._closed = False

    def __enter__(self):
        self._timer = threading.Timer(self.delay, self._show)
        self._timer.daemon = True
        self._timer.start()
        return self.update

    def update(self, done: int, total: int):
        with self._lock:
            self._done, self._total = done, total
            if self._bar is not None:
                self._bar.update(self._task, completed=done, total=total)

    def _show(self):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, \
            TimeRemainingColumn

        with self._lock:
            if self._closed:
                return
            # soft_wrap: a line printed above the bar is left to the terminal to wrap, not cut by rich
            console = Console(file=self.stream, color_system="auto" if self.colour else None, no_color=not self.colour,
                              soft_wrap=True)
            self._bar = Progress(TextColumn("Linting"), BarColumn(), MofNCompleteColumn(), TextColumn("files,"),
                                 TimeElapsedColumn(), TextColumn("elapsed,"), TimeRemainingColumn(), TextColumn("left"),
                                 console=console, transient=True, redirect_stdout=self.redirect_stdout)
            self._task = self._bar.add_task("lint", total=self._total, completed=self._done)
            self._bar.start()
            self.shown.set()

    def __exit__(self, *exc_info):
        with self._lock:
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
            if self._bar is not None:
                self._bar.stop()
        return False
