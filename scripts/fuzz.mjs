#!/usr/bin/env node
// Fuzz run (not part of `npm test`): mutated copies of the bundled example through `validate`,
// and through `build` (HTML and PDF), looking for crashes (an internal error, an exception, a stack
// trace, an exit code the contract does not allow) and hangs (a case that takes too long).
//
//   node scripts/fuzz.mjs [--validate N] [--build N] [--seed S] [--timeout SECONDS]
//
// Each case is derived from its seed alone, so a failure is replayed with `--only SEED --mode M`.
// The cases run in a child process that reports one JSON line per case; the parent kills it when a
// case goes quiet for longer than the time-out, records the hang, and starts it again after it.

import { spawn } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import yaml from 'js-yaml';
import { buildConstants } from './build-constants.mjs';
import { rng } from './seeded-random.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = join(ROOT, 'examples', 'banggai');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};

// ---- deterministic randomness: scripts/seeded-random.mjs ------------------------------------------


// ---- mutations ------------------------------------------------------------------------------

const HOSTILE_SCALARS = [
  null, '', '   ', 0, -1, 1.5, 99999999999999999999999, 1e308, true, '2024-13-45', '2024-03-15',
  '\u001b[31mmerah\u001b[0m', 'baris\n::error file=x::palsu', '<script>alert(1)</script>', '__proto__',
  'x'.repeat(5000), '😀👍🏽‍🔥 ไทย العربية', '\u202etxet', '../../.git/config', '#PP-01', 'PP-01', 'INO-ECO-1',
  'smart-living', 'buku-3-smart-living', [], {}, [[[[[]]]]], JSON.parse('{"__proto__": "x", "constructor": {"prototype": 1}}'), ['PP-01', 'PP-01'],
];
const HOSTILE_TEXT = [
  '\t', '\u0000', '\u001b', '{', '}', '[', ']', ': ', '- ', '&a ', '*a', '!!binary ', '%YAML 1.1\n', '"', "'", '\r', '\r\n',
  '\u00e9', '\ufeff', '\u2028', '---\n', '...\n', '? ', '|', '>', '#', '@', '`', '\\', '\ud800', 'é'.normalize('NFD'),
];
const HOSTILE_MARKDOWN = [
  '\n\n' + '- a\n'.repeat(3) + '    - b\n'.repeat(50),
  '\n\n' + Array.from({ length: 60 }, (_, i) => ' '.repeat(i * 2) + '- dalam\n').join(''),
  '\n\n' + 'x'.repeat(3000) + '\n',
  '\n\nhttps://example.org/' + 'a/'.repeat(600) + '\n',
  '\n\n| a | b |\n|---|---|\n' + '| sel panjang sekali ' + 'kata '.repeat(200) + '| b |\n'.repeat(40),
  '\n\n| ' + Array.from({ length: 40 }, (_, i) => `k${i}`).join(' | ') + ' |\n|' + '---|'.repeat(40) + '\n',
  '\n\n[tautan](#PP-01) [hilang](#TIDAK-ADA) [web](https://example.org) [x]: #PP-02\n',
  '\n\n![gambar](../../.git/config) ![lain](../../../etc/passwd) ![svg](x.svg)\n',
  '\n\n<div>html mentah</div>\n\n<script>alert(1)</script>\n',
  '\n\n' + '> '.repeat(200) + 'kutipan dalam\n',
  '\n\n```\nkode\n' + 'baris kode panjang '.repeat(300) + '\n```\n',
  '\n\n😀👍🏽 ไทย العربية 中文 한국어 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u0301\u0301\u0301\n',
  '\n\n' + '# Judul\n'.repeat(30) + '###### kecil\n',
  '\n\nCatatan kaki[^1].\n\n[^1]: Isi catatan [tautan](#INO-ECO-1).\n',
  '\n\n' + '*'.repeat(2000) + '_'.repeat(2000) + '\n',
  '\n\n' + '['.repeat(3000) + ']'.repeat(3000) + '(#PP-01)\n',
];

function walkNodes(node, path, out) {
  out.push(path);
  if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) walkNodes(v, [...path, Array.isArray(node) ? Number(k) : k], out);
  }
  return out;
}

function setAt(root, path, value) {
  if (path.length === 0) return value;
  let node = root;
  for (const seg of path.slice(0, -1)) node = node[seg];
  node[path.at(-1)] = value;
  return root;
}

