// Hooks and CI recipes: the pre-commit hook definition of this package, the example CI files,
// and the plain git hook script run for real in a git repository.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, REPO_ROOT, runCli } from '../helpers/cli.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';

const CI = join(REPO_ROOT, 'examples', 'ci');

afterAll(removeTemps);

describe('.pre-commit-hooks.yaml', () => {
  it('defines masterplan-validate as the issue specifies', () => {
    const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
    expect(hooks).toEqual([
      {
        id: 'masterplan-validate',
        name: 'masterplan validate',
        description: 'Check Smart City masterplan worksheets against the format and every link.',
        entry: 'masterplan validate',
        language: 'node',
        files: '\\.(ya?ml|md)$',
        pass_filenames: true,
      },
    ]);
  });

  it('passes every YAML and Markdown file (validate decides which belong to the masterplan), nothing else', () => {
    const files = new RegExp(parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8'))[0].files);
    const masterplanFiles = ['masterplan.yaml', 'rpjmd.yaml', 'pokja/smart-economy/3-inovasi.md', 'pokja/smart-living/1-analisis.yml'];
    // A catalog at a configured path, a masterplan in a subfolder of the repository.
    const elsewhere = ['perencanaan/rpjmd.yaml', 'rencana/masterplan.yaml', 'rencana/pokja/smart-living/2-program-opd.yaml'];
    for (const f of [...masterplanFiles, ...elsewhere, 'README.md']) expect(files.test(f), f).toBe(true);
    for (const f of ['assets/peta.png', 'dist/buku-1.html', 'templates/buku.html', 'rpjmd.yaml.bak']) expect(files.test(f), f).toBe(false);
  });
});

describe('examples/ci', () => {
  it('github-actions.yml: checkout, Node 22, install from a release tarball, validate (annotations), status (summary), build, upload', () => {
    const wf = parse(readFileSync(join(CI, 'github-actions.yml'), 'utf8'));
    const steps = wf.jobs.masterplan.steps as { uses?: string; run?: string; with?: Record<string, unknown> }[];
    expect(steps.map((s) => s.uses ?? s.run!.trim().split('\n').at(-1))).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm install --global --no-audit --no-fund "$MASTERPLAN_PACKAGE"',
      'masterplan validate --format github',
      'masterplan status --format markdown >> "$GITHUB_STEP_SUMMARY"',
      'SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) masterplan build',
      'actions/upload-artifact@v4',
    ]);
    expect(steps[1].with).toEqual({ 'node-version': 22 });
    expect(steps[2].run).not.toMatch(/git\+|github\.com\/ORG/);
    expect(steps[6].with).toMatchObject({ path: 'dist/' });
  });

  it('gitlab-ci.yml: validate and build jobs, the books kept as artifacts', () => {
    const ci = parse(readFileSync(join(CI, 'gitlab-ci.yml'), 'utf8'));
    expect(ci.default.image).toBe('node:22');
    expect(ci.default.before_script.join('\n')).not.toMatch(/git\+|github\.com\/ORG/);
    expect(ci.validate.script).toContain('masterplan validate');
    expect(ci.books.script).toContain('masterplan build');
    expect(ci.books.script).toContain('cp -RL dist books');
    expect(ci.books.artifacts.paths).toEqual(['books/']);
  });

  it('pre-commit is an executable POSIX shell script', () => {
    expect(statSync(join(CI, 'pre-commit')).mode & 0o111).not.toBe(0);
    expect(spawnSync('sh', ['-n', join(CI, 'pre-commit')]).status).toBe(0);
  });
});

