/** The `tier` command's usage and the rfm, abc and clv examples, run on the example files. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { en } from "../../../src/i18n/en";
import { zhCN } from "../../../src/i18n/zh-CN";
import { cli, ZH } from "../cli";
import { type Values } from "../markdown";
import { EXAMPLES } from "../paths";

export function cliSection(): Values {
  const V: Values = {};
  V.usage_en = "```text\n" + en.cli.usage + "\n```";
  V.usage_zh = "```text\n" + zhCN.cli.usage + "\n```";
  V.cli_help_dash = cli(["--help"]).split("\n").slice(0, 4).join("\n") + "\n…\n```";
  V.tx_csv = "```text\n" + readFileSync(join(EXAMPLES, "tx.csv"), "utf8") + "```";
  V.rev_csv = "```text\n" + readFileSync(join(EXAMPLES, "rev.csv"), "utf8") + "```";
  V.clv_csv = "```text\n" + readFileSync(join(EXAMPLES, "clv.csv"), "utf8") + "```";
  V.bad_csv = "```text\n" + readFileSync(join(EXAMPLES, "bad.csv"), "utf8") + "```";
  V.rules_csv = "```text\n" + readFileSync(join(EXAMPLES, "rules.csv"), "utf8") + "```";
  V.cli_rfm = cli(["rfm", "tx.csv", "--as-of", "2024-03-31"]);
  V.cli_rfm_sum = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--summary"]);
  V.cli_rfm_zh = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--segments", "cn8"], "zh_CN.UTF-8");
  V.cli_rfm_sum_zh = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--summary"], "zh_CN.UTF-8");
  // Issue 15 §3: the summary with the cost to serve per segment.
  V.costs_csv = "```text\n" + readFileSync(join(EXAMPLES, "costs.csv"), "utf8") + "```";
  V.cli_rfm_costs = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--summary", "--costs", "costs.csv", "--margin", "0.3"]);
  V.cli_rfm_costs_zh = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--summary", "--costs", "costs.csv", "--margin", "0.3"], ZH);
  V.cli_rules = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--segments", "rules.csv", "--summary"]);
  V.cli_bad = cli(["rfm", "bad.csv"]);
  V.cli_bad_zh = cli(["rfm", "bad.csv"], "zh_CN.UTF-8");
  V.cli_abc = cli(["abc", "rev.csv", "--value", "revenue", "--id", "customer"]);
  V.cli_abc_sum = cli(["abc", "rev.csv", "--value", "revenue", "--summary"]);
  V.cli_clv1 = cli(["clv", "--avg-purchase", "100", "--frequency", "4", "--lifespan", "3", "--margin", "0.25", "--discount-rate", "0.1"]);
  V.cli_clv_file = cli(["clv", "clv.csv", "--id", "customer", "--margin", "30%", "--discount-rate", "0.08"]);
  V.cli_breaks = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--r-breaks", "14,30,60", "--f-breaks", "1,2,3", "--m-breaks", "100,500,1000"]);
  V.cli_breaks_zh = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--r-breaks", "14,30,60", "--f-breaks", "1,2,3", "--m-breaks", "100,500,1000"], ZH);
  V.cli_rules_zh = cli(["rfm", "tx.csv", "--as-of", "2024-03-31", "--segments", "rules.csv", "--summary"], ZH);
  V.cli_abc_sum_zh = cli(["abc", "rev.csv", "--value", "revenue", "--summary"], ZH);
  V.cli_clv1_zh = cli(["clv", "--avg-purchase", "100", "--frequency", "4", "--lifespan", "3", "--margin", "0.25", "--discount-rate", "0.1"], ZH);
  V.cli_clv_file_zh = cli(["clv", "clv.csv", "--id", "customer", "--margin", "30%", "--discount-rate", "0.08"], ZH);
  V.cli_abc_zh = cli(["abc", "rev.csv", "--value", "revenue", "--id", "customer"], "zh_CN.UTF-8");
  V.cli_asof_err = cli(["rfm", "tx.csv", "--as-of", "2023-12-31"]);
  V.cli_asof_err_zh = cli(["rfm", "tx.csv", "--as-of", "2023-12-31"], "zh_CN.UTF-8");
  V.cli_col_err = cli(["rfm", "tx.csv", "--date", "order_date"]);
  V.cli_col_err_zh = cli(["rfm", "tx.csv", "--date", "order_date"], "zh_CN.UTF-8");
  return V;
}
