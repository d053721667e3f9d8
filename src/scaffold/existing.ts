// What `init` must respect in a folder that already holds a masterplan: its Pokja list (a custom
// `pokja:` in masterplan.yaml), its catalog path, and which Pokja × stage already has a worksheet
// (read from each worksheet's own `pokja` and `stage` fields, whatever the file is called).
// Reads through the load stage; never writes.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Collector } from '../diagnostics/collector.js';
import { CONFIG_FILE, loadProject } from '../load/load-project.js';
import type { SourceFile } from '../source/source-file.js';
import { buildModel } from '../model/build-model.js';
import type { Lang, Pokja, StageNo } from '../model/types.js';

export interface ExistingMasterplan {
  /** masterplan.yaml does not parse: its Pokja and catalog path are unknown, so none is written. */
  configUnreadable: boolean;
  /** The Pokja as the masterplan configures them (the six defaults when it lists none). */
  pokja: readonly Pokja[];
  /** The catalog path masterplan.yaml sets (default rpjmd.yaml). */
  rpjmdRel: string;
  /** `stage\0pokja` → the first worksheet already holding that Pokja × stage. */
  covered: Map<string, string>;
  /** Pokja id → the folder under pokja/ its worksheets already live in. */
  folders: Map<string, string>;
  /** Folders under pokja/ holding a worksheet whose Pokja or stage cannot be read → that file. */
  unreadable: Map<string, string>;
}

export const coverKey = (stage: StageNo, pokja: string) => `${stage}\0${pokja}`;

/** undefined when `root` holds no masterplan.yaml (a new repository). */
export function readExisting(root: string, lang: Lang): ExistingMasterplan | undefined {
  const config = join(root, CONFIG_FILE);
  if (!existsSync(config) || !statSync(config).isFile()) return undefined;
  const project = loadProject(root, new Collector());
  const { model } = buildModel({ root, config: project.config, worksheets: [], language: lang });
  const configUnreadable = project.config.fatal;
  const existing: ExistingMasterplan = {
    configUnreadable,
    pokja: configUnreadable ? [] : model.pokja,
    rpjmdRel: project.rpjmdRel,
    covered: new Map(),
    folders: new Map(),
    unreadable: new Map(),
  };
  for (const w of project.worksheets) {
    const folder = w.rel.split('/')[1];
    const { pokja, stage } = identify(w);
    if (pokja === undefined || stage === undefined) {
      if (!existing.unreadable.has(folder)) existing.unreadable.set(folder, w.rel);
      continue;
    }
    if (!existing.covered.has(coverKey(stage, pokja))) existing.covered.set(coverKey(stage, pokja), w.rel);
    if (!existing.folders.has(pokja)) existing.folders.set(pokja, folder);
  }
  return existing;
}

/** A worksheet's Pokja and stage: from its data, or, when it does not parse, from its top-level lines. */
function identify(w: SourceFile): { pokja?: string; stage?: StageNo } {
  let pokja: unknown;
  let stage: unknown;
  if (!w.fatal && w.data !== null && typeof w.data === 'object' && !Array.isArray(w.data)) {
    ({ pokja, stage } = w.data as Record<string, unknown>);
  } else {
    const text = w.source.text;
    pokja = /^pokja:[ \t]*["']?([A-Za-z0-9_.-]+)["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
    const s = /^stage:[ \t]*["']?([1-4])["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
    stage = s === undefined ? undefined : Number(s);
  }
  return {
    pokja: typeof pokja === 'string' && pokja !== '' ? pokja : undefined,
    stage: stage === 1 || stage === 2 || stage === 3 || stage === 4 ? stage : undefined,
  };
}
