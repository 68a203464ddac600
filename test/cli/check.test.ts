/**
 * Issue 13 through `tier`: `tier check` reproduces the FHL 2005 holdout numbers on CDNOW_sample,
 * `tier fit` reports its diagnostics (none on CDNOW; dropout-not-identified on the whole Online Retail
 * history in weeks), `tier predict` prints them on stderr and gains --within and --margin.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pAlive } from "../../src/core/models/bgnbd";
import { file, run } from "./support";

const DATA = new URL("../../../shared/data/", import.meta.url).pathname;

/** CDNOW_sample.txt (whitespace-separated: master id, sample id, YYYYMMDD, CDs, dollars) as a CSV. */
function cdnowCsv(): string {
  const lines = readFileSync(`${DATA}CDNOW_sample.txt`, "utf8").trim().split(/\r?\n/);
  const rows = lines.map((l) => {
    const [, id, d, , amount] = l.trim().split(/\s+/);
    return `${id},${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)},${amount}`;
  });
  return file("cdnow_sample.csv", `customer_id,date,amount\n${rows.join("\n")}\n`);
}

/**
 * The whole Online Retail file as customer, date, amount = quantity × price; rows without a customer
 * dropped here (cancellations stay, negative: calibration.ts leaves them out as returns).
 */
function onlineRetailCsv(): string {
  const lines = readFileSync(`${DATA}online_retail.csv`, "utf8").split(/\r?\n/);
  const header = lines[0].split(",");
  const at = (name: string) => header.indexOf(name);
  const [q, d, p, c] = [at("Quantity"), at("InvoiceDate"), at("UnitPrice"), at("CustomerID")];
  const out = ["customer_id,date,amount"];
  for (let i = 1; i < lines.length; i++) {
    // Descriptions may hold quoted commas: the last four fields are read from the end.
    const f = lines[i].split(",");
    if (f.length < 8) continue;
    const k = f.length - 8;
    const customer = f[c + k];
    if (!customer || customer === "NA") continue;
    out.push(`${customer},${f[d + k]},${Number(f[q + k]) * Number(f[p + k])}`);
  }
  return file("online_retail_amounts.csv", `${out.join("\n")}\n`);
}

