"""`claimlint server`: the Language Server Protocol over stdio, on pygls (`pip install 'claimlint[lsp]'`).

- Diagnostics when a Markdown document opens, changes and is saved: a change waits DEBOUNCE
  seconds for the next keystroke, a draft is linted in one worker thread at a time, and a result
  for a version the editor has moved past is dropped. Each has the rule id as `code` and the
  rule's documentation as `codeDescription` (as SARIF's helpUri; a house rule without a `url`:
  its file, which holds its description and examples).
- Positions are converted from code points to the encoding agreed with the client (UTF-16
  unless it offers another), line by line, so a claim after an emoji is underlined exactly.
- Each document is linted with the configuration nearest to it (`.claimlint.yaml`, or
  pyproject.toml with [tool.claimlint]); a configuration file that changes, on disk or when saved
  in the editor, re-lints every open document.
- Hover on a finding shows its message and what `claimlint explain` prints for its rule.
- Code actions: each fix a finding offers (hedges, softer wording, a link to fill in, the
  disclaimers, disabling the rule for the line with a reason), and disabling it in the file.
"""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from claimlint import __version__
from claimlint.api import linter_for, lint_text, resolve_config
from claimlint.config import CONFIG_NAMES
from claimlint.errors import ClaimlintError
from claimlint.explain import explanation
from claimlint.findings import Edit, Finding, Fix
from claimlint.fixes import Suppressing, located
from claimlint.links import rule_help
from claimlint.markdown import parse
from claimlint.source import LineIndex

DEBOUNCE = 0.05  # seconds a change waits for the next one before the draft is linted
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
             "info": types.DiagnosticSeverity.Information}
_CONFIG_FILES = (*CONFIG_NAMES, "pyproject.toml")


@dataclass
class _Linted:
    """What the server last found in a document: the text linted, its version, the findings and
    the rules that ran (for their documentation)."""

    text: str
    version: int | None
    findings: list[Finding]
    rules: dict

    def __post_init__(self):
        self.lines = self.text.split("\n")  # for converting positions


class ClaimlintServer(LanguageServer):
    def __init__(self):
        super().__init__("claimlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.debounce = DEBOUNCE
        self.linted: dict[str, _Linted] = {}
        self.pending: dict[str, asyncio.Task] = {}
        # One worker: drafts are linted one at a time, off the thread that reads the editor's messages.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimlint-lint")

    # Linting

    def schedule(self, uri: str, delay: float):
        """Lint the document after `delay` seconds, replacing a lint not yet started."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float):
        try:
            await asyncio.sleep(delay)
            document = self.workspace.get_text_document(uri)
            text, version = document.source, document.version
            result = await asyncio.get_running_loop().run_in_executor(self.executor, self._lint, uri, text)
        except asyncio.CancelledError:
            return
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return  # the editor has moved on; its own lint is scheduled
        findings, rules, problem = result
        self.linted[uri] = linted = _Linted(text, version, findings, rules)
        diagnostics = [self._diagnostic(linted, finding) for finding in findings]
        if problem:
            diagnostics.insert(0, self._problem(problem))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics))

    def _lint(self, uri: str, text: str):
        """(findings, rules by id, problem): a configuration or input error is the problem. The
        configuration is the command line's for the document (the nearest one above it), read
        again whenever its file changes."""
        path = _path(uri)
        try:
            config = resolve_config(None, path)
            rules = {rule.id: rule for rule in linter_for(config, path).rules}
            return lint_text(text, path, config), rules, None
        except ClaimlintError as exc:
            return [], {}, str(exc)
        except Exception as exc:  # noqa: BLE001 - a bug met in one draft must not silence the editor
            return [], {}, f"internal error in {path}: {type(exc).__name__}: {exc} (please report it)"

    def lint_all(self):
        for uri in list(self.workspace.text_documents):
            if _is_markdown(self.workspace.get_text_document(uri)):
                self.schedule(uri, 0)

    # Conversions

    def _position(self, lines: list[str], line: int, column: int) -> types.Position:
        """An LSP position from a 1-based line and code-point column, in the agreed encoding."""
        before = lines[line - 1][: column - 1] if line <= len(lines) else ""
        encoding = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        if encoding == types.PositionEncodingKind.Utf8:
            units = len(before.encode("utf-8"))
        elif encoding == types.PositionEncodingKind.Utf32:
            units = len(before)
        else:
            units = len(before) + sum(ord(char) > 0xFFFF for char in before)
        return types.Position(line=line - 1, character=units)

    def _range(self, lines: list[str], line: int, column: int, end_line: int, end_column: int) -> types.Range:
        return types.Range(start=self._position(lines, line, column), end=self._position(lines, end_line, end_column))

    def _diagnostic(self, linted: _Linted, finding: Finding) -> types.Diagnostic:
        rule = linted.rules.get(finding.rule)
        return types.Diagnostic(
            range=self._range(linted.lines, finding.line, finding.column, finding.end_line, finding.end_column),
            message=finding.message, severity=_SEVERITY[finding.severity], code=finding.rule, source="claimlint",
            code_description=types.CodeDescription(href=_docs(rule)) if rule else None)

    @staticmethod
    def _problem(message: str) -> types.Diagnostic:
        """A configuration or input error, on the line it names (a suppression's) or the first."""
        line = re.search(r": line (\d+):", message)
        start = types.Position(line=int(line.group(1)) - 1 if line else 0, character=0)
        return types.Diagnostic(range=types.Range(start=start, end=start), message=message,
                                severity=types.DiagnosticSeverity.Error, source="claimlint")

    def _at(self, uri: str, line: int, character: int) -> list[Finding]:
        """The findings whose span holds the LSP position (line and character in the agreed units)."""
        linted = self.linted.get(uri)
        if linted is None:
            return []
        hits = []
        for finding in linted.findings:
            span = self._range(linted.lines, finding.line, finding.column, finding.end_line, finding.end_column)
            if (span.start.line, span.start.character) <= (line, character) <= (span.end.line, span.end.character):
                hits.append(finding)
        return hits

    def _edit(self, lines: list[str], edit: Edit) -> types.TextEdit:
        return types.TextEdit(range=self._range(lines, edit.line, edit.column, edit.end_line, edit.end_column),
                              new_text=edit.text)

    # Features

    def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        findings = self._at(uri, position.line, position.character)
        if not findings:
            return None
        parts = []
        for finding in findings:
            rule = self.linted[uri].rules.get(finding.rule)
            docs = "\n".join(explanation(rule)) if rule else ""
            parts.append(f"**{finding.rule}** ({finding.severity}): {finding.message}\n\n```text\n{docs}\n```")
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))

    def code_actions(self, uri: str, span: types.Range) -> list[types.CodeAction]:
        linted = self.linted.get(uri)
        if linted is None:
            return []
        actions = []
        suppressing = None
        for finding in linted.findings:
            found = self._range(linted.lines, finding.line, finding.column, finding.end_line, finding.end_column)
            if (found.end.line, found.end.character) < (span.start.line, span.start.character) or \
                    (span.end.line, span.end.character) < (found.start.line, found.start.character):
                continue
            diagnostic = self._diagnostic(linted, finding)
            # A finding's own fixes come first and its suppression last; one about the whole draft
            # already offers disabling its rule in the file, the others get it here.
            fixes = list(finding.fixes)
            rule = linted.rules.get(finding.rule)
            if rule is None or rule.level != "document":
                if suppressing is None:
                    text = linted.text.replace("\r\n", "\n").replace("\r", "\n")
                    suppressing = Suppressing(parse(text), LineIndex(text))
                fixes.append(located(suppressing.file(finding.rule), suppressing.index))
            for number, fix in enumerate(fixes):
                actions.append(self._action(uri, linted, fix, diagnostic, preferred=number == 0 and len(finding.fixes) > 1))
        return actions

    def _action(self, uri: str, linted: _Linted, fix: Fix, diagnostic, preferred: bool) -> types.CodeAction:
        edits = [self._edit(linted.lines, edit) for edit in fix.edits]
        return types.CodeAction(
            title=f"claimlint: {fix.description}", kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
            is_preferred=preferred or None,
            edit=types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
                text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=linted.version),
                edits=edits)]))


