import { expect } from "vitest";
import { CoreError } from "../../src/core/cells/errors";

/** Runs fn, expects it to throw a CoreError with this code (and these details), and returns the error for more checks. */
export function expectCoreError(fn: () => unknown, code: string, details?: Record<string, string | number>): CoreError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CoreError);
    expect((e as CoreError).code).toBe(code);
    if (details) expect((e as CoreError).details).toMatchObject(details);
    return e as CoreError;
  }
  throw new Error(`expected CoreError ${code}`);
}
