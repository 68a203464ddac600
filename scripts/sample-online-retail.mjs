#!/usr/bin/env node
/**
 * The browser preview's default data: a sample of whole customer histories from the complete UCI Online Retail
 * data (../shared/data/online_retail.csv, 541,909 lines), so that what the preview predicts means what it says
 * (issue 13 §5). The shared 20k-line sample is a random sample of LINES: each customer keeps about 5 % of their
 * purchases, so recency, frequency and every model fitted on it describe no real customer.
 *
 * What is drawn (seeded, so the file is the same on every run):
 * - CUSTOMERS customers, drawn without replacement from the 4,372 customer ids (sorted numerically, then a
 *   Fisher–Yates shuffle driven by mulberry32(SEED)), with EVERY line of theirs: purchases, returns and
 *   cancellations ("C…" invoices), in the file's order;
 * - guest checkouts (lines without a CustomerID) in the same proportion, as whole invoices (each guest invoice is
 *   kept with probability CUSTOMERS ÷ 4,372, from the same generator), so the data-quality line still shows rows
 *   without a customer as the full data has them.
 * Lines are copied byte for byte (UTF-8, LF, quoted only where needed, as the source).
 *
 *   node scripts/sample-online-retail.mjs [SOURCE] [OUT]
 *   default SOURCE ../shared/data/online_retail.csv, OUT assets/sample/online_retail_customers.csv
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = resolve(process.argv[2] ?? resolve(ROOT, "../shared/data/online_retail.csv"));
const OUT = resolve(process.argv[3] ?? resolve(ROOT, "assets/sample/online_retail_customers.csv"));
export const CUSTOMERS = 200;
export const SEED = 20101201;

/** mulberry32: a small, well-known 32-bit generator; enough for a reproducible draw. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fields of one CSV line (RFC 4180 quotes; the source has no line breaks inside fields). */
function fields(line) {
  const out = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

const lines = readFileSync(SOURCE, "utf8").split("\n");
if (lines.at(-1) === "") lines.pop();
const header = fields(lines[0]);
const customerAt = header.indexOf("CustomerID");
const invoiceAt = header.indexOf("InvoiceNo");
if (customerAt < 0 || invoiceAt < 0) throw new Error(`${SOURCE}: no CustomerID or InvoiceNo column in ${lines[0]}`);

const parsed = lines.slice(1).map((line) => {
  const f = fields(line);
  return { line, customer: f[customerAt], invoice: f[invoiceAt] };
});
const ids = [...new Set(parsed.filter((r) => r.customer !== "").map((r) => r.customer))].sort((a, b) => Number(a) - Number(b));
const random = mulberry32(SEED);
for (let i = ids.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [ids[i], ids[j]] = [ids[j], ids[i]];
}
const chosen = new Set(ids.slice(0, CUSTOMERS));
const share = CUSTOMERS / ids.length;
const guestInvoices = [...new Set(parsed.filter((r) => r.customer === "").map((r) => r.invoice))].sort();
const guests = new Set(guestInvoices.filter(() => random() < share));
const kept = parsed.filter((r) => (r.customer === "" ? guests.has(r.invoice) : chosen.has(r.customer)));

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, [lines[0], ...kept.map((r) => r.line)].join("\n") + "\n");
const withId = kept.filter((r) => r.customer !== "").length;
console.log(`${OUT}: ${kept.length} lines (${withId} of ${chosen.size} customers, ${kept.length - withId} guest lines in ${guests.size} invoices) from ${ids.length} customers, seed ${SEED}`);
