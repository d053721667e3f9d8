// The one index of the masterplan's records, built with the model: every id with its kind and
// place (first definition wins), the records by kind, and the relations every view asks for —
// which innovations carry a program, a quick win, a sector or an OPD, which roadmap entries plan
// an innovation, the mission a program serves. The reference check, the book layout, the
// traceability figures, the coverage warnings and the language server all read it.

import type {
  Goal,
  IndexedRecord,
  Innovation,
  Masterplan,
  Mission,
  Opd,
  Pokja,
  QuickWin,
  RecordKind,
  RoadmapEntry,
  RpjmdProgram,
  Sector,
  Target,
} from './types.js';
import { allInnovations, allQuickWins, allRoadmap, allSectors } from './walk.js';

export class RecordIndex {
  readonly missions = new Map<string, Mission>();
  readonly goals = new Map<string, Goal>();
  readonly targets = new Map<string, Target>();
  readonly programs = new Map<string, RpjmdProgram>();
  readonly opd = new Map<string, Opd>();
  readonly pokja = new Map<string, Pokja>();
  readonly innovations = new Map<string, Innovation>();
  readonly quickWins = new Map<string, QuickWin>();
  readonly sectors = new Map<string, Sector>();
  readonly innovationsByProgram = new Map<string, Innovation[]>();
  readonly innovationsByQuickWin = new Map<string, Innovation[]>();
  readonly innovationsBySector = new Map<string, Innovation[]>();
  readonly innovationsByOpd = new Map<string, Innovation[]>();
  readonly roadmapByInnovation = new Map<string, RoadmapEntry[]>();
  /** Every innovation, in book order. */
  readonly innovationList: Innovation[];
  /** Every quick win, in book order. */
  readonly quickWinList: QuickWin[];
  private readonly idsByKind = new Map<RecordKind, string[]>();

  /** `ids`: every id with its kind and place, as the model builder collected them. */
  constructor(
    model: Omit<Masterplan, 'index'>,
    readonly ids: ReadonlyMap<string, IndexedRecord>,
  ) {
    const r = model.rpjmd;
    for (const m of r.missions) this.missions.set(m.id, m);
    for (const g of r.goals) this.goals.set(g.id, g);
    for (const t of r.targets) this.targets.set(t.id, t);
    for (const p of r.programs) this.programs.set(p.id, p);
    for (const o of r.opd) this.opd.set(o.id, o);
    for (const p of model.pokja) this.pokja.set(p.id, p);
    const m = model as Masterplan;
    this.innovationList = allInnovations(m);
    for (const i of this.innovationList) {
      this.innovations.set(i.id, i);
      for (const p of new Set(i.rpjmd)) push(this.innovationsByProgram, p, i);
      if (i.quickWin) push(this.innovationsByQuickWin, i.quickWin, i);
      push(this.innovationsBySector, i.sector, i);
      push(this.innovationsByOpd, i.opd, i);
    }
    this.quickWinList = allQuickWins(m);
    for (const q of this.quickWinList) this.quickWins.set(q.id, q);
    for (const s of allSectors(m)) this.sectors.set(s.id, s);
    for (const e of allRoadmap(m)) push(this.roadmapByInnovation, e.innovation, e);
    for (const [id, rec] of ids) push(this.idsByKind, rec.kind, id);
  }

  /** Every id of one kind, in definition order (for "did you mean" and completion). */
  idsOf(kind: RecordKind): readonly string[] {
    return this.idsByKind.get(kind) ?? [];
  }

  /** The mission a program serves (through its sasaran and tujuan), if the chain is complete. */
  missionOf(programId: string): Mission | undefined {
    const t = this.targets.get(this.programs.get(programId)?.target ?? '');
    const g = t && this.goals.get(t.goal);
    return g && this.missions.get(g.mission);
  }

  /** RPJMD programs no innovation links to (the `uncovered-program` warning, the matrix gaps). */
  uncoveredPrograms(): RpjmdProgram[] {
    return [...this.programs.values()].filter((p) => !this.innovationsByProgram.has(p.id));
  }

  /** Innovations without a roadmap entry (the `unplanned-innovation` warning, the matrix gaps). */
  unplannedInnovations(): Innovation[] {
    return this.innovationList.filter((i) => !this.roadmapByInnovation.has(i.id));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The model with its index made again: for a model changed after it was built (a copy with a
 * Pokja added, a roadmap entry removed — what tests and what-if views do). The ids keep their
 * first definitions.
 */
export function reindexed(model: Masterplan): Masterplan {
  const { index, ...base } = model;
  return { ...base, index: new RecordIndex(base, new Map(index.ids)) };
}
