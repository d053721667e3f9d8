// Installing from git, for real, against a local clone of this repository (the working tree
// committed into a temp repository, tagged v<version>): npm packs it from a git URL at a commit
// (prepare builds dist/), and the real `pre-commit` framework installs the hook of
// .pre-commit-hooks.yaml from `repo: file://…` + `rev`, blocks a bad commit with the Indonesian
// file:line:col messages and lets a good one through. Also the `repo: local` configuration that
// `init` writes, as written.

import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from '../helpers/cli.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const work = tempDir();
const hookRepo = join(work, 'masterplan.git-clone');
// The rest of the environment as is: npm needs its registry settings (certificates, proxy).
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PRE_COMMIT_HOME: join(work, 'pre-commit-home'),
  GIT_AUTHOR_NAME: 'Uji',
  GIT_AUTHOR_EMAIL: 'uji@example.org',
  GIT_COMMITTER_NAME: 'Uji',
  GIT_COMMITTER_EMAIL: 'uji@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  NO_COLOR: '1',
};
const run = (cmd: string, args: string[], opts: SpawnSyncOptions = {}) =>
  spawnSync(cmd, args, { encoding: 'utf8', env, ...opts }) as ReturnType<typeof spawnSync> & { stdout: string; stderr: string };
const git = (cwd: string, ...args: string[]) => {
  const r = run('git', args, { cwd });
  expect(r.status, `git ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout.trim();
};
let commit = '';

beforeAll(() => {
  // The files git would have in a fresh clone of the working tree (tracked, and new ones not ignored).
  const files = git(REPO_ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const f of files) {
    try {
      cpSync(join(REPO_ROOT, f), join(hookRepo, f));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // deleted, not yet staged
    }
  }
  git(hookRepo, 'init', '-q');
  git(hookRepo, 'add', '-A');
  git(hookRepo, 'commit', '-q', '-m', 'masterplan');
  git(hookRepo, 'tag', `v${VERSION}`);
  commit = git(hookRepo, 'rev-parse', 'HEAD');
}, 60_000);

afterAll(removeTemps);

/** A masterplan repository made by init, committed once per test through the installed hook. */
function masterplanRepo(PATH = env.PATH): string {
  const dir = join(tempDir(), 'masterplan-daerah');
  const r = run(process.execPath, [BIN, 'init', dir, '--region', 'Kabupaten Uji'], { env: { PATH } });
  expect(r.status, r.stderr).toBe(0);
  git(dir, 'init', '-q');
  return dir;
}

/** Breaks masterplan.yaml (format version 2); returns the line of the error. */
function breakIt(dir: string): number {
  const text = readFileSync(join(dir, 'masterplan.yaml'), 'utf8').replace(/^masterplan: 1/m, 'masterplan: 2');
  writeFileSync(join(dir, 'masterplan.yaml'), text);
  return text.split('\n').findIndex((l) => l.startsWith('masterplan: 2')) + 1;
}

function commitsThroughTheHook(dir: string, PATH = env.PATH) {
  const install = run('pre-commit', ['install'], { cwd: dir, env: { ...env, PATH } });
  expect(install.status, install.stderr).toBe(0);
  const good = run('git', ['commit', '-q', '-m', 'awal'], { cwd: dir, env: { ...env, PATH } });
  // git add after install: the hook checks what is staged.
  return good;
}

describe('from a git URL at a commit', () => {
  it('npm pack git+file://…#<commit> builds dist/ (prepare) into the tarball', () => {
    const into = join(tempDir(), 'paket');
    mkdirSync(into);
    const r = run('npm', ['pack', '--foreground-scripts=false', `git+file://${hookRepo}#${commit}`], { cwd: into });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`masterplan-${VERSION}.tgz`);
    const list = run('tar', ['-tzf', join(into, `masterplan-${VERSION}.tgz`)]).stdout.split('\n');
    expect(list).toEqual(expect.arrayContaining(['package/dist/cli.js', 'package/bin/masterplan.js', 'package/LICENSE']));
  }, 240_000);
});

describe('from a fresh clone', () => {
  it('npm install -g . builds dist/ (prepare installs the build tools npm leaves out) and runs', () => {
    const clone = join(tempDir(), 'masterplan');
    git(work, 'clone', '-q', hookRepo, clone);
    const prefix = join(tempDir(), 'global');
    const r = run('npm', ['install', '-g', '.', '--no-audit', '--no-fund'], { cwd: clone, env: { ...env, npm_config_prefix: prefix } });
    expect(r.status, r.stderr).toBe(0);
    const v = run(join(prefix, 'bin', 'masterplan'), ['validate', join(REPO_ROOT, 'examples', 'banggai')], { env: { PATH: env.PATH } });
    expect([v.status, v.stderr]).toEqual([0, '']);
    expect(v.stdout).toMatch(/^tidak ada masalah/);
  }, 240_000);
});

describe('pre-commit (the real framework) with this repository as the hook source', () => {
  it(`installs masterplan-validate from repo: file://… rev: v${VERSION}; blocks a bad commit, passes a good one`, () => {
    const dir = masterplanRepo();
    writeFileSync(
      join(dir, '.pre-commit-config.yaml'),
      `repos:\n  - repo: file://${hookRepo}\n    rev: v${VERSION}\n    hooks:\n      - id: masterplan-validate\n`,
    );
    git(dir, 'add', '-A');
    const good = commitsThroughTheHook(dir);
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout + good.stderr).toMatch(/masterplan validate\.+Passed/);

    const line = breakIt(dir);
    git(dir, 'add', 'masterplan.yaml');
    const bad = run('git', ['commit', '-q', '-m', 'rusak'], { cwd: dir });
    expect(bad.status).toBe(1);
    const output = bad.stdout + bad.stderr;
    expect(output).toMatch(/masterplan validate\.+Failed/);
    expect(output).toContain(`masterplan.yaml:${line}:13: `);
    expect(output).toContain('nilai harus 1');
    expect(output).toMatch(/1 galat, 0 peringatan, 1 berkas diperiksa/);
    expect(git(dir, 'rev-list', '--count', 'HEAD')).toBe('1');
  }, 300_000);

  it("init's .pre-commit-config.yaml works as written (repo: local, the masterplan on the PATH)", () => {
    const bin = join(tempDir(), 'bin');
    mkdirSync(bin);
    symlinkSync(BIN, join(bin, 'masterplan'));
    const PATH = `${bin}:${env.PATH}`;
    const dir = masterplanRepo(PATH);
    git(dir, 'add', '-A');
    const good = commitsThroughTheHook(dir, PATH);
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout + good.stderr).toMatch(/masterplan validate\.+Passed/);

    const line = breakIt(dir);
    git(dir, 'add', 'masterplan.yaml');
    const bad = run('git', ['commit', '-q', '-m', 'rusak'], { cwd: dir, env: { ...env, PATH } });
    expect(bad.status).toBe(1);
    expect(bad.stdout + bad.stderr).toContain(`masterplan.yaml:${line}:13: `);
    expect(git(dir, 'rev-list', '--count', 'HEAD')).toBe('1');
  }, 120_000);
});
