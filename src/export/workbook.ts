// `masterplan export --format xlsx`: the coordinator's workbook — innovations, quick wins,
// roadmap, RPJMD programs, the traceability matrix, the gaps and the budget, one sheet each.
// Ids are text cells (an id "1.000" must not turn into the number 1000), amounts are numbers
// in a Rupiah format, years are numbers; headers are bold and frozen; widths follow the content.
// Built from the export data (itself from the model), never from YAML.

import type { Cell, CellObject, Sheet } from 'write-excel-file/node';
import type { Locale } from '../i18n/index.js';
import type { ExportData } from './data.js';

/** A sheet without images (the only kind of content that depends on the platform's file type). */
export type WorkbookSheet = Sheet<never>;

/** Rupiah, whole numbers with grouped thousands; 0x0421 is the Indonesian locale (id-ID). */
export const RUPIAH_FORMAT = '[$Rp-421] #,##0';
const MAX_WIDTH = 60;

type Kind = 'id' | 'text' | 'year' | 'money' | 'count';
interface Col {
  header: string;
  kind: Kind;
}

function cell(kind: Kind, value: string | number | undefined): Cell {
  if (value === undefined || value === '') return null;
  if (kind === 'id' || kind === 'text') {
    const text = String(value);
    return (text.includes('\n') ? { value: text, type: String, wrap: true } : { value: text, type: String }) satisfies CellObject;
  }
  if (typeof value !== 'number') return { value: String(value), type: String };
  if (kind === 'money') return { value, type: Number, format: RUPIAH_FORMAT };
  return { value, type: Number, format: '0' };
}

function sheet(name: string, cols: Col[], rows: (string | number | undefined)[][], extra: Cell[][] = []): WorkbookSheet {
  const head: Cell[] = cols.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' }));
  const body: Cell[][] = rows.map((r) => cols.map((c, i) => cell(c.kind, r[i])));
  // Widths in characters, from what each column shows (the longest line of a cell), capped.
  const extraValues = extra.map((r) => r.map((x) => (x !== null && typeof x === 'object' && 'value' in x ? (x.value as string | number) : undefined)));
  const widths = cols.map((c, i) => {
    let w = c.header.length;
    for (const r of [...rows, ...extraValues]) {
      const v = r[i];
      const shown = c.kind === 'money' && typeof v === 'number' ? `Rp ${String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}` : v === undefined ? '' : String(v);
      w = Math.max(w, ...shown.split('\n').map((l) => l.length));
    }
    return { width: Math.min(MAX_WIDTH, Math.max(6, w + 2)) };
  });
  return { sheet: name, data: [head, ...body, ...extra], columns: widths, stickyRowsCount: 1 };
}

const list = (ids: readonly string[]) => ids.join(', ');

