// Runs the bundled CLI (dist/cli.cjs, one CommonJS file) with a V8 code cache, so that a run
// does not compile the bundle's code again: the start-up cost of every command.
//
// Node 20 keeps no compiled code between runs (Node 22.1+ has module.enableCompileCache, for
// the modules it loads itself), and it has no way to hand cached code to an ES module. A
// CommonJS file compiled here with vm.Script can take it, as Node's own CommonJS loader would
// do: the file's text is wrapped in the same function (exports, require, module, __filename,
// __dirname) and run with a require of its own folder.
//
// The cache: one file per Node version (V8's version, Node's flags), bundle (its content hash,
// written on its first line by scripts/build.mjs, with its size and modification time) and
// command (what `validate` compiles is not what `build` does), in the user's cache folder —
// never in the masterplan being checked. It is made when a run ends, from everything the run
// compiled, whenever there was none or V8 refused the one there (another Node, other flags, a
// damaged file), and written atomically (a temporary file renamed over it). Anything that
// fails with it (no home folder, an unwritable folder) only means a run without the cache.
// MASTERPLAN_CACHE names another folder, or `off` (also NODE_DISABLE_COMPILE_CACHE=1). The same
// folder holds the bundle's cache of what js-yaml read from each worksheet (parse-cache.ts).

'use strict';

const { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { basename, dirname, join } = require('node:path');
const vm = require('node:vm');

/** The commands that get a cache of their own; anything else (help, a typo) shares one. */
const COMMANDS = new Set(['validate', 'build', 'init', 'status', 'trace', 'export', 'schema', 'serve', 'lsp']);
/** Caches of other bundles are removed (when a cache is written) once this old. */
const STALE_MS = 60 * 60 * 1000;
/**
 * The names of the files the caches are made of (a code cache per command, the parse cache of a
 * masterplan folder, and the temporary file each is written through): nothing else in the
 * folder is ever removed, even in a folder MASTERPLAN_CACHE names that holds other files.
 */
const CACHE_NAME = new RegExp(
  `^masterplan-[0-9a-f]{16,64}-(?:(?:data|markdown|subsets|words)-[0-9a-f]{16}\\.json|[\\w.-]+-(?:${[...COMMANDS, 'other'].join('|')})\\.bin)(?:\\.\\d+-[0-9a-z]+\\.tmp)?$`,
);

/**
 * The folder for the caches, or undefined for none: MASTERPLAN_CACHE, else the user's cache
 * folder (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches, %LOCALAPPDATA%).
 */
function codeCacheDir(env = process.env, platform = process.platform, home = safeHome()) {
  const asked = env.MASTERPLAN_CACHE;
  if (asked === 'off' || asked === '0' || env.NODE_DISABLE_COMPILE_CACHE === '1') return undefined;
  if (asked) return asked;
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA || (home && join(home, 'AppData', 'Local'));
    return base ? join(base, 'masterplan', 'Cache') : undefined;
  }
  if (!home) return undefined;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'masterplan');
  const xdg = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(home, '.cache');
  return join(xdg, 'masterplan');
}

function safeHome() {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

/** Which cache a command line uses: its command's, or the shared one. */
function commandOf(argv) {
  return argv.find((a) => COMMANDS.has(a)) ?? 'other';
}

/** Runs the CommonJS bundle `file` (its exports are not used: it starts the CLI itself). */
function runBundle(file, argv = process.argv.slice(2), env = process.env) {
  // The bundle is ASCII (esbuild's default charset): read as latin1, no UTF-8 decoding.
  const source = readFileSync(file, 'latin1');
  const dir = codeCacheDir(env);
  let cacheFile;
  let cached;
  if (dir) {
    const key = cacheKey(file, source);
    if (key) {
      // For the bundle's own cache of what js-yaml read (src/load/parse-cache.ts).
      globalThis[Symbol.for('masterplan.cache')] = { dir, bundle: key.split('-').slice(0, 2).join('-') };
      cacheFile = join(dir, `${key}-${commandOf(argv)}.bin`);
      try {
        cached = readFileSync(cacheFile);
      } catch {
        cached = undefined;
      }
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData: cached });
  if (cacheFile && (cached === undefined || script.cachedDataRejected)) {
    process.once('exit', () => writeCache(script, cacheFile));
  }
  const run = script.runInThisContext();
  const mod = { exports: {}, filename: file, id: '.', loaded: false };
  run.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
}

/**
 * Node's and V8's versions, the platform, and the bundle: the hash on its first line
 * (`// masterplan-bundle <hash>`), its size and modification time (a bundle edited by hand).
 */
function cacheKey(file, source) {
  const m = /^\/\/ masterplan-bundle ([0-9a-f]{16,64})\n/.exec(source.slice(0, 100));
  if (!m) return undefined;
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return undefined;
  }
  const node = `${process.version}-v8-${process.versions.v8}-${process.platform}-${process.arch}`.replace(/[^\w.-]/g, '_');
  // V8 refuses a cache made under other flags: runs with other flags keep their own.
  const flags = fnv1a(`${process.execArgv.join(' ')}\n${process.env.NODE_OPTIONS ?? ''}`);
  return `masterplan-${m[1]}-${source.length.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}-${node}-${flags}`;
}

/** A short hash of a short text (32-bit FNV-1a), in base 36. */
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

function writeCache(script, cacheFile) {
  const dir = dirname(cacheFile);
  const tmp = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const data = script.createCachedData();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, cacheFile);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    return;
  }
  removeStale(dir, basename(cacheFile));
}

/** Removes the caches of other bundles (an older build, another version), and temporary files left by a run that was killed, once not written for an hour. */
function removeStale(dir, kept) {
  const bundle = kept.split('-').slice(0, 2).join('-') + '-';
  try {
    const now = Date.now();
    for (const name of readdirSync(dir)) {
      if (!CACHE_NAME.test(name) || (name.startsWith(bundle) && !name.endsWith('.tmp'))) continue;
      const path = join(dir, name);
      try {
        if (now - statSync(path).mtimeMs > STALE_MS) unlinkSync(path);
      } catch {
        // taken by another run, or not ours to remove
      }
    }
  } catch {
    // an unreadable folder: nothing to tidy
  }
}

module.exports = { CACHE_NAME, codeCacheDir, commandOf, runBundle };
