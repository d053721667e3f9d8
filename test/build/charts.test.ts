// Charts drawn from the data (src/book/charts.ts), in the example's books: the roadmap timeline
// (one bar per innovation across its years, its stage-4 milestones marked with their year,
// grouped by Pokja) per Pokja in Buku IV and for all innovations in the masterplan and the
// summary; coverage bars; budget stacked bars. Checked against the model, structurally in the
// HTML (parse5: SVG bars, their data attributes, the data table, the list of figures) and read
// back from the PDF (pdfjs: labels and years on the chart's page, the list of figures).

import { reindexed } from '../../src/model/record-index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBooks } from '../../src/book/build-book.js';
import { Lookup } from '../../src/book/lookup.js';
import { financingRecap } from '../../src/book/financing.js';
import { locale } from '../../src/i18n/index.js';
import { allInnovations, allRoadmap } from '../../src/model/walk.js';
import { traceability } from '../../src/model/traceability.js';
import { checkProject } from '../../src/pipeline.js';
import { loadTemplate, renderBook } from '../../src/render/html/index.js';
import { EPOCH, EXAMPLE } from '../helpers/build.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { removeTemps, tempDir } from '../helpers/fixtures.js';
import { attr, byId, byTag, descendants, hasClass, parsePage, readPage, textOf, type Element, type Page } from '../helpers/html.js';
import { readPdf, type PdfInfo } from '../helpers/pdf.js';

const { model } = checkProject(EXAMPLE);
const innovations = allInnovations(model);
const roadmap = allRoadmap(model);
const milestoneYears = (id: string) => roadmap.filter((e) => e.innovation === id).map((e) => e.year).sort((a, b) => a - b);
/** The bars a timeline must have: innovations by Pokja in configured order. */
const expectedBars = (pokja?: string) =>
  model.pokja
    .filter((p) => pokja === undefined || p.id === pokja)
    .flatMap((p) => innovations.filter((i) => i.pokja === p.id))
    .map((i) => ({ id: i.id, from: i.years[0], to: i.years[1], milestones: milestoneYears(i.id) }));

const html = new Map<string, Page>();
const pdf = new Map<string, PdfInfo>();

beforeAll(async () => {
  const out = join(tempDir(), 'out');
  const r = await runCli(['build', EXAMPLE, '--out', out, '--format', 'all'], { cwd: REPO_ROOT, env: { SOURCE_DATE_EPOCH: EPOCH } });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  for (const f of ['buku-4', 'masterplan', 'ringkasan']) {
    html.set(f, readPage(join(out, `${f}.html`)));
    pdf.set(f, await readPdf(readFileSync(join(out, `${f}.pdf`))));
  }
}, 120_000);

afterAll(async () => {
  for (const p of pdf.values()) await p.close();
  removeTemps();
});

const charts = (scope: Page | Element, kind: string) =>
  byTag(scope, 'figure').filter((f) => hasClass(f, 'chart') && attr(f, 'data-kind') === kind);

/** The bars of an SVG timeline, as the test expects them. */
function svgBars(figure: Element) {
  return descendants(figure)
    .filter((e) => e.tagName === 'g' && hasClass(e, 'chart-bar'))
    .map((g) => ({
      id: attr(g, 'data-id'),
      from: Number(attr(g, 'data-from')),
      to: Number(attr(g, 'data-to')),
      milestones: descendants(g)
        .filter((m) => m.tagName === 'g' && hasClass(m, 'chart-milestone'))
        .map((m) => Number(attr(m, 'data-year'))),
    }));
}

/** The figure's SVG is an image named by its title, which says the figure number and caption. */
function svgName(page: Page, figure: Element): string {
  const svg = byTag(figure, 'svg')[0];
  expect(attr(svg, 'role')).toBe('img');
  const title = byId(page, attr(svg, 'aria-labelledby')!)!;
  expect(title.tagName).toBe('title');
  return textOf(title);
}

const listOfFigures = (page: Page) => byTag(byId(page, '_figures')!, 'a').map((a) => [attr(a, 'href'), textOf(a).replace(/\s+/g, ' ').trim()]);

