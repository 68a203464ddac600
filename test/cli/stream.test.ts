/**
 * The streaming readers read a file in any chunking as if it were whole: rows, quoted fields, CRLF
 * and multi-byte characters split across chunks (fast-check over random files and chunk sizes),
 * against uDSV on the whole text; and the transactions reader's byte path, general path and the
 * switch between them agree with the in-memory reader. Output comes in pieces of about a megabyte.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/cli/csv";
import { DsvReader, WHITESPACE, detectDelimiter } from "../../src/cli/input/dsv";
import { streamFile } from "../../src/cli/input/table";
import { TableWriter, formatCsv } from "../../src/cli/output";
import { loadTransactions } from "../../src/cli/transactions-file";
import { FieldScanner } from "../../src/cli/transactions-csv";
import { readTransactions } from "../../src/core/transactions/read";
import { messages } from "../../src/i18n";
import { dir, file } from "./support";

const m = messages("en");

/** Rows of `text` read by DsvReader in chunks of `size` characters. */
function chunked(text: string, size: number, delimiter = ","): { fields: string[]; line: number }[] {
  const rows: { fields: string[]; line: number }[] = [];
  const reader = new DsvReader(delimiter, (fields, line) => rows.push({ fields, line }), "x.csv", m);
  for (let i = 0; i < text.length; i += size) reader.feed(text.slice(i, i + size));
  reader.end();
  return rows;
}

