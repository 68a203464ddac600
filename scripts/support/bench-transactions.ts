/**
 * The benches' synthetic transactions (bench-functions.ts's shape): `rows` rows over rows / 4 customers, dates
 * over 700 days from serial 44000, amounts to the cent, from the seeded generator, so every model bench fits
 * the same data.
 */
import { readTransactions } from "../../src/core/transactions/read";
import { rng } from "./rng";

export function benchTransactions(rows: number) {
  const customers = Math.max(1, Math.floor(rows / 4));
  const r = rng(11);
  const ids: number[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  for (let i = 0; i < rows; i++) {
    ids.push(1 + (i % customers));
    dates.push(44000 + Math.floor(r() * 700));
    amounts.push(Math.round(r() * 20000) / 100);
  }
  return readTransactions({ customers: ids, dates, amounts });
}
