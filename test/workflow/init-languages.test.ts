// `masterplan init` in Indonesian and in English writes the same files, line for line: the same
// YAML structure and keys, the same ids, numbers and enum values, the same commented examples
// (once uncommented) and every comment line at the same place. Only texts differ. The skeleton
// is written once (src/scaffold/skeleton.ts); this catches a text of scaffold-id.ts /
// scaffold-en.ts that carries structure (a key, a list, a line more or less) in one language only.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { locale } from '../../src/i18n/index.js';
import type { Lang, Pokja } from '../../src/model/types.js';
import type { ExistingMasterplan } from '../../src/scaffold/existing.js';
import { scaffoldPlan, type PlannedFile } from '../../src/scaffold/plan.js';
import { readSchema, SCHEMA_NAMES } from '../../src/schemas/package-schemas.js';

/** Every property name the format's schemas know: a comment line starting with one shows a key. */
const FORMAT_KEYS = (() => {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'properties' && v !== null && typeof v === 'object') for (const p of Object.keys(v)) keys.add(p);
        walk(v);
      }
    }
  };
  for (const name of SCHEMA_NAMES) walk(JSON.parse(readSchema(name)));
  return keys;
})();

const ELEMENT_PLACEHOLDER = { id: locale('id').scaffold.worksheet.element, en: locale('en').scaffold.worksheet.element };

const CUSTOM_POKJA: Pokja[] = [
  { id: 'smart-mobility', name: 'Smart Mobility', elements: [{ id: 'angkutan', name: 'Angkutan Umum' }] },
  { id: 'tanpa-elemen', name: 'Tanpa Elemen', elements: [] },
];

const VARIANTS: { name: string; region: string; period: [number, number]; existing?: ExistingMasterplan }[] = [
  { name: 'a new masterplan', region: 'Kabupaten Contoh', period: [2022, 2031] },
  { name: 'a region with YAML-special characters, a one-year period', region: 'Kota "Baru": #1 - Teluk', period: [2030, 2030] },
  {
    name: 'an existing masterplan with its own Pokja (one without elements) and catalog path',
    region: 'Kabupaten Contoh',
    period: [2024, 2033],
    existing: { configUnreadable: false, pokja: CUSTOM_POKJA, rpjmdRel: 'perencanaan/rpjmd.yaml', covered: new Map(), folders: new Map(), unreadable: new Map() },
  },
];

const plan = (lang: Lang, v: (typeof VARIANTS)[number]) => scaffoldPlan({ region: v.region, lang, period: v.period }, locale(lang), v.existing);
const isYaml = (f: PlannedFile) => /\.ya?ml$/.test(f.path);

/** Where two parsed YAML values differ in more than their texts (paths like `missions[0].id`). */
function structuralDifferences(a: unknown, b: unknown, path = ''): string[] {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return [`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
    return a.flatMap((x, i) => structuralDifferences(x, b[i], `${path}[${i}]`));
  }
  if (a !== null && typeof a === 'object' && b !== null && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join() !== kb.join()) return [`${path}: keys ${ka.join(', ')} ≠ ${kb.join(', ')}`];
    return ka.flatMap((k) => structuralDifferences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  if (typeof a === 'string' && typeof b === 'string') {
    // A text may differ; an id, a code or an enum value (one word in one case) may not, except a
    // unit (a one-word text: orang / people) and the word standing for an element id in a Pokja
    // without elements. The one value that must differ is the language.
    const word = (s: string) => /^[a-z0-9][a-z0-9._-]*$/.test(s) || /^[A-Z0-9][A-Z0-9._-]*$/.test(s);
    const placeholder = a === ELEMENT_PLACEHOLDER.id && b === ELEMENT_PLACEHOLDER.en;
    const text = path.endsWith('.unit') || placeholder || (!word(a) && !word(b));
    if (a === b || (path === 'language' ? a === 'id' && b === 'en' : text)) return [];
    return [`${path}: "${a}" ≠ "${b}"`];
  }
  return a === b ? [] : [`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
}

/** The key a line starts with, commented or not, with its indentation: `#     rpjmd:`, `  - id:`. */
function keyOf(line: string): string | undefined {
  const m = /^(\s*(?:#\s*)?(?:- )?)([A-Za-z_]\w*|\d+):(?=\s|$)/.exec(line);
  if (!m) return undefined;
  const comment = line.trimStart().startsWith('#');
  return !comment || FORMAT_KEYS.has(m[2]) || /^\d+$/.test(m[2]) ? `${m[1]}${m[2]}:` : undefined;
}

/** The file with each commented example uncommented: `key: []` + `#   …` lines → `key:` + `  …`. */
function uncommentExamples(text: string): string {
  let inExample = false;
  return text
    .split('\n')
    .map((line) => {
      const empty = /^(\w+): (\[\]|\{\})$/.exec(line);
      if (empty) {
        inExample = true;
        return `${empty[1]}:`;
      }
      if (inExample && line.startsWith('#   ')) return `  ${line.slice(4)}`.replace(/^(\s*)# (quick_win:)/, '$1$2');
      inExample = false;
      return line;
    })
    .join('\n');
}

describe('init writes the same skeleton in both languages', () => {
  describe.each(VARIANTS)('$name', (variant) => {
    const id = plan('id', variant);
    const en = plan('en', variant);

    it('the same files, in the same order, and the same content where there is no text', () => {
      expect(en.map((f) => f.path)).toEqual(id.map((f) => f.path));
      expect(id.filter(isYaml).length).toBeGreaterThan(10);
      for (const [i, f] of id.entries()) if (!isYaml(f)) expect(en[i].content, f.path).toBe(f.content);
    });

    it('the same YAML data but for its texts, key by key', () => {
      for (const [i, f] of id.entries()) {
        if (!isYaml(f)) continue;
        expect(structuralDifferences(parse(f.content), parse(en[i].content)), f.path).toEqual([]);
      }
    });

    it('the same commented examples, which once uncommented give the same data but for texts', () => {
      for (const [i, f] of id.entries()) {
        if (!isYaml(f)) continue;
        const a = parse(uncommentExamples(f.content));
        const b = parse(uncommentExamples(en[i].content));
        expect(structuralDifferences(a, b), f.path).toEqual([]);
      }
    });

    it('line for line: the same keys (also in comments) on the same lines, comments and blank lines at the same places', () => {
      for (const [i, f] of id.entries()) {
        if (!isYaml(f)) continue;
        const a = f.content.split('\n');
        const b = en[i].content.split('\n');
        expect(b.length, f.path).toBe(a.length);
        for (const [n, line] of a.entries()) {
          const where = `${f.path}:${n + 1}: ${line} | ${b[n]}`;
          expect(b[n].trimStart().startsWith('#'), where).toBe(line.trimStart().startsWith('#'));
          expect(b[n].trim() === '', where).toBe(line.trim() === '');
          expect(b[n].trim() === '#', where).toBe(line.trim() === '#');
          expect(keyOf(b[n]), where).toBe(keyOf(line));
        }
      }
    });
  });
});
