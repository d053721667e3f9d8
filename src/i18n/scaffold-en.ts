// What `masterplan init --lang en` writes: the same skeleton as scaffold-id.ts, with English
// guidance comments and placeholder texts.

import type { PreCommitVars, Scaffold, ScaffoldPokja, ScaffoldProject, ScaffoldWorksheet } from './scaffold-id.js';

const elements = (p: ScaffoldPokja) => p.elements.map((e) => e.id).join(', ');

export const scaffoldEn: Scaffold = {
  masterplan: (v: ScaffoldProject) => `#
# Settings of the Smart City masterplan of ${v.region}.
# Every field is documented: in VS Code (with Red Hat's YAML extension) hover over a field
# name, or press Ctrl+Space for the fields you may fill in.
# Check the whole masterplan with: masterplan validate

masterplan: 1                 # format version (always 1)
region: ${v.regionYaml}
title: ${v.titleYaml}
period: [${v.period[0]}, ${v.period[1]}]          # first and last year of the masterplan
language: en                  # language of the books and messages: id or en
rpjmd: rpjmd.yaml             # the RPJMD catalog

# Covers and edition of the books (all optional).
issuer: ${v.yaml(`Government of ${v.region}`)}   # top line of the covers
# agency: DISKOMINFO          # id of the compiling OPD (from rpjmd.yaml), shown on the covers
# place: Capital town         # where the forewords are signed: "Luwuk, 28 April 2023"
# logo: assets/emblem.png     # the region's emblem, PNG or JPEG inside the repository
edition:
  status: draft               # draft (a DRAFT mark on every page), review (IN REVIEW) or final
  # date: ${v.period[0]}-04-28        # official date of the edition (ISO); default: the build date
  # version: "0.1"
# books:                      # titles of the four books (defaults below)
#   1: Strategic Analysis
#   2: OPD Program Alignment and Quick Wins
#   3: Pokja Innovations
#   4: Roadmap and Action Plan

# The six Pokja (Smart City dimensions, Kominfo "Gerakan Menuju 100 Smart City" guidance).
# lead: id of the OPD leading the Pokja, from the opd list in rpjmd.yaml (optional).
# Each dimension has default elements; write "elements" only to change them.
pokja:
${v.pokja
  .map(
    (p) => `  - id: ${p.id}
    name: ${p.name}
    # lead: DISKOMINFO
    # elements: ${elements(p)}`,
  )
  .join('\n')}
`,

  rpjmd: (v: ScaffoldProject) => `#
# RPJMD catalog of ${v.region}: vision → missions → goals → targets → priority programs, and OPD.
# The records below are PLACEHOLDERS so that the masterplan can be checked right away: replace
# them with the official wording of your region's RPJMD. Every id is unique across the whole
# masterplan; Pokja worksheets refer to priority programs by id (e.g. rpjmd: [PP-01]).

period: [${v.rpjmdPeriod[0]}, ${v.rpjmdPeriod[1]}]          # RPJMD period
vision: ${v.yaml(`RPJMD vision of ${v.region} (replace with the official wording)`)}

missions:                     # misi
  - id: M1
    text: First RPJMD mission (replace with the official wording)
    pokja: [${v.pokja[0]?.id ?? 'smart-governance'}]    # dimensions this mission maps to (optional)

goals:                        # tujuan
  - id: T1.1
    mission: M1
    text: First goal of mission 1 (replace with the official wording)

targets:                      # sasaran
  - id: S1.1.1
    goal: T1.1
    text: First target of goal 1.1 (replace with the official wording)

programs:                     # program prioritas
  - id: PP-01
    name: First priority program (replace with the official name)
    target: S1.1.1            # the target (sasaran) this program serves
    # code: "2.16.03"         # Permendagri 90/2019 program code (optional, quoted)
    # sector: Komunikasi dan Informatika
    # opd: [DISKOMINFO]
    # indicators:
    #   - name: SPBE index
    #     unit: index
    #     baseline: 2.1
    #     targets: {${v.rpjmdPeriod[0] + 1}: 2.5, ${v.rpjmdPeriod[0] + 2}: 2.8}

opd:                          # regional agencies (organisasi perangkat daerah)
  - id: DISKOMINFO
    name: Dinas Komunikasi dan Informatika
`,

  worksheets: {
    1: (v: ScaffoldWorksheet) => `#
# Stage 1 worksheet – Book I: Strategic Analysis
# Pokja ${v.pokja.name}
#
# Review the RPJMD priority programs this dimension builds on, the OPD Renstra programs that
# carry them, the region's readiness (SWOT per pillar) and the strategic issues. Program and
# OPD ids come from rpjmd.yaml. To use an example: delete the "[]" or "{}" of its field, then
# delete the "# " at the start of the example lines (in VS Code: select them, press Ctrl+/).
# Check with: masterplan validate

pokja: ${v.pokja.id}
stage: 1
status: draft                 # draft → review → final
# title: Chapter title (optional)