function getAt(root, path) {
  let node = root;
  for (const seg of path) node = node?.[seg];
  return node;
}

/** A structural change to YAML data: replace, delete, duplicate or rename at a random place. */
function mutateData(data, r) {
  const paths = walkNodes(data, [], []);
  const path = r.pick(paths);
  const op = r.int(6);
  if (op === 0 || path.length === 0) return setAt(data, path, structuredClone(r.pick(HOSTILE_SCALARS)));
  const parent = getAt(data, path.slice(0, -1));
  const key = path.at(-1);
  if (op === 1) {
    if (Array.isArray(parent)) parent.splice(key, 1);
    else delete parent[key];
  } else if (op === 2 && Array.isArray(parent)) {
    parent.push(structuredClone(parent[key]));
  } else if (op === 3 && !Array.isArray(parent)) {
    const value = parent[key];
    delete parent[key];
    parent[r.pick([key + 's', key.slice(1), key.toUpperCase(), '__proto__', 'constructor', 'x-' + key])] = value;
  } else if (op === 4) {
    // Another value of the same file in this place (ids that collide, lists where text was).
    setAt(data, path, structuredClone(getAt(data, r.pick(paths))));
  } else {
    setAt(data, path, r.chance(0.5) ? String(getAt(data, path)) : [getAt(data, path)]);
  }
  return data;
}

/** Changes one file's text; `gentle` keeps the YAML valid most of the time (for builds). */
function mutateText(text, isMarkdown, r, gentle) {
  const fm = isMarkdown ? /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text) : null;
  const dataText = fm ? fm[1] : isMarkdown ? '' : text;
  const body = fm ? text.slice(fm[0].length) : isMarkdown ? text : '';
  const kind = gentle ? r.pick(['markdown', 'markdown', 'data-string']) : r.pick(['bytes', 'lines', 'data', 'data', 'markdown', 'insert']);
  if (kind === 'markdown') {
    // Gentle cases leave out the snippets that are errors on purpose (dangling links, bad images).
    const snippet = r.pick(gentle ? HOSTILE_MARKDOWN.filter((m) => !/TIDAK-ADA|\.git/.test(m)) : HOSTILE_MARKDOWN);
    if (isMarkdown) return text + snippet;
    let data;
    try {
      data = yaml.load(dataText) ?? {};
    } catch {
      return text + snippet; // already broken by an earlier mutation: append as text
    }
    if (data && typeof data === 'object') data.narrative = (typeof data.narrative === 'string' ? data.narrative : '') + snippet;
    return yaml.dump(data, { lineWidth: -1 });
  }
  if (kind === 'data' || kind === 'data-string') {
    let data;
    try {
      data = yaml.load(dataText);
    } catch {
      return text;
    }
    if (data === null || typeof data !== 'object') return text;
    if (kind === 'data-string') {
      // Replace one string with hostile text of the same type, so that the schema still passes.
      const strings = walkNodes(data, [], []).filter((p) => typeof getAt(data, p) === 'string' && !/(^|\.)(id|pokja|opd|program|sector|element|innovation|quick_win|mission|goal|target|horizon|source|status)$/.test(String(p.at(-1))) && typeof p.at(-1) === 'string');
      if (strings.length) setAt(data, r.pick(strings), r.pick(['😀👍🏽 ไทย', 'x'.repeat(3000), '\u001b[31m', 'a<b>&c', 'Kabupaten ' + 'Panjang '.repeat(80), '\u202e\u200b', 'https://example.org/' + 'p/'.repeat(200)]));
    } else {
      for (let i = 0, n = 1 + r.int(3); i < n; i++) data = mutateData(data, r);
    }
    const dumped = yaml.dump(data, { lineWidth: -1, noRefs: true });
    return isMarkdown ? `---\n${dumped}---\n${body}` : dumped;
  }
  const chars = [...text];
  if (kind === 'bytes') {
    for (let i = 0, n = 1 + r.int(4); i < n && chars.length; i++) {
      const at = r.int(chars.length);
      if (r.chance(0.5)) chars[at] = r.pick(HOSTILE_TEXT);
      else chars.splice(at, 1 + r.int(20));
    }
    return chars.join('');
  }
  if (kind === 'insert') {
    const at = r.int(chars.length + 1);
    chars.splice(at, 0, r.pick(HOSTILE_TEXT).repeat(1 + r.int(3)));
    return chars.join('');
  }
  const lines = text.split('\n');
  const a = r.int(lines.length);
  const b = r.int(lines.length);
  const op = r.int(4);
  if (op === 0) lines.splice(a, 1);
  else if (op === 1) lines.splice(a, 0, lines[b]);
  else if (op === 2) [lines[a], lines[b]] = [lines[b], lines[a]];
  else lines[a] = '  ' + lines[a];
  return lines.join('\n');
}

