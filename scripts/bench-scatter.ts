/**
 * Figures for docs/PERFORMANCE.md "The scatter of customers" (issue 17): the time the run spends drawing the scatter's
 * sample (src/excel/scatter.ts `customerSample`: one radix sort of every customer's revenue, the log-scale checks,
 * the even picks) at 23,570 (CDNOW), 100,000 and 1,000,000 customers in 11 tiers, and the bytes the sample's block
 * adds to the run's last write sync (values and number formats as JSON, as the stand-in and `rowBytes` count them).
 * With it, the core's radix sort of the revenue column alone, as a yardstick on a shared machine. Skewed data as customers' are: orders geometric-like, revenue log-normal, seeded.
 * Run: npx esbuild scripts/bench-scatter.ts --bundle --platform=node --outfile=.bench/scatter.cjs && node .bench/scatter.cjs
 */
import { ascendingOrder } from "../src/core/math/sort";
import { customerSample, scatterBlock } from "../src/excel/scatter";
import { messages } from "../src/i18n";

function population(n: number) {
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const tierOf = new Int32Array(n);
  const frequency = new Int32Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    tierOf[i] = Math.floor(random() * 11);
    frequency[i] = 1 + Math.floor(-Math.log(1 - random()) * 3);
    monetary[i] = Math.exp(5 + 1.5 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
  }
  return { tierOf, frequency, monetary, tiers: Array.from({ length: 11 }, (_, k) => ({ index: k, label: `Tier ${k + 1}` })) };
}

const m = messages("en");
for (const n of [23_570, 100_000, 1_000_000]) {
  const input = population(n);
  // A yardstick measured beside it: the core's radix sort of the same revenue column alone (on a machine shared with
  // other work, the ratio says more than the milliseconds).
  const sorts: number[] = [];
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    ascendingOrder(input.monetary);
    sorts.push(performance.now() - start);
  }
  sorts.sort((a, b) => a - b);
  const times: number[] = [];
  let sample = customerSample(input);
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    sample = customerSample(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const { block } = scatterBlock(sample, 40, 22, "Segment", m);
  const bytes = Buffer.byteLength(JSON.stringify(block.values)) + Buffer.byteLength(JSON.stringify(block.formats));
  console.log(JSON.stringify({ customers: n, medianMs: Number(times[2].toFixed(1)), radixSortMs: Number(sorts[2].toFixed(1)), points: sample.frequency.length, logFrequency: sample.logFrequency, logMonetary: sample.logMonetary, blockBytes: bytes }));
}
