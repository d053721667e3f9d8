// `init`'s next steps name a command that runs this same masterplan: `masterplan` only when that
// name on the PATH is this installation, else the executable's or bin/masterplan.js's full path.

import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { howToRun, type RunFacts } from '../../src/cli/init-command.js';
import { BIN, REPO_ROOT } from '../helpers/cli.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';

afterAll(removeTemps);

describe('howToRun', () => {
  const dir = tempDir();
  const pkgBin = join(dir, 'lib', 'node_modules', 'masterplan', 'bin', 'masterplan.js');
  const exe = join(dir, 'Unduhan', 'masterplan-0.1.0-linux-x64');
  const spaced = join(dir, 'Program Files', 'masterplan-0.1.0-linux-x64');
  for (const f of [pkgBin, exe, spaced]) {
    mkdirSync(join(f, '..'), { recursive: true });
    writeFileSync(f, '');
  }
  const globalBin = join(dir, 'bin');
  const exeOnPath = join(dir, 'local-bin');
  const otherBin = join(dir, 'other-bin');
  const npxBin = join(dir, 'proyek', 'node_modules', '.bin');
  for (const d of [globalBin, exeOnPath, otherBin, npxBin]) mkdirSync(d, { recursive: true });
  symlinkSync(pkgBin, join(globalBin, 'masterplan')); // npm install -g
  symlinkSync(exe, join(exeOnPath, 'masterplan')); // the executable linked as masterplan
  writeFileSync(join(otherBin, 'masterplan'), ''); // some other masterplan
  symlinkSync(pkgBin, join(npxBin, 'masterplan')); // what npx puts on the PATH while it runs

  const npm = (PATH: string): RunFacts => ({ sea: false, execPath: '/usr/bin/node', bin: pkgBin, env: { PATH }, platform: 'linux' });
  const sea = (PATH: string, execPath = exe): RunFacts => ({ sea: true, execPath, bin: '', env: { PATH }, platform: 'linux' });
  const cases: [string, RunFacts, { command: string; onPath: boolean }][] = [
    ['global npm install on the PATH', npm(`/usr/bin:${globalBin}`), { command: 'masterplan', onPath: true }],
    ['not on the PATH (a clone, npx from a cache)', npm('/usr/bin'), { command: `node ${pkgBin}`, onPath: false }],
    ['a different masterplan first on the PATH', npm(`${otherBin}:${globalBin}`), { command: `node ${pkgBin}`, onPath: false }],
    ['only npx\'s node_modules/.bin on the PATH', npm(`${npxBin}:/usr/bin`), { command: `node ${pkgBin}`, onPath: false }],
    ['executable linked on the PATH as masterplan', sea(`${exeOnPath}:/usr/bin`), { command: 'masterplan', onPath: true }],
    ['executable run from its download folder', sea('/usr/bin'), { command: exe, onPath: false }],
    ['executable in a folder with a space', sea('/usr/bin', spaced), { command: `"${spaced}"`, onPath: false }],
    ['no PATH at all (env -i)', sea(''), { command: exe, onPath: false }],
  ];
  it.each(cases)('%s', (_, facts, expected) => {
    expect(howToRun(facts)).toEqual(expected);
  });
});

describe('init through the binary', () => {
  const init = (PATH: string) => {
    const dir = join(tempDir(), 'baru');
    const r = spawnSync(process.execPath, [BIN, 'init', dir, '--region', 'Kabupaten Uji'], { cwd: REPO_ROOT, env: { PATH }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };

  it('names bin/masterplan.js with node when masterplan is not on the PATH, and says so', () => {
    const out = init('/usr/bin:/bin');
    expect(out).toContain(`  node ${BIN} validate `);
    expect(out).toContain(`  node ${BIN} status `);
    expect(out).toContain('Perintah masterplan belum ada di PATH');
    // The printed command works as written.
    const dir = out.match(/^ {2}cd (.+)$/m)![1];
    const r = spawnSync('sh', ['-c', `cd ${dir} && ${out.match(/^ {2}(node .+ validate)/m)![1]}`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('says plain masterplan when this installation is the masterplan on the PATH', () => {
    const bin = join(tempDir(), 'bin');
    mkdirSync(bin);
    symlinkSync(BIN, join(bin, 'masterplan'));
    const out = init(`${bin}:/usr/bin:/bin`);
    expect(out).toMatch(/^ {2}masterplan validate {6}# periksa/m);
    expect(out).not.toContain('belum ada di PATH');
  });
});
