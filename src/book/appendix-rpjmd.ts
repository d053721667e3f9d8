// Appendix A: the RPJMD catalog — vision, misi, tujuan, sasaran, programs with their indicators
// and the innovations linked to them, and the OPD. Every record is anchored here by its id.

import { formatPeriod } from './format.js';
import { joined, ref, text } from './inline.js';
import type { Lookup } from './lookup.js';
import { section } from './section.js';
import { indicatorTable } from './stage-1.js';
import type { Block, Section } from './types.js';

export function rpjmdAppendix(id: string, level: number, L: Lookup): Section {
  const b = L.loc.book;
  const r = L.model.rpjmd;
  const children: Section[] = [];
  children.push(
    section(`${id}-misi`, b.missions, level + 1, [
      {
        type: 'table',
        caption: `${b.missions} RPJMD ${formatPeriod(r.period)}`,
        columns: [
          { label: b.id, width: 0.8 },
          { label: b.mission, width: 6 },
          { label: b.dimensions, width: 2.2 },
        ],
        rows: r.missions.map((m) => ({
          id: m.id,
          header: true,
          cells: [
            { lines: [[text(m.id)]] },
            { lines: [[text(m.text)]] },
            { lines: m.pokja.map((p) => [text(L.pokjaName(p))]) },
          ],
        })),
      },
    ]),
  );
  // Tujuan and sasaran: the same table, each record linked up to its parent in the chain.
  const chainTable = (anchor: string, title: string, label: string, parentLabel: string, records: { id: string; text: string; parent: string }[]) =>
    section(`${id}-${anchor}`, title, level + 1, [
      {
        type: 'table',
        caption: title,
        columns: [
          { label: b.id, width: 1 },
          { label, width: 6 },
          { label: parentLabel, width: 0.9 },
        ],
        rows: records.map((x) => ({ id: x.id, header: true, cells: [{ lines: [[text(x.id)]] }, { lines: [[text(x.text)]] }, { lines: [[ref(x.parent)]] }] })),
      },
    ]);
  children.push(chainTable('tujuan', b.goals, b.goal, b.mission, r.goals.map((g) => ({ id: g.id, text: g.text, parent: g.mission }))));
  children.push(chainTable('sasaran', b.targets, b.target, b.goal, r.targets.map((t) => ({ id: t.id, text: t.text, parent: t.goal }))));
  children.push(
    section(`${id}-program`, b.programs, level + 1, [
      {
        type: 'table',
        caption: b.programs,
        columns: [
          { label: b.id, width: 1 },
          { label: b.program, width: 3.2 },
          { label: b.code, width: 1.1 },
          { label: b.target, width: 1.1 },
          { label: b.opd, width: 1.6 },
          { label: b.relatedInnovations, width: 2.2 },
        ],
        rows: r.programs.map((p) => {
          const innovations = L.index.innovationsByProgram.get(p.id) ?? [];
          return {
            id: p.id,
            header: true,
            find: { kind: 'program' as const, title: p.name },
            tone: innovations.length === 0 ? ('warning' as const) : undefined,
            cells: [
              { lines: [[text(p.id)]] },
              { lines: [[text(p.name)], ...(p.sector ? [[{ type: 'text' as const, text: p.sector, emphasis: true }]] : [])] },
              { lines: [[text(p.code ?? b.none)]] },
              { lines: [[ref(p.target)]] },
              { lines: [joined(p.opd.map((o) => [L.opdRef(o)]))] },
              { lines: innovations.length ? innovations.map((i) => [ref(i.id)]) : [[text(b.notCovered)]], tone: innovations.length ? undefined : ('warning' as const) },
            ],
          };
        }),
      },
    ]),
  );
  const withIndicators = r.programs.filter((p) => p.indicators.length > 0);
  if (withIndicators.length > 0) {
    children.push(
      section(
        `${id}-indikator`,
        b.programIndicators,
        level + 1,
        withIndicators.map((p) => indicatorTable(p.id, L, `${p.id} ${p.name}`)),
      ),
    );
  }
  children.push(
    section(`${id}-opd`, b.opdList, level + 1, [
      {
        type: 'table',
        caption: b.opdList,
        columns: [
          { label: b.id, width: 1.4 },
          { label: b.name, width: 5 },
          { label: b.innovationCount, width: 2.5 },
        ],
        rows: r.opd.map((o) => ({
          id: o.id,
          header: true,
          cells: [
            { lines: [[text(o.id)]] },
            { lines: [[text(o.name)]] },
            { lines: (L.index.innovationsByOpd.get(o.id) ?? []).map((i) => [ref(i.id)]) },
          ],
        })),
      },
    ]),
  );
  const vision: Block[] = [{ type: 'paragraph', content: [text(`${b.vision}: `), { type: 'text', text: `“${r.vision}”`, emphasis: true }] }];
  return section(id, `${b.appendixRpjmd} ${formatPeriod(r.period)}`, level, vision, children, { newPage: true });
}
