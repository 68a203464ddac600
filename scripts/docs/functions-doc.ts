/**
 * docs/FUNCTIONS.md from FUNCTIONS.tmpl.md: every {{name}} is filled with a table, example or message
 * produced by running the functions and the `tier` command, so the reference cannot drift from the
 * code (test/docs.test.ts compares the committed file with this output). `npm run docs` rewrites it.
 *
 * Each part of the reference is a section under sections/, a function returning the values it fills
 * in; a few later sections read values of earlier ones (given as `done`), so they run in this order.
 * Nothing runs at import: the work (calling the functions, running `tier`) happens in renderFunctionsDoc.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { installExcelGlobals } from "./harness";
import type { Values } from "./markdown";
import { HERE } from "./paths";
import { abcSection } from "./sections/abc";
import { abcComputedSection } from "./sections/abc-computed";
import { cliSection } from "./sections/cli";
import { clvSection } from "./sections/clv";
import { dynamicSection } from "./sections/dynamic";
import { errorsSection } from "./sections/errors";
import { levelsSection } from "./sections/levels";
import { lifecycleSection } from "./sections/lifecycle";
import { limitsSection } from "./sections/limits";
import { modelsSection } from "./sections/models";
import { modelsCliSection } from "./sections/models-cli";
import { nextPurchaseSection } from "./sections/next-purchase";
import { overTimeSection } from "./sections/over-time";
import { parsingSection } from "./sections/parsing";
import { proseChecksSection } from "./sections/prose";
import { rfmSection } from "./sections/rfm";
import { rfmScoreSection } from "./sections/rfmscore";
import { scoreSection } from "./sections/score";
import { segmentsSection } from "./sections/segments";

const SECTIONS: ((done: Values) => Values)[] = [
  rfmSection,
  rfmScoreSection,
  segmentsSection,
  abcSection,
  clvSection,
  errorsSection,
  cliSection,
  abcComputedSection,
  modelsSection,
  lifecycleSection,
  modelsCliSection,
  parsingSection,
  proseChecksSection,
  dynamicSection,
  scoreSection,
  overTimeSection,
  limitsSection,
  nextPurchaseSection,
  levelsSection,
];

/** The template with every {{name}} filled; a name no section fills is an error. */
function fill(template: string, values: Values): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k) => {
    if (!(k in values)) throw new Error("missing value " + k);
    return values[k];
  });
}

/** The reference as it should read now. */
export function renderFunctionsDoc(): string {
  installExcelGlobals();
  const values: Values = {};
  for (const section of SECTIONS) Object.assign(values, section(values));
  return fill(readFileSync(join(HERE, "FUNCTIONS.tmpl.md"), "utf8"), values);
}
