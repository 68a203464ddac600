/**
 * Read blocks are sized from a sample of the source's rows (read in the first sync), so long text and
 * Chinese text (3 bytes a character in UTF-8) never make a response exceed Office's 5 MB.
 */
import { describe, expect, it } from "vitest";
import { CHECK_SYNCS, PAYLOAD_TARGET, READ_SYNCS, SAMPLE_ROWS, WRITE_SYNCS, SNAPSHOT_SYNCS } from "../../src/excel/host";
import { columnOf, ROLES } from "../../src/core/analysis/roles";
import { readBlockCount, type Sample } from "../../src/excel/read";
import { FIVE_MB, bookWithTransactions, expectSyncsUnderLimit, settingsFor } from "./helpers";


/** `rows` rows of 20,000 customers, with a long text in the category column (from `text(i)`). */
function longRows(rows: number, text: (i: number) => string): unknown[][] {
  return Array.from({ length: rows }, (_, i) => [`C${i % 20000}`, 45292 + (i % 360), 10 + (i % 997) * 1.37, text(i), 1 + (i % 5)]);
}

const mapping = { customer: 0, date: 1, amount: 2, quantity: -1, margin: -1, category: 3, extra: 4, order: -1 };

/** The sample the run takes: the first SAMPLE_ROWS rows of the mapped columns. */
function sampleOf(rows: unknown[][]): Sample {
  const top = rows.slice(0, SAMPLE_ROWS);
  return { rows: top.length, cells: { customer: top.map((r) => r[0]), date: top.map((r) => r[1]), amount: top.map((r) => r[2]), category: top.map((r) => r[3]), extra: top.map((r) => r[4]) } };
}

describe("read blocks sized from sampled rows", () => {
  it("keeps READ_SYNCS while the cells fit, whatever the row count", () => {
    const roles = ROLES.filter((r) => columnOf(mapping, r) >= 0);
    const short = longRows(SAMPLE_ROWS, () => "toys");
    expect(readBlockCount(100, roles, sampleOf(short))).toBe(READ_SYNCS);
    expect(readBlockCount(100_000, roles, sampleOf(short))).toBe(READ_SYNCS);
    // A blank sample still counts MIN_CELL_BYTES a cell.
    expect(readBlockCount(1_000_000, roles, { rows: 0, cells: {} })).toBeGreaterThan(READ_SYNCS);
  });

  for (const [name, text] of [
    ["150-character text", (i: number) => `${"Product description ".repeat(8).slice(0, 146)}${String(i % 10000).padStart(4, "0")}`],
    ["150 Chinese characters (3 bytes each)", (i: number) => `${"商品描述长文本".repeat(22).slice(0, 146)}${String(i % 10000).padStart(4, "0")}`],
  ] as const) {
    it(`reads 100,000 rows with ${name}: more read syncs, every response under 5 MB`, async () => {
      const rows = longRows(100_000, text);
      const { book, port } = bookWithTransactions(rows);
      const report = await port.run(settingsFor(rows.length, { mapping }), { locale: "en" });
      expect(report.quality.rowsRead).toBe(100_000);
      expect(report.customers).toBe(20_000);
      const log = book.syncLog();
      expectSyncsUnderLimit(log);
      const blocks = readBlockCount(rows.length, ROLES.filter((r) => columnOf(mapping, r) >= 0), sampleOf(rows));
      expect(blocks).toBeGreaterThan(READ_SYNCS);
      expect(log.length).toBe(1 + blocks + CHECK_SYNCS + WRITE_SYNCS + 1 + SNAPSHOT_SYNCS);
      const reads = log.slice(1, 1 + blocks);
      const total = reads.reduce((sum, s) => sum + s.responseBytes, 0);
      // Blocks are used, not wasted: the margin costs at most about a quarter.
      expect(total / blocks).toBeGreaterThan(PAYLOAD_TARGET * 0.7);
      expect(Math.max(...reads.map((s) => s.responseBytes))).toBeLessThan(PAYLOAD_TARGET);
    }, 60_000);
  }

  it("reads again in halves a block refused because rows below the sample are far longer", async () => {
    // Short rows at the top; 400 Chinese characters (1.2 kB) in every row below.
    const rows = longRows(30_000, (i) => (i < SAMPLE_ROWS ? "x" : "长".repeat(396) + String(i).padStart(4, "0")));
    // The response cap is Excel on the web's (src/standin/host-profile.ts); on desktop nothing is refused.
    const { book, port } = bookWithTransactions(rows, { host: "web" });
    const report = await port.run(settingsFor(rows.length, { mapping }), { locale: "en" });
    expect(report.quality.rowsRead).toBe(30_000);
    const log = book.syncLog();
    const refused = log.filter((s) => s.error !== null);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(log.filter((s) => s.error === null).every((s) => s.responseBytes < FIVE_MB)).toBe(true);
    // Every row read once, in order: the categories of the results are the rows' own.
    const body = book.tableRows("TieringResults");
    expect(body).toHaveLength(20_000);
  }, 60_000);
});
