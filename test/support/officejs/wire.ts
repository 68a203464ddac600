/**
 * The server half of the Office.js-client harness: an interpreter of the RichApi requests that Microsoft's
 * Excel client (excel-web-16.00.js) sends for each `context.sync()` when its RequestContext was built on a URL,
 * mapped onto the in-memory stand-in (src/standin) as the workbook.
 *
 * Why: the stand-in counts a sync's bytes with its own estimate (JSON of the queued writes). Here the bytes are
 * the body the real client puts on the wire, so the 5 MB rule is checked against what Office would receive.
 * Why an interpreter of our own: Microsoft publishes no server for this protocol; its shape is read from the
 * client (OfficeExtension's ClientRequest, ObjectPath and HttpRequestExecutor in excel-web-16.00.debug.js):
 *
 *   request  {"Actions": [{Id, ActionType, Name, ObjectPathId, ArgumentInfo?, QueryInfo?}],
 *             "ObjectPaths": {"<id>": {Id, ObjectPathType, Name, ParentObjectPathId?, ArgumentInfo?}}}
 *   response {"Results": [{ActionId, Value}], "Error"?: {Code, Message, HttpStatusCode}}
 *
 * ObjectPathType: 1 global object (the workbook), 3 method, 4 property, 5 indexer (`collection[key]`),
 * 6 reference id, 7 null object. ActionType: 1 instantiate, 2 query (load), 3 method, 4 set property, 5 trace.
 * Names on the wire are PascalCase ("GetItem", "Values"), selects in a query camelCase ("items/name" is sent as
 * a collection query whose Select is ["name"]), and results PascalCase again (the client reads obj["Values"]).
 * An instantiate answers the object's key as `_Id` (the client then addresses it as `parent[_Id]` in later
 * requests: ObjectPath.updateUsingObjectData), or null for a null object (`*OrNullObject`).
 *
 * Each request is one `standIn.run` with one stand-in sync, so the stand-in's own rules (ownership, limits,
 * requirement sets) apply as they do in the other tests. Anything the interpreter does not know (an action
 * or path type, a method the stand-in lacks) is answered with an error the client throws, never ignored.
 */
import { ClientObject, Collection } from "../../../src/standin/client-object";
import type { StandIn, StandInContext } from "../../../src/standin";
import { Range } from "../../../src/standin/range";
import { Worksheet } from "../../../src/standin/worksheet";

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
}
export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ObjectPathInfo["ArgumentInfo"];
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
}
export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}
export interface ResponseBody {
  Results: { ActionId: number; Value?: unknown }[];
  Error?: { Code: string; Message: string; HttpStatusCode: number; Location?: string };
}

/** One request as the wire carried it. */
export interface WireRecord {
  index: number;
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** Action types in the request and how many of each (e.g. {"SetProperty": 12}). */
  kinds: Record<string, number>;
  error: string | null;
  /**
   * The request Excel.run sends after the batch to release the ranges it tracked itself (every Range a batch
   * makes is kept with `_KeepReference` and released with `Workbook._RemoveReference` when the run ends:
   * ClientRequestContext._runBatch and TrackedObjects in the client). It is no `context.sync()` of ours, but a
   * round trip all the same.
   */
  cleanup: boolean;
}

const ACTION = ["", "Instantiate", "Query", "Method", "SetProperty", "Trace"];

