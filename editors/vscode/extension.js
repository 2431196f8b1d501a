// Starts `leadlint lsp` for JSON manifests and Markdown docs. Everything else
// (diagnostics while typing, quick fixes, hover) comes from the server.
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('leadlint').get('path') || 'leadlint';
  client = new LanguageClient(
    'leadlint',
    'leadlint',
    { command, args: ['lsp'] },
    {
      documentSelector: [
        { scheme: 'file', language: 'json' },
        { scheme: 'file', language: 'jsonc' },
        { scheme: 'file', language: 'markdown' },
      ],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{leadlint.json,*.json,*.md}') },
    });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
