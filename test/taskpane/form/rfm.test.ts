/** The RFM section of the form: breakpoints and custom rules as typed, checked through the composed form. */
import { describe, expect, it } from "vitest";
import { messages } from "../../../src/i18n";
import { settingsFromForm } from "../../../src/taskpane/form";
import { parseBreakpoints, rfmFromSettings, rfmToSettings, starterRules } from "../../../src/taskpane/form/rfm";
import { problemsOf, READY } from "../support/form";

describe("settingsFromForm: RFM", () => {
  it("reads breakpoints typed with commas, Chinese commas or spaces, and checks their count and order (the core's rules)", () => {
    expect(parseBreakpoints("30, 90，180 365")).toEqual([30, 90, 180, 365]);
    // The core's analysis rule: bins − 1 ascending breakpoints in every dimension (core/analysis/problems.ts).
    const form = { ...READY, breakpointsOn: true, breakpoints: { r: "30,90,180,365", f: "1,2,5", m: "500,100,1000,2000" } };
    expect(problemsOf(form)).toEqual([
      { kind: "breakpoints", dimension: "f", expected: 4 },
      { kind: "breakpoints", dimension: "m", expected: 4 },
    ]);
    expect(problemsOf({ ...form, breakpoints: { ...form.breakpoints, f: "1,2,5,10", m: "100, x" } })).toEqual([{ kind: "breakpoints", dimension: "m", expected: 4 }]);
    const fixed = settingsFromForm({ ...form, breakpoints: { r: "30,90,180,365", f: "1,2,5,10", m: "100,250,500,1000" } }, 3);
    expect(fixed.ok && fixed.settings.rfm?.breakpoints).toEqual({ recency: [30, 90, 180, 365], frequency: [1, 2, 5, 10], monetary: [100, 250, 500, 1000] });
  });

  it("shows a rule's open bounds (blank cells of a grid saved by an earlier version) as the ends of the scale, and reads them back", () => {
    const draft = rfmFromSettings({ bins: 4, breakpoints: null, scheme: [{ name: "Top", r: [3, Infinity], f: [-Infinity, Infinity], m: [2, 4] }] });
    expect(draft.rules).toEqual([{ name: "Top", r: ["3", "4"], f: ["1", "4"], m: ["2", "4"] }]);
    expect(rfmToSettings(draft)).toEqual({ settings: { bins: 4, breakpoints: null, scheme: [{ name: "Top", r: [3, 4], f: [1, 4], m: [2, 4] }] }, problems: [] });
  });

  it("checks custom rules row by row against the score levels", () => {
    const rules = starterRules(messages("en"));
    expect(problemsOf({ ...READY, scheme: "custom", rules })).toEqual([]);
    const bad = [
      { ...rules[0], name: " " },
      { ...rules[1], r: ["4", "2"] as [string, string] },
      { ...rules[2], m: ["1", "6"] as [string, string] },
    ];
    expect(problemsOf({ ...READY, scheme: "custom", rules: bad })).toEqual([
      { kind: "rule", row: 1, what: "name" },
      { kind: "rule", row: 2, what: "range", dimension: "r" },
      { kind: "rule", row: 3, what: "bound", dimension: "m" },
    ]);
    expect(problemsOf({ ...READY, scheme: "custom", rules: [] })).toEqual([{ kind: "noRules" }]);
  });
});
