/**
 * A run that stops part-way through its writes (Cancel, a failing sync) still records the sheets it
 * created as the add-in's, so the next run replaces them in place ("Tiers", never "Tiers (2)") and
 * nothing the user owns is touched.
 */
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { SNAPSHOT_SYNCS } from "../../src/excel/host";
import { OWNED_KEY } from "../../src/excel/settings";
import { bookWithTransactions, settingsFor, transactions, visibleSheetNames } from "./helpers";

const rows = transactions(40);
const settings = settingsFor(rows.length);
const notes = [["my notes", 42], ["keep", "me"]];

function book() {
  const made = bookWithTransactions(rows);
  made.book.addSheet("Notes", notes);
  return made;
}

/** Log indices (1-based) of the write syncs of a clean run: those with calculation suspended, less the snapshot's (the last SNAPSHOT_SYNCS). */
async function writeSyncs(): Promise<number[]> {
  const { book: b, port } = book();
  await port.run(settings, { locale: "en" });
  return b.syncLog().filter((s) => s.calculationSuspended).map((s) => s.index).slice(0, -SNAPSHOT_SYNCS);
}

/** After an interrupted run: ownership covers exactly the add-in's sheets; the next run replaces them in place. */
async function expectRecovered({ book: b, port }: ReturnType<typeof book>): Promise<void> {
  const names = b.sheets().map((s) => s.name);
  expect(names.filter((n) => / \(\d+\)$/.test(n))).toEqual([]);
  const owned = (b.settings()[OWNED_KEY] as string[] | undefined) ?? [];
  const mine = b.sheets().filter((s) => s.name === "Tiers" || s.name === "Tier Summary");
  for (const s of mine) expect(owned).toContain(s.id);
  expect(b.values("Notes")).toEqual(notes);
  b.configure({ failSync: null });
  const again = await port.run(settings, { locale: "en" });
  expect(again.sheets).toEqual({ results: "Tiers", summary: "Tier Summary" });
  expect(visibleSheetNames(b)).toEqual(["Data", "Notes", "Tiers", "Tier Summary"]);
  expect(b.values("Notes")).toEqual(notes);
  expect(b.tables().map((t) => t.name).sort()).toEqual(["TieringHistory", "TieringResults", "TieringSummary"]);
  const ownedAfter = (b.settings()[OWNED_KEY] as string[]).slice().sort();
  expect(ownedAfter).toEqual(b.sheets().filter((s) => s.name.startsWith("Tier")).map((s) => s.id).sort());
}

describe("an interrupted run keeps ownership of its sheets", () => {
  it("cancelled at the first write progress: rejects as cancelled, and the next run replaces the sheets", async () => {
    for (const earlier of [false, true]) {
      const made = book();
      if (earlier) await made.port.run(settings, { locale: "en" });
      const controller = new AbortController();
      const run = made.port.run(settings, {
        locale: "en",
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === "write") controller.abort();
        },
      });
      await expect(run).rejects.toMatchObject({ name: "AbortError", message: en.workbook.errors.cancelled });
      await expectRecovered(made);
    }
  });

  it("a sync failing mid-write rejects with Excel's error, and the next run replaces the sheets", async () => {
    const writes = await writeSyncs();
    // The first write sync (sheets replaced and added), the second (ownership recorded), the last (tables, summary).
    for (const index of [writes[0], writes[1], writes.at(-1)!]) {
      for (const applied of [0, 1, 5, undefined]) {
        for (const earlier of [false, true]) {
          const made = book();
          let offset = 0;
          if (earlier) {
            await made.port.run(settings, { locale: "en" });
            offset = made.book.syncLog().length;
          }
          made.book.configure({ failSync: { index: offset + index, applied, code: "GeneralException" } });
          const error = await made.port.run(settings, { locale: "en" }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(Error);
          // The original error is kept: Excel's, not a later one.
          expect((error as { cause?: { code?: string } }).cause?.code).toBe("GeneralException");
          expect((error as Error).message).toMatch(/configured failure/);
          await expectRecovered(made);
        }
      }
    }
  }, 30_000);
});

describe("when recording ownership fails too", () => {
  it("rejects with the original error, carrying the later one", async () => {
    const writes = await writeSyncs();
    const made = book();
    // The first write sync fails after its sheets were added; so does every sync after it.
    made.book.configure({ failSync: { index: [writes[0], writes[0] + 1, writes[0] + 2], applied: 1000, code: "GeneralException" } });
    const error = (await made.port.run(settings, { locale: "en" }).catch((e: unknown) => e)) as Error & { cause?: { message: string; suppressed?: unknown[] } };
    expect(error.message).toBe(en.workbook.errors.excel(error.cause!.message));
    expect(error.cause!.message).toMatch(new RegExp(`sync ${writes[0]},`));
    expect(error.cause!.suppressed).toHaveLength(1);
    expect(String((error.cause!.suppressed![0] as Error).message)).toMatch(new RegExp(`sync ${writes[0] + 1}`));
  });
});
