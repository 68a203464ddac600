/**
 * Over time on the stand-in (issue 14): "Rebuild history" writes every month-end's snapshot into the same history a
 * run's goes into (the core's snapshots, row for row), replaces only earlier rebuilt snapshots of the same dates,
 * never a run's own; the Movers sheet is the core's movers as an Excel table and its "was A, now C" filter shows
 * exactly the pair's customers; Tier trends and Cohorts are the core's tables with their native charts and the
 * heat-map colour scale. Everything checked against the core run here on the same rows.
 */
import { describe, expect, it } from "vitest";
import { PREDICT_DEFAULTS } from "../../src/core/analysis/predictions";
import { readCustomers } from "../../src/core/analysis/rows";
import { runTiering } from "../../src/core/analysis/run";
import { cohortTable } from "../../src/core/over-time/cohort";
import { cohortsByFirstTier } from "../../src/core/over-time/first-tier";
import { buildHistory } from "../../src/core/over-time/history";
import { moversBetween } from "../../src/core/over-time/movers";
import { moverPredictions } from "../../src/core/over-time/movers-predict";
import { HISTORY_KEY, type History } from "../../src/excel/settings";
import { planBackfill } from "../../src/excel/history-backfill";
import { createWorkbookPort } from "../../src/excel/jobs";
import { messages } from "../../src/i18n";
import { excelCompactFormat } from "../../src/i18n/numbers";
import { createStandIn } from "../../src/standin";
import { coreSnapshot, HEADER, settingsOn, snapshotRows } from "./dynamic-support";
import { expectSyncsUnderLimit, transactions } from "./helpers";
import { scoreSettings } from "../support/fixtures";

const en = messages("en");
const ROWS = transactions(120, 5);
const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

function book() {
  const b = createStandIn();
  b.addSheet("Data", [HEADER, ...ROWS]);
  return { book: b, port: createWorkbookPort(b.host) };
}

const settings = (overrides = {}) => settingsOn("Data", ROWS.length, "", { asOf: null, ...overrides });

