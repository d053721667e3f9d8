// What the language server answers, computed from one Workspace: completion, hover, definition,
// references, rename, document symbols and quick fixes. Positions here are offsets into a file's
// text; server.ts turns them into the protocol's line/character pairs.

import type { Node } from 'yaml';
import { yamlLib } from '../source/yaml-lib.js';
import type { Locale } from '../i18n/index.js';
import type { Masterplan, RecordKind } from '../model/types.js';
import { enumAt, keysAt, schemaFor, describeAt } from './schema-help.js';
import { markdownContext, wordAt, yamlContext, type CursorContext } from './text-context.js';
import type { Occurrence, Workspace } from './workspace.js';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export type FileRole = 'config' | 'rpjmd' | 'worksheet' | 'theme';

export interface Suggestion {
  label: string;
  detail: string;
  documentation?: string;
  kind: 'key' | 'value' | 'id';
  /** Text to insert (default: label); replaces `start`…cursor. */
  insert?: string;
  start: number;
}

export interface Symbol {
  name: string;
  detail?: string;
  kind: 'field' | 'list' | 'record';
  start: number;
  end: number;
  children: Symbol[];
}

/** The role a file plays in the masterplan, from its path. */
export function roleOf(ws: Workspace, rel: string): FileRole | undefined {
  if (rel === 'masterplan.yaml') return 'config';
  if (rel === ws.model.rpjmd.file || (ws.model.rpjmd.file === '' && rel === 'rpjmd.yaml')) return 'rpjmd';
  if (/^pokja\/[^/]+\/[^/]+\.(ya?ml|md)$/.test(rel)) return 'worksheet';
  if (ws.source(rel)?.role === 'theme') return 'theme';
  return undefined;
}

/** The YAML part of a file: the whole file, or a `.md` file's front matter, with its offset. */
export function yamlPart(rel: string, text: string): { yaml: string; offset: number } | undefined {
  if (!rel.endsWith('.md')) return { yaml: text, offset: 0 };
  const m = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!m) return undefined;
  const close = /^---[ \t]*$/m;
  const rest = text.slice(m[0].length);
  const c = close.exec(rest);
  const yaml = c ? rest.slice(0, c.index) : rest;
  return { yaml, offset: m[0].length };
}

/** Where a reference field points, by the key it sits under. */
function kindForKey(role: FileRole, key: string, path: readonly string[]): RecordKind | 'pokja' | 'element' | undefined {
  if (role === 'worksheet') {
    // `program` names an RPJMD program only in a stage-1 analysis; elsewhere it is the OPD's own name.
    if (key === 'program') return path.length === 2 && path[0] === 'analysis' ? 'program' : undefined;
    const map: Record<string, RecordKind | 'pokja' | 'element'> = {
      rpjmd: 'program',
      opd: 'opd',
      partners: 'opd',
      element: 'element',
      sector: 'sector',
      quick_win: 'quick-win',
      innovation: 'innovation',
      pokja: 'pokja',
    };
    return map[key];
  }
  if (role === 'rpjmd') {
    const map: Record<string, RecordKind | 'pokja'> = { mission: 'mission', goal: 'goal', target: 'target', opd: 'opd', pokja: 'pokja' };
    return map[key];
  }
  if (key === 'lead' || key === 'agency') return 'opd';
  return undefined;
}

/** A record's name as the books show it. */
export function nameOf(model: Masterplan, id: string): string {
  const rec = model.index.ids.get(id);
  if (!rec) return model.pokja.find((p) => p.id === id)?.name ?? '';
  const r = rec.record as { name?: string; title?: string; text?: string };
  const name = r.name ?? r.title ?? r.text ?? '';
  return name.length > 90 ? name.slice(0, 89) + '…' : name;
}

