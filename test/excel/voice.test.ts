/**
 * Issue 15 §4 in the workbook: voice columns mapped in a run read in its one read, the Tier Summary's NPS
 * (with responders and its 95 % margin), mean satisfaction on its scale, complaint and referral rates and
 * engagement per tier, blanks left blank; a voice metric in the weighted score; a bad answer named by its
 * cell. Runs under both host profiles (the range's blank cells are "" on both: range.values).
 */
import { describe, expect, it } from "vitest";
import { createWorkbookPort } from "../../src/excel/jobs";
import { CHECK_SYNCS, READ_SYNCS, SNAPSHOT_SYNCS, WRITE_SYNCS } from "../../src/excel/host";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { createStandIn } from "../../src/standin";
import { scoreSettings } from "../support/fixtures";
import { expectSyncsUnderLimit, settingsFor } from "./helpers";

const HEADER = ["Customer", "Date", "Amount", "NPS", "Satisfaction", "Complaints", "Referrals", "Engagement"];
/**
 * Two classes by revenue (A to 80 %, B to 99 %): A = the four big spenders (C1–C4), C = the rest. C1 answered NPS twice (3, then
 * 10: the latest counts), C2 answered 9, C3 6, C4 never; among C5–C8 only C5 (0) and C6 (8) answered.
 */
const ROWS: unknown[][] = [
  ["C1", 45300, 5000, 3, 4, 1, "", 10],
  ["C1", 45400, 5000, 10, 5, 1, 2, 30],
  ["C2", 45350, 9000, 9, "", 0, 0, ""],
  ["C3", 45360, 8000, 6, 3, "", 1, 5],
  ["C4", 45370, 7000, "", "", "", "", ""],
  ["C5", 45380, 10, 0, 1, 3, 0, 1],
  ["C6", 45390, 20, 8, 2, 0, "", ""],
  ["C7", 45391, 30, "", "", "", "", ""],
  ["C8", 45392, 40, "", "", "", "", ""],
];
const MAPPING = { customer: 0, date: 1, amount: 2, quantity: -1, margin: -1, category: -1, extra: -1, order: -1, nps: 3, satisfaction: 4, complaints: 5, referrals: 6, engagement: 7 };

function book(rows = ROWS) {
  const b = createStandIn();
  b.addSheet("Data", [HEADER, ...rows]);
  return { book: b, port: createWorkbookPort(b.host) };
}

const settings = (rows = ROWS.length) =>
  settingsFor(rows, { source: { kind: "range", sheet: "Data", address: `A1:H${rows + 1}` }, mapping: MAPPING, rfm: null, clv: null, abc: { aCut: 0.8, bCut: 0.99, basis: "revenue" }, summaryBy: "abcClass" });

describe("what each tier says, on the Tier Summary", () => {
  it("adds NPS, its margin and responders, satisfaction, complaint and referral rates and engagement per class, in one read", async () => {
    const { book: b, port } = book();
    await port.run(settings(), { locale: "en" });
    const h = en.voice.summary;
    const header = b.tables().find((t) => t.name === "TieringSummary")!.header;
    const at = (name: string) => header.indexOf(name);
    for (const name of [h.nps, h.npsMargin, h.npsResponders, h.satisfaction(5), h.satisfactionResponders, h.complaintRate, h.referralRate, h.engagement]) expect(at(name)).toBeGreaterThan(0);
    const rows = b.tableRows("TieringSummary");
    const a = rows.find((r) => r[0] === "A")!;
    const c = rows.find((r) => r[0] === "C")!;
    // A: C1 10 (latest), C2 9, C3 6 → 2 promoters, 1 detractor of 3: NPS 33.3; adjusted Wald: p̃ = 2.75/6, d̃ = 1.75/6,
    // ± 1.96·100·√((4.5/6 − (1/6)²)/6) = 67.5.
    expect(a[at(h.nps)]).toBeCloseTo(33.3, 1);
    expect(a[at(h.npsMargin)]).toBeCloseTo(196 * Math.sqrt((4.5 / 6 - 1 / 36) / 6), 1);
    expect(a[at(h.npsResponders)]).toBe(3);
    // Satisfaction: C1 5 (latest), C3 3 → 4 over 2 responders; complaints C1 2, C2 0 → ½ complained; referrals C1 2, C2 0, C3 1 → ⅔.
    expect(a[at(h.satisfaction(5))]).toBe(4);
    expect(a[at(h.satisfactionResponders)]).toBe(2);
    expect(a[at(h.complaintRate)]).toBeCloseTo(0.5, 9);
    expect(a[at(h.referralRate)]).toBeCloseTo(2 / 3, 9);
    expect(a[at(h.engagement)]).toBeCloseTo((30 + 5) / 2, 9);
    // C: C5 0, C6 8 → 0 promoters, 1 detractor of 2: −50; blanks (C7, C8) are not zeros.
    expect(c[at(h.nps)]).toBe(-50);
    expect(c[at(h.npsResponders)]).toBe(2);
    expect(c[at(h.satisfaction(5))]).toBe(1.5);
    const log = b.syncLog();
    expectSyncsUnderLimit(log);
    // The voice columns ride in the run's read: no extra round trip.
    expect(log.length).toBe(1 + READ_SYNCS + CHECK_SYNCS + WRITE_SYNCS + 1 + SNAPSHOT_SYNCS);
  });

  it("leaves a tier without answers blank, not 0, and names the columns in Chinese", async () => {
    const rows = ROWS.map((r) => (["C5", "C6"].includes(r[0] as string) ? [...r.slice(0, 3), "", "", "", "", ""] : r));
    const { book: b, port } = book(rows);
    await port.run(settings(), { locale: "zh-CN" });
    const h = zhCN.voice.summary;
    const header = b.tables().find((t) => t.name === "TieringSummary")!.header;
    const c = b.tableRows("TieringSummary").find((r) => r[0] === "C")!;
    expect(c[header.indexOf(h.nps)]).toBe("");
    expect(c[header.indexOf(h.npsMargin)]).toBe("");
    expect(c[header.indexOf(h.npsResponders)]).toBe(0);
    expect(c[header.indexOf(h.satisfaction(5))]).toBe("");
    expect(c[header.indexOf(h.complaintRate)]).toBe("");
  });

  it("has no voice columns when none is mapped", async () => {
    const { book: b, port } = book();
    const none = { ...MAPPING, nps: -1, satisfaction: -1, complaints: -1, referrals: -1, engagement: -1 };
    await port.run({ ...settings(), mapping: none }, { locale: "en" });
    const header = b.tables().find((t) => t.name === "TieringSummary")!.header;
    expect(header).not.toContain(en.voice.summary.nps);
    expect(header).not.toContain(en.voice.summary.complaintRate);
  });

  it("refuses an NPS answer of 11 as a row problem naming its cell, and keeps the other rows", async () => {
    const rows = ROWS.map((r, i) => (i === 5 ? [r[0], r[1], r[2], 11, ...r.slice(4)] : r));
    const { port } = book(rows);
    const report = await port.run(settings(), { locale: "en" });
    expect(report.quality.leftOut).toEqual({ npsRange: 1 });
    expect(report.quality.rowsUsed).toBe(ROWS.length - 1);
    expect(report.quality.firstProblem?.cell).toEqual({ sheet: "Data", address: "D7" });
    expect(report.quality.firstProblem?.message).toContain(en.problems.npsRange("11"));
  });
});

