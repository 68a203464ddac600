/** Checks behind sentences of the prose (RFM, ABC, CLV and the command line): they fill nothing and fail the build when a sentence stops being true. */
import { classifyAbc } from "../../../src/core/tiers/abc";
import { toFivePointScale } from "../../../src/core/tiers/segments";
import { rfm } from "../../../src/functions/functions";
import { cli } from "../cli";
import { rfmExample, abcExample } from "../data";
import { O, col, grid } from "../harness";
import { r4, must, type Values } from "../markdown";

export function proseChecksSection(done: Values): Values {
  const { cust, dates, amts } = rfmExample();
  const { abcIn } = abcExample();
  const out = grid("en", rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, O, O);
  const row = (g: unknown[][], id: string) => g.find((r) => r[0] === id)!;
  must(JSON.stringify(row(out, "C001").slice(1, 4)) === "[3,4,1350]", "C001 3/4/1350");
  const def = grid("en", rfm, col(...cust), col(...dates), col(...amts), O, O, O, O);
  must(out.slice(1).every((r, i) => (r[1] as number) - (def[i + 1][1] as number) === 3), "3 days shorter");
  must(row(out, "C003")[4] !== row(def, "C003")[4], "C003 R changes");
  must(out.slice(1).filter((r) => r[4] !== row(def, r[0] as string)[4]).length === 1, "only C003 R changes");
  must(row(def, "C001")[1] === 0, "default as_of is C001's last date");
  const c8 = grid("en", rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, "cn8", false);
  must(c8.find((r) => r[0] === "C003")![8] === "General to keep" && c8.find((r) => r[0] === "C003")![7] === "333", "C003 cn8");
  must(done.rfm_cn8_means === "R 3.0000, F 2.1250, M 3.0000", "rfm cn8 means");
  const fOf = new Map(out.slice(1).map((r) => [r[2], r[5]]));
  must(fOf.get(1) === 1 && fOf.get(2) === 3 && fOf.get(3) === 4 && fOf.get(4) === 5, "F ties mapping");
  must(done.rfm_cutF.startsWith("2, 2, "), "empty band 2");
  must(out.slice(1).filter((r) => r[2] === 1).length === 5, "five one-time buyers");
  const num = (c: unknown) => (c === "" ? NaN : typeof c === "number" ? c : Number(String(c).replace(/[¥$,]/g, "")));
  const nums = abcIn.map(num);
  const rv = classifyAbc(nums, {}), rc = classifyAbc(nums, { basis: "count" });
  must(done.abc_pos_total === "95000", "pos total");
  must(r4(rv.shareBefore[2]) === done.abc_share_k03 && r4(rv.shareBefore[5]) === done.abc_cum_k05 && r4(rv.shareBefore[6]) === "0.9758", "abc shares");
  must(r4(rc.shareBefore[2]) === "0.2222", "abc count share");
  must(/tier rfm FILE/.test(cli(["--help"])), "tier --help");
  must(/Usage:/.test(cli(["help"])) && /exit code 0/.test(cli(["help"])) && /exit code 0/.test(cli(["rfm", "--help"])) && /exit code 2/.test(cli([])), "help exit codes");
  must(/tier rfm/.test(cli(["--help"], "zh_CN.UTF-8")), "zh --help");
  must(done.clv_simple === "[[300]]", "clv 300");
  // CLI per-customer rows equal the function's
  const csvRows = (t: string) => t.split("\n").filter((x) => /^C00\d,/.test(x)).map((x) => x.split(","));
  const fn = grid("en", rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, O, O).slice(1);
  const cl = csvRows(done.cli_rfm);
  must(cl.length === fn.length && cl.every((r, i) => r[0] === fn[i][0] && [2, 3, 4, 5, 6, 7, 8, 9].every((k, j) => String(fn[i][j + 1]) === r[k])), "CLI = function (rfm)");
  const fz = grid("zh", rfm, col(...cust), col(...dates), col(...amts), "2024-03-31", O, "cn8", O).slice(1);
  const cz = csvRows(done.cli_rfm_zh);
  must(cz.length === fz.length && cz.every((r, i) => r[0] === fz[i][0] && [2, 3, 4, 5, 6, 7, 8, 9].every((k, j) => String(fz[i][j + 1]) === r[k])), "CLI = function (cn8 zh)");
  must(/C001,2024-03-28,3,4,1350,4,4,4,444,Champions/.test(done.cli_breaks), "444 Champions");
  must(toFivePointScale(4, 4) === 5, "4 of 4 maps to 5");
  const clvbad = cli(["clv", "clvbad.csv", "--id", "customer"]);
  must(/line 2: 'margin' is 30/.test(clvbad) && /K02,360/.test(clvbad), "clv out-of-range rows on stderr");
  must(/line 4, column avg_purchase: the cell is blank/.test(done.cli_clv_file) && !/K04/.test(done.cli_abc) && !/K03,/.test(done.cli_clv_file), "blank rows left out and named");
  must((done.cli_abc.match(/\[stderr\]/g) ?? []).length === 3 && /zero or negative/.test(done.cli_abc), "abc non-positive on stderr");
  return {};
}
