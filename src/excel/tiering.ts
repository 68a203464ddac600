/**
 * How a run made its tiers, as a key kept with its snapshot: the tier basis and the settings that decide the
 * tiers' order and meaning (segments: the scheme, the custom rules, the RFM bins and breakpoints; ABC classes:
 * the method, the basis and, for fixed cuts, the cuts; score bands: the metrics with their weights and
 * directions, the normalisation and the bands). Two snapshots are compared, and a run replaces the latest
 * snapshot, only when their keys are equal: up and down between tiers of different schemes or cuts would
 * mix two orders of tiers.
 *
 * The key is stable JSON (keys sorted, score metrics sorted, weights normalised to sum 1), so the same
 * settings always give the same text and the pane can compare keys as strings (`SnapshotInfo.tiering`).
 */
import type { Messages } from "../i18n";
import type { AnalysisSettings, SourceRef, TierBy } from "./port";

/** JSON with object keys sorted at every level (arrays keep their order). */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const round = (x: number) => Number(x.toPrecision(12));

type Tiering =
  | {
      tierBy: "segment";
      scheme: string;
      rules: unknown[];
      bins: number;
      breakpoints: unknown;
    }
  | { tierBy: "abcClass"; method: string; basis: string; cuts: [number, number] | null }
  | { tierBy: "score"; metrics: { metric: string; weight: number; direction: string }[]; method: string; bands: unknown }
  /** A snapshot saved before the key was kept: only its basis is known. */
  | { tierBy: TierBy; legacy: true };

/** The key of the tiers `settings` make (the basis `summaryBy`). */
export function tieringOf(settings: AnalysisSettings): string {
  const base = tieringObject(settings);
  // A window (issue 14) changes what frequency and monetary mean, so what the tiers mean: in the key only when
  // set, so the keys of snapshots saved without one stay as they were.
  return stableJson(settings.windowMonths ? { ...base, windowMonths: settings.windowMonths } : base);
}

function tieringObject(settings: AnalysisSettings): Tiering {
  switch (settings.summaryBy) {
    case "segment": {
      // Written as keys were before the settings became the core's options (scheme "custom" and the rules,
      // breakpoints by letter), so the snapshots saved then still compare with new runs.
      const rfm = settings.rfm!;
      const bp = rfm.breakpoints;
      return {
        tierBy: "segment",
        scheme: typeof rfm.scheme === "string" ? rfm.scheme : "custom",
        rules: typeof rfm.scheme === "string" ? [] : rfm.scheme.map((r) => [r.name.trim(), r.r, r.f, r.m]),
        bins: rfm.bins,
        breakpoints: bp ? { r: bp.recency, f: bp.frequency, m: bp.monetary } : null,
      };
    }
    case "abcClass": {
      const abc = settings.abc!;
      const method = abc.method ?? "fixed";
      return { tierBy: "abcClass", method, basis: abc.basis, cuts: method === "fixed" ? [round(abc.aCut), round(abc.bCut)] : null };
    }
    case "score": {
      const score = settings.score!;
      const total = score.metrics.reduce((sum, x) => sum + x.weight, 0);
      const metrics = score.metrics
        .filter((x) => x.weight > 0)
        .map((x) => ({ metric: x.metric, weight: round(total > 0 ? x.weight / total : 0), direction: x.direction }))
        .sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
      return { tierBy: "score", metrics, method: score.method, bands: score.bands };
    }
  }
}

/** The key of a snapshot saved before keys were kept. */
export const legacyTiering = (tierBy: TierBy) => stableJson({ tierBy, legacy: true });

/** The key of where a run read its data (a replaced snapshot must come from the same source). */
export const sourceKey = (source: SourceRef | null) => stableJson(source);

/**
 * What differs between two keys of the same basis, as a phrase in `m`'s language for
 * `workbook.migration.errors.differentTiering`; null when they are equal.
 */
export function tieringDifference(a: string, b: string, m: Messages): string | null {
  if (a === b) return null;
  const d = m.workbook.migration.differences;
  const x = JSON.parse(a) as Tiering;
  const y = JSON.parse(b) as Tiering;
  if ("legacy" in x || "legacy" in y) return d.unknown;
  const windowOf = (t: Tiering) => (t as { windowMonths?: number }).windowMonths ?? null;
  if (windowOf(x) !== windowOf(y)) return m.overTimePane.windowDiffers(windowOf(x), windowOf(y));
  const same = (u: unknown, v: unknown) => stableJson(u) === stableJson(v);
  if (x.tierBy === "segment" && y.tierBy === "segment") {
    const names = m.pane.schemes as Record<string, string>;
    if (x.scheme !== y.scheme) return d.scheme(names[x.scheme] ?? x.scheme, names[y.scheme] ?? y.scheme);
    if (!same(x.rules, y.rules)) return d.rules;
    return d.scores;
  }
  if (x.tierBy === "abcClass" && y.tierBy === "abcClass") {
    const methods = m.pane.abcMethods as Record<string, string>;
    const bases = m.pane.bases as Record<string, string>;
    if (x.method !== y.method) return d.abcMethod(methods[x.method] ?? x.method, methods[y.method] ?? y.method);
    if (x.basis !== y.basis) return d.abcBasis(bases[x.basis] ?? x.basis, bases[y.basis] ?? y.basis);
    const cuts = (c: [number, number] | null) => (c ? c.map((v) => `${round(v * 100)}%`).join(" / ") : "");
    return d.abcCuts(cuts(x.cuts), cuts(y.cuts));
  }
  if (x.tierBy === "score" && y.tierBy === "score") {
    const methods = m.pane.score.methods as Record<string, string>;
    if (!same(x.metrics, y.metrics)) return d.scoreMetrics;
    if (x.method !== y.method) return d.scoreMethod(methods[x.method] ?? x.method, methods[y.method] ?? y.method);
    return d.scoreBands;
  }
  return d.unknown;
}
