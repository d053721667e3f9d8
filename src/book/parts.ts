// The region-level parts (umum/) as sections of the book layout: front matter (foreword with
// its signature block, team, commitment page), the opening chapters of Buku I (introduction,
// profile, vision), the closing chapters of Buku IV (governance, financing, closing) and the
// glossary appendix. FORMAT.md's "Additions to format 1" says which part goes where.

import type { Fact, Markdown, PartBase, PartName } from '../model/types.js';
import { financingTables } from './financing.js';
import { formatIsoDate, formatNumber } from './format.js';
import { ref, text } from './inline.js';
import type { Lookup } from './lookup.js';
import { section } from './section.js';
import type { Block, Section } from './types.js';

/** Stable anchor ids of the part sections (they cannot clash with the "buku-" chapter ids). */
export const PART_IDS: Record<PartName, string> = {
  foreword: 'kata-pengantar',
  team: 'tim-penyusun',
  summary: 'ringkasan-eksekutif',
  introduction: 'pendahuluan',
  profile: 'gambaran-umum',
  vision: 'visi-misi',
  governance: 'tata-kelola',
  financing: 'rencana-pembiayaan',
  closing: 'penutup',
  glossary: 'lampiran-istilah',
  commitment: 'lembar-komitmen',
};

function titleOf(part: PartBase | undefined, name: PartName, L: Lookup): string {
  return part?.title ?? L.loc.book.partTitles[name];
}

const texts = (list: readonly Markdown[], level: number, L: Lookup): Block[] => list.map((md) => ({ type: 'markdown', markdown: L.markdown(md), level }));

/** Foreword: its text and the signature block "Place, date" / name / position. */
export function forewordSection(L: Lookup, dateLine: string, level = 1): Section | undefined {
  const p = L.model.parts.foreword;
  if (!p) return undefined;
  const blocks = texts(p.texts, level, L);
  if (p.signed) blocks.push({ type: 'signatures', layout: 'single', dateLine, signers: [{ name: p.signed.name, position: p.signed.position }] });
  return section(PART_IDS.foreword, titleOf(p, 'foreword', L), level, blocks, [], { newPage: true });
}

export function teamSection(L: Lookup, level = 1): Section | undefined {
  const p = L.model.parts.team;
  if (!p) return undefined;
  const b = L.loc.book;
  const blocks = texts(p.texts, level, L);
  if (p.members.length > 0) {
    blocks.push({
      type: 'table',
      caption: titleOf(p, 'team', L),
      columns: [
        { label: b.number, width: 0.5, align: 'right' },
        { label: b.name, width: 3.5 },
        { label: b.role, width: 2 },
        { label: b.agency, width: 3.5 },
      ],
      rows: p.members.map((m, i) => ({
        cells: [
          { lines: [[text(String(i + 1))]], align: 'right' },
          { lines: [[text(m.name)]] },
          { lines: [[text(m.role ?? b.none)]] },
          { lines: [m.agency ? [L.opdRef(m.agency), text(L.index.opd.get(m.agency) ? ` ${L.index.opd.get(m.agency)!.name}` : '')] : [text(b.none)]] },
        ],
      })),
    });
  }
  return section(PART_IDS.team, titleOf(p, 'team', L), level, blocks, [], { newPage: true });
}

export function commitmentSection(L: Lookup, level = 1): Section | undefined {
  const p = L.model.parts.commitment;
  if (!p) return undefined;
  const blocks = texts(p.texts, level, L);
  if (p.statement) blocks.push({ type: 'markdown', markdown: L.markdown(p.statement), level });
  if (p.signatories.length > 0) {
    blocks.push({ type: 'signatures', layout: 'grid', signers: p.signatories.map((s) => ({ name: s.name, position: s.position })) });
  }
  return section(PART_IDS.commitment, titleOf(p, 'commitment', L), level, blocks, [], { newPage: true });
}

