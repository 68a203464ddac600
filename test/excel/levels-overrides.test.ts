/**
 * People's overrides in "Compute levels" (issue 15 §1 × §2), on the stand-in under both host profiles
 * (vitest.config.mts): the `TieringOverrides` table read in the Levels job's existing read sync; the Levels sheet's
 * final level, mark, reason and until after the computed level; the "override" row in Level changes; the report
 * counting customers by final level and naming the table's unused rows; an override that survives a re-run, an
 * expired one not applied, a change of language still reading the table; no table, no extra column.
 */
import { describe, expect, it } from "vitest";
import { isoDateSerial } from "../../src/core/cells/dates";
import { readCustomers } from "../../src/core/analysis/rows";
import { computeLevels } from "../../src/core/over-time/levels";
import type { LevelsSettings } from "../../src/excel/port";
import { OVERRIDDEN_MARK, OVERRIDES_TABLE } from "../../src/excel/overrides";
import { messages } from "../../src/i18n";
import { bookWithTransactions, expectSyncsUnderLimit, settingsFor, transactions } from "./helpers";

const en = messages("en");
const zh = messages("zh-CN");
const rows = transactions(60, 3);
const settings = settingsFor(rows.length);
const POLICY: LevelsSettings = {
  levels: [
    { name: "Silver", entry: 200, keep: 150 },
    { name: "Gold", entry: 600, keep: 500 },
  ],
  metric: "spend",
  windowMonths: 12,
  validityMonths: 12,
};
const AS_OF = "2024-12-31";
const own = computeLevels(
  readCustomers({ customers: rows.map((r) => r[0]), dates: rows.map((r) => r[1]), amounts: rows.map((r) => r[2]) }, { tierBy: "abcClass", abc: settings.abc }).tx,
  { ...POLICY, levels: POLICY.levels },
  isoDateSerial(AS_OF)!,
);
const idx = (id: string) => own.customerIds.indexOf(id);
// A customer the policy leaves below Gold, to be raised by a person; another to get an expired override.
const raised = own.customerIds.find((id) => own.level[idx(id as string)] < 1) as string;
const lapsed = own.customerIds.find((id) => id !== raised && own.level[idx(id as string)] < 1) as string;

type Book = ReturnType<typeof bookWithTransactions>["book"];
const TABLE = [
  [raised, "gold", "Key account: signed for three years", "2025-06-30"],
  [lapsed, "Gold", "Trial", "2024-12-30"],
  ["C3", "Platinum", "", ""],
  ["Nobody", "Silver", "", ""],
];
function withTable(book: Book, body: unknown[][] = TABLE, header: unknown[] = ["Customer", "Tier or level", "Reason", "Until"]) {
  book.addSheet("Overrides", [header, ...body]);
  book.addTable("Overrides", `A1:D${body.length + 1}`, OVERRIDES_TABLE);
}
/** The Levels table as maps of header → cell per customer. */
function levelsSheet(book: Book) {
  const table = book.tables().find((t) => t.name === "TieringLevels")!;
  const byId = new Map(book.tableRows("TieringLevels").map((r) => [r[0], Object.fromEntries(table.header.map((k, i) => [k, r[i]]))]));
  return { header: table.header, byId };
}

