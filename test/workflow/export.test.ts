// `masterplan export`: JSON checked against schemas/export.schema.json, and the xlsx workbook —
// its cell types read from the sheet XML (ids text, amounts numbers in a Rupiah format, years
// numbers, frozen headers, widths), and LibreOffice opening it (one soffice run, all sheets).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import formatsModule from 'ajv-formats';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { makeFixture, removeTemps, tempDir } from '../helpers/fixtures.js';

afterAll(removeTemps);

const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (ajv: Ajv) => Ajv;
const BANGGAI = join(REPO_ROOT, 'examples', 'banggai');
const SCHEMA = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'export.schema.json'), 'utf8')) as { $id: string };

function validator() {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(SCHEMA);
}

/** The base fixture with a quick win whose id reads as a number ("1.000") and a budget. */
function numericIds(): string {
  const base = makeFixture(undefined);
  const programs = readFileSync(join(base, 'pokja/smart-economy/2-program-opd.yaml'), 'utf8').replace('id: QW-1', 'id: "1.000"');
  const innovations = readFileSync(join(base, 'pokja/smart-economy/3-inovasi.md'), 'utf8')
    .replace('quick_win: QW-1', 'quick_win: "1.000"')
    .replace('    years: [2023, 2025]\n', '    years: [2023, 2025]\n    budget:\n      source: APBD\n      estimate: 250000000\n');
  return makeFixture(undefined, { 'pokja/smart-economy/2-program-opd.yaml': programs, 'pokja/smart-economy/3-inovasi.md': innovations });
}

describe('masterplan export --format json', () => {
  it('the Banggai example: valid against schemas/export.schema.json, the same traceability as trace', async () => {
    const r = await runCli(['export', BANGGAI, '--format', 'json'], { cwd: REPO_ROOT });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const data = JSON.parse(r.stdout);
    const validate = validator();
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.$schema).toBe(SCHEMA.$id);
    expect(data).toMatchObject({ format: 'masterplan-export', version: 1, problems: { errors: 0, warnings: 0 } });
    expect(data.masterplan).toEqual({ region: 'Kabupaten Banggai', title: expect.any(String), period: [2022, 2031], language: 'id' });
    const trace = JSON.parse((await runCli(['trace', BANGGAI, '--format', 'json'], { cwd: REPO_ROOT })).stdout);
    expect(data.traceability).toEqual({ coverage: trace.coverage, programs: trace.programs, missions: trace.missions, perPokja: trace.perPokja, gaps: trace.gaps });
    expect(data.innovations.find((i: { id: string }) => i.id === 'INO-GOV-1')).toMatchObject({
      pokja: 'smart-governance',
      rpjmd: ['PP-04', 'PP-13'],
      years: [2023, 2027],
      budget: { source: 'APBD', estimate: 4500000000 },
      file: 'pokja/smart-governance/3-inovasi.md',
    });
    // The schema judges: a record without its id is refused.
    delete data.innovations[0].id;
    expect(validate(data)).toBe(false);
  });

  it('--out writes the file; the same masterplan gives the same bytes; keys do not depend on --lang', async () => {
    const dir = tempDir();
    const r = await runCli(['export', BANGGAI, '--format', 'json', '--out', join(dir, 'a.json')], { cwd: REPO_ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const again = await runCli(['export', BANGGAI, '--format', 'json'], { cwd: REPO_ROOT });
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(again.stdout);
    const en = JSON.parse((await runCli(['export', BANGGAI, '--format', 'json', '--lang', 'en'], { cwd: REPO_ROOT })).stdout);
    expect(Object.keys(en)).toEqual(Object.keys(JSON.parse(again.stdout)));
  });

  it('with validation errors: still exported, exit 0, the counts in "problems" and a note on stderr', async () => {
    const repo = makeFixture('formats');
    const r = await runCli(['export', '--format', 'json'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).problems).toEqual({ errors: 1, warnings: 1 });
    expect(r.stderr).toBe('catatan: masterplan berisi 1 galat; angka di atas bisa belum lengkap (lihat masterplan validate)\n');
  });
});

/** LibreOffice's CSV: "," fields, '"' quotes, LF records (also inside quoted fields). */
function loCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** Sheet name → rows of cells {ref, type, style, value} from the xlsx's XML. */
function readXlsx(file: string) {
  const zip = unzipSync(readFileSync(file));
  const xml = (name: string) => strFromU8(zip[name]);
  const shared = [...xml('xl/sharedStrings.xml').matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g)].map((m) =>
    m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
  );
  const styles = xml('xl/styles.xml');
  const numFmts = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].map((m) => [m[1], m[2].replace(/&quot;/g, '"')]));
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf ([^>]*)>/g)].map((m) => /numFmtId="(\d+)"/.exec(m[1])?.[1]);
  const names = [...xml('xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  const sheets = new Map<string, { xml: string; rows: { ref: string; type?: string; format?: string; value: string }[][] }>();
  names.forEach((name, i) => {
    const sx = xml(`xl/worksheets/sheet${i + 1}.xml`);
    const rows = [...sx.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
      [...row[1].matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(?:<v>([^<]*)<\/v>)?<\/c>/g)].map((c) => {
        const type = /t="(\w+)"/.exec(c[2])?.[1];
        const style = /s="(\d+)"/.exec(c[2])?.[1];
        const fmt = style !== undefined ? xfs[Number(style)] : undefined;
        return { ref: c[1], type, format: fmt !== undefined ? numFmts.get(fmt) : undefined, value: type === 's' ? shared[Number(c[3])] : c[3] ?? '' };
      }),
    );
    sheets.set(name, { xml: sx, rows });
  });
  return { names, sheets };
}