function filesOf(dir, base = dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesOf(p, base));
    else if (/\.(ya?ml|md)$/.test(e.name)) out.push(relative(base, p));
  }
  return out.sort();
}

/** Makes the case's repository in `dir` and returns what was done to it. */
function makeCase(seed, mode, dir) {
  const r = rng(seed * 2654435761 + (mode === 'build' ? 7 : 0));
  rmSync(dir, { recursive: true, force: true });
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes(`${EXAMPLE}/dist`) });
  const files = filesOf(dir);
  const done = [];
  const gentle = mode === 'build' && r.chance(0.8);
  for (let i = 0, n = 1 + r.int(3); i < n; i++) {
    const rel = r.pick(files);
    const abs = join(dir, rel);
    if (!gentle && r.chance(0.04)) {
      // File system oddities: a file that is a folder, a symlink leaving the repository, gone.
      const op = r.int(3);
      rmSync(abs, { force: true });
      if (op === 0) mkdirSync(abs);
      else if (op === 1) symlinkSync(r.pick(['/etc/passwd', '../../../../etc/hostname', join(dir, '.git-config')]), abs);
      done.push(`${['folder', 'symlink', 'deleted'][op]} ${rel}`);
      continue;
    }
    try {
      if (lstatSync(abs).isDirectory()) continue;
    } catch {
      continue;
    }
    const text = readFileSync(abs, 'utf8');
    writeFileSync(abs, mutateText(text, rel.endsWith('.md'), r, gentle));
    done.push(`${gentle ? 'gentle' : 'mutate'} ${rel}`);
  }
  return done;
}

// ---- the worker: runs cases in-process -----------------------------------------------------------

async function worker(mode, from, to, only) {
  const { main } = await import(pathToFileURL(join(ROOT, 'test', '.tmp', 'fuzz', 'main.js')).href);
  const dir = mkdtempSync(join(tmpdir(), 'masterplan-fuzz-'));
  const repo = join(dir, 'repo');
  const out = join(dir, 'out');
  // A library's warning printed by Node ("(node:123) Warning: …") reaches the user's terminal too.
  let warnings = [];
  process.removeAllListeners('warning');
  process.on('warning', (w) => warnings.push(String(w.message).slice(0, 200)));
  const seeds = only !== undefined ? [only] : Array.from({ length: to - from }, (_, i) => from + i);
  for (const seed of seeds) {
    process.stdout.write(JSON.stringify({ start: seed }) + '\n');
    const what = makeCase(seed, mode, repo);
    let stdout = '';
    let stderr = '';
    const io = { out: (s) => void (stdout += s), err: (s) => void (stderr += s), cwd: repo, isTTY: false, env: { SOURCE_DATE_EPOCH: '1709294400' } };
    const argv = mode === 'validate' ? ['validate', repo, '--format', 'json'] : ['build', repo, '--out', out, '--format', 'all', '--quiet'];
    warnings = [];
    const t0 = performance.now();
    let code;
    let exception;
    try {
      code = await main(argv, io);
    } catch (e) {
      exception = String(e?.stack ?? e);
    }
    const ms = Math.round(performance.now() - t0);
    const text = stdout + stderr;
    const crash =
      exception ??
      (/internal error|kesalahan internal/i.test(text) ? 'internal error' : undefined) ??
      (/^\s+at .+:\d+:\d+\)?$/m.test(text) ? 'stack trace' : undefined) ??
      (![0, 1, 2].includes(code) ? `exit ${code}` : undefined) ??
      (mode === 'validate' && code !== 2 && !isJson(stdout) ? 'not JSON' : undefined) ??
      (warnings.length ? `process warning: ${warnings[0]}` : undefined);
    process.stdout.write(JSON.stringify({ seed, code, ms, crash, what, detail: crash ? text.slice(0, 2000) : undefined }) + '\n');
  }
  rmSync(dir, { recursive: true, force: true });
}

