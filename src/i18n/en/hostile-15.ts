/**
 * Issue 12's hostile pass over what issue 15 added (levels, overrides, economics, voice): the sentences it needed
 * that no part had. A part of its own (top-level key `hostile15`) so it merges beside `hostile` and `hostileNew`
 * without overwriting them.
 */
import type { Widen } from "../widen";

export const hostile15 = {
  hostile15: {
    /**
     * The Levels job: one of its sheets would hold more rows than an Excel sheet has below its title (the
     * history of changes grows with customers × month-end reviews). `max` is the rows a sheet holds there.
     */
    levelChangesTooMany: (sheet: string, max: number) =>
      `The ${sheet} sheet would need more than ${max.toLocaleString("en-US")} rows, more than an Excel sheet holds below its title. Every customer kept at a review adds a row: set a longer validity, or an earlier analysis date.`,
    /** The same for the Levels and Downgrade warnings sheets (a row per customer). */
    levelsSheetTooLong: (sheet: string, rows: number, max: number) =>
      `The ${sheet} sheet would need ${rows.toLocaleString("en-US")} rows, more than the ${max.toLocaleString("en-US")} an Excel sheet holds below its title; analyse fewer customers at a time.`,
  },
};

export type Hostile15Messages = Widen<typeof hostile15>;
