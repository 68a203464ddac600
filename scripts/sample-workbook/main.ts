/** Entry of scripts/make-sample-workbook.mjs: (optionally) recut the orders, then write assets/tiering-sample.xlsx. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cutSampleOrders, SAMPLE_ORDERS } from "./data";
import { sampleWorkbook } from "./spec";
import { workbookBytes } from "./write";

export const SAMPLE_WORKBOOK = join("assets", "tiering-sample.xlsx");

export async function main(root: string, argv: string[]): Promise<void> {
  if (argv.includes("--cut")) {
    cutSampleOrders(root);
    console.log(`${SAMPLE_ORDERS} written from ../shared/data/CDNOW_sample.txt`);
  }
  writeFileSync(join(root, SAMPLE_WORKBOOK), await workbookBytes(sampleWorkbook(root)));
  console.log(`${SAMPLE_WORKBOOK} written`);
}
