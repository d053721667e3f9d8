// `masterplan status`: exact figures on the small fixture (every format) and on examples/banggai,
// where problems are attributed, and the exit-code contract (0 even with errors, 2 cannot run).

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, runCliProcess } from '../helpers/cli.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';
import { copyFixture, SMALL } from './helpers.js';

const BANGGAI = join(REPO_ROOT, 'examples', 'banggai');

afterAll(removeTemps);

const stage = (n: number, files: string[], status: string | null, counts: Record<string, number>, errors = 0, warnings = 0) => ({
  stage: n,
  files,
  status,
  counts,
  errors,
  warnings,
});
const E = 'pokja/smart-economy';

const SMALL_STATUS = {
  title: 'Masterplan Smart City Kabupaten Uji',
  region: 'Kabupaten Uji',
  period: [2022, 2031],
  pokja: [
    {
      id: 'smart-economy',
      name: 'Smart Economy',
      stages: [
        stage(1, [`${E}/1-analisis.yaml`], 'final', { analysis: 2, renstra: 2, swot: 3, issues: 1 }),
        stage(2, [`${E}/2-program-opd.yaml`], 'review', { opd_programs: 1, quick_wins: 2 }),
        // Two files merge into one chapter; the least advanced status wins; NOPE is 1 error,
        // INO-3 without roadmap 1 warning.
        stage(3, [`${E}/3-inovasi-a.yaml`, `${E}/3-inovasi-b.md`], 'draft', { sectors: 1, innovations: 3 }, 1, 1),
        stage(4, [`${E}/4-peta-jalan.yaml`], 'draft', { roadmap: 2, regulations: 0 }),
      ],
      coverage: { covered: 3, total: 4, percent: 75 },
      innovations: 3,
      errors: 1,
      warnings: 1,
    },
    {
      id: 'smart-living',
      name: 'Smart Living',
      stages: [
        // A missing worksheet is this Pokja × stage's warning, not masterplan.yaml's.
        stage(1, [], null, { analysis: 0, renstra: 0, swot: 0, issues: 0 }, 0, 1),
        stage(2, [], null, { opd_programs: 0, quick_wins: 0 }, 0, 1),
        stage(3, ['pokja/smart-living/3-inovasi.yaml'], null, { sectors: 1, innovations: 1 }, 0, 1),
        stage(4, [], null, { roadmap: 0, regulations: 0 }, 0, 1),
      ],
      coverage: { covered: 1, total: 4, percent: 25 },
      innovations: 1,
      errors: 0,
      warnings: 4,
    },
  ],
  // PP-4 is covered by nothing: a warning in rpjmd.yaml.
  other: { files: ['masterplan.yaml', 'rpjmd.yaml'], errors: 0, warnings: 1 },
  coverage: { covered: 3, total: 4, percent: 75 },
  summary: { errors: 1, warnings: 6, files: 8 },
};

const SMALL_TEXT = `Masterplan Smart City Kabupaten Uji

Pokja          Tahap          Berkas  Status     Isi                                           Galat  Peringatan
-------------  -------------  ------  ---------  --------------------------------------------  -----  ----------
Smart Economy  1 Analisis          1  final      2 analisis program, 2 Renstra, 3 SWOT, 1 isu      0           0
               2 Program OPD       1  telaah     1 program OPD, 2 quick win                        0           0
               3 Inovasi           2  draf       1 sektor, 3 inovasi                               1           1
               4 Peta Jalan        1  draf       2 tonggak, 0 regulasi                             0           0
Smart Living   1 Analisis          0  belum ada  —                                                 0           1
               2 Program OPD       0  belum ada  —                                                 0           1
               3 Inovasi           1  —          1 sektor, 1 inovasi                               0           1
               4 Peta Jalan        0  belum ada  —                                                 0           1
berkas lain                        2             masterplan.yaml, rpjmd.yaml                       0           1

Cakupan program RPJMD oleh inovasi
Pokja          Program  Cakupan  Inovasi
-------------  -------  -------  -------
Smart Economy      3/4      75%        3
Smart Living       1/4      25%        1
Semua Pokja        3/4      75%        4

1 galat, 6 peringatan, 8 berkas diperiksa
`;

