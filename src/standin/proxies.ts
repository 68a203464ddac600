/**
 * Proxy objects with Office.js semantics: a property is readable only after load() and sync()
 * (PropertyNotLoaded otherwise), writes and method calls are queued and applied in order at
 * sync(), *OrNullObject methods give objects whose isNullObject is known after sync, and each
 * sync's payload (JSON of the queued writes, in UTF-8 bytes) is measured and may be refused over
 * Office's 5 MB limit. Only the part of the API the add-in uses is here.
 */
import {
  StandInError,
  boxAddress,
  checkSheetName,
  columnLetters,
  parseAddress,
  refAddress,
  type Box,
  type ChartModel,
  type ConditionalFormatModel,
  type PivotModel,
  type RangeRef,
  type SeriesModel,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
  typedInput,
} from "./model";

export interface StandInOptions {
  /** Highest ExcelApi requirement set the host supports, e.g. "1.8" (default "1.12"). */
  excelApi?: string;
  /** Refuse a sync whose request or response exceeds this many bytes (default 5 MB, like Office); null: never. */
  payloadLimit?: number | null;
  /**
   * Make a sync fail as a lost connection or an Excel error would: each sync whose log index (1-based,
   * as in `syncLog()`) is `index` (or one of them) applies its first `applied` actions (default: half of them) and then
   * rejects with a StandInError of `code` (default "GeneralException"). null: no failure.
   */
  failSync?: { index: number | readonly number[]; applied?: number; code?: string } | null;
}

interface Action {
  write: boolean;
  payload: unknown;
  /** Applies the action; returns the bytes it loads back (0 for writes). */
  run(): number;
}

/** UTF-8 bytes of a string. Counted here independently of src/excel/bytes.ts on purpose: the stand-in checks the jobs' own payload estimates. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) (n += 4), i++;
    else n += 3;
  }
  return n;
}

const jsonBytes = (v: unknown) => (v === undefined ? 0 : utf8Length(JSON.stringify(v)));

function versionAtLeast(have: string, need: string): boolean {
  const [a, b] = have.split(".").map(Number);
  const [c, d] = need.split(".").map(Number);
  return a > c || (a === c && (b ?? 0) >= (d ?? 0));
}

export class StandInContext {
  readonly workbook: Workbook;
  private queue: Action[] = [];
  private suspendCalculation = false;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(
    readonly model: WorkbookModel,
    readonly options: Required<StandInOptions>,
  ) {
    this.workbook = new Workbook(this);
  }

  _enqueue(action: Action): void {
    this.queue.push(action);
  }

  _write(payload: unknown, run: () => void): void {
    this.queue.push({ write: true, payload, run: () => (run(), 0) });
  }

  _suspendCalculation(): void {
    this.suspendCalculation = true;
    this.queue.push({ write: true, payload: { method: "suspendApiCalculationUntilNextSync" }, run: () => 0 });
  }

  _need(version: string, api: string): void {
    if (!versionAtLeast(this.options.excelApi, version)) {
      throw new StandInError("ApiNotFound", `${api} needs ExcelApi ${version}; this host supports ${this.options.excelApi}.`);
    }
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    let requestBytes = 0;
    for (const a of actions) if (a.write) requestBytes += jsonBytes(a.payload);
    const record = {
      index: this.model.syncs.length + 1,
      requestBytes,
      responseBytes: 0,
      actions: actions.length,
      calculationSuspended: this.suspendCalculation,
      error: null as string | null,
    };
    this.suspendCalculation = false;
    this.model.syncs.push(record);
    await Promise.resolve();
    const limit = this.options.payloadLimit;
    if (limit !== null && requestBytes > limit) {
      record.error = "RequestPayloadSizeLimitExceeded";
      throw new StandInError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    const fail = this.options.failSync;
    const failing = fail && (typeof fail.index === "number" ? fail.index === record.index : fail.index.includes(record.index));
    const failAt = failing ? (fail.applied ?? Math.floor(actions.length / 2)) : -1;
    // Like Office, the actions before a failing one stay applied; the rest are dropped.
    for (const [k, a] of actions.entries()) {
      if (k === failAt) {
        record.error = fail!.code ?? "GeneralException";
        throw new StandInError(record.error, `The sync failed (configured failure of sync ${record.index}, after ${failAt} of ${actions.length} actions).`);
      }
      try {
        record.responseBytes += a.run();
      } catch (e) {
        record.error = e instanceof StandInError ? e.code : String(e);
        throw e;
      }
    }
    if (failAt >= actions.length) {
      record.error = fail!.code ?? "GeneralException";
      throw new StandInError(record.error, `The sync failed (configured failure of sync ${record.index}, after all ${actions.length} actions).`);
    }
    if (limit !== null && record.responseBytes > limit) {
      record.error = "ResponsePayloadSizeLimitExceeded";
      throw new StandInError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${record.responseBytes} bytes).`);
    }
  }
}

type LoadSpec = string | string[] | { select?: string } | undefined;

function loadNames(spec: LoadSpec): string[] | null {
  const text = spec === undefined ? "" : typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : (spec.select ?? "");
  const names = text
    .split(",")
    .map((s) => s.trim().replace(/^items\//, ""))
    .filter(Boolean);
  return names.length ? names : null;
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

function isGone(m: unknown): boolean {
  if (m && typeof m === "object") {
    if ("deleted" in m && (m as { deleted: boolean }).deleted) return true;
    if ("sheet" in m && (m as { sheet: SheetModel }).sheet?.deleted) return true;
  }
  return false;
}

/** The base of every proxy: a locator run at sync time, a cache of loaded properties. */
abstract class ClientObject<M> {
  protected readonly _cache = new Map<string, unknown>();
  private _pinned: M | null = null;
  private _null: boolean | undefined;
  protected abstract readonly _kind: string;
  protected abstract _props(): Record<string, (m: M) => unknown>;

  constructor(
    readonly context: StandInContext,
    private readonly _locate: () => M | null,
    nullable = false,
  ) {
    if (nullable) context._enqueue({ write: false, payload: null, run: () => ((this._null = this._find() === null), 0) });
  }

  _find(): M | null {
    if (this._pinned !== null) {
      if (isGone(this._pinned)) throw new StandInError("InvalidOperation", `The ${this._kind} has been deleted.`);
      return this._pinned;
    }
    const m = this._locate();
    if (m !== null) this._pinned = m;
    return m;
  }

  _model(): M {
    const m = this._find();
    if (m === null) throw new StandInError("ItemNotFound", `The requested ${this._kind} doesn't exist.`);
    return m;
  }

  /** Fills the cache from the model now (collections hand out items this way). */
  _fill(names: string[] | null, m: M): number {
    const props = this._props();
    let bytes = 0;
    for (const name of names ?? Object.keys(props)) {
      const read = props[name];
      if (!read) throw new StandInError("PropertyNotFound", `The ${this._kind} has no property '${name}'.`);
      const v = clone(read(m));
      this._cache.set(name, v);
      bytes += jsonBytes(v);
    }
    return bytes;
  }

