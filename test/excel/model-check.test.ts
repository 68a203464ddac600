/**
 * "Check the model" on the stand-in (issue 13 §2): the "Model check" sheet holds the core's holdout check
 * (src/core/models/holdout.ts) on the source as a run reads it, the golden CDNOW_sample figures come through
 * the port to the printed digits, the three native charts follow the pane's chart rules, the job takes the
 * same number of syncs for 100 and 10,000 customers, and every date problem is refused in the pane's labels
 * before anything is written.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readCustomers } from "../../src/core/analysis/rows";
import { isoDateSerial, serialToIsoDate } from "../../src/core/cells/dates";
import { holdoutCheck } from "../../src/core/models/holdout";
import { READ_SYNCS } from "../../src/excel/host";
import { createWorkbookPort } from "../../src/excel/jobs";
import { defaultCalibrationEnd, MODEL_CHECK_WRITE_SYNCS } from "../../src/excel/jobs/model-check";
import { CHECK_CHARTS } from "../../src/excel/model-check-sheet";
import type { AnalysisSettings, ModelCheckRequest } from "../../src/excel/port";
import { messages } from "../../src/i18n";
import { serialFromYmd } from "../../src/preview/datasets";
import { createStandIn } from "../../src/standin";
import { churningTransactions, expectSyncsUnderLimit, settingsFor } from "./helpers";

const en = messages("en");
const zh = messages("zh-CN");
const c = en.trust.check;
const HEADER = ["Customer", "Date", "Amount", "Category", "Rating"];
const DATA = new URL("../../../shared/data/", import.meta.url).pathname;

/** CDNOW_sample (FHL 2005's 2,357 customers) as a sheet: customer, the date as a serial, the amount. */
function cdnowRows(): unknown[][] {
  return readFileSync(`${DATA}CDNOW_sample.txt`, "utf8")
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim().split(/\s+/))
    .map((f) => [f[1], serialFromYmd(Number(f[2])), Number(f[4]), "", ""]);
}

function bookWith(rows: unknown[][]) {
  const book = createStandIn();
  book.addSheet("Data", [HEADER, ...rows]);
  return { book, port: createWorkbookPort(book.host) };
}

const settings = (rows: number, overrides: Partial<AnalysisSettings> = {}) => settingsFor(rows, { rfm: null, clv: null, summaryBy: "abcClass", ...overrides });
const request = (overrides: Partial<ModelCheckRequest> = {}): ModelCheckRequest => ({ calibrationEnd: null, holdoutEnd: null, unit: "week", model: "bgnbd", ...overrides });

