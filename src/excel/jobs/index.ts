/**
 * The workbook port (port.ts) on Office.js: `createWorkbookPort(officeHost())` in Excel,
 * `createWorkbookPort(standIn.host)` in tests and the browser preview. One module per job beside this one;
 * here they are only put behind the queue and named as the port names them.
 */
import type { ExcelHost } from "../host";
import type { WorkbookPort } from "../port";
import { enqueue } from "../queue";
import { chart } from "./chart";
import { compareSnapshots } from "./migration";
import { comparePilot, listPilots, pickPilot } from "./pilots";
import { listTables, preview, selectCell } from "./preview";
import { run } from "./run";
import { loadSettings, saveSettings } from "./settings";
import { listSnapshots } from "./snapshots";
import { writeCohorts } from "./cohorts";
import { rebuildHistory } from "./history-rebuild";
import { filterMovers, writeMovers } from "./movers";
import { writeTrends } from "./trends";
import { checkModel } from "./model-check";
import { writeLevels } from "./levels";
import { levelExamples } from "./levels-examples";
import { addOverridesTable, findOverridesTable } from "./overrides";

/**
 * The port over `given`. Its jobs run one at a time, in the order asked, with every other port over the same
 * host (the pane's and the ribbon's): see queue.ts.
 */
export function createWorkbookPort(given: ExcelHost): WorkbookPort {
  const host: ExcelHost = {
    run: (batch) => enqueue(given.run, () => given.run(batch)),
    isSetSupported: (name, version) => given.isSetSupported(name, version),
    ...(given.events === false ? { events: false } : {}),
  };
  return {
    listTables: (locale) => listTables(host, locale),
    previewSelection: (hasHeader, locale) => preview(host, null, hasHeader, locale),
    previewSource: (source, hasHeader, locale) => preview(host, source, hasHeader, locale),
    run: (settings, options) => run(host, settings, options),
    buildChart: (kind, locale) => chart(host, kind, locale),
    buildLastChart: (locale) => chart(host, null, locale),
    selectCell: (cell, locale) => selectCell(host, cell, locale),
    loadSettings: (locale) => loadSettings(host, locale),
    saveSettings: (settings, locale) => saveSettings(host, settings, locale),
    listSnapshots: (locale) => listSnapshots(host, locale),
    compareSnapshots: (beforeId, afterId, locale) => compareSnapshots(host, beforeId, afterId, locale),
    pickPilot: (request, locale) => pickPilot(host, request, locale),
    listPilots: (locale) => listPilots(host, locale),
    comparePilot: (pilotId, afterId, locale) => comparePilot(host, pilotId, afterId, locale),
    rebuildHistory: (settings, request, options) => rebuildHistory(host, settings, request, options),
    writeMovers: (beforeId, afterId, locale, settings) => writeMovers(host, beforeId, afterId, locale, settings ?? null),
    filterMovers: (was, now, locale) => filterMovers(host, was, now, locale),
    writeTrends: (locale) => writeTrends(host, locale),
    writeCohorts: (settings, request, locale) => writeCohorts(host, settings, request, locale),
    checkModel: (settings, request, locale) => checkModel(host, settings, request, locale),
    writeLevels: (settings, request, locale) => writeLevels(host, settings, request, locale),
    levelExamples: (settings, request, locale) => levelExamples(host, settings, request, locale),
    findOverridesTable: (locale) => findOverridesTable(host, locale),
    addOverridesTable: (locale) => addOverridesTable(host, locale),
  };
}
