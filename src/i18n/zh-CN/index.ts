/** Simplified Chinese catalog: the same keys as en/, part by part. */
import type { Messages } from "../en";
import { cli } from "./cli";
import { core } from "./core";
import { functions } from "./functions";
import { excelLimits } from "./excel-limits";
import { pane } from "./pane";
import { shared } from "./shared";
import { workbook } from "./workbook";

export const zhCN: Messages = { ...shared, ...functions, ...core, ...cli, ...pane, ...workbook, ...excelLimits };
