// `masterplan init [DIR] --region NAME [--lang id|en] [--period FIRST-LAST]`: scaffold a new
// masterplan repository. Never overwrites: existing files are skipped and listed as such.

import { existsSync, realpathSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { IN_SEA } from '../build-info.js';
import { locale } from '../i18n/index.js';
import type { Lang } from '../model/types.js';
import { packageRoot } from '../render/html/package-root.js';
import { scaffoldPlan } from '../scaffold/plan.js';
import { readExisting } from '../scaffold/existing.js';
import { writeNew, type WriteResult } from '../scaffold/write-files.js';
import { UsageError, type Io } from './context.js';

export interface InitOptions {
  region: string;
  lang?: Lang;
  period?: string;
}

export function runInit(io: Io, dir: string | undefined, opts: InitOptions): number {
  const lang = opts.lang ?? 'id';
  const loc = locale(lang);
  const t = loc.workflow;
  const region = opts.region.trim();
  // A line break would end the YAML comments the region is written into.
  if (region === '' || /[\u0000-\u001f\u007f\u2028\u2029]/.test(region)) throw new UsageError(t.badRegion);
  const period = parsePeriod(opts.period ?? defaultPeriod(), t.badPeriod);

  const root = resolve(io.cwd, dir ?? '.');
  if (existsSync(root) && !statSync(root).isDirectory()) throw new UsageError(t.notAFolder(root));

  let results;
  let existing;
  try {
    // In a folder that already holds a masterplan: its Pokja, its catalog path, its worksheets.
    existing = readExisting(root, lang);
    results = writeNew(root, scaffoldPlan({ region, lang, period }, loc, existing));
  } catch (e) {
    throw new UsageError(t.writeFailed(root, e instanceof Error ? e.message : String(e)));
  }
  const width = Math.max(t.created.length, t.skipped.length);
  const why = (r: WriteResult) => (r.coveredBy !== undefined && r.coveredBy !== r.path ? t.stageCovered(r.coveredBy) : t.exists);
  const lines = results.map((r) => (r.created ? `${t.created.padEnd(width)}  ${r.path}` : `${t.skipped.padEnd(width)}  ${r.path} (${why(r)})`));
  const created = results.filter((r) => r.created).length;
  const shown = dir ?? '.';
  if (existing?.configUnreadable) lines.push(t.configUnreadable);
  lines.push(t.initDone(created, results.length - created, shown));
  if (created > 0) {
    const run = howToRun({ sea: IN_SEA, execPath: process.execPath, bin: IN_SEA ? '' : join(packageRoot(), 'bin', 'masterplan.js'), env: io.env, platform: process.platform });
    lines.push('', t.initNext(shown, run.command));
    if (!run.onPath) lines.push(t.initNotOnPath);
  }
  io.out(lines.join('\n') + '\n');
  return 0;
}

export interface RunFacts {
  /** Running as the single executable (execPath is the masterplan executable). */
  sea: boolean;
  execPath: string;
  /** The package's bin/masterplan.js (npm installs). */
  bin: string;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
}

/**
 * The command that runs this same masterplan from any folder, for the next steps init prints:
 * `masterplan` when that name on the PATH is this installation (npm install -g, or the executable
 * put on the PATH as masterplan); else the executable's full path, or node with the package's
 * bin/masterplan.js (a clone, npx, a project dependency). The node_modules/.bin folders npm and
 * npx put on the PATH while they run do not count: they are gone in the user's next shell.
 */
export function howToRun(f: RunFacts): { command: string; onPath: boolean } {
  const target = f.sea ? f.execPath : f.bin;
  const found = firstOnPath('masterplan', f);
  if (found !== undefined && sameFile(found, target)) return { command: 'masterplan', onPath: true };
  const quote = (p: string) => (/^[\w@%+=:,./\\-]+$/.test(p) ? p : `"${p}"`);
  return { command: f.sea ? quote(f.execPath) : `node ${quote(f.bin)}`, onPath: false };
}

function firstOnPath(name: string, f: RunFacts): string | undefined {
  const win = f.platform === 'win32';
  const path = f.env.PATH ?? f.env.Path ?? '';
  const exts = win ? (f.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean) : [''];
  for (const dir of path.split(delimiter)) {
    if (dir === '' || /node_modules[\\/]\.bin[\\/]?$/.test(dir)) continue;
    for (const ext of exts) {
      const file = join(dir, name + ext);
      if (!existsSync(file) || !statSync(file).isFile()) continue;
      // npm's Windows shims (masterplan.cmd) sit next to node_modules/masterplan.
      if (win && /^\.(cmd|ps1|bat)$/i.test(ext)) return join(dir, 'node_modules', 'masterplan', 'bin', 'masterplan.js');
      return file;
    }
  }
  return undefined;
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** Ten years from this year, as a masterplan usually runs. */
function defaultPeriod(): string {
  const year = new Date().getUTCFullYear();
  return `${year}-${year + 9}`;
}

export function parsePeriod(value: string, message: (v: string) => string): [number, number] {
  const m = /^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$/.exec(value);
  const first = m ? Number(m[1]) : NaN;
  const last = m ? Number(m[2]) : NaN;
  if (!m || first < 1900 || last > 2200 || first > last) throw new UsageError(message(value));
  return [first, last];
}
