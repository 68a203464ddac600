/**
 * The weighted score and the playbook in the workbook: tiers by score band (labels from i18n by band key),
 * Score and Band columns, each customer's strategy, the gap in score points to the next band, and the
 * upgrade candidates; the summary, PivotTable, chart, history and migration by band.
 */
import { describe, expect, it } from "vitest";
import { SCORE_TIER_KEYS } from "../../src/core/tiers/score";
import { CHECK_SYNCS, READ_SYNCS, SNAPSHOT_SYNCS, WRITE_SYNCS } from "../../src/excel/host";
import type { AnalysisSettings, ScoreSettings } from "../../src/excel/port";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { scoreSettings } from "../support/fixtures";
import { bookWithTransactions, expectSyncsUnderLimit, settingsFor, transactions } from "./helpers";

const SCORE: ScoreSettings = scoreSettings([["monetary", 2], "frequency", ["recency", 1, "lower"]]);

const byScore = (rows: number, overrides: Partial<AnalysisSettings> = {}) => settingsFor(rows, { summaryBy: "score", score: SCORE, ...overrides });

describe("tiers by weighted score", () => {
  const rows = transactions(200, 5);

  it("writes Score and Band columns, summary rows per band with their strategies, and the gap in score points", async () => {
    const { book, port } = bookWithTransactions(rows);
    const report = await port.run(byScore(rows.length, { strategies: { gold: "Invite to the gold club" } }), { locale: "en" });
    const header = book.tables().find((t) => t.name === "TieringResults")!.header;
    const at = (name: string) => header.indexOf(name);
    const s = en.workbook.score;
    const u = en.workbook.upgrade;
    expect(header.slice(at(s.score), at(s.score) + 5)).toEqual([s.score, s.band, en.workbook.playbook.strategy, u.nextTier, u.gap.points]);
    const formats = book.numberFormats("Tiers", "A2:Z2")[0];
    expect([formats[at(s.score)], formats[at(s.band)], formats[at(u.gap.points)]]).toEqual(["0.00", "@", "0.00"]);

    const labels = SCORE_TIER_KEYS.map((k) => en.scoreTiers[k]);
    const results = book.tableRows("TieringResults");
    const score = (r: unknown[]) => r[at(s.score)] as number;
    const band = (r: unknown[]) => labels.indexOf(r[at(s.band)] as string);
    for (const r of results) {
      expect(score(r)).toBeGreaterThanOrEqual(0);
      expect(score(r)).toBeLessThanOrEqual(100);
      expect(band(r)).toBeGreaterThanOrEqual(0);
    }
    // A better band never holds a lower score.
    for (const a of results) for (const b of results) if (band(a) < band(b)) expect(score(a)).toBeGreaterThanOrEqual(score(b));

    // Summary: one row per band with customers, top first, named in the reader's language.
    const tiers = book.tableRows("TieringSummary");
    expect(book.tables().find((t) => t.name === "TieringSummary")!.header[0]).toBe(s.band);
    expect(tiers.map((t) => t[0])).toEqual(labels.filter((l) => results.some((r) => r[at(s.band)] === l)));
    for (const t of tiers) expect(t[2]).toBe(results.filter((r) => r[at(s.band)] === t[0]).length);
    expect(report.tiers).toBe(tiers.length);
    // The playbook: the user's text for gold, the defaults for the rest, on the summary and on every row.
    const strategy = (label: string) => (label === en.scoreTiers.gold ? "Invite to the gold club" : en.workbook.strategies[SCORE_TIER_KEYS[labels.indexOf(label)]]);
    for (const t of tiers) expect(t[1]).toBe(strategy(t[0] as string));
    for (const r of results) expect(r[at(en.workbook.playbook.strategy)]).toBe(strategy(r[at(s.band)] as string));

    // The next band up and the points to its lowest score (none for Diamond).
    const lowest = labels.map((l) => Math.min(...results.filter((r) => r[at(s.band)] === l).map(score)));
    for (const r of results) {
      const k = band(r);
      if (k === 0) {
        expect([r[at(u.nextTier)], r[at(u.gap.points)]]).toEqual(["", ""]);
        continue;
      }
      expect(r[at(u.nextTier)]).toBe(labels[k - 1]);
      expect(r[at(u.gap.points)] as number).toBeGreaterThan(0);
      // Rounded up to a tenth of a point, what a person can act on (a gap of 0.0034 points reads 0.1): issue 13 §5.
      expect((r[at(u.gap.points)] as number) * 10).toBeCloseTo(Math.round((r[at(u.gap.points)] as number) * 10), 9);
      expect(score(r) + (r[at(u.gap.points)] as number)).toBeGreaterThanOrEqual(lowest[k - 1] - 0.005);
      expect(score(r) + (r[at(u.gap.points)] as number)).toBeLessThan(lowest[k - 1] + 0.1 + 0.005);
    }
    expect(report.upgrade).toHaveLength(20);
    expect(report.upgrade.every((c) => c.gapKind === "points" && labels.indexOf(c.nextTier) === labels.indexOf(c.tier) - 1)).toBe(true);
    const relative = report.upgrade.map((c) => c.gap / score(results.find((r) => r[0] === c.customer)!));
    expect(relative).toEqual([...relative].sort((x, y) => x - y));

    // The PivotTable groups by band; a chart builds; the snapshot keeps band keys.
    expect(book.pivots("Tier Summary")[0].rows).toEqual([s.band]);
    expect((await port.buildChart("column", "en")).sheet).toBe("Tier Summary");
    expect(book.charts("Tier Summary")[0].series[0].categories).toEqual(tiers.map((t) => t[0]));
    expect(report.snapshot).toMatchObject({ tierBy: "score" });
    const history = book.tableRows("TieringHistory");
    expect(new Set(history.map((r) => r[4]))).toEqual(new Set(SCORE_TIER_KEYS.filter((k) => tiers.some((t) => t[0] === en.scoreTiers[k]))));
  });

  it("speaks Chinese: band names, headers and default strategies", async () => {
    const { book, port } = bookWithTransactions(rows);
    await port.run(byScore(rows.length), { locale: "zh-CN" });
    const tiers = book.tableRows("TieringSummary");
    expect(tiers[0].slice(0, 2)).toEqual([zhCN.scoreTiers.diamond, zhCN.workbook.strategies.diamond]);
    const header = book.tables().find((t) => t.name === "TieringResults")!.header;
    expect(header).toContain(zhCN.workbook.score.band);
    expect(header).toContain(zhCN.workbook.upgrade.gap.points);
  });

  it("compares two score snapshots by band, best first, in the reader's language", async () => {
    const year = transactions(150, 9);
    const h1 = year.filter((r) => (r[1] as number) <= 45473);
    const { book, port } = bookWithTransactions(h1);
    book.addSheet("Year", [["Customer", "Date", "Amount", "Category", "Rating"], ...year]);
    const before = (await port.run(byScore(h1.length, { asOf: "2024-06-30" }), { locale: "en" })).snapshot!;
    const after = (await port.run(byScore(year.length, { asOf: "2024-12-31", source: { kind: "range", sheet: "Year", address: `A1:E${year.length + 1}` } }), { locale: "en" })).snapshot!;
    const report = await port.compareSnapshots(before.id, after.id, "zh-CN");
    const labels = SCORE_TIER_KEYS.map((k) => zhCN.scoreTiers[k]);
    expect(report.tiers).toEqual(labels.filter((l) => report.tiers.includes(l)));
    expect(report.tiers[0]).toBe(zhCN.scoreTiers.diamond);
    expect(book.charts(report.sheet)[0].series.at(-1)!.name).toBe(zhCN.workbook.migration.goneColumn);
  });

  it("rejects a summary by score without score settings, with a sentence", async () => {
    const { port } = bookWithTransactions(rows);
    await expect(port.run(settingsFor(rows.length, { summaryBy: "score", score: null }), { locale: "en" })).rejects.toThrow(en.workbook.errors.tierByNeedsScore);
  });
});

