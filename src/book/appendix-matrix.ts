// Appendix B: the traceability matrix — RPJMD program × Pokja with the innovations in each cell
// (id and title), the gaps marked with a symbol and a word (a program no innovation links to, a
// Pokja that links to no program), coverage per Pokja in its last row, then coverage per mission
// and per Pokja and the lists of gaps (uncovered programs, unplanned innovations, quick wins no
// innovation realises, missions without an innovation). The figures come from
// model/traceability.ts, the same computation `masterplan trace` and `status` print. The matrix
// is printed on landscape pages (`landscape`): a column per Pokja does not fit portrait A4.

import { traceability } from '../model/traceability.js';
import { ref, strong, text } from './inline.js';
import type { Lookup } from './lookup.js';
import { section } from './section.js';
import type { Block, Cell, Inline, Section } from './types.js';

export function matrixAppendix(id: string, level: number, L: Lookup): Section {
  const b = L.loc.book;
  const trace = traceability(L.model);
  const gapCell = (align?: Cell['align']): Cell => ({ lines: [[strong(b.gapMark)]], tone: 'warning', align });
  const innovationLine = (innovationId: string): Inline[] => {
    const title = L.index.innovations.get(innovationId)?.title;
    return title ? [ref(innovationId, innovationId), text(` ${title}`)] : [ref(innovationId, innovationId)];
  };
  const matrix: Block = {
    type: 'table',
    caption: b.matrixCaption,
    variant: 'matrix',
    columns: [
      { label: b.program, width: 2.4 },
      ...trace.pokja.map((p) => ({ label: p.name, width: 2 })),
      { label: b.matrixInnovations, width: 1.1, align: 'right' as const },
    ],
    rows: [
      ...trace.programs.map((p) => ({
        id: `matriks-${p.id}`,
        header: true,
        tone: p.innovations === 0 ? ('warning' as const) : undefined,
        cells: [
          { lines: [[ref(p.id)], [text(p.name)]] },
          ...trace.pokja.map((pk) => {
            const here = p.cells.get(pk.id) ?? [];
            return { lines: here.map(innovationLine), tone: here.length ? ('ok' as const) : undefined };
          }),
          p.innovations ? { lines: [[text(String(p.innovations))]], align: 'right' as const } : gapCell('right'),
        ],
      })),
      // Coverage per Pokja under its column; a Pokja that covers no program is a gap column.
      {
        header: true,
        cells: [
          { lines: [[text(b.pokjaCoverageRow)]] },
          ...trace.perPokja.map((pk) => (pk.covered ? { lines: [[text(b.coverageWithPercent(pk.covered, pk.total, pk.percent))]] } : gapCell())),
          { lines: [[text(b.coverageWithPercent(trace.coverage.covered, trace.coverage.total, trace.coverage.percent))]], align: 'right' as const },
        ],
      },
    ],
  };
  const legend: Block = { type: 'paragraph', content: [{ type: 'text', text: b.matrixLegend, emphasis: true }] };

  const perMission: Block = {
    type: 'table',
    caption: b.coveragePerMission,
    columns: [
      { label: b.mission, width: 4 },
      { label: b.coveredPrograms, width: 1.5, align: 'right' },
      { label: b.coverage, width: 1, align: 'right' },
      { label: b.innovationCount, width: 1, align: 'right' },
    ],
    rows: trace.missions.map((m) => ({
      header: true,
      tone: m.innovations === 0 ? ('warning' as const) : undefined,
      cells: [
        { lines: [[ref(m.id, m.id)], [text(m.text)]] },
        { lines: [[text(b.coverageValue(m.covered, m.programs))]], align: 'right' as const },
        { lines: [[text(b.percent(m.percent))]], align: 'right' as const },
        m.innovations ? { lines: [[text(String(m.innovations))]], align: 'right' as const } : gapCell('right'),
      ],
    })),
  };

  const perPokja: Block = {
    type: 'table',
    caption: b.coveragePerPokja,
    columns: [
      { label: b.pokja, width: 4 },
      { label: b.coveredPrograms, width: 1.5, align: 'right' },
      { label: b.coverage, width: 1, align: 'right' },
      { label: b.innovationCount, width: 1, align: 'right' },
    ],
    rows: trace.perPokja.map((pk) => ({
      header: true,
      tone: pk.covered === 0 ? ('warning' as const) : undefined,
      cells: [
        { lines: [[text(pk.name)]] },
        pk.covered ? { lines: [[text(b.coverageValue(pk.covered, pk.total))]], align: 'right' as const } : gapCell('right'),
        { lines: [[text(b.percent(pk.percent))]], align: 'right' as const },
        { lines: [[text(String(pk.innovations))]], align: 'right' as const },
      ],
    })),
  };

  const gap = (anchor: string, title: string, items: Inline[][], none: string): Section =>
    section(`${id}-${anchor}`, title, level + 1, [
      items.length ? { type: 'list', tone: 'warning', items } : { type: 'note', tone: 'info', content: [text(none)] },
    ]);
  const g = trace.gaps;
  const children: Section[] = [
    section(`${id}-misi`, b.coveragePerMission, level + 1, [perMission]),
    section(`${id}-pokja`, b.coveragePerPokja, level + 1, [perPokja]),
    gap('program-belum', b.uncovered, g.uncoveredPrograms.map((p) => [L.programRef(p.id)]), b.allCovered),
    gap('inovasi-belum', b.unplanned, g.unplannedInnovations.map((i) => [L.innovationRef(i.id)]), b.allPlanned),
    gap('quick-win-belum', b.unrealisedQuickWins, g.unrealisedQuickWins.map((q) => [ref(q.id, `${q.id} ${q.title}`)]), b.allQuickWinsRealised),
    gap('misi-belum', b.missionsWithoutInnovation, g.missionsWithoutInnovation.map((m) => [ref(m.id, `${m.id} ${m.text}`)]), b.allMissionsServed),
  ];
  return section(id, b.appendixMatrix, level, [matrix, legend], children, { newPage: true, landscape: true });
}
