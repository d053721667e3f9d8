// Model stage: parsed, schema-checked data → the typed document model. Tolerant by design: a
// value of the wrong type was already reported by the schema check, so it is skipped here rather
// than reported again, and later checks still see every well-formed record.

import { arr, int, isoDate, num, obj, str, strs, type Obj } from './values.js';
import { RecordIndex } from './record-index.js';
import { DEFAULT_THEME, type Theme } from '../theme/theme.js';
import type { SourceFile } from '../source/source-file.js';
import { DEFAULT_POKJA, defaultPokja } from './default-pokja.js';
import { buildParts } from './build-parts.js';
import {
  ACTION_TYPES,
  PILLARS,
  type ActionType,
  type Budget,
  type InnovationIndicator,
  type QuickWinStatus,
  STAGES,
  SWOT_PARTS,
  type Book,
  type Chapter,
  type DataPath,
  type IndexedRecord,
  type Lang,
  type Markdown,
  type Masterplan,
  type Horizon,
  type PartName,
  type YearValue,
  type Pokja,
  type Readiness,
  type RecordKind,
  type Rpjmd,
  type SourceRef,
  type StageNo,
  type WorksheetStatus,
} from './types.js';


/** Every id definition in load order, for the duplicate check (the model keeps the first). */
export interface IdDefinition {
  id: string;
  kind: RecordKind;
  src: SourceRef;
}

/** Every umum/ part in load order, for the check that each part appears once. */
export interface PartDefinition {
  part: PartName;
  src: SourceRef;
}

export interface BuiltModel {
  model: Masterplan;
  definitions: IdDefinition[];
  partDefinitions: PartDefinition[];
}

export interface ModelInput {
  root: string;
  config?: SourceFile;
  rpjmd?: SourceFile;
  worksheets: SourceFile[];
  /** Region-level parts (umum/*.yaml, umum/*.md). */
  parts?: SourceFile[];
  language: Lang;
  templates?: string;
  /** The theme read from the templates folder (the defaults when there is none). */
  theme?: Theme;
}

export { arr, int, isoDate, num, obj, str, strs } from './values.js';
const period = (v: unknown): [number, number] | undefined => {
  const a = arr(v);
  return a.length === 2 && int(a[0]) !== undefined && int(a[1]) !== undefined ? [a[0] as number, a[1] as number] : undefined;
};

export function buildModel(input: ModelInput): BuiltModel {
  const definitions: IdDefinition[] = [];
  const ids = new Map<string, IndexedRecord>();
  const define = (id: string, kind: RecordKind, record: IndexedRecord['record'], src: SourceRef) => {
    definitions.push({ id, kind, src });
    if (!ids.has(id)) ids.set(id, { kind, record, src });
  };

  const config = (input.config && !input.config.fatal && obj(input.config.data)) || {};
  const region = str(config.region) ?? '';
  const rpjmd = buildRpjmd(input.rpjmd, define);
  const pokja = buildPokja(config, input.config?.rel ?? 'masterplan.yaml');

  const chapters = new Map<string, Chapter>();
  const chapter = (stage: StageNo, pokjaId: string): Chapter => {
    const key = `${stage}\0${pokjaId}`;
    let c = chapters.get(key);
    if (!c) {
      c = emptyChapter(stage, pokjaId);
      chapters.set(key, c);
    }
    return c;
  };
  for (const stage of STAGES) for (const p of pokja) chapter(stage, p.id);

  for (const file of input.worksheets) {
    const data = !file.fatal ? obj(file.data) : undefined;
    if (!data) continue;
    const stage = data.stage;
    const pokjaId = str(data.pokja);
    if ((stage !== 1 && stage !== 2 && stage !== 3 && stage !== 4) || !pokjaId) continue;
    const c = chapter(stage, pokjaId);
    addWorksheet(c, file, data, define);
  }

  const configured = new Set(pokja.map((p) => p.id));
  const books: Book[] = STAGES.map((stage) => ({
    stage,
    chapters: [
      ...pokja.map((p) => chapter(stage, p.id)),
      // Worksheets naming an unknown Pokja still get checked; the error stops any build.
      ...[...chapters.values()].filter((c) => c.stage === stage && !configured.has(c.pokja)),
    ],
  }));

  const partDefinitions: PartDefinition[] = [];
  const parts = buildParts(input.parts ?? [], define, partDefinitions);
  const edition = obj(config.edition) ?? {};
  const editionStatus = str(edition.status);
  const bookTitles: Masterplan['bookTitles'] = {};
  const booksConfig = obj(config.books) ?? {};
  for (const stage of STAGES) {
    const t = str(booksConfig[String(stage)]);
    if (t) bookTitles[stage] = t;
  }

  const base: Omit<Masterplan, 'index'> = {
    root: input.root,
    region,
    title: str(config.title) ?? `Masterplan Smart City ${region}`,
    issuer: str(config.issuer),
    agency: str(config.agency),
    place: str(config.place),
    logo: str(config.logo),
    edition: {
      date: isoDate(edition.date),
      version: str(edition.version),
      status: editionStatus === 'draft' || editionStatus === 'review' ? editionStatus : 'final',
    },
    bookTitles,
    parts,
    period: period(config.period) ?? [0, 0],
    language: input.language,
    templates: input.templates,
    theme: input.theme ?? DEFAULT_THEME,
    rpjmd,
    pokja,
    books,
  };
  const model: Masterplan = { ...base, index: new RecordIndex(base, ids) };
  return { model, definitions, partDefinitions };
}