const cellText = fc.oneof(
  fc.constantFrom("", "a", "12.5", "2024-01-05", "客户", "x y", " padded "),
  fc.string({ maxLength: 6 }).map((s) => s.replace(/[\r\n",]/g, "")),
  fc.string({ maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`),
  fc.constantFrom('"a,b"', '"line\nbreak"', '"say ""hi"""', '"crlf\r\nin"'),
);

describe("DsvReader", () => {
  it("reads any chunking as uDSV reads the whole text (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 17 }), fc.constantFrom("\n", "\r\n"), (rows, size, eol) => {
        const text = `h1,h2,h3${eol}${rows.map((r) => r.join(",")).join(eol)}${eol}`;
        const whole = parseCsv(text);
        const read = chunked(text, size);
        expect(read[0].fields).toEqual(["h1", "h2", "h3"]);
        const columns = whole.header.map((_, k) => read.slice(1).map((r) => r.fields[k] ?? ""));
        expect(columns).toEqual(whole.columns);
      }),
      { numRuns: 300 },
    );
  });

  it("numbers rows by their file line, with line ends inside quotes and LF, CRLF and CR mixed", () => {
    const rows = chunked('a,b\r\n1,"two\nlines"\r3,x\n\n4,"q ""y"""\n', 3);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 5, 6]);
    expect(rows.map((r) => r.fields)).toEqual([["a", "b"], ["1", "two\nlines"], ["3", "x"], [""], ["4", 'q "y"']]);
  });

  it("names the line an unclosed quote opened on", () => {
    expect(() => chunked('a,b\n1,2\n3,"never\n4,5\n', 4)).toThrow('the quote opened on line 3 is never closed');
  });

  it("reads whitespace-separated text (CDNOW_master.txt) and detects each delimiter", () => {
    expect(chunked(" 00001 19970101  1   11.77\r\n 00002 19970112\t1   12.00\r\n", 5, WHITESPACE).map((r) => r.fields)).toEqual([
      ["00001", "19970101", "1", "11.77"],
      ["00002", "19970112", "1", "12.00"],
    ]);
    expect([" customer_id  date number_of_cds  dollar_value", "a;b;c", "a\tb", "a|b", "a,b;c,d", "amount", '"a;b",c'].map(detectDelimiter)).toEqual([
      WHITESPACE, ";", "\t", "|", ",", ",", ",",
    ]);
  });
});

describe("streamFile", () => {
  it("decodes characters split between chunks (UTF-8, GB18030, UTF-16) alike", () => {
    const text = "客户,金额\n张三,10\n李四,20\n";
    const utf8 = file("split-utf8.csv", text);
    const read = (path: string, chunkBytes: number) => {
      const rows: string[][] = [];
      let header: string[] = [];
      streamFile(path, { header: true, chunkBytes }, m, () => {}, (o) => {
        header = o.header;
        return (fields) => rows.push(fields);
      });
      return { header, rows };
    };
    const expected = { header: ["客户", "金额"], rows: [["张三", "10"], ["李四", "20"]] };
    for (const size of [1, 2, 3, 5, 64]) expect(read(utf8, size)).toEqual(expected);
    const utf16 = join(dir, "split-utf16.csv");
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    for (const size of [4, 5, 7]) expect(read(utf16, size)).toEqual(expected);
  });
});

describe("the transactions reader", () => {
  const names = { customers: "customer_id", dates: "date", amounts: "amount" };
  const load = (path: string, chunkBytes: number) => loadTransactions(path, names, { fieldNames: names }, { header: true, chunkBytes }, m, () => {});

  it("gives the in-memory reader's transactions in every chunking, on the byte path, the general path and across the switch", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("1", "2", "17", "0042", "x", ""), fc.constantFrom("2024-01-05", "2024-01-05 10:30:00", "1/5/2024", "bad"), fc.constantFrom("10", "-2.5", "1e3", '"1,5"', "")), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 8, max: 64 }),
        (rows, size) => {
          const text = `customer_id,date,amount\n${rows.map((r) => r.join(",")).join("\n")}\n`;
          const path = file("tx-prop.csv", text);
          const table = parseCsv(text);
          const expected = readTransactions({ customers: table.columns[0], dates: table.columns[1], amounts: table.columns[2] }, { fieldNames: names });
          for (const tx of [load(path, size), load(path, 1 << 20)]) {
            expect(Array.from(tx.amount)).toEqual(Array.from(expected.amount));
            expect(Array.from(tx.date)).toEqual(Array.from(expected.date));
            expect(Array.from(tx.sourceRow)).toEqual(Array.from(expected.sourceRow));
            expect(tx.customerIds).toEqual(expected.customerIds);
            expect(tx.problems.problems).toEqual(expected.problems.problems);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("FieldScanner (the byte path's one field scanner)", () => {
  it("finds each wanted column's field as splitting the line at commas does, columns wanted twice or past the end included (property)", () => {
    const field = fc.constantFrom("", "1", "ab", "2024-01-05", "客户", " x ", "12.5");
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: -1, max: 7 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        (lines, columns, eol, lastEnds) => {
          const text = lines.map((l) => l.join(",")).join(eol) + (lastEnds ? eol : "");
          const bytes = new TextEncoder().encode(text);
          const scanner = new FieldScanner(columns);
          const decode = (s: number, e: number) => (s < 0 ? null : new TextDecoder().decode(bytes.subarray(s, e)));
          let pos = 0;
          for (const line of lines) {
            pos = scanner.line(bytes, pos, bytes.length);
            const got = columns.map((_, j) => decode(scanner.bounds[2 * j], scanner.bounds[2 * j + 1]));
            expect(got).toEqual(columns.map((k) => (k >= 0 && k < line.length ? line[k] : null)));
          }
          // A last line without its line end ends at the end (one past it, where its last field stopped there).
          expect(pos - bytes.length).toBeOneOf([0, 1]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("TableWriter", () => {
  it("writes a long table in pieces of about a megabyte that join to the whole", () => {
    const pieces: string[] = [];
    const writer = new TableWriter(["id", "value"], "csv", (s) => pieces.push(s));
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 150_000; i++) {
      rows.push([`c${i}`, i / 7]);
      writer.row(rows[i]);
    }
    writer.end();
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(piece.length).toBeLessThan(1.1 * (1 << 20));
    expect(pieces.join("")).toBe(formatCsv(["id", "value"], rows));
  });

  it("writes JSON laid out as JSON.stringify(rows, null, 2), NaN and Infinity as null", () => {
    let text = "";
    const writer = new TableWriter(["id", "v"], "json", (s) => (text += s));
    writer.row(["=1+1", 0.1 + 0.2]);
    writer.row([2, Infinity]);
    writer.end();
    expect(text).toBe(`${JSON.stringify([{ id: "=1+1", v: 0.3 }, { id: 2, v: null }], null, 2)}\n`);
  });
});

describe("formatNumber", () => {
  it("writes what String(Number(v.toPrecision(15))) writes, for any double (property)", async () => {
    const { formatNumber } = await import("../../src/cli/output");
    const reference = (v: number) => {
      const plain = String(v);
      if (plain.length <= 15 || Number.isInteger(v) || !Number.isFinite(v)) return plain;
      return String(Number(v.toPrecision(15)));
    };
    fc.assert(fc.property(fc.double(), (v) => formatNumber(v) === reference(v)), { numRuns: 20000 });
    for (const v of [0.1 + 0.2, 1 / 3, -2.5, 1e-7 / 3, 123456789012.345678, 1e15 / 7, 596746.3, -0.000001]) expect(formatNumber(v)).toBe(reference(v));
  });
});
