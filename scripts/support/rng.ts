/**
 * Mulberry32, a small seeded generator: the bench scripts build their synthetic data from it so that every run
 * (and the before/after runs of a comparison) times the same rows, and tests that make a bench's kind of data
 * use it too (test/core/models/gammagamma-start.test.ts). Not for anything the product computes.
 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
