/** `tier fit` and `tier predict` on the CDNOW summary and transactions, and their errors. */
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serialToIsoDate } from "../../../src/core/cells/dates";
import { cli, ZH } from "../cli";
import { CD_END, ymd, cdnowSample } from "../data";
import { must, type Values } from "../markdown";
import { ROOT } from "../paths";

export function modelsCliSection(): Values {
  const V: Values = {};
  const { cdRows } = cdnowSample();
  const work = mkdtempSync(join(tmpdir(), "tier-docs-"));
  writeFileSync(join(work, "cdnow_tx.csv"), "customer_id,date,amount\n" + cdRows.map((r) => `${Number(r[1])},${serialToIsoDate(ymd(r[2]))},${r[4]}`).join("\n") + "\n");
  const SUM = "../shared/data/cdnow_customers_summary_with_transactions.csv", SUM0 = "../shared/data/cdnow_customers_summary.csv";
  V.cli_fit = cli(["fit", SUM, "--unit", "week"], undefined, { cwd: ROOT });
  V.cli_predict = cli(["predict", SUM, "--unit", "week", "--horizon", "39"], undefined, { cwd: ROOT, head: 10 });
  V.cli_fit_tx = cli(["fit", "cdnow_tx.csv", "--calibration-end", CD_END, "--unit", "week"], undefined, { cwd: work });
  V.cli_predict_tx = cli(["predict", "cdnow_tx.csv", "--calibration-end", CD_END, "--unit", "day", "--horizon", "273", "--format", "json"], undefined, { cwd: work, head: 12 });
  V.cli_predict_lt = cli(["predict", SUM0, "--unit", "week", "--horizon", "39"], undefined, { cwd: ROOT, head: 4 });
  V.cli_fit_limits = cli(["fit", "tx.csv", "--unit", "day"]);
  V.cli_fit_end_err = cli(["fit", SUM, "--unit", "week", "--calibration-end", CD_END], undefined, { cwd: ROOT });
  V.cli_fit_end_err_zh = cli(["fit", SUM, "--unit", "week", "--calibration-end", CD_END], ZH, { cwd: ROOT });
  // A summary's t_x and T are in its maker's unit, which the command cannot guess.
  V.cli_fit_gg_err = cli(["fit", SUM], undefined, { cwd: ROOT });
  V.cli_fit_gg_err_zh = cli(["fit", SUM], ZH, { cwd: ROOT });
  V.cdnow_tx_head = "```text\n" + readFileSync(join(work, "cdnow_tx.csv"), "utf8").split("\n").slice(0, 5).join("\n") + "\n…\n```";
  rmSync(work, { recursive: true, force: true });
  const json = (t: string) => JSON.parse(t.slice(t.indexOf("{"), t.lastIndexOf("}") + 1));
  const f = json(V.cli_fit), ft = json(V.cli_fit_tx), fl = json(V.cli_fit_limits);
  must(f.bgnbd.r.toFixed(3) === "0.243" && f.gammaGamma.q.toFixed(2) === "3.74" && f.bgnbd.limits.length === 0, "tier fit CDNOW");
  must(ft.source === "transactions" && ft.calibrationEnd === CD_END && ft.bgnbd.alpha.toFixed(3) === "4.414" && ft.customers === 2357, "tier fit from transactions");
  // Eight customers: nobody seems to drop out (b, and a with it) and spends hardly differ (q, v). Each listed
  // parameter has no standard error. (Before the fit jumped to a limit's edge it also stopped r and α there, at
  // a likelihood 3e-6 lower than the interior r ≈ 540 it now finds.)
  const noSe = (fit: { limits: string[]; standardErrors: Record<string, number | null> }) => fit.limits.every((k) => fit.standardErrors[k] === null);
  must(fl.bgnbd.limits.includes("b") && fl.bgnbd.limits.includes("a") && noSe(fl.bgnbd) && fl.gammaGamma.limits.includes("q") && noSe(fl.gammaGamma), "model limits flagged");
  V.limits_bg = JSON.stringify(fl.bgnbd.limits); V.limits_gg = JSON.stringify(fl.gammaGamma.limits);
  const line1 = V.cli_predict.split("\n").find((x) => x.startsWith("1,"))!.split(",");
  must(Number(line1[4]).toFixed(4) === "0.7266" && Number(line1[5]).toFixed(3) === "1.226", "tier predict customer 1: 0.7266 and 1.226");
  must(/^1,2,30\.43,38\.86,0\.726\d*,1\.22\d*,,$/m.test(V.cli_predict_lt), "lifetimes names, no spend");
  must(/exit code 2/.test(V.cli_fit_end_err) && /exit code 2/.test(V.cli_fit_gg_err), "fit errors exit 2");
  return V;
}
