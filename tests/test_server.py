"""`claimlint server`, driven over stdio by pygls's own language client, as an editor drives it."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

from claimlint.links import rule_help
from claimlint.rules import builtin_rules_dir, load_rules
from conftest import ROOT

EMOJI_LINE = "🙂 Stress worsens sleep.\n"  # the emoji is one code point and two UTF-16 units
TIMEOUT = 30  # seconds to wait for a notification (the server loads spaCy on its first lint)


class Editor:
    """A language client that records every diagnostics notification, with the time it came."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.client = LanguageClient("claimlint-tests", "1")
        self.published: list[tuple[float, types.PublishDiagnosticsParams]] = []
        self.registrations: list[types.Registration] = []
        self.versions: dict[str, int] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams):
            self.published.append((time.perf_counter(), params))

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams):
            self.registrations.extend(params.registrations)

    async def start(self):
        await self.client.start_io(sys.executable, "-m", "claimlint", "server", cwd=str(self.folder))
        capabilities = types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)),
            general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf16]))
        result = await self.client.initialize_async(types.InitializeParams(
            capabilities=capabilities, root_uri=self.folder.as_uri(), process_id=None))
        self.client.initialized(types.InitializedParams())
        return result

    async def stop(self):
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.as_uri()
        self.versions[uri] = 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id="markdown", version=1, text=path.read_text(encoding="utf-8") if text is None else text)))
        return uri

    def replace(self, uri: str, line: int, start: int, end: int, text: str):
        """Replace characters [start, end) of a line (UTF-16 units), as a keystroke does."""
        self.versions[uri] += 1
        span = types.Range(start=types.Position(line=line, character=start), end=types.Position(line=line, character=end))
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangePartial(range=span, text=text)]))

    async def diagnostics(self, uri: str, after: int = 0, version: int | None = None) -> list[types.Diagnostic]:
        """The first diagnostics for `uri` published after the first `after` notifications (and
        for `version`, when given)."""
        deadline = time.perf_counter() + TIMEOUT
        while time.perf_counter() < deadline:
            for _, params in self.published[after:]:
                if params.uri == uri and (version is None or params.version == version):
                    return list(params.diagnostics)
            await asyncio.sleep(0.01)
        raise AssertionError(f"no diagnostics for {uri} (version {version}) within {TIMEOUT} s")


def session(folder: Path, scenario):
    """Run `scenario(editor)` against a server started in `folder`."""

    async def run():
        editor = Editor(folder)
        await editor.start()
        try:
            return await scenario(editor)
        finally:
            await editor.stop()

    return asyncio.run(run())


def _utf16(line: str, start: int, end: int) -> str:
    data = line.encode("utf-16-le")
    return data[2 * start : 2 * end].decode("utf-16-le")


