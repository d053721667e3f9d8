// YAML syntax errors in the user's words: a table of snippets (each laid into a stage-4 worksheet
// after its two first lines) → the one syntax diagnostic, its exact position and message; then
// every error code of the yaml library has an Indonesian and an English message of its own.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locale } from '../../src/i18n/index.js';
import { YAML_ERROR_CODES, yamlErrorMessage } from '../../src/load/yaml-errors.js';
import { phraseText } from '../../src/diagnostics/message.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { makeFixture, removeTemps } from '../helpers/fixtures.js';

afterAll(removeTemps);

const FILE = 'pokja/smart-economy/4-peta-jalan.yaml';
const HEAD = 'pokja: smart-economy\nstage: 4\n';
const P = 'YAML tidak sah: ';

// [name, snippet (from line 3), line, column, message]
const ROWS: [string, string, number, number, string][] = [
  [
    'BLOCK_AS_IMPLICIT_KEY: ": " inside a value',
    'roadmap:\n  - innovation: INO-1\n    year: 2024\n    milestone: Tahap 1: uji coba\n',
    6,
    16,
    `${P}nilai ini memuat ": " sehingga terbaca sebagai kunci baru; nilai yang memuat ": " harus diberi tanda kutip, misalnya "Rencana: Aksi"`,
  ],
  [
    'BLOCK_AS_IMPLICIT_KEY: a key indented under a value',
    'roadmap:\n  - innovation: INO-1\n    year: 2024\n     milestone: x\n',
    5,
    11,
    `${P}lekukan tidak sejajar dengan baris sebelumnya: baris berikutnya menjorok lebih dalam sehingga terbaca sebagai lanjutan nilai ini; samakan lekukannya dengan kunci lain`,
  ],
  [
    'BAD_INDENT: mapping items at different columns',
    'roadmap:\n    - innovation: INO-1\n  year: 2024\n',
    5,
    1,
    `${P}lekukan tidak sejajar dengan baris sebelumnya: semua kunci dalam satu peta harus mulai di kolom yang sama`,
  ],
  ['MISSING_CHAR: unclosed double quote', 'title: "Peta jalan\nroadmap: []\n', 5, 1, `${P}tanda kutip " tidak ditutup; tambahkan " penutup di akhir teks`],
  ["MISSING_CHAR: unclosed single quote", "title: 'Peta jalan\nroadmap: []\n", 5, 1, `${P}tanda kutip ' tidak ditutup; tambahkan ' penutup di akhir teks`],
  [
    'BAD_INDENT: unclosed flow sequence',
    'roadmap: [1, 2\nregulations: []\n',
    4,
    1,
    `${P}daftar atau peta dalam kurung tidak ditutup dengan ], atau baris lanjutannya kurang menjorok`,
  ],
  ['MISSING_CHAR: a key without a value', 'title: x\njust text\n', 4, 1, `${P}kunci tanpa nilai: tambahkan ": " lalu nilainya`],
  [
    'MULTILINE_IMPLICIT_KEY: a line that is neither key nor continuation',
    'title: x\nsome text\nregulations: []\n',
    4,
    1,
    `${P}baris ini bukan pasangan "kunci: nilai" dan tidak bisa dibaca sebagai lanjutan baris sebelumnya; tambahkan ": " setelah kuncinya, atau beri tanda kutip pada teks yang panjangnya lebih dari satu baris`,
  ],
  ['BAD_SCALAR_START: @', 'title: @pemda\n', 3, 8, `${P}nilai tidak boleh diawali "@" (tanda khusus YAML); beri tanda kutip pada nilainya, misalnya "@…"`],
  ['BAD_SCALAR_START: `', 'title: `x`\n', 3, 8, `${P}nilai tidak boleh diawali "\`" (tanda khusus YAML); beri tanda kutip pada nilainya, misalnya "\`…"`],
  ['UNEXPECTED_TOKEN: double comma', 'regulations: [1,, 2]\n', 3, 17, `${P}koma di tempat yang salah dalam [ ] atau { }: ada butir kosong atau koma ganda`],
  [
    'UNEXPECTED_TOKEN: a stray bracket',
    'title: x\n]\n',
    4,
    1,
    `${P}tanda "]" tidak diharapkan di sini; periksa tanda kurung dan lekukan baris ini dan baris sebelumnya`,
  ],
  [
    'UNEXPECTED_TOKEN: text after a quoted value',
    'title: "x" y\n',
    3,
    12,
    `${P}ada teks tambahan setelah nilai ini; beri tanda kutip pada seluruh nilai, atau pindahkan teks itu ke baris sendiri dengan lekukan yang benar`,
  ],
  [
    'BAD_DQ_ESCAPE',
    'title: "C:\\data"\n',
    3,
    11,
    `${P}urutan escape \\d tidak sah dalam teks berkutip ganda; gunakan tanda kutip tunggal ('C:\\data'), atau tulis garis miring terbalik dua kali`,
  ],
  [
    'BLOCK_IN_FLOW',
    'regulations: [\n  - x\n]\n',
    4,
    3,
    `${P}daftar "- " atau peta bertingkat tidak boleh berada di dalam [ ] atau { }; gunakan salah satu gaya saja`,
  ],
  ['MULTIPLE_ANCHORS', 'title: &x &y 1\n', 3, 11, `${P}satu nilai hanya boleh punya satu anchor (&) dan satu tag (!)`],
  [
    'BAD_ALIAS: alias without a name',
    'title: *\n',
    3,
    8,
    `${P}alias (*) atau anchor (&) tanpa nama, atau namanya diakhiri ":"; beri nama yang jelas, misalnya &dasar dan *dasar`,
  ],
  ['TAB_AS_INDENT', 'roadmap:\n\t- x\n', 4, 1, 'tab tidak boleh dipakai untuk indentasi YAML; gunakan spasi'],
  ['DUPLICATE_KEY', 'title: a\ntitle: b\n', 4, 1, 'kunci "title" ditulis dua kali dalam peta yang sama'],
];

