/**
 * `tier levels` (issue 15 §1), in-process: on CDNOW_master with the three-level spend policy it prints what the
 * core computes for every customer (the core itself is held to the independent replay in
 * test/core/over-time/levels.test.ts); the --changes file; the options; bad policy files named by line; both languages.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDateText, serialToIsoDate } from "../../src/core/cells/dates";
import { computeLevels, NO_DATE } from "../../src/core/over-time/levels";
import { readTransactions } from "../../src/core/transactions/read";
import { formatNumber } from "../../src/cli/output";
import { dir, file, run } from "./support";

const DATA = new URL("../../../shared/data/", import.meta.url).pathname;
const rows = readFileSync(`${DATA}CDNOW_master.txt`, "utf8")
  .trim()
  .split(/\r?\n/)
  .slice(1) // the header line
  .map((line) => {
    const [id, ymd, , dollars] = line.trim().split(/\s+/);
    return { id, date: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`, amount: dollars };
  });
const CDNOW = file("cdnow.csv", `customer_id,date,amount\n${rows.map((r) => `${r.id},${r.date},${r.amount}`).join("\n")}\n`);
const POLICY = file("policy.csv", "level,entry,keep\nSilver,50,30\nGold,200,150\nPlatinum,500,400\n");
const LEVELS = [
  { name: "Silver", entry: 50, keep: 30 },
  { name: "Gold", entry: 200, keep: 150 },
  { name: "Platinum", entry: 500, keep: 400 },
];

describe("tier levels", () => {
  it("CDNOW_master, three-level spend policy: one line per customer, equal to the core's numbers", () => {
    const changes = `${dir}/changes.csv`;
    const r = run(["levels", CDNOW, "--policy", POLICY, "--to", "1998-06-30", "--changes", changes]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [header, ...lines] = r.stdout.trim().split("\n");
    expect(header).toBe("customer,level,since,expires,metric,gap_to_next,gap_to_keep,downgrades_next_review");
    const tx = readTransactions({ customers: rows.map((x) => x.id), dates: rows.map((x) => x.date), amounts: rows.map((x) => Number(x.amount)) });
    const core = computeLevels(tx, { levels: LEVELS, metric: "spend", windowMonths: 12, validityMonths: 12 }, parseDateText("1998-06-30"));
    expect(lines.length).toBe(core.customerIds.length);
    const day = (s: number) => (s === NO_DATE ? "" : serialToIsoDate(s));
    // One comparison of all the lines (an expect per cell of 23,570 lines takes seconds).
    const expected = core.customerIds.map((id, c) => {
      const level = core.level[c];
      const cells = [id, level < 0 ? "" : LEVELS[level].name, day(core.since[c]), day(core.expires[c]), formatNumber(core.metric[c])];
      cells.push(level === 2 ? "" : formatNumber(core.gapToNext[c]), level < 0 ? "" : formatNumber(core.gapToKeep[c]), String(core.downgradesNextReview[c]));
      return cells.join(",");
    });
    expect(lines).toEqual(expected);
    const history = readFileSync(changes, "utf8").trim().split("\n");
    expect(history[0]).toBe("customer,date,from,to,reason");
    expect(history.length - 1).toBe(core.changes.length);
    expect(history.slice(1).some((l) => l.endsWith(",Platinum,Gold,downgrade"))).toBe(true);
    expect(history.slice(1).some((l) => /,Silver,,downgrade$/.test(l))).toBe(true);
    expect(history.slice(1).some((l) => /,(\w+),\1,kept$/.test(l))).toBe(true);
  });

  it("a small file: options, JSON, a non-month-end --to, orders", () => {
    const tx = file("tx.csv", "customer_id,date,amount\na,2024-01-10,120\na,2024-03-05,100\nb,2024-02-01,60\n");
    const policy = file("zh.csv", "level,entry,keep\n普通,100,50\n银卡,200,150\n金卡,500,400\n");
    expect(run(["levels", tx, "--policy", policy]).stdout).toBe(
      "customer,level,since,expires,metric,gap_to_next,gap_to_keep,downgrades_next_review\na,银卡,2024-03-05,2025-03-05,220,280,0,0\nb,,,,60,40,,0\n",
    );
    // --to defaults to the latest purchase, 2024-03-05: not a month-end, so a review of its own, where a reached 200.
    expect(run(["levels", tx, "--policy", policy, "--to", "2024-03-31"]).stdout.split("\n")[1]).toBe("a,银卡,2024-03-31,2025-03-31,220,280,0,0");
    // W 2, V 1: 普通 at 01-31 (120), kept at 02-29 (expires 03-31, the month-end a month on); at 03-15 the window holds only 100, not yet expired.
    const json = JSON.parse(run(["levels", tx, "--policy", policy, "--to", "2024-03-15", "--window-months", "2", "--validity-months", "1", "--format", "json"]).stdout);
    expect(json[0]).toEqual({ customer: "a", level: "普通", since: "2024-01-31", expires: "2024-03-31", metric: 100, gap_to_next: 100, gap_to_keep: 0, downgrades_next_review: 0 });
    const orders = file("orders.csv", "entry,keep,level\n2,1,两单\n");
    expect(run(["levels", tx, "--policy", orders, "--metric", "orders"]).stdout.split("\n")[1]).toBe("a,两单,2024-03-05,2025-03-05,2,,0,0");
  });

  it("bad policy files and options name the line or the option", () => {
    const tx = file("tx2.csv", "customer_id,date,amount\na,2024-01-10,120\n");
    const bad = (text: string, extra: string[] = []) => {
      const r = run(["levels", tx, "--policy", file("bad.csv", text), ...extra]);
      expect(r.code).toBe(2);
      return r.stderr.trim();
    };
    const f = `${dir}/bad.csv`;
    expect(bad("level,entry,keep\na,100,50\nb,200,250\n")).toBe(
      `tier: ${f}, line 3: level "b" has keep 250 above its entry 200; the threshold to keep a level cannot be above the one to enter it. Lower keep or raise entry.`,
    );
    expect(bad("level,entry,keep\na,100,50\n\nb,90,50\n")).toMatch(new RegExp(`^tier: ${f}, line 4: level "b" enters at 90, not above "a"`));
    expect(bad("level,entry,keep\na,lots,50\n")).toBe(`tier: ${f}, line 2: entry "lots" is not a number; write a number such as 200.`);
    expect(bad("level,entry,keep\na,100,\n")).toMatch(new RegExp(`^tier: ${f}, line 2: the keep threshold is empty`));
    expect(bad("level,entry\na,100\n")).toBe(`tier: ${f} has no column "keep"; the policy file's columns are level,entry,keep.`);
    expect(bad("level,entry,keep\n")).toMatch(/holds no level/);
    expect(bad("level,entry,keep\na,1,1\n", ["--validity-months", "0"])).toBe("tier: '--validity-months' is 0; use a whole number of months from 1 to 1200.");
    expect(bad("level,entry,keep\na,1,1\n", ["--metric", "revenue"])).toMatch(/--metric/);
    expect(bad("level,entry,keep\na,1,1\n", ["--to", "2023-01-01"])).toMatch(/--to \(2023-01-01\)|--to/);
    expect(bad("level,entry,keep\na,1,1\n", ["--from", "2024-05-01", "--to", "2024-04-30"])).toMatch(/start \(2024-05-01\) after the as-of date \(2024-04-30\)/);
    expect(run(["levels", tx]).stderr).toMatch(/needs --policy/);
  });

  it("--overrides: the eight columns unchanged, final_level, overridden, override_reason, override_until after them; override rows in --changes", () => {
    const tx = file("tx-ov.csv", "customer_id,date,amount\na,2024-01-10,120\na,2024-03-05,100\nb,2024-02-01,60\n101,2024-02-01,10\n");
    const policy = file("zh-ov.csv", "level,entry,keep\n普通,50,40\n银卡,200,150\n金卡,500,400\n");
    const ov = file(
      "ov.csv",
      "customer,level,reason,until\nb, 金卡 ,Key account,2024-12-31\n101,银卡,expired,2024-03-04\na,Platinum,,\nnobody,普通,,\n",
    );
    const changes = `${dir}/changes-ov.csv`;
    const plain = run(["levels", tx, "--policy", policy]).stdout.trim().split("\n");
    const r = run(["levels", tx, "--policy", policy, "--overrides", ov, "--changes", changes]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe(`${plain[0]},final_level,overridden,override_reason,override_until`);
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 8).join(","))).toEqual(plain.slice(1));
    expect(lines.slice(1).map((l) => l.split(",").slice(8).join(","))).toEqual(["银卡,0,,", "金卡,1,Key account,2024-12-31", ",0,,"]);
    expect(r.stderr).toContain(`${ov} line 4:`);
    expect(r.stderr).toMatch(/"?Platinum"?/);
    expect(r.stderr).toContain(`${ov} line 5: customer nobody is not in this run's data`);
    expect(r.stderr).toContain(": 1 override applied, 1 expired, 1 not in the data.");
    expect(r.stderr).toContain(`"Platinum" is not one of this run's tiers (普通, 银卡, 金卡)`);
    const history = readFileSync(changes, "utf8").trim().split("\n");
    expect(history).toContain("b,2024-03-05,普通,金卡,override");
    expect(history.filter((l) => l.endsWith(",override"))).toHaveLength(1);
    expect(run(["levels", "--help"]).stdout).toMatch(/--overrides FILE\s+A CSV file of overrides \(customer,level,reason,until[^\n]*final_level/);
    // Without --overrides, no override row and no extra column.
    expect(plain[0]).toBe("customer,level,since,expires,metric,gap_to_next,gap_to_keep,downgrades_next_review");
  });

  it("--summary with --changes is refused, not a silently missing history file", () => {
    const tx = file("tx-sum-ch.csv", "customer_id,date,amount\na,2024-01-10,120\n");
    const policy = file("sum-ch-policy.csv", "level,entry,keep\nSilver,50,40\n");
    const r = run(["levels", tx, "--policy", policy, "--summary", "--changes", `${dir}/never.csv`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("run it again without --summary to write --changes");
    expect(existsSync(`${dir}/never.csv`)).toBe(false);
  });

  it("--summary with --overrides counts each customer at the final level", () => {
    const tx = file("tx-ov-sum.csv", "customer_id,date,amount\na,2024-01-10,120\na,2024-03-05,100\nb,2024-02-01,60\n");
    const policy = file("ov-sum-policy.csv", "level,entry,keep\nSilver,50,40\nGold,200,150\n");
    const ov = file("ov-sum.csv", "customer,level,reason,until\nb,Gold,Key account,\n");
    const own = run(["levels", tx, "--policy", policy, "--summary"]).stdout.trim().split("\n");
    // a spent 220 (Gold), b 60 (Silver).
    expect(own).toEqual(["level,customers,orders,revenue", "Gold,1,2,220", "Silver,1,1,60"]);
    const r = run(["levels", tx, "--policy", policy, "--summary", "--overrides", ov]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toEqual(["level,customers,orders,revenue", "Gold,2,3,280", "Silver,0,0,0"]);
  });

  it("in Chinese", () => {
    const tx = file("tx3.csv", "customer_id,date,amount\na,2024-01-10,120\n");
    const r = run(["levels", tx, "--policy", file("bad-zh.csv", "level,entry,keep\na,100,120\n")], { LANG: "zh_CN.UTF-8" });
    expect(r.stderr).toBe(`tier: ${dir}/bad-zh.csv 第 2 行：等级“a”的保级门槛 120 高于入门门槛 100；保级门槛不能高于入门门槛。请降低保级门槛或提高入门门槛。\n`);
    expect(run(["levels", "--help"], { LANG: "zh_CN.UTF-8" }).stdout).toMatch(/--policy 文件\s+等级规则/);
  });
});
