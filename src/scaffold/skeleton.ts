// The skeleton of every YAML file `masterplan init` writes, once for all languages: the keys, the
// placeholder records, the commented examples and where each guidance comment goes. The words
// come from the language's text table (src/i18n/scaffold-id.ts, scaffold-en.ts): `t.…` below.
// `comment(t.…)` writes a (multi-line) text as comment lines; `pad` lines up a trailing comment
// after a language-dependent example value. The `# yaml-language-server: $schema=…` first line
// is added by plan.ts.

import type { ScaffoldText } from '../i18n/scaffold-id.js';
import type { Lang, PartName, StageNo } from '../model/types.js';

export interface ScaffoldPokja {
  id: string;
  name: string;
  elements: { id: string; name: string }[];
  /** Short code for example ids: GOV, BRA, ECO, LIV, SOC, ENV. */
  code: string;
}

export interface ScaffoldProject {
  lang: Lang;
  /** Region as a YAML scalar (quoted when needed) and as plain text for comments. */
  regionYaml: string;
  region: string;
  titleYaml: string;
  /** Any text as a YAML scalar (for texts that include the region). */
  yaml: (text: string) => string;
  period: [number, number];
  rpjmdPeriod: [number, number];
  pokja: ScaffoldPokja[];
}

export interface ScaffoldWorksheet {
  pokja: ScaffoldPokja;
  /** A year inside the masterplan period for examples, and the last year of a 3-year span. */
  year: number;
  yearEnd: number;
}

export interface PreCommitVars {
  /** The `files:` pattern of the hook: the worksheets validate reads. */
  files: string;
}

/** Each line of a text as a YAML comment line (`#` alone for an empty line). */
const comment = (text: string) =>
  text
    .split('\n')
    .map((line) => (line === '' ? '#' : `# ${line}`))
    .join('\n');

/** A language-dependent value padded so that the comment after it starts where it does in every language. */
const pad = (text: string, width: number) => `${text.padEnd(width)} `;

const elements = (p: ScaffoldPokja) => p.elements.map((e) => e.id).join(', ');

export function masterplanYaml(v: ScaffoldProject, t: ScaffoldText['masterplan']): string {
  return `#
${comment(t.intro(v.region))}

masterplan: 1                 # ${t.version}
region: ${v.regionYaml}
title: ${v.titleYaml}
period: [${v.period[0]}, ${v.period[1]}]          # ${t.period}
language: ${v.lang}                  # ${t.language}
rpjmd: rpjmd.yaml             # ${t.rpjmd}

${comment(t.cover)}
issuer: ${v.yaml(t.issuer(v.region))}   # ${t.issuerNote}
# agency: DISKOMINFO          # ${t.agencyNote}
# place: ${pad(t.placeExample, 20)}# ${t.placeNote}
# logo: ${pad(t.logoExample, 21)}# ${t.logoNote}
edition:
  status: draft               # ${t.statusNote}
  # date: ${v.period[0]}-04-28        # ${t.dateNote}
  # version: "0.1"
# books:                      # ${t.booksNote}
#   1: ${t.books[1]}
#   2: ${t.books[2]}
#   3: ${t.books[3]}
#   4: ${t.books[4]}

${comment(t.pokja)}
pokja:
${v.pokja
  .map(
    (p) => `  - id: ${p.id}
    name: ${p.name}
    # lead: DISKOMINFO
    # elements: ${elements(p)}`,
  )
  .join('\n')}
`;
}

export function rpjmdYaml(v: ScaffoldProject, t: ScaffoldText['rpjmd']): string {
  return `#
${comment(t.intro(v.region))}

period: [${v.rpjmdPeriod[0]}, ${v.rpjmdPeriod[1]}]          # ${t.period}
vision: ${v.yaml(t.vision(v.region))}

missions:                     # ${t.missions}
  - id: M1
    text: ${t.mission}
    pokja: [${v.pokja[0]?.id ?? 'smart-governance'}]    # ${t.missionPokja}

goals:                        # ${t.goals}
  - id: T1.1
    mission: M1
    text: ${t.goal}

targets:                      # ${t.targets}
  - id: S1.1.1
    goal: T1.1
    text: ${t.target}

