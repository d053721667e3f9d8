// Memory of a long preview session (prints figures; never a test): runs the real
// `masterplan serve` on a copy of the bundled example whose analysis narrative is made large,
// then saves a changed narrative N times and prints the server's resident memory (VmRSS) after
// each batch of rebuilds. Before the caches were pruned it grew with every save.
// Usage: node scripts/build.mjs && node scripts/serve-memory.mjs [--saves 80] [--kb 200]
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return Number(i === -1 ? def : process.argv[i + 1]);
};
const saves = arg('saves', 80);
const kb = arg('kb', 200);

const dir = mkdtempSync(join(tmpdir(), 'masterplan-serve-memory-'));
cpSync(join(root, 'examples', 'banggai'), dir, { recursive: true });
rmSync(join(dir, 'dist'), { recursive: true, force: true });
const file = join(dir, 'pokja', 'smart-society', '1-analisis.md');
const original = readFileSync(file, 'utf8');
const paragraph = 'Warga desa belajar *daring* dan **luring** di perpustakaan, dengan [tautan](#PP-01) dan `kode`.\n\n';
const narrative = (n) => `\n## Catatan ${n}\n\n` + paragraph.repeat(Math.ceil((kb * 1024) / paragraph.length)) + `Simpanan ke-${n}.\n`;

const child = spawn(process.execPath, ['--max-old-space-size=3000', join(root, 'bin', 'masterplan.js'), 'serve', dir, '--port', '0'], {
  env: { ...process.env, SOURCE_DATE_EPOCH: '1682640000' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let err = '';
let rebuilds = 0;
const waiters = [];
child.stderr.on('data', (d) => {
  err += d;
  const lines = err.split('\n');
  err = lines.pop();
  for (const line of lines) {
    if (/ms|galat|error/.test(line)) {
      rebuilds++;
      waiters.splice(0).forEach((w) => w());
    }
  }
});
const nextRebuild = () => new Promise((resolve) => waiters.push(resolve));
await new Promise((resolve) => child.stdout.once('data', resolve));

const rss = () => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};
console.log(`narrative ~${kb} KB, ${saves} saves; RSS after start: ${rss()} MB`);
const t0 = Date.now();
for (let i = 1; i <= saves; i++) {
  const done = nextRebuild();
  writeFileSync(file, original + narrative(i));
  await done;
  if (i % 10 === 0 || i === saves) console.log(`after ${String(i).padStart(3)} saves: RSS ${rss()} MB`);
}
console.log(`${rebuilds} rebuilds in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
child.kill('SIGINT');
await new Promise((resolve) => child.on('exit', resolve));
rmSync(dir, { recursive: true, force: true });
