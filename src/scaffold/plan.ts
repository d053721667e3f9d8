// What `masterplan init` writes, file by file: a new masterplan repository whose records are
// valid placeholders (it validates at once, with a warning for the one uncovered RPJMD program),
// the six Pokja × four stage worksheets with guidance comments, the schemas for the editor, and
// the git, CI and editor settings. In a folder that already holds a masterplan, its Pokja list
// and catalog path are followed, and a Pokja × stage that already has a worksheet (under any
// file name) gets none. Contents only: writing is write-files.ts.

import { yamlLib } from '../source/yaml-lib.js';
import type { Locale } from '../i18n/index.js';
import type { ScaffoldText } from '../i18n/scaffold-id.js';
import { DEFAULT_POKJA } from '../model/default-pokja.js';
import { PART_NAMES, STAGES, type Lang, type PartName, type Pokja, type StageNo } from '../model/types.js';
import { readSchema, SCHEMA_NAMES, schemaFile } from '../schemas/package-schemas.js';
import {
  GITHUB_WORKFLOW,
  GITIGNORE,
  HOOK_FILES,
  SCHEMA_FOLDER,
  schemaModeline,
  vscodeExtensions,
  vscodeSettings,
  WORKFLOW_PATH,
} from './ci-files.js';
import { coverKey, type ExistingMasterplan } from './existing.js';
import { masterplanYaml, partYaml, preCommitYaml, rpjmdYaml, worksheetYaml, type ScaffoldPokja, type ScaffoldProject } from './skeleton.js';

export interface ScaffoldOptions {
  region: string;
  lang: Lang;
  period: [number, number];
}

export interface PlannedFile {
  /** Relative to the new repository, `/` separators. */
  path: string;
  content: string;
  /** Not written: the worksheet already holding this Pokja × stage (or an unreadable one that may). */
  coveredBy?: string;
}

/** Worksheet file names per stage (as in examples/banggai). */
export const STAGE_FILES: Record<StageNo, string> = {
  1: '1-analisis.yaml',
  2: '2-program-opd.yaml',
  3: '3-inovasi.yaml',
  4: '4-peta-jalan.yaml',
};

/** File names of the umum/ parts (as in examples/banggai). */
export const PART_FILES: Record<PartName, string> = {
  foreword: 'kata-pengantar.yaml',
  team: 'tim.yaml',
  summary: 'ringkasan.yaml',
  introduction: 'pendahuluan.yaml',
  profile: 'profil.yaml',
  vision: 'visi.yaml',
  governance: 'tata-kelola.yaml',
  financing: 'pembiayaan.yaml',
  closing: 'penutup.yaml',
  glossary: 'istilah.yaml',
  commitment: 'komitmen.yaml',
};

/** A YAML scalar for a user-given text: plain when safe, quoted otherwise, never folded. */
const scalar = (s: string) => yamlLib().stringify(s, { lineWidth: 0 }).trimEnd();

/** GOV, BRA, ECO, LIV, SOC, ENV: the short code used in example ids. */
function pokjaCode(id: string): string {
  return id.replace(/^smart-/, '').replace(/[^A-Za-z0-9]/g, '').slice(0, 3).toUpperCase() || 'POK';
}

/** A Pokja id usable as a folder name (the id pattern of the schemas: no `/`, no leading dot). */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The Pokja to scaffold, each with a code unique among them (example ids must not collide). */
function scaffoldPokja(list: readonly Pokja[]): ScaffoldPokja[] {
  const used = new Set<string>();
  const out: ScaffoldPokja[] = [];
  for (const p of list) {
    if (!SAFE_ID.test(p.id) || out.some((q) => q.id === p.id)) continue;
    const base = pokjaCode(p.id);
    let code = base;
    for (let n = 2; used.has(code); n++) code = `${base}${n}`;
    used.add(code);
    out.push({ id: p.id, name: p.name, elements: p.elements.map((e) => ({ id: e.id, name: e.name })), code });
  }
  return out;
}

/** One umum/ part: its template with its texts (typed together through P). */
function partContent<P extends PartName>(part: P, v: ScaffoldProject, s: ScaffoldText): string {
  return partYaml[part](v, s.parts[part]);
}

export function scaffoldPlan(opts: ScaffoldOptions, loc: Locale, existing?: ExistingMasterplan): PlannedFile[] {
  const s = loc.scaffold;
  const [first, last] = opts.period;
  // The RPJMD usually starts a year before the masterplan (Banggai: RPJMD 2021–2026, masterplan 2022–2031).
  const rpjmdFirst = Math.max(1900, first - 1);
  const pokja = scaffoldPokja(existing?.pokja ?? DEFAULT_POKJA);
  const rpjmdRel = existing?.rpjmdRel ?? 'rpjmd.yaml';
  const project = {
    lang: opts.lang,
    region: opts.region,
    regionYaml: scalar(opts.region),
    titleYaml: scalar(`Masterplan Smart City ${opts.region}`),
    yaml: scalar,
    period: opts.period,
    rpjmdPeriod: [rpjmdFirst, Math.min(2200, rpjmdFirst + 5)] as [number, number],
    pokja,
  };
  const year = Math.min(first + 1, last);
  const yearEnd = Math.min(year + 2, last);

  const files: PlannedFile[] = [{ path: 'masterplan.yaml', content: `${schemaModeline(0, 'masterplan')}\n${masterplanYaml(project, s.masterplan)}` }];
  // An unreadable masterplan.yaml may name another catalog path (and Pokja): neither is guessed.
  if (!existing?.configUnreadable) {
    files.push({ path: rpjmdRel, content: `${schemaModeline(rpjmdRel.split('/').length - 1, 'rpjmd')}\n${rpjmdYaml(project, s.rpjmd)}` });
  }
  for (const p of pokja) {
    // New worksheets go next to the Pokja's existing ones.
    const folder = existing?.folders.get(p.id) ?? p.id;
    for (const stage of STAGES) {
      const coveredBy = existing?.covered.get(coverKey(stage, p.id)) ?? existing?.unreadable.get(folder);
      files.push({
        path: `pokja/${folder}/${STAGE_FILES[stage]}`,
        content: `${schemaModeline(2, `stage-${stage}`)}\n${worksheetYaml[stage]({ pokja: p, year, yearEnd }, s)}`,
        ...(coveredBy !== undefined ? { coveredBy } : {}),
      });
    }
  }
  // The region-level parts under umum/ (FORMAT.md, "Additions to format 1").
  for (const part of PART_NAMES) {
    files.push({ path: `umum/${PART_FILES[part]}`, content: `${schemaModeline(1, `umum-${part}`)}\n${partContent(part, project, s)}` });
  }
    for (const name of SCHEMA_NAMES) files.push({ path: `${SCHEMA_FOLDER}/${schemaFile(name)}`, content: readSchema(name) });
  files.push(
    { path: '.gitignore', content: GITIGNORE },
    { path: '.vscode/settings.json', content: vscodeSettings() },
    { path: '.vscode/extensions.json', content: vscodeExtensions() },
    { path: '.pre-commit-config.yaml', content: preCommitYaml({ files: HOOK_FILES }, s.preCommit) },
    { path: WORKFLOW_PATH, content: GITHUB_WORKFLOW },
  );
  return files;
}
