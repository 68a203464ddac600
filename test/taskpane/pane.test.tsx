// @vitest-environment happy-dom
/** The pane clicked through against a fake workbook port: data, mapping, run, progress, cancel, errors, charts. */
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/taskpane/App";
import { messages } from "../../src/i18n";
import type { SegmentRule } from "../../src/core/tiers/segments";
import { MAX_CLV_MONTHS } from "../../src/core/models/predict";
import type { AnalysisSettings } from "../../src/excel/port";
import { EMPTY_MAPPING } from "../../src/taskpane/mapping";
import { bodyText, choose, cleanup, click, get, query, render, settle, type } from "./support/dom";
import { paneWithSelection } from "./support/pane";
import { FakePort, REPORT } from "./support/fake-port";
import { act } from "react";
import { postNotice } from "../../src/excel/notices";

const en = messages("en");
const zh = messages("zh-CN");

afterEach(cleanup);


describe("pane: data", () => {
  it("lists the workbook's tables and reads the selection's header, guessing every column", async () => {
    const port = await paneWithSelection();
    expect(port.called("listTables").length).toBeGreaterThan(0);
    // The port words its errors in the pane's language.
    expect(port.called("listTables")[0].args).toEqual(["en"]);
    expect(port.called("loadSettings")[0].args).toEqual(["en"]);
    expect(port.called("previewSelection")).toEqual([{ method: "previewSelection", args: ["auto"] }]);
    expect((get("checkbox", en.pane.hasHeader) as HTMLInputElement).checked).toBe(true);
    expect(bodyText()).toContain(en.pane.headerDetected);
    expect(bodyText()).toContain(en.pane.sourceSummary("Orders!A1:F20001", "20,000"));
    // Quantity × unit price: the amount dropdown is labelled "Unit price".
    expect(get("combobox", en.pane.roles.customer).textContent).toContain("CustomerID");
    expect(get("combobox", en.pane.roles.date).textContent).toContain("InvoiceDate");
    expect(get("combobox", en.pane.amountAsUnitPrice).textContent).toContain("UnitPrice");
    expect(get("combobox", en.pane.roles.quantity).textContent).toContain("Quantity");
    expect(get("combobox", en.pane.roles.category).textContent).toContain("Country");
    expect(get("combobox", en.pane.roles.order).textContent).toContain("InvoiceNo");
    expect(bodyText()).toContain(en.pane.roleHints.order);
    expect(get("combobox", en.pane.roles.margin).textContent).toContain(en.pane.notMapped);
  });

  it("shows a detected header-less source unchecked, and reads it again with a header when the person checks the box", async () => {
    const port = new FakePort();
    port.detectedHeader = false;
    await paneWithSelection(port);
    const box = () => get("checkbox", en.pane.hasHeader) as HTMLInputElement;
    expect(box().checked).toBe(false);
    expect(bodyText()).toContain(en.pane.headerDetected);
    expect(bodyText()).toContain(en.pane.sourceSummary("Orders!A1:F20001", "20,001"));
    await click(box());
    expect(port.called("previewSource").at(-1)?.args).toEqual([{ kind: "range", sheet: "Orders", address: "A1:F20001" }, true]);
    expect(box().checked).toBe(true);
    expect(bodyText()).not.toContain(en.pane.headerDetected);
    expect(get("combobox", en.pane.roles.customer).textContent).toContain("CustomerID");
  });

  it("picks an Excel table from the dropdown and maps a column by hand", async () => {
    const port = new FakePort();
    await render(<App initialLocale="en" theme="light" port={port} />);
    await choose(get("combobox", en.pane.tableLabel), "Orders (Orders, 20,000)");
    expect(port.called("previewSource")[0].args).toEqual([{ kind: "table", name: "Orders" }, "auto"]);
    await choose(get("combobox", en.pane.roles.quantity), en.pane.notMapped);
    await choose(get("combobox", en.pane.roles.order), en.pane.notMapped);
    expect(get("combobox", en.pane.roles.amount).textContent).toContain("UnitPrice");
    await choose(get("combobox", en.pane.roles.extra), "InvoiceNo");
    await click(get("button", en.pane.run));
    const [settings] = port.called("run")[0].args as [AnalysisSettings];
    expect(settings.source).toEqual({ kind: "table", name: "Orders" });
    expect(settings.mapping).toEqual({ ...EMPTY_MAPPING, customer: 4, date: 2, amount: 3, category: 5, extra: 0 });
  });

  it("reads the source again without a header when the checkbox is cleared", async () => {
    const port = await paneWithSelection();
    await click(get("checkbox", en.pane.hasHeader));
    expect(port.called("previewSource").at(-1)?.args).toEqual([{ kind: "range", sheet: "Orders", address: "A1:F20001" }, false]);
    expect(bodyText()).toContain(en.pane.sourceSummary("Orders!A1:F20001", "20,001"));
    expect(get("combobox", en.pane.roles.customer).textContent).toContain(en.pane.notMapped);
  });
});

