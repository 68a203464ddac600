/**
 * =TIER.PILOT called as Excel calls it: ranges as 2-D arrays, blanks as null or "", omitted optional
 * arguments as null, numbers or text for ids and shares, error cells as error objects.
 */
import { afterEach, describe, expect, it } from "vitest";
import { pilot } from "../support/excel-functions";
import { excelError, setDisplayLanguage } from "../support/custom-functions";

const col = (...cells: unknown[]) => cells.map((c) => [c]);
const omitted = null as unknown as undefined;

afterEach(() => setDisplayLanguage(undefined));

/** 40 customers in tier A, 20 in B, ids as numbers; a blank row and a row without a tier at the end. */
const IDS = col(...Array.from({ length: 60 }, (_, i) => 1000 + i), null, 2000);
const TIERS = col(...Array.from({ length: 60 }, (_, i) => (i < 40 ? "A" : "B")), "A", "");

const counts = (out: unknown[][], tier: string) => {
  const tiers = TIERS.map((r) => r[0]);
  const of = (label: string) => out.filter((r, i) => tiers[i] === tier && r[0] === label).length;
  return [of("pilot"), of("control")];
};

describe("=TIER.PILOT", () => {
  it("marks share of each tier pilot and as many control; blank ids and tiers stay blank", () => {
    const out = pilot(IDS, TIERS, 0.1, omitted, omitted);
    expect(out).toHaveLength(62);
    expect(counts(out, "A")).toEqual([4, 4]);
    expect(counts(out, "B")).toEqual([2, 2]);
    expect(out[60]).toEqual([""]);
    expect(out[61]).toEqual([""]);
    expect(out.every((r) => r.length === 1 && (["pilot", "control", ""] as unknown[]).includes(r[0]))).toBe(true);
  });

  it("is reproducible from the seed (default 1), takes text numbers and a control share", () => {
    const a = pilot(IDS, TIERS, 0.1, omitted, omitted);
    expect(pilot(IDS, TIERS, [["10%"]], [[1]], [[0.1]])).toEqual(a);
    // Ids as text are the same customers: "1000" and 1000 meet.
    expect(pilot(col(...IDS.map((r) => (r[0] === null ? null : String(r[0])))), TIERS, 0.1, omitted, omitted)).toEqual(a);
    expect(pilot(IDS, TIERS, 0.1, 2, omitted)).not.toEqual(a);
    const out = pilot(IDS, TIERS, 0.25, 7, 0.5);
    expect(counts(out, "A")).toEqual([10, 20]);
    expect(counts(out, "B")).toEqual([5, 10]);
    expect(counts(pilot(IDS, TIERS, 0.25, 7, 0), "A")).toEqual([10, 0]);
  });

  it("does not depend on row order", () => {
    const reversedIds = [...IDS].reverse();
    const reversedTiers = [...TIERS].reverse();
    const out = pilot(IDS, TIERS, 0.3, 42, omitted);
    const back = [...pilot(reversedIds, reversedTiers, 0.3, 42, omitted)].reverse();
    expect(back).toEqual(out);
  });

  it("treats tiers that differ only in case as one tier", () => {
    const out = pilot(col(1, 2, 3, 4), col("Gold", "gold", "GOLD", "gold"), 0.5, omitted, 0);
    expect(out.filter((r) => r[0] === "pilot")).toHaveLength(2);
  });

  it("keeps a row as a row and speaks Chinese", () => {
    setDisplayLanguage("zh-CN");
    const out = pilot([[1, 2, 3, 4]], [["A", "A", "A", "A"]], 0.5, omitted, 0.5);
    expect(out).toHaveLength(1);
    expect([...out[0]].sort()).toEqual(["对照", "对照", "试点", "试点"]);
  });

  it("names the argument and the row in its messages", () => {
    const msg = (...args: Parameters<typeof pilot>) => excelError(() => pilot(...args)).message;
    expect(msg(IDS, TIERS.slice(1), 0.1, omitted, omitted)).toBe("'ids' has 62 rows but 'tiers' has 61; select ranges of the same height.");
    expect(msg(col(1, { code: "#DIV/0!" }), col("A", "A"), 0.1, omitted, omitted)).toBe(
      "argument 'ids', row 2: the cell holds the Excel error #DIV/0!; correct the formula behind it, or leave the row out.",
    );
    expect(msg(col(5, 6, 5), col("A", "B", "A"), 0.1, omitted, omitted)).toBe(
      'argument \'ids\', row 3: customer "5" is already in row 1; give each customer one row (one tier).',
    );
    expect(msg(IDS, TIERS, null, omitted, omitted)).toBe("'share' is empty; give the share of each tier to pick, such as 0.1 (10%).");
    expect(msg(IDS, TIERS, 0, omitted, omitted)).toBe("'share' is 0; use a share of each tier above 0 and at most 1 (10% is 0.1).");
    expect(msg(IDS, TIERS, 10, omitted, omitted)).toContain("'share' is 10;");
    expect(msg(IDS, TIERS, "ten", omitted, omitted)).toBe("'share': \"ten\" is not a number; type digits such as 1234.5.");
    expect(msg(IDS, TIERS, 0.6, omitted, omitted)).toBe(
      "'share' is 0.6, and the control group is as large when 'control_share' is left out: together more than all of the customers. Give 'control_share' at most 0.4.",
    );
    expect(msg(IDS, TIERS, 0.5, omitted, 0.7)).toBe(
      "'share' (0.5) and 'control_share' (0.7) add up to more than 1; the pilot and the control group come from the same customers.",
    );
    expect(msg(IDS, TIERS, 0.1, omitted, -1)).toBe("'control_share' is -1; use a share of each tier from 0 to 1 (0 for no control group).");
    expect(msg(IDS, TIERS, 0.1, 1.5, omitted)).toBe("'seed' is 1.5; use a whole number (the same seed picks the same customers).");
    expect(excelError(() => pilot(IDS, TIERS, 0, omitted, omitted)).code).toBe("#VALUE!");
  });

  it("words its messages in Chinese", () => {
    setDisplayLanguage("zh-CN");
    expect(excelError(() => pilot(IDS, TIERS, 0.5, omitted, 0.7)).message).toBe("“share”（0.5）与“control_share”（0.7）之和大于 1；试点组和对照组取自同一批客户。");
  });
});