describe("Compute levels with people's overrides", () => {
  it("shows the override beside the computed level, survives a re-run, leaves an expired one, names unused rows", async () => {
    const { book, port } = bookWithTransactions(rows);
    withTable(book);
    const before = book.values("Overrides");
    for (let run = 0; run < 2; run++) {
      const report = await port.writeLevels(settings, { policy: POLICY, asOf: AS_OF }, "en");
      expectSyncsUnderLimit(book.syncLog());
      const { header, byId } = levelsSheet(book);
      const c = en.levelOverrides.columns;
      const h = en.levelsPane.book.levelsColumns;
      expect(header.slice(1, 6)).toEqual([h.level, c.finalLevel, c.overridden, c.reason, c.until]);
      const name = (k: number) => (k < 0 ? en.levelsPane.book.none : POLICY.levels[k].name);
      expect(byId.get(raised)).toMatchObject({ [h.level]: name(own.level[idx(raised)]), [c.finalLevel]: "Gold", [c.overridden]: OVERRIDDEN_MARK, [c.reason]: "Key account: signed for three years", [c.until]: isoDateSerial("2025-06-30") });
      // Until 2024-12-30, the day before the last review: expired, the computed level stands, unmarked.
      expect(byId.get(lapsed)).toMatchObject({ [c.finalLevel]: name(own.level[idx(lapsed)]), [c.overridden]: "", [c.reason]: "" });
      expect(report.overrides).toMatchObject({ active: 1, expired: 1, unmatched: 1, moreProblems: 0 });
      expect(report.overrides!.problems.map((p) => p.message)).toEqual([
        'Overrides row 4: "Platinum" is not one of this run\'s tiers (Silver, Gold); type one of those names.',
        "Overrides row 5: customer Nobody is not in this run's data; the override waits until they are.",
      ]);
      // Counted by the final level: one more Gold than the policy gives, one fewer where the customer was.
      const gold = Array.from(own.level).filter((l) => l === 1).length;
      expect(report.perLevel.find((p) => p.level === "Gold")!.customers).toBe(gold + 1);
      expect(report.perLevel.reduce((s, p) => s + p.customers, 0) + report.noLevel).toBe(own.customerIds.length);
      // The history: the computed rows and one "override" row, on the last review.
      const changes = book.tableRows("TieringLevelChanges");
      expect(changes.length).toBe(own.changes.length + 1);
      expect(report.changes).toBe(own.changes.length + 1);
      const overrideRows = changes.filter((r) => r[4] === en.levelsPane.book.reasons.override);
      expect(overrideRows).toEqual([[raised, isoDateSerial(AS_OF), name(own.level[idx(raised)]), "Gold", en.levelsPane.book.reasons.override]]);
      // The person's table is never written.
      expect(book.values("Overrides")).toEqual(before);
    }
  });

  it("after a change of language still reads the table (English headers, level names as the policy has them)", async () => {
    const { book, port } = bookWithTransactions(rows);
    withTable(book, [[raised, " GOLD ", "VIP", ""]], ["客户", "分层或等级", "原因", "有效期至"]);
    await port.writeLevels(settings, { policy: POLICY, asOf: AS_OF }, "en");
    const report = await port.writeLevels(settings, { policy: POLICY, asOf: AS_OF }, "zh-CN");
    const c = zh.levelOverrides.columns;
    expect(report.sheets.levels).toBe(zh.levelsPane.book.levelsSheet);
    // The table on the Chinese Levels sheet (the English one of the first run is left as it was: another name).
    const table = book.tables().find((t) => t.sheet === zh.levelsPane.book.levelsSheet && t.header.includes(c.finalLevel))!;
    const row = book.tableRows(table.name).find((r) => r[0] === raised)!;
    const cell = (k: string) => row[table.header.indexOf(k)];
    expect([cell(c.finalLevel), cell(c.overridden), cell(c.reason), cell(c.until)]).toEqual(["Gold", OVERRIDDEN_MARK, "VIP", ""]);
    expect(report.overrides).toMatchObject({ active: 1, expired: 0, unmatched: 0, problems: [] });
  });

  it("reads the table in the syncs the job already makes; without a table, no extra column and no overrides report", async () => {
    const plain = bookWithTransactions(rows);
    const none = await plain.port.writeLevels(settings, { policy: POLICY, asOf: AS_OF }, "en");
    expect(none.overrides ?? null).toBeNull();
    expect(levelsSheet(plain.book).header).not.toContain(en.levelOverrides.columns.finalLevel);
    expect(plain.book.tableRows("TieringLevelChanges").length).toBe(own.changes.length);
    const withOv = bookWithTransactions(rows);
    withTable(withOv.book);
    await withOv.port.writeLevels(settings, { policy: POLICY, asOf: AS_OF }, "en");
    expect(withOv.book.syncLog().length).toBe(plain.book.syncLog().length);
  });
});
