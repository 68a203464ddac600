/**
 * Writes the sample workbook's spec (spec.ts) as an .xlsx file with ExcelJS (a maintained, MIT-licensed
 * spreadsheet-writing library; see docs/ARCHITECTURE.md "Dependencies and why"), then marks its formulas as dynamic
 * arrays, which ExcelJS does not write: each formula is an array formula over its spill range (`<f t="array">`)
 * whose cell points at the XLDAPR dynamic-array metadata (`cm="1"`, the c element's cell-metadata index of
 * ECMA-376 Part 1 §18.3.1.4, into xl/metadata.xml's xda:dynamicArrayProperties fDynamic="1" of [MS-XLSX]), as Excel
 * 365 saves a spilled formula (LibreOffice bug 127808 takes such a file apart; SheetJS and XlsxWriter write the same
 * metadata). Without the mark Excel opens them as legacy CSE arrays, or puts an implicit-intersection @ before a
 * single-cell one.
 *
 * It also stamps the file with Excel 365's calculation engine id, so Excel shows the cached results on open instead
 * of recalculating at once (which, before the add-in has loaded, would show #NAME?).
 *
 * The file is made byte for byte the same on every run (fixed document dates, fixed zip entry dates), so running
 * the script without a change to the data or the functions leaves git with nothing to commit.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { address, type CellSpec, type FormulaCell, type Scalar, type SheetSpec } from "./spec";

const FIXED = new Date(Date.UTC(2026, 0, 1));

const METADATA = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

function isFormula(c: CellSpec): c is FormulaCell {
  return typeof c === "object" && c !== null;
}

/** Row and column (0-based) of an A1 address. */
export function parseAddress(a: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a);
  if (!m) throw new Error(`not an A1 address: ${a}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function setCell(ws: ExcelJS.Worksheet, at: string, value: Scalar): void {
  if (value !== null) ws.getCell(at).value = value;
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetSpec): void {
  const ws = wb.addWorksheet(sheet.name);
  for (const [col, width] of Object.entries(sheet.widths)) ws.getColumn(col).width = width;
  for (const t of sheet.tables) {
    ws.addTable({
      name: t.name,
      ref: t.at,
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: t.columns.map((c) => ({ name: c.name, filterButton: true })),
      rows: t.rows,
    });
    const { col } = parseAddress(t.at);
    t.columns.forEach((c, k) => {
      if (c.numFmt) ws.getColumn(col + k + 1).numFmt = c.numFmt;
    });
  }
  for (const [at, cell] of sheet.cells) {
    if (!isFormula(cell)) {
      setCell(ws, at, cell);
      if (/^A\d+$/.test(at) && typeof cell === "string" && cell.startsWith("TIER.")) ws.getCell(at).font = { bold: true };
      if (typeof cell === "string" && cell.startsWith("=")) ws.getCell(at).font = { italic: true, color: { argb: "FF595959" } };
      continue;
    }
    const { row, col } = parseAddress(at);
    const height = cell.result.length;
    const width = Math.max(...cell.result.map((r) => r.length));
    ws.getCell(at).value = { formula: cell.formula, result: cell.result[0][0] ?? "", shareType: "array", ref: `${at}:${address(row + height - 1, col + width - 1)}` } as ExcelJS.CellValue;
    cell.result.forEach((r, i) => r.forEach((v, j) => (i > 0 || j > 0) && setCell(ws, address(row + i, col + j), v)));
    // A spilled table's header row in bold, as on the add-in's own sheets.
    if (cell.header) cell.result[0].forEach((_, j) => (ws.getCell(address(row, col + j)).font = { bold: true }));
  }
  ws.getCell("A1").font = { bold: true, size: 14 };
}

/** Marks every array formula as a dynamic array (cm="1" and xl/metadata.xml) and fixes the zip entries' dates. */
async function dynamicArrays(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new JSZip();
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
  for (const name of names) {
    let text = await zip.files[name].async("string");
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) text = text.replace(/<c r="([A-Z]+\d+)"([^>]*)><f t="array"/g, '<c r="$1"$2 cm="1"><f t="array"');
    // ExcelJS writes the calculation engine id of Excel 2016 (171027); Excel recalculates every formula of a file
    // saved by an older engine on open ([MS-XLS] 2.4.215 RecalcId, the calcPr/calcId of ECMA-376 18.2.2), which
    // before the add-in has loaded would put #NAME? over the cached results. 191029 is Excel 365's id.
    if (name === "xl/workbook.xml") {
      if (!text.includes('calcId="171027"')) throw new Error("ExcelJS no longer writes calcId 171027: check xl/workbook.xml's calcPr");
      text = text.replace('calcId="171027"', 'calcId="191029"');
    }
    if (name === "[Content_Types].xml") {
      text = text.replace("</Types>", '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>');
    }
    if (name === "xl/_rels/workbook.xml.rels") {
      text = text.replace("</Relationships>", '<Relationship Id="rIdMetadata1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>');
    }
    out.file(name, text, { date: FIXED, createFolders: false });
  }
  out.file("xl/metadata.xml", METADATA, { date: FIXED, createFolders: false });
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** The .xlsx file of the spec. */
export async function workbookBytes(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Tiering (scripts/make-sample-workbook.mjs)";
  wb.created = FIXED;
  wb.modified = FIXED;
  for (const sheet of sheets) writeSheet(wb, sheet);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return dynamicArrays(bytes);
}
