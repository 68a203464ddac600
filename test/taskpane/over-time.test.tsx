// @vitest-environment happy-dom
/**
 * Over time in the pane, clicked through against the fake port: the window field and its check, "Rebuild history"
 * with the pane's settings (progress, Cancel, the list read again, the form's problems before any call), Movers and
 * its "was A, now C" filter, Tier trends and Cohorts, the port's sentences, and Chinese.
 */
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/taskpane/App";
import { messages } from "../../src/i18n";
import type { AnalysisSettings, HistoryRequest } from "../../src/excel/port";
import { historyRequest, DEFAULT_REBUILD } from "../../src/taskpane/over-time";
import { bodyText, choose, cleanup, click, get, query, render, settle, type } from "./support/dom";
import { FakePort } from "./support/fake-port";
import { exactly, lastRun, paneWithSelection } from "./support/pane";

const en = messages("en");
const zh = messages("zh-CN");
const t = en.overTimePane;

afterEach(cleanup);

describe("the history request from the form", () => {
  it("reads days and dates, and names every field it cannot read", () => {
    expect(historyRequest(DEFAULT_REBUILD)).toEqual({ ok: true, request: { every: "month", from: null, to: null, freezeAt: null } });
    expect(historyRequest({ ...DEFAULT_REBUILD, every: "days", days: " 14 ", from: "2024-01-01", freeze: "last" })).toEqual({
      ok: true,
      request: { every: "days", days: 14, from: "2024-01-01", to: null, freezeAt: "last" },
    });
    expect(historyRequest({ ...DEFAULT_REBUILD, every: "days", days: "1.5", from: "2024-02-30", to: "2023-13-01" })).toEqual({
      ok: false,
      problems: [
        { kind: "days", value: "1.5" },
        { kind: "from", value: "2024-02-30" },
        { kind: "to", value: "2023-13-01" },
      ],
    });
    expect(historyRequest({ ...DEFAULT_REBUILD, from: "2024-06-30", to: "2024-01-31" })).toEqual({ ok: false, problems: [{ kind: "order" }] });
  });
});

describe("Over time in the pane", () => {
  it("sends the window with Run and refuses one that is not whole months", async () => {
    const port = await paneWithSelection();
    await type(get("textbox", t.window), "12");
    await click(get("button", en.pane.run));
    expect(lastRun(port).windowMonths).toBe(12);
    await type(get("textbox", t.window), "0.5");
    await click(get("button", en.pane.run));
    expect(bodyText()).toContain(t.windowProblem("0.5", 1200));
    expect(port.called("run").length).toBe(1);
    expect(bodyText()).toContain(t.asOfHint);
  });

  it("rebuilds the history with the pane's settings, shows what it saved and reads the snapshot list again", async () => {
    const port = await paneWithSelection();
    await choose(get("combobox", t.rebuild.freeze), t.rebuild.freezeFirst);
    await click(get("button", exactly(t.rebuild.start)));
    const [settings, request, locale] = port.called("rebuildHistory")[0].args as [AnalysisSettings, HistoryRequest, string];
    expect(settings.source).toEqual({ kind: "range", sheet: "Orders", address: "A1:F20001" });
    expect(request).toEqual({ every: "month", from: null, to: null, freezeAt: "first" });
    expect(locale).toBe("en");
    const text = bodyText();
    expect(text).toContain(t.rebuild.done(2, "2011-10-31", "2011-11-30"));
    expect(text).toContain(t.rebuild.replaced(1));
    expect(text).toContain(t.rebuild.frozen("2011-10-31"));
    expect(port.called("listSnapshots").length).toBe(2);
  });

  it("says what to fix before asking the port, and shows the port's sentence", async () => {
    const port = new FakePort();
    await render(<App initialLocale="en" theme="light" port={port} />);
    await click(get("button", exactly(t.rebuild.start)));
    expect(bodyText()).toContain(t.needsSettings);
    await click(get("button", en.pane.useSelection));
    await choose(get("combobox", t.rebuild.every), t.rebuild.everyOptions.days);
    await type(get("textbox", t.rebuild.days), "0");
    await click(get("button", exactly(t.rebuild.start)));
    expect(bodyText()).toContain(t.rebuild.problems.days("0"));
    expect(port.called("rebuildHistory")).toEqual([]);
    await type(get("textbox", t.rebuild.days), "7");
    port.overTimeError = new Error("The history is full.");
    await click(get("button", exactly(t.rebuild.start)));
    expect(bodyText()).toContain(t.rebuild.failed);
    expect(bodyText()).toContain("The history is full.");
  });

  it("shows progress, and Cancel ends the rebuild with nothing written", async () => {
    const port = new FakePort();
    port.holdRebuild = true;
    await paneWithSelection(port);
    await click(get("button", exactly(t.rebuild.start)));
    expect(bodyText()).toContain(t.rebuild.phases.compute);
    // Run waits while the rebuild is under way: one workbook job at a time.
    expect(get("button", en.pane.run).hasAttribute("disabled")).toBe(true);
    await click(get("button", t.rebuild.cancel));
    await settle();
    expect(bodyText()).toContain(t.rebuild.cancelled);
    expect(get("button", en.pane.run).hasAttribute("disabled")).toBe(false);
  });

  it("writes Movers and filters it to \"was A, now C\", counting the customers shown", async () => {
    const port = await paneWithSelection();
    await click(get("button", t.movers.write));
    expect(port.called("writeMovers")[0].args).toEqual(["s1", "s2", "en"]);
    expect(bodyText()).toContain(t.movers.done("Movers", 3600));
    await choose(get("combobox", t.movers.was), "Champions");
    await choose(get("combobox", t.movers.now), "Lost");
    await click(get("button", t.movers.apply));
    expect(port.called("filterMovers")[0].args).toEqual(["Champions", "Lost", "en"]);
    expect(bodyText()).toContain(t.movers.shown(40));
    await choose(get("combobox", t.movers.was), t.movers.none);
    await choose(get("combobox", t.movers.now), t.movers.any);
    await click(get("button", t.movers.apply));
    expect(port.called("filterMovers")[1].args).toEqual(["", null, "en"]);
    expect(bodyText()).toContain(t.movers.shown(650));
    await click(get("button", t.movers.clear));
    expect(port.called("filterMovers")[2].args).toEqual([null, null, "en"]);
  });

  it("writes Tier trends and Cohorts, in Chinese too", async () => {
    const port = new FakePort();
    await render(<App initialLocale="zh-CN" theme="light" port={port} />);
    const z = zh.overTimePane;
    await click(get("button", zh.pane.useSelection));
    await click(get("button", z.trends.write));
    expect(bodyText()).toContain(z.trends.done("Tier trends", 2));
    await choose(get("combobox", z.cohorts.by), z.cohorts.byOptions.quarter);
    await click(get("button", z.cohorts.write));
    expect(port.called("writeCohorts")[0].args.slice(1)).toEqual([{ by: "quarter", measure: "customers" }, "zh-CN"]);
    expect(bodyText()).toContain(z.cohorts.done("Cohorts", 13));
    // Split by first tier (issue 14 §5): the request says so and the pane says how many triangles.
    await click(get("checkbox", zh.overTimeGaps.cohorts.splitFirstTier));
    await click(get("button", z.cohorts.write));
    expect(port.called("writeCohorts")[1].args.slice(1)).toEqual([{ by: "quarter", measure: "customers", firstTier: true }, "zh-CN"]);
    expect(bodyText()).toContain(zh.overTimeGaps.cohorts.doneSplit("Cohorts", 3));
    expect(query("button", z.rebuild.start)).not.toBeNull();
  });
});
