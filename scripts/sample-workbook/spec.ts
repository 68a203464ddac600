/**
 * What assets/tiering-sample.xlsx holds, as data: the Orders table (assets/sample/sample-orders.csv), a Customers
 * table made from it with TIER.RFM and TIER.ABCCLASS, and the Functions sheet, one worked example per TIER function
 * with its captions in English and Chinese, its formula, and the result our functions compute now, laid out where
 * Excel spills it. The writer (write.ts) turns this into a file and test/sample-workbook.test.ts compares the
 * committed file with it, so the workbook cannot go stale: a function whose result changes fails the test until
 * `node scripts/make-sample-workbook.mjs` is run again.
 *
 * Every function of src/functions/functions.ts needs an entry in EXAMPLES (a function added later fails the test
 * by name); the arguments are written once, as formula text and as the cells Excel would pass (a table column as
 * a one-column range, DATE(…) as its serial, an array constant as its rows), so formula and result cannot disagree.
 */
import * as F from "../../src/functions/functions";
import { serialFromParts } from "../../src/core/cells/dates";
import { call, installExcelGlobals, lang, type CustomFunction } from "../docs/harness";
import { readSampleOrders, type Order } from "./data";

export type Scalar = string | number | boolean | null;
/** A formula cell: its text without "=" (Excel's own function names) and the results it spills from here. */
export interface FormulaCell {
  formula: string;
  result: Scalar[][];
  /** The result starts with a header row (shown in bold). */
  header: boolean;
}
export type CellSpec = Scalar | FormulaCell;
export interface TableSpec {
  name: string;
  /** Top-left cell of the header row. */
  at: string;
  columns: { name: string; numFmt?: string }[];
  rows: Scalar[][];
}
export interface SheetSpec {
  name: string;
  /** Cells outside tables, by address. */
  cells: Map<string, CellSpec>;
  tables: TableSpec[];
  widths: Record<string, number>;
}

/** One argument: how the formula writes it and what Excel passes for it. */
interface Arg {
  text: string;
  value: unknown;
}
interface Example {
  en: string;
  zh: string;
  args: Arg[];
  /** The function's result starts with a header row. */
  header?: boolean;
}

export const AS_OF = { y: 1998, m: 6, d: 30 };
export const BEFORE = { y: 1997, m: 12, d: 31 };
/** The end of the calibration period of the published CDNOW fit (Fader, Hardie & Lee 2005). */
export const CALIBRATION_END = { y: 1997, m: 9, d: 30 };

const date = (p: { y: number; m: number; d: number }): Arg => ({ text: `DATE(${p.y},${p.m},${p.d})`, value: serialFromParts(p.y, p.m, p.d) });
const num = (n: number): Arg => ({ text: String(n), value: n });
const str = (s: string): Arg => ({ text: `"${s}"`, value: s });
const omitted: Arg = { text: "", value: null };
const arrayRow = (cells: (number | string)[]): Arg => ({
  text: `{${cells.map((c) => (typeof c === "string" ? `"${c}"` : String(c))).join(",")}}`,
  value: [cells],
});

/** A two-dimensional array constant ({"a",1,2;"b",3,4}): rows by semicolons, as Excel writes one in English. */
const arrayRows = (rows: (number | string)[][]): Arg => ({
  text: `{${rows.map((r) => r.map((c) => (typeof c === "string" ? `"${c}"` : String(c))).join(",")).join(";")}}`,
  value: rows,
});

/** The upper-case ids of the registered functions (TIER.<ID>), from the exports of src/functions/functions.ts. */
export function registeredFunctions(): string[] {
  return Object.entries(F)
    .filter(([, f]) => typeof f === "function")
    .map(([name]) => name.toUpperCase());
}

/** The function the id names (its export in lower case). */
function functionOf(id: string): CustomFunction {
  const f = (F as Record<string, unknown>)[id.toLowerCase()];
  if (typeof f !== "function") throw new Error(`TIER.${id} is not exported by src/functions/functions.ts`);
  return f as CustomFunction;
}

