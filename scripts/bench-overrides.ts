/**
 * Issue 15 §2: what people's overrides cost a run's core: reading the table (`readOverrides`, ids by the core's
 * rule, tier names in either language, dates) and applying it (`applyOverrides`) on seeded synthetic customers,
 * 1,000 and 100,000 override rows, against 1,000,000 customers. Figures go to docs/PERFORMANCE.md; not a test
 * (timings vary with the machine and its load).
 * Usage: npx esbuild scripts/bench-overrides.ts --bundle --platform=node --preserve-symlinks --outfile=dist-cli/bench-overrides.cjs && node dist-cli/bench-overrides.cjs
 */
import { applyOverrides, readOverrides } from "../src/core/tiers/overrides";
import { segmentVocabulary } from "../src/i18n/override-words";
import { segmentCn8 } from "../src/core/tiers/segments";
import { rng } from "./support/rng";

const N = Number(process.env.CUSTOMERS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 3);
const random = rng(15);

// Customers: numbers and text ids mixed, as a workbook's id column often is.
const ids = Array.from({ length: N }, (_, i) => (i % 2 ? i : `C${i}`));
const ownTier = Int32Array.from({ length: N }, () => Math.floor(random() * 8));
// The eight cn8 segments' names in both languages (segmentCn8 on no customers gives the names).
const vocabulary = segmentVocabulary(segmentCn8({ r: { scores: new Uint8Array(0) }, f: { scores: new Uint8Array(0) }, m: { scores: new Uint8Array(0) } } as never));

function median(f: () => unknown): number {
  const ms: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return Math.round(ms[Math.floor(ms.length / 2)] * 10) / 10;
}

for (const rows of [1_000, 100_000]) {
  const customers = Array.from({ length: rows }, () => {
    const i = Math.floor(random() * N);
    return i % 2 ? String(i) : `C${i}`;
  });
  const tiers = Array.from({ length: rows }, (_, r) => vocabulary[r % vocabulary.length][1 + (r % 2)] ?? vocabulary[r % vocabulary.length][0]);
  const untils = Array.from({ length: rows }, (_, r) => (r % 3 === 0 ? "" : `2026-${String(1 + (r % 12)).padStart(2, "0")}-28`));
  const columns = { customers, tiers, reasons: customers.map(() => "reason"), untils };
  const read = median(() => readOverrides(columns, vocabulary));
  const overrides = readOverrides(columns, vocabulary);
  const apply = median(() => applyOverrides(ids, ownTier, overrides, 46200));
  const applied = applyOverrides(ids, ownTier, overrides, 46200);
  console.log(`${rows} override rows, ${N} customers: read ${read} ms, apply ${apply} ms (active ${applied.active}, expired ${applied.expired}, unmatched ${applied.unmatched})`);
}
