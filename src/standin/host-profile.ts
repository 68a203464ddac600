/**
 * Which Excel the stand-in pretends to be. The same workbook behaves differently on Excel on the web and on
 * Windows desktop, and the add-in must keep its promises on both, so every function adapter test and every
 * workbook-job test runs under both profiles (vitest.config.mts runs test/functions and test/excel a second
 * time with TIER_HOST=desktop; test/support/setup.ts sets the default here).
 *
 * - `web`: a blank cell reaches a custom function as null (office-js #4702); Office refuses a request or a
 *   response over 5 MB (RequestPayloadSizeLimitExceeded, "Excel on the web" only since office-js-docs-pr
 *   #5333: https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 *   custom functions get at most 5 MB of data (office-js #4654), an oversized result stays at #BUSY!
 *   (office-js #2786) and an oversized argument (a whole column) gives #CALC! (office-js #4613).
 * - `desktop` (Windows): a blank cell reaches a custom function as 0, as a scalar and inside a range
 *   (office-js #4702, #5262, #1951); no request cap is documented.
 *
 * Rules the same on both hosts live with the object they belong to (settings.ts: the 2 MB settings cap;
 * model.ts: very hidden sheets cannot be deleted, sheet ids change on reopen; range.ts: NaN written as null).
 */
export type HostProfile = "web" | "desktop";

export const HOST_PROFILES: readonly HostProfile[] = ["web", "desktop"];

/** Office's cap on one request or response of Excel on the web, and on a custom function's data. */
export const FIVE_MB = 5 * 1024 * 1024;

let defaultProfile: HostProfile = "web";

/** The profile a stand-in gets when its options name none (the tests set it once from TIER_HOST). */
export function setDefaultHostProfile(profile: HostProfile): void {
  if (!HOST_PROFILES.includes(profile)) throw new Error(`"${String(profile)}" is not a host profile; use "web" or "desktop".`);
  defaultProfile = profile;
}

export function defaultHostProfile(): HostProfile {
  return defaultProfile;
}

/** The profile named by a TIER_HOST-style text; anything else is an error, never a silent default. */
export function parseHostProfile(text: string | undefined): HostProfile {
  if (text === undefined || text === "") return "web";
  if (text === "web" || text === "desktop") return text;
  throw new Error(`TIER_HOST is "${text}"; use "web" or "desktop".`);
}
