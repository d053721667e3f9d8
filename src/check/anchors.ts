// Record ids are the books' anchors, so a record id must not be a name the books already give to
// something else: a Pokja or an element (a `#smart-living` link goes to the Pokja's chapter), or a
// section the layout generates (the chapter `buku-3-smart-living`, the appendix part
// `lampiran-rpjmd-misi`, a matrix row `matriks-PP-01`). Such an id would make a contents entry or
// a link land on the wrong place, so it is a duplicate id. The generated names are read from the
// book layout itself, which is what both renderers draw: no list of patterns to keep in step.

import { buildBooks } from '../book/build-book.js';
import type { Block, Section } from '../book/types.js';
import type { Collector } from '../diagnostics/collector.js';
import { m, type Phrase } from '../diagnostics/message.js';
import type { IdDefinition } from '../model/build-model.js';
import type { Masterplan } from '../model/types.js';
import { at } from './references.js';

export function checkReservedIds(model: Masterplan, definitions: readonly IdDefinition[], out: Collector): void {
  if (definitions.length === 0) return;
  const reserved = new Map<string, Phrase>();
  for (const p of model.pokja) {
    reserved.set(p.id, m.reservedPokja(p.name));
    for (const e of p.elements) if (!reserved.has(e.id)) reserved.set(e.id, m.reservedElement(e.name, p.name));
  }
  // Every anchor the layout makes up holds a lower-case letter ("buku-3-…", "lampiran-…",
  // "tabel-1-2", "matriks-PP-01"; test/check/anchors.test.ts holds the layout to it), and ids are
  // ASCII: ids without one (PP-01, INO-GOV-1 — the usual style) cannot meet one, and then the
  // books need not be laid out during `validate` at all.
  if (definitions.some((d) => /[a-z]/.test(d.id))) {
    for (const [id, title] of generatedAnchors(model)) if (!reserved.has(id)) reserved.set(id, m.reservedSection(title));
  }

  // An id defined twice is already a duplicate; its two cards would also count as one generated.
  const defined = new Map<string, number>();
  for (const d of definitions) defined.set(d.id, (defined.get(d.id) ?? 0) + 1);
  const reported = new Set<string>();
  for (const d of definitions) {
    if (defined.get(d.id)! > 1) continue;
    const what = reserved.get(d.id);
    if (what === undefined || reported.has(d.id)) continue;
    reported.add(d.id);
    out.at(at(d.src, 'id'), 'duplicate-id', m.idReserved(d.id, what));
  }
}

/**
 * Anchors the layout gives to what is not a record: every section, and every table row or card
 * whose anchor is not the id of the record it shows. A record that shares its id with such an
 * anchor shows up here too (its own card is there once, the generated anchor once more), so an
 * id is generated when some book holds it more often than the record's own place accounts for.
 */
export function generatedAnchors(model: Masterplan): Map<string, string> {
  // Which sections exist depends on the ids and on which lists are filled, not on their text: the
  // language server checks again after every pause in typing, mostly with the same shape.
  const key = shapeKey(model);
  if (memo?.key === key) return memo.anchors;
  const found = new Map<string, string>();
  for (const book of buildBooks(model, { date: new Date(0) })) {
    const records = new Map<string, number>();
    const count = (id: string | undefined) => {
      if (id !== undefined) records.set(id, (records.get(id) ?? 0) + 1);
    };
    const walkBlocks = (blocks: Block[]) => {
      for (const b of blocks) {
        if (b.type === 'record') count(b.id);
        if (b.type === 'table') for (const r of b.rows) count(r.id);
      }
    };
    const walk = (sections: Section[]) => {
      for (const s of sections) {
        if (!found.has(s.id)) found.set(s.id, s.title);
        walkBlocks(s.blocks);
        walk(s.children);
      }
    };
    walk(book.sections);
    for (const [id, n] of records) {
      // A record's own anchor appears once per book; a second one with the same name is generated.
      const own = model.index.ids.has(id) ? 1 : 0;
      if (n > own && !found.has(id)) found.set(id, book.shortTitle);
    }
  }
  memo = { key, anchors: found };
  return found;
}

let memo: { key: string; anchors: Map<string, string> } | undefined;

function shapeKey(model: Masterplan): string {
  const filled = (o: object) =>
    Object.entries(o)
      .map(([k, v]) => `${k}:${Array.isArray(v) ? v.length : v === undefined || v === null ? 0 : typeof v === 'object' ? Object.keys(v).length : 1}`)
      .join(',');
  const parts = [model.language, model.title, [...model.index.ids.keys()].join(' '), JSON.stringify(model.pokja.map((p) => [p.id, p.name, p.elements.map((e) => e.id)]))];
  parts.push(filled(model), filled(model.rpjmd));
  for (const b of model.books) for (const c of b.chapters) parts.push(`${c.stage}/${c.pokja}/${c.title ?? ''}/${filled(c)}`);
  return parts.join('\n');
}
