import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_SERIAL,
  MIN_SERIAL,
  isSerialInRange,
  isoDateSerial,
  parseDateText,
  partsFromSerial,
  serialFromParts,
  serialToIsoDate,
} from "../../../src/core/cells/dates";

const MS_PER_DAY = 86400000;
/** Serial of 1970-01-01 in the 1900 system, derived independently of the module under test. */
const EPOCH = 25569;

/** Reference serial of a UTC calendar date, by JavaScript's own Date arithmetic. */
function utcSerial(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear avoids Date.UTC's 0..99 → 1900s mapping
  return d.getTime() / MS_PER_DAY + EPOCH;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Random whole dates in the range the core accepts, as JavaScript Dates at 00:00 UTC or with a time. */
const validDate = fc.date({
  min: new Date("1900-03-01T00:00:00.000Z"),
  max: new Date("9999-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});

describe("Excel serials (1900 system)", () => {
  it("pins known serials", () => {
    expect(serialFromParts(2024, 1, 5)).toBe(45296);
    expect(serialFromParts(1900, 3, 1)).toBe(61);
    expect(serialFromParts(1970, 1, 1)).toBe(25569);
    expect(serialFromParts(9999, 12, 31)).toBe(2958465);
    expect(serialFromParts(2000, 2, 29)).toBe(36585);
    expect(MIN_SERIAL).toBe(61);
    expect(MAX_SERIAL).toBe(2958465);
  });

  it("converts serials back to ISO dates, dropping the time of day", () => {
    expect(serialToIsoDate(45296)).toBe("2024-01-05");
    expect(serialToIsoDate(45296.999)).toBe("2024-01-05");
    expect(serialToIsoDate(61)).toBe("1900-03-01");
    expect(serialToIsoDate(2958465)).toBe("9999-12-31");
    expect(serialToIsoDate(36585)).toBe("2000-02-29");
    expect(partsFromSerial(45296.75)).toEqual({ year: 2024, month: 1, day: 5 });
  });

  it("accepts 1900-03-01 … 9999-12-31 (any time of day) and refuses the rest", () => {
    expect(isSerialInRange(61)).toBe(true);
    expect(isSerialInRange(60.999)).toBe(false); // Excel's phantom 1900-02-29
    expect(isSerialInRange(60)).toBe(false);
    expect(isSerialInRange(1)).toBe(false);
    expect(isSerialInRange(0)).toBe(false);
    expect(isSerialInRange(-1)).toBe(false);
    expect(isSerialInRange(2958465)).toBe(true);
    expect(isSerialInRange(2958465.999)).toBe(true);
    expect(isSerialInRange(2958466)).toBe(false);
    expect(isSerialInRange(NaN)).toBe(false);
    expect(isSerialInRange(Infinity)).toBe(false);
  });

  it("dates before 1900-03-01 parse to serials the range check refuses", () => {
    expect(isSerialInRange(parseDateText("1900-02-28"))).toBe(false);
    expect(isSerialInRange(parseDateText("1899-12-31"))).toBe(false);
    expect(isSerialInRange(parseDateText("1900-03-01"))).toBe(true);
    expect(isSerialInRange(parseDateText("9999-12-31 23:59:59"))).toBe(true);
  });

  it("serialFromParts refuses dates that do not exist and times out of range", () => {
    expect(serialFromParts(2023, 2, 29)).toBeNaN();
    expect(serialFromParts(1900, 2, 29)).toBeNaN(); // 1900 is not a leap year (Excel's 60 is a phantom)
    expect(serialFromParts(2100, 2, 29)).toBeNaN();
    expect(serialFromParts(2024, 2, 29)).toBe(45351);
    expect(serialFromParts(2024, 4, 31)).toBeNaN();
    expect(serialFromParts(2024, 0, 1)).toBeNaN();
    expect(serialFromParts(2024, 13, 1)).toBeNaN();
    expect(serialFromParts(2024, 1, 0)).toBeNaN();
    expect(serialFromParts(2024, 1, 5, 24)).toBeNaN();
    expect(serialFromParts(2024, 1, 5, 0, 60)).toBeNaN();
    expect(serialFromParts(2024, 1, 5, 12)).toBe(45296.5);
  });

  it("property: every serial in range round-trips through its ISO date and matches Date arithmetic", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_SERIAL, max: MAX_SERIAL }), (serial) => {
        const iso = serialToIsoDate(serial);
        expect(iso).toBe(new Date((serial - EPOCH) * MS_PER_DAY).toISOString().slice(0, 10));
        expect(parseDateText(iso)).toBe(serial);
        const { year, month, day } = partsFromSerial(serial);
        expect(serialFromParts(year, month, day)).toBe(serial);
      }),
      { numRuns: 500 },
    );
  });
});

