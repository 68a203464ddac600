// @vitest-environment happy-dom
/**
 * "Check the model" in the pane (issue 13 §2), against the fake port: it sits with the Predict options, sends the
 * pane's data settings with the Predict section's model and unit and the dates typed (blank: the defaults), shows
 * the sheet's figures and the fit's diagnostics as a warning, refuses dates it can judge without the data before any
 * call, shows the port's sentence, and speaks Chinese.
 */
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/taskpane/App";
import { messages } from "../../src/i18n";
import type { AnalysisSettings, ModelCheckRequest } from "../../src/excel/port";
import { checkRequest } from "../../src/taskpane/hooks/useModelCheck";
import { bodyText, choose, cleanup, click, get, query, render, type } from "./support/dom";
import { FakePort } from "./support/fake-port";
import { paneWithSelection } from "./support/pane";

const en = messages("en");
const zh = messages("zh-CN");
const p = en.trust.pane;

afterEach(cleanup);

describe("the model check's request from the dates typed", () => {
  it("takes blanks as the defaults and names each field it cannot use", () => {
    expect(checkRequest({ calibrationEnd: "", holdoutEnd: " " }, "week", "bgnbd", en)).toEqual({ ok: true, request: { calibrationEnd: null, holdoutEnd: null, unit: "week", model: "bgnbd" } });
    expect(checkRequest({ calibrationEnd: "2011-06-30", holdoutEnd: "" }, "day", "paretoNbd", en)).toEqual({ ok: true, request: { calibrationEnd: "2011-06-30", holdoutEnd: null, unit: "day", model: "paretoNbd" } });
    expect(checkRequest({ calibrationEnd: "30.6.2011", holdoutEnd: "2011-02-30" }, "week", "bgnbd", en)).toEqual({
      ok: false,
      problems: [en.trust.check.errors.badDate(p.calibrationEnd, "30.6.2011"), en.trust.check.errors.badDate(p.holdoutEnd, "2011-02-30")],
    });
    expect(checkRequest({ calibrationEnd: "2011-06-30", holdoutEnd: "2011-06-30" }, "week", "bgnbd", en)).toEqual({
      ok: false,
      problems: [en.trust.check.errors.holdoutNotAfter(p.holdoutEnd, "2011-06-30", p.calibrationEnd, "2011-06-30")],
    });
  });
});

describe("Check the model in the pane", () => {
  it("is offered with the Predict options, and sends the form's settings with Predict's model and unit", async () => {
    const port = await paneWithSelection();
    expect(query("button", p.checkModel)).toBeNull();
    await click(get("switch", en.pane.predictToggle));
    await choose(get("combobox", en.pane.predict.unit), en.pane.predict.units.day);
    await choose(get("combobox", en.predictRest.model.label), en.predictRest.model.paretoNbd);
    expect(bodyText()).toContain(p.calibrationEndHint);
    await type(get("textbox", p.calibrationEnd), "2011-08-31");
    await click(get("button", p.checkModel));
    const [settings, request, locale] = port.called("checkModel")[0].args as [AnalysisSettings, ModelCheckRequest, string];
    expect(settings.source).toEqual({ kind: "range", sheet: "Orders", address: "A1:F20001" });
    expect(request).toEqual({ calibrationEnd: "2011-08-31", holdoutEnd: null, unit: "day", model: "paretoNbd" });
    expect(locale).toBe("en");
    const r = port.modelCheck;
    const text = bodyText();
    expect(text).toContain(p.checkDone(r.sheet, "0.90", "-0.26"));
    expect(text).toContain(p.checkTotals("151.20", "198"));
    expect(text).toContain(p.checkDates(r.calibrationStart, r.calibrationEnd, r.holdoutEnd, true));
    // The fit's diagnostics: a warning naming the problem, never a bare "Done".
    const warning = document.querySelector('[data-testid="model-check-diagnostics"]')!;
    expect(warning.textContent).toContain(p.warningTitle);
    expect(warning.querySelector('[data-code="dropout-not-identified"]')).not.toBeNull();
  });

  it("refuses a holdout end not after the calibration end before asking the port, and shows the port's sentence", async () => {
    const port = await paneWithSelection();
    await click(get("switch", en.pane.predictToggle));
    await type(get("textbox", p.calibrationEnd), "2011-08-31");
    await type(get("textbox", p.holdoutEnd), "2011-08-01");
    await click(get("button", p.checkModel));
    expect(bodyText()).toContain(en.trust.check.errors.holdoutNotAfter(p.holdoutEnd, "2011-08-01", p.calibrationEnd, "2011-08-31"));
    expect(port.called("checkModel")).toEqual([]);
    await type(get("textbox", p.holdoutEnd), "");
    port.checkError = new Error("Calibration end 2011-08-31 is on or after the last purchase.");
    await click(get("button", p.checkModel));
    expect(bodyText()).toContain(p.checkFailed);
    expect(bodyText()).toContain("Calibration end 2011-08-31 is on or after the last purchase.");
  });

  it("asks for the data first when the form cannot be used", async () => {
    const port = new FakePort();
    await render(<App initialLocale="en" theme="light" port={port} />);
    await click(get("switch", en.pane.predictToggle));
    await click(get("button", p.checkModel));
    expect(bodyText()).toContain(en.overTimePane.needsSettings);
    expect(port.called("checkModel")).toEqual([]);
  });

  it("speaks Chinese", async () => {
    const port = new FakePort();
    await render(<App initialLocale="zh-CN" theme="light" port={port} />);
    await click(get("button", zh.pane.useSelection));
    await click(get("switch", zh.pane.predictToggle));
    const z = zh.trust.pane;
    expect(bodyText()).toContain(z.checkHelp);
    await click(get("button", z.checkModel));
    expect(port.called("checkModel")[0].args[2]).toBe("zh-CN");
    expect(bodyText()).toContain(z.checkDone(port.modelCheck.sheet, "0.90", "-0.26"));
    expect(bodyText()).toContain(z.warningTitle);
  });
});