/** Calls a function as Excel would (English display language) and returns its spill, or throws its message. */
function compute(id: string, args: Arg[]): Scalar[][] {
  installExcelGlobals();
  lang();
  const r = call(functionOf(id), ...args.map((a) => a.value));
  if (!Array.isArray(r)) throw new Error(`TIER.${id} failed on its sample: ${(r as { message?: string }).message}`);
  return (r as unknown[][]).map((row, i) =>
    row.map((c, j) => {
      if (c === null || c === undefined || c === "") return null;
      if (typeof c === "string" || typeof c === "boolean") return c;
      if (typeof c === "number" && Number.isFinite(c)) return c;
      throw new Error(`TIER.${id} sample: cell ${i},${j} is ${JSON.stringify(c)}, which a sheet cannot hold`);
    }),
  );
}

/** The Orders and Customers tables' columns as the ranges Excel passes. */
function tables(orders: Order[]) {
  const column = (values: unknown[]) => values.map((v) => [v]);
  const o = {
    customer: { text: "Orders[customer_id]", value: column(orders.map((r) => Number(r.customer))) },
    date: { text: "Orders[date]", value: column(orders.map((r) => serialFromParts(+r.date.slice(0, 4), +r.date.slice(5, 7), +r.date.slice(8, 10)))) },
    amount: { text: "Orders[amount]", value: column(orders.map((r) => r.amount)) },
  };
  const rfmAt = (p: typeof AS_OF) => compute("RFM", [o.customer, o.date, o.amount, date(p)]);
  const after = rfmAt(AS_OF);
  const before = new Map(rfmAt(BEFORE).slice(1).map((r) => [r[0], r]));
  const head = after[0];
  const at = (name: string) => {
    // By the start of the English header ("Recency (days)"): the words after it may change, the column not.
    const i = head.findIndex((h) => typeof h === "string" && h.startsWith(name));
    if (i < 0) throw new Error(`TIER.RFM has no column ${name}: the sample's Customers table needs it`);
    return i;
  };
  const [id, rec, fr, mon, seg] = ["Customer", "Recency", "Frequency", "Monetary", "Segment"].map(at);
  const rows = after.slice(1);
  const revenueBefore = rows.map((r) => before.get(r[id])?.[mon] ?? null);
  const abc = (values: Scalar[]) => compute("ABCCLASS", [{ text: "", value: column(values) }]).map((r) => r[0]);
  const abcBefore = abc(revenueBefore);
  const abcAfter = abc(rows.map((r) => r[mon]));
  const customerRows: Scalar[][] = rows.map((r, i) => [r[id], r[rec], r[fr], r[mon], before.get(r[id])?.[seg] ?? null, r[seg], revenueBefore[i], abcBefore[i], abcAfter[i]]);
  const names = ["customer_id", "recency_days", "orders", "revenue", "segment_1997", "segment_1998", "revenue_1997", "abc_1997", "abc_1998"];
  const c = Object.fromEntries(names.map((n, k) => [n, { text: `Customers[${n}]`, value: column(customerRows.map((r) => r[k])) }])) as Record<string, Arg>;
  return { o, c, names, customerRows };
}

