// Traceability: which innovations carry which RPJMD priority program, per Pokja, and the gaps in
// that chain. One computation for `masterplan trace`, `masterplan status` and (later) the book's
// matrix appendix, so that every view of the matrix gives the same figures. Built on the model's
// one index of records (record-index.ts); its gaps are the coverage warnings' own lists.

import type { Innovation, Masterplan } from './types.js';

export interface TraceProgram {
  id: string;
  name: string;
  target: string;
  /** The mission the program serves through its sasaran and tujuan; undefined if the chain breaks. */
  mission?: string;
  /** Innovation ids per configured Pokja (every Pokja present, in configured order). */
  cells: Map<string, string[]>;
  /** Innovations linking to the program, from any Pokja. */
  innovations: number;
}

export interface TraceMission {
  id: string;
  text: string;
  programs: number;
  covered: number;
  percent: number;
  innovations: number;
}

export interface Coverage {
  covered: number;
  total: number;
  percent: number;
}

export interface TracePokja extends Coverage {
  id: string;
  name: string;
  innovations: number;
}

export interface Traceability {
  pokja: { id: string; name: string }[];
  programs: TraceProgram[];
  missions: TraceMission[];
  perPokja: TracePokja[];
  coverage: Coverage;
  gaps: {
    uncoveredPrograms: { id: string; name: string }[];
    unplannedInnovations: { id: string; title: string; pokja: string }[];
    unrealisedQuickWins: { id: string; title: string; pokja: string }[];
    missionsWithoutInnovation: { id: string; text: string }[];
  };
}

/** Whole-number percentage, as the books print it (0 when there is nothing to cover). */
export function percent(covered: number, total: number): number {
  return total ? Math.round((covered / total) * 100) : 0;
}

export function traceability(model: Masterplan): Traceability {
  const L = model.index;
  const programs = model.rpjmd.programs;
  const linked = (programId: string): Innovation[] => L.innovationsByProgram.get(programId) ?? [];

  const rows: TraceProgram[] = programs.map((p) => {
    const here = linked(p.id);
    const cells = new Map<string, string[]>();
    for (const pk of model.pokja) cells.set(pk.id, here.filter((i) => i.pokja === pk.id).map((i) => i.id));
    return { id: p.id, name: p.name, target: p.target, mission: L.missionOf(p.id)?.id, cells, innovations: here.length };
  });

  // Programs per mission, found once (not once per mission: large catalogs have hundreds).
  const byMission = new Map<string, typeof programs>();
  for (const p of programs) {
    const m = L.missionOf(p.id)?.id;
    if (m === undefined) continue;
    const list = byMission.get(m);
    if (list) list.push(p);
    else byMission.set(m, [p]);
  }
  const missions: TraceMission[] = model.rpjmd.missions.map((m) => {
    const own = byMission.get(m.id) ?? [];
    const covered = own.filter((p) => linked(p.id).length > 0).length;
    const innovations = new Set(own.flatMap((p) => linked(p.id).map((i) => i.id))).size;
    return { id: m.id, text: m.text, programs: own.length, covered, percent: percent(covered, own.length), innovations };
  });

  const perPokja: TracePokja[] = model.pokja.map((pk) => {
    const covered = programs.filter((p) => linked(p.id).some((i) => i.pokja === pk.id)).length;
    const innovations = L.innovationList.filter((i) => i.pokja === pk.id).length;
    return { id: pk.id, name: pk.name, covered, total: programs.length, percent: percent(covered, programs.length), innovations };
  });

  const coveredAll = programs.filter((p) => linked(p.id).length > 0).length;
  return {
    pokja: model.pokja.map((p) => ({ id: p.id, name: p.name })),
    programs: rows,
    missions,
    perPokja,
    coverage: { covered: coveredAll, total: programs.length, percent: percent(coveredAll, programs.length) },
    gaps: {
      uncoveredPrograms: L.uncoveredPrograms().map((p) => ({ id: p.id, name: p.name })),
      unplannedInnovations: L.unplannedInnovations().map((i) => ({ id: i.id, title: i.title, pokja: i.pokja })),
      unrealisedQuickWins: L.quickWinList
        .filter((q) => !L.innovationsByQuickWin.has(q.id))
        .map((q) => ({ id: q.id, title: q.title, pokja: q.pokja })),
      missionsWithoutInnovation: missions.filter((m) => m.innovations === 0).map((m) => ({ id: m.id, text: m.text })),
    },
  };
}
