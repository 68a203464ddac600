/**
 * Membership levels (issue 15 §1, src/core/over-time/levels.ts): the independent replay on CDNOW_master with a
 * three-level spend policy (every customer, every column, every change), then one hand-made case per rule, the
 * review dates, the metric's rules for returns and orders, and the policy's checks.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDateText, serialToIsoDate } from "../../../src/core/cells/dates";
import { computeLevels, NO_DATE, NO_LEVEL, type LevelPolicy, type LevelsResult } from "../../../src/core/over-time/levels";
import type { Transactions } from "../../../src/core/transactions/model";
import { readTransactions } from "../../../src/core/transactions/read";
import { replayLevels, type ReplayPolicy } from "./levels-replay";

const DATA = new URL("../../../../shared/data/", import.meta.url).pathname;
const d = (s: string) => parseDateText(s);
const iso = (serial: number) => (serial === NO_DATE ? "" : serialToIsoDate(serial));

/** CDNOW_master: id, yyyymmdd, CDs, dollars (whitespace separated). */
function readCdnowMaster(): Transactions {
  const lines = readFileSync(`${DATA}CDNOW_master.txt`, "utf8").trim().split(/\r?\n/);
  const ids: string[] = [];
  const dates: string[] = [];
  const amounts: number[] = [];
  for (const line of lines) {
    const [id, ymd, , dollars] = line.trim().split(/\s+/);
    ids.push(id);
    dates.push(`${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`);
    amounts.push(Number(dollars));
  }
  return readTransactions({ customers: ids, dates, amounts });
}

const THREE: LevelPolicy = {
  levels: [
    { name: "Silver", entry: 50, keep: 30 },
    { name: "Gold", entry: 200, keep: 150 },
    { name: "Platinum", entry: 500, keep: 400 },
  ],
  metric: "spend",
  windowMonths: 12,
  validityMonths: 12,
};

/** The product's result equals the replay for every customer and every change. */
function expectSameAsReplay(result: LevelsResult, tx: Transactions, policy: ReplayPolicy, asOf: number, from?: number): void {
  const replay = replayLevels(tx, policy, asOf, from);
  expect(result.customerIds.length).toBe(replay.customers.size);
  let mismatches = 0;
  result.customerIds.forEach((id, c) => {
    const r = replay.customers.get(id);
    const same =
      r !== undefined &&
      r.level === result.level[c] &&
      r.since === result.since[c] &&
      r.expires === result.expires[c] &&
      Object.is(r.metric, result.metric[c]) &&
      r.gapToNext === result.gapToNext[c] &&
      r.gapToKeep === result.gapToKeep[c] &&
      r.downgrades === (result.downgradesNextReview[c] === 1);
    // One toEqual on the first mismatch shows it; a loop, not toEqual on 23,570 rows (which takes seconds).
    if (!same && mismatches++ === 0) {
      expect({ id, level: result.level[c], since: result.since[c], expires: result.expires[c], metric: result.metric[c], gapToNext: result.gapToNext[c], gapToKeep: result.gapToKeep[c], downgrades: result.downgradesNextReview[c] === 1 }).toEqual({ id, ...r });
    }
  });
  expect(mismatches).toBe(0);
  const changes = result.changes.map((ch) => ({ id: result.customerIds[ch.customer], date: ch.date, from: ch.from, to: ch.to, reason: ch.reason }));
  const key = (x: { id: string | number; date: number }) => `${x.id}\u0000${String(x.date).padStart(8, "0")}`;
  const byKey = (a: { id: string | number; date: number }, b: { id: string | number; date: number }) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  expect(changes.length).toBe(replay.changes.length);
  expect([...changes].sort(byKey)).toEqual([...replay.changes].sort(byKey));
}

describe("the independent replay on CDNOW_master", () => {
  const tx = readCdnowMaster();
  it("three-level spend policy (entry 50/200/500, keep 30/150/400, W 12, V 12) as of 1998-06-30: every customer and change equal", () => {
    const asOf = d("1998-06-30");
    const result = computeLevels(tx, THREE, asOf);
    expect(result.customerIds.length).toBe(23570);
    expect(result.reviews).toEqual({ first: d("1997-01-31"), last: asOf, count: 18, next: d("1998-07-31") });
    expectSameAsReplay(result, tx, THREE, asOf);
    // Not a trivial case: every rule happens on this file.
    const reasons = new Set(result.changes.map((c) => c.reason));
    expect([...reasons].sort()).toEqual(["downgrade", "kept", "upgrade"]);
    expect(result.changes.some((c) => c.reason === "downgrade" && c.to === NO_LEVEL)).toBe(true);
    expect(result.changes.some((c) => c.reason === "downgrade" && c.to >= 0)).toBe(true);
    for (const l of [NO_LEVEL, 0, 1, 2]) expect(result.level.some((x) => x === l)).toBe(true);
    expect(result.downgradesNextReview.some((x) => x === 1)).toBe(true);
  });
  it("as of a day that is not a month-end (1998-03-15), with a window of 6 and validity of 3 months, from 1997-04-01", () => {
    const policy = { ...THREE, windowMonths: 6, validityMonths: 3 };
    const result = computeLevels(tx, policy, d("1998-03-15"), d("1997-04-01"));
    expect(iso(result.reviews.first)).toBe("1997-04-30");
    expect(iso(result.reviews.last)).toBe("1998-03-15");
    expect(iso(result.reviews.next)).toBe("1998-03-31");
    expectSameAsReplay(result, tx, policy, d("1998-03-15"), d("1997-04-01"));
  });
  it("orders metric (entry 2/5/10, keep 1/4/8)", () => {
    const policy: LevelPolicy = { levels: [{ name: "a", entry: 2, keep: 1 }, { name: "b", entry: 5, keep: 4 }, { name: "c", entry: 10, keep: 8 }], metric: "orders", windowMonths: 12, validityMonths: 12 };
    expectSameAsReplay(computeLevels(tx, policy, d("1998-06-30")), tx, policy, d("1998-06-30"));
  });
});
