// @vitest-environment happy-dom
/** Issue 13 §1 in the pane: after a Predict run the fit's diagnostics show as a warning bar, never a bare "Done". */
import { afterEach, describe, expect, it } from "vitest";
import { messages } from "../../src/i18n";
import { bodyText, cleanup, click, get } from "./support/dom";
import { paneWithSelection } from "./support/pane";
import { REPORT } from "./support/fake-port";

const en = messages("en");
afterEach(cleanup);

describe("pane: diagnostics after a Predict run", () => {
  it("shows each diagnostic and what the churn list is ranked by", async () => {
    const port = await paneWithSelection();
    const message = "Dropout is not identified: … Use a longer history, check the model against a holdout, or try Pareto/NBD.";
    port.report = {
      ...REPORT,
      sheets: { ...REPORT.sheets, churn: "Churn warning" },
      predictNote: null,
      predictDiagnostics: [{ code: "dropout-not-identified", message }],
      churnRankedBy: en.trust.pane.churnRankedBy,
    };
    await click(get("switch", en.pane.predictToggle));
    await click(get("button", en.pane.run));
    const bar = document.querySelector("[data-testid=predict-diagnostics]");
    expect(bar?.textContent).toContain(en.trust.pane.warningTitle);
    expect(bar?.querySelector("[data-code=dropout-not-identified]")?.textContent).toBe(message);
    expect(document.querySelector("[data-testid=churn-ranked-by]")?.textContent).toBe(en.trust.pane.churnRankedBy);
  });

  it("shows no warning bar when the fit is sound", async () => {
    const port = await paneWithSelection();
    port.report = { ...REPORT, sheets: { ...REPORT.sheets, churn: "Churn warning" }, predictNote: null, predictDiagnostics: [], churnRankedBy: null };
    await click(get("switch", en.pane.predictToggle));
    await click(get("button", en.pane.run));
    expect(bodyText()).toContain(en.pane.churnDone("Churn warning"));
    expect(document.querySelector("[data-testid=predict-diagnostics]")).toBeNull();
  });
});
