/**
 * The ribbon's "Build tier chart" against the in-memory workbook: it builds the kind chosen last (a column
 * chart at first), and when it cannot, it opens the pane and posts the reason there.
 */
import { describe, expect, it } from "vitest";
import { buildTierChartWith } from "../../src/commands/commands";
import { onNotice, postNotice, type Notice } from "../../src/excel/notices";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { bookWithTransactions, settingsFor, transactions } from "../excel/helpers";

function deps(port: Parameters<typeof buildTierChartWith>[0]["port"], locale: "en" | "zh-CN" = "en") {
  const notices: Notice[] = [];
  let paneShown = 0;
  return {
    notices,
    shown: () => paneShown,
    run: () =>
      buildTierChartWith({
        port,
        locale,
        notify: (n) => notices.push(n),
        showPane: async () => {
          paneShown++;
        },
      }),
  };
}

describe("ribbon: Build tier chart", () => {
  const rows = transactions(60, 3);

  it("before any run: opens the pane and says to run the analysis first", async () => {
    const { port } = bookWithTransactions(rows);
    const d = deps(port, "zh-CN");
    await d.run();
    expect(d.shown()).toBe(1);
    expect(d.notices).toEqual([{ intent: "error", message: zhCN.workbook.errors.noRun }]);
  });

  it("after a run: builds a column chart, then the kind built last from the pane", async () => {
    const { book, port } = bookWithTransactions(rows);
    await port.run(settingsFor(rows.length), { locale: "en" });
    const d = deps(port);
    await d.run();
    expect(d.shown()).toBe(0);
    expect(d.notices[0].intent).toBe("success");
    expect(book.charts().map((c) => c.type)).toEqual(["ColumnClustered"]);
    await port.buildChart("pie", "en");
    await d.run();
    const types = book.charts().map((c) => c.type);
    // The pie again, replaced in place: one pie, one column chart.
    expect(types.filter((t) => t === "Pie")).toHaveLength(1);
    expect(types).toContain("ColumnClustered");
    const pie = book.charts().find((c) => c.type === "Pie")!;
    expect(d.notices[1]).toEqual({ intent: "success", message: en.pane.chartDone(pie.name, "Tier Summary") });
  });
});

describe("notices", () => {
  it("reach every listener until it stops listening", () => {
    const target = new EventTarget();
    const seen: Notice[] = [];
    const stop = onNotice(target, (n) => seen.push(n));
    postNotice(target, { intent: "error", message: "a" });
    stop();
    postNotice(target, { intent: "error", message: "b" });
    expect(seen).toEqual([{ intent: "error", message: "a" }]);
  });

  it("keep a notice posted before the pane listened, and show it once", () => {
    const target = new EventTarget();
    postNotice(target, { intent: "error", message: "early" });
    const first: Notice[] = [];
    onNotice(target, (n) => first.push(n));
    const second: Notice[] = [];
    onNotice(target, (n) => second.push(n));
    expect(first).toEqual([{ intent: "error", message: "early" }]);
    expect(second).toEqual([]);
  });
});
