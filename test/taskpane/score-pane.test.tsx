// @vitest-environment happy-dom
/** The weighted score's editor against the fake port: summary by score bands, metrics, directions, bands, problems. */
import { afterEach, describe, expect, it } from "vitest";
import { messages } from "../../src/i18n";
import { scoreSettings, thresholds } from "../support/fixtures";
import { bodyText, choose, cleanup, click, get, query, type } from "./support/dom";
import { paneWithSelection, exactly, lastRun } from "./support/pane";

const en = messages("en");
const s = en.pane.score;

afterEach(cleanup);


const checkbox = (label: string) => get("checkbox", exactly(label)) as HTMLInputElement;

describe("pane: weighted score", () => {
  it("summary rows by score bands turn the score on; the run carries the metrics, weights, directions, method and thresholds", async () => {
    const port = await paneWithSelection();
    expect(query("checkbox", exactly(en.scoreMetrics.monetary))).toBeNull();
    await click(get("radio", en.pane.summaryByOptions.score));
    expect(checkbox(s.toggle).checked).toBe(true);
    // The metrics the data offers: R, F, M and CLV (on by default); margin and extra are not mapped, Predict is off.
    for (const metric of ["recency", "frequency", "monetary", "clv"] as const) expect(checkbox(en.scoreMetrics[metric])).toBeTruthy();
    expect(query("checkbox", exactly(en.scoreMetrics.margin))).toBeNull();
    expect(query("checkbox", exactly(en.scoreMetrics.pAlive))).toBeNull();
    expect(get("combobox", s.directionOf(en.scoreMetrics.recency)).textContent).toBe(s.directions.lower);
    expect((get("textbox", s.weightOf(en.scoreMetrics.clv)) as HTMLInputElement).disabled).toBe(true);

    await type(get("textbox", s.weightOf(en.scoreMetrics.monetary)), "2");
    await click(checkbox(en.scoreMetrics.frequency));
    await click(checkbox(en.scoreMetrics.clv));
    await type(get("textbox", s.weightOf(en.scoreMetrics.clv)), "0.5");
    await choose(get("combobox", s.directionOf(en.scoreMetrics.recency)), s.directions.higher);
    await click(get("radio", en.pane.score.methods.minmax));
    await click(get("radio", s.bandKinds.thresholds));
    expect(bodyText()).toContain(s.restThreshold(en.scoreTiers.bronze, "20"));
    await type(get("textbox", s.thresholdOf(en.scoreTiers.diamond)), "90");
    await type(get("textbox", s.thresholdOf(en.scoreTiers.silver)), "10");
    await click(get("button", en.pane.run));
    const settings = lastRun(port);
    expect(settings.summaryBy).toBe("score");
    expect(settings.score).toEqual(scoreSettings(["recency", ["monetary", 2], ["clv", 0.5]], { method: "minmax", bands: thresholds(90, 60, 40, 10) }));
    expect(port.saved?.score).toEqual(settings.score);
  });

  it("keeps the score with the summary by segments, with the default shares shown beside the band names", async () => {
    const port = await paneWithSelection();
    await click(checkbox(s.toggle));
    expect((get("radio", exactly(en.pane.summaryByOptions.segment)) as HTMLInputElement).checked).toBe(true);
    expect((get("textbox", s.shareOf(en.scoreTiers.diamond)) as HTMLInputElement).value).toBe("5");
    expect((get("textbox", s.shareOf(en.scoreTiers.platinum)) as HTMLInputElement).value).toBe("15");
    expect(bodyText()).toContain(s.restShare(en.scoreTiers.bronze, "20"));
    await type(get("textbox", s.shareOf(en.scoreTiers.silver)), "40");
    expect(bodyText()).toContain(s.restShare(en.scoreTiers.bronze, "10"));
    await click(get("button", en.pane.run));
    const settings = lastRun(port);
    expect(settings.summaryBy).toBe("segment");
    expect(settings.score?.bands).toEqual({ kind: "shares", shares: [0.05, 0.15, 0.3, 0.4] });
    expect(settings.score?.method).toBe("percentile");
  });

  it("turning the score off while the summary is by score bands moves the summary back to segments", async () => {
    const port = await paneWithSelection();
    await click(get("radio", en.pane.summaryByOptions.score));
    await click(checkbox(s.toggle));
    expect(checkbox(s.toggle).checked).toBe(false);
    expect((get("radio", exactly(en.pane.summaryByOptions.segment)) as HTMLInputElement).checked).toBe(true);
    expect(query("checkbox", exactly(en.scoreMetrics.monetary))).toBeNull();
    await click(get("button", en.pane.run));
    expect(lastRun(port)).toMatchObject({ summaryBy: "segment", score: null });
  });

  it("offers the predicted metrics with Predict on, and says what to fix instead of running", async () => {
    const port = await paneWithSelection();
    await click(checkbox(s.toggle));
    await click(get("switch", en.pane.predictToggle));
    await click(checkbox(en.scoreMetrics.pAlive));
    expect(checkbox(en.scoreMetrics.predictedClv)).toBeTruthy();
    // Predict off again: P(alive) stays listed (it is included) with what would offer it.
    await click(get("switch", en.pane.predictToggle));
    expect(query("checkbox", exactly(en.scoreMetrics.predictedClv))).toBeNull();
    expect(checkbox(en.scoreMetrics.pAlive).checked).toBe(true);
    expect(bodyText()).toContain(s.unavailable(s.needs.predict));
    // The checkbox is described by that caption (a screen reader says it with the checkbox).
    const described = checkbox(en.scoreMetrics.pAlive).getAttribute("aria-describedby");
    expect(described && document.getElementById(described)?.textContent).toBe(s.unavailable(s.needs.predict));
    expect(checkbox(en.scoreMetrics.recency).getAttribute("aria-describedby")).toBeNull();
    for (const metric of ["recency", "frequency", "monetary"] as const) await type(get("textbox", s.weightOf(en.scoreMetrics[metric])), "0");
    await type(get("textbox", s.weightOf(en.scoreMetrics.pAlive)), "0");
    await click(get("radio", s.bandKinds.thresholds));
    await type(get("textbox", s.thresholdOf(en.scoreTiers.gold)), "70");
    await click(get("button", en.pane.run));
    expect(port.called("run")).toEqual([]);
    const text = bodyText();
    expect(text).toContain(s.problems.unavailable(en.scoreMetrics.pAlive, s.needs.predict));
    expect(text).toContain(s.problems.weightsZero);
    expect(text).toContain(s.problems.thresholds(en.scoreTiers.bronze));

    await click(checkbox(en.scoreMetrics.pAlive));
    expect(query("checkbox", exactly(en.scoreMetrics.pAlive))).toBeNull();
    await type(get("textbox", s.weightOf(en.scoreMetrics.monetary)), "1");
    await type(get("textbox", s.thresholdOf(en.scoreTiers.gold)), "40");
    await click(get("button", en.pane.run));
    expect(lastRun(port).score?.metrics).toEqual(scoreSettings([["recency", 0, "lower"], ["frequency", 0], "monetary"]).metrics);
  });

  it("offers margin and the extra measure once their columns are mapped", async () => {
    const port = await paneWithSelection();
    await click(checkbox(s.toggle));
    expect(query("checkbox", exactly(en.scoreMetrics.margin))).toBeNull();
    await choose(get("combobox", en.pane.roles.category), en.pane.notMapped);
    await choose(get("combobox", en.pane.roles.margin), "Country");
    expect(query("checkbox", exactly(en.scoreMetrics.extra))).toBeNull();
    await click(checkbox(en.scoreMetrics.margin));
    await choose(get("combobox", s.directionOf(en.scoreMetrics.margin)), s.directions.lower);
    await type(get("textbox", s.weightOf(en.scoreMetrics.margin)), "3");
    await choose(get("combobox", en.pane.roles.margin), en.pane.notMapped);
    await choose(get("combobox", en.pane.roles.extra), "Country");
    // Margin stays listed (it is included) and says what would offer it; the extra measure is offered now.
    expect(bodyText()).toContain(s.unavailable(s.needs.marginColumn));
    await click(checkbox(en.scoreMetrics.extra));
    await click(get("button", en.pane.run));
    expect(port.called("run")).toEqual([]);
    expect(bodyText()).toContain(s.problems.unavailable(en.scoreMetrics.margin, s.needs.marginColumn));
    await click(checkbox(en.scoreMetrics.margin));
    await click(get("button", en.pane.run));
    expect(lastRun(port).score?.metrics.map((m) => m.metric)).toEqual(["recency", "frequency", "monetary", "extra"]);
  });
});