/** The core's history on the same rows with the same settings (ABC classes). */
function coreHistory(freezeAt: number | null = null) {
  const cells = { customers: ROWS.map((r) => r[0]), dates: ROWS.map((r) => r[1]), amounts: ROWS.map((r) => r[2]) };
  const { tx } = readCustomers(cells, { tierBy: "abcClass", abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" } });
  return buildHistory(tx, { every: "month", tiering: { by: "abcClass", basis: "revenue", aCut: 0.8, bCut: 0.95 }, freezeAt });
}

const history = (b: ReturnType<typeof createStandIn>) => b.settings()[HISTORY_KEY] as History;

describe("Rebuild history", () => {
  it("saves every month-end's snapshot in the history, each the core's snapshot row for row, in few syncs under 5 MB", async () => {
    const { book: b, port } = book();
    const progress: string[] = [];
    const report = await port.rebuildHistory(settings(), { every: "month", from: null, to: null, freezeAt: null }, { locale: "en", onProgress: (p) => progress.push(p.phase) });
    expectSyncsUnderLimit(b.syncLog());
    const core = coreHistory();
    expect(report.snapshots.map((s) => s.asOf)).toEqual(core.snapshots.map((s) => new Date((s.asOf - 25569) * 86400000).toISOString().slice(0, 10)));
    expect(report.snapshots.length).toBeGreaterThanOrEqual(11);
    expect(report.snapshots.every((s) => s.backfilled)).toBe(true);
    expect(new Set(progress)).toEqual(new Set(["read", "compute", "write"]));
    expect(report.quality.rowsUsed).toBe(ROWS.length);
    const h = history(b);
    expect(h.snapshots.map((s) => s.id)).toEqual(report.snapshots.map((s) => s.id));
    core.snapshots.forEach((s, k) => {
      const saved = coreSnapshot(b, report.snapshots[k].id, s.asOf);
      expect(saved.ids).toEqual(Array.from(s.customers, (c) => String(core.customerIds[c])));
      expect(saved.tiers).toEqual(Array.from(s.tier, (t) => (t < 0 ? "" : core.tierNames[t])));
      expect(saved.orders).toEqual(Array.from(s.frequency));
      saved.revenue.forEach((v, i) => expect(close(v, s.monetary[i])).toBe(true));
      saved.lastPurchase.forEach((v, i) => expect(v).toBe(s.asOf - s.recencyDays[i]));
    });
    // The history sheet stays very hidden, and the table spans every snapshot's rows.
    expect(b.sheet(h.sheetId)!.visibility).toBe("VeryHidden");
    expect(b.tableRows("TieringHistory").length).toBe(core.snapshots.reduce((n, s) => n + s.customers.length, 0));
  });

  it("replaces the snapshots it rebuilt before for the same dates, never a run's own", async () => {
    const { book: b, port } = book();
    const run = await port.run(settings({ asOf: "2024-06-30" }), { locale: "en" });
    const first = await port.rebuildHistory(settings(), { every: "month", from: "2024-03-01", to: "2024-08-31", freezeAt: null }, { locale: "en" });
    expect(first.snapshots.map((s) => s.asOf)).toEqual(["2024-03-31", "2024-04-30", "2024-05-31", "2024-06-30", "2024-07-31", "2024-08-31"]);
    const again = await port.rebuildHistory(settings(), { every: "month", from: "2024-06-01", to: "2024-10-31", freezeAt: null }, { locale: "en" });
    expect(again.replaced).toBe(3);
    const ids = history(b).snapshots.map((s) => s.id);
    expect(ids).toContain(run.snapshot!.id);
    expect(ids).toEqual([run.snapshot!.id, ...first.snapshots.slice(0, 3).map((s) => s.id), ...again.snapshots.map((s) => s.id)]);
    // Every snapshot still reads back whole (its rows where the index says).
    for (const s of history(b).snapshots) expect(snapshotRows(b, s.id).length).toBe(s.rows);
    // Compare reads a rebuilt snapshot as it reads a run's.
    const migration = await port.compareSnapshots(first.snapshots[0].id, run.snapshot!.id, "en");
    expect(migration.summary.customers).toBe(first.snapshots[0].customers);
  });

  it("freezes the cut points at a snapshot as the core does, and says why it cannot rebuild", async () => {
    const { book: b, port } = book();
    const frozen = await port.rebuildHistory(settings(), { every: "month", from: null, to: null, freezeAt: "first" }, { locale: "en" });
    const free = coreHistory();
    const core = coreHistory(free.snapshots[0].asOf);
    expect(frozen.frozenAt).toBe(frozen.snapshots[0].asOf);
    const tiersOf = (h: typeof core, k: number) => Array.from(h.snapshots[k].tier, (t) => (t < 0 ? "" : h.tierNames[t]));
    core.snapshots.forEach((s, k) => expect(coreSnapshot(b, frozen.snapshots[k].id, s.asOf).tiers).toEqual(tiersOf(core, k)));
    // Freezing changed somebody's tier: the thresholds of January, not each month's own.
    expect(core.snapshots.some((_, k) => tiersOf(core, k).join() !== tiersOf(free, k).join())).toBe(true);
    await expect(port.rebuildHistory(settings(), { every: "month", from: null, to: null, freezeAt: "2024-02-15" }, { locale: "en" })).rejects.toThrow(/2024-02-15/);
    // Issue 14 §2 (score bands rebuilt, this file's former refusal changed): a score on predictions is still said, not rebuilt, and
    // score bands have no cut points to freeze.
    const onPredictions = settings({ summaryBy: "score", score: scoreSettings(["pAlive"]), predict: PREDICT_DEFAULTS });
    await expect(port.rebuildHistory(onPredictions, { every: "month", from: null, to: null, freezeAt: null }, { locale: "en" })).rejects.toThrow(en.overTimePane.errors.scoreHistory);
    const score = settings({ summaryBy: "score", score: scoreSettings(["monetary"]) });
    await expect(port.rebuildHistory(score, { every: "month", from: null, to: null, freezeAt: "first" }, { locale: "en" })).rejects.toThrow(en.overTimeGaps.freezeScore);
    await expect(port.rebuildHistory(settings(), { every: "days", days: 0, from: null, to: null, freezeAt: null }, { locale: "en" })).rejects.toThrow(/0/);
  });

  it("rebuilds score bands: each snapshot is a Run's tiering as of its date (issue 14 §2)", async () => {
    const { book: b, port } = book();
    const score = scoreSettings([["recency", 1, "lower"], "frequency", ["monetary", 2]]);
    const report = await port.rebuildHistory(settings({ summaryBy: "score", score }), { every: "month", from: null, to: null, freezeAt: null }, { locale: "en" });
    expect(report.snapshots.length).toBeGreaterThanOrEqual(11);
    expect(report.frozenAt).toBeNull();
    const cells = { customers: ROWS.map((r) => r[0]), dates: ROWS.map((r) => r[1]), amounts: ROWS.map((r) => r[2]) };
    for (const s of report.snapshots) {
      const asOf = Math.round(Date.parse(s.asOf) / 86400000) + 25569;
      const run = runTiering(cells, { tierBy: "score", score, asOf });
      const keys = new Map(run.tiers.map((t) => [t.index, t.key]));
      const saved = coreSnapshot(b, s.id, asOf);
      expect(saved.ids).toEqual(run.customerIds.map(String));
      expect(saved.tiers).toEqual(Array.from(run.tierOf, (t) => keys.get(t) ?? ""));
    }
    expect(new Set(history(b).snapshots.map((r) => r.tierBy))).toEqual(new Set(["score"]));
  });

  it("honours Cancel before writing: the history is as it was", async () => {
    const { book: b, port } = book();
    const controller = new AbortController();
    const done = port.rebuildHistory(settings(), { every: "month", from: null, to: null, freezeAt: null }, {
      locale: "en",
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === "compute") controller.abort();
      },
    });
    await expect(done).rejects.toThrow();
    expect(b.settings()[HISTORY_KEY]).toBeUndefined();
  });

  it("plans room without removing a run's snapshot, and refuses with the rows needed and free", () => {
    const record = (id: string, rows: number, backfilled: boolean, asOf = "2024-01-31") => ({ id, asOf, tierBy: "abcClass" as const, customers: rows, savedAt: "", row: 0, rows, readBytes: 0, tiers: ["A"], builtIn: true, tiering: "t", source: null, backfilled });
    const h: History = { sheetId: "x", nextId: 5, snapshots: [record("S1", 40, false), record("S2", 30, true, "2023-12-31"), record("S3", 20, true)] };
    const plan = planBackfill(h, ["2024-01-31"], 50, { pinned: new Set(), tiering: "t", source: null }, en, 100);
    expect(plan.replaced.map((r) => r.id)).toEqual(["S3"]);
    expect(plan.dropped.map((r) => r.id)).toEqual(["S2"]);
    expect(plan.kept.map((r) => [r.id, r.row])).toEqual([["S1", 0]]);
    expect(() => planBackfill(h, ["2024-01-31"], 70, { pinned: new Set(), tiering: "t", source: null }, en, 100)).toThrow(/70 rows.*60 of its 100/);
  });
});

