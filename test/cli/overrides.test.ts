/**
 * `tier rfm | abc | score --overrides FILE.csv` (issue 15 §2), in-process: the command's own columns unchanged
 * in name, order and value, the four override columns after them, --summary counting the final tiers, tier names
 * in either language, bad rows named by their line on stderr, the as-of date deciding what has expired.
 */
import { describe, expect, it } from "vitest";
import { file, run } from "./support";

const ORDERS = new URL("../../../shared/data/rfm_data_orders.csv", import.meta.url).pathname;
const CUSTOMERS = new URL("../../../shared/data/rfm_data_customer.csv", import.meta.url).pathname;
const SAMPLE = new URL("../../assets/sample/overrides.csv", import.meta.url).pathname;
const RFM = ["rfm", ORDERS, "--date", "order_date", "--amount", "revenue", "--as-of", "2006-12-31"];

const parse = (csv: string) => csv.trim().split("\n").map((line) => line.split(","));
const byFirst = (rows: string[][]) => new Map(rows.slice(1).map((r) => [r[0], r]));

describe("tier rfm --overrides", () => {
  const plain = run(RFM);
  const withOv = run([...RFM, "--overrides", SAMPLE]);

  it("keeps every column of the plain output and adds final_tier, overridden, override_reason, override_until", () => {
    expect(withOv.code).toBe(0);
    const a = parse(plain.stdout);
    const b = parse(withOv.stdout);
    expect(b[0]).toEqual([...a[0], "final_tier", "overridden", "override_reason", "override_until"]);
    expect(b.length).toBe(a.length);
    for (let i = 1; i < a.length; i++) expect(b[i].slice(0, a[i].length)).toEqual(a[i]);
  });

  it("applies an active override (in English or Chinese), leaves an expired one and marks only the applied", () => {
    const rows = byFirst(parse(withOv.stdout));
    expect(rows.get("Brion Stark")!.slice(9)).toEqual(["Potential Loyalist", "Champions", "1", "Key account: signed a three-year contract", "2007-06-30"]);
    // 忠诚客户 is the Chinese name of Loyal Customers.
    expect(rows.get("Ethyl Botsford")!.slice(10)).toEqual(["Loyal Customers", "1", "Store manager's regular", ""]);
    // Until 2006-06-30, before the as-of date: expired, the run's own tier stands.
    expect(rows.get("Hosteen Jacobi")!.slice(9)).toEqual(["Lost", "Lost", "0", "", ""]);
    const marked = [...rows.values()].filter((r) => r[11] === "1").length;
    expect(marked).toBe(2);
  });

  it("names each bad row by its line and counts applied, expired and unknown overrides", () => {
    expect(withOv.stderr).toContain("overrides.csv line 5: customer Nobody Yet is not in this run's data");
    expect(withOv.stderr).toContain("overrides.csv line 6: customer Brion Stark has another override at");
    expect(withOv.stderr).toContain('line 7: "Gold" is not one of this run\'s tiers (Champions,');
    expect(withOv.stderr).toContain("2 overrides applied, 1 expired, 1 not in the data.");
    const zh = run([...RFM, "--overrides", SAMPLE], { LANG: "zh_CN.UTF-8" });
    expect(zh.stderr).toContain("第7行：“Gold”不是本次运行的分层（冠军客户、");
    expect(zh.stdout).toContain(",冠军客户,1,");
  });

  it("an earlier as-of date keeps an override that has since expired", () => {
    const early = byFirst(parse(run(["rfm", ORDERS, "--date", "order_date", "--amount", "revenue", "--as-of", "2006-06-30", "--overrides", SAMPLE]).stdout));
    expect(early.get("Hosteen Jacobi")!.slice(10, 12)).toEqual(["Loyal Customers", "1"]);
  });

  it("--summary counts the final tiers: customers conserved, moved between segments", () => {
    const before = byFirst(parse(run([...RFM, "--summary"]).stdout));
    const after = byFirst(parse(run([...RFM, "--summary", "--overrides", SAMPLE]).stdout));
    const total = (m: Map<string, string[]>) => [...m.values()].reduce((s, r) => s + Number(r[1]), 0);
    expect(total(after)).toBe(total(before));
    expect(Number(after.get("Champions")![1])).toBe(Number(before.get("Champions")![1]) + 1);
    expect(Number(after.get("Potential Loyalist")![1])).toBe(Number(before.get("Potential Loyalist")![1]) - 2);
  });

  it("refuses a file without a tier column, naming the columns it needs", () => {
    const bad = file("no-tier.csv", "customer,reason\nBrion Stark,x\n");
    const r = run([...RFM, "--overrides", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no "tier" column');
  });
});

describe("tier abc and tier score --overrides", () => {
  it("abc: level is a synonym of tier; ids matched as the core matches them (22086 the number and the text)", () => {
    const ov = file("abc.csv", "customer,level,reason,until\n22086,C,demoted by hand,\n");
    const r = run(["abc", CUSTOMERS, "--value", "revenue", "--id", "customer_id", "--overrides", ov]);
    expect(r.code).toBe(0);
    const rows = byFirst(parse(r.stdout));
    expect(rows.get("22086")).toEqual(["22086", "777", "A", "0.788263145556165", "C", "1", "demoted by hand", ""]);
    const summary = byFirst(parse(run(["abc", CUSTOMERS, "--value", "revenue", "--id", "customer_id", "--summary", "--overrides", ov]).stdout));
    const plain = byFirst(parse(run(["abc", CUSTOMERS, "--value", "revenue", "--id", "customer_id", "--summary"]).stdout));
    expect(Number(summary.get("A")![1])).toBe(Number(plain.get("A")![1]) - 1);
    expect(Number(summary.get("C")![1])).toBe(Number(plain.get("C")![1]) + 1);
  });

  it("abc without --id cannot match customers and says so", () => {
    const ov = file("abc2.csv", "customer,tier\n1,A\n");
    const r = run(["abc", CUSTOMERS, "--value", "revenue", "--overrides", ov]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--overrides matches customers by id: name the id column with --id.");
  });

  it("score: a band by its Chinese name, printed by its key beside the run's own band", () => {
    const ov = file("score.csv", "customer,tier,reason,until\n22086,钻石,board member,2999-12-31\n");
    const args = ["score", CUSTOMERS, "--id", "customer_id", "--metrics", "recency_days,number_of_orders,revenue", "--weights", "1,1,2", "--directions", "lower,higher,higher"];
    const plain = byFirst(parse(run(args).stdout));
    const r = run([...args, "--overrides", ov]);
    expect(r.code).toBe(0);
    const row = byFirst(parse(r.stdout)).get("22086")!;
    expect(row.slice(0, 6)).toEqual(plain.get("22086"));
    expect(row.slice(6)).toEqual(["diamond", "1", "board member", "2999-12-31"]);
  });
});

describe("tier --overrides reads the columns as the workbook's table does (src/i18n/override-words.ts)", () => {
  it("takes the table's Chinese headers, a renamed end-date column by its position, and --day-order for the dates", () => {
    // 有效期至 renamed "ends": still the fourth column, so Brion Stark's override ends 2006-06-30 (31/12 would be no date in mdy).
    const zh = file("overrides-zh.csv", "客户,分层或等级,原因,ends\nBrion Stark,Champions,key account,30/06/2006\nEthyl Botsford,Champions,regular,31/12/2007\n");
    const r = run([...RFM, "--day-order", "dmy", "--overrides", zh]);
    expect(r.code).toBe(0);
    const rows = byFirst(parse(r.stdout));
    // Ended before the as-of date 2006-12-31: the run's own tier stands.
    expect(rows.get("Brion Stark")!.slice(10)).toEqual(["Potential Loyalist", "0", "", ""]);
    expect(rows.get("Ethyl Botsford")!.slice(10)).toEqual(["Champions", "1", "regular", "2007-12-31"]);
    expect(r.stderr).toContain("1 override applied, 1 expired, 0 not in the data.");
  });
});
