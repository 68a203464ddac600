/**
 * End to end, membership levels (issue 15 §1): the browser preview with all 18 months of CDNOW_master in one table
 * (`preview.html?data=cdnow18`), in Debian's headless Chromium. A three-level spend policy with Chinese level names
 * (银卡/金卡/铂金) typed into the policy grid, "Compute levels", then the Levels, Level changes and Downgrade
 * warnings sheets asserted through the stand-in's inspection API against the core (src/core/over-time/levels.ts) run
 * here on the same file; the same in the Chinese pane (sheet names and reasons in Chinese); an axe check of the section
 * and its screenshots in both languages (docs/images/pane-levels-*.png with UPDATE_DOC_IMAGES=1).
 * Then an override that survives a re-run (issue 15 §2): an overrides table typed into the workbook as a person
 * would (a sheet and an Excel table named TieringOverrides), "Compute levels" twice, the person's reason edited between
 * the runs: the Levels sheet shows the final level, the mark and the reason beside the computed level both times.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { readCustomers } from "../../src/core/analysis/rows";
import { computeLevels, type LevelPolicy, type LevelsResult } from "../../src/core/over-time/levels";
import { messages } from "../../src/i18n";
import { OVERRIDDEN_MARK, OVERRIDES_TABLE } from "../../src/excel/overrides";
import { CDNOW_ALL, serialFromYmd } from "../../src/preview/datasets";
import { axeViolations, choose, haveChromium, inspect, launchChromium, openPreview, ROOT, serious, sheetValues, shoot } from "./support/browser";
import { startPreview, type PreviewServer } from "./support/preview-server";

const CDNOW = resolve(ROOT, "../shared/data/CDNOW_master.txt");
const en = messages("en");
const zh = messages("zh-CN");
const p = en.levelsPane;
const STEP_TIMEOUT = 200_000;
const POLICY: LevelPolicy = {
  levels: [
    { name: "银卡", entry: 100, keep: 80 },
    { name: "金卡", entry: 300, keep: 240 },
    { name: "铂金", entry: 1000, keep: 800 },
  ],
  metric: "spend",
  windowMonths: 12,
  validityMonths: 12,
};

/** The core on the same rows as the preview's table, as of the last purchase (1998-06-30). */
function core(): { result: LevelsResult; rows: number } {
  const customers: string[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  for (const line of readFileSync(CDNOW, "utf8").split(/\r?\n/).slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4) continue;
    customers.push(f[0]);
    dates.push(serialFromYmd(Number(f[1])));
    amounts.push(Number(f[3]));
  }
  const { tx } = readCustomers({ customers, dates, amounts }, { tierBy: "abcClass", abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" } });
  return { result: computeLevels(tx, POLICY, serialFromYmd(19980630)), rows: customers.length };
}

/** The data rows of a sheet's table (its header on row 4). */
const body = (values: unknown[][]) => values.slice(4).filter((r) => r.some((v) => v !== "" && v !== null));

describe.skipIf(!haveChromium)("Membership levels, end to end (headless Chromium, CDNOW_master)", () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let c: ReturnType<typeof core>;
  const consoleErrors: string[] = [];
  const section = () => page.locator('[data-section="tiering-levels"]');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchChromium()]);
    c = core();
    page = await openPreview(browser, `${server.url}preview.html?lang=en&data=cdnow18`, consoleErrors);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("computes a policy with Chinese level names on CDNOW_master: the three sheets are the core's", async () => {
    await choose(page, en.pane.tableLabel, new RegExp(`^${CDNOW_ALL.table} `));
    await expect.poll(() => page.getByTestId("source-summary").textContent()).toBe(en.pane.sourceSummary(CDNOW_ALL.table, c.rows.toLocaleString("en-US")));
    await choose(page, en.pane.roles.amount, "dollar_value");
    await choose(page, en.pane.roles.quantity, en.pane.notMapped);
    await choose(page, en.pane.roles.extra, en.pane.notMapped);
    // The policy grid: Chinese names typed over the English defaults, the thresholds as given.
    for (const [k, level] of POLICY.levels.entries()) {
      const row = String(k + 1);
      await section().getByRole("textbox", { name: p.cell(row, p.columns.name), exact: true }).fill(level.name);
      await section().getByRole("textbox", { name: p.cell(row, p.columns.entry), exact: true }).fill(String(level.entry));
      await section().getByRole("textbox", { name: p.cell(row, p.columns.keep), exact: true }).fill(String(level.keep));
    }
    await section().getByRole("button", { name: p.run, exact: true }).click();
    await section().getByTestId("levels-result").waitFor({ timeout: 120_000 });
    const r = c.result;
    expect(await section().getByTestId("levels-result").textContent()).toContain(p.done(p.book.levelsSheet, r.customerIds.length.toLocaleString("en-US"), "1998-06-30"));

    const book = await inspect(page);
    const table = (sheet: string) => book.tables.find((t) => t.sheet === sheet)!;
    expect(table(p.book.levelsSheet).rows).toBe(r.customerIds.length);
    expect(table(p.book.changesSheet).rows).toBe(r.changes.length);
    const flagged = [...r.downgradesNextReview.keys()].filter((i) => r.downgradesNextReview[i]);
    expect(flagged.length).toBeGreaterThan(0);
    expect(table(p.book.warningsSheet).rows).toBe(flagged.length);

    // Levels: every customer's id and level name as the core has them.
    const levels = body(await sheetValues(page, p.book.levelsSheet));
    const name = (k: number) => (k < 0 ? p.book.none : POLICY.levels[k].name);
    expect(levels.map((row) => [row[0], row[1]])).toEqual(r.customerIds.map((id, i) => [id, name(r.level[i])]));
    // Level changes: customer, date, from, to and the reason in words, as the core listed them.
    const changes = body(await sheetValues(page, p.book.changesSheet));
    expect(changes.map((row) => [row[0], row[1], row[4]])).toEqual(r.changes.map((x) => [r.customerIds[x.customer], x.date, p.book.reasons[x.reason]]));
    // Downgrade warnings: the flagged customers, smallest gap to keep first.
    const warnings = body(await sheetValues(page, p.book.warningsSheet));
    expect(new Set(warnings.map((row) => row[0]))).toEqual(new Set(flagged.map((i) => r.customerIds[i])));
    const need = warnings.map((row) => row[5] as number);
    expect(need).toEqual([...need].sort((a, b) => a - b));
    // The policy is saved with the settings.
    expect((book.settings["tiering.settings"] as { levelPolicy?: unknown }).levelPolicy).toEqual(POLICY);
  }, STEP_TIMEOUT);

  it("keeps a person's override of a level through a re-run: final level, mark and reason beside the computed level", async () => {
    const r = c.result;
    const i = [...r.level.keys()].find((k) => r.level[k] === 0)!;
    const id = r.customerIds[i] as string | number;
    // The person's table, typed on a sheet of their own (the pane's "Add the overrides table" makes the same table).
    await page.evaluate(
      ([name, customer]) => {
        const book = window.tieringPreview!.book;
        book.addSheet("Overrides", [["Customer", "Tier or level", "Reason", "Until"], [customer, "铂金", "Key account", ""]]);
        book.addTable("Overrides", "A1:D2", name as string);
      },
      [OVERRIDES_TABLE, id] as const,
    );
    const o = en.levelOverrides.columns;
    const h = p.book.levelsColumns;
    for (const reason of ["Key account", "Key account, renewed"]) {
      if (reason !== "Key account") {
        // The person edits the reason between the runs (the table is theirs; the add-in never writes it).
        await page.evaluate(
          (text) =>
            window.tieringPreview!.book.run(async (context) => {
              context.workbook.worksheets.getItem("Overrides").getRange("C2").values = [[text]];
              await context.sync();
            }),
          reason,
        );
      }
      await section().getByRole("button", { name: p.run, exact: true }).click();
      // The customer's row, found in the page (a whole 23,570-row sheet through page.evaluate once per poll is slow).
      const rowOf = () => page.evaluate(([sheet, customer]) => window.tieringPreview!.book.values(sheet as string).find((x) => x[0] === customer) ?? null, [p.book.levelsSheet, id] as const);
      await expect.poll(async () => (await rowOf())?.[4], { timeout: 120_000 }).toBe(reason);
      await expect.poll(() => section().getByTestId("levels-overrides").textContent(), { timeout: 120_000 }).toBe(en.levelOverrides.counts(1, 0, 0));
      const values = await sheetValues(page, p.book.levelsSheet);
      const header = values[3];
      expect(header.slice(0, 6)).toEqual([h.customer, h.level, o.finalLevel, o.overridden, o.reason, o.until]);
      const row = values.find((x) => x[0] === id)!;
      expect(row.slice(1, 6)).toEqual([POLICY.levels[0].name, "铂金", OVERRIDDEN_MARK, reason, ""]);
      // Every other customer: the final level is the computed one, unmarked.
      const others = body(values).filter((x) => x[0] !== id);
      expect(others.every((x) => x[2] === x[1] && x[3] === "")).toBe(true);
      const changes = body(await sheetValues(page, p.book.changesSheet)).filter((x) => x[4] === p.book.reasons.override);
      expect(changes).toEqual([[id, serialFromYmd(19980630), POLICY.levels[0].name, "铂金", p.book.reasons.override]]);
    }
    // The table is the person's as they left it.
    expect(await sheetValues(page, "Overrides")).toEqual([["Customer", "Tier or level", "Reason", "Until"], [id, "铂金", "Key account, renewed", ""]]);
  }, STEP_TIMEOUT);

  it("has no serious accessibility problems in the section, and speaks Chinese on the sheets too", async () => {
    expect(serious(await axeViolations(page, '[data-section="tiering-levels"]'))).toEqual([]);
    const height = await page.getByTestId("pane").evaluate((pane) => pane.scrollHeight);
    await page.setViewportSize({ width: 1360, height: height + 100 });
    await shoot(section(), "pane-levels-en", "pane-levels-en.png");
    await page.getByRole("radio", { name: "中文" }).check();
    await section().getByRole("heading", { name: zh.levelsPane.heading }).waitFor();
    await section().getByRole("button", { name: zh.levelsPane.run, exact: true }).click();
    await section().getByText(zh.levelsPane.done(zh.levelsPane.book.levelsSheet, c.result.customerIds.length.toLocaleString("zh-CN"), "1998-06-30")).waitFor({ timeout: 120_000 });
    const sheets = (await inspect(page)).sheets.map((s) => s.name);
    expect(sheets).toEqual(expect.arrayContaining([zh.levelsPane.book.levelsSheet, zh.levelsPane.book.changesSheet, zh.levelsPane.book.warningsSheet]));
    const reasons = new Set(body(await sheetValues(page, zh.levelsPane.book.changesSheet)).map((row) => row[4]));
    // Every reason, the person's override (still in the table, read after the change of language) among them.
    expect([...reasons].sort()).toEqual(Object.values(zh.levelsPane.book.reasons).sort());
    expect(await section().getByTestId("levels-overrides").textContent()).toBe(zh.levelOverrides.counts(1, 0, 0));
    expect(serious(await axeViolations(page, '[data-section="tiering-levels"]'))).toEqual([]);
    await shoot(section(), "pane-levels-zh", "pane-levels-zh.png");
    // The Levels sheet as the preview draws it, beside the pane.
    await shoot(page, "levels-sheet-zh", undefined, { x: 0, y: 0, width: 900, height: 640 });
    expect(consoleErrors).toEqual([]);
  }, STEP_TIMEOUT);
});
