"""Colour and the progress bar: only for a person at a terminal, after a second, never in CI or a
pipe; NO_COLOR and --color obeyed. The end-to-end cases run claimlint on a real pseudo-terminal."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from claimlint.terminal import RunProgress, progress_delay, use_colour, wants_progress

ROOT = Path(__file__).resolve().parents[1]
SGR_COLOUR = re.compile(rb"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|9[0-7]|38;5;\d+)(?:;[0-9;]*)?m")  # a foreground colour
CLAIM = "Chronic stress worsens inflammation.\n"


def unstyled(output: bytes) -> bytes:
    """`output` without its style codes (colour interleaves the bar's text)."""
    return re.sub(rb"\x1b\[[0-9;]*m", b"", output)


class Terminal(io.StringIO):
    def isatty(self):
        return True


class Pipe(io.StringIO):
    def isatty(self):
        return False


@pytest.fixture
def plain_env(monkeypatch):
    for name in ("NO_COLOR", "CI", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    return monkeypatch


@pytest.mark.parametrize("choice, stream, no_color, expected", [
    ("auto", Terminal, None, True),
    ("auto", Terminal, "1", False),
    ("auto", Terminal, "", True),  # NO_COLOR counts only when set to something
    ("auto", Pipe, None, False),
    ("always", Pipe, "1", True),  # the command line overrides the environment
    ("never", Terminal, None, False),
])
def test_colour_follows_the_choice_the_terminal_and_no_color(plain_env, choice, stream, no_color, expected):
    if no_color is not None:
        plain_env.setenv("NO_COLOR", no_color)
    assert use_colour(choice, stream()) is expected


def test_a_dumb_terminal_gets_neither_colour_nor_a_bar(plain_env):
    plain_env.setenv("TERM", "dumb")
    assert not use_colour("auto", Terminal()) and not wants_progress(Terminal())


@pytest.mark.parametrize("stream, ci, expected", [
    (Terminal, None, True), (Terminal, "true", False), (Terminal, "1", False), (Terminal, "false", True),
    (Pipe, None, False),
])
def test_a_bar_only_for_a_terminal_outside_ci(plain_env, stream, ci, expected):
    if ci is not None:
        plain_env.setenv("CI", ci)
    assert wants_progress(stream()) is expected


def test_the_bar_appears_after_its_delay_counts_files_and_is_erased(plain_env):
    stream = Terminal()
    progress = RunProgress(True, stream, delay=0.05)
    with progress as update:
        update(0, 10)
        assert progress.shown.wait(10)
        update(3, 10)
        time.sleep(0.3)  # a refresh or two
    output = stream.getvalue().encode()
    assert b"Linting" in output and b"3/10 files" in unstyled(output)
    assert SGR_COLOUR.search(output)
    assert output.endswith(b"\x1b[2K")  # erased: the report follows on a clean line


def test_a_quick_run_shows_no_bar(plain_env):
    stream = Terminal()
    progress = RunProgress(True, stream, delay=0.5)
    with progress as update:
        update(10, 10)
    time.sleep(0.7)
    assert not progress.shown.is_set() and stream.getvalue() == ""


def test_a_bar_without_colour_has_no_colour_codes(plain_env):
    stream = Terminal()
    progress = RunProgress(False, stream, delay=0.01)
    with progress as update:
        update(1, 4)
        assert progress.shown.wait(10)
        time.sleep(0.2)
    assert "1/4 files" in stream.getvalue() and not SGR_COLOUR.search(stream.getvalue().encode())


# --- end to end, on a pseudo-terminal --------------------------------------------------------------


def run_on_terminal(args: list[str], cwd: Path, env: dict, terminal: str) -> tuple[int, bytes, bytes]:
    """Run claimlint with `terminal` ("stderr" or "stdout") on a pseudo-terminal and the other
    stream on a pipe; returns (exit status, what the pipe got, what the terminal got)."""
    master, slave = pty.openpty()
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, terminal: slave}
    process = subprocess.Popen([sys.executable, "-m", "claimlint", *args], cwd=cwd, env=env,
                               stdin=subprocess.DEVNULL, **streams)
    os.close(slave)
    piped = process.stderr if terminal == "stdout" else process.stdout
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(piped.read()))
    reader.start()
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not data:
                break
            seen += data
        elif process.poll() is not None:
            break
    status = process.wait(timeout=300)
    reader.join()
    os.close(master)
    return status, received[0], seen


