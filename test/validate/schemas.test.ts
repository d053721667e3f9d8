// The JSON schemas are part of the format contract (editors and other tools use them): each one
// must compile in strict mode, carry an $id, and document every property (title + description).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = { [k: string]: Json };

const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (ajv: Ajv) => Ajv;

const DIR = join(REPO_ROOT, 'schemas');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.schema.json'))
  .sort();
const SCHEMAS: [string, Schema][] = FILES.map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Schema]);

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/** JSON-pointer-ish paths of every property schema (any `properties` map at any depth) and definition. */
function documentedNodes(node: Json, path: string, out: [string, Json][]): [string, Json][] {
  if (Array.isArray(node)) {
    node.forEach((v, i) => documentedNodes(v, `${path}/${i}`, out));
  } else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'properties' || k === 'definitions' || k === '$defs') && v !== null && typeof v === 'object' && !Array.isArray(v)) {
        for (const [name, sub] of Object.entries(v)) {
          out.push([`${path}/${k}/${name}`, sub]);
          documentedNodes(sub, `${path}/${k}/${name}`, out);
        }
      } else {
        documentedNodes(v, `${path}/${k}`, out);
      }
    }
  }
  return out;
}

const isText = (v: Json | undefined) => typeof v === 'string' && v.trim() !== '';

describe('schemas/*.schema.json', () => {
  it('are the expected files: seven of format 1, one per umum/ part and the theme', () => {
    expect(FILES).toEqual([
      'common.schema.json',
      'export.schema.json',
      'masterplan.schema.json',
      'rpjmd.schema.json',
      'stage-1.schema.json',
      'stage-2.schema.json',
      'stage-3.schema.json',
      'stage-4.schema.json',
      'theme.schema.json',
      'umum-closing.schema.json',
      'umum-commitment.schema.json',
      'umum-financing.schema.json',
      'umum-foreword.schema.json',
      'umum-glossary.schema.json',
      'umum-governance.schema.json',
      'umum-introduction.schema.json',
      'umum-profile.schema.json',
      'umum-summary.schema.json',
      'umum-team.schema.json',
      'umum-vision.schema.json',
    ]);
  });

  it('all compile together with new Ajv({strict: true, allErrors: true}) + ajv-formats', () => {
    const ajv = newAjv();
    for (const [, s] of SCHEMAS) ajv.addSchema(s);
    for (const [f, s] of SCHEMAS) expect(() => ajv.getSchema(s.$id as string), f).not.toThrow();
    for (const [f, s] of SCHEMAS) expect(typeof ajv.getSchema(s.$id as string), f).toBe('function');
  });

  it.each(SCHEMAS)('%s compiles on its own (with common.schema.json for $ref) in strict mode', (file, schema) => {
    const ajv = newAjv();
    const common = SCHEMAS.find(([f]) => f === 'common.schema.json')![1];
    if (file !== 'common.schema.json') ajv.addSchema(common);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it.each(SCHEMAS)('%s has a unique absolute $id, $schema, title and description', (file, schema) => {
    expect(schema.$id).toMatch(/^https:\/\/\S+\/[a-z0-9-]+\.schema\.json$/);
    expect(String(schema.$id).endsWith('/' + file)).toBe(true);
    expect(SCHEMAS.filter(([, s]) => s.$id === schema.$id)).toHaveLength(1);
    expect(typeof schema.$schema).toBe('string');
    expect(isText(schema.title)).toBe(true);
    expect(isText(schema.description)).toBe(true);
  });

  it.each(SCHEMAS)('%s: every property and definition has a title and a description', (_file, schema) => {
    const nodes = documentedNodes(schema, '', []);
    expect(nodes.length).toBeGreaterThan(0);
    const undocumented = nodes
      .filter(([, n]) => n === null || typeof n !== 'object' || Array.isArray(n) || !isText(n.title) || !isText(n.description))
      .map(([p]) => p);
    expect(undocumented).toEqual([]);
  });

  it('validate the example the same way the CLI does (masterplan.yaml of examples/banggai passes)', async () => {
    const { parse } = await import('yaml');
    const ajv = newAjv();
    for (const [, s] of SCHEMAS) ajv.addSchema(s);
    const validate = ajv.getSchema('https://masterplan.id/schemas/v1/masterplan.schema.json')!;
    const data = parse(readFileSync(join(REPO_ROOT, 'examples', 'banggai', 'masterplan.yaml'), 'utf8'));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ masterplan: 1, region: 'X', period: [2022, 2031], titel: 'x' })).toBe(false);
  });
});
