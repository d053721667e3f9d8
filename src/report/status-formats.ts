// `masterplan status` output: a terminal table, a GitHub-flavoured Markdown table (for a CI job
// summary) and JSON. All three show the same figures from model/progress.ts.

import type { Locale } from '../i18n/index.js';
import { STAGE_COUNTS, type PokjaProgress, type Progress, type StageProgress } from '../model/progress.js';
import { markdownText, printable } from './printable.js';
import { markdownTable, textTable, type Cell, type TableSpec } from './table.js';

export type StatusFormat = 'text' | 'json' | 'markdown';
export const STATUS_FORMATS: readonly StatusFormat[] = ['text', 'json', 'markdown'];

export interface StatusOptions {
  locale: Locale;
  color: boolean;
}

const paint = (on: boolean, code: string) => (on ? (s: string) => `\x1b[${code}m${s}\x1b[0m` : undefined);

function records(s: StageProgress, loc: Locale): string {
  const t = loc.workflow;
  return STAGE_COUNTS[s.stage].map((k) => t.count(t.countNames[k], s.counts[k] ?? 0)).join(', ');
}

function stageRows(p: PokjaProgress, o: StatusOptions): Cell[][] {
  const t = o.locale.workflow;
  return p.stages.map((s, i) => {
    const missing = s.files.length === 0;
    return [
      { text: i === 0 ? p.name : '' },
      { text: `${s.stage} ${t.stageNames[s.stage]}` },
      { text: String(s.files.length) },
      missing
        ? { text: t.noWorksheet, style: paint(o.color, '33') }
        : { text: s.status ? o.locale.book.status[s.status] : t.noStatus, style: s.status === 'final' ? paint(o.color, '32') : undefined },
      { text: missing ? t.noStatus : records(s, o.locale) },
      { text: String(s.errors), style: s.errors ? paint(o.color, '31') : undefined },
      { text: String(s.warnings), style: s.warnings ? paint(o.color, '33') : undefined },
    ];
  });
}

function progressTable(pr: Progress, o: StatusOptions): TableSpec {
  const t = o.locale.workflow;
  const rows = pr.pokja.flatMap((p) => stageRows(p, o));
  if (pr.other.errors + pr.other.warnings > 0) {
    rows.push([
      { text: t.otherFiles },
      { text: '' },
      { text: String(pr.other.files.length) },
      { text: '' },
      { text: pr.other.files.join(', ') },
      { text: String(pr.other.errors), style: pr.other.errors ? paint(o.color, '31') : undefined },
      { text: String(pr.other.warnings), style: pr.other.warnings ? paint(o.color, '33') : undefined },
    ]);
  }
  return {
    columns: [
      { label: t.pokja },
      { label: t.stage },
      { label: t.files, align: 'right' },
      { label: t.status },
      { label: t.records },
      { label: t.errors, align: 'right' },
      { label: t.warnings, align: 'right' },
    ],
    rows,
  };
}

function coverageTable(pr: Progress, o: StatusOptions): TableSpec {
  const t = o.locale.workflow;
  const row = (name: string, c: { covered: number; total: number; percent: number }, innovations: number) => [
    name,
    t.coverageValue(c.covered, c.total),
    o.locale.book.percent(c.percent),
    String(innovations),
  ];
  return {
    columns: [{ label: t.pokja }, { label: t.programs, align: 'right' }, { label: t.coverage, align: 'right' }, { label: t.innovations, align: 'right' }],
    rows: [
      ...pr.pokja.map((p) => row(p.name, p.coverage, p.innovations)),
      row(t.allPokja, pr.coverage, pr.pokja.reduce((n, p) => n + p.innovations, 0)),
    ],
  };
}

function summaryLine(pr: Progress, loc: Locale): string {
  const s = pr.summary;
  return s.errors + s.warnings === 0 ? loc.messages.clean(s.files) : loc.messages.summary(s.errors, s.warnings, s.files);
}

export function statusText(pr: Progress, o: StatusOptions): string {
  const dim = paint(o.color, '2') ?? ((s: string) => s);
  const bold = paint(o.color, '1') ?? ((s: string) => s);
  return [
    bold(printable(pr.title)),
    '',
    textTable(progressTable(pr, o), dim),
    bold(o.locale.workflow.coverageTitle),
    textTable(coverageTable(pr, o), dim),
    summaryLine(pr, o.locale),
    '',
  ].join('\n');
}

export function statusMarkdown(pr: Progress, o: StatusOptions): string {
  const plain = { ...o, color: false };
  return [
    `## ${o.locale.workflow.statusHeading(markdownText(pr.title))}`,
    '',
    markdownTable(progressTable(pr, plain)),
    `### ${o.locale.workflow.coverageTitle}`,
    '',
    markdownTable(coverageTable(pr, plain)),
    `**${summaryLine(pr, o.locale)}**`,
    '',
  ].join('\n');
}

/** The documented, stable JSON shape (README: masterplan status). */
export function statusJson(pr: Progress): string {
  const out = {
    title: pr.title,
    region: pr.region,
    period: pr.period,
    pokja: pr.pokja.map((p) => ({
      id: p.id,
      name: p.name,
      stages: p.stages.map((s) => ({
        stage: s.stage,
        files: s.files,
        status: s.status ?? null,
        counts: Object.fromEntries(STAGE_COUNTS[s.stage].map((k) => [k, s.counts[k] ?? 0])),
        errors: s.errors,
        warnings: s.warnings,
      })),
      coverage: p.coverage,
      innovations: p.innovations,
      errors: p.errors,
      warnings: p.warnings,
    })),
    other: pr.other,
    coverage: pr.coverage,
    summary: pr.summary,
  };
  return JSON.stringify(out, null, 2) + '\n';
}
