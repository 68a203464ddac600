/**
 * Two snapshots compared on the "Tier migration" sheet: the numbers checked against the core on the same
 * rows, the tier names in the reader's language, the refusals (different bases or tierings, wrong order)
 * and ownership.
 */
import { describe, expect, it } from "vitest";
import { migrationMatrix, migrationRates, tierEffects } from "../../src/core/over-time/migration";
import { HISTORY_KEY, OWNED_KEY } from "../../src/excel/settings";
import type { AnalysisSettings, ScoreSettings } from "../../src/excel/port";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { scoreSettings, thresholds } from "../support/fixtures";
import { settingsFor, visibleSheetNames } from "./helpers";
import { HEADER, MID, END, twoPeriods, settingsOn, historyOf, coreSnapshot } from "./dynamic-support";

describe("tier migration", () => {
  it("compares two snapshots on the Tier migration sheet: matrices, rates and effects as the core computes them, and a 100% stacked chart", async () => {
    const { book, port, h1, year } = twoPeriods(120);
    const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    const after = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const report = await port.compareSnapshots(before.id, after.id, "en");
    expect(report.sheet).toBe(en.workbook.migration.sheet);
    expect(report.before).toEqual(before);
    expect(report.after).toEqual(after);
    expect(book.activeSheet()).toBe(report.sheet);
    expect(book.settings()[OWNED_KEY]).toContain(book.sheets().find((s) => s.name === report.sheet)!.id);

    // The core on the same rows.
    const b = coreSnapshot(book, before.id, MID);
    const a = coreSnapshot(book, after.id, END);
    const matrix = migrationMatrix({ ids: b.ids, tiers: b.tiers, measure: b.revenue }, { ids: a.ids, tiers: a.tiers, measure: a.revenue }, ["A", "B", "C"]);
    const rates = migrationRates(matrix);
    const effects = tierEffects(b, a, ["A", "B", "C"]);
    const k = matrix.tiers.length;
    expect(report.tiers).toEqual(matrix.tiers);
    expect(report.summary).toEqual({
      customers: rates.customers,
      upgradeRate: rates.upgradeRate,
      downgradeRate: rates.downgradeRate,
      changeRate: rates.changeRate,
      stayRate: rates.stayRate,
      goneRate: rates.goneRate,
      newCustomers: rates.new,
    });
    expect(rates.upgraded + rates.downgraded).toBeGreaterThan(0);
    expect(report.effects.map((e) => [e.tier, e.customers, e.retentionRate, e.repurchaseRate, e.revenueBefore, e.revenueAfter, e.revenueChange])).toEqual(
      effects.map((e) => [e.tier, e.customers, e.retentionRate, e.repurchaseRate, e.revenueBefore, e.revenueAfter, e.revenueChange]),
    );

    const t = en.workbook.migration;
    const values = book.values(report.sheet, "A1:M60");
    expect(values[0][0]).toBe(t.title("2024-06-30", "2024-12-31", t.basis.abcClass));
    const countsAt = values.findIndex((r) => r[0] === t.counts);
    const head = values[countsAt + 1];
    expect(head.slice(0, k + 3)).toEqual([t.corner, ...matrix.tiers, t.goneColumn, t.total]);
    for (let i = 0; i <= k; i++) {
      const row = values[countsAt + 2 + i];
      expect(row[0]).toBe(i === k ? t.newRow : matrix.tiers[i]);
      for (let j = 0; j <= k; j++) expect(row[1 + j]).toBe(i === k && j === k ? "" : matrix.counts[i * (k + 1) + j]);
    }
    const totalRow = values[countsAt + 2 + k + 1];
    expect(totalRow[0]).toBe(t.total);
    // The grand total is every customer of either snapshot.
    expect(totalRow[k + 2]).toBe(new Set([...b.ids, ...a.ids]).size);
    const revenueAt = values.findIndex((r) => r[0] === t.revenue);
    for (let i = 0; i <= k; i++) {
      for (let j = 0; j <= k; j++) {
        if (i === k && j === k) continue;
        expect(values[revenueAt + 2 + i][1 + j]).toBeCloseTo(matrix.values![i * (k + 1) + j], 2);
      }
    }
    const ratesAt = values.findIndex((r) => r[0] === t.rates);
    expect(values.slice(ratesAt + 2, ratesAt + 8).map((r) => r.slice(0, 3))).toEqual([
      [t.rateRows.customers, rates.customers, 1],
      [t.rateRows.upgrade, rates.upgraded, expect.closeTo(rates.upgradeRate, 6)],
      [t.rateRows.downgrade, rates.downgraded, expect.closeTo(rates.downgradeRate, 6)],
      [t.rateRows.stay, rates.stayed, expect.closeTo(rates.stayRate, 6)],
      [t.rateRows.gone, rates.gone, expect.closeTo(rates.goneRate, 6)],
      [t.rateRows.newCustomers, rates.new, ""],
    ]);
    const effectsAt = values.findIndex((r) => r[0] === t.effects);
    effects.forEach((e, i) => {
      const row = values[effectsAt + 2 + i];
      expect(row.slice(0, 3)).toEqual([e.tier, e.customers, e.retained]);
      expect(row[3]).toBeCloseTo(e.retentionRate, 6);
      expect(row[4]).toBe(e.repurchased);
      expect(row[8]).toBeCloseTo(e.revenueChange, 2);
    });
    const formats = book.numberFormats(report.sheet, `A${countsAt + 3}:B${countsAt + 3}`)[0];
    expect(formats).toEqual(["@", "0"]);

    // The chart: for each earlier tier, the share going to each later tier and gone.
    const [chart] = book.charts(report.sheet);
    expect(chart.type).toBe("ColumnStacked100");
    // Issue 17's chart rules: the pane's wording with the tier basis (ABC classes here) and the two dates.
    const w = en.chartRules.migration;
    expect(chart.title).toBe(w.title(en.chartText.basis[before.tierBy], before.asOf, after.asOf));
    expect(chart.series.map((s) => s.name)).toEqual([...matrix.tiers, t.goneColumn]);
    for (const [j, s] of chart.series.entries()) {
      expect(s.categories).toEqual(matrix.tiers);
      expect(s.values).toEqual(matrix.tiers.map((_, i) => matrix.counts[i * (k + 1) + j]));
    }
    expect(chart.axisTitles).toEqual({ "Category/Primary": w.categoryAxis(en.chartText.basisAxis[before.tierBy]), "Value/Primary": w.valueAxis(en.chartText.basis[before.tierBy]) });
    expect(chart.axisFormats).toEqual({ "Value/Primary": "0%" });
    expect(chart.legend).toEqual({ visible: true, position: "Bottom" });

    // Compared again (in Chinese): its own sheet replaced in place, one chart.
    await port.compareSnapshots(before.id, after.id, "zh-CN");
    expect(book.sheets().filter((s) => s.name.startsWith(en.workbook.migration.sheet))).toHaveLength(1);
    const zh = await port.compareSnapshots(before.id, after.id, "zh-CN");
    expect(zh.sheet).toBe(zhCN.workbook.migration.sheet);
    expect(book.charts().filter((c) => c.type === "ColumnStacked100")).toHaveLength(2);
  });

  it("names segments in the reader's language, counts moves between them as changes, and rejects with sentences: unknown id, different bases, wrong order", async () => {
    const { book, port, h1, year } = twoPeriods();
    const bySegment = (await port.run(settingsOn("H1", h1.length, "2024-06-30", { summaryBy: "segment" }), { locale: "en" })).snapshot!;
    const later = (await port.run(settingsOn("Year", year.length, "2024-12-31", { summaryBy: "segment" }), { locale: "en" })).snapshot!;
    const byClass = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const zh = await port.compareSnapshots(bySegment.id, later.id, "zh-CN");
    for (const label of zh.tiers) expect(Object.values(zhCN.segments)).toContain(label);
    // Segments have no order from best to worst: moves between them are changes, neither up nor down.
    expect(zh.summary.upgradeRate).toBeNaN();
    expect(zh.summary.downgradeRate).toBeNaN();
    expect(zh.summary.changeRate).toBeCloseTo(1 - zh.summary.stayRate - zh.summary.goneRate, 12);
    const sheet = book.values(zh.sheet, "A1:C60");
    const ratesAt = sheet.findIndex((r) => r[0] === zhCN.workbook.migration.rates);
    expect(sheet.slice(ratesAt + 2, ratesAt + 7).map((r) => r[0])).toEqual(
      (["customers", "changed", "stay", "gone", "newCustomers"] as const).map((k) => zhCN.workbook.migration.rateRows[k]),
    );
    expect(sheet[ratesAt + 3][2]).toBeCloseTo(zh.summary.changeRate, 6);
    const t = en.workbook.migration.errors;
    await expect(port.compareSnapshots("S99", later.id, "en")).rejects.toThrow(t.unknownSnapshot("S99"));
    await expect(port.compareSnapshots(bySegment.id, byClass.id, "en")).rejects.toThrow(t.differentBasis(en.workbook.migration.basis.segment, en.workbook.migration.basis.abcClass));
    await expect(port.compareSnapshots(later.id, bySegment.id, "en")).rejects.toThrow(t.notEarlier("2024-12-31", "2024-06-30"));
    await expect(port.compareSnapshots(later.id, later.id, "zh-CN")).rejects.toThrow(zhCN.workbook.migration.errors.notEarlier("2024-12-31", "2024-12-31"));
  });

  it("refuses snapshots of the same basis tiered differently, saying what differs: scheme, rules, ABC method, cuts and basis, score settings", async () => {
    const { port, h1, year } = twoPeriods();
    const t = en.workbook.migration;
    const d = t.differences;
    const pair = async (earlier: Partial<AnalysisSettings>, later: Partial<AnalysisSettings>) => {
      const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30", earlier), { locale: "en" })).snapshot!;
      const after = (await port.run(settingsOn("Year", year.length, "2024-12-31", later), { locale: "en" })).snapshot!;
      return [before, after] as const;
    };
    const rfm = settingsFor(1).rfm!;
    const seg = { summaryBy: "segment" } as const;
    let [b, a] = await pair({ ...seg }, { ...seg, rfm: { ...rfm, scheme: "cn8" } });
    expect(b.tiering).not.toBe(a.tiering);
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.scheme(en.pane.schemes.rfm, en.pane.schemes.cn8)));
    await expect(port.compareSnapshots(b.id, a.id, "zh-CN")).rejects.toThrow(
      zhCN.workbook.migration.errors.differentTiering(zhCN.workbook.migration.differences.scheme(zhCN.pane.schemes.rfm, zhCN.pane.schemes.cn8)),
    );
    const rules = (top: number) => ({ ...rfm, scheme: [{ name: "VIP", r: [top, 5] as [number, number], f: [1, 5] as [number, number], m: [1, 5] as [number, number] }] });
    [b, a] = await pair({ ...seg, rfm: rules(4) }, { ...seg, rfm: rules(3) });
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.rules));
    [b, a] = await pair({ ...seg, rfm: { ...rfm, bins: 4 } }, { ...seg });
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.scores));

    const abc = settingsFor(1).abc!;
    [b, a] = await pair({}, { abc: { ...abc, aCut: 0.7, bCut: 0.9 } });
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.abcCuts("80% / 95%", "70% / 90%")));
    [b, a] = await pair({}, { abc: { ...abc, method: "computed" } });
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.abcMethod(en.pane.abcMethods.fixed, en.pane.abcMethods.computed)));
    [b, a] = await pair({}, { abc: { ...abc, basis: "orders" } });
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.abcBasis(en.pane.bases.revenue, en.pane.bases.orders)));
    // Computed limits do not use the cuts: snapshots with other cuts are tiered the same way.
    [b, a] = await pair({ abc: { ...abc, method: "computed" } }, { abc: { ...abc, aCut: 0.5, method: "computed" } });
    expect(b.tiering).toBe(a.tiering);
    await port.compareSnapshots(b.id, a.id, "en");

    const score: ScoreSettings = scoreSettings([["recency", 1, "lower"], "monetary"]);
    const byScore = (s: ScoreSettings) => ({ summaryBy: "score" as const, score: s });
    [b, a] = await pair(byScore(score), byScore({ ...score, metrics: [score.metrics[0], { ...score.metrics[1], weight: 3 }] }));
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.scoreMetrics));
    [b, a] = await pair(byScore(score), byScore({ ...score, method: "minmax" }));
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.scoreMethod(en.pane.score.methods.percentile, en.pane.score.methods.minmax)));
    [b, a] = await pair(byScore(score), byScore({ ...score, bands: thresholds(80, 60, 40, 20) }));
    await expect(port.compareSnapshots(b.id, a.id, "en")).rejects.toThrow(t.errors.differentTiering(d.scoreBands));
    // Weights in another scale and the metrics in another order are the same score.
    [b, a] = await pair(byScore(score), byScore({ ...score, metrics: [{ ...score.metrics[1], weight: 2 }, { ...score.metrics[0], weight: 2 }] }));
    expect(b.tiering).toBe(a.tiering);
    await port.compareSnapshots(b.id, a.id, "en");
  });

  it("a same-date run replaces the latest snapshot only from the same source and tiered the same way", async () => {
    const { book, port, h1 } = twoPeriods();
    book.addSheet("Copy", [HEADER, ...h1]);
    const first = (await port.run(settingsOn("Copy", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    // Another source (the same rows on another sheet), the same date and basis: kept beside it.
    const other = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    // Other cuts, the same source and date: kept too.
    const cuts = (await port.run(settingsOn("H1", h1.length, "2024-06-30", { abc: { aCut: 0.5, bCut: 0.9, basis: "revenue" } }), { locale: "en" })).snapshot!;
    expect((await port.listSnapshots()).map((s) => s.id)).toEqual([first.id, other.id, cuts.id]);
    // The same source, date and tiering: replaced.
    const again = (await port.run(settingsOn("H1", h1.length, "2024-06-30", { abc: { aCut: 0.5, bCut: 0.9, basis: "revenue" } }), { locale: "en" })).snapshot!;
    expect((await port.listSnapshots()).map((s) => s.id)).toEqual([first.id, other.id, again.id]);
    expect(historyOf(book).snapshots.map((r) => r.source)).toEqual([
      { kind: "range", sheet: "Copy", address: `A1:E${h1.length + 1}` },
      { kind: "range", sheet: "H1", address: `A1:E${h1.length + 1}` },
      { kind: "range", sheet: "H1", address: `A1:E${h1.length + 1}` },
    ]);
  });

  it("a snapshot saved before tierings were kept compares only with others of its kind", async () => {
    const { book, port, h1, year } = twoPeriods();
    const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    const after = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const history = historyOf(book);
    await book.run(async (context) => {
      const [old, ...rest] = history.snapshots;
      const { tiering: _tiering, source: _source, ...legacy } = old;
      context.workbook.settings.add(HISTORY_KEY, { ...history, snapshots: [legacy, ...rest] });
      await context.sync();
    });
    const listed = await port.listSnapshots();
    expect(listed[0].tiering).not.toBe(listed[1].tiering);
    await expect(port.compareSnapshots(before.id, after.id, "en")).rejects.toThrow(en.workbook.migration.errors.differentTiering(en.workbook.migration.differences.unknown));
  });

  it("never overwrites a user's sheet named Tier migration", async () => {
    const { book, port, h1, year } = twoPeriods();
    book.addSheet("Tier migration", [["mine"]]);
    const before = (await port.run(settingsOn("H1", h1.length, "2024-06-30"), { locale: "en" })).snapshot!;
    const after = (await port.run(settingsOn("Year", year.length, "2024-12-31"), { locale: "en" })).snapshot!;
    const first = await port.compareSnapshots(before.id, after.id, "en");
    expect(first.sheet).toBe("Tier migration (2)");
    const second = await port.compareSnapshots(before.id, after.id, "en");
    expect(second.sheet).toBe("Tier migration (2)");
    expect(book.values("Tier migration")).toEqual([["mine"]]);
    expect(visibleSheetNames(book).filter((n) => n.startsWith("Tier migration"))).toEqual(["Tier migration", "Tier migration (2)"]);
  });
});
