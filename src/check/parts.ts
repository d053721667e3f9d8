// Checks for the additions to format 1 (FORMAT.md): the region-level parts under umum/ (each part
// once, their references), the settings that name files or agencies (`logo`, `agency`), quick-win
// evidence paths, and the two warnings horizon-mismatch and budget-mismatch.

import { resolveInside } from '../load/inside-repo.js';
import { imageProblem } from './images.js';
import type { Collector } from '../diagnostics/collector.js';
import { horizonName, m } from '../diagnostics/message.js';
import type { PartDefinition } from '../model/build-model.js';
import { resolveAsset } from '../model/asset-path.js';
import type { Budget, Horizon, Masterplan, SourceRef } from '../model/types.js';
import { allChapters } from '../model/walk.js';
import { at, type ReferenceChecker } from './references.js';

/** Longest run (last year minus first year) each horizon allows. */
export const HORIZON_YEARS: Record<Horizon, number> = { short: 2, medium: 5, long: 10 };

export function checkDuplicateParts(definitions: readonly PartDefinition[], out: Collector): void {
  const first = new Map<string, PartDefinition>();
  for (const d of definitions) {
    const prev = first.get(d.part);
    if (!prev) first.set(d.part, d);
    else out.at(at(d.src, 'part'), 'duplicate-id', m.duplicatePart(d.part, out.place(at(prev.src, 'part'))), { related: at(prev.src, 'part') });
  }
}

export function checkPartReferences(model: Masterplan, refs: ReferenceChecker, configFile: string): void {
  const p = model.parts;
  if (model.agency !== undefined) refs.ref(model.agency, 'opd', { file: configFile, path: ['agency'] });
  for (const m of p.team?.members ?? []) if (m.agency !== undefined) refs.ref(m.agency, 'opd', at(m.src, 'agency'));
  for (const m of p.vision?.missions ?? []) refs.refs(m.rpjmd, 'mission', at(m.src, 'rpjmd'));
  for (const g of p.vision?.goals ?? []) if (g.mission !== undefined) refs.ref(g.mission, 'vision-mission', at(g.src, 'mission'));
  for (const c of allChapters(model)) {
    for (const q of c.quickWins) if (q.element !== undefined) refs.element(q.element, c.pokja, at(q.src, 'element'));
  }
}

/** `logo` and quick-win `evidence`: files inside the repository (evidence may be a web address). */
export function checkPartPaths(model: Masterplan, out: Collector, configFile: string): void {
  // A logo that is not a PNG or JPEG file name was reported by the schema check.
  if (model.logo !== undefined && /\.(png|jpe?g)$/i.test(model.logo)) {
    // The emblem is an image like any other in the books: inside the repository, a real PNG or JPEG.
    const src: SourceRef = { file: configFile, path: ['logo'] };
    const r = resolveAsset(model.root, configFile, model.logo);
    if (!r.ok) {
      if (r.problem === 'remote') out.at(src, 'unsafe-path', m.logoRemote(model.logo));
      else if (r.problem === 'missing') out.at(src, 'unknown-reference', m.logoNotFound(model.logo));
      else out.at(src, 'unsafe-path', imageProblem(r, model.logo));
    }
  }
  for (const c of allChapters(model)) {
    for (const q of c.quickWins) {
      if (q.evidence === undefined || /^https?:\/\//i.test(q.evidence)) continue;
      // Evidence may be any document (a decree, a report): only where it is matters.
      const src = at(q.src, 'evidence');
      const r = resolveInside(model.root, q.evidence);
      if (r.ok && r.kind === 'file') continue;
      if (!r.ok && (r.problem === 'outside' || r.problem === 'git')) out.at(src, 'unsafe-path', m.pathOutside(q.evidence));
      else out.at(src, 'unknown-reference', m.evidenceNotFound(q.evidence));
    }
  }
}

/** horizon-mismatch, budget-mismatch, and `per_year` years outside the innovation's years. */
export function checkPlans(model: Masterplan, out: Collector): void {
  const [from, to] = model.period;
  // Years outside the masterplan period are already an error; the horizon is judged only inside it.
  const inPeriod = (y: number) => !(from > 0 && from <= to) || (y >= from && y <= to);
  for (const c of allChapters(model)) {
    for (const inn of c.innovations) {
      const [a, b] = inn.years;
      const max = HORIZON_YEARS[inn.horizon];
      if (a > 0 && b >= a && inPeriod(a) && inPeriod(b) && b - a > max) {
        out.at(at(inn.src, 'years'), 'horizon-mismatch', m.horizonMismatch(inn.id, a, b, horizonName(inn.horizon), max));
      }
      if (inn.budget) {
        budgetSum(inn.budget, at(inn.src, 'budget'), out);
        if (a > 0 && b >= a) {
          for (const { year } of inn.budget.perYear) {
            if (year < a || year > b) {
              out.at(at(inn.src, 'budget', 'per_year', String(year)), 'year-out-of-range', m.perYearOutside(year, a, b), { want: 'key' });
            }
          }
        }
      }
    }
    for (const q of c.quickWins) if (q.budget) budgetSum(q.budget, at(q.src, 'budget'), out);
  }
}

function budgetSum(budget: Budget, src: SourceRef, out: Collector): void {
  if (budget.perYear.length === 0) return;
  const sum = budget.perYear.reduce((n, y) => n + y.value, 0);
  if (sum !== budget.estimate) out.at(at(src, 'per_year'), 'budget-mismatch', m.budgetMismatch({ money: sum }, { money: budget.estimate }), { want: 'key' });
}
