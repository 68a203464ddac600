// @vitest-environment happy-dom
/** After a run: the snapshot line and the upgrade candidates, each selecting its row. */
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../../src/taskpane/App";
import { messages } from "../../src/i18n";
import type { UpgradeCandidate } from "../../src/excel/port";
import { bodyText, cleanup, click, get, query, render } from "./support/dom";
import { FakePort, REPORT } from "./support/fake-port";

const en = messages("en");
const zh = messages("zh-CN");

afterEach(cleanup);

async function runWith(port: FakePort, locale: "en" | "zh-CN" = "en") {
  const m = messages(locale);
  await render(<App initialLocale={locale} theme="light" port={port} />);
  await click(get("button", m.pane.useSelection));
  await click(get("button", m.pane.run));
}

const items = () => Array.from(document.querySelectorAll("[data-testid=upgrade-list] li")).map((li) => (li.textContent ?? "").trim());

describe("pane: upgrade candidates and the snapshot", () => {
  it("lists the candidates with their gap in the pane's number format; a customer selects their row", async () => {
    const port = new FakePort();
    await runWith(port);
    expect(bodyText()).toContain(en.pane.upgrade.heading);
    // Segments: the purchases (the last one now) that move each customer into a better segment (issue 13 §5).
    expect(bodyText()).toContain(en.predictRest.upgrade.hintSegments);
    expect(items()).toEqual([
      `12347${en.pane.upgrade.detail("Loyal", "Champions", "a purchase of 130 now")}`,
      `12350${en.pane.upgrade.detail("Promising", "Potential loyalist", "2 purchases, the last one now")}`,
    ]);
    await click(get("link", "12350"));
    expect(port.called("selectCell")).toEqual([{ method: "selectCell", args: [{ sheet: "Tiers", address: "A5" }, "en"] }]);
    expect(document.querySelector("[data-testid=snapshot]")?.textContent).toBe(en.pane.upgrade.snapshotSaved("2011-12-09"));
  });

  it("shows at most ten, with orders and points as the tiers measure them", async () => {
    const port = new FakePort();
    const candidates: UpgradeCandidate[] = Array.from({ length: 14 }, (_, i) => ({
      customer: `C${i + 1}`,
      tier: en.scoreTiers.silver,
      nextTier: en.scoreTiers.gold,
      gap: i === 0 ? 1 : 0.25 * i,
      gapKind: i === 0 ? "orders" : "points",
      cell: { sheet: "Tiers", address: `A${i + 2}` },
    }));
    port.report = { ...REPORT, upgrade: candidates };
    await runWith(port);
    expect(items()).toHaveLength(10);
    expect(items()[0]).toBe(`C1${en.pane.upgrade.detail(en.scoreTiers.silver, en.scoreTiers.gold, "1 more order")}`);
    // Rounded up to a tenth of a point.
    expect(items()[1]).toContain(en.pane.upgrade.gap.points("0.3"));
    expect(query("link", "C11")).toBeNull();
    await click(get("link", "C10"));
    expect(port.called("selectCell")[0].args[0]).toEqual({ sheet: "Tiers", address: "A11" });
  });

  it("says why no snapshot was saved, and shows no list without candidates", async () => {
    const port = new FakePort();
    port.report = { ...REPORT, snapshot: null, snapshotNote: "The history sheet is protected.", upgrade: [] };
    await runWith(port);
    const note = document.querySelector("[data-testid=snapshot-note]");
    expect(note?.textContent).toContain(en.pane.upgrade.snapshotMissing);
    expect(note?.textContent).toContain("The history sheet is protected.");
    expect(document.querySelector("[data-testid=snapshot]")).toBeNull();
    expect(document.querySelector("[data-testid=upgrade-list]")).toBeNull();
    expect(bodyText()).not.toContain(en.pane.upgrade.heading);
  });

  it("says which old snapshots made room for the run's snapshot", async () => {
    const port = new FakePort();
    const note = en.workbook.history.dropped(1, en.workbook.history.droppedItem("2011-01-31", en.workbook.migration.basis.segment));
    port.report = { ...REPORT, snapshotNote: note };
    await runWith(port);
    const saved = document.querySelector("[data-testid=snapshot]")?.textContent;
    expect(saved).toContain(en.pane.upgrade.snapshotSaved("2011-12-09"));
    expect(saved).toContain(note);
    expect(document.querySelector("[data-testid=snapshot-note]")).toBeNull();
  });

  it("words the list in Chinese", async () => {
    const port = new FakePort();
    port.report = { ...REPORT, upgrade: [{ ...REPORT.upgrade[0], tier: "忠诚客户", nextTier: "冠军客户", gap: 1500 }] };
    await runWith(port, "zh-CN");
    expect(bodyText()).toContain(zh.pane.upgrade.heading);
    expect(items()).toEqual([`12347${zh.pane.upgrade.detail("忠诚客户", "冠军客户", zh.predictRest.upgrade.purchase(1, "1", "1,500"))}`]);
    expect(bodyText()).toContain(zh.pane.upgrade.snapshotSaved("2011-12-09"));
    await click(get("link", "12347"));
    expect(port.called("selectCell")[0].args).toEqual([{ sheet: "Tiers", address: "A2" }, "zh-CN"]);
  });
});
