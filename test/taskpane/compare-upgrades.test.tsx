// @vitest-environment happy-dom
/**
 * Issue 15 §3 in the pane: the Compare report's upgrade incentives as one line, in both languages, with the
 * "not defined" wording when the tiers have no order or the snapshots no revenue, and no line at all when no
 * cost per upgrade is set (the report's field null or absent, as a report from before this field).
 */
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/taskpane/App";
import { messages } from "../../src/i18n";
import { upgradeLine } from "../../src/taskpane/components/dynamic/MigrationPanel";
import { bodyText, cleanup, click, get, render } from "./support/dom";
import { FakePort, MIGRATION } from "./support/fake-port";

const en = messages("en");
const zh = messages("zh-CN");
afterEach(cleanup);

const ECON = { upgrades: 42, costPerUpgrade: 12.5, cost: 525, revenueChange: 3200.4, net: 2675.4 };

async function compared(report: typeof MIGRATION, locale: "en" | "zh-CN") {
  const port = new FakePort();
  port.migration = report;
  await render(<App initialLocale={locale} theme="light" port={port} />);
  await click(get("button", new RegExp(`^${messages(locale).pane.dynamic.compare}$`)));
  return bodyText();
}

describe("the Compare panel's upgrade incentive line", () => {
  it("says the count, the cost, the revenue change and the net in English", async () => {
    const text = await compared({ ...MIGRATION, upgradeEconomics: ECON }, "en");
    expect(text).toContain(en.compareUpgrades.line("42", "12.5", "525", "+3,200.4", "+2,675.4"));
  });

  it("and in Chinese", async () => {
    const text = await compared({ ...MIGRATION, upgradeEconomics: ECON }, "zh-CN");
    expect(text).toContain(zh.compareUpgrades.line("42", "12.5", "525", "+3,200.4", "+2,675.4"));
    expect(text).not.toContain("Upgrade incentives");
  });

  it("has no line without a cost per upgrade (null)", async () => {
    expect(await compared({ ...MIGRATION, upgradeEconomics: null }, "en")).not.toContain("Upgrade incentives");
  });

  it("has no line from a report without the field", async () => {
    expect(await compared(MIGRATION, "en")).not.toContain("Upgrade incentives");
  });

  it("says not defined, never 0 or NaN, without an order or without revenue", () => {
    expect(upgradeLine(en, { upgrades: null, costPerUpgrade: 5, cost: null, revenueChange: null, net: null })).toBe(en.compareUpgrades.noOrder);
    const noRevenue = upgradeLine(zh, { upgrades: 3, costPerUpgrade: 5, cost: 15, revenueChange: null, net: null });
    expect(noRevenue).toBe(zh.compareUpgrades.noRevenue("3", "5", "15"));
    expect(noRevenue).not.toMatch(/NaN|Infinity/);
  });
});