@pytest.fixture
def terminal_env():
    env = {name: value for name, value in os.environ.items()
           if name not in ("NO_COLOR", "CI", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")}
    # The bar shows from the start, so a run need not last a second on a fast machine.
    env.update(TERM="xterm-256color", PYTHONPATH=str(ROOT / "src"), CLAIMLINT_PROGRESS_DELAY="0")
    return env


@pytest.fixture
def long_run(tmp_path):
    """A run of about 70 drafts, no cache, one process, one bad file."""
    for folder in ("eval", "heldout"):
        for draft in (ROOT / "fixtures" / folder).rglob("*.md"):
            (tmp_path / f"{folder}-{draft.parent.name}-{draft.name}").write_bytes(draft.read_bytes())
    (tmp_path / "zz-broken.md").write_bytes(b"caf\xe9\n")
    return tmp_path, ["check", "--no-cache", "-j", "1", "."]


def test_a_long_run_on_a_terminal_shows_a_bar_and_errors_above_it(long_run, terminal_env):
    folder, args = long_run
    status, stdout, terminal = run_on_terminal(args, folder, terminal_env, "stderr")
    assert status == 2
    assert b"Linting" in terminal and re.search(rb"\d+/\d+ files", unstyled(terminal)) and SGR_COLOUR.search(terminal)
    # the error line was printed whole (the terminal wraps it) on a cleared line, not after the bar's text
    assert re.search(rb"\x1b\[2Kclaimlint: error: zz-broken\.md: not valid UTF-8[^\r\n]* save it as UTF-8\r\n", terminal)
    assert terminal.endswith(b"\x1b[2K")
    assert b"\x1b[" not in stdout and b"unhedged-causal-claim" in stdout  # the report on the pipe is plain


def test_no_bar_in_ci(long_run, terminal_env):
    folder, args = long_run
    status, stdout, terminal = run_on_terminal(args, folder, dict(terminal_env, CI="true"), "stderr")
    assert status == 2 and b"Linting" not in terminal and b"not valid UTF-8" in terminal


def test_no_color_keeps_the_bar_plain(long_run, terminal_env):
    folder, args = long_run
    _, _, terminal = run_on_terminal(args, folder, dict(terminal_env, NO_COLOR="1"), "stderr")
    assert b"Linting" in terminal and not SGR_COLOUR.search(terminal)
    _, _, terminal = run_on_terminal([*args, "--color", "never"], folder, terminal_env, "stderr")
    assert b"Linting" in terminal and not SGR_COLOUR.search(terminal)


def test_no_bar_when_stderr_is_piped_or_quiet(long_run, terminal_env):
    folder, args = long_run
    result = subprocess.run([sys.executable, "-m", "claimlint", *args], cwd=folder, env=terminal_env,
                            capture_output=True, stdin=subprocess.DEVNULL)
    assert b"Linting" not in result.stderr and b"\x1b[" not in result.stderr
    _, _, terminal = run_on_terminal([*args, "-q"], folder, terminal_env, "stderr")
    assert b"Linting" not in terminal


@pytest.mark.parametrize("extra, env, coloured", [
    ([], {}, True),
    ([], {"NO_COLOR": "1"}, False),
    (["--color", "never"], {}, False),
    (["--color", "always"], {"NO_COLOR": "1"}, True),
])
def test_text_output_on_a_terminal_obeys_color_and_no_color(tmp_path, terminal_env, extra, env, coloured):
    (tmp_path / "a.md").write_text(CLAIM, encoding="utf-8")
    status, _, terminal = run_on_terminal(["check", "a.md", *extra], tmp_path, dict(terminal_env, **env), "stdout")
    assert status == 1 and b"unhedged-causal-claim" in terminal
    assert bool(SGR_COLOUR.search(terminal)) is coloured


def test_color_always_colours_a_pipe_too(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(CLAIM, encoding="utf-8")
    assert SGR_COLOUR.search(cli("check", "--color", "always", "a.md").stdout.encode())
    assert not SGR_COLOUR.search(cli("check", "a.md").stdout.encode())


def test_the_runner_reports_every_file_found_to_the_bar(tmp_path, monkeypatch):
    from claimlint.config import Config
    from claimlint.runner import RunOptions, run

    monkeypatch.chdir(tmp_path)
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(CLAIM, encoding="utf-8")
    (tmp_path / "broken.md").write_bytes(b"caf\xe9\n")
    for cache in (tmp_path / "cache", tmp_path / "cache"):  # linted, then read from the cache
        calls = []
        stream = run(["."], Config(), RunOptions([], [], cache_dir=cache),
                     on_progress=lambda done, total: calls.append((done, total)))
        list(stream.results())  # the run goes on as its results are read
        assert calls == [(done, 4) for done in range(5)]


@pytest.mark.parametrize("value, delay", [(None, 1.0), ("0", 0.0), ("2.5", 2.5), ("soon", 1.0), ("-3", 0.0)])
def test_the_progress_delay_can_be_set_in_the_environment(monkeypatch, value, delay):
    if value is None:
        monkeypatch.delenv("CLAIMLINT_PROGRESS_DELAY", raising=False)
    else:
        monkeypatch.setenv("CLAIMLINT_PROGRESS_DELAY", value)
    assert progress_delay() == delay
    assert RunProgress(False, io.StringIO()).delay == delay


def test_a_report_on_the_bars_own_terminal_is_printed_above_the_bar(long_run, terminal_env):
    """The report is written as the run goes: on the terminal the bar is on, each line of it goes
    above the bar, whole, and never onto the bar's line."""
    folder, args = long_run
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "claimlint", *args], cwd=folder, env=terminal_env,
                               stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not data:
            break
        seen += data
    assert process.wait(timeout=300) == 2
    os.close(master)
    lines = re.split(rb"\r?\n|\r|\x1b\[2K", unstyled(seen))
    assert any(b"Linting" in line for line in lines)  # the bar was shown
    headers = [line for line in lines if re.search(rb"\.md:\d+:\d+: (warning|error|info) \[", line)]
    assert len(headers) > 50 and not any(b"Linting" in line or b"files," in line for line in headers)
    assert re.search(rb"\n\d+ findings in \d+ files\r?\n", unstyled(seen))
