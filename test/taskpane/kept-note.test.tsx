// @vitest-environment happy-dom
/**
 * Issue 11 in the pane: a run, and an over-time job, that kept a sheet the person edited while it ran says so, in
 * the pane's language (components/KeptNote.tsx, one bar for every job).
 */
import { afterEach, describe, expect, it } from "vitest";
import { messages } from "../../src/i18n";
import { sheetList } from "../../src/i18n/en/ownership";
import { App } from "../../src/taskpane/App";
import { cleanup, click, get, render } from "./support/dom";
import { paneWithSelection } from "./support/pane";
import { FakePort, REPORT } from "./support/fake-port";

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

describe("pane: the over-time jobs' notice for a sheet kept because it was edited while the job ran", () => {
  it("Tier trends, Movers and Cohorts each show the job's sentence under the ownership title, and nothing without one", async () => {
    const port = await paneWithSelection();
    const t = en.overTimePane;
    const note = en.ownership.keptEdited(1, sheetList(en.ownership, ["Tier trends"]), sheetList(en.ownership, ["Tier trends (2)"]));
    port.keptNote = note;
    await click(get("button", t.trends.write));
    const bars = () => [...document.querySelectorAll("[data-testid=kept-note]")].map((b) => b.textContent ?? "");
    expect(bars()).toHaveLength(1);
    expect(bars()[0]).toContain(en.ownership.keptTitle);
    expect(bars()[0]).toContain(note);
    await click(get("button", t.movers.write));
    await click(get("button", t.cohorts.write));
    expect(bars()).toHaveLength(3);
    port.keptNote = null;
    await click(get("button", t.trends.write));
    await click(get("button", t.movers.write));
    await click(get("button", t.cohorts.write));
    expect(bars()).toHaveLength(0);
  });

  it("in Chinese, the zh-CN sentence and title", async () => {
    const port = new FakePort();
    await render(<App initialLocale="zh-CN" theme="light" port={port} />);
    const zh = messages("zh-CN");
    await click(get("button", zh.pane.useSelection));
    const note = zh.ownership.keptEdited(1, sheetList(zh.ownership, ["层级趋势"]), sheetList(zh.ownership, ["层级趋势 (2)"]));
    port.keptNote = note;
    await click(get("button", zh.overTimePane.trends.write));
    const bar = document.querySelector("[data-testid=kept-note]");
    expect(bar?.textContent).toContain(zh.ownership.keptTitle);
    expect(bar?.textContent).toContain(note);
  });
});
