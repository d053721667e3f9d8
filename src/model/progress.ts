// Where every Pokja × stage stands: its worksheet files, their `status`, how many records they
// hold, the problems found in them, and how much of the RPJMD the Pokja's innovations cover.
// What `masterplan status` prints; computed from the checked project, never from the files.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Coverage, Traceability } from './traceability.js';
import { PILLARS, STAGES, SWOT_PARTS, type Chapter, type Masterplan, type StageNo, type WorksheetStatus } from './types.js';

/** Record counts per stage, keyed by the worksheet field they count (FORMAT.md names). */
export const STAGE_COUNTS = {
  1: ['analysis', 'renstra', 'swot', 'issues'],
  2: ['opd_programs', 'quick_wins'],
  3: ['sectors', 'innovations'],
  4: ['roadmap', 'regulations'],
} as const satisfies Record<StageNo, readonly string[]>;

export type CountKey = (typeof STAGE_COUNTS)[StageNo][number];

export interface Problems {
  errors: number;
  warnings: number;
}

export interface StageProgress extends Problems {
  stage: StageNo;
  /** Worksheet files of this Pokja and stage (relative paths, sorted); empty: none yet. */
  files: string[];
  /** The least advanced `status` among the files; undefined when no file sets one. */
  status?: WorksheetStatus;
  counts: Partial<Record<CountKey, number>>;
}

export interface PokjaProgress extends Problems {
  id: string;
  name: string;
  stages: StageProgress[];
  /** RPJMD programs linked by this Pokja's innovations, out of all programs. */
  coverage: Coverage;
  innovations: number;
}

export interface Progress {
  region: string;
  title: string;
  period: [number, number];
  pokja: PokjaProgress[];
  /** Files that belong to no Pokja × stage (masterplan.yaml, rpjmd.yaml, unplaceable worksheets). */
  other: Problems & { files: string[] };
  coverage: Coverage;
  summary: Problems & { files: number };
}

export function progress(model: Masterplan, diagnostics: readonly Diagnostic[], files: readonly string[], trace: Traceability): Progress {
  const configured = new Set(model.pokja.map((p) => p.id));
  const key = (pokja: string, stage: number) => `${pokja}\0${stage}`;

  // Which Pokja × stage each file belongs to: the worksheet's own fields decide (as everywhere);
  // a file whose fields could not be read is placed by its path, pokja/<id>/<stage>-….
  const owner = new Map<string, string>();
  const chapters = new Map<string, Chapter>();
  for (const book of model.books) {
    for (const c of book.chapters) {
      if (!configured.has(c.pokja)) continue;
      chapters.set(key(c.pokja, c.stage), c);
      for (const f of c.files) owner.set(f, key(c.pokja, c.stage));
    }
  }
  const extraFiles = new Map<string, string[]>();
  const other = { files: [] as string[], errors: 0, warnings: 0 };
  for (const f of files) {
    if (owner.has(f)) continue;
    const m = /^pokja\/([^/]+)\/([1-4])(?![0-9])[^/]*$/.exec(f);
    if (m && configured.has(m[1])) {
      const k = key(m[1], Number(m[2]));
      owner.set(f, k);
      extraFiles.set(k, [...(extraFiles.get(k) ?? []), f]);
    } else {
      other.files.push(f);
    }
  }

  const problems = new Map<string, Problems>();
  const add = (p: Problems, d: Diagnostic) => (d.severity === 'error' ? p.errors++ : p.warnings++);
  // A missing worksheet is reported at masterplan.yaml, but it is the Pokja × stage's gap.
  const missingReported = diagnostics.some((d) => d.rule === 'missing-worksheet');
  for (const d of diagnostics) {
    if (d.rule === 'missing-worksheet') continue;
    const k = owner.get(d.file);
    if (k === undefined) {
      add(other, d);
      continue;
    }
    const p = problems.get(k) ?? { errors: 0, warnings: 0 };
    add(p, d);
    problems.set(k, p);
  }

  const pokja: PokjaProgress[] = model.pokja.map((pk) => {
    const stages = STAGES.map((stage): StageProgress => {
      const k = key(pk.id, stage);
      const c = chapters.get(k);
      const stageFiles = [...(c?.files ?? []), ...(extraFiles.get(k) ?? [])].sort(byPath);
      const p = problems.get(k) ?? { errors: 0, warnings: 0 };
      const warnings = p.warnings + (missingReported && stageFiles.length === 0 ? 1 : 0);
      return { stage, files: stageFiles, status: c?.status, counts: c ? counts(c) : zeroCounts(stage), errors: p.errors, warnings };
    });
    const cov = trace.perPokja.find((p) => p.id === pk.id);
    return {
      id: pk.id,
      name: pk.name,
      stages,
      coverage: cov ? { covered: cov.covered, total: cov.total, percent: cov.percent } : { covered: 0, total: 0, percent: 0 },
      innovations: cov?.innovations ?? 0,
      errors: stages.reduce((n, s) => n + s.errors, 0),
      warnings: stages.reduce((n, s) => n + s.warnings, 0),
    };
  });
  other.files.sort(byPath);
  // Warnings of missing worksheets outside the configured Pokja (cannot happen today) stay counted.
  const placed = pokja.reduce((n, p) => n + p.warnings, 0) + other.warnings;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  other.warnings += Math.max(0, warnings - placed);

  return {
    region: model.region,
    title: model.title,
    period: model.period,
    pokja,
    other,
    coverage: trace.coverage,
    summary: { errors: diagnostics.length - warnings, warnings, files: files.length },
  };
}

function counts(c: Chapter): Partial<Record<CountKey, number>> {
  switch (c.stage) {
    case 1:
      return {
        analysis: c.analysis.length,
        renstra: c.analysis.reduce((n, a) => n + a.renstra.length, 0),
        swot: PILLARS.reduce((n, p) => n + SWOT_PARTS.reduce((m, s) => m + c.readiness[p][s].length, 0), 0),
        issues: c.issues.length,
      };
    case 2:
      return { opd_programs: c.opdPrograms.length, quick_wins: c.quickWins.length };
    case 3:
      return { sectors: c.sectors.length, innovations: c.innovations.length };
    case 4:
      return { roadmap: c.roadmap.length, regulations: c.regulations.length };
  }
}

function zeroCounts(stage: StageNo): Partial<Record<CountKey, number>> {
  return Object.fromEntries(STAGE_COUNTS[stage].map((k) => [k, 0]));
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
