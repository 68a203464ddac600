/**
 * Draws the stand-in's chart objects as simple SVG, from what the workbook job set on them (chart type, series
 * with their ranges and axis groups, titles, legend), so the preview shows what Excel would draw.
 */
import { axisTick, EXCEL_FORMAT } from "../i18n/numbers";
import type { ChartModel, RangeRef, SeriesModel } from "../standin/model";

/** Office's default palette: the six accents, then their darker and lighter shades, as Excel continues it. */
const COLORS = [
  "#4472c4", "#ed7d31", "#a5a5a5", "#ffc000", "#5b9bd5", "#70ad47", "#264478", "#9e480e", "#636363", "#997300", "#255e91",
  "#43682b", "#698ed0", "#f1975a", "#b7b7b7", "#ffcd33",
];

const WIDTH = 440;
const HEIGHT = 280;
const PAD = { left: 48, right: 48, top: 36, bottom: 54 };

/** The cells of a range, row by row then column by column (a series is one row or one column). */
export function rangeCells(ref: RangeRef | null): unknown[] {
  if (!ref) return [];
  const out: unknown[] = [];
  for (let r = ref.r0; r <= ref.r1; r++) for (let c = ref.c0; c <= ref.c1; c++) out.push(ref.sheet.value(r, c));
  return out;
}

const num = (v: unknown) => (typeof v === "number" ? v : Number(v));
const label = (v: unknown) => (typeof v === "number" ? String(Number(v.toPrecision(6))) : String(v ?? ""));

/** The chart kind of a series: its own type in a combo chart, else the chart's. */
function seriesType(chart: ChartModel, series: SeriesModel): string {
  return series.chartType ?? chart.chartType;
}

/** A round upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten. */
function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  // A hair of tolerance: shares that sum to 1 give or take their rounding (written to 6 digits) top out at 100 %.
  return [1, 2, 2.5, 5, 10].map((k) => k * power).find((v) => v >= max * (1 - 1e-4)) ?? max;
}

/** Legend rows start below the plot, the category labels and the x axis title. */
const LEGEND_Y = HEIGHT + 12;
const LEGEND_ROW = 14;
const LEGEND_MAX_CHARS = 40;

/** Width of a legend entry's text: CJK characters are about twice as wide as Latin ones at 10px. */
const textWidth = (text: string) => [...text].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 10.5 : 6), 0);
const legendText = (name: string) => (name.length > LEGEND_MAX_CHARS ? `${name.slice(0, LEGEND_MAX_CHARS - 1)}…` : name);

/**
 * Where each legend entry goes: left to right, wrapping to a new row when the next would pass the chart's
 * right edge, so every series is named however many there are (issue 17: 11 segments showed as 4).
 */
export function legendLayout(names: readonly string[]): { at: { x: number; row: number }[]; rows: number } {
  const at: { x: number; row: number }[] = [];
  let x = PAD.left / 2;
  let row = 0;
  for (const name of names) {
    const width = 14 + textWidth(legendText(name)) + 12;
    if (x + width > WIDTH - 8 && x > PAD.left / 2) {
      row++;
      x = PAD.left / 2;
    }
    at.push({ x, row });
    x += width;
  }
  return { at, rows: names.length === 0 ? 0 : row + 1 };
}

