/**
 * Ribbon commands. In the shared runtime this bundle is loaded by taskpane.html (the manifest's FunctionFile is
 * the task pane page), so commands, custom functions and the pane share one JavaScript runtime.
 *
 * "Show Tiering" uses the built-in ShowTaskpane action; "Build tier chart" is an ExecuteFunction control
 * naming `buildTierChart`, registered with Office.actions.associate.
 */
import { officeHost } from "../excel/host";
import { postNotice, type Notice } from "../excel/notices";
import type { WorkbookPort } from "../excel/port";
import { createWorkbookPort } from "../excel/jobs";
import { messages, resolveLocale, type Locale } from "../i18n";

/** Opens the Tiering pane (SharedRuntime 1.1), then tells Office the command is done. */
export async function showTiering(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    // Office waits for completed() before it runs the next command.
    event?.completed();
  }
}

export interface ChartCommandDeps {
  port: WorkbookPort;
  locale: Locale;
  /** Where the pane listens for notices (the shared runtime's window). */
  notify: (notice: Notice) => void;
  showPane: () => Promise<void>;
}

/**
 * The ribbon's "Build tier chart": the chart kind built last on this workbook (a column chart at first)
 * on the summary of the last run. A button has no place to say why it failed, so a failure (no run yet,
 * the summary sheet deleted) opens the pane and posts the sentence there.
 */
export async function buildTierChartWith({ port, locale, notify, showPane }: ChartCommandDeps): Promise<void> {
  try {
    const report = await port.buildLastChart(locale);
    notify({ intent: "success", message: messages(locale).pane.chartDone(report.name, report.sheet) });
  } catch (error) {
    notify({ intent: "error", message: error instanceof Error ? error.message : String(error) });
    await showPane();
  }
}

export async function buildTierChart(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await buildTierChartWith({
      port: createWorkbookPort(officeHost()),
      locale: resolveLocale(Office.context.displayLanguage),
      notify: (notice) => postNotice(window, notice),
      showPane: () => Office.addin.showAsTaskpane(),
    });
  } finally {
    event?.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions.associate("showTiering", showTiering);
    Office.actions.associate("buildTierChart", buildTierChart);
  });
}