describe("pane: run", () => {
  it("runs with the form's settings, saves them, and reports the data quality with a link to the first bad cell", async () => {
    const port = await paneWithSelection();
    await type(get("textbox", en.pane.aCut), "70");
    await click(get("button", en.pane.run));
    const [settings, locale] = port.called("run")[0].args as [AnalysisSettings, string];
    expect(locale).toBe("en");
    expect(settings.abc).toEqual({ aCut: 0.7, bCut: 0.95, basis: "revenue", method: "fixed" });
    expect(settings.rfm?.scheme).toBe("rfm");
    expect(port.saved).toEqual(settings);

    const text = bodyText();
    expect(text).toContain(en.pane.runDone("3,210", "Tiers", "Tier Summary"));
    expect(text).toContain(en.pane.quality("20,000", "14,512"));
    expect(text).toContain(
      en.pane.leftOut("5,488", `${en.pane.reasonCount("5,078", en.pane.reasons.blankCustomer)}; ${en.pane.reasonCount("410", en.pane.reasons.returns)}`),
    );
    expect(text).toContain(REPORT.pivotNote);
    expect(text).not.toContain(en.pane.qualityOrders("0").split("0")[0]);
    await click(get("link", en.pane.showFirstProblem("Orders!E2")));
    expect(port.called("selectCell")[0].args).toEqual([{ sheet: "Orders", address: "E2" }, "en"]);
    // The run saved its settings itself: the pane does not save them a second time.
    expect(port.called("saveSettings")).toEqual([]);
  });

  it("runs with the guessed order column and says how many orders the rows formed", async () => {
    const port = await paneWithSelection();
    port.report = { ...REPORT, quality: { ...REPORT.quality, orders: 8144 } };
    await click(get("button", en.pane.run));
    const [settings] = port.called("run")[0].args as [AnalysisSettings];
    expect(settings.mapping.order).toBe(0);
    expect(bodyText()).toContain(`${en.pane.quality("20,000", "14,512")} ${en.pane.qualityOrders("8,144")}`);
  });

  it("says what to fix instead of running when the form is incomplete", async () => {
    const port = new FakePort();
    await render(<App initialLocale="en" theme="light" port={port} />);
    await click(get("button", en.pane.run));
    expect(port.called("run")).toEqual([]);
    expect(bodyText()).toContain(en.pane.cannotRun);
    expect(bodyText()).toContain(en.pane.problems.noSource);
  });

  it("shows progress while running and cancels with the Cancel button", async () => {
    const port = await paneWithSelection();
    port.holdRun();
    await click(get("button", en.pane.run));
    const bar = document.querySelector("[role=progressbar]");
    expect(bar?.getAttribute("aria-valuenow")).toBe("0.5");
    // The phase is announced: a polite live region, mounted before the run started.
    const phase = document.querySelector("[data-testid=run-phase]")!;
    expect(phase.getAttribute("aria-live")).toBe("polite");
    expect(phase.textContent).toBe(en.pane.phases.compute);
    // Run cannot be pressed again but keeps its place in the tab order (and the focus, when it has it).
    const run = get("button", en.pane.run) as HTMLButtonElement;
    expect(run.getAttribute("aria-disabled")).toBe("true");
    expect(run.disabled).toBe(false);
    await click(run);
    expect(port.called("run")).toHaveLength(1);
    // Cancel from the keyboard: when Cancel goes away, the focus comes back to Run, not to the page.
    const cancel = get("button", en.pane.cancel) as HTMLButtonElement;
    await act(async () => cancel.focus());
    await click(cancel);
    expect(bodyText()).toContain(en.pane.cancelled);
    expect(query("button", en.pane.cancel)).toBeNull();
    expect(document.activeElement).toBe(get("button", en.pane.run));
    expect(phase.textContent).toBe("");
    expect(port.saved).toBeNull();
  });

  it("shows the port's sentence in an error message bar when the run fails", async () => {
    const port = await paneWithSelection();
    port.runError = new Error("The table Orders has no data rows; add rows below its header.");
    await click(get("button", en.pane.run));
    expect(bodyText()).toContain(en.pane.runFailed);
    expect(bodyText()).toContain("The table Orders has no data rows; add rows below its header.");
    expect(document.querySelector(".fui-MessageBar")).not.toBeNull();
  });

  it("restores saved settings on start (saved before Predict and the score existed: both off), so pressing Run repeats the analysis", async () => {
    const saved: Omit<AnalysisSettings, "predict" | "score"> = {
      source: { kind: "table", name: "Orders" },
      hasHeader: true,
      mapping: { ...EMPTY_MAPPING, customer: 4, date: 2, amount: 3, quantity: 1 },
      asOf: "2011-12-10",
      dayOrder: "dmy",
      rfm: { bins: 4, breakpoints: null, scheme: "cn8" },
      abc: null,
      clv: null,
      summaryBy: "segment",
      strategies: {},
    };
    const port = new FakePort(saved as AnalysisSettings);
    await render(<App initialLocale="en" theme="light" port={port} />);
    expect(bodyText()).toContain(en.pane.settingsRestored);
    expect((get("textbox", en.pane.bins) as HTMLInputElement).value).toBe("4");
    expect((get("switch", en.pane.predictToggle) as HTMLInputElement).checked).toBe(false);
    expect((get("checkbox", en.pane.score.toggle) as HTMLInputElement).checked).toBe(false);
    await click(get("button", en.pane.run));
    expect(port.called("run")[0].args[0]).toEqual({ ...saved, predict: null, score: null });
  });

  it("edits custom segment rules in the grid", async () => {
    const port = await paneWithSelection();
    await click(get("radio", en.pane.schemes.custom));
    expect(document.querySelector("[data-testid=rules-grid]")).not.toBeNull();
    const firstName = get("textbox", en.pane.ruleCell("1", en.pane.ruleName)) as HTMLInputElement;
    expect(firstName.value).toBe(en.segments.champions);
    await type(firstName, "VIP");
    await click(get("button", en.pane.removeRule("5")));
    await click(get("button", en.pane.addRule));
    await click(get("button", en.pane.run));
    expect(bodyText()).toContain(en.pane.problems.ruleName("5"));
    await type(get("textbox", en.pane.ruleCell("5", en.pane.ruleName)), "Rest");
    await click(get("button", en.pane.run));
    const [settings] = port.called("run")[0].args as [AnalysisSettings];
    // The custom scheme is the rules themselves, as the core takes them (issue 10: one settings shape).
    const rules = settings.rfm?.scheme;
    expect(Array.isArray(rules)).toBe(true);
    if (!Array.isArray(rules)) return;
    expect(rules.map((r: SegmentRule) => r.name)).toEqual(["VIP", en.segments.loyalCustomers, en.segments.newCustomers, en.segments.atRisk, "Rest"]);
    expect(rules[0]).toEqual({ name: "VIP", r: [4, 5], f: [4, 5], m: [4, 5] });
  });
});

