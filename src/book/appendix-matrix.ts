// Appendix B: the traceability matrix — RPJMD program × Pokja with the innovations in each cell,
// coverage per program and per mission, and the gaps (uncovered programs, unplanned innovations).

import { ref, text } from './inline.js';
import type { Lookup } from './lookup.js';
import { section } from './section.js';
import type { Block, Section } from './types.js';

export function matrixAppendix(id: string, level: number, L: Lookup): Section {
  const b = L.loc.book;
  const model = L.model;
  const programs = model.rpjmd.programs;
  const matrix: Block = {
    type: 'table',
    caption: b.matrixCaption,
    variant: 'matrix',
    columns: [
      { label: b.program, width: 2.6 },
      ...model.pokja.map((p) => ({ label: p.name, width: 1.5 })),
      { label: b.coverage, width: 1, align: 'right' as const },
    ],
    rows: programs.map((p) => {
      const linked = L.innovationsByProgram.get(p.id) ?? [];
      return {
        id: `matriks-${p.id}`,
        header: true,
        tone: linked.length === 0 ? ('warning' as const) : undefined,
        cells: [
          { lines: [[ref(p.id)], [text(p.name)]] },
          ...model.pokja.map((pk) => {
            const here = linked.filter((i) => i.pokja === pk.id);
            return { lines: here.map((i) => [ref(i.id)]), tone: here.length ? ('ok' as const) : undefined };
          }),
          { lines: [[text(String(linked.length))]], align: 'right' as const, tone: linked.length ? undefined : ('warning' as const) },
        ],
      };
    }),
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
    rows: model.rpjmd.missions.map((m) => {
      const own = programs.filter((p) => L.missionOf(p.id)?.id === m.id);
      const covered = own.filter((p) => (L.innovationsByProgram.get(p.id) ?? []).length > 0);
      const innovations = new Set(own.flatMap((p) => (L.innovationsByProgram.get(p.id) ?? []).map((i) => i.id)));
      const pct = own.length ? Math.round((covered.length / own.length) * 100) : 0;
      return {
        header: true,
        tone: innovations.size === 0 ? ('warning' as const) : undefined,
        cells: [
          { lines: [[ref(m.id, m.id)], [text(m.text)]] },
          { lines: [[text(b.coverageValue(covered.length, own.length))]], align: 'right' as const },
          { lines: [[text(b.percent(pct))]], align: 'right' as const },
          { lines: [[text(String(innovations.size))]], align: 'right' as const },
        ],
      };
    }),
  };

  const uncovered = programs.filter((p) => !(L.innovationsByProgram.get(p.id) ?? []).length);
  const unplanned = L.innovationList.filter((i) => !L.roadmapByInnovation.has(i.id));
  const children: Section[] = [
    section(`${id}-misi`, b.coveragePerMission, level + 1, [perMission]),
    section(`${id}-program-belum`, b.uncovered, level + 1, [
      uncovered.length
        ? { type: 'list', tone: 'warning', items: uncovered.map((p) => [L.programRef(p.id)]) }
        : { type: 'note', tone: 'info', content: [text(b.allCovered)] },
    ]),
    section(`${id}-inovasi-belum`, b.unplanned, level + 1, [
      unplanned.length
        ? { type: 'list', tone: 'warning', items: unplanned.map((i) => [L.innovationRef(i.id)]) }
        : { type: 'note', tone: 'info', content: [text(b.allPlanned)] },
    ]),
  ];
  return section(id, b.appendixMatrix, level, [matrix], children, { newPage: true });
}
