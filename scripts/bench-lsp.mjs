// Part of `npm run bench`: how fast `masterplan lsp` answers on a masterplan (default: the example).
// Starts the server, opens a worksheet, and times the first diagnostics, hovers and completions.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = process.argv[2] ?? join(root, 'examples', 'banggai');
const runs = Number(process.argv[3] ?? '5');
const server = spawn(process.execPath, [join(root, 'bin', 'masterplan.js'), 'lsp', '--stdio'], { cwd: dir });
const conn = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
conn.listen();
const pokja = join(dir, 'pokja', readdirSync(join(dir, 'pokja')).sort()[0]);
const file = join(pokja, readdirSync(pokja).sort().find((f) => /^3/.test(f)));
const uri = pathToFileURL(file).href;
const text = readFileSync(file, 'utf8');
const lines = text.split('\n');
const rpjmdLine = lines.findIndex((l) => /^\s+rpjmd: \[/.test(l));
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
await conn.sendNotification('initialized', {});
let t = performance.now();
const first = new Promise((resolve) => conn.onNotification('textDocument/publishDiagnostics', (p) => p.uri === uri && resolve()));
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
await first;
const open = performance.now() - t;
const hovers = [];
const completions = [];
for (let i = 0; i < runs; i++) {
  // A change makes the next answer check the whole masterplan again, as after typing.
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: text + '\n'.repeat(i + 1) }] });
  t = performance.now();
  await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: rpjmdLine, character: lines[rpjmdLine].indexOf('[') + 2 } });
  hovers.push(performance.now() - t);
  t = performance.now();
  await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: rpjmdLine, character: lines[rpjmdLine].indexOf('[') + 1 } });
  completions.push(performance.now() - t);
}
console.log(
  `lsp: first diagnostics after opening ${open.toFixed(0)} ms; after an edit, hover ${median(hovers).toFixed(0)} ms, completion ${median(completions).toFixed(0)} ms (median of ${runs}; goal < 100 ms)`,
);
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
