/**
 * `tier` against files as people have them and as a hostile user makes them (issue 12): encodings
 * Excel writes, other delimiters and line ends, broken quoting, duplicate headers, repeated flags,
 * extra files, multi-gigabyte sparse files, formula-like ids, a full disk and a closed pipe. Every
 * case ends in output or one sentence with a documented exit code (0 done, 1 output failed or
 * internal error, 2 bad arguments or unreadable input), never a stack trace, and fast.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, existsSync, ftruncateSync, openSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/main";
import { csvField } from "../../src/cli/output";
import { dir, file, run } from "./support";

const ROOT = new URL("../../", import.meta.url).pathname;
const DATA = new URL("../../../shared/data/", import.meta.url).pathname;
const TX = "客户编号,日期,金额\n1,2024-01-01,10\n2,2024-01-05,20\n1,2024-01-09,5\n";
const CN = ["--customer", "客户编号", "--date", "日期", "--amount", "金额", "--bins", "2"];
const EXPECTED = run(["rfm", file("cn-utf8.csv", TX), ...CN]).stdout;

function bytes(name: string, data: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** A sparse file: `size` bytes of NUL after `head`, made in no time (as `truncate -s` makes it). */
function sparse(name: string, head: string, size: number): string {
  const path = file(name, head);
  const fd = openSync(path, "r+");
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

/** No stack trace and one `tier:` sentence per line on stderr. */
function noTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  for (const line of stderr.trim().split("\n")) if (line) expect(line.startsWith("tier:") || line.startsWith("  ") || /^(Left out|在)/.test(line)).toBe(true);
}

