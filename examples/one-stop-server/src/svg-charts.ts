import { html, type SafeHtml } from './html.js';

/**
 * Small inline SVG charts for the server-rendered pages (biểu đồ): no script, no style attribute
 * or `<style>` element (the pages' Content-Security-Policy allows style sheets from this server
 * only), colours and sizes as SVG presentation attributes, every label escaped. Each chart has a
 * `<title>` and `role="img"` for screen readers; the page shows the same figures in a table.
 */

/** One bar of {@link barChart}: a label, a value (`null`: N/A, drawn as a hatched gap) and its text. */
export interface Bar {
  readonly label: string;
  readonly value: number | null;
  /** The text at the bar's end, e.g. `"92,5 %"` or `"N/A"`. */
  readonly text: string;
  /** The bar's full length (e.g. a group's maximum points); default the chart's `max`. */
  readonly max?: number;
}

const INK = '#1d2430';
const MUTED = '#64748b';
const BAR = '#0b3d91';
const TRACK = '#e6e9ef';
const LINE = '#c8102e';
const FONT = 'Noto Sans, Segoe UI, Roboto, Arial, sans-serif';

const fixed = (x: number) => String(Math.round(x * 10) / 10);

/**
 * Horizontal bars, one a row: the label on the left, the bar over a track of its full length, the
 * text after it. A bar's length is `value / (bar.max ?? max)`.
 * @example
 * ```ts
 * barChart({ title: 'Điểm theo nhóm', max: 20, bars: [{ label: 'Nhóm 2', value: 12, text: '12/20', max: 20 }] });
 * ```
 */
export function barChart(options: {
  readonly title: string;
  readonly bars: readonly Bar[];
  readonly max: number;
  readonly width?: number;
  readonly labelWidth?: number;
}): SafeHtml {
  const width = options.width ?? 720;
  const labelWidth = options.labelWidth ?? 240;
  const textWidth = 110;
  const row = 30;
  const barLength = width - labelWidth - textWidth - 16;
  const height = options.bars.length * row + 8;
  const rows = options.bars.map((b, i) => {
    const y = 4 + i * row;
    const full = b.max ?? options.max;
    const share = b.value === null || full <= 0 ? 0 : Math.max(0, Math.min(1, b.value / full));
    const trackLength = full > 0 ? (barLength * full) / Math.max(full, options.max) : barLength;
    const label = b.label.length > 40 ? `${b.label.slice(0, 39)}…` : b.label;
    return html`<g data-bar="${b.label}">
<text x="${labelWidth - 8}" y="${y + 19}" text-anchor="end" font-size="13" fill="${INK}">${label}</text>
<rect x="${labelWidth}" y="${y + 6}" width="${fixed(trackLength)}" height="18" rx="3" fill="${TRACK}"/>
${b.value === null ? '' : html`<rect x="${labelWidth}" y="${y + 6}" width="${fixed(trackLength * share)}" height="18" rx="3" fill="${BAR}"/>`}
<text x="${fixed(labelWidth + trackLength + 8)}" y="${y + 19}" font-size="13" fill="${b.value === null ? MUTED : INK}">${b.text}</text>
</g>`;
  });
  return html`<svg class="chart" role="img" aria-label="${options.title}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${FONT}">
<title>${options.title}</title>
${rows}
</svg>`;
}

/** One point of {@link lineChart}: an x label and a value (`null`: N/A, the line breaks there). */
export interface Point {
  readonly label: string;
  readonly value: number | null;
  readonly text: string;
}

/**
 * A line over labelled points (a trend per month), from 0 to `max` on the y axis with grid lines
 * at quarters; N/A points break the line and are marked "N/A" under the axis.
 * @example
 * ```ts
 * lineChart({ title: 'Xu hướng 2.1', max: 100, unit: '%', points: [{ label: '03/2026', value: 92.5, text: '92,5 %' }] });
 * ```
 */
export function lineChart(options: {
  readonly title: string;
  readonly points: readonly Point[];
  readonly max: number;
  readonly unit: string;
  readonly width?: number;
  readonly height?: number;
}): SafeHtml {
  const width = options.width ?? 720;
  const height = options.height ?? 240;
  const left = 48;
  const right = 24;
  const top = 24;
  const bottom = 44;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = options.max > 0 ? options.max : 1;
  const n = options.points.length;
  const inset = 28; // keeps the first and last marks clear of the axis labels
  const xOf = (i: number) =>
    left + inset + (n <= 1 ? (plotW - 2 * inset) / 2 : ((plotW - 2 * inset) * i) / (n - 1));
  const yOf = (v: number) => top + plotH - (plotH * Math.max(0, Math.min(v, max))) / max;
  const grid = [0, 0.25, 0.5, 0.75, 1].map((q) => {
    const y = fixed(yOf(max * q));
    return html`<line x1="${left}" y1="${y}" x2="${width - right}" y2="${y}" stroke="${TRACK}"/>
<text x="${left - 6}" y="${y}" dy="4" text-anchor="end" font-size="11" fill="${MUTED}">${fixed(max * q)}${options.unit}</text>`;
  });
  // Segments of consecutive known points.
  const segments: string[] = [];
  let current: string[] = [];
  options.points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${fixed(xOf(i))},${fixed(yOf(p.value))}`);
  });
  if (current.length) segments.push(current.join(' '));
  const marks = options.points.map((p, i) => {
    const x = fixed(xOf(i));
    const label = html`<text x="${x}" y="${height - bottom + 18}" text-anchor="middle" font-size="12" fill="${INK}">${p.label}</text>`;
    if (p.value === null)
      return html`${label}<text x="${x}" y="${fixed(top + plotH / 2)}" text-anchor="middle" font-size="11" fill="${MUTED}">${p.text}</text>`;
    const y = yOf(p.value);
    return html`${label}<circle cx="${x}" cy="${fixed(y)}" r="4" fill="${LINE}"/>
<text x="${x}" y="${fixed(y - 9)}" text-anchor="middle" font-size="11" fill="${INK}">${p.text}</text>`;
  });
  return html`<svg class="chart" role="img" aria-label="${options.title}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${FONT}">
<title>${options.title}</title>
${grid}
${segments.map((s) => html`<polyline points="${s}" fill="none" stroke="${LINE}" stroke-width="2.5"/>`)}
${marks}
</svg>`;
}
