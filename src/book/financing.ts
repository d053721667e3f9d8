// The financing recaps, generated from the innovation budgets: by Pokja × funding source, and by
// Pokja × year where `budget.per_year` is given, each with totals in rupiah. Shown in the
// financing part (Buku IV, masterplan) and in the executive summary.

import type { Innovation } from '../model/types.js';
import { budgetCharts } from './charts.js';
import { formatMoney, groupDigits } from './format.js';
import { strong, text } from './inline.js';
import type { Lookup } from './lookup.js';
import type { Block, Cell, Row } from './types.js';

/** Funding sources in the order of FORMAT.md. */
export const SOURCES = ['APBD', 'APBN', 'DAK', 'BLUD', 'CSR', 'KPBU', 'lainnya'] as const;

export interface Recap {
  pokja: string[];
  sources: string[];
  /** pokja → source → rupiah */
  bySource: Map<string, Map<string, number>>;
  years: number[];
  /** pokja → year → rupiah (innovations with per_year only) */
  byYear: Map<string, Map<number, number>>;
  total: number;
  /** Budgeted innovations without a per-year breakdown, and their sum. */
  withoutYears: { count: number; sum: number };
}

export function financingRecap(L: Lookup): Recap {
  const budgeted = L.index.innovationList.filter((i): i is Innovation & { budget: NonNullable<Innovation['budget']> } => i.budget !== undefined);
  const order = [...L.model.pokja.map((p) => p.id), ...new Set(budgeted.map((i) => i.pokja))];
  const pokja = [...new Set(order)].filter((p) => budgeted.some((i) => i.pokja === p));
  const bySource = new Map<string, Map<string, number>>();
  const byYear = new Map<string, Map<number, number>>();
  const years = new Set<number>();
  const withoutYears = { count: 0, sum: 0 };
  let total = 0;
  for (const i of budgeted) {
    const s = bySource.get(i.pokja) ?? new Map<string, number>();
    s.set(i.budget.source, (s.get(i.budget.source) ?? 0) + i.budget.estimate);
    bySource.set(i.pokja, s);
    total += i.budget.estimate;
    if (i.budget.perYear.length === 0) {
      withoutYears.count++;
      withoutYears.sum += i.budget.estimate;
      continue;
    }
    const y = byYear.get(i.pokja) ?? new Map<number, number>();
    for (const { year, value } of i.budget.perYear) {
      years.add(year);
      y.set(year, (y.get(year) ?? 0) + value);
    }
    byYear.set(i.pokja, y);
  }
  const sources = SOURCES.filter((s) => budgeted.some((i) => i.budget.source === s));
  return { pokja, sources, bySource, years: [...years].sort((a, b) => a - b), byYear, total, withoutYears };
}

export function financingTables(L: Lookup): Block[] {
  const b = L.loc.book;
  const r = financingRecap(L);
  if (r.pokja.length === 0) return [{ type: 'note', content: [text(b.recapEmpty)] }];
  // Amounts in the cells without "Rp" (the caption says rupiah): eight columns of full amounts
  // must fit an A4 page. The grand total is said once more in full, "Rp 5.400.000.000".
  const digits = (n: number) => groupDigits(n, b.thousands);
  const money = (n: number): Cell => ({ lines: [[text(n === 0 ? b.none : digits(n))]], align: 'right' });
  const totalCell = (n: number): Cell => ({ lines: [[strong(digits(n))]], align: 'right' });
  const sum = (m: Map<unknown, number> | undefined) => [...(m?.values() ?? [])].reduce((a, x) => a + x, 0);

  const sourceRows: Row[] = r.pokja.map((p) => ({
    header: true,
    cells: [{ lines: [[text(L.pokjaName(p))]] }, ...r.sources.map((s) => money(r.bySource.get(p)?.get(s) ?? 0)), totalCell(sum(r.bySource.get(p)))],
  }));
  sourceRows.push({
    header: true,
    cells: [
      { lines: [[strong(b.total)]] },
      ...r.sources.map((s) => totalCell(r.pokja.reduce((a, p) => a + (r.bySource.get(p)?.get(s) ?? 0), 0))),
      totalCell(r.total),
    ],
  });
  const blocks: Block[] = [
    {
      type: 'table',
      caption: `${b.recapBySource} ${b.inRupiah}`,
      columns: [
        { label: b.dimensions, width: 2.2 },
        ...r.sources.map((s) => ({ label: s, width: 2, align: 'right' as const })),
        { label: b.total, width: 2.2, align: 'right' },
      ],
      rows: sourceRows,
    },
    { type: 'paragraph', content: [text(b.recapTotal(formatMoney(r.total, L.loc)))] },
  ];
  if (r.years.length > 0) {
    const yearPokja = r.pokja.filter((p) => r.byYear.has(p));
    const rows: Row[] = yearPokja.map((p) => ({
      header: true,
      cells: [{ lines: [[text(L.pokjaName(p))]] }, ...r.years.map((y) => money(r.byYear.get(p)?.get(y) ?? 0)), totalCell(sum(r.byYear.get(p)))],
    }));
    rows.push({
      header: true,
      cells: [
        { lines: [[strong(b.total)]] },
        ...r.years.map((y) => totalCell(yearPokja.reduce((a, p) => a + (r.byYear.get(p)?.get(y) ?? 0), 0))),
        totalCell(yearPokja.reduce((a, p) => a + sum(r.byYear.get(p)), 0)),
      ],
    });
    blocks.push({
      type: 'table',
      caption: `${b.recapByYear} ${b.inRupiah}`,
      columns: [
        { label: b.dimensions, width: 2.2 },
        ...r.years.map((y) => ({ label: String(y), width: 2, align: 'right' as const })),
        { label: b.total, width: 2.2, align: 'right' },
      ],
      rows,
    });
    if (r.withoutYears.count > 0) {
      blocks.push({ type: 'paragraph', content: [text(b.recapWithoutYears(r.withoutYears.count, formatMoney(r.withoutYears.sum, L.loc)))] });
    }
  }
  blocks.push(...budgetCharts(L, r));
  return blocks;
}
