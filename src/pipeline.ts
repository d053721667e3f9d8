// The pipeline every command shares: load → parse → check (schema) → model → check (links,
// years, Markdown, coverage). Diagnostics are collected, never thrown; the model is built even
// with errors so that every problem is found in one run.

import { checkReservedIds } from './check/anchors.js';
import { checkCoverage } from './check/coverage.js';
import { checkMarkdown } from './check/markdown-links.js';
import { checkMarkdownSize } from './check/markdown-size.js';
import { checkDuplicateIds, checkReferences, ReferenceChecker, type RecordReference } from './check/references.js';
import { checkDuplicateParts, checkPartPaths, checkPartReferences, checkPlans } from './check/parts.js';
import { checkSchema } from './check/schema.js';
import { checkYears } from './check/years.js';
import { Collector, Origins } from './diagnostics/collector.js';
import { sortDiagnostics, type Diagnostic, type Problem } from './diagnostics/diagnostic.js';
import { locale, type Locale } from './i18n/index.js';
import { CONFIG_FILE, loadProject, peekLanguage, type Overlay } from './load/load-project.js';
import { loadTheme } from './load/load-theme.js';
import type { SourceFile } from './source/source-file.js';
import { buildModel } from './model/build-model.js';
import type { Lang, Masterplan, RecordKind } from './model/types.js';

export interface CheckedProject {
  model: Masterplan;
  /** The problems written in `locale`, sorted: what the reporters print. */
  diagnostics: Diagnostic[];
  /** The problems as the checks found them (vfile messages, no text): to render in another locale. */
  problems: readonly Problem[];
  /** Relative paths of every file read. */
  files: string[];
  /** Relative path of the RPJMD catalog, when it was read. */
  catalog?: string;
  lang: Lang;
  locale: Locale;
  /** Every file read, by relative path, with its text and positions. */
  sources: ReadonlyMap<string, SourceFile>;
  /** Every reference to a record or Pokja, where it is written (for the language server). */
  references: readonly RecordReference[];
}

const RPJMD_KINDS: RecordKind[] = ['mission', 'goal', 'target', 'program', 'opd'];
const WORKSHEET_KINDS: RecordKind[] = ['quick-win', 'sector', 'innovation'];
const PART_KINDS: RecordKind[] = ['vision-mission', 'vision-goal', 'body'];

export function checkProject(root: string, opts: { lang?: Lang; overlay?: Overlay } = {}): CheckedProject {
  const lang = opts.lang ?? peekLanguage(root) ?? 'id';
  const loc = locale(lang);
  const out = new Collector();

  const project = loadProject(root, out, opts.overlay);
  const all = [project.config, ...(project.rpjmd ? [project.rpjmd] : []), ...project.worksheets, ...project.parts, ...(project.theme ? [project.theme] : [])];
  for (const file of all) checkSchema(file, out);
  // The theme's own font files are read now that theme.yaml's shape is known.
  const theme = loadTheme(root, project.theme, out);

  const { model, definitions, partDefinitions } = buildModel({
    root,
    config: project.config,
    rpjmd: project.rpjmd,
    worksheets: project.worksheets,
    parts: project.parts,
    language: lang,
    templates: project.templates,
    theme,
  });

  // References into a file that could not be read are not judged: its records are unknown,
  // and its own syntax or encoding error is the one problem worth reporting.
  const uncertain = new Set<RecordKind | 'pokja'>();
  if (!project.rpjmd || project.rpjmd.fatal) RPJMD_KINDS.forEach((k) => uncertain.add(k));
  const worksheetLost = project.worksheets.some((w) => w.fatal) || project.lostWorksheets > 0;
  if (worksheetLost) WORKSHEET_KINDS.forEach((k) => uncertain.add(k));
  if (project.parts.some((p) => p.fatal)) PART_KINDS.forEach((k) => uncertain.add(k));
  // Without usable settings the Pokja list is the default one, which may not be the user's.
  const settings = project.config.data;
  if (project.config.fatal || settings === null || typeof settings !== 'object' || Array.isArray(settings)) uncertain.add('pokja');

  out.origins = new Origins([CONFIG_FILE], project.rpjmd ? [project.rpjmd.rel] : [], project.worksheets.map(stageOf));
  checkDuplicateIds(definitions, out);
  checkDuplicateParts(partDefinitions, out);
  checkReservedIds(model, definitions, out);
  const refs = new ReferenceChecker(model, out, uncertain);
  checkReferences(model, refs);
  checkPartReferences(model, refs, CONFIG_FILE);
  checkPartPaths(model, out, CONFIG_FILE);
  checkPlans(model, out);
  checkYears(model, out, CONFIG_FILE);
  checkMarkdown(model, out, uncertain.size > 0);
  checkMarkdownSize(model, out);
  if (uncertain.size === 0) checkCoverage(model, out, CONFIG_FILE);

  return {
    model,
    diagnostics: sortDiagnostics(out.diagnostics(loc)),
    problems: out.list,
    files: all.map((f) => f.rel),
    catalog: project.rpjmd?.rel,
    lang,
    locale: loc,
    sources: out.files,
    references: refs.seen,
  };
}

/** A worksheet's path and its `stage` field, when it has one (for FILES mode, see Origins). */
function stageOf(w: SourceFile): { rel: string; stage?: number } {
  const data = !w.fatal && w.data !== null && typeof w.data === 'object' ? (w.data as Record<string, unknown>) : {};
  return { rel: w.rel, stage: typeof data.stage === 'number' ? data.stage : undefined };
}
