// The English texts of what `masterplan init --lang en` writes: the same keys as scaffold-id.ts
// (checked by the compiler), put into the one skeleton of src/scaffold/skeleton.ts.

import type { ScaffoldText } from './scaffold-id.js';

export const scaffoldEn: ScaffoldText = {
  masterplan: {
    intro: (region: string) => `Settings of the Smart City masterplan of ${region}.
Every field is documented: in VS Code (with Red Hat's YAML extension) hover over a field
name, or press Ctrl+Space for the fields you may fill in.
Check the whole masterplan with: masterplan validate`,
    version: 'format version (always 1)',
    period: 'first and last year of the masterplan',
    language: 'language of the books and messages: id or en',
    rpjmd: 'the RPJMD catalog',
    cover: 'Covers and edition of the books (all optional).',
    issuer: (region: string) => `Government of ${region}`,
    issuerNote: 'top line of the covers',
    agencyNote: 'id of the compiling OPD (from rpjmd.yaml), shown on the covers',
    placeExample: 'Capital town',
    placeNote: 'where the forewords are signed: "Luwuk, 28 April 2023"',
    logoExample: 'assets/emblem.png',
    logoNote: "the region's emblem, PNG or JPEG inside the repository",
    statusNote: 'draft (a DRAFT mark on every page), review (IN REVIEW) or final',
    dateNote: 'official date of the edition (ISO); default: the build date',
    booksNote: 'titles of the four books (defaults below)',
    books: {
      1: 'Strategic Analysis',
      2: 'OPD Program Alignment and Quick Wins',
      3: 'Pokja Innovations',
      4: 'Roadmap and Action Plan',
    },
    pokja: `The six Pokja (Smart City dimensions, Kominfo "Gerakan Menuju 100 Smart City" guidance).
lead: id of the OPD leading the Pokja, from the opd list in rpjmd.yaml (optional).
Each dimension has default elements; write "elements" only to change them.`,
  },

  rpjmd: {
    intro: (region: string) => `RPJMD catalog of ${region}: vision → missions → goals → targets → priority programs, and OPD.
The records below are PLACEHOLDERS so that the masterplan can be checked right away: replace
them with the official wording of your region's RPJMD. Every id is unique across the whole
masterplan; Pokja worksheets refer to priority programs by id (e.g. rpjmd: [PP-01]).`,
    period: 'RPJMD period',
    vision: (region: string) => `RPJMD vision of ${region} (replace with the official wording)`,
    missions: 'misi',
    mission: 'First RPJMD mission (replace with the official wording)',
    missionPokja: 'dimensions this mission maps to (optional)',
    goals: 'tujuan',
    goal: 'First goal of mission 1 (replace with the official wording)',
    targets: 'sasaran',
    target: 'First target of goal 1.1 (replace with the official wording)',
    programs: 'program prioritas',
    program: 'First priority program (replace with the official name)',
    programTarget: 'the target (sasaran) this program serves',
    programCode: 'Permendagri 90/2019 program code (optional, quoted)',
    indicator: 'SPBE index',
    indicatorUnit: 'index',
    opd: 'regional agencies (organisasi perangkat daerah)',
  },

  worksheet: {
    checkWith: 'Check with: masterplan validate',
    elementsOfPokja: (elements: string) => `Elements of this Pokja: ${elements}`,
    element: 'element',
    titleExample: 'Chapter title (optional)',
    optional: 'optional',
    uniqueId: 'unique across the whole masterplan',
    atLeastOneProgram: 'at least one RPJMD priority program',
    shortDescription: 'Short description (Markdown, optional).',
  },

  stages: {
    1: {
      title: 'Stage 1 worksheet – Book I: Strategic Analysis',
      intro: `Review the RPJMD priority programs this dimension builds on, the OPD Renstra programs that
carry them, the region's readiness (SWOT per pillar) and the strategic issues. Program and
OPD ids come from rpjmd.yaml. To use an example: delete the "[]" or "{}" of its field, then
delete the "# " at the start of the example lines (in VS Code: select them, press Ctrl+/).`,
      analysis: 'RPJMD priority programs this dimension builds on.',
      relevance: 'Why this program matters to the dimension (Markdown).',
      renstra: 'OPD Renstra programs that carry it (optional)',
      readiness: `Readiness, SWOT per pillar: structure (people, budget, governance), infrastructure
(physical, digital, social), superstructure (regulation, institutions, procedures).
Every pillar and list may be left out.`,
      strength: 'An IT team in every OPD',
      weakness: 'A small IT budget',
      opportunity: 'National programme support',
      threat: 'Cyber attacks',
      issues: 'Strategic issues, one sentence each.',
      issue: 'Service data is spread over many OPD and not integrated',
      narrative: 'Chapter narrative in Markdown (optional). [text](#ID) links to the record with that id.',
      narrativeHeading: 'Background',
      narrativeText: 'is the basis ...',
    },
    2: {
      title: 'Stage 2 worksheet – Book II: OPD Program Alignment and Quick Wins',
      intro: `OPD programs aligned with the RPJMD priority programs, and quick wins: acceleration programs
delivered within about a year and felt directly by the public. To use an example: delete the
"[]" of its field, then delete the "# " at the start of the example lines (VS Code: Ctrl+/).`,
      quickWinTitle: 'Quick win title',
      quickWinYear: 'inside the masterplan period',
    },
    3: {
      title: 'Stage 3 worksheet – Book III: Pokja Innovations',
      intro: `Start from the RPJMD priority programs, identify the priority sectors and their development
goals, then formulate the proposed innovations. Every innovation must trace back to RPJMD
priority programs. To use an example: delete the "[]" of its field, then delete the "# " at
the start of the example lines (VS Code: Ctrl+/).`,
      sectorName: 'Priority sector name',
      sectorGoal: 'Development goal of this sector',
      innovationTitle: 'Innovation title',
      sector: 'a sector of this Pokja',
      opd: 'lead OPD',
      partners: 'partner OPD (optional)',
      quickWin: 'the stage-2 quick win it realises (optional)',
      horizon: 'short (about 1 year), medium (about 5 years), long (up to 10 years)',
      years: 'first and last year, inside the masterplan period',
      indicator: 'Service users',
      indicatorUnit: 'people',
    },
    4: {
      title: 'Stage 4 worksheet – Book IV: Roadmap and Action Plan',
      intro: `Milestones per year for every stage-3 innovation, and supporting regulations. An innovation
without a roadmap entry gets a warning. To use an example: delete the "[]" of its field, then
delete the "# " at the start of the example lines (VS Code: Ctrl+/).`,
      year: "inside the innovation's years",
      milestone: 'First stage of the service launched',
      opd: "optional; default: the innovation's lead OPD",
      status: 'planned, draft or enacted',
    },
  },

  parts: {
    foreword: {
      intro: `Region-level part: Foreword – at the front of every book and of the masterplan, with a signature
block ("<place>, <edition date>" / position / name). The text goes in narrative (Markdown).`,
      title: 'Foreword',
      narrative: '(Write the foreword of the regional head or the team head here.)',
      name: 'Full name with titles',
      position: (name: string) => `Regent of ${name}`,
    },
    team: {
      intro: `Region-level part: Drafting Team – after the foreword in every book. agency: an OPD id from
rpjmd.yaml (optional).`,
      name: 'Member name',
      role: 'Chair',
    },
    summary: {
      intro: `Region-level part: opening text of the Executive Summary (ringkasan.html / ringkasan.pdf). The
figures, innovations, quick wins, financing and roadmap in it come from the worksheets.`,
      narrative: (region: string) => `(Sum up the Smart City masterplan of ${region} in one or two paragraphs.)`,
    },
    introduction: {
      intro: `Region-level part: Introduction – chapter I of Book I and of the masterplan. Every Markdown field
is optional. legal_basis is shown as a numbered list: "Undang-Undang Number 23 of 2014 on
Pemerintahan Daerah".`,
      background: '(Why the masterplan is written.)',
      purpose: 'Purpose.',
      scope: 'Scope.',
      method: 'Method (Bimtek, Pokja, facilitation).',
    },
    profile: {
      intro: `Region-level part: Regional Profile – Book I and the masterplan. facts (key facts) and ict (ICT
baseline), each {name, value, unit, year, source}; value a number or a text.`,
      area: 'Area',
      indicator: 'SPBE index',
      indicatorUnit: 'index',
    },
    vision: {
      intro: `Region-level part: Smart City Vision – Book I and the masterplan. missions[].rpjmd: ids of the
RPJMD missions (rpjmd.yaml) served; goals[].mission: a smart-city mission id of this part. Ids are
unique across the masterplan and can be linked with [text](#ID).`,
      vision: (region: string) => `Smart-city vision of ${region} (replace with the official wording)`,
      tagline: 'A short slogan',
      mission: 'First smart-city mission (replace with the official wording)',
      goal: 'First smart-city goal',
      indicator: 'SPBE index',
      indicatorUnit: 'index',
    },
    governance: {
      intro: `Region-level part: Governance – Book IV and the masterplan: the Smart City Council and the
implementing team, with their decrees (number, ISO date) and members. Kominfo's evaluation checks them.`,
      name: 'Name',
      position: 'Regent',
      role: 'Chair',
    },
    financing: {
      intro: `Region-level part: Financing Plan – Book IV and the masterplan. The recaps by Pokja × source and
by year are generated from the innovation budgets (stage 3); describe the funding pattern here.`,
      narrative: '(Funding pattern: APBD and sources outside the APBD.)',
    },
    closing: {
      intro: 'Region-level part: Closing – the last chapter of Book IV and of the masterplan.',
      narrative: '(Write the closing here.)',
    },
    glossary: {
      intro: `Region-level part: Glossary – an appendix of every book. OPD ids and names from rpjmd.yaml are
added to it.`,
      rpjmd: 'Rencana Pembangunan Jangka Menengah Daerah (medium-term development plan)',
      spbe: 'Sistem Pemerintahan Berbasis Elektronik (e-government system)',
    },
    commitment: {
      intro: `Region-level part: Commitment – in the masterplan, after the team, with signature lines for the
regional head and the heads of OPD.`,
      statement: (region: string) => `(The commitment to carry out the Smart City masterplan of ${region}.)`,
      name: 'Name',
      position: 'Regent',
    },
  },

  preCommit: {
    intro: `pre-commit (https://pre-commit.com): checks the changed worksheets before every commit.
Install once per computer: pip install pre-commit (or apt install pre-commit), then in this
folder: pre-commit install
The hook runs the masterplan command installed on this computer (the npm package, or the
executable file named masterplan on the PATH; see the masterplan README, Installing).`,
  },
};
