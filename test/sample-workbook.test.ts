/**
 * assets/tiering-sample.xlsx, the workbook a new user opens to see every TIER function at work (issue 17), read back
 * with the library that wrote it (ExcelJS): every registered function has its worked formula, each cached result is
 * what the function computes today (so the file cannot go stale: rerun `node scripts/make-sample-workbook.mjs`),
 * the formulas are saved as Excel saves spilled custom functions, and rebuilding gives the same cells.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_WORKBOOK } from "../scripts/sample-workbook/main";
import { address, registeredFunctions, sampleWorkbook, type CellSpec, type SheetSpec } from "../scripts/sample-workbook/spec";
import { parseAddress, workbookBytes } from "../scripts/sample-workbook/write";

const ROOT = new URL("../", import.meta.url).pathname;

/** The ids of the functions the metadata generator registers: each JSDoc block's @customfunction. */
const source = readFileSync(join(ROOT, "src/functions/functions.ts"), "utf8");
const jsdocIds = [...source.matchAll(/@customfunction ([A-Z][A-Z0-9]*)\b/g)].map((m) => m[1]);

/** A cell's value as the file holds it: a formula as {formula, result, ref}, a blank as null. */
function plain(cell: ExcelJS.Cell): unknown {
  const v = cell.value as unknown;
  if (v === null || v === undefined || v === "") return null;
  // ExcelJS reads a number with a date format as a Date (UTC midnight); the file holds its serial.
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  if (typeof v === "object" && "formula" in (v as object)) {
    const f = v as { formula: string; result?: unknown; ref?: string; shareType?: string };
    return { formula: f.formula, result: f.result === "" || f.result === undefined ? null : f.result, ref: f.ref, shareType: f.shareType };
  }
  return v;
}

/** Every non-blank cell of a sheet, by address. */
function cellsOf(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = plain(cell);
      if (v !== null) out.set(cell.address, v);
    }),
  );
  return out;
}

/** The cells a sheet of the spec should have, in the same shape as cellsOf. */
function expectedCells(sheet: SheetSpec): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const put = (at: string, v: unknown) => v !== null && out.set(at, v);
  for (const t of sheet.tables) {
    const { row, col } = parseAddress(t.at);
    t.columns.forEach((c, j) => put(address(row, col + j), c.name));
    t.rows.forEach((r, i) => r.forEach((v, j) => put(address(row + 1 + i, col + j), v)));
  }
  for (const [at, cell] of sheet.cells as Map<string, CellSpec>) {
    if (cell === null || typeof cell !== "object") {
      put(at, cell);
      continue;
    }
    const { row, col } = parseAddress(at);
    const width = Math.max(...cell.result.map((r) => r.length));
    const ref = `${at}:${address(row + cell.result.length - 1, col + width - 1)}`;
    out.set(at, { formula: cell.formula, result: cell.result[0][0], ref, shareType: "array" });
    cell.result.forEach((r, i) => r.forEach((v, j) => (i > 0 || j > 0) && put(address(row + i, col + j), v)));
  }
  return out;
}

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("the sample workbook", () => {
  let committed: Buffer;
  let book: ExcelJS.Workbook;
  let spec: SheetSpec[];

  beforeAll(async () => {
    committed = readFileSync(join(ROOT, SAMPLE_WORKBOOK));
    book = await read(committed);
    spec = sampleWorkbook(ROOT);
  }, 60_000);

  it("has a worked formula for every registered function", () => {
    expect(jsdocIds.length).toBeGreaterThanOrEqual(15);
    expect(new Set(registeredFunctions())).toEqual(new Set(jsdocIds));
    const formulas = [...cellsOf(book.getWorksheet("Functions")!).values()]
      .filter((v): v is { formula: string } => typeof v === "object" && v !== null && "formula" in v)
      .map((v) => v.formula);
    for (const id of jsdocIds) {
      expect(formulas.some((f) => f.startsWith(`_xldudf_TIER_${id}(`)), `no worked example of TIER.${id}: add one to scripts/sample-workbook/spec.ts`).toBe(true);
    }
  });

  it("holds the transactions and customers as Excel tables the formulas refer to", () => {
    const orders = book.getWorksheet("Orders")!;
    const customers = book.getWorksheet("Customers")!;
    expect(Object.keys((orders as unknown as { tables: object }).tables)).toEqual(["Orders"]);
    expect(Object.keys((customers as unknown as { tables: object }).tables)).toEqual(["Customers"]);
    const lines = readFileSync(join(ROOT, "assets/sample/sample-orders.csv"), "utf8").trim().split("\n");
    expect(orders.getCell("A1").value).toBe("customer_id");
    expect(orders.rowCount).toBe(lines.length);
    // A date is stored as its serial with a date format, as Excel stores it (ExcelJS reads it back as a Date).
    expect(plain(orders.getCell("B2"))).toBe(35431);
    expect(orders.getCell("B2").numFmt).toBe("yyyy-mm-dd");
  });

  it("caches, in every cell, what the functions compute today", () => {
    for (const sheet of spec) {
      const got = cellsOf(book.getWorksheet(sheet.name)!);
      const want = expectedCells(sheet);
      const stale = [...new Set([...got.keys(), ...want.keys()])].filter((at) => JSON.stringify(got.get(at)) !== JSON.stringify(want.get(at)));
      expect(
        stale.slice(0, 5).map((at) => `${sheet.name}!${at}: file ${JSON.stringify(got.get(at))}, now ${JSON.stringify(want.get(at))}`),
        "assets/tiering-sample.xlsx is stale: run `node scripts/make-sample-workbook.mjs` and commit it",
      ).toEqual([]);
    }
  });

  it("saves each formula as Excel saves a spilled custom function: a dynamic array, under the _xldudf_ name", async () => {
    const zip = await JSZip.loadAsync(committed);
    expect(await zip.file("xl/metadata.xml")!.async("string")).toContain('<xda:dynamicArrayProperties fDynamic="1"');
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/xl/metadata.xml"');
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="metadata.xml"');
    // Excel 365's engine id and no forced recalculation: the cached results show on open.
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbook).toContain('<calcPr calcId="191029"');
    expect(workbook).not.toMatch(/fullCalcOnLoad="(1|true)"/);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const formulas = sheet.match(/<f[ >]/g) ?? [];
    const dynamic = sheet.match(/cm="1"><f t="array" ref="[A-Z]+\d+:[A-Z]+\d+">_xldudf_TIER_[A-Z]+\(/g) ?? [];
    expect(formulas.length).toBeGreaterThanOrEqual(jsdocIds.length);
    expect(dynamic.length).toBe(formulas.length);
  });

  it("is rebuilt byte for byte by the script", async () => {
    const again = await workbookBytes(spec);
    expect(again.equals(committed), "rebuilding gives another file: run `node scripts/make-sample-workbook.mjs` and commit it").toBe(true);
    const reread = await read(again);
    for (const sheet of spec) expect(cellsOf(reread.getWorksheet(sheet.name)!)).toEqual(cellsOf(book.getWorksheet(sheet.name)!));
  }, 60_000);
});
