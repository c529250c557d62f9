"""End to end with Neovim's built-in LSP client: `nvim --headless` opens a draft, starts
`claimlint server`, and writes the diagnostics it received and placed (tests/nvim/diagnostics.lua)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

LINE = "🙂 Stress worsens sleep, and 😴 70% of adults nap."


@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed (.ci/run installs it with apt-get)")
def test_neovim_underlines_the_claim_after_an_emoji(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(f"# Sleep\n\n{LINE}\n", encoding="utf-8")
    out = tmp_path / "diagnostics.json"
    env = {**os.environ, "CLAIMLINT_DIAGNOSTICS_OUT": str(out), "CLAIMLINT_PYTHON": sys.executable,
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    subprocess.run(["nvim", "--headless", "-n", "-i", "NONE", "-u", str(ROOT / "tests" / "nvim" / "diagnostics.lua"),
                    str(draft)], cwd=tmp_path, env=env, timeout=120, check=False, stdin=subprocess.DEVNULL,
                   capture_output=True)
    assert out.exists(), "Neovim received no diagnostics from claimlint server"
    data = json.loads(out.read_text(encoding="utf-8"))
    received = {d["code"]: d for d in data["received"]["diagnostics"]}
    causal = received["unhedged-causal-claim"]["range"]
    assert causal["start"] == {"line": 2, "character": 10}  # UTF-16: the emoji counts two
    placed = {d["code"]: d for d in data["placed"]}
    line = LINE.encode("utf-8")
    for code, words in (("unhedged-causal-claim", "worsens"), ("unsourced-statistic", "70%")):
        underline = placed[code]
        assert underline["lnum"] == 2
        assert line[underline["col"] : underline["end_col"]].decode("utf-8") == words, code
