// A PDF job as data, for a worker thread: the book layout is plain data except its two
// functions, which cannot cross a thread: `resolve` travels as its table (every id the project
// knows, resolved in the main thread), `labels` as the book's language (the worker takes them
// from the same language tables).

import type { BookDoc, Target } from '../book/types.js';
import { locale } from '../i18n/index.js';

export type JobDoc = Omit<BookDoc, 'resolve' | 'labels'> & { targets: Map<string, Target> };

/** `ids`: every id `doc.resolve` may know (records and Pokja); any other id resolves to nothing. */
export function toJobDoc(doc: BookDoc, ids: readonly string[]): JobDoc {
  const { resolve, labels: _labels, ...data } = doc;
  const targets = new Map<string, Target>();
  for (const id of ids) {
    const target = resolve(id);
    if (target) targets.set(id, target);
  }
  return { ...data, targets };
}

export function fromJobDoc(job: JobDoc): BookDoc {
  const { targets, ...data } = job;
  return { ...data, resolve: (id) => targets.get(id), labels: locale(job.lang).render };
}