  load(spec?: LoadSpec): this {
    const names = loadNames(spec);
    this.context._enqueue({
      write: false,
      payload: null,
      run: () => {
        const m = this._find();
        if (m === null) {
          for (const name of names ?? Object.keys(this._props())) this._cache.set(name, null);
          return 0;
        }
        return this._fill(names, m);
      },
    });
    return this;
  }

  protected _get<T>(name: string): T {
    if (!this._cache.has(name)) {
      throw new StandInError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this._cache.get(name) as T;
  }

  protected _set(name: string, value: unknown, apply: (m: M) => void): void {
    this._cache.set(name, value);
    this.context._write({ [name]: value }, () => apply(this._model()));
  }

  protected _call(method: string, args: unknown[], apply: (m: M) => void): void {
    this.context._write({ method, args }, () => apply(this._model()));
  }

  get isNullObject(): boolean {
    if (this._null === undefined) return this._get<boolean>("isNullObject");
    return this._null;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._cache);
  }
}

abstract class Collection<M, P extends ClientObject<M>> extends ClientObject<M[]> {
  protected abstract _wrap(m: M): P;
  protected _props(): Record<string, (m: M[]) => unknown> {
    return { count: (list) => list.length };
  }
  override load(spec?: LoadSpec): this {
    const names = loadNames(spec)?.filter((n) => n !== "items") ?? null;
    this.context._enqueue({
      write: false,
      payload: null,
      run: () => {
        const list = this._model();
        let bytes = 0;
        const items = list.map((m) => {
          const p = this._wrap(m);
          bytes += p._fill(names && names.length ? names : null, m);
          return p;
        });
        this._cache.set("items", items);
        this._cache.set("count", list.length);
        return bytes;
      },
    });
    return this;
  }
  get items(): P[] {
    return this._get<P[]>("items");
  }
  get count(): number {
    return this._get<number>("count");
  }
}

// ——— Workbook, sheets, settings ———

export class Workbook extends ClientObject<WorkbookModel> {
  protected readonly _kind = "workbook";
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly settings: SettingCollection;
  readonly application: Application;
  constructor(context: StandInContext) {
    super(context, () => context.model);
    this.worksheets = new WorksheetCollection(context);
    this.tables = new TableCollection(context, null);
    this.settings = new SettingCollection(context);
    this.application = new Application(context);
  }
  protected _props() {
    return { name: () => "Book1.xlsx" };
  }
  getSelectedRange(): Range {
    return new Range(this.context, () => {
      const sel = this.context.model.selection;
      if (!sel) throw new StandInError("ItemNotFound", "Nothing is selected.");
      return sel;
    });
  }
  get pivotTables(): PivotTableCollection {
    this.context._need("1.8", "workbook.pivotTables");
    return new PivotTableCollection(this.context, null);
  }
}

export class Application extends ClientObject<WorkbookModel> {
  protected readonly _kind = "application";
  constructor(context: StandInContext) {
    super(context, () => context.model);
  }
  protected _props() {
    return { calculationMode: () => "Automatic" };
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context._need("1.6", "suspendApiCalculationUntilNextSync");
    this.context._suspendCalculation();
  }
}

export class WorksheetCollection extends Collection<SheetModel, Worksheet> {
  protected readonly _kind = "worksheet collection";
  constructor(context: StandInContext) {
    super(context, () => context.model.sheets);
  }
  protected _wrap(m: SheetModel): Worksheet {
    return new Worksheet(this.context, () => m);
  }
  add(name?: string): Worksheet {
    let created: SheetModel | null = null;
    if (name !== undefined) checkSheetName(name);
    this.context._write({ method: "add", args: [name ?? null] }, () => (created = this.context.model.addSheet(name)));
    return new Worksheet(this.context, () => created);
  }
  /** By name (any case) or id, as Office. */
  getItem(key: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.sheet(key));
  }
  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.sheet(key), true);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => this.context.model.activeSheet);
  }
}

