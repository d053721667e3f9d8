// The nesting pre-check (src/load/nesting.ts): its shortcut (brackets counted, line lengths
// measured with indexOf) answers "not too deep" only where the full scan does, at the limit too.

import { describe, expect, it } from 'vitest';
import { cannotBeTooDeep, scanDepth, tooDeepAt } from '../../src/load/nesting.js';

describe('tooDeepAt', () => {
  const max = 3;
  const cases: { name: string; yaml: string; at: number | undefined; shortcut: boolean }[] = [
    { name: 'flat', yaml: 'a: 1\nb: [1]\n', at: undefined, shortcut: true },
    { name: 'three brackets deep', yaml: '[[{1}]]\n', at: undefined, shortcut: true },
    { name: 'three brackets deep, a long line', yaml: 'a: [[[1]]]\n', at: undefined, shortcut: false },
    { name: 'four brackets deep', yaml: 'a: [[{[1]}]]\n', at: 6, shortcut: false },
    { name: 'four brackets, not nested', yaml: 'a: [1]\nb: [2]\nc: {d: [3]}\n', at: undefined, shortcut: false },
    { name: 'four brackets inside quotes', yaml: 'a: "[[[["\n', at: undefined, shortcut: false },
    { name: 'three dashes on a line', yaml: 'a:\n- - - x\n', at: undefined, shortcut: true },
    { name: 'four dashes on a line (8 characters)', yaml: 'a:\n- - - - ', at: 9, shortcut: false },
    { name: 'four dashes on the first line', yaml: '- - - - x', at: 6, shortcut: false },
    { name: 'a long line without dashes', yaml: 'a: abcdefgh\n', at: undefined, shortcut: false },
    { name: 'a line of 7 characters', yaml: 'a: abcd\nb: 1\n', at: undefined, shortcut: true },
  ];
  it.each(cases)('$name', ({ yaml, at, shortcut }) => {
    expect(cannotBeTooDeep(yaml, max)).toBe(shortcut);
    expect(scanDepth(yaml, max)).toBe(at);
    expect(tooDeepAt(yaml, max)).toBe(at);
  });

  it('the shortcut never hides what the scan finds (random texts, limit 3)', () => {
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const alphabet = ['[', '[', '[', '{', '{', ']', '}', '-', '-', '-', ' ', ' ', ' ', '\t', '\n', '\n', '"', "'", '#', ':', ',', 'a', '\\'];
    let found = 0;
    for (let n = 0; n < 20000; n++) {
      let s = '';
      const len = next() % 32;
      for (let i = 0; i < len; i++) s += alphabet[next() % alphabet.length];
      const scanned = scanDepth(s, max);
      if (scanned !== undefined) found++;
      if (cannotBeTooDeep(s, max)) expect(scanned, JSON.stringify(s)).toBeUndefined();
      expect(tooDeepAt(s, max)).toBe(scanned);
    }
    // The texts do reach the limit often enough for this to mean something.
    expect(found).toBeGreaterThan(500);
  });

  it('the default limit: 1000 brackets deep is fine, 1001 is not', () => {
    expect(tooDeepAt('a: ' + '['.repeat(1000) + ']'.repeat(1000))).toBeUndefined();
    expect(tooDeepAt('a: ' + '['.repeat(1001) + ']'.repeat(1001))).toBe(3 + 1000);
    expect(tooDeepAt('- '.repeat(1001) + 'x')).toBe(2000);
  });
});