programs:                     # ${t.programs}
  - id: PP-01
    name: ${t.program}
    target: S1.1.1            # ${t.programTarget}
    # code: "2.16.03"         # ${t.programCode}
    # sector: Komunikasi dan Informatika
    # opd: [DISKOMINFO]
    # indicators:
    #   - name: ${t.indicator}
    #     unit: ${t.indicatorUnit}
    #     baseline: 2.1
    #     targets: {${v.rpjmdPeriod[0] + 1}: 2.5, ${v.rpjmdPeriod[0] + 2}: 2.8}

opd:                          # ${t.opd}
  - id: DISKOMINFO
    name: Dinas Komunikasi dan Informatika
`;
}

/** The lines every worksheet starts with: which stage and book, the Pokja, what to do. */
function worksheetHead(
  v: ScaffoldWorksheet,
  stage: StageNo,
  t: ScaffoldText,
  opts: { elements: boolean },
): string {
  const s = t.stages[stage];
  return `#
${comment(s.title)}
# Pokja ${v.pokja.name}
#
${comment(s.intro)}
${opts.elements ? `${comment(t.worksheet.elementsOfPokja(elements(v.pokja)))}\n` : ''}${comment(t.worksheet.checkWith)}

pokja: ${v.pokja.id}
stage: ${stage}
status: draft                 # draft → review → final
# title: ${t.worksheet.titleExample}
`;
}

export const worksheetYaml: Record<StageNo, (v: ScaffoldWorksheet, t: ScaffoldText) => string> = {
  1: (v, t) => {
    const s = t.stages[1];
    return `${worksheetHead(v, 1, t, { elements: false })}
${comment(s.analysis)}
analysis: []
#   - program: PP-01
#     relevance: ${s.relevance}
#     renstra:                # ${s.renstra}
#       - opd: DISKOMINFO
#         program: Program Pengelolaan Aplikasi Informatika
#         code: "2.16.03"

${comment(s.readiness)}
readiness: {}
#   structure:
#     strengths: [${s.strength}]
#     weaknesses: [${s.weakness}]
#     opportunities: [${s.opportunity}]
#     threats: [${s.threat}]

${comment(s.issues)}
issues: []
#   - ${s.issue}

${comment(s.narrative)}
# narrative: |
#   ## ${s.narrativeHeading}
#
#   Program [PP-01](#PP-01) ${s.narrativeText}
`;
  },

  2: (v, t) => {
    const s = t.stages[2];
    const w = t.worksheet;
    return `${worksheetHead(v, 2, t, { elements: true })}
opd_programs: []
#   - opd: DISKOMINFO
#     program: Program Pengelolaan Aplikasi Informatika
#     code: "2.16.03"         # ${w.optional}
#     rpjmd: [PP-01]          # ${w.atLeastOneProgram}
#     element: ${v.pokja.elements[0]?.id ?? w.element}

quick_wins: []
#   - id: QW-${v.pokja.code}-1           # ${w.uniqueId}
#     title: ${s.quickWinTitle}
#     opd: DISKOMINFO
#     rpjmd: [PP-01]
#     year: ${v.year}                 # ${s.quickWinYear}
#     description: ${w.shortDescription}
`;
  },

  3: (v, t) => {
    const s = t.stages[3];
    const w = t.worksheet;
    return `${worksheetHead(v, 3, t, { elements: true })}
sectors: []
#   - id: SEK-${v.pokja.code}-1
#     name: ${s.sectorName}
#     goal: ${s.sectorGoal}
#     rpjmd: [PP-01]

innovations: []
#   - id: INO-${v.pokja.code}-1          # ${w.uniqueId}
#     title: ${s.innovationTitle}
#     description: ${w.shortDescription}
#     sector: SEK-${v.pokja.code}-1      # ${s.sector}
#     element: ${v.pokja.elements[0]?.id ?? w.element}
#     rpjmd: [PP-01]          # ${w.atLeastOneProgram}
#     opd: DISKOMINFO         # ${s.opd}
#     partners: []            # ${s.partners}
#     # quick_win: QW-${v.pokja.code}-1  # ${s.quickWin}
#     horizon: short          # ${s.horizon}
#     years: [${v.year}, ${v.yearEnd}]     # ${s.years}
#     indicators:             # ${w.optional}
#       - {name: ${s.indicator}, unit: ${s.indicatorUnit}, target: 1000, year: ${v.yearEnd}}
#     budget: {source: APBD, estimate: 250000000}   # APBD, APBN, DAK, BLUD, CSR, KPBU, lainnya
`;
  },

  4: (v, t) => {
    const s = t.stages[4];
    return `${worksheetHead(v, 4, t, { elements: false })}
