// @vitest-environment happy-dom
/**
 * Choosing the data (issue 17 "Pane"): an empty or one-cell selection is refused when it is chosen, not at Run;
 * another table with the same columns keeps the mapping; `dollar_value`, `revenue`, 金额 … are guessed as the
 * amount. And Predict's purchase model (issue 13 §5): Pareto/NBD can be chosen and reaches the run's settings.
 */
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/taskpane/App";
import { messages } from "../../src/i18n";
import type { AnalysisSettings, HeaderChoice, SourcePreview } from "../../src/excel/port";
import { carryMapping, EMPTY_MAPPING, guessMapping } from "../../src/taskpane/mapping";
import { selectionProblem } from "../../src/taskpane/selection";
import { bodyText, choose, cleanup, click, get, render } from "./support/dom";
import { paneWithSelection } from "./support/pane";
import { FakePort, ORDERS_HEADER } from "./support/fake-port";

const en = messages("en");
const zh = messages("zh-CN");

afterEach(cleanup);

const range = (address: string, header: string[], sample: unknown[][], rows: number, hasHeader = true): SourcePreview => ({
  source: { kind: "range", sheet: "Sheet1", address },
  header,
  hasHeader,
  headerDetected: true,
  sample,
  rows,
});

/** A port whose selection is one given preview. */
class SelectionPort extends FakePort {
  constructor(private readonly shown: SourcePreview) {
    super();
  }
  override async previewSelection(hasHeader: HeaderChoice) {
    this.log("previewSelection", hasHeader);
    return this.shown;
  }
}

describe("selectionProblem", () => {
  it("refuses an empty selection, a lone cell, too few columns and a header without rows, in both languages", () => {
    expect(selectionProblem(range("A1", ["Column A"], [[""]], 1, false), en)).toBe(en.predictRest.data.selectionEmpty("Sheet1!A1"));
    expect(selectionProblem(range("B2", ["Customer"], [], 0), en)).toBe(en.predictRest.data.selectionOneCell("Sheet1!B2"));
    expect(selectionProblem(range("A1:B9", ["Customer", "Date"], [["a", 1]], 8), zh)).toBe(zh.predictRest.data.selectionTooNarrow("Sheet1!A1:B9", 2));
    expect(selectionProblem(range("A1:C1", ["Customer", "Date", "Amount"], [], 0), en)).toBe(en.predictRest.data.selectionNoRows("Sheet1!A1:C1"));
    expect(selectionProblem(range("A1:C3", ["Customer", "Date", "Amount"], [["a", 40000, 3]], 2), en)).toBeNull();
    // An Excel table is the port's to judge.
    expect(selectionProblem({ ...range("A1", ["Customer"], [], 0), source: { kind: "table", name: "T" } }, en)).toBeNull();
  });

  it("the pane says so when the selection is taken, and keeps no source", async () => {
    const port = new SelectionPort(range("D4", ["Column D"], [[""]], 1, false));
    await render(<App initialLocale="en" theme="light" port={port} />);
    await click(get("button", en.pane.useSelection));
    expect(bodyText()).toContain(en.predictRest.data.selectionEmpty("Sheet1!D4"));
    expect(document.querySelector("[data-testid=source-summary]")).toBeNull();
    await click(get("button", en.pane.run));
    expect(port.called("run")).toHaveLength(0);
  });

  it("in Chinese too", async () => {
    const port = new SelectionPort(range("B2", ["客户"], [], 0));
    await render(<App initialLocale="zh-CN" theme="light" port={port} />);
    await click(get("button", zh.pane.useSelection));
    expect(bodyText()).toContain(zh.predictRest.data.selectionOneCell("Sheet1!B2"));
  });
});

describe("the mapping when another source is chosen", () => {
  it("keeps each role's column, found by name, when the new header has the mapped columns", () => {
    const before = { header: ["id", "when", "paid", "note"], mapping: { ...EMPTY_MAPPING, customer: 0, date: 1, amount: 2, extra: 3 } };
    expect(carryMapping(before, ["note", "id", "when", "paid"], [])).toEqual({ ...EMPTY_MAPPING, customer: 1, date: 2, amount: 3, extra: 0 });
    // A mapped column missing: guessed afresh.
    expect(carryMapping(before, ["customer_id", "date", "revenue"], [])).toEqual(guessMapping(["customer_id", "date", "revenue"]));
    expect(carryMapping(null, ["customer_id", "date", "revenue"], [])).toEqual(guessMapping(["customer_id", "date", "revenue"]));
  });

  it("the pane keeps a hand-made mapping when a table with the same columns is chosen", async () => {
    const port = await paneWithSelection();
    await choose(get("combobox", en.pane.roles.extra), "InvoiceNo");
    await choose(get("combobox", en.pane.roles.order), en.pane.notMapped);
    await choose(get("combobox", en.pane.tableLabel), "Orders (Orders, 20,000)");
    await click(get("button", en.pane.run));
    const [settings] = port.called("run")[0].args as [AnalysisSettings];
    expect(settings.source).toEqual({ kind: "table", name: "Orders" });
    const column = (name: string) => ORDERS_HEADER.indexOf(name);
    expect(settings.mapping.extra).toBe(column("InvoiceNo"));
    expect(settings.mapping.order).toBe(-1);
  });
});

describe("header guesses", () => {
  it("reads dollar_value, revenue, sales, 金额, 销售额, 实付 … as the amount", () => {
    for (const amount of ["dollar_value", "Revenue", "sales", "金额", "销售额", "实付", "GMV", "Net amount", "实收金额", "消费额", "Order Total", "turnover"]) {
      expect(guessMapping(["customer_id", "date", amount]).amount, amount).toBe(2);
    }
  });

  it("reads customer and date headers as broadly", () => {
    for (const customer of ["Cust No", "shopper_id", "会员卡号", "用户名", "buyer", "Consumer"]) expect(guessMapping([customer, "date", "amount"]).customer, customer).toBe(0);
    for (const date of ["created_at", "Purchased At", "txn_date", "消费时间", "创建时间", "Order Timestamp"]) expect(guessMapping(["customer", date, "amount"]).date, date).toBe(1);
    // CDNOW's own header.
    expect(guessMapping(["customer_id", "date", "number_of_cds", "dollar_value"])).toMatchObject({ customer: 0, date: 1, amount: 3 });
  });
});

describe("Predict's purchase model", () => {
  it("offers Pareto/NBD beside BG/NBD and puts the choice in the run's settings", async () => {
    const port = await paneWithSelection();
    await click(get("switch", en.pane.predictToggle));
    expect(get("combobox", en.predictRest.model.label).textContent).toContain(en.predictRest.model.bgnbd);
    await choose(get("combobox", en.predictRest.model.label), en.predictRest.model.paretoNbd);
    await click(get("button", en.pane.run));
    const [settings] = port.called("run")[0].args as [AnalysisSettings];
    expect(settings.predict?.model).toBe("paretoNbd");
  });
});