describe('the roadmap timeline', () => {
  it('Buku IV: one per Pokja in its roadmap section, a bar per innovation across its years, its milestones with their year', () => {
    const page = html.get('buku-4')!;
    const pokja = model.pokja.filter((p) => innovations.some((i) => i.pokja === p.id));
    expect(pokja.length).toBeGreaterThan(3);
    for (const p of pokja) {
      const section = byId(page, `buku-4-${p.id}-peta-jalan`)!;
      expect(section, p.id).toBeDefined();
      const [figure, ...more] = charts(section, 'timeline');
      expect(more, p.id).toHaveLength(0);
      expect(svgBars(figure), p.id).toEqual(expectedBars(p.id));
      // Grouped by Pokja: the one group is this Pokja; the axis is the masterplan period.
      const groups = descendants(figure).filter((e) => e.tagName === 'g' && hasClass(e, 'chart-group'));
      expect(groups.map((g) => attr(g, 'data-label'))).toEqual([p.name]);
      const axis = descendants(figure).find((e) => e.tagName === 'g' && hasClass(e, 'chart-axis'))!;
      const years = byTag(axis, 'text').map(textOf);
      expect(years[0]).toBe(String(model.period[0]));
      expect(years.at(-1)).toBe(String(model.period[1]));
      // The milestone years are written on the chart, not only placed.
      const written = descendants(figure).filter((m) => m.tagName === 'g' && hasClass(m, 'chart-milestone')).map((m) => textOf(byTag(m, 'text')[0]));
      expect(written).toEqual(expectedBars(p.id).flatMap((b) => b.milestones.map(String)));
      // Numbered as a figure, named so, with a data table in a <details>.
      expect(svgName(page, figure)).toMatch(new RegExp(`^Gambar \\d+\\.\\d+ Linimasa Inovasi — ${p.name}$`));
      const details = byTag(figure, 'details')[0];
      const rows = byTag(byTag(details, 'table')[0], 'tr').filter((tr) => byTag(tr, 'td').length > 0);
      expect(rows.map((tr) => textOf(byTag(tr, 'th')[0]).split(' ')[0])).toEqual(expectedBars(p.id).map((b) => b.id));
    }
  });

  it('the masterplan and the summary: every innovation, grouped by Pokja', () => {
    for (const f of ['masterplan', 'ringkasan']) {
      const all = charts(html.get(f)!, 'timeline').filter((fig) => svgName(html.get(f)!, fig).endsWith('Semua Pokja'));
      expect(all, f).toHaveLength(1);
      expect(svgBars(all[0]), f).toEqual(expectedBars());
      expect(svgBars(all[0]).length).toBe(innovations.length);
    }
  });

  it('in the PDF: the innovation ids, the axis years and the milestone years on the chart page', async () => {
    const book = pdf.get('buku-4')!;
    const page = html.get('buku-4')!;
    for (const p of model.pokja.filter((x) => innovations.some((i) => i.pokja === x.id))) {
      const figure = charts(byId(page, `buku-4-${p.id}-peta-jalan`)!, 'timeline')[0];
      const n = await book.destinationPage(attr(figure, 'id')!);
      expect(n, p.id).toBeDefined();
      // The chart is the first thing of the roadmap section: its page holds its bars (and the grid table after it).
      const items = book.items[n!].map((i) => i.str.trim()).filter(Boolean);
      const text = book.text[n!];
      expect(text).toContain(svgName(page, figure));
      for (const bar of expectedBars(p.id)) {
        expect(items.some((s) => s.startsWith(`${bar.id} `) || s === bar.id), `${p.id} ${bar.id}`).toBe(true);
      }
      for (let y = model.period[0]; y <= model.period[1]; y++) expect(items, `${p.id} ${y}`).toContain(String(y));
      // Each milestone year is written once on the chart besides the axis and the tables: count them.
      const drawnYears = book.items[n!].filter((i) => /^\d{4}$/.test(i.str.trim()) && i.height < 7).map((i) => Number(i.str));
      expect(drawnYears.sort((a, b) => a - b), p.id).toEqual(expectedBars(p.id).flatMap((b) => b.milestones).sort((a, b) => a - b));
    }
  });
});

