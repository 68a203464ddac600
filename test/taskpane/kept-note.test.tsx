// @vitest-environment happy-dom
/** Issue 11 in the pane: a run that kept a sheet the person edited while it ran says so, in the pane's language. */
import { afterEach, describe, expect, it } from "vitest";
import { messages } from "../../src/i18n";
import { sheetList } from "../../src/i18n/en/ownership";
import { cleanup, click, get } from "./support/dom";
import { paneWithSelection } from "./support/pane";
import { REPORT } from "./support/fake-port";

const en = messages("en");
afterEach(cleanup);

describe("pane: sheets kept because they were edited during the run", () => {
  it("shows the run's sentence under its title, and nothing when no sheet was kept", async () => {
    const port = await paneWithSelection();
    const note = en.ownership.keptEdited(1, sheetList(en.ownership, ["Tier Summary"]), sheetList(en.ownership, ["Tier Summary (2)"]));
    port.report = { ...REPORT, keptNote: note };
    await click(get("button", en.pane.run));
    const bar = document.querySelector("[data-testid=kept-note]");
    expect(bar?.textContent).toContain(en.ownership.keptTitle);
    expect(bar?.textContent).toContain(note);
    expect(note).toContain('"Tier Summary (2)"');
    port.report = { ...REPORT };
    await click(get("button", en.pane.run));
    expect(document.querySelector("[data-testid=kept-note]")).toBeNull();
  });
});