describe('masterplan export --format xlsx', () => {
  it('sheets, text ids, numeric years and Rupiah amounts, frozen bold headers, widths; LibreOffice opens it', async () => {
    const repo = numericIds();
    const out = join(tempDir(), 'rencana.xlsx');
    const r = await runCli(['export', '--format', 'xlsx', '--out', out], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${out} ditulis (7 lembar)\n`);
    const { names, sheets } = readXlsx(out);
    expect(names).toEqual(['Inovasi', 'Quick Win', 'Peta Jalan', 'Program RPJMD', 'Matriks Keterlacakan', 'Celah', 'Anggaran']);
    for (const [, s] of sheets) {
      expect(s.xml).toMatch(/<pane ySplit="1"[^>]*state="frozen"\/>/);
      expect(s.xml).toMatch(/<cols><col min="1" max="1" width="\d+" customWidth="1"\/>/);
    }
    const qw = sheets.get('Quick Win')!.rows;
    expect(qw[0].map((c) => c.value)).toEqual(['Id', 'Judul', 'Pokja', 'OPD', 'Program RPJMD', 'Tahun', 'Inovasi terkait', 'Berkas']);
    expect(qw[1][0]).toMatchObject({ ref: 'A2', type: 's', value: '1.000' });
    expect(qw[1][5]).toMatchObject({ ref: 'F2', type: undefined, value: '2023' });
    expect(qw[1][6]).toMatchObject({ type: 's', value: 'INO-1' });
    const ino = sheets.get('Inovasi')!.rows;
    const header = ino[0].map((c) => c.value);
    const col = (name: string) => header.indexOf(name);
    const first = ino[1];
    expect(first[col('Id')]).toMatchObject({ type: 's', value: 'INO-1' });
    expect(first.find((c) => c.ref === 'I2')).toMatchObject({ type: 's', value: '1.000' });
    const year = first.find((c) => c.ref === 'K2')!;
    expect(year).toMatchObject({ type: undefined, value: '2023', format: '0' });
    const money = first.find((c) => c.ref === 'M2')!;
    expect(money).toMatchObject({ type: undefined, value: '250000000', format: '[$Rp-421] #,##0' });
    const budget = sheets.get('Anggaran')!.rows;
    expect(budget.at(-1)!.map((c) => c.value)).toEqual(['Jumlah', '250000000']);
    expect(budget.at(-1)![1].format).toBe('[$Rp-421] #,##0');
    const matrix = sheets.get('Matriks Keterlacakan')!.rows;
    expect(matrix[0].map((c) => c.value)).toEqual(['Id', 'Nama', 'Misi', 'Smart Economy', 'Jumlah inovasi']);

    // LibreOffice: one run converts every sheet to CSV ("-1"), cells as shown.
    // soffice comes from Debian's libreoffice-calc-nogui (.ci/run installs it).
    const lo = tempDir();
    mkdirSync(join(lo, 'csv'));
    const conv = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${lo}/profile`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
        '--outdir',
        join(lo, 'csv'),
        out,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(conv.status, conv.stderr).toBe(0);
    expect(readdirSync(join(lo, 'csv')).sort()).toEqual(names.map((n) => `rencana-${n}.csv`).sort());
    const csv = (n: string) => loCsv(readFileSync(join(lo, 'csv', `rencana-${n}.csv`), 'utf8'));
    const qwCsv = csv('Quick Win');
    expect(qwCsv[1].slice(0, 6)).toEqual(['1.000', 'Galeri UKM', 'Smart Economy', 'DISKOP', 'PP-01', '2023']);
    const inoCsv = csv('Inovasi');
    expect(inoCsv[1][col('Id')]).toBe('INO-1');
    expect(inoCsv[1][col('Tahun mulai')]).toBe('2023');
    expect(inoCsv[1][col('Anggaran (Rp)')]).toMatch(/^Rp 250[.,]000[.,]000$/);
    expect(existsSync(join(lo, 'csv', 'rencana-Anggaran.csv'))).toBe(true);
  }, 180_000);

  it('English headers and sheet names with --lang en; the default file is masterplan.xlsx here; same bytes twice', async () => {
    const repo = numericIds();
    const cwd = tempDir();
    const r = await runCli(['export', repo, '--lang', 'en'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('masterplan.xlsx written (7 sheets)\n');
    const { names, sheets } = readXlsx(join(cwd, 'masterplan.xlsx'));
    expect(names).toEqual(['Innovations', 'Quick Wins', 'Roadmap', 'RPJMD Programs', 'Traceability Matrix', 'Gaps', 'Budget']);
    expect(sheets.get('Quick Wins')!.rows[0].map((c) => c.value)).toEqual(['Id', 'Title', 'Pokja', 'OPD', 'RPJMD programs', 'Year', 'Related innovations', 'File']);
    const first = readFileSync(join(cwd, 'masterplan.xlsx'));
    await new Promise((done) => setTimeout(done, 2100)); // zip times have a 2-second grain
    await runCli(['export', repo, '--lang', 'en', '--out', 'again.xlsx'], { cwd });
    expect(readFileSync(join(cwd, 'again.xlsx')).equals(first)).toBe(true);
  });

  it('an unwritable --out is exit 2 with a message', async () => {
    const r = await runCli(['export', BANGGAI, '--out', join(tempDir(), 'no', 'such', 'dir.xlsx')], { cwd: REPO_ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^masterplan: gagal menulis .*dir\.xlsx: ENOENT/);
  });
});
