/** How date and number text in cells is read, and the few numbers of the prose derived from earlier sections. */
import { serialFromParts, serialToIsoDate, parseDateText, isSerialInRange, MIN_SERIAL } from "../../../src/core/cells/dates";
import { parseNumberText } from "../../../src/core/cells/coerce";
import { table, r4, type Values } from "../markdown";

export function parsingSection(done: Values): Values {
  const V: Values = {};
  const dl = ["2024-01-05","2024/1/5","2024.1.5","20240105","2024年1月5日","2024年1月5号","1/5/2024","2024-01-05 13:30","2024-01-05T13:30:00Z","31/01/2024","5 Jan 2024","1899-12-31"];
  const rowsD = (l: "en" | "zh") => dl.map((t) => { const v = parseDateText(t); return ["`\"" + t + "\"`", Number.isNaN(v) ? (l === "en" ? "not a date (error)" : "不是日期（报错）") : !isSerialInRange(v) ? (l === "en" ? "out of range (error)" : "超出范围（报错）") : serialToIsoDate(v) + (v % 1 ? (l === "en" ? " (time ignored)" : "（忽略时刻）") : "")]; });
  V.date_table_en = table(["Text in the cell", "Read as"], rowsD("en"));
  V.date_table_zh = table(["单元格中的文本", "读作"], rowsD("zh"));
  const nl = ["1234.5","1,234.50","1，234","¥1,234","￥1,234","$ 12","€600","£5","RMB 100","12 元","-5","−5","(5.00)","$-5","12%","--5","1.234,5","1 234","0x10"];
  const rowsN = (l: "en" | "zh") => nl.map((t) => { const v = parseNumberText(t); return ["`\"" + t + "\"`", Number.isNaN(v) ? (l === "en" ? "not a number (error)" : "不是数字（报错）") : String(v)]; });
  V.num_table_en = table(["Text in the cell", "Read as"], rowsN("en"));
  V.num_table_zh = table(["单元格中的文本", "读作"], rowsN("zh"));
  V.date_serial = String(serialFromParts(2024, 1, 5));
  V.min_date = serialToIsoDate(MIN_SERIAL);
  V.rs_pos = [1, 2, 3, 4].map((k) => String(1 + ((Number(done.rs_n) - 1) * k) / 5)).join(", ");
  V.clv_d_r4 = r4(Number(done.clv_d));
  V.clv_d25_r4 = r4(Number(done.clv_d25));
  V.abc_share_k03 = r4(70500 / Number(done.abc_pos_total));
  V.abc_cum_k05 = r4(88500 / Number(done.abc_pos_total));
  return V;
}