describe("files as people have them", () => {
  const gb18030 = bytes("cn-gbk.csv", Buffer.from(gbk(TX)));

  it("reads GB18030 (Excel's CSV on Chinese Windows) and says it detected it", () => {
    const r = run(["rfm", gb18030, ...CN]);
    expect(r).toMatchObject({ code: 0, stdout: EXPECTED });
    expect(r.stderr).toBe(`tier: read ${gb18030} as GB18030, fields separated by commas (detected; give --encoding or --delimiter to change).\n`);
    expect(run(["rfm", gb18030, ...CN, "--encoding", "gbk"])).toMatchObject({ code: 0, stdout: EXPECTED, stderr: "" });
    expect(run(["rfm", gb18030, ...CN], { LANG: "zh_CN.UTF-8" }).stderr).toContain("按 GB18030 读取");
  });

  it("reads UTF-16 with a byte-order mark and tabs (Excel's Unicode Text), either byte order, and without a mark", () => {
    const tsv = TX.replace(/,/g, "\t").replace(/\n/g, "\r\n");
    const le = bytes("cn-utf16le.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, "utf16le")]));
    const be = bytes("cn-utf16be.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(tsv, "utf16le").swap16()]));
    const bare = bytes("cn-utf16-bare.txt", Buffer.from(tsv, "utf16le"));
    for (const path of [le, be, bare]) {
      const r = run(["rfm", path, ...CN]);
      expect(r.stdout).toBe(EXPECTED);
      expect(r.stderr).toMatch(/as UTF-16(LE|BE), fields separated by tabs/);
    }
  });

  it("reads semicolons, tabs and bars, CR-only and mixed line ends, and --delimiter", () => {
    expect(run(["rfm", file("semi.csv", TX.replace(/,/g, ";")), ...CN]).stdout).toBe(EXPECTED);
    expect(run(["rfm", file("bar.csv", TX.replace(/,/g, "|")), ...CN]).stdout).toBe(EXPECTED);
    expect(run(["rfm", file("mac.csv", TX.replace(/\n/g, "\r")), ...CN])).toMatchObject({ code: 0, stdout: EXPECTED, stderr: "" });
    const mixed = TX.split("\n");
    expect(run(["rfm", file("mixed.csv", `${mixed[0]}\r\n${mixed[1]}\r${mixed[2]}\n${mixed[3]}`), ...CN]).stdout).toBe(EXPECTED);
    expect(run(["rfm", file("given.csv", TX.replace(/,/g, ";")), ...CN, "--delimiter", ";"])).toMatchObject({ stdout: EXPECTED, stderr: "" });
    expect(run(["rfm", file("given.csv", TX), ...CN, "--delimiter", "colon"])).toMatchObject({ code: 2, stderr: 'tier: --delimiter is "colon"; use comma, semicolon, tab, pipe or whitespace (or , ; |).\n' });
    expect(run(["rfm", file("given.csv", TX), ...CN, "--encoding", "klingon"]).stderr).toContain('--encoding is "klingon"');
  });

  it("reads whitespace-separated CDNOW_master.txt as the published CDNOW summary counts it", () => {
    const r = run(["rfm", `${DATA}CDNOW_master.txt`, "--amount", "dollar_value", "--summary"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("fields separated by spaces");
    const customers = r.stdout.trim().split("\n").slice(1).reduce((n, l) => n + Number(l.split(",")[1]), 0);
    expect(customers).toBe(23570);
  });

  it("names a UTF-8 file's first bad byte and the fix", () => {
    const path = bytes("late-gbk.csv", Buffer.concat([Buffer.from(`customer_id,date,amount\n${"1,2024-01-01,10\n".repeat(80_000)}`), Buffer.from([0xc0, 0x31, 0x0a])]));
    const r = run(["abc", path, "--value", "customer_id"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not UTF-8 at byte \d+; if it was saved by Excel on Chinese Windows, give --encoding gb18030/);
  });
});

describe("broken files", () => {
  it("names the line an unclosed quote opened on, in every command's reader", () => {
    const path = file("unclosed.csv", 'customer_id,date,amount\n1,2024-01-01,10\n"2,2024-01-05,20\n3,2024-01-06,1\n');
    const message = `tier: ${path}: the quote opened on line 3 is never closed; close it, or double a quote inside a field ("").\n`;
    expect(run(["rfm", path])).toMatchObject({ code: 2, stderr: message });
    expect(run(["abc", path, "--value", "amount"])).toMatchObject({ code: 2, stderr: message });
    expect(run(["score", path, "--metrics", "amount", "--weights", "1"])).toMatchObject({ code: 2, stderr: message });
  });

  it("refuses a column name given twice, naming both columns", () => {
    const path = file("dup.csv", "customer_id,date,amount,Amount\n1,2024-01-01,10,3\n");
    expect(run(["rfm", path])).toMatchObject({ code: 2, stderr: `tier: ${path} has the column "Amount" twice (columns 3 and 4); rename one so that each name says one column.\n` });
    expect(run(["abc", path, "--value", "date"]).code).toBe(2);
  });

  it("stops at once on multi-gigabyte sparse files, with or without a header", () => {
    const t0 = performance.now();
    const empty = sparse("sparse-3g.csv", "", 3 * 2 ** 30);
    const headed = sparse("sparse-headed.csv", "customer_id,date,amount\n1,2024-01-01,10\n", 5 * 2 ** 30);
    for (const argv of [["rfm", empty], ["rfm", headed], ["abc", headed, "--value", "amount"], ["fit", headed], ["score", headed, "--metrics", "amount", "--weights", "1"], ["rfm", headed, "--encoding", "utf-16le"]]) {
      const r = run(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("is not a text file (it holds NUL bytes");
    }
    expect(performance.now() - t0).toBeLessThan(5000);
    // Sparse, so they take no disk, but a copy or backup of the temporary folder would not know that.
    for (const path of [empty, headed]) unlinkSync(path);
  });

  it("says a line without an end is not a row, rather than reading gigabytes into one string", () => {
    const path = file("one-line.csv", "x".repeat(17 << 20));
    expect(run(["abc", path, "--value", "x"]).stderr).toContain("the row starting on line 1 runs over 16 MB without a line end");
  });

  it("reads an empty file, a header alone and a folder as one sentence each", () => {
    expect(run(["rfm", file("empty.csv", "")]).stderr).toContain("is empty");
    expect(run(["abc", file("blank.csv", "\n\n  \n"), "--value", "x"]).stderr).toContain("is empty");
    expect(run(["rfm", file("header.csv", "customer_id,date,amount\n")]).code).toBe(2);
    const r = run(["rfm", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tier: Cannot read .*EISDIR/);
  });
});

describe("command lines", () => {
  const path = file("ok.csv", "customer_id,date,amount\n1,2024-01-01,10\n2,2024-01-05,20\n");

  it("refuses an option or a flag given twice, and a second file", () => {
    expect(run(["rfm", path, "--bins", "2", "--bins", "3"])).toMatchObject({ code: 2, stderr: "tier: --bins is given twice; give it once.\n" });
    expect(run(["rfm", path, "--bins=2", "--bins", "3"]).stderr).toBe("tier: --bins is given twice; give it once.\n");
    expect(run(["rfm", path, "--summary", "--summary"]).stderr).toBe("tier: --summary is given twice; give it once.\n");
    expect(run(["rfm", path, path])).toMatchObject({ code: 2, stderr: `tier: tier rfm reads one file; "${path}" is one too many (an option name missing its --?).\n` });
    expect(run(["migrate", path, path, path, "--id", "customer_id", "--tier", "amount"]).stderr).toContain("reads 2 files");
    expect(run(["rfm", path, "--bins", "3"], { LANG: "zh_CN.UTF-8" }).code).toBe(0);
    expect(run(["rfm", path, "--bins", "2", "--bins", "3"], { LANG: "zh_CN.UTF-8" }).stderr).toBe("tier: --bins 给出了两次；请只给一次。\n");
  });

  it("names a missing required option as the option", () => {
    expect(run(["abc", path]).stderr).toBe("tier: --value is required.\n");
    expect(run(["abc", path], { LANG: "zh_CN.UTF-8" }).stderr).toBe("tier: 必须给出 --value。\n");
    expect(run(["abc", path, "--value"]).stderr).toBe("tier: Option --value needs a value.\n");
  });

  it("words the core's problems with the options' names and 'a date', not the functions' arguments or cells", () => {
    // As of a date before the last purchase is the file as it stood then (issue 14); before every purchase is refused.
    expect(run(["rfm", path, "--as-of", "2023-01-01"]).stderr).toMatch(/^tier: --as-of \(2023-01-01\) is before the first purchase \(\d{4}-\d\d-\d\d\): no customer had bought yet\. Give \d{4}-\d\d-\d\d or a later date\.\n$/);
    expect(run(["rfm", path, "--as-of", "soon"]).stderr).toBe('tier: --as-of is "soon"; give a date such as 2024-01-05.\n');
    expect(run(["fit", path, "--calibration-end", "soon"]).stderr).toBe('tier: --calibration-end is "soon"; give a date such as 2024-01-05.\n');
    expect(run(["rfm", path, "--bins", "40"]).stderr).toBe("tier: --bins is 40; use a whole number from 2 to 10.\n");
    expect(run(["abc", path, "--value", "amount", "--a-cut", "1.5"]).stderr).toBe("tier: --a-cut is 1.5; use a share between 0 and 1 (80% is 0.8).\n");
    const bad = run(["rfm", file("baddate.csv", "customer_id,date,amount\n1,someday,3\n2,2024-01-01,4\n")]);
    expect(bad.stderr).toContain('line 2, column date: "someday" is not a date (use 2024-01-05');
    expect(bad.stderr).not.toContain("cell");
  });
});

describe("safe output", () => {
  it("writes formula-like ids so that Excel shows them as text (OWASP), plain numbers and JSON as they are", () => {
    const path = file("inject.csv", 'customer_id,date,amount\n=HYPERLINK("http://x"),2024-01-01,10\n+1+1,2024-01-02,3\n-5,2024-01-02,3\n@SUM(A1),2024-01-02,3\n"\tTAB",2024-01-02,1\n');
    const lines = run(["rfm", path]).stdout.trim().split("\n").slice(1).map((l) => l.split(",2024")[0]);
    // The reader trims ids, so a leading tab is gone before output; csvField's own test covers it.
    expect(lines).toEqual(['"\'=HYPERLINK(""http://x"")"', "\"'+1+1\"", "-5", "\"'@SUM(A1)\"", "TAB"]);
    const json = JSON.parse(run(["rfm", path, "--format", "json"]).stdout);
    expect(json.map((r: { customer_id: string | number }) => r.customer_id)).toEqual(['=HYPERLINK("http://x")', "+1+1", -5, "@SUM(A1)", "TAB"]);
    expect(["\tcmd", "\rx", "-2+3", "-12", "+3.5", "1e5", "a=b", "-", "@"].map(csvField)).toEqual(["\"'\tcmd\"", "\"'\rx\"", "\"'-2+3\"", "-12", "+3.5", "1e5", "a=b", "\"'-\"", "\"'@\""]);
  });
});

describe("no stack trace, ever", () => {
  it("turns an unexpected error into one sentence and exit code 1", () => {
    COMMANDS.boom = { options: [], files: 0, run: (_p, _m, out) => out(String((JSON.parse("null") as string[]).length)) };
    try {
      const r = run(["boom"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("tier: an internal error stopped the command (TypeError: Cannot read properties of null (reading 'length')); please report it with the command you ran.\n");
    } finally {
      delete COMMANDS.boom;
    }
  });

  it("as a process: a missing bench file, bad bench arguments, a full disk (1) and a closed pipe (0, quiet)", () => {
    const tier = join(ROOT, "bin/tier.cjs");
    if (!existsSync(join(ROOT, "dist-cli/tier.cjs"))) execFileSync("npm", ["run", "build:cli"], { cwd: ROOT });
    const env = { ...process.env, LANG: "C" };
    const missing = spawnSync("node", [tier, "bench", join(dir, "nope.csv")], { encoding: "utf8", env });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^tier: Cannot read .*nope\.csv: ENOENT/);
    const repeat = spawnSync("node", [tier, "bench", join(dir, "nope.csv"), "--repeat", "-1"], { encoding: "utf8", env });
    expect(repeat).toMatchObject({ status: 2, stderr: 'tier: Option --repeat is "-1"; give a number.\n' });
    // A bench file without the generator's columns names the column (it stopped on a TypeError before).
    const noAmount = file("no-amount.csv", "customer,date\n1,2024-01-01\n");
    const columns = spawnSync("node", [tier, "bench", noAmount, "--repeat", "1"], { encoding: "utf8", env });
    expect(columns).toMatchObject({ status: 2, stderr: `tier: Column "customer_id" is not in ${noAmount}; its columns are: customer, date.\n` });
    const many = file("many.csv", `v\n${Array.from({ length: 50_000 }, (_, i) => i + 1).join("\n")}\n`);
    if (existsSync("/dev/full")) {
      const full = spawnSync("sh", ["-c", `node "${tier}" abc "${many}" --value v > /dev/full`], { encoding: "utf8", env });
      expect(full.status).toBe(1);
      expect(full.stderr).toBe("tier: cannot write the output: ENOSPC: no space left on device, write.\n");
    }
    const pipe = spawnSync("sh", ["-c", `node "${tier}" abc "${many}" --value v | head -c 10 > /dev/null; echo "status $\{PIPESTATUS:-}"`], { encoding: "utf8", env });
    noTrace(pipe.stderr);
    expect(pipe.stderr).toBe("");
    for (const [argv, status] of [[["rfm", file("x.csv", "a\n1\n")], 2], [["abc", many, "--value", "v", "--basis", "weight"], 2]] as const) {
      const r = spawnSync("node", [tier, ...argv], { encoding: "utf8", env });
      expect(r.status).toBe(status);
      noTrace(r.stderr);
    }
  });
});

/** GB18030 bytes of ASCII and the CJK characters of TX (Node has a GB18030 decoder but no encoder). */
function gbk(text: string): number[] {
  const table: Record<string, number[]> = { 客: [0xbf, 0xcd], 户: [0xbb, 0xa7], 编: [0xb1, 0xe0], 号: [0xba, 0xc5], 日: [0xc8, 0xd5], 期: [0xc6, 0xda], 金: [0xbd, 0xf0], 额: [0xb6, 0xee] };
  const out: number[] = [];
  for (const ch of text) out.push(...(table[ch] ?? [ch.charCodeAt(0)]));
  expect(new TextDecoder("gb18030").decode(new Uint8Array(out))).toBe(text);
  return out;
}
