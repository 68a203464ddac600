/**
 * `tier` against hostile files for the commands and options that landed with issues 13 and 14 (issue 12's
 * classes): `predict --margin-column`, `cohort --first-tier`, `history`, `trends`, `movers --predict`. Every run
 * ends in output or one sentence with a documented exit code, never Infinity or NaN in the output, never a
 * function's argument ('amounts', 'values', 'as_of', row N) where the person typed an option, never a header
 * printed alone as if it were an answer.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { file, run } from "./support";

const TX = "customer_id,date,amount,profit\n";
const HUGE = file("huge.csv", `${TX}a,2024-01-01,1e308,1\na,2024-02-01,1e308,1\nb,2024-01-03,1e308,1\nb,2024-03-01,1,1\n`);
const REFUNDS = file("refunds.csv", `${TX}R,2024-01-01,-10,-2\nR,2024-02-01,-5,-1\nS,2024-03-05,-1,0\n`);
const ONE_MONTH = file("one-month.csv", `${TX}R,2024-01-01,10,2\nS,2024-01-05,5,1\nR,2024-01-20,5,1\n`);

/** One `tier:` sentence and exit 2, nothing on stdout. */
function refused(argv: string[]): string {
  const r = run(argv);
  expect([r.code, r.stdout]).toEqual([2, ""]);
  const lines = r.stderr.trim().split("\n");
  expect(lines.at(-1)).toMatch(/^tier: /);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|Infinity|NaN|'(amounts|values|as_of)'|argument '|, row \d/);
  return lines.at(-1)!;
}

describe("overflowing totals in the over-time commands", () => {
  it("history, trends, movers --predict and cohort refuse a total past the largest double, naming --amount (they printed Infinity, or blamed 'values' row 2)", () => {
    for (const argv of [["history", HUGE], ["history", HUGE, "--tier-by", "abc"], ["trends", HUGE], ["movers", HUGE, "--predict", "--unit", "week"], ["cohort", HUGE, "--first-tier", "abc"], ["cohort", HUGE, "--measure", "revenue"]]) {
      expect(refused(argv)).toMatch(/--amount column passes the largest number/);
    }
  });

  it("rfm, abc and fit name the column's option and the amount, not a function's argument and a row that is not the file's line", () => {
    const path = file("two-e308.csv", "customer_id,date,amount\na,2024-01-05,1e308\na,2024-01-06,1e308\nb,2024-01-07,5\n");
    expect(refused(["rfm", path])).toBe("tier: The amount 1e+308 in the --amount column takes a total beyond the largest number a spreadsheet holds (about 1.8E+308); check that column for a wrong exponent or unit.");
    expect(refused(["abc", path, "--value", "amount"])).toMatch(/^tier: The amount 1e\+308 in the --value column/);
    expect(refused(["fit", path])).toMatch(/--amount column passes the largest number/);
    expect(run(["rfm", path], { LANG: "zh_CN" }).stderr).toMatch(/--amount 列中的金额 1e\+308/);
  });
});

describe("answers that were a header alone", () => {
  it("refund-only files: cohort (with and without --first-tier) says there is no purchase", () => {
    for (const argv of [["cohort", REFUNDS], ["cohort", REFUNDS, "--first-tier", "segment"], ["cohort", REFUNDS, "--first-tier", "abc", "--measure", "revenue"]]) {
      expect(refused(argv)).toMatch(/below 0 \(returns only\).*'--amount' is the amounts column/);
    }
  });

  it("history, trends and movers with no snapshot date among the purchases, and movers with one snapshot, say so", () => {
    for (const command of ["history", "trends", "movers"]) {
      expect(refused([command, ONE_MONTH])).toBe("tier: No snapshot date falls between 2024-01-01 and 2024-01-20 (the purchases, or --from and --to); give a later --to, or --every with fewer days (such as --every 7).");
    }
    const twoMonths = file("two-months.csv", `${TX}R,2024-01-01,10,2\nS,2024-01-05,5,1\nR,2024-02-20,5,1\n`);
    expect(refused(["movers", twoMonths])).toMatch(/^tier: The history has one snapshot \(2024-01-31\), and movers need two/);
    expect(refused(["movers", twoMonths, "--predict", "--unit", "week"])).toMatch(/one snapshot/);
    expect(run(["movers", twoMonths, "--every", "7"]).code).toBe(0);
  });
});

