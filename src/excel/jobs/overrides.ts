/**
 * The pane's two overrides jobs (issue 15 §2): find the overrides table, and add it when there is none. Adding
 * never overwrites: with a table of that name anywhere in the workbook it only says where it is; otherwise a new
 * sheet (the catalog's "Overrides" / "人工调整", or a free name beside a sheet the person already has of that
 * name) gets the header in the pane's language and an Excel table `TieringOverrides` of one blank row. The sheet
 * is not marked as the add-in's (ownership.ts): it is the person's from the moment it exists, and no job writes
 * to it again. Two syncs to find or add (the lookup, then the writes and the new table's address).
 */
import type { Locale } from "../../i18n";
import type { ExcelHost } from "../host";
import { FORMAT } from "../formats";
import { OVERRIDES_TABLE, probeOverrides } from "../overrides";
import type { OverridesTableInfo } from "../port-overrides";
import { localAddress } from "../read";
import { freeName } from "../sheets";
import { job } from "./job";

/** Loads where the table is; read after the next sync. */
function locate(table: Excel.Table): () => OverridesTableInfo {
  const header = table.getHeaderRowRange().load("address");
  const body = table.getDataBodyRange().load("rowCount");
  const sheet = table.worksheet.load("name");
  return () => ({ sheet: sheet.name, address: localAddress(header.address).split(":")[0], rows: body.rowCount });
}

export function findOverridesTable(host: ExcelHost, locale: Locale = "en"): Promise<OverridesTableInfo | null> {
  return job(host, locale, async (context) => {
    const probe = probeOverrides(context);
    await context.sync();
    if (probe.isNullObject) return null;
    const where = locate(probe);
    await context.sync();
    return where();
  });
}

export function addOverridesTable(host: ExcelHost, locale: Locale): Promise<OverridesTableInfo & { created: boolean }> {
  return job(host, locale, async (context, m) => {
    const probe = probeOverrides(context);
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    if (!probe.isNullObject) {
      const where = locate(probe);
      await context.sync();
      return { ...where(), created: false };
    }
    const h = m.overrides.headers;
    const sheet = context.workbook.worksheets.add(freeName(m.overrides.sheet, sheets.items.map((s) => s.name)));
    // Customer and text columns as text ("00123" stays as typed), until as a date; the header row first.
    const header = sheet.getRange("A1:D1");
    header.numberFormat = [[FORMAT.text, FORMAT.text, FORMAT.text, FORMAT.text]];
    header.values = [[h.customer, h.tier, h.reason, h.until]];
    sheet.getRange("A2:C2").numberFormat = [[FORMAT.text, FORMAT.text, FORMAT.text]];
    sheet.getRange("D2").numberFormat = [[FORMAT.date]];
    const table = sheet.tables.add("A1:D2", true);
    table.name = OVERRIDES_TABLE;
    sheet.getRange("A1:D1").format.autofitColumns();
    sheet.activate();
    const where = locate(table);
    await context.sync();
    return { ...where(), created: true };
  });
}
