/**
 * Line items to orders. Line-item data (UCI Online Retail: one row per product of an invoice) has
 * several rows per order; grouped here, one order per (customer, order id): its amount is the sum of
 * its lines and its date is its earliest line's. Everything that counts purchases (frequency, the
 * "Orders" of a tier, the models' repeat purchases) then counts orders, not lines.
 *
 * Order ids are keyed as customer ids are (`customerKey`: text trimmed, canonical numeric text meets
 * the number, so 536365 and "536365" are one order). A line whose order cell is blank (or `NA`-style)
 * is an order of its own: there is nothing to group it by. The same order id under two customers is
 * two orders. The caller drops returns first (see src/core/analysis/: the return rule is per line).
 */
import { customerKey, type CustomerId } from "../cells/coerce";
import type { Transactions } from "./model";

export interface OrderGrouping {
  /** One row per order: customer numbering and `customerIds` as the lines'; `sourceRow` is the order's first line. */
  tx: Transactions;
  /** Per line (index into the lines' rows): its order (index into `tx`'s rows). */
  orderOf: Int32Array;
}

/**
 * Groups the lines of `lines` into orders by the order cell of each line's source row
 * (`orderCells[lines.sourceRow[k]]`). Orders come in the order of their first line; each order's
 * amount is its lines' sum and its date the earliest line date. Pure; `lines` is not changed.
 */
export function groupOrders(lines: Transactions, orderCells: ArrayLike<unknown>): OrderGrouping {
  const n = lines.validRows;
  const orderOf = new Int32Array(n);
  // One map per customer, created when first needed: order id → order index.
  const byCustomer = new Map<number, Map<CustomerId, number>>();
  const customer: number[] = [];
  const date: number[] = [];
  const amount: number[] = [];
  const sourceRow: number[] = [];
  for (let k = 0; k < n; k++) {
    const c = lines.customer[k];
    const row = lines.sourceRow[k];
    const key = customerKey(orderCells[row]);
    let index = -1;
    if (key !== null) {
      let orders = byCustomer.get(c);
      if (!orders) byCustomer.set(c, (orders = new Map()));
      const known = orders.get(key);
      if (known === undefined) orders.set(key, customer.length);
      else index = known;
    }
    if (index < 0) {
      index = customer.length;
      customer.push(c);
      date.push(lines.date[k]);
      amount.push(lines.amount[k]);
      sourceRow.push(row);
    } else {
      amount[index] += lines.amount[k];
      if (lines.date[k] < date[index]) date[index] = lines.date[k];
      if (row < sourceRow[index]) sourceRow[index] = row;
    }
    orderOf[k] = index;
  }
  return {
    tx: {
      ...lines,
      customer: Int32Array.from(customer),
      date: Float64Array.from(date),
      amount: Float64Array.from(amount),
      sourceRow: Int32Array.from(sourceRow),
      validRows: customer.length,
    },
    orderOf,
  };
}
