// `masterplan init`: what it writes, that the result validates, that a second run changes
// nothing, that every worksheet carries a working `$schema` comment for the editor.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, runCli, runCliProcess } from '../helpers/cli.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';
import { listFiles, snapshot } from './helpers.js';

const POKJA = ['smart-governance', 'smart-branding', 'smart-economy', 'smart-living', 'smart-society', 'smart-environment'];
const STAGE_FILES = ['1-analisis.yaml', '2-program-opd.yaml', '3-inovasi.yaml', '4-peta-jalan.yaml'];
const PARTS = ['foreword', 'team', 'summary', 'introduction', 'profile', 'vision', 'governance', 'financing', 'closing', 'glossary', 'commitment'];
const SCHEMAS = ['masterplan', 'rpjmd', 'stage-1', 'stage-2', 'stage-3', 'stage-4', ...PARTS.map((p) => `umum-${p}`), 'theme', 'common'];
const WORKSHEETS = POKJA.flatMap((p) => STAGE_FILES.map((f) => `pokja/${p}/${f}`));
/** The umum/ parts, in FORMAT.md's order, with the file names of examples/banggai. */
const PART_FILES = ['kata-pengantar', 'tim', 'ringkasan', 'pendahuluan', 'profil', 'visi', 'tata-kelola', 'pembiayaan', 'penutup', 'istilah', 'komitmen'].map((f) => `umum/${f}.yaml`);

/** In the order init writes (and lists) them. */
const EXPECTED_FILES = [
  'masterplan.yaml',
  'rpjmd.yaml',
  ...WORKSHEETS,
  ...PART_FILES,
  ...SCHEMAS.map((s) => `.masterplan/schemas/${s}.schema.json`),
  '.gitignore',
  '.vscode/settings.json',
  '.vscode/extensions.json',
  '.pre-commit-config.yaml',
  '.github/workflows/masterplan.yml',
];

const ARGS = ['--region', 'Kabupaten Contoh', '--period', '2022-2031'];

afterAll(removeTemps);