describe("Movers, Tier trends and Cohorts sheets", () => {
  it("writes the core's movers as an Excel table, and filters it to \"was A, now C\"", async () => {
    const { book: b, port } = book();
    const rebuilt = await port.rebuildHistory(settings(), { every: "month", from: null, to: null, freezeAt: null }, { locale: "en" });
    const [before, after] = [rebuilt.snapshots[2], rebuilt.snapshots[5]];
    const report = await port.writeMovers(before.id, after.id, "en");
    const x = coreSnapshot(b, before.id, 0);
    const y = coreSnapshot(b, after.id, 0);
    const core = moversBetween({ ids: x.ids, tiers: x.tiers, measure: x.revenue }, { ids: y.ids, tiers: y.tiers, measure: y.revenue }, ["A", "B", "C"]);
    const table = b.tables().find((t) => t.name === report.table)!;
    expect(table.sheet).toBe(report.sheet);
    const rows = b.tableRows(report.table);
    expect(rows.length).toBe(core.rows.length);
    const none = en.overTimePane.book.noTier;
    rows.forEach((r, i) => {
      const c = core.rows[i];
      expect(String(r[0])).toBe(c.id);
      expect(r[1]).toBe(c.before || none);
      expect(r[2]).toBe(c.after || none);
      expect(r[3]).toBe(en.overTimePane.movers.counts[c.direction]);
    });
    for (const d of ["up", "down", "same", "new"] as const) expect(report.counts[d]).toBe(core.rows.filter((r) => r.direction === d).length);
    expect(report.counts.up + report.counts.down).toBeGreaterThan(0);

    await port.filterMovers("A", "C", "en");
    const shown = b.tables().find((t) => t.name === report.table)!.shown;
    const expected = core.rows.flatMap((r, i) => (r.before === "A" && r.after === "C" ? [i] : []));
    expect(shown).toEqual(expected);
    expect(shown!.length).toBe(report.pairs.find((p) => p.was === "A" && p.now === "C")?.customers ?? 0);
    await port.filterMovers("", null, "en");
    expect(b.tables().find((t) => t.name === report.table)!.shown!.length).toBe(report.counts.new);
    await port.filterMovers(null, null, "en");
    expect(b.tables().find((t) => t.name === report.table)!.shown).toBeNull();
  });

  it("adds P(alive) and predicted CLV as of the later snapshot with the pane's Predict settings, the note saying so (issue 14 §3)", async () => {
    const { book: b, port } = book();
    const rebuilt = await port.rebuildHistory(settings(), { every: "month", from: null, to: null, freezeAt: null }, { locale: "en" });
    const [before, after] = [rebuilt.snapshots[4], rebuilt.snapshots.at(-1)!];
    const withPredict = settings({ predict: PREDICT_DEFAULTS });
    const report = await port.writeMovers(before.id, after.id, "en", withPredict);
    expectSyncsUnderLimit(b.syncLog());
    // The core on the same rows: the models calibrated to the later snapshot's date, joined by id.
    const cells = { customers: ROWS.map((r) => r[0]), dates: ROWS.map((r) => r[1]), amounts: ROWS.map((r) => r[2]) };
    const asOf = Math.round(Date.parse(after.asOf) / 86400000) + 25569;
    const { tx } = readCustomers(cells, { tierBy: "abcClass", abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" }, asOf });
    const x = coreSnapshot(b, before.id, 0);
    const y = coreSnapshot(b, after.id, 0);
    const movers = moversBetween({ ids: x.ids, tiers: x.tiers, measure: x.revenue }, { ids: y.ids, tiers: y.tiers, measure: y.revenue }, ["A", "B", "C"]);
    const core = moverPredictions(movers, tx, asOf, { unit: PREDICT_DEFAULTS.unit, horizonMonths: PREDICT_DEFAULTS.horizonMonths, monthlyDiscount: PREDICT_DEFAULTS.monthlyDiscount });
    const header = b.values(report.sheet, "A3:I3")[0];
    expect(header.slice(-2)).toEqual([en.overTimeGaps.movers.pAlive, en.overTimeGaps.movers.clv]);
    const rows = b.tableRows(report.table);
    rows.forEach((r, i) => {
      expect(close(r[7] as number, Math.round(core.pAlive[i] * 1e6) / 1e6)).toBe(true);
      expect(close(r[8] as number, Math.round(core.clv[i] * 100) / 100)).toBe(true);
    });
    expect(report.predicted?.asOf).toBe(after.asOf);
    expect(report.predicted?.note).toContain(en.overTimeGaps.movers.predicted(after.asOf, "BG/NBD"));
    expect(b.values(report.sheet, "A2")[0][0]).toBe(report.predicted?.note);
    // Without Predict the sheet is as before: seven columns, no note.
    const plain = await port.writeMovers(before.id, after.id, "en");
    expect(b.values(plain.sheet, "A3:I3")[0].slice(-2)).toEqual(["", ""]);
    expect(plain.predicted ?? null).toBeNull();
  });

  it("writes Tier trends with a line and a stacked-area chart, and Cohorts with a colour scale and a line chart", async () => {
    const { book: b, port } = book();
    await port.rebuildHistory(settings(), { every: "month", from: null, to: null, freezeAt: null }, { locale: "en" });
    const trends = await port.writeTrends("en");
    expect(trends.tiers).toEqual(["A", "B", "C"]);
    expect(trends.skipped).toBe(0);
    const charts = b.charts(trends.sheet);
    expect(charts.map((c) => c.type).sort()).toEqual(["AreaStacked", "Line"]);
    expect(charts[0].series.map((s) => s.name)).toEqual(["A", "B", "C"]);
    expect(charts[0].series[0].categories).toEqual(trends.dates);
    const core = coreHistory();
    const aCustomers = core.snapshots.map((s) => s.tier.filter((t) => t === 0).length);
    expect(charts.find((c) => c.type === "Line")!.series[0].values).toEqual(aCustomers);
    // Issue 17's chart rules: titles in the pane's wording with the tier basis, both axes titled, shares as
    // percentages, customers compact, legends below.
    const rules = en.chartRules;
    const byType = (type: string) => charts.find((c) => c.type === type)!;
    expect(byType("Line").title).toBe(rules.trends.customersTitle(en.chartText.basis.abcClass));
    expect(byType("AreaStacked").title).toBe(rules.trends.shareTitle(en.chartText.basis.abcClass));
    expect(byType("AreaStacked").axisTitles).toEqual({ "Category/Primary": en.overTimePane.book.dateAxis, "Value/Primary": rules.trends.shareAxis });
    expect(byType("AreaStacked").axisFormats).toEqual({ "Value/Primary": "0%" });
    expect(byType("Line").axisFormats).toEqual({ "Value/Primary": excelCompactFormat("en") });
    for (const c of charts) expect(c.legend.position).toBe("Bottom");

    const cohorts = await port.writeCohorts(settings(), { by: "month", measure: "customers" }, "en");
    const cells = { customers: ROWS.map((r) => r[0]), dates: ROWS.map((r) => r[1]), amounts: ROWS.map((r) => r[2]) };
    const table = cohortTable(readCustomers(cells, { tierBy: "abcClass", abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" } }).tx, { by: "month" });
    expect(cohorts.cohorts).toBe(table.rows.length);
    const values = b.values(cohorts.sheet, `A5:B${4 + table.rows.length}`);
    expect(values.map((r) => [r[0], r[1]])).toEqual(table.rows.map((r) => [r.cohort, r.customers]));
    const formats = b.conditionalFormats(cohorts.sheet);
    expect(formats.map((f) => f.type)).toEqual(["ColorScale"]);
    const line = b.charts(cohorts.sheet);
    expect(line.map((c) => c.type)).toEqual(["Line"]);
    expect(line[0].series[0].name).toBe(table.rows[0].cohort);
    expect(line[0].title).toBe(en.chartRules.cohorts.title(en.overTimePane.book.cohortBy.month, en.overTimePane.cohorts.measureOptions.customers));
    expect(line[0].axisTitles).toEqual({ "Category/Primary": en.overTimePane.book.periodAxis, "Value/Primary": en.chartRules.cohorts.valueAxis.customers });
    expect([line[0].axisFormats, line[0].legend.position]).toEqual([{ "Value/Primary": "0%" }, "Bottom"]);
    line[0].series[0].values.forEach((v, k) => expect(close(v as number, Math.round(table.rows[0].values[k] * 1e6) / 1e6)).toBe(true));
  });

  it("splits Cohorts by first tier: a triangle per tier with its heat map, sizes summing to the cohorts', and the pooled curves (issue 14 §5)", async () => {
    const { book: b, port } = book();
    const report = await port.writeCohorts(settings(), { by: "month", measure: "customers", firstTier: true }, "en");
    expectSyncsUnderLimit(b.syncLog());
    const cells = { customers: ROWS.map((r) => r[0]), dates: ROWS.map((r) => r[1]), amounts: ROWS.map((r) => r[2]) };
    const tx = readCustomers(cells, { tierBy: "abcClass", abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" } }).tx;
    const whole = cohortTable(tx, { by: "month" });
    const split = cohortsByFirstTier(tx, { by: "month" }, { by: "abcClass", basis: "revenue", aCut: 0.8, bCut: 0.95 });
    expect(report.firstTiers).toBe(split.triangles.length);
    expect(split.triangles.length).toBeGreaterThan(1);
    // Each triangle under its heading, as the core splits it; a blank row between triangles.
    let row = 4;
    const sizes = new Map<string, number>();
    for (const t of split.triangles) {
      expect(b.values(report.sheet, `A${row}`)[0][0]).toBe(`First tier: ${t.tier}`);
      const got = b.values(report.sheet, `A${row + 2}:B${row + 1 + t.rows.length}`);
      expect(got).toEqual(t.rows.map((r) => [r.cohort, r.customers]));
      for (const r of t.rows) sizes.set(r.cohort, (sizes.get(r.cohort) ?? 0) + r.customers);
      row += t.rows.length + 3;
    }
    expect(whole.rows.map((r) => sizes.get(r.cohort))).toEqual(whole.rows.map((r) => r.customers));
    expect(b.conditionalFormats(report.sheet).map((f) => f.type)).toEqual(split.triangles.map(() => "ColorScale"));
    const chart = b.charts(report.sheet);
    expect(chart.map((c) => c.type)).toEqual(["Line"]);
    expect(chart[0].series.map((x) => x.name)).toEqual(split.triangles.map((t) => t.tier));
    expect(chart[0].series[0].values[0]).toBe(1);
    // Score bands on predictions cannot be the first tier: said, as Rebuild history says it.
    const onPredictions = settings({ summaryBy: "score", score: scoreSettings(["pAlive"]), predict: PREDICT_DEFAULTS });
    await expect(port.writeCohorts(onPredictions, { by: "month", measure: "customers", firstTier: true }, "en")).rejects.toThrow(en.overTimePane.errors.scoreHistory);
  });
});
