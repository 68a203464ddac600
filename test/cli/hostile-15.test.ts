/**
 * `tier` as issue 12's hostile user, against what issue 15 added: `tier levels` (a policy file, --window-months,
 * --validity-months, --from/--to, --changes), `--overrides`, the economics (`--costs`, `--margin`,
 * `--margin-column`, `migrate --cost-per-upgrade`) and the voice options on `--summary`. Files as people have them
 * (GBK, UTF-16, semicolons, CR-only, broken quoting, duplicate headers), sizes past any sane policy, words that are
 * also JavaScript's (constructor, __proto__), ids that spreadsheets would run as formulas. Every run ends in output
 * or one short `tier:` sentence with exit code 2, never a stack trace, an internal error, Infinity or NaN.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dir, file, run } from "./support";

const ORDERS = "assets/sample/sample-orders.csv";
const POLICY_ROWS = [
  ["level", "entry", "keep"],
  ["普通", "50", "30"],
  ["银卡", "200", "150"],
  ["金卡", "500", "400"],
];
const policyText = (sep = ",", eol = "\n") => POLICY_ROWS.map((r) => r.join(sep)).join(eol) + eol;
const POLICY = file("policy.csv", policyText());
const gbk = (text: string): Buffer => {
  // GB18030 bytes of the policy's three names (Node has no encoder for it; these are the code points' GBK bytes).
  const bytes: Record<string, number[]> = { 普: [0xc6, 0xd5], 通: [0xcd, 0xa8], 银: [0xd2, 0xf8], 卡: [0xbf, 0xa8], 金: [0xbd, 0xf0] };
  return Buffer.from([...text].flatMap((ch) => bytes[ch] ?? [...Buffer.from(ch, "latin1")]));
};

/** One `tier:` sentence and exit 2, nothing on stdout, nothing internal. */
function refused(argv: string[]): string {
  const r = run(argv);
  expect([r.code, r.stdout]).toEqual([2, ""]);
  const last = r.stderr.trim().split("\n").at(-1)!;
  expect(last).toMatch(/^tier: /);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error|Error:|Infinity|NaN|function Object|\[object Object\]/);
  expect(last.length).toBeLessThan(400);
  return last;
}

/** A run that answers: exit 0, no Infinity or NaN anywhere in what it wrote. */
function answered(argv: string[]): { stdout: string; stderr: string } {
  const r = run(argv);
  expect(r.stderr).not.toMatch(/^tier: (?!read )|internal error/m);
  expect(r.code).toBe(0);
  expect(r.stdout).not.toMatch(/Infinity|NaN/);
  return r;
}

