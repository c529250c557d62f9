"""What a cold `claimlint check` of one draft imports: only what the run needs (issue 11)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

# Packages a plain check of one draft never uses: spaCy's command-line package and what it pulls
# in, the terminal's progress bar, config schema validation, globs when no exclude is set, the
# time-limited `regex` of user rules, Dask and the language server.
# claimlint's own modules that only other commands and options use: the fixer (--fix, --diff), the
# examples (`rules --check`), `explain`, --output-dir, --baseline and --statistics.
NOT_NEEDED = ("spacy.cli", "typer", "weasel", "requests", "httpx", "jinja2", "rich", "jsonschema", "pathspec",
              "regex", "distributed", "dask", "pygls", "claimlint.dask", "claimlint.server", "claimlint.fixer",
              "claimlint.examples", "claimlint.explain", "claimlint.output_dir", "claimlint.baseline",
              "claimlint.reporters.statistics")


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


def test_what_a_check_made_is_frozen_out_of_the_collector_as_the_process_exits(tmp_path):
    # So the interpreter's last collections do not trace it all (about 0.1 s of a one-draft run); a
    # caller that goes on after the command (a test invoking it in-process) still collects as before.
    draft = tmp_path / "claim.md"
    draft.write_text("# Sleep\n\nChronic stress worsens inflammation.\n")
    code = ("import atexit, contextlib, gc, io, json, sys\n"
            "atexit.register(lambda: print(json.dumps({'after_run': after, 'at_exit': gc.get_freeze_count()})))\n"
            "from claimlint.cli import main\n"
            "sys.argv = ['claimlint', 'check', '--no-cache', sys.argv[1]]\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    try:\n        main()\n    except SystemExit:\n        pass\n"
            "after = gc.get_freeze_count()\n")
    seen = _run(code, str(draft))
    assert seen["after_run"] == 0 and seen["at_exit"] > 10_000


def test_the_blank_pipeline_tokenizes_as_spacys_blank_english(tmp_path):
    # The blank pipeline's tokenizer is built as spaCy's own factory builds it, its affix regexes
    # compiled by way of the store of compiled patterns: the same patterns, special cases and tokens.
    code = ("import json, sys, spacy\nfrom claimlint import compiled_patterns\n"
            "from claimlint.nlp import SPECIAL_CASES, load_pipeline\n"
            "compiled_patterns.use(__import__('pathlib').Path(sys.argv[1]))\n"
            "ours, theirs = load_pipeline().tokenizer, spacy.blank('en').tokenizer\n"
            "for special in SPECIAL_CASES:\n    theirs.add_special_case(special, [{'ORTH': special}])\n"
            "text = sys.argv[2]\n"
            "print(json.dumps({'patterns': [getattr(ours, name).__self__.pattern == getattr(theirs, name).__self__.pattern\n"
            "                               for name in ('prefix_search', 'suffix_search', 'infix_finditer')],\n"
            "    'matches': [ours.token_match == theirs.token_match, ours.url_match == theirs.url_match],\n"
            "    'rules': ours.rules == theirs.rules, 'tokens': [t.text for t in ours(text)] == [t.text for t in theirs(text)],\n"
            "    'count': len(ours(text))}))")
    text = ("Dr. O'Neil's (2019) study, e.g. of 1,200 adults [1], found that 5-10mg/day didn't work "
            "— see https://example.org/a?b=1 & Fig. 2... \"It can't hurt,\" he said; U.S. rates fell 3.5%!")
    for _ in range(2):  # the first run stores the patterns' code, the second reads it back
        seen = _run(code, str(tmp_path / "patterns"), text)
        assert seen["patterns"] == [True, True, True] and seen["matches"] == [True, True]
        assert seen["rules"] and seen["tokens"] and seen["count"] > 40


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


def test_a_check_of_a_draft_no_trigger_matches_never_imports_spacy(tmp_path):
    # No rule's cheap trigger matches any of its prose, so no sentence needs splitting or tokenizing:
    # the pipeline is never built and spaCy never imported (the document rules still run).
    draft = tmp_path / "list.md"
    draft.write_text("# Packing list\n\n- Map\n- Socks\n- Rain jacket\n\nPack a stove.\n")
    code = ("import contextlib, io, json, sys\nfrom claimlint.config import Config, resolve_rules\n"
            "from claimlint.markdown import parse\nfrom claimlint.nlp import plain_text\n"
            "segments = parse(open(sys.argv[1]).read()).segments\n"
            "triggered = [r.id for r in resolve_rules(Config()) if r.level == 'sentence' for s in segments\n"
            "             if r.checker.trigger is None or r.checker.trigger.search(plain_text(s.text))]\n"
            "from claimlint.cli import main\n"
            "sys.argv = ['claimlint', 'check', '--no-cache', '--format', 'json', sys.argv[1]]\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n    try:\n        main()\n    except SystemExit as exc:\n"
            "        status = exc.code\n"
            "print(json.dumps({'triggered': triggered, 'status': status, 'spacy': 'spacy' in sys.modules,\n"
            "    'files': json.loads(out.getvalue())['summary']['files_checked']}))")
    seen = _run(code, str(draft))
    assert seen["triggered"] == []  # the premise: should a rule's trigger come to match, pick other prose
    assert seen["spacy"] is False and seen["status"] in (0, 1) and seen["files"] == 1
