/** `tier score` in-process: per-row scores and bands, the summary, JSON, Chinese, and the sentences for bad options. */
import { describe, expect, it } from "vitest";
import { score as scoreFunction } from "../../src/functions/functions";
import { file, run } from "./support";

/** Spend (one quoted with a thousands separator), orders, days since the last purchase; K05 blank, K06 bad. */
const CUSTOMERS = file(
  "customers.csv",
  `customer,spend,orders,days
K01,"1,200",8,5
K02,300,2,40
K03,50,1,200
K04,900,6,10
K05,,,
K06,abc,3,20
K07,450,,60
`,
);
const BASE = ["score", CUSTOMERS, "--id", "customer", "--metrics", "spend,orders,days", "--weights", "2,1,1", "--directions", "higher,higher,lower"];

describe("tier score", () => {
  it("prints id, score, band key and label, next band and gap per scored row; bad rows on stderr", () => {
    const r = run(BASE);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("customer,score,tier,tier_label,next_tier,gap");
    // K05 (blank) has no score; K06 ("abc") is left out and named.
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["K01", "K02", "K03", "K04", "K07"]);
    expect(r.stderr).toBe(`Left out 1 of 7 rows:\n  line 7, column spend: "abc" is not a number; type digits such as 1234.5\n`);
    const k01 = lines[1].split(",");
    expect(k01.slice(1)).toEqual(["100", "diamond", "Diamond", "", ""]);
  });

  it("gives the same scores, bands and gaps as =TIER.SCORE on the same rows", () => {
    const r = run([...BASE, "--format", "json"]);
    const json = JSON.parse(r.stdout) as { customer: string; score: number; tier: string; tier_label: string; next_tier: string; gap: number | "" }[];
    const rows = [[1200, 8, 5], [300, 2, 40], [50, 1, 200], [900, 6, 10], ["", "", ""], [450, "", 60]];
    const fn = scoreFunction(rows, [[2, 1, 1]], [["higher", "higher", "lower"]], null as unknown as undefined, null as unknown as undefined);
    const scored = fn.filter((row) => row[0] !== "");
    expect(json.map((x) => x.score)).toEqual(scored.map((row) => Number(Number(row[0]).toPrecision(15))));
    expect(json.map((x) => x.tier_label)).toEqual(scored.map((row) => row[1]));
    expect(json.map((x) => x.gap)).toEqual(scored.map((row) => (row[3] === "" ? "" : Number(Number(row[3]).toPrecision(15)))));
    // K07 has no orders: scored on spend and days alone (the blank rule).
    expect(json[4]).toMatchObject({ customer: "K07" });
    expect(run([...BASE, "--json"]).stdout).toBe(r.stdout);
  });

  it("--summary: customers, share and the lowest score per band, empty bands included", () => {
    const r = run([...BASE, "--summary"]);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("tier,tier_label,customers,share,min_score");
    expect(lines.map((l) => l.split(",")[0]).slice(1)).toEqual(["diamond", "platinum", "gold", "silver", "bronze"]);
    const counts = lines.slice(1).map((l) => Number(l.split(",")[2]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
    // Five customers in the default shares: 1 Diamond, Platinum empty (its 15 % is under one customer).
    expect(counts).toEqual([1, 0, 2, 1, 1]);
    expect(lines[2]).toBe("platinum,Platinum,0,0,");
  });

  it("takes minimum scores (--thresholds) or shares (--bands) and the min-max method", () => {
    const thresholds = run([...BASE, "--thresholds", "90,50", "--method", "minmax", "--summary"]);
    expect(thresholds.stdout.trim().split("\n").map((l) => l.split(",").slice(0, 1).concat(l.split(",").slice(4)))).toEqual([
      ["tier", "min_score"],
      ["diamond", "90"],
      ["platinum", "50"],
      ["gold", "0"],
    ]);
    const shares = run([...BASE, "--bands", "40%,40%", "--summary"]);
    expect(shares.stdout.trim().split("\n").slice(1).map((l) => Number(l.split(",")[2]))).toEqual([2, 2, 1]);
  });

  it("speaks Chinese: band labels and messages", () => {
    const r = run([...BASE.slice(0, -2), "--directions", "高,越高越好,低"], { LANG: "zh_CN.UTF-8" });
    expect(r.stdout.split("\n")[1].split(",").slice(2, 4)).toEqual(["diamond", "钻石"]);
    expect(r.stderr).toContain("第 7 行，列 spend");
    const e = run(["score", CUSTOMERS, "--metrics", "spend,days", "--weights", "1"], { LANG: "zh_CN.UTF-8" });
    expect(e.stderr).toBe("tier: “--weights”有 1 个权重，而指标有 2 个；请为每个指标给一个权重（0 表示不计入该指标）。\n");
  });

  it("names the option and what to write instead, exit code 2", () => {
    const message = (args: string[]) => {
      const r = run(["score", CUSTOMERS, ...args]);
      expect(r.code).toBe(2);
      return r.stderr;
    };
    expect(message(["--metrics", "spend,days", "--weights", "1"])).toBe("tier: '--weights' has 1 weight for 2 metrics; give one weight per metric (0 leaves a metric out).\n");
    expect(message(["--metrics", "spend", "--weights", "-1"])).toContain("'--weights' weight 1 is -1");
    expect(message(["--metrics", "spend", "--weights", "1", "--directions", "up"])).toContain(`'--directions' entry 1 is "up"`);
    expect(message(["--metrics", "spend,days", "--weights", "1,1", "--directions", "lower"])).toContain("'--directions' has 1 direction for 2 metrics");
    expect(message(["--metrics", "spend", "--weights", "1", "--thresholds", "50,60"])).toContain("'--thresholds' minimum score 2 (60) is not below the one before it (50)");
    expect(message(["--metrics", "spend", "--weights", "1", "--bands", "0.6,0.6"])).toContain("The shares in '--bands' add up to 1.2");
    expect(message(["--metrics", "spend", "--weights", "1", "--bands", "0.1", "--thresholds", "50"])).toBe("tier: Give --bands (shares of customers) or --thresholds (minimum scores), not both.\n");
    expect(message(["--metrics", "spend", "--weights", "1", "--method", "zscore"])).toContain('Option --method is "zscore"; use one of: percentile, minmax.');
    expect(message(["--metrics", "spend,visits", "--weights", "1,1"])).toContain('Column "visits" is not in');
    expect(message(["--weights", "1"])).toBe("tier: --metrics is required.\n");
    expect(message(["--metrics", "spend"])).toBe("tier: --weights is required.\n");
    expect(message(["--metrics", "spend", "--weights", "1", "--colour", "red"])).toBe('tier: Unknown option "--colour".\n');
  });

  it("is in the usage text", () => {
    expect(run(["--help"]).stdout).toContain("tier score FILE.csv --metrics COL1,COL2 --weights 0.5,0.5");
  });
});
