// Memory check (prints figures; not part of `npm test`): large inputs at and over the documented
// limits, generated in a temp folder from examples/banggai, run through the real CLI as child
// processes under `/usr/bin/time -v` for peak memory (RSS) and wall time. Each child is capped
// (address space and V8 heap), so a regression fails the case instead of taking the machine down.
// Usage: node scripts/memory-check.mjs [--only md10,md12,yaml10,...] (names: CASES below) [--cap-mb 3000]
//        [--commands validate,html,pdf]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'examples', 'banggai');
const bin = join(root, 'bin', 'masterplan.js');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? def : process.argv[i + 1];
};
const commands = arg('commands', 'validate,html,pdf').split(',');
const capMb = Number(arg('cap-mb', '3000'));
const MB = 1024 * 1024;

/** A narrative of about `mb` MB: the example's narrative blocks repeated (headings, lists, tables, links). */
function narrative(dir, mb, pokja = 'smart-branding') {
  const file = join(dir, 'pokja', pokja, '1-analisis.md');
  const text = readFileSync(file, 'utf8');
  const block = (i) =>
    `## Bagian ${i}\n\nSmart Branding menerjemahkan misi ke-5 RPJMD – pengembangan pariwisata dan kebudayaan\n` +
    `**berbasis kearifan lokal** – menjadi citra daerah yang mudah dikenali. Program pijakannya adalah\n` +
    `[PP-06](#PP-06) Pemasaran dan Kelembagaan Pariwisata, diperkuat [PP-07](#PP-07) Pemberdayaan UMKM.\n\n` +
    `### Potensi ${i}\n\n- wisata alam: pantai, bukit dan air terjun di sekitar Luwuk;\n` +
    `- wisata budaya dan religi yang terkait dengan semangat *Banggai Mengaji*;\n- kuliner dan kopi lokal.\n\n` +
    `| destinasi | kunjungan |\n|---|---:|\n| Bukit Keles | ${i} |\n\n`;
  const parts = [text];
  let size = Buffer.byteLength(text);
  for (let i = 0; size < mb * MB; i++) {
    const b = block(i);
    parts.push(b);
    size += Buffer.byteLength(b);
  }
  writeFileSync(file, parts.join(''));
  return size;
}

/** A stage-1 YAML worksheet of about `mb` MB (a long issues list) with one mistake at its end. */
function yamlWorksheet(dir, mb, mistake) {
  const file = join(dir, 'pokja', 'smart-economy', '1-analisis.yaml');
  const head = readFileSync(file, 'utf8');
  const items = [];
  let size = head.length;
  for (let i = 0; size < mb * MB; i++) {
    const line = `  - Isu strategis nomor ${String(i).padStart(7, '0')}\n`;
    items.push(line);
    size += line.length;
  }
  const text = head.replace(/issues:\n(  - .*\n)*/, (m) => m + items.join('')) + mistake;
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

// Each case: how to make it, and whether build is run too (cases with a mistake stop at validate).
const CASES = {
  md10: [(d) => narrative(d, 9.9), true], // just under the 10 MB limits (with the example's other Markdown)
  md12: [(d) => narrative(d, 12), true], // over the limit: refused with a diagnostic
  md49: [(d) => narrative(d, 49), true], // far over it (the old documented limit was 50 MB)
  yaml10: [(d) => yamlWorksheet(d, 9.9, 'unknownkey: 1\n'), false], // under the limit, one schema error at the end
  'yaml10-syntax': [(d) => yamlWorksheet(d, 9.9, 'issues: [dua kali]\n'), false], // one syntax error at the end
  'yaml10-valid': [(d) => yamlWorksheet(d, 9.9, ''), true],
  yaml47: [(d) => yamlWorksheet(d, 47, 'unknownkey: 1\n'), false], // over the limit
  // two 6 MB narratives: each under the limits, together over the 10 MB for all Markdown
  'md-total12': [(d) => narrative(d, 6) + narrative(d, 6, 'smart-society'), true],
};

function run(args) {
  const res = spawnSync(
    '/usr/bin/time',
    ['-v', 'prlimit', `--as=${(capMb + 1500) * MB}`, process.execPath, `--max-old-space-size=${capMb}`, bin, ...args],
    { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1682640000' }, maxBuffer: 64 * MB },
  );
  const field = (name) => new RegExp(`${name}: (.*)`).exec(res.stderr)?.[1]?.trim();
  const rss = Number(field('Maximum resident set size \\(kbytes\\)') ?? 0) / 1024;
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)') ?? '?';
  const exit = Number(field('Exit status') ?? res.status);
  const out = `${res.stdout}\n${res.stderr}`;
  const crash = /heap out of memory|Allocation failed|FATAL ERROR|internal error/i.test(out) || res.signal !== null;
  const first = res.stdout.split('\n').find((l) => /error|galat/.test(l)) ?? '';
  return { rss, wall, exit, crash, first };
}

const only = arg('only', Object.keys(CASES).join(',')).split(',');
const rows = [];
for (const name of only) {
  const dir = mkdtempSync(join(tmpdir(), `masterplan-memory-${name}-`));
  const repo = join(dir, 'repo');
  cpSync(example, repo, { recursive: true });
  const [make, builds] = CASES[name];
  const bytes = make(repo);
  console.error(`${name}: ${(bytes / MB).toFixed(1)} MB file`);
  for (const cmd of commands) {
    if (cmd !== 'validate' && !builds) continue;
    const args = cmd === 'validate' ? ['validate', repo, '--quiet'] : ['build', repo, '--out', join(dir, `out-${cmd}`), '--format', cmd, '--quiet'];
    const r = run(args);
    rows.push([name, (bytes / MB).toFixed(1), cmd === 'validate' ? 'validate' : `build ${cmd}`, r]);
    console.error(`  ${cmd}: ${r.rss.toFixed(0)} MB, ${r.wall}, exit ${r.exit}${r.crash ? ' CRASH' : ''} ${r.first}`);
  }
  rmSync(dir, { recursive: true, force: true });
}

console.log(`node ${process.version}; each child capped at ${capMb} MB of V8 heap`);
console.log('case            file MB  command      peak RSS MB  wall time  exit  note');
let bad = 0;
for (const [name, mb, cmd, r] of rows) {
  if (r.crash) bad++;
  console.log(
    `${name.padEnd(15)} ${mb.padStart(7)}  ${cmd.padEnd(11)} ${r.rss.toFixed(0).padStart(12)}  ${r.wall.padStart(9)}  ${String(r.exit).padStart(4)}  ${r.crash ? 'CRASH ' : ''}${r.first.slice(0, 110)}`,
  );
}
process.exitCode = bad ? 1 : 0;
