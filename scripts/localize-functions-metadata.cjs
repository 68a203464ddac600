/**
 * Build step: Simplified Chinese custom-function metadata (functions.zh-CN.json) from the English
 * metadata that custom-functions-metadata generates from the JSDoc in src/functions/functions.ts,
 * with the descriptions in src/i18n/functions.zh-CN.json (keyed by function id and parameter name,
 * as HyperFormula keys its translations). Function and parameter names stay as they are, so
 * =TIER.RFM( works in every language. A missing translation fails the build.
 */
const path = require("node:path");
const fs = require("node:fs");

const TRANSLATIONS = path.join(__dirname, "..", "src", "i18n", "functions.zh-CN.json");

function localizeFunctionsMetadata(metadata, translations = JSON.parse(fs.readFileSync(TRANSLATIONS, "utf8"))) {
  const missing = [];
  const functions = metadata.functions.map((fn) => {
    const t = translations[fn.id];
    if (!t) {
      missing.push(fn.id);
      return fn;
    }
    const parameters = fn.parameters.map((p) => {
      const description = t.parameters && t.parameters[p.name];
      if (!description) missing.push(`${fn.id}.${p.name}`);
      return description ? { ...p, description } : p;
    });
    return { ...fn, description: t.description, parameters };
  });
  if (missing.length > 0) {
    throw new Error(`functions.zh-CN.json has no Chinese text for: ${missing.join(", ")}`);
  }
  return { ...metadata, functions };
}

module.exports = localizeFunctionsMetadata;
module.exports.localizeFunctionsMetadata = localizeFunctionsMetadata;
