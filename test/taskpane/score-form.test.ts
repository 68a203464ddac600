/** The weighted score and the playbook in the pane's form: conversions to and from settings, validation, the tier list. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCORE_METRICS, SCORE_TIER_KEYS, type ScoreMetric } from "../../src/core/tiers/score";
import { CN8_SEGMENTS, RFM_VIGNETTE_RULES } from "../../src/core/tiers/segments";
import type { AnalysisSettings, ScoreSettings } from "../../src/excel/port";
import { messages } from "../../src/i18n";
import { defaultStrategy, tierStrategy } from "../../src/i18n/playbook";
import { describeFormProblem } from "../../src/taskpane/problems";
import { DEFAULT_FORM, formFromSettings, settingsFromForm, type PaneForm } from "../../src/taskpane/form";
import type { FormProblem } from "../../src/taskpane/form/problems";
import { scoreInUse, scoreMetricsShown } from "../../src/taskpane/form/score";
import { EMPTY_MAPPING } from "../../src/taskpane/mapping";
import { editStrategy, playbookTiers, resetStrategy } from "../../src/taskpane/playbook";
import { gapText } from "../../src/taskpane/components/UpgradeList";
import { scoreSettings, thresholds } from "../support/fixtures";

const en = messages("en");
const zh = messages("zh-CN");

const READY: PaneForm = {
  ...DEFAULT_FORM,
  source: { kind: "table", name: "Orders" },
  mapping: { ...EMPTY_MAPPING, customer: 0, date: 1, amount: 2 },
};
/** Every score metric available: CLV and Predict on, margin, extra and (issue 15 §4) the five voice columns mapped (10 columns). */
const RICH: PaneForm = { ...READY, predictOn: true, mapping: { ...READY.mapping, margin: 3, extra: 4, nps: 5, satisfaction: 6, complaints: 7, referrals: 8, engagement: 9 } };

const run = (form: PaneForm, columns = 10) => settingsFromForm(form, columns);
const problemsOf = (form: PaneForm, columns = 10): FormProblem[] => {
  const result = run(form, columns);
  return result.ok ? [] : result.problems;
};
const scoreOf = (form: PaneForm): ScoreSettings | null | undefined => {
  const result = run(form);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.settings.score;
};
const withMetric = (form: PaneForm, metric: ScoreMetric, patch: Partial<PaneForm["scoreMetrics"][ScoreMetric]>): PaneForm => ({
  ...form,
  scoreMetrics: { ...form.scoreMetrics, [metric]: { ...form.scoreMetrics[metric], ...patch } },
});

