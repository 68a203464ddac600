/**
 * P(alive) and CLV on the movers (over-time/movers-predict.ts): the models calibrated to the later snapshot's date
 * give each mover what a prediction on the file cut at that date gives (CDNOW_master, the last two quarter-ends
 * of 1997), joined by id; movers unknown then have none; the diagnostics come along, not hidden.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDateText } from "../../../src/core/cells/dates";
import { runClvModels } from "../../../src/core/models/predict";
import { buildHistory } from "../../../src/core/over-time/history";
import { historyMovers } from "../../../src/core/over-time/movers";
import { moverPredictions } from "../../../src/core/over-time/movers-predict";
import { transactionsAsOf } from "../../../src/core/transactions/summary";
import { readTransactions } from "../../../src/core/transactions/read";
import { expectCoreError } from "../../support/core-error";

const DATA = new URL("../../../../shared/data/", import.meta.url).pathname;

/** CDNOW_master: id, yyyymmdd, CDs, dollars (whitespace separated). */
function readCdnowMaster() {
  const rows = readFileSync(`${DATA}CDNOW_master.txt`, "utf8").trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/));
  return readTransactions({ customers: rows.map((r) => r[0]), dates: rows.map((r) => `${r[1].slice(0, 4)}-${r[1].slice(4, 6)}-${r[1].slice(6, 8)}`), amounts: rows.map((r) => Number(r[3])) });
}

describe("moverPredictions", () => {
  const tx = readCdnowMaster();
  const options = { unit: "week" as const, horizonMonths: 12, monthlyDiscount: 0.01 };

  it("equals the models fitted on the file cut at the later snapshot's date, joined by id", () => {
    const history = buildHistory(tx, { every: "quarter", from: parseDateText("1997-06-30"), to: parseDateText("1997-12-31"), tiering: { by: "abcClass", basis: "revenue", aCut: 0.8, bCut: 0.95 } });
    const found = historyMovers(history);
    // A customer the file does not know by then (an id from elsewhere) gets no prediction, not a guess.
    const stranger = { ...found.rows[0], id: "not-a-customer" };
    const movers = { ...found, rows: [...found.rows, stranger] };
    const asOf = history.snapshots.at(-1)!.asOf;
    const p = moverPredictions(movers, tx, asOf, options);
    const cut = runClvModels(transactionsAsOf(tx, asOf), { ...options, calibrationEnd: asOf });
    const at = new Map(cut.summary.customerIds.map((id, k) => [String(id), k]));
    expect(p.calibrationEnd).toBe(asOf);
    expect(p.modelled).toBe(cut.summary.customerIds.length);
    let checked = 0;
    movers.rows.forEach((r, i) => {
      const k = at.get(r.id);
      if (k === undefined) {
        expect([r.id, p.pAlive[i], p.clv[i]]).toEqual(["not-a-customer", NaN, NaN]);
        return;
      }
      expect(p.pAlive[i]).toBeCloseTo(cut.predictions.pAlive[k], 9);
      expect(p.clv[i]).toBeCloseTo(cut.predictions.clv[k], 6);
      checked++;
    });
    expect(checked).toBe(found.rows.length);
    expect(p.pAlive.slice(0, -1).every((v) => v >= 0 && v <= 1)).toBe(true);
    // CDNOW's BG/NBD identifies dropout: no such diagnostic.
    expect(p.diagnostics.map((d) => d.code)).not.toContain("dropout-not-identified");
  });

  it("data the models cannot fit: the core's error, no P(alive) invented", () => {
    const small = readTransactions({ customers: ["a", "b", "a", "c"], dates: ["2024-01-02", "2024-01-03", "2024-02-01", "2024-03-01"], amounts: [10, 20, 15, 5] });
    const movers = { tiers: ["A"], ordered: true, rows: ["a", "c"].map((id) => ({ id, before: "", after: "A", direction: "new" as const, measureBefore: NaN, measureAfter: NaN, change: NaN, beforeRow: -1, afterRow: 0 })) };
    // One repeat buyer: the spend model has too little to fit, and says so.
    expectCoreError(() => moverPredictions(movers, small, parseDateText("2024-02-29"), options), "noRepeatSpend");
  });
});
