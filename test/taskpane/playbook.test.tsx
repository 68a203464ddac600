// @vitest-environment happy-dom
/** The playbook section against the fake port: the tiers of the chosen basis, editing, reset, and what Run saves. */
import { afterEach, describe, expect, it } from "vitest";
import { act } from "react";
import { App } from "../../src/taskpane/App";
import { messages } from "../../src/i18n";
import type { AnalysisSettings } from "../../src/excel/port";
import { EMPTY_MAPPING } from "../../src/taskpane/mapping";
import { bodyText, cleanup, click, get, query, render, type } from "./support/dom";
import { paneWithSelection, exactly, lastRun } from "./support/pane";
import { FakePort } from "./support/fake-port";

const en = messages("en");
const zh = messages("zh-CN");

afterEach(cleanup);


/** A tier's strategy text, by the tier's exact name (other boxes start with a band's or class's name too). */
const strategyBox = (label: string) => get("textbox", exactly(label)) as HTMLTextAreaElement;

describe("pane: playbook", () => {
  it("edits a tier's strategy, runs with only the edited text, and Reset to default brings the default back", async () => {
    const port = await paneWithSelection();
    // Collapsed at first: the section names the basis and how many tiers it has.
    expect(query("textbox", exactly(en.segments.champions))).toBeNull();
    await click(get("button", en.pane.playbook.edit(en.pane.playbook.bases.segment, "11")));
    expect(strategyBox(en.segments.champions).value).toBe(en.workbook.strategies.champions);
    expect(strategyBox(en.segments.others).value).toBe(en.workbook.strategies.others);
    expect(query("button", en.pane.playbook.resetOf(en.segments.champions))).toBeNull();

    await type(strategyBox(en.segments.champions), "Invite them to the spring launch");
    expect(bodyText()).toContain(en.pane.playbook.edited);
    await click(get("button", en.pane.run));
    expect(lastRun(port).strategies).toEqual({ champions: "Invite them to the spring launch" });
    expect(port.saved?.strategies).toEqual({ champions: "Invite them to the spring launch" });

    await click(get("button", en.pane.playbook.resetOf(en.segments.champions)));
    expect(strategyBox(en.segments.champions).value).toBe(en.workbook.strategies.champions);
    // The button went with the edit; the focus stays on that tier's text.
    expect(document.activeElement).toBe(strategyBox(en.segments.champions));
    expect(query("button", en.pane.playbook.resetOf(en.segments.champions))).toBeNull();
    await click(get("button", en.pane.run));
    expect(lastRun(port).strategies).toEqual({});
  });

  it("follows the summary's tier basis: ABC classes, score bands, custom segments", async () => {
    const port = await paneWithSelection();
    await click(get("radio", en.pane.summaryByOptions.abcClass));
    await click(get("button", en.pane.playbook.edit(en.pane.playbook.bases.abcClass, "3")));
    expect(strategyBox("A").value).toBe(en.workbook.strategies.A);
    await type(strategyBox("C"), "Self-service only");

    await click(get("radio", en.pane.summaryByOptions.score));
    expect(get("button", en.pane.playbook.edit(en.pane.playbook.bases.score, "5"))).toBeTruthy();
    expect(query("textbox", exactly("A"))).toBeNull();
    const diamond = strategyBox(en.scoreTiers.diamond);
    expect(diamond.value).toBe((en.workbook.strategies as Record<string, string>).diamond);
    expect(strategyBox(en.scoreTiers.bronze)).toBeTruthy();
    await type(diamond, "A personal account manager");
    await click(get("button", en.pane.run));
    const settings = lastRun(port);
    expect(settings.summaryBy).toBe("score");
    expect(settings.score).not.toBeNull();
    // Both edits are kept: the texts of another basis stay for when the summary goes back to it.
    expect(settings.strategies).toEqual({ C: "Self-service only", diamond: "A personal account manager" });

    await click(get("radio", exactly(en.pane.summaryByOptions.segment)));
    await click(get("radio", en.pane.schemes.custom));
    // The starter rules (named in English) and Others; a custom segment starts from the prompt.
    const custom = en.pane.playbook.edit(en.pane.playbook.bases.segment, "6");
    expect(get("button", custom)).toBeTruthy();
    expect(strategyBox(en.segments.champions).value).toBe(en.workbook.strategies.custom);
    await type(get("textbox", en.pane.ruleCell("1", en.pane.ruleName)), "VIP");
    expect(strategyBox("VIP").value).toBe(en.workbook.strategies.custom);
    await type(strategyBox("VIP"), "Birthday gifts");
    await click(get("button", en.pane.run));
    expect(lastRun(port).strategies).toMatchObject({ VIP: "Birthday gifts" });
  });

  it("shows the saved texts, and the others in the pane's language", async () => {
    const saved: AnalysisSettings = {
      source: { kind: "table", name: "Orders" },
      hasHeader: true,
      mapping: { ...EMPTY_MAPPING, customer: 4, date: 2, amount: 3, quantity: 1 },
      asOf: null,
      rfm: null,
      abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" },
      clv: null,
      predict: null,
      score: null,
      summaryBy: "abcClass",
      strategies: { A: "Call them every quarter" },
    };
    const port = new FakePort(saved);
    await render(<App initialLocale="en" theme="light" port={port} />);
    await click(get("button", en.pane.playbook.edit(en.pane.playbook.bases.abcClass, "3")));
    expect(strategyBox("A").value).toBe("Call them every quarter");
    expect(strategyBox("B").value).toBe(en.workbook.strategies.B);
    await click(get("radio", "中文"));
    expect(strategyBox("A").value).toBe("Call them every quarter");
    expect(strategyBox("B").value).toBe(zh.workbook.strategies.B);
    expect(get("button", zh.pane.playbook.resetOf("A"))).toBeTruthy();
    await click(get("button", zh.pane.run));
    expect(lastRun(port).strategies).toEqual({ A: "Call them every quarter" });
  });

  it("cannot be edited while a run is going", async () => {
    const port = await paneWithSelection();
    await click(get("button", en.pane.playbook.edit(en.pane.playbook.bases.segment, "11")));
    port.holdRun();
    await click(get("button", en.pane.run));
    expect(strategyBox(en.segments.lost).disabled).toBe(true);
    await act(async () => port.finishRun());
    await click(get("button", en.pane.run));
    expect(strategyBox(en.segments.lost).disabled).toBe(false);
  });
});
