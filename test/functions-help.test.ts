/**
 * Each function's metadata has a helpUrl (the JSDoc's @helpurl, read by custom-functions-metadata) that opens its
 * section of the help page the build makes from docs/FUNCTIONS.md (scripts/docs/help-page.cjs). A function the doc
 * does not describe yet has none, and this test names it, so a helpUrl never leads nowhere and documenting the
 * function is the way to give it one.
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
/** Functions docs/FUNCTIONS.md does not mention yet (NEXTPURCHASE at the time of writing). */
const undocumented = functions.filter((f) => !new RegExp(`TIER\\.${f.id}\\b`).test(doc)).map((f) => f.id);

describe("functions' helpUrl", () => {
  it("finds every custom function", () => {
    expect(functions.length).toBeGreaterThanOrEqual(15);
    expect(functions.map((f) => f.id)).toContain("RFM");
  });

  it("every function the doc describes has a helpUrl to its anchor on the help page; only undocumented ones have none", () => {
    for (const f of functions) {
      if (undocumented.includes(f.id)) {
        expect(f.helpUrl, `${f.id} is not in docs/FUNCTIONS.md, so its helpUrl would lead nowhere`).toBeUndefined();
      } else {
        expect(f.helpUrl, `${f.id} has no @helpurl`).toBe(`https://localhost:3000/${HELP_PATH}#${anchorOf(f.id)}`);
      }
    }
    expect(undocumented).toEqual(["NEXTPURCHASE"]);
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
