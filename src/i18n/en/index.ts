/**
 * English messages: the reference catalog, one part per layer that shows the words (shared, core, functions,
 * cli, pane, workbook), so a layer's sentences are found in one file. zh-CN/ provides the same keys (each part
 * is typed against its English part, and test/i18n.test.ts checks that no string is left untranslated).
 *
 * Messages that take values are functions, so a translation can reorder them. Callers see one object
 * (`m.errors.noData`, `m.pane.…`): the parts are spread together here.
 */
import { cli } from "./cli";
import { cliHelp } from "./cli-help";
import { core } from "./core";
import { functions } from "./functions";
import { hostile } from "./hostile";
import { overTime } from "./over-time";
import { excelLimits } from "./excel-limits";
import { pane } from "./pane";
import { predictRest } from "./predict-rest";
import { shared } from "./shared";
import { trust } from "./trust";
import { margin } from "./margin";
import { compareUpgrades } from "./compare-upgrades";
import { economics } from "./economics";
import { ownership } from "./ownership";
import { voice } from "./voice";
import { hostileNew } from "./hostile-new";
import { hostile15 } from "./hostile-15";
import { chartText } from "./chart-text";
import { chartRules } from "./chart-rules";
import { workbook } from "./workbook";
import { overTimePane } from "./over-time-pane";
import { overTimeGaps } from "./over-time-gaps";
import { levelsPane } from "./levels-pane";
import { levels } from "./levels";
import { overrides } from "./overrides";
import { levelOverrides } from "./level-overrides";
import type { Widen } from "../widen";

export const en = {
  ...shared,
  ...functions,
  ...core,
  ...cli,
  ...pane,
  ...workbook,
  ...chartRules,
  ...chartText,
  ...cliHelp,
  ...excelLimits,
  ...hostile,
  ...margin,
  ...economics,
  ...overTime,
  ...overTimeGaps,
  ...overTimePane,
  ...ownership,
  ...voice,
  ...hostileNew,
  ...hostile15,
  ...predictRest,
  ...trust,
  ...levelsPane,
  ...levels,
  ...overrides,
  ...levelOverrides,
  ...compareUpgrades,
};

/** The shape every catalog must have (strings and message functions, same keys as English). */
export type Messages = Widen<typeof en>;
