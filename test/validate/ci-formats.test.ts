// CI report formats: `--format sarif` (valid SARIF 2.1.0, checked against the official schema),
// `--format gitlab` (GitLab Code Quality) and `--format github` past GitHub's annotation cap
// (the full list in GITHUB_STEP_SUMMARY), each with paths relative to the CI's checkout.

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv4Module from 'ajv-draft-04';
import formatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeFixture, removeTemps, tempDir } from '../helpers/fixtures.js';

afterAll(removeTemps);

// CommonJS packages: their default export, whichever way the loader hands it over.
type Ajv4Class = typeof Ajv4Module.default;
const cjs = <T>(m: unknown) => ((m as { default?: T }).default ?? m) as T;
const Ajv4 = cjs<Ajv4Class>(Ajv4Module);
const addFormats = cjs<(ajv: InstanceType<Ajv4Class>) => unknown>(formatsModule);

const PROGRAMS = 'pokja/smart-economy/2-program-opd.yaml';
const SARIF_SCHEMA = JSON.parse(
  readFileSync(new URL('../fixtures/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/**
 * 12 errors in one worksheet: 11 unknown program references (PP-95 twice: identical problems),
 * the first also a bad id, with Markdown/HTML-active characters.
 */
function manyErrors(): string {
  const ref = (i: number) => (i === 0 ? '"PP|<b>*x*"' : i === 10 ? 'PP-95' : `PP-9${i}`);
  const rows = Array.from({ length: 11 }, (_, i) =>
    [`  - opd: DISKOP`, `    program: Program ${i}`, `    rpjmd: [${ref(i)}]`, `    element: industri`].join('\n'),
  );
  const quickWin = 'quick_wins:\n  - id: QW-1\n    title: Galeri UKM\n    opd: DISKOP\n    rpjmd: [PP-01]\n    year: 2023\n';
  return `pokja: smart-economy\nstage: 2\nopd_programs:\n${rows.join('\n')}\n${quickWin}`;
}

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0, one result per problem, with rules, levels and regions', async () => {
    const r = await runCli(['validate', '--format', 'sarif'], { cwd: makeFixture('formats') });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const ajv = new Ajv4({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const valid = ajv.validate(SARIF_SCHEMA, log);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The schema does judge: a wrong level or a missing message is refused.
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(ajv.validate(SARIF_SCHEMA, broken)).toBe(false);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('masterplan');
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('year-out-of-range');
    expect(run.results).toEqual([
      expect.objectContaining({
        ruleId: 'year-out-of-range',
        level: 'error',
        message: { text: 'tahun 2035 di luar periode masterplan (2022–2031)' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: PROGRAMS, uriBaseId: '%SRCROOT%' },
              region: { startLine: 13, startColumn: 11, endLine: 13, endColumn: 15 },
            },
          },
        ],
      }),
      expect.objectContaining({ ruleId: 'uncovered-program', level: 'warning' }),
    ]);
    expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe('year-out-of-range');
  });

  it('a clean masterplan is still a valid log with no results; paths are relative to GITHUB_WORKSPACE', async () => {
    const repo = makeFixture('formats');
    const ws = resolve(repo, '..');
    renameSync(repo, join(ws, 'my plan'));
    const r = await runCli(['validate', '--format', 'sarif', '--quiet'], { cwd: join(ws, 'my plan'), env: { GITHUB_WORKSPACE: ws } });
    const log = JSON.parse(r.stdout);
    expect(log.runs[0].results).toHaveLength(1);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(`my%20plan/${PROGRAMS}`);
    const clean = await runCli(['validate', '--format', 'sarif'], { cwd: makeFixture(undefined) });
    expect(clean.code).toBe(0);
    const ajv = new Ajv4({ strict: false, unicodeRegExp: false });
    addFormats(ajv);
    expect(ajv.validate(SARIF_SCHEMA, JSON.parse(clean.stdout))).toBe(true);
    expect(JSON.parse(clean.stdout).runs[0].results).toEqual([]);
  });
});