const SMALL_MARKDOWN = `## Status Masterplan Smart City Kabupaten Uji

| Pokja | Tahap | Berkas | Status | Isi | Galat | Peringatan |
| --- | --- | ---: | --- | --- | ---: | ---: |
| Smart Economy | 1 Analisis | 1 | final | 2 analisis program, 2 Renstra, 3 SWOT, 1 isu | 0 | 0 |
|  | 2 Program OPD | 1 | telaah | 1 program OPD, 2 quick win | 0 | 0 |
|  | 3 Inovasi | 2 | draf | 1 sektor, 3 inovasi | 1 | 1 |
|  | 4 Peta Jalan | 1 | draf | 2 tonggak, 0 regulasi | 0 | 0 |
| Smart Living | 1 Analisis | 0 | belum ada | — | 0 | 1 |
|  | 2 Program OPD | 0 | belum ada | — | 0 | 1 |
|  | 3 Inovasi | 1 | — | 1 sektor, 1 inovasi | 0 | 1 |
|  | 4 Peta Jalan | 0 | belum ada | — | 0 | 1 |
| berkas lain |  | 2 |  | masterplan.yaml, rpjmd.yaml | 0 | 1 |

### Cakupan program RPJMD oleh inovasi

| Pokja | Program | Cakupan | Inovasi |
| --- | ---: | ---: | ---: |
| Smart Economy | 3/4 | 75% | 3 |
| Smart Living | 1/4 | 25% | 1 |
| Semua Pokja | 3/4 | 75% | 4 |

**1 galat, 6 peringatan, 8 berkas diperiksa**
`;

