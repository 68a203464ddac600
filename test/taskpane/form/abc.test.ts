/** The ABC section of the form: the method, through the composed form. */
import { describe, expect, it } from "vitest";
import { formFromSettings, settingsFromForm } from "../../../src/taskpane/form";
import { problemsOf, READY } from "../support/form";

describe("ABC method in the form", () => {
  it("passes the computed method on, and does not check the cuts it does not use", () => {
    const reversed = { ...READY, abcMethod: "computed" as const, aCut: "97", bCut: "20" };
    const result = settingsFromForm(reversed, 3);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.settings.abc).toMatchObject({ method: "computed", basis: "revenue" });
    expect(problemsOf({ ...reversed, abcMethod: "fixed" })).toContainEqual({ kind: "cuts" });
  });

  it("reads settings saved before the method existed as fixed cuts, and round-trips computed", () => {
    const saved = settingsFromForm(READY, 3);
    if (!saved.ok) throw new Error("the ready form must give settings");
    const { method: _method, ...old } = saved.settings.abc!;
    expect(formFromSettings({ ...saved.settings, abc: old }).abcMethod).toBe("fixed");
    expect(formFromSettings({ ...saved.settings, abc: { ...old, method: "computed" } }).abcMethod).toBe("computed");
  });
});
