#!/usr/bin/env node
/**
 * A large SYNTHETIC transactions file with the five voice columns, for timing `tier … --summary --nps …`
 * (docs/PERFORMANCE.md, "What each tier says"): `node scripts/make-large-voice-orders.mjs OUT.csv [ROWS] [CUSTOMERS]`
 * (default 1,000,000 rows, 100,000 customers, about 30 MB). Seeded, so the same arguments give the same bytes:
 * numeric ids, three years of dates from 2022, an NPS (0–10) and satisfaction (1–5) answer on 30 % of the rows,
 * complaints and referrals on 10 %, engagement (0–100) on 20 %, every other voice cell blank. Not a sample of
 * anything: a load, with the shape of assets/sample/voice_orders.csv (scripts/sample-voice.mjs).
 */
import { createWriteStream } from "node:fs";
const [, , out, rowsText = "1000000", customersText = "100000"] = process.argv;
const rows = Number(rowsText), customers = Number(customersText);
let s = 20261207;
const next = () => ((s = (Math.imul(s ^ (s >>> 15), 1 | s) + 0x6d2b79f5) >>> 0) / 4294967296);
const w = createWriteStream(out);
let buf = "customer_id,date,amount,nps,satisfaction,complaints,referrals,engagement\n";
const start = Date.UTC(2022, 0, 1);
for (let i = 0; i < rows; i++) {
  const c = 1 + Math.floor(next() * customers);
  const date = new Date(start + Math.floor(next() * 1096) * 86400000).toISOString().slice(0, 10);
  const amount = (5 + next() * 300).toFixed(2);
  const answered = next() < 0.3;
  buf += `${c},${date},${amount},${answered ? Math.floor(next() * 11) : ""},${answered ? 1 + Math.floor(next() * 5) : ""},${next() < 0.1 ? Math.floor(next() * 3) : ""},${next() < 0.1 ? (next() < 0.5 ? 1 : 0) : ""},${next() < 0.2 ? Math.floor(next() * 101) : ""}\n`;
  if (buf.length > 1 << 20) { w.write(buf); buf = ""; }
}
w.end(buf);
