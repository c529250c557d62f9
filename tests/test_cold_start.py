"""What a cold `claimlint check` of one draft imports: only what the run needs (issue 11)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

# Packages a plain check of one draft never uses: spaCy's command-line package and what it pulls
# in, the terminal's progress bar, config schema validation, globs when no exclude is set, the
# time-limited `regex` of user rules, Dask and the language server.
NOT_NEEDED = ("spacy.cli", "typer", "weasel", "requests", "httpx", "jinja2", "rich", "jsonschema", "pathspec",
              "regex", "distributed", "dask", "pygls", "claimlint.dask", "claimlint.server")


def _run(code: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_check_of_one_draft_imports_only_what_it_needs(tmp_path):
    draft = tmp_path / "claim.md"
    draft.write_text("# Sleep\n\nChronic stress worsens inflammation, and 70% of people sleep badly.\n")
    code = ("import json, sys, contextlib, io\nfrom claimlint.cli import main\n"
            "sys.argv = ['claimlint', 'check', '--no-cache', '--format', 'json', sys.argv[1]]\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n    try:\n        main()\n    except SystemExit:\n        pass\n"
            "print(json.dumps({'rules': sorted({f['rule'] for f in json.loads(out.getvalue())['findings']}),\n"
            f"    'loaded': [name for name in {NOT_NEEDED!r} if name in sys.modules], 'spacy': 'spacy' in sys.modules}}))")
    seen = _run(code, str(draft))
    assert seen["spacy"] and {"unhedged-causal-claim", "unsourced-statistic"} <= set(seen["rules"])
    assert seen["loaded"] == []


def test_spacy_imported_without_its_command_line_package_still_has_it():
    # The stand-in for spacy.cli.info is gone once spaCy is imported: `spacy.info` calls the real
    # one, and `import spacy.cli` imports the real package.
    code = ("import json, sys\nfrom claimlint.nlp import load_pipeline\nload_pipeline()\n"
            "before = 'spacy.cli' in sys.modules\nimport spacy\ninfo = spacy.info(silent=True)\n"
            "import spacy.cli\n"
            "print(json.dumps({'before': before, 'version': info['spacy_version'] == spacy.__version__,\n"
            "    'info_module': spacy.cli.info.__module__, 'download': callable(spacy.cli.download)}))")
    assert _run(code) == {"before": False, "version": True, "info_module": "spacy.cli.info", "download": True}


def test_a_check_of_one_cached_draft_loads_neither_spacy_nor_workers(tmp_path):
    draft = tmp_path / "claim.md"
    draft.write_text("# Sleep\n\nChronic stress worsens inflammation.\n")
    code = ("import json, sys, contextlib, io\nfrom claimlint.cli import main\n"
            "sys.argv = ['claimlint', 'check', '--cache-dir', sys.argv[2], '--format', 'json', sys.argv[1]]\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n    try:\n        main()\n    except SystemExit:\n        pass\n"
            "print(json.dumps({'rules': sorted({f['rule'] for f in json.loads(out.getvalue())['findings']}),\n"
            "    'loaded': [name for name in ('spacy', 'multiprocessing') if name in sys.modules]}))")
    cold = _run(code, str(draft), str(tmp_path / "cache"))
    warm = _run(code, str(draft), str(tmp_path / "cache"))
    assert cold["rules"] == warm["rules"] == ["unhedged-causal-claim"] and "spacy" in cold["loaded"]
    assert warm["loaded"] == []
