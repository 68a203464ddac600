/** Simplified Chinese for en/functions.ts: typed against it, so a missing or extra key is a type error. */
import type { FunctionsMessages } from "../en/functions";

export const functions: FunctionsMessages = {
  migration: {
    fromTo: "从 \\ 到",
    new: "新增",
    gone: "流失",
    total: "合计",
  },
  pilotGroups: {
    pilot: "试点",
    control: "对照",
  },
};