describe('--format gitlab', () => {
  it('a Code Quality report: description, check_name, fingerprint, severity, location', async () => {
    const r = await runCli(['validate', '--format', 'gitlab'], { cwd: makeFixture('formats') });
    expect(r.code).toBe(1);
    const issues = JSON.parse(r.stdout) as { fingerprint: string }[];
    expect(issues).toEqual([
      {
        description: 'tahun 2035 di luar periode masterplan (2022–2031)',
        check_name: 'year-out-of-range',
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        severity: 'major',
        location: { path: PROGRAMS, lines: { begin: 13 } },
      },
      {
        description: 'program RPJMD PP-02 belum dirujuk oleh inovasi mana pun',
        check_name: 'uncovered-program',
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        severity: 'minor',
        location: { path: 'rpjmd.yaml', lines: { begin: 25 } },
      },
    ]);
  });

  it('fingerprints are stable across runs and when lines above move; identical problems differ', async () => {
    const repo = makeFixture(undefined, { [PROGRAMS]: manyErrors() });
    const first = JSON.parse((await runCli(['validate', '--format', 'gitlab'], { cwd: repo })).stdout) as { fingerprint: string; location: { lines: { begin: number } } }[];
    const again = JSON.parse((await runCli(['validate', '--format', 'gitlab'], { cwd: repo })).stdout) as typeof first;
    expect(again).toEqual(first);
    writeFileSync(join(repo, PROGRAMS), `# a comment\n\n${manyErrors()}`);
    const moved = JSON.parse((await runCli(['validate', '--format', 'gitlab'], { cwd: repo })).stdout) as typeof first;
    expect(moved.map((i) => i.fingerprint)).toEqual(first.map((i) => i.fingerprint));
    expect(moved[0].location.lines.begin).toBe(first[0].location.lines.begin + 2);
    expect(new Set(first.map((i) => i.fingerprint)).size).toBe(first.length);
  });

  it('paths relative to CI_PROJECT_DIR', async () => {
    const repo = makeFixture('formats');
    const r = await runCli(['validate', '--format', 'gitlab', '-q'], { cwd: repo, env: { CI_PROJECT_DIR: resolve(repo, '..') } });
    expect(JSON.parse(r.stdout)[0].location.path).toBe(`repo/${PROGRAMS}`);
  });
});

describe('--format github', () => {
  it('paths relative to GITHUB_WORKSPACE, not the working directory', async () => {
    const repo = makeFixture('formats');
    const sub = join(repo, 'pokja');
    const r = await runCli(['validate', '..', '--format', 'github', '-q'], { cwd: sub, env: { GITHUB_WORKSPACE: resolve(repo, '..') } });
    expect(r.stdout).toMatch(new RegExp(`^::error file=repo/${PROGRAMS},line=13,`));
  });

  it('under the cap (10 errors, 10 warnings) nothing goes to the job summary', async () => {
    const summary = join(tempDir(), 'summary.md');
    const r = await runCli(['validate', '--format', 'github'], { cwd: makeFixture('formats'), env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(existsSync(summary)).toBe(false);
    expect(r.stdout).not.toContain('GitHub');
  });

  it('past the cap: every annotation still printed, a note, and the full escaped table in GITHUB_STEP_SUMMARY', async () => {
    const dir = tempDir();
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '## earlier step\n');
    const repo = makeFixture(undefined, { [PROGRAMS]: manyErrors() });
    const r = await runCli(['validate', '--format', 'github', '-q'], { cwd: repo, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(12);
    expect(lines.at(-1)).toBe(
      'GitHub hanya menampilkan 10 galat dan 10 peringatan pertama sebagai anotasi per langkah (di sini 12 galat, 0 peringatan); daftar lengkap ada di ringkasan job',
    );
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('## earlier step\n### masterplan: 12 galat, 0 peringatan\n\n| Berkas | Baris | Kolom | Tingkat | Aturan | Pesan |\n|---|--:|--:|---|---|---|\n')).toBe(true);
    const rows = md.split('\n').filter((l) => l.startsWith(`| pokja/`));
    expect(rows).toHaveLength(12);
    expect(rows.slice(0, 2)).toEqual([
      `| ${PROGRAMS} | 6 | 13 | galat | schema | id "PP\\|&lt;b&gt;\\*x\\*" tidak sah: gunakan huruf, angka, ".", "\\_" atau "-", diawali huruf atau angka |`,
      `| ${PROGRAMS} | 6 | 13 | galat | unknown-reference | program RPJMD "PP\\|&lt;b&gt;\\*x\\*" tidak ditemukan |`,
    ]);
  });

  it('past the cap without GITHUB_STEP_SUMMARY the note points at the log; English with --lang en', async () => {
    const repo = makeFixture(undefined, { [PROGRAMS]: manyErrors() });
    const r = await runCli(['validate', '--format', 'github', '-q', '--lang', 'en'], { cwd: repo });
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      'GitHub shows only the first 10 errors and 10 warnings of a step as annotations (here 12 errors, 0 warnings); the full list is in the log above',
    );
  });

  it('an unwritable GITHUB_STEP_SUMMARY is a note on stderr, not a failure of the report', async () => {
    const dir = join(tempDir(), 'not-a-file');
    mkdirSync(dir);
    const repo = makeFixture(undefined, { [PROGRAMS]: manyErrors() });
    const r = await runCli(['validate', '--format', 'github', '-q'], { cwd: repo, env: { GITHUB_STEP_SUMMARY: dir } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^masterplan: ringkasan job .*not-a-file tidak dapat ditulis: /);
    expect(r.stdout).toContain('daftar lengkap ada di log di atas');
  });
});

describe('build --report-format sarif|gitlab', () => {
  it('prints the report even with no problem (CI uploads a file either way)', async () => {
    const repo = makeFixture(undefined);
    const out = join(tempDir(), 'dist');
    const r = await runCli(['build', '--format', 'html', '--report-format', 'gitlab', '--out', out, '-q'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('[]\n');
    const s = await runCli(['build', '--format', 'html', '--report-format', 'sarif', '--out', out, '-q'], { cwd: repo });
    expect(JSON.parse(s.stdout).runs[0].results).toEqual([]);
  });
});
