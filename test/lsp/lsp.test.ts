// `masterplan lsp --stdio` with a real Language Server Protocol client (vscode-languageserver-
// protocol over the child process's pipes), as an editor drives it: open an unsaved buffer with a
// bad reference, see the problem, fix it, complete, hover, go to definition, find references,
// rename across files, then shut down.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type WorkspaceEdit,
  type CompletionItem,
  type Location,
  type Hover,
  type CodeAction,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { BIN } from '../helpers/cli.js';
import { makeFixture, removeTemps } from '../helpers/fixtures.js';

const STAGE2 = 'pokja/smart-economy/2-program-opd.yaml';
const STAGE3 = 'pokja/smart-economy/3-inovasi.md';
const ROADMAP = 'pokja/smart-economy/4-peta-jalan.yaml';

let repo: string;
let server: ChildProcess;
let conn: ProtocolConnection;
const diagnostics = new Map<string, PublishDiagnosticsParams[]>();
const waiters: (() => void)[] = [];
const uri = (rel: string) => pathToFileURL(join(repo, ...rel.split('/'))).href;

/** The next diagnostics published for a file that satisfy `ok`. */
function diagnosticsFor(rel: string, ok: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${rel}`)), timeoutMs);
    const check = () => {
      const hit = (diagnostics.get(uri(rel)) ?? []).find(ok);
      if (!hit) return false;
      clearTimeout(timer);
      resolve(hit);
      return true;
    };
    if (check()) return;
    const w = () => {
      if (!check()) waiters.push(w);
    };
    waiters.push(w);
  });
}

beforeAll(async () => {
  repo = makeFixture(undefined);
  server = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
  conn = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, [...(diagnostics.get(p.uri) ?? []), p]);
    for (const w of waiters.splice(0)) w();
  });
  conn.listen();
  const init = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(repo).href,
    workspaceFolders: [{ uri: pathToFileURL(repo).href, name: 'repo' }],
    capabilities: {},
  });
  expect((init as { capabilities: Record<string, unknown> }).capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, referencesProvider: true });
  await conn.sendNotification('initialized', {});
});

afterAll(() => {
  server?.kill();
  removeTemps();
});

const open = (rel: string, text: string, version = 1) =>
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(rel), languageId: rel.endsWith('.md') ? 'markdown' : 'yaml', version, text } });

describe('masterplan lsp', () => {
  const original = () => readFileSync(join(repo, STAGE2), 'utf8');

  it('reports a bad reference in an unsaved buffer at its line, then clears it when fixed', async () => {
    const text = original().replace('    rpjmd: [PP-01]\n    year: 2023', '    rpjmd: [PP-09]\n    year: 2023');
    await open(STAGE2, text);
    const bad = await diagnosticsFor(STAGE2, (p) => p.diagnostics.length > 0);
    expect(bad.diagnostics).toHaveLength(1);
    expect(bad.diagnostics[0]).toMatchObject({
      range: { start: { line: 11, character: 12 }, end: { line: 11, character: 17 } },
      severity: 1,
      code: 'unknown-reference',
      source: 'masterplan',
      message: 'program RPJMD "PP-09" tidak ditemukan; maksud Anda "PP-01"?',
    });
    // The file on disk is untouched: the problem exists only in the editor's buffer.
    expect(original()).toContain('rpjmd: [PP-01]\n    year: 2023');

    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri(STAGE2) },
      range: bad.diagnostics[0]!.range,
      context: { diagnostics: bad.diagnostics },
    })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual(['Ganti dengan "PP-01"']);
    expect(actions[0]!.edit!.changes![uri(STAGE2)]).toEqual([{ range: bad.diagnostics[0]!.range, newText: 'PP-01' }]);

    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(STAGE2), version: 2 },
      contentChanges: [{ range: bad.diagnostics[0]!.range, text: 'PP-01' }],
    });
    const fixed = await diagnosticsFor(STAGE2, (p) => p.diagnostics.length === 0);
    expect(fixed.diagnostics).toEqual([]);
  });

  it('names the other place of a duplicate id: where it was first written', async () => {
    const catalog = readFileSync(join(repo, 'rpjmd.yaml'), 'utf8');
    const lines = catalog.split('\n');
    const first = lines.indexOf('  - id: PP-01');
    await open('rpjmd.yaml', catalog.replace('  - id: PP-02', '  - id: PP-01'));
    const dup = await diagnosticsFor('rpjmd.yaml', (p) => p.diagnostics.some((d) => d.code === 'duplicate-id'));
    const d = dup.diagnostics.find((x) => x.code === 'duplicate-id')!;
    expect(d.range.start.line).toBe(lines.indexOf('  - id: PP-02'));
    expect(d.relatedInformation).toEqual([
      { location: { uri: uri('rpjmd.yaml'), range: { start: { line: first, character: 8 }, end: { line: first, character: 13 } } }, message: 'pertama ditulis di sini (rpjmd.yaml)' },
    ]);
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri('rpjmd.yaml') } });
    await diagnosticsFor('rpjmd.yaml', (p) => p.diagnostics.length === 0);
  });

  it('completes RPJMD program ids, with their names, inside `rpjmd: [`', async () => {
    const text = `${original().trimEnd()}\n  - id: QW-2\n    title: Kios\n    opd: DISKOP\n    rpjmd: [\n`;
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(STAGE2), version: 3 }, contentChanges: [{ text }] });
    const line = text.split('\n').length - 2;
    const items = (await conn.sendRequest('textDocument/completion', {
      textDocument: { uri: uri(STAGE2) },
      position: { line, character: '    rpjmd: ['.length },
    })) as CompletionItem[];
    expect(items.map((i) => [i.label, i.detail])).toEqual([
      ['PP-01', 'program RPJMD: Pemberdayaan UMKM'],
      ['PP-02', 'program RPJMD: Ekonomi Digital'],
    ]);
  });

  it('completes OPD ids after `opd: ` and keys with the schema description', async () => {
    const text = `${original().trimEnd()}\n  - id: QW-2\n    opd: \n    ti\n`;
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(STAGE2), version: 4 }, contentChanges: [{ text }] });
    const lines = text.split('\n');
    const opdLine = lines.indexOf('    opd: ');
    const opd = (await conn.sendRequest('textDocument/completion', { textDocument: { uri: uri(STAGE2) }, position: { line: opdLine, character: 9 } })) as CompletionItem[];
    expect(opd.map((i) => i.label)).toEqual(['DISKOP', 'DKISP']);
    const keys = (await conn.sendRequest('textDocument/completion', { textDocument: { uri: uri(STAGE2) }, position: { line: opdLine + 1, character: 6 } })) as CompletionItem[];
    const title = keys.find((k) => k.label === 'title');
    expect(title?.detail).toMatch(/^Judul/);
    expect(keys.map((k) => k.label)).toEqual(expect.arrayContaining(['id', 'title', 'opd', 'rpjmd', 'year', 'description']));
  });

  it('hovers an id with its name and its sasaran → tujuan → misi chain', async () => {
    const text = original();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(STAGE2), version: 5 }, contentChanges: [{ text }] });
    const line = text.split('\n').indexOf('    rpjmd: [PP-01]');
    const h = (await conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(STAGE2) }, position: { line, character: 13 } })) as Hover;
    const value = (h.contents as { value: string }).value;
    expect(value).toContain('**PP-01** — program RPJMD: Pemberdayaan UMKM');
    expect(value).toContain('sasaran S1.1.1: Meningkatnya UMKM naik kelas → tujuan T1.1: Meningkatnya daya saing ekonomi → misi M1: Ekonomi daerah yang berdaya saing');
    expect(h.range).toEqual({ start: { line, character: 12 }, end: { line, character: 17 } });
  });

  it('goes to the definition in the RPJMD catalog', async () => {
    const text = original();
    const line = text.split('\n').indexOf('    rpjmd: [PP-01]');
    const defs = (await conn.sendRequest('textDocument/definition', { textDocument: { uri: uri(STAGE2) }, position: { line, character: 14 } })) as Location[];
    const catalog = readFileSync(join(repo, 'rpjmd.yaml'), 'utf8').split('\n');
    const defLine = catalog.indexOf('  - id: PP-01');
    expect(defs).toEqual([{ uri: uri('rpjmd.yaml'), range: { start: { line: defLine, character: 8 }, end: { line: defLine, character: 13 } } }]);
  });

  it('finds every reference: fields in other worksheets and the catalog', async () => {
    const refs = (await conn.sendRequest('textDocument/references', {
      textDocument: { uri: uri('rpjmd.yaml') },
      position: { line: readFileSync(join(repo, 'rpjmd.yaml'), 'utf8').split('\n').indexOf('  - id: PP-01'), character: 10 },
      context: { includeDeclaration: false },
    })) as Location[];
    const files = refs.map((r) => r.uri.slice(pathToFileURL(repo).href.length + 1));
    expect(files).toEqual(expect.arrayContaining([STAGE2, STAGE3, 'pokja/smart-economy/1-analisis.yaml']));
    expect(files).not.toContain('rpjmd.yaml');
  });

  it('renames an innovation across its worksheet, a Markdown link in the body and the roadmap', async () => {
    const text = readFileSync(join(repo, STAGE3), 'utf8');
    await open(STAGE3, text);
    const line = text.split('\n').indexOf('  - id: INO-1');
    const edit = (await conn.sendRequest('textDocument/rename', { textDocument: { uri: uri(STAGE3) }, position: { line, character: 10 }, newName: 'INO-GALERI' })) as WorkspaceEdit;
    const changes = edit.changes!;
    expect(Object.keys(changes).sort()).toEqual([uri(STAGE3), uri(ROADMAP)].sort());
    const applied = (rel: string) => {
      const lines = readFileSync(join(repo, rel), 'utf8').split('\n');
      for (const e of [...changes[uri(rel)]!].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)) {
        const l = lines[e.range.start.line]!;
        lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
      }
      return lines.join('\n');
    };
    const stage3 = applied(STAGE3);
    expect(stage3).toContain('  - id: INO-GALERI\n');
    expect(stage3).toContain('[Galeri UKM Online](#INO-GALERI)');
    expect(stage3).not.toMatch(/INO-1\b/);
    expect(applied(ROADMAP)).toContain('  - innovation: INO-GALERI\n');

    await expect(
      conn.sendRequest('textDocument/rename', { textDocument: { uri: uri(STAGE3) }, position: { line, character: 10 }, newName: 'INO-2' }),
    ).rejects.toThrow('id "INO-2" sudah dipakai; pilih id lain');
  });

  it('lists a worksheet outline and helps inside .md front matter', async () => {
    const outline = (await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(STAGE3) } })) as DocumentSymbol[];
    expect(outline.map((s) => s.name)).toEqual(['pokja', 'stage', 'sectors', 'innovations']);
    expect(outline[3]!.children!.map((c) => [c.name, c.detail])).toEqual([
      ['INO-1', 'Galeri UKM Online'],
      ['INO-2', 'Pasar Digital'],
    ]);
    const text = readFileSync(join(repo, STAGE3), 'utf8').replace('    element: industri\n', '    element: \n');
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(STAGE3), version: 2 }, contentChanges: [{ text }] });
    const line = text.split('\n').indexOf('    element: ');
    const items = (await conn.sendRequest('textDocument/completion', { textDocument: { uri: uri(STAGE3) }, position: { line, character: 13 } })) as CompletionItem[];
    expect(items.map((i) => i.label)).toEqual(['industri', 'kesejahteraan', 'transaksi-keuangan']);
    const body = text.split('\n').findIndex((l) => l.startsWith('[Galeri UKM Online](#'));
    const links = (await conn.sendRequest('textDocument/completion', { textDocument: { uri: uri(STAGE3) }, position: { line: body, character: '[Galeri UKM Online](#'.length } })) as CompletionItem[];
    expect(links.map((i) => i.label)).toEqual(expect.arrayContaining(['INO-1', 'PP-01', 'QW-1', 'DKISP', 'smart-economy']));
  });

  it('checks, completes and explains theme.yaml of the templates folder', async () => {
    mkdirSync(join(repo, 'tema'), { recursive: true });
    writeFileSync(join(repo, 'tema', 'theme.yaml'), 'colors:\n  accent: "#7a1f1f"\n');
    const settings = `${readFileSync(join(repo, 'masterplan.yaml'), 'utf8').trimEnd()}\ntemplates: tema\n`;
    open('masterplan.yaml', settings);
    const theme = 'tema/theme.yaml';
    const text = 'colors:\n  acent: "#7a1f1f"\nlogo:\n  \n';
    open(theme, text);
    const found = await diagnosticsFor(theme, (p) => p.diagnostics.some((d) => d.code === 'schema'));
    expect(found.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.message])).toEqual([
      [1, 2, 'kolom "acent" tidak dikenal; maksud Anda "accent"?'],
      // `logo:` still empty while its keys are being typed.
      [2, 5, 'tipe salah: seharusnya peta (kunci: nilai)'],
    ]);
    const keys = (await conn.sendRequest('textDocument/completion', { textDocument: { uri: uri(theme) }, position: { line: 3, character: 2 } })) as CompletionItem[];
    expect(keys.map((k) => k.label).sort()).toEqual(['cover', 'header']);
    const h = (await conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(theme) }, position: { line: 2, character: 1 } })) as Hover;
    expect((h.contents as { value: string }).value).toMatch(/^\*\*logo\*\* — Lambang/);
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri(theme) } });
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri('masterplan.yaml') } });
  });

  it('closing a buffer falls back to the file on disk, and shutdown/exit ends the server', async () => {
    // The buffer still has `element:` empty (a schema error); on disk the file is fine.
    const open = await diagnosticsFor(STAGE3, (p) => p.diagnostics.some((d) => d.code === 'schema'));
    expect(open.diagnostics[0]!.message).toBe('tipe salah: seharusnya teks');
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri(STAGE3) } });
    await diagnosticsFor(STAGE3, (p) => p.diagnostics.length === 0);
    await conn.sendRequest('shutdown');
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    await conn.sendNotification('exit');
    expect(await exited).toBe(0);
  });
});