export function workbookSheets(data: ExportData, loc: Locale): WorkbookSheet[] {
  const t = loc.export;
  const pokjaName = new Map(data.pokja.map((p) => [p.id, p.name]));
  const pk = (id: string) => pokjaName.get(id) ?? id;
  const horizon = (h: string) => loc.book.horizons[h] ?? h;
  const innovationTitle = new Map(data.innovations.map((i) => [i.id, i.title]));
  const targetOf = new Map(data.rpjmd.targets.map((x) => [x.id, x]));
  const goalOf = new Map(data.rpjmd.goals.map((g) => [g.id, g]));
  const byQuickWin = new Map<string, string[]>();
  for (const i of data.innovations) if (i.quickWin) byQuickWin.set(i.quickWin, [...(byQuickWin.get(i.quickWin) ?? []), i.id]);
  const byProgram = new Map(data.traceability.programs.map((p) => [p.id, p]));

  const innovations = sheet(
    t.sheets.innovations,
    [
      { header: t.id, kind: 'id' },
      { header: t.title, kind: 'text' },
      { header: t.pokja, kind: 'text' },
      { header: t.sector, kind: 'id' },
      { header: t.element, kind: 'id' },
      { header: t.rpjmd, kind: 'id' },
      { header: t.leadOpd, kind: 'id' },
      { header: t.partners, kind: 'id' },
      { header: t.quickWin, kind: 'id' },
      { header: t.horizon, kind: 'text' },
      { header: t.firstYear, kind: 'year' },
      { header: t.lastYear, kind: 'year' },
      { header: t.budget, kind: 'money' },
      { header: t.budgetSource, kind: 'text' },
      { header: t.indicators, kind: 'text' },
      { header: t.file, kind: 'text' },
    ],
    data.innovations.map((i) => [
      i.id,
      i.title,
      pk(i.pokja),
      i.sector,
      i.element,
      list(i.rpjmd),
      i.opd,
      list(i.partners),
      i.quickWin,
      horizon(i.horizon),
      i.years[0],
      i.years[1],
      i.budget?.estimate,
      i.budget?.source,
      i.indicators.map((x) => [x.name, x.target !== undefined ? `${x.target}${x.unit ? ` ${x.unit}` : ''}` : '', x.year ?? ''].filter(Boolean).join(' · ')).join('\n'),
      i.file,
    ]),
  );

  const quickWins = sheet(
    t.sheets.quickWins,
    [
      { header: t.id, kind: 'id' },
      { header: t.title, kind: 'text' },
      { header: t.pokja, kind: 'text' },
      { header: t.opd, kind: 'id' },
      { header: t.rpjmd, kind: 'id' },
      { header: t.year, kind: 'year' },
      { header: t.innovations, kind: 'id' },
      { header: t.file, kind: 'text' },
    ],
    data.quickWins.map((q) => [q.id, q.title, pk(q.pokja), q.opd, list(q.rpjmd), q.year, list(byQuickWin.get(q.id) ?? []), q.file]),
  );

  const roadmap = sheet(
    t.sheets.roadmap,
    [
      { header: t.innovation, kind: 'id' },
      { header: t.innovationTitle, kind: 'text' },
      { header: t.pokja, kind: 'text' },
      { header: t.year, kind: 'year' },
      { header: t.milestone, kind: 'text' },
      { header: t.opd, kind: 'id' },
      { header: t.file, kind: 'text' },
    ],
    data.roadmap.map((e) => [e.innovation, innovationTitle.get(e.innovation), pk(e.pokja), e.year, e.milestone, e.opd, e.file]),
  );

  const programs = sheet(
    t.sheets.programs,
    [
      { header: t.id, kind: 'id' },
      { header: t.code, kind: 'id' },
      { header: t.name, kind: 'text' },
      { header: t.target, kind: 'id' },
      { header: t.goal, kind: 'id' },
      { header: t.mission, kind: 'id' },
      { header: t.sector, kind: 'text' },
      { header: t.opd, kind: 'id' },
      { header: t.indicators, kind: 'text' },
      { header: t.innovationCount, kind: 'count' },
    ],
    data.rpjmd.programs.map((p) => {
      const target = targetOf.get(p.target);
      const goal = target && goalOf.get(target.goal);
      const indicators = p.indicators.map((x) => `${x.name}${x.unit ? ` (${x.unit})` : ''}: ${x.targets.map((y) => `${y.year} ${y.value}`).join(', ')}`);
      return [p.id, p.code, p.name, p.target, goal?.id, goal?.mission, p.sector, list(p.opd), indicators.join('\n'), byProgram.get(p.id)?.innovations ?? 0];
    }),
  );

  const pokja = data.traceability.perPokja;
  const matrix = sheet(
    t.sheets.matrix,
    [
      { header: t.id, kind: 'id' },
      { header: t.name, kind: 'text' },
      { header: t.mission, kind: 'id' },
      ...pokja.map((p) => ({ header: p.name, kind: 'id' as const })),
      { header: t.innovationCount, kind: 'count' },
    ],
    data.traceability.programs.map((p) => [p.id, p.name, p.mission ?? undefined, ...pokja.map((x) => list(p.cells[x.id] ?? [])), p.innovations]),
  );

  const gapTitles = loc.workflow.gapTitles;
  const g = data.traceability.gaps;
  const gaps = sheet(
    t.sheets.gaps,
    [
      { header: t.gap, kind: 'text' },
      { header: t.id, kind: 'id' },
      { header: t.name, kind: 'text' },
      { header: t.pokja, kind: 'text' },
    ],
    [
      ...g.uncoveredPrograms.map((p) => [gapTitles.uncoveredPrograms, p.id, p.name, undefined]),
      ...g.unplannedInnovations.map((i) => [gapTitles.unplannedInnovations, i.id, i.title, pk(i.pokja)]),
      ...g.unrealisedQuickWins.map((q) => [gapTitles.unrealisedQuickWins, q.id, q.title, pk(q.pokja)]),
      ...g.missionsWithoutInnovation.map((m) => [gapTitles.missionsWithoutInnovation, m.id, m.text, undefined]),
    ],
  );

  const funded = data.innovations.filter((i) => i.budget);
  const totalBudget = funded.reduce((n, i) => n + (i.budget?.estimate ?? 0), 0);
  const budgetCols: Col[] = [
    { header: t.innovation, kind: 'id' },
    { header: t.title, kind: 'text' },
    { header: t.pokja, kind: 'text' },
    { header: t.leadOpd, kind: 'id' },
    { header: t.budgetSource, kind: 'text' },
    { header: t.firstYear, kind: 'year' },
    { header: t.lastYear, kind: 'year' },
    { header: t.budget, kind: 'money' },
  ];
  const totalRow: Cell[] = budgetCols.map((c, i) =>
    i === 0 ? { value: t.total, type: String, fontWeight: 'bold' } : c.kind === 'money' ? { value: totalBudget, type: Number, format: RUPIAH_FORMAT, fontWeight: 'bold' } : null,
  );
  const budget = sheet(
    t.sheets.budget,
    budgetCols,
    funded.map((i) => [i.id, i.title, pk(i.pokja), i.opd, i.budget?.source, i.years[0], i.years[1], i.budget?.estimate]),
    [totalRow],
  );

  return [innovations, quickWins, roadmap, programs, matrix, gaps, budget];
}
