/**
 * `tier pilot FILE.csv --id COL --tier COL --share 0.1`: each customer's group (pilot, control or none)
 * per tier, the same work as =TIER.PILOT; `--only-tier` draws in one tier only.
 */
import { CoreError } from "../../core/cells/errors";
import { foldName } from "../../core/cells/names";
import { mergeTierCase } from "../../core/over-time/migration";
import { CONTROL, PILOT, pickPilot } from "../../core/over-time/pilot";
import type { Messages } from "../../i18n";
import { FORMAT_OPTION, UsageError, choice, inputOptions, numberOption, type Command, type Out, type Parsed } from "../args";
import { TableWriter } from "../output";
import { readSnapshot, required, withFileLines } from "../snapshots";

const PILOT_OPTIONS: Record<string, string> = { share: "--share", control_share: "--control-share", seed: "--seed" };

function pilotCommand(p: Parsed, m: Messages, out: Out, err: Out): void {
  const format = choice(p, "--format", ["csv", "json"], "csv", m);
  const file = p.positional[0];
  if (!file) throw new UsageError(m.cli.missingFile);
  const idColumn = required(p, "--id", m);
  const tierColumn = required(p, "--tier", m);
  required(p, "--share", m);
  const share = numberOption(p, "--share", m)!;
  const controlShare = numberOption(p, "--control-share", m);
  const seed = numberOption(p, "--seed", m);
  const snapshot = readSnapshot(file, idColumn, tierColumn, m, inputOptions(p, m), err, { idCells: true });
  const appearing = mergeTierCase([snapshot.tiers]);
  const only = p.options.get("--only-tier");
  let tiers = snapshot.tiers;
  if (only !== undefined) {
    const match = appearing.find((t) => t.toLowerCase() === foldName(only));
    if (match === undefined) throw new UsageError(m.cli.unknownTier(only, appearing.join(", ")));
    tiers = tiers.map((t) => (t === match ? t : ""));
  }
  let groups: Uint8Array;
  try {
    groups = withFileLines(() => pickPilot(snapshot.ids, tiers, { share, controlShare, seed }), { before: snapshot }, m);
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    // The core names the functions' arguments (share, control_share, seed); here they are options.
    const d: Record<string, string | number> = { ...error.details, shareArgument: "--share", controlArgument: "--control-share" };
    if (d.argument !== undefined) d.argument = PILOT_OPTIONS[String(d.argument)] ?? d.argument;
    throw new CoreError(error.code, d);
  }
  const idCells = snapshot.idCells!;
  // Row by row: a customer per line, in pieces of about a megabyte (output.ts).
  const writer = new TableWriter([idColumn, tierColumn, "group"], format === "json" ? "json" : "csv", out);
  for (let i = 0; i < groups.length; i++) {
    if (snapshot.ids[i] === "" || tiers[i] === "") continue;
    const group = groups[i] === PILOT ? m.pilotGroups.pilot : groups[i] === CONTROL ? m.pilotGroups.control : "";
    writer.row([idCells[i], tiers[i], group]);
  }
  writer.end();
}

export const pilot: Command = {
  options: ["--id", "--tier", "--share", "--control-share", "--seed", "--only-tier", "--format"],
  help: {
    args: "FILE.csv",
    example: "tier pilot assets/sample/segments-2006-12.csv --id customer_id --tier segment --share 0.1 --seed 7",
    options: {
      "--id": { text: "snapshotId", kind: "column", required: true, example: "customer" },
      "--tier": { text: "tier", kind: "column", required: true, example: "tier" },
      "--share": { text: "share", kind: "number", required: true, example: "0.1" },
      "--control-share": { text: "controlShare", kind: "number", default: { words: "sameAsShare" }, example: "0.2" },
      "--seed": { text: "seed", kind: "number", default: "1", example: "7" },
      "--only-tier": { text: "onlyTier", kind: "text", default: { words: "noDefault" }, example: "Gold" },
      ...FORMAT_OPTION,
    },
  },
  run: pilotCommand,
};
