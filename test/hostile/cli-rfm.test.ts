/**
 * The core's finite-number rule reaches `tier` by itself (issue 12): `tier rfm` never writes Infinity.
 * Amounts that overflow a customer's total fail in words; text beyond a double is a row left out.
 */
import { describe, expect, it } from "vitest";
import { file, run } from "../cli/support";

describe("tier rfm with overflowing amounts", () => {
  it("refuses a total past the largest double instead of writing Infinity", () => {
    const r = run(["rfm", file("overflow.csv", "customer_id,date,amount\na,2024-01-05,1e308\na,2024-01-06,1e308\nb,2024-01-07,5\n")]);
    expect(r.stdout).not.toMatch(/Infinity/);
    expect(r.stderr).toMatch(/largest number/);
    expect(r.code).not.toBe(0);
  });

  it("leaves out text such as 1e400, saying why", () => {
    const r = run(["rfm", file("e400.csv", "customer_id,date,amount\na,2024-01-05,1e400\nb,2024-01-07,5\n")]);
    expect(r.stdout).not.toMatch(/Infinity/);
    expect(r.stdout).toMatch(/^b,/m);
    expect(r.stderr).toMatch(/1e400 is beyond the largest number/);
  });
});
