/**
 * The in-memory workbook drawn in the page: sheet tabs, the active sheet as an HTML table (tables' header rows,
 * number formats, bold and fills, conditional-format colour scales), the selection, and the sheet's charts.
 * Clicking a cell (or moving with the arrow keys) selects it, as in Excel, so "Use selection" works.
 */
import { useState, type KeyboardEvent } from "react";
import { Caption1, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { ConditionalFormatModel, SheetModel, WorkbookModel } from "../standin/model";
import { columnLetters } from "../standin";
import type { Messages } from "../i18n";
import { ChartView } from "./charts";
import { formatCell } from "./format";

/** Rows drawn per sheet; the rest are counted (the add-in reads them all). */
export const ROWS_SHOWN = 60;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, rowGap: tokens.spacingVerticalS },
  charts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  gridWrap: {
    overflow: "auto",
    maxHeight: "60vh",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

/** Interpolates the colour scale's colours over the range's numbers. */
function colorScaleFills(format: ConditionalFormatModel): Map<string, string> {
  const fills = new Map<string, string>();
  const criteria = (format.colorScale?.criteria ?? {}) as Record<string, { color?: string } | undefined>;
  const stops = [criteria.minimum, criteria.midpoint, criteria.maximum].filter((s): s is { color: string } => Boolean(s?.color));
  if (stops.length < 2) return fills;
  const { sheet, r0, r1, c0, c1 } = format.range;
  const numbers: number[] = [];
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (typeof sheet.value(r, c) === "number") numbers.push(sheet.value(r, c) as number);
  if (numbers.length === 0) return fills;
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const rgb = (hex: string) => {
    const v = parseInt(hex.replace("#", ""), 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  };
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const v = sheet.value(r, c);
      if (typeof v !== "number") continue;
      const t = max === min ? 0.5 : (v - min) / (max - min);
      const scaled = t * (stops.length - 1);
      const k = Math.min(Math.floor(scaled), stops.length - 2);
      const [a, b] = [rgb(stops[k].color), rgb(stops[k + 1].color)];
      const f = scaled - k;
      const mix = a.map((x, i) => Math.round(x + (b[i] - x) * f));
      fills.set(`${r},${c}`, `rgb(${mix.join(",")})`);
    }
  }
  return fills;
}

/** Black or white text, whichever has the higher WCAG contrast on the fill. */
function textOn(fill: string | undefined): string | undefined {
  if (!fill) return undefined;
  const rgb = /rgb\((\d+),(\d+),(\d+)\)/.exec(fill);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  const channels = rgb ? rgb.slice(1, 4).map(Number) : hex ? hex.slice(1, 4).map((x) => parseInt(x, 16)) : null;
  if (!channels) return undefined;
  const [r, g, b] = channels.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white (1.05 / (L + 0.05)) against contrast with black ((L + 0.05) / 0.05).
  return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 ? "#fff" : "#000";
}

// A click in the drawing acts on the workbook itself, as a click in Excel does: the model is the stand-in's store
// (the add-in's Excel.run calls read and write it too), not React state, so these write it and the view draws again.
function selectCell(model: WorkbookModel, sheet: SheetModel, r: number, c: number): void {
  model.selection = { sheet, r0: r, c0: c, r1: r, c1: c };
  model.activeSheet = sheet;
}

function activateSheet(model: WorkbookModel, sheet: SheetModel): void {
  model.activeSheet = sheet;
}