roadmap: []
#   - innovation: INO-${v.pokja.code}-1
#     year: ${v.year}                 # ${s.year}
#     milestone: ${s.milestone}
#     opd: DISKOMINFO         # ${s.opd}

regulations: []
#   - title: Peraturan Bupati tentang Masterplan Smart City
#     year: ${v.year}
#     status: planned         # ${s.status}
`;
  },
};

/** The region-level parts under umum/, one file each. */
export const partYaml: { [P in PartName]: (v: ScaffoldProject, t: ScaffoldText['parts'][P]) => string } = {
  foreword: (v, t) => `#
${comment(t.intro)}

part: foreword
title: ${t.title}
narrative: |
  ${t.narrative}
# signed:
#   name: ${t.name}
#   position: ${t.position(v.region.replace(/^Kabupaten |^Kota /, ''))}
`,

  team: (_v, t) => `#
${comment(t.intro)}

part: team
members: []
#   - name: ${t.name}
#     role: ${t.role}
#     agency: DISKOMINFO
`,

  summary: (v, t) => `#
${comment(t.intro)}

part: summary
narrative: |
  ${t.narrative(v.region)}
`,

  introduction: (_v, t) => `#
${comment(t.intro)}

part: introduction
background: |
  ${t.background}
# purpose: ${t.purpose}
# scope: ${t.scope}
# method: ${t.method}
legal_basis:
  - type: Undang-Undang
    number: 23
    year: 2014
    title: Pemerintahan Daerah
  - type: Peraturan Presiden
    number: 95
    year: 2018
    title: Sistem Pemerintahan Berbasis Elektronik
`,

  profile: (v, t) => `#
${comment(t.intro)}

part: profile
facts: []
#   - {name: ${t.area}, value: 1234.5, unit: km², year: ${v.period[0]}, source: BPS}
ict: []
#   - {name: ${t.indicator}, value: 2.5, unit: ${t.indicatorUnit}, year: ${v.period[0]}, source: KemenPAN-RB}
`,

  vision: (v, t) => `#
${comment(t.intro)}

part: vision
vision: ${v.yaml(t.vision(v.region))}
# tagline: ${t.tagline}
missions:
  - id: MSC-1
    text: ${t.mission}
    rpjmd: [M1]
goals: []
#   - id: TSC-1
#     text: ${t.goal}
#     mission: MSC-1
#     indicators:
#       - {name: ${t.indicator}, unit: ${t.indicatorUnit}, baseline: 2.5, target: 3.0, year: ${v.period[1]}}
`,

  governance: (v, t) => `#
${comment(t.intro)}

part: governance
bodies: []
#   - id: DEWAN-SC
#     name: Dewan Smart City
#     decree: {number: "000/001/${v.period[0]}", date: ${v.period[0]}-05-02}
#     members:
#       - {name: ${t.name}, position: ${t.position}, role: ${t.role}}
`,

  financing: (_v, t) => `#
${comment(t.intro)}

part: financing
narrative: |
  ${t.narrative}
`,

  closing: (_v, t) => `#
${comment(t.intro)}

part: closing
narrative: |
  ${t.narrative}
`,

  glossary: (_v, t) => `#
${comment(t.intro)}

part: glossary
terms:
  - {term: RPJMD, meaning: ${t.rpjmd}}
  - {term: SPBE, meaning: ${t.spbe}}
`,

  commitment: (v, t) => `#
${comment(t.intro)}

part: commitment
statement: |
  ${t.statement(v.region)}
signatories: []
#   - {name: ${t.name}, position: ${t.position}}
`,
};

export function preCommitYaml(v: PreCommitVars, t: ScaffoldText['preCommit']): string {
  return `${comment(t.intro)}
repos:
  - repo: local
    hooks:
      - id: masterplan-validate
        name: masterplan validate
        entry: masterplan validate
        language: system
        files: ${v.files}
        pass_filenames: true
`;
}