export function introductionSection(L: Lookup, level = 1): Section | undefined {
  const p = L.model.parts.introduction;
  if (!p) return undefined;
  const b = L.loc.book;
  const id = PART_IDS.introduction;
  const children: Section[] = [];
  const sub = (key: string, title: string, md: Markdown | undefined) => {
    if (md) children.push(section(`${id}-${key}`, title, level + 1, [{ type: 'markdown', markdown: L.markdown(md), level: level + 1 }]));
  };
  sub('latar-belakang', b.background, p.background);
  sub('maksud-tujuan', b.purpose, p.purpose);
  sub('ruang-lingkup', b.scope, p.scope);
  sub('metode', b.method, p.method);
  if (p.legalBasis.length > 0) {
    children.push(
      section(`${id}-dasar-hukum`, b.legalBasis, level + 1, [
        { type: 'list', ordered: true, items: p.legalBasis.map((l) => [text(b.legalBasisItem(l.type, l.number, l.year, l.title))]) },
      ]),
    );
  }
  return section(id, titleOf(p, 'introduction', L), level, texts(p.texts, level, L), children, { newPage: true });
}

export function profileSection(L: Lookup, level = 1): Section | undefined {
  const p = L.model.parts.profile;
  if (!p) return undefined;
  const b = L.loc.book;
  const blocks = texts(p.texts, level, L);
  const table = (caption: string, facts: Fact[]): Block => ({
    type: 'table',
    caption,
    columns: [
      { label: b.item, width: 3.5 },
      { label: b.value, width: 2, align: 'right' },
      { label: b.unit, width: 1.3 },
      { label: b.year, width: 0.8 },
      { label: b.source, width: 2.4 },
    ],
    rows: facts.map((f) => ({
      cells: [
        { lines: [[text(f.name)]] },
        { lines: [[text(typeof f.value === 'number' ? formatNumber(f.value, L.loc) : f.value)]], align: 'right' },
        { lines: [[text(f.unit ?? b.none)]] },
        { lines: [[text(f.year !== undefined ? String(f.year) : b.none)]] },
        { lines: [[text(f.source ?? b.none)]] },
      ],
    })),
  });
  if (p.facts.length > 0) blocks.push(table(b.facts, p.facts));
  if (p.ict.length > 0) blocks.push(table(b.ict, p.ict));
  return section(PART_IDS.profile, titleOf(p, 'profile', L), level, blocks, [], { newPage: true });
}

export function visionSection(L: Lookup, level = 1): Section | undefined {
  const p = L.model.parts.vision;
  if (!p) return undefined;
  const b = L.loc.book;
  const blocks: Block[] = [];
  if (p.vision) blocks.push({ type: 'paragraph', content: [{ type: 'text', text: `${b.vision}: `, strong: true }, text(p.vision)] });
  if (p.tagline) blocks.push({ type: 'paragraph', content: [{ type: 'text', text: `${b.tagline}: `, strong: true }, { type: 'text', text: p.tagline, emphasis: true }] });
  blocks.push(...texts(p.texts, level, L));
  if (p.missions.length > 0) {
    blocks.push({
      type: 'table',
      caption: b.smartMissions,
      columns: [
        { label: b.id, width: 1 },
        { label: b.mission, width: 5 },
        { label: b.rpjmdMissions, width: 3 },
      ],
      rows: p.missions.map((m) => ({
        id: m.id,
        header: true,
        cells: [
          { lines: [[text(m.id)]] },
          { lines: [[text(m.text)]] },
          { lines: m.rpjmd.length ? m.rpjmd.map((r) => [ref(r, `${r} ${L.index.missions.get(r)?.text ?? ''}`.trim())]) : [[text(b.none)]] },
        ],
      })),
    });
  }
  if (p.goals.length > 0) {
    blocks.push({
      type: 'table',
      caption: b.smartGoals,
      columns: [
        { label: b.id, width: 1 },
        { label: b.goal, width: 3.5 },
        { label: b.mission, width: 1 },
        { label: b.indicators, width: 4 },
      ],
      rows: p.goals.map((g) => ({
        id: g.id,
        header: true,
        cells: [
          { lines: [[text(g.id)]] },
          { lines: [[text(g.text)]] },
          { lines: [[g.mission ? ref(g.mission) : text(b.none)]] },
          {
            lines: g.indicators.length
              ? g.indicators.map((ind) => {
                  const n = (v: number | undefined) => (v === undefined ? '' : formatNumber(v, L.loc));
                  const values = ind.baseline !== undefined || ind.target !== undefined ? `: ${n(ind.baseline) || b.none} → ${n(ind.target) || b.none}` : '';
                  return [text(`${ind.name}${values}${ind.unit ? ' ' + ind.unit : ''}${ind.year !== undefined ? ` (${ind.year})` : ''}`)];
                })
              : [[text(b.none)]],
          },
        ],
      })),
    });
  }
  return section(PART_IDS.vision, titleOf(p, 'vision', L), level, blocks, [], { newPage: true });
}