/** One worked example per function, in the order of the reference (docs/FUNCTIONS.md). */
function examples(o: Record<"customer" | "date" | "amount", Arg>, c: Record<string, Arg>): Record<string, Example> {
  const tx = [o.customer, o.date, o.amount];
  return {
    RFM: {
      header: true,
      en: "RFM scores and segments of each customer from the transactions, as of 30 June 1998.",
      zh: "根据交易记录计算每位客户截至 1998 年 6 月 30 日的 RFM 分值和分群。",
      args: [...tx, date(AS_OF)],
    },
    RFMSCORE: {
      en: "RFM scores and segments from customer-level columns (the Customers table).",
      zh: "根据客户级的列（Customers 表）计算 RFM 分值和分群。",
      args: [c.recency_days, c.orders, c.revenue],
    },
    ABCCLASS: {
      en: "ABC class of each customer's revenue, one per row of the Customers table.",
      zh: "按收入给 Customers 表的每位客户划分 ABC 类别。",
      args: [c.revenue],
    },
    ABCNEXT: {
      en: "The next ABC class up for each customer and how much more revenue reaches it.",
      zh: "每位客户的上一级 ABC 类别，以及还差多少收入可以达到。",
      args: [c.revenue],
    },
    CLV: {
      en: "Lifetime value by the formula: 120 a purchase, 4 a year, 3 years, 30% margin, 10% discount rate.",
      zh: "按公式计算客户终身价值：每次购买 120，每年 4 次，3 年，毛利率 30%，折现率 10%。",
      args: [num(120), num(4), num(3), num(0.3), num(0.1)],
    },
    CLVPREDICT: {
      header: true,
      en: "Predicted purchases and CLV over 12 months (BG/NBD + Gamma-Gamma), fitted up to 30 Sep 1997, with a 30% margin.",
      zh: "用 BG/NBD 和 Gamma-Gamma 模型（拟合截至 1997 年 9 月 30 日）预测未来 12 个月的购买次数和 CLV，毛利率 30%。",
      args: [...tx, date(CALIBRATION_END), num(12), num(0.01), str("week"), str("bgnbd"), num(0.3)],
    },
    CLVFIT: {
      header: true,
      en: "The fitted model parameters, their standard errors and the fit's diagnostics: with only 158 customers, they say what the data cannot pin down.",
      zh: "模型的拟合参数、标准误和拟合诊断：只有 158 位客户，诊断会指出数据不足以确定的部分。",
      args: [...tx, date(CALIBRATION_END)],
    },
    PALIVE: {
      header: true,
      en: "Probability that each customer is still active on 30 June 1998, and the churn risk.",
      zh: "每位客户在 1998 年 6 月 30 日仍然活跃的概率及流失风险。",
      args: [o.customer, o.date, date(AS_OF)],
    },
    NEXTPURCHASE: {
      header: true,
      en: "Chance of a purchase within the next 13 weeks, the expected wait, and who is overdue.",
      zh: "未来 13 周内购买的概率、预计等待时间，以及哪些客户已逾期未购。",
      args: [o.customer, o.date, date(AS_OF), num(13), str("week")],
    },
    LIFECYCLE: {
      header: true,
      en: "Lifecycle stage of each customer on 30 June 1998, judged against the customer's own gap between purchases.",
      zh: "按每位客户自己的购买间隔，判断其在 1998 年 6 月 30 日所处的生命周期阶段。",
      args: [o.customer, o.date, date(AS_OF)],
    },
    MIGRATION: {
      header: true,
      en: "How customers moved between RFM segments from 31 Dec 1997 to 30 June 1998.",
      zh: "从 1997 年 12 月 31 日到 1998 年 6 月 30 日，客户在 RFM 分群之间的迁移。",
      args: [c.customer_id, c.segment_1997, c.customer_id, c.segment_1998],
    },
    PILOT: {
      en: "A 20% pilot group and a control group drawn within each segment (seed 7, reproducible).",
      zh: "在每个分群内抽取 20% 的试点组和对照组（种子 7，可重现）。",
      args: [c.customer_id, c.segment_1998, num(0.2), num(7)],
    },
    SCORE: {
      en: "A weighted score from recency (lower is better), orders and revenue (weights 1, 1, 2) and its tier.",
      zh: "由最近购买天数（越小越好）、订单数和收入（权重 1、1、2）得出的加权评分及其层级。",
      args: [{ text: "Customers[[recency_days]:[revenue]]", value: rowsOf(c, ["recency_days", "orders", "revenue"]) }, arrayRow([1, 1, 2]), arrayRow(["lower", "higher", "higher"])],
    },
    MOVERS: {
      header: true,
      en: "Who moved between ABC classes from 31 Dec 1997 to 30 June 1998, with the revenue change.",
      zh: "从 1997 年 12 月 31 日到 1998 年 6 月 30 日，哪些客户在 ABC 类别之间变动，以及收入的变化。",
      args: [c.customer_id, c.abc_1997, c.customer_id, c.abc_1998, omitted, c.revenue_1997, c.revenue],
    },
    COHORT: {
      header: true,
      en: "Monthly cohort retention: the share of each first-purchase month's customers who bought in each month after.",
      zh: "按月的同期群留存：每个首购月份的客户在之后各月有购买的比例。",
      args: [...tx],
    },
    LEVELS: {
      header: true,
      en: "Membership levels on 30 June 1998: Silver from $50 of spend in the last 12 months (kept at $30), Gold from $200 ($150), Platinum from $500 ($400), reviewed every month-end.",
      zh: "1998 年 6 月 30 日的会员等级：近 12 个月消费满 50 美元为银卡（保级 30 美元），满 200 美元为金卡（150 美元），满 500 美元为铂金（400 美元），每月末评审。",
      args: [...tx, arrayRows([["Silver", 50, 30], ["Gold", 200, 150], ["Platinum", 500, 400]]), date(AS_OF)],
    },
  };
}

