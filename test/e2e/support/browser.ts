/**
 * What the e2e tests share: Debian's Chromium through playwright-core, the stand-in's inspection API read from the
 * page, picking in Fluent dropdowns, axe-core, and screenshots (test-results/screenshots/; with
 * UPDATE_DOC_IMAGES=1 also the user guide's docs/images/).
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const ROOT = resolve(__dirname, "../../..");
const SHOTS = resolve(ROOT, "test-results/screenshots");
const DOC_IMAGES = resolve(ROOT, "docs/images");
const UPDATE_DOC_IMAGES = process.env.UPDATE_DOC_IMAGES === "1";
const AXE = require.resolve("axe-core/axe.min.js");

export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`test/e2e skipped: ${CHROMIUM} is missing. Install Debian's chromium (apt-get install chromium); .ci/run does.`);
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-background-networking"] });
}

/**
 * A new page on the preview at `url` (e.g. `${server.url}preview.html?lang=en`), once the stand-in is ready;
 * page errors and console errors go into `errors`, which the tests expect to stay empty.
 */
export async function openPreview(browser: Browser, url: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: "en-US" });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => window.tieringPreview?.ready === true, null, { timeout: 60_000 });
  return page;
}

/** What the stand-in's inspection API returns, as far as the tests read it. */
export interface Inspect {
  sheets: { name: string; visibility: string }[];
  tables: { name: string; sheet: string; header: string[]; rows: number }[];
  charts: {
    name: string;
    sheet: string;
    type: string;
    title: string;
    axisTitles: Record<string, string>;
    axisFormats: Record<string, string>;
    axisScales: Record<string, { scaleType: string; logBase: number }>;
    legend: { visible: boolean; position: string };
    series: { name: string; chartType: string; axisGroup: string; values: unknown[]; categories: unknown[] }[];
  }[];
  pivots: { name: string; sheet: string; source: string; fields: string[]; rows: string[]; data: { field: string; summarizeBy: string }[] }[];
  conditionalFormats: { sheet: string; address: string; type: string }[];
  selection: { sheet: string; address: string } | null;
  settings: Record<string, unknown>;
}

export async function inspect(page: Page): Promise<Inspect> {
  return page.evaluate(() => {
    const book = window.tieringPreview!.book;
    return {
      sheets: book.sheets(),
      tables: book.tables(),
      charts: book.charts(),
      pivots: book.pivots().map(({ result: _result, ...rest }) => rest),
      conditionalFormats: book.conditionalFormats(),
      selection: book.selection(),
      settings: book.settings(),
    };
  }) as Promise<Inspect>;
}

/** A sheet's used range as values. */
export async function sheetValues(page: Page, sheet: string): Promise<unknown[][]> {
  return page.evaluate((name) => window.tieringPreview!.book.values(name), sheet);
}

/** Picks an option of a Fluent Dropdown, found by its field label. */
export async function choose(page: Page | Locator, label: string, option: string | RegExp) {
  await page.getByRole("combobox", { name: label, exact: true }).click();
  const root = "page" in page ? page.page() : page;
  await root.getByRole("option", { name: option, exact: typeof option === "string" }).click();
}

export interface AxeViolation {
  id: string;
  impact: string;
  nodes: string[];
  help: string;
}

/**
 * axe-core, served to the page from its own origin by Playwright: the pages' Content-Security-Policy allows scripts
 * from 'self' only and no inline script (webpack.config.js), so axe cannot be injected as inline content.
 */
const AXE_URL = "/__tiering-test__/axe.min.js";
const axeRouted = new WeakSet<Page>();

/** axe-core's violations in the page (or only inside `include`, a CSS selector). */
export async function axeViolations(page: Page, include = "body"): Promise<AxeViolation[]> {
  if (!axeRouted.has(page)) {
    await page.route(`**${AXE_URL}`, (route) => route.fulfill({ contentType: "text/javascript", body: readFileSync(AXE, "utf8") }));
    axeRouted.add(page);
  }
  await page.addScriptTag({ url: AXE_URL });
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(node: Element, options: object): Promise<{ violations: { id: string; impact: string; nodes: { html: string }[]; help: string }[] }> } }).axe;
    // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>, used by Fluent's arrow-key
    // navigation) pass focus on at once and are never read; axe cannot know that, so they are left out.
    const result = await axe.run({ include: [[selector]], exclude: [["[data-tabster-dummy]"]] } as unknown as Element, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.html.slice(0, 200)), help: v.help }));
  }, include);
}

export const serious = (violations: AxeViolation[]) => violations.filter((v) => v.impact === "serious" || v.impact === "critical");

/** A screenshot of a page, an element, or (`clip`) a part of the page. */
export async function shoot(target: Page | Locator, name: string, docImage?: string, clip?: { x: number; y: number; width: number; height: number }) {
  const take = (path: string) => (clip ? (target as Page).screenshot({ path, clip }) : target.screenshot({ path }));
  mkdirSync(SHOTS, { recursive: true });
  await take(resolve(SHOTS, `${name}.png`));
  if (UPDATE_DOC_IMAGES && docImage) {
    mkdirSync(DOC_IMAGES, { recursive: true });
    await take(resolve(DOC_IMAGES, docImage));
  }
}
