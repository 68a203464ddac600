/**
 * Pilot (gray) groups: a stratified random pick per tier of customers to try a strategy on first, with a
 * control group from the same tiers, and the comparison of the two groups afterwards.
 *
 * The pick is reproducible and does not depend on row order: within each tier the customers are ordered
 * by a 32-bit hash of (seed, id), MurmurHash3 x86_32 of the id's UTF-8 bytes seeded with the seed (ties,
 * which need equal hashes, by id); the first round(share·n) are the pilot and the next round(control
 * share·n) the control (n = the tier's customers, rounded half up, the control cut so the two fit in n).
 * Any pilot is therefore within half a customer of share·n in every tier.
 */
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { CoreError } from "../cells/errors";
import { ascendingUint32Order } from "../math/sort";

/** Group codes in pickPilot's result; 0 = in neither group. */
export const PILOT = 1;
export const CONTROL = 2;

export interface PilotOptions {
  /** Share of each tier in the pilot: 0 < share ≤ 1. */
  share: number;
  /** Share of each tier in the control group: 0 ≤ controlShare, share + controlShare ≤ 1. Default: share. */
  controlShare?: number;
  /** A whole number; the same seed gives the same groups. Default 1. */
  seed?: number;
}

export interface GroupDifference {
  /** Pilot's proportion (repurchase) or mean (revenue change); NaN for an empty group. */
  pilot: number;
  control: number;
  /** pilot − control. */
  difference: number;
  /** The confidence interval of the difference. */
  low: number;
  high: number;
  /** Customers counted in each group (those with a value). */
  nPilot: number;
  nControl: number;
}

export interface PilotComparison {
  /** Share who bought again: difference of proportions, Newcombe's hybrid score interval. */
  repurchase: GroupDifference;
  /** Revenue change per customer: difference of means, Welch's t interval. */
  revenue: GroupDifference;
  confidence: number;
}

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/**
 * MurmurHash3, x86 32-bit, of the UTF-8 bytes of `text` (Austin Appleby's reference algorithm). The
 * UTF-16 code units are turned into UTF-8 bytes on the fly, four to a block, so no byte array is
 * allocated per id (a million ids hash without a million buffers); a lone surrogate counts as U+FFFD,
 * as TextEncoder writes it.
 */
export function murmur3(text: string, seed: number): number {
  let h = seed | 0;
  let k = 0; // the block being filled, byte by byte from the low end
  let filled = 0; // bytes in k
  let length = 0; // bytes in all
  const units = text.length;
  for (let i = 0; i < units; i++) {
    let c = text.charCodeAt(i);
    // The code point's UTF-8 bytes packed first byte lowest, and how many there are.
    let bytes: number;
    let count: number;
    if (c < 0x80) {
      bytes = c;
      count = 1;
    } else if (c < 0x800) {
      bytes = (0xc0 | (c >> 6)) | ((0x80 | (c & 0x3f)) << 8);
      count = 2;
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < units ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
        } else c = 0xfffd;
      }
      if (c < 0x10000) {
        bytes = (0xe0 | (c >> 12)) | ((0x80 | ((c >> 6) & 0x3f)) << 8) | ((0x80 | (c & 0x3f)) << 16);
        count = 3;
      } else {
        bytes = (0xf0 | (c >> 18)) | ((0x80 | ((c >> 12) & 0x3f)) << 8) | ((0x80 | ((c >> 6) & 0x3f)) << 16) | ((0x80 | (c & 0x3f)) << 24);
        count = 4;
      }
    }
    length += count;
    for (let b = 0; b < count; b++, bytes >>>= 8) {
      k |= (bytes & 0xff) << (filled << 3);
      if (++filled === 4) {
        k = Math.imul(k, C1);
        k = (k << 15) | (k >>> 17);
        h ^= Math.imul(k, C2);
        h = (h << 13) | (h >>> 19);
        h = (Math.imul(h, 5) + 0xe6546b64) | 0;
        k = 0;
        filled = 0;
      }
    }
  }
  if (filled > 0) {
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A whole-number seed as murmur3's 32-bit seed: seeds 0 … 2³²−1 as they are, larger or negative ones folded. */
function seed32(seed: number): number {
  const high = Math.floor(seed / 4294967296);
  return (seed >>> 0) ^ Math.imul(high | 0, 0x9e3779b9);
}

/** x rounded half up, with the 1e-9 tolerance of a share that is a decimal half (0.7 × 5 = 3.4999999999999996). */
function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5 + 1e-9 * Math.max(1, x));
}

/**
 * Which of the options a problem is about ("total": the two shares together). Each layer names the options its
 * own way (a function's `control_share`, the command's `--control-share`, the pane's control share field), so
 * a problem says which option it means by this field, and `argument` is only the name a function shows.
 */
export type PilotField = "share" | "controlShare" | "total" | "seed";

