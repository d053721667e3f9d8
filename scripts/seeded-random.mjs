// A seeded pseudo-random source (xorshift32): the same seed gives the same cases on every run.
// Shared by scripts/fuzz.mjs and the PDF page fuzz test (test/pdf/fuzz-pages.test.ts).

/** @param {number} seed */
export function rng(seed) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  return {
    next,
    /** @param {number} n */
    int: (n) => Math.floor(next() * n),
    /** @template T @param {readonly T[]} list @returns {T} */
    pick: (list) => list[Math.floor(next() * list.length)],
    /** @param {number} p */
    chance: (p) => next() < p,
  };
}