/** The core's check on the same rows, read as the pane reads them. */
function coreCheck(rows: unknown[][], calibrationEnd: number, holdoutEnd: number | null, unit: "week" | "day" = "week") {
  const { tx } = readCustomers({ customers: rows.map((r) => r[0]), dates: rows.map((r) => r[1]), amounts: rows.map((r) => r[2]) }, { tierBy: "abcClass", abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" } });
  return holdoutCheck(tx, { unit, calibrationEnd, holdoutEnd });
}

/** The rows of a titled table on the sheet: the header row after `title` and the rows below it up to a blank. */
function tableAfter(values: unknown[][], title: string): unknown[][] {
  const at = values.findIndex((r) => r[0] === title);
  expect(at).toBeGreaterThan(0);
  const out: unknown[][] = [];
  for (let i = at + 2; i < values.length && values[i][0] !== "" && values[i][0] !== null; i++) out.push(values[i]);
  return out;
}

describe("Check the model: the Model check sheet", () => {
  it("gives the golden CDNOW_sample figures (FHL 2005) through the port, and the sheet holds the core's tables", async () => {
    const rows = cdnowRows();
    const { book, port } = bookWith(rows);
    const report = await port.checkModel(settings(rows.length), request({ calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30" }), "en");
    expect(report.sheet).toBe(en.trust.pane.checkSheet);
    expect([report.calibrationStart, report.calibrationEnd, report.holdoutEnd]).toEqual(["1997-01-01", "1997-09-30", "1998-06-30"]);
    expect(report.defaultCalibrationEnd).toBe(false);
    expect(report.customers).toBe(2357);
    expect(report.totalPredicted.toFixed(1)).toBe("1653.4");
    expect(report.totalActual).toBe(1882);
    expect(report.mae.toFixed(3)).toBe("0.785");
    expect(report.rmse.toFixed(3)).toBe("1.608");
    expect(report.diagnostics).toEqual([]);

    const values = book.values(report.sheet);
    expect(values[0][0]).toBe(c.sheetTitle);
    const figures = new Map(tableAfter(values, c.summaryTitle).map((r) => [r[0], r[1]]));
    figures.set(c.calibrationStart, values.find((r) => r[0] === c.calibrationStart)![1]);
    expect(figures.get(c.calibrationEnd)).toBe("1997-09-30");
    expect(figures.get(c.holdoutEnd)).toBe("1998-06-30");
    expect(figures.get(c.model)).toBe("BG/NBD");
    expect(figures.get(c.customersChecked)).toBe(2357);
    expect(figures.get(c.totalActual)).toBe(1882);
    expect((figures.get(c.totalPredicted) as number).toFixed(1)).toBe("1653.4");
    expect(values.find((r) => r[0] === c.diagnosticsTitle)).toBeDefined();
    expect(values.some((r) => r[0] === en.trust.diagnostics.allWell)).toBe(true);

    const core = coreCheck(rows, isoDateSerial("1997-09-30"), isoDateSerial("1998-06-30"));
    const groups = tableAfter(values, c.groupsTitle);
    expect(groups.map((r) => r[0])).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    expect(groups[0][1]).toBe(1411);
    expect((groups[0][2] as number).toFixed(4)).toBe("0.2251");
    expect((groups[0][3] as number).toFixed(4)).toBe("0.2367");
    expect([groups[7][1], (groups[7][2] as number).toFixed(3), (groups[7][3] as number).toFixed(3)]).toEqual([64, "6.157", "6.359"]);
    const tracking = tableAfter(values, c.trackingTitle);
    expect(tracking).toHaveLength(core.tracking.length);
    tracking.forEach((r, k) => {
      const t = core.tracking[k];
      expect([r[0], r[1], r[2], r[3]]).toEqual([t.period, serialToIsoDate(t.end), t.holdout ? c.holdout : c.calibrationPart, t.actual]);
      expect(r[4] as number).toBeCloseTo(t.expected, 5);
    });
    const deciles = tableAfter(values, c.decilesTitle);
    expect(deciles).toHaveLength(10);
    deciles.forEach((r, k) => {
      const d = core.aliveDeciles[k];
      expect([r[0], r[1]]).toEqual([d.decile, d.customers]);
      expect(r[2] as number).toBeCloseTo(d.meanPAlive, 5);
      expect(r[3] as number).toBeCloseTo(d.boughtShare, 5);
    });

    // Three native charts: titled in the pane's words, both axes titled, shares on a percentage axis.
    const charts = book.charts(report.sheet);
    expect(charts.map((x) => x.name)).toEqual([...CHECK_CHARTS]);
    expect(report.charts).toEqual([...CHECK_CHARTS]);
    expect(charts.map((x) => x.type)).toEqual(["ColumnClustered", "Line", "ColumnClustered"]);
    expect(charts.map((x) => x.title)).toEqual([c.groupsChart, c.trackingChart, c.decilesChart]);
    for (const chart of charts) {
      expect(chart.axisTitles["Category/Primary"]).toBeTruthy();
      expect(chart.axisTitles["Value/Primary"]).toBeTruthy();
      expect(chart.legend).toEqual({ visible: true, position: "Bottom" });
      expect(chart.series).toHaveLength(2);
    }
    const [groupsChart, trackingChart, decilesChart] = charts;
    expect(groupsChart.series.map((s) => s.name)).toEqual([c.predictedMean, c.actualMean]);
    expect(groupsChart.series[0].categories).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    expect(groupsChart.series[1].values).toEqual(groups.map((r) => r[3]));
    expect(trackingChart.series.map((s) => s.name)).toEqual([c.actual, c.expected]);
    expect(trackingChart.series[0].values).toEqual(core.tracking.map((t) => t.actual));
    const firstHoldout = core.tracking.find((t) => t.holdout)!.period;
    expect(trackingChart.axisTitles["Category/Primary"]).toBe(c.trackingPeriodAxis(en.pane.predict.units.week, firstHoldout));
    expect(decilesChart.axisFormats["Value/Primary"]).toBe("0%");
    expect(decilesChart.series.map((s) => s.name)).toEqual([c.meanPAlive, c.boughtShare]);
    // Owned: a second check replaces the sheet instead of adding "Model check (2)".
    await port.checkModel(settings(rows.length), request({ calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30" }), "en");
    expect(book.sheets().filter((s) => s.name.startsWith(en.trust.pane.checkSheet)).map((s) => s.name)).toEqual([en.trust.pane.checkSheet]);
  }, 60_000);

  it("takes the same syncs for 100 and 10,000 customers, each under 5 MB; blank dates take the documented defaults", async () => {
    const counts: number[] = [];
    for (const n of [100, 10_000]) {
      const rows = churningTransactions(n, 7);
      const { book, port } = bookWith(rows);
      const report = await port.checkModel(settings(rows.length), request(), "en");
      counts.push(book.syncLog().length);
      expectSyncsUnderLimit(book.syncLog());
      const days = rows.map((r) => r[1] as number);
      const first = Math.min(...days);
      const last = Math.max(...days);
      expect(report.defaultCalibrationEnd).toBe(true);
      expect(report.calibrationEnd).toBe(serialToIsoDate(defaultCalibrationEnd(first, last)));
      expect(report.holdoutEnd).toBe(serialToIsoDate(last));
      const core = coreCheck(rows, defaultCalibrationEnd(first, last), last);
      expect(report.totalActual).toBe(core.totalActual);
      expect(report.mae).toBeCloseTo(core.mae, 9);
      expect(report.customers).toBe(core.summary.x.length);
    }
    expect(counts[0]).toBe(1 + READ_SYNCS + MODEL_CHECK_WRITE_SYNCS);
    expect(counts[1]).toBe(counts[0]);
  }, 120_000);

  it("writes the user's own sheet of that name nowhere: the check goes to \"Model check (2)\"", async () => {
    const rows = churningTransactions(60, 3);
    const { book, port } = bookWith(rows);
    book.addSheet(en.trust.pane.checkSheet, [["mine"]]);
    const report = await port.checkModel(settings(rows.length), request(), "en");
    expect(report.sheet).toBe(`${en.trust.pane.checkSheet} (2)`);
    expect(book.values(en.trust.pane.checkSheet)).toEqual([["mine"]]);
  });
});

describe("Check the model: refusals in the pane's labels, before anything is written", () => {
  const rows = churningTransactions(80, 5);
  const days = rows.map((r) => r[1] as number);
  const first = serialToIsoDate(Math.min(...days));
  const last = serialToIsoDate(Math.max(...days));
  const p = en.trust.pane;
  const e = c.errors;

  async function refused(req: ModelCheckRequest, data = rows, locale: "en" | "zh-CN" = "en"): Promise<string> {
    const { book, port } = bookWith(data);
    const before = book.sheets().map((s) => s.name);
    const error = await port.checkModel(settings(data.length), req, locale).then(
      () => null,
      (x: unknown) => x as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(book.sheets().map((s) => s.name)).toEqual(before);
    // Nothing written: only the read syncs ran (every write sync suspends calculation), and, for a refusal after
    // the reads, the one that removes the edits watch they started (issue 11: src/excel/edits.ts `withEditWatch`).
    expect(book.syncLog().length).toBeLessThanOrEqual(1 + READ_SYNCS + 1);
    expect(book.syncLog().some((s) => s.calculationSuspended)).toBe(false);
    return error!.message;
  }

  it("a date that is no date, naming the field", async () => {
    expect(await refused(request({ calibrationEnd: "30/09/2024" }))).toBe(e.badDate(p.calibrationEnd, "30/09/2024"));
    expect(await refused(request({ holdoutEnd: "soon" }))).toBe(e.badDate(p.holdoutEnd, "soon"));
  });

  it("a calibration end before the first purchase, or on or after the last", async () => {
    expect(await refused(request({ calibrationEnd: "2020-01-01" }))).toBe(e.beforeData(p.calibrationEnd, "2020-01-01", first, last));
    expect(await refused(request({ calibrationEnd: last }))).toBe(e.afterData(p.calibrationEnd, last, last));
    expect(await refused(request({ calibrationEnd: "2030-01-01" }))).toBe(e.afterData(p.calibrationEnd, "2030-01-01", last));
  });

  it("a holdout end not after the calibration end, given or taken from the data", async () => {
    expect(await refused(request({ calibrationEnd: "2024-06-30", holdoutEnd: "2024-06-30" }))).toBe(e.holdoutNotAfter(p.holdoutEnd, "2024-06-30", p.calibrationEnd, "2024-06-30"));
    expect(await refused(request({ calibrationEnd: "2024-06-30", holdoutEnd: "2024-03-01" }))).toBe(e.holdoutNotAfter(p.holdoutEnd, "2024-03-01", p.calibrationEnd, "2024-06-30"));
  });

  it("no customer with a repeat purchase by the calibration end", async () => {
    const once = Array.from({ length: 50 }, (_, i) => [`C${i}`, 45292 + i * 3, 10 + i, "", ""]);
    const later = [...once, ...once.slice(0, 20).map((r) => [r[0], 45292 + 200, 5, "", ""])];
    expect(await refused(request({ calibrationEnd: "2024-04-30" }), later)).toBe(e.noRepeat(p.calibrationEnd, "2024-04-30"));
  });

  it("says it in Chinese with the pane's Chinese labels", async () => {
    const message = await refused(request({ calibrationEnd: "2020-01-01" }), rows, "zh-CN");
    expect(message).toBe(zh.trust.check.errors.beforeData(zh.trust.pane.calibrationEnd, "2020-01-01", first, last));
    expect(message).not.toMatch(/[。，、：；！？] /);
  });
});