describe("pane: Predict CLV & churn", () => {
  it("the switch puts predict settings in the run's and the saved settings; More options holds the lifecycle thresholds", async () => {
    const port = await paneWithSelection();
    expect(query("textbox", en.pane.predict.horizonMonths)).toBeNull();
    await click(get("switch", en.pane.predictToggle));
    await choose(get("combobox", en.pane.predict.unit), en.pane.predict.units.month);
    await type(get("textbox", en.pane.predict.horizonMonths), "24");
    await type(get("textbox", en.pane.predict.monthlyDiscount), "2");
    expect(query("textbox", en.pane.predict.churnCapDays)).toBeNull();
    await click(get("button", en.pane.predict.moreOptions));
    await type(get("textbox", en.pane.predict.churnCapDays), "365");
    await type(get("textbox", en.pane.predict.cantLoseShare), "10");
    await click(get("button", en.pane.run));
    const [settings] = port.called("run")[0].args as [AnalysisSettings];
    expect(settings.predict).toEqual({
      unit: "month",
      horizonMonths: 24,
      monthlyDiscount: 0.02,
      newDays: 30,
      activeMultiple: 1.5,
      silentMultiple: 3,
      churnCapDays: 365,
      cantLoseShare: 0.1,
      cantLoseRisk: 0.5,
    });
    expect(port.saved).toEqual(settings);
  });

  it("says what to fix in a predict field, shows the predict phase while running, and the note when the models could not be fitted", async () => {
    const port = await paneWithSelection();
    await click(get("switch", en.pane.predictToggle));
    // The core's horizon rule (whole months, 0 up to its limit; issue 10: one rule), so a fraction, not 0, is refused.
    await type(get("textbox", en.pane.predict.horizonMonths), "1.5");
    await click(get("button", en.pane.run));
    expect(port.called("run")).toEqual([]);
    expect(bodyText()).toContain(en.pane.problems.predict(en.pane.predict.horizonMonths, "1.5", en.pane.problems.predictRules.horizonMonths(MAX_CLV_MONTHS)));
    await type(get("textbox", en.pane.predict.horizonMonths), "12");

    port.progress = [{ phase: "predict", fraction: 0.35 }];
    port.holdRun();
    await click(get("button", en.pane.run));
    expect(bodyText()).toContain(en.pane.phases.predict);
    const note = "No CLV and churn prediction: nobody bought twice.";
    port.report = { ...REPORT, sheets: { ...REPORT.sheets, churn: "Churn warning" }, predictNote: note };
    port.finishRun();
    await settle();
    expect(document.querySelector("[data-testid=predict-note]")?.textContent).toContain(note);
    expect(bodyText()).toContain(en.pane.predictMissing);
    expect(bodyText()).not.toContain(en.pane.churnDone("Churn warning"));
  });

  it("says where the churn warning list is after a run that fitted the models", async () => {
    const port = await paneWithSelection();
    port.report = { ...REPORT, sheets: { ...REPORT.sheets, churn: "Churn warning" }, predictNote: null };
    await click(get("switch", en.pane.predictToggle));
    await click(get("button", en.pane.run));
    expect(bodyText()).toContain(en.pane.churnDone("Churn warning"));
    expect(document.querySelector("[data-testid=predict-note]")).toBeNull();
  });
});

