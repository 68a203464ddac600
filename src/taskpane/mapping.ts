/**
 * Guessing which column plays which role (customer, date, amount …) from header texts in English or Chinese,
 * so that a manager who picks a table usually only has to press Run. Pure: no React, no workbook.
 */
import { columnOf, mappingProblems, ROLES, type Role } from "../core/analysis/roles";
import { VOICE_FIELDS } from "../core/tiers/voice";
import type { ColumnMapping } from "../excel/port";

/** Every role unmapped (-1), from the core's one list of roles, so a role added there is here too. */
export const EMPTY_MAPPING: ColumnMapping = Object.fromEntries(ROLES.map((role) => [role, -1])) as ColumnMapping;

/**
 * Header texts as they are compared: lower case, without spaces, underscores, dashes, dots or brackets
 * ("Customer ID", "customer_id" and "CustomerID" are all "customerid"; "客户 编号" is "客户编号").
 */
export function normalizeHeader(text: unknown): string {
  return String(text ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-.·:：/\\()（）[\]【】#'"]+/g, "");
}

/** What each guessed kind of column is called. `exact` names win over names that merely contain a word. */
interface Names {
  exact: readonly string[];
  contains: readonly string[];
}

/** "unitPrice" is a guessing-only kind: with a quantity column it becomes the amount (amount = quantity × price). */
type GuessKind = Exclude<Role, "amount" | "quantity"> | "amount" | "quantity" | "unitPrice";

const NAMES: Record<GuessKind, Names> = {
  customer: {
    exact: [
      "customerid", "customer", "custid", "customerno", "customernumber", "customercode", "customername", "clientid",
      "client", "memberid", "member", "userid", "buyerid", "buyer", "accountid", "custno", "customerkey", "clientno",
      "shopperid", "shopper", "consumerid", "consumer", "patronid", "user", "account", "accountno", "contactid",
      "客户", "客户编号", "客户id", "客户号", "客户名称", "客户代码", "会员", "会员编号", "会员id", "会员号", "用户id",
      "用户", "用户编号", "买家", "买家id", "顾客", "顾客编号", "客户姓名", "用户名", "账号", "会员卡号", "买家昵称",
      "收货人", "消费者", "消费者id",
    ],
    contains: ["customer", "client", "member", "shopper", "consumer", "cust", "buyer", "客户", "会员", "顾客", "买家", "消费者"],
  },
  date: {
    exact: [
      "date", "invoicedate", "orderdate", "purchasedate", "transactiondate", "saledate", "salesdate", "orderdatetime",
      "ordertime", "datetime", "timestamp", "paiddate", "paymentdate", "createdat", "orderedat",
      "purchasedat", "paidat", "txndate", "trandate", "transdate", "invoicetime", "purchasetime",
      "日期", "订单日期", "下单时间", "下单日期", "购买日期", "购买时间", "交易日期", "交易时间", "成交时间", "成交日期",
      "支付时间", "付款时间", "付款日期", "销售日期", "时间", "创建时间", "订单时间", "消费时间", "消费日期",
    ],
    contains: ["date", "日期", "时间", "timestamp", "datetime"],
  },
  unitPrice: {
    exact: ["unitprice", "price", "priceeach", "unitcost", "单价", "价格", "销售单价", "商品单价"],
    contains: ["unitprice", "单价"],
  },
  quantity: {
    exact: ["quantity", "qty", "units", "unitssold", "数量", "件数", "购买数量", "销售数量", "销量"],
    contains: ["quantity", "qty", "数量"],
  },
  amount: {
    exact: [
      "amount", "revenue", "sales", "total", "totalamount", "ordervalue", "orderamount", "orderrevenue", "spend",
      "payment", "paid", "amountpaid", "netsales", "grosssales", "salesamount", "totalprice", "value",
      "dollarvalue", "dollars", "dollaramount", "usd", "gmv", "turnover", "subtotal", "linetotal", "netamount",
      "grossamount", "purchaseamount", "transactionamount", "saleamount", "totalspend", "spent",
      "金额", "销售额", "实付", "实付金额", "订单金额", "消费金额", "收入", "销售金额", "支付金额", "成交金额", "付款金额",
      "营业额", "总额", "总金额", "实收", "实收金额", "消费", "消费额", "营收", "应付金额", "交易金额", "金额元",
      "订单总额", "商品金额", "成交额", "实付款",
    ],
    contains: ["amount", "revenue", "sales", "total", "dollar", "value", "spend", "gmv", "turnover", "金额", "销售额", "实付", "实收", "营业额", "成交额", "消费额"],
  },
  margin: {
    exact: ["margin", "grossmargin", "profit", "grossprofit", "毛利", "毛利润", "利润", "毛利额"],
    contains: ["margin", "profit", "毛利", "利润"],
  },
  category: {
    exact: [
      "category", "productcategory", "segment", "region", "country", "channel", "city", "store",
      "类别", "品类", "分类", "类目", "地区", "区域", "国家", "渠道", "城市", "门店",
    ],
    contains: ["category", "类别", "品类", "类目"],
  },
  extra: {
    exact: ["rating", "score", "评分", "评价"],
    contains: ["rating", "评分"],
  },
  // Issue 15 §4, the voice columns: NPS and satisfaction were the extra measure's words before they had roles.
  nps: {
    exact: [
      "nps", "npsscore", "netpromoterscore", "likelihoodtorecommend", "recommendscore", "recommend", "ltr",
      "净推荐值", "推荐值", "nps评分", "净推荐值评分", "推荐意愿", "推荐分",
    ],
    contains: ["nps", "promoter", "likelihoodtorecommend", "推荐值", "推荐意愿"],
  },
  satisfaction: {
    exact: ["satisfaction", "csat", "satisfactionscore", "customersatisfaction", "满意度", "满意度评分", "客户满意度", "满意分"],
    contains: ["satisfaction", "csat", "满意"],
  },
  complaints: {
    exact: ["complaints", "complaint", "complaintcount", "numberofcomplaints", "tickets", "投诉", "投诉次数", "投诉数", "客诉", "客诉次数"],
    contains: ["complain", "投诉", "客诉"],
  },
  referrals: {
    exact: ["referrals", "referral", "referralcount", "referred", "numberofreferrals", "推荐", "推荐次数", "推荐人数", "转介绍", "转介绍人数", "推荐数"],
    contains: ["referr", "转介绍", "推荐"],
  },
  engagement: {
    exact: ["engagement", "engagementscore", "activity", "activityscore", "活跃度", "互动", "互动度", "参与度", "互动次数", "活跃度评分"],
    contains: ["engagement", "活跃", "互动", "参与度"],
  },
  // Line items: the order (invoice) id that groups them. "InvoiceDate" and "OrderAmount" are taken by the
  // date and amount kinds first, and no contained word here matches them.
  order: {
    exact: [
      "invoiceno", "invoice", "invoicenumber", "invoiceid", "orderid", "order", "orderno", "ordernumber", "ordercode",
      "ordernum", "ordnum", "transactionid", "transactionno", "receiptno", "receiptnumber", "receiptid", "billno",
      "订单号", "订单编号", "订单id", "订单", "单号", "发票号", "发票编号", "发票号码", "交易号", "交易编号", "交易单号",
      "流水号", "小票号", "单据号", "单据编号",
    ],
    contains: ["invoiceno", "invoicenum", "invoiceid", "orderid", "orderno", "ordernum", "订单号", "订单编号", "单号", "发票号", "流水号"],
  },
};

/** The order kinds pick their column: specific kinds before the ones whose words are common. */
const GUESS_ORDER: readonly GuessKind[] = ["customer", "date", "unitPrice", "quantity", "margin", "amount", "order", "category", "nps", "satisfaction", "complaints", "referrals", "engagement", "extra"];

/**
 * Above 2 for an exact name (earlier names in the list score higher: an id beats a name), 1 for a name that
 * contains one of the kind's words, 0 otherwise.
 */
function nameScore(header: string, names: Names): number {
  if (!header) return 0;
  const exact = names.exact.indexOf(header);
  if (exact >= 0) return 2 + 1 / (1 + exact);
  return names.contains.some((word) => header.includes(word)) ? 1 : 0;
}

const ISO_OR_LOCAL_DATE = /^\s*\d{4}([-/.年])\d{1,2}\1?\d{1,2}日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$/;

/** A sampled value that reads as a date without a header saying so (date text; a Date from a stand-in). Serials: `looksLikeSerialDates`. */
function looksLikeDate(value: unknown): boolean {
  return value instanceof Date || (typeof value === "string" && ISO_OR_LOCAL_DATE.test(value));
}

/** Serials of 1900-03-01 (after Excel's phantom 1900-02-29) and 9999-12-31. */
const FIRST_SERIAL = 61;
const LAST_SERIAL = 2958465;

/** Header words that say a column holds a moment (normalized, as `normalizeHeader` gives them). */
const DAY_WORDS = ["day", "dt", "created", "purchased", "ordered", "placed", "paid", "shipped", "visited", "日", "天", "下单", "购买", "成交", "付款"];
const TIME_WORDS = ["time", "when", "时"];

/**
 * A column Excel sent as date serials: every non-blank sampled cell a number from 1900-03-01 to
 * 9999-12-31, and a header with a word of time ("Day", "Purchased", "下单" …), since amounts and zip codes
 * fall in that range too. Dates are whole numbers: at least 80% must be, unless the header says "time" or "when"
 * (date-times carry the time of day as a fraction).
 */
function looksLikeSerialDates(header: string, cells: readonly unknown[]): boolean {
  const time = TIME_WORDS.some((w) => header.includes(w));
  if (!time && !DAY_WORDS.some((w) => header.includes(w))) return false;
  const values = cells.filter((v) => v !== "" && v !== null && v !== undefined);
  if (values.length === 0) return false;
  if (!values.every((v) => typeof v === "number" && v >= FIRST_SERIAL && v <= LAST_SERIAL)) return false;
  const whole = (values as number[]).filter((v) => Number.isInteger(v)).length;
  return time || whole >= 0.8 * values.length;
}

/**
 * The mapping guessed from the header (and, for the date without a helpful header, from the sample rows).
 * Each column plays at most one role. With a unit-price column and a quantity column the amount is their
 * product (`amount` = the unit price, `quantity` set); with an amount column the quantity is left unmapped,
 * because the amount already includes it.
 */
export function guessMapping(header: readonly unknown[], sample: readonly (readonly unknown[])[] = []): ColumnMapping {
  const names = header.map(normalizeHeader);
  const taken = new Set<number>();
  const found: Partial<Record<GuessKind, number>> = {};
  for (const kind of GUESS_ORDER) {
    let best = -1;
    let bestScore = 0;
    names.forEach((name, column) => {
      if (taken.has(column)) return;
      const score = nameScore(name, NAMES[kind]);
      if (score > bestScore) [best, bestScore] = [column, score];
    });
    if (best >= 0) {
      found[kind] = best;
      taken.add(best);
    }
  }
  if (found.date === undefined && sample.length > 0) {
    let column = names.findIndex(
      (_, c) => !taken.has(c) && sample.every((row) => looksLikeDate(row[c])) && sample.some((row) => row[c] !== ""),
    );
    // Excel sends date cells as serial numbers: a column of plausible serials under a header that speaks of time.
    if (column < 0) column = names.findIndex((name, c) => !taken.has(c) && looksLikeSerialDates(name, sample.map((row) => row[c])));
    if (column >= 0) found.date = column;
  }

  const mapping: ColumnMapping = { ...EMPTY_MAPPING };
  mapping.customer = found.customer ?? -1;
  mapping.date = found.date ?? -1;
  if (found.amount !== undefined) {
    mapping.amount = found.amount;
  } else if (found.unitPrice !== undefined && found.quantity !== undefined) {
    mapping.amount = found.unitPrice;
    mapping.quantity = found.quantity;
  } else if (found.unitPrice !== undefined) {
    mapping.amount = found.unitPrice;
  }
  mapping.margin = found.margin ?? -1;
  mapping.category = found.category ?? -1;
  mapping.extra = found.extra ?? -1;
  mapping.order = found.order ?? -1;
  for (const role of VOICE_FIELDS) mapping[role] = found[role] ?? -1;
  return mapping;
}

/** A saved mapping in the current shape: one saved before the order (or the voice) columns existed has them unmapped. */
export function completeMapping(saved: Partial<ColumnMapping>): ColumnMapping {
  return { ...EMPTY_MAPPING, ...saved };
}

/** Keeps a saved mapping when it still fits the header; otherwise guesses afresh. */
export function mappingFor(saved: ColumnMapping | null, header: readonly unknown[], sample: readonly (readonly unknown[])[]): ColumnMapping {
  const full = saved && ROLES.some((role) => saved[role] === undefined) ? completeMapping(saved) : saved;
  if (full && mappingProblems(full, header.length).length === 0) return full;
  return guessMapping(header, sample);
}

/**
 * The mapping for a newly chosen source: when every column the current mapping uses is in the new header under
 * the same name (another month's table, the same export again), each role keeps its column, found by name, so
 * the person's choices survive (issue 17); otherwise the new header is guessed afresh.
 */
export function carryMapping(
  current: { header: readonly unknown[]; mapping: ColumnMapping } | null,
  header: readonly unknown[],
  sample: readonly (readonly unknown[])[],
): ColumnMapping {
  if (!current) return guessMapping(header, sample);
  const names = header.map(normalizeHeader);
  const carried: ColumnMapping = { ...EMPTY_MAPPING };
  let used = 0;
  for (const role of ROLES) {
    const column = columnOf(current.mapping, role);
    if (column < 0) continue;
    const name = normalizeHeader(current.header[column]);
    const at = name ? names.indexOf(name) : -1;
    if (at < 0) return guessMapping(header, sample);
    carried[role] = at;
    used++;
  }
  return used > 0 && mappingProblems(carried, header.length).length === 0 ? carried : guessMapping(header, sample);
}
