// Benchmark (prints figures; never a test): synthetic masterplans at 1×, 10× and 100× the
// bundled example, timing `validate` and `build` (HTML, PDF) through the real CLI binary.
// Usage: npm run bench [-- --sizes 1,10,100 --runs 5 --only validate,html,pdf]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, stringify } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'examples', 'banggai');
const bin = join(root, 'bin', 'masterplan.js');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? def : process.argv[i + 1];
};
const sizes = arg('sizes', '1,10,100').split(',').map(Number);
const runs = Number(arg('runs', '5'));
const only = arg('only', 'validate,html,pdf').split(',');
const hasTime = existsSync('/usr/bin/time');

/** Every id of the example, to rename per replica (ID → ID_rN, links `#ID` too). */
function collectIds(data, ids = new Set()) {
  if (Array.isArray(data)) data.forEach((x) => collectIds(x, ids));
  else if (data && typeof data === 'object') {
    if (typeof data.id === 'string') ids.add(data.id);
    Object.values(data).forEach((x) => collectIds(x, ids));
  }
  return ids;
}

function renamer(ids, suffix) {
  const escaped = [...ids].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const link = new RegExp(`\\(#(${escaped.join('|')})\\)`, 'g');
  const fix = (s) => (ids.has(s) ? s + suffix : s.replace(link, (_, id) => `(#${id}${suffix})`));
  const walk = (v) =>
    Array.isArray(v) ? v.map(walk) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'pokja' || k === 'element' ? x : walk(x)])) : typeof v === 'string' ? fix(v) : v;
  return { walk, text: (s) => s.replace(link, (_, id) => `(#${id}${suffix})`) };
}

function generate(factor) {
  const dir = mkdtempSync(join(tmpdir(), `masterplan-bench-${factor}x-`));
  cpSync(join(example, 'masterplan.yaml'), join(dir, 'masterplan.yaml'));
  cpSync(join(example, 'assets'), join(dir, 'assets'), { recursive: true });
  const rpjmd = parseDocument(readFileSync(join(example, 'rpjmd.yaml'), 'utf8')).toJS();
  const files = [];
  for (const p of readdirSync(join(example, 'pokja'))) for (const f of readdirSync(join(example, 'pokja', p))) files.push([p, f]);
  const ids = collectIds(rpjmd);
  const worksheets = files.map(([p, f]) => {
    const text = readFileSync(join(example, 'pokja', p, f), 'utf8');
    if (f.endsWith('.md')) {
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
      const data = parseDocument(m[1]).toJS();
      collectIds(data, ids);
      return { p, f, data, body: m[2] };
    }
    const data = parseDocument(text).toJS();
    collectIds(data, ids);
    return { p, f, data };
  });
  const merged = { ...rpjmd, missions: [], goals: [], targets: [], programs: [], opd: [] };
  for (let r = 0; r < factor; r++) {
    const { walk, text } = renamer(ids, r === 0 ? '' : `_r${r}`);
    const copy = walk(rpjmd);
    for (const k of ['missions', 'goals', 'targets', 'programs', 'opd']) merged[k].push(...copy[k]);
    for (const w of worksheets) {
      const out = join(dir, 'pokja', w.p);
      mkdirSync(out, { recursive: true });
      const name = r === 0 ? w.f : `r${String(r).padStart(3, '0')}-${w.f}`;
      const data = walk(w.data);
      writeFileSync(join(out, name), w.body !== undefined ? `---\n${stringify(data)}---\n${text(w.body)}` : stringify(data));
    }
  }
  writeFileSync(join(dir, 'rpjmd.yaml'), stringify(merged));
  let bytes = 0;
  const count = (d) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? count(join(d, f)) : (bytes += statSync(join(d, f)).size)));
  count(dir);
  return { dir, bytes };
}

function measure(args, extraEnv = {}) {
  const times = [];
  let peak = 0;
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const res = hasTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...args], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1682640000', ...extraEnv } })
      : spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...extraEnv } });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    status = res.status;
    if (hasTime) peak = Math.max(peak, Number(res.stderr.trim().split('\n').pop()) / 1024);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], peak, status };
}

const rows = [];
for (const factor of sizes) {
  const { dir, bytes } = factor === 1 ? { dir: example, bytes: 0 } : generate(factor);
  const out = mkdtempSync(join(tmpdir(), 'masterplan-bench-out-'));
  const label = `${factor}×`;
  if (only.includes('validate')) rows.push([label, 'validate', measure(['validate', dir, '--quiet'])]);
  if (only.includes('html')) rows.push([label, 'build html', measure(['build', dir, '--out', join(out, 'html'), '--format', 'html', '--quiet'])]);
  if (only.includes('pdf')) rows.push([label, 'build pdf', measure(['build', dir, '--out', join(out, 'pdf'), '--format', 'pdf', '--quiet'])]);
  rmSync(out, { recursive: true, force: true });
  if (factor !== 1) rmSync(dir, { recursive: true, force: true });
  if (bytes) console.error(`(${label}: ${(bytes / 1048576).toFixed(1)} MB of worksheets)`);
}
// Start-up: `validate` of the example against a bare `node -e 0`, the cost every run pays.
function bare() {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}
const nodeAlone = bare();
const validate1 = rows.find(([size, cmd]) => size === '1×' && cmd === 'validate')?.[2].median ?? measure(['validate', example, '--quiet']).median;
console.log(`node ${process.version}, ${runs} runs each, median wall time and peak RSS`);
console.log(`start-up: validate of the example ${validate1.toFixed(0)} ms = ${(validate1 / nodeAlone).toFixed(2)}× \`node -e 0\` (${nodeAlone.toFixed(0)} ms); bar 2.5×, goal 2×`);
// The same without the caches between runs (README: Caches between runs): a first run, or CI.
const cold = measure(['validate', example, '--quiet'], { MASTERPLAN_CACHE: 'off' }).median;
console.log(`start-up without the caches (first run, CI): ${cold.toFixed(0)} ms = ${(cold / nodeAlone).toFixed(2)}× \`node -e 0\``);
// The example's books without the caches (a first build, CI): the rows above take them.
for (const [format, wanted] of [['html', 'html'], ['pdf', 'pdf']]) {
  if (!only.includes(wanted) || !sizes.includes(1)) continue;
  const out = mkdtempSync(join(tmpdir(), 'masterplan-bench-out-'));
  const m = measure(['build', example, '--out', join(out, format), '--format', format, '--quiet'], { MASTERPLAN_CACHE: 'off' });
  rmSync(out, { recursive: true, force: true });
  console.log(`1× build ${format} without the caches (first build, CI): ${(m.median / 1000).toFixed(2)} s`);
}
// The language server: open the example's stage-3 worksheet, ask for a hover and a completion.
{
  const lsp = spawnSync(process.execPath, [join(root, 'scripts', 'bench-lsp.mjs'), example, String(runs)], { encoding: 'utf8' });
  if (lsp.stdout) console.log(lsp.stdout.trim());
}
console.log('size   command       median ms   peak MB   exit');
for (const [size, cmd, r] of rows) {
  console.log(`${size.padEnd(6)} ${cmd.padEnd(13)} ${r.median.toFixed(0).padStart(9)}   ${r.peak ? r.peak.toFixed(0).padStart(7) : '      ?'}   ${r.status}`);
}