describe("the weighted score in the form", () => {
  it("is off by default (no score in the settings); on, it is recency, frequency and monetary equally weighted, recency lower-is-better, default shares", () => {
    expect(scoreOf(READY)).toBeNull();
    const expected: ScoreSettings = scoreSettings([["recency", 1, "lower"], "frequency", "monetary"]);
    expect(scoreOf({ ...READY, scoreOn: true })).toEqual(expected);
    // Summary rows by score bands use the score even with its switch off.
    expect(scoreInUse({ ...READY, summaryBy: "score" })).toBe(true);
    const byScore = run({ ...READY, summaryBy: "score" });
    expect(byScore.ok && byScore.settings).toMatchObject({ summaryBy: "score", score: expected });
  });

  it("takes the included metrics with their weights and directions, min-max, and thresholds as scores", () => {
    let form: PaneForm = { ...RICH, scoreOn: true, scoreMethod: "minmax", bandKind: "thresholds", bandThresholds: ["90", "70.5", "50", "10"] };
    form = withMetric(form, "frequency", { on: false });
    form = withMetric(form, "monetary", { weight: "2" });
    form = withMetric(form, "pAlive", { on: true, weight: "0.5" });
    form = withMetric(form, "extra", { on: true, weight: "0", direction: "lower" });
    expect(scoreOf(form)).toEqual(
      scoreSettings([["recency", 1, "lower"], ["monetary", 2], ["extra", 0, "lower"], ["pAlive", 0.5]], { method: "minmax", bands: thresholds(90, 70.5, 50, 10) }),
    );
    // Shares typed as percentages (with or without %) become fractions.
    expect(scoreOf({ ...form, bandKind: "shares", bandShares: ["10%", "20", "30", "40"] })?.bands).toEqual({ kind: "shares", shares: [0.1, 0.2, 0.3, 0.4] });
  });

  it("says what to fix: no metric, a weight that is not a number of 0 or more, weights all 0", () => {
    let none: PaneForm = { ...READY, scoreOn: true };
    for (const metric of ["recency", "frequency", "monetary"] as const) none = withMetric(none, metric, { on: false });
    expect(problemsOf(none)).toEqual([{ kind: "scoreNoMetric" }]);
    const bad = withMetric(withMetric({ ...READY, scoreOn: true }, "recency", { weight: "-1" }), "monetary", { weight: "a lot" });
    expect(problemsOf(bad)).toEqual([
      { kind: "scoreWeight", metric: "recency", value: "-1" },
      { kind: "scoreWeight", metric: "monetary", value: "a lot" },
    ]);
    let zeros: PaneForm = { ...READY, scoreOn: true };
    for (const metric of ["recency", "frequency", "monetary"] as const) zeros = withMetric(zeros, metric, { weight: "0" });
    expect(problemsOf(zeros)).toEqual([{ kind: "scoreWeightsZero" }]);
    // A weight switched off is not checked.
    expect(problemsOf(withMetric({ ...READY, scoreOn: true }, "recency", { on: false, weight: "-1" }))).toEqual([]);
  });

  it("says which included metric the data does not offer and what would offer it", () => {
    let form: PaneForm = { ...READY, scoreOn: true, clvOn: false };
    for (const metric of ["clv", "margin", "extra", "predictedClv", "pAlive"] as const) form = withMetric(form, metric, { on: true });
    expect(problemsOf(form)).toEqual([
      { kind: "scoreMetric", metric: "clv", needs: "clv" },
      { kind: "scoreMetric", metric: "margin", needs: "marginColumn" },
      { kind: "scoreMetric", metric: "extra", needs: "extraColumn" },
      { kind: "scoreMetric", metric: "predictedClv", needs: "predict" },
      { kind: "scoreMetric", metric: "pAlive", needs: "predict" },
    ]);
    expect(problemsOf({ ...form, clvOn: true, predictOn: true, mapping: RICH.mapping })).toEqual([]);
  });

  it("checks the band shares (each above 0, at most 100 together) and thresholds (four scores, 100 down to 0, descending)", () => {
    const on: PaneForm = { ...READY, scoreOn: true };
    expect(problemsOf({ ...on, bandShares: ["5", "15", "30", "50"] })).toEqual([]);
    for (const shares of [["5", "15", "30", "51"], ["0", "15", "30", "30"], ["5", "", "30", "30"], ["5", "x", "30", "30"]]) {
      expect(problemsOf({ ...on, bandShares: shares }), shares.join()).toEqual([{ kind: "bandShares" }]);
    }
    const thresholds: PaneForm = { ...on, bandKind: "thresholds" };
    expect(problemsOf({ ...thresholds, bandThresholds: ["100", "60", "40", "0"] })).toEqual([]);
    for (const limits of [["80", "80", "40", "20"], ["20", "40", "60", "80"], ["120", "60", "40", "20"], ["80", "60", "40", "-1"], ["80", "60", "", "20"]]) {
      expect(problemsOf({ ...thresholds, bandThresholds: limits }), limits.join()).toEqual([{ kind: "bandThresholds" }]);
    }
    // The limits of the kind not chosen are not checked.
    expect(problemsOf({ ...on, bandThresholds: ["1", "2", "3", "4"] })).toEqual([]);
  });

  it("counts as an analysis on its own, as RFM and ABC do (lifetime value alone makes no tiers, as in the core)", () => {
    const none: PaneForm = { ...READY, rfmOn: false, abcOn: false, clvOn: false, summaryBy: "abcClass" };
    expect(problemsOf(none)).toContainEqual({ kind: "noAnalysis" });
    expect(problemsOf({ ...none, clvOn: true, summaryBy: "segment" })).toEqual([{ kind: "noAnalysis" }]);
    expect(problemsOf({ ...none, summaryBy: "score" })).toEqual([]);
    // With the score on but RFM off, summary rows by segment cannot be made.
    expect(problemsOf({ ...none, scoreOn: true, summaryBy: "segment" })).toEqual([{ kind: "summaryBy", summaryBy: "segment" }]);
  });

  it("lists the metrics the data offers, and an included one it no longer offers (so it can be left out)", () => {
    expect(scoreMetricsShown(READY)).toEqual(["recency", "frequency", "monetary", "clv"]);
    expect(scoreMetricsShown({ ...READY, clvOn: false })).toEqual(["recency", "frequency", "monetary"]);
    expect(scoreMetricsShown(RICH)).toEqual([...SCORE_METRICS]);
    expect(scoreMetricsShown(withMetric(READY, "margin", { on: true }))).toEqual(["recency", "frequency", "monetary", "clv", "margin"]);
  });

  it("reads settings saved before the score existed as score off, and shows saved score settings", () => {
    const result = run({ ...READY, scoreOn: true });
    if (!result.ok) throw new Error("not ok");
    const { score: _score, ...old } = result.settings;
    const form = formFromSettings(old as AnalysisSettings);
    expect(form.scoreOn).toBe(false);
    expect(form.scoreMetrics).toEqual(DEFAULT_FORM.scoreMetrics);
    expect(formFromSettings({ ...result.settings, score: null }).scoreOn).toBe(false);
    const shown = formFromSettings({
      ...result.settings,
      score: scoreSettings([["monetary", 0.25]], { method: "minmax", bands: thresholds(75, 50) }),
    });
    expect(shown.scoreOn).toBe(true);
    expect(shown.scoreMetrics.recency.on).toBe(false);
    expect(shown.scoreMetrics.monetary).toEqual({ on: true, weight: "0.25", direction: "higher" });
    // A short list of thresholds is shown with blanks, so Run asks for the missing ones.
    expect(shown.bandThresholds).toEqual(["75", "50", "", ""]);
    expect(shown.bandShares).toEqual(DEFAULT_FORM.bandShares);
    expect(problemsOf(shown)).toEqual([{ kind: "bandThresholds" }]);
  });

  it("round-trips any valid score settings through the form (property)", () => {
    const weight = fc.integer({ min: 0, max: 10000 }).map((k) => k / 100);
    const metricSetting = (metric: ScoreMetric) =>
      fc.record({ metric: fc.constant(metric), weight, direction: fc.constantFrom("higher" as const, "lower" as const) });
    const metrics = fc
      .subarray([...SCORE_METRICS], { minLength: 1 })
      .chain((chosen) => fc.tuple(...chosen.map(metricSetting)))
      .filter((list) => list.some((m) => m.weight > 0));
    const shares = fc
      .tuple(...Array.from({ length: 4 }, () => fc.integer({ min: 1, max: 250 })))
      .map((ks) => ks.map((k) => k / 1000));
    const thresholds = fc
      .uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 4 })
      .map((ks) => ks.map((k) => k / 10).sort((a, b) => b - a));
    const bands = fc.oneof(
      shares.map((s) => ({ kind: "shares" as const, shares: s })),
      thresholds.map((t) => ({ kind: "thresholds" as const, thresholds: t })),
    );
    const score = fc.record({ metrics, method: fc.constantFrom("percentile" as const, "minmax" as const), bands });
    const base = run({ ...RICH, scoreOn: true });
    if (!base.ok) throw new Error("not ok");
    fc.assert(
      fc.property(score, fc.constantFrom<AnalysisSettings["summaryBy"]>("segment", "abcClass", "score"), (s, summaryBy) => {
        const settings: AnalysisSettings = { ...base.settings, score: s, summaryBy };
        expect(run(formFromSettings(settings))).toEqual({ ok: true, settings });
      }),
    );
  });

  it("words every score problem in both languages, naming the metric and the fix", () => {
    const all: FormProblem[] = [
      { kind: "scoreNoMetric" },
      { kind: "scoreWeight", metric: "recency", value: "-1" },
      { kind: "scoreWeightsZero" },
      { kind: "scoreMetric", metric: "margin", needs: "marginColumn" },
      { kind: "scoreMetric", metric: "pAlive", needs: "predict" },
      { kind: "bandShares" },
      { kind: "bandThresholds" },
    ];
    for (const m of [en, zh]) {
      const sentences = all.map((problem) => describeFormProblem(problem, m));
      expect(new Set(sentences).size).toBe(all.length);
      expect(sentences[1]).toContain(m.scoreMetrics.recency);
      expect(sentences[1]).toContain("-1");
      expect(sentences[3]).toContain(m.scoreMetrics.margin);
      expect(sentences[3]).toContain(m.pane.score.needs.marginColumn);
      expect(sentences[4]).toContain(m.pane.score.needs.predict);
      expect(sentences[5]).toContain(m.scoreTiers.bronze);
      expect(sentences[6]).toContain(m.scoreTiers.bronze);
    }
  });
});

