/**
 * functions.json against the project's JSON Schema of Microsoft's metadata reference (test/schemas/
 * custom-functions.schema.json, from custom-functions-json.md), with ajv, plus what a schema cannot say: every id
 * and every name once. Returns readable problems (an empty list when the metadata is valid).
 */
import Ajv from "ajv";
import schema from "../schemas/custom-functions.schema.json";

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(schema);

export function functionsMetadataProblems(metadata: unknown): string[] {
  const problems = validate(metadata)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}${e.params && "additionalProperty" in e.params ? ` ("${String(e.params.additionalProperty)}")` : ""}`);
  const functions = (metadata as { functions?: { id?: unknown; name?: unknown }[] }).functions;
  if (Array.isArray(functions)) {
    for (const key of ["id", "name"] as const) {
      const seen = new Set<string>();
      for (const f of functions) {
        // Excel compares ids and names without regard to case.
        const value = String(f?.[key]).toUpperCase();
        if (seen.has(value)) problems.push(`/functions: the ${key} ${String(f?.[key])} is used twice`);
        seen.add(value);
      }
    }
  }
  return problems;
}
