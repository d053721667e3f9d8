// Hooks and CI recipes: the pre-commit hook definition of this package, the example CI files,
// and the plain git hook script run for real in a git repository.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
        // umum/: the region-level parts (FORMAT.md, "Additions to format 1").
        files: '^(masterplan\\.yaml|rpjmd\\.yaml|pokja/.*\\.(ya?ml|md)|umum/[^/]*\\.(ya?ml|md))$',
        pass_filenames: true,
      },
    ]);
  });

  it('matches the worksheet files validate reads, and nothing else', () => {
    const files = new RegExp(parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8'))[0].files);
    for (const f of ['masterplan.yaml', 'rpjmd.yaml', 'pokja/smart-economy/3-inovasi.md', 'pokja/smart-living/1-analisis.yml']) expect(files.test(f), f).toBe(true);
    for (const f of ['README.md', 'assets/peta.png', 'dist/buku-1.html', '.github/workflows/masterplan.yml']) expect(files.test(f), f).toBe(false);
  });
});

describe('examples/ci', () => {
  it('github-actions.yml: checkout, Node 20, install, validate (annotations), status (summary), build, upload', () => {
    const wf = parse(readFileSync(join(CI, 'github-actions.yml'), 'utf8'));
    const steps = wf.jobs.masterplan.steps as { uses?: string; run?: string; with?: Record<string, unknown> }[];
    expect(steps.map((s) => s.uses ?? s.run!.trim().split('\n').at(-1))).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm install --global "$MASTERPLAN_PACKAGE"',
      'masterplan validate --format github',
      'masterplan status --format markdown >> "$GITHUB_STEP_SUMMARY"',
      'SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) masterplan build',
      'actions/upload-artifact@v4',
    ]);
    expect(steps[1].with).toEqual({ 'node-version': 20 });
    expect(steps[6].with).toMatchObject({ path: 'dist/' });
  });

  it('gitlab-ci.yml: validate and build jobs, the books kept as artifacts', () => {
    const ci = parse(readFileSync(join(CI, 'gitlab-ci.yml'), 'utf8'));
    expect(ci.default.image).toBe('node:20');
    expect(ci.validate.script).toContain('masterplan validate');
    expect(ci.books.script).toContain('masterplan build');
    expect(ci.books.artifacts.paths).toEqual(['dist/']);
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
    expect(clean.stdout).toBe('rpjmd.yaml:27:9: warning: program RPJMD PP-01 belum dirujuk oleh inovasi mana pun (uncovered-program)\n0 galat, 1 peringatan, 37 berkas diperiksa\n');
    expect(clean.status).toBe(0);
    expect(git(repo, '-c', 'user.name=Uji', '-c', 'user.email=uji@example.org', 'commit', '-q', '--no-verify', '-m', 'awal').status).toBe(0);

    const file = join(repo, 'pokja', 'smart-economy', '2-program-opd.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('quick_wins: []', 'quick_wins: []\nquick_winz: []'));
    git(repo, 'add', file);
    const broken = hook(repo);
    expect(broken.stdout).toMatch(/^pokja\/smart-economy\/2-program-opd\.yaml:\d+:1: error: kolom "quick_winz" tidak dikenal/);
    // Only the staged file is reported: not rpjmd.yaml's warning.
    expect(broken.stdout).not.toContain('rpjmd.yaml');
    expect(broken.stderr).toContain('masterplan: commit stopped');
    expect(broken.status).toBe(1);
  });
});