describe("tier levels: the policy file as people have it", () => {
  const expected = answered(["levels", ORDERS, "--policy", POLICY]).stdout;

  it("GBK, UTF-16 with a BOM and tabs, semicolons, CR-only line ends: the same levels as the UTF-8 comma file", () => {
    const gbkFile = join(dir, "policy-gbk.csv");
    writeFileSync(gbkFile, gbk(policyText()));
    const u16 = join(dir, "policy-u16.txt");
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(policyText("\t"), "utf16le")]));
    const files = [gbkFile, file("policy-semi.csv", policyText(";")), file("policy-cr.csv", policyText(",", "\r"))];
    for (const f of [...files, u16]) expect(answered(["levels", ORDERS, "--policy", f]).stdout).toBe(expected);
  });

  it("FILE's --encoding and --delimiter are FILE's: a UTF-8 comma policy beside a GBK semicolon export keeps its names (it became 鏅€�)", () => {
    const orders = readFileSync(ORDERS, "utf8").replace(/,/g, ";");
    const gbkOrders = join(dir, "orders-gbk-semi.csv");
    writeFileSync(gbkOrders, gbk(orders));
    expect(answered(["levels", gbkOrders, "--policy", POLICY, "--encoding", "gb18030", "--delimiter", "semicolon"]).stdout).toBe(expected);
    // The costs and overrides files too (the costs file was "missing its tier column" under --delimiter semicolon).
    const costs = file("costs-comma.csv", "tier,per_customer,per_order,fixed\n金卡,1,0.5,10\n*,1,0,0\n");
    const summary = answered(["levels", gbkOrders, "--policy", POLICY, "--delimiter", "semicolon", "--encoding", "gb18030", "--summary", "--costs", costs, "--margin", "0.3"]).stdout;
    expect(summary.split("\n")[1]).toMatch(/^金卡,/);
    const rules = file("rules-comma.csv", "name,r_min,r_max,f_min,f_max,m_min,m_max\nAll,1,5,1,5,1,5\n");
    expect(answered(["rfm", gbkOrders, "--delimiter", "semicolon", "--segments", rules]).stdout).toMatch(/,All\n/);
  });

  it("an unclosed quote, a duplicate header, no rows, 20,000 levels, thresholds of 1e308 and 1e400: one sentence naming the file", () => {
    expect(refused(["levels", ORDERS, "--policy", file("p-quote.csv", 'level,entry,keep\n"Silver,50,30\nGold,200,150\n')])).toMatch(/p-quote\.csv: the quote opened on line 2 is never closed/);
    expect(refused(["levels", ORDERS, "--policy", file("p-dup.csv", "level,entry,keep,Level\nSilver,50,30,x\n")])).toMatch(/has the column "level" twice/i);
    expect(refused(["levels", ORDERS, "--policy", file("p-empty.csv", "level,entry,keep\n")])).toMatch(/holds no level/);
    const many = file("p-many.csv", "level,entry,keep\n" + Array.from({ length: 20_000 }, (_, i) => `L${i},${i + 1},${i + 1}\n`).join(""));
    expect(refused(["levels", ORDERS, "--policy", many])).toMatch(/has 20000 levels; a policy takes at most 100/);
    expect(refused(["levels", ORDERS, "--policy", file("p-e308.csv", "level,entry,keep\nA,1e308,1e308\n")])).toMatch(/line 2: the entry threshold 1e\+308 is beyond/);
    expect(refused(["levels", ORDERS, "--policy", file("p-e400.csv", "level,entry,keep\nA,1e400,1\n")])).toMatch(/line 2: entry "1e400" is not a number/);
  });

  it("window and validity of 0, -1, 1e9, abc or a million months; --to far ahead or before every purchase; a repeated flag", () => {
    for (const w of ["0", "-1", "1e9", "1.5"]) expect(refused(["levels", ORDERS, "--policy", POLICY, "--window-months", w])).toMatch(/'--window-months' is .*; use a whole number of months from 1 to 1200/);
    expect(refused(["levels", ORDERS, "--policy", POLICY, "--window-months", "abc"])).toBe('tier: Option --window-months is "abc"; give a number.');
    expect(refused(["levels", ORDERS, "--policy", POLICY, "--validity-months", "1000000"])).toMatch(/'--validity-months' is 1000000/);
    expect(refused(["levels", ORDERS, "--policy", POLICY, "--to", "9999-12-31"])).toMatch(/more than 1201 month-end reviews/);
    expect(refused(["levels", ORDERS, "--policy", POLICY, "--to", "1990-01-01"])).toMatch(/--to \(1990-01-01\) is before the first purchase/);
    expect(refused(["levels", ORDERS, "--policy", POLICY, "--policy", POLICY])).toBe("tier: --policy is given twice; give it once.");
  });
});

describe("words that are also JavaScript's", () => {
  it("--delimiter constructor is an unknown delimiter, not an internal error", () => {
    for (const word of ["constructor", "__proto__", "toString"]) expect(refused(["rfm", ORDERS, "--delimiter", word])).toMatch(/^tier: --delimiter is ".*"; use comma/);
  });

  it("levels named constructor, toString and __proto__ are priced by the costs file as any name (they cost NaN: 'a total passes the largest number')", () => {
    const policy = file("p-proto.csv", "level,entry,keep\nconstructor,50,30\ntoString,200,150\n__proto__,500,400\n");
    const costs = file("c-proto.csv", "tier,per_customer,per_order,fixed\n__proto__,1,0.5,10\nconstructor,2,2,2\n");
    const r = answered(["levels", ORDERS, "--policy", policy, "--summary", "--costs", costs, "--margin", "0.3"]);
    const rows = r.stdout.trim().split("\n").map((l) => l.split(","));
    expect(rows.map((x) => x[0])).toEqual(["level", "__proto__", "toString", "constructor"]);
    expect(rows[1][5]).toBe(String(8 * 1 + 127 * 0.5 + 10));
    expect(rows[3][5]).toBe(String(29 * 2 + 54 * 2 + 2));
    expect(r.stderr).toMatch(/No cost is given for toString,/);
  });
});

