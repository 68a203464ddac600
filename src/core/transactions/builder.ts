/**
 * Builds the transactions model row by row. Readers of different sources (cell columns in read.ts,
 * CSV bytes in the CLI) share it, so every reader decides blanks, ids, dates and amounts the same way.
 */
import { keepShape } from "../math/shapes";
import { type DayOrder, isSerialInRange } from "../cells/dates";
import { type CellRead, type CustomerId, customerKey, excelErrorText, isBlankOrZero, readDateCell, readNumberCell } from "../cells/coerce";
import { ProblemLog } from "../cells/problems";
import type { Transactions } from "./model";

export interface ReadOptions {
  dayOrder?: DayOrder;
  /** Names for the fields in problems (default "customers", "dates", "amounts"). */
  fieldNames?: { customers: string; dates: string; amounts: string };
  problemLimit?: number;
}

/** Whole-number ids below this use a direct table (at most 64 MB of Int32). */
const SMALL_ID_LIMIT = 1 << 24;

/**
 * Accumulates transaction rows into typed columns, keying customers and logging problems. Readers
 * of different sources (cell columns here, CSV bytes in the CLI) share it, so every reader decides
 * blanks, ids, dates and amounts the same way.
 */
export class TransactionBuilder {
  private customer: Int32Array;
  private date: Float64Array;
  private amount: Float64Array;
  private sourceRow: Int32Array;
  private readonly index = new Map<CustomerId, number>();
  /** Small whole-number ids (most customer numbers) index a table instead of the map: index + 1, 0 = unseen. */
  private smallIds = new Int32Array(0);
  private readonly customerIds: CustomerId[] = [];
  private readonly cell: CellRead = { status: "ok", value: 0 };
  private valid = 0;
  private blankRows = 0;
  private lastDateText: string | null = null;
  private lastDateSerial = NaN;
  readonly problems: ProblemLog;
  private readonly names: { customers: string; dates: string; amounts: string };
  private readonly dayOrder: DayOrder;

  constructor(capacity: number, options: ReadOptions = {}) {
    this.customer = new Int32Array(capacity);
    this.date = new Float64Array(capacity);
    this.amount = new Float64Array(capacity);
    this.sourceRow = new Int32Array(capacity);
    this.problems = new ProblemLog(options.problemLimit);
    this.names = options.fieldNames ?? { customers: "customers", dates: "dates", amounts: "amounts" };
    this.dayOrder = options.dayOrder ?? "mdy";
  }

  /**
   * One row of cells. A row whose three cells are blank is skipped quietly (selections often run
   * past the data); a row with any unusable cell is reported once, for its first bad cell.
   */
  addCells(id: unknown, d: unknown, a: unknown, row: number): void {
    const key = customerKey(id);
    if (key === null || key === 0) {
      // Old Excel builds send blank cells as 0, so a row of blanks and zeros is an empty row.
      if (isBlankOrZero(id) && isBlankOrZero(d) && isBlankOrZero(a)) {
        this.blankRows++;
        return;
      }
    }
    const { problems, names, cell } = this;
    if (key === null) {
      problems.add(row, names.customers, excelErrorText(id) ? "excelError" : "blankCustomer", id);
      return;
    }
    if (typeof d === "string" && d === this.lastDateText) {
      // Logs repeat one date text over many consecutive rows: reuse its parse.
      cell.status = "ok";
      cell.value = this.lastDateSerial;
    } else {
      readDateCell(d, cell, this.dayOrder);
      if (typeof d === "string" && cell.status === "ok") {
        this.lastDateText = d;
        this.lastDateSerial = cell.value;
      }
    }
    if (cell.status !== "ok") {
      problems.add(row, names.dates, cell.status === "blank" ? "blankDate" : cell.status === "error" ? "excelError" : "badDate", d);
      return;
    }
    if (!isSerialInRange(cell.value)) {
      problems.add(row, names.dates, "dateOutOfRange", d);
      return;
    }
    const serial = cell.value;
    readNumberCell(a, cell);
    if (cell.status !== "ok") {
      problems.add(row, names.amounts, cell.status === "blank" ? "blankAmount" : cell.status === "error" ? "excelError" : "badAmount", a);
      return;
    }
    this.add(this.customerFor(key), serial, cell.value, row);
  }

  /** Index of the customer with this key, or -1 when it has not been seen. */
  findCustomer(key: CustomerId): number {
    if (typeof key === "number" && key >= 0 && key < SMALL_ID_LIMIT && Number.isInteger(key)) {
      return key < this.smallIds.length ? this.smallIds[key] - 1 : -1;
    }
    return this.index.get(key) ?? -1;
  }

  /** Registers a customer not seen before; returns its index. */
  newCustomer(key: CustomerId): number {
    const c = this.customerIds.length;
    this.customerIds.push(key);
    if (typeof key === "number" && key >= 0 && key < SMALL_ID_LIMIT && Number.isInteger(key)) {
      if (key >= this.smallIds.length) {
        const grown = new Int32Array(Math.min(SMALL_ID_LIMIT, Math.max(key + 1, this.smallIds.length * 2, 1024)));
        grown.set(this.smallIds);
        this.smallIds = grown;
      }
      this.smallIds[key] = c + 1;
    } else this.index.set(key, c);
    return c;
  }

  /** Index of the customer with this key, registering it when new. */
  customerFor(key: CustomerId): number {
    const c = this.findCustomer(key);
    return c >= 0 ? c : this.newCustomer(key);
  }

  /** A row already read: customer index, date serial (in range) and amount. */
  add(customer: number, serial: number, amount: number, row: number): void {
    const k = this.valid++;
    if (k === this.customer.length) this.grow();
    this.customer[k] = customer;
    this.date[k] = serial;
    this.amount[k] = amount;
    this.sourceRow[k] = row;
  }

  private grow(): void {
    const size = Math.max(16, this.customer.length * 2);
    const resize = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.customer = resize(this.customer, (n) => new Int32Array(n));
    this.date = resize(this.date, (n) => new Float64Array(n));
    this.amount = resize(this.amount, (n) => new Float64Array(n));
    this.sourceRow = resize(this.sourceRow, (n) => new Int32Array(n));
  }

  finish(inputRows: number): Transactions {
    const valid = this.valid;
    return {
      customer: this.customer.subarray(0, valid),
      date: this.date.subarray(0, valid),
      amount: this.amount.subarray(0, valid),
      sourceRow: this.sourceRow.subarray(0, valid),
      customerIds: this.customerIds,
      inputRows,
      validRows: valid,
      blankRows: this.blankRows,
      problems: this.problems,
    };
  }
}

// Its hidden class, and its problem log's, outlive each call (math/shapes.ts): one builder through the
// paths a read takes (a small whole-number id, a text id, a date as text, a row with a problem).
keepShape(
  (() => {
    const builder = new TransactionBuilder(2);
    builder.addCells(1, 45000, 10, 0);
    builder.addCells("C-1", "2023-03-14", "2.5", 1);
    builder.addCells(1, "not a date", 1, 2);
    builder.finish(3);
    return builder;
  })(),
);
