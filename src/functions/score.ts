/**
 * Adapter for =TIER.SCORE: a block of metric columns (rows = customers, numbers only), weights,
 * directions, bands and the normalisation method in; per row Score, Tier, Next tier, Points to the next
 * tier out (a blank row, or a row with no weighted metric, stays blank: src/core/tiers/score.ts's blank rule).
 */
import { ownValue } from "../core/cells/words";
import { cellText, excelErrorText, isBlank, readNumberCell, type CellRead } from "../core/cells/coerce";
import { DEFAULT_SCORE_BANDS, SCORE_TIER_KEYS, scoreCustomers, type ScoreBands, type ScoreDirection, type ScoreMethod } from "../core/tiers/score";
import type { Messages } from "../i18n";
import { badNumberText } from "../i18n/describe";
import { readScoreDirection } from "../i18n/directions";
import { isOmitted, optionalText, type Range } from "./coerce";
import { ArgumentError } from "./errors";

type Cell = string | number;

const METHODS: Record<string, ScoreMethod> = { percentile: "percentile", minmax: "minmax", "min-max": "minmax" };

/** A 2-D argument (or a single value) as rows of cells. */
function rowsOf(arg: unknown): unknown[][] {
  if (!Array.isArray(arg)) return [[arg]];
  return (arg as unknown[]).map((row) => (Array.isArray(row) ? row : [row]));
}

/** A row or a column of cells, in order; a block of several rows and columns is refused. */
function line(arg: unknown, name: string, m: Messages): unknown[] {
  const rows = rowsOf(arg);
  const width = rows[0]?.length ?? 0;
  if (rows.length > 1 && width > 1) throw new ArgumentError(m.errors.score.notOneLine(name, rows.length, width));
  return rows.length === 1 ? rows[0] : rows.map((r) => r[0]);
}

/** The metric block as one Float64Array per column (NaN for a blank cell). */
function metricColumns(arg: unknown, m: Messages): Float64Array[] {
  const rows = rowsOf(arg);
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || width === 0) throw new ArgumentError(m.errors.noData("metrics"));
  const cell: CellRead = { status: "ok", value: 0 };
  // A first row of text over numbers is a header row the selection should leave out.
  if (rows.length > 1) {
    const first = rows[0].filter((c) => !isBlank(c));
    if (first.length > 0 && first.every((c) => typeof c === "string" && !excelErrorText(c) && readNumberCell(c, cell).status === "bad")) {
      throw new ArgumentError(m.errors.score.metricsHeader("metrics"));
    }
  }
  const columns = Array.from({ length: width }, () => new Float64Array(rows.length));
  let first = "";
  let badRows = 0;
  rows.forEach((row, i) => {
    let bad = false;
    for (let k = 0; k < width; k++) {
      const c = row[k];
      readNumberCell(c, cell);
      if (cell.status === "ok") columns[k][i] = cell.value;
      else if (cell.status === "blank") columns[k][i] = NaN;
      else {
        if (!first) {
          const what = cell.status === "error" ? m.problems.excelError(excelErrorText(c)) : badNumberText(c, m);
          first = m.errors.rowProblem(m.errors.atCell("metrics", i + 1, k + 1), what);
        }
        bad = true;
      }
    }
    if (bad) badRows++;
    // A row of zeros (and blanks) only is a blank row: Excel on Windows sends empty cells as 0 (coerce.ts), as
    // RFMSCORE and the transaction readers read such a row.
    else if (row.every((c) => c === 0 || isBlank(c))) for (let k = 0; k < width; k++) columns[k][i] = NaN;
  });
  if (first) throw new ArgumentError(badRows > 1 ? `${first} ${m.errors.moreProblems(badRows - 1)}` : first);
  return columns;
}

/**
 * One number per metric; left out (or all blank) and a blank weight are said as such. Blanks with zeros among
 * them are "missing" too: Excel on Windows sends empty cells as 0 (coerce.ts); zeros only are said as such.
 */
function weightsOf(arg: unknown, m: Messages): number[] {
  const cell: CellRead = { status: "ok", value: 0 };
  const cells = isOmitted(arg) ? [] : line(arg, "weights", m);
  if (cells.length === 0 || (cells.every((c) => isBlank(c) || c === 0) && cells.some((c) => isBlank(c)))) throw new ArgumentError(m.errors.score.weightsMissing("weights"));
  return cells.map((c, k) => {
    if (readNumberCell(c, cell).status === "blank") throw new ArgumentError(m.errors.score.weightBlank("weights", k + 1));
    if (cell.status !== "ok") {
      const text = cell.status === "error" ? excelErrorText(c) : cellText(c);
      throw new ArgumentError(m.errors.score.weightNotNumber("weights", k + 1, text));
    }
    return cell.value;
  });
}

