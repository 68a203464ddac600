/** Simplified Chinese catalog: the same keys as en/, part by part. */
import type { Messages } from "../en";
import { cli } from "./cli";
import { core } from "./core";
import { functions } from "./functions";
import { overTime } from "./over-time";
import { pane } from "./pane";
import { shared } from "./shared";
import { workbook } from "./workbook";
import { overTimePane } from "./over-time-pane";

export const zhCN: Messages = { ...shared, ...functions, ...core, ...cli, ...pane, ...workbook, ...overTime, ...overTimePane };
