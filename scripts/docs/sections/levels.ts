/**
 * Membership levels (issue 15 §1): TIER.LEVELS on the shop example with a three-level policy (W 3, V 3), its
 * messages, `tier levels` and its --changes file, and the checks behind the prose (every rule happens in the
 * example; the function and the command agree).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serialToIsoDate } from "../../../src/core/cells/dates";
import { levels } from "../../../src/functions/functions";
import { cli, ZH } from "../cli";
import { O, col, grid, header } from "../harness";
import { errTable, must, table, type Case, type Values } from "../markdown";
import { EXAMPLES } from "../paths";

export function levelsSection(): Values {
  const V: Values = {};
  const rows = readFileSync(join(EXAMPLES, "shop.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
  const c = (k: number) => col(...rows.map((x) => x[k]));
  const amounts = col(...rows.map((x) => Number(x[2])));
  const policy = [["Level", "Entry", "Keep"], ["Silver", 100, 60], ["Gold", 200, 150], ["Platinum", 400, 300]];
  // Since and Expires spill as date serials; shown here as the dates a date format shows.
  const shown = (r: unknown[]) => r.map((v, k) => ((k === 2 || k === 3) && typeof v === "number" ? serialToIsoDate(v) : v === false ? "FALSE" : v === true ? "TRUE" : v));
  for (const l of ["en", "zh"] as const) {
    const out = grid(l, levels, c(0), c(1), amounts, policy, "2024-06-30", 3, 3);
    V[`lv_out_${l}`] = table(header(out[0]), out.slice(1).map(shown));
  }
  const out = grid("en", levels, c(0), c(1), amounts, policy, "2024-06-30", 3, 3);
  const row = (id: string) => out.find((r) => r[0] === id)!;
  must(row("C01")[1] === "Gold" && row("C02")[1] === "Silver" && row("C06")[1] === "" && row("C06")[2] !== "", "C01 up to Gold, C02 down to Silver, C06 dropped to none");
  const cases: Case[] = [
    ["keep above entry (row 3 of the policy range)", "保级门槛高于入门门槛（等级规则区域第 3 行）", levels, c(0), c(1), amounts, [["Level", "Entry", "Keep"], ["Silver", 100, 60], ["Gold", 200, 250]], O, O, O],
    ["levels not in ascending order of entry", "等级未按入门门槛从低到高排列", levels, c(0), c(1), amounts, [["Gold", 200, 150], ["Silver", 100, 60]], O, O, O],
    ["the same name twice", "同一名称出现两次", levels, c(0), c(1), amounts, [["Silver", 100, 60], ["silver", 200, 150]], O, O, O],
    ["a threshold that is not a number", "门槛不是数字", levels, c(0), c(1), amounts, [["Silver", "a hundred", 60]], O, O, O],
    ["a policy range of two columns", "等级规则区域只有两列", levels, c(0), c(1), amounts, [["Silver", 100]], O, O, O],
    ["`validity_months` not a whole number", "`validity_months` 不是整数", levels, c(0), c(1), amounts, policy, O, O, 1.5],
    ["`metric` neither spend nor orders", "`metric` 既不是 spend 也不是 orders", levels, c(0), c(1), amounts, policy, O, O, O, "revenue"],
  ];
  V.lv_err_en = errTable(cases, "en");
  V.lv_err_zh = errTable(cases, "zh");
  const args = ["levels", "shop.csv", "--policy", "levels.csv", "--to", "2024-06-30", "--window-months", "3", "--validity-months", "3"];
  V.lv_cli = cli(args);
  // The --changes file, written outside the repository and shown as a table.
  const changes = join(mkdtempSync(join(tmpdir(), "tier-docs-")), "changes.csv");
  cli([...args, "--changes", changes]);
  const [changesHeader, ...changeRows] = readFileSync(changes, "utf8").trim().split("\n").map((l) => l.split(","));
  V.lv_cli_changes = table(changesHeader, changeRows);
  V.lv_cli_zh = cli(["levels", "shop.csv", "--policy", "levels.csv", "--validity-months", "0"], ZH);
  must(["upgrade", "kept", "downgrade"].every((r) => V.lv_cli_changes.includes(`| ${r} |`)), "the changes show an upgrade, a kept level and a downgrade");
  must(!/NaN|Infinity/.test(V.lv_cli + V.lv_out_en), "no NaN in the levels output");
  return V;
}