function isJson(s) {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

// ---- the parent -----------------------------------------------------------------------------------

async function bundle() {
  const { build } = await import('esbuild');
  mkdirSync(join(ROOT, 'test', '.tmp', 'fuzz'), { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: join(ROOT, 'test', '.tmp', 'fuzz', 'main.js'),
    logLevel: 'error',
    define: buildConstants({ sea: false }),
  });
}

function runMode(mode, count, firstSeed, timeoutMs) {
  return new Promise((resolve) => {
    const results = [];
    const hangs = [];
    let next = firstSeed;
    const end = firstSeed + count;
    const startChild = () => {
      if (next >= end) return resolve({ results, hangs });
      const child = spawn(process.execPath, ['--max-old-space-size=2048', fileURLToPath(import.meta.url), '--worker', mode, String(next), String(end)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let current;
      let timer;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          hangs.push(current);
          process.stderr.write(`\n${mode}: seed ${current} hung (> ${timeoutMs / 1000} s)\n`);
          child.kill('SIGKILL');
        }, timeoutMs);
      };
      arm();
      createInterface({ input: child.stdout }).on('line', (line) => {
        const msg = JSON.parse(line);
        if ('start' in msg) {
          current = msg.start;
          arm();
          return;
        }
        results.push(msg);
        next = msg.seed + 1;
        if (msg.crash) process.stderr.write(`\n${mode}: seed ${msg.seed} CRASH (${msg.crash}): ${msg.what.join(', ')}\n${msg.detail}\n`);
        if (results.length % 50 === 0) process.stderr.write(`${mode}: ${results.length}/${count}\r`);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if ((signal || code !== 0) && current === undefined) {
          // The worker could not even start a case: a broken bundle, not a finding.
          process.stderr.write(`\n${mode}: the fuzz worker failed before its first case (${signal ?? code})\n`);
          process.exit(2);
        }
        if (signal || code !== 0) {
          // Killed (hang) or died (out of memory): that case is a failure; go on after it.
          if (current !== undefined && !hangs.includes(current) && !results.some((x) => x.seed === current)) {
            results.push({ seed: current, crash: `worker died (${signal ?? code})`, what: [] });
            process.stderr.write(`\n${mode}: seed ${current} killed the worker (${signal ?? code})\n`);
          }
          next = (current ?? next) + 1;
        }
        startChild();
      });
    };
    startChild();
  });
}

function summary(mode, { results, hangs }) {
  const codes = {};
  for (const r of results) if (r.code !== undefined) codes[r.code] = (codes[r.code] ?? 0) + 1;
  const times = results.filter((r) => r.ms !== undefined).map((r) => r.ms).sort((a, b) => a - b);
  const crashes = results.filter((r) => r.crash);
  console.log(
    `${mode}: ${results.length + hangs.length} cases, ${crashes.length} crashes, ${hangs.length} hangs; exit codes ${JSON.stringify(codes)}; ` +
      `time median ${times[Math.floor(times.length / 2)] ?? 0} ms, max ${times.at(-1) ?? 0} ms`,
  );
  for (const c of crashes) console.log(`  crash seed ${c.seed}: ${c.crash} (${c.what.join(', ')})`);
  for (const h of hangs) console.log(`  hang seed ${h}`);
  return crashes.length + hangs.length;
}

if (args[0] === '--worker') {
  await worker(args[1], Number(args[2]), Number(args[3]));
} else if (opt('only') !== undefined) {
  await bundle();
  await worker(opt('mode', 'validate'), 0, 0, Number(opt('only')));
} else {
  const seed = Number(opt('seed', '1'));
  const timeoutMs = Number(opt('timeout', '60')) * 1000;
  await bundle();
  let bad = 0;
  const nValidate = Number(opt('validate', '2000'));
  const nBuild = Number(opt('build', '200'));
  const t0 = Date.now();
  if (nValidate > 0) bad += summary('validate', await runMode('validate', nValidate, seed, timeoutMs));
  if (nBuild > 0) bad += summary('build', await runMode('build', nBuild, seed, timeoutMs));
  console.log(`fuzz: ${bad === 0 ? 'no crashes, no hangs' : `${bad} failures`} in ${Math.round((Date.now() - t0) / 1000)} s (seeds from ${seed})`);
  process.exitCode = bad === 0 ? 0 : 1;
}
