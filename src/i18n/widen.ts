/**
 * The shape a translation must have, from the English part it translates: strings widen to `string` (a
 * translation has other words), message functions keep their parameters (a translation may reorder, not drop,
 * the values), sections recurse. Each zh-CN part is typed with it, so a missing or extra key is a type error.
 */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends (...a: never[]) => string ? T[K] : Widen<T[K]> };
