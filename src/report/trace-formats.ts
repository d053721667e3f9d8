// `masterplan trace` output: the traceability matrix (RPJMD program × Pokja, innovation ids in
// each cell), coverage per mission and per Pokja, and the gaps — as text, CSV and JSON.

import type { Locale } from '../i18n/index.js';
import type { Traceability } from '../model/traceability.js';
import { csv, type CsvDelimiter } from './csv.js';
import { printable } from './printable.js';
import { oneLine, textTable, type TableSpec } from './table.js';

export type TraceFormat = 'text' | 'csv' | 'json';
export const TRACE_FORMATS: readonly TraceFormat[] = ['text', 'csv', 'json'];
export type TraceTable = 'matrix' | 'gaps';
export const TRACE_TABLES: readonly TraceTable[] = ['matrix', 'gaps'];

type GapKey = keyof Traceability['gaps'];
const GAP_KEYS: readonly GapKey[] = ['uncoveredPrograms', 'unplannedInnovations', 'unrealisedQuickWins', 'missionsWithoutInnovation'];

export interface TraceTextOptions {
  locale: Locale;
  color: boolean;
}

const paint = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/** One line per gap record: id, then its name, title or text. */
function gapRows(tr: Traceability, key: GapKey): { id: string; name: string; pokja?: string }[] {
  switch (key) {
    case 'uncoveredPrograms':
      return tr.gaps.uncoveredPrograms.map((p) => ({ id: p.id, name: p.name }));
    case 'unplannedInnovations':
    case 'unrealisedQuickWins':
      return tr.gaps[key].map((r) => ({ id: r.id, name: r.title, pokja: r.pokja }));
    case 'missionsWithoutInnovation':
      return tr.gaps.missionsWithoutInnovation.map((m) => ({ id: m.id, name: m.text }));
  }
}

export function traceText(tr: Traceability, o: TraceTextOptions): string {
  const t = o.locale.workflow;
  const b = o.locale.book;
  const bold = (s: string) => paint(o.color, '1', s);
  const dim = (s: string) => paint(o.color, '2', s);
  // Names and ids are worksheet text: oneLine and printable show control characters as escapes.
  const pokjaName = new Map(tr.pokja.map((p) => [p.id, oneLine(p.name)]));
  const out: string[] = [bold(t.matrixTitle), ''];

  const idWidth = Math.max(0, ...tr.programs.map((p) => printable(p.id).length));
  const nameWidth = Math.max(0, ...tr.programs.map((p) => [...oneLine(p.name)].length));
  for (const p of tr.programs) {
    const name = oneLine(p.name);
    const count = p.innovations ? t.innovationCount(p.innovations) : paint(o.color, '33', `${t.innovationCount(0)}, ${t.notCovered}`);
    out.push(`${printable(p.id).padEnd(idWidth)}  ${name}${' '.repeat(nameWidth - [...name].length)}  ${count}`);
    for (const [pokja, ids] of p.cells) {
      if (ids.length) out.push(`${' '.repeat(idWidth + 2)}${dim(`${pokjaName.get(pokja) ?? printable(pokja)}:`)} ${printable(ids.join(', '))}`);
    }
  }

  const missions: TableSpec = {
    columns: [{ label: t.mission }, { label: t.programs, align: 'right' }, { label: t.coverage, align: 'right' }, { label: t.innovations, align: 'right' }],
    rows: tr.missions.map((m) => [m.id, t.coverageValue(m.covered, m.programs), b.percent(m.percent), String(m.innovations)]),
  };
  const pokja: TableSpec = {
    columns: [{ label: t.pokja }, { label: t.programs, align: 'right' }, { label: t.coverage, align: 'right' }, { label: t.innovations, align: 'right' }],
    rows: [
      ...tr.perPokja.map((p) => [p.name, t.coverageValue(p.covered, p.total), b.percent(p.percent), String(p.innovations)]),
      [t.allPokja, t.coverageValue(tr.coverage.covered, tr.coverage.total), b.percent(tr.coverage.percent), String(tr.perPokja.reduce((n, p) => n + p.innovations, 0))],
    ],
  };
  out.push('', bold(t.perMission), textTable(missions, dim).trimEnd(), '', bold(t.perPokja), textTable(pokja, dim).trimEnd());

  for (const key of GAP_KEYS) {
    const rows = gapRows(tr, key);
    out.push('', bold(`${t.gapTitles[key]} (${rows.length})`));
    if (!rows.length) out.push(`  ${dim(t.noGap)}`);
    const w = Math.max(0, ...rows.map((r) => printable(r.id).length));
    for (const r of rows) {
      const owner = r.pokja ? dim(` (${pokjaName.get(r.pokja) ?? printable(r.pokja)})`) : '';
      out.push(`  ${paint(o.color, '33', printable(r.id).padEnd(w))}  ${oneLine(r.name)}${owner}`);
    }
  }
  return out.join('\n') + '\n';
}

/**
 * CSV, one table per file (a spreadsheet opens one sheet per CSV): `matrix` has one row per
 * RPJMD program and one column per Pokja; `gaps` has one row per gap, its kind in the first column.
 */
export function traceCsv(tr: Traceability, table: TraceTable, delimiter: CsvDelimiter, loc: Locale): string {
  const t = loc.workflow;
  const pokjaName = new Map(tr.pokja.map((p) => [p.id, p.name]));
  if (table === 'gaps') {
    const rows: (string | number)[][] = [[t.gap, t.id, t.name, t.pokja]];
    for (const key of GAP_KEYS) {
      for (const r of gapRows(tr, key)) rows.push([t.gapTitles[key], r.id, r.name, r.pokja ? pokjaName.get(r.pokja) ?? r.pokja : '']);
    }
    return csv(rows, delimiter);
  }
  return csv(
    [
      [t.program, t.programName, t.mission, ...tr.pokja.map((p) => p.name), t.total],
      ...tr.programs.map((p) => [p.id, p.name, p.mission ?? '', ...tr.pokja.map((pk) => (p.cells.get(pk.id) ?? []).join(', ')), p.innovations]),
    ],
    delimiter,
  );
}

/** The matrix's rows as JSON: one per program (`trace --format json` and `export`'s `traceability`). */
export function programRowsJson(tr: Traceability) {
  return tr.programs.map((p) => ({
    id: p.id,
    name: p.name,
    target: p.target,
    mission: p.mission ?? null,
    cells: Object.fromEntries(p.cells),
    innovations: p.innovations,
  }));
}

/** The documented, stable JSON shape (README: masterplan trace). */
export function traceJson(tr: Traceability): string {
  const out = {
    pokja: tr.pokja,
    programs: programRowsJson(tr),
    missions: tr.missions,
    perPokja: tr.perPokja,
    coverage: tr.coverage,
    gaps: tr.gaps,
  };
  return JSON.stringify(out, null, 2) + '\n';
}