export type Define = (id: string, kind: RecordKind, record: IndexedRecord['record'], src: SourceRef) => void;

function buildRpjmd(file: SourceFile | undefined, define: Define): Rpjmd {
  const rel = file?.rel ?? 'rpjmd.yaml';
  const data = (file && !file.fatal && obj(file.data)) || {};
  const at = (...path: DataPath): SourceRef => ({ file: rel, path });
  const r: Rpjmd = {
    file: rel,
    period: period(data.period) ?? [0, 0],
    vision: str(data.vision) ?? '',
    missions: [],
    goals: [],
    targets: [],
    programs: [],
    opd: [],
  };
  arr(data.missions).forEach((v, i) => {
    const o = obj(v);
    const id = str(o?.id);
    if (!o || !id) return;
    const m = { id, text: str(o.text) ?? '', pokja: strs(o.pokja), src: at('missions', i) };
    r.missions.push(m);
    define(id, 'mission', m, m.src);
  });
  arr(data.goals).forEach((v, i) => {
    const o = obj(v);
    const id = str(o?.id);
    if (!o || !id) return;
    const g = { id, mission: str(o.mission) ?? '', text: str(o.text) ?? '', src: at('goals', i) };
    r.goals.push(g);
    define(id, 'goal', g, g.src);
  });
  arr(data.targets).forEach((v, i) => {
    const o = obj(v);
    const id = str(o?.id);
    if (!o || !id) return;
    const t = { id, goal: str(o.goal) ?? '', text: str(o.text) ?? '', src: at('targets', i) };
    r.targets.push(t);
    define(id, 'target', t, t.src);
  });
  arr(data.programs).forEach((v, i) => {
    const o = obj(v);
    const id = str(o?.id);
    if (!o || !id) return;
    const p = {
      id,
      name: str(o.name) ?? id,
      target: str(o.target) ?? '',
      code: str(o.code),
      sector: str(o.sector),
      opd: strs(o.opd),
      indicators: arr(o.indicators).flatMap((iv, j) => {
        const io = obj(iv);
        const name = str(io?.name);
        if (!io || !name) return [];
        const targets = Object.entries(obj(io.targets) ?? {})
          .filter(([y, val]) => /^[0-9]{4}$/.test(y) && num(val) !== undefined)
          .map(([y, val]) => ({ year: Number(y), value: val as number }))
          .sort((a, b) => a.year - b.year);
        return [{ name, unit: str(io.unit), baseline: num(io.baseline), targets, src: at('programs', i, 'indicators', j) }];
      }),
      src: at('programs', i),
    };
    r.programs.push(p);
    define(id, 'program', p, p.src);
  });
  arr(data.opd).forEach((v, i) => {
    const o = obj(v);
    const id = str(o?.id);
    if (!o || !id) return;
    const d = { id, name: str(o.name) ?? id, short: str(o.short), src: at('opd', i) };
    r.opd.push(d);
    define(id, 'opd', d, d.src);
  });
  return r;
}

