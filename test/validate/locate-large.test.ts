// Positions in large YAML files come from the lines of one entry (narrow-yaml.ts) instead of a
// second parse of the whole file: they must be the ones the whole document gives.
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Collector } from '../../src/diagnostics/collector.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { locate } from '../../src/source/locate.js';
import { LARGE_YAML_CHARS, narrow } from '../../src/source/narrow-yaml.js';
import { locale } from '../../src/i18n/index.js';
import { parseFile } from '../../src/load/parse-file.js';
import type { SourceFile } from '../../src/source/source-file.js';
import type { DataPath } from '../../src/model/types.js';

const HEAD = [
  '# Lembar kerja besar',
  'pokja: smart-economy',
  'stage: 1',
  'title: "Analisis: besar"',
  'analysis:',
  '  - program: PP-01',
  '    relevance: |',
  '      Baris satu.',
  '',
  '      # bukan komentar, isi teks',
  '    renstra:',
  '    - opd: DINAS',
  '      program: "Program: A"',
  '      code: "1.01"',
  '  - program: PP-02 # komentar',
  '    relevance: >-',
  '      teks dilipat',
  '      dua baris',
  '    renstra: [{opd: X, program: Y}]',
  'readiness:',
  '  structure:',
  '    strengths:',
  '      - kuat',
  '    "weaknesses":',
  '    - lemah',
  "  'infrastructure':",
  '    opportunities: [a, b]',
  'issues:',
].join('\n');

let lastDiagnostics: Diagnostic[] = [];

function bigFile(tail = ''): SourceFile {
  const items: string[] = [];
  for (let i = 0; items.length * 30 < LARGE_YAML_CHARS * 1.3; i++) {
    items.push(i % 97 === 0 ? `  - "Isu: nomor ${i}"\n  # komentar ${i}` : i % 89 === 0 ? `  -\n    Isu panjang ${i}\n    lanjut` : `  - Isu strategis nomor ${i}`);
  }
  const text = `${HEAD}\n${items.join('\n')}\nsummary: Ringkasan\nextra:\n  nested:\n    deep: 1\n${tail}`;
  const out = new Collector();
  const file = parseFile('pokja/x/1-analisis.yaml', 'worksheet', new TextEncoder().encode(text), out);
  lastDiagnostics = out.diagnostics(locale('en'));
  expect(file.doc).toBeUndefined();
  if (tail) return file;
  expect(file.yaml!.length).toBeGreaterThan(LARGE_YAML_CHARS);
  return file;
}

/** Every path into the data (the long list sampled). */
function paths(data: unknown, prefix: DataPath = [], out: DataPath[] = []): DataPath[] {
  out.push(prefix);
  if (Array.isArray(data)) data.forEach((x, i) => (data.length < 50 || i % 211 === 0 || i === data.length - 1) && paths(x, [...prefix, i], out));
  else if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) paths(v, [...prefix, k], out);
  return out;
}

describe('locate in a large file', () => {
  it('gives the positions of the whole document, for keys and values at every depth', () => {
    const file = bigFile();
    const whole: SourceFile = { ...file, doc: parseDocument(file.yaml!, { uniqueKeys: true, prettyErrors: false, strict: true }) };
    const all = paths(file.data);
    expect(all.length).toBeGreaterThan(60);
    for (const path of all.filter((p) => p.length > 0)) {
      for (const want of ['key', 'value'] as const) {
        expect(locate(file, path, want), `${JSON.stringify(path)} ${want}`).toEqual(locate(whole, path, want));
      }
    }
    expect(file.doc).toBeUndefined(); // never parsed whole
    // …and only a few lines were parsed for each.
    for (const path of [['issues', 500], ['issues', 9000, 'x'], ['analysis', 1, 'renstra'], ['extra', 'nested', 'deep'], ['readiness', 'infrastructure']]) {
      const r = narrow(file.yaml!, path);
      expect(r.end - r.start, JSON.stringify(path)).toBeLessThan(1000);
    }
  });

  it('reports a syntax error of a large file at its place without the second parser', () => {
    const file = bigFile('tabs:\n\t- x\n');
    expect(file.fatal).toBe(true);
    expect(lastDiagnostics.map((d) => [d.rule, d.line, d.column, d.message])).toEqual([
      ['syntax', file.source.text.split('\n').length - 1, 1, locale('en').messages.tabIndent],
    ]);
    bigFile('summary: twice\n');
    expect(lastDiagnostics.map((d) => [d.rule, d.message])).toEqual([['syntax', locale('en').messages.duplicateKey('summary')]]);
  });

  it('refuses aliases in a large file (the parser that limits them would need gigabytes), at the alias', () => {
    const file = bigFile('shared: &s [1]\nagain: *s\n');
    expect(file.fatal).toBe(true);
    const lines = file.source.text.split('\n');
    expect(lastDiagnostics.map((d) => [d.rule, d.line, d.column, d.endColumn, d.message])).toEqual([
      ['syntax', lines.length - 1, 8, 10, locale('en').messages.aliasInLargeFile('1')],
    ]);
  });

  it('points at the key of an unknown field at the end, as validate reports it', () => {
    const file = bigFile();
    const span = locate(file, ['extra'], 'key');
    expect(file.source.text.slice(span.start, span.end)).toBe('extra');
    expect(file.source.position(span.start).line).toBe(file.source.text.split('\n').findIndex((l) => l === 'extra:') + 1);
  });
});
