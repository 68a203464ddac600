/**
 * The base of every proxy, where Office.js semantics live once: a property is readable only after
 * load() and sync() (PropertyNotLoaded otherwise), writes are queued on the context, *OrNullObject
 * proxies learn isNullObject at sync, and a proxy of a deleted object fails. Only the part of the API
 * the add-in uses is modelled.
 * Load, sync, PropertyNotLoaded and *OrNullObject: https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * (isNullObject is readable only after sync: https://learn.microsoft.com/javascript/api/office/officeextension.clientobject)
 */
import { StandInError } from "./errors";
import type { SheetModel } from "./model";
import { jsonBytes, type SyncQueue } from "./sync";

export type LoadSpec = string | string[] | { select?: string } | undefined;

function loadNames(spec: LoadSpec): string[] | null {
  const text = spec === undefined ? "" : typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : (spec.select ?? "");
  const names = text
    .split(",")
    .map((s) => s.trim().replace(/^items\//, ""))
    .filter(Boolean);
  return names.length ? names : null;
}

export const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** A proxy of a deleted sheet, table, chart or PivotTable fails with InvalidOperation. source? */
function isGone(m: unknown): boolean {
  if (m && typeof m === "object") {
    if ("deleted" in m && (m as { deleted: boolean }).deleted) return true;
    if ("sheet" in m && (m as { sheet: SheetModel }).sheet?.deleted) return true;
  }
  return false;
}

/** The base of every proxy: a locator run at sync time, a cache of loaded properties. */
export abstract class ClientObject<M> {
  protected readonly _cache = new Map<string, unknown>();
  private _pinned: M | null = null;
  private _null: boolean | undefined;
  protected abstract readonly _kind: string;
  protected abstract _props(): Record<string, (m: M) => unknown>;

  constructor(
    readonly context: SyncQueue,
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

export abstract class Collection<M, P extends ClientObject<M>> extends ClientObject<M[]> {
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

