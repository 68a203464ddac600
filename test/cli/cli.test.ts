import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/cli/csv";
import { readTransactionsCsv } from "../../src/cli/transactions-csv";
import { readTransactions } from "../../src/core/transactions/read";
import { dir, file, run } from "./support";

const DATA = new URL("../../../shared/data/", import.meta.url).pathname;
const ROOT = new URL("../../", import.meta.url).pathname;

const VIGNETTE = `segment,customers,orders,revenue
About To Sleep,102,283,23449
At Risk,28,216,22227
Can't Lose Them,47,274,32446
Champions,35,316,31646
Lost,148,393,35324
Loyal Customers,170,799,76562
Need Attention,10,57,4562
New Customers,104,329,28837
Potential Loyalist,342,2211,204856
Promising,9,28,4249
`;

describe("tier rfm", () => {
  const golden = [`${DATA}rfm_data_orders.csv`, "--date", "order_date", "--amount", "revenue", "--as-of", "2006-12-31", "--segments", "rfm", "--summary"];

  it("gives the R rfm vignette's segment table exactly", () => {
    const r = run(["rfm", ...golden]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(VIGNETTE);
  });

  it("does the same as the installed command (bin/tier.cjs)", () => {
    if (!existsSync(join(ROOT, "dist-cli/tier.cjs"))) execFileSync("npm", ["run", "build:cli"], { cwd: ROOT });
    const out = execFileSync("node", [join(ROOT, "bin/tier.cjs"), "rfm", ...golden], { encoding: "utf8", env: { ...process.env, LANG: "C" } });
    expect(out).toBe(VIGNETTE);
  });

  it("prints one row per customer as CSV or JSON", () => {
    const path = file("tx.csv", "customer_id,date,amount\n1,2024-01-01,10\n2,2024-01-05,20.5\n1,2024-01-09,5\n");
    const csv = run(["rfm", path, "--bins", "2"]);
    expect(csv.stdout.split("\n")[0]).toBe("customer_id,last_purchase,recency_days,frequency,monetary,r,f,m,rfm,segment");
    expect(csv.stdout).toContain("\n1,2024-01-09,0,2,15,");
    const json = JSON.parse(run(["rfm", path, "--format", "json"]).stdout);
    expect(json).toHaveLength(2);
    expect(json[1]).toMatchObject({ customer_id: 2, recency_days: 4, frequency: 1, monetary: 20.5 });
  });

  it("speaks Chinese under LANG=zh_CN.UTF-8 and uses cn8", () => {
    const r = run(["rfm", ...golden.slice(0, 7), "--segments", "cn8", "--summary"], { LANG: "zh_CN.UTF-8" });
    expect(r.stdout.split("\n")[0]).toBe("segment,customers,orders,revenue");
    const counts = r.stdout.trim().split("\n").slice(1).map((l) => Number(l.split(",")[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(995);
  });

  it("reads custom rules from a CSV", () => {
    const rules = file("rules.csv", "name,r_min,r_max,f_min,f_max,m_min,m_max\nBest,4,5,4,5,,\nRest,,,,,,\n");
    const r = run(["rfm", ...golden.slice(0, 7), "--segments", rules, "--summary"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(1, 3).map((l) => l.split(",")[0])).toEqual(["Best", "Rest"]);
  });

  it("scores with explicit breakpoints", () => {
    const path = file("bp.csv", "customer_id,date,amount\n1,2024-03-01,1500\n2,2024-01-01,700\n3,2023-01-01,50\n");
    const r = run(["rfm", path, "--r-breaks", "30,90,180,365", "--f-breaks", "1,2,5,10", "--m-breaks", "100,250,500,1000"]);
    const scores = r.stdout.trim().split("\n").slice(1).map((l) => l.split(",").slice(5, 8).join(""));
    expect(scores).toEqual(["515", "414", "111"]);
    expect(run(["rfm", path, "--r-breaks", "30,x"]).stderr).toContain('Option --r-breaks is "30,x"');
  });

  it("lists rows it leaves out on stderr with their file line, and still answers", () => {
    const path = file("bad.csv", "customer_id,date,amount\n1,2024-01-01,10\nNA,2024-01-02,3\n2,someday,4\n3,2024-01-03,lots\n");
    const r = run(["rfm", path, "--bins", "2"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Left out 3 of 4 rows:");
    expect(r.stderr).toContain("line 3, column customer_id: the customer is blank");
    expect(r.stderr).toContain('line 4, column date: "someday" is not a date');
    expect(r.stderr).toContain('line 5, column amount: "lots" is not a number');
  });

  it("reports the messy Online Retail sample's missing ids instead of failing", () => {
    const r = run(["rfm", `${DATA}online_retail_sample_20k.csv`, "--customer", "CustomerID", "--date", "InvoiceDate", "--amount", "UnitPrice"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Left out 5078 of 20000 rows:");
    expect(r.stdout.trim().split("\n")).toHaveLength(1 + 3049);
  });

  it("exits 2 with a clear message on bad arguments and unreadable files", () => {
    expect(run(["rfm"]).stderr).toContain("Give the CSV file to read.");
    const missing = run(["rfm", join(dir, "nope.csv")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^tier: Cannot read .*nope\.csv/);
    const col = run(["rfm", `${DATA}rfm_data_orders.csv`]);
    expect(col.code).toBe(2);
    expect(col.stderr).toContain('Column "date" is not in');
    expect(run(["rfm", `${DATA}rfm_data_orders.csv`, "--bins", "x"]).stderr).toContain('Option --bins is "x"; give a number.');
    expect(run(["rfm", `${DATA}rfm_data_orders.csv`, "--date", "order_date", "--amount", "revenue", "--bins", "12"]).stderr).toContain("from 2 to 10");
    expect(run(["rfm", "f.csv", "--colour", "red"]).stderr).toContain('Unknown option "--colour"');
    expect(run(["frobnicate"]).code).toBe(2);
    expect(run(["rfm", file("empty.csv", "")])).toMatchObject({ code: 2, stderr: expect.stringContaining("empty.csv is empty; it needs a header line and data rows.") });
    expect(run(["--help"])).toMatchObject({ code: 0, stderr: "" });
    expect(run(["-h"]).stdout).toContain("tier rfm FILE.csv");
    const margin = run(["clv", "--avg-purchase", "100", "--frequency", "4", "--lifespan", "3", "--margin", "30"]);
    expect(margin.code).toBe(2);
    expect(margin.stderr).toContain("'margin' is 30; use a fraction from 0 to 1 (30% is 0.3)");
    expect(run(["rfm", "f.csv", "--format", "xml"]).stderr).toContain("use one of: csv, json");
  });

  it("never ends in a stack trace for a missing command build", () => {
    const r = spawnSync("node", [join(ROOT, "bin/tier.cjs"), "--help"], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toContain("tier rfm");
  });
});

describe("tier abc and tier clv", () => {
  it("classes a value column and summarizes the classes", () => {
    const path = file("v.csv", "id,value\na,50\nb,30\nc,15\nd,5\ne,\n");
    const r = run(["abc", path, "--value", "value", "--id", "id"]);
    expect(r.stdout).toBe("id,value,class,cumulative_share\na,50,A,0.5\nb,30,A,0.8\nc,15,B,0.95\nd,5,C,1\n");
    expect(r.stderr).toBe("");
    const neg = run(["abc", file("n.csv", "value\n5\n0\n-2\n"), "--value", "value"]);
    expect(neg.stderr).toContain("2 of 3 values are zero or negative (class C):");
    expect(neg.stderr).toContain("line 3, column value: 0 is zero or negative, so it is class C");
    const s = run(["abc", path, "--value", "value", "--summary"]);
    expect(s.stdout.split("\n")[1]).toBe("A,2,80,0.5,0.8");
  });

  it("computes CLV from numbers or columns", () => {
    expect(run(["clv", "--avg-purchase", "100", "--frequency", "4", "--lifespan", "3", "--margin", "0.25"]).stdout).toBe("300\n");
    const path = file("c.csv", "id,avg_purchase,frequency,lifespan\nx,100,4,3\ny,50,2,1\n");
    const r = run(["clv", path, "--id", "id", "--margin", "0.5"]);
    expect(r.stdout).toBe("id,clv\nx,600\ny,50\n");
  });
});

describe("tier: inputs written in other ways", () => {
  it("reads dates written as Excel serial numbers", () => {
    const path = file("serial.csv", "customer_id,date,amount\n1,45296,10\n2,45297.5,20\n");
    const r = run(["rfm", path, "--bins", "2"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("\n1,2024-01-05,1,1,10,");
  });

  it("keeps every cent of large amounts", () => {
    const path = file("big.csv", "customer_id,date,amount\n1,2024-01-05,12345678901.23\n2,2024-01-05,0.1\n2,2024-01-05,0.2\n");
    const out = run(["rfm", path, "--bins", "2"]).stdout;
    expect(out).toContain(",12345678901.23,");
    expect(out).toContain(",0.3,");
  });

  it("tier clv reports rows with blank cells instead of dropping them silently", () => {
    const path = file("clvblank.csv", "id,avg_purchase,frequency,lifespan\nx,100,4,3\ny,,2,1\nz,50,2,\n,,,\n");
    const r = run(["clv", path, "--id", "id", "--margin", "0.5"]);
    expect(r.stdout).toBe("id,clv\nx,600\n");
    expect(r.stderr).toContain("Left out 2 of 4 rows:");
    expect(r.stderr).toContain("line 3, column avg_purchase: the cell is blank");
    expect(r.stderr).toContain("line 4, column lifespan: the cell is blank");
  });
});

describe("fast transactions reader", () => {
  it("reads exactly what the general path reads (property)", () => {
    const id = fc.oneof(fc.integer({ min: 0, max: 2000 }).map(String), fc.constantFrom("007", "A-1", "", "NA", " 5", "客户1"));
    const date = fc.oneof(
      fc.date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19).replace("T", " ")),
      fc.constantFrom("2024/1/5", "2024-02-30", "", "x", "20240105", "2024-01-05 25:00:00"),
    );
    const amount = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v.toFixed(2)),
      fc.integer({ min: -5000, max: 5000 }).map(String),
      fc.constantFrom("", "1,5", "$3", "1.2.3", "-", ".5", "1e3", "12345678901234567"),
    );
    const row = fc.tuple(id, date, amount, fc.constantFrom("", "extra"));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.boolean(), fc.boolean(), (rows, crlf, finalNewline) => {
        const eol = crlf ? "\r\n" : "\n";
        const text = `customer_id,date,amount,note${eol}${rows.map((r) => r.join(",")).join(eol)}${finalNewline && rows.length ? eol : ""}`;
        const fast = readTransactionsCsv(new TextEncoder().encode(text), { customer: 0, date: 1, amount: 2 })!;
        const table = parseCsv(text);
        const general = readTransactions({ customers: table.columns[0] ?? [], dates: table.columns[1] ?? [], amounts: table.columns[2] ?? [] });
        expect(fast.customerIds).toEqual(general.customerIds);
        expect(Array.from(fast.customer)).toEqual(Array.from(general.customer));
        expect(Array.from(fast.date)).toEqual(Array.from(general.date));
        expect(Array.from(fast.amount)).toEqual(Array.from(general.amount));
        expect(Array.from(fast.sourceRow)).toEqual(Array.from(general.sourceRow));
        expect(fast.problems.problems).toEqual(general.problems.problems);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves quoted files to the general parser", () => {
    expect(readTransactionsCsv(new TextEncoder().encode('a,b,c\n"1",2024-01-01,3\n'), { customer: 0, date: 1, amount: 2 })).toBeNull();
  });
});
