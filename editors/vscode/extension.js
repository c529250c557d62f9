// claimlint for VS Code: starts `python -m claimlint server` with the workspace's Python and
// connects VS Code's language client to it over stdio. Diagnostics, hovers and quick fixes all
// come from the server; this file only finds the Python and starts it.
"use strict";

const fs = require("fs");
const path = require("path");
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

// The Python to run: the `claimlint.python` setting, else the Python extension's interpreter for
// the workspace, else the workspace's .venv, else python3 on the PATH.
async function findPython() {
  const configured = vscode.workspace.getConfiguration("claimlint").get("python");
  if (configured) {
    return configured;
  }
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  const pythonExtension = vscode.extensions.getExtension("ms-python.python");
  if (pythonExtension) {
    try {
      const api = await pythonExtension.activate();
      const environment = api.environments.getActiveEnvironmentPath(folder && folder.uri);
      if (environment && environment.path) {
        return environment.path;
      }
    } catch (error) {
      // An older Python extension without the environments API: fall through.
    }
  }
  if (folder) {
    const windows = process.platform === "win32";
    const venv = path.join(folder.uri.fsPath, ".venv", windows ? "Scripts" : "bin", windows ? "python.exe" : "python");
    if (fs.existsSync(venv)) {
      return venv;
    }
  }
  return process.platform === "win32" ? "python" : "python3";
}

async function activate(context) {
  const python = await findPython();
  const serverOptions = { command: python, args: ["-m", "claimlint", "server"] };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "markdown" },
    ],
  };
  client = new LanguageClient("claimlint", "claimlint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `claimlint: could not start "${python} -m claimlint server" (install it with pip install 'claimlint[lsp]', ` +
      `or set claimlint.python): ${error.message}`);
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
