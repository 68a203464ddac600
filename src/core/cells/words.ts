/**
 * A word a person typed, looked up in a table of the words a program knows. Why a module of its own: a plain
 * object literal inherits from Object.prototype, so `TABLE[text]` with text "constructor", "toString" or
 * "__proto__" finds a function or an object instead of nothing. A hostile pass (issue 12) found that this made
 * `tier … --delimiter constructor` an internal error, `=TIER.LEVELS(…, "constructor")` echo
 * "function Object() { [native code] }", and a level named "toString" cost NaN in the economics (a total that
 * "passes the largest number"). Every lookup of a typed word goes through `ownValue`, which only sees the
 * table's own keys.
 */

/** The table's own entry for `key`, or undefined; never a property inherited from Object.prototype. */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