def _docs(rule) -> str:
    """Where a rule is documented: its own `url`, a built-in rule's section of the rules reference
    (as SARIF's helpUri), else the rule's file, which holds its description and examples."""
    return rule.url or (rule_help(rule) if rule.builtin else None) or Path(rule.path).resolve().as_uri()


def _path(uri: str) -> str:
    """The file-system path of a document, or a name for one that has none (an unsaved buffer)."""
    return to_fs_path(uri) if uri.startswith("file:") else str(Path.cwd() / "untitled.md")


def _is_markdown(document) -> bool:
    return (document.language_id or "").startswith(("markdown", "mdx")) or document.uri.endswith(MARKDOWN_SUFFIXES)


def _is_config(uri: str) -> bool:
    return uri.rsplit("/", 1)[-1] in _CONFIG_FILES


def create_server() -> ClaimlintServer:
    server = ClaimlintServer()

    @server.feature(types.INITIALIZED)
    def initialized(ls: ClaimlintServer, params: types.InitializedParams):
        watching = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watching and watching.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in _CONFIG_FILES]
            ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id="claimlint-configuration", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ClaimlintServer, params: types.DidOpenTextDocumentParams):
        if _is_markdown(params.text_document):
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ClaimlintServer, params: types.DidChangeTextDocumentParams):
        document = ls.workspace.get_text_document(params.text_document.uri)
        if _is_markdown(document):
            ls.schedule(document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ClaimlintServer, params: types.DidSaveTextDocumentParams):
        uri = params.text_document.uri
        if _is_config(uri):
            ls.lint_all()
        elif _is_markdown(ls.workspace.get_text_document(uri)):
            ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ClaimlintServer, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        if ls.linted.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(ls: ClaimlintServer, params: types.DidChangeWatchedFilesParams):
        if any(_is_config(change.uri) for change in params.changes):
            ls.lint_all()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ClaimlintServer, params: types.HoverParams):
        return ls.hover(params.text_document.uri, params.position)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: ClaimlintServer, params: types.CodeActionParams):
        return ls.code_actions(params.text_document.uri, params.range)

    return server


def main():
    create_server().start_io()


