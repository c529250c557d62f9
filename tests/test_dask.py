"""Linting on a real Dask LocalCluster (two worker processes) gives exactly a local run's output."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
from pathlib import Path

import dask.bag as dask_bag
import distributed
import pytest

from conftest import ROOT
from claimlint.config import Configs
from claimlint.findings import FileResult
from claimlint.runner import RunOptions, run

DRAFTS = sorted((ROOT / "fixtures" / "eval").glob("[0-9]*.md"))
COPIES = 4  # a few hundred drafts


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c, \
            distributed.Client(c) as client:
        yield client


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A few hundred drafts and one that is not UTF-8."""
    root = tmp_path_factory.mktemp("archive")
    (root / "docs").mkdir()
    for copy in range(COPIES):
        for draft in DRAFTS:
            (root / "docs" / f"{copy}-{draft.name}").write_text(draft.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "docs" / "broken.md").write_bytes(b"Stress \xc3\x28 worsens sleep.\n")
    return root


@pytest.fixture
def in_archive(archive, monkeypatch):
    monkeypatch.chdir(archive)
    return archive


def outputs(cli, *args) -> dict:
    """The exit status, standard error, the JSON, text and JSON Lines reports of one run over
    docs/, and what it writes to an --output-dir: its shards joined, and its summary."""
    folder = Path("out")
    shutil.rmtree(folder, ignore_errors=True)  # the last run's
    result = cli("check", "--no-cache", "--format", "json", "--format", "text:report.txt",
                 "--format", "jsonl:report.jsonl", "--output-dir", str(folder), *args, "docs")
    return {"exit": result.exit_code, "stderr": result.stderr, "json": result.stdout,
            **{name: open(f"report.{suffix}", encoding="utf-8").read() for name, suffix in (("text", "txt"),
                                                                                           ("jsonl", "jsonl"))},
            "shards": "".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("shard-*.jsonl"))),
            "summary": (folder / "summary.json").read_text(encoding="utf-8")}


@pytest.fixture(scope="module")
def local_outputs(archive):
    """What a local run (two forked workers) gives."""
    from click.testing import CliRunner

    from claimlint.cli import main

    here = os.getcwd()
    os.chdir(archive)
    try:
        runner = CliRunner()
        return outputs(lambda *args: runner.invoke(main, list(args)), "-j", "2")
    finally:
        os.chdir(here)


def test_a_scheduler_address_gives_the_local_output(cli, in_archive, cluster, local_outputs):
    assert outputs(cli, "--dask", cluster.scheduler.address) == local_outputs
    report = json.loads(local_outputs["json"])
    assert local_outputs["exit"] == 2  # the broken draft is an input error, the others are reported
    assert report["summary"]["files_checked"] == COPIES * len(DRAFTS) and len(report["findings"]) > 1000
    assert [error["path"] for error in report["errors"]] == ["docs/broken.md"]
    assert local_outputs["text"].count("\n") > 2000
    assert [json.loads(line) for line in local_outputs["jsonl"].splitlines()] == report["findings"]
    assert local_outputs["shards"] == local_outputs["jsonl"] and json.loads(local_outputs["summary"])["exit_status"] == 2


def test_a_run_holds_a_few_batches_not_the_archive(in_archive, cluster, monkeypatch, tmp_path):
    """The client takes drafts from the run as its batches go out: at every result, the drafts
    it has read and not yet reported are at most the batches out and those read ahead to size
    them, whatever the archive's size; and results come in order."""
    import claimlint.dask
    import claimlint.runner
    from claimlint.dask import AHEAD, BATCHES_PER_WORKER

    monkeypatch.setattr(claimlint.dask, "BATCH_BYTES", 4096)  # so that a few hundred drafts make many batches
    read, reads = claimlint.runner.read_source, []  # with a cache, the runner reads each draft as it is taken
    monkeypatch.setattr(claimlint.runner, "read_source", lambda path: reads.append(path) or read(path))
    options = RunOptions([], [], cache_dir=tmp_path / "cache", dask=cluster.scheduler.address)
    sizes = {str(path.relative_to(in_archive)): path.stat().st_size for path in (in_archive / "docs").iterdir()}
    reported, held = [], []
    for result in run(["docs"], Configs(None), options).results():
        reported.append(result.path)
        held.append(sum(sizes[path] for path in reads[len(reported):]))
    assert reported == [path for path in reads if path != "docs/broken.md"]
    assert len(reported) == COPIES * len(DRAFTS) and len(reads) == len(reported) + 1
    bound = (AHEAD + BATCHES_PER_WORKER) * 2 * (4096 + max(sizes.values()))
    assert max(held) <= bound < sum(sizes.values()) / 2, (max(held), bound)


