#!/usr/bin/env node
/**
 * assets/sample/voice_orders.csv: a SYNTHETIC transactions file with survey columns (issue 15 §4), for the
 * README's and docs' `tier … --nps` examples and the voice tests. No shared data set has NPS, satisfaction,
 * complaints, referrals or engagement beside purchases, so this one is drawn from a seeded generator:
 * 80 customers, 1–8 orders each in 2024; about half the orders carry an NPS answer (0–10) and a 1–5
 * satisfaction rating, leaning higher for customers who buy more; complaints and referrals are counts on some
 * orders; engagement a 0–100 score; every other cell is blank (missing, not 0). Run it again to redraw
 * (same seed, same file).
 */
import { writeFileSync } from "node:fs";

let s = 20261207;
const next = () => ((s = (Math.imul(s ^ (s >>> 15), 1 | s) + 0x6d2b79f5) >>> 0) / 4294967296);
const pick = (p) => next() < p;
const rows = [["customer_id", "date", "amount", "nps", "satisfaction", "complaints", "referrals", "engagement"]];
const start = Date.UTC(2024, 0, 1);
for (let c = 1; c <= 80; c++) {
  const orders = 1 + Math.floor(next() * next() * 8);
  const loyalty = Math.min(1, orders / 6 + next() * 0.4);
  const dates = Array.from({ length: orders }, () => Math.floor(next() * 366)).sort((a, b) => a - b);
  for (const day of dates) {
    const date = new Date(start + day * 86400000).toISOString().slice(0, 10);
    const amount = (20 + next() * 180 * (0.5 + loyalty)).toFixed(2);
    const answered = pick(0.5);
    const nps = answered ? String(Math.max(0, Math.min(10, Math.round(4 + loyalty * 6 + (next() - 0.5) * 5)))) : "";
    const satisfaction = answered ? String(Math.max(1, Math.min(5, Math.round(2 + loyalty * 3 + (next() - 0.5) * 2)))) : "";
    const complaints = pick(0.3) ? String(pick(0.25 * (1.2 - loyalty)) ? 1 + Math.floor(next() * 2) : 0) : "";
    const referrals = pick(0.3) ? String(pick(0.4 * loyalty) ? 1 : 0) : "";
    const engagement = pick(0.6) ? String(Math.round(loyalty * 70 + next() * 30)) : "";
    rows.push([`V${String(c).padStart(3, "0")}`, date, amount, nps, satisfaction, complaints, referrals, engagement]);
  }
}
writeFileSync(new URL("../assets/sample/voice_orders.csv", import.meta.url), rows.map((r) => r.join(",")).join("\n") + "\n");
console.log(`wrote ${rows.length - 1} rows`);
