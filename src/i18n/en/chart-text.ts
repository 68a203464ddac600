/**
 * Issue 17, "Charts and numbers": the words on the tier charts. A chart's title repeats the pane picker's
 * wording and names what the tiers are (segments, ABC classes or score bands), so a chart of score bands is
 * never called "by segment"; its category axis is titled with the same word. One top-level key,
 * `chartText`, so the part spreads beside the others without overwriting one.
 */
import type { Widen } from "../widen";

export const chartText = {
  chartText: {
    /** What a tier is under each tier basis (TierBy), as a title's "by …" and as the category axis title. */
    basis: { segment: "segment", abcClass: "ABC class", score: "score band" },
    basisAxis: { segment: "Segment", abcClass: "ABC class", score: "Score band" },
    titles: {
      column: (basis: string) => `Customers and revenue by ${basis}`,
      pie: (basis: string) => `Revenue share by ${basis}`,
      doughnut: (basis: string) => `Revenue share by ${basis}`,
      pareto: (basis: string) => `Pareto: revenue by ${basis} (largest first) and cumulative share`,
      scatter: (basis: string) => `Frequency against monetary, by ${basis}`,
      radar: (basis: string) => `Mean R, F, M scores by ${basis}`,
    },
    /** Below the R×F heat map, when a score level has no customer. */
    heatEmpty: (levels: string) =>
      `No customer has ${levels}: many customers share the same values (most buy once), so the score cut points coincide and these levels stay empty. Fewer score levels avoid it.`,
    /** The Pareto's sorted data block beside the chart (the chart plots it, largest revenue first). */
    paretoBlock: "Pareto data (largest revenue first)",
  },
};

export type ChartTextMessages = Widen<typeof chartText>;