class WireError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** A value as JSON would carry it (undefined dropped, PascalCase keys are the caller's business). */
function plain(value: unknown): unknown {
  if (value instanceof ClientObject) return value.toJSON();
  return value;
}

/**
 * What the client needs to address an object again in a later request: the key its collection's getItem
 * takes. Worksheets by id (WorksheetCollection.getItem takes a name or an id), settings by key, and the
 * named collections' items (tables, charts, PivotTables, named items: the add-in's ownership markers) by name.
 */
function keyProperty(object: object): string | null {
  if (object instanceof Worksheet) return "id";
  const props = Object.keys((object as unknown as { _props(): Record<string, unknown> })._props());
  return props.includes("name") ? "name" : props.includes("key") ? "key" : null;
}

/** isNullObject without PropertyNotLoaded: only `*OrNullObject` proxies know it; the others are never null. */
function isNull(object: { readonly isNullObject: boolean }): boolean {
  try {
    return object.isNullObject;
  } catch {
    return false;
  }
}

/**
 * Ranges kept between requests. Excel answers a range's instantiation with a `_ReferenceId` and the client
 * addresses the range by it afterwards (ObjectPathType 6): a range path is invalid after its request
 * (ObjectPath.isInvalidAfterRequest), since the cells it meant may move. The harness keeps the cells the range
 * resolved to, as Excel's reference does.
 */
export class References {
  private readonly kept = new Map<string, ReturnType<Range["_model"]>>();
  private made = 0;
  keep(range: Range): string {
    const id = `{range-${++this.made}}`;
    this.kept.set(id, range._model());
    return id;
  }
  release(id: string): void {
    this.kept.delete(id);
  }
  get size(): number {
    return this.kept.size;
  }
  range(context: StandInContext, id: string): Range {
    const model = this.kept.get(id);
    if (!model) throw new WireError("InvalidObjectPath", `No range was kept as ${id}.`);
    return new Range(context, () => model);
  }
}

/** Runs one request against the stand-in; never throws (a failure is answered in the response, as Excel does). */
export async function interpret(book: StandIn, body: RequestBody, references: References): Promise<ResponseBody> {
  const results: ResponseBody["Results"] = [];
  try {
    await book.run(async (context: StandInContext) => {
      const resolved = new Map<number, unknown>();
      const resolve = (id: number): unknown => {
        if (resolved.has(id)) return resolved.get(id);
        const path = body.ObjectPaths[String(id)];
        if (!path) throw new WireError("InvalidObjectPath", `The request names object path ${id} without sending it.`);
        const value = evaluate(path);
        resolved.set(id, value);
        return value;
      };
      const args = (info: ObjectPathInfo["ArgumentInfo"]): unknown[] => {
        const list = [...(info?.Arguments ?? [])];
        info?.ReferencedObjectPathIds?.forEach((ref, i) => {
          if (ref) list[i] = resolve(ref);
        });
        return list;
      };
      const member = (target: unknown, name: string): unknown => {
        if (target === null || typeof target !== "object") throw new WireError("InvalidObjectPath", `"${name}" of a ${String(target)}.`);
        const key = camel(name);
        if (!(key in target)) throw new WireError("ApiNotFound", `The stand-in has no "${key}" on ${target.constructor.name}.`);
        return (target as Record<string, unknown>)[key];
      };
      const call = (target: unknown, name: string, list: unknown[]): unknown => {
        const fn = member(target, name);
        if (typeof fn !== "function") throw new WireError("ApiNotFound", `"${name}" on ${String(target?.constructor.name)} is not a method.`);
        return (fn as (...a: unknown[]) => unknown).apply(target, list);
      };
      const evaluate = (path: ObjectPathInfo): unknown => {
        switch (path.ObjectPathType) {
          case 1:
            return context.workbook;
          case 3:
            return call(resolve(path.ParentObjectPathId!), path.Name, args(path.ArgumentInfo));
          case 4:
            return member(resolve(path.ParentObjectPathId!), path.Name);
          case 5:
            return call(resolve(path.ParentObjectPathId!), "GetItem", args(path.ArgumentInfo));
          case 6:
            return references.range(context, path.Name);
          case 7:
            return null;
          default:
            throw new WireError("InvalidRequest", `Object path type ${path.ObjectPathType} is not interpreted by the harness.`);
        }
      };

      // Queue every action on the stand-in's proxies, then one sync, then read what each action answers.
      const answers: (() => unknown)[] = [];
      // The objects this request asks to keep (Excel.run keeps every Range it makes, unless untracked).
      const keptIds = new Map<number, string>();
      const keep = new Set(body.Actions.filter((a) => a.ActionType === 3 && a.Name === "_KeepReference").map((a) => a.ObjectPathId));
      for (const action of body.Actions) {
        const target = resolve(action.ObjectPathId);
        switch (action.ActionType) {
          case 1: {
            const object = target instanceof ClientObject ? (target as ClientObject<unknown>) : null;
            const key = object ? keyProperty(object) : null;
            if (object && key && !(object instanceof Collection)) object.load(key);
            answers.push(() => {
              if (target === null || (object && isNull(object))) return null;
              if (object instanceof Range && keep.has(action.ObjectPathId)) {
                // The client instantiates a kept range twice in the request (before and after _KeepReference): one reference.
                let id = keptIds.get(action.ObjectPathId);
                if (id === undefined) keptIds.set(action.ObjectPathId, (id = references.keep(object)));
                return { _ReferenceId: id };
              }
              return object && key && !(object instanceof Collection) ? { _Id: (object as unknown as Record<string, unknown>)[key] } : {};
            });
            break;
          }
          case 2: {
            if (!(target instanceof ClientObject)) throw new WireError("InvalidRequest", `A query on ${String(target)}.`);
            const select = action.QueryInfo?.Select ?? [];
            if (action.QueryInfo?.Expand?.length) throw new WireError("InvalidRequest", "Expand is not interpreted by the harness.");
            const names = select.map(camel);
            if (target instanceof Collection) {
              const key = (item: ClientObject<unknown>) => keyProperty(item);

              target.load(names.length ? names.map((n) => `items/${n}`).join(",") : undefined);
              answers.push(() => ({
                _Items: (target.items as ClientObject<unknown>[]).map((item) => {
                  const json = item.toJSON();
                  const k = key(item);
                  const out = Object.fromEntries(Object.entries(json).map(([n, v]) => [pascal(n), plain(v)]));
                  if (k && k in json) out._Id = json[k];
                  return out;
                }),
              }));
            } else {
              target.load(names.length ? names.join(",") : undefined);
              answers.push(() => {
                if (isNull(target)) return null;
                return Object.fromEntries(Object.entries(target.toJSON()).map(([n, v]) => [pascal(n), plain(v)]));
              });
            }
            break;
          }
          case 3: {
            // Keeping a range is answered in its instantiation (above); releasing one forgets it.
            if (action.Name === "_KeepReference") {
              answers.push(() => null);
              break;
            }
            if (action.Name === "_RemoveReference") {
              const id = String(args(action.ArgumentInfo)[0]);
              answers.push(() => (references.release(id), null));
              break;
            }
            // The client writes a large array in blocks of 1,500 cells after asking Excel to check the whole
            // array's size against the range (setRangePropertiesInBulk in the client, ExcelApi 1.3).
            if (action.Name === "_ValidateArraySize" && target instanceof Range) {
              const [rows, columns] = args(action.ArgumentInfo) as [number, number];
              context._enqueue({
                write: false,
                payload: null,
                run: () => {
                  const box = target._model();
                  if (box.r1 - box.r0 + 1 !== rows || box.c1 - box.c0 + 1 !== columns) {
                    throw new WireError("InvalidArgument", `The number of rows or columns in the input array (${rows}×${columns}) doesn't match the size or dimensions of the range.`);
                  }
                  return 0;
                },
              });
              answers.push(() => null);
              break;
            }
            const returned = call(target, action.Name, args(action.ArgumentInfo));
            answers.push(() =>
              returned !== null && typeof returned === "object" && !(returned instanceof ClientObject) && "value" in returned
                ? (returned as { value: unknown }).value
                : null,
            );
            break;
          }
          case 4: {
            const name = camel(action.Name);
            if (target === null || typeof target !== "object" || !(name in target)) {
              throw new WireError("ApiNotFound", `The stand-in cannot set "${name}" on ${String(target?.constructor.name)}.`);
            }
            (target as Record<string, unknown>)[name] = args(action.ArgumentInfo)[0];
            answers.push(() => null);
            break;
          }
          case 5:
            answers.push(() => null);
            break;
          default:
            throw new WireError("InvalidRequest", `Action type ${action.ActionType} is not interpreted by the harness.`);
        }
      }
      await context.sync();
      body.Actions.forEach((action, i) => {
        const value = answers[i]();
        results.push(value === null || value === undefined ? { ActionId: action.Id } : { ActionId: action.Id, Value: value });
      });
    });
    return { Results: results };
  } catch (error) {
    const code = (error as { code?: string }).code ?? "GeneralException";
    return { Results: [], Error: { Code: code, Message: (error as Error).message ?? String(error), HttpStatusCode: 400 } };
  }
}

export const isCleanup = (body: RequestBody): boolean =>
  body.Actions.length > 0 && body.Actions.every((a) => a.ActionType === 1 || (a.ActionType === 3 && a.Name === "_RemoveReference")) &&
  body.Actions.some((a) => a.ActionType === 3);

export const actionKinds = (body: RequestBody): Record<string, number> => {
  const kinds: Record<string, number> = {};
  for (const a of body.Actions) {
    const name = ACTION[a.ActionType] ?? `type ${a.ActionType}`;
    kinds[name] = (kinds[name] ?? 0) + 1;
  }
  return kinds;
};
