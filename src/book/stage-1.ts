// Book I (Analisis Strategis): RPJMD program analyses with their chain, Renstra alignment,
// readiness SWOT per pillar, strategic issues.

import { PILLARS, SWOT_PARTS, type Chapter } from '../model/types.js';
import { formatNumber } from './format.js';
import { joined, text } from './inline.js';
import type { Lookup } from './lookup.js';
import { section } from './section.js';
import type { Block, Cell, Row, Section } from './types.js';

const cell = (s: string, align?: Cell['align']): Cell => ({ lines: [[text(s)]], align });

export function stage1Sections(c: Chapter, level: number, base: string, L: Lookup): Section[] {
  const b = L.loc.book;
  const out: Section[] = [];
  if (c.analysis.length > 0) {
    const blocks: Block[] = [];
    for (const a of c.analysis) {
      const p = L.index.programs.get(a.program);
      blocks.push({
        type: 'record',
        title: [L.programRef(a.program)],
        badge: p?.code,
        fields: [
          { label: b.chain, value: L.chain(a.program) },
          ...(p?.sector ? [{ label: b.sector, value: [text(p.sector)] }] : []),
          ...(p && p.opd.length ? [{ label: b.opd, value: joined(p.opd.map((o) => [L.opdRef(o)])) }] : []),
          ...(a.relevance ? [{ label: b.relevance, value: { markdown: L.markdown(a.relevance) } }] : []),
        ],
      });
      if (p && p.indicators.length > 0) blocks.push(indicatorTable(p.id, L));
      if (a.renstra.length > 0) {
        blocks.push({
          type: 'table',
          caption: `${b.renstra} — ${a.program}`,
          columns: [
            { label: b.opd, width: 1 },
            { label: b.program, width: 4 },
            { label: b.code, width: 1 },
          ],
          rows: a.renstra.map((r) => ({ cells: [{ lines: [[L.opdRef(r.opd)]] }, cell(r.program), cell(r.code ?? b.none)] })),
        });
      }
    }
    out.push(section(`${base}-analisis`, b.analysis, level, blocks));
  }

  const swotRows: Row[] = PILLARS.filter((pillar) => SWOT_PARTS.some((part) => c.readiness[pillar][part].length > 0)).map(
    (pillar) => ({
      header: true,
      cells: [
        cell(b.pillars[pillar]),
        ...SWOT_PARTS.map((part) => ({ lines: c.readiness[pillar][part].map((s) => [text(s)]), bullets: true })),
      ],
    }),
  );
  if (swotRows.length > 0) {
    out.push(
      section(`${base}-kesiapan`, b.readiness, level, [
        {
          type: 'table',
          caption: `${b.readiness} — ${L.pokjaName(c.pokja)}`,
          columns: [{ label: b.pillar, width: 1.2 }, ...SWOT_PARTS.map((part) => ({ label: b.swot[part], width: 2 }))],
          rows: swotRows,
        },
      ]),
    );
  }
  if (c.issues.length > 0) {
    out.push(section(`${base}-isu`, b.issues, level, [{ type: 'list', items: c.issues.map((s) => [text(s)]) }]));
  }
  return out;
}

/** A program's indicators with one column per RPJMD year. */
export function indicatorTable(programId: string, L: Lookup, caption?: string): Block {
  const b = L.loc.book;
  const p = L.index.programs.get(programId)!;
  const [from, to] = L.model.rpjmd.period;
  const years: number[] = [];
  for (let y = from; y <= to && years.length < 20; y++) years.push(y);
  return {
    type: 'table',
    caption: caption ?? `${b.indicators} — ${programId}`,
    columns: [
      { label: b.indicator, width: 4 },
      { label: b.unit, width: 2 },
      { label: b.baseline, width: 1.2, align: 'right' },
      ...years.map((y) => ({ label: String(y), width: 1.1, align: 'right' as const })),
    ],
    rows: p.indicators.map((ind) => ({
      cells: [
        cell(ind.name),
        cell(ind.unit ?? b.none),
        cell(ind.baseline !== undefined ? formatNumber(ind.baseline, L.loc) : b.none, 'right'),
        ...years.map((y) => {
          const v = ind.targets.find((t) => t.year === y);
          return cell(v ? formatNumber(v.value, L.loc) : '', 'right');
        }),
      ],
    })),
  };
}

