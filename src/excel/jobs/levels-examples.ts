/**
 * The scale of the pane's example level policies (issue 15 §1: examples "with sensible thresholds for the data's
 * scale"): reads the source as a run does and gives the customers' metric (spend or orders over the window, at the
 * analysis date) at the quantiles src/i18n/level-examples.ts names, over the customers with a purchase in the window.
 * Writes nothing. Quantiles as Excel's PERCENTILE.INC (linear between order statistics,
 * https://support.microsoft.com/office/percentile-inc-function-680f9539-45eb-410b-9a5e-c1355e5fe2ed), so a person
 * can check them on the data: the core's type 7 quantile (src/core/math/quantile.ts), the one RFM's cut points use.
 *
 * Syncs: a run's read (1 + READ_SYNCS), whatever the number of rows.
 */
import { readCustomers } from "../../core/analysis/rows";
import { serialToIsoDate } from "../../core/cells/dates";
import { quantileR7Sorted } from "../../core/math/quantile";
import { summarizeCustomers } from "../../core/transactions/summary";
import { EXAMPLE_LEVEL_QUANTILES } from "../../i18n/level-examples";
import { messages, type Locale } from "../../i18n";
import { userError, WorkbookError } from "../errors";
import type { ExcelHost } from "../host";
import type { AnalysisSettings, LevelExamples, LevelExamplesRequest } from "../port";
import { upgradeSettings } from "../settings";
import { job } from "./job";
import { read } from "./run";
import { analysisColumns, checkSettings, optionsOf } from "./run-compute";
import { quietRunJob } from "./run-job";

export function levelExamples(host: ExcelHost, given: AnalysisSettings, request: LevelExamplesRequest, locale: Locale): Promise<LevelExamples> {
  const m = messages(locale);
  const settings = upgradeSettings(given);
  const source = settings.source;
  if (!source) return Promise.reject(userError(new WorkbookError(m.workbook.errors.noSource), m));
  return job(host, locale, async (context) => {
    const runJob = quietRunJob(host, context, m, settings, source);
    checkSettings(settings, m);
    const data = await read(runJob);
    const options = optionsOf(settings, m);
    const { tx } = readCustomers(analysisColumns(data.cells), { ...options, windowMonths: null });
    if (tx.validRows === 0) throw new WorkbookError(m.levelsPane.errors.noPurchases);
    const summary = summarizeCustomers(tx, { asOf: options.asOf ?? null, windowMonths: request.windowMonths });
    const values: number[] = [];
    const per = request.metric === "orders" ? summary.orders : summary.totalAmount;
    for (let c = 0; c < per.length; c++) if (summary.orders[c] > 0 && Number.isFinite(per[c])) values.push(per[c]);
    const sorted = Float64Array.from(values).sort();
    return {
      asOf: serialToIsoDate(summary.asOf),
      customers: sorted.length,
      // No customer in the window: no quantile (never NaN); the pane offers no examples then.
      quantiles: sorted.length === 0 ? [] : EXAMPLE_LEVEL_QUANTILES.map((q) => quantileR7Sorted(sorted, q)),
    };
  });
}