/** Why the core refuses pilot options: the code and details of the CoreError `pickPilot` throws for it. */
export type PilotOptionProblem =
  | { code: "pilotShare"; details: { field: "share"; argument: "share"; value: number } | { field: "controlShare"; argument: "control_share"; value: number } }
  | { code: "pilotSharesOverOne"; details: { field: "total"; share: number; controlShare: number; controlDefault: number } }
  | { code: "pilotSeed"; details: { field: "seed"; argument: "seed"; value: number } };

/**
 * Every bound of `options` broken, in the order `pickPilot` checks them (it throws the first): the share, the
 * control share, the two together (only when each passes alone), the seed. Pure, so the pane and the workbook
 * port can ask what the core would refuse without calling `pickPilot` and catching its error.
 */
export function pilotOptionProblems(options: PilotOptions): PilotOptionProblem[] {
  const { share } = options;
  const controlShare = options.controlShare ?? share;
  const seed = options.seed ?? 1;
  const problems: PilotOptionProblem[] = [];
  const shareOk = share > 0 && share <= 1;
  const controlOk = controlShare >= 0 && controlShare <= 1;
  if (!shareOk) problems.push({ code: "pilotShare", details: { field: "share", argument: "share", value: share } });
  if (!controlOk) problems.push({ code: "pilotShare", details: { field: "controlShare", argument: "control_share", value: controlShare } });
  if (shareOk && controlOk && share + controlShare > 1 + 1e-9) {
    problems.push({ code: "pilotSharesOverOne", details: { field: "total", share, controlShare, controlDefault: options.controlShare === undefined ? 1 : 0 } });
  }
  if (!Number.isSafeInteger(seed)) problems.push({ code: "pilotSeed", details: { field: "seed", argument: "seed", value: seed } });
  return problems;
}

function checkOptions(options: PilotOptions): { share: number; controlShare: number; seed: number } {
  const [first] = pilotOptionProblems(options);
  if (first) throw new CoreError(first.code, first.details);
  return { share: options.share, controlShare: options.controlShare ?? options.share, seed: options.seed ?? 1 };
}

/**
 * The rows with an id, ordered by (murmur3(id, seed), id): the hashes sorted as integers by the radix sort
 * of math/sort.ts (a comparator sort of 340,000 rows took most of a second), then each run of equal hashes,
 * rare, by id. Equal ids are then neighbours: an id twice is CoreError("duplicateId") naming the row where
 * it comes again and its first row, the same one a row-by-row scan meets first.
 */
function hashOrder(ids: readonly string[], seed: number): Uint32Array {
  let m = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== "") m++;
  const rows = new Uint32Array(m);
  const hash = new Uint32Array(m);
  for (let i = 0, k = 0; i < ids.length; i++) {
    if (ids[i] === "") continue;
    rows[k] = i;
    hash[k++] = murmur3(ids[i], seed);
  }
  const byHash = ascendingUint32Order(hash);
  const order = new Uint32Array(m);
  for (let k = 0; k < m; k++) order[k] = rows[byHash[k]];
  let duplicate: { id: string; row: number; firstRow: number } | null = null;
  for (let start = 0; start < m; ) {
    let end = start + 1;
    while (end < m && hash[byHash[end]] === hash[byHash[start]]) end++;
    if (end - start > 1) {
      // Rows of one id in row order, ids in text order (the comparator sort's order).
      const run = Array.from(order.subarray(start, end)).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
      order.set(run, start);
      for (let k = 1; k < run.length; k++) {
        // run[k] repeats run[k − 1]'s id: the first such row a scan meets is the earliest second occurrence.
        if (ids[run[k]] === ids[run[k - 1]] && (k < 2 || ids[run[k - 2]] !== ids[run[k]]) && (duplicate === null || run[k] < duplicate.row)) {
          duplicate = { id: ids[run[k]], row: run[k], firstRow: run[k - 1] };
        }
      }
    }
    start = end;
  }
  if (duplicate) throw new CoreError("duplicateId", duplicate);
  return order;
}

/**
 * Per row: PILOT, CONTROL or 0. Rows with an id and a tier ("" = neither) are eligible, tier by tier; an
 * id twice is a CoreError("duplicateId"). Per tier of n customers: round(share·n) pilot and
 * round(controlShare·n) control (at most n − pilot), by the seeded hash order (see the module comment).
 */
export function pickPilot(ids: readonly string[], tiers: readonly string[], options: PilotOptions): Uint8Array {
  if (tiers.length !== ids.length) throw new RangeError(`${ids.length} ids but ${tiers.length} tiers`);
  const { share, controlShare, seed } = checkOptions(options);
  const s = seed32(seed);
  const groups = new Uint8Array(ids.length);
  const order = hashOrder(ids, s);
  // Each tier's rows in the (hash, id) order: tiers numbered once, then the order split by tier, stably.
  const tierOf = new Int32Array(ids.length).fill(-1);
  const tierNumbers = new Map<string, number>();
  const sizes: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (tiers[i] === "") continue;
    let t = tierNumbers.get(tiers[i]);
    if (t === undefined) {
      t = sizes.length;
      tierNumbers.set(tiers[i], t);
      sizes.push(0);
    }
    tierOf[i] = t;
    sizes[t]++;
  }
  const byTier = sizes.map((size) => new Uint32Array(size));
  const filled = new Int32Array(sizes.length);
  for (let k = 0; k < order.length; k++) {
    const t = tierOf[order[k]];
    if (t >= 0) byTier[t][filled[t]++] = order[k];
  }
  for (const rows of byTier) {
    const n = rows.length;
    const pilot = Math.min(n, roundHalfUp(share * n));
    const control = Math.min(n - pilot, roundHalfUp(controlShare * n));
    for (let r = 0; r < pilot; r++) groups[rows[r]] = PILOT;
    for (let r = pilot; r < pilot + control; r++) groups[rows[r]] = CONTROL;
  }
  return groups;
}

