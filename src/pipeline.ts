// The pipeline every command shares: load → parse → check (schema) → model → check (links,
// years, Markdown, coverage). Diagnostics are collected, never thrown; the model is built even
// with errors so that every problem is found in one run.

import { checkCoverage } from './check/coverage.js';
import { checkMarkdown } from './check/markdown-links.js';
import { checkMarkdownSize } from './check/markdown-size.js';
import { checkDuplicateIds, checkReferences, ReferenceChecker } from './check/references.js';
import { checkSchema } from './check/schema.js';
import { checkYears } from './check/years.js';
import { Collector } from './diagnostics/collector.js';
import { sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { locale, type Locale } from './i18n/index.js';
import { CONFIG_FILE, loadProject, peekLanguage } from './load/load-project.js';
import { buildModel } from './model/build-model.js';
import type { Lang, Masterplan, RecordKind } from './model/types.js';

export interface CheckedProject {
  model: Masterplan;
  diagnostics: Diagnostic[];
  /** Relative paths of every file read. */
  files: string[];
  lang: Lang;
  locale: Locale;
}

const RPJMD_KINDS: RecordKind[] = ['mission', 'goal', 'target', 'program', 'opd'];
const WORKSHEET_KINDS: RecordKind[] = ['quick-win', 'sector', 'innovation'];

export function checkProject(root: string, opts: { lang?: Lang } = {}): CheckedProject {
  const lang = opts.lang ?? peekLanguage(root) ?? 'id';
  const loc = locale(lang);
  const t = loc.messages;
  const out = new Collector();

  const project = loadProject(root, out, t);
  const all = [project.config, ...(project.rpjmd ? [project.rpjmd] : []), ...project.worksheets];
  for (const file of all) checkSchema(file, out, t);

  const { model, definitions } = buildModel({
    root,
    config: project.config,
    rpjmd: project.rpjmd,
    worksheets: project.worksheets,
    language: lang,
    templates: project.templates,
  });

  // References into a file that could not be read are not judged: its records are unknown,
  // and its own syntax or encoding error is the one problem worth reporting.
  const uncertain = new Set<RecordKind | 'pokja'>();
  if (!project.rpjmd || project.rpjmd.fatal) RPJMD_KINDS.forEach((k) => uncertain.add(k));
  const worksheetLost = project.worksheets.some((w) => w.fatal);
  if (worksheetLost) WORKSHEET_KINDS.forEach((k) => uncertain.add(k));
  // Without usable settings the Pokja list is the default one, which may not be the user's.
  const settings = project.config.data;
  if (project.config.fatal || settings === null || typeof settings !== 'object' || Array.isArray(settings)) uncertain.add('pokja');

  checkDuplicateIds(definitions, out, t);
  checkReferences(model, new ReferenceChecker(model, out, t, uncertain));
  checkYears(model, out, t, CONFIG_FILE);
  checkMarkdown(model, out, t, uncertain.size > 0);
  checkMarkdownSize(model, out, t);
  if (uncertain.size === 0) checkCoverage(model, out, t, CONFIG_FILE);

  return { model, diagnostics: sortDiagnostics(out.list), files: all.map((f) => f.rel), lang, locale: loc };
}