function buildPokja(config: Obj, rel: string): Pokja[] {
  if (!Array.isArray(config.pokja)) return DEFAULT_POKJA.map((p) => ({ ...p, elements: [...p.elements] }));
  const list: Pokja[] = [];
  config.pokja.forEach((v, i) => {
    const o = obj(v);
    const id = str(o?.id);
    if (!o || !id) return;
    const elements = Array.isArray(o.elements)
      ? o.elements.flatMap((e) => {
          const eo = obj(e);
          const eid = str(eo?.id);
          return eo && eid ? [{ id: eid, name: str(eo.name) ?? eid }] : [];
        })
      : [...(defaultPokja(id)?.elements ?? [])];
    list.push({ id, name: str(o.name) ?? defaultPokja(id)?.name ?? id, lead: str(o.lead), elements, src: { file: rel, path: ['pokja', i] } });
  });
  return list;
}

function emptyReadiness(): Readiness {
  const r = {} as Readiness;
  for (const p of PILLARS) r[p] = { strengths: [], weaknesses: [], opportunities: [], threats: [] };
  return r;
}

function emptyChapter(stage: StageNo, pokja: string): Chapter {
  return {
    stage,
    pokja,
    files: [],
    summaries: [],
    narratives: [],
    analysis: [],
    readiness: emptyReadiness(),
    issues: [],
    opdPrograms: [],
    quickWins: [],
    sectors: [],
    innovations: [],
    roadmap: [],
    regulations: [],
  };
}

const STATUS_ORDER: WorksheetStatus[] = ['draft', 'review', 'final'];

