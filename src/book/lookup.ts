// Indexes over the model that the section builders need again and again (by id, by program,
// by quick win), built once per build.

import type { Locale } from '../i18n/index.js';
import type {
  Goal,
  Innovation,
  Masterplan,
  Mission,
  Opd,
  Pokja,
  QuickWin,
  RoadmapEntry,
  RpjmdProgram,
  Sector,
  Target,
} from '../model/types.js';
import { allInnovations, allQuickWins, allRoadmap, allSectors } from '../model/walk.js';
import { ref, text } from './inline.js';
import type { Inline } from './types.js';

export class Lookup {
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
  readonly innovationList: Innovation[];

  constructor(
    readonly model: Masterplan,
    readonly loc: Locale,
  ) {
    const r = model.rpjmd;
    for (const m of r.missions) this.missions.set(m.id, m);
    for (const g of r.goals) this.goals.set(g.id, g);
    for (const t of r.targets) this.targets.set(t.id, t);
    for (const p of r.programs) this.programs.set(p.id, p);
    for (const o of r.opd) this.opd.set(o.id, o);
    for (const p of model.pokja) this.pokja.set(p.id, p);
    this.innovationList = allInnovations(model);
    for (const i of this.innovationList) {
      this.innovations.set(i.id, i);
      for (const p of new Set(i.rpjmd)) push(this.innovationsByProgram, p, i);
      if (i.quickWin) push(this.innovationsByQuickWin, i.quickWin, i);
      push(this.innovationsBySector, i.sector, i);
      push(this.innovationsByOpd, i.opd, i);
    }
    for (const q of allQuickWins(model)) this.quickWins.set(q.id, q);
    for (const s of allSectors(model)) this.sectors.set(s.id, s);
    for (const e of allRoadmap(model)) push(this.roadmapByInnovation, e.innovation, e);
  }

  pokjaName(id: string): string {
    return this.pokja.get(id)?.name ?? id;
  }

  elementName(pokjaId: string, elementId: string): string {
    return this.pokja.get(pokjaId)?.elements.find((e) => e.id === elementId)?.name ?? elementId;
  }

  /** "PP-07 Pemberdayaan UMKM" as a link. */
  programRef(id: string): Inline {
    const p = this.programs.get(id);
    return ref(id, p ? `${id} ${p.name}` : id);
  }

  opdRef(id: string): Inline {
    return ref(id, id);
  }

  innovationRef(id: string): Inline {
    const i = this.innovations.get(id);
    return ref(id, i ? `${id} ${i.title}` : id);
  }

  /** Program → sasaran → tujuan → misi, as links: the chain every innovation must trace back to. */
  chain(programId: string): Inline[] {
    const p = this.programs.get(programId);
    const t = p && this.targets.get(p.target);
    const g = t && this.goals.get(t.goal);
    const m = g && this.missions.get(g.mission);
    const b = this.loc.book;
    const out: Inline[] = [];
    if (m) out.push(ref(m.id, `${b.mission} ${m.id}`), text(' → '));
    if (g) out.push(ref(g.id, `${b.goal} ${g.id}`), text(' → '));
    if (t) out.push(ref(t.id, `${b.target} ${t.id}`), text(' → '));
    out.push(this.programRef(programId));
    return out;
  }

  /** The mission a program serves (through its sasaran and tujuan), if the chain is complete. */
  missionOf(programId: string): Mission | undefined {
    const t = this.targets.get(this.programs.get(programId)?.target ?? '');
    const g = t && this.goals.get(t.goal);
    return g && this.missions.get(g.mission);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
