/**
 * The TIER functions as Excel calls them under the current host profile (custom-functions.ts `excelCall`):
 * the function tests import them from here rather than from src/functions/functions.ts, so each test runs as
 * Excel on the web and as Excel on Windows deliver arguments.
 */
import * as functions from "../../src/functions/functions";
import { excelCall } from "./custom-functions";

export const abcclass = excelCall(functions.abcclass);
export const abcnext = excelCall(functions.abcnext);
export const clv = excelCall(functions.clv);
export const clvfit = excelCall(functions.clvfit);
export const clvpredict = excelCall(functions.clvpredict);
export const lifecycle = excelCall(functions.lifecycle);
export const migration = excelCall(functions.migration);
export const palive = excelCall(functions.palive);
export const pilot = excelCall(functions.pilot);
export const rfm = excelCall(functions.rfm);
export const rfmscore = excelCall(functions.rfmscore);
export const score = excelCall(functions.score);
export const cohort = excelCall(functions.cohort);
export const movers = excelCall(functions.movers);
export const nextpurchase = excelCall(functions.nextpurchase);
export const levels = excelCall(functions.levels);