export class Worksheet extends ClientObject<SheetModel> {
  protected readonly _kind = "worksheet";
  protected _props() {
    return {
      name: (s: SheetModel) => s.name,
      id: (s: SheetModel) => s.id,
      visibility: (s: SheetModel) => s.visibility,
      position: (s: SheetModel) => this.context.model.sheets.indexOf(s),
    };
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    checkSheetName(value);
    this._set("name", value, (s) => {
      const other = this.context.model.sheet(value);
      if (other && other !== s) throw new StandInError("ItemAlreadyExists", `A sheet named "${value}" already exists.`);
      s.name = value;
    });
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  get visibility(): SheetModel["visibility"] {
    return this._get("visibility");
  }
  set visibility(value: SheetModel["visibility"]) {
    this._set("visibility", value, (s) => {
      if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") throw new StandInError("InvalidArgument", `"${String(value)}" is not a sheet visibility.`);
      if (value !== "Visible" && !this.context.model.sheets.some((o) => o !== s && o.visibility === "Visible")) {
        throw new StandInError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      s.visibility = value;
    });
  }
  get tables(): TableCollection {
    return new TableCollection(this.context, () => this._model());
  }
  get charts(): ChartCollection {
    return new ChartCollection(this.context, () => this._model());
  }
  get pivotTables(): PivotTableCollection {
    this.context._need("1.8", "worksheet.pivotTables");
    return new PivotTableCollection(this.context, () => this._model());
  }
  activate(): void {
    this._call("activate", [], (s) => {
      if (s.visibility !== "Visible") throw new StandInError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.context.model.activeSheet = s;
    });
  }
  delete(): void {
    this._call("delete", [], (s) => this.context.model.deleteSheet(s));
  }
  getRange(address?: string): Range {
    return new Range(this.context, () => {
      const sheet = this._model();
      if (address === undefined) return { sheet, r0: 0, c0: 0, r1: 1048575, c1: 16383 };
      const parsed = parseAddress(address);
      if (parsed.sheet !== null && this.context.model.sheet(parsed.sheet) !== sheet) {
        throw new StandInError("InvalidArgument", `The address "${address}" is on another sheet.`);
      }
      return { sheet, ...parsed.box };
    });
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): Range {
    return new Range(this.context, () => ({ sheet: this._model(), r0: row, c0: column, r1: row + rows - 1, c1: column + columns - 1 }));
  }
  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): Range {
    void valuesOnly;
    return new Range(this.context, () => {
      const sheet = this._model();
      return { sheet, ...(sheet.usedBox() ?? { r0: 0, c0: 0, r1: 0, c1: 0 }) };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    void valuesOnly;
    return new Range(
      this.context,
      () => {
        const sheet = this._model();
        const box = sheet.usedBox();
        return box ? { sheet, ...box } : null;
      },
      true,
    );
  }
}

export class SettingCollection extends Collection<[string, string], Setting> {
  protected readonly _kind = "setting collection";
  constructor(context: StandInContext) {
    context._need("1.4", "workbook.settings");
    super(context, () => [...context.model.settings.entries()]);
  }
  protected _wrap(m: [string, string]): Setting {
    return new Setting(this.context, () => m);
  }
  add(key: string, value: unknown): Setting {
    const text = JSON.stringify(value);
    if (text === undefined) throw new StandInError("InvalidArgument", `The value of setting "${key}" cannot be stored.`);
    this.context._write({ method: "add", args: [key, value] }, () => this.context.model.settings.set(key, text));
    return this.getItem(key);
  }
  getItem(key: string): Setting {
    return new Setting(this.context, () => this.entry(key));
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, () => this.entry(key), true);
  }
  private entry(key: string): [string, string] | null {
    const text = this.context.model.settings.get(key);
    return text === undefined ? null : [key, text];
  }
}

export class Setting extends ClientObject<[string, string]> {
  protected readonly _kind = "setting";
  protected _props() {
    return { key: (e: [string, string]) => e[0], value: (e: [string, string]) => JSON.parse(this.context.model.settings.get(e[0]) ?? e[1]) };
  }
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this._set("value", v, (e) => this.context.model.settings.set(e[0], JSON.stringify(v)));
  }
  delete(): void {
    this._call("delete", [], (e) => this.context.model.settings.delete(e[0]));
  }
}

// ——— Ranges ———

type Grid = unknown[][];

function checkGrid(name: string, value: unknown, rows: number, columns: number): Grid | null {
  if (!Array.isArray(value)) return null; // a single value: every cell
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== columns)) {
    throw new StandInError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}: ${rows}×${columns}).`,
    );
  }
  return value as Grid;
}

function checkCellValue(v: unknown): void {
  if (v === null || typeof v === "string" || typeof v === "boolean") return;
  if (typeof v === "number" && Number.isFinite(v)) return;
  // Office sends JSON: NaN and Infinity become null and the cell is silently left as it was.
  throw new StandInError("InvalidArgument", `${String(v)} is not a value a cell can hold.`);
}

export class Range extends ClientObject<RangeRef> {
  protected readonly _kind = "range";
  protected _props() {
    const grid = (read: (sheet: SheetModel, r: number, c: number) => unknown) => (ref: RangeRef) => {
      const out: unknown[][] = [];
      for (let r = ref.r0; r <= ref.r1; r++) {
        const row: unknown[] = [];
        for (let c = ref.c0; c <= ref.c1; c++) row.push(read(ref.sheet, r, c));
        out.push(row);
      }
      return out;
    };
    return {
      address: (ref: RangeRef) => refAddress(ref),
      addressLocal: (ref: RangeRef) => refAddress(ref),
      rowIndex: (ref: RangeRef) => ref.r0,
      columnIndex: (ref: RangeRef) => ref.c0,
      rowCount: (ref: RangeRef) => ref.r1 - ref.r0 + 1,
      columnCount: (ref: RangeRef) => ref.c1 - ref.c0 + 1,
      cellCount: (ref: RangeRef) => (ref.r1 - ref.r0 + 1) * (ref.c1 - ref.c0 + 1),
      values: grid((s, r, c) => s.value(r, c)),
      numberFormat: grid((s, r, c) => s.numberFormat(r, c)),
      formulas: grid((s, r, c) => s.formulas.get(`${r},${c}`) ?? s.value(r, c)),
      text: grid((s, r, c) => String(s.value(r, c))),
    };
  }
  get address(): string {
    return this._get("address");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(value: unknown[][]) {
    // Text lands as typed input unless the cell is formatted as text ("@"): see `typedInput`.
    this._set("values", value, (ref) => this.writeCells("values", value, ref, (s, r, c, v) => {
      checkCellValue(v);
      s.formulas.delete(`${r},${c}`);
      if (typeof v === "string" && s.numberFormat(r, c) !== "@") {
        const typed = typedInput(v);
        if (typed.formula !== null) s.formulas.set(`${r},${c}`, typed.formula);
        if (typed.format !== null && s.numberFormat(r, c) === "General") s.setNumberFormat(r, c, typed.format);
        s.setValue(r, c, typed.value);
      } else s.setValue(r, c, v);
    }));
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(value: unknown[][]) {
    this.values = value;
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(value: unknown[][]) {
    this._set("numberFormat", value, (ref) =>
      this.writeCells("numberFormat", value, ref, (s, r, c, v) => {
        if (typeof v !== "string") throw new StandInError("InvalidArgument", `${String(v)} is not a number format.`);
        s.setNumberFormat(r, c, v);
      }),
    );
  }
  private writeCells(name: string, value: unknown, ref: RangeRef, put: (s: SheetModel, r: number, c: number, v: unknown) => void): void {
    const rows = ref.r1 - ref.r0 + 1;
    const columns = ref.c1 - ref.c0 + 1;
    const grid = checkGrid(name, value, rows, columns);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < columns; j++) {
        const v = grid ? grid[i][j] : value;
        if (v === null) continue; // null in an update leaves the cell as it is
        put(ref.sheet, ref.r0 + i, ref.c0 + j, v);
      }
    }
  }
  get worksheet(): Worksheet {
    return new Worksheet(this.context, () => this._model().sheet);
  }
  get format(): RangeFormat {
    return new RangeFormat(this.context, () => this._model());
  }
  get conditionalFormats(): ConditionalFormatCollection {
    this.context._need("1.6", "range.conditionalFormats");
    return new ConditionalFormatCollection(this.context, () => this._model());
  }
  private derived(make: (ref: RangeRef) => Box, nullable = false): Range {
    return new Range(
      this.context,
      () => {
        const ref = this._model();
        const box = make(ref);
        if (box.r0 < 0 || box.c0 < 0 || box.r1 < box.r0 || box.c1 < box.c0) throw new StandInError("InvalidArgument", "The range would fall outside the sheet.");
        return { sheet: ref.sheet, ...box };
      },
      nullable,
    );
  }
  getCell(row: number, column: number): Range {
    return this.derived((ref) => ({ r0: ref.r0 + row, c0: ref.c0 + column, r1: ref.r0 + row, c1: ref.c0 + column }));
  }
  getRow(row: number): Range {
    return this.derived((ref) => ({ r0: ref.r0 + row, c0: ref.c0, r1: ref.r0 + row, c1: ref.c1 }));
  }
  getColumn(column: number): Range {
    return this.derived((ref) => ({ r0: ref.r0, c0: ref.c0 + column, r1: ref.r1, c1: ref.c0 + column }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derived((ref) => ({ r0: ref.r0, c0: ref.c0, r1: ref.r1 + deltaRows, c1: ref.c1 + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derived((ref) => ({ r0: ref.r0 + rowOffset, c0: ref.c0 + columnOffset, r1: ref.r1 + rowOffset, c1: ref.c1 + columnOffset }));
  }
  /** The smallest range holding this one and `other` (same sheet). */
  getBoundingRect(other: Range | string): Range {
    return new Range(this.context, () => {
      const a = this._model();
      const b = this.other(other, a.sheet);
      return { sheet: a.sheet, r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
    });
  }
  /** The cells in both ranges; ItemNotFound at sync when they do not meet. */
  getIntersection(other: Range | string): Range {
    return new Range(this.context, () => {
      const box = this.intersect(other);
      if (!box) throw new StandInError("ItemNotFound", "The ranges do not intersect.");
      return box;
    });
  }
  getIntersectionOrNullObject(other: Range | string): Range {
    return new Range(this.context, () => this.intersect(other), true);
  }
  private other(other: Range | string, sheet: SheetModel): RangeRef {
    if (typeof other !== "string") {
      const ref = other._model();
      if (ref.sheet !== sheet) throw new StandInError("InvalidArgument", "The ranges are on different sheets.");
      return ref;
    }
    return { sheet, ...parseAddress(other).box };
  }
  private intersect(other: Range | string): RangeRef | null {
    const a = this._model();
    const b = this.other(other, a.sheet);
    const box = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
    return box.r0 > box.r1 || box.c0 > box.c1 ? null : { sheet: a.sheet, ...box };
  }
  getSurroundingRegion(): Range {
    this.context._need("1.7", "range.getSurroundingRegion");
    return this.derived((ref) => ref.sheet.surroundingRegion({ r0: ref.r0, c0: ref.c0, r1: ref.r0, c1: ref.c0 }));
  }
  getUsedRange(valuesOnly?: boolean): Range {
    void valuesOnly;
    return this.derived((ref) => {
      const used = ref.sheet.usedBox();
      const box = used && { r0: Math.max(used.r0, ref.r0), c0: Math.max(used.c0, ref.c0), r1: Math.min(used.r1, ref.r1), c1: Math.min(used.c1, ref.c1) };
      if (!box || box.r0 > box.r1 || box.c0 > box.c1) throw new StandInError("ItemNotFound", "The range holds no values.");
      return box;
    });
  }
  select(): void {
    this._call("select", [], (ref) => {
      this.context.model.selection = ref;
      this.context.model.activeSheet = ref.sheet;
    });
  }
  /**
   * Deletes the cells and moves the cells below them up (ExcelApi 1.1; the stand-in shifts up only): values,
   * number formats, formulas and styles in the range's columns. A table whose columns all lie in the range
   * moves up with the cells below, or loses the rows deleted from it (its header row cannot be deleted alone);
   * a table only partly in those columns refuses, as Excel refuses to shift part of a table. Charts,
   * PivotTables and conditional formats keep their addresses (the add-in deletes no rows near them).
   */
  delete(shift: "Up" | "Left"): void {
    this._call("delete", [shift], (ref) => {
      if (shift !== "Up") throw new StandInError("InvalidArgument", `The stand-in deletes cells with the shift "Up" only, not "${String(shift)}".`);
      const h = ref.r1 - ref.r0 + 1;
      const model = this.context.model;
      const tables = model.tables.filter((t) => t.sheet === ref.sheet && t.box.r1 >= ref.r0 && t.box.c1 >= ref.c0 && t.box.c0 <= ref.c1);
      for (const t of tables) {
        if (t.box.c0 < ref.c0 || t.box.c1 > ref.c1) throw new StandInError("InvalidOperation", `This would move cells in the table ${t.name}.`);
        if (t.box.r0 >= ref.r0 && t.box.r0 <= ref.r1 && t.box.r1 > ref.r1) throw new StandInError("InvalidOperation", `This would delete the header row of the table ${t.name}.`);
      }
      const shiftRows = <T>(rows: Map<number, (T | undefined)[]>) => {
        const moved = new Map<number, (T | undefined)[]>();
        for (const [r, row] of rows) {
          if (r < ref.r0) continue;
          const cells = row.slice(ref.c0, ref.c1 + 1);
          for (let c = ref.c0; c <= Math.min(ref.c1, row.length - 1); c++) row[c] = undefined;
          if (r > ref.r1) moved.set(r - h, cells);
        }
        for (const [r, cells] of moved) {
          let row = rows.get(r);
          if (!row) rows.set(r, (row = []));
          cells.forEach((v, j) => (row![ref.c0 + j] = v));
        }
      };
      shiftRows(ref.sheet.cells);
      shiftRows(ref.sheet.formats);
      for (const keyed of [ref.sheet.styles, ref.sheet.formulas] as Map<string, unknown>[]) {
        const moved: [string, unknown][] = [];
        for (const [key, v] of [...keyed]) {
          const [r, c] = key.split(",").map(Number);
          if (r < ref.r0 || c < ref.c0 || c > ref.c1) continue;
          keyed.delete(key);
          if (r > ref.r1) moved.push([`${r - h},${c}`, v]);
        }
        for (const [key, v] of moved) keyed.set(key, v);
      }
      for (const t of tables) {
        if (t.box.r0 > ref.r1) (t.box.r0 -= h), (t.box.r1 -= h);
        else if (t.box.r0 >= ref.r0) {
          // Wholly inside the deleted rows: the table goes.
          t.deleted = true;
          model.tables.splice(model.tables.indexOf(t), 1);
        } else t.box.r1 -= Math.min(t.box.r1, ref.r1) - Math.max(t.box.r0 + 1, ref.r0) + 1;
      }
    });
  }
  clear(): void {
    this._call("clear", [], (ref) => {
      // Only the rows and cells that hold something, so clearing whole columns ("A5:I1048576") is cheap.
      const inside = (r: number, c: number) => r >= ref.r0 && r <= ref.r1 && c >= ref.c0 && c <= ref.c1;
      for (const rows of [ref.sheet.cells, ref.sheet.formats]) {
        for (const [r, row] of rows) {
          if (r < ref.r0 || r > ref.r1) continue;
          for (let c = ref.c0; c <= Math.min(ref.c1, row.length - 1); c++) row[c] = undefined;
        }
      }
      for (const cells of [ref.sheet.styles, ref.sheet.formulas]) {
        for (const key of [...cells.keys()]) {
          const [r, c] = key.split(",").map(Number);
          if (inside(r, c)) cells.delete(key);
        }
      }
    });
  }
}

export class RangeFormat extends ClientObject<RangeRef> {
  protected readonly _kind = "range format";
  protected _props() {
    return { columnWidth: (ref: RangeRef) => ref.sheet.columnWidths.get(ref.c0) ?? 48 };
  }
  get font() {
    return new StyleProxy(this.context, () => this._model(), "font");
  }
  get fill() {
    return new StyleProxy(this.context, () => this._model(), "fill");
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(width: number) {
    this._set("columnWidth", width, (ref) => {
      for (let c = ref.c0; c <= ref.c1; c++) ref.sheet.columnWidths.set(c, width);
    });
  }
  autofitColumns(): void {
    this._call("autofitColumns", [], (ref) => {
      for (let c = ref.c0; c <= ref.c1; c++) {
        let longest = 0;
        for (let r = ref.r0; r <= Math.min(ref.r1, ref.r0 + 5000); r++) longest = Math.max(longest, String(ref.sheet.value(r, c)).length);
        ref.sheet.columnWidths.set(c, Math.max(24, Math.min(400, 7 * longest + 10)));
      }
    });
  }
}

/** range.format.font (bold, color) and range.format.fill (color, clear()). */
export class StyleProxy extends ClientObject<RangeRef> {
  protected readonly _kind = "range style";
  constructor(
    context: StandInContext,
    locate: () => RangeRef,
    private readonly part: "font" | "fill",
  ) {
    super(context, locate);
  }
  protected _props(): Record<string, (ref: RangeRef) => unknown> {
    const first = (ref: RangeRef) => ref.sheet.styles.get(`${ref.r0},${ref.c0}`) ?? {};
    return this.part === "font"
      ? { bold: (ref: RangeRef) => first(ref).bold ?? false, color: (ref: RangeRef) => first(ref).fontColor ?? "#000000" }
      : { color: (ref: RangeRef) => first(ref).fill ?? null };
  }
  private style(ref: RangeRef, change: (s: { bold?: boolean; fill?: string; fontColor?: string }) => void): void {
    for (let r = ref.r0; r <= ref.r1; r++) {
      for (let c = ref.c0; c <= ref.c1; c++) {
        const key = `${r},${c}`;
        const s = ref.sheet.styles.get(key) ?? {};
        change(s);
        ref.sheet.styles.set(key, s);
      }
    }
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v, (ref) => this.style(ref, (s) => (s.bold = v)));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (ref) => this.style(ref, (s) => (this.part === "font" ? (s.fontColor = v) : (s.fill = v))));
  }
  clear(): void {
    this._call("clear", [], (ref) => this.style(ref, (s) => delete s.fill));
  }
}

// ——— Conditional formats ———

export class ConditionalFormatCollection extends Collection<ConditionalFormatModel, ConditionalFormat> {
  protected readonly _kind = "conditional format collection";
  constructor(
    context: StandInContext,
    private readonly range: () => RangeRef,
  ) {
    super(context, () => context.model.conditionalFormats.filter((f) => overlaps(f.range, range())));
  }
  protected _wrap(m: ConditionalFormatModel): ConditionalFormat {
    return new ConditionalFormat(this.context, () => m);
  }
  add(type: string): ConditionalFormat {
    let created: ConditionalFormatModel | null = null;
    this.context._write({ method: "add", args: [type] }, () => {
      const known = ["ColorScale", "DataBar", "IconSet", "CellValue", "TopBottom", "PresetCriteria", "ContainsText", "Custom"];
      if (!known.includes(type)) throw new StandInError("InvalidArgument", `"${type}" is not a conditional format type.`);
      created = { id: this.context.model.newId("cf"), range: { ...this.range() }, type, colorScale: type === "ColorScale" ? { criteria: null } : null };
      this.context.model.conditionalFormats.push(created);
    });
    return new ConditionalFormat(this.context, () => created);
  }
  clearAll(): void {
    this._call("clearAll", [], () => {
      const list = this.context.model.conditionalFormats;
      for (let i = list.length - 1; i >= 0; i--) if (overlaps(list[i].range, this.range())) list.splice(i, 1);
    });
  }
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.sheet === b.sheet && a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export class ConditionalFormat extends ClientObject<ConditionalFormatModel> {
  protected readonly _kind = "conditional format";
  protected _props() {
    return { type: (m: ConditionalFormatModel) => m.type, id: (m: ConditionalFormatModel) => m.id };
  }
  get type(): string {
    return this._get("type");
  }
  get colorScale() {
    const owner = this;
    return {
      set criteria(criteria: unknown) {
        owner.context._write({ criteria }, () => {
          const m = owner._model();
          if (!m.colorScale) throw new StandInError("InvalidOperation", `A ${m.type} conditional format has no color scale.`);
          m.colorScale.criteria = clone(criteria);
        });
      },
    };
  }
}

// ——— Tables ———

export class TableCollection extends Collection<TableModel, Table> {
  protected readonly _kind = "table collection";
  constructor(
    context: StandInContext,
    private readonly sheet: (() => SheetModel) | null,
  ) {
    super(context, () => context.model.tables.filter((t) => !sheet || t.sheet === sheet()));
  }
  protected _wrap(m: TableModel): Table {
    return new Table(this.context, () => m);
  }
  add(address: Range | string, hasHeaders: boolean): Table {
    let created: TableModel | null = null;
    const model = this.context.model;
    this.context._write({ method: "add", args: [typeof address === "string" ? address : "(range)", hasHeaders] }, () => {
      let ref: RangeRef;
      if (typeof address === "string") {
        const parsed = parseAddress(address);
        const sheet = parsed.sheet !== null ? model.sheet(parsed.sheet) : this.sheet ? this.sheet() : null;
        if (!sheet) throw new StandInError("InvalidArgument", `The address "${address}" names no sheet.`);
        ref = { sheet, ...parsed.box };
      } else ref = address._model();
      if (!hasHeaders) throw new StandInError("NotImplemented", "The stand-in adds tables with a header row only.");
      for (const t of model.tables) if (overlaps({ sheet: t.sheet, ...t.box }, ref)) throw new StandInError("InvalidOperation", "A table can't overlap another table.");
      let k = model.tables.length + 1;
      while (model.table(`Table${k}`)) k++;
      // Excel names blank headers Column1…, and makes repeated ones unique.
      const seen = new Set<string>();
      for (let c = ref.c0; c <= ref.c1; c++) {
        let h = String(ref.sheet.value(ref.r0, c)).trim() || `Column${c - ref.c0 + 1}`;
        for (let n = 2; seen.has(h.toLowerCase()); n++) h = `${String(ref.sheet.value(ref.r0, c)).trim() || "Column"}${n}`;
        seen.add(h.toLowerCase());
        ref.sheet.setValue(ref.r0, c, h);
      }
      created = { id: model.newId("table"), name: `Table${k}`, sheet: ref.sheet, box: { r0: ref.r0, c0: ref.c0, r1: ref.r1, c1: ref.c1 }, style: "TableStyleMedium2", deleted: false };
      model.tables.push(created);
    });
    return new Table(this.context, () => created);
  }
  getItem(name: string): Table {
    return new Table(this.context, () => this.context.model.table(name));
  }
  getItemOrNullObject(name: string): Table {
    return new Table(this.context, () => this.context.model.table(name), true);
  }
}

export class Table extends ClientObject<TableModel> {
  protected readonly _kind = "table";
  protected _props() {
    return { name: (t: TableModel) => t.name, id: (t: TableModel) => t.id, style: (t: TableModel) => t.style, showTotals: (t: TableModel) => t.showTotals ?? false };
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (t) => {
      if (t.name.toLowerCase() !== value.toLowerCase()) this.context.model.checkNewTableName(value);
      t.name = value;
    });
  }
  get id(): string {
    return this._get("id");
  }
  get style(): string {
    return this._get("style");
  }
  set style(value: string) {
    this._set("style", value, (t) => (t.style = value));
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  /** Shows or hides the totals row below the data (the table grows or shrinks by that row). */
  set showTotals(value: boolean) {
    this._set("showTotals", value, (t) => {
      if ((t.showTotals ?? false) === value) return;
      t.box = { ...t.box, r1: t.box.r1 + (value ? 1 : -1) };
      t.showTotals = value;
    });
  }
  get worksheet(): Worksheet {
    return new Worksheet(this.context, () => this._model().sheet);
  }
  private part(box: (b: Box, totals: number) => Box): Range {
    return new Range(this.context, () => {
      const t = this._model();
      return { sheet: t.sheet, ...box(t.box, t.showTotals ? 1 : 0) };
    });
  }
  /** The whole table: header, data and the totals row when shown. */
  getRange(): Range {
    return this.part((b) => b);
  }
  getHeaderRowRange(): Range {
    return this.part((b) => ({ ...b, r1: b.r0 }));
  }
  getDataBodyRange(): Range {
    return this.part((b, totals) => ({ ...b, r0: b.r0 + 1, r1: b.r1 - totals }));
  }
  getTotalRowRange(): Range {
    return new Range(this.context, () => {
      const t = this._model();
      if (!t.showTotals) throw new StandInError("InvalidOperation", "The table does not show its totals row.");
      return { sheet: t.sheet, ...t.box, r0: t.box.r1 };
    });
  }
  get rows() {
    return new TableRows(this.context, () => this._model());
  }
  get columns() {
    return new TableColumns(this.context, () => this._model());
  }
  delete(): void {
    this._call("delete", [], (t) => {
      t.deleted = true;
      this.context.model.tables.splice(this.context.model.tables.indexOf(t), 1);
    });
  }
  /** Turns the table into a plain range: its cells (values, formats) stay, the table and its name go (ExcelApi 1.2). */
  convertToRange(): Range {
    this.context._need("1.2", "table.convertToRange");
    let box: RangeRef | null = null;
    this._call("convertToRange", [], (t) => {
      box = { sheet: t.sheet, ...t.box };
      t.deleted = true;
      this.context.model.tables.splice(this.context.model.tables.indexOf(t), 1);
    });
    return new Range(this.context, () => box);
  }
}

export class TableRows extends ClientObject<TableModel> {
  protected readonly _kind = "table rows";
  protected _props() {
    return { count: (t: TableModel) => t.box.r1 - t.box.r0 - (t.showTotals ? 1 : 0) };
  }
  get count(): number {
    return this._get("count");
  }
}

interface ColumnModel {
  table: TableModel;
  index: number;
  sheet: SheetModel;
}

export class TableColumns extends Collection<ColumnModel, TableColumn> {
  protected readonly _kind = "table column collection";
  constructor(
    context: StandInContext,
    private readonly table: () => TableModel,
  ) {
    super(context, () => {
      const t = table();
      return Array.from({ length: t.box.c1 - t.box.c0 + 1 }, (_, index) => ({ table: t, index, sheet: t.sheet }));
    });
  }
  protected _wrap(m: ColumnModel): TableColumn {
    return new TableColumn(this.context, () => m);
  }
  getItem(name: string): TableColumn {
    return new TableColumn(this.context, () => {
      const t = this.table();
      for (let c = t.box.c0; c <= t.box.c1; c++) if (String(t.sheet.value(t.box.r0, c)).toLowerCase() === name.toLowerCase()) return { table: t, index: c - t.box.c0, sheet: t.sheet };
      return null;
    });
  }
}

export class TableColumn extends ClientObject<ColumnModel> {
  protected readonly _kind = "table column";
  protected _props() {
    return { name: (m: ColumnModel) => String(m.sheet.value(m.table.box.r0, m.table.box.c0 + m.index)), index: (m: ColumnModel) => m.index };
  }
  get name(): string {
    return this._get("name");
  }
  getDataBodyRange(): Range {
    return new Range(this.context, () => {
      const m = this._model();
      const c = m.table.box.c0 + m.index;
      return { sheet: m.sheet, r0: m.table.box.r0 + 1, c0: c, r1: m.table.box.r1 - (m.table.showTotals ? 1 : 0), c1: c };
    });
  }
}

// ——— Charts ———

const CHART_TYPES = new Set([
  "ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "Line", "LineMarkers", "Pie", "Doughnut",
  "XYScatter", "XYScatterLines", "XYScatterSmooth", "Radar", "RadarMarkers", "RadarFilled", "Area", "AreaStacked", "Pareto", "Histogram",
]);

function checkChartType(type: string): void {
  if (!CHART_TYPES.has(type)) throw new StandInError("InvalidArgument", `"${type}" is not a chart type.`);
}

/** The series Excel makes from a source range: categories from a text first column (or row), names from a text header. */
function seriesFrom(ref: RangeRef, seriesBy: string): SeriesModel[] {
  const rows = ref.r1 - ref.r0 + 1;
  const columns = ref.c1 - ref.c0 + 1;
  const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && rows >= columns);
  // Work in (line, position): a line is a series' cells (a column when byColumns).
  const lines = byColumns ? columns : rows;
  const length = byColumns ? rows : columns;
  const cell = (line: number, pos: number) => (byColumns ? ref.sheet.value(ref.r0 + pos, ref.c0 + line) : ref.sheet.value(ref.r0 + line, ref.c0 + pos));
  const isText = (v: unknown) => typeof v === "string" && v !== "";
  let header = false;
  for (let l = 0; l < lines && length > 1; l++) if (isText(cell(l, 0))) header = true;
  let categories = false;
  if (lines > 1) for (let p = header ? 1 : 0; p < length; p++) if (isText(cell(0, p))) categories = true;
  const span = (line: number): RangeRef => {
    const from = header ? 1 : 0;
    return byColumns
      ? { sheet: ref.sheet, r0: ref.r0 + from, r1: ref.r1, c0: ref.c0 + line, c1: ref.c0 + line }
      : { sheet: ref.sheet, r0: ref.r0 + line, r1: ref.r0 + line, c0: ref.c0 + from, c1: ref.c1 };
  };
  const out: SeriesModel[] = [];
  for (let l = categories ? 1 : 0; l < lines; l++) {
    out.push({ name: header ? String(cell(l, 0)) : `Series${out.length + 1}`, chartType: null, axisGroup: "Primary", values: span(l), xValues: categories ? span(0) : null });
  }
  return out;
}

export class ChartCollection extends Collection<ChartModel, Chart> {
  protected readonly _kind = "chart collection";
  constructor(
    context: StandInContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, () => context.model.charts.filter((c) => c.sheet === sheet()));
  }
  protected _wrap(m: ChartModel): Chart {
    return new Chart(this.context, () => m);
  }
  add(type: string, sourceData: Range, seriesBy: string = "Auto"): Chart {
    let created: ChartModel | null = null;
    this.context._write({ method: "add", args: [type, seriesBy] }, () => {
      checkChartType(type);
      const model = this.context.model;
      const sheet = this.sheet();
      let k = model.charts.length + 1;
      while (model.charts.some((c) => c.sheet === sheet && c.name === `Chart ${k}`)) k++;
      created = {
        id: model.newId("chart"),
        name: `Chart ${k}`,
        sheet,
        chartType: type,
        title: { text: "", visible: true },
        legend: { visible: true, position: "Right" },
        axisTitles: new Map(),
        series: seriesFrom(sourceData._model(), seriesBy),
        position: null,
        deleted: false,
      };
      model.charts.push(created);
    });
    return new Chart(this.context, () => created);
  }
  getItem(name: string): Chart {
    return new Chart(this.context, () => this.context.model.charts.find((c) => c.sheet === this.sheet() && c.name === name) ?? null);
  }
  getItemOrNullObject(name: string): Chart {
    return new Chart(this.context, () => this.context.model.charts.find((c) => c.sheet === this.sheet() && c.name === name) ?? null, true);
  }
}

export class Chart extends ClientObject<ChartModel> {
  protected readonly _kind = "chart";
  protected _props() {
    return { name: (c: ChartModel) => c.name, id: (c: ChartModel) => c.id, chartType: (c: ChartModel) => c.chartType };
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (c) => (c.name = value));
  }
  get id(): string {
    return this._get("id");
  }
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(value: string) {
    checkChartType(value);
    this._set("chartType", value, (c) => (c.chartType = value));
  }
  get title() {
    return new TextPart(this.context, () => this._model().title, "chart title");
  }
  get legend() {
    return new LegendProxy(this.context, () => this._model().legend);
  }
  get axes() {
    const chart = this;
    const axis = (type: string, group: string) => ({
      title: new TextPart(
        chart.context,
        () => {
          const c = chart._model();
          const key = `${type}/${group}`;
          const holder = { text: c.axisTitles.get(key) ?? "", visible: c.axisTitles.has(key) };
          return new Proxy(holder, {
            set(target, prop, value) {
              (target as Record<string, unknown>)[prop as string] = value;
              if (prop === "text") c.axisTitles.set(key, String(value));
              return true;
            },
          });
        },
        "axis title",
      ),
    });
    return {
      get categoryAxis() {
        return axis("Category", "Primary");
      },
      get valueAxis() {
        return axis("Value", "Primary");
      },
      getItem(type: string, group = "Primary") {
        if (group === "Secondary") chart.context._need("1.7", "chart.axes.getItem");
        return axis(type, group);
      },
    };
  }
  get series(): SeriesCollection {
    return new SeriesCollection(this.context, () => this._model());
  }
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    const text = (x: Range | string | undefined) => (x === undefined ? null : typeof x === "string" ? x : refAddress(x._model()));
    this.context._write({ method: "setPosition", args: [typeof startCell === "string" ? startCell : "(range)", endCell === undefined ? null : "(range)"] }, () => {
      const c = this._model();
      c.position = { start: text(startCell)!, end: text(endCell) };
    });
  }
  delete(): void {
    this._call("delete", [], (c) => {
      c.deleted = true;
      this.context.model.charts.splice(this.context.model.charts.indexOf(c), 1);
    });
  }
}

/** A { text, visible } part: chart title, axis title. */
export class TextPart extends ClientObject<{ text: string; visible: boolean }> {
  constructor(
    context: StandInContext,
    locate: () => { text: string; visible: boolean },
    protected readonly _kind: string,
  ) {
    super(context, locate);
  }
  protected _props() {
    return { text: (m: { text: string }) => m.text, visible: (m: { visible: boolean }) => m.visible };
  }
  get text(): string {
    return this._get("text");
  }
  set text(value: string) {
    this._set("text", value, (m) => {
      m.text = value;
      m.visible = true;
    });
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(value: boolean) {
    this._set("visible", value, (m) => (m.visible = value));
  }
}

export class LegendProxy extends ClientObject<{ visible: boolean; position: string }> {
  protected readonly _kind = "legend";
  protected _props() {
    return { visible: (m: { visible: boolean }) => m.visible, position: (m: { position: string }) => m.position };
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(value: boolean) {
    this._set("visible", value, (m) => (m.visible = value));
  }
  get position(): string {
    return this._get("position");
  }
  set position(value: string) {
    this._set("position", value, (m) => (m.position = value));
  }
}

export class SeriesCollection extends Collection<SeriesModel, ChartSeries> {
  protected readonly _kind = "series collection";
  constructor(
    context: StandInContext,
    private readonly chart: () => ChartModel,
  ) {
    super(context, () => chart().series);
  }
  protected _wrap(m: SeriesModel): ChartSeries {
    return new ChartSeries(this.context, () => m);
  }
  add(name?: string, index?: number): ChartSeries {
    this.context._need("1.7", "chart.series.add");
    let created: SeriesModel | null = null;
    this.context._write({ method: "add", args: [name ?? null, index ?? null] }, () => {
      const list = this.chart().series;
      created = { name: name ?? `Series${list.length + 1}`, chartType: null, axisGroup: "Primary", values: null, xValues: null };
      list.splice(index ?? list.length, 0, created);
    });
    return new ChartSeries(this.context, () => created);
  }
  getItemAt(index: number): ChartSeries {
    return new ChartSeries(this.context, () => this.chart().series[index] ?? null);
  }
}

export class ChartSeries extends ClientObject<SeriesModel> {
  protected readonly _kind = "chart series";
  protected _props() {
    return { name: (s: SeriesModel) => s.name, chartType: (s: SeriesModel) => s.chartType, axisGroup: (s: SeriesModel) => s.axisGroup };
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (s) => (s.name = value));
  }
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(value: string) {
    this.context._need("1.7", "series.chartType");
    checkChartType(value);
    this._set("chartType", value, (s) => (s.chartType = value));
  }
  get axisGroup(): string {
    return this._get("axisGroup");
  }
  set axisGroup(value: "Primary" | "Secondary") {
    this.context._need("1.8", "series.axisGroup");
    this._set("axisGroup", value, (s) => {
      if (value !== "Primary" && value !== "Secondary") throw new StandInError("InvalidArgument", `"${String(value)}" is not an axis group.`);
      s.axisGroup = value;
    });
  }
  setValues(sourceData: Range): void {
    this.context._need("1.7", "series.setValues");
    this._call("setValues", ["(range)"], (s) => (s.values = sourceData._model()));
  }
  setXAxisValues(sourceData: Range): void {
    this.context._need("1.7", "series.setXAxisValues");
    this._call("setXAxisValues", ["(range)"], (s) => (s.xValues = sourceData._model()));
  }
}

// ——— PivotTables ———

export class PivotTableCollection extends Collection<PivotModel, PivotTable> {
  protected readonly _kind = "PivotTable collection";
  constructor(
    context: StandInContext,
    private readonly sheet: (() => SheetModel) | null,
  ) {
    super(context, () => context.model.pivots.filter((p) => !sheet || p.sheet === sheet()));
  }
  protected _wrap(m: PivotModel): PivotTable {
    return new PivotTable(this.context, () => m);
  }
  add(name: string, source: Range | string | Table, destination: Range | string): PivotTable {
    let created: PivotModel | null = null;
    const model = this.context.model;
    this.context._write({ method: "add", args: [name, typeof source === "string" ? source : "(object)", typeof destination === "string" ? destination : "(range)"] }, () => {
      let src: PivotModel["source"];
      if (source instanceof Table) src = { table: source._model() };
      else if (source instanceof Range) src = { range: source._model() };
      else {
        const table = model.table(source);
        if (table) src = { table };
        else {
          const parsed = parseAddress(source);
          const sheet = parsed.sheet ? model.sheet(parsed.sheet) : null;
          if (!sheet) throw new StandInError("InvalidArgument", `"${source}" is neither a table nor an address with a sheet.`);
          src = { range: { sheet, ...parsed.box } };
        }
      }
      let dest: RangeRef;
      if (typeof destination === "string") {
        const parsed = parseAddress(destination);
        const sheet = parsed.sheet ? model.sheet(parsed.sheet) : this.sheet ? this.sheet() : null;
        if (!sheet) throw new StandInError("InvalidArgument", `"${destination}" names no sheet.`);
        dest = { sheet, ...parsed.box };
      } else dest = destination._model();
      // PivotTable names are unique within a sheet.
      if (model.pivots.some((p) => p.sheet === dest.sheet && p.name.toLowerCase() === name.toLowerCase())) {
        throw new StandInError("ItemAlreadyExists", `A PivotTable named "${name}" already exists on this sheet.`);
      }
      created = { id: model.newId("pivot"), name, sheet: dest.sheet, destination: { r: dest.r0, c: dest.c0 }, source: src, rows: [], data: [], deleted: false };
      model.pivots.push(created);
    });
    return new PivotTable(this.context, () => created);
  }
  getItem(name: string): PivotTable {
    return new PivotTable(this.context, () => this.context.model.pivots.find((p) => p.name === name) ?? null);
  }
  getItemOrNullObject(name: string): PivotTable {
    return new PivotTable(this.context, () => this.context.model.pivots.find((p) => p.name === name) ?? null, true);
  }
}

/** Header texts of a PivotTable's source: its fields. */
export function pivotFields(p: PivotModel): string[] {
  const ref = "table" in p.source ? { sheet: p.source.table.sheet, ...p.source.table.box } : p.source.range;
  const out: string[] = [];
  for (let c = ref.c0; c <= ref.c1; c++) out.push(String(ref.sheet.value(ref.r0, c)));
  return out;
}

export class PivotTable extends ClientObject<PivotModel> {
  protected readonly _kind = "PivotTable";
  protected _props() {
    return { name: (p: PivotModel) => p.name, id: (p: PivotModel) => p.id };
  }
  get name(): string {
    return this._get("name");
  }
  get hierarchies() {
    const pivot = this;
    return {
      getItem(name: string) {
        const h = new PivotHierarchy(pivot.context, () => {
          const p = pivot._model();
          const field = pivotFields(p).find((f) => f.toLowerCase() === name.toLowerCase());
          if (field === undefined) throw new StandInError("ItemNotFound", `The PivotTable has no field "${name}".`);
          return { pivot: p, field };
        });
        h.fieldName = name;
        return h;
      },
    };
  }
  get rowHierarchies() {
    const pivot = this;
    return {
      add(h: PivotHierarchy) {
        pivot._call("rowHierarchies.add", [h.fieldName], () => {
          const { pivot: p, field } = h._model();
          if (p.rows.includes(field)) throw new StandInError("InvalidArgument", `"${field}" is already a row field.`);
          p.rows.push(field);
        });
        return h;
      },
    };
  }
  get dataHierarchies() {
    const pivot = this;
    return {
      add(h: PivotHierarchy) {
        let entry: PivotModel["data"][number] | null = null;
        pivot._call("dataHierarchies.add", [h.fieldName], () => {
          const { pivot: p, field } = h._model();
          entry = { name: `Sum of ${field}`, field, summarizeBy: "Sum" };
          p.data.push(entry);
        });
        return new DataHierarchy(pivot.context, () => entry);
      },
    };
  }
  delete(): void {
    this._call("delete", [], (p) => {
      p.deleted = true;
      this.context.model.pivots.splice(this.context.model.pivots.indexOf(p), 1);
    });
  }
}

export class PivotHierarchy extends ClientObject<{ pivot: PivotModel; field: string }> {
  protected readonly _kind = "PivotHierarchy";
  fieldName = "";
  protected _props() {
    return { name: (h: { field: string }) => h.field };
  }
}

export class DataHierarchy extends ClientObject<PivotModel["data"][number]> {
  protected readonly _kind = "DataPivotHierarchy";
  protected _props() {
    return { name: (d: { name: string }) => d.name, summarizeBy: (d: { summarizeBy: string }) => d.summarizeBy };
  }
  get summarizeBy(): string {
    return this._get("summarizeBy");
  }
  set summarizeBy(value: string) {
    this._set("summarizeBy", value, (d) => {
      const known = ["Sum", "Count", "Average", "Max", "Min", "Product", "CountNumbers", "StandardDeviation", "StandardDeviationP", "Variance", "VarianceP", "Automatic"];
      if (!known.includes(value)) throw new StandInError("InvalidArgument", `"${value}" is not an aggregation function.`);
      d.summarizeBy = value;
      if (d.name.startsWith("Sum of ") || d.name.startsWith("Count of ")) d.name = `${value === "Count" ? "Count" : value === "Sum" ? "Sum" : value} of ${d.field}`;
    });
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (d) => (d.name = value));
  }
}

export { columnLetters, boxAddress };