describe('masterplan status on the small fixture', () => {
  it('json: the documented shape with exact figures', async () => {
    const r = await runCli(['status', '--format', 'json', SMALL], { cwd: REPO_ROOT });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(SMALL_STATUS);
    expect(r.code).toBe(0);
  });

  it('agrees with validate on the totals', async () => {
    const v = JSON.parse((await runCli(['validate', '--format', 'json', SMALL], { cwd: REPO_ROOT })).stdout);
    expect(v.summary).toEqual(SMALL_STATUS.summary);
  });

  it('text: an aligned table, no colour when not a terminal', async () => {
    const r = await runCli(['status', SMALL], { cwd: REPO_ROOT });
    expect(r.stdout).toBe(SMALL_TEXT);
    expect(r.code).toBe(0);
  });

  it('text: colour on a terminal, never with NO_COLOR, and the columns stay aligned', async () => {
    const tty = await runCli(['status', SMALL], { cwd: REPO_ROOT, isTTY: true });
    expect(tty.stdout).toContain('\x1b[');
    expect(tty.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toBe(SMALL_TEXT);
    const noColor = await runCli(['status', SMALL], { cwd: REPO_ROOT, isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).toBe(SMALL_TEXT);
  });

  it('markdown: GitHub tables for a CI job summary', async () => {
    const r = await runCli(['status', '--format', 'markdown', SMALL], { cwd: REPO_ROOT, isTTY: true });
    expect(r.stdout).toBe(SMALL_MARKDOWN);
  });

  it('speaks English with --lang en', async () => {
    const r = await runCli(['status', '--lang', 'en', SMALL], { cwd: REPO_ROOT });
    expect(r.stdout).toContain('Smart Economy  1 Analysis          1  final      2 program analyses, 2 Renstra programs, 3 SWOT items, 1 issue');
    expect(r.stdout).toContain('Smart Living   1 Analysis          0  missing');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 error, 6 warnings, 8 files checked');
  });

  it('places a worksheet that cannot be read by its path', async () => {
    const dir = copyFixture('small');
    writeFileSync(join(dir, 'pokja', 'smart-living', '2-program-opd.yaml'), 'pokja: smart-living\nstage: [2\n');
    const s = JSON.parse((await runCli(['status', '--format', 'json', dir], { cwd: REPO_ROOT })).stdout);
    const living = s.pokja[1];
    expect(living.stages[1]).toEqual(stage(2, ['pokja/smart-living/2-program-opd.yaml'], null, { opd_programs: 0, quick_wins: 0 }, 1, 0));
    // With a worksheet unreadable, coverage warnings are not judged (as in validate).
    expect(s.summary).toEqual({ errors: 2, warnings: 0, files: 9 });
    expect(s.pokja.reduce((n: number, p: { errors: number }) => n + p.errors, 0) + s.other.errors).toBe(2);
  });

  it('counts a worksheet outside any Pokja folder among the other files', async () => {
    const dir = copyFixture('small');
    writeFileSync(join(dir, 'pokja', 'smart-living', 'catatan.yaml'), 'pokja: smart-living\nstage: 7\n');
    const s = JSON.parse((await runCli(['status', '--format', 'json', dir], { cwd: REPO_ROOT })).stdout);
    expect(s.other.files).toEqual(['masterplan.yaml', 'pokja/smart-living/catatan.yaml', 'rpjmd.yaml']);
    expect(s.other.errors).toBe(1);
  });

  it('exits 0 with errors, 2 when there is no masterplan or DIR is not a folder', async () => {
    expect((await runCli(['status', SMALL], { cwd: REPO_ROOT })).code).toBe(0);
    const empty = tempDir();
    const none = await runCli(['status'], { cwd: empty });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^masterplan: masterplan\.yaml tidak ditemukan/);
    const file = join(SMALL, 'masterplan.yaml');
    const notDir = await runCli(['status', file], { cwd: REPO_ROOT });
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toBe(`masterplan: folder ${file} tidak ditemukan\n`);
    expect((await runCli(['status', '--format', 'html', SMALL], { cwd: REPO_ROOT })).code).toBe(2);
  });

  it('finds the masterplan upward from the working directory', async () => {
    const r = await runCli(['status', '--format', 'json'], { cwd: join(SMALL, 'pokja', 'smart-economy') });
    expect(JSON.parse(r.stdout)).toEqual(SMALL_STATUS);
  });
});

describe('masterplan status on examples/banggai', () => {
  /** [Pokja, per stage: [status, counts in STAGE_COUNTS order], coverage] — read off the example. */
  const EXPECTED: [string, [string, number[]][], number][] = [
    ['smart-governance', [['final', [3, 4, 19, 3]], ['final', [5, 2]], ['final', [3, 4]], ['final', [11, 3]]], 4],
    ['smart-branding', [['final', [3, 4, 9, 3]], ['review', [5, 1]], ['review', [3, 3]], ['review', [8, 1]]], 4],
    ['smart-economy', [['final', [3, 4, 9, 3]], ['final', [5, 2]], ['final', [3, 4]], ['final', [10, 1]]], 4],
    ['smart-living', [['final', [3, 4, 6, 3]], ['final', [5, 2]], ['final', [3, 4]], ['review', [11, 1]]], 5],
    ['smart-society', [['final', [3, 3, 8, 3]], ['final', [5, 2]], ['final', [3, 4]], ['final', [9, 1]]], 4],
    ['smart-environment', [['final', [3, 3, 9, 3]], ['final', [4, 2]], ['final', [3, 3]], ['final', [9, 1]]], 3],
  ];

  it('shows every Pokja × stage with its records, and full RPJMD coverage', async () => {
    const r = await runCli(['status', '--format', 'json', BANGGAI], { cwd: REPO_ROOT });
    const s = JSON.parse(r.stdout);
    expect(s.summary).toEqual({ errors: 0, warnings: 0, files: 38 });
    // The region-level parts under umum/ belong to no Pokja × stage: they are among the other files.
    expect(s.other).toEqual({
      files: ['masterplan.yaml', 'rpjmd.yaml', 'umum/istilah.yaml', 'umum/kata-pengantar.md', 'umum/komitmen.yaml', 'umum/pembiayaan.md', 'umum/pendahuluan.md', 'umum/penutup.md', 'umum/profil.yaml', 'umum/ringkasan.md', 'umum/tata-kelola.yaml', 'umum/tim.yaml', 'umum/visi.yaml'],
      errors: 0,
      warnings: 0,
    });
    expect(s.coverage).toEqual({ covered: 20, total: 20, percent: 100 });
    const got = s.pokja.map((p: { id: string; stages: { status: string; counts: Record<string, number> }[]; coverage: { covered: number } }) => [
      p.id,
      p.stages.map((st) => [st.status, Object.values(st.counts)]),
      p.coverage.covered,
    ]);
    expect(got).toEqual(EXPECTED);
    // Smart Economy splits stage 3 over two files.
    expect(s.pokja[2].stages[2].files).toEqual(['pokja/smart-economy/3-inovasi-a.md', 'pokja/smart-economy/3-inovasi-b.yaml']);
    expect(s.pokja.map((p: { innovations: number }) => p.innovations)).toEqual([4, 3, 4, 4, 4, 3]);
  });

  it('runs through the bundled binary', () => {
    const r = runCliProcess(['status', '--format', 'markdown', 'examples/banggai'], { cwd: REPO_ROOT });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## Status Masterplan Smart City Kabupaten Banggai 2022–2031\n/);
    expect(r.stdout).toContain('| Semua Pokja | 20/20 | 100% | 22 |');
  });
});

describe('status of a fresh repository with a deleted worksheet', () => {
  it('marks the stage missing and counts its warning there', async () => {
    const dir = join(tempDir(), 'repo');
    await runCli(['init', dir, '--region', 'Kabupaten Uji', '--period', '2022-2031'], { cwd: REPO_ROOT });
    rmSync(join(dir, 'pokja', 'smart-society', '4-peta-jalan.yaml'));
    const s = JSON.parse((await runCli(['status', '--format', 'json', dir], { cwd: REPO_ROOT })).stdout);
    expect(s.pokja[4].stages[3]).toEqual(stage(4, [], null, { roadmap: 0, regulations: 0 }, 0, 1));
    expect(s.summary).toEqual({ errors: 0, warnings: 2, files: 36 });
    expect(s.other.warnings).toBe(1);
  });
});
