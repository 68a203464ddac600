/** Tables to CSV or JSON text for the CLI. */
export type Cell = string | number;

/** Numbers with at most 15 significant digits, so float noise in sums of cents prints as cents. */
export function formatNumber(v: number): string {
  const plain = String(v);
  // Short forms are already exact ("596746.3"); only float noise ("0.30000000000000004") is long.
  if (plain.length <= 15 || Number.isInteger(v) || !Number.isFinite(v)) return plain;
  return String(Number(v.toPrecision(15)));
}

function csvField(cell: Cell): string {
  if (typeof cell === "number") return formatNumber(cell);
  return /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function formatCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = new Array<string>(rows.length + 1);
  lines[0] = header.map(csvField).join(",");
  for (let i = 0; i < rows.length; i++) lines[i + 1] = rows[i].map(csvField).join(",");
  return `${lines.join("\n")}\n`;
}

/** An array of objects keyed by the header, one per row. */
export function formatJson(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const objects = rows.map((row) => Object.fromEntries(header.map((h, k) => [h, typeof row[k] === "number" ? Number(formatNumber(row[k] as number)) : row[k]])));
  return `${JSON.stringify(objects, null, 2)}\n`;
}