def test_local_n_starts_a_cluster_for_the_run(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    for draft in DRAFTS[:10]:
        (tmp_path / "docs" / draft.name).write_text(draft.read_text(encoding="utf-8"), encoding="utf-8")
    local = cli("check", "--no-cache", "-j", "1", "docs")
    result = cli("check", "--no-cache", "--dask", "local:2", "docs")
    assert (result.exit_code, result.stdout) == (local.exit_code, local.stdout) and local.exit_code == 1


def test_drafts_go_in_batches_by_size(in_archive):
    from claimlint.dask import BATCH_BYTES, BATCH_DRAFTS, BATCHES_PER_WORKER, _batches

    jobs = [(n, str(path), str(path), (), None) for n, path in enumerate(sorted((in_archive / "docs").iterdir()))]
    sizes = {job[0]: os.stat(job[1]).st_size for job in jobs}
    target = sum(sizes.values()) // 8  # a small run: four batches for each of two workers
    batches = list(_batches(jobs, 2))
    assert [job for batch in batches for job in batch] == jobs  # every draft once, in order
    assert 8 <= len(batches) <= 9
    assert all(sum(sizes[job[0]] for job in batch[:-1]) < target <= sum(sizes[job[0]] for job in batch)
               for batch in batches[:-1])
    # A large archive: batches of BATCH_BYTES, a huge draft alone, no more than BATCH_DRAFTS tiny
    # ones, and cached results among them; only a few batches are read ahead.
    huge = [(0, "huge.md", "huge.md", (), "x" * (2 * BATCHES_PER_WORKER * BATCH_BYTES)), (1, "next.md", "next.md", (), "y")]
    tiny = [(n, f"{n}.md", f"{n}.md", (), "z") if n % 2 else FileResult(f"{n}.md", []) for n in range(2, 2 + 3 * BATCH_DRAFTS)]
    read = []
    batches = _batches((read.append(item) or item for item in huge + tiny), 2)
    assert next(batches) == huge[:1] and len(read) == 1
    assert [len(batch) for batch in batches] == [BATCH_DRAFTS, BATCH_DRAFTS, BATCH_DRAFTS, 1]


def test_the_client_keeps_the_cache_and_sends_only_what_missed_it(cli, archive, cluster, local_outputs, tmp_path,
                                                                   monkeypatch):
    import claimlint.dask

    sent = []
    lint_jobs = claimlint.dask.lint_jobs

    def recording(client, items, *args):
        sent.append([])

        def noted():
            for item in items:
                if not isinstance(item, FileResult):
                    sent[-1].append(item[2])
                yield item

        return lint_jobs(client, noted(), *args)

    monkeypatch.setattr(claimlint.dask, "lint_jobs", recording)
    monkeypatch.chdir(tmp_path)
    shutil.copytree(archive / "docs", tmp_path / "docs")
    address = cluster.scheduler.address
    first = cli("check", "--format", "json", "--dask", address, "docs")
    assert (first.exit_code, first.stdout) == (2, local_outputs["json"])
    assert len(sent[-1]) == COPIES * len(DRAFTS)  # the broken draft fails its read on the client
    assert len(list((tmp_path / ".claimlint_cache").rglob("*.json"))) == len(DRAFTS)  # copies share entries
    changed_path = "docs/0-01-blog-gut-health.md"
    (tmp_path / changed_path).write_text("Sugar causes cancer.\n", encoding="utf-8")
    changed = cli("check", "--format", "json", "--dask", address, "docs")
    assert sent[-1] == [changed_path]
    assert "causes" in {f["match"] for f in json.loads(changed.stdout)["findings"] if f["path"] == changed_path}
    # With every draft cached, no cluster is needed: an address nobody listens on is never tried.
    (tmp_path / "docs" / "broken.md").unlink()
    cached = cli("check", "--format", "json", "--dask", "tcp://127.0.0.1:9", "docs")
    assert cached.exit_code == 1 and len(sent) == 2
    assert json.loads(cached.stdout)["findings"] == json.loads(changed.stdout)["findings"]


def test_a_killed_worker_loses_nothing(in_archive, cluster, local_outputs):
    pids = cluster.run(os.getpid)  # worker address -> process id
    killed = []

    def on_progress(done, total):
        if not killed and done >= 20:
            busy = [worker for worker, tasks in cluster.processing().items() if tasks]
            assert busy, "no worker was linting a batch"
            os.kill(pids[busy[0]], signal.SIGKILL)
            killed.append(done)

    report = run(["docs"], Configs(None), RunOptions([], [], dask=cluster.scheduler.address),
                 on_progress=on_progress).collect()
    assert killed and killed[0] < report.files_checked  # killed mid-run
    expected = json.loads(local_outputs["json"])
    assert json.loads(json.dumps([finding.to_dict() for finding in report.findings])) == expected["findings"]
    assert report.errors == expected["errors"]


CRASH = "<!-- crash the worker process -->"


class CrashingDrafts(distributed.WorkerPlugin):
    """Installed on every worker, those that replace a dead one too: a draft holding CRASH ends the
    worker's process as it is linted, as a draft that crashes a native library would. No draft
    or configuration can do this; only a test that installs this plugin on its cluster."""

    name = "crashing-drafts"

    def setup(self, worker):
        import claimlint.runner

        lint_job = self.lint_job = claimlint.runner.lint_job

        def crashing(job, *args, **kwargs):
            if CRASH in (job.text or ""):
                os._exit(70)
            return lint_job(job, *args, **kwargs)

        claimlint.runner.lint_job = crashing

    def teardown(self, worker):
        import claimlint.runner

        claimlint.runner.lint_job = self.lint_job


def test_a_batch_that_keeps_killing_workers_makes_its_drafts_input_errors(cli, tmp_path, monkeypatch, cluster):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    names = [draft.name for draft in DRAFTS[:24]]
    for name, draft in zip(names, DRAFTS):
        (tmp_path / "docs" / name).write_text(draft.read_text(encoding="utf-8"), encoding="utf-8")
    local = json.loads(cli("check", "--no-cache", "-j", "1", "--format", "json", "docs").stdout)
    (tmp_path / "docs" / names[12]).write_text(f"{CRASH}\n{DRAFTS[12].read_text(encoding='utf-8')}", encoding="utf-8")
    cluster.register_plugin(CrashingDrafts())
    try:
        result = cli("check", "--no-cache", "--format", "json", "--dask", cluster.scheduler.address, "docs")
    finally:
        cluster.unregister_worker_plugin(CrashingDrafts.name)
    report = json.loads(result.stdout)
    lost = [error["path"] for error in report["errors"]]
    assert result.exit_code == 2 and f"docs/{names[12]}" in lost
    assert lost == [f"docs/{name}" for name in names[names.index(lost[0].removeprefix("docs/")):][:len(lost)]]
    assert 1 < len(lost) <= 24 // 8 + 1  # its batch: a small run gives each of the 2 workers 4 batches
    assert result.stderr.splitlines() == [f"claimlint: error: {error['message']}" for error in report["errors"]]
    assert all("killed every Dask worker" in error["message"] and f"batch of {len(lost)} drafts (from {lost[0]})"
               in error["message"] for error in report["errors"])
    assert report["findings"] == [finding for finding in local["findings"] if finding["path"] not in lost]
    assert report["summary"]["files_checked"] == 24 - len(lost)


def test_lint_bag_gives_the_findings_of_lint_paths(in_archive, cluster):
    from claimlint import lint_paths
    from claimlint.dask import lint_bag

    # Workers read the files themselves, from where they run: absolute paths.
    paths = [str(in_archive / "docs" / f"0-{draft.name}") for draft in DRAFTS] + [str(in_archive / "docs" / "broken.md")]
    records = lint_bag(dask_bag.from_sequence(paths, npartitions=4)).compute()
    findings = [record for record in records if record["error"] is None]
    errors = [record for record in records if record["error"] is not None]
    local = lint_paths(paths)
    assert findings == [{**finding.to_dict(), "error": None} for finding in local.findings]
    assert [(error["path"], error["error"], error["rule"]) for error in errors] == \
        [(e["path"], e["message"], None) for e in local.errors]


def test_without_the_extra_dask_says_how_to_install_it(cli, in_archive, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` raises ImportError
    result = cli("check", "--no-cache", "--dask", "local:2", "docs/0-01-blog-gut-health.md")
    assert result.exit_code == 2
    assert "pip install 'claimlint[dask]'" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args, message", [
    (["--dask", "local:0"], "local:N"),
    (["--dask", "local"], "local:N"),
    (["--dask", "local:2", "--jobs", "2"], "leave out --jobs"),
    (["--no-cache", "--dask", "tcp://127.0.0.1:9"], "cannot reach the Dask scheduler at tcp://127.0.0.1:9"),
])
def test_a_bad_address_is_one_error(cli, in_archive, monkeypatch, args, message):
    monkeypatch.setattr("claimlint.dask.CONNECT_TIMEOUT", "1s")
    result = cli("check", *args, "docs/0-01-blog-gut-health.md")
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.stderr
