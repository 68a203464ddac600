import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dir, run } from "./support";

const DATA = new URL("../../../shared/data/", import.meta.url).pathname;

/** CDNOW_sample.txt as a transactions CSV (sample id, date, dollars). */
function cdnowTransactions(): string {
  const rows = readFileSync(`${DATA}CDNOW_sample.txt`, "utf8").trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/));
  const path = join(dir, "cdnow.csv");
  writeFileSync(path, `customer_id,date,amount\n${rows.map((r) => `${r[1]},${r[2]},${r[4]}`).join("\n")}\n`);
  return path;
}

describe("tier fit", () => {
  it("fits the published CDNOW parameters from the customer summary (weeks)", () => {
    const r = run(["fit", `${DATA}cdnow_customers_summary_with_transactions.csv`, "--unit", "week"]);
    expect(r.code).toBe(0);
    const fit = JSON.parse(r.stdout);
    expect(fit.source).toBe("summary");
    expect(fit.unit).toBe("week");
    expect(fit.customers).toBe(2357);
    expect(fit.bgnbd.r.toFixed(3)).toBe("0.243");
    expect(fit.bgnbd.alpha.toFixed(3)).toBe("4.414");
    expect(fit.bgnbd.a.toFixed(3)).toBe("0.793");
    expect(fit.bgnbd.b.toFixed(3)).toBe("2.426");
    expect(fit.bgnbd.logLikelihood.toFixed(1)).toBe("-9582.4");
    expect(fit.gammaGamma.p.toFixed(2)).toBe("6.25");
    expect(fit.gammaGamma.q.toFixed(2)).toBe("3.74");
    expect(fit.gammaGamma.v).toBeCloseTo(15.448, 3);
    expect(fit.bgnbd.standardErrors.r).toBeGreaterThan(0);
  });

  it("fits Pareto/NBD with --model pareto", () => {
    const r = run(["fit", `${DATA}cdnow_customers_summary_with_transactions.csv`, "--unit", "week", "--model", "pareto"]);
    expect(r.code).toBe(0);
    const fit = JSON.parse(r.stdout);
    expect(fit.bgnbd).toBeUndefined();
    expect(fit.paretoNbd.r.toFixed(2)).toBe("0.55");
    expect(fit.paretoNbd.beta.toFixed(2)).toBe("11.67");
    expect(fit.paretoNbd.logLikelihood.toFixed(1)).toBe("-9595.0");
    const predicted = run(["predict", `${DATA}cdnow_customers_summary_with_transactions.csv`, "--unit", "week", "--model", "pareto"]);
    // Each horizon in its column's name (issue 17): 12 months by default.
    expect(predicted.stdout.split("\n")[0]).toBe("customer,x,t_x,T,p_alive,expected_purchases_12_months,expected_avg_spend,clv_12_months");
    expect(run(["fit", `${DATA}cdnow_customers_summary.csv`, "--unit", "week", "--model", "weibull"]).code).toBe(2);
  });

  it("reads lifetimes' column names and fits without spend when there is no zbar", () => {
    const fit = JSON.parse(run(["fit", `${DATA}cdnow_customers_summary.csv`, "--unit", "weeks"]).stdout);
    expect(fit.bgnbd.r.toFixed(3)).toBe("0.243");
    expect(fit.gammaGamma).toBeNull();
  });

  it("rebuilds the summary from transactions with a calibration end", () => {
    const r = run(["fit", cdnowTransactions(), "--calibration-end", "1997-09-30"]);
    expect(r.code).toBe(0);
    const fit = JSON.parse(r.stdout);
    expect(fit).toMatchObject({ source: "transactions", unit: "week", calibrationEnd: "1997-09-30", customers: 2357 });
    expect(fit.bgnbd.alpha.toFixed(3)).toBe("4.414");
    expect(fit.gammaGamma.q.toFixed(2)).toBe("3.74");
  });

  it("scales α with the unit and says so", () => {
    const days = JSON.parse(run(["fit", cdnowTransactions(), "--calibration-end", "1997-09-30", "--unit", "day"]).stdout);
    expect(days.unit).toBe("day");
    expect(days.bgnbd.alpha / 7).toBeCloseTo(4.414, 2);
  });

  it("refuses what does not fit, in the user's language", () => {
    const end = run(["fit", `${DATA}cdnow_customers_summary.csv`, "--unit", "week", "--calibration-end", "1997-09-30"]);
    expect(end.code).toBe(2);
    expect(end.stderr).toContain("--calibration-end does not apply");
    const unit = run(["fit", `${DATA}cdnow_customers_summary.csv`, "--unit", "fortnight"], { LANG: "zh_CN.UTF-8" });
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain("--unit");
    const once = join(dir, "once.csv");
    writeFileSync(once, "customer_id,date,amount\na,2024-01-01,5\nb,2024-01-02,6\n");
    const none = run(["fit", once]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("two different days");
  });

  it("needs the unit of a summary's t_x and T, and says when transactions are taken in weeks", () => {
    const missing = run(["fit", `${DATA}cdnow_customers_summary.csv`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--unit day, week or month");
    const assumed = run(["fit", cdnowTransactions(), "--calibration-end", "1997-09-30"]);
    expect(assumed.code).toBe(0);
    expect(assumed.stderr).toContain("--unit week");
  });

  it("names a bad summary row by its row in the file, blanks included", () => {
    const path = join(dir, "bad-summary.csv");
    writeFileSync(path, "ID,x,t_x,T\n1,2,30,38\n2,,1,38\n3,1,40,38\n");
    const r = run(["fit", path, "--unit", "week"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("line 3, column x");
    expect(r.stderr).toContain("Row 3: 't_x' is longer than T");
  });

  it("words option errors with the option's name", () => {
    const summary = [`${DATA}cdnow_customers_summary_with_transactions.csv`, "--unit", "week"];
    expect(run(["predict", ...summary, "--clv-months", "2.5"]).stderr).toContain("'--clv-months' is 2.5; use a whole number of months");
    expect(run(["predict", ...summary, "--horizon", "-1"]).stderr).toContain("'--horizon' is -1; use a length of time of 0 or more, in the data's time unit");
    expect(run(["predict", ...summary, "--monthly-discount", "-0.1"]).stderr).toContain("'--monthly-discount' is -0.1");
    expect(run(["fit", cdnowTransactions(), "--calibration-end", "1990-01-01"]).stderr).toContain("'--calibration-end' (1990-01-01) is before the first purchase");
  });
});

describe("tier predict", () => {
  it("prints customer, x, t_x, T, p_alive, expected purchases and CLV, each named with its horizon", () => {
    const r = run(["predict", `${DATA}cdnow_customers_summary_with_transactions.csv`, "--unit", "week", "--horizon", "39"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("customer,x,t_x,T,p_alive,expected_purchases_39_weeks,expected_avg_spend,clv_12_months");
    expect(lines).toHaveLength(2358);
    const [id, x, tx, T, alive, expected, spend, clv] = lines[1].split(",");
    expect([id, x, tx, T]).toEqual(["1", "2", "30.43", "38.86"]);
    expect(Number(alive).toFixed(4)).toBe("0.7266");
    expect(Number(expected).toFixed(3)).toBe("1.226");
    expect(Number(spend)).toBeGreaterThan(20);
    expect(Number(clv)).toBeGreaterThan(0);
  });

  it("discounts CLV monthly over --clv-months, and prints JSON", () => {
    const base = ["predict", `${DATA}cdnow_customers_summary_with_transactions.csv`, "--unit", "week", "--format", "json"];
    const year = JSON.parse(run(base).stdout);
    const two = JSON.parse(run([...base, "--clv-months", "24"]).stdout);
    const dear = JSON.parse(run([...base, "--monthly-discount", "0.05"]).stdout);
    expect(Object.keys(year[0])).toEqual(["customer", "x", "t_x", "T", "p_alive", "expected_purchases_12_months", "expected_avg_spend", "clv_12_months"]);
    expect(Object.keys(two[0])).toContain("clv_24_months");
    for (let i = 0; i < 50; i++) {
      expect(two[i].clv_24_months).toBeGreaterThanOrEqual(year[i].clv_12_months);
      expect(dear[i].clv_12_months).toBeLessThanOrEqual(year[i].clv_12_months);
    }
  });

  it("leaves the spend columns empty for a summary without zbar", () => {
    const first = run(["predict", `${DATA}cdnow_customers_summary.csv`, "--unit", "week"]).stdout.split("\n")[1];
    expect(first.endsWith(",,")).toBe(true);
  });
});
