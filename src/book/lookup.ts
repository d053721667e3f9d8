// What the section builders ask of the model again and again: the records and relations of the
// model's one index (src/model/record-index.ts), names and links to records, the RPJMD chain.

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
import { ref, text } from './inline.js';
import type { Inline } from './types.js';

export class Lookup {
  readonly missions: ReadonlyMap<string, Mission>;
  readonly goals: ReadonlyMap<string, Goal>;
  readonly targets: ReadonlyMap<string, Target>;
  readonly programs: ReadonlyMap<string, RpjmdProgram>;
  readonly opd: ReadonlyMap<string, Opd>;
  readonly pokja: ReadonlyMap<string, Pokja>;
  readonly innovations: ReadonlyMap<string, Innovation>;
  readonly quickWins: ReadonlyMap<string, QuickWin>;
  readonly sectors: ReadonlyMap<string, Sector>;
  readonly innovationsByProgram: ReadonlyMap<string, Innovation[]>;
  readonly innovationsByQuickWin: ReadonlyMap<string, Innovation[]>;
  readonly innovationsBySector: ReadonlyMap<string, Innovation[]>;
  readonly innovationsByOpd: ReadonlyMap<string, Innovation[]>;
  readonly roadmapByInnovation: ReadonlyMap<string, RoadmapEntry[]>;
  readonly innovationList: readonly Innovation[];

  constructor(
    readonly model: Masterplan,
    readonly loc: Locale,
  ) {
    // The model's one index of records (src/model/record-index.ts), under the names the
    // section builders use.
    const x = model.index;
    this.missions = x.missions;
    this.goals = x.goals;
    this.targets = x.targets;
    this.programs = x.programs;
    this.opd = x.opd;
    this.pokja = x.pokja;
    this.innovations = x.innovations;
    this.quickWins = x.quickWins;
    this.sectors = x.sectors;
    this.innovationsByProgram = x.innovationsByProgram;
    this.innovationsByQuickWin = x.innovationsByQuickWin;
    this.innovationsBySector = x.innovationsBySector;
    this.innovationsByOpd = x.innovationsByOpd;
    this.roadmapByInnovation = x.roadmapByInnovation;
    this.innovationList = x.innovationList;
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
    return this.model.index.missionOf(programId);
  }
}