/** Per metric "higher" or "lower"; omitted: all "higher"; a blank cell is "higher". */
function directionsOf(arg: unknown, m: Messages): ScoreDirection[] | undefined {
  if (isOmitted(arg)) return undefined;
  return line(arg, "directions", m).map((c, k) => {
    if (isBlank(c)) return "higher";
    const direction = readScoreDirection(cellText(c));
    if (!direction) throw new ArgumentError(m.errors.score.unknownDirection("directions", k + 1, cellText(c)));
    return direction;
  });
}

/**
 * The bands argument, blanks skipped: numbers all above 0 and below 1 are shares of customers, top first
 * (they must add up to at most 1); any other numbers are minimum scores, top first. Omitted (or all
 * blank): the default shares. Shares typed as percentages (5, 15, 30, 30) are an error that says so:
 * numbers from 1 to 100, some above 1, adding up to 100 or less and not going down from the top (so
 * they cannot be minimum scores) — `looksLikePercents`.
 */
export function bandsOf(arg: unknown, m: Messages): ScoreBands {
  if (isOmitted(arg)) return DEFAULT_SCORE_BANDS;
  const cell: CellRead = { status: "ok", value: 0 };
  const numbers: number[] = [];
  rowsOf(arg).forEach((row, i) =>
    row.forEach((c, k) => {
      readNumberCell(c, cell);
      if (cell.status === "blank") return;
      if (cell.status !== "ok") {
        const what = cell.status === "error" ? m.problems.excelError(excelErrorText(c)) : badNumberText(c, m);
        throw new ArgumentError(m.errors.rowProblem(m.errors.atCell("bands", i + 1, k + 1), what));
      }
      numbers.push(cell.value);
    }),
  );
  if (numbers.length === 0) return DEFAULT_SCORE_BANDS;
  if (looksLikePercents(numbers)) throw new ArgumentError(m.errors.score.bandsPercent("bands", numbers.join(", ")));
  return readBands(numbers);
}

/**
 * Band shares typed as percentages (5, 15, 30, 30 for 0.05, 0.15, 0.3, 0.3): every number from 1 to 100,
 * one above 1, a sum of at most 100, and not strictly descending. Descending numbers are minimum scores
 * (90, 75, 50, 25; also 40, 30, 20, 10, which add up to 100), so they are never taken for percentages.
 */
export function looksLikePercents(numbers: readonly number[]): boolean {
  if (!numbers.every((x) => x >= 1 && x <= 100) || !numbers.some((x) => x > 1)) return false;
  if (numbers.reduce((a, b) => a + b, 0) > 100 + 1e-9) return false;
  return numbers.some((x, k) => k > 0 && !(x < numbers[k - 1]));
}

/** Numbers as bands by the rule of `bandsOf`: shares when all are above 0 and below 1, else minimum scores. */
export function readBands(numbers: readonly number[]): ScoreBands {
  return numbers.every((x) => x > 0 && x < 1) ? { kind: "shares", shares: numbers } : { kind: "thresholds", thresholds: numbers };
}

function methodOf(arg: unknown, m: Messages): ScoreMethod {
  const text = optionalText(arg, "percentile", "method", m);
  const method = ownValue(METHODS, text.toLowerCase());
  if (!method) throw new ArgumentError(m.errors.score.unknownMethod("method", text));
  return method;
}

export function scoreTable(metrics: Range, weights: unknown, directions: unknown, bands: unknown, method: unknown, m: Messages): Cell[][] {
  const columns = metricColumns(metrics, m);
  const result = scoreCustomers(columns, {
    weights: weightsOf(weights, m),
    directions: directionsOf(directions, m),
    bands: bandsOf(bands, m),
    method: methodOf(method, m),
  });
  const label = (band: number) => m.scoreTiers[SCORE_TIER_KEYS[band]];
  return Array.from(result.score, (score, i): Cell[] => {
    if (score !== score) return ["", "", "", ""];
    const next = result.nextBand[i];
    return [score, label(result.band[i]), next >= 0 ? label(next) : "", next >= 0 ? result.nextBandGap[i] : ""];
  });
}
