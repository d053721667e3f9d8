// `masterplan export --format json`: the whole masterplan as data, in the shape published as
// schemas/export.schema.json (format "masterplan-export", version 1: new keys may be added in
// later versions, none renamed or removed). Read from the document model and the one
// traceability computation; never from YAML.

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Traceability } from '../model/traceability.js';
import type { Chapter, Markdown, Masterplan } from '../model/types.js';
import { PILLARS } from '../model/types.js';
import { allChapters } from '../model/walk.js';
import { programRowsJson } from '../report/trace-formats.js';

export const EXPORT_SCHEMA_ID = 'https://masterplan.id/schemas/v1/export.schema.json';
export const EXPORT_VERSION = 1;

const md = (m: Markdown | undefined) => (m ? m.text : undefined);
/** Optional fields are left out rather than written as null. */
function compact<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

export function exportData(model: Masterplan, tr: Traceability, diagnostics: readonly Diagnostic[]) {
  const chapters = allChapters(model).filter((c) => c.files.length > 0);
  const each = <T>(pick: (c: Chapter) => T[]) => chapters.flatMap(pick);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const r = model.rpjmd;
  return {
    $schema: EXPORT_SCHEMA_ID,
    format: 'masterplan-export' as const,
    version: EXPORT_VERSION,
    masterplan: { region: model.region, title: model.title, period: model.period, language: model.language },
    problems: { errors, warnings: diagnostics.length - errors },
    rpjmd: {
      file: r.file,
      period: r.period,
      vision: r.vision,
      missions: r.missions.map((m) => ({ id: m.id, text: m.text, pokja: m.pokja, file: m.src.file })),
      goals: r.goals.map((g) => ({ id: g.id, mission: g.mission, text: g.text, file: g.src.file })),
      targets: r.targets.map((t) => ({ id: t.id, goal: t.goal, text: t.text, file: t.src.file })),
      programs: r.programs.map((p) =>
        compact({
          id: p.id,
          name: p.name,
          target: p.target,
          code: p.code,
          sector: p.sector,
          opd: p.opd,
          indicators: p.indicators.map((i) => compact({ name: i.name, unit: i.unit, baseline: i.baseline, targets: i.targets })),
          file: p.src.file,
        }),
      ),
      opd: r.opd.map((o) => compact({ id: o.id, name: o.name, short: o.short, file: o.src.file })),
    },
    pokja: model.pokja.map((p) => compact({ id: p.id, name: p.name, lead: p.lead, elements: p.elements })),
    worksheets: chapters.map((c) =>
      compact({
        stage: c.stage,
        pokja: c.pokja,
        files: c.files,
        title: c.title,
        status: c.status,
        summaries: c.summaries.map((m) => m.text),
        narratives: c.narratives.map((m) => m.text),
      }),
    ),
    analysis: each((c) =>
      c.analysis.map((a) =>
        compact({
          pokja: c.pokja,
          program: a.program,
          relevance: md(a.relevance),
          renstra: a.renstra.map((x) => compact({ opd: x.opd, program: x.program, code: x.code })),
          file: a.src.file,
        }),
      ),
    ),
    readiness: each((c) =>
      PILLARS.filter((p) => Object.values(c.readiness[p]).some((list) => list.length > 0)).map((p) => ({
        pokja: c.pokja,
        pillar: p,
        ...c.readiness[p],
      })),
    ),
    issues: each((c) => c.issues.map((text) => ({ pokja: c.pokja, text }))),
    opdPrograms: each((c) =>
      c.opdPrograms.map((o) =>
        compact({ pokja: c.pokja, opd: o.opd, program: o.program, code: o.code, rpjmd: o.rpjmd, element: o.element, file: o.src.file }),
      ),
    ),
    quickWins: each((c) =>
      c.quickWins.map((q) =>
        compact({ id: q.id, pokja: q.pokja, title: q.title, opd: q.opd, rpjmd: q.rpjmd, year: q.year, description: md(q.description), file: q.src.file }),
      ),
    ),
    sectors: each((c) => c.sectors.map((s) => ({ id: s.id, pokja: s.pokja, name: s.name, goal: s.goal, rpjmd: s.rpjmd, file: s.src.file }))),
    innovations: each((c) =>
      c.innovations.map((i) =>
        compact({
          id: i.id,
          pokja: i.pokja,
          title: i.title,
          description: md(i.description),
          sector: i.sector,
          element: i.element,
          rpjmd: i.rpjmd,
          opd: i.opd,
          partners: i.partners,
          quickWin: i.quickWin,
          horizon: i.horizon,
          years: i.years,
          indicators: i.indicators.map((x) => compact({ name: x.name, unit: x.unit, target: x.target, year: x.year })),
          budget: i.budget ? { source: i.budget.source, estimate: i.budget.estimate } : undefined,
          file: i.src.file,
        }),
      ),
    ),
    roadmap: each((c) =>
      c.roadmap.map((e) => compact({ pokja: c.pokja, innovation: e.innovation, year: e.year, milestone: e.milestone, opd: e.opd, file: e.src.file })),
    ),
    regulations: each((c) => c.regulations.map((g) => compact({ pokja: c.pokja, title: g.title, year: g.year, status: g.status, file: g.src.file }))),
    traceability: {
      coverage: tr.coverage,
      programs: programRowsJson(tr),
      missions: tr.missions,
      perPokja: tr.perPokja,
      gaps: tr.gaps,
    },
  };
}

export type ExportData = ReturnType<typeof exportData>;
