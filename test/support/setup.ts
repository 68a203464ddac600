import fc from "fast-check";
import { parseHostProfile, setDefaultHostProfile } from "../../src/standin";
import { installCustomFunctionsStandIn } from "./custom-functions";

// Excel's custom-functions runtime is not here; the adapters throw its error type, so tests install
// a stand-in with the same shape (CustomFunctions.Error and ErrorCode).
installCustomFunctionsStandIn();

// Which Excel the stand-ins pretend to be (src/standin/host-profile.ts): vitest.config.mts runs the function
// and workbook tests a second time with TIER_HOST=desktop.
setDefaultHostProfile(parseHostProfile(process.env.TIER_HOST));

// fast-check's cases are the same on every run (a fixed seed), so the run `.ci/run` makes from a clean clone is
// the one its author saw pass: with a fresh seed each time, properties that had passed thousands of cases found a
// new rounding edge in CI (grouped-fit's limit flags, abc's share at a cut), failing a landing for an old edge.
// Explore new cases with FC_SEED=random (or FC_SEED=<n>); a failure prints its seed and path to replay it.
const fcSeed = process.env.FC_SEED;
const seed = fcSeed === undefined ? 20261207 : Number(fcSeed);
if (fcSeed !== "random" && !Number.isInteger(seed)) throw new Error(`FC_SEED=${fcSeed}: give a whole number, or "random"`);
if (fcSeed !== "random") fc.configureGlobal({ seed });
