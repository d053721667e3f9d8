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