function addWorksheet(c: Chapter, file: SourceFile, data: Obj, define: Define): void {
  const rel = file.rel;
  const at = (...path: DataPath): SourceRef => ({ file: rel, path });
  const md = (v: unknown, ...path: DataPath): Markdown | undefined => {
    const text = str(v);
    return text === undefined ? undefined : { text, src: at(...path), body: false };
  };
  c.files.push(rel);
  c.title ??= str(data.title);
  const status = str(data.status) as WorksheetStatus | undefined;
  if (status && STATUS_ORDER.includes(status)) {
    // A chapter split over several files is only as far along as its least advanced part.
    if (!c.status || STATUS_ORDER.indexOf(status) < STATUS_ORDER.indexOf(c.status)) c.status = status;
  }
  const summary = md(data.summary, 'summary');
  if (summary) c.summaries.push(summary);
  const narrative = md(data.narrative, 'narrative');
  if (narrative) c.narratives.push(narrative);
  if (file.body && file.body.text.trim() !== '') {
    c.narratives.push({ text: file.body.text, src: at(), body: true });
  }

  arr(data.analysis).forEach((v, i) => {
    const o = obj(v);
    const program = str(o?.program);
    if (!o || !program) return;
    c.analysis.push({
      program,
      relevance: md(o.relevance, 'analysis', i, 'relevance'),
      renstra: arr(o.renstra).flatMap((rv, j) => {
        const ro = obj(rv);
        const opd = str(ro?.opd);
        return ro && opd ? [{ opd, program: str(ro.program) ?? '', code: str(ro.code), src: at('analysis', i, 'renstra', j) }] : [];
      }),
      src: at('analysis', i),
    });
  });
  const readiness = obj(data.readiness);
  if (readiness) {
    for (const pillar of PILLARS) {
      const po = obj(readiness[pillar]);
      if (!po) continue;
      for (const part of SWOT_PARTS) for (const item of strs(po[part])) c.readiness[pillar][part].push(item);
    }
  }
  // A loop, not a spread: a worksheet may hold more items than a call can take arguments.
  for (const item of strs(data.issues)) c.issues.push(item);

  arr(data.opd_programs).forEach((v, i) => {
    const o = obj(v);
    const opd = str(o?.opd);
    if (!o || !opd) return;
    c.opdPrograms.push({
      opd,
      program: str(o.program) ?? '',
      code: str(o.code),
      rpjmd: strs(o.rpjmd),
      element: str(o.element) ?? '',
      src: at('opd_programs', i),
    });
  });
  arr(data.quick_wins).forEach((v, i) => {
    const o = obj(v);
    const id = str(o?.id);
    if (!o || !id) return;
    const q = {
      id,
      title: str(o.title) ?? id,
      opd: str(o.opd) ?? '',
      rpjmd: strs(o.rpjmd),
      year: int(o.year) ?? 0,
      description: md(o.description, 'quick_wins', i, 'description'),
      element: str(o.element),
      status: qwStatus(o.status),
      progress: num(o.progress) !== undefined && (o.progress as number) >= 0 && (o.progress as number) <= 100 ? (o.progress as number) : undefined,
      budget: budgetOf(o.budget),
      indicators: indicatorsOf(o.indicators, at('quick_wins', i)),
      evidence: str(o.evidence),
      pokja: c.pokja,
      src: at('quick_wins', i),
    };
    c.quickWins.push(q);
    define(id, 'quick-win', q, q.src);
  });

  arr(data.sectors).forEach((v, i) => {
    const o = obj(v);
    const id = str(o?.id);
    if (!o || !id) return;
    const s = { id, name: str(o.name) ?? id, goal: str(o.goal) ?? '', rpjmd: strs(o.rpjmd), pokja: c.pokja, src: at('sectors', i) };
    c.sectors.push(s);
    define(id, 'sector', s, s.src);
  });
  arr(data.innovations).forEach((v, i) => {
    const o = obj(v);
    const id = str(o?.id);
    if (!o || !id) return;
    const years = period(o.years) ?? [0, 0];
    const horizon = str(o.horizon);
    const action = str(o.action);
    const inn = {
      id,
      title: str(o.title) ?? id,
      description: md(o.description, 'innovations', i, 'description'),
      sector: str(o.sector) ?? '',
      element: str(o.element) ?? '',
      rpjmd: strs(o.rpjmd),
      opd: str(o.opd) ?? '',
      partners: strs(o.partners),
      quickWin: str(o.quick_win),
      horizon: (horizon === 'medium' || horizon === 'long' ? horizon : 'short') as Horizon,
      action: (ACTION_TYPES as readonly string[]).includes(action ?? '') ? (action as ActionType) : undefined,
      years,
      indicators: indicatorsOf(o.indicators, at('innovations', i)),
      budget: budgetOf(o.budget),
      pokja: c.pokja,
      src: at('innovations', i),
    };
    c.innovations.push(inn);
    define(id, 'innovation', inn, inn.src);
  });

  arr(data.roadmap).forEach((v, i) => {
    const o = obj(v);
    const innovation = str(o?.innovation);
    if (!o || !innovation) return;
    c.roadmap.push({ innovation, year: int(o.year) ?? 0, milestone: str(o.milestone) ?? '', opd: str(o.opd), src: at('roadmap', i) });
  });
  arr(data.regulations).forEach((v, i) => {
    const o = obj(v);
    const title = str(o?.title);
    if (!o || !title) return;
    const status = str(o.status);
    c.regulations.push({
      title,
      year: int(o.year),
      status: status === 'planned' || status === 'draft' || status === 'enacted' ? status : undefined,
      type: str(o.type),
      number: str(o.number) ?? (int(o.number) !== undefined ? String(o.number) : undefined),
      date: isoDate(o.date),
      src: at('regulations', i),
    });
  });
}

function qwStatus(v: unknown): QuickWinStatus | undefined {
  return v === 'planned' || v === 'ongoing' || v === 'done' ? v : undefined;
}

/** A budget with source and a whole estimate; `per_year` entries with a year key and a whole amount. */
export function budgetOf(v: unknown): Budget | undefined {
  const b = obj(v);
  if (!b || !str(b.source) || int(b.estimate) === undefined) return undefined;
  const perYear: YearValue[] = Object.entries(obj(b.per_year) ?? {})
    .filter(([y, val]) => /^[0-9]{4}$/.test(y) && int(val) !== undefined)
    .map(([y, val]) => ({ year: Number(y), value: val as number }))
    .sort((x, y) => x.year - y.year);
  return { source: b.source as string, estimate: b.estimate as number, perYear };
}

function indicatorsOf(v: unknown, owner: SourceRef): InnovationIndicator[] {
  return arr(v).flatMap((iv, j) => {
    const io = obj(iv);
    const name = str(io?.name);
    return io && name
      ? [{ name, unit: str(io.unit), target: num(io.target), year: int(io.year), src: { file: owner.file, path: [...owner.path, 'indicators', j] } }]
      : [];
  });
}
