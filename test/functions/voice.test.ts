/**
 * Issue 15 §4 through =TIER.SCORE, called as Excel calls it under the run's host profile: a voice column
 * (here NPS answers) beside spend in the metrics block. On the web an unanswered (empty) cell arrives as null
 * and the customer is scored on spend alone, the weights renormalised; on Windows an empty cell arrives as 0,
 * which a function cannot tell from an answer of 0 (office-js #4702, #5262; src/functions/coerce.ts, the
 * project's documented rule: in a score metric 0 is a value), so there the documented way to mark "no
 * answer" is an empty text cell (="" or a survey export's blank text), which both hosts send as "".
 */
import { describe, expect, it } from "vitest";
import { defaultHostProfile } from "../../src/standin";
import { score } from "../support/excel-functions";

const omitted = null as unknown as undefined;

/** Spend and NPS of four customers; the third never answered. */
const spend = [100, 200, 300, 400];
const block = (noAnswer: unknown) => [
  [spend[0], 10],
  [spend[1], 0],
  [spend[2], noAnswer],
  [spend[3], 9],
];

describe("=TIER.SCORE with a voice column", () => {
  it("scores a customer without an answer given as empty text on spend alone, on both hosts", () => {
    const out = score(block(""), [[1, 1]], omitted, omitted, "minmax");
    // Spend min–max: 0, 1/3, 2/3, 1; NPS among the answers 10, 0, 9: 1, 0, 0.9.
    const expected = [50, (100 * (1 / 3)) / 2, (100 * 2) / 3, 95];
    out.forEach((r, i) => expect(r[0]).toBeCloseTo(expected[i], 8));
  });

  it("reads an empty cell as the host sends it: no answer on the web, an answer of 0 on Windows (documented)", () => {
    const out = score(block(null), [[1, 1]], omitted, omitted, "minmax");
    if (defaultHostProfile() === "web") expect(out[2][0]).toBeCloseTo((100 * 2) / 3, 9);
    else expect(out[2][0]).toBeCloseTo((100 * (2 / 3 + 0)) / 2, 9);
  });
});