describe('examples/ci/pre-commit in a git repository', () => {
  const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });

  it('checks the staged worksheets and stops a commit with errors', async () => {
    const repo = join(tempDir(), 'repo');
    await runCli(['init', repo, '--region', 'Kabupaten Uji', '--period', '2022-2031'], { cwd: REPO_ROOT });
    // `masterplan` on PATH is this package's binary.
    const bin = join(tempDir(), 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'masterplan'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'masterplan'), 0o755);
    const env = { PATH: `${bin}:${process.env.PATH}`, HOME: tempDir(), GIT_CONFIG_NOSYSTEM: '1' };
    const hook = (cwd: string) => spawnSync('sh', [join(CI, 'pre-commit')], { cwd, env, encoding: 'utf8' });

    expect(git(repo, 'init', '-q').status).toBe(0);
    expect(hook(repo).status).toBe(0); // nothing staged

    git(repo, 'add', '.');
    const clean = hook(repo);
    expect(clean.stderr).toBe('');
    expect(clean.stdout).toBe('rpjmd.yaml:27:9: peringatan: program RPJMD PP-01 belum dirujuk oleh inovasi mana pun (uncovered-program)\n0 galat, 1 peringatan, 37 berkas diperiksa\n');
    expect(clean.status).toBe(0);
    expect(git(repo, '-c', 'user.name=Uji', '-c', 'user.email=uji@example.org', 'commit', '-q', '--no-verify', '-m', 'awal').status).toBe(0);

    const file = join(repo, 'pokja', 'smart-economy', '2-program-opd.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('quick_wins: []', 'quick_wins: []\nquick_winz: []'));
    git(repo, 'add', file);
    const broken = hook(repo);
    expect(broken.stdout).toMatch(/^pokja\/smart-economy\/2-program-opd\.yaml:\d+:1: galat: kolom "quick_winz" tidak dikenal/);
    // Only the staged file is reported: not rpjmd.yaml's warning.
    expect(broken.stdout).not.toContain('rpjmd.yaml');
    expect(broken.stderr).toBe('masterplan: commit dihentikan; perbaiki masalah di atas (atau lewati pemeriksaan sekali: git commit --no-verify)\n');
    expect(broken.status).toBe(1);

    // With `language: en` the hook (and validate) speak English.
    const config = join(repo, 'masterplan.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^language: id\b/m, 'language: en'));
    const english = hook(repo);
    expect(english.stdout).toMatch(/^pokja\/smart-economy\/2-program-opd\.yaml:\d+:1: error: unknown field "quick_winz"/);
    expect(english.stderr).toBe('masterplan: commit stopped; fix the problems above (or skip the check once: git commit --no-verify)\n');
    expect(english.status).toBe(1);

    // A check that cannot run (exit 2: a broken install, no masterplan.yaml…) stops the commit too, and says so.
    const broken2 = join(tempDir(), 'bin');
    mkdirSync(broken2);
    writeFileSync(join(broken2, 'masterplan'), '#!/bin/sh\necho "masterplan: rusak" >&2\nexit 2\n');
    chmodSync(join(broken2, 'masterplan'), 0o755);
    const lost = spawnSync('sh', [join(CI, 'pre-commit')], { cwd: repo, env: { ...env, PATH: `${broken2}:${process.env.PATH}` }, encoding: 'utf8' });
    expect(lost.status).toBe(2);
    expect(lost.stderr).toBe('masterplan: rusak\nmasterplan: the check could not run (exit 2); commit stopped\n');
  });

  it('checks a masterplan in a subfolder with its catalog at a configured path, and what a catalog change breaks elsewhere', async () => {
    const repo = join(tempDir(), 'repo');
    const plan = join(repo, 'rencana');
    await runCli(['init', plan, '--region', 'Kabupaten Uji', '--period', '2022-2031'], { cwd: REPO_ROOT });
    mkdirSync(join(plan, 'perencanaan'));
    writeFileSync(join(plan, 'perencanaan', 'rpjmd.yaml'), readFileSync(join(plan, 'rpjmd.yaml'), 'utf8'));
    rmSync(join(plan, 'rpjmd.yaml'));
    writeFileSync(join(plan, 'masterplan.yaml'), readFileSync(join(plan, 'masterplan.yaml'), 'utf8').replace(/^rpjmd: rpjmd\.yaml/m, 'rpjmd: perencanaan/rpjmd.yaml'));
    const worksheet = join(plan, 'pokja', 'smart-economy', '2-program-opd.yaml');
    writeFileSync(
      worksheet,
      'pokja: smart-economy\nstage: 2\nopd_programs: []\nquick_wins:\n  - id: QW-ECO-1\n    title: Uji\n    opd: DISKOMINFO\n    rpjmd: [PP-01]\n    year: 2023\n',
    );
    writeFileSync(join(repo, 'README.md'), '# Repositori\n');
    const env = { PATH: `${hookBin()}:${process.env.PATH}`, HOME: tempDir(), GIT_CONFIG_NOSYSTEM: '1' };
    const hook = () => spawnSync('sh', [join(CI, 'pre-commit')], { cwd: repo, env, encoding: 'utf8' });
    expect(git(repo, 'init', '-q').status).toBe(0);
    git(repo, 'add', '.');
    const clean = hook();
    expect(clean.stdout).toBe('perencanaan/rpjmd.yaml:27:9: peringatan: program RPJMD PP-01 belum dirujuk oleh inovasi mana pun (uncovered-program)\n0 galat, 1 peringatan, 37 berkas diperiksa\n');
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
    expect(git(repo, '-c', 'user.name=Uji', '-c', 'user.email=uji@example.org', 'commit', '-q', '--no-verify', '-m', 'awal').status).toBe(0);

    const catalog = join(plan, 'perencanaan', 'rpjmd.yaml');
    writeFileSync(catalog, readFileSync(catalog, 'utf8').replace('id: PP-01', 'id: PP-001'));
    git(repo, 'add', catalog);
    const broken = hook();
    expect(broken.stdout).toBe(
      // (text output names files from the masterplan folder, as always)
      'perencanaan/rpjmd.yaml:27:9: peringatan: program RPJMD PP-001 belum dirujuk oleh inovasi mana pun (uncovered-program)\n' +
        'pokja/smart-economy/2-program-opd.yaml:8:13: galat: program RPJMD "PP-01" tidak ditemukan; maksud Anda "PP-001"? (unknown-reference)\n' +
        '1 galat, 1 peringatan, 1 berkas diperiksa\n',
    );
    expect(broken.status).toBe(1);
  });
});

/** A folder with `masterplan` on PATH running this package's binary. */
function hookBin(): string {
  const bin = join(tempDir(), 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'masterplan'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'masterplan'), 0o755);
  return bin;
}
