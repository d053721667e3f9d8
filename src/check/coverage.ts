// Coverage warnings: a Pokja without a worksheet for a stage, an RPJMD program no innovation
// links to, an innovation with no roadmap entry.

import type { Collector } from '../diagnostics/collector.js';
import { m } from '../diagnostics/message.js';
import type { Masterplan } from '../model/types.js';
import { at } from './references.js';

export function checkCoverage(model: Masterplan, out: Collector, configFile: string): void {
  for (const book of model.books) {
    for (const c of book.chapters) {
      if (c.files.length > 0) continue;
      const pokja = model.pokja.find((p) => p.id === c.pokja);
      const src = pokja?.src ? at(pokja.src, 'id') : { file: configFile, path: [] };
      // Any worksheet may have held this Pokja × stage before its pokja or stage changed.
      out.at(src, 'missing-worksheet', m.missingWorksheet(c.pokja, book.stage), { firstLine: true, origins: out.origins.worksheets });
    }
  }
  // The same gaps the traceability matrix shows (model/record-index.ts), reported where defined.
  for (const p of model.index.uncoveredPrograms()) out.at(at(p.src, 'id'), 'uncovered-program', m.uncoveredProgram(p.id), { origins: out.origins.stage(3) });
  for (const inn of model.index.unplannedInnovations()) {
    out.at(at(inn.src, 'id'), 'unplanned-innovation', m.unplannedInnovation(inn.id), { origins: out.origins.stage(4) });
  }
}