export function governanceSection(L: Lookup, level = 1): Section | undefined {
  const p = L.model.parts.governance;
  if (!p) return undefined;
  const b = L.loc.book;
  const blocks: Block[] = texts(p.texts, level, L);
  for (const body of p.bodies) {
    const decree = body.decree ? b.decreeValue(body.decree.number, body.decree.date ? formatIsoDate(body.decree.date, L.loc) : undefined) : '';
    blocks.push({
      type: 'record',
      id: body.id,
      title: [text(body.name)],
      badge: body.id,
      fields: [
        ...(decree ? [{ label: b.decree, value: [text(decree)] }] : []),
        ...(body.members.length ? [{ label: b.members, value: { lines: body.members.map((m) => [text(b.memberLine(m.name, m.position, m.role))]) } }] : []),
      ],
    });
  }
  return section(PART_IDS.governance, titleOf(p, 'governance', L), level, blocks, [], { newPage: true });
}

export function financingSection(L: Lookup, level = 1): Section | undefined {
  const p = L.model.parts.financing;
  if (!p) return undefined;
  return section(PART_IDS.financing, titleOf(p, 'financing', L), level, [...texts(p.texts, level, L), ...financingTables(L)], [], { newPage: true });
}

export function closingSection(L: Lookup, level = 1): Section | undefined {
  const p = L.model.parts.closing;
  if (!p) return undefined;
  return section(PART_IDS.closing, titleOf(p, 'closing', L), level, texts(p.texts, level, L), [], { newPage: true });
}

/** The glossary appendix: the part's terms and every OPD id with its name, in alphabetical order. */
export function glossaryAppendix(L: Lookup, letter: string, level = 1): Section | undefined {
  const p = L.model.parts.glossary;
  if (!p) return undefined;
  const b = L.loc.book;
  const entries = [
    ...p.terms.map((t) => ({ term: t.term, meaning: t.meaning })),
    ...L.model.rpjmd.opd.filter((o) => !p.terms.some((t) => t.term === o.id)).map((o) => ({ term: o.id, meaning: o.name })),
  ].sort((x, y) => {
    const a = x.term.toLowerCase();
    const c = y.term.toLowerCase();
    return a < c ? -1 : a > c ? 1 : 0;
  });
  const title = p.title ? p.title : b.appendixGlossary(letter);
  const blocks: Block[] = [
    ...texts(p.texts, level, L),
    {
      type: 'table',
      caption: b.partTitles.glossary,
      columns: [
        { label: b.term, width: 2 },
        { label: b.meaning, width: 7 },
      ],
      rows: entries.map((e) => ({ header: true, cells: [{ lines: [[text(e.term)]] }, { lines: [[text(e.meaning)]] }] })),
    },
  ];
  const s = section(PART_IDS.glossary, title, level, blocks, [], { newPage: true });
  s.appendix = true;
  return s;
}