describe("tier check", () => {
  const csv = cdnowCsv();
  const args = ["check", csv, "--calibration-end", "1997-09-30", "--holdout-end", "1998-06-30", "--unit", "week"];

  it("prints the holdout numbers of FHL 2005 as JSON", () => {
    const r = run([...args, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.customers).toBe(2357);
    expect(j.total_predicted.toFixed(1)).toBe("1653.4");
    expect(j.total_actual).toBe(1882);
    expect(j.mae.toFixed(3)).toBe("0.785");
    expect(j.rmse.toFixed(3)).toBe("1.608");
    expect(typeof j.bias).toBe("number");
    expect(j.groups[0]).toMatchObject({ x: "0", customers: 1411 });
    expect(j.groups[0].predicted_mean.toFixed(4)).toBe("0.2251");
    expect(j.groups[0].actual_mean.toFixed(4)).toBe("0.2367");
    expect(j.groups[7]).toMatchObject({ x: "7+", customers: 64 });
    expect(j.groups[7].predicted_mean.toFixed(3)).toBe("6.157");
    expect(j.groups[7].actual_mean.toFixed(3)).toBe("6.359");
    expect(j.tracking).toHaveLength(78);
    expect(j.tracking[0]).toEqual(expect.objectContaining({ period: 1, holdout: false }));
    expect(Object.keys(j.tracking[0])).toEqual(["period", "end", "holdout", "actual", "expected"]);
    expect(j.p_alive_deciles).toHaveLength(10);
    expect(j.diagnostics).toEqual([]);
  });

  it("prints the groups table as CSV and the totals on stderr", () => {
    const r = run(args);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("x,customers,predicted_mean,actual_mean");
    expect(lines).toHaveLength(9);
    expect(lines[8].startsWith("7+,64,6.157")).toBe(true);
    expect(r.stderr).toContain("1653.4 repeat purchases predicted, 1882 actual; per customer MAE 0.785, RMSE 1.608");
  });

  it("asks for the calibration end, and names a bad date or an empty holdout", () => {
    const missing = run(["check", csv, "--unit", "week"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--calibration-end YYYY-MM-DD");
    const bad = run(["check", csv, "--unit", "week", "--calibration-end", "1997-13-45"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--calibration-end is "1997-13-45"');
    const empty = run(["check", csv, "--unit", "week", "--calibration-end", "1998-06-30"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("not after the calibration end 1998-06-30");
    expect(run(["check", csv, "--unit", "week", "--calibration-end", "1997-09-30"], { LANG: "zh_CN.UTF-8" }).stderr).toContain("留出期");
  });
});

describe("tier fit diagnostics", () => {
  it("none on CDNOW", () => {
    const r = run(["fit", `${DATA}cdnow_customers_summary_with_transactions.csv`, "--unit", "week"]);
    expect(JSON.parse(r.stdout).diagnostics).toEqual([]);
  });

  it("dropout-not-identified on the whole Online Retail history, in weeks (a ≈ 0.0034 as lifetimes finds)", () => {
    const r = run(["fit", onlineRetailCsv(), "--unit", "week"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.bgnbd.a).toBeLessThan(0.01);
    expect(j.bgnbd.a.toFixed(4)).toBe("0.0034");
    const codes = j.diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toContain("dropout-not-identified");
    const dropout = j.diagnostics.find((d: { code: string }) => d.code === "dropout-not-identified");
    expect(dropout.message).toMatch(/longer history.*holdout.*Pareto\/NBD/);
  }, 20_000);
});

describe("tier predict: diagnostics, --within, --margin", () => {
  const summary = `${DATA}cdnow_customers_summary_with_transactions.csv`;

  it("p_purchase_within is the BG/NBD formula; clv_margin is clv × the rate", () => {
    const r = run(["predict", summary, "--unit", "week", "--within", "13", "--margin", "0.3", "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout);
    const fit = JSON.parse(run(["fit", summary, "--unit", "week"]).stdout).bgnbd;
    expect(Object.keys(rows[0]).slice(-2)).toEqual(["clv_margin", "p_purchase_within"]);
    for (const row of rows.slice(0, 200)) {
      const alive = pAlive(fit, row.x, row.t_x, row.T);
      const formula = 1 - ((1 - alive) + alive * Math.pow((fit.alpha + row.T) / (fit.alpha + row.T + 13), fit.r + row.x));
      expect(Math.abs(row.p_purchase_within - formula)).toBeLessThan(1e-9);
      expect(row.clv_margin).toBeCloseTo(row.clv_12_months * 0.3, 9);
    }
  });

  it("names a bad --margin or --within", () => {
    const margin = run(["predict", summary, "--unit", "week", "--margin", "1.5"]);
    expect(margin.code).toBe(2);
    expect(margin.stderr).toContain("'--margin' is 1.5; use a margin rate from 0 to 1");
    const within = run(["predict", summary, "--unit", "week", "--within", "-2"]);
    expect(within.code).toBe(2);
    expect(within.stderr).toContain("'--within' is -2");
  });

  it("prints the diagnostics on stderr when there are any", () => {
    const few = file("few.csv", "x,t_x,T,zbar\n1,5,10,20\n0,0,10,0\n2,8,10,30\n0,0,4,0\n3,9,12,25\n");
    const r = run(["predict", few, "--unit", "week"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Fit diagnostics:");
    expect(r.stderr).toContain("few-repeat-customers: Only 3 customers bought more than once");
    expect(r.stdout.split("\n")[0]).toBe("customer,x,t_x,T,p_alive,expected_purchases_12_months,expected_avg_spend,clv_12_months");
  });
});
