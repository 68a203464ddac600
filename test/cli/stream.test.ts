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
import { CsvBytes, TableWriter, csvField, csvTail, formatCsv } from "../../src/cli/output";
import { main } from "../../src/cli/main";
import { ABC_LABELS, abcUpgrade, classifyAbc } from "../../src/core/tiers/abc";
import { StreamingBuilder, loadTransactions } from "../../src/cli/transactions-file";
import { FieldScanner } from "../../src/cli/transactions-csv";
import type { CustomerId } from "../../src/core/cells/coerce";
import { calibrationFromStream, calibrationPlan, calibrationSummary } from "../../src/core/models/calibration";
import { CustomerStream } from "../../src/core/transactions/stream";
import { summarizeCustomers, summaryFromStream, summaryPlan } from "../../src/core/transactions/summary";
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

describe("streaming a transactions file into the per-customer summary (issue 12)", () => {
  const names = { customers: "customer_id", dates: "date", amounts: "amount" };
  const cells = fc.tuple(
    fc.constantFrom("1", "2", "17", '"17"', "a", '"b, c"', "007", ""),
    fc.constantFrom("2024-01-05", "2024-01-05 10:30:00", "2024-02-29", '"2024-03-01"', "1/7/2024", "2024-13-01", ""),
    fc.constantFrom("10", "-2.5", "0", "3.25", '"4.5"', "x", "1e3"),
  );
  it("equals the summaries of the rows held in memory, in any chunking, quotes anywhere (property)", () => {
    fc.assert(
      fc.property(fc.array(cells, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom("\n", "\r\n"), (rows, chunkBytes, eol) => {
        const path = join(dir, "stream-summary.csv");
        writeFileSync(path, `customer_id,date,amount${eol}${rows.map((r) => r.join(",")).join(eol)}${eol}`);
        const input = { header: true, chunkBytes };
        const held = loadTransactions(path, names, { fieldNames: names }, input, m, () => {});
        for (const [plan, summarize] of [
          [summaryPlan(0, {}, true), (s: CustomerStream, ids: CustomerId[]) => summaryFromStream(s, ids, {})],
          [calibrationPlan(undefined), (s: CustomerStream, ids: CustomerId[]) => calibrationFromStream(s, ids, { unit: "week" })],
        ] as const) {
          const stream = new CustomerStream(plan);
          const read = loadTransactions(path, names, { fieldNames: names }, input, m, () => {}, (o) => new StreamingBuilder(stream, o));
          expect(read.validRows).toBe(0);
          expect(read.problems.problems).toEqual(held.problems.problems);
          expect(read.customerIds).toEqual(held.customerIds);
          const fromStream = () => summarize(stream, read.customerIds);
          const fromRows = () => (plan.dropReturns ? calibrationSummary(held, { unit: "week" }) : summarizeCustomers(held));
          if (held.validRows === 0) continue;
          // Typed arrays as plain arrays; the summaries' purchase days (a getter) included.
          const plain = (value: unknown) => JSON.stringify(value, (_, v) => (ArrayBuffer.isView(v) ? [...(v as Float64Array)] : v));
          let expected: string;
          try {
            expected = plain(fromRows());
          } catch (error) {
            expect(fromStream).toThrow((error as Error).message);
            continue;
          }
          expect(plain(fromStream())).toBe(expected);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("CsvBytes and tier abc's byte path (issue 12)", () => {
  const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("=SUM(A1)", "-2+3", "客户 7", 'say "hi"', "a,b", " padded "), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.nat());
  it("writes the text TableWriter writes, in pieces of any size, as bytes or as text (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 40 }), (rows) => {
        const header = ["id", "value", "note"];
        let text = "";
        const asText = new CsvBytes(header, (s) => (text += s));
        const chunks: Uint8Array[] = [];
        const asBytes = new CsvBytes(header, Object.assign(() => {}, { bytes: (b: Uint8Array) => void chunks.push(b.slice()) }));
        for (const w of [asText, asBytes]) {
          for (const r of rows) {
            if (typeof r[0] === "number") w.digits(r[0]);
            else w.text(csvField(r[0]));
            w.bytes(CsvBytes.encode(csvTail(r)));
            w.endLine();
          }
          w.end();
        }
        const expected = formatCsv(header, rows);
        expect(text).toBe(expected);
        expect(Buffer.concat(chunks).toString("utf8")).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("tier abc's lines equal the classes and shares written row by row, and its values read back equal", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -500, max: 100000 }), { minLength: 1, maxLength: 60 }), fc.boolean(), (cents, next) => {
        const amounts = cents.map((c) => c / 100);
        const path = join(dir, "abc-bytes.csv");
        writeFileSync(path, `id,amount\n${amounts.map((a, i) => `c${i % 7},${a}`).join("\n")}\n`);
        let text = "";
        const code = main(["abc", path, "--value", "amount", ...(next ? ["--next"] : [])], {}, (s) => (text += s), () => {});
        expect(code).toBe(0);
        const result = classifyAbc(amounts);
        const up = next ? abcUpgrade(amounts, result) : undefined;
        const header = ["line", "amount", "class", "cumulative_share", ...(up ? ["next_class", "gap"] : [])];
        const rows = amounts.map((a, i) => [i + 2, a, ABC_LABELS[result.classes[i]], result.cumulativeShare[i], ...(up ? [up.next[i] < 0 ? "" : ABC_LABELS[up.next[i]], up.next[i] < 0 ? "" : up.gap[i]] : [])]);
        expect(text).toBe(formatCsv(header, rows));
        expect(parseCsv(text).columns[1].map(Number)).toEqual(amounts);
      }),
      { numRuns: 60 },
    );
  });
});

describe("tier abc by customer streams the file (issue 12)", () => {
  const orders = new URL("../../../shared/data/rfm_data_orders.csv", import.meta.url).pathname;
  const columns = ["--date", "order_date", "--amount", "revenue"];
  const tier = (argv: string[]) => {
    let out = "";
    let errors = "";
    const code = main(["abc", orders, ...columns, ...argv], {}, (s) => (out += s), (s) => (errors += s));
    expect(code).toBe(0);
    // stderr lists the customers with no revenue in the window (class C): the same in both runs.
    return { out, errors };
  };
  it("streamed (--as-of given) equals the rows kept (a window ending at the last purchase)", () => {
    // Without --as-of a window ends at the file's last purchase, which only the end of the file tells:
    // that run keeps the rows; with --as-of on that day the same window is streamed into the summary.
    const kept = tier(["--window-months", "12", "--next"]);
    expect(kept.out.split("\n").length).toBeGreaterThan(100);
    expect(kept.errors).toMatch(/zero or negative/);
    expect(tier(["--window-months", "12", "--next", "--as-of", "2006-12-30"])).toEqual(kept);
  });
});