describe("the playbook's tiers", () => {
  it("lists the tiers of the tier basis with their names and the language's default strategies", () => {
    const rfm = playbookTiers(READY, en);
    expect(rfm.map((t) => t.key)).toEqual([...RFM_VIGNETTE_RULES.map((r) => r.name), "others"]);
    expect(rfm[0]).toEqual({ key: "champions", label: en.segments.champions, defaultText: en.workbook.strategies.champions });
    expect(rfm.at(-1)?.defaultText).toBe(en.workbook.strategies.others);
    const cn8 = playbookTiers({ ...READY, scheme: "cn8" }, zh);
    expect(cn8.map((t) => t.key)).toEqual([...CN8_SEGMENTS]);
    expect(cn8[0].label).toBe(zh.segments.importantValue);
    expect(cn8[0].defaultText).toBe(zh.workbook.strategies.importantValue);
    expect(playbookTiers({ ...READY, summaryBy: "abcClass" }, en)).toEqual(
      ["A", "B", "C"].map((key) => ({ key, label: key, defaultText: en.workbook.strategies[key as "A"] })),
    );
    const bands = playbookTiers({ ...READY, summaryBy: "score" }, zh);
    expect(bands.map((t) => t.key)).toEqual([...SCORE_TIER_KEYS]);
    expect(bands.map((t) => t.label)).toEqual(SCORE_TIER_KEYS.map((key) => zh.scoreTiers[key]));
    for (const band of bands) expect(band.defaultText).toBe((zh.workbook.strategies as Record<string, string>)[band.key]);
  });

  it("lists custom segments by their trimmed names, once each, then Others; a custom segment's default is the prompt", () => {
    const rules = [" VIP ", "Sleepers", "", "VIP"].map((name) => ({ name, r: ["1", "5"], f: ["1", "5"], m: ["1", "5"] }) as PaneForm["rules"][number]);
    const tiers = playbookTiers({ ...READY, scheme: "custom", rules }, en);
    expect(tiers.map((t) => [t.key, t.label])).toEqual([
      ["VIP", "VIP"],
      ["Sleepers", "Sleepers"],
      ["others", en.segments.others],
    ]);
    expect(tiers[0].defaultText).toBe(en.workbook.strategies.custom);
    expect(tiers[2].defaultText).toBe(en.workbook.strategies.others);
    // A custom segment that happens to share a built-in key is still custom.
    expect(defaultStrategy("champions", false, en)).toBe(en.workbook.strategies.custom);
  });

  it("stores only texts that differ from the default, and Reset drops the person's text", () => {
    const [champions] = playbookTiers(READY, en);
    const edited = editStrategy({ A: "Call them" }, champions, "Invite them to the launch");
    expect(edited).toEqual({ A: "Call them", champions: "Invite them to the launch" });
    expect(editStrategy(edited, champions, champions.defaultText)).toEqual({ A: "Call them" });
    // An emptied text is the person's choice (no strategy), not the default.
    expect(editStrategy({}, champions, "")).toEqual({ champions: "" });
    expect(resetStrategy(edited, champions)).toEqual({ A: "Call them" });
    expect(tierStrategy(edited, "champions", true, en)).toBe("Invite them to the launch");
    expect(tierStrategy({ champions: "" }, "champions", true, en)).toBe("");
    expect(tierStrategy({}, "champions", true, zh)).toBe(zh.workbook.strategies.champions);
  });
});

