import { describe, expect, it } from "vitest";
import { columnRoles, mappedRoles, mappingProblems, REQUIRED_ROLES, ROLES, type RoleMapping } from "../../../src/core/analysis/roles";

const NONE: RoleMapping = { customer: -1, date: -1, amount: -1, quantity: -1, order: -1, margin: -1, category: -1, extra: -1 };
const BASIC: RoleMapping = { ...NONE, customer: 0, date: 1, amount: 2 };

describe("roles: one list, one mapping check", () => {
  it("lists every role once, the required ones first", () => {
    expect(new Set(ROLES).size).toBe(ROLES.length);
    expect(ROLES.slice(0, 3)).toEqual([...REQUIRED_ROLES]);
    // Issue 15 §4 adds the five voice roles.
    expect([...ROLES].sort()).toEqual(["amount", "category", "complaints", "customer", "date", "engagement", "extra", "margin", "nps", "order", "quantity", "referrals", "satisfaction"]);
  });

  it("accepts a mapping with the required roles in range and no column twice", () => {
    expect(mappingProblems(BASIC, 3)).toEqual([]);
    expect(mappingProblems({ ...BASIC, margin: 4, extra: 3 }, 5)).toEqual([]);
  });

  it("reports a required role without a column (negative, NaN or not a whole number)", () => {
    expect(mappingProblems(NONE, 3)).toEqual([
      { kind: "missing", role: "customer" },
      { kind: "missing", role: "date" },
      { kind: "missing", role: "amount" },
    ]);
    expect(mappingProblems({ ...BASIC, date: NaN, amount: 1.5 }, 3)).toEqual([
      { kind: "missing", role: "date" },
      { kind: "missing", role: "amount" },
    ]);
  });

  it("reports a column past the last one, with the index and the column count", () => {
    expect(mappingProblems({ ...BASIC, margin: 3 }, 3)).toEqual([{ kind: "outOfRange", role: "margin", column: 3, columns: 3 }]);
    expect(mappingProblems(BASIC, 2)).toEqual([{ kind: "outOfRange", role: "amount", column: 2, columns: 2 }]);
  });

  it("reports one column given two roles, in role order", () => {
    expect(mappingProblems({ ...BASIC, extra: 0 }, 3)).toEqual([{ kind: "shared", roles: ["customer", "extra"], column: 0 }]);
    expect(mappingProblems({ ...BASIC, quantity: 2, order: 2 }, 3)).toEqual([
      { kind: "shared", roles: ["amount", "quantity"], column: 2 },
      { kind: "shared", roles: ["amount", "order"], column: 2 },
    ]);
  });

  it("says which roles have a column", () => {
    expect(mappedRoles({ ...BASIC, extra: 4 })).toEqual(["customer", "date", "amount", "extra"]);
    expect(mappedRoles({ margin: 0 })).toEqual(["margin"]);
  });
});

describe("columnRoles", () => {
  it("names the roles the analysis columns fill", () => {
    expect(columnRoles({ customers: [], dates: [], amounts: [] })).toEqual(["customer", "date", "amount"]);
    expect(columnRoles({ customers: [], dates: [], amounts: [], margins: [], orders: [] })).toEqual(["customer", "date", "amount", "order", "margin"]);
  });
});