describe('YAML syntax errors: snippet → position and message', () => {
  it.each(ROWS)('%s', async (_name, snippet, line, column, message) => {
    const repo = makeFixture(undefined, { [FILE]: HEAD + snippet });
    const r = await runCli(['validate', '--format', 'json'], { cwd: repo });
    expect(r.code).toBe(1);
    const syntax = JSON.parse(r.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'syntax');
    expect(syntax).toEqual([expect.objectContaining({ file: FILE, line, column, severity: 'error', message })]);
  });

  it('in English with --lang en', async () => {
    const repo = makeFixture(undefined, { [FILE]: HEAD + ROWS[0][1] });
    const r = await runCli(['validate', '--format', 'json', '--lang', 'en'], { cwd: repo });
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({
      line: 6,
      column: 16,
      message: 'invalid YAML: this value contains ": " so it reads as a new key; a value containing ": " must be quoted, e.g. "Plan: Action"',
    });
  });
});

describe('every error code of the yaml library', () => {
  it('is listed (the ErrorCode union of the installed yaml package)', () => {
    const dts = readFileSync(join(REPO_ROOT, 'node_modules', 'yaml', 'dist', 'errors.d.ts'), 'utf8');
    const union = /export type ErrorCode = ([^;]+);/.exec(dts)![1];
    const codes = [...union.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1]).sort();
    expect([...YAML_ERROR_CODES].sort()).toEqual(codes);
  });

  it.each(YAML_ERROR_CODES)('%s has its own words in both languages, never the parser English', (code) => {
    const parserEnglish = 'Nested mappings are not allowed in compact mappings';
    for (const lang of ['id', 'en'] as const) {
      const msg = phraseText(yamlErrorMessage({ code, message: parserEnglish, pos: [0, 1] }, 'a: b\n'), locale(lang));
      expect(msg).not.toContain(parserEnglish);
      expect(msg.length).toBeGreaterThan(20);
    }
  });
});
