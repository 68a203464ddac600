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
import { tierTotals } from "../../core/tiers/totals";
import { summarizeCustomers } from "../../core/transactions/summary";
import type { Messages } from "../../i18n";
import { segmentName } from "../../i18n/tier-names";
import { UsageError, choice, emit, listOption, numberOption, type Command, type Out, type Parsed } from "../args";
import { readCsvFile, type CsvTable } from "../csv";
import type { Cell } from "../output";
import { windowOption, withOptionName } from "../over-time";
import { readTransactionsFile } from "../transactions-file";

function segmentOption(p: Parsed, m: Messages): SegmentScheme | SegmentRule[] {
  const raw = p.options.get("--segments") ?? "rfm";
  if (raw === "rfm" || raw === "cn8") return raw;
  if (!raw.toLowerCase().endsWith(".csv")) throw new CoreError("unknownScheme", { value: raw });
  let rules: CsvTable;
  try {
    rules = readCsvFile(raw);
  } catch (error) {
    throw new UsageError(m.cli.unreadable(raw, error instanceof Error ? error.message : String(error)));
  }
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
    if (!isSerialInRange(asOf)) throw new UsageError(m.errors.badAsOf(asOfText));
  }
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  const windowMonths = windowOption(p, m);
  const tx = readTransactionsFile(p, file, dayOrder, m, err);
  // As of an earlier date: the rows after it are left out; a window counts F and M over its last N months.
  const summary = withOptionName(() => summarizeCustomers(tx, { asOf, windowMonths }));
  const breakpoints = { recency: listOption(p, "--r-breaks", m), frequency: listOption(p, "--f-breaks", m), monetary: listOption(p, "--m-breaks", m) };
  const scores = scoreCustomers(summary, { bins, frequencyBasis, monetaryBasis, breakpoints });
  const seg = segmentCustomers(scores, scheme);
  if (p.flags.has("--summary")) {
    const labels = seg.names.map((_, k) => segmentName(seg, k, m));
    const rows = tierTotals(seg.index, labels, summary.orders, summary.totalAmount)
      .filter((t) => t.customers > 0)
      .sort((a, b) => (a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : 0))
      .map((t): Cell[] => [t.tier, t.customers, t.orders, t.revenue]);
    emit(["segment", "customers", "orders", "revenue"], rows, format, out);
    return;
  }
  const { frequency, monetary } = rfmInputs(summary, { frequencyBasis, monetaryBasis });
  const wide = isWideScoring(scores);
  const rows: Cell[][] = new Array(summary.customerIds.length);
  for (let i = 0; i < rows.length; i++) {
    const r = scores.r.scores[i];
    const f = scores.f.scores[i];
    const s = scores.m.scores[i];
    rows[i] = [summary.customerIds[i], serialToIsoDate(summary.lastPurchase[i]), summary.recencyDays[i], frequency[i], monetary[i], r, f, s, rfmCode(r, f, s, wide), segmentName(seg, seg.index[i], m)];
  }
  emit(["customer_id", "last_purchase", "recency_days", "frequency", "monetary", "r", "f", "m", "rfm", "segment"], rows, format, out);
}

export const rfm: Command = {
  options: ["--customer", "--date", "--amount", "--as-of", "--window-months", "--bins", "--segments", "--format", "--frequency", "--monetary", "--day-order", "--r-breaks", "--f-breaks", "--m-breaks"],
  run: rfmCommand,
};
