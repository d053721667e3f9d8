// Year checks: innovations and quick wins inside the masterplan period, RPJMD indicator targets
// inside the RPJMD period, roadmap entries inside their innovation's years (a warning).

import type { Collector } from '../diagnostics/collector.js';
import { m } from '../diagnostics/message.js';
import type { Innovation, Masterplan, SourceRef } from '../model/types.js';
import { allChapters } from '../model/walk.js';
import { at } from './references.js';

export function checkYears(model: Masterplan, out: Collector, configFile: string): void {
  const [from, to] = model.period;
  const hasPeriod = from > 0 && from <= to;
  if (from > to) out.at({ file: configFile, path: ['period'] }, 'year-out-of-range', m.yearsReversed(from, to));
  const [rFrom, rTo] = model.rpjmd.period;
  const hasRpjmdPeriod = rFrom > 0 && rFrom <= rTo;
  if (rFrom > rTo) out.at({ file: model.rpjmd.file, path: ['period'] }, 'year-out-of-range', m.yearsReversed(rFrom, rTo));

  // Years outside what the schema accepts were reported there already.
  const plausible = (year: number) => year >= 1900 && year <= 2200;
  const inPeriod = (year: number, src: SourceRef) => {
    if (hasPeriod && plausible(year) && (year < from || year > to)) {
      out.at(src, 'year-out-of-range', m.yearOutsidePeriod(year, from, to, m.periodMasterplan), { origins: out.origins.config });
    }
  };

  if (hasRpjmdPeriod) {
    for (const p of model.rpjmd.programs) {
      for (const ind of p.indicators) {
        for (const { year } of ind.targets) {
          if (plausible(year) && (year < rFrom || year > rTo)) {
            out.at(at(ind.src, 'targets', String(year)), 'year-out-of-range', m.yearOutsidePeriod(year, rFrom, rTo, m.periodRpjmd), { want: 'key' });
          }
        }
      }
    }
  }

  const innovations = new Map<string, Innovation>();
  for (const c of allChapters(model)) {
    for (const q of c.quickWins) inPeriod(q.year, at(q.src, 'year'));
    for (const inn of c.innovations) {
      innovations.set(inn.id, inn);
      const [a, b] = inn.years;
      if (a > b && b > 0) out.at(at(inn.src, 'years'), 'year-out-of-range', m.yearsReversed(a, b));
      inPeriod(a, at(inn.src, 'years', 0));
      inPeriod(b, at(inn.src, 'years', 1));
      inn.indicators.forEach((ind) => {
        if (ind.year !== undefined) inPeriod(ind.year, at(ind.src, 'year'));
      });
    }
  }
  for (const c of allChapters(model)) {
    for (const e of c.roadmap) {
      const inn = model.index.ids.get(e.innovation)?.kind === 'innovation' ? innovations.get(e.innovation) : undefined;
      if (!inn || !plausible(e.year) || inn.years[0] <= 0) continue;
      const [a, b] = inn.years;
      if (a > b) continue; // reported at the innovation
      if (e.year < a || e.year > b) {
        out.at(at(e.src, 'year'), 'year-out-of-range', m.roadmapOutsideInnovation(e.year, inn.id, a, b), { severity: 'warning', origins: [inn.src.file] });
      }
    }
  }
}