# RPJMD priority programs this dimension builds on.
analysis: []
#   - program: PP-01
#     relevance: Why this program matters to the dimension (Markdown).
#     renstra:                # OPD Renstra programs that carry it (optional)
#       - opd: DISKOMINFO
#         program: Program Pengelolaan Aplikasi Informatika
#         code: "2.16.03"

# Readiness, SWOT per pillar: structure (people, budget, governance), infrastructure
# (physical, digital, social), superstructure (regulation, institutions, procedures).
# Every pillar and list may be left out.
readiness: {}
#   structure:
#     strengths: [An IT team in every OPD]
#     weaknesses: [A small IT budget]
#     opportunities: [National programme support]
#     threats: [Cyber attacks]

# Strategic issues, one sentence each.
issues: []
#   - Service data is spread over many OPD and not integrated

# Chapter narrative in Markdown (optional). [text](#ID) links to the record with that id.
# narrative: |
#   ## Background
#
#   Program [PP-01](#PP-01) is the basis ...
`,

    2: (v: ScaffoldWorksheet) => `#
# Stage 2 worksheet – Book II: OPD Program Alignment and Quick Wins
# Pokja ${v.pokja.name}
#
# OPD programs aligned with the RPJMD priority programs, and quick wins: acceleration programs
# delivered within about a year and felt directly by the public. To use an example: delete the
# "[]" of its field, then delete the "# " at the start of the example lines (VS Code: Ctrl+/).
# Elements of this Pokja: ${elements(v.pokja)}
# Check with: masterplan validate

pokja: ${v.pokja.id}
stage: 2
status: draft                 # draft → review → final
# title: Chapter title (optional)

opd_programs: []
#   - opd: DISKOMINFO
#     program: Program Pengelolaan Aplikasi Informatika
#     code: "2.16.03"         # optional
#     rpjmd: [PP-01]          # at least one RPJMD priority program
#     element: ${v.pokja.elements[0]?.id ?? 'element'}

quick_wins: []
#   - id: QW-${v.pokja.code}-1           # unique across the whole masterplan
#     title: Quick win title
#     opd: DISKOMINFO
#     rpjmd: [PP-01]
#     year: ${v.year}                 # inside the masterplan period
#     description: Short description (Markdown, optional).
`,

    3: (v: ScaffoldWorksheet) => `#
# Stage 3 worksheet – Book III: Pokja Innovations
# Pokja ${v.pokja.name}
#
# Start from the RPJMD priority programs, identify the priority sectors and their development
# goals, then formulate the proposed innovations. Every innovation must trace back to RPJMD
# priority programs. To use an example: delete the "[]" of its field, then delete the "# " at
# the start of the example lines (VS Code: Ctrl+/).
# Elements of this Pokja: ${elements(v.pokja)}
# Check with: masterplan validate

pokja: ${v.pokja.id}
stage: 3
status: draft                 # draft → review → final
# title: Chapter title (optional)

sectors: []
#   - id: SEK-${v.pokja.code}-1
#     name: Priority sector name
#     goal: Development goal of this sector
#     rpjmd: [PP-01]

innovations: []
#   - id: INO-${v.pokja.code}-1          # unique across the whole masterplan
#     title: Innovation title
#     description: Short description (Markdown, optional).
#     sector: SEK-${v.pokja.code}-1      # a sector of this Pokja
#     element: ${v.pokja.elements[0]?.id ?? 'element'}
#     rpjmd: [PP-01]          # at least one RPJMD priority program
#     opd: DISKOMINFO         # lead OPD
#     partners: []            # partner OPD (optional)
#     # quick_win: QW-${v.pokja.code}-1  # the stage-2 quick win it realises (optional)
#     horizon: short          # short (about 1 year), medium (about 5 years), long (up to 10 years)
#     years: [${v.year}, ${v.yearEnd}]     # first and last year, inside the masterplan period
#     indicators:             # optional
#       - {name: Service users, unit: people, target: 1000, year: ${v.yearEnd}}
#     budget: {source: APBD, estimate: 250000000}   # APBD, APBN, DAK, BLUD, CSR, KPBU, lainnya
`,

    4: (v: ScaffoldWorksheet) => `#
# Stage 4 worksheet – Book IV: Roadmap and Action Plan
# Pokja ${v.pokja.name}
#
# Milestones per year for every stage-3 innovation, and supporting regulations. An innovation
# without a roadmap entry gets a warning. To use an example: delete the "[]" of its field, then
# delete the "# " at the start of the example lines (VS Code: Ctrl+/).
# Check with: masterplan validate

pokja: ${v.pokja.id}
stage: 4
status: draft                 # draft → review → final
# title: Chapter title (optional)

roadmap: []
#   - innovation: INO-${v.pokja.code}-1
#     year: ${v.year}                 # inside the innovation's years
#     milestone: First stage of the service launched
#     opd: DISKOMINFO         # optional; default: the innovation's lead OPD

regulations: []
#   - title: Peraturan Bupati tentang Masterplan Smart City
#     year: ${v.year}
#     status: planned         # planned, draft or enacted
`,
  },

  // Region-level parts under umum/: one file per part, with guidance; placeholder texts in
  // parentheses are to be replaced.
  parts: {
    foreword: (v: ScaffoldProject) => `#
