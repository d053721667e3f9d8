// Book IV (Peta Jalan dan Rencana Aksi): the timeline of the Pokja's innovations (a chart, see
// charts.ts), the milestones in year order, and the supporting regulations.

import type { Chapter, Innovation, RoadmapEntry } from '../model/types.js';
import { formatIsoDate } from './format.js';
import { timelineChart } from './charts.js';
import { ref, text } from './inline.js';
import type { Lookup } from './lookup.js';
import { section } from './section.js';
import type { Block, Cell, Row, Section } from './types.js';

export function stage4Sections(c: Chapter, level: number, base: string, L: Lookup): Section[] {
  const b = L.loc.book;
  const out: Section[] = [];
  // Rows: innovations this chapter plans, in order of first mention, then this Pokja's
  // innovations that nobody planned yet (highlighted: they are gaps).
  const ids: string[] = [];
  for (const e of c.roadmap) if (!ids.includes(e.innovation)) ids.push(e.innovation);
  const unplanned = L.index.innovationList.filter((i) => i.pokja === c.pokja && !L.index.roadmapByInnovation.has(i.id));
  if (ids.length > 0 || unplanned.length > 0) {
    const [from, to] = L.model.period;
    const years: number[] = [];
    for (let y = from; y <= to && years.length < 30; y++) years.push(y);
    const rows: Row[] = [...ids, ...unplanned.map((i) => i.id)].map((id) => {
      const inn = L.index.innovations.get(id);
      const entries = c.roadmap.filter((e) => e.innovation === id);
      return {
        header: true,
        tone: entries.length === 0 ? 'warning' : undefined,
        cells: [{ lines: [[L.innovationRef(id)]] }, ...years.map((y) => gridCell(y, inn, entries, L))],
      };
    });
    // The timeline of this Pokja's innovations (a figure); the year grid only when the chapter
    // plans innovations of other Pokja alone, which the Pokja's timeline does not show.
    const chart = timelineChart(L, c.pokja);
    const blocks: Block[] = chart
      ? [chart]
      : [
          {
            type: 'table',
            caption: `${b.roadmapGrid} — ${L.pokjaName(c.pokja)}`,
            variant: 'grid',
            columns: [{ label: b.innovationCount, width: 5 }, ...years.map((y) => ({ label: String(y), width: 1, align: 'center' as const }))],
            rows,
          },
          { type: 'paragraph', content: [text(b.gridLegend)] },
        ];
    const sorted = [...c.roadmap].sort((x, y) => x.year - y.year || ids.indexOf(x.innovation) - ids.indexOf(y.innovation));
    if (sorted.length > 0) {
      blocks.push({
        type: 'table',
        caption: `${b.milestones} — ${L.pokjaName(c.pokja)}`,
        columns: [
          { label: b.year, width: 0.8 },
          { label: b.innovationCount, width: 3 },
          { label: b.milestone, width: 4 },
          { label: b.opd, width: 1.2 },
        ],
        rows: sorted.map((e) => {
          const opd = e.opd ?? L.index.innovations.get(e.innovation)?.opd;
          return {
            cells: [
              { lines: [[text(String(e.year))]] },
              { lines: [[L.innovationRef(e.innovation)]] },
              { lines: [[text(e.milestone)]] },
              { lines: [opd ? [ref(opd)] : [text(b.none)]] },
            ],
          };
        }),
      });
    }
    out.push(section(`${base}-peta-jalan`, b.roadmap, level, blocks));
  }
  if (c.regulations.length > 0) {
    // Type, number and date (format 1 additions) get columns only when some regulation has them.
    const detailed = c.regulations.some((r) => r.type !== undefined || r.number !== undefined || r.date !== undefined);
    out.push(
      section(`${base}-regulasi`, b.regulations, level, [
        {
          type: 'table',
          caption: `${b.regulations} — ${L.pokjaName(c.pokja)}`,
          columns: [
            { label: b.title, width: 5 },
            ...(detailed ? [{ label: b.regulationType, width: 2 }, { label: b.regulationNumber, width: 1.4 }, { label: b.date, width: 1.8 }] : []),
            { label: b.year, width: 1 },
            { label: b.statusLabel, width: 1.5 },
          ],
          rows: c.regulations.map((r) => ({
            cells: [
              { lines: [[text(r.title)]] },
              ...(detailed
                ? [
                    { lines: [[text(r.type ?? b.none)]] },
                    { lines: [[text(r.number ?? b.none)]] },
                    { lines: [[text(r.date ? formatIsoDate(r.date, L.loc) : b.none)]] },
                  ]
                : []),
              { lines: [[text(r.year !== undefined ? String(r.year) : b.none)]] },
              { lines: [[text(r.status ? b.regulationStatus[r.status] : b.none)]] },
            ],
          })),
        },
      ]),
    );
  }
  return out;
}

function gridCell(year: number, inn: Innovation | undefined, entries: RoadmapEntry[], L: Lookup): Cell {
  const b = L.loc.book;
  if (entries.some((e) => e.year === year)) return { lines: [[text(b.yearMark)]], align: 'center', tone: 'mark' };
  if (inn && year >= inn.years[0] && year <= inn.years[1]) return { lines: [[text(b.activeMark)]], align: 'center', tone: 'muted' };
  return { lines: [], align: 'center' };
}