function Legend({ items, shift = 0 }: { items: { name: string; color: string }[]; shift?: number }) {
  const { at } = legendLayout(items.map((i) => i.name));
  return (
    <g aria-hidden="true" data-legend-entries={items.length}>
      {items.map((item, i) => (
        <g key={`${item.name}${i}`} transform={`translate(${at[i].x},${LEGEND_Y + shift + at[i].row * LEGEND_ROW})`}>
          <rect width="10" height="10" fill={item.color} />
          <text x="14" y="9" fontSize="10">
            {legendText(item.name)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** A category's name as drawn: whole up to 24 characters ("Potential Loyalist", "Can't Lose Them"), longer ones cut. */
const categoryText = (name: string) => (name.length > 24 ? `${name.slice(0, 23)}…` : name);

/**
 * How far below the usual place the category axis title and the legend go so the slanted category names (−30°, 9px)
 * never run into them: half the longest name's width, past the 30px the layout leaves.
 */
function labelDrop(chart: ChartModel): number {
  if (/^pie|doughnut|scatter|radar/i.test(chart.chartType)) return 0;
  const names = rangeCells(chart.series.find((s) => s.values)?.xValues ?? null).map(label);
  const longest = Math.max(0, ...names.map((name) => textWidth(categoryText(name)) * 0.9));
  return Math.max(0, Math.ceil(longest / 2 - 30));
}

/** Columns (and lines, on either axis) over categories: clustered column, Pareto combo, line. */
/** The least room (px) a slanted category label of the preview needs beside the next one. */
const LABEL_SPACING = 16;

/**
 * Category names under a category axis, slanted, long ones cut; with many categories only every k-th, as Excel
 * spaces tick labels by itself so they do not overlap (ChartAxis.tickLabelSpacing, automatic by default:
 * https://learn.microsoft.com/javascript/api/excel/excel.chartaxis#excel-excel-chartaxis-ticklabelspacing-member).
 */
function CategoryLabels({ categories, band, y }: { categories: string[]; band: number; y: number }) {
  const every = Math.max(1, Math.ceil(LABEL_SPACING / band));
  return (
    <>
      {categories.map((name, c) => c % every !== 0 ? null : (
        <text key={c} x={PAD.left + c * band + band / 2} y={y} fontSize="9" textAnchor="end" transform={`rotate(-30 ${PAD.left + c * band + band / 2} ${y})`}>
          {categoryText(name)}
        </text>
      ))}
    </>
  );
}

function CategoryChart({ chart, locale }: { chart: ChartModel; locale: string }) {
  const series = chart.series.filter((s) => s.values);
  const categories = rangeCells(series[0]?.xValues ?? null).map(label);
  const values = series.map((s) => rangeCells(s.values).map(num));
  const count = Math.max(categories.length, ...values.map((v) => v.length), 1);
  const primary = series.map((s, i) => (s.axisGroup === "Secondary" ? [] : values[i])).flat().filter(Number.isFinite);
  const secondary = series.map((s, i) => (s.axisGroup === "Secondary" ? values[i] : [])).flat().filter(Number.isFinite);
  const maxPrimary = niceMax(Math.max(0, ...primary));
  const maxSecondary = niceMax(Math.max(0, ...secondary));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const band = plotW / count;
  const columns = series.map((s, i) => ({ s, i })).filter(({ s }) => /column|bar/i.test(seriesType(chart, s)));
  const lines = series.map((s, i) => ({ s, i })).filter(({ s }) => !/column|bar/i.test(seriesType(chart, s)));
  const y = (v: number, secondaryAxis: boolean) => PAD.top + plotH - (v / (secondaryAxis ? maxSecondary : maxPrimary)) * plotH;
  const barW = (band * 0.7) / Math.max(columns.length, 1);
  if (/^area/i.test(chart.chartType)) return <StackedArea chart={chart} categories={categories} values={values} locale={locale} />;
  if (/stacked/i.test(chart.chartType)) return <StackedColumns chart={chart} categories={categories} values={values} locale={locale} />;
  const tick = (v: number, key: string) => axisTick(v, chart.axisFormats.get(key), locale);
  return (
    <>
      <line x1={PAD.left} y1={PAD.top + plotH} x2={PAD.left + plotW} y2={PAD.top + plotH} stroke="#888" />
      {[0, 0.5, 1].map((t) => (
        <text key={t} x={PAD.left - 4} y={y(t * maxPrimary, false) + 3} fontSize="9" textAnchor="end">
          {tick(t * maxPrimary, "Value/Primary")}
        </text>
      ))}
      {secondary.length > 0 &&
        [0, 0.5, 1].map((t) => (
          <text key={`s${t}`} x={PAD.left + plotW + 4} y={y(t * maxSecondary, true) + 3} fontSize="9">
            {tick(t * maxSecondary, "Value/Secondary")}
          </text>
        ))}
      {columns.map(({ s, i }, k) =>
        values[i].map((v, c) =>
          Number.isFinite(v) ? (
            <rect
              key={`${i}-${c}`}
              x={PAD.left + c * band + band * 0.15 + k * barW}
              y={Math.min(y(v, s.axisGroup === "Secondary"), PAD.top + plotH)}
              width={Math.max(barW - 1, 1)}
              height={Math.abs(PAD.top + plotH - y(v, s.axisGroup === "Secondary"))}
              fill={COLORS[i % COLORS.length]}
            />
          ) : null,
        ),
      )}
      {lines.map(({ s, i }) => {
        const points = values[i].map((v, c) => `${PAD.left + c * band + band / 2},${y(Number.isFinite(v) ? v : 0, s.axisGroup === "Secondary")}`);
        return (
          <g key={`l${i}`}>
            <polyline points={points.join(" ")} fill="none" stroke={COLORS[i % COLORS.length]} strokeWidth="2" />
            {points.map((p, c) => {
              const [cx, cy] = p.split(",");
              return <circle key={c} cx={cx} cy={cy} r="2.5" fill={COLORS[i % COLORS.length]} />;
            })}
          </g>
        );
      })}
      <CategoryLabels categories={categories} band={band} y={PAD.top + plotH + 12} />
      <Legend items={series.map((s, i) => ({ name: s.name, color: COLORS[i % COLORS.length] }))} shift={labelDrop(chart)} />
    </>
  );
}

/** Stacked columns (ColumnStacked, and ColumnStacked100 with each column scaled to 100 %): one segment per series. */
function StackedColumns({ chart, categories, values, locale }: { chart: ChartModel; categories: string[]; values: number[][]; locale: string }) {
  const percent = /100/.test(chart.chartType);
  const count = Math.max(categories.length, ...values.map((v) => v.length), 1);
  const totals = Array.from({ length: count }, (_, c) => values.reduce((sum, v) => sum + (Number.isFinite(v[c]) ? v[c] : 0), 0));
  const top = percent ? 1 : niceMax(Math.max(0, ...totals));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const band = plotW / count;
  const height = (v: number) => (v / top) * plotH;
  const segments = Array.from({ length: count }, (_, c) => {
    let base = 0;
    return values.map((v, i) => {
      const raw = Number.isFinite(v[c]) ? v[c] : 0;
      const share = percent ? (totals[c] > 0 ? raw / totals[c] : 0) : raw;
      const rect = { i, from: base, size: share };
      base += share;
      return rect;
    });
  });
  return (
    <>
      <line x1={PAD.left} y1={PAD.top + plotH} x2={PAD.left + plotW} y2={PAD.top + plotH} stroke="#888" />
      {[0, 0.5, 1].map((t) => (
        <text key={t} x={PAD.left - 4} y={PAD.top + plotH - height(t * top) + 3} fontSize="9" textAnchor="end">
          {axisTick(t * top, percent ? EXCEL_FORMAT.axisPercent : chart.axisFormats.get("Value/Primary"), locale)}
        </text>
      ))}
      {segments.map((stack, c) =>
        stack.map(({ i, from, size }) =>
          size > 0 ? (
            <rect key={`${c}-${i}`} x={PAD.left + c * band + band * 0.15} y={PAD.top + plotH - height(from + size)} width={band * 0.7} height={height(size)} fill={COLORS[i % COLORS.length]} />
          ) : null,
        ),
      )}
      <CategoryLabels categories={categories} band={band} y={PAD.top + plotH + 12} />
      <Legend items={chart.series.filter((s) => s.values).map((s, i) => ({ name: s.name, color: COLORS[i % COLORS.length] }))} shift={labelDrop(chart)} />
    </>
  );
}

/** A stacked area (AreaStacked): each series' band over the ones before it, at the categories' centres. */
function StackedArea({ chart, categories, values, locale }: { chart: ChartModel; categories: string[]; values: number[][]; locale: string }) {
  const count = Math.max(categories.length, ...values.map((v) => v.length), 1);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const band = plotW / count;
  const cumulative: number[][] = [];
  values.forEach((v, i) => cumulative.push(Array.from({ length: count }, (_, c) => (i > 0 ? cumulative[i - 1][c] : 0) + (Number.isFinite(v[c]) ? Math.max(v[c], 0) : 0))));
  const top = niceMax(Math.max(0, ...(cumulative.at(-1) ?? [0])));
  const x = (c: number) => PAD.left + c * band + band / 2;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  return (
    <>
      <line x1={PAD.left} y1={PAD.top + plotH} x2={PAD.left + plotW} y2={PAD.top + plotH} stroke="#888" />
      {[0, 0.5, 1].map((t) => (
        <text key={t} x={PAD.left - 4} y={y(t * top) + 3} fontSize="9" textAnchor="end">
          {axisTick(t * top, chart.axisFormats.get("Value/Primary"), locale)}
        </text>
      ))}
      {cumulative.map((upper, i) => {
        const lower = i > 0 ? cumulative[i - 1] : upper.map(() => 0);
        const points = [...upper.map((v, c) => `${x(c)},${y(v)}`), ...lower.map((v, c) => `${x(c)},${y(v)}`).reverse()];
        return <polygon key={i} points={points.join(" ")} fill={COLORS[i % COLORS.length]} fillOpacity="0.85" />;
      })}
      <CategoryLabels categories={categories} band={band} y={PAD.top + plotH + 12} />
      <Legend items={chart.series.filter((s) => s.values).map((s, i) => ({ name: s.name, color: COLORS[i % COLORS.length] }))} shift={labelDrop(chart)} />
    </>
  );
}

function PieChart({ chart, doughnut }: { chart: ChartModel; doughnut: boolean }) {
  const series = chart.series.find((s) => s.values);
  const values = rangeCells(series?.values ?? null).map(num).map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const names = rangeCells(series?.xValues ?? null).map(label);
  const total = values.reduce((a, b) => a + b, 0) || 1;
  const cx = WIDTH / 2 - 60;
  const cy = (HEIGHT - 10) / 2 + 10;
  const r = 95;
  // Slice i runs from angles[i] to angles[i + 1], clockwise from twelve o'clock.
  const angles = [-Math.PI / 2];
  for (const v of values) angles.push(angles[angles.length - 1] + (v / total) * Math.PI * 2);
  return (
    <>
      {values.map((v, i) => {
        const start = angles[i];
        const angle = angles[i + 1];
        const large = angle - start > Math.PI ? 1 : 0;
        const [x0, y0, x1, y1] = [cx + r * Math.cos(start), cy + r * Math.sin(start), cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
        const d = v >= total ? `M ${cx - r} ${cy} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0` : `M ${cx} ${cy} L ${x0} ${y0} A ${r} ${r} 0 ${large} 1 ${x1} ${y1} Z`;
        return <path key={i} d={d} fill={COLORS[i % COLORS.length]} stroke="#fff" strokeWidth="1" />;
      })}
      {doughnut && <circle cx={cx} cy={cy} r={r * 0.5} fill="#fff" />}
      <g aria-hidden="true">
        {names.map((name, i) => (
          <g key={i} transform={`translate(${cx + r + 24},${30 + i * 15})`}>
            <rect width="10" height="10" fill={COLORS[i % COLORS.length]} />
            <text x="14" y="9" fontSize="10">
              {`${name.length > 20 ? `${name.slice(0, 19)}…` : name} ${Math.round((values[i] / total) * 100)}%`}
            </text>
          </g>
        ))}
      </g>
    </>
  );
}

/**
 * One axis of a scatter: linear from 0 to a round maximum, or (scaleType "Logarithmic", as the job sets it on
 * skewed values) from the power of ten below the smallest value to the one above the largest, ticked at each power.
 */
function scatterAxis(values: number[], log: boolean, length: number): { at: (v: number) => number; ticks: number[] } {
  if (log) {
    const positive = values.filter((v) => v > 0);
    const lo = positive.length > 0 ? Math.floor(Math.log10(Math.min(...positive))) : 0;
    const hi = Math.max(positive.length > 0 ? Math.ceil(Math.log10(Math.max(...positive))) : 1, lo + 1);
    const ticks = Array.from({ length: hi - lo + 1 }, (_, k) => 10 ** (lo + k));
    return { at: (v) => ((Math.log10(v) - lo) / (hi - lo)) * length, ticks };
  }
  const max = niceMax(Math.max(0, ...values));
  return { at: (v) => (v / max) * length, ticks: [0, max / 2, max] };
}

function ScatterChart({ chart, locale }: { chart: ChartModel; locale: string }) {
  const series = chart.series.filter((s) => s.values);
  const logX = chart.axisScales.get("Category/Primary")?.scaleType === "Logarithmic";
  const logY = chart.axisScales.get("Value/Primary")?.scaleType === "Logarithmic";
  const points = series.map((s) => {
    const xs = rangeCells(s.xValues).map(num);
    return rangeCells(s.values)
      .map((v, i) => [xs[i], num(v)] as const)
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!logX || x > 0) && (!logY || y > 0));
  });
  const all = points.flat();
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const xAxis = scatterAxis(all.map((p) => p[0]), logX, plotW);
  const yAxis = scatterAxis(all.map((p) => p[1]), logY, plotH);
  const px = (x: number) => PAD.left + xAxis.at(x);
  const py = (y: number) => PAD.top + plotH - yAxis.at(y);
  // Many points (a sample of customers): small and translucent, so dense areas read as dense.
  const radius = all.length > 200 ? 2 : 4;
  return (
    <>
      <line x1={PAD.left} y1={PAD.top + plotH} x2={PAD.left + plotW} y2={PAD.top + plotH} stroke="#888" />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + plotH} stroke="#888" />
      {yAxis.ticks.map((t) => (
        <text key={`y${t}`} x={PAD.left - 4} y={py(t) + 3} fontSize="9" textAnchor="end">
          {axisTick(t, chart.axisFormats.get("Value/Primary"), locale)}
        </text>
      ))}
      {xAxis.ticks.map((t) => (
        <text key={`x${t}`} x={px(t)} y={PAD.top + plotH + 12} fontSize="9" textAnchor="middle">
          {axisTick(t, chart.axisFormats.get("Category/Primary"), locale)}
        </text>
      ))}
      {points.map((list, i) =>
        list.map(([x, y], k) => <circle key={`${i}-${k}`} cx={px(x)} cy={py(y)} r={radius} fill={COLORS[i % COLORS.length]} fillOpacity="0.6" />),
      )}
      <Legend items={series.map((s, i) => ({ name: s.name, color: COLORS[i % COLORS.length] }))} />
    </>
  );
}

function RadarChart({ chart }: { chart: ChartModel }) {
  const series = chart.series.filter((s) => s.values);
  const axes = rangeCells(series[0]?.xValues ?? null).map(label);
  const values = series.map((s) => rangeCells(s.values).map(num));
  const n = Math.max(axes.length, ...values.map((v) => v.length), 3);
  const max = niceMax(Math.max(0, ...values.flat().filter(Number.isFinite)));
  const cx = WIDTH / 2;
  const cy = (HEIGHT - 30) / 2 + 14;
  const r = 90;
  const at = (i: number, v: number) => {
    const a = -Math.PI / 2 + (i / n) * Math.PI * 2;
    return [cx + (v / max) * r * Math.cos(a), cy + (v / max) * r * Math.sin(a)];
  };
  return (
    <>
      {[0.5, 1].map((t) => (
        <polygon key={t} points={Array.from({ length: n }, (_, i) => at(i, t * max).join(",")).join(" ")} fill="none" stroke="#ccc" />
      ))}
      {axes.map((name, i) => {
        // Anchored away from the centre (a side label starts or ends at its spoke), so a long axis name such as
        // "Free of complaints on 1–5" (issue 15 §4's voice axes) does not lie across the polygons.
        const [x, y] = at(i, max * 1.08);
        const side = (x - cx) / r;
        const anchor = side > 0.15 ? "start" : side < -0.15 ? "end" : "middle";
        return (
          <text key={i} x={x} y={y} dy={y > cy + r * 0.5 ? "0.8em" : y < cy - r * 0.5 ? "-0.2em" : "0.35em"} fontSize="10" textAnchor={anchor}>
            {name}
          </text>
        );
      })}
      {values.map((list, k) => (
        <polygon
          key={k}
          points={list.map((v, i) => at(i, Number.isFinite(v) ? v : 0).join(",")).join(" ")}
          fill={COLORS[k % COLORS.length]}
          fillOpacity="0.15"
          stroke={COLORS[k % COLORS.length]}
          strokeWidth="2"
        />
      ))}
      <Legend items={series.map((s, i) => ({ name: s.name, color: COLORS[i % COLORS.length] }))} />
    </>
  );
}

/** How tall a chart's picture is: the plot, then the x axis title and as many legend rows as its series need. */
function chartHeight(chart: ChartModel): number {
  if (/^pie|doughnut/i.test(chart.chartType)) {
    const n = rangeCells(chart.series.find((s) => s.values)?.xValues ?? null).length;
    return Math.max(HEIGHT, 40 + n * 15);
  }
  const { rows } = legendLayout(chart.series.filter((s) => s.values).map((s) => s.name));
  return LEGEND_Y + labelDrop(chart) + rows * LEGEND_ROW + 4;
}

/** A title's font size: 13px, smaller for a long title so it fits the picture whole (Excel wraps one instead). */
function titleSize(title: string): number {
  const width = textWidth(title) * 1.35;
  return width > WIDTH - 16 ? Math.max(8, Math.floor((13 * (WIDTH - 16)) / width)) : 13;
}

/** One chart object as an SVG image named by its title, with every axis title the job set. */
export function ChartView({ chart, locale = "en" }: { chart: ChartModel; locale?: string }) {
  const type = chart.chartType;
  const title = chart.title.visible ? chart.title.text : chart.name;
  let body;
  if (/^pie/i.test(type)) body = <PieChart chart={chart} doughnut={false} />;
  else if (/doughnut/i.test(type)) body = <PieChart chart={chart} doughnut />;
  else if (/scatter/i.test(type)) body = <ScatterChart chart={chart} locale={locale} />;
  else if (/radar/i.test(type)) body = <RadarChart chart={chart} />;
  else body = <CategoryChart chart={chart} locale={locale} />;
  const axisTitle = (key: string) => chart.axisTitles.get(key);
  const height = chartHeight(chart);
  return (
    <figure className="preview-chart" data-chart-name={chart.name} data-chart-type={type}>
      <svg role="img" aria-label={`${title} (${type})`} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height}>
        <rect width={WIDTH} height={height} fill="#fff" stroke="#d0d0d0" />
        <text x={WIDTH / 2} y="20" fontSize={titleSize(title)} fontWeight="600" textAnchor="middle" data-chart-title="">
          {title}
        </text>
        {axisTitle("Value/Primary") && (
          <text x="12" y={HEIGHT / 2} fontSize="10" textAnchor="middle" transform={`rotate(-90 12 ${HEIGHT / 2})`} data-axis-title="Value/Primary">
            {axisTitle("Value/Primary")}
          </text>
        )}
        {axisTitle("Value/Secondary") && (
          <text x={WIDTH - 10} y={HEIGHT / 2} fontSize="10" textAnchor="middle" transform={`rotate(90 ${WIDTH - 10} ${HEIGHT / 2})`} data-axis-title="Value/Secondary">
            {axisTitle("Value/Secondary")}
          </text>
        )}
        {axisTitle("Category/Primary") && (
          <text x={PAD.left + (WIDTH - PAD.left - PAD.right) / 2} y={HEIGHT + 2 + labelDrop(chart)} fontSize="10" textAnchor="middle" data-axis-title="Category/Primary">
            {axisTitle("Category/Primary")}
          </text>
        )}
        {body}
      </svg>
    </figure>
  );
}
