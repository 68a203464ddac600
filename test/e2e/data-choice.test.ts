/**
 * End to end, choosing the data as a newcomer does (issue 17 "Pane"), in the built preview in Debian's headless
 * Chromium: an empty selection is refused when it is taken; Amount mapped to a text column names the column, the
 * first bad cell and its value; after a run the Excel table list offers the data's table, not the add-in's own
 * results, summary or history tables; axe finds no serious problem with the refusal shown.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { messages } from "../../src/i18n";
import { axeViolations, choose, haveChromium, inspect, launchChromium, openPreview, serious } from "./support/browser";
import { startPreview, type PreviewServer } from "./support/preview-server";

const en = messages("en");
const zh = messages("zh-CN");
/** Each click may wait this long: the machine running the suite can be busy (several suites at once). */
const ACTION = 120_000;

describe.skipIf(!haveChromium)("choosing the data, end to end (headless Chromium)", () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchChromium()]);
    page = await openPreview(browser, `${server.url}preview.html?lang=en`, consoleErrors);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("refuses an empty selection when it is taken, says what to select, and stays axe-clean", async () => {
    await page.evaluate(() => window.tieringPreview!.book.select("Online Retail", "J2"));
    await page.getByRole("button", { name: en.pane.useSelection }).click({ timeout: ACTION });
    await page.getByText(en.predictRest.data.selectionEmpty("Online Retail!J2")).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("source-summary").count()).toBe(0);
    expect(serious(await axeViolations(page))).toEqual([]);
  }, 300_000);

  it("names the column, the first bad cell and its value when Amount is mapped to a text column", async () => {
    await page.evaluate(() => window.tieringPreview!.book.select("Online Retail", "A1"));
    await page.getByRole("button", { name: en.pane.useSelection }).click({ timeout: ACTION });
    await expect.poll(() => page.getByTestId("source-summary").count()).toBe(1);
    await choose(page, en.pane.roles.quantity, en.pane.notMapped);
    await choose(page, en.pane.roles.amount, "Description");
    await page.getByRole("button", { name: en.pane.run, exact: true }).click({ timeout: ACTION });
    // The first data row's Description, as the sheet holds it.
    const first = await page.evaluate(() => String(window.tieringPreview!.book.values("Online Retail", "C2")[0][0]));
    const message = page.getByText(/No row could be used: the Amount column is "Description"/);
    await message.waitFor({ timeout: 60_000 });
    const text = (await message.first().textContent()) ?? "";
    expect(text).toContain("C2");
    expect(text).toContain(`"${first}"`);
    expect(serious(await axeViolations(page))).toEqual([]);
  }, 300_000);

  it("after a run, offers the data's table but not the add-in's own tables", async () => {
    await choose(page, en.pane.roles.amount, "UnitPrice");
    await choose(page, en.pane.roles.quantity, "Quantity");
    await page.getByRole("button", { name: en.pane.run, exact: true }).click({ timeout: ACTION });
    await page.getByText(/^Done:/).waitFor({ timeout: 120_000 });
    const tables = (await inspect(page)).tables.map((t) => t.name);
    expect(tables.length).toBeGreaterThan(2);
    await page.getByRole("combobox", { name: en.pane.tableLabel, exact: true }).click({ timeout: ACTION });
    const options = await page.getByRole("option").allTextContents();
    expect(options).toHaveLength(1);
    expect(options[0]).toMatch(/^OnlineRetail \(Online Retail, /);
    await page.keyboard.press("Escape");
  }, 400_000);

  it("words the refusal in Chinese", async () => {
    const zhPage = await openPreview(browser, `${server.url}preview.html?lang=zh-CN`, consoleErrors);
    await zhPage.evaluate(() => window.tieringPreview!.book.select("Online Retail", "J2"));
    await zhPage.getByRole("button", { name: zh.pane.useSelection }).click({ timeout: ACTION });
    await zhPage.getByText(zh.predictRest.data.selectionEmpty("Online Retail!J2")).waitFor({ timeout: 30_000 });
    expect(serious(await axeViolations(zhPage))).toEqual([]);
    await zhPage.close();
  }, 300_000);
});
