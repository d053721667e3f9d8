// What a diagnostic says, without the words: a message key of the locale tables (src/i18n/id.ts,
// en.ts) and its arguments. Checks build these with the phrasebook `m` (same shape as the
// `messages` table: `m.unknownRef(m.kinds.program, 'PP-99')` records
// { id: 'unknownRef', args: [{ id: 'kinds.program', args: [] }, 'PP-99'] }); the text is written
// late, by `phraseText(p, locale)`, in the language of whoever reports it.

import { formatMoney } from '../book/format.js';
import type { Locale } from '../i18n/index.js';
import { id as shape } from '../i18n/id.js';

type Messages = Locale['messages'];

/** An amount of money, written in the locale's style ("Rp 1.500.000"). */
export interface Money {
  money: number;
}

/** Items written one after the other with a separator ("angka / teks"). */
export interface List {
  list: readonly (string | Phrase)[];
  sep: string;
}

/** A message argument: as written (an id, a path, a year), or a phrase, amount or list rendered first. */
export type Arg = string | number | boolean | Phrase | Money | List;

export interface Phrase {
  /** Dotted path of the entry: in the `messages` table, or in `book` when `table` says so. */
  readonly id: string;
  readonly args: readonly Arg[];
  readonly table?: 'book';
}

/** A whole diagnostic message: phrases joined by "; " (a problem, then e.g. its did-you-mean). */
export type Message = Phrase | readonly Phrase[];

type Text = string | Phrase | Money | List;
type Lift<A extends readonly unknown[]> = { [I in keyof A]: A[I] extends string ? Text : A[I] };

/** The recording twin of a table: functions and strings become phrases, nested tables recurse. */
export type Phrasebook<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string
    ? (...args: Lift<A>) => Phrase
    : T[K] extends string
      ? Phrase
      : T[K] extends object
        ? Phrasebook<T[K]>
        : never;
};

function record<T extends object>(table: T, prefix: string, tag: 'book' | undefined): Phrasebook<T> {
  const book = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(table)) {
    const id = prefix + key;
    const base = tag ? { table: tag } : {};
    if (typeof value === 'function') book[key] = (...args: Arg[]) => ({ id, args, ...base });
    else if (typeof value === 'string') book[key] = { id, args: [], ...base };
    else if (value && typeof value === 'object') book[key] = record(value as object, `${id}.`, tag);
  }
  return book as Phrasebook<T>;
}

/** Message keys of the `messages` table (the Indonesian table gives the shape; en.ts has the same). */
export const m: Phrasebook<Messages> = record(shape.messages, '', undefined);

/** A horizon's name ("jangka menengah"), from the book table. */
export const horizonName = (horizon: string): Phrase => ({ id: `horizons.${horizon}`, args: [], table: 'book' });

export const list = (items: readonly (string | Phrase)[], sep: string): List => ({ list: items, sep });

/** Phrases of a message, the missing parts (no hint) left out. */
export function joined(...parts: (Phrase | undefined | false | '')[]): Phrase[] {
  return parts.filter((p): p is Phrase => !!p);
}

export function isPhrase(x: unknown): x is Phrase {
  return typeof x === 'object' && x !== null && typeof (x as Phrase).id === 'string' && Array.isArray((x as Phrase).args);
}

/** The text of a phrase in a locale. An unknown key is a programming error: it throws. */
export function phraseText(p: Phrase, loc: Locale): string {
  let entry: unknown = p.table === 'book' ? loc.book : loc.messages;
  for (const key of p.id.split('.')) entry = (entry as Record<string, unknown> | undefined)?.[key];
  const args = p.args.map((a) => argText(a, loc));
  if (typeof entry === 'function') return (entry as (...a: unknown[]) => string)(...args);
  if (typeof entry === 'string') return entry;
  throw new Error(`no message "${p.id}" in locale ${loc.code}`);
}

function argText(a: Arg, loc: Locale): string | number | boolean {
  if (typeof a !== 'object') return a;
  if ('money' in a) return formatMoney(a.money, loc);
  if ('list' in a) return a.list.map((x) => (typeof x === 'string' ? x : phraseText(x, loc))).join(a.sep);
  return phraseText(a, loc);
}

/** The text of a whole message. */
export function messageText(message: Message, loc: Locale): string {
  return isPhrase(message) ? phraseText(message, loc) : (message as readonly Phrase[]).map((p) => phraseText(p, loc)).join('; ');
}
