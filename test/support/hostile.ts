/**
 * The one check every hostile suite makes of a TIER call (issue 12): it either spills only finite numbers and
 * text, or fails with the intended custom-functions error whose message is short, names an argument (or, for
 * a message about the whole data set, the model or the data) and holds no internal sentence. Each suite gives
 * its own argument names and words.
 */
import { expect } from "vitest";
import { StandInCustomFunctionError } from "./custom-functions";

export interface HostileWords {
  /** A message must match this (an argument's name) … */
  argumentNames: RegExp;
  /** … unless it speaks of the whole data set. */
  wholeData: RegExp;
  /** What a message must never hold. */
  internal: RegExp;
}

/** Runs a call; returns its result, or the error after checking it is the intended one and says so well. */
export function checkHostile(call: () => unknown, words: HostileWords): unknown {
  let out: unknown;
  try {
    out = call();
  } catch (e) {
    expect(e).toBeInstanceOf(StandInCustomFunctionError);
    const message = (e as Error).message;
    expect(message.length).toBeLessThan(700);
    if (!words.wholeData.test(message)) expect(message).toMatch(words.argumentNames);
    expect(message).not.toMatch(words.internal);
    return e;
  }
  expect(Array.isArray(out)).toBe(true);
  for (const row of out as unknown[][]) {
    for (const cell of row) {
      expect(["string", "number", "boolean"]).toContain(typeof cell);
      if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
    }
  }
  return out;
}
