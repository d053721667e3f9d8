// Schema check: each file against its JSON schema (precompiled by scripts/build.mjs), every
// ajv error turned into a diagnostic at the key or value it is about.

import type { ErrorObject, ValidateFunction } from 'ajv';
import * as validators from '../generated/validators.js';
import type { Collector } from '../diagnostics/collector.js';
import { joined, list, m, type Message } from '../diagnostics/message.js';
import type { SourceFile } from '../source/source-file.js';
import { isoDate } from '../model/build-model.js';
import { PART_NAMES, type DataPath, type PartName } from '../model/types.js';
import { closest } from './did-you-mean.js';

const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
/** The schemas' pattern for text that must hold more than spaces. */
const NOT_BLANK = '\\S';
const LOGO_PATTERN = '\\.([Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg])$';
const COLOR_PATTERN = '^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$';
const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
/** Each validator is compiled the first time a file of its kind is checked (scripts/build.mjs). */
const PART_VALIDATORS: Record<PartName, () => ValidateFunction> = {
  foreword: validators.umumForeword,
  team: validators.umumTeam,
  summary: validators.umumSummary,
  introduction: validators.umumIntroduction,
  profile: validators.umumProfile,
  vision: validators.umumVision,
  governance: validators.umumGovernance,
  financing: validators.umumFinancing,
  closing: validators.umumClosing,
  glossary: validators.umumGlossary,
  commitment: validators.umumCommitment,
};
const STAGE_VALIDATORS: Record<number, () => ValidateFunction> = {
  1: validators.stage1,
  2: validators.stage2,
  3: validators.stage3,
  4: validators.stage4,
};

export function checkSchema(file: SourceFile, out: Collector): void {
  if (file.fatal) return;
  const data = file.data;
  if (data === null || data === undefined) {
    out.span(file.rel, 0, firstLineEnd(file), 'schema', m.emptyFile);
    return;
  }
  let validate: ValidateFunction;
  if (file.role === 'config') validate = validators.masterplan();
  else if (file.role === 'rpjmd') validate = validators.rpjmd();
  else if (file.role === 'theme') validate = validators.theme();
  else if (file.role === 'part') {
    const part = typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).part : undefined;
    const picked = typeof part === 'string' ? PART_VALIDATORS[part as PartName] : undefined;
    if (!picked || !Object.prototype.hasOwnProperty.call(PART_VALIDATORS, part as string)) {
      if (typeof data !== 'object' || Array.isArray(data)) {
        out.span(file.rel, file.yamlOffset, firstLineEnd(file), 'schema', m.notAMapping);
      } else if (part === undefined) {
        reportAt(file, out, [], 'key', m.required('part'), true);
      } else {
        const hint = typeof part === 'string' ? closest(part, [...PART_NAMES]) : undefined;
        reportAt(file, out, ['part'], 'value', joined(m.mustBeOneOf(PART_NAMES.join(', ')), hint && m.didYouMean(hint)), false, hint);
      }
      return;
    }
    validate = picked();
  } else {
    const stage = typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).stage : undefined;
    const picked = typeof stage === 'number' ? STAGE_VALIDATORS[stage] : undefined;
    if (!picked) {
      if (typeof data !== 'object' || Array.isArray(data)) {
        out.span(file.rel, file.yamlOffset, firstLineEnd(file), 'schema', m.notAMapping);
      } else if (stage === undefined) {
        reportAt(file, out, [], 'key', m.required('stage'), true);
      } else {
        reportAt(file, out, ['stage'], 'value', m.stageInvalid);
      }
      return;
    }
    validate = picked();
  }
  const valid = validate(data);
  if (!valid) for (const err of validate.errors ?? []) report(file, err, out);
  if (file.role !== 'rpjmd') checkCalendarDates(file, data, out);
}

/** `date` values written yyyy-mm-dd that pass the pattern but name no day (2023-02-30). */
function checkCalendarDates(file: SourceFile, data: unknown, out: Collector): void {
  const walk = (v: unknown, path: DataPath, depth: number) => {
    if (v === null || typeof v !== 'object' || depth > 6) return;
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, [...path, i], depth + 1));
    for (const [k, x] of Object.entries(v)) {
      if (k === 'date' && typeof x === 'string' && new RegExp(DATE_PATTERN).test(x) && isoDate(x) === undefined) {
        reportAt(file, out, [...path, k], 'value', m.badDate(x));
      } else walk(x, [...path, k], depth + 1);
    }
  };
  // Worksheets of stages 1–3 have no dates; only stage 4 (regulations) does.
  if (file.role === 'worksheet' && (data as Record<string, unknown>)?.stage !== 4) return;
  walk(data, [], 0);
}

