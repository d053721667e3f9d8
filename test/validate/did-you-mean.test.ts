// src/check/did-you-mean.ts: optimal-string-alignment distance and the closest known name.

import { describe, expect, it } from 'vitest';
import { closest, distance } from '../../src/check/did-you-mean.js';

describe('distance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 3],
    ['titel', 'title', 1], // one swapped pair
    ['ab', 'ba', 1],
    ['ca', 'abc', 3], // optimal string alignment, not full Damerau–Levenshtein (which gives 2)
    ['summary', 'sumary', 1],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(distance(a, b)).toBe(d);
    expect(distance(b, a)).toBe(d);
  });
});

describe('closest', () => {
  const FIELDS = ['pokja', 'stage', 'title', 'summary', 'status', 'narrative', 'roadmap', 'regulations'];

  it('typos of known fields', () => {
    expect(closest('titel', FIELDS)).toBe('title');
    expect(closest('tilte', FIELDS)).toBe('title');
    expect(closest('narativ', FIELDS)).toBe('narrative');
    expect(closest('roadmaps', FIELDS)).toBe('roadmap');
  });

  it('compares case-insensitively and returns the candidate as spelled', () => {
    expect(closest('TITLE', FIELDS)).toBe('title');
  });

  it('nothing when the word is too far (limit: a third of its length, at least 1)', () => {
    expect(closest('xyz', FIELDS)).toBeUndefined();
    expect(closest('ttl', ['title'])).toBeUndefined(); // distance 2 > limit 1
    expect(closest('titl', ['title'])).toBe('title'); // distance 1 = limit 1
    expect(closest('budgett', ['budget'])).toBe('budget');
    expect(closest('anything', [])).toBeUndefined();
  });

  it('ties go to the alphabetically first candidate, whatever the order given', () => {
    expect(closest('INO-9', ['INO-2', 'INO-1'])).toBe('INO-1');
    expect(closest('INO-9', ['INO-1', 'INO-2'])).toBe('INO-1');
  });

  it('an exact match wins', () => {
    expect(closest('stage', FIELDS)).toBe('stage');
  });
});
