/**
 * `tier score FILE.csv --metrics COL1,COL2 --weights 0.5,0.5`: the weighted score of each row (the same
 * work as =TIER.SCORE): per row its id, score, band key and label, the next band up and the points to it;
 * `--summary` prints the customers per band and each band's lowest score instead. A blank cell follows
 * the blank rule (left out of that row's score); a row of blanks has no score and is not printed; a cell
 * that is not a number leaves its row out and is listed on stderr. With `--as-of` or `--window-months`
 * the file is a transactions file and --metrics names recency, frequency, monetary per customer as of
 * that date (over that window; issue 14).
 */
import { CoreError } from "../../core/cells/errors";
import { ProblemLog } from "../../core/cells/problems";
import { readNumberCell, type CellRead } from "../../core/cells/coerce";
import { checkScoreOptions, SCORE_TIER_KEYS, scoreCustomers, type ScoreBands, type ScoreDirection, type ScoreMethod } from "../../core/tiers/score";
import type { Messages } from "../../i18n";
import { readScoreDirection } from "../../i18n/directions";
import { FORMAT_OPTION, UsageError, choice, emit, inputOptions, listOption, type Command, type Out, type Parsed } from "../args";
import { GrowingNumbers, readKeptColumns, reportKeptProblems } from "../kept-columns";
import { TableWriter, type Cell } from "../output";
import { AS_OF_OPTIONS, AS_OF_SPECS, TX_SPECS, dateOption, summaryFromFile, wantsTransactions, windowOption } from "../over-time";
import { VOICE_FIELDS } from "../../core/tiers/voice";
import { voicePass, VOICE_OPTIONS, VOICE_SPECS, voiceSummary } from "../voice";
import { OVERRIDE_HEADERS, OVERRIDES_OPTIONS, OVERRIDES_SPEC, readCliOverrides, requireIdForOverrides, todaySerial, type CliOverrides } from "../overrides";
import { bandVocabulary } from "../../i18n/override-words";
import type { CustomerId } from "../../core/cells/coerce";
import { tierInputs } from "../../core/tiers/economics";
import { ECONOMICS_HEADER, ECONOMICS_OPTIONS, ECONOMICS_SPECS, customerMargins, economicsCells, economicsRequest, type EconomicsRequest } from "../economics";

function names(p: Parsed, option: string, m: Messages): string[] {
  const raw = p.options.get(option);
  if (!raw) throw new UsageError(m.cli.requiredOption(option));
  return raw.split(",").map((t) => t.trim()).filter((t) => t !== "");
}

function directionsOption(p: Parsed, m: Messages): ScoreDirection[] | undefined {
  const raw = p.options.get("--directions");
  if (raw === undefined) return undefined;
  return raw.split(",").map((t, k) => {
    const direction = readScoreDirection(t);
    if (!direction) throw new UsageError(m.errors.score.unknownDirection("--directions", k + 1, t.trim()));
    return direction;
  });
}

function bandsOption(p: Parsed, m: Messages): ScoreBands | undefined {
  const shares = listOption(p, "--bands", m);
  const thresholds = listOption(p, "--thresholds", m);
  if (shares && thresholds) throw new UsageError(m.cli.bandsOrThresholds);
  if (shares) return { kind: "shares", shares };
  if (thresholds) return { kind: "thresholds", thresholds };
  return undefined;
}

/** The core names the score's arguments as the function does; here they are options. */
function withOptionName(error: unknown, bands: ScoreBands | undefined): unknown {
  if (!(error instanceof CoreError) || !error.code.startsWith("score")) return error;
  const argument = String(error.details.argument ?? "");
  const option = argument === "bands" ? (bands?.kind === "thresholds" ? "--thresholds" : "--bands") : `--${argument}`;
  return argument ? new CoreError(error.code, { ...error.details, argument: option }) : error;
}

const SUMMARY_METRICS = ["recency", "frequency", "monetary"] as const;
const SUMMARY_HEADER = ["tier", "tier_label", "customers", "share", "min_score"];

/** Per band: its key and label, customers, share of the scored and lowest score; counted on `final`, the bands with people's overrides applied (issue 15 §2). */
function bandSummary(result: ReturnType<typeof scoreCustomers>, m: Messages, final: ArrayLike<number>): Cell[][] {
  const counts = new Array<number>(result.bandCount).fill(0);
  let scored = 0;
  for (let i = 0; i < final.length; i++) {
    const b = final[i];
    if (b < 0 || b >= result.bandCount) continue;
    counts[b]++;
    scored++;
  }
  return counts.map((n, b): Cell[] => [SCORE_TIER_KEYS[b], m.scoreTiers[SCORE_TIER_KEYS[b]], n, scored > 0 ? n / scored : 0, result.bandMin[b] === result.bandMin[b] ? result.bandMin[b] : ""]);
}

/**
 * With --as-of / --window-months: a transactions file, scored per customer on its recency (days),
 * frequency and monetary value as of that date (over that window), named by --metrics; and (issue 15 §4)
 * on a voice column given by its option (`--metrics monetary,nps --nps NPS`): each customer's latest answer
 * or summed count by then, a customer without one scored on the other metrics (the blank rule).
 */
