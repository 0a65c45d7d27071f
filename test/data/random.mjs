// The one seeded PRNG of the test data (network.ts, fixtures/csv/generate.ts, fixtures/archive/generate.mjs): the
// same seed always gives the same data, so a run can be repeated and two runs compared over identical copies.
// Plain JavaScript, so the archive generator loads it in Node without a TypeScript step (the bench runs it so).

/**
 * mulberry32: small, fast and deterministic; numbers in [0, 1).
 * @param {number} seed
 * @returns {() => number}
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
