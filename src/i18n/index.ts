import type { Lang } from '../model/types.js';
import { en } from './en.js';
import { id, type Locale } from './id.js';

export type { Locale } from './id.js';

const LOCALES: Record<Lang, Locale> = { id, en };

export function locale(lang: Lang): Locale {
  return LOCALES[lang];
}

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}
