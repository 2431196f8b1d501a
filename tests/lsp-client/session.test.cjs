// One editor session driven by a real LSP client library (vscode-jsonrpc, the
// transport VS Code's language client uses) against `leadlint lsp` over stdio:
// initialize, open an unsaved buffer, pull diagnostics, an incremental edit
// that fixes the value, the quick fix, and a clean shutdown with exit code 0.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const { mkdtempSync, mkdirSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const rpc = require('vscode-jsonrpc/node');

const binary = process.env.LEADLINT ?? 'build/leadlint';

test('an editor session with vscode-jsonrpc', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadlint-lsp-client-'));
  mkdirSync(join(dir, 'offer'));
  const text = '{"$schema": "https://schema.mp.microsoft.com/schema/customer-leads/2022-03-01-preview3",\n' +
    ' "product": "product/1", "leadDestination": "Salesforce",\n' +
    ' "salesforceLeadConfiguration": {"objectIdentifier": "00D5g000004PrOs"}}\n';
  const path = join(dir, 'offer', 'leads.json');
  writeFileSync(path, text);
  const uri = 'file://' + path;
  const server = spawn(binary, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
  connection.listen();

  const init = await connection.sendRequest('initialize', {
    processId: process.pid, rootUri: 'file://' + dir,
    capabilities: { general: { positionEncodings: ['utf-16'] }, textDocument: { diagnostic: {} } },
  });
  assert.equal(init.capabilities.positionEncoding, 'utf-16');
  assert.equal(init.capabilities.textDocumentSync.change, 2);
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen',
    { textDocument: { uri, languageId: 'json', version: 1, text } });

  const pulled = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(pulled.kind, 'full');
  const codes = pulled.items.map((d) => d.code).sort();
  assert.ok(codes.includes('leads-invalid-field'), JSON.stringify(pulled.items));
  const invalid = pulled.items.find((d) => d.code === 'leads-invalid-field');
  assert.deepEqual(invalid.range, { start: { line: 1, character: 44 }, end: { line: 1, character: 56 } });

  const actions = await connection.sendRequest('textDocument/codeAction',
    { textDocument: { uri }, range: invalid.range, context: { diagnostics: [invalid] } });
  const fix = actions.find((a) => a.isPreferred);
  assert.equal(fix.title, "change the case of 'leadDestination' from 'Salesforce' to 'salesforce'");
  const edit = fix.edit.changes[uri][0];
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }],
  });
  const after = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(after.resultId, '2');
  assert.ok(!after.items.some((d) => d.code === 'leads-invalid-field'), JSON.stringify(after.items));

  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  assert.equal(await exited, 0);
  connection.dispose();
});
