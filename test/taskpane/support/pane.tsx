/** What the pane's component tests share: the pane opened on the fake port's selection, and small lookups. */
import { App } from "../../../src/taskpane/App";
import type { AnalysisSettings } from "../../../src/excel/port";
import { messages } from "../../../src/i18n";
import { click, get, render } from "./dom";
import { FakePort } from "./fake-port";

/** The pane in English with the fake port's selection taken as the data. */
export async function paneWithSelection(port = new FakePort()): Promise<FakePort> {
  await render(<App initialLocale="en" theme="light" port={port} />);
  await click(get("button", messages("en").pane.useSelection));
  return port;
}

/** A name matched whole (other controls may start with the same words). */
export const exactly = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

/** The settings of the latest Run. */
export const lastRun = (port: FakePort) => port.called("run").at(-1)!.args[0] as AnalysisSettings;