function SheetGrid({ model, sheet, m, locale }: { model: WorkbookModel; sheet: SheetModel; m: Messages; locale: string }) {
  const styles = useStyles();
  const used = sheet.usedBox();
  const selection = model.selection?.sheet === sheet ? model.selection : null;
  const [, redraw] = useState(0);
  if (!used) return <Caption1>{m.pane.preview.emptySheet}</Caption1>;
  const lastRow = Math.max(used.r1, selection?.r1 ?? 0);
  const lastColumn = Math.max(used.c1, selection?.c1 ?? 0);
  // Show from the top, or around the selection when it is further down (the "first bad cell" link).
  const firstShown = selection && selection.r0 >= ROWS_SHOWN ? Math.max(0, selection.r0 - 5) : 0;
  const lastShown = Math.min(lastRow, firstShown + ROWS_SHOWN - 1);
  const tables = model.tables.filter((t) => t.sheet === sheet);
  const headerCell = (r: number, c: number) => tables.some((t) => t.box.r0 === r && c >= t.box.c0 && c <= t.box.c1);
  const inTable = (r: number, c: number) => tables.find((t) => r > t.box.r0 && r <= t.box.r1 && c >= t.box.c0 && c <= t.box.c1);
  const fills = new Map<string, string>();
  for (const format of model.conditionalFormats) if (format.range.sheet === sheet) for (const [k, v] of colorScaleFills(format)) fills.set(k, v);

  const select = (r: number, c: number) => {
    selectCell(model, sheet, r, c);
    redraw((n) => n + 1);
  };
  const onKey = (event: KeyboardEvent) => {
    const at = selection ?? { r0: 0, c0: 0 };
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    select(Math.max(0, at.r0 + move[0]), Math.max(0, at.c0 + move[1]));
  };
  const columns = Array.from({ length: lastColumn + 1 }, (_, c) => c);
  const rows = Array.from({ length: lastShown - firstShown + 1 }, (_, i) => firstShown + i);
  const selected = (r: number, c: number) => selection !== null && r >= selection.r0 && r <= selection.r1 && c >= selection.c0 && c <= selection.c1;
  const selectionName = selection ? `${columnLetters(selection.c0)}${selection.r0 + 1}` : "";

  return (
    <>
      <div
        className={styles.gridWrap}
        tabIndex={0}
        role="region"
        aria-label={m.pane.preview.sheetRegion(sheet.name, selectionName)}
        onKeyDown={onKey}
      >
        <table className="preview-grid" data-sheet={sheet.name}>
          <thead>
            <tr>
              <th scope="col" className="corner">
                <span className="visually-hidden">{m.pane.preview.rowHeader}</span>
              </th>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {columns.map((c) => {
                  const style = sheet.styles.get(`${r},${c}`) ?? sheet.styles.get(`${columnLetters(c)}${r + 1}`);
                  const table = inTable(r, c);
                  const header = headerCell(r, c);
                  const fill = fills.get(`${r},${c}`) ?? style?.fill ?? (header ? "#217346" : table && (r - table.box.r0) % 2 === 0 ? "#e8f1ec" : undefined);
                  const value = sheet.value(r, c);
                  return (
                    <td
                      key={c}
                      className={[selected(r, c) ? "selected" : "", typeof value === "number" ? "number" : ""].join(" ").trim() || undefined}
                      style={{
                        background: fill,
                        color: style?.fontColor ?? textOn(fill),
                        fontWeight: style?.bold || header ? 600 : undefined,
                      }}
                      onClick={() => select(r, c)}
                    >
                      {formatCell(value, sheet.numberFormat(r, c), locale)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {lastRow > lastShown && <Caption1>{m.pane.preview.moreRows(new Intl.NumberFormat(locale).format(lastRow - lastShown))}</Caption1>}
    </>
  );
}

export interface WorkbookViewProps {
  model: WorkbookModel;
  m: Messages;
  locale: string;
  /** Changes whenever the workbook may have changed (a sync, a selection): the view draws again. */
  version: number;
}

export function WorkbookView({ model, m, locale }: WorkbookViewProps) {
  const styles = useStyles();
  const visible = model.sheets.filter((s) => s.visibility === "Visible");
  const [, redraw] = useState(0);
  // The workbook's active sheet, whether a tab click or the add-in activated it (a run, a chart, "select the
  // first bad cell"); the parent draws again when `version` changes.
  const sheet = model.activeSheet ?? visible[0];
  if (!sheet) return <Caption1>{m.pane.preview.emptySheet}</Caption1>;
  const charts = model.charts.filter((chart) => chart.sheet === sheet);
  return (
    <div className={styles.root}>
      <TabList
        selectedValue={sheet.id}
        onTabSelect={(_, data) => {
          const next = visible.find((s) => s.id === data.value);
          if (next) {
            activateSheet(model, next);
            redraw((n) => n + 1);
          }
        }}
        aria-label={m.pane.preview.sheets}
        size="small"
      >
        {visible.map((s) => (
          <Tab key={s.id} value={s.id} data-sheet-tab={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      {charts.length > 0 && (
        <div className={styles.charts}>
          {charts.map((chart) => (
            <ChartView key={chart.id} chart={chart} locale={locale} />
          ))}
        </div>
      )}
      <SheetGrid model={model} sheet={sheet} m={m} locale={locale} />
    </div>
  );
}
