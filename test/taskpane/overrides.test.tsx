// @vitest-environment happy-dom
/**
 * The pane's Overrides part (issue 15 §2), against the fake port: the button adds the table when there is none and
 * then goes to it, a run's counts and the table's unused rows (each a link to its row), in both languages.
 */
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/taskpane/App";
import { messages } from "../../src/i18n";
import { bodyText, cleanup, click, get, query, render, settle } from "./support/dom";
import { FakePort, REPORT } from "./support/fake-port";
import { paneWithSelection } from "./support/pane";

const en = messages("en");
const zh = messages("zh-CN");

afterEach(cleanup);

describe("the Overrides part of the pane", () => {
  it("adds the table when there is none, then offers to go to it", async () => {
    const port = await paneWithSelection();
    expect(port.called("findOverridesTable").length).toBeGreaterThan(0);
    await click(get("button", en.overrides.pane.add));
    expect(port.called("addOverridesTable")[0].args).toEqual(["en"]);
    expect(bodyText()).toContain(en.overrides.pane.added("Overrides"));
    await click(get("button", en.overrides.pane.open));
    expect(port.called("selectCell").at(-1)!.args[0]).toEqual({ sheet: "Overrides", address: "A1" });
    expect(port.called("addOverridesTable")).toHaveLength(1);
  });

  it("finds a table that is already there and goes to it without adding one", async () => {
    const port = new FakePort();
    port.overridesTable = { sheet: "人工调整", address: "B3", rows: 4 };
    await render(<App initialLocale="zh-CN" theme="light" port={port} />);
    await settle();
    expect(query("button", zh.overrides.pane.add)).toBeNull();
    await click(get("button", zh.overrides.pane.open));
    expect(port.called("selectCell").at(-1)!.args[0]).toEqual({ sheet: "人工调整", address: "B3" });
    expect(port.called("addOverridesTable")).toEqual([]);
  });

  it("shows a run's counts and the rows not used, each a link to its row", async () => {
    const port = new FakePort();
    const problem = { cell: { sheet: "Overrides", address: "A3" }, message: en.overrides.problems.unknownTier("Overrides row 3", "Gold", "A, B, C") };
    port.report = { ...REPORT, overrides: { sheet: "Overrides", active: 2, expired: 1, unmatched: 0, problems: [problem], moreProblems: 4 } };
    await paneWithSelection(port);
    expect(document.querySelector("[data-testid=overrides-counts]")).toBeNull();
    await click(get("button", en.pane.run));
    await settle();
    expect(document.querySelector("[data-testid=overrides-counts]")!.textContent).toBe(en.overrides.pane.counts(2, 1, 0));
    expect(bodyText()).toContain(en.overrides.more(4));
    await click(get("button", problem.message));
    expect(port.called("selectCell").at(-1)!.args[0]).toEqual(problem.cell);
  });
});