def test_diagnostics_on_open_with_utf16_positions_rule_code_and_docs_link(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("# Notes\n\n" + EMOJI_LINE, encoding="utf-8")

    async def scenario(editor: Editor):
        return await editor.diagnostics(editor.open(draft))

    diagnostics = session(tmp_path, scenario)
    (causal,) = [d for d in diagnostics if d.code == "unhedged-causal-claim"]
    assert causal.range.start == types.Position(line=2, character=10)  # 9 code points, the emoji counting 2
    assert _utf16(EMOJI_LINE, causal.range.start.character, causal.range.end.character) == "worsens"
    assert causal.source == "claimlint" and causal.severity == types.DiagnosticSeverity.Warning
    assert causal.code_description.href.endswith("/docs/rules.md#unhedged-causal-claim")
    assert causal.code_description.href == rule_help(load_rules([builtin_rules_dir()])["unhedged-causal-claim"])


def test_changes_are_debounced_and_stale_results_dropped(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(EMOJI_LINE, encoding="utf-8")

    async def scenario(editor: Editor):
        uri = editor.open(draft)
        await editor.diagnostics(uri)
        before = len(editor.published)
        for character in "abcde":  # five keystrokes in quick succession: "Stress worsens sleep" -> "...sleepabcde"
            editor.replace(uri, 0, 22, 22, character)
        final = await editor.diagnostics(uri, before, version=editor.versions[uri])
        await asyncio.sleep(0.5)  # time for any late notification to arrive and be counted
        return final, [params for _, params in editor.published[before:] if params.uri == uri]

    final, published = session(tmp_path, scenario)
    assert [d.code for d in final if d.code == "unhedged-causal-claim"] == ["unhedged-causal-claim"]
    assert len(published) < 5  # coalesced, not one lint per keystroke
    assert published[-1].version == 6  # and the last is for the text the editor now holds


def test_a_change_and_a_save_relint(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(EMOJI_LINE, encoding="utf-8")

    async def scenario(editor: Editor):
        uri = editor.open(draft)
        first = await editor.diagnostics(uri)
        before = len(editor.published)
        editor.replace(uri, 0, 10, 17, "may worsen")  # the claim hedged: its finding goes
        hedged = await editor.diagnostics(uri, before, version=2)
        before = len(editor.published)
        editor.client.text_document_did_save(types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        saved = await editor.diagnostics(uri, before)
        return first, hedged, saved

    first, hedged, saved = session(tmp_path, scenario)
    assert "unhedged-causal-claim" in {d.code for d in first}
    assert "unhedged-causal-claim" not in {d.code for d in hedged}
    assert [d.code for d in saved] == [d.code for d in hedged]


def test_each_document_uses_its_nearest_configuration_reloaded_when_it_changes(tmp_path):
    (tmp_path / "strict").mkdir()
    (tmp_path / "relaxed").mkdir()
    config = tmp_path / "relaxed" / ".claimlint.yaml"
    config.write_text("ignore: [unhedged-causal-claim]\n")
    for folder in ("strict", "relaxed"):
        (tmp_path / folder / "draft.md").write_text(EMOJI_LINE, encoding="utf-8")

    async def scenario(editor: Editor):
        strict = await editor.diagnostics(editor.open(tmp_path / "strict" / "draft.md"))
        uri = editor.open(tmp_path / "relaxed" / "draft.md")
        relaxed = await editor.diagnostics(uri)
        before = len(editor.published)
        config.write_text("ignore: [missing-disclaimer]\n")
        editor.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
            types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
        reloaded = await editor.diagnostics(uri, before)
        return strict, relaxed, reloaded, editor.registrations

    strict, relaxed, reloaded, registrations = session(tmp_path, scenario)
    assert "unhedged-causal-claim" in {d.code for d in strict}
    assert "unhedged-causal-claim" not in {d.code for d in relaxed}
    assert "unhedged-causal-claim" in {d.code for d in reloaded}
    assert "missing-disclaimer" not in {d.code for d in reloaded}
    (registration,) = registrations  # the server asked to be told when a configuration file changes
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES


def test_a_house_rule_links_to_its_url_or_else_its_file(tmp_path):
    (tmp_path / "house").mkdir()
    rule = (tmp_path / "house" / "no-miracle.yaml")
    rule.write_text("id: no-miracle\nseverity: error\nmessage: 'Avoid {match}'\ndescription: Miracles.\n"
                    "kind: phrase\npatterns: ['miracles?']\nexamples: {flag: [A miracle.], pass: [A cure.]}\n")
    (tmp_path / ".claimlint.yaml").write_text("rule_paths: [house]\n")
    (tmp_path / "draft.md").write_text("This tea is a miracle.\n", encoding="utf-8")

    async def scenario(editor: Editor):
        return await editor.diagnostics(editor.open(tmp_path / "draft.md"))

    (own,) = [d for d in session(tmp_path, scenario) if d.code == "no-miracle"]
    assert own.code_description.href == rule.resolve().as_uri()


def test_a_bad_configuration_is_one_diagnostic_naming_it(tmp_path):
    (tmp_path / ".claimlint.yaml").write_text("selct: []\n")
    (tmp_path / "draft.md").write_text(EMOJI_LINE, encoding="utf-8")

    async def scenario(editor: Editor):
        return await editor.diagnostics(editor.open(tmp_path / "draft.md"))

    (diagnostic,) = session(tmp_path, scenario)
    assert "unknown key 'selct'" in diagnostic.message and ".claimlint.yaml" in diagnostic.message
    assert diagnostic.severity == types.DiagnosticSeverity.Error


def test_hover_shows_the_rules_explanation(tmp_path):
    (tmp_path / "draft.md").write_text(EMOJI_LINE, encoding="utf-8")

    async def scenario(editor: Editor):
        uri = editor.open(tmp_path / "draft.md")
        await editor.diagnostics(uri)
        on_claim = await editor.client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=12)))
        elsewhere = await editor.client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=4)))
        return on_claim, elsewhere

    on_claim, elsewhere = session(tmp_path, scenario)
    text = on_claim.contents.value
    assert "unhedged-causal-claim (warning, kind: causal-claim)" in text  # what `claimlint explain` prints
    assert "Flags:" in text and "Passes:" in text and "stated as fact" in text
    assert elsewhere is None


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions) to a text, as an editor does."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        return before + len(_utf16(line, 0, position.character))

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


def test_code_actions_offer_each_fix_and_the_suppressions_in_utf16(tmp_path):
    text = "Walking helps.\n" + EMOJI_LINE
    (tmp_path / "draft.md").write_text(text, encoding="utf-8")

    async def scenario(editor: Editor):
        uri = editor.open(tmp_path / "draft.md")
        diagnostics = await editor.diagnostics(uri)
        causal = next(d for d in diagnostics if d.code == "unhedged-causal-claim")
        actions = await editor.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=causal.range,
            context=types.CodeActionContext(diagnostics=[causal])))
        return uri, actions

    uri, actions = session(tmp_path, scenario)
    causal = {action.title: action for action in actions if action.diagnostics[0].code == "unhedged-causal-claim"}
    assert list(causal) == ['claimlint: Hedge the claim: "worsens" -> "may worsen"',
                            "claimlint: Disable unhedged-causal-claim for this line (give the reason)",
                            "claimlint: Disable unhedged-causal-claim in this file (give the reason)"]
    results = []
    for action in causal.values():
        assert action.kind == types.CodeActionKind.QuickFix
        (change,) = action.edit.document_changes
        assert change.text_document.uri == uri and change.text_document.version == 1
        results.append(_apply(text, change.edits))
    assert results[0] == "Walking helps.\n🙂 Stress may worsen sleep.\n"
    assert results[1] == ("Walking helps. <!-- claimlint-disable-next-line unhedged-causal-claim -- <reason> -->\n"
                          + EMOJI_LINE)
    assert results[2] == "<!-- claimlint-disable-file unhedged-causal-claim -- <reason> -->\n\n" + text
    assert causal['claimlint: Hedge the claim: "worsens" -> "may worsen"'].is_preferred


def test_the_server_needs_its_extra_and_says_so(cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "pygls", None)  # as if pygls were not installed
    monkeypatch.delitem(sys.modules, "claimlint.server", raising=False)
    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)
    result = cli("server")
    assert result.exit_code == 2
    assert "pip install 'claimlint[lsp]'" in result.stderr


def test_the_vscode_extension_starts_this_command():
    package = (ROOT / "editors" / "vscode" / "package.json").read_text(encoding="utf-8")
    assert '"vscode-languageclient"' in package
    extension = (ROOT / "editors" / "vscode" / "extension.js").read_text(encoding="utf-8")
    assert '"claimlint", "server"' in extension
