// Numbers, money and dates in the book's language (no Intl: the output must not depend on the
// ICU data of the machine that builds it).

import type { Locale } from '../i18n/index.js';

export function groupDigits(n: number, sep: string): string {
  const negative = n < 0;
  const digits = Math.trunc(Math.abs(n)).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return negative ? `-${grouped}` : grouped;
}

export function formatNumber(n: number, loc: Locale): string {
  const b = loc.book;
  if (Number.isInteger(n)) return groupDigits(n, b.thousands);
  const [int, frac] = n.toString().split('.');
  return `${groupDigits(Number(int), b.thousands)}${b.decimal}${frac ?? ''}`;
}

export function formatMoney(n: number, loc: Locale): string {
  return loc.book.money(groupDigits(n, loc.book.thousands));
}

export function formatDate(date: Date, loc: Locale): string {
  return loc.book.formatDate(date.getUTCDate(), loc.book.months[date.getUTCMonth()], date.getUTCFullYear());
}

export function formatPeriod([from, to]: readonly [number, number]): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/** 1 → "I", 4 → "IV", 14 → "XIV" (chapter numbers and front-matter page numbers). */
export function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = Math.max(0, Math.trunc(n));
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** An ISO date (yyyy-mm-dd) in the book's language: "15 Maret 2024". */
export function formatIsoDate(iso: string, loc: Locale): string {
  return formatDate(new Date(`${iso}T00:00:00Z`), loc);
}
