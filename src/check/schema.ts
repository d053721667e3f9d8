// Schema check: each file against its JSON schema (precompiled by scripts/build.mjs), every
// ajv error turned into a diagnostic at the key or value it is about.

import type { ErrorObject, ValidateFunction } from 'ajv';
import * as validators from '../generated/validators.js';
import type { Collector } from '../diagnostics/collector.js';
import type { ParsedFile } from '../load/parsed-file.js';
import type { Locale } from '../i18n/index.js';
import type { DataPath } from '../model/types.js';
import { closest } from './did-you-mean.js';

const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
/** The schemas' pattern for text that must hold more than spaces. */
const NOT_BLANK = '\\S';
const STAGE_VALIDATORS: Record<number, ValidateFunction> = {
  1: validators.stage1,
  2: validators.stage2,
  3: validators.stage3,
  4: validators.stage4,
};

export function checkSchema(file: ParsedFile, out: Collector, t: Locale['messages']): void {
  if (file.fatal) return;
  const data = file.data;
  if (data === null || data === undefined) {
    out.span(file.rel, 0, firstLineEnd(file), 'schema', t.emptyFile);
    return;
  }
  let validate: ValidateFunction;
  if (file.role === 'config') validate = validators.masterplan;
  else if (file.role === 'rpjmd') validate = validators.rpjmd;
  else {
    const stage = typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).stage : undefined;
    const picked = typeof stage === 'number' ? STAGE_VALIDATORS[stage] : undefined;
    if (!picked) {
      if (typeof data !== 'object' || Array.isArray(data)) {
        out.span(file.rel, file.yamlOffset, firstLineEnd(file), 'schema', t.notAMapping);
      } else if (stage === undefined) {
        reportAt(file, out, [], 'key', t.required('stage'), true);
      } else {
        reportAt(file, out, ['stage'], 'value', t.stageInvalid);
      }
      return;
    }
    validate = picked;
  }
  if (validate(data)) return;
  for (const err of validate.errors ?? []) report(file, err, out, t);
}

function report(file: ParsedFile, err: ErrorObject, out: Collector, t: Locale['messages']): void {
  const path = pointerToPath(err.instancePath);
  const p = err.params as Record<string, unknown>;
  // A property-name error is about a key of the object at `path`.
  // ajv reports a bad key twice: the inner error (with `propertyName`) says it better.
  if (err.keyword === 'propertyNames') return;
  const propertyName = (err as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    return reportAt(file, out, [...path, propertyName], 'key', t.badYearKey(propertyName));
  }
  switch (err.keyword) {
    case 'if':
      return; // the `then` branch's own error (e.g. a required field) is reported instead
    case 'required': {
      const missing = String(p.missingProperty);
      if (err.schemaPath.includes('/then/') && file.role === 'config') {
        const data = valueAt(file.data, path) as Record<string, unknown> | undefined;
        return reportAt(file, out, path, 'key', t.elementsRequired(String(data?.id ?? '')), true);
      }
      return reportAt(file, out, path, 'key', t.required(missing), true);
    }
    case 'additionalProperties': {
      const field = String(p.additionalProperty);
      const known = Object.keys((err.parentSchema?.properties as object | undefined) ?? {});
      const suggestion = closest(field, known);
      const hint = suggestion ? t.didYouMean(suggestion) : known.length ? t.allowedFields(known.join(', ')) : '';
      return reportAt(file, out, [...path, field], 'key', `${t.unknownField(field)}${hint ? '; ' + hint : ''}`, false, suggestion);
    }
    case 'type': {
      const types = String(p.type)
        .split(',')
        .map((x) => t.typeNames[x] ?? x)
        .join(' / ');
      return reportAt(file, out, path, 'value', t.wrongType(types));
    }
    case 'enum':
      return reportAt(file, out, path, 'value', t.mustBeOneOf((p.allowedValues as unknown[]).map(String).join(', ')));
    case 'const':
      return reportAt(file, out, path, 'value', t.mustEqual(JSON.stringify(p.allowedValue)));
    case 'pattern': {
      const value = String(valueAt(file.data, path));
      if (p.pattern === NOT_BLANK) return reportAt(file, out, path, 'value', t.emptyValue);
      return reportAt(file, out, path, 'value', p.pattern === ID_PATTERN ? t.badId(value) : t.badPattern(value));
    }
    case 'minItems':
      return reportAt(file, out, path, 'value', t.minItems(Number(p.limit)));
    case 'maxItems':
    case 'additionalItems':
      return reportAt(file, out, path, 'value', t.maxItems(Number(p.limit)));
    case 'minimum':
    case 'exclusiveMinimum':
      // The schemas bound every number to what a double holds exactly (±2^53 − 1).
      if (Math.abs(Number(p.limit)) === Number.MAX_SAFE_INTEGER) return reportAt(file, out, path, 'value', t.unsafeNumber);
      return reportAt(file, out, path, 'value', t.minimum(Number(p.limit)));
    case 'maximum':
    case 'exclusiveMaximum':
      if (Math.abs(Number(p.limit)) === Number.MAX_SAFE_INTEGER) return reportAt(file, out, path, 'value', t.unsafeNumber);
      return reportAt(file, out, path, 'value', t.maximum(Number(p.limit)));
    case 'minLength':
      return reportAt(file, out, path, 'value', t.emptyValue);
    case 'uniqueItems':
      return reportAt(file, out, [...path, Number(p.i)], 'value', t.duplicateItem);
    default:
      return reportAt(file, out, path, 'value', t.schemaOther(err.message ?? err.keyword));
  }
}

function reportAt(file: ParsedFile, out: Collector, path: DataPath, want: 'key' | 'value', message: string, firstLine = false, expected?: string): void {
  out.at({ file: file.rel, path }, 'schema', message, { want, firstLine, expected });
}

/** JSON pointer (`/innovations/0/rpjmd`) → data path; numeric segments become indexes. */
export function pointerToPath(pointer: string): DataPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: DataPath): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, seg) ? (v as Record<string | number, unknown>)[seg] : undefined;
  }
  return v;
}

function firstLineEnd(file: ParsedFile): number {
  return file.source.lineEnd(file.source.position(file.yamlOffset).line - 1);
}

