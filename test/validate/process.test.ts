// The real binary (`node bin/masterplan.js`, the esbuild bundle): exit codes, output streams, no
// stack traces, and the hostile inputs once more in a fresh process (own stack, own heap).
// Needs `node scripts/build.mjs` first (npm test does it).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCliProcess, STACK_LINE } from '../helpers/cli.js';
import { makeFixture, removeTemps } from '../helpers/fixtures.js';
import { billionLaughs, deepBlock, deepFlow, garbage, largeWorksheet } from '../helpers/generate.js';

const E = 'pokja/smart-economy';

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` before the tests');
});
afterAll(removeTemps);

function noStack(r: { stdout: string; stderr: string }) {
  expect(r.stdout).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toMatch(/RangeError|TypeError|ReferenceError|Maximum call stack/);
}

describe('bin/masterplan.js', () => {
  it('exit 0 on a clean masterplan, text on stdout, nothing on stderr', () => {
    const r = runCliProcess(['validate'], { cwd: makeFixture(undefined) });
    expect(r).toEqual({ code: 0, stdout: 'tidak ada masalah (6 berkas diperiksa)\n', stderr: '' });
  });

  it('exit 1 on errors; a piped stdout gets no colour', () => {
    const r = runCliProcess(['validate'], { cwd: makeFixture('formats') });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        `${E}/2-program-opd.yaml:13:11: galat: tahun 2035 di luar periode masterplan (2022–2031) (year-out-of-range)`,
        'rpjmd.yaml:25:9: peringatan: program RPJMD PP-02 belum dirujuk oleh inovasi mana pun (uncovered-program)',
        '1 galat, 1 peringatan, 6 berkas diperiksa',
      ].join('\n') + '\n',
    );
  });

  it('exit 0 with warnings only, exit 1 with --strict', () => {
    const repo = makeFixture('year-roadmap');
    expect(runCliProcess(['validate'], { cwd: repo }).code).toBe(0);
    expect(runCliProcess(['validate', '--strict'], { cwd: repo }).code).toBe(1);
  });

  it('exit 2 on bad arguments (--format xml): message on stderr, nothing on stdout', () => {
    const r = runCliProcess(['validate', '--format', 'xml'], { cwd: makeFixture(undefined) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('xml');
    noStack(r);
  });

  it('exit 2 without masterplan.yaml: message on stderr, nothing on stdout', () => {
    const repo = makeFixture(undefined, { 'catatan.txt': 'x\n' }, { base: false });
    const r = runCliProcess(['validate'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`masterplan: masterplan.yaml tidak ditemukan di ${repo} (atau folder di atasnya); jalankan perintah di folder masterplan\n`);
  });

  it('--version and --help exit 0', () => {
    const v = runCliProcess(['--version'], { cwd: REPO_ROOT });
    expect(v.code).toBe(0);
    expect(v.stdout).toBe(`${JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version}\n`);
    const h = runCliProcess(['validate', '--help'], { cwd: REPO_ROOT });
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--format');
  });

  it('json through the binary parses and carries the exact diagnostic', () => {
    const r = runCliProcess(['validate', '--format', 'json', '--quiet'], { cwd: makeFixture('formats') });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics).toEqual([
      {
        file: `${E}/2-program-opd.yaml`,
        line: 13,
        column: 11,
        endLine: 13,
        endColumn: 15,
        severity: 'error',
        rule: 'year-out-of-range',
        message: 'tahun 2035 di luar periode masterplan (2022–2031)',
      },
    ]);
  });

  describe('hostile inputs end in a diagnostic and exit 1, never a crash', () => {
    // Same single diagnostic, at the same place, as in-process (cli-cases): the place must not
    // depend on how much stack the process happens to have.
    const deep = (content: string, column: number) => () => {
      const repo = makeFixture(undefined, { [`${E}/9-dalam.yaml`]: content });
      const r = runCliProcess(['validate', '--format', 'json'], { cwd: repo });
      noStack(r);
      expect(r.code).toBe(1);
      const d = JSON.parse(r.stdout).diagnostics as { file: string; rule: string; line: number; column: number }[];
      expect(d.map((x) => [x.file, x.rule, x.line, x.column])).toEqual([[`${E}/9-dalam.yaml`, 'syntax', 1, column]]);
    };
    it('20,000 levels of [[[…]]]', deep(deepFlow(20_000), 1001));
    it('20,000 levels of - - - …', deep(deepBlock(20_000), 2001));

    it('an alias bomb', () => {
      const r = runCliProcess(['validate', '--format', 'json'], { cwd: makeFixture(undefined, { [`${E}/1-analisis.yaml`]: billionLaughs() }) });
      noStack(r);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).diagnostics.map((x: { rule: string; line: number; column: number }) => [x.rule, x.line, x.column])).toEqual([['syntax', 4, 8]]);
    });

    it('binary garbage', () => {
      const bytes = garbage(2048, 7);
      const r = runCliProcess(['validate', '--format', 'json'], { cwd: makeFixture(undefined, { [`${E}/9-rusak.yaml`]: bytes }) });
      noStack(r);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).diagnostics.map((x: { rule: string }) => x.rule)).toEqual(['encoding']);
    });

    it('a 10 MB valid worksheet: exit 0', () => {
      const text = largeWorksheet();
      const r = runCliProcess(['validate'], { cwd: makeFixture(undefined, { [`${E}/1-analisis.yaml`]: text }) });
      noStack(r);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('tidak ada masalah (6 berkas diperiksa)\n');
      expect(r.code).toBe(0);
    });
  });

  it('FILES mode through the binary, from the repository root', () => {
    const repo = makeFixture('files-mode');
    const r = runCliProcess(['validate', `${E}/4-peta-jalan.yaml`], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `${E}/4-peta-jalan.yaml:3:1: galat: kolom "titel" tidak dikenal; maksud Anda "title"? (schema)\n1 galat, 0 peringatan, 1 berkas diperiksa\n`,
    );
  });
});
