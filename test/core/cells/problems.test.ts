import { describe, expect, it } from "vitest";
import { ProblemLog } from "../../../src/core/cells/problems";

describe("ProblemLog", () => {
  it("keeps the first `limit` problems in full and counts all of them", () => {
    const log = new ProblemLog(3);
    for (let i = 0; i < 10; i++) log.add(i, "dates", i % 2 === 0 ? "badDate" : "blankDate", i % 2 === 0 ? "x" : null);
    expect(log.count).toBe(10);
    expect(log.problems).toHaveLength(3);
    expect(log.problems.map((p) => p.row)).toEqual([0, 1, 2]);
    expect(log.problems[0]).toEqual({ row: 0, field: "dates", code: "badDate", value: "x" });
    expect(log.problems[1].value).toBe("");
    expect(log.byCode).toEqual({ badDate: 5, blankDate: 5 });
  });
  it("defaults to a limit of 1000", () => {
    const log = new ProblemLog();
    for (let i = 0; i < 1500; i++) log.add(i, "x", "badNumber", i);
    expect(log.problems).toHaveLength(1000);
    expect(log.count).toBe(1500);
  });
});