describe("a voice metric in the weighted score", () => {
  it("scores customers without an answer on their other metrics (weights renormalised), never as a 0", async () => {
    const { book: b, port } = book();
    const score = scoreSettings([["monetary", 1], ["nps", 1]]);
    await port.run({ ...settings(), score, summaryBy: "score" }, { locale: "en" });
    const results = b.tableRows("TieringResults");
    const header = b.tables().find((t) => t.name === "TieringResults")!.header;
    const s = (id: string) => results.find((r) => r[0] === id)![header.indexOf(en.workbook.score.score)] as number;
    // C4 (no answer) is scored on monetary alone: its percentile rank among 8 customers (5th of 8 → 4/7).
    expect(s("C4")).toBeCloseTo((100 * 4) / 7, 1);
    // C7 and C8 likewise (ranks 3 and 4 of 8); C5 answered 0 and scores lower than C7 with the same spend rank or less.
    expect(s("C8")).toBeCloseTo((100 * 3) / 7, 1);
    expect(s("C5")).toBeLessThan(s("C7"));
  });
});

describe("the radar's voice axes", () => {
  it("follow mean R, F, M on their 1…L scale, bigger is better, and the radar draws them", async () => {
    const { book: b, port } = book();
    await port.run({ ...settings(), rfm: { bins: 3, breakpoints: null, scheme: "rfm" }, summaryBy: "abcClass" }, { locale: "en" });
    const s = en.workbook.summary;
    const r = en.voice.radar;
    const header = b.tables().find((t) => t.name === "TieringSummary")!.header;
    const axes = [s.meanR, s.meanF, s.meanM, r.nps(3), r.satisfaction(3), r.complaints(3), r.referrals(3), r.engagement(3)];
    expect(header.slice(header.indexOf(s.meanR), header.indexOf(s.meanR) + axes.length)).toEqual(axes);
    const rows = b.tableRows("TieringSummary");
    const a = rows.find((row) => row[0] === "A")!;
    const c = rows.find((row) => row[0] === "C")!;
    // A: NPS 33.3 → 1 + (133.3/200)·2 = 2.33; satisfaction 4 of 5 → 2.6; half complained → 2; ⅔ referred → 2.33;
    // engagement 17.5 is the higher tier mean (C: C5's 1) → 3, C's → 1.
    expect(a[header.indexOf(r.nps(3))]).toBeCloseTo(1 + (133.33 / 200) * 2, 2);
    expect(a[header.indexOf(r.satisfaction(3))]).toBeCloseTo(2.6, 9);
    expect(a[header.indexOf(r.complaints(3))]).toBeCloseTo(2, 9);
    expect(a[header.indexOf(r.referrals(3))]).toBeCloseTo(1 + (2 / 3) * 2, 2);
    expect([a[header.indexOf(r.engagement(3))], c[header.indexOf(r.engagement(3))]]).toEqual([3, 1]);
    // C: NPS −50 → 1.5.
    expect(c[header.indexOf(r.nps(3))]).toBe(1.5);

    expect(await port.buildChart("radar", "en")).toBeTruthy();
    const radar = b.charts("Tier Summary").find((chart) => chart.type === "Radar")!;
    expect(radar.series[0].categories).toEqual(axes);
    for (const series of radar.series) for (const v of series.values as number[]) expect(v >= 1 && v <= 3).toBe(true);
  });
});
