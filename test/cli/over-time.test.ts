/**
 * `tier` over time (issue 14), in-process: the must-show equivalences of --as-of and --window-months on
 * CDNOW_master and the R rfm sample orders; the history, trends, movers and cohort commands against the
 * core; their errors named as options.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDateText } from "../../src/core/cells/dates";
import { windowExclusiveStart } from "../../src/core/transactions/window";
import { file, run } from "./support";

const DATA = new URL("../../../shared/data/", import.meta.url).pathname;

/** CDNOW_master as a CSV (customer_id, date, amount), and its lines for cutting. */
const cdnowLines = readFileSync(`${DATA}CDNOW_master.txt`, "utf8")
  .trim()
  .split(/\r?\n/)
  .slice(1) // the header line
  .map((line) => {
    const [id, ymd, , dollars] = line.trim().split(/\s+/);
    return { id, date: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`, amount: dollars };
  });
const csv = (rows: typeof cdnowLines) => `customer_id,date,amount\n${rows.map((r) => `${r.id},${r.date},${r.amount}`).join("\n")}\n`;
const CDNOW = file("cdnow.csv", csv(cdnowLines));

const rfmLines = readFileSync(`${DATA}rfm_data_orders.csv`, "utf8").trim().split(/\r?\n/);
const rfmRows = rfmLines.slice(1).map((line) => {
  const [id, date, amount] = line.split(",");
  return { id, date, amount };
});
const RFM = file("rfm-orders.csv", csv(rfmRows));

/** stdout's CSV rows keyed by the first column. */
function byId(stdout: string): Map<string, string[]> {
  const [, ...lines] = stdout.trim().split("\n");
  return new Map(lines.map((l) => l.split(",")).map((cells) => [cells[0], cells] as const));
}

function ok(argv: string[]) {
  const r = run(argv);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r.stdout;
}

const CASES = [
  { name: "CDNOW_master", path: CDNOW, rows: cdnowLines, asOf: "1997-09-30", months: 3 },
  { name: "rfm sample orders", path: RFM, rows: rfmRows, asOf: "2005-06-30", months: 6 },
];

describe.each(CASES)("--as-of and --window-months on $name", ({ path, rows, asOf, months, name }) => {
  const day = parseDateText(asOf);
  const upTo = rows.filter((r) => parseDateText(r.date) <= day);
  const cut = file(`${name}-cut.csv`, csv(upTo));

  it("tier rfm FILE --as-of D prints exactly tier rfm on the file cut to rows on or before D", () => {
    expect(upTo.length).toBeLessThan(rows.length);
    const full = ok(["rfm", path, "--as-of", asOf]);
    expect(full).toBe(ok(["rfm", cut, "--as-of", asOf]));
    expect(ok(["rfm", path, "--as-of", asOf, "--summary"])).toBe(ok(["rfm", cut, "--as-of", asOf, "--summary"]));
  });

  it("--window-months N: frequency and monetary of the file cut to (D − N months, D], recency from all rows up to D", () => {
    const start = windowExclusiveStart(day, months);
    const windowCut = file(`${name}-window.csv`, csv(upTo.filter((r) => parseDateText(r.date) > start)));
    const windowed = byId(ok(["rfm", path, "--as-of", asOf, "--window-months", String(months)]));
    const inWindow = byId(ok(["rfm", windowCut, "--as-of", asOf]));
    const allUpTo = byId(ok(["rfm", cut, "--as-of", asOf]));
    expect([...windowed.keys()]).toEqual([...allUpTo.keys()]);
    let lapsed = 0;
    for (const [id, cells] of windowed) {
      // customer_id, last_purchase, recency_days, frequency, monetary, …
      expect(cells.slice(1, 3), id).toEqual(allUpTo.get(id)!.slice(1, 3));
      const w = inWindow.get(id);
      if (!w) lapsed++;
      expect(cells.slice(3, 5), id).toEqual(w ? w.slice(3, 5) : ["0", "0"]);
    }
    expect(lapsed).toBeGreaterThan(0);
  });
});

describe("tier history | trends | movers | cohort", () => {
  it("history: one row per month-end × customer who had bought by then", () => {
    const out = ok(["history", RFM, "--every", "quarter", "--window-months", "12", "--from", "2004-01-01", "--to", "2006-12-31"]);
    const lines = out.trim().split("\n");
    expect(lines[0]).toBe("as_of,customer_id,tier,recency_days,frequency,monetary,r,f,m,period_revenue");
    const dates = [...new Set(lines.slice(1).map((l) => l.split(",")[0]))];
    expect(dates).toEqual(["2004-03-31", "2004-06-30", "2004-09-30", "2004-12-31", "2005-03-31", "2005-06-30", "2005-09-30", "2005-12-31", "2006-03-31", "2006-06-30", "2006-09-30", "2006-12-31"]);
    // The last snapshot (after the last purchase) holds every customer of the file.
    expect(lines.filter((l) => l.startsWith("2006-12-31,")).length).toBe(995);
  });

  it("trends: rates blank where undefined, shares adding to 1 per snapshot", () => {
    const out = ok(["trends", CDNOW, "--tier-by", "abc", "--window-months", "6"]);
    const rows = out.trim().split("\n").slice(1).map((l) => l.split(","));
    expect(rows.filter((r) => r[0] === "1997-01-31").every((r) => r[7] === "")).toBe(true);
    const june = rows.filter((r) => r[0] === "1998-06-30");
    expect(june.map((r) => r[1])).toEqual(["A", "B", "C"]);
    expect(june.reduce((s, r) => s + Number(r[3]), 0)).toBeCloseTo(1, 12);
    for (const r of june) expect(Number(r[7]) + Number(r[11])).toBeCloseTo(1, 12);
    expect(out).not.toMatch(/NaN|Infinity/);
  });

  it("movers: the last two snapshots by default, or the dates given; two snapshot files", () => {
    const last = byId(ok(["movers", CDNOW, "--tier-by", "abc", "--window-months", "6"]));
    expect(last.size).toBe(23570);
    const directions = new Set([...last.values()].map((r) => r[3]));
    expect([...directions].every((d) => ["up", "down", "same", "new"].includes(d))).toBe(true);
    const r = run(["movers", CDNOW, "--before", "1997-02-15"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--before 1997-02-15 is not a snapshot date/);
    const a = file("a.csv", "id,tier,revenue\n1,A,10\n2,B,5\n3,C,1\n");
    const b = file("b.csv", "id,tier,revenue\n1,B,4\n2,A,9\n4,C,2\n");
    expect(ok(["movers", a, b, "--id", "id", "--tier", "tier", "--measure", "revenue"])).toBe(
      "customer_id,before,after,direction,measure_before,measure_after,change\n1,A,B,down,10,4,-6\n2,B,A,up,5,9,4\n3,C,,gone,1,,-1\n4,,C,new,,2,2\n",
    );
    expect(run(["movers", a, b, "--id", "id", "--tier", "tier"], { LANG: "zh_CN" }).stdout).toMatch(/1,A,B,降级/);
  });

  it("cohort: cohort, customers, p0, p1, …; blank beyond a cohort's periods; quarters; errors named as options", () => {
    const out = ok(["cohort", CDNOW, "--by", "quarter"]);
    const lines = out.trim().split("\n");
    expect(lines[0]).toBe("cohort,customers,p0,p1,p2,p3,p4,p5");
    expect(lines[1].split(",").slice(0, 3)).toEqual(["1997-Q1", "23570", "1"]);
    expect(lines).toHaveLength(2); // every CDNOW customer's first purchase is in 1997-Q1
    const json = JSON.parse(ok(["cohort", RFM, "--measure", "revenue", "--format", "json"]));
    expect(json[0].p0).toBe(1);
    // Only the oldest cohort reaches the last period; the others are blank there.
    const lastKey = Object.keys(json[0]).at(-1)!;
    expect(json.map((r: Record<string, unknown>) => r[lastKey] === "")).toEqual(json.map((_: unknown, k: number) => k > 0));
    const bad = run(["cohort", CDNOW, "--measure", "orders"]);
    expect([bad.code, bad.stderr]).toEqual([2, `tier: '--measure' is "orders"; use customers or revenue.\n`]);
    const window = run(["rfm", CDNOW, "--window-months", "1.5"]);
    expect([window.code, window.stderr]).toEqual([2, "tier: '--window-months' is 1.5; use a whole number of months from 1 to 1200, or leave it empty for all history.\n"]);
  });
});

describe("tier cohort --first-tier, tier movers --predict (issue 14 §5, §3)", () => {
  it("cohort --first-tier: one triangle per tier, tiers best first, sizes summing to the whole cohorts'", () => {
    const whole = ok(["cohort", RFM, "--by", "quarter"]).trim().split("\n").slice(1).map((l) => l.split(","));
    const out = ok(["cohort", RFM, "--by", "quarter", "--first-tier", "abc", "--a-cut", "0.7"]);
    const [header, ...rows] = out.trim().split("\n").map((l) => l.split(","));
    expect(header.slice(0, 4)).toEqual(["cohort", "first_tier", "customers", "p0"]);
    expect(header.length).toBe(whole[0].length + 1);
    const tiers = rows.map((r) => r[1]);
    expect(tiers).toEqual([...tiers].sort());
    for (const w of whole) expect(rows.filter((r) => r[0] === w[0]).reduce((n, r) => n + Number(r[2]), 0)).toBe(Number(w[1]));
    // RFM segments are named in the user's language, as tier history names them.
    const zh = run(["cohort", RFM, "--first-tier", "segment"], { LANG: "zh_CN" });
    expect(zh.code).toBe(0);
    const en = ok(["cohort", RFM, "--first-tier", "segment"]).trim().split("\n");
    expect(zh.stdout.trim().split("\n").length).toBe(en.length);
    expect(zh.stdout).not.toBe(en.join("\n") + "\n");
    const bad = run(["cohort", RFM, "--first-tier", "score"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--first-tier/);
  });

  it("movers --predict: p_alive and clv as of the later snapshot, the unit said, diagnostics on stderr; not on two files", () => {
    const r = run(["movers", RFM, "--tier-by", "abc", "--every", "quarter", "--predict", "--unit", "week"]);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split("\n").map((l) => l.split(","));
    expect(header.slice(-2)).toEqual(["p_alive", "clv_12_months"]);
    // The rfm sample's fits run to a limit of the models: said on stderr, the table on stdout stays a table.
    expect(r.stderr).toMatch(/^Fit diagnostics:\n {2}parameter-at-limit: /);
    // The same movers as without --predict, two columns more.
    const plain = ok(["movers", RFM, "--tier-by", "abc", "--every", "quarter"]).trim().split("\n").slice(1);
    expect(rows.map((row) => row.slice(0, 7).join(","))).toEqual(plain);
    for (const row of rows) {
      const p = Number(row[7]);
      expect(p >= 0 && p <= 1).toBe(true);
      expect(Number.isFinite(Number(row[8]))).toBe(true);
    }
    // Without --unit the unit is said (as tier predict says it); the numbers are the same.
    const assumed = run(["movers", RFM, "--tier-by", "abc", "--every", "quarter", "--predict"]);
    expect(assumed.stderr).toMatch(/--unit week/);
    expect(assumed.stdout).toBe(r.stdout);
    const a = file("pa.csv", "id,tier\n1,A\n");
    const two = run(["movers", a, a, "--id", "id", "--tier", "tier", "--predict"]);
    expect([two.code, two.stderr]).toEqual([2, `tier: ${"--predict fits the models on a transactions file as of the later snapshot: give one transactions file (tier movers FILE.csv --predict), not two snapshot files."}\n`]);
  });
});
