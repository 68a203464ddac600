/**
 * `tier --help` and `tier COMMAND --help` (issue 17): every option and flag a command accepts has a spec
 * (value kind, default, example) whose description exists in English and Chinese, and the help prints
 * one line per option with all three. When a command gains an option without a spec, the first test's
 * failure lists exactly the options that lack one.
 */
import { describe, expect, it } from "vitest";
import { INPUT_OPTIONS } from "../../src/cli/args";
import { optionSpecs } from "../../src/cli/help";
import { COMMANDS } from "../../src/cli/main";
import { catalogs } from "../../src/i18n";
import { run } from "./support";

describe("tier help", () => {
  it("has a described spec for every option and flag of every command, in both languages", () => {
    const missing: string[] = [];
    for (const [name, command] of Object.entries(COMMANDS)) {
      const specs = [...optionSpecs(command), ...Object.entries(INPUT_OPTIONS)];
      for (const [option, spec] of specs) {
        if (!spec) {
          missing.push(`tier ${name} ${option}: no entry in the command's help.options`);
          continue;
        }
        for (const [locale, m] of Object.entries(catalogs)) {
          if (!m.cliHelp.options[spec.text]) missing.push(`tier ${name} ${option}: no cliHelp.options.${spec.text} in ${locale}`);
        }
        if (spec.kind !== "flag" && spec.example === undefined) missing.push(`tier ${name} ${option}: no example`);
        if (spec.kind !== "flag" && !spec.required && spec.default === undefined) missing.push(`tier ${name} ${option}: no default (or required: true)`);
      }
      if (!command.help?.example) missing.push(`tier ${name}: no help.example`);
      for (const [locale, m] of Object.entries(catalogs)) {
        if (!Object.prototype.hasOwnProperty.call(m.cliHelp.commands, name)) missing.push(`tier ${name}: no cliHelp.commands.${name} in ${locale}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("prints each option of a command on one line with its description, default and example", () => {
    const r = run(["rfm", "--help"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const line = r.stdout.split("\n").find((l) => l.trimStart().startsWith("--as-of"));
    expect(line).toMatch(/^ {2}--as-of YYYY-MM-DD +The analysis date: recency is counted in days up to it\. Default: the latest purchase in the file\. Example: --as-of 2006-12-31$/);
    expect(r.stdout).toContain("  --summary");
    expect(r.stdout).toContain("  --encoding NAME");
    expect(r.stdout).toContain("tier rfm ../shared/data/rfm_data_orders.csv");
    expect(run(["abc", "--help"]).stdout).toMatch(/--value COLUMN +The column of values to classify\. Required\. Example: --value revenue/);
    expect(run(["help", "abc"]).stdout).toBe(run(["abc", "--help"]).stdout);
  });

  it("prints the same help in Chinese under LANG=zh_CN.UTF-8", () => {
    const r = run(["rfm", "--help"], { LANG: "zh_CN.UTF-8" });
    const line = r.stdout.split("\n").find((l) => l.trimStart().startsWith("--as-of"));
    expect(line).toMatch(/分析日期：最近一次购买距此日期的天数即为 R。默认：文件中最近一次购买的日期。示例：--as-of 2006-12-31$/);
    expect(r.stdout).toContain("选项：");
  });

  it("lists every command and every option in tier --help, in both languages", () => {
    for (const env of [{ LANG: "C" }, { LANG: "zh_CN.UTF-8" }]) {
      const text = run(["--help"], env).stdout;
      for (const [name, command] of Object.entries(COMMANDS)) {
        expect(text).toContain(`\ntier ${name}`);
        for (const [option] of optionSpecs(command)) expect(text).toContain(`  ${option}`);
      }
    }
    expect(run([]).code).toBe(2);
  });

  it("has no space after full-width punctuation in the Chinese help", () => {
    const texts: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === "string") texts.push(v);
      else if (typeof v === "function") texts.push(String((v as (...a: string[]) => string)("X", "Y", "Z")));
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(catalogs["zh-CN"].cliHelp);
    walk(catalogs["zh-CN"].cli);
    texts.push(run(["--help"], { LANG: "zh_CN.UTF-8" }).stdout);
    for (const text of texts) expect(text).not.toMatch(/[。，、：；！？] /);
  });
});
