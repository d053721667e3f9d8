// Charts drawn from the data, built once here for both renderers (HTML: inline SVG, PDF: vector
// drawing): the roadmap as a timeline (one bar per innovation across its years, its milestones
// marked with their year, grouped by Pokja), coverage bars (RPJMD programs per mission,
// innovations per Pokja) and budget stacked bars (per year and per funding source, by Pokja).
// Every chart is a numbered figure (src/book/numbering.ts) and carries its own data table.

import type { Innovation } from '../model/types.js';
import { percent, traceability } from '../model/traceability.js';
import type { Recap } from './financing.js';
import { formatNumber, formatPeriod, groupDigits } from './format.js';
import type { Lookup } from './lookup.js';
import type { BarChart, ChartBlock, StackedChart, TimelineBar, TimelineChart } from './types.js';

/** The bar of one innovation: its years, and its stage-4 milestones in year order. */
function timelineBar(i: Innovation, L: Lookup): TimelineBar {
  const milestones = (L.index.roadmapByInnovation.get(i.id) ?? [])
    .map((e) => ({ year: e.year, label: e.milestone }))
    .sort((a, b) => a.year - b.year);
  return { id: i.id, label: `${i.id} ${i.title}`, from: i.years[0], to: i.years[1], milestones, unplanned: milestones.length === 0 || undefined };
}

/**
 * The roadmap as a timeline: the innovations of the given Pokja (all when `pokja` is undefined),
 * grouped by Pokja in configured order, on the masterplan period. Undefined when there is none.
 */
export function timelineChart(L: Lookup, pokja?: string): TimelineChart | undefined {
  const b = L.loc.book;
  const groups = L.model.pokja
    .filter((p) => pokja === undefined || p.id === pokja)
    .map((p) => ({ label: p.name, bars: L.index.innovationList.filter((i) => i.pokja === p.id).map((i) => timelineBar(i, L)) }))
    .filter((g) => g.bars.length > 0);
  if (groups.length === 0) return undefined;
  const bars = groups.flatMap((g) => g.bars);
  // The axis is the masterplan period, widened if a bar or a milestone lies outside it.
  const [start, end] = L.model.period;
  const from = Math.min(start, ...bars.map((x) => x.from), ...bars.flatMap((x) => x.milestones.map((m) => m.year)));
  const to = Math.max(end, ...bars.map((x) => x.to), ...bars.flatMap((x) => x.milestones.map((m) => m.year)));
  const yearsText: Record<string, string> = {};
  for (const x of bars) yearsText[x.id] = formatPeriod([x.from, x.to]);
  return {
    type: 'chart',
    kind: 'timeline',
    caption: b.chartTimeline(pokja === undefined ? b.chartAllPokja : L.pokjaName(pokja)),
    dataLabel: b.chartData,
    legend: bars.some((x) => x.unplanned) ? `${b.chartTimelineLegend} ${b.chartTimelineUnplanned}` : b.chartTimelineLegend,
    from,
    to: Math.min(to, from + 29),
    groups,
    headers: { item: b.innovationCount, years: b.years, milestones: b.milestone },
    yearsText,
    unplannedText: b.unplanned,
  };
}

/** Coverage: RPJMD programs linked by innovations per mission, and innovations per Pokja. */
export function coverageCharts(L: Lookup): ChartBlock[] {
  const b = L.loc.book;
  const trace = traceability(L.model);
  const out: ChartBlock[] = [];
  const missions = trace.missions.filter((m) => m.programs > 0);
  if (missions.length > 0) {
    const chart: BarChart = {
      type: 'chart',
      kind: 'bars',
      caption: b.chartCoverageByMission,
      dataLabel: b.chartData,
      max: 100,
      bars: missions.map((m) => ({
        label: `${b.mission} ${m.id}: ${m.text}`,
        value: percent(m.covered, m.programs),
        text: b.chartCoverageValue(m.covered, m.programs, percent(m.covered, m.programs)),
      })),
      headers: { label: b.mission, value: b.programsCovered },
    };
    out.push(chart);
  }
  const perPokja = L.model.pokja.map((p) => ({ name: p.name, n: L.index.innovationList.filter((i) => i.pokja === p.id).length }));
  if (perPokja.some((p) => p.n > 0)) {
    out.push({
      type: 'chart',
      kind: 'bars',
      caption: b.chartInnovationsByPokja,
      dataLabel: b.chartData,
      max: Math.max(...perPokja.map((p) => p.n)),
      bars: perPokja.map((p) => ({ label: p.name, value: p.n, text: formatNumber(p.n, L.loc) })),
      headers: { label: b.dimensions, value: b.innovationCount },
    });
  }
  return out;
}

/** Budget: totals per year and per funding source, each bar split by Pokja (where budgets exist). */
export function budgetCharts(L: Lookup, r: Recap): ChartBlock[] {
  const b = L.loc.book;
  const digits = (n: number) => (n === 0 ? b.none : groupDigits(n, b.thousands));
  const stacked = (caption: string, pokja: string[], cats: { label: string; value: (p: string) => number }[]): StackedChart => ({
    type: 'chart',
    kind: 'stacked',
    caption,
    dataLabel: b.chartData,
    legend: b.chartStackedLegend,
    series: pokja.map((p) => L.pokjaName(p)),
    seriesKey: pokja.map((p) => Math.max(0, L.model.pokja.findIndex((x) => x.id === p))),
    bars: cats.map((c) => {
      const values = pokja.map((p) => c.value(p));
      const total = values.reduce((a, x) => a + x, 0);
      return { label: c.label, values, texts: values.map(digits), total, totalText: digits(total) };
    }),
    headers: { label: b.dimensions, total: b.total },
  });
  const out: ChartBlock[] = [];
  if (r.years.length > 0) {
    const pokja = r.pokja.filter((p) => r.byYear.has(p));
    out.push(stacked(b.chartBudgetByYear, pokja, r.years.map((y) => ({ label: String(y), value: (p) => r.byYear.get(p)?.get(y) ?? 0 }))));
  }
  if (r.sources.length > 0) {
    out.push(stacked(b.chartBudgetBySource, r.pokja, r.sources.map((s) => ({ label: s, value: (p) => r.bySource.get(p)?.get(s) ?? 0 }))));
  }
  return out;
}
