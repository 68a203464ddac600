/**
 * Build step: lets error cells reach the custom functions. Excel calls a function whose argument holds an
 * error (#N/A, #DIV/0! …) only when the metadata says `allowErrorForDataTypeAny: true`; otherwise it returns
 * that error itself without calling the function, so our per-row message ("argument 'amounts', row 3: the cell
 * holds the Excel error #N/A") would never be shown ("Errors as custom function inputs",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors; the flag is a top-level
 * property of the metadata, beside `functions`, and defaults to false:
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json).
 * custom-functions-metadata cannot emit it from JSDoc, so webpack.config.js applies this to functions.json
 * before functions.zh-CN.json is made from it, and test/support/custom-functions.ts reads the same flags, so the
 * functions stand-in delivers error cells exactly when the built metadata lets Excel do so.
 *
 * Every TIER function reads ranges (each has a matrix parameter of type any), which is what the flag is for;
 * `withErrorInputs` refuses metadata where that stops being true, so a new function cannot slip by unexamined.
 */
const METADATA_FLAGS = Object.freeze({ allowErrorForDataTypeAny: true });

function withErrorInputs(metadata) {
  if (!metadata || !Array.isArray(metadata.functions)) throw new Error("the metadata has no functions array");
  const noRange = metadata.functions
    .filter((fn) => !(fn.parameters || []).some((p) => p.dimensionality === "matrix" && (p.type === undefined || p.type === "any")))
    .map((fn) => fn.id);
  if (noRange.length > 0) {
    throw new Error(`these functions read no range of type any, so allowErrorForDataTypeAny may not suit them: ${noRange.join(", ")}`);
  }
  return { ...METADATA_FLAGS, ...metadata, ...METADATA_FLAGS };
}

module.exports = withErrorInputs;
module.exports.withErrorInputs = withErrorInputs;
module.exports.METADATA_FLAGS = METADATA_FLAGS;
