/**
 * Words of the "rest of predict" and the pane's data choice (issue 13 §5, issue 17 "Pane"): the smallest
 * purchase that moves a customer into a better segment, the count model picked in the pane, a data choice
 * refused when it is chosen, a mapping that reads no row named by its column and first cell, and the
 * core's errors worded with the pane's own labels. One top-level key (`predictRest`), so this part never
 * overwrites another part's keys when the parts are spread together.
 */
import type { Widen } from "../widen";

export const predictRest = {
  predictRest: {
    upgrade: {
      /** Results sheet headers with segments: the purchases it takes and the revenue they add. */
      purchases: "Purchases to next segment",
      spend: "Spend in them (0 = any amount)",
      /** The pane's line: one purchase now, or n purchases (the last one now), of any amount or adding `amount`. */
      purchase: (orders: number, shownOrders: string, amount: string | null) =>
        orders === 1
          ? amount === null
            ? "a purchase now"
            : `a purchase of ${amount} now`
          : amount === null
            ? `${shownOrders} purchases, the last one now`
            : `${shownOrders} purchases adding ${amount}, the last one now`,
      hintSegments:
        "The customers who need the least to move into a better segment (in the segments' rule order): the fewest purchases, then the least amount, rounded up to whole amounts. Select one to go to their row.",
    },
    model: {
      label: "Purchase model",
      bgnbd: "BG/NBD",
      paretoNbd: "Pareto/NBD",
      hint: "BG/NBD is the usual choice; Pareto/NBD lets a customer drop out at any time rather than only after a purchase.",
    },
    data: {
      /** A selection that cannot be the data, refused when it is chosen. */
      selectionEmpty: (where: string) => `The selection ${where} holds no data. Select the data with its header row, or choose an Excel table.`,
      selectionOneCell: (where: string) =>
        `The selection ${where} is a single cell with nothing around it. Select the whole data, header row included (at least a customer, a date and an amount column), or choose an Excel table.`,
      selectionTooNarrow: (where: string, columns: number) =>
        `The selection ${where} has ${columns === 1 ? "1 column" : `${columns} columns`}; the data needs at least a customer, a date and an amount column. Select the whole data, or choose an Excel table.`,
      selectionNoRows: (where: string) => `The selection ${where} has a header row but no data rows below it. Select the data rows too, or choose an Excel table.`,
      /** No row could be read, because of the mapped column `column` (its header) for `role` (the pane's label). */
      noUsableRows: (role: string, column: string, cell: string, what: string) =>
        `No row could be used: the ${role} column is "${column}", and its first cell ${cell} cannot be read (${what}). Map ${role} to the column that holds it, or correct the cells.`,
    },
    /** `tier` reading a line-item file (--quantity, --order) as the pane reads a sheet. */
    cli: {
      returnsLeftOut: (rows: number, firstLine: number) =>
        `Left out ${rows} ${rows === 1 ? "row" : "rows"} with a negative amount (returns and cancellations), the first on line ${firstLine}.`,
    },
    /** The core's errors in the pane's words (its labels, not a function's argument names). */
    errors: {
      asOfBeforeData: (asOf: string, first: string) =>
        `The analysis date (${asOf}) is before the first purchase (${first}): no customer had bought yet. Use ${first} or a later date, or leave the analysis date blank.`,
      calibrationBeforeData: (end: string, first: string) =>
        `The analysis date (${end}) is before the first purchase (${first}); the models have nothing to learn from. Use a later date, or leave it blank.`,
      noData: "No row could be used; check that the customer, date and amount columns are mapped correctly.",
      binsOutOfRange: (value: string) => `Score levels is ${value}; use a whole number from 2 to 10.`,
      cutsOrder: (aCut: string, bCut: string) => `Class A ends at ${aCut}, which is not below where class B ends (${bCut}); make A's end the smaller.`,
      cutOutOfRange: (value: string) => `An ABC class end is ${value}; use a percentage above 0 and below 100.`,
      horizon: (value: string) => `Horizon (months) is ${value}; use a whole number of months from 0 to 240.`,
      monthlyDiscount: (value: string) => `Monthly discount rate is ${value}; use a rate from 0 % to 100 %, such as 1 (1 % a month).`,
    },
  },
};

export type PredictRestMessages = Widen<typeof predictRest>;