/** Wilson's score interval for x successes in n. */
function wilson(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Difference of proportions x1/n1 − x2/n2 with Newcombe's hybrid score interval (method 10 of Newcombe
 * 1998, "Interval estimation for the difference between independent proportions"): the Wilson limits
 * of each group combined by the square root of the sum of squares. NaN where a group is empty.
 */
export function proportionDifference(x1: number, n1: number, x2: number, n2: number, confidence = 0.95): GroupDifference {
  const z = normalQuantile(1 - (1 - confidence) / 2, 0, 1);
  const p1 = n1 > 0 ? x1 / n1 : NaN;
  const p2 = n2 > 0 ? x2 / n2 : NaN;
  const difference = p1 - p2;
  if (!(n1 > 0 && n2 > 0)) return { pilot: p1, control: p2, difference, low: NaN, high: NaN, nPilot: n1, nControl: n2 };
  const [l1, u1] = wilson(x1, n1, z);
  const [l2, u2] = wilson(x2, n2, z);
  return {
    pilot: p1,
    control: p2,
    difference,
    low: difference - Math.hypot(p1 - l1, u2 - p2),
    high: difference + Math.hypot(u1 - p1, p2 - l2),
    nPilot: n1,
    nControl: n2,
  };
}

interface Moments {
  n: number;
  mean: number;
  /** Sample variance (n − 1), NaN below 2 values. */
  variance: number;
}

function moments(values: readonly number[]): Moments {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return { n, mean: n > 0 ? mean : NaN, variance: n > 1 ? ss / (n - 1) : NaN };
}

/**
 * Difference of means with Welch's t interval (Welch–Satterthwaite degrees of freedom). The interval is
 * NaN unless both groups have at least 2 values; when both groups are constant it is the difference itself.
 */
export function meanDifference(a: readonly number[], b: readonly number[], confidence = 0.95): GroupDifference {
  const x = moments(a);
  const y = moments(b);
  const difference = x.mean - y.mean;
  let low = NaN;
  let high = NaN;
  if (x.n >= 2 && y.n >= 2) {
    const vx = x.variance / x.n;
    const vy = y.variance / y.n;
    const se = Math.sqrt(vx + vy);
    if (se === 0) {
      low = high = difference;
    } else {
      // Welch–Satterthwaite, in shares of the total so that tiny variances do not underflow.
      const fx = vx / (vx + vy);
      const fy = vy / (vx + vy);
      const df = 1 / ((fx * fx) / (x.n - 1) + (fy * fy) / (y.n - 1));
      const t = tQuantile(1 - (1 - confidence) / 2, df);
      low = difference - t * se;
      high = difference + t * se;
    }
  }
  return { pilot: x.mean, control: y.mean, difference, low, high, nPilot: x.n, nControl: y.n };
}

/**
 * Pilot against control, per customer of either group: `repurchased` (1 bought again, 0 not) and
 * `revenueChange` (e.g. revenue after minus before). A NaN leaves the customer out of that comparison.
 * Repurchase: proportionDifference (interval NaN when a group has nobody); revenue: meanDifference
 * (interval NaN when a group has fewer than 2 customers). `confidence` is between 0 and 1 (default 0.95).
 */
export function comparePilot(
  groups: ArrayLike<number>,
  repurchased: ArrayLike<number>,
  revenueChange: ArrayLike<number>,
  confidence = 0.95,
): PilotComparison {
  if (!(confidence > 0 && confidence < 1)) throw new CoreError("badConfidence", { value: confidence });
  const n = groups.length;
  if (repurchased.length !== n || revenueChange.length !== n) {
    throw new RangeError(`columns differ in length: ${n}, ${repurchased.length}, ${revenueChange.length}`);
  }
  const count = [0, 0];
  const bought = [0, 0];
  const revenue: number[][] = [[], []];
  for (let i = 0; i < n; i++) {
    const g = groups[i] === PILOT ? 0 : groups[i] === CONTROL ? 1 : -1;
    if (g < 0) continue;
    const r = repurchased[i];
    if (r === r) {
      count[g]++;
      if (r !== 0) bought[g]++;
    }
    const v = revenueChange[i];
    if (v === v) revenue[g].push(v);
  }
  return {
    repurchase: proportionDifference(bought[0], count[0], bought[1], count[1], confidence),
    revenue: meanDifference(revenue[0], revenue[1], confidence),
    confidence,
  };
}