# Region-level part: Foreword – at the front of every book and of the masterplan, with a signature
# block ("<place>, <edition date>" / position / name). The text goes in narrative (Markdown).

part: foreword
title: Foreword
narrative: |
  (Write the foreword of the regional head or the team head here.)
# signed:
#   name: Full name with titles
#   position: Regent of ${v.region.replace(/^Kabupaten |^Kota /, '')}
`,
    team: (v: ScaffoldProject) => `#
# Region-level part: Drafting Team – after the foreword in every book. agency: an OPD id from
# rpjmd.yaml (optional).

part: team
members: []
#   - name: Member name
#     role: Chair
#     agency: DISKOMINFO
`,
    summary: (v: ScaffoldProject) => `#
# Region-level part: opening text of the Executive Summary (ringkasan.html / ringkasan.pdf). The
# figures, innovations, quick wins, financing and roadmap in it come from the worksheets.

part: summary
narrative: |
  (Sum up the Smart City masterplan of ${v.region} in one or two paragraphs.)
`,
    introduction: (v: ScaffoldProject) => `#
# Region-level part: Introduction – chapter I of Book I and of the masterplan. Every Markdown field
# is optional. legal_basis is shown as a numbered list: "Undang-Undang Number 23 of 2014 on
# Pemerintahan Daerah".

part: introduction
background: |
  (Why the masterplan is written.)
# purpose: Purpose.
# scope: Scope.
# method: Method (Bimtek, Pokja, facilitation).
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
    profile: (v: ScaffoldProject) => `#
# Region-level part: Regional Profile – Book I and the masterplan. facts (key facts) and ict (ICT
# baseline), each {name, value, unit, year, source}; value a number or a text.

part: profile
facts: []
#   - {name: Area, value: 1234.5, unit: km², year: ${v.period[0]}, source: BPS}
ict: []
#   - {name: SPBE index, value: 2.5, unit: index, year: ${v.period[0]}, source: KemenPAN-RB}
`,
    vision: (v: ScaffoldProject) => `#
# Region-level part: Smart City Vision – Book I and the masterplan. missions[].rpjmd: ids of the
# RPJMD missions (rpjmd.yaml) served; goals[].mission: a smart-city mission id of this part. Ids are
# unique across the masterplan and can be linked with [text](#ID).

part: vision
vision: ${v.yaml(`Smart-city vision of ${v.region} (replace with the official wording)`)}
# tagline: A short slogan
missions:
  - id: MSC-1
    text: First smart-city mission (replace with the official wording)
    rpjmd: [M1]
goals: []
#   - id: TSC-1
#     text: First smart-city goal
#     mission: MSC-1
#     indicators:
#       - {name: SPBE index, unit: index, baseline: 2.5, target: 3.0, year: ${v.period[1]}}
`,
    governance: (v: ScaffoldProject) => `#
# Region-level part: Governance – Book IV and the masterplan: the Smart City Council and the
# implementing team, with their decrees (number, ISO date) and members. Kominfo's evaluation checks them.

part: governance
bodies: []
#   - id: DEWAN-SC
#     name: Dewan Smart City
#     decree: {number: "000/001/${v.period[0]}", date: ${v.period[0]}-05-02}
#     members:
#       - {name: Name, position: Regent, role: Chair}
`,
    financing: (v: ScaffoldProject) => `#
# Region-level part: Financing Plan – Book IV and the masterplan. The recaps by Pokja × source and
# by year are generated from the innovation budgets (stage 3); describe the funding pattern here.

part: financing
narrative: |
  (Funding pattern: APBD and sources outside the APBD.)
`,
    closing: (v: ScaffoldProject) => `#
# Region-level part: Closing – the last chapter of Book IV and of the masterplan.

part: closing
narrative: |
  (Write the closing here.)
`,
    glossary: (v: ScaffoldProject) => `#
# Region-level part: Glossary – an appendix of every book. OPD ids and names from rpjmd.yaml are
# added to it.

part: glossary
terms:
  - {term: RPJMD, meaning: Rencana Pembangunan Jangka Menengah Daerah (medium-term development plan)}
  - {term: SPBE, meaning: Sistem Pemerintahan Berbasis Elektronik (e-government system)}
`,
    commitment: (v: ScaffoldProject) => `#
# Region-level part: Commitment – in the masterplan, after the team, with signature lines for the
# regional head and the heads of OPD.

part: commitment
statement: |
  (The commitment to carry out the Smart City masterplan of ${v.region}.)
signatories: []
#   - {name: Name, position: Regent}
`,
  },

  preCommit: (v: PreCommitVars) => `# pre-commit (https://pre-commit.com): checks the changed worksheets before every commit.
# Install once per computer: pip install pre-commit (or apt install pre-commit), then in this
# folder: pre-commit install
# The hook runs the masterplan command installed on this computer (the npm package, or the
# executable file named masterplan on the PATH; see the masterplan README, Installing).
repos:
  - repo: local
    hooks:
      - id: masterplan-validate
        name: masterplan validate
        entry: masterplan validate
        language: system
        files: ${v.files}
        pass_filenames: true
`,
};
