/**
 * Each function's metadata has a helpUrl (the JSDoc's @helpurl, read by custom-functions-metadata) that opens its
 * section of the help page the build makes from docs/FUNCTIONS.md (scripts/docs/help-page.cjs). Every registered
 * function must have one, and its anchor must be on the generated page, on a section that describes the function:
 * a function added without a section in the reference fails here by name (issue 17: NEXTPURCHASE had none).
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../", import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { helpPage, anchorOf, HELP_PATH } = require("../scripts/docs/help-page.cjs") as {
  helpPage: (names: string[], markdown?: string) => string;
  anchorOf: (name: string) => string;
  HELP_PATH: string;
};

const source = readFileSync(join(ROOT, "src/functions/functions.ts"), "utf8");
/** Each documented function: its id and its @helpurl, if any, from the JSDoc block. */
const functions = [...source.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?)\*\//g)]
  .map((m) => m[1])
  .filter((block) => /@customfunction [A-Z]/.test(block))
  .map((block) => ({
    id: /@customfunction (\w+)/.exec(block)![1],
    helpUrl: /@helpurl (\S+)/.exec(block)?.[1],
  }));
const doc = readFileSync(join(ROOT, "docs/FUNCTIONS.md"), "utf8");

describe("functions' helpUrl", () => {
  it("finds every custom function", () => {
    expect(functions.length).toBeGreaterThanOrEqual(15);
    expect(functions.map((f) => f.id)).toContain("RFM");
  });

  it("every registered function has a helpUrl to its anchor, and the doc describes it", () => {
    const missing = functions.filter((f) => f.helpUrl !== `https://localhost:3000/${HELP_PATH}#${anchorOf(f.id)}`).map((f) => `${f.id}: ${f.helpUrl ?? "no @helpurl"}`);
    expect(missing).toEqual([]);
    const undocumented = functions.filter((f) => !new RegExp(`TIER\\.${f.id}\\b`).test(doc)).map((f) => f.id);
    expect(undocumented, "functions docs/FUNCTIONS.md does not describe: add a section (scripts/docs/FUNCTIONS.tmpl.md)").toEqual([]);
  });

  it("the generated help page has every function's anchor exactly once, on a section that names it", () => {
    const page = helpPage(functions.map((f) => f.id));
    const sections = page.split(/(?=<h2 )/);
    for (const f of functions) {
      const id = anchorOf(f.id);
      expect(page.split(`<a id="${id}"></a>`).length - 1, `${id} on the help page`).toBe(1);
      const section = sections.find((x) => x.includes(`<a id="${id}"></a>`))!;
      expect(section, `the section anchored ${id} says nothing about TIER.${f.id}`).toMatch(new RegExp(`TIER\\.${f.id}\\b`));
    }
    // Functions with a section of their own get the anchor on its heading.
    expect(page).toMatch(/<h2 id="section-\d+"><a id="tier-nextpurchase"><\/a>17\. TIER\.NEXTPURCHASE/);
  });

  it("the help page has each anchor, on the section that names the function, with the doc's text escaped", () => {
    const names = functions.filter((f) => f.helpUrl).map((f) => f.id);
    const page = helpPage(names);
    for (const name of names) expect(page).toContain(`<a id="${anchorOf(name)}"></a>`);
    expect(page).toMatch(/<h2 id="section-\d+"><a id="tier-rfm"><\/a>2\. TIER\.RFM<\/h2>/);
    expect(page).toMatch(/<a id="tier-abcclass"><\/a><a id="tier-abcnext"><\/a>5\. TIER\.ABCCLASS and TIER\.ABCNEXT/);
    expect(page).not.toMatch(/<script/i);
    expect(helpPage(["RFM"], "## 1. TIER.RFM\n<b>&</b>")).toContain("<pre>&lt;b&gt;&amp;&lt;/b&gt;</pre>");
  });

  it("refuses a function the doc does not mention, rather than a link that leads nowhere", () => {
    expect(() => helpPage(["NOSUCH"], "## 1. TIER.RFM\ntext")).toThrow(/says nothing about TIER\.NOSUCH/);
  });
});
