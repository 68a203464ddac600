/**
 * The core's errors as `tier` words them (src/i18n/cli-core-errors.ts): every code the CLI's table
 * handles has a sentence in both languages that names the option, not the function's argument; and
 * main.ts goes through the table (a run that raises each code says the table's sentence).
 */
import { describe, expect, it } from "vitest";
import { CoreError, type CoreErrorCode } from "../../src/core/cells/errors";
import { messages } from "../../src/i18n";
import { CLI_CORE_CODES, cliCoreSentence } from "../../src/i18n/cli-core-errors";
import { file, run } from "./support";

/** Details as the core raises each code (src/core: rfm.ts, abc.ts, segments.ts, summary.ts, read paths). */
const RAISED: Partial<Record<CoreErrorCode, CoreError["details"]>> = {
  binsOutOfRange: { value: 11 },
  cutOutOfRange: { argument: "a_cut", value: 1.5 },
  cutsOrder: { aCut: 0.9, bCut: 0.8 },
  asOfBeforeData: { asOf: "2020-01-01", first: "2024-01-01" },
  noData: { argument: "tx.csv" },
  unknownScheme: { value: "rmf" },
  sumOverflow: { field: "amounts", row: 1, value: 1e308 },
};

const names = { option: (argument: string) => ({ a_cut: "--a-cut", b_cut: "--b-cut", amounts: "--amount" })[argument] ?? argument, asOf: "--as-of" };
const CJK = /[\u4e00-\u9fff]/;

describe("the CLI's sentences for the core's codes", () => {
  it("has, for every code it handles, a sentence in English and in Chinese naming the option and the value", () => {
    expect(CLI_CORE_CODES.length).toBeGreaterThan(0);
    for (const code of CLI_CORE_CODES) {
      const details = RAISED[code];
      expect(details, `a sample of ${code}'s details in this test`).toBeDefined();
      const en = cliCoreSentence(new CoreError(code, details), messages("en"), names);
      const zh = cliCoreSentence(new CoreError(code, details), messages("zh-CN"), names);
      for (const text of [en, zh]) {
        expect(text).toBeTypeOf("string");
        expect(text).not.toMatch(/undefined|NaN|\[object/);
        // The argument's name as a function spells it never reaches the command line.
        expect(text).not.toMatch(/'(a_cut|b_cut|as_of|bins|amounts)'/);
      }
      expect(en).not.toMatch(CJK);
      expect(zh).toMatch(CJK);
      expect(zh).not.toBe(en);
    }
    expect(cliCoreSentence(new CoreError("cutOutOfRange", RAISED.cutOutOfRange), messages("en"), names)).toContain("--a-cut is 1.5");
    expect(cliCoreSentence(new CoreError("asOfBeforeData", RAISED.asOfBeforeData), messages("zh-CN"), names)).toContain("--as-of（2020-01-01）");
  });

  it("leaves the other codes to the shared sentence", () => {
    expect(cliCoreSentence(new CoreError("badHorizon", { value: -1 }), messages("en"), names)).toBeNull();
  });

  it("is what `tier` says, in both languages", () => {
    const path = file("core-errors.csv", "customer_id,date,amount\n1,2024-01-01,10\n2,2024-01-05,20\n");
    expect(run(["rfm", path, "--bins", "11"]).stderr).toBe(`tier: ${messages("en").cli.core.binsOutOfRange("11")}\n`);
    expect(run(["rfm", path, "--bins", "11"], { LANG: "zh_CN.UTF-8" }).stderr).toBe(`tier: ${messages("zh-CN").cli.core.binsOutOfRange("11")}\n`);
    expect(run(["abc", path, "--value", "amount", "--a-cut", "0.9", "--b-cut", "0.8"]).stderr).toBe(`tier: ${messages("en").cli.core.cutsOrder(0.9, 0.8)}\n`);
    expect(run(["rfm", path, "--as-of", "2020-01-01"])).toMatchObject({ code: 2, stderr: `tier: ${messages("en").cli.core.asOfBeforeData("--as-of", "2020-01-01", "2024-01-01")}\n` });
  });
});
