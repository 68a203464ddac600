/**
 * `tier rfm FILE.csv`: RFM scores and segments per customer from a transactions file (the same work
 * as =TIER.RFM), or with `--summary` the customers, orders and revenue per segment. `--segments` takes
 * rfm, cn8 or a CSV file of rules; `--r-breaks`, `--f-breaks` and `--m-breaks` give fixed breakpoints.
 * `--as-of` earlier than the last purchase is the file as it stood then; `--window-months N` counts
 * frequency and monetary over the last N months (issue 14).
 */
import { isSerialInRange, parseDateText, serialToIsoDate } from "../../core/cells/dates";
import { CoreError } from "../../core/cells/errors";
import { isWideScoring, rfmCode, rfmInputs, scoreCustomers, type FrequencyBasis, type MonetaryBasis } from "../../core/tiers/rfm";
import { readSegmentRules, segmentCustomers, type SegmentRule, type SegmentScheme } from "../../core/tiers/segments";
import type { Messages } from "../../i18n";
import { segmentName } from "../../i18n/tier-names";
import { segmentVocabulary } from "../../i18n/override-words";
import { FORMAT_OPTION, TRANSACTION_OPTIONS, UsageError, choice, emit, listOption, sideFileOptions, numberOption, type Command, type Out, type Parsed } from "../args";
import { readTextTable, type TextTable } from "../input/table";
import { TableWriter, type Cell } from "../output";
import { AS_OF_SPECS, windowOption, withOptionName } from "../over-time";
import { readCustomerSummary } from "../transactions-file";
import { voicePass, VOICE_OPTIONS, VOICE_SPECS, voiceSummary } from "../voice";
import { OVERRIDE_HEADERS, OVERRIDES_OPTIONS, OVERRIDES_SPEC, readCliOverrides } from "../overrides";
import { NO_SEGMENT } from "../../core/tiers/segments";
import { ECONOMICS_HEADER, ECONOMICS_OPTIONS, ECONOMICS_SPECS, customerMargins, economicsCells, economicsRequest } from "../economics";
import { tierInputs } from "../../core/tiers/economics";

function segmentOption(p: Parsed, m: Messages): SegmentScheme | SegmentRule[] {
  const raw = p.options.get("--segments") ?? "rfm";
  if (raw === "rfm" || raw === "cn8") return raw;
  if (!raw.toLowerCase().endsWith(".csv")) throw new CoreError("unknownScheme", { value: raw });
  const rules: TextTable = readTextTable(raw, sideFileOptions(), m, () => {});
  const rows: unknown[][] = [rules.header];
  for (let i = 0; i < rules.rows; i++) rows.push(rules.columns.map((c) => c[i]));
  return readSegmentRules(rows);
}

function rfmCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const frequencyBasis = choice<FrequencyBasis>(p, "--frequency", ["orders", "days"], "orders", m);
  const monetaryBasis = choice<MonetaryBasis>(p, "--monetary", ["total", "average"], "total", m);
  const dayOrder = choice(p, "--day-order", ["mdy", "dmy"], "mdy", m);
  const bins = numberOption(p, "--bins", m);
  const scheme = segmentOption(p, m);
  let asOf: number | undefined;
  const asOfText = p.options.get("--as-of");
  if (asOfText !== undefined) {
    asOf = parseDateText(asOfText);
    if (!isSerialInRange(asOf)) throw new UsageError(m.cli.badDateOption("--as-of", asOfText));
  }
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  const windowMonths = windowOption(p, m);
  const economics = economicsRequest(p, m);
  // As of an earlier date: the rows after it are left out; a window counts F and M over its last N months. The
  // summary's voice columns (--nps …, src/cli/voice.ts) are gathered in the same pass.
  const voicing = p.flags.has("--summary") ? voicePass(p, dayOrder, asOf) : null;
  const summary = withOptionName(() => readCustomerSummary(p, file, dayOrder, { asOf, windowMonths }, frequencyBasis === "days", m, err, voicing));
  const breakpoints = { recency: listOption(p, "--r-breaks", m), frequency: listOption(p, "--f-breaks", m), monetary: listOption(p, "--m-breaks", m) };
  const scores = scoreCustomers(summary, { bins, frequencyBasis, monetaryBasis, breakpoints });
  const seg = segmentCustomers(scores, scheme);
  const labels = seg.names.map((_, k) => segmentName(seg, k, m));
  // --overrides (issue 15 §2): the segment column stays the run's own; the final segment follows, and --summary counts it.
  const ownTier = Int32Array.from(seg.index, (k) => (k === NO_SEGMENT ? -1 : k));
  const ov = readCliOverrides(p, m, err, { customerIds: summary.customerIds, ownTier, vocabulary: segmentVocabulary(seg), label: (k) => labels[k], asOf: summary.asOf });
  if (p.flags.has("--summary")) {
    // Issue 15: the summary counts the final segment (§2, people's overrides) and adds what each segment says
    // (§4, --nps …: src/cli/voice.ts) and what it earns and costs (§3, --costs: src/cli/economics.ts; a tier's
    // costs by its label or its key; a segment without customers is kept when it carries a cost all the same).
    const tierOf = ov ? ov.applied.tierOf : seg.index;
    const voice = voicing ? voicing.finish(summary.customerIds, asOf, m, err) : null;
    const said = voice ? voiceSummary(voice, tierOf, seg.names.length) : null;
    const margin = economics?.marginColumn ? customerMargins(p, economics.marginColumn, summary, windowMonths, m, err) : null;
    const inputs = tierInputs(tierOf, labels, summary.orders, summary.totalAmount, margin);
    const cells = economics ? economicsCells(economics, inputs, m, err, (_, k) => [seg.names[k]]) : null;
    const rows = inputs
      .map((t, k) => ({ t, k }))
      .filter(({ t, k }) => t.customers > 0 || (cells !== null && (Number(cells[k][1]) !== 0 || Number(cells[k][2]) !== 0)))
      .sort(({ t: a }, { t: b }) => (a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : 0))
      .map(({ t, k }): Cell[] => [t.tier, t.customers, t.orders, t.revenue, ...(cells ? cells[k] : []), ...(said ? said.cells(k) : [])]);
    emit(["segment", "customers", "orders", "revenue", ...(cells ? ECONOMICS_HEADER : []), ...(said ? said.header : [])], rows, format, out);
    return;
  }
  const { frequency, monetary } = rfmInputs(summary, { frequencyBasis, monetaryBasis });
  const wide = isWideScoring(scores);
  const writer = new TableWriter(["customer_id", "last_purchase", "recency_days", "frequency", "monetary", "r", "f", "m", "rfm", "segment", ...(ov ? OVERRIDE_HEADERS : [])], format, out);
  const row: Cell[] = new Array(ov ? 14 : 10);
  for (let i = 0; i < summary.customerIds.length; i++) {
    const r = scores.r.scores[i];
    const f = scores.f.scores[i];
    const s = scores.m.scores[i];
    row[0] = summary.customerIds[i];
    row[1] = serialToIsoDate(summary.lastPurchase[i]);
    row[2] = summary.recencyDays[i];
    row[3] = frequency[i];
    row[4] = monetary[i];
    row[5] = r;
    row[6] = f;
    row[7] = s;
    row[8] = rfmCode(r, f, s, wide);
    row[9] = labels[seg.index[i]];
    if (ov) row.splice(10, 4, ...ov.cells(i));
    writer.row(row);
  }
  writer.end();
}

export const rfm: Command = {
  options: ["--customer", "--date", "--amount", "--quantity", "--order", "--as-of", "--window-months", "--bins", "--segments", "--format", "--frequency", "--monetary", "--day-order", "--r-breaks", "--f-breaks", "--m-breaks", ...VOICE_OPTIONS, ...OVERRIDES_OPTIONS, ...ECONOMICS_OPTIONS],
  flags: ["--summary"],
  help: {
    args: "FILE.csv",
    example: "tier rfm ../shared/data/rfm_data_orders.csv --date order_date --amount revenue --as-of 2006-12-31 --summary",
    options: {
      ...TRANSACTION_OPTIONS,
      "--as-of": { text: "rfmAsOf", kind: "date", default: { words: "latestPurchase" }, example: "2006-12-31" },
      "--window-months": AS_OF_SPECS["--window-months"],
      "--bins": { text: "bins", kind: "number", default: "5", example: "4" },
      "--segments": { text: "segments", kind: "choice", choices: ["rfm", "cn8", "RULES.csv"], default: "rfm", example: "cn8" },
      "--frequency": { text: "rfmFrequency", kind: "choice", choices: ["orders", "days"], default: "orders", example: "days" },
      "--monetary": { text: "monetary", kind: "choice", choices: ["total", "average"], default: "total", example: "average" },
      "--r-breaks": { text: "rBreaks", kind: "numbers", default: { words: "noDefault" }, example: "30,90,180,365" },
      "--f-breaks": { text: "fBreaks", kind: "numbers", default: { words: "noDefault" }, example: "1,2,5,10" },
      "--m-breaks": { text: "mBreaks", kind: "numbers", default: { words: "noDefault" }, example: "100,250,500,1000" },
      "--summary": { text: "rfmSummary", kind: "flag" },
      ...VOICE_SPECS,
      ...OVERRIDES_SPEC,
      ...ECONOMICS_SPECS,
      ...FORMAT_OPTION,
    },
  },
  run: rfmCommand,
};
