// Region-level parts (umum/*.yaml, umum/*.md) → the model's `parts`. Like the rest of the
// model stage it is tolerant: what the schema check rejected is skipped, not reported again.
// The first file of a part wins; every file is listed for the "each part once" check.

import type { SourceFile } from '../source/source-file.js';
import type { Define, PartDefinition } from './build-model.js';
import { arr, int, isoDate, num, obj, str, strs } from './values.js';
import {
  PART_NAMES,
  type DataPath,
  type Fact,
  type Markdown,
  type PartBase,
  type PartName,
  type Parts,
  type Person,
  type SourceRef,
  type WorksheetStatus,
} from './types.js';

type Obj = Record<string, unknown>;

export function buildParts(files: readonly SourceFile[], define: Define, definitions: PartDefinition[]): Parts {
  const parts: Parts = {};
  for (const file of files) {
    const data = !file.fatal ? obj(file.data) : undefined;
    const name = str(data?.part);
    if (!data || !name || !(PART_NAMES as readonly string[]).includes(name)) continue;
    const part = name as PartName;
    definitions.push({ part, src: { file: file.rel, path: [] } });
    if (parts[part]) continue;
    addPart(parts, part, file, data, define);
  }
  return parts;
}

function addPart(parts: Parts, part: PartName, file: SourceFile, data: Obj, define: Define): void {
  const rel = file.rel;
  const at = (...path: DataPath): SourceRef => ({ file: rel, path });
  const md = (v: unknown, ...path: DataPath): Markdown | undefined => {
    const text = str(v);
    return text === undefined ? undefined : { text, src: at(...path), body: false };
  };
  const texts: Markdown[] = [];
  const narrative = md(data.narrative, 'narrative');
  if (narrative) texts.push(narrative);
  if (file.body && file.body.text.trim() !== '') texts.push({ text: file.body.text, src: at(), body: true });
  const status = str(data.status);
  const base: PartBase = {
    part,
    file: rel,
    title: str(data.title),
    status: status === 'draft' || status === 'review' || status === 'final' ? (status as WorksheetStatus) : undefined,
    texts,
    src: at(),
  };
  const person = (v: unknown, ...path: DataPath): Person[] => {
    const o = obj(v);
    const name = str(o?.name);
    return o && name ? [{ name, position: str(o.position), role: str(o.role), agency: str(o.agency), src: at(...path) }] : [];
  };
  const people = (v: unknown, key: string) => arr(v).flatMap((p, i) => person(p, key, i));
  const facts = (key: string): Fact[] =>
    arr(data[key]).flatMap((v, i) => {
      const o = obj(v);
      const name = str(o?.name);
      const value = str(o?.value) ?? num(o?.value);
      return o && name && value !== undefined
        ? [{ name, value, unit: str(o.unit), year: int(o.year), source: str(o.source), src: at(key, i) }]
        : [];
    });

  switch (part) {
    case 'foreword':
      parts.foreword = { ...base, signed: person(data.signed, 'signed')[0] };
      return;
    case 'team':
      parts.team = { ...base, members: people(data.members, 'members') };
      return;
    case 'introduction':
      parts.introduction = {
        ...base,
        background: md(data.background, 'background'),
        purpose: md(data.purpose, 'purpose'),
        scope: md(data.scope, 'scope'),
        method: md(data.method, 'method'),
        legalBasis: arr(data.legal_basis).flatMap((v, i) => {
          const o = obj(v);
          const type = str(o?.type);
          const title = str(o?.title);
          if (!o || !type || !title) return [];
          const number = str(o.number) ?? (int(o.number) !== undefined ? String(o.number) : undefined);
          return [{ type, number, year: int(o.year), title, src: at('legal_basis', i) }];
        }),
      };
      return;
    case 'profile':
      parts.profile = { ...base, facts: facts('facts'), ict: facts('ict') };
      return;
    case 'vision': {
      const missions = arr(data.missions).flatMap((v, i) => {
        const o = obj(v);
        const id = str(o?.id);
        return o && id ? [{ id, text: str(o.text) ?? '', rpjmd: strs(o.rpjmd), src: at('missions', i) }] : [];
      });
      const goals = arr(data.goals).flatMap((v, i) => {
        const o = obj(v);
        const id = str(o?.id);
        if (!o || !id) return [];
        const indicators = arr(o.indicators).flatMap((iv, j) => {
          const io = obj(iv);
          const name = str(io?.name);
          return io && name
            ? [{ name, unit: str(io.unit), baseline: num(io.baseline), target: num(io.target), year: int(io.year), src: at('goals', i, 'indicators', j) }]
            : [];
        });
        return [{ id, text: str(o.text) ?? '', mission: str(o.mission), indicators, src: at('goals', i) }];
      });
      for (const m of missions) define(m.id, 'vision-mission', m, m.src);
      for (const g of goals) define(g.id, 'vision-goal', g, g.src);
      parts.vision = { ...base, vision: str(data.vision), tagline: str(data.tagline), missions, goals };
      return;
    }
    case 'governance': {
      const bodies = arr(data.bodies).flatMap((v, i) => {
        const o = obj(v);
        const id = str(o?.id);
        if (!o || !id) return [];
        const decree = obj(o.decree);
        return [
          {
            id,
            name: str(o.name) ?? id,
            decree: decree ? { number: str(decree.number), date: isoDate(decree.date) } : undefined,
            members: arr(o.members).flatMap((p, j) => person(p, 'bodies', i, 'members', j)),
            src: at('bodies', i),
          },
        ];
      });
      for (const b of bodies) define(b.id, 'body', b, b.src);
      parts.governance = { ...base, bodies };
      return;
    }
    case 'glossary':
      parts.glossary = {
        ...base,
        terms: arr(data.terms).flatMap((v, i) => {
          const o = obj(v);
          const term = str(o?.term);
          return o && term ? [{ term, meaning: str(o.meaning) ?? '', src: at('terms', i) }] : [];
        }),
      };
      return;
    case 'commitment':
      parts.commitment = { ...base, statement: md(data.statement, 'statement'), signatories: people(data.signatories, 'signatories') };
      return;
    default:
      parts[part] = base;
  }
}

/** Every Markdown text of the parts (for the link check and the renderers' caches). */
