/**
 * `--nps COL --satisfaction COL --complaints COL --referrals COL --engagement COL` (issue 15 §4), shared by
 * `tier rfm|abc|score --summary`: the voice columns of the same file read per customer and summarised per
 * tier by the core (src/core/tiers/voice.ts), so every command adds the same columns with the same rules.
 *
 * - A transactions file (rfm, abc or score with --as-of): the voice cells are gathered in the same pass that
 *   reads the purchases (voice-pass.ts, handed to readCustomerSummary), so the file is read once; rows are matched
 *   to the summary's customers by the same id key (customerKey); the date orders the answers (the latest counts);
 *   rows whose date cannot be read are left out as the purchases' reading leaves them out, and with --as-of the
 *   answers after it.
 * - A customer table: row i is customer i. `tier score` reads the voice columns with its metrics (one pass);
 *   `tier abc --value` reads the file once more here (`readTableVoice`), keeping only the voice cells
 *   (kept-columns.ts: memory by rows' count, not bytes), since its byte reader takes one value column.
 * A voice cell that is not a number or not on its field's scale is reported on stderr with its line and
 * column, and only that answer is left out: the purchases were already counted by the command's own reading
 * (the pane leaves the whole row out, since it reads both at once; src/core/analysis/rows.ts).
 */
import { satisfactionScale, VOICE_FIELDS, voiceByTier, type CustomerVoice, type VoiceField } from "../core/tiers/voice";
import type { Messages } from "../i18n";
import { inputOptions, type OptionSpec, type Out, type Parsed } from "./args";
import { readKeptColumns } from "./kept-columns";
import type { Cell } from "./output";
import { VoicePass } from "./voice-pass";

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

/** The voice columns named on the command line, field → column; empty when none. */
function voiceColumns(p: Parsed): [VoiceField, string][] {
  const out: [VoiceField, string][] = [];
  for (const field of VOICE_FIELDS) {
    const column = p.options.get(OPTION[field]);
    if (column !== undefined) out.push([field, column]);
  }
  return out;
}

/**
 * The voice options as a pass over a transactions file (voice-pass.ts), to be handed to the purchases' own reader
 * (readCustomerSummary) and finished with the summary's customers: null when no voice option is given.
 */
export function voicePass(p: Parsed, dayOrder: "mdy" | "dmy", asOf: number | null | undefined): VoicePass | null {
  const columns = voiceColumns(p);
  return columns.length === 0 ? null : new VoicePass(columns, dayOrder, asOf);
}

/**
 * Per row of a customer table (`tier abc --value`: row i is customer i of `rows`) the voice read from `file` in a
 * pass of its own, by the same rules (voice-pass.ts); null when no voice option is given.
 */
export function readTableVoice(p: Parsed, file: string, rows: number, m: Messages, err: Out): CustomerVoice | null {
  const pass = voicePass(p, "mdy", null);
  if (!pass) return null;
  const read = readKeptColumns(file, pass.names, inputOptions(p, m), m, err, (cells, row) => {
    if (row < rows) pass.tableRow(cells, row);
  });
  return pass.finishTable(rows, read.firstLine, m, err, read.rows);
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
