// Appendix B: the traceability matrix — RPJMD program × Pokja with the innovations in each cell,
// coverage per program and per mission, and the gaps (uncovered programs, unplanned innovations,
// quick wins no innovation realises, missions without an innovation). The figures come from
// model/traceability.ts, the same computation `masterplan trace` and `status` print.

import { traceability } from '../model/traceability.js';
import { ref, text } from './inline.js';
import type { Lookup } from './lookup.js';
import { section } from './section.js';
import type { Block, Inline, Section } from './types.js';

export function matrixAppendix(id: string, level: number, L: Lookup): Section {
  const b = L.loc.book;
  const trace = traceability(L);
  const matrix: Block = {
    type: 'table',
    caption: b.matrixCaption,
    variant: 'matrix',
    columns: [
      { label: b.program, width: 2.6 },
      ...trace.pokja.map((p) => ({ label: p.name, width: 1.5 })),
      { label: b.coverage, width: 1, align: 'right' as const },
    ],
    rows: trace.programs.map((p) => ({
      id: `matriks-${p.id}`,
      header: true,
      tone: p.innovations === 0 ? ('warning' as const) : undefined,
      cells: [
        { lines: [[ref(p.id)], [text(p.name)]] },
        ...trace.pokja.map((pk) => {
          const here = p.cells.get(pk.id) ?? [];
          return { lines: here.map((i) => [ref(i)]), tone: here.length ? ('ok' as const) : undefined };
        }),
        { lines: [[text(String(p.innovations))]], align: 'right' as const, tone: p.innovations ? undefined : ('warning' as const) },
      ],
    })),
  };

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
        { lines: [[text(String(m.innovations))]], align: 'right' as const },
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
    gap('program-belum', b.uncovered, g.uncoveredPrograms.map((p) => [L.programRef(p.id)]), b.allCovered),
    gap('inovasi-belum', b.unplanned, g.unplannedInnovations.map((i) => [L.innovationRef(i.id)]), b.allPlanned),
    gap('quick-win-belum', b.unrealisedQuickWins, g.unrealisedQuickWins.map((q) => [ref(q.id, `${q.id} ${q.title}`)]), b.allQuickWinsRealised),
    gap('misi-belum', b.missionsWithoutInnovation, g.missionsWithoutInnovation.map((m) => [ref(m.id, `${m.id} ${m.text}`)]), b.allMissionsServed),
  ];
  return section(id, b.appendixMatrix, level, [matrix], children, { newPage: true });
}
