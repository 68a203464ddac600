/**
 * The voice columns of a transactions file (`--nps COL` …, issue 15 §4) gathered in the same pass that reads its
 * purchases, so `tier rfm|abc|score --summary --nps …` reads the file once (the second read doubled the time,
 * docs/PERFORMANCE.md). The transactions reader (transactions-file.ts `loadTransactions`, and the line-item reader)
 * hands each row's voice cells here after its own reading of the row, and tells which rows it took as purchases
 * and for which customer (`purchase`), so an answer on a purchase row costs no second look at its id or date.
 *
 * The rules are those of the separate read it replaces (they are the pane's too, src/core/analysis/rows.ts, but for
 * what a bad cell leaves out): a row counts for the customer its id keys to (customerKey) among the summary's
 * customers, dated by its date (the latest answer counts); a row whose date cannot be read is left out, as are the
 * answers dated after the as-of date. A row the purchases left out for another reason (an amount that is not a
 * number) still gives its answers, so those rows are kept aside (few: only the ones with an answer) and matched
 * to the customers once the file is read. A voice cell that is not a number or not on its field's scale is
 * reported with its line and column, and only that answer is left out. Memory: by customers, plus the rows kept
 * aside.
 */
import { customerKey, readDateCell, readNumberCell, type CellRead, type CustomerId } from "../core/cells/coerce";
import { ProblemLog } from "../core/cells/problems";
import { VoiceAccumulator, voiceValueProblem, type CustomerVoice, type VoiceField } from "../core/tiers/voice";
import type { Messages } from "../i18n";
import { reportProblems, type Out } from "./args";

/** Columns read beside a transactions file's customer, date and amount, and what is done with their cells. */
export interface RowExtras {
  /** The columns' names, looked up as every column is (a missing one is an error naming the file's columns). */
  readonly names: readonly string[];
  /** The reader took row `row` as a purchase of its customer number `c` on `serial` (before `row` for that row). */
  purchase(c: number, serial: number, row: number): void;
  /**
   * After the reader has read row `row` (every data row, in order): its cells of `names` ("" for blank or missing),
   * and its id and date cells as text (null where the reader did not make them: only on a row taken as a purchase).
   */
  row(cells: readonly string[], row: number, id: string | null, date: string | null): void;
  /** The reader's customers, by its numbering (the numbers `purchase` gave). */
  end(customerIds: readonly CustomerId[]): void;
}

interface AsideRow {
  key: CustomerId;
  date: number;
  row: number;
  cells: string[];
}

export class VoicePass implements RowExtras {
  readonly names: string[];
  private readonly fields: VoiceField[];
  private readonly acc: VoiceAccumulator;
  private readonly log = new ProblemLog();
  private readonly cell: CellRead = { status: "ok", value: 0 };
  private readonly when: CellRead = { status: "ok", value: 0 };
  private readonly end1: number;
  private purchaseRow = -1;
  private purchaseCustomer = -1;
  private purchaseDay = 0;
  private readonly aside: AsideRow[] = [];
  private readerIds: readonly CustomerId[] = [];
  private rows = 0;

  /** `columns`: field → column name; `asOf`: answers dated after it are left out (the --as-of given, if any). */
  constructor(
    columns: readonly (readonly [VoiceField, string])[],
    private readonly dayOrder: "mdy" | "dmy",
    asOf: number | null | undefined,
  ) {
    this.fields = columns.map(([field]) => field);
    this.names = columns.map(([, column]) => column);
    this.acc = new VoiceAccumulator(0, this.fields);
    this.end1 = asOf == null ? Infinity : Math.floor(asOf) + 1;
  }

  purchase(c: number, serial: number, row: number): void {
    this.purchaseRow = row;
    this.purchaseCustomer = c;
    this.purchaseDay = serial;
  }

  row(cells: readonly string[], row: number, id: string | null, date: string | null): void {
    this.rows = row + 1;
    let any = false;
    for (let j = 0; j < cells.length && !any; j++) any = cells[j] !== "";
    if (!any) return;
    if (row === this.purchaseRow) {
      if (this.purchaseDay < this.end1) this.answers(cells, this.purchaseCustomer, this.purchaseDay, row);
      return;
    }
    const key = customerKey(id);
    if (key === null) return; // a blank id: no customer's answer
    readDateCell(date, this.when, this.dayOrder);
    if (this.when.status !== "ok" || !(this.when.value < this.end1)) return;
    this.aside.push({ key, date: this.when.value, row, cells: [...cells] });
  }

  end(customerIds: readonly CustomerId[]): void {
    this.readerIds = customerIds;
  }

  /** A customer table's row (`tier score` on one): row i is customer i, its answers ordered by the row. */
  tableRow(cells: readonly string[], row: number): void {
    this.rows = row + 1;
    this.answers(cells, row, row, row);
  }

  /** A customer table's voice, row i as customer i of `rows`, the problems said on `err` (lines from `firstLine`, of `total` rows read). */
  finishTable(rows: number, firstLine: number, m: Messages, err: Out, total = rows): CustomerVoice {
    reportProblems(this.log, total, m, err, m.voice.cliLeftOut, firstLine);
    return this.acc.finish(Int32Array.from({ length: rows }, (_, i) => i));
  }

  /** Customer `c`'s answers on one row: each non-blank cell read, checked against its field's scale, and added. */
  private answers(cells: readonly string[], c: number, date: number, row: number): void {
    const cell = this.cell;
    for (let j = 0; j < cells.length; j++) {
      if (cells[j] === "") continue;
      const field = this.fields[j];
      readNumberCell(cells[j], cell);
      const code = cell.status === "error" ? "excelError" : cell.status === "bad" ? "badNumber" : cell.status === "ok" ? voiceValueProblem(field, cell.value) : null;
      if (code) this.log.add(row, this.names[j], code, cells[j]);
      else if (cell.status === "ok") this.acc.add(field, c, cell.value, date, row);
    }
  }

  /**
   * Per customer of `customerIds` (the summary's, keyed as the reader keyed them) their voice; the rows kept aside
   * are matched now, and the problems said on `err` (the answers of rows whose customer is not among them are not
   * read, as before: `asOf` is the one the summary was made as of).
   */
  finish(customerIds: readonly CustomerId[], asOf: number | null | undefined, m: Messages, err: Out): CustomerVoice {
    const reader = new Map<CustomerId, number>();
    this.readerIds.forEach((id, c) => reader.set(id, c));
    const summary = new Set(customerIds);
    const end1 = asOf == null ? Infinity : Math.floor(asOf) + 1;
    let next = this.readerIds.length;
    for (const r of this.aside) {
      if (!summary.has(r.key) || !(r.date < end1)) continue;
      // A customer met only on rows the purchases left out has no number of the reader's: one past them.
      let c = reader.get(r.key);
      if (c === undefined) reader.set(r.key, (c = next++));
      this.answers(r.cells, c, r.date, r.row);
    }
    // Rows kept aside were logged after the rows read with them: the problems in row order again.
    this.log.problems.sort((a, b) => a.row - b.row);
    reportProblems(this.log, this.rows, m, err, m.voice.cliLeftOut);
    return this.acc.finish(customerIds.map((id) => reader.get(id) ?? -1));
  }
}
