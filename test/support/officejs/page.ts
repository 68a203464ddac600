/**
 * The browser half of the Office.js-client harness (harness.ts bundles it with esbuild). Microsoft's Excel
 * client (excel-web-16.00.js from @microsoft/office-js, loaded by the page before this script) runs the real
 * workbook jobs; `new Excel.RequestContext(url)` makes the client send each context.sync() as one HTTP POST
 * of RichApi JSON to `${url}ProcessQuery`, which the harness's server (wire.ts) answers from the stand-in.
 * A RequestContext built on a URL is Office.js's documented way to talk to a service endpoint instead of the
 * host: https://learn.microsoft.com/javascript/api/office/officeextension.clientrequestcontext
 */
import { createWorkbookPort } from "../../../src/excel/jobs";
import type { ExcelHost } from "../../../src/excel/host";
import type { WorkbookPort } from "../../../src/excel/port";

declare global {
  interface Window {
    tieringHarness?: { port: WorkbookPort; ready: true };
  }
}

/** The requirement sets the page claims: what the stand-in's default host supports (ExcelApi 1.12). */
function isSetSupported(name: string, version: string): boolean {
  if (name !== "ExcelApi") return false;
  const [major, minor] = version.split(".").map(Number);
  return major < 1 || (major === 1 && (minor ?? 0) <= 12);
}

const url = new URL("./", location.href).href;
const host: ExcelHost = {
  run: (batch) => Excel.run(new Excel.RequestContext(url), batch),
  isSetSupported,
  // The client registers events through Office's host channel (OfficeJsEventRegistration in the client), which a
  // RequestContext built on a URL does not have: the run's edits watch (src/excel/edits.ts) is off here.
  events: false,
};
window.tieringHarness = { port: createWorkbookPort(host), ready: true };
