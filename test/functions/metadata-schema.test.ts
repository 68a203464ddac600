/**
 * The generated metadata, English and Chinese, against the JSON Schema the project keeps for Microsoft's metadata
 * reference (custom-functions-json.md); and metadata broken the ways a hand edit or a build step could break it,
 * each refused. test/build.test.ts checks the built dist/functions*.json with the same schema.
 */
import { createRequire } from "node:module";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { beforeAll, describe, expect, it } from "vitest";
import { functionsMetadataProblems } from "../support/functions-schema";

const require = createRequire(import.meta.url);
const localize = require("../../scripts/localize-functions-metadata.cjs") as (m: Metadata) => Metadata;

interface Metadata {
  [key: string]: unknown;
  functions: Record<string, unknown>[];
}

let metadata: Metadata;
beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata("src/functions/functions.ts");
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson) as Metadata;
});

/** A deep copy of the generated metadata with one change. */
function changed(edit: (m: Metadata) => void): Metadata {
  const copy = structuredClone(metadata);
  edit(copy);
  return copy;
}
const first = (m: Metadata) => m.functions[0] as { id: string; name: string; options?: Record<string, unknown>; parameters: Record<string, unknown>[]; result: Record<string, unknown> };

describe("functions.json against the metadata reference's schema", () => {
  it("holds for the generated metadata and its Chinese version", () => {
    expect(functionsMetadataProblems(metadata)).toEqual([]);
    expect(functionsMetadataProblems(localize(structuredClone(metadata)))).toEqual([]);
  });

  it("takes allowErrorForDataTypeAny as an optional top-level boolean, which is where the reference puts it", () => {
    expect(functionsMetadataProblems(changed((m) => (m.allowErrorForDataTypeAny = true)))).toEqual([]);
    expect(functionsMetadataProblems(changed((m) => (m.allowErrorForDataTypeAny = "true"))).join("\n")).toMatch(/allowErrorForDataTypeAny must be boolean/);
  });

  const broken: [string, (m: Metadata) => void, RegExp][] = [
    ["the error flag put in one function's options, where Excel would ignore it", (m) => (first(m).options = { allowErrorForDataTypeAny: true }), /options must NOT have additional properties \("allowErrorForDataTypeAny"\)/],
    ["an id with characters other than letters, digits and periods", (m) => (first(m).id = "RFM_V2"), /\/functions\/0\/id must match pattern/],
    ["two functions with one id", (m) => (m.functions[1].id = first(m).id.toLowerCase()), /the id RFM is used twice|the id rfm is used twice/i],
    ["a function without a result", (m) => delete (m.functions[0] as { result?: unknown }).result, /must have required property 'result'/],
    ["a parameter type Excel does not have", (m) => (first(m).parameters[0].type = "date"), /parameters\/0\/type must be equal to one of the allowed values/],
    ["a dimensionality other than scalar or matrix", (m) => (first(m).parameters[0].dimensionality = "vector"), /parameters\/0\/dimensionality must be equal to one of the allowed values/],
    ["a streaming function that is also cancelable", (m) => (first(m).options = { stream: true, cancelable: true }), /options must NOT be valid/],
    ["parameter addresses with a scalar result", (m) => ((first(m).options = { requiresParameterAddresses: true }), (first(m).result = { dimensionality: "scalar" })), /result\/dimensionality must be equal to constant/],
    ["a key the reference does not list", (m) => (m.allowErrorsForDataTypeAny = true), /must NOT have additional properties \("allowErrorsForDataTypeAny"\)/],
  ];
  it.each(broken)("refuses %s", (_, edit, reason) => {
    const problems = functionsMetadataProblems(changed(edit));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join("\n")).toMatch(reason);
  });
});