describe("upgrade gaps", () => {
  const numbers = (locale: string) => new Intl.NumberFormat(locale);
  it("formats the gap in the pane's number format, rounded up to what a person can act on (issue 13 §5): money in whole units (two significant figures above 100), whole orders, points to a tenth", () => {
    expect(gapText({ gap: 1234.5, gapKind: "revenue" }, en, numbers("en"))).toBe(en.pane.upgrade.gap.revenue("1,300"));
    expect(gapText({ gap: 0.001, gapKind: "revenue" }, en, numbers("en"))).toBe(en.pane.upgrade.gap.revenue("1"));
    expect(gapText({ gap: 1.1, gapKind: "revenue" }, en, numbers("en"))).toBe(en.pane.upgrade.gap.revenue("2"));
    expect(gapText({ gap: 1, gapKind: "orders" }, en, numbers("en"))).toBe("1 more order");
    expect(gapText({ gap: 2, gapKind: "orders" }, en, numbers("en"))).toBe("2 more orders");
    expect(gapText({ gap: 3.04, gapKind: "points" }, en, numbers("en"))).toBe(en.pane.upgrade.gap.points("3.1"));
    expect(gapText({ gap: 12, gapKind: "points" }, en, numbers("en"))).toBe(en.pane.upgrade.gap.points("12.0"));
    expect(gapText({ gap: 0.25, gapKind: "points" }, en, numbers("en"))).toBe(en.pane.upgrade.gap.points("0.3"));
    // No 0.0056-point gaps: the least a person can act on is a tenth.
    expect(gapText({ gap: 0.0056, gapKind: "points" }, en, numbers("en"))).toBe(en.pane.upgrade.gap.points("0.1"));
    expect(gapText({ gap: 12000, gapKind: "revenue" }, zh, numbers("zh-CN"))).toBe(zh.pane.upgrade.gap.revenue("12,000"));
    // ABC by margin: money, like revenue.
    expect(gapText({ gap: 1234.561, gapKind: "margin" }, en, numbers("en"))).toBe(en.pane.upgrade.gap.margin("1,300"));
    expect(gapText({ gap: 12000, gapKind: "margin" }, zh, numbers("zh-CN"))).toBe(zh.pane.upgrade.gap.margin("12,000"));
    expect(gapText({ gap: 3, gapKind: "orders" }, zh, numbers("zh-CN"))).toBe(zh.pane.upgrade.gap.orders(3, "3"));
    // Segments: purchases, the last one now, of any amount or adding an amount.
    const p = en.predictRest.upgrade.purchase;
    expect(gapText({ gap: 0, gapKind: "purchase", orders: 1 }, en, numbers("en"))).toBe("a purchase now");
    expect(gapText({ gap: 160, gapKind: "purchase", orders: 1 }, en, numbers("en"))).toBe(p(1, "1", "160"));
    expect(gapText({ gap: 1300, gapKind: "purchase", orders: 3 }, en, numbers("en"))).toBe("3 purchases adding 1,300, the last one now");
    expect(gapText({ gap: 0, gapKind: "purchase", orders: 2 }, zh, numbers("zh-CN"))).toBe(zh.predictRest.upgrade.purchase(2, "2", null));
  });
});