describe('masterplan init', () => {
  let root: string;
  let first: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    root = join(tempDir(), 'baru');
    first = await runCli(['init', root, ...ARGS], { cwd: REPO_ROOT });
  });

  it('creates the repository and lists every file it created', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(listFiles(root)).toEqual([...EXPECTED_FILES].sort());
    const lines = first.stdout.split('\n');
    expect(lines.slice(0, EXPECTED_FILES.length)).toEqual(EXPECTED_FILES.map((f) => `dibuat    ${f}`));
    expect(lines[EXPECTED_FILES.length]).toBe(`${EXPECTED_FILES.length} berkas dibuat, 0 dilewati, di ${root}`);
    expect(first.stdout).toContain('Langkah berikutnya:');
  });

  it('validates: no errors, only the expected warning for the placeholder program', async () => {
    const r = await runCli(['validate', '--format', 'json', root], { cwd: REPO_ROOT });
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics.map((d: { file: string; rule: string; severity: string }) => [d.file, d.rule, d.severity])).toEqual([
      ['rpjmd.yaml', 'uncovered-program', 'warning'],
    ]);
    expect(report.summary).toEqual({ errors: 0, warnings: 1, files: 2 + WORKSHEETS.length + PART_FILES.length });
    expect(r.code).toBe(0);
  });

  it('gives every Pokja all four stages, as drafts with nothing filled in yet', async () => {
    const r = await runCli(['status', '--format', 'json', root], { cwd: REPO_ROOT });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.pokja.map((p: { id: string }) => p.id)).toEqual(POKJA);
    for (const p of s.pokja) {
      expect(p.stages.map((st: { files: string[] }) => st.files)).toEqual(STAGE_FILES.map((f) => [`pokja/${p.id}/${f}`]));
      expect(p.stages.map((st: { status: string }) => st.status)).toEqual(['draft', 'draft', 'draft', 'draft']);
      for (const st of p.stages) expect(Object.values(st.counts).every((n) => n === 0)).toBe(true);
      expect(p.coverage).toEqual({ covered: 0, total: 1, percent: 0 });
    }
  });

  it('starts every YAML file with a $schema comment pointing at a copied schema that exists', () => {
    for (const f of ['masterplan.yaml', 'rpjmd.yaml', ...WORKSHEETS, ...PART_FILES]) {
      const text = readFileSync(join(root, f), 'utf8');
      // In a .md file the comment is the first line inside the front matter.
      const first = f.endsWith('.md') ? text.split('\n')[1] : text.split('\n')[0];
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, f).not.toBeNull();
      const target = resolve(dirname(join(root, f)), m![1]);
      expect(existsSync(target), `${f} → ${m![1]}`).toBe(true);
      expect(target.startsWith(join(root, '.masterplan', 'schemas'))).toBe(true);
      const data = parse(text) as { stage?: number; part?: string };
      const expected = f === 'masterplan.yaml' ? 'masterplan' : f === 'rpjmd.yaml' ? 'rpjmd' : data.part ? `umum-${data.part}` : `stage-${data.stage}`;
      expect(m![1].endsWith(`/${expected}.schema.json`) || m![1] === `.masterplan/schemas/${expected}.schema.json`, f).toBe(true);
      // Each umum/ part comes with guidance comments saying where it appears.
      if (data.part) expect(text, f).toMatch(/^# Bagian umum: \S/m);
    }
  });

  it('copies the schemas byte for byte, so editors work offline (relative $refs resolve there)', () => {
    for (const s of SCHEMAS) {
      expect(readFileSync(join(root, '.masterplan', 'schemas', `${s}.schema.json`), 'utf8')).toBe(
        readFileSync(join(REPO_ROOT, 'schemas', `${s}.schema.json`), 'utf8'),
      );
    }
  });

  it('maps the schemas for VS Code and recommends the YAML extension', () => {
    const settings = JSON.parse(readFileSync(join(root, '.vscode', 'settings.json'), 'utf8'));
    const mapping = settings['yaml.schemas'] as Record<string, string | string[]>;
    expect(Object.keys(mapping)).toHaveLength(6);
    for (const schema of Object.keys(mapping)) expect(existsSync(join(root, schema)), schema).toBe(true);
    expect(mapping['./.masterplan/schemas/stage-3.schema.json']).toContain('/pokja/*/3-*.yaml');
    expect(JSON.parse(readFileSync(join(root, '.vscode', 'extensions.json'), 'utf8'))).toEqual({ recommendations: ['redhat.vscode-yaml'] });
  });

  it('writes .gitignore, the CI workflow (= examples/ci/github-actions.yml) and a pre-commit config with a local hook', () => {
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['/dist', '/.dist.*']));
    expect(readFileSync(join(root, '.github', 'workflows', 'masterplan.yml'), 'utf8')).toBe(
      readFileSync(join(REPO_ROOT, 'examples', 'ci', 'github-actions.yml'), 'utf8'),
    );
    // A local hook calling the installed masterplan: no repository URL to fill in (the real
    // pre-commit runs it in test/release/pre-commit.test.ts).
    const config = parse(readFileSync(join(root, '.pre-commit-config.yaml'), 'utf8'));
    const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; files: string }[];
    expect(config.repos).toEqual([
      {
        repo: 'local',
        hooks: [{ id: 'masterplan-validate', name: 'masterplan validate', entry: 'masterplan validate', language: 'system', files: hooks[0].files, pass_filenames: true }],
      },
    ]);
  });

  it('.gitignore keeps the built books out of git: dist is a link to .dist.v-<n> (a `dist/` pattern would not match it)', () => {
    const repo = tempDir();
    writeFileSync(join(repo, '.gitignore'), readFileSync(join(root, '.gitignore')));
    expect(spawnSync('git', ['init', '-q'], { cwd: repo }).status).toBe(0);
    mkdirSync(join(repo, '.dist.v-3'));
    writeFileSync(join(repo, '.dist.v-3', 'buku-1.html'), 'x');
    symlinkSync('.dist.v-3', join(repo, 'dist'));
    const r = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repo, encoding: 'utf8' });
    expect(r.stdout).toBe('?? .gitignore\n');
  });

  it('guides in Indonesian, with commented examples that validate once uncommented', async () => {
    const text = readFileSync(join(root, 'pokja', 'smart-economy', '3-inovasi.yaml'), 'utf8');
    expect(text).toContain('Kertas kerja tahap 3 – Buku III: Inovasi Pokja');
    expect(text).toContain('# Elemen Pokja ini: industri, kesejahteraan, transaksi-keuangan');
    expect(text).toMatch(/^innovations: \[\]$/m);

    // Do what the comment says on a copy: drop "[]", uncomment the example lines.
    const copy = join(tempDir(), 'contoh');
    await runCli(['init', copy, ...ARGS], { cwd: REPO_ROOT });
    const uncomment = (rel: string, keys: string[]) => {
      let inExample = false;
      const lines = readFileSync(join(copy, rel), 'utf8')
        .split('\n')
        .map((line) => {
          const key = /^(\w+): (\[\]|\{\})$/.exec(line);
          if (key && keys.includes(key[1])) {
            inExample = true;
            return `${key[1]}:`;
          }
          if (inExample && line.startsWith('#   ')) return line.replace('#   ', '  ').replace('    # quick_win', '    quick_win');
          inExample = false;
          return line;
        });
      writeFileSync(join(copy, rel), lines.join('\n'));
    };
    uncomment('pokja/smart-economy/1-analisis.yaml', ['analysis', 'readiness', 'issues']);
    uncomment('pokja/smart-economy/2-program-opd.yaml', ['opd_programs', 'quick_wins']);
    uncomment('pokja/smart-economy/3-inovasi.yaml', ['sectors', 'innovations']);
    uncomment('pokja/smart-economy/4-peta-jalan.yaml', ['roadmap', 'regulations']);
    const r = await runCli(['validate', '--format', 'json', copy], { cwd: REPO_ROOT });
    expect(JSON.parse(r.stdout).diagnostics).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('a second run changes nothing and says what it skipped', async () => {
    const before = snapshot(root);
    const again = await runCli(['init', root, ...ARGS], { cwd: REPO_ROOT });
    expect(again.code).toBe(0);
    expect(snapshot(root)).toEqual(before);
    const lines = again.stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1)).toEqual(EXPECTED_FILES.map((f) => `dilewati  ${f} (sudah ada)`));
    expect(lines.at(-1)).toBe(`0 berkas dibuat, ${EXPECTED_FILES.length} dilewati, di ${root}`);
  });

  it('fills in only what is missing, never touching an edited file', async () => {
    const dir = join(tempDir(), 'sebagian');
    await runCli(['init', dir, ...ARGS], { cwd: REPO_ROOT });
    writeFileSync(join(dir, 'masterplan.yaml'), 'masterplan: 1\nregion: Diubah\nperiod: [2022, 2031]\n');
    utimesSync(join(dir, 'masterplan.yaml'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    rmSync(join(dir, 'pokja', 'smart-living', '2-program-opd.yaml'));
    const before = snapshot(dir);
    const r = await runCli(['init', dir, ...ARGS], { cwd: REPO_ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dibuat    pokja/smart-living/2-program-opd.yaml\n');
    expect(r.stdout).toContain('dilewati  masterplan.yaml (sudah ada)\n');
    expect(r.stdout).toContain(`1 berkas dibuat, ${EXPECTED_FILES.length - 1} dilewati`);
    const after = snapshot(dir);
    expect(after.get('masterplan.yaml')).toEqual(before.get('masterplan.yaml'));
    expect([...after.keys()]).toEqual([...before.keys(), 'pokja/smart-living/2-program-opd.yaml'].sort());
  });

  it('on an existing masterplan, adds no worksheet to a Pokja × stage that already has one, whatever its file name', async () => {
    const dir = join(tempDir(), 'nama-lain');
    await runCli(['init', dir, ...ARGS], { cwd: REPO_ROOT });
    // The user renamed one worksheet, moved a Pokja's worksheets to another folder and dropped one
    // of them, and broke the YAML of another while keeping its stage line.
    renameSync(join(dir, 'pokja/smart-economy/1-analisis.yaml'), join(dir, 'pokja/smart-economy/analisis-ekonomi.yaml'));
    mkdirSync(join(dir, 'pokja/hidup'));
    for (const f of STAGE_FILES) renameSync(join(dir, 'pokja/smart-living', f), join(dir, 'pokja/hidup', `tahap-${f}`));
    rmSync(join(dir, 'pokja/smart-living'), { recursive: true });
    rmSync(join(dir, 'pokja/hidup/tahap-2-program-opd.yaml'));
    rmSync(join(dir, 'pokja/smart-society/3-inovasi.yaml'));
    writeFileSync(join(dir, 'pokja/smart-society/inovasi.yaml'), 'pokja: smart-society\nstage: 3\ninnovations: [\n');
    const before = snapshot(dir);
    const r = await runCli(['init', dir, ...ARGS], { cwd: REPO_ROOT });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('dilewati  pokja/smart-economy/1-analisis.yaml (Pokja dan tahap ini sudah punya kertas kerja: pokja/smart-economy/analisis-ekonomi.yaml)');
    expect(lines).toContain('dilewati  pokja/hidup/1-analisis.yaml (Pokja dan tahap ini sudah punya kertas kerja: pokja/hidup/tahap-1-analisis.yaml)');
    expect(lines).toContain('dilewati  pokja/smart-society/3-inovasi.yaml (Pokja dan tahap ini sudah punya kertas kerja: pokja/smart-society/inovasi.yaml)');
    // The one Pokja × stage without a worksheet gets one, next to its Pokja's other worksheets.
    expect(lines.filter((l) => l.startsWith('dibuat'))).toEqual(['dibuat    pokja/hidup/2-program-opd.yaml']);
    expect([...snapshot(dir).keys()]).toEqual([...before.keys(), 'pokja/hidup/2-program-opd.yaml'].sort());
    expect(listFiles(join(dir, 'pokja')).some((f) => f.startsWith('smart-living'))).toBe(false);
  });

  it('on an existing masterplan, follows its pokja: list and its rpjmd: path', async () => {
    const dir = join(tempDir(), 'pokja-sendiri');
    await runCli(['init', dir, ...ARGS], { cwd: REPO_ROOT });
    rmSync(join(dir, 'pokja'), { recursive: true });
    rmSync(join(dir, 'rpjmd.yaml'));
    const config = readFileSync(join(dir, 'masterplan.yaml'), 'utf8').replace(/^rpjmd: rpjmd\.yaml/m, 'rpjmd: perencanaan/rpjmd.yaml').replace(/^pokja:[\s\S]*$/m, '');
    writeFileSync(
      join(dir, 'masterplan.yaml'),
      config +
        'pokja:\n' +
        '  - id: smart-mobility\n    name: Smart Mobility\n    elements:\n      - id: angkutan\n        name: Angkutan Umum\n' +
        '  - id: smart-mobile\n    name: Layanan Seluler\n    elements:\n      - id: aplikasi\n        name: Aplikasi Warga\n' +
        '  - id: smart-economy\n    name: Ekonomi Cerdas\n',
    );
    const r = await runCli(['init', dir, ...ARGS], { cwd: REPO_ROOT });
    expect(r.code).toBe(0);
    const created = r.stdout.split('\n').filter((l) => l.startsWith('dibuat')).map((l) => l.slice('dibuat    '.length));
    expect(created).toEqual([
      'perencanaan/rpjmd.yaml',
      ...['smart-mobility', 'smart-mobile', 'smart-economy'].flatMap((p) => STAGE_FILES.map((f) => `pokja/${p}/${f}`)),
    ]);
    expect(existsSync(join(dir, 'rpjmd.yaml'))).toBe(false);
    const stage3 = readFileSync(join(dir, 'pokja/smart-mobility/3-inovasi.yaml'), 'utf8');
    expect(stage3).toContain('# Elemen Pokja ini: angkutan');
    // Two Pokja whose names give the same short code still get distinct example ids.
    expect(stage3).toContain('INO-MOB-1');
    expect(readFileSync(join(dir, 'pokja/smart-mobile/3-inovasi.yaml'), 'utf8')).toContain('INO-MOB2-1');
    const v = await runCli(['validate', '--format', 'json', dir], { cwd: REPO_ROOT });
    expect(JSON.parse(v.stdout).diagnostics.map((d: { file: string; rule: string }) => [d.file, d.rule])).toEqual([['perencanaan/rpjmd.yaml', 'uncovered-program']]);
  });

  it('on a masterplan.yaml that does not parse, adds no catalog or worksheet and says why', async () => {
    const dir = join(tempDir(), 'rusak');
    await runCli(['init', dir, ...ARGS], { cwd: REPO_ROOT });
    writeFileSync(join(dir, 'masterplan.yaml'), 'masterplan: 1\nregion: [Uji\npokja:\n  - id: smart-mobility\n');
    rmSync(join(dir, 'rpjmd.yaml'));
    rmSync(join(dir, 'pokja'), { recursive: true });
    const r = await runCli(['init', dir, ...ARGS], { cwd: REPO_ROOT });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'pokja'))).toBe(false);
    expect(existsSync(join(dir, 'rpjmd.yaml'))).toBe(false);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-2)).toBe(
      'masterplan.yaml tidak dapat dibaca: katalog RPJMD dan kertas kerja tidak ditambahkan (daftar Pokja dan path katalognya tidak diketahui); perbaiki lalu jalankan lagi',
    );
    expect(lines.at(-1)).toBe(`0 berkas dibuat, 36 dilewati, di ${dir}`);
  });

  it('writes English guidance and language: en with --lang en', async () => {
    const dir = join(tempDir(), 'en');
    const r = await runCli(['init', dir, ...ARGS, '--lang', 'en'], { cwd: REPO_ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('created  masterplan.yaml');
    expect(parse(readFileSync(join(dir, 'masterplan.yaml'), 'utf8')).language).toBe('en');
    expect(readFileSync(join(dir, 'pokja', 'smart-living', '4-peta-jalan.yaml'), 'utf8')).toContain('Stage 4 worksheet – Book IV: Roadmap and Action Plan');
    const v = await runCli(['validate', dir], { cwd: REPO_ROOT });
    expect(v.stdout).toBe(
      'rpjmd.yaml:27:9: warning: RPJMD program PP-01 is not linked by any innovation (uncovered-program)\n0 errors, 1 warning, 37 files checked\n',
    );
  });

  it('keeps a region with YAML-special characters as written', async () => {
    const dir = join(tempDir(), 'khusus');
    const region = 'Kota "Baru": #1 - Teluk';
    expect((await runCli(['init', dir, '--region', region, '--period', '2024-2033'], { cwd: REPO_ROOT })).code).toBe(0);
    const config = parse(readFileSync(join(dir, 'masterplan.yaml'), 'utf8'));
    expect(config.region).toBe(region);
    expect(config.title).toBe(`Masterplan Smart City ${region}`);
    expect(config.period).toEqual([2024, 2033]);
    expect(parse(readFileSync(join(dir, 'rpjmd.yaml'), 'utf8')).period).toEqual([2023, 2028]);
    expect(JSON.parse((await runCli(['validate', '--format', 'json', dir], { cwd: REPO_ROOT })).stdout).summary.errors).toBe(0);
  });

  it.each([
    ['no --region', ['init', 'x'], /^masterplan: opsi wajib --region <nama> belum diberikan\nlihat: masterplan init --help\n$/],
    ['an empty region', ['init', 'x', '--region', '  '], /nama wilayah \(--region\) tidak boleh kosong/],
    ['a region with a line break', ['init', 'x', '--region', 'Kab\nUji'], /nama wilayah/],
    ['a reversed period', ['init', 'x', '--region', 'Uji', '--period', '2031-2022'], /periode "2031-2022" tidak sah/],
    ['a period that is not two years', ['init', 'x', '--region', 'Uji', '--period', '2022'], /periode "2022" tidak sah/],
    ['an unknown language', ['init', 'x', '--region', 'Uji', '--lang', 'fr'], /^masterplan: nilai "fr" tidak sah untuk --lang; pilihan: id, en\n$/],
  ])('exits 2 on %s, writing nothing', async (_name, args, stderr) => {
    const cwd = tempDir();
    const r = await runCli(args, { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(stderr);
    expect(r.stdout).toBe('');
    expect(listFiles(cwd)).toEqual([]);
  });

  it('exits 2 when DIR is a file', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'berkas'), 'x');
    const r = await runCli(['init', 'berkas', '--region', 'Uji'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`masterplan: ${join(cwd, 'berkas')} sudah ada dan bukan folder\n`);
  });

  it('works through the bundled binary: init, then validate', () => {
    const dir = join(tempDir(), 'bin');
    const init = runCliProcess(['init', dir, '--region', 'Kabupaten Contoh'], { cwd: REPO_ROOT });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const v = runCliProcess(['validate', dir], { cwd: REPO_ROOT });
    expect(v.stdout).toMatch(/^rpjmd\.yaml:27:9: peringatan: .*\(uncovered-program\)\n0 galat, 1 peringatan, 37 berkas diperiksa\n$/);
    expect(v.code).toBe(0);
  });
});
