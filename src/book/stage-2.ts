// Book II (Penyelarasan Program OPD dan Quick Win): OPD programs grouped by element, quick wins.

import type { Chapter } from '../model/types.js';
import { joined, ref, text } from './inline.js';
import type { Lookup } from './lookup.js';
import { section } from './section.js';
import type { Block, Section } from './types.js';

export function stage2Sections(c: Chapter, level: number, base: string, L: Lookup): Section[] {
  const b = L.loc.book;
  const out: Section[] = [];
  if (c.opdPrograms.length > 0) {
    const elements = L.pokja.get(c.pokja)?.elements ?? [];
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
      const realised = L.innovationsByQuickWin.get(q.id) ?? [];
      return {
        type: 'record',
        id: q.id,
        title: [text(q.title)],
        badge: q.id,
        fields: [
          { label: b.opd, value: [L.opdRef(q.opd), text(` ${L.opd.get(q.opd)?.name ?? ''}`.trimEnd())] },
          { label: b.rpjmdPrograms, value: { lines: q.rpjmd.map((p) => [L.programRef(p)]) } },
          { label: b.year, value: [text(String(q.year))] },
          ...(q.description ? [{ label: b.description, value: { markdown: q.description } }] : []),
          ...(realised.length
            ? [{ label: b.relatedInnovations, value: joined(realised.map((i) => [ref(i.id, `${i.id} ${i.title}`)])) }]
            : []),
        ],
      };
    });
    out.push(section(`${base}-quick-win`, b.quickWins, level, blocks));
  }
  return out;
}
