/**
 * A dropout parameter at its limit is reported as such (issue 12): on purchases spread evenly over two years
 * (the functions bench's data: nobody drops out), BG/NBD's b/a runs off to its limit, where the likelihood
 * no longer depends on a; a ended at whatever number the search stopped at (≈ 766 on the bench) and was
 * shown as if estimated, with a standard error, while r, α and b were flagged. Now a is at the limit with b:
 * no standard error, in `limits`, and the diagnostic says dropout is not identified because of the limit.
 * In the sheet, =TIER.CLVFIT's a row has no standard error, as r's, α's and b's have none; `tier fit` lists a
 * in `limits` with a null standard error.
 */
import { describe, expect, it } from "vitest";
import { fitBgNbd } from "../../../src/core/models/bgnbd";
import { calibrationSummary } from "../../../src/core/models/calibration";
import { countFitDiagnostics, DROPOUT_RATIO_LIMIT } from "../../../src/core/models/diagnostics";
import { readTransactions } from "../../../src/core/transactions/read";
import { clvfit } from "../../../src/functions/functions";
import { serialToIsoDate } from "../../../src/core/cells/dates";
import { file, run } from "../../cli/support";

/** `customers` customers, 4 purchases each on days drawn evenly over 700 days, amounts to the cent (seeded). */
function evenPurchases(customers: number) {
  let seed = 11;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const ids: number[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  for (let i = 0; i < 4 * customers; i++) {
    ids.push(1 + (i % customers));
    dates.push(44000 + Math.floor(next() * 700));
    amounts.push(Math.round(next() * 20000) / 100);
  }
  return { ids, dates, amounts };
}

describe("BG/NBD's a at the no-dropout limit (b/a runs off)", () => {
  const data = evenPurchases(4000);
  const summary = calibrationSummary(readTransactions({ customers: data.ids, dates: data.dates, amounts: data.amounts }), { unit: "week" });
  const fit = fitBgNbd(summary);

  it("is in the fit's limits with b, with no standard error", () => {
    expect(fit.b / fit.a).toBeGreaterThan(DROPOUT_RATIO_LIMIT);
    expect(fit.limits).toEqual(expect.arrayContaining(["a", "b"]));
    expect(Number.isNaN(fit.standardErrors.a)).toBe(true);
    expect(Number.isNaN(fit.standardErrors.b)).toBe(true);
  });

  it("is diagnosed as dropout not identified for the limit, whatever a's value", () => {
    const d = countFitDiagnostics(fit, summary).find((x) => x.code === "dropout-not-identified");
    expect(d?.details).toMatchObject({ param: "a", reason: "limit" });
  });

  it("the one-probability-for-all limit (a and b both huge, b/a moderate) stays identified", () => {
    const both = { ...fit, a: 5e7, b: 2e8, limits: ["a", "b"] as ("a" | "b")[], standardErrors: { ...fit.standardErrors, a: NaN, b: NaN } };
    expect(countFitDiagnostics(both, summary).map((x) => x.code)).not.toContain("dropout-not-identified");
  });

  it("=TIER.CLVFIT: a's standard error is blank like b's, and the diagnostics name a", () => {
    const col = (v: number[]) => v.map((x) => [x]);
    const out = clvfit(col(data.ids), col(data.dates), col(data.amounts), null as unknown as undefined, null as unknown as undefined, null as unknown as undefined);
    const row = (name: string) => out.find((r) => r[0] === name)!;
    expect(typeof row("a")[1]).toBe("number");
    expect(row("a")[2]).toBe("");
    expect(row("b")[2]).toBe("");
    expect(row("dropout-not-identified")[1]).toContain("'s a is");
  });

  it("tier fit: a in limits, its standard error null, and the diagnostic", () => {
    const lines = data.ids.map((id, i) => `${id},${serialToIsoDate(data.dates[i])},${data.amounts[i]}`);
    const path = file("even.csv", `customer_id,date,amount\n${lines.join("\n")}\n`);
    const r = run(["fit", path, "--unit", "week"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.bgnbd.limits).toEqual(expect.arrayContaining(["a", "b"]));
    expect(out.bgnbd.standardErrors.a).toBeNull();
    expect(out.diagnostics.map((d: { code: string }) => d.code)).toContain("dropout-not-identified");
  });
});