describe("pane: charts and language", () => {
  it("builds the chosen chart and says where, or shows the port's sentence", async () => {
    const port = await paneWithSelection();
    await choose(get("combobox", en.pane.chartKind), en.pane.charts.pareto);
    await click(get("button", en.pane.buildChart));
    expect(port.called("buildChart")[0].args).toEqual(["pareto"]);
    expect(bodyText()).toContain(en.pane.chartDone(en.pane.charts.pareto, "Tier Summary"));
    port.chartError = new Error("Run the analysis first; there is no summary sheet yet.");
    await click(get("button", en.pane.buildChart));
    expect(bodyText()).toContain(en.pane.chartFailed);
    expect(bodyText()).toContain("Run the analysis first");
  });

  it("says when the saved analysis could not be loaded, and starts from the defaults", async () => {
    const port = new FakePort();
    port.loadError = new Error("the setting is not valid JSON");
    await render(<App initialLocale="en" theme="light" port={port} />);
    await settle();
    expect(bodyText()).toContain(en.pane.settingsNotLoaded("the setting is not valid JSON"));
  });

  it("shows what a ribbon command posts (why Build tier chart could not build), until dismissed", async () => {
    await paneWithSelection();
    expect(query("alert", /Run the analysis first/)).toBeNull();
    await act(async () => postNotice(window, { intent: "error", message: "Run the analysis first; there is no summary sheet yet." }));
    expect(get("alert", /Run the analysis first/)).toBeTruthy();
    await click(get("button", en.pane.dismiss));
    expect(query("alert", /Run the analysis first/)).toBeNull();
  });

  it("switches to Chinese and runs with the Chinese locale", async () => {
    const port = await paneWithSelection();
    await click(get("radio", "中文"));
    expect(get("button", zh.pane.run)).toBeTruthy();
    expect(bodyText()).toContain(zh.pane.dataHeading);
    expect(bodyText()).not.toContain(en.pane.analysisHeading);
    await click(get("button", zh.pane.run));
    expect(port.called("run")[0].args[1]).toBe("zh-CN");
    expect(bodyText()).toContain(zh.pane.quality("20,000", "14,512"));
    // Reasons joined with the Chinese separator; the chart named by its kind in Chinese.
    expect(bodyText()).toContain(`${zh.pane.reasonCount("5,078", zh.pane.reasons.blankCustomer)}${zh.pane.reasonSeparator}`);
    await click(get("button", zh.pane.buildChart));
    expect(bodyText()).toContain(zh.pane.chartDone(zh.pane.charts.column, "Tier Summary"));
    // The same words for the same columns in the pane and in the workbook's sentences.
    expect(zh.pane.roles.category).toBe(zh.workbook.roles.category);
    expect(zh.pane.roles.extra).toBe(zh.workbook.roles.extra);
    expect(en.pane.roles.extra.toLowerCase()).toBe(en.workbook.roles.extra);
    expect(port.called("selectCell")).toEqual([]);
    expect(port.called("listTables").every((c) => c.args[0] === "en" || c.args[0] === "zh-CN")).toBe(true);
  });

  it("says it needs Excel when there is no workbook", async () => {
    await render(<App initialLocale="zh-CN" theme="dark" />);
    await settle();
    expect(bodyText()).toContain(zh.pane.noWorkbook);
    expect(query("button", zh.pane.run)).toBeNull();
  });
});
