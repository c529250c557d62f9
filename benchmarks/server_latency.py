"""Time `claimlint server` re-linting a draft of about N words after a change, once warm: from the
moment the editor sends the change to the moment its diagnostics arrive, the server's debounce
included. The server runs as an editor runs it, over stdio, driven by pygls's language client.

The draft is built from the project's sample drafts (see api_speed.py). Each change types one
character at the end of the first line; the next change waits for the diagnostics of the last.

    python benchmarks/server_latency.py [--words 5000] [--changes 15]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_speed import draft  # noqa: E402 - the same draft builder


async def measure(words: int, changes: int):
    folder = Path(tempfile.mkdtemp())
    path = folder / "draft.md"
    text = draft(words)
    path.write_text(text, encoding="utf-8")
    client = LanguageClient("claimlint-benchmark", "1")
    arrived: dict[int, float] = {}
    counts: dict[int, int] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams):
        arrived[params.version] = time.perf_counter()
        counts[params.version] = len(params.diagnostics)

    async def wait(version: int):
        while version not in arrived:
            await asyncio.sleep(0.001)

    await client.start_io(sys.executable, "-m", "claimlint", "server", cwd=str(folder))
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(), process_id=None))
    client.initialized(types.InitializedParams())
    uri = path.as_uri()
    opened = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="markdown", version=1, text=text)))
    await wait(1)
    cold = arrived[1] - opened
    column = len(text.split("\n")[0])
    latencies = []
    for version in range(2, changes + 4):  # two warm-up changes, then the measured ones
        change = types.TextDocumentContentChangePartial(text="x", range=types.Range(
            start=types.Position(line=0, character=column), end=types.Position(line=0, character=column)))
        column += 1
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[change]))
        await wait(version)
        if version > 3:
            latencies.append(arrived[version] - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    print(f"draft: {len(text.split())} words, {counts[1]} diagnostics")
    print(f"open to first diagnostics (cold: spaCy and the rules load): {cold * 1000:.0f} ms")
    print(f"change to diagnostics, warm, over {len(latencies)} changes: median {statistics.median(latencies) * 1000:.0f} ms, "
          f"min {min(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms (debounce included)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--changes", type=int, default=15)
    args = parser.parse_args()
    asyncio.run(measure(args.words, args.changes))


if __name__ == "__main__":
    main()
