// `masterplan trace`: the matrix and its gaps on the small fixture (every format, exact), CSV as
// Excel needs it (BOM, `;`, CRLF, RFC 4180), and agreement with the book's matrix appendix on
// examples/banggai and the fixture.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matrixAppendix } from '../../src/book/appendix-matrix.js';
import { Lookup } from '../../src/book/lookup.js';
import type { Inline, Section, TableBlock } from '../../src/book/types.js';
import { checkProject } from '../../src/pipeline.js';
import { REPO_ROOT, runCli, runCliProcess } from '../helpers/cli.js';
import { removeTemps } from '../helpers/fixtures.js';
import { parseCsv, SMALL } from './helpers.js';

const BANGGAI = join(REPO_ROOT, 'examples', 'banggai');
const BOM = '\uFEFF';

afterAll(removeTemps);

const PP2_NAME = 'Ketahanan pangan; "1 Juta 1 Pekarangan"\nTahap 1';

const SMALL_TRACE = {
  pokja: [
    { id: 'smart-economy', name: 'Smart Economy' },
    { id: 'smart-living', name: 'Smart Living' },
  ],
  programs: [
    { id: 'PP-1', name: 'Pemberdayaan UMKM', target: 'S1', mission: 'M1', cells: { 'smart-economy': ['INO-1', 'INO-2'], 'smart-living': [] }, innovations: 2 },
    { id: 'PP-2', name: PP2_NAME, target: 'S1', mission: 'M1', cells: { 'smart-economy': ['INO-2'], 'smart-living': [] }, innovations: 1 },
    { id: 'PP-3', name: 'Pelayanan Kesehatan', target: 'S1', mission: 'M1', cells: { 'smart-economy': ['INO-3'], 'smart-living': ['INO-L1'] }, innovations: 2 },
    { id: 'PP-4', name: '=1+1 Program uji', target: 'S2', mission: 'M2', cells: { 'smart-economy': [], 'smart-living': [] }, innovations: 0 },
  ],
  missions: [
    { id: 'M1', text: 'Misi pertama', programs: 3, covered: 3, percent: 100, innovations: 4 },
    { id: 'M2', text: 'Misi kedua', programs: 1, covered: 0, percent: 0, innovations: 0 },
  ],
  perPokja: [
    { id: 'smart-economy', name: 'Smart Economy', covered: 3, total: 4, percent: 75, innovations: 3 },
    { id: 'smart-living', name: 'Smart Living', covered: 1, total: 4, percent: 25, innovations: 1 },
  ],
  coverage: { covered: 3, total: 4, percent: 75 },
  gaps: {
    uncoveredPrograms: [{ id: 'PP-4', name: '=1+1 Program uji' }],
    unplannedInnovations: [
      { id: 'INO-3', title: 'Klinik UMKM Sehat', pokja: 'smart-economy' },
      { id: 'INO-L1', title: 'Ambulance Dering', pokja: 'smart-living' },
    ],
    unrealisedQuickWins: [{ id: 'QW-2', title: 'Pasar Tani Daring', pokja: 'smart-economy' }],
    missionsWithoutInnovation: [{ id: 'M2', text: 'Misi kedua' }],
  },
};

const SMALL_TEXT = `Matriks keterlacakan: program RPJMD × Pokja

PP-1  Pemberdayaan UMKM                                2 inovasi
      Smart Economy: INO-1, INO-2
PP-2  Ketahanan pangan; "1 Juta 1 Pekarangan" Tahap 1  1 inovasi
      Smart Economy: INO-2
PP-3  Pelayanan Kesehatan                              2 inovasi
      Smart Economy: INO-3
      Smart Living: INO-L1
PP-4  =1+1 Program uji                                 0 inovasi, belum tercakup

Cakupan per misi
Misi  Program  Cakupan  Inovasi
----  -------  -------  -------
M1        3/3     100%        4
M2        0/1       0%        0

Cakupan per Pokja
Pokja          Program  Cakupan  Inovasi
-------------  -------  -------  -------
Smart Economy      3/4      75%        3
Smart Living       1/4      25%        1
Semua Pokja        3/4      75%        4

Program RPJMD tanpa inovasi (1)
  PP-4  =1+1 Program uji

Inovasi tanpa peta jalan (2)
  INO-3   Klinik UMKM Sehat (Smart Economy)
  INO-L1  Ambulance Dering (Smart Living)

Quick win yang belum diwujudkan inovasi (1)
  QW-2  Pasar Tani Daring (Smart Economy)

Misi tanpa inovasi (1)
  M2  Misi kedua
`;

