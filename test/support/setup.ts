import { installCustomFunctionsStandIn } from "./custom-functions";

// Excel's custom-functions runtime is not here; the adapters throw its error type, so tests install
// a stand-in with the same shape (CustomFunctions.Error and ErrorCode).
installCustomFunctionsStandIn();
