// @vitest-environment happy-dom
/** Issue 13 §3–4 in the pane: Predict's margin of the predicted CLV and its next-purchase window, sent as settings. */
import { afterEach, describe, expect, it } from "vitest";
import { messages } from "../../src/i18n";
import { bodyText, choose, cleanup, click, get, type } from "./support/dom";
import { exactly, lastRun, paneWithSelection } from "./support/pane";

const en = messages("en");
afterEach(cleanup);

describe("pane: Predict's margin and next-purchase window", () => {
  it("sends one margin rate and the window; none by default", async () => {
    const port = await paneWithSelection();
    await click(get("switch", en.pane.predictToggle));
    await click(get("button", en.pane.run));
    expect(lastRun(port).predict).not.toHaveProperty("margin");
    const w = en.margin.pane;
    await choose(get("combobox", w.source), w.sources.rate);
    await type(get("textbox", exactly(w.rate)), "25");
    await type(get("textbox", w.within), "6");
    await click(get("button", en.pane.run));
    expect(lastRun(port).predict).toMatchObject({ margin: 0.25, withinMonths: 6 });
  });

  it("the Margin column without a mapped Margin: says what to do, and Run names the problem", async () => {
    const port = await paneWithSelection();
    await click(get("switch", en.pane.predictToggle));
    const runs = port.called("run").length;
    await choose(get("combobox", en.margin.pane.source), en.margin.pane.sources.column);
    expect(bodyText()).toContain(en.margin.pane.noColumn);
    await click(get("button", en.pane.run));
    expect(port.called("run").length).toBe(runs);
    expect(bodyText()).toContain(en.margin.settings.needsColumn);
  });
});
