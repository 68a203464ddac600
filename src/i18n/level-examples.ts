/**
 * The example level names the pane offers (issue 15 §1: "Chinese examples such as 普通/银卡/金卡/铂金"), in each
 * language whatever the pane's language, since a programme's level names are the business's choice, not the pane's
 * wording: a Chinese team may run an English pane. Data, not sentences, so kept beside the catalogs, not in them
 * (a catalog string that reads the same in both languages would be flagged as untranslated).
 */
export const EXAMPLE_LEVEL_NAMES = {
  en: ["Member", "Silver", "Gold", "Platinum"],
  "zh-CN": ["普通", "银卡", "金卡", "铂金"],
} as const;

/** Where each example level's entry sits among the customers' metric (median, 75th, 90th, 97th percentile). */
export const EXAMPLE_LEVEL_QUANTILES = [0.5, 0.75, 0.9, 0.97] as const;
/** Each example level's keep threshold as a share of its entry. */
export const EXAMPLE_KEEP_SHARE = 0.8;
