// Link check: every reference FORMAT.md lists must name an existing record of the right kind,
// and every id must be unique across the masterplan.

import type { Collector } from '../diagnostics/collector.js';
import { joined, m } from '../diagnostics/message.js';
import type { IdDefinition } from '../model/build-model.js';
import type { DataPath, Masterplan, RecordKind, SourceRef } from '../model/types.js';
import { allChapters } from '../model/walk.js';
import { closest } from './did-you-mean.js';

/** Kinds whose records may sit in a file that could not be read: references to them are not judged. */
export type Uncertain = ReadonlySet<RecordKind | 'pokja'>;

/** One reference as written: the id, the kind it must be, and where (for find-references and rename). */
export interface RecordReference {
  id: string;
  kind: RecordKind | 'pokja';
  src: SourceRef;
}

export class ReferenceChecker {
  /** Every reference checked, in order. */
  readonly seen: RecordReference[] = [];

  constructor(
    private readonly model: Masterplan,
    private readonly out: Collector,
    private readonly uncertain: Uncertain,
  ) {}

  /** Checks one reference; returns true when it names a record of the expected kind. */
  ref(id: string, kind: RecordKind, src: SourceRef): boolean {
    // A missing or mistyped field reaches the model as '': the schema check reported it.
    if (id === '') return false;
    this.seen.push({ id, kind, src });
    const rec = this.model.index.ids.get(id);
    if (!rec) {
      if (this.uncertain.has(kind)) return false;
      const hint = closest(id, this.model.index.idsOf(kind));
      this.out.at(src, 'unknown-reference', joined(m.unknownRef(m.kinds[kind], id), hint && m.didYouMean(hint)), {
        expected: hint,
        origins: this.out.origins.ofKind(kind),
      });
      return false;
    }
    if (rec.kind !== kind) {
      this.out.at(src, 'unknown-reference', m.wrongKind(id, m.kinds[rec.kind], m.kinds[kind]), {
        related: at(rec.src, 'id'),
        origins: [rec.src.file, ...this.out.origins.ofKind(kind)],
      });
      return false;
    }
    return true;
  }

  refs(ids: readonly string[], kind: RecordKind, src: SourceRef): void {
    ids.forEach((id, i) => this.ref(id, kind, at(src, i)));
  }

  pokja(id: string, src: SourceRef): boolean {
    this.seen.push({ id, kind: 'pokja', src });
    if (this.model.pokja.some((p) => p.id === id)) return true;
    if (!this.uncertain.has('pokja')) {
      const hint = closest(id, this.model.pokja.map((p) => p.id));
      this.out.at(src, 'unknown-reference', joined(m.unknownPokja(id), hint && m.didYouMean(hint)), {
        expected: hint,
        origins: this.out.origins.config,
      });
    }
    return false;
  }

  sectorOfOtherPokja(sector: string, owner: string, pokja: string, src: SourceRef): void {
    this.out.at(src, 'unknown-reference', m.sectorOtherPokja(sector, owner, pokja), { origins: [this.model.index.ids.get(sector)?.src.file ?? ''] });
  }

  element(element: string, pokjaId: string, src: SourceRef): void {
    if (element === '') return;
    const pokja = this.model.pokja.find((p) => p.id === pokjaId);
    if (!pokja || this.uncertain.has('pokja')) return;
    if (pokja.elements.some((e) => e.id === element)) return;
    const hint = closest(element, pokja.elements.map((e) => e.id));
    this.out.at(src, 'unknown-reference', joined(m.elementNotInPokja(element, pokjaId), hint && m.didYouMean(hint)), {
      expected: hint,
      origins: this.out.origins.config,
    });
  }
}

export const at = (src: SourceRef, ...more: DataPath): SourceRef => ({ file: src.file, path: [...src.path, ...more] });

export function checkDuplicateIds(definitions: readonly IdDefinition[], out: Collector): void {
  const first = new Map<string, IdDefinition>();
  for (const d of definitions) {
    const prev = first.get(d.id);
    if (!prev) {
      first.set(d.id, d);
      continue;
    }
    out.at(at(d.src, 'id'), 'duplicate-id', m.duplicateId(d.id, out.place(at(prev.src, 'id'))), { related: at(prev.src, 'id'), origins: [prev.src.file] });
  }
}

export function checkReferences(model: Masterplan, refs: ReferenceChecker): void {
  const r = model.rpjmd;
  for (const m of r.missions) m.pokja.forEach((p, i) => refs.pokja(p, at(m.src, 'pokja', i)));
  for (const g of r.goals) refs.ref(g.mission, 'mission', at(g.src, 'mission'));
  for (const tg of r.targets) refs.ref(tg.goal, 'goal', at(tg.src, 'goal'));
  for (const p of r.programs) {
    refs.ref(p.target, 'target', at(p.src, 'target'));
    refs.refs(p.opd, 'opd', at(p.src, 'opd'));
  }
  for (const p of model.pokja) if (p.lead && p.src) refs.ref(p.lead, 'opd', at(p.src, 'lead'));

  for (const c of allChapters(model)) {
    for (const file of c.files) refs.pokja(c.pokja, { file, path: ['pokja'] });
    for (const a of c.analysis) {
      refs.ref(a.program, 'program', at(a.src, 'program'));
      for (const row of a.renstra) refs.ref(row.opd, 'opd', at(row.src, 'opd'));
    }
    for (const o of c.opdPrograms) {
      refs.ref(o.opd, 'opd', at(o.src, 'opd'));
      refs.refs(o.rpjmd, 'program', at(o.src, 'rpjmd'));
      refs.element(o.element, c.pokja, at(o.src, 'element'));
    }
    for (const q of c.quickWins) {
      refs.ref(q.opd, 'opd', at(q.src, 'opd'));
      refs.refs(q.rpjmd, 'program', at(q.src, 'rpjmd'));
    }
    for (const s of c.sectors) refs.refs(s.rpjmd, 'program', at(s.src, 'rpjmd'));
    for (const inn of c.innovations) {
      if (refs.ref(inn.sector, 'sector', at(inn.src, 'sector'))) {
        const owner = (model.index.ids.get(inn.sector)!.record as { pokja: string }).pokja;
        if (owner !== c.pokja) {
          refs.sectorOfOtherPokja(inn.sector, owner, c.pokja, at(inn.src, 'sector'));
        }
      }
      refs.element(inn.element, c.pokja, at(inn.src, 'element'));
      refs.refs(inn.rpjmd, 'program', at(inn.src, 'rpjmd'));
      refs.ref(inn.opd, 'opd', at(inn.src, 'opd'));
      refs.refs(inn.partners, 'opd', at(inn.src, 'partners'));
      if (inn.quickWin !== undefined) refs.ref(inn.quickWin, 'quick-win', at(inn.src, 'quick_win'));
    }
    for (const e of c.roadmap) {
      refs.ref(e.innovation, 'innovation', at(e.src, 'innovation'));
      if (e.opd !== undefined) refs.ref(e.opd, 'opd', at(e.src, 'opd'));
    }
  }
}