export function complete(ws: Workspace, rel: string, text: string, offset: number, loc: Locale): Suggestion[] {
  const role = roleOf(ws, rel);
  const part = yamlPart(rel, text);
  let ctx: CursorContext = markdownContext(text, offset);
  if (ctx.kind === 'none' && part && offset >= part.offset && offset <= part.offset + part.yaml.length) {
    ctx = yamlContext(part.yaml, offset - part.offset);
    if (ctx.kind !== 'none') ctx = { ...ctx, start: ctx.start + part.offset };
  }
  const model = ws.model;
  const kinds = loc.messages.kinds;
  if (ctx.kind === 'link') {
    const out: Suggestion[] = [];
    for (const [id, rec] of model.index.ids) out.push({ label: id, detail: `${kinds[rec.kind]}: ${nameOf(model, id)}`, kind: 'id', start: ctx.start });
    for (const p of model.pokja) out.push({ label: p.id, detail: `Pokja: ${p.name}`, kind: 'id', start: ctx.start });
    return out;
  }
  if (!role || !part) return [];
  const schema = schemaFor(role, part.yaml);
  if (ctx.kind === 'key') {
    return keysAt(schema, ctx.path, model.language).map((k) => ({
      label: k.key,
      detail: k.title + (k.required ? ` (${loc.lsp.required})` : ''),
      documentation: k.description,
      kind: 'key',
      insert: `${k.key}: `,
      start: (ctx as { start: number }).start,
    }));
  }
  if (ctx.kind !== 'value') return [];
  const out: Suggestion[] = [];
  const kind = kindForKey(role, ctx.key, ctx.path);
  if (kind === 'element') {
    const pokjaId = /^pokja:\s*["']?([A-Za-z0-9._-]+)/m.exec(part.yaml)?.[1];
    const pokja = model.pokja.find((p) => p.id === pokjaId);
    for (const e of pokja?.elements ?? []) out.push({ label: e.id, detail: `${kinds.element}: ${e.name}`, kind: 'id', start: ctx.start });
  } else if (kind === 'pokja') {
    for (const p of model.pokja) out.push({ label: p.id, detail: `Pokja: ${p.name}`, kind: 'id', start: ctx.start });
  } else if (kind !== undefined) {
    for (const [id, rec] of model.index.ids) if (rec.kind === kind) out.push({ label: id, detail: `${kinds[kind]}: ${nameOf(model, id)}`, kind: 'id', start: ctx.start });
  }
  for (const v of enumAt(schema, [...ctx.path, ctx.key])) out.push({ label: v, detail: '', kind: 'value', start: ctx.start });
  return out;
}

/** Markdown for a hover on an id (or on a key: its schema description). */
export function hover(ws: Workspace, rel: string, text: string, offset: number, loc: Locale): { markdown: string; start: number; end: number } | undefined {
  const w = wordAt(text, offset);
  if (!w) return undefined;
  const model = ws.model;
  const rec = model.index.ids.get(w.word);
  const L = loc.lsp;
  const kinds = loc.messages.kinds;
  const lines: string[] = [];
  if (rec) {
    lines.push(`**${w.word}** — ${kinds[rec.kind]}: ${nameOf(model, w.word)}`);
    const r = rec.record as unknown as Record<string, unknown>;
    const chain: string[] = [];
    const up = (id: unknown, kind: RecordKind) => {
      if (typeof id !== 'string' || !model.index.ids.has(id)) return undefined;
      chain.push(`${kinds[kind]} ${id}: ${nameOf(model, id)}`);
      return model.index.ids.get(id)!.record as unknown as Record<string, unknown>;
    };
    if (rec.kind === 'program') up(up(up(r.target, 'target')?.goal, 'goal')?.mission, 'mission');
    if (rec.kind === 'target') up(up(r.goal, 'goal')?.mission, 'mission');
    if (rec.kind === 'goal') up(r.mission, 'mission');
    if (chain.length) lines.push('', `${L.chain}: ${chain.join(' → ')}`);
    if (rec.kind === 'program' && Array.isArray(r.opd) && r.opd.length) lines.push('', `OPD: ${(r.opd as string[]).map((o) => `${o} (${nameOf(model, o)})`).join(', ')}`);
    if (rec.kind === 'innovation' || rec.kind === 'quick-win' || rec.kind === 'sector') {
      const pokja = model.pokja.find((p) => p.id === r.pokja);
      lines.push('', `Pokja: ${pokja?.name ?? String(r.pokja)}`);
      if (Array.isArray(r.years)) lines.push(`${L.years}: ${(r.years as number[]).join('–')}`);
      if (typeof r.year === 'number') lines.push(`${L.year}: ${r.year}`);
      if (typeof r.opd === 'string') lines.push(`OPD: ${r.opd} (${nameOf(model, r.opd)})`);
    }
    lines.push('', L.citedTimes(ws.citations(w.word)));
    return { markdown: lines.join('\n'), start: w.start, end: w.end };
  }
  const pokja = model.pokja.find((p) => p.id === w.word);
  if (pokja) {
    lines.push(`**${pokja.id}** — Pokja: ${pokja.name}`, '', `${kinds.element}: ${pokja.elements.map((e) => e.id).join(', ')}`);
    return { markdown: lines.join('\n'), start: w.start, end: w.end };
  }
  // A key: what the schema says about it.
  const role = roleOf(ws, rel);
  const part = yamlPart(rel, text);
  if (!role || !part || offset < part.offset || offset > part.offset + part.yaml.length) return undefined;
  if (text[w.end] !== ':') return undefined;
  const ctx = yamlContext(part.yaml, w.start - part.offset);
  if (ctx.kind !== 'key' && ctx.kind !== 'value') return undefined;
  const d = describeAt(schemaFor(role, part.yaml), [...ctx.path, w.word], model.language);
  if (!d || (!d.title && !d.description)) return undefined;
  return { markdown: `**${w.word}** — ${d.title}\n\n${d.description}`, start: w.start, end: w.end };
}

/** The id at an offset, when it names a record or Pokja. */
export function idAt(ws: Workspace, text: string, offset: number): { id: string; start: number; end: number } | undefined {
  const w = wordAt(text, offset);
  if (!w || ws.kindOf(w.word) === undefined) return undefined;
  return { id: w.word, start: w.start, end: w.end };
}

export function definition(ws: Workspace, text: string, offset: number): Occurrence[] {
  const at = idAt(ws, text, offset);
  if (!at) return [];
  const defs = ws.occurrencesOf(at.id).filter((o) => o.role === 'definition');
  if (defs.length) return defs;
  // A Pokja configured in masterplan.yaml: its entry there.
  const pokja = ws.model.pokja.find((p) => p.id === at.id);
  const place = pokja?.src && ws.placeOf({ file: pokja.src.file, path: [...pokja.src.path, 'id'] });
  return place ? [{ ...place, link: false, role: 'definition' }] : [];
}

export function references(ws: Workspace, text: string, offset: number, includeDeclaration: boolean): Occurrence[] {
  const at = idAt(ws, text, offset);
  if (!at) return [];
  return ws.occurrencesOf(at.id).filter((o) => includeDeclaration || o.role === 'reference');
}

export type RenameResult = { ok: true; edits: Occurrence[] } | { ok: false; message: string };

export function rename(ws: Workspace, text: string, offset: number, newName: string, loc: Locale): RenameResult {
  const at = idAt(ws, text, offset);
  if (!at || !ws.model.index.ids.has(at.id)) return { ok: false, message: loc.lsp.renameNotAnId };
  if (!ID_PATTERN.test(newName)) return { ok: false, message: loc.messages.badId(newName) };
  if (newName !== at.id && (ws.kindOf(newName) !== undefined || ws.model.pokja.some((p) => p.elements.some((e) => e.id === newName)))) {
    return { ok: false, message: loc.lsp.renameTaken(newName) };
  }
  return { ok: true, edits: ws.occurrencesOf(at.id) };
}

/** An outline of a worksheet: top-level fields, and the records in its lists by id. */
export function symbols(rel: string, text: string): Symbol[] {
  const part = yamlPart(rel, text);
  if (!part) return [];
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yamlLib();
  const doc = parseDocument(part.yaml, { lineCounter: new LineCounter(), logLevel: 'silent', uniqueKeys: false });
  if (!isMap(doc.contents)) return [];
  const range = (n: Node | null | undefined, fallback: [number, number]): [number, number] =>
    n?.range ? [n.range[0] + part.offset, n.range[1] + part.offset] : fallback;
  const out: Symbol[] = [];
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const [ks] = range(pair.key, [part.offset, part.offset]);
    const [, ve] = range(pair.value as Node | null, range(pair.key, [part.offset, part.offset]));
    const sym: Symbol = { name: key, kind: isSeq(pair.value) ? 'list' : 'field', start: ks, end: ve, children: [] };
    if (isSeq(pair.value)) {
      pair.value.items.forEach((item, i) => {
        if (!isMap(item)) return;
        const get = (k: string) => {
          const v = item.get(k);
          return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
        };
        const name = get('id') ?? get('program') ?? get('innovation') ?? get('title') ?? get('name') ?? `${key}[${i}]`;
        const detail = get('title') ?? get('name') ?? get('milestone');
        const [s, e] = range(item, [ks, ve]);
        sym.children.push({ name, detail: detail !== name ? detail : undefined, kind: 'record', start: s, end: e, children: [] });
      });
    } else if (isScalar(pair.value)) {
      sym.detail = String(pair.value.value).slice(0, 80);
    }
    out.push(sym);
  }
  return out;
}
