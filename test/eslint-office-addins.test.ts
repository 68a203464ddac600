/**
 * The lint step carries Microsoft's Office Add-in rules (eslint-plugin-office-addins, eslint.config.mjs) where
 * the code calls Excel: a batch that reads a property it never loaded or synced, or syncs in a loop without a
 * stated reason, is refused by `npm run lint` (warnings fail it too, --max-warnings 0). Linted as if the code sat in src/excel/, through the project's own config.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../", import.meta.url).pathname;

async function officeRules(code: string, filePath = "src/excel/jobs/lint-sample.ts"): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${filePath}` });
  return result.messages.map((m) => m.ruleId ?? m.message).filter((id) => id.startsWith("office-addins/"));
}

describe("eslint-plugin-office-addins in the lint step", () => {
  it("refuses reading a property that was never loaded, or loaded and not synced", async () => {
    const unloaded = `export async function f(context: Excel.RequestContext): Promise<unknown> {
  const range = context.workbook.worksheets.getItem("Data").getRange("A1");
  await context.sync();
  return range.values;
}
`;
    expect(await officeRules(unloaded)).toEqual(["office-addins/load-object-before-read"]);
    const unsynced = unloaded.replace("  await context.sync();\n", "").replace("getRange(\"A1\");", "getRange(\"A1\");\n  range.load(\"values\");");
    expect(await officeRules(unsynced)).toEqual(expect.arrayContaining(["office-addins/call-sync-after-load", "office-addins/call-sync-before-read"]));
  }, 60_000);

  it("refuses a sync inside a loop where no reason is given", async () => {
    const code = `export async function f(context: Excel.RequestContext, names: string[]): Promise<void> {
  for (const name of names) {
    context.workbook.worksheets.add(name);
    await context.sync();
  }
}
`;
    expect(await officeRules(code)).toEqual(["office-addins/no-context-sync-in-loop"]);
  }, 60_000);

  it("lets a batch that loads, syncs and then reads through", async () => {
    const code = `export async function f(context: Excel.RequestContext): Promise<unknown> {
  const range = context.workbook.worksheets.getItem("Data").getRange("A1");
  range.load("values");
  await context.sync();
  return range.values;
}
`;
    expect(await officeRules(code)).toEqual([]);
  }, 60_000);
});
