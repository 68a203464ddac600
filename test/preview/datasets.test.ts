/** The preview's data sets: CDNOW's purchases split into 1997's half-years, as the `?data=cdnow` tables hold them. */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDateText } from "../../src/core/cells/dates";
import { CDNOW_HEADER, DATA_SETS, VOICE, cdnowAllSheets, cdnowSheets, dataSetName, serialFromYmd, voiceSheets } from "../../src/preview/datasets";

const CDNOW = resolve(__dirname, "../../../shared/data/CDNOW_master.txt");

describe("preview data sets", () => {
  it("opens all of Online Retail with ?data=retail-full, and the sample for anything it does not know", () => {
    expect(dataSetName("retail-full")).toBe("retail-full");
    expect(dataSetName("cdnow")).toBe("cdnow");
    expect(dataSetName("everything")).toBe("retail");
    expect(dataSetName(null)).toBe("retail");
    expect(DATA_SETS["retail-full"]).toMatchObject({ url: "sample/online_retail.csv", kind: "csv", sheet: "Online Retail", table: "OnlineRetail" });
  });

  it("turns yyyymmdd into the serial the core reads for the same day", () => {
    expect(serialFromYmd(19970101)).toBe(35431);
    for (const [ymd, iso] of [[19970630, "1997-06-30"], [19970701, "1997-07-01"], [19971231, "1997-12-31"], [20000229, "2000-02-29"]] as const) {
      expect(serialFromYmd(ymd)).toBe(parseDateText(iso));
    }
  });

  it("splits CDNOW into H1 and H2 of 1997, ids as text, and leaves 1998 out", () => {
    const text = " customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00002 19970630  2   12.00\r\n 00002 19970701  1   5.5\r\n 00003 19980105  1   9\r\n";
    const [h1, h2] = cdnowSheets(text);
    expect(h1.table).toBe("CDNOW_H1");
    expect(h1.rows).toEqual([CDNOW_HEADER, ["00001", 35431, 1, 11.77], ["00002", serialFromYmd(19970630), 2, 12]]);
    expect(h2.rows).toEqual([CDNOW_HEADER, ["00002", serialFromYmd(19970701), 1, 5.5]]);
    expect(h1.formats).toEqual(["@", "yyyy-mm-dd", "0", "0.00"]);
  });

  it.skipIf(!existsSync(CDNOW))("holds every purchase of 1997 from the real file", () => {
    const text = readFileSync(CDNOW, "utf8");
    const [h1, h2] = cdnowSheets(text);
    const of1997 = text.split(/\r?\n/).filter((line) => / 1997\d{4} /.test(line)).length;
    expect(h1.rows.length - 1 + h2.rows.length - 1).toBe(of1997);
    expect([h1.rows.length - 1, h2.rows.length - 1]).toEqual([41528, 15374]);
  });

  it("opens Online Retail unless the URL names CDNOW", () => {
    expect(dataSetName("cdnow")).toBe("cdnow");
    expect(dataSetName(null)).toBe("retail");
    expect(dataSetName("other")).toBe("retail");
    expect(dataSetName("cdnow18")).toBe("cdnow18");
  });

  it("keeps all 18 months of CDNOW in one table for Rebuild history", () => {
    const text = " customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00003 19980630  1   9\r\n";
    const [all] = cdnowAllSheets(text);
    expect(all.table).toBe("CDNOW_ALL");
    expect(all.rows).toEqual([CDNOW_HEADER, ["00001", 35431, 1, 11.77], ["00003", serialFromYmd(19980630), 1, 9]]);
  });
});

describe("the preview's Online Retail sample: whole customer histories (issue 13 §5)", () => {
  const SAMPLE = resolve(__dirname, "../../assets/sample/online_retail_customers.csv");
  const FULL = resolve(__dirname, "../../../shared/data/online_retail.csv");
  const customerOf = (line: string) => {
    // CustomerID is the 7th field; Description (3rd) may be quoted with commas inside.
    const fields = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, ""));
    return fields[6];
  };
  const counts = (lines: readonly string[]) => {
    const out = new Map<string, number>();
    for (const line of lines) out.set(customerOf(line), (out.get(customerOf(line)) ?? 0) + 1);
    return out;
  };

  it("is in the repository, with the full file's header, and is what the preview opens by default", async () => {
    const { DATA_SETS } = await import("../../src/preview/datasets");
    expect(DATA_SETS.retail.url).toBe("sample/online_retail_customers.csv");
    const text = readFileSync(SAMPLE, "utf8");
    expect(text.split("\n")[0]).toBe("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country");
  });

  it.skipIf(!existsSync(FULL))("holds every line of each of its customers, as the complete data has them", () => {
    const sample = readFileSync(SAMPLE, "utf8").trim().split("\n").slice(1);
    const full = readFileSync(FULL, "utf8").trim().split("\n").slice(1);
    const inSample = counts(sample);
    const inFull = counts(full);
    const customers = [...inSample.keys()].filter((id) => id !== "");
    expect(customers.length).toBe(200);
    for (const id of customers) expect(inSample.get(id), id).toBe(inFull.get(id));
    // Every sampled line is a line of the complete file, byte for byte.
    const all = new Set(full);
    expect(sample.every((line) => all.has(line))).toBe(true);
  });
});

describe("the voice data set (?data=voice, issue 15 §4)", () => {
  const FILE = resolve(__dirname, "../../assets/sample/voice_orders.csv");

  it("is named by ?data=voice and read from the copied sample", () => {
    expect(dataSetName("voice")).toBe("voice");
    expect(DATA_SETS.voice).toMatchObject({ url: "sample/voice_orders.csv", kind: "sheets" });
  });

  it("keeps a blank voice cell blank (missing, not 0), ids as text, dates as serials", () => {
    const text = "customer_id,date,amount,nps,satisfaction,complaints,referrals,engagement\r\nV001,2024-10-21,33.24,6,3,,0,63\r\nV001,2024-11-04,198.36,,,,0,\r\n";
    const [sheet] = voiceSheets(text);
    expect(sheet.table).toBe(VOICE.table);
    expect(sheet.rows[1]).toEqual(["V001", parseDateText("2024-10-21"), 33.24, 6, 3, null, 0, 63]);
    expect(sheet.rows[2]).toEqual(["V001", parseDateText("2024-11-04"), 198.36, null, null, null, 0, null]);
    expect(sheet.formats).toHaveLength(8);
  });

  it("reads every order of the sample", () => {
    const text = readFileSync(FILE, "utf8");
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
    const [sheet] = voiceSheets(text);
    expect(sheet.rows).toHaveLength(lines.length);
    for (const row of sheet.rows.slice(1)) for (const v of row) expect(typeof v === "number" ? Number.isFinite(v) : true).toBe(true);
  });
});
