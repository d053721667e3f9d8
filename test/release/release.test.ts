// `npm run release` (scripts/release.mjs): the npm tarball carries the built dist/ and installs
// with `npm install -g` (through the CI template's own install step); the Linux single executable
// runs every command in an empty environment (`env -i`) and writes the same books, byte for byte,
// as the npm-installed CLI. One release is built for all the cases (it takes tens of seconds).

import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, REPO_ROOT } from '../helpers/cli.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';
import { copyExample } from '../helpers/build.js';

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const BANGGAI = join(REPO_ROOT, 'examples', 'banggai');
const out = tempDir();
const exe = join(out, `masterplan-${VERSION}-linux-x64`);
const tarball = join(out, `masterplan-${VERSION}.tgz`);

/** A command in an empty environment: no PATH, no HOME, no locale, nothing. */
const bare = (args: string[], cwd: string) => spawnSync('env', ['-i', exe, ...args], { cwd, encoding: 'utf8' });
const run = (cmd: string, args: string[], opts: SpawnSyncOptions = {}) => spawnSync(cmd, args, { encoding: 'utf8', ...opts }) as ReturnType<typeof spawnSync> & { stdout: string; stderr: string };

beforeAll(() => {
  // --prebuilt: dist/ as `npm test` built it; rebuilding it here would pull it from under the
  // other test files running bin/masterplan.js at the same time.
  const r = run(process.execPath, [join(REPO_ROOT, 'scripts', 'release.mjs'), '--out', out, '--target', 'linux-x64', '--prebuilt'], { cwd: REPO_ROOT });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout.trim().split('\n')).toEqual([tarball, exe]);
}, 300_000);

afterAll(removeTemps);

describe('the npm tarball', () => {
  it('carries the built CLI, the files it reads and the licence, and no sources', () => {
    const list = run('tar', ['-tzf', tarball]).stdout.trim().split('\n').sort();
    for (const f of ['package/LICENSE', 'package/package.json', 'package/bin/masterplan.js', 'package/dist/cli.js', 'package/schemas/masterplan.schema.json', 'package/templates/book.html']) {
      expect(list).toContain(f);
    }
    expect(list.some((f) => f.startsWith('package/dist/chunks/'))).toBe(true);
    expect(list.filter((f) => /^package\/(src|test|scripts|node_modules)\//.test(f))).toEqual([]);
  });

  it("installs globally with the CI template's install step (tarball committed under tools/) and validates", () => {
    const repo = join(tempDir(), 'masterplan-daerah');
    copyExample(repo);
    mkdirSync(join(repo, 'tools'));
    cpSync(tarball, join(repo, 'tools', `masterplan-${VERSION}.tgz`));
    const workflow = parse(readFileSync(join(REPO_ROOT, 'examples', 'ci', 'github-actions.yml'), 'utf8'));
    const install = (workflow.jobs.masterplan.steps as { name?: string; run?: string }[]).find((s) => s.name === 'Install masterplan')!;
    const prefix = join(tempDir(), 'global');
    const PATH = `${join(prefix, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin`;
    // The rest of the environment as is: npm needs its registry settings (certificates, proxy).
    const env = { ...process.env, PATH, npm_config_prefix: prefix, MASTERPLAN_PACKAGE: '' };
    const r = run('bash', ['-e', '-c', install.run!], { cwd: repo, env });
    expect(r.status, r.stderr).toBe(0);
    const v = run('masterplan', ['validate'], { cwd: repo, env: { PATH } });
    expect(v.stderr).toBe('');
    expect(v.stdout).toMatch(/^tidak ada masalah \(\d+ berkas diperiksa\)\n$/);
    expect(v.status).toBe(0);
    expect(run('masterplan', ['--version'], { env: { PATH } }).stdout).toBe(`${VERSION}\n`);
  }, 180_000);
});

describe(`the single executable masterplan-${VERSION}-linux-x64, under env -i`, () => {
  it('prints the version from package.json', () => {
    expect(bare(['--version'], out).stdout).toBe(`${VERSION}\n`);
  });

  it('validates the example, and reports a broken one exactly as the npm CLI does', () => {
    const ok = bare(['validate', BANGGAI], out);
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toMatch(/^tidak ada masalah \(\d+ berkas diperiksa\)\n$/);

    const broken = join(tempDir(), 'rusak');
    copyExample(broken);
    const text = readFileSync(join(broken, 'masterplan.yaml'), 'utf8').replace(/^masterplan: 1/m, 'masterplan: 2');
    writeFileSync(join(broken, 'masterplan.yaml'), text);
    const line = text.split('\n').findIndex((l) => l.startsWith('masterplan: 2')) + 1;
    const bad = bare(['validate'], broken);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`masterplan.yaml:${line}:13: `);
    const viaNode = run(process.execPath, [BIN, 'validate'], { cwd: broken, env: {} });
    expect([bad.stdout, bad.stderr, bad.status]).toEqual([viaNode.stdout, viaNode.stderr, viaNode.status]);
  });

  it('builds the HTML and PDF books, byte for byte the same as the npm CLI', () => {
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    for (const d of [a, b]) {
      copyExample(d);
      // An emoji: the executable draws it with the emoji face from its assets.
      const closing = join(d, 'umum', 'penutup.md');
      writeFileSync(closing, `${readFileSync(closing, 'utf8')}\nPanen 🌾 bersama petani 👩\u200d🌾.\n`);
    }
    const built = bare(['build'], a);
    expect(built.status, built.stderr).toBe(0);
    expect(run(process.execPath, [BIN, 'build'], { cwd: b, env: {} }).status).toBe(0);
    const files = readdirSync(join(a, 'dist')).filter((f) => /\.(html|pdf)$/.test(f)).sort();
    expect(files).toEqual(readdirSync(join(b, 'dist')).filter((f) => /\.(html|pdf)$/.test(f)).sort());
    expect(files).toEqual(expect.arrayContaining(['buku-1.html', 'buku-1.pdf', 'buku-4.pdf', 'index.html']));
    for (const f of files) expect(readFileSync(join(a, 'dist', f)).equals(readFileSync(join(b, 'dist', f))), f).toBe(true);
    expect(readFileSync(join(a, 'dist', 'buku-4.pdf')).includes('NotoEmoji-Regular')).toBe(true);
  }, 120_000);

  it('runs init (schemas copied from its assets), status, trace and schema', () => {
    const dir = join(tempDir(), 'baru');
    const init = bare(['init', dir, '--region', 'Kabupaten Uji'], out);
    expect(init.status, init.stderr).toBe(0);
    // Not on the PATH (there is none): the next steps name the executable itself.
    expect(init.stdout).toContain(`  ${exe} validate `);
    expect(readFileSync(join(dir, '.masterplan', 'schemas', 'stage-3.schema.json'), 'utf8')).toBe(
      readFileSync(join(REPO_ROOT, 'schemas', 'stage-3.schema.json'), 'utf8'),
    );
    expect(bare(['validate'], dir).status).toBe(0);
    const status = bare(['status', '--format', 'json'], dir);
    expect(status.status, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toBeTypeOf('object');
    expect(bare(['trace'], BANGGAI).status).toBe(0);
    expect(bare(['schema', 'rpjmd'], out).stdout).toBe(readFileSync(join(REPO_ROOT, 'schemas', 'rpjmd.schema.json'), 'utf8'));
    expect(existsSync(join(dir, '.pre-commit-config.yaml'))).toBe(true);
  });

  it('fails cleanly on a bad command line (exit 2, no stack trace)', () => {
    const r = bare(['validate', '--format', 'nosuch'], out);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