function report(file: SourceFile, err: ErrorObject, out: Collector): void {
  const path = pointerToPath(err.instancePath);
  const p = err.params as Record<string, unknown>;
  // A property-name error is about a key of the object at `path`.
  // ajv reports a bad key twice: the inner error (with `propertyName`) says it better.
  if (err.keyword === 'propertyNames') return;
  const propertyName = (err as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    return reportAt(file, out, [...path, propertyName], 'key', m.badYearKey(propertyName));
  }
  // Each alternative of an anyOf fails on its own; the anyOf error itself says it once.
  if (err.schemaPath.includes('/anyOf/')) return;
  switch (err.keyword) {
    case 'if':
      return; // the `then` branch's own error (e.g. a required field) is reported instead
    case 'anyOf': {
      // "a number or a text": one message for the value, not one per alternative.
      const types = list(((err.schema as { type?: string }[] | undefined) ?? []).map((x) => m.typeNames[x.type ?? ''] ?? x.type ?? ''), ' / ');
      return reportAt(file, out, path, 'value', m.wrongType(types));
    }
    case 'required': {
      const missing = String(p.missingProperty);
      if (err.schemaPath.includes('/then/') && file.role === 'config') {
        const data = valueAt(file.data, path) as Record<string, unknown> | undefined;
        return reportAt(file, out, path, 'key', m.elementsRequired(String(data?.id ?? '')), true);
      }
      return reportAt(file, out, path, 'key', m.required(missing), true);
    }
    case 'additionalProperties': {
      const field = String(p.additionalProperty);
      const known = Object.keys((err.parentSchema?.properties as object | undefined) ?? {});
      const suggestion = closest(field, known);
      const hint = suggestion ? m.didYouMean(suggestion) : known.length ? m.allowedFields(known.join(', ')) : '';
      return reportAt(file, out, [...path, field], 'key', joined(m.unknownField(field), hint), false, suggestion);
    }
    case 'type': {
      const types = list(
        String(p.type)
          .split(',')
          .map((x) => m.typeNames[x] ?? x),
        ' / ',
      );
      return reportAt(file, out, path, 'value', m.wrongType(types));
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const value = valueAt(file.data, path);
      const hint = typeof value === 'string' ? closest(value, allowed) : undefined;
      return reportAt(file, out, path, 'value', joined(m.mustBeOneOf(allowed.join(', ')), hint && m.didYouMean(hint)), false, hint);
    }
    case 'const':
      return reportAt(file, out, path, 'value', m.mustEqual(JSON.stringify(p.allowedValue)));
    case 'pattern': {
      const value = String(valueAt(file.data, path));
      if (p.pattern === NOT_BLANK) return reportAt(file, out, path, 'value', m.emptyValue);
      if (p.pattern === LOGO_PATTERN) return reportAt(file, out, path, 'value', m.logoNotImage(value));
      if (p.pattern === DATE_PATTERN) return reportAt(file, out, path, 'value', m.badDate(value));
      if (p.pattern === COLOR_PATTERN) return reportAt(file, out, path, 'value', m.badColor(value));
      return reportAt(file, out, path, 'value', p.pattern === ID_PATTERN ? m.badId(value) : m.badPattern(value));
    }
    case 'minItems':
      return reportAt(file, out, path, 'value', m.minItems(Number(p.limit)));
    case 'maxItems':
    case 'additionalItems':
      return reportAt(file, out, path, 'value', m.maxItems(Number(p.limit)));
    case 'minimum':
    case 'exclusiveMinimum':
      // The schemas bound every number to what a double holds exactly (±2^53 − 1).
      if (Math.abs(Number(p.limit)) === Number.MAX_SAFE_INTEGER) return reportAt(file, out, path, 'value', m.unsafeNumber);
      return reportAt(file, out, path, 'value', m.minimum(Number(p.limit)));
    case 'maximum':
    case 'exclusiveMaximum':
      if (Math.abs(Number(p.limit)) === Number.MAX_SAFE_INTEGER) return reportAt(file, out, path, 'value', m.unsafeNumber);
      return reportAt(file, out, path, 'value', m.maximum(Number(p.limit)));
    case 'minLength':
      return reportAt(file, out, path, 'value', m.emptyValue);
    case 'uniqueItems':
      return reportAt(file, out, [...path, Number(p.i)], 'value', m.duplicateItem);
    default:
      return reportAt(file, out, path, 'value', m.schemaOther(err.message ?? err.keyword));
  }
}

function reportAt(file: SourceFile, out: Collector, path: DataPath, want: 'key' | 'value', message: Message, firstLine = false, expected?: string): void {
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

function firstLineEnd(file: SourceFile): number {
  return file.source.lineEnd(file.source.position(file.yamlOffset).line - 1);
}