/** Several one-column ranges side by side, as a multi-column structured reference passes them. */
function rowsOf(c: Record<string, Arg>, names: string[]): unknown[][] {
  const cols = names.map((n) => c[n].value as unknown[][]);
  return cols[0].map((_, i) => cols.map((col) => col[i][0]));
}

/** The formula text of a call: trailing omitted arguments dropped, as a person writes it. */
function formulaText(id: string, args: Arg[]): string {
  let n = args.length;
  while (n > 0 && args[n - 1] === omitted) n--;
  // Excel saves a JavaScript custom function as _xldudf_<NAMESPACE>_<NAME> and shows it as TIER.<NAME> once the
  // add-in's functions are registered (OfficeDev/office-js#3558, OfficeDev/Excel-Custom-Functions#108).
  return `_xldudf_TIER_${id}(${args.slice(0, n).map((a) => a.text).join(",")})`;
}

/** A1 address of a 0-based row and column. */
export function address(row: number, col: number): string {
  let c = "";
  for (let k = col + 1; k > 0; k = Math.floor((k - 1) / 26)) c = String.fromCharCode(65 + ((k - 1) % 26)) + c;
  return `${c}${row + 1}`;
}

/** The whole workbook, computed now from the repository's files and functions. */
export function sampleWorkbook(root: string): SheetSpec[] {
  const orders = readSampleOrders(root);
  const { o, c, names, customerRows } = tables(orders);
  const all = examples(o, c);
  const missing = registeredFunctions().filter((id) => !(id in all));
  if (missing.length) throw new Error(`no sample in scripts/sample-workbook/spec.ts for ${missing.map((m) => `TIER.${m}`).join(", ")}`);

  const cells = new Map<string, CellSpec>();
  cells.set("A1", "Every TIER function at work · 每个 TIER 函数的实例");
  cells.set("A2", "Each example: what it does, in English and Chinese; the formula; its result, spilled below. Results are saved in the file and recalculate once the Tiering add-in is loaded.");
  cells.set("A3", "每个示例依次为：中英文说明、公式、溢出显示在下方的结果。结果已保存在文件中，加载 Tiering 加载项后会重新计算。");
  let row = 4;
  for (const [id, ex] of Object.entries(all)) {
    const formula = formulaText(id, ex.args);
    cells.set(address(row, 0), `TIER.${id}`);
    cells.set(address(row, 1), ex.en);
    cells.set(address(row + 1, 1), ex.zh);
    cells.set(address(row + 2, 1), `=${formula.replace(/^_xldudf_TIER_/, "TIER.")}`);
    const result = compute(id, ex.args);
    cells.set(address(row + 3, 1), { formula, result, header: ex.header === true });
    row += 3 + result.length + 2;
  }
  const dateFmt = "yyyy-mm-dd";
  return [
    {
      name: "Functions",
      cells,
      tables: [],
      widths: { A: 16, B: 14, C: 14, D: 14, E: 14, F: 14, G: 14, H: 14, I: 14, J: 14 },
    },
    {
      name: "Orders",
      cells: new Map(),
      tables: [
        {
          name: "Orders",
          at: "A1",
          columns: [{ name: "customer_id" }, { name: "date", numFmt: dateFmt }, { name: "amount", numFmt: "0.00" }],
          rows: orders.map((r, i) => [Number(r.customer), (o.date.value as number[][])[i][0], r.amount]),
        },
      ],
      widths: { A: 14, B: 12, C: 10 },
    },
    {
      name: "Customers",
      cells: new Map<string, CellSpec>([
        ["K1", "Made from Orders with TIER.RFM (as of 1997-12-31 and 1998-06-30) and TIER.ABCCLASS of the revenue; values, not formulas."],
        ["K2", "由 Orders 表用 TIER.RFM（截至 1997-12-31 和 1998-06-30）和收入的 TIER.ABCCLASS 算出；是数值，不是公式。"],
      ]),
      tables: [{ name: "Customers", at: "A1", columns: names.map((name) => ({ name })), rows: customerRows }],
      widths: Object.fromEntries("ABCDEFGHI".split("").map((k) => [k, 14])),
    },
  ];
}
