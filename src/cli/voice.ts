/**
 * `--nps COL --satisfaction COL --complaints COL --referrals COL --engagement COL` (issue 15 §4), shared by
 * `tier rfm|abc|score --summary`: the voice columns of the same file read per customer and summarised per
 * tier by the core (src/core/tiers/voice.ts), so every command adds the same columns with the same rules.
 *
 * The file is read once more, keeping only the id, date and voice cells (kept-columns.ts: memory by customers,
 * not bytes), and only when a voice option is given, so the commands' own reading is untouched.
 * - A transactions file (rfm, abc or score with --as-of): rows are matched to the summary's customers by
 *   the same id key (customerKey); the date orders the answers (the latest counts); rows whose date cannot be
 *   read are left out as the purchases' reading leaves them out, and with --as-of the answers after it.
 * - A customer table (abc over a value column, score): row i is customer i.
 * A voice cell that is not a number or not on its field's scale is reported on stderr with its line and
 * column, and only that answer is left out: the purchases were already counted by the command's own reading
 * (the pane leaves the whole row out, since it reads both at once; src/core/analysis/rows.ts).
 */
import { customerKey, readDateCell, readNumberCell, type CellRead } from "../core/cells/coerce";
import { ProblemLog } from "../core/cells/problems";
import { satisfactionScale, VOICE_FIELDS, VoiceAccumulator, voiceByTier, voiceValueProblem, type CustomerVoice, type VoiceField } from "../core/tiers/voice";
import type { Messages } from "../i18n";
import { inputOptions, reportProblems, type OptionSpec, type Out, type Parsed } from "./args";
import { readKeptColumns } from "./kept-columns";
import type { Cell } from "./output";

const OPTION: Readonly<Record<VoiceField, string>> = {
  nps: "--nps",
  satisfaction: "--satisfaction",
  complaints: "--complaints",
  referrals: "--referrals",
  engagement: "--engagement",
};

/** The five options, for a command's `options` list. */
export const VOICE_OPTIONS: readonly string[] = VOICE_FIELDS.map((f) => OPTION[f]);

/** Their help (`tier --help`). */
export const VOICE_SPECS: Readonly<Record<string, OptionSpec>> = {
  "--nps": { text: "voiceNps", kind: "column", default: { words: "noDefault" }, example: "nps" },
  "--satisfaction": { text: "voiceSatisfaction", kind: "column", default: { words: "noDefault" }, example: "csat" },
  "--complaints": { text: "voiceComplaints", kind: "column", default: { words: "noDefault" }, example: "complaints" },
  "--referrals": { text: "voiceReferrals", kind: "column", default: { words: "noDefault" }, example: "referrals" },
  "--engagement": { text: "voiceEngagement", kind: "column", default: { words: "noDefault" }, example: "engagement" },
};

/** How the file's rows are matched to the command's customers. */
export type VoiceRows =
  /** `asOf`: answers dated after it are left out (the file as it stood then, as the purchases are read). */
  | { kind: "byId"; customerIds: readonly unknown[]; idColumn: string; dateColumn: string; dayOrder: "mdy" | "dmy"; asOf?: number | null }
  | { kind: "byRow"; rows: number };

/** The voice columns named on the command line, field → column; empty when none. */
function voiceColumns(p: Parsed): [VoiceField, string][] {
  const out: [VoiceField, string][] = [];
  for (const field of VOICE_FIELDS) {
    const column = p.options.get(OPTION[field]);
    if (column !== undefined) out.push([field, column]);
  }
  return out;
}

/** Per customer of `rows` the voice read from `file`, or null when no voice option is given. */
export function readVoice(p: Parsed, file: string, rows: VoiceRows, m: Messages, err: Out): CustomerVoice | null {
  const columns = voiceColumns(p);
  if (columns.length === 0) return null;
  const byId = rows.kind === "byId";
  const customers = byId ? rows.customerIds.length : rows.rows;
  // Keyed as the summary keys its customers (customerKey: a number for numeric text, else the text).
  const index = new Map<unknown, number>();
  if (byId) rows.customerIds.forEach((id, c) => index.set(id, c));
  const names = [...columns.map(([, column]) => column), ...(byId ? [rows.idColumn, rows.dateColumn] : [])];
  // Fed row by row into the core's per-customer accumulator: memory by customers, not rows.
  const acc = new VoiceAccumulator(customers, columns.map(([field]) => field));
  const log = new ProblemLog();
  const cell: CellRead = { status: "ok", value: 0 };
  const when: CellRead = { status: "ok", value: 0 };
  const read = readKeptColumns(file, names, inputOptions(p, m), m, err, (cells, row) => {
    let c = row;
    let d = row;
    if (byId) {
      const key = customerKey(cells[columns.length]);
      const found = key === null ? undefined : index.get(key);
      if (found === undefined) return; // not a customer of the command (a blank id, a row of returns only …)
      readDateCell(cells[columns.length + 1], when, rows.dayOrder);
      if (when.status !== "ok" || (rows.asOf != null && when.value >= Math.floor(rows.asOf) + 1)) return;
      c = found;
      d = when.value;
    } else if (c >= customers) return;
    for (let j = 0; j < columns.length; j++) {
      if (cells[j] === "") continue;
      const [field, column] = columns[j];
      readNumberCell(cells[j], cell);
      const code = cell.status === "error" ? "excelError" : cell.status === "bad" ? "badNumber" : cell.status === "ok" ? voiceValueProblem(field, cell.value) : null;
      if (code) log.add(row, column, code, cells[j]);
      else if (cell.status === "ok") acc.add(field, c, cell.value, d, row);
    }
  });
  reportProblems(log, read.rows, m, err, m.voice.cliLeftOut, read.firstLine);
  return acc.finish();
}

/**
 * The summary's voice columns: the header names and, per tier index, its cells (blank where a tier has no
 * answer: an NPS of no one is no number). The same measures and order as the Tier Summary (src/excel/summary-voice.ts).
 */
export function voiceSummary(voice: CustomerVoice, tierOf: ArrayLike<number>, tiers: number): { header: string[]; cells: (tier: number) => Cell[] } {
  const byTier = voiceByTier(tierOf, tiers, voice);
  const header: string[] = [];
  const picks: ((t: number) => Cell)[] = [];
  const blank = (v: number): Cell => (Number.isFinite(v) ? v : "");
  const add = (name: string, pick: (t: number) => Cell) => {
    header.push(name);
    picks.push(pick);
  };
  if (voice.nps) {
    add("nps", (t) => blank(Math.round(byTier[t].nps * 10) / 10));
    add("nps_margin", (t) => blank(Math.round(byTier[t].npsMargin * 10) / 10));
    add("nps_responders", (t) => byTier[t].npsResponders);
  }
  if (voice.satisfaction) {
    const scale = satisfactionScale(voice.satisfaction) ?? "";
    add("satisfaction", (t) => blank(byTier[t].satisfaction));
    add("satisfaction_scale", () => scale);
    add("satisfaction_responders", (t) => byTier[t].satisfactionResponders);
  }
  if (voice.complaints) add("complaint_rate", (t) => blank(byTier[t].complaintRate));
  if (voice.referrals) add("referral_rate", (t) => blank(byTier[t].referralRate));
  if (voice.engagement) add("engagement", (t) => blank(byTier[t].engagement));
  return { header, cells: (t) => (t >= 0 && t < tiers ? picks.map((pick) => pick(t)) : picks.map(() => "")) };
}