describe("messages that echo too much", () => {
  it("a file of 5,000 columns without the one asked for lists twenty of them", () => {
    const wide = file("wide.csv", Array.from({ length: 5000 }, (_, i) => `col${i}`).join(",") + "\n" + "1,".repeat(4999) + "1\n");
    const said = refused(["levels", wide, "--policy", POLICY]);
    expect(said).toMatch(/^tier: Column "customer_id" is not in .*wide\.csv; its columns are: col0, col1, .*col19, …\.$/);
  });

  it("a long tier, cost cell, option value or extra argument is cut to a few dozen characters", () => {
    const long = "x".repeat(3000);
    expect(refused(["rfm", ORDERS, "--summary", "--margin", "0.3", "--costs", file("c-long.csv", `tier,per_customer,per_order,fixed\n${long},1,1,1\n${long},1,1,1\n`)])).toMatch(/line 3: tier x+… is already on line 2/);
    expect(refused(["rfm", ORDERS, "--summary", "--margin", "0.3", "--costs", file("c-cell.csv", `tier,per_customer,per_order,fixed\nA,${long},1,1\n`)])).toMatch(/per_customer is "x+…"/);
    expect(refused(["levels", ORDERS, "--policy", POLICY, "--metric", long])).toMatch(/Option --metric is "x+…"/);
    expect(refused(["levels", ORDERS, "--policy", POLICY, "--window-months", long])).toMatch(/Option --window-months is "x+…"/);
    expect(refused(["levels", ORDERS, "--policy", POLICY, `--${long}`, "1"])).toMatch(/Unknown option "--x+…"/);
    expect(refused(["levels", ORDERS, long, "--policy", POLICY])).toMatch(/"x+…" is one too many/);
    expect(refused(["rfm", ORDERS, "--summary", "--nps", long])).toMatch(/Column "x+…"/);
  });
});

describe("outputs that grow in two dimensions", () => {
  it("tier migrate --cost-per-upgrade over 20,000 distinct tiers names --tier, not a function's 'tiers_before'", () => {
    const before = file("m-before.csv", "id,tier,rev\n" + Array.from({ length: 20_000 }, (_, i) => `c${i},T${i},${i}\n`).join(""));
    const after = file("m-after.csv", "id,tier,rev\n" + Array.from({ length: 20_000 }, (_, i) => `c${i},T${(i * 7) % 20_000},${i}\n`).join(""));
    expect(refused(["migrate", before, after, "--id", "id", "--tier", "tier", "--revenue", "rev", "--cost-per-upgrade", "5"])).toMatch(/^tier: '--tier' has 20000 different tiers; the migration table shows at most 200/);
  });

  it("--changes streams the history (customers × month-ends): a hundred years kept monthly, override rows after each customer's own", () => {
    // 300 customers who bought in January 2000, kept at every month-end to the end of 2099 (validity 1).
    const orders = file("century.csv", "customer_id,date,amount\n" + Array.from({ length: 300 }, (_, c) => `c${c},2000-01-15,100\n`).join("") + "z,2099-12-31,1\n");
    const policy = file("p-one.csv", "level,entry,keep\nM,1,0\nTop,1000,1000\n");
    const overrides = file("ov-century.csv", "customer,level,reason,until\nc0,Top,key account,\nc299,Top,,\n");
    const changes = join(dir, "century-changes.csv");
    const r = answered(["levels", orders, "--policy", policy, "--validity-months", "1", "--window-months", "1200", "--changes", changes, "--overrides", overrides]);
    expect(r.stdout.split("\n")[1]).toBe("c0,M,2000-01-31,2100-01-31,100,900,0,0,Top,1,key account,");
    const lines = readFileSync(changes, "utf8").trim().split("\n");
    // Per customer: the upgrade, 1,199 kept (the review of 2099-12-31 included), for c0 and c299 the override row last.
    expect(lines.length).toBe(1 + 300 * 1200 + 2 + 1);
    expect(lines[1]).toBe("c0,2000-01-31,,M,upgrade");
    expect(lines[1200]).toBe("c0,2099-12-31,M,M,kept");
    expect(lines[1201]).toBe("c0,2099-12-31,M,Top,override");
    expect(lines[1202]).toBe("c1,2000-01-31,,M,upgrade");
    expect(lines.at(-2)).toBe("c299,2099-12-31,M,Top,override");
    expect(lines.at(-1)).toBe("z,2099-12-31,,M,upgrade");
  });
});

describe("no Infinity at the edges", () => {
  it("tier abc --summary: a share of a positive total of 5e-324 is not defined (an empty cell), not -Infinity (found by the property below)", () => {
    const tiny = file("abc-tiny.csv", "customer_id,date,amount\na,2024-01-05,-1\na,2024-01-05,5e-324\n");
    for (const argv of [["abc", tiny, "--value", "amount", "--summary"], ["abc", tiny, "--value", "amount", "--summary", "--id", "customer_id", "--overrides", file("ov-abc.csv", "customer,tier,reason,until\na,B,,\n")]]) {
      const lines = answered(argv).stdout.trim().split("\n");
      // The class that holds the -1 (C, or B where the override put it) has no share.
      expect(lines.filter((l) => /,-1,0\.5,$/.test(l))).toHaveLength(1);
    }
  });
});

