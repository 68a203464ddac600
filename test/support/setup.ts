import { parseHostProfile, setDefaultHostProfile } from "../../src/standin";
import { installCustomFunctionsStandIn } from "./custom-functions";

// Excel's custom-functions runtime is not here; the adapters throw its error type, so tests install
// a stand-in with the same shape (CustomFunctions.Error and ErrorCode).
installCustomFunctionsStandIn();

// Which Excel the stand-ins pretend to be (src/standin/host-profile.ts): vitest.config.mts runs the function
// and workbook tests a second time with TIER_HOST=desktop.
setDefaultHostProfile(parseHostProfile(process.env.TIER_HOST));