describe("options named as typed", () => {
  it("a date option that is not a date names the option and echoes a few dozen characters of it", () => {
    expect(refused(["history", ONE_MONTH, "--from", "1800-01-01"])).toBe('tier: --from is "1800-01-01"; give a date such as 2024-01-05 (from 1900-03-01 to 9999-12-31).');
    expect(refused(["movers", ONE_MONTH, "--after", "x".repeat(5000)]).length).toBeLessThan(200);
    expect(refused(["check", ONE_MONTH, "--calibration-end", "y".repeat(5000)]).length).toBeLessThan(200);
  });

  it("an order that leaves a tier out names --order (TIER.MOVERS's 'order') and echoes at most a few dozen characters of it", () => {
    const before = file("mb.csv", "id,tier\n1,A\n2,B\n3,C\n");
    const order = Array.from({ length: 2000 }, (_, i) => `T${i}`).join(",");
    const sentence = refused(["movers", before, before, "--id", "id", "--tier", "tier", "--order", `A,B,${order}`]);
    expect(sentence).toMatch(/^tier: '--order' \(A, B, T0, .*…\) does not name the tier "C"/);
    expect(sentence.length).toBeLessThan(200);
  });
});

describe("generated hostile transaction files (property)", () => {
  const cell = fc.constantFrom("1e308", "-1e308", "5e-324", "1e400", "-0", "0", "12.5", "-3", "", "NaN", "Infinity", "1,5", "x", '"=1+2"', "+1", "@SUM(A1)");
  const id = fc.constantFrom("a", "b", "=HYPERLINK(1)", "+1", "-2", "@x", "", '"c,d"');
  const day = fc.integer({ min: 0, max: 200 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const row = fc.tuple(id, fc.oneof(day, fc.constantFrom("", "2024-13-01", "x")), cell, cell).map((r) => r.join(","));
  const commands: string[][] = [
    ["history"],
    ["history", "--tier-by", "abc", "--every", "14"],
    ["trends", "--every", "30"],
    ["movers", "--every", "30"],
    ["movers", "--every", "30", "--predict", "--unit", "week"],
    ["cohort"],
    ["cohort", "--first-tier", "segment"],
    ["cohort", "--first-tier", "abc", "--measure", "revenue"],
    ["predict", "--margin-column", "profit", "--unit", "week"],
    ["rfm"],
  ];
  it("every command prints finite numbers or one sentence with a documented code", () => {
    let k = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.constantFrom(...commands), (rows, command) => {
        const path = file(`gen-${k++}.csv`, `${TX}${rows.join("\n")}\n`);
        const r = run([command[0], path, ...command.slice(1)]);
        expect([0, 2]).toContain(r.code);
        expect(r.stderr).not.toMatch(/\n\s+at |Error:|internal|'(values|as_of)'|argument '/);
        expect(r.stdout).not.toMatch(/Infinity|NaN|undefined/);
        // CSV injection (OWASP): no output field begins with = + - @ unless it is a number.
        for (const line of r.stdout.split("\n")) for (const field of line.split(",")) if (/^[=+\-@]/.test(field)) expect(field).toMatch(/^[-+]?\d/);
        if (r.code === 2) expect(r.stderr.trim().split("\n").at(-1)).toMatch(/^tier: /);
      }),
      { numRuns: 150 },
    );
  });
});

describe("unbounded tables", () => {
  it("tier cohort over a wrong date (1900 beside 2024) names --date and the span, with or without --first-tier", () => {
    const wide = file("wide.csv", `${TX}a,1900-03-05,5,1\nb,2024-01-01,5,1\n`);
    expect(refused(["cohort", wide])).toMatch(/^tier: '--date' runs from 1900-03-05 to 2024-01-01: 1487 months of cohorts, and a cohort table spans at most 600/);
    expect(refused(["cohort", wide, "--first-tier", "abc"])).toMatch(/1487 months/);
    expect(run(["cohort", wide, "--by", "quarter"]).code).toBe(0);
  });
});

describe("customer tables with a header alone", () => {
  it("score, clv, pilot, migrate and movers say the file has no data rows (they printed a header alone and exit 0)", () => {
    const header = file("header-only.csv", "customer_id,tier,spend,avg_purchase,frequency,lifespan,margin\n");
    const snapshot = file("one-customer.csv", "customer_id,tier,spend\n1,A,5\n");
    const sentence = `tier: ${header.split("/").pop()} has a header line but no data rows; give a file with one row per customer under its header.`;
    for (const argv of [
      ["score", header, "--metrics", "spend", "--weights", "1"],
      ["clv", header],
      ["pilot", header, "--id", "customer_id", "--tier", "tier", "--share", "0.5"],
      ["migrate", snapshot, header, "--id", "customer_id", "--tier", "tier"],
      ["movers", snapshot, header, "--id", "customer_id", "--tier", "tier"],
    ]) {
      expect(refused(argv).replace(header, header.split("/").pop()!)).toBe(sentence);
    }
  });
});
