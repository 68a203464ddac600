/**
 * The metadata Excel reads (functions.json) as the generator makes it from the JSDoc. Its CLI exits
 * 0 even on errors, so the generator is called here and its errors asserted empty.
 */
import { createRequire } from "node:module";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { beforeAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const localize = require("../../scripts/localize-functions-metadata.cjs") as (m: Metadata) => Metadata;

interface Parameter {
  name: string;
  description: string;
  dimensionality?: string;
  optional?: boolean;
  type: string;
}
interface Metadata {
  functions: { id: string; name: string; description: string; parameters: Parameter[]; result: { dimensionality?: string } }[];
}

let metadata: Metadata;
let errors: string[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata("src/functions/functions.ts");
  errors = result.errors;
  // With errors the generator gives no JSON; the first test then shows the errors themselves.
  metadata = (errors.length === 0 ? JSON.parse(result.metadataJson) : { functions: [] }) as Metadata;
});

const fn = (id: string) => metadata.functions.find((f) => f.id === id)!;
const params = (id: string) => Object.fromEntries(fn(id).parameters.map((p) => [p.name, p]));

describe("custom function metadata", () => {
  it("generates without errors, with exactly the twelve ids", () => {
    expect(errors).toEqual([]);
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(["ABCCLASS", "ABCNEXT", "CLV", "CLVFIT", "CLVPREDICT", "COHORT", "LEVELS", "LIFECYCLE", "MIGRATION", "MOVERS", "NEXTPURCHASE", "PALIVE", "PILOT", "RFM", "RFMSCORE", "SCORE"]);
    for (const f of metadata.functions) {
      expect(f.name).toBe(f.id);
      expect(f.result.dimensionality).toBe("matrix");
      expect(f.description.length).toBeGreaterThan(20);
    }
  });

  it("declares ranges as matrices and the optional arguments as optional", () => {
    const rfm = params("RFM");
    // window_months (issue 14) comes last, so formulas written before it keep their meaning.
    expect(Object.keys(rfm)).toEqual(["customers", "dates", "amounts", "as_of", "bins", "segments", "headers", "window_months"]);
    for (const name of ["customers", "dates", "amounts", "bins", "segments"]) expect(rfm[name].dimensionality).toBe("matrix");
    for (const name of ["customers", "dates", "amounts"]) expect(rfm[name].optional).toBeFalsy();
    for (const name of ["as_of", "bins", "segments", "headers", "window_months"]) expect(rfm[name].optional).toBe(true);
    expect(Object.keys(params("RFMSCORE"))).toEqual(["recency_days", "frequency", "monetary", "bins", "segments"]);
    const abc = params("ABCCLASS");
    expect(abc.values.dimensionality).toBe("matrix");
    for (const name of ["a_cut", "b_cut", "basis", "method"]) expect(abc[name].optional).toBe(true);
    const clv = params("CLV");
    for (const name of ["avg_purchase", "frequency", "lifespan", "margin", "discount_rate"]) expect(clv[name].dimensionality).toBe("matrix");
    expect(clv.discount_rate.optional).toBe(true);
    expect(clv.margin.optional).toBeFalsy();
    const predict = params("CLVPREDICT");
    expect(Object.keys(predict)).toEqual(["customers", "dates", "amounts", "as_of", "horizon_months", "monthly_discount", "unit", "model", "margin"]);
    expect(predict.margin.optional).toBe(true);
    expect(Object.keys(params("NEXTPURCHASE"))).toEqual(["customers", "dates", "as_of", "within", "unit", "model"]);
    for (const name of ["as_of", "horizon_months", "monthly_discount", "unit", "model"]) expect(predict[name].optional).toBe(true);
    expect(Object.keys(params("CLVFIT"))).toEqual(["customers", "dates", "amounts", "as_of", "unit", "model"]);
    expect(Object.keys(params("PALIVE"))).toEqual(["customers", "dates", "as_of", "model"]);
    const life = params("LIFECYCLE");
    expect(Object.keys(life)).toEqual(["customers", "dates", "as_of", "new_days", "active_multiple", "silent_multiple", "churn_cap_days"]);
    for (const name of ["customers", "dates"]) expect(life[name].dimensionality).toBe("matrix");
    const migration = params("MIGRATION");
    expect(Object.keys(migration)).toEqual(["ids_before", "tiers_before", "ids_after", "tiers_after", "measure"]);
    for (const name of Object.keys(migration)) expect(migration[name].dimensionality).toBe("matrix");
    expect(migration.measure.optional).toBe(true);
    const movers = params("MOVERS");
    expect(Object.keys(movers)).toEqual(["ids_before", "tiers_before", "ids_after", "tiers_after", "order", "measure_before", "measure_after"]);
    for (const name of Object.keys(movers)) expect(movers[name].dimensionality).toBe("matrix");
    for (const name of ["order", "measure_before", "measure_after"]) expect(movers[name].optional).toBe(true);
    const cohort = params("COHORT");
    // Issue 14 §5: first_tier added last, optional, so every earlier call keeps its meaning.
    expect(Object.keys(cohort)).toEqual(["customers", "dates", "amounts", "by", "measure", "first_tier"]);
    for (const name of ["customers", "dates", "amounts"]) expect(cohort[name].dimensionality).toBe("matrix");
    for (const name of ["amounts", "by", "measure", "first_tier"]) expect(cohort[name].optional).toBe(true);
    const levels = params("LEVELS");
    // Issue 15 §1: the ranges and the policy are matrices; as_of, window_months, validity_months and metric optional scalars.
    expect(Object.keys(levels)).toEqual(["customers", "dates", "amounts", "policy", "as_of", "window_months", "validity_months", "metric"]);
    for (const name of ["customers", "dates", "amounts", "policy"]) expect([levels[name].dimensionality, levels[name].optional ?? false]).toEqual(["matrix", false]);
    for (const name of ["as_of", "window_months", "validity_months", "metric"]) expect(levels[name].optional).toBe(true);
    const pilot = params("PILOT");
    expect(Object.keys(pilot)).toEqual(["ids", "tiers", "share", "seed", "control_share"]);
    expect(pilot.share.optional).toBeFalsy();
    for (const name of ["seed", "control_share"]) expect(pilot[name].optional).toBe(true);
    const score = params("SCORE");
    expect(Object.keys(score)).toEqual(["metrics", "weights", "directions", "bands", "method"]);
    for (const name of ["metrics", "weights", "directions", "bands"]) expect(score[name].dimensionality).toBe("matrix");
    for (const name of ["metrics", "weights"]) expect(score[name].optional).toBeFalsy();
    for (const name of ["directions", "bands", "method"]) expect(score[name].optional).toBe(true);
  });

  it("has Chinese descriptions for every function and parameter, names unchanged", () => {
    const zh = localize(metadata);
    expect(zh.functions.map((f) => f.name)).toEqual(metadata.functions.map((f) => f.name));
    for (const [k, f] of zh.functions.entries()) {
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      expect(f.description).not.toBe(metadata.functions[k].description);
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("fails loudly when a translation is missing", () => {
    const extra = structuredClone(metadata);
    extra.functions[0].parameters.push({ name: "new_arg", description: "New", type: "any" });
    expect(() => localize(extra)).toThrow(/RFM\.new_arg/);
  });
});
