/**
 * Adapter for =TIER.CLV: each argument a single value or a range; ranges must share one shape and
 * are computed cell by cell, single values apply to every cell. A blank cell gives "".
 */
import { checkClvInput, simpleClv, type ClvInput } from "../core/tiers/clv";
import { cellText, isBlank, readNumberCell, type CellRead } from "../core/cells/coerce";
import type { Messages } from "../i18n";
import { badNumberText, describeClvProblem } from "../i18n/describe";
import { isOmitted, type Range } from "./coerce";
import { ArgumentError } from "./errors";

interface Grid {
  name: string;
  rows: unknown[][];
  scalar: boolean;
}

function grid(arg: unknown, name: string): Grid {
  const rows = Array.isArray(arg) ? (arg as Range) : [[arg]];
  return { name, rows, scalar: rows.length === 1 && rows[0].length === 1 };
}

const shapeText = (g: Grid) => `${g.rows.length}×${g.rows[0]?.length ?? 0}`;

const FIELD_ARGUMENT: Record<keyof ClvInput, string> = {
  averagePurchase: "avg_purchase",
  purchasesPerYear: "frequency",
  lifespanYears: "lifespan",
  margin: "margin",
  discountRate: "discount_rate",
};

export function clvGrid(
  avgPurchase: Range,
  frequency: Range,
  lifespan: Range,
  margin: Range,
  discountRate: unknown,
  m: Messages,
): (number | string)[][] {
  const grids = [
    grid(avgPurchase, "avg_purchase"),
    grid(frequency, "frequency"),
    grid(lifespan, "lifespan"),
    grid(margin, "margin"),
    grid(isOmitted(discountRate) ? 0 : discountRate, "discount_rate"),
  ];
  const shaped = grids.filter((g) => !g.scalar);
  for (const g of shaped.slice(1)) {
    if (g.rows.length !== shaped[0].rows.length || g.rows[0].length !== shaped[0].rows[0].length) {
      throw new ArgumentError(m.errors.shapeMismatch(shaped[0].name, shapeText(shaped[0]), g.name, shapeText(g)));
    }
  }
  const height = shaped[0]?.rows.length ?? 1;
  const width = shaped[0]?.rows[0].length ?? 1;
  const cell: CellRead = { status: "ok", value: 0 };
  const out: (number | string)[][] = [];
  const values = new Float64Array(5);
  for (let i = 0; i < height; i++) {
    const row: (number | string)[] = [];
    for (let j = 0; j < width; j++) {
      let blank = false;
      for (let k = 0; k < 5; k++) {
        const g = grids[k];
        const raw = g.scalar ? g.rows[0][0] : g.rows[i][j];
        if (isBlank(raw)) {
          blank = true;
          continue;
        }
        readNumberCell(raw, cell);
        if (cell.status !== "ok") {
          const what = cell.status === "error" ? m.problems.excelError(cellText(raw)) : badNumberText(raw, m);
          throw new ArgumentError(m.errors.rowProblem(where(g, i, j, m) || m.errors.argument(g.name), what));
        }
        values[k] = cell.value;
      }
      if (blank) {
        row.push("");
        continue;
      }
      const input: ClvInput = {
        averagePurchase: values[0],
        purchasesPerYear: values[1],
        lifespanYears: values[2],
        margin: values[3],
        discountRate: values[4],
      };
      const problem = checkClvInput(input);
      if (problem) {
        const argument = FIELD_ARGUMENT[problem.field];
        const g = grids.find((x) => x.name === argument)!;
        throw new ArgumentError(describeClvProblem(problem.error, argument, where(g, i, j, m), String(input[problem.field]), m));
      }
      row.push(simpleClv(input));
    }
    out.push(row);
  }
  return out;
}

/** "argument 'margin', row 3" (column too when the range is wider than one column). */
function where(g: Grid, i: number, j: number, m: Messages): string {
  if (g.scalar) return ""; // the sentence names the argument itself
  return g.rows[0].length > 1 ? m.errors.atCell(g.name, i + 1, j + 1) : m.errors.at(g.name, i + 1);
}
