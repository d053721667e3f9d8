// The yaml library's syntax errors in the user's words. Each error code (and, where one code
// covers several mistakes, each of its messages) gets an explanation and a hint, instead of the
// parser's English ("Nested mappings are not allowed in compact mappings").
//
// Codes (yaml 2.x, ErrorCode in dist/errors.d.ts): ALIAS_PROPS, BAD_ALIAS, BAD_COLLECTION_TYPE,
// BAD_DIRECTIVE, BAD_DQ_ESCAPE, BAD_INDENT, BAD_PROP_ORDER, BAD_SCALAR_START,
// BLOCK_AS_IMPLICIT_KEY, BLOCK_IN_FLOW, DUPLICATE_KEY, IMPOSSIBLE, KEY_OVER_1024_CHARS,
// MISSING_CHAR, MULTILINE_IMPLICIT_KEY, MULTIPLE_ANCHORS, MULTIPLE_DOCS, MULTIPLE_TAGS,
// NON_STRING_KEY, RESOURCE_EXHAUSTION, TAB_AS_INDENT, TAG_RESOLVE_FAILED, UNEXPECTED_TOKEN.

import type { ErrorCode, YAMLError } from 'yaml';
import { m, type Phrase } from '../diagnostics/message.js';
import { MAX_DEPTH } from './nesting.js';

/** Every code the library can report, for the tests to check that none is left to English. */
export const YAML_ERROR_CODES: readonly ErrorCode[] = [
  'ALIAS_PROPS',
  'BAD_ALIAS',
  'BAD_COLLECTION_TYPE',
  'BAD_DIRECTIVE',
  'BAD_DQ_ESCAPE',
  'BAD_INDENT',
  'BAD_PROP_ORDER',
  'BAD_SCALAR_START',
  'BLOCK_AS_IMPLICIT_KEY',
  'BLOCK_IN_FLOW',
  'DUPLICATE_KEY',
  'IMPOSSIBLE',
  'KEY_OVER_1024_CHARS',
  'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY',
  'MULTIPLE_ANCHORS',
  'MULTIPLE_DOCS',
  'MULTIPLE_TAGS',
  'NON_STRING_KEY',
  'RESOURCE_EXHAUSTION',
  'TAB_AS_INDENT',
  'TAG_RESOLVE_FAILED',
  'UNEXPECTED_TOKEN',
];

/** The message (keys and arguments) for one of the yaml library's errors; `src` is the YAML text the positions refer to. */
export function yamlErrorMessage(err: Pick<YAMLError, 'code' | 'message' | 'pos'>, src: string): Phrase {
  const y = m.yamlSyntax;
  const detail = err.message;
  const wrap = (s: Phrase) => m.yamlError(s);
  switch (err.code) {
    case 'DUPLICATE_KEY': {
      const k = /^[^\n:]*/.exec(src.slice(err.pos[0]));
      return m.duplicateKey((k?.[0] ?? '').trim().replace(/^["']|["']$/g, ''));
    }
    case 'TAB_AS_INDENT':
      return m.tabIndent;
    case 'MULTIPLE_DOCS':
      return m.multipleDocuments;
    case 'RESOURCE_EXHAUSTION':
      return m.tooDeep(MAX_DEPTH);
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/block sequence/i.test(detail)) return wrap(y.blockSeqAsKey);
      // "a: Rencana: Aksi" — the ": " is on this line — or a key indented under a value, which
      // the parser reads as the continuation of that value.
      return wrap(colonOnLine(src, err.pos[0]) ? y.colonInValue : y.misindentedKey);
    case 'MULTILINE_IMPLICIT_KEY':
      return wrap(y.multilineKey);
    case 'BAD_INDENT':
      if (/mapping items/i.test(detail)) return wrap(y.mappingIndent);
      if (/sequence items/i.test(detail)) return wrap(y.sequenceIndent);
      if (/^Block scalar/i.test(detail)) return wrap(y.blockScalarIndent);
      if (/Flow end indicator/i.test(detail)) return wrap(y.flowEndIndent);
      if (/end with a (\S)/.test(detail)) return wrap(y.unclosedFlow(/end with a (\S)/.exec(detail)![1]));
      return wrap(y.badIndent);
    case 'MISSING_CHAR':
      if (/closing "quote/.test(detail)) return wrap(y.unclosedQuote('"'));
      if (/closing 'quote/.test(detail)) return wrap(y.unclosedQuote("'"));
      if (/followed by map values/.test(detail)) return wrap(y.keyWithoutValue);
      if (/Missing space after :/.test(detail)) return wrap(y.missingSpaceAfterColon);
      if (/Missing , /.test(detail)) return wrap(y.missingComma);
      if (/^Comments must be separated/.test(detail)) return wrap(y.commentSpace);
      if (/^Tags and anchors must be separated/.test(detail)) return wrap(y.propsSpace);
      if (/without - indicator/.test(detail)) return wrap(y.sequenceWithoutDash);
      if (/explicit indentation indicator/.test(detail)) return wrap(y.blockScalarHeader);
      if (/directives-end/.test(detail)) return wrap(y.missingDocumentStart);
      if (/end with a (\S)/.test(detail)) return wrap(y.unclosedFlow(/end with a (\S)/.exec(detail)![1]));
      return wrap(y.missingChar);
    case 'BAD_SCALAR_START':
      return wrap(y.badScalarStart(/cannot start with (?:reserved character )?(.)/.exec(detail)?.[1] ?? src.charAt(err.pos[0])));
    case 'UNEXPECTED_TOKEN':
      if (/Unexpected , |empty item/.test(detail)) return wrap(y.unexpectedComma);
      if (/at node end/.test(detail)) return wrap(y.unexpectedText);
      return wrap(y.unexpectedToken(JSON.stringify(tokenAt(src, err.pos[0]))));
    case 'BLOCK_IN_FLOW':
      return wrap(y.blockInFlow);
    case 'BAD_DQ_ESCAPE':
      return wrap(y.badEscape(/escape sequence (\S+)/.exec(detail)?.[1] ?? '\\'));
    case 'BAD_ALIAS':
      return wrap(y.badAlias);
    case 'ALIAS_PROPS':
      return wrap(y.aliasProps);
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
      return wrap(y.multipleProps);
    case 'BAD_PROP_ORDER':
      return wrap(y.propOrder);
    case 'BAD_DIRECTIVE':
      return wrap(y.badDirective);
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return wrap(y.tagFailed);
    case 'NON_STRING_KEY':
      return wrap(y.nonStringKey);
    case 'KEY_OVER_1024_CHARS':
      return wrap(y.keyTooLong);
    case 'IMPOSSIBLE':
    default:
      return wrap(y.other);
  }
}

/** Whether the rest of the line from `offset` holds a ": " (or ends in ":"). */
function colonOnLine(src: string, offset: number): boolean {
  const end = src.indexOf('\n', offset);
  const rest = src.slice(offset, end === -1 ? undefined : end).replace(/\r$/, '');
  return /:(\s|$)/.test(rest);
}

/** The character (or short word) at an offset, for "X is not expected here". */
function tokenAt(src: string, offset: number): string {
  const m = /^[^\s]{1,20}/.exec(src.slice(offset));
  return m ? m[0] : src.charAt(offset);
}
