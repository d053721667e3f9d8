// The executive summary (ringkasan.html / ringkasan.pdf): the `summary` part's text, the vision,
// the masterplan in figures, every innovation by Pokja with horizon, years and budget, the quick
// wins with status and progress, the financing recap and the roadmap at a glance.

import { ACTION_TYPES, type Horizon } from '../model/types.js';
import { traceability } from '../model/traceability.js';
import { coverageCharts, timelineChart } from './charts.js';
import { financingTables } from './financing.js';
import { formatMoney, formatNumber, formatPeriod } from './format.js';
import { joined, ref, text } from './inline.js';
import type { Lookup } from './lookup.js';
import { PART_IDS, visionSection } from './parts.js';
import { section } from './section.js';
import { quickWinTable } from './stage-2.js';
import type { Block, Cell, Row, Section } from './types.js';

const HORIZONS: Horizon[] = ['short', 'medium', 'long'];

export function summarySections(L: Lookup): Section[] {
  const b = L.loc.book;
  const out: Section[] = [];
  const part = L.model.parts.summary;
  if (part && part.texts.length > 0) {
    out.push(section(PART_IDS.summary, part.title ?? b.summary, 1, part.texts.map((md) => ({ type: 'markdown', markdown: L.markdown(md), level: 1 })), [], { newPage: true }));
  }
  const vision = visionSection(L);
  if (vision) out.push(vision);

  // The masterplan in figures.
  const innovations = L.index.innovationList;
  const quickWins = [...L.index.quickWins.values()];
  const trace = traceability(L.model);
  const covered = trace.programs.filter((p) => p.innovations > 0).length;
  const count = (n: number): Cell => ({ lines: [[text(formatNumber(n, L.loc))]], align: 'right' });
  const figure = (label: string, value: Cell): Row => ({ header: true, cells: [{ lines: [[text(label)]] }, value] });
  const total = innovations.reduce((n, i) => n + (i.budget?.estimate ?? 0), 0);
  const rows: Row[] = [
    figure(b.pokjaCount, count(L.model.pokja.length)),
    figure(b.programsCovered, { lines: [[text(b.coverageValue(covered, trace.programs.length))]], align: 'right' }),
    figure(b.innovationsTotal, count(innovations.length)),
    ...HORIZONS.map((h) => figure(b.byHorizon(b.horizons[h]), count(innovations.filter((i) => i.horizon === h).length))),
    ...ACTION_TYPES.filter((a) => innovations.some((i) => i.action === a)).map((a) =>
      figure(b.byAction(b.actions[a]), count(innovations.filter((i) => i.action === a).length)),
    ),
    ...(innovations.some((i) => i.action !== undefined) && innovations.some((i) => i.action === undefined)
      ? [figure(b.noAction, count(innovations.filter((i) => i.action === undefined).length))]
      : []),
    figure(b.quickWinCount, count(quickWins.length)),
    figure(b.totalBudget, { lines: [[{ type: 'text', text: formatMoney(total, L.loc), strong: true }]], align: 'right' }),
  ];
  out.push(
    section('angka', b.inFigures, 1, [
      { type: 'table', caption: b.inFigures, columns: [{ label: b.figure, width: 6 }, { label: b.amount, width: 2.5, align: 'right' }], rows },
      ...coverageCharts(L),
    ], [], { newPage: true }),
  );

  // Every innovation by Pokja.
  const byPokja: Section[] = [];
  for (const p of L.model.pokja) {
    const list = innovations.filter((i) => i.pokja === p.id);
    if (list.length === 0) continue;
    const blocks: Block[] = [
      {
        type: 'table',
        caption: b.innovationsOf(p.name),
        columns: [
          { label: b.innovationCount, width: 4 },
          { label: b.horizon, width: 1.6 },
          { label: b.years, width: 1.3 },
          { label: b.action, width: 2 },
          { label: b.budget, width: 2.2, align: 'right' },
        ],
        rows: list.map((i) => ({
          header: true,
          cells: [
            { lines: [[L.innovationRef(i.id)]] },
            { lines: [[text(b.horizons[i.horizon])]] },
            { lines: [[text(formatPeriod(i.years))]] },
            { lines: [[text(i.action ? b.actions[i.action] : b.none)]] },
            { lines: [[text(i.budget ? b.budgetValue(formatMoney(i.budget.estimate, L.loc), i.budget.source) : b.none)]], align: 'right' },
          ],
        })),
      },
    ];
    byPokja.push(section(`ringkasan-${p.id}`, p.name, 2, blocks));
  }
  if (byPokja.length > 0) out.push(section('inovasi', b.innovations, 1, [], byPokja, { newPage: true }));

  if (quickWins.length > 0) out.push(section('quick-win', b.quickWins, 1, [quickWinTable(quickWins, L, b.quickWinTable, true)], [], { newPage: true }));

  out.push(section('pembiayaan', b.partTitles.financing, 1, financingTables(L), [], { newPage: true }));

  // The roadmap at a glance: per year, the innovations with a milestone, by Pokja.
  const entries = [...L.index.roadmapByInnovation.values()].flat();
  const years = [...new Set(entries.map((e) => e.year))].sort((x, y) => x - y);
  const timeline = timelineChart(L);
  if (years.length > 0) {
    const pokja = L.model.pokja.filter((p) => entries.some((e) => L.index.innovations.get(e.innovation)?.pokja === p.id));
    out.push(
      section('peta-jalan', b.roadmapGlance, 1, [
        ...(timeline ? [timeline] : []),
        {
          type: 'table',
          caption: b.roadmapPerYear,
          variant: 'grid',
          columns: [{ label: b.year, width: 0.8 }, ...pokja.map((p) => ({ label: p.name, width: 2 })), { label: b.milestonesCount, width: 1, align: 'right' as const }],
          rows: years.map((y) => {
            const ofYear = entries.filter((e) => e.year === y);
            return {
              header: true,
              cells: [
                { lines: [[text(String(y))]] },
                ...pokja.map((p) => {
                  const ids = [...new Set(ofYear.filter((e) => L.index.innovations.get(e.innovation)?.pokja === p.id).map((e) => e.innovation))];
                  return { lines: ids.length ? [joined(ids.map((id) => [ref(id)]))] : [] };
                }),
                { lines: [[text(String(ofYear.length))]], align: 'right' as const },
              ],
            };
          }),
        },
      ], [], { newPage: true }),
    );
  }
  return out;
}