const NOTE = 'catatan: masterplan berisi 1 galat; angka di atas bisa belum lengkap (lihat masterplan validate)\n';

describe('masterplan trace on the small fixture', () => {
  it('json: the documented shape with exact figures', async () => {
    const r = await runCli(['trace', '--format', 'json', SMALL], { cwd: REPO_ROOT });
    expect(JSON.parse(r.stdout)).toEqual(SMALL_TRACE);
    expect(r.code).toBe(0);
  });

  it('text: matrix rows with their cells, coverage tables and the four gap lists', async () => {
    const r = await runCli(['trace', SMALL], { cwd: REPO_ROOT });
    expect(r.stdout).toBe(SMALL_TEXT);
    // The fixture has an error (OPD NOPE): the figures are shown, with a note, exit 0.
    expect(r.stderr).toBe(NOTE);
    expect(r.code).toBe(0);
  });

  it('text: colour only on a terminal, the same text underneath', async () => {
    const r = await runCli(['trace', SMALL], { cwd: REPO_ROOT, isTTY: true });
    expect(r.stdout).toContain('\x1b[33m0 inovasi, belum tercakup\x1b[0m');
    expect(r.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toBe(SMALL_TEXT);
    expect((await runCli(['trace', SMALL], { cwd: REPO_ROOT, isTTY: true, env: { NO_COLOR: '1' } })).stdout).toBe(SMALL_TEXT);
  });

  it('csv matrix: BOM, ";" and CRLF by default, RFC 4180 quoting, formula guard', async () => {
    const r = await runCli(['trace', '--format', 'csv', SMALL], { cwd: REPO_ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(BOM)).toBe(true);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    // Exact text: the one quoted field doubles its quotes and keeps its line break inside.
    expect(r.stdout).toBe(
      BOM +
        'Program;Nama program;Misi;Smart Economy;Smart Living;Jumlah inovasi\r\n' +
        'PP-1;Pemberdayaan UMKM;M1;INO-1, INO-2;;2\r\n' +
        'PP-2;"Ketahanan pangan; ""1 Juta 1 Pekarangan""\nTahap 1";M1;INO-2;;1\r\n' +
        'PP-3;Pelayanan Kesehatan;M1;INO-3;INO-L1;2\r\n' +
        "PP-4;'=1+1 Program uji;M2;;;0\r\n",
    );
    expect(parseCsv(r.stdout.slice(1), ';')).toEqual([
      ['Program', 'Nama program', 'Misi', 'Smart Economy', 'Smart Living', 'Jumlah inovasi'],
      ['PP-1', 'Pemberdayaan UMKM', 'M1', 'INO-1, INO-2', '', '2'],
      ['PP-2', PP2_NAME, 'M1', 'INO-2', '', '1'],
      ['PP-3', 'Pelayanan Kesehatan', 'M1', 'INO-3', 'INO-L1', '2'],
      ['PP-4', "'=1+1 Program uji", 'M2', '', '', '0'],
    ]);
  });

  it('csv matrix with --delimiter ,: fields holding a comma are quoted', async () => {
    const r = await runCli(['trace', '--format', 'csv', '--delimiter', ',', SMALL], { cwd: REPO_ROOT });
    expect(r.stdout.split('\r\n')[1]).toBe('PP-1,Pemberdayaan UMKM,M1,"INO-1, INO-2",,2');
    const rows = parseCsv(r.stdout.slice(1), ',');
    expect(rows.map((row) => row.length)).toEqual([6, 6, 6, 6, 6]);
    expect(rows[2][1]).toBe(PP2_NAME);
  });

  it('csv gaps: one row per gap, its kind first', async () => {
    const r = await runCli(['trace', '--format', 'csv', '--table', 'gaps', SMALL], { cwd: REPO_ROOT });
    expect(r.stdout.startsWith(BOM)).toBe(true);
    expect(parseCsv(r.stdout.slice(1), ';')).toEqual([
      ['Celah', 'Id', 'Nama', 'Pokja'],
      ['Program RPJMD tanpa inovasi', 'PP-4', "'=1+1 Program uji", ''],
      ['Inovasi tanpa peta jalan', 'INO-3', 'Klinik UMKM Sehat', 'Smart Economy'],
      ['Inovasi tanpa peta jalan', 'INO-L1', 'Ambulance Dering', 'Smart Living'],
      ['Quick win yang belum diwujudkan inovasi', 'QW-2', 'Pasar Tani Daring', 'Smart Economy'],
      ['Misi tanpa inovasi', 'M2', 'Misi kedua', ''],
    ]);
  });

  it('csv in English with --lang en', async () => {
    const r = await runCli(['trace', '--format', 'csv', '--table', 'gaps', '--lang', 'en', SMALL], { cwd: REPO_ROOT });
    expect(r.stdout.split('\r\n')[0]).toBe(`${BOM}Gap;Id;Name;Pokja`);
    expect(r.stderr).toBe('note: the masterplan has 1 error; the figures above may be incomplete (see masterplan validate)\n');
  });

  it.each([
    [['--table', 'gaps'], '--table'],
    [['--delimiter', ','], '--delimiter'],
    [['--format', 'json', '--table', 'matrix'], '--table'],
  ])('exits 2 on %j without --format csv', async (args, option) => {
    const r = await runCli(['trace', ...args, SMALL], { cwd: REPO_ROOT });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`masterplan: ${option} hanya berlaku bersama --format csv\n`);
  });

  it('exits 2 on a delimiter or table it does not know', async () => {
    expect((await runCli(['trace', '--format', 'csv', '--delimiter', '\t', SMALL], { cwd: REPO_ROOT })).code).toBe(2);
    expect((await runCli(['trace', '--format', 'csv', '--table', 'misi', SMALL], { cwd: REPO_ROOT })).code).toBe(2);
  });
});

/** The ids a book table cell links to, line by line. */
const refIds = (lines: Inline[][]) => lines.flat().flatMap((i) => (i.type === 'ref' ? [i.id] : []));
const textOf = (lines: Inline[][]) => lines.flat().map((i) => i.text).join('');

function bookMatrix(root: string) {
  const checked = checkProject(root);
  const appendix: Section = matrixAppendix('lampiran-b', 1, new Lookup(checked.model, checked.locale));
  const matrix = appendix.blocks[0] as TableBlock;
  const [missions, , uncovered, unplanned] = appendix.children;
  const list = (s: Section) => {
    const b = s.blocks[0];
    return b.type === 'list' ? b.items.map((item) => refIds([item])[0]) : [];
  };
  return {
    // One row per program (anchored), then the coverage per Pokja; a program without
    // innovations says so in its count column.
    programs: matrix.rows
      .filter((row) => row.id !== undefined)
      .map((row) => ({
        id: refIds(row.cells[0].lines)[0],
        cells: row.cells.slice(1, -1).map((c) => refIds(c.lines)),
        innovations: textOf(row.cells.at(-1)!.lines) === '✗ belum tercakup' ? 0 : Number(textOf(row.cells.at(-1)!.lines)),
      })),
    missions: (missions.blocks[0] as TableBlock).rows.map((row) => ({
      id: refIds(row.cells[0].lines)[0],
      coverage: textOf(row.cells[1].lines),
      percent: textOf(row.cells[2].lines),
      innovations: textOf(row.cells[3].lines) === '✗ belum tercakup' ? 0 : Number(textOf(row.cells[3].lines)),
    })),
    uncovered: list(uncovered),
    unplanned: list(unplanned),
  };
}

describe('masterplan trace agrees with the book (Lampiran B)', () => {
  it.each([
    ['examples/banggai', BANGGAI],
    ['the small fixture', SMALL],
  ])('on %s', async (_name, root) => {
    const book = bookMatrix(root);
    const tr = JSON.parse((await runCli(['trace', '--format', 'json', root], { cwd: REPO_ROOT })).stdout);
    expect(
      tr.programs.map((p: { id: string; cells: Record<string, string[]>; innovations: number }) => ({
        id: p.id,
        cells: Object.values(p.cells),
        innovations: p.innovations,
      })),
    ).toEqual(book.programs);
    expect(
      tr.missions.map((m: { id: string; covered: number; programs: number; percent: number; innovations: number }) => ({
        id: m.id,
        coverage: `${m.covered} dari ${m.programs}`,
        percent: `${m.percent}%`,
        innovations: m.innovations,
      })),
    ).toEqual(book.missions);
    expect(tr.gaps.uncoveredPrograms.map((p: { id: string }) => p.id)).toEqual(book.uncovered);
    expect(tr.gaps.unplannedInnovations.map((i: { id: string }) => i.id)).toEqual(book.unplanned);
  });
});

describe('masterplan trace on examples/banggai', () => {
  it('covers all 20 programs with 22 innovations and has no gaps', async () => {
    const r = await runCli(['trace', '--format', 'json', BANGGAI], { cwd: REPO_ROOT });
    expect(r.stderr).toBe('');
    const tr = JSON.parse(r.stdout);
    expect(tr.coverage).toEqual({ covered: 20, total: 20, percent: 100 });
    expect(tr.programs).toHaveLength(20);
    expect(tr.programs.find((p: { id: string }) => p.id === 'PP-07').cells).toEqual({
      'smart-governance': [],
      'smart-branding': ['INO-BRA-2'],
      'smart-economy': ['INO-ECO-1', 'INO-ECO-3'],
      'smart-living': [],
      'smart-society': [],
      'smart-environment': [],
    });
    expect(tr.missions.map((m: { id: string; covered: number; programs: number; innovations: number }) => [m.id, m.covered, m.programs, m.innovations])).toEqual([
      ['M1', 6, 6, 6],
      ['M2', 2, 2, 4],
      ['M3', 5, 5, 5],
      ['M4', 3, 3, 3],
      ['M5', 1, 1, 2],
      ['M6', 3, 3, 6],
    ]);
    expect(tr.perPokja.map((p: { covered: number; innovations: number }) => [p.covered, p.innovations])).toEqual([
      [4, 4],
      [4, 3],
      [4, 4],
      [5, 4],
      [4, 4],
      [3, 3],
    ]);
    expect(tr.gaps).toEqual({ uncoveredPrograms: [], unplannedInnovations: [], unrealisedQuickWins: [], missionsWithoutInnovation: [] });
  });

  it('writes a CSV through the bundled binary that parses back: 20 programs × 6 Pokja', () => {
    const r = runCliProcess(['trace', '--format', 'csv', 'examples/banggai'], { cwd: REPO_ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(BOM)).toBe(true);
    const rows = parseCsv(r.stdout.slice(1), ';');
    expect(rows).toHaveLength(21);
    expect(rows[0]).toEqual(['Program', 'Nama program', 'Misi', 'Smart Governance', 'Smart Branding', 'Smart Economy', 'Smart Living', 'Smart Society', 'Smart Environment', 'Jumlah inovasi']);
    expect(rows.every((row) => row.length === 10)).toBe(true);
    expect(rows.slice(1).reduce((n, row) => n + Number(row[9]), 0)).toBe(rows.slice(1).reduce((n, row) => n + row.slice(3, 9).filter(Boolean).join(', ').split(', ').filter(Boolean).length, 0));
  });
});
