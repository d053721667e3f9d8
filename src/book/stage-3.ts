// Book III (Inovasi Pokja): priority sectors with their development goals, then every
// innovation with all its fields and the chain back to the RPJMD mission.

import type { Chapter, Innovation } from '../model/types.js';
import { formatMoney, formatNumber, formatPeriod } from './format.js';
import { joined, ref, text } from './inline.js';
import type { Lookup } from './lookup.js';
import { section } from './section.js';
import type { Block, Facet, Field, Inline, Section } from './types.js';

export function stage3Sections(c: Chapter, level: number, base: string, L: Lookup): Section[] {
  const b = L.loc.book;
  const out: Section[] = [];
  if (c.sectors.length > 0) {
    out.push(
      section(`${base}-sektor`, b.sectors, level, [
        {
          type: 'table',
          caption: `${b.sectors} — ${L.pokjaName(c.pokja)}`,
          columns: [
            { label: b.sector, width: 2.5 },
            { label: b.developmentGoal, width: 3.5 },
            { label: b.rpjmdPrograms, width: 2 },
            { label: b.innovationCount, width: 2.5 },
          ],
          rows: c.sectors.map((s) => ({
            id: s.id,
            header: true,
            cells: [
              { lines: [[text(s.name)], [text(s.id)]] },
              { lines: [[text(s.goal)]] },
              { lines: s.rpjmd.map((p) => [ref(p)]) },
              { lines: (L.index.innovationsBySector.get(s.id) ?? []).map((i) => [L.innovationRef(i.id)]) },
            ],
          })),
        },
      ]),
    );
  }
  if (c.innovations.length > 0) {
    out.push(section(`${base}-inovasi`, b.innovations, level, c.innovations.map((i) => innovationRecord(i, L))));
  }
  return out;
}

export function innovationRecord(i: Innovation, L: Lookup): Block {
  const b = L.loc.book;
  const fields: Field[] = [];
  if (i.description) fields.push({ label: b.description, value: { markdown: L.markdown(i.description) } });
  const sector = L.index.sectors.get(i.sector);
  fields.push({ label: b.sector, value: [ref(i.sector, sector ? sector.name : i.sector)] });
  fields.push({ label: b.element, value: [text(L.elementName(i.pokja, i.element))] });
  fields.push({ label: b.chain, value: { lines: i.rpjmd.map((p) => L.chain(p)) } });
  fields.push({ label: b.leadOpd, value: opdWithName(i.opd, L) });
  if (i.partners.length) fields.push({ label: b.partners, value: joined(i.partners.map((p) => [L.opdRef(p)])) });
  if (i.quickWin) {
    const q = L.index.quickWins.get(i.quickWin);
    fields.push({ label: b.quickWin, value: [ref(i.quickWin, q ? `${q.id} ${q.title}` : i.quickWin)] });
  }
  fields.push({ label: b.horizon, value: [text(b.horizons[i.horizon])] });
  if (i.action) fields.push({ label: b.action, value: [text(b.actions[i.action])] });
  fields.push({ label: b.years, value: [text(formatPeriod(i.years))] });
  if (i.indicators.length) {
    fields.push({
      label: b.indicators,
      value: {
        lines: i.indicators.map((ind) => {
          const target = ind.target !== undefined ? `: ${formatNumber(ind.target, L.loc)}${ind.unit ? ' ' + ind.unit : ''}` : '';
          return [text(`${ind.name}${target}${ind.year !== undefined ? ` (${ind.year})` : ''}`)];
        }),
      },
    });
  }
  if (i.budget) fields.push({ label: b.budget, value: [text(b.budgetValue(formatMoney(i.budget.estimate, L.loc), i.budget.source))] });
  if (i.budget && i.budget.perYear.length) {
    fields.push({ label: b.budgetPerYear, value: { lines: i.budget.perYear.map((y) => [text(`${y.year}: ${formatMoney(y.value, L.loc)}`)]) } });
  }
  const roadmap = [...(L.index.roadmapByInnovation.get(i.id) ?? [])].sort((x, y) => x.year - y.year);
  if (roadmap.length) {
    fields.push({ label: b.roadmap, value: { lines: roadmap.map((e) => [text(`${e.year}: ${e.milestone}`)]) } });
  }
  const facets: Facet[] = [
    { key: 'pokja', label: L.loc.render.filterPokja, value: i.pokja, text: L.pokjaName(i.pokja) },
    { key: 'element', label: b.element, value: `${i.pokja}/${i.element}`, text: L.elementName(i.pokja, i.element) },
    { key: 'horizon', label: b.horizon, value: i.horizon, text: b.horizons[i.horizon] },
    ...(i.action ? [{ key: 'action' as const, label: b.action, value: i.action, text: b.actions[i.action] }] : []),
    { key: 'opd', label: b.leadOpd, value: i.opd, text: L.index.opd.get(i.opd)?.name ?? i.opd },
  ];
  return { type: 'record', id: i.id, title: [text(i.title)], badge: i.id, fields, find: { kind: 'innovation', facets } };
}

function opdWithName(id: string, L: Lookup): Inline[] {
  const name = L.index.opd.get(id)?.name;
  return name ? [L.opdRef(id), text(` — ${name}`)] : [L.opdRef(id)];
}