function scoreTransactions(p: Parsed, m: Messages, out: Out, err: Out, metricNames: string[], options: Parameters<typeof scoreCustomers>[1], format: string, economics: EconomicsRequest | null): void {
  const voiceGiven = VOICE_FIELDS.filter((f) => p.options.has(`--${f}`));
  const allowed: readonly string[] = [...SUMMARY_METRICS, ...voiceGiven];
  for (const name of metricNames) {
    if (!allowed.includes(name)) throw new UsageError(m.cli.badChoice("--metrics", name, allowed.join(", ")));
  }
  // The voice columns (as metrics, or on the summary) gathered in the same pass as the purchases.
  const wanted = p.flags.has("--summary") || metricNames.some((name) => (voiceGiven as readonly string[]).includes(name));
  const voicing = wanted ? voicePass(p, choice(p, "--day-order", ["mdy", "dmy"], "mdy", m), dateOption(p, "--as-of", m)) : null;
  const { summary } = summaryFromFile(p, m, err, voicing);
  const voice = voicing ? voicing.finish(summary.customerIds, summary.asOf, m, err) : null;
  const column: Record<string, ArrayLike<number>> = { recency: summary.recencyDays, frequency: summary.orders, monetary: summary.totalAmount, ...voice };
  const result = scoreCustomers(
    metricNames.map((name) => column[name]),
    options,
  );
  const ov = bandOverrides(p, m, err, summary.customerIds, result, summary.asOf);
  if (p.flags.has("--summary")) {
    // Issue 15: the bands as finally given (§2), with what each earns and costs (§3) and says (§4).
    const final = ov ? ov.applied.tierOf : result.band;
    const rows = bandSummary(result, m, final);
    const header = [...SUMMARY_HEADER];
    if (economics) {
      // Issue 15 §3: each band's economics over its customers; a costs file may name a band by key or label.
      const margin = economics.marginColumn ? customerMargins(p, economics.marginColumn, summary, windowOption(p, m), m, err) : null;
      const labels = SCORE_TIER_KEYS.slice(0, result.bandCount).map((k) => m.scoreTiers[k]);
      const inputs = tierInputs(final, labels, summary.orders, summary.totalAmount, margin);
      const cells = economicsCells(economics, inputs, m, err, (_, k) => [SCORE_TIER_KEYS[k]]);
      rows.forEach((row, k) => row.push(inputs[k].orders, inputs[k].revenue, ...cells[k]));
      header.push("orders", "revenue", ...ECONOMICS_HEADER);
    }
    const said = voice ? voiceSummary(voice, final, result.bandCount) : null;
    if (said) rows.forEach((row, k) => row.push(...said.cells(k)));
    emit([...header, ...(said ? said.header : [])], rows, format, out);
    return;
  }
  const rows: Cell[][] = [];
  for (let i = 0; i < summary.customerIds.length; i++) {
    const s = result.score[i];
    if (s !== s) continue;
    const next = result.nextBand[i];
    const key = SCORE_TIER_KEYS[result.band[i]];
    rows.push([summary.customerIds[i], s, key, m.scoreTiers[key], next >= 0 ? SCORE_TIER_KEYS[next] : "", next >= 0 ? result.nextBandGap[i] : "", ...(ov ? ov.cells(i) : [])]);
  }
  emit(["customer_id", "score", "tier", "tier_label", "next_tier", "gap", ...(ov ? OVERRIDE_HEADERS : [])], rows, format, out);
}

/**
 * --overrides on the bands (issue 15 §2): a band is named by its key or its label in either language, and the
 * final band is printed by its key, as the tier column prints the run's own. A row without a score has no band.
 */
function bandOverrides(p: Parsed, m: Messages, err: Out, customerIds: readonly CustomerId[], result: ReturnType<typeof scoreCustomers>, asOf: number): CliOverrides | null {
  const ownTier = Int32Array.from(result.band, (b) => (b < result.bandCount ? b : -1));
  return readCliOverrides(p, m, err, { customerIds, ownTier, vocabulary: bandVocabulary(result.bandCount), label: (k) => SCORE_TIER_KEYS[k], asOf });
}

function scoreCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = p.flags.has("--json") ? "json" : choice(p, "--format", ["csv", "json"], "csv", m);
  const method = choice<ScoreMethod>(p, "--method", ["percentile", "minmax"], "percentile", m);
  const metricNames = names(p, "--metrics", m);
  const weights = listOption(p, "--weights", m);
  if (!weights) throw new UsageError(m.cli.requiredOption("--weights"));
  const directions = directionsOption(p, m);
  const bands = bandsOption(p, m);
  const options = { weights, directions, method, bands };
  // The options are checked before the file is read.
  try {
    checkScoreOptions(metricNames.length, options);
  } catch (error) {
    throw withOptionName(error, bands);
  }
  const economics = economicsRequest(p, m);
  if (wantsTransactions(p)) {
    scoreTransactions(p, m, out, err, metricNames, options, format, economics);
    return;
  }
  if (economics) throw new UsageError(m.economics.cli.needsTransactions("score"));
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  const idName = p.options.get("--id");

  // The file as a stream, keeping a number per metric and the id per row (not the file's text). A bad
  // cell leaves its row out (all its metrics NaN) and is reported.
  const log = new ProblemLog();
  const cell: CellRead = { status: "ok", value: 0 };
  const metrics = metricNames.map(() => new GrowingNumbers());
  const ids: string[] | undefined = idName ? [] : undefined;
  // With --summary the voice columns (--nps …) are read in the same pass, after the metrics and the id.
  const voicing = p.flags.has("--summary") ? voicePass(p, "mdy", null) : null;
  const voiceAt = metricNames.length + (idName ? 1 : 0);
  const voiceCells = voicing ? voicing.names.map(() => "") : [];
  const read = readKeptColumns(file, [...metricNames, ...(idName ? [idName] : []), ...(voicing ? voicing.names : [])], inputOptions(p, m), m, err, (cells, i) => {
    if (ids) ids.push(cells[metricNames.length]);
    if (voicing) {
      for (let j = 0; j < voiceCells.length; j++) voiceCells[j] = cells[voiceAt + j];
      voicing.tableRow(voiceCells, i);
    }
    for (let k = 0; k < metricNames.length; k++) {
      readNumberCell(cells[k], cell);
      if (cell.status === "bad" || cell.status === "error") {
        log.add(i, metricNames[k], cell.status === "error" ? "excelError" : "badNumber", cells[k]);
        for (const v of metrics) v.set(i, NaN);
        return;
      }
      metrics[k].set(i, cell.status === "ok" ? cell.value : NaN);
    }
  });
  const values = metrics.map((v) => v.finish(read.rows));
  reportKeptProblems(log, read, m, err);
  const result = scoreCustomers(values, options);
  // A customer table has no dates: its overrides are as of today.
  requireIdForOverrides(p, !!ids, m);
  const ov = ids ? bandOverrides(p, m, err, ids, result, todaySerial()) : null;
  const final = ov ? ov.applied.tierOf : result.band;
  const key = (band: number) => SCORE_TIER_KEYS[band];
  const label = (band: number) => m.scoreTiers[key(band)];
  if (p.flags.has("--summary")) {
    // Issue 15 §4: --nps, --satisfaction … of the same table add what each band says (src/cli/voice.ts).
    const voice = voicing ? voicing.finishTable(read.rows, read.firstLine, m, err) : null;
    const said = voice ? voiceSummary(voice, final, result.bandCount) : null;
    const rows = bandSummary(result, m, final);
    if (said) rows.forEach((row, b) => row.push(...said.cells(b)));
    emit([...SUMMARY_HEADER, ...(said ? said.header : [])], rows, format, out);
    return;
  }
  const writer = new TableWriter([idName ?? "line", "score", "tier", "tier_label", "next_tier", "gap", ...(ov ? OVERRIDE_HEADERS : [])], format, out);
  for (let i = 0; i < read.rows; i++) {
    const s = result.score[i];
    if (s !== s) continue;
    const next = result.nextBand[i];
    writer.row([ids ? ids[i] : read.lineOf(i), s, key(result.band[i]), label(result.band[i]), next >= 0 ? key(next) : "", next >= 0 ? result.nextBandGap[i] : "", ...(ov ? ov.cells(i) : [])]);
  }
  writer.end();
}

export const score: Command = {
  options: ["--metrics", "--weights", "--directions", "--bands", "--thresholds", "--method", "--id", "--format", ...AS_OF_OPTIONS, ...Object.keys(TX_SPECS), ...VOICE_OPTIONS, ...OVERRIDES_OPTIONS, ...ECONOMICS_OPTIONS],
  flags: ["--summary", "--json"],
  help: {
    args: "FILE.csv",
    example: "tier score ../shared/data/rfm_data_customer.csv --id customer_id --metrics recency_days,number_of_orders,revenue --weights 1,1,2 --directions lower,higher,higher",
    options: {
      "--metrics": { text: "metrics", kind: "columns", required: true, example: "recency_days,number_of_orders,revenue" },
      "--weights": { text: "weights", kind: "numbers", required: true, example: "1,1,2" },
      "--directions": { text: "directions", kind: "text", default: { words: "higherAll" }, example: "lower,higher,higher" },
      "--bands": { text: "bands", kind: "numbers", default: "0.05,0.15,0.3,0.3", example: "0.1,0.2,0.3,0.3" },
      "--thresholds": { text: "thresholds", kind: "numbers", default: { words: "noDefault" }, example: "90,75,50,25" },
      "--method": { text: "scoreMethod", kind: "choice", choices: ["percentile", "minmax"], default: "percentile", example: "minmax" },
      "--id": { text: "scoreId", kind: "column", default: { words: "lineNumber" }, example: "customer_id" },
      "--summary": { text: "scoreSummary", kind: "flag" },
      "--json": { text: "json", kind: "flag" },
      ...VOICE_SPECS,
      ...ECONOMICS_SPECS,
      ...AS_OF_SPECS,
      ...TX_SPECS,
      ...OVERRIDES_SPEC,
      ...FORMAT_OPTION,
    },
  },
  run: scoreCommand,
};
