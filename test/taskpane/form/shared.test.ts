/** The form's one number parser, and that every number field reads with it. */
import { describe, expect, it } from "vitest";
import { settingsFromForm } from "../../../src/taskpane/form";
import { restShare } from "../../../src/taskpane/form/score";
import { parseNumber, parsePercent } from "../../../src/taskpane/form/shared";
import { READY } from "../support/form";

describe("parseNumber: the one parser of the pane's number fields", () => {
  it("reads numbers as people type them, with a half-width or full-width percent sign", () => {
    for (const [text, value] of [
      ["80", 80],
      [" 12.5 ", 12.5],
      ["80%", 80],
      ["12.5 %", 12.5],
      ["80％", 80],
      ["10 ％", 10],
      [".5", 0.5],
      ["-3", -3],
      ["1e2", 100],
    ] as const) {
      expect(parseNumber(text), text).toBe(value);
    }
    for (const text of ["", " ", "%", "0,5", "1,000", "0x10", "abc", "8 0", "80%%", "％80"]) expect(parseNumber(text), text).toBeNaN();
    expect(parsePercent("12.5％")).toBe(0.125);
    expect(parsePercent("")).toBeNaN();
  });

  it("is what the analysis form, the score editor's remaining share and the pilot form read with", () => {
    expect(settingsFromForm({ ...READY, aCut: "70％", bCut: "90%" }, 3)).toMatchObject({ ok: true, settings: { abc: { aCut: 0.7, bCut: 0.9 } } });
    expect(restShare(["5％", "15", "30 %", "30"])).toBe("20");
    expect(restShare(["5", "", "30", "30"])).toBe("?");
    expect(restShare(["5", "0x10", "30", "30"])).toBe("?");
  });
});