describe("summaries whose tier totals pass the largest double", () => {
  it("rfm and levels --summary name the --amount column (rfm printed revenue Infinity and -Infinity); --margin-column names its own", () => {
    for (const sign of ["", "-"]) {
      const huge = file(`huge${sign}.csv`, `customer_id,date,amount,profit\na,2024-01-05,${sign}1e308,${sign}1e308\nb,2024-01-05,${sign}1e308,${sign}1e308\n`);
      expect(refused(["rfm", huge, "--summary"])).toMatch(/^tier: A total of the --amount column passes the largest number/);
      // Levels: two customers of 1e308 on one level (with -1e308 nobody reaches a level, and a level's total is finite).
      if (sign === "") expect(refused(["levels", huge, "--policy", file("p-neg.csv", "level,entry,keep\nAll,-1e15,-1e15\n"), "--summary"])).toMatch(/--amount column passes the largest number/);
    }
    const profit = file("huge-profit.csv", "customer_id,date,amount,profit\na,2024-01-05,1,1e308\nb,2024-01-05,1,1e308\n");
    expect(refused(["rfm", profit, "--summary", "--costs", file("c-star.csv", "tier,per_customer,per_order,fixed\n*,1,1,1\n"), "--margin-column", "profit"])).toMatch(/--margin-column column passes the largest number/);
  });
});

describe("generated side files, property-based", () => {
  const cell = fc.oneof(
    fc.constantFrom("", " ", "0", "1", "-1", "50", "200", "1e308", "-1e308", "1e400", "5e-324", "NaN", "Infinity", "abc", "=1+1", "@x", "+5", "-x", "constructor", "__proto__", "金卡", '"', '""', "a;b", "1,5", "\t"),
    fc.string({ maxLength: 6 }),
  );
  const line = fc.array(cell, { minLength: 0, maxLength: 5 }).map((cells) => cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(","));
  const body = (header: string) => fc.array(line, { maxLength: 6 }).map((lines) => [header, ...lines].join(fc.sample(fc.constantFrom("\n", "\r\n", "\r"), 1)[0]) + "\n");
  let n = 0;
  /** Output with nothing internal, or one sentence and exit 2. */
  const hostile = (argv: string[]) => {
    const r = run(argv);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at |function Object|\[object Object\]/);
    if (r.code === 2) {
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n").at(-1)).toMatch(/^tier: /);
    } else {
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/Infinity|NaN/);
    }
  };

  it("a policy, a costs file and an overrides file of hostile cells: output, or one sentence", () => {
    fc.assert(
      fc.property(body("level,entry,keep"), body("tier,per_customer,per_order,fixed"), body("customer,level,reason,until"), fc.constantFrom("csv", "json"), (policy, costs, overrides, format) => {
        n++;
        const p = file(`gen-policy-${n}.csv`, policy);
        const c = file(`gen-costs-${n}.csv`, costs);
        const o = file(`gen-ov-${n}.csv`, overrides);
        hostile(["levels", ORDERS, "--policy", p, "--overrides", o, "--format", format]);
        hostile(["levels", ORDERS, "--policy", POLICY, "--summary", "--costs", c, "--margin", "0.3", "--format", format]);
        hostile(["rfm", ORDERS, "--summary", "--costs", c, "--margin", "0.3", "--format", format]);
      }),
      { numRuns: 60 },
    );
  });

  it("voice and margin columns of hostile cells on rfm, abc and levels --summary: output, or one sentence", () => {
    const row = fc.tuple(fc.constantFrom("a", "b", "=c", "@d", "constructor"), fc.constantFrom("2024-01-05", "2024-03-31", "2023-12-31", "bad"), cell, cell, cell, cell, cell, cell);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.constantFrom("csv", "json"), (rows, format) => {
        n++;
        const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
        const orders = file(`gen-voice-${n}.csv`, "customer_id,date,amount,profit,nps,csat,complaints,referrals\n" + rows.map((r) => r.map(quote).join(",")).join("\n") + "\n");
        const voice = ["--nps", "nps", "--satisfaction", "csat", "--complaints", "complaints", "--referrals", "referrals", "--engagement", "profit"];
        hostile(["rfm", orders, "--summary", ...voice, "--format", format]);
        hostile(["abc", orders, "--value", "amount", "--summary", ...voice, "--format", format]);
        hostile(["rfm", orders, "--summary", "--costs", file(`gen-c-${n}.csv`, "tier,per_customer,per_order,fixed\n*,1,1,1\n"), "--margin-column", "profit", "--format", format]);
        hostile(["levels", orders, "--policy", POLICY, "--summary", "--costs", file(`gen-c2-${n}.csv`, "tier,per_customer,per_order,fixed\n*,1,1,1\n"), "--margin-column", "profit", "--format", format]);
      }),
      { numRuns: 300 },
    );
  });
});