describe('coverage and budget charts', () => {
  const L = new Lookup(model, locale(model.language));

  it('the summary: programs covered per mission and innovations per Pokja, bars with values', () => {
    const page = html.get('ringkasan')!;
    const bars = charts(page, 'bars');
    expect(bars).toHaveLength(2);
    const values = (f: Element) =>
      descendants(f)
        .filter((g) => g.tagName === 'g' && hasClass(g, 'chart-value'))
        .map((g) => [attr(g, 'data-label'), Number(attr(g, 'data-value')), textOf(byTag(g, 'text').at(-1)!)]);
    const t = traceability(L.model);
    expect(values(bars[0])).toEqual(
      t.missions.filter((m) => m.programs > 0).map((m) => [`Misi ${m.id}: ${m.text}`, Math.round((m.covered / m.programs) * 100), `${m.covered} dari ${m.programs} (${Math.round((m.covered / m.programs) * 100)}%)`]),
    );
    expect(values(bars[1])).toEqual(model.pokja.map((p) => [p.name, innovations.filter((i) => i.pokja === p.id).length, String(innovations.filter((i) => i.pokja === p.id).length)]));
  });

  it('Buku IV: budget per year and per source as stacked bars by Pokja, totals matching the recap', () => {
    const page = html.get('buku-4')!;
    const r = financingRecap(L);
    const [byYear, bySource] = charts(page, 'stacked');
    const totals = (f: Element) =>
      descendants(f)
        .filter((g) => g.tagName === 'g' && hasClass(g, 'chart-value'))
        .map((g) => [attr(g, 'data-label'), Number(attr(g, 'data-value'))]);
    expect(totals(byYear)).toEqual(r.years.map((y) => [String(y), [...r.byYear.values()].reduce((a, m) => a + (m.get(y) ?? 0), 0)]));
    expect(totals(bySource)).toEqual(r.sources.map((s) => [s, [...r.bySource.values()].reduce((a, m) => a + (m.get(s) ?? 0), 0)]));
    // Each segment is one Pokja with its amount; the key names every Pokja with its pattern.
    const segments = descendants(bySource).filter((e) => hasClass(e, 'chart-segment'));
    expect(segments.reduce((a, s) => a + Number(attr(s, 'data-value')), 0)).toBe(r.total);
    for (const s of segments) expect(attr(s, 'fill')).toMatch(/^url\(#gambar-[\w-]+-p\d+\)$/);
  });
});

describe('charts are numbered figures', () => {
  it('listed in the list of figures, counted with the images, in HTML and PDF', async () => {
    for (const f of ['buku-4', 'masterplan', 'ringkasan']) {
      const page = html.get(f)!;
      const figures = byTag(page, 'figure').filter((x) => hasClass(x, 'chart'));
      const listed = listOfFigures(page);
      for (const fig of figures) expect(listed, f).toContainEqual([`#${attr(fig, 'id')}`, svgName(page, fig)]);
      // The numbers count per chapter: 1, 2, … with images and charts in one count.
      const numbers = listed.map(([, t]) => t!.split(' ')[1]);
      expect(new Set(numbers).size, f).toBe(numbers.length);
      const front = pdf.get(f)!.text.slice(0, 12).join(' ');
      for (const fig of figures) expect(front, f).toContain(svgName(page, fig));
    }
    // In Buku IV the Smart Living chapter has an image before its chart: Gambar 4.1 is the image, 4.2 the chart.
    const b4 = listOfFigures(html.get('buku-4')!).map(([, t]) => t);
    expect(b4).toContain('Gambar 1.1 Linimasa Inovasi — Smart Governance');
    expect(b4.findIndex((t) => t!.startsWith('Gambar 4.2 Linimasa'))).toBe(b4.findIndex((t) => t!.startsWith('Gambar 4.1 ')) + 1);
  });
});

describe('an innovation not in the roadmap yet', () => {
  it('keeps its bar, drawn as a gap (dashed, named so in its title and the data table), and the legend says so', () => {
    const m = checkProject(EXAMPLE).model;
    for (const book of m.books) for (const c of book.chapters) c.roadmap = c.roadmap.filter((e) => e.innovation !== 'INO-GOV-4');
    const doc = buildBooks(reindexed(m), { date: new Date(Date.UTC(2024, 2, 1)) }).find((d) => d.file === 'buku-4')!;
    const page = parsePage(renderBook(doc, { template: loadTemplate([]), books: [doc] }).html);
    const figure = charts(byId(page, 'buku-4-smart-governance-peta-jalan')!, 'timeline')[0];
    const bar = descendants(figure).find((g) => g.tagName === 'g' && attr(g, 'data-id') === 'INO-GOV-4')!;
    expect(hasClass(bar, 'chart-unplanned')).toBe(true);
    expect(descendants(bar).filter((e) => hasClass(e, 'chart-milestone'))).toHaveLength(0);
    expect(attr(byTag(bar, 'rect')[0], 'stroke-dasharray')).toBeDefined();
    expect(textOf(byTag(bar, 'title')[0])).toContain('(Inovasi yang belum masuk peta jalan)');
    const others = descendants(figure).filter((g) => g.tagName === 'g' && hasClass(g, 'chart-bar') && attr(g, 'data-id') !== 'INO-GOV-4');
    expect(others.some((g) => hasClass(g, 'chart-unplanned'))).toBe(false);
    const row = byTag(byTag(figure, 'table')[0], 'tr').find((tr) => textOf(tr).startsWith('INO-GOV-4'))!;
    expect(textOf(byTag(row, 'td').at(-1)!)).toBe('Inovasi yang belum masuk peta jalan');
    expect(textOf(descendants(figure).find((e) => hasClass(e, 'chart-legend'))!)).toContain('Batang bergaris putus');
  });
});
