/**
 * The example inputs the reference shows, shared by the sections that show them (a function's own
 * section, its error tables, the command line and the checks behind the prose). Functions, not
 * constants, so nothing is read or computed when the module is imported.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serialFromParts } from "../../src/core/cells/dates";
import { col } from "./harness";
import { DATA } from "./paths";

/** The TIER.RFM example: 14 purchases as people type them (date cells, date text, amounts with currency). */
export function rfmExample() {
  const d = (y: number, m: number, dd: number) => serialFromParts(y, m, dd);
  const cust = ["C001","C002","C001","C003","C004","C002","C005","C001","C006","C003","C007","C002","C008","C001"];
  const dates: unknown[] = [d(2024,1,5),"2024/1/8","2024年2月10日","2024-02-14",d(2024,2,20),"2024-03-01","2024/3/3",d(2024,3,10),"2024-01-20","2024-03-15","2024-02-02","2024-03-20","2024-03-22","2024-03-28"];
  const amts: unknown[] = [120,"¥1,250.00",80,"$45",300,"€600",35,"1,000",60,90,15,"2,400",500,150];
  return { cust, dates, amts };
}

/** The TIER.RFMSCORE example: recency, frequency and monetary per customer, one row blank. */
export function rfmScoreExample() {
  const rr: unknown[] = [2,5,12,20,35,48,60,90,"",150,200,365];
  const ff: unknown[] = [15,9,3,6,1,4,2,7,"",1,2,1];
  const mm: unknown[] = ["¥8,200","3,100",420,"1,650",90,"980",150,"2,750","",60,310,25];
  const ids = ["K01","K02","K03","K04","K05","K06","K07","K08","","K10","K11","K12"];
  return { rr, ff, mm, ids };
}

/** The rules range of the examples (name, R min, R max, F min, F max, M min, M max). */
export function rulesRange() {
  return [["Name","R min","R max","F min","F max","M min","M max"],["VIP",4,"",4,"",4,""],["Lapsed","",2,"","","",""]];
}

/** The TIER.ABCCLASS example: revenue per customer, with a blank, a zero and a negative value. */
export function abcExample() {
  // K09 is negative, not 0: since issue 11 TIER.ABCCLASS reads 0 as blank (Excel on Windows sends empty cells as 0).
  const abcIn: unknown[] = ["¥52,000","18,500",9000,"",9000,4200,1800,"$500",-50,-300];
  const abcIds = ["K01","K02","K03","K04","K05","K06","K07","K08","K09","K10"];
  return { abcIn, abcIds };
}

export const CD_END = "1997-09-30";
export const ymd = (t: string) => serialFromParts(Number(t.slice(0, 4)), Number(t.slice(4, 6)), Number(t.slice(6, 8)));

/** CDNOW_sample.txt: master id, sample id (1..2357, the customer), YYYYMMDD, CDs, dollars; whitespace-separated. */
export function cdnowSample() {
  const cdRows = readFileSync(join(DATA, "CDNOW_sample.txt"), "utf8").trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/));
  const cdC = col(...cdRows.map((r) => Number(r[1]))), cdD = col(...cdRows.map((r) => ymd(r[2]))), cdA = col(...cdRows.map((r) => Number(r[4])));
  return { cdRows, cdC, cdD, cdA };
}
