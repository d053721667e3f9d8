// Small cases found by a careful tester: numbers too large to keep exactly, text that is only
// spaces, a masterplan.yaml that is a folder, and raw HTML, which neither book shows.

import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EPOCH } from '../helpers/build.js';
import { REPO_ROOT, runCli, runCliProcess } from '../helpers/cli.js';
import { FIXTURES, makeFixture, removeTemps, tempDir } from '../helpers/fixtures.js';
import { readPdf } from '../helpers/pdf.js';

afterAll(removeTemps);

const INNOVATIONS = 'pokja/smart-economy/3-inovasi.md';
const base = readFileSync(join(FIXTURES, 'base', INNOVATIONS), 'utf8');

async function validate(repo: string) {
  const r = await runCli(['validate', '--format', 'json'], { cwd: repo });
  return { ...r, diagnostics: r.stdout ? (JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] }).diagnostics : [] };
}

describe('values the schema must refuse', () => {
  it('a budget beyond what a double holds exactly is a schema error, not "Rp 1e+23"', async () => {
    const text = base.replace('    years: [2023, 2025]\n', '    years: [2023, 2025]\n    budget: {source: APBD, estimate: 99999999999999999999999}\n');
    const r = await validate(makeFixture(undefined, { [INNOVATIONS]: text }));
    expect(r.code).toBe(1);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ file: INNOVATIONS, line: 19, column: 38, rule: 'schema', message: expect.stringContaining('angka terlalu besar') }),
    ]);
  });

  it('the largest exact whole number is still accepted', async () => {
    const text = base.replace('    years: [2023, 2025]\n', '    years: [2023, 2025]\n    budget: {source: APBD, estimate: 9007199254740991}\n');
    const r = await validate(makeFixture(undefined, { [INNOVATIONS]: text }));
    expect(r.diagnostics).toEqual([]);
  });

  it('a title of spaces only is empty', async () => {
    const r = await validate(makeFixture(undefined, { [INNOVATIONS]: base.replace('title: Pasar Digital', 'title: "   "') }));
    expect(r.code).toBe(1);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ file: INNOVATIONS, line: 20, column: 12, rule: 'schema', message: 'nilai tidak boleh kosong' }),
    ]);
  });
});

describe('a masterplan.yaml that is a folder', () => {
  it('is a clear exit-2 message, not an internal EISDIR error', async () => {
    const repo = makeFixture(undefined);
    rmSync(join(repo, 'masterplan.yaml'));
    mkdirSync(join(repo, 'masterplan.yaml'));
    for (const cmd of [['validate'], ['build', '--format', 'html'], ['status']]) {
      const r = await runCli(cmd, { cwd: repo });
      expect(r.code, cmd[0]).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('masterplan.yaml harus berupa berkas YAML, bukan folder');
      expect(r.stderr).not.toMatch(/EISDIR|internal|internal/);
    }
  });
});

describe('raw HTML in a narrative', () => {
  it('is dropped from the PDF as it is from the HTML', async () => {
    const text = `${base}\n<div class="x">TEKS-DALAM-HTML</div>\n\nParagraf biasa sesudahnya.\n`;
    const repo = makeFixture(undefined, { [INNOVATIONS]: text });
    const out = join(tempDir(), 'out');
    const r = await runCli(['build', repo, '--out', out, '--format', 'all'], { cwd: REPO_ROOT, env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'buku-3.html'), 'utf8');
    expect(html).toContain('Paragraf biasa sesudahnya.');
    expect(html).not.toContain('TEKS-DALAM-HTML');
    const pdf = await readPdf(readFileSync(join(out, 'buku-3.pdf')));
    const all = pdf.text.join(' ');
    expect(all).toContain('Paragraf biasa sesudahnya.');
    expect(all).not.toContain('TEKS-DALAM-HTML');
  });
});

describe('a mapping key that is itself a list', () => {
  it('prints no warning of the YAML library on the terminal', () => {
    const repo = makeFixture(undefined, { 'masterplan.yaml': `${readFileSync(join(FIXTURES, 'base', 'masterplan.yaml'), 'utf8')}? [a, b]\n: c\n` });
    const r = runCliProcess(['validate'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/Warning|mapAsMap/);
    expect(r.stdout).not.toMatch(/Warning|mapAsMap/);
  });
});