describe("the playbook with segments", () => {
  it("writes each customer's segment strategy: the user's text where edited, the default elsewhere", async () => {
    const rows = transactions(120, 2);
    const { book, port } = bookWithTransactions(rows);
    // Every segment's text edited but "lost"'s.
    const strategies = Object.fromEntries(Object.keys(en.segments).filter((k) => k !== "lost").map((k) => [k, `Do ${k}`]));
    await port.run(settingsFor(rows.length, { summaryBy: "segment", strategies }), { locale: "en" });
    const header = book.tables().find((t) => t.name === "TieringResults")!.header;
    const segment = header.indexOf(en.workbook.columns.segment);
    const strategy = header.indexOf(en.workbook.playbook.strategy);
    const keyOf = new Map(Object.entries(en.segments).map(([k, v]) => [v, k]));
    const results = book.tableRows("TieringResults");
    for (const r of results) {
      const key = keyOf.get(r[segment] as string)! as keyof typeof en.workbook.strategies;
      expect(r[strategy]).toBe(key === "lost" ? en.workbook.strategies.lost : `Do ${key}`);
    }
    expect(results.some((r) => r[segment] === en.segments.lost)).toBe(true);
    // Segments: the purchases (the last one now) that move the customer into a better segment, and their amount (issue 13 §5).
    const u = en.predictRest.upgrade;
    expect(header).toEqual(expect.arrayContaining([en.workbook.upgrade.nextTier, u.purchases, u.spend]));
    const next = header.indexOf(en.workbook.upgrade.nextTier);
    const rank = Object.keys(en.segments);
    const moved = results.filter((r) => r[next] !== "");
    expect(moved.length).toBeGreaterThan(0);
    for (const r of moved) {
      expect(rank.indexOf(keyOf.get(r[next] as string)!)).toBeLessThan(rank.indexOf(keyOf.get(r[segment] as string)!));
      expect(r[header.indexOf(u.purchases)] as number).toBeGreaterThanOrEqual(1);
      expect(r[header.indexOf(u.spend)] as number).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("sync budget by score band", () => {
  it("writes 100,000 customers by score band (long strategies, score and upgrade columns) in the same syncs as 100", async () => {
    const mapping = { customer: 0, date: 1, amount: 2, quantity: -1, margin: -1, category: -1, extra: -1, order: -1 };
    const counts: number[] = [];
    for (const n of [100, 100_000]) {
      const rows = Array.from({ length: n }, (_, i) => [`customer-${i + 1}`, 45292 + (i % 360), 10 + (i % 997) * 1.37, "", ""]);
      const { book, port } = bookWithTransactions(rows);
      const report = await port.run(byScore(n, { mapping }), { locale: "en" });
      expect(report.snapshot).not.toBeNull();
      counts.push(book.syncLog().length);
      expectSyncsUnderLimit(book.syncLog());
    }
    expect(counts).toEqual([1 + READ_SYNCS + CHECK_SYNCS + WRITE_SYNCS + 1 + SNAPSHOT_SYNCS, 1 + READ_SYNCS + CHECK_SYNCS + WRITE_SYNCS + 1 + SNAPSHOT_SYNCS]);
  }, 120_000);
});
