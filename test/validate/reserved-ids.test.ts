// A record id that the books already use as an anchor for something else — a Pokja, an element,
// a generated section or a matrix row — is a duplicate id: otherwise the contents entry or a
// `#ID` link would land on the wrong place.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FIXTURES, makeFixture, removeTemps } from '../helpers/fixtures.js';

afterAll(removeTemps);

const INNOVATIONS = 'pokja/smart-economy/3-inovasi.md';
const base = readFileSync(join(FIXTURES, 'base', INNOVATIONS), 'utf8');

/** The base masterplan with innovation INO-2 renamed (its id sits at line 19, column 9). */
async function renamed(id: string, lang = 'id') {
  const repo = makeFixture(undefined, { [INNOVATIONS]: base.replace('- id: INO-2', `- id: ${id}`) });
  const r = await runCli(['validate', '--format', 'json', '--lang', lang], { cwd: repo });
  const diagnostics = (JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; column: number; rule: string; message: string }[] }).diagnostics;
  return { code: r.code, dup: diagnostics.filter((d) => d.rule === 'duplicate-id') };
}

describe('ids that collide with names the books already use', () => {
  it.each([
    ['a chapter anchor', 'buku-3-smart-economy', 'sudah dipakai sebagai jangkar bagian "Smart Economy'],
    ['a section anchor inside a chapter', 'buku-3-smart-economy-inovasi', 'jangkar bagian "Usulan Inovasi"'],
    ['an appendix part', 'lampiran-rpjmd-misi', 'jangkar bagian'],
    ['a matrix row', 'matriks-PP-01', 'jangkar bagian "Buku III'],
    ['a book inside the masterplan', 'buku-2', 'jangkar bagian "Buku II'],
    ['a Pokja id', 'smart-economy', 'sudah dipakai sebagai id Pokja Smart Economy'],
    ['an element id', 'industri', 'id elemen "Ekosistem Industri yang Berdaya Saing" (Pokja Smart Economy)'],
  ])('%s (%s) is a duplicate-id error at the record', async (_what, id, message) => {
    const r = await renamed(id);
    expect(r.code).toBe(1);
    expect(r.dup).toHaveLength(1);
    expect(r.dup[0]).toMatchObject({ file: INNOVATIONS, line: 19, column: 9 });
    expect(r.dup[0]!.message).toContain(`id "${id}" `);
    expect(r.dup[0]!.message).toContain(message);
  });

  it('says it in English with --lang en', async () => {
    const r = await renamed('buku-3-smart-economy', 'en');
    expect(r.dup[0]!.message).toMatch(/^id "buku-3-smart-economy" is already taken by the anchor of the section ".*Smart Economy.*"; choose another id$/);
  });

  it('ids that merely look like generated names are fine', async () => {
    for (const id of ['buku-5', 'buku-3-smart-economy-x', 'matriks', 'industri-2']) {
      const r = await renamed(id);
      expect(r.dup, id).toEqual([]);
    }
  });
});