describe("isoDateSerial: the analysis date as settings keep it", () => {
  it("reads a calendar date written YYYY-MM-DD, and nothing else", () => {
    expect(isoDateSerial("2024-01-05")).toBe(45296);
    expect(isoDateSerial(" 2024-01-05 ")).toBe(45296);
    for (const text of ["2024-02-30", "2024/1/5", "20240105", "2024-1-5", "2024-01-05 13:00", "1/5/2024", "", "x"]) {
      expect(isoDateSerial(text), text).toBeNaN();
    }
  });

  it("is parseDateText on every date it accepts (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_SERIAL, max: MAX_SERIAL }), (serial) => {
        const iso = serialToIsoDate(serial);
        expect(isoDateSerial(iso)).toBe(parseDateText(iso));
        expect(isoDateSerial(iso)).toBe(serial);
      }),
    );
  });
});

describe("parseDateText", () => {
  it("reads ISO dates", () => {
    expect(parseDateText("2024-01-05")).toBe(45296);
    expect(parseDateText("1900-03-01")).toBe(61);
    expect(parseDateText("  2024-01-05  ")).toBe(45296);
    expect(parseDateText("2024-1-5")).toBe(45296);
  });

  it("reads a time of day as the fraction of the serial", () => {
    expect(parseDateText("2024-01-05 13:00:00")).toBeCloseTo(45296 + 13 / 24, 10);
    expect(parseDateText("2024-01-05 12:00")).toBe(45296.5);
    expect(parseDateText("2024-01-05T13:00:00Z")).toBeCloseTo(45296 + 13 / 24, 10);
    expect(parseDateText("2024-01-05T06:00:00.000Z")).toBe(45296.25);
    expect(parseDateText("2024-01-05T13:00:00+08:00")).toBeCloseTo(45296 + 13 / 24, 10); // offset ignored
    expect(parseDateText("2024-01-05 00:00:30")).toBeCloseTo(45296 + 30 / 86400, 12);
    expect(parseDateText("2024-01-05 1:05 PM")).toBeCloseTo(45296 + (13 * 60 + 5) / 1440, 10);
    expect(parseDateText("2024-01-05 12:30 AM")).toBeCloseTo(45296 + 30 / 1440, 10);
    expect(parseDateText("2024-01-05 12:00 PM")).toBe(45296.5);
  });

  it("reads the other year-first layouts", () => {
    expect(parseDateText("2024/1/5")).toBe(45296);
    expect(parseDateText("2024/01/05")).toBe(45296);
    expect(parseDateText("2024.1.5")).toBe(45296);
    expect(parseDateText("20240105")).toBe(45296);
    expect(parseDateText("2024年1月5日")).toBe(45296);
    expect(parseDateText("2024年01月05号")).toBe(45296);
    expect(parseDateText("2024年1月5")).toBe(45296); // the closing 日 is optional
    expect(parseDateText("2024/1/5 18:00")).toBe(45296.75);
  });

  it("reads day/month-first layouts month first by default and day first with dmy", () => {
    expect(parseDateText("1/5/2024")).toBe(45296);
    expect(parseDateText("01/05/2024", "mdy")).toBe(45296);
    expect(parseDateText("1/5/2024", "dmy")).toBe(serialFromParts(2024, 5, 1));
    expect(parseDateText("5/1/2024", "dmy")).toBe(45296);
    expect(parseDateText("5.1.2024", "dmy")).toBe(45296);
    expect(parseDateText("05-01-2024", "dmy")).toBe(45296);
    expect(parseDateText("13/1/2024")).toBeNaN(); // month 13 under mdy
    expect(parseDateText("13/1/2024", "dmy")).toBe(serialFromParts(2024, 1, 13));
    expect(parseDateText("1/5/2024 13:00")).toBeCloseTo(45296 + 13 / 24, 10);
  });

  it("returns NaN for dates that do not exist", () => {
    for (const text of ["2023-02-30", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "2023-02-29", "1900-02-29", "20230230", "2/30/2023"]) {
      expect(parseDateText(text), text).toBeNaN();
    }
    expect(parseDateText("2024-02-29")).toBe(45351);
  });

  it("returns NaN for text that is not a date", () => {
    for (const text of [
      "",
      "   ",
      "garbage",
      "2024",
      "2024-01",
      "2024-01-05x",
      "2024-01/05",
      "1/5/24",
      "1/5/20245",
      "45296",
      "202401051",
      "2024-01-05 25:00",
      "2024-01-05 13:60",
      "2024-01-05 13:00:60",
      "2024-01-05 13",
      "2024-01-05 13:00 XM",
      "2024-01-05 13:00 PM",
      "-2024-01-05",
      "Jan 5, 2024",
      "2024年1月",
      "2024年1-5日",
    ]) {
      expect(parseDateText(text), JSON.stringify(text)).toBeNaN();
    }
  });

  it("property: ISO dates from JavaScript Dates parse to the serial Date arithmetic gives, and back", () => {
    fc.assert(
      fc.property(validDate, (d) => {
        const iso = d.toISOString().slice(0, 10);
        const serial = Math.floor(d.getTime() / MS_PER_DAY) + EPOCH;
        expect(parseDateText(iso)).toBe(serial);
        expect(serialToIsoDate(parseDateText(iso))).toBe(iso);
        expect(isSerialInRange(serial)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("property: every layout of the same date gives the same serial; times give the time of day", () => {
    fc.assert(
      fc.property(validDate, (d) => {
        const y = d.getUTCFullYear();
        const m = d.getUTCMonth() + 1;
        const day = d.getUTCDate();
        const serial = utcSerial(y, m, day);
        expect(parseDateText(`${y}/${m}/${day}`)).toBe(serial);
        expect(parseDateText(`${y}.${m}.${day}`)).toBe(serial);
        expect(parseDateText(`${y}${pad(m)}${pad(day)}`)).toBe(serial);
        expect(parseDateText(`${y}年${m}月${day}日`)).toBe(serial);
        expect(parseDateText(`${m}/${day}/${y}`)).toBe(serial);
        expect(parseDateText(`${day}/${m}/${y}`, "dmy")).toBe(serial);
        const h = d.getUTCHours();
        const min = d.getUTCMinutes();
        const s = d.getUTCSeconds();
        const secondsOfDay = h * 3600 + min * 60 + s;
        const withTime = parseDateText(`${y}-${pad(m)}-${pad(day)} ${pad(h)}:${pad(min)}:${pad(s)}`);
        expect(Math.floor(withTime)).toBe(serial);
        expect(withTime - serial).toBeCloseTo(secondsOfDay / 86400, 9);
        expect(parseDateText(d.toISOString())).toBeCloseTo(serial + (secondsOfDay + d.getUTCMilliseconds() / 1000) / 86400, 9);
      }),
      { numRuns: 500 },
    );
  });

  it("property: the ISO date of a serial with any time of day is that of the whole day", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_SERIAL, max: MAX_SERIAL }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (serial, fraction) => {
        expect(serialToIsoDate(serial + fraction)).toBe(serialToIsoDate(serial));
      }),
      { numRuns: 300 },
    );
  });
});
