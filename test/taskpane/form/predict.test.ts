/** The Predict section of the form, through the composed form. */
import { describe, expect, it } from "vitest";
import { PREDICT_DEFAULTS as DEFAULT_PREDICT } from "../../../src/core/analysis/predictions";
import type { AnalysisSettings } from "../../../src/excel/port";
import { formFromSettings, settingsFromForm } from "../../../src/taskpane/form";
import { problemsOf, READY } from "../support/form";

describe("Predict CLV & churn in the form", () => {
  it("is off by default; on, it gives the defaults as settings (percentages as fractions, blank cap as null)", () => {
    const off = settingsFromForm(READY, 3);
    expect(off.ok && off.settings.predict).toBeNull();
    const on = settingsFromForm({ ...READY, predictOn: true }, 3);
    expect(on.ok && on.settings.predict).toEqual({ ...DEFAULT_PREDICT });
  });

  it("names each predict field that cannot be used", () => {
    const form = { ...READY, predictOn: true, horizonMonths: "1.5", monthlyDiscount: "x", newDays: "-1", activeMultiple: "2", silentMultiple: "1", churnCapDays: "0", cantLoseShare: "0", cantLoseRisk: "101" };
    expect(problemsOf(form)).toEqual([
      { kind: "predict", field: "horizonMonths", value: "1.5" },
      { kind: "predict", field: "monthlyDiscount", value: "x" },
      { kind: "predict", field: "newDays", value: "-1" },
      { kind: "predict", field: "silentMultiple", value: "1" },
      { kind: "predict", field: "churnCapDays", value: "0" },
      { kind: "predict", field: "cantLoseShare", value: "0" },
      { kind: "predict", field: "cantLoseRisk", value: "101" },
    ]);
    // Off, the same text is not checked.
    expect(problemsOf({ ...form, predictOn: false })).toEqual([]);
  });

  it("round-trips predict settings, and reads settings saved without them as Predict off", () => {
    const result = settingsFromForm({ ...READY, predictOn: true, unit: "day", horizonMonths: "6", monthlyDiscount: "1.5", churnCapDays: "400", cantLoseRisk: "70" }, 3);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.predict).toMatchObject({ unit: "day", horizonMonths: 6, monthlyDiscount: 0.015, churnCapDays: 400, cantLoseRisk: 0.7 });
    expect(settingsFromForm(formFromSettings(result.settings), 3)).toEqual(result);
    const { predict: _predict, ...old } = result.settings;
    const form = formFromSettings(old as AnalysisSettings);
    expect(form.predictOn).toBe(false);
    expect(form.horizonMonths).toBe("12");
  });
});

describe("Predict's margin and next-purchase window in the form (issue 13)", () => {
  it("none by default; one rate as a fraction; the Margin column; a window other than 3 months", () => {
    const on = { ...READY, predictOn: true };
    const none = settingsFromForm(on, 3);
    expect(none.ok && none.settings.predict && "margin" in none.settings.predict).toBe(false);
    const rate = settingsFromForm({ ...on, marginSource: "rate", predictMargin: "35", withinMonths: "6" }, 3);
    expect(rate.ok && rate.settings.predict).toMatchObject({ margin: 0.35, withinMonths: 6 });
    if (rate.ok) expect(settingsFromForm(formFromSettings(rate.settings), 3)).toEqual(rate);
    const column = settingsFromForm({ ...on, marginSource: "column", mapping: { ...READY.mapping, margin: 4 } }, 5);
    expect(column.ok && column.settings.predict).toMatchObject({ margin: "column" });
    if (column.ok) expect(formFromSettings(column.settings).marginSource).toBe("column");
  });

  it("names a rate or window that cannot be used, and the Margin column when none is mapped", () => {
    const on = { ...READY, predictOn: true };
    expect(problemsOf({ ...on, marginSource: "rate", predictMargin: "120", withinMonths: "0" })).toEqual([
      { kind: "predictMargin", field: "predictMargin", value: "120" },
      { kind: "predictMargin", field: "withinMonths", value: "0" },
    ]);
    expect(problemsOf({ ...on, marginSource: "rate", predictMargin: "x" })).toEqual([{ kind: "predictMargin", field: "predictMargin", value: "x" }]);
    const [problem] = problemsOf({ ...on, marginSource: "column" });
    expect(problem).toMatchObject({ kind: "core", problem: { kind: "setting", code: "predictMarginNeedsColumn" } });
  });
});
