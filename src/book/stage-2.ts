// Book II (Penyelarasan Program OPD dan Quick Win): OPD programs grouped by element, quick wins.

import type { Chapter, QuickWin } from '../model/types.js';
import { formatMoney, formatNumber } from './format.js';
import { joined, ref, text } from './inline.js';
import type { Lookup } from './lookup.js';
import { section } from './section.js';
import type { Block, Field, Section, TableBlock } from './types.js';

/** The quick wins as Kominfo evaluates them: year, status and progress (a table per book). */
export function quickWinTable(list: readonly QuickWin[], L: Lookup, caption: string, withPokja: boolean): TableBlock {
  const b = L.loc.book;
  return {
    type: 'table',
    caption,
    columns: [
      { label: b.quickWin, width: 4 },
      ...(withPokja ? [{ label: b.dimensions, width: 2 }] : []),
      { label: b.opd, width: 1.4 },
      { label: b.year, width: 0.8 },
      { label: b.statusLabel, width: 1.4 },
      { label: b.progress, width: 1.2, align: 'right' as const },
    ],
    rows: list.map((q) => ({
      header: true,
      cells: [
        { lines: [[ref(q.id, `${q.id} ${q.title}`)]] },
        ...(withPokja ? [{ lines: [[text(L.pokjaName(q.pokja))]] }] : []),
        { lines: [[L.opdRef(q.opd)]] },
        { lines: [[text(String(q.year))]] },
        { lines: [[text(q.status ? b.quickWinStatus[q.status] : b.none)]] },
        { lines: [[text(q.progress !== undefined ? b.percent(q.progress) : b.none)]], align: 'right' as const },
      ],
    })),
  };
}

/** The optional quick-win fields of format 1's additions, as record fields. */
function quickWinExtras(q: QuickWin, L: Lookup): Field[] {
  const b = L.loc.book;
  const out: Field[] = [];
  if (q.element) out.push({ label: b.element, value: [text(L.elementName(q.pokja, q.element))] });
  if (q.status) out.push({ label: b.statusLabel, value: [text(b.quickWinStatus[q.status])] });
  if (q.progress !== undefined) out.push({ label: b.progress, value: [text(b.percent(q.progress))] });
  if (q.budget) out.push({ label: b.budget, value: [text(b.budgetValue(formatMoney(q.budget.estimate, L.loc), q.budget.source))] });
  if (q.indicators.length) {
    out.push({
      label: b.indicators,
      value: {
        lines: q.indicators.map((ind) => {
          const target = ind.target !== undefined ? `: ${formatNumber(ind.target, L.loc)}${ind.unit ? ' ' + ind.unit : ''}` : '';
          return [text(`${ind.name}${target}${ind.year !== undefined ? ` (${ind.year})` : ''}`)];
        }),
      },
    });
  }
  if (q.evidence) out.push({ label: b.evidence, value: [text(q.evidence)] });
  return out;
}

export function stage2Sections(c: Chapter, level: number, base: string, L: Lookup): Section[] {
  const b = L.loc.book;
  const out: Section[] = [];
  if (c.opdPrograms.length > 0) {
    const elements = L.index.pokja.get(c.pokja)?.elements ?? [];
    const order = [...elements.map((e) => e.id), ...new Set(c.opdPrograms.map((o) => o.element))];
    const blocks: Block[] = [];
    for (const element of new Set(order)) {
      const rows = c.opdPrograms.filter((o) => o.element === element);
      if (rows.length === 0) continue;
      blocks.push({
        type: 'table',
        caption: b.opdProgramsOf(L.elementName(c.pokja, element)),
        columns: [
          { label: b.opd, width: 1.2 },
          { label: b.program, width: 4 },
          { label: b.code, width: 1.2 },
          { label: b.rpjmdPrograms, width: 3 },
        ],
        rows: rows.map((o) => ({
          cells: [
            { lines: [[L.opdRef(o.opd)]] },
            { lines: [[text(o.program)]] },
            { lines: [[text(o.code ?? b.none)]] },
            { lines: o.rpjmd.map((p) => [L.programRef(p)]) },
          ],
        })),
      });
    }
    out.push(section(`${base}-program-opd`, b.opdPrograms, level, blocks));
  }
  if (c.quickWins.length > 0) {
    const blocks: Block[] = c.quickWins.map((q) => {
      const realised = L.index.innovationsByQuickWin.get(q.id) ?? [];
      return {
        type: 'record',
        id: q.id,
        title: [text(q.title)],
        badge: q.id,
        find: { kind: 'quickWin' },
        fields: [
          { label: b.opd, value: [L.opdRef(q.opd), text(` ${L.index.opd.get(q.opd)?.name ?? ''}`.trimEnd())] },
          { label: b.rpjmdPrograms, value: { lines: q.rpjmd.map((p) => [L.programRef(p)]) } },
          { label: b.year, value: [text(String(q.year))] },
          ...quickWinExtras(q, L),
          ...(q.description ? [{ label: b.description, value: { markdown: L.markdown(q.description) } }] : []),
          ...(realised.length
            ? [{ label: b.relatedInnovations, value: joined(realised.map((i) => [ref(i.id, `${i.id} ${i.title}`)])) }]
            : []),
        ],
      };
    });
    // The table of status and progress, when the worksheet tracks them.
    if (c.quickWins.some((q) => q.status !== undefined || q.progress !== undefined)) {
      blocks.unshift(quickWinTable(c.quickWins, L, `${b.quickWinTable} — ${L.pokjaName(c.pokja)}`, false));
    }
    out.push(section(`${base}-quick-win`, b.quickWins, level, blocks));
  }
  return out;
}
