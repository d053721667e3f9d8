// `masterplan init [DIR] --region NAME [--lang id|en] [--period FIRST-LAST]`: scaffold a new
// masterplan repository. Never overwrites: existing files are skipped and listed as such.

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { locale } from '../i18n/index.js';
import type { Lang } from '../model/types.js';
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
    existing = readExisting(root, lang, loc.messages);
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
  if (created > 0) lines.push('', t.initNext(shown));
  io.out(lines.join('\n') + '\n');
  return 0;
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
