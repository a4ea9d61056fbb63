import { escapeHtml } from '../forms/html-escape.js';
import { WHAT_IF_FIGURES, type WhatIfFigure } from './what-if.js';
import type { VariantResult } from './what-if-runner.js';

/** Language of a what-if report's labels (Vietnamese by default). */
export type WhatIfLanguage = 'vi' | 'en';

const TEXT = {
  vi: {
    title: 'Phân tích nhân sự và hàng đợi (giả lập)',
    officers: 'Tổng số cán bộ',
    percent: 'Tỷ lệ (%)',
    within: (m: number) => `Khách chờ ≤ ${m} phút (%)`,
    onTime: 'Hồ sơ đúng hạn (%)',
    variant: 'Phương án',
    meets: 'Đạt mục tiêu',
    yes: 'đạt',
    no: 'chưa đạt',
    ci: 'Trung bình [khoảng tin cậy 95 %]',
    seeds: (n: number) => `${n} lần chạy (seed) mỗi phương án`,
    staff: 'Cán bộ',
  },
  en: {
    title: 'Staffing and queues what-if (simulated)',
    officers: 'Officers in all',
    percent: 'Share (%)',
    within: (m: number) => `Visitors waiting ≤ ${m} min (%)`,
    onTime: 'Dossiers on time (%)',
    variant: 'Variant',
    meets: 'Meets the targets',
    yes: 'yes',
    no: 'no',
    ci: 'Mean [95 % confidence interval]',
    seeds: (n: number) => `${n} runs (seeds) per variant`,
    staff: 'Officers',
  },
} as const;

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1);
}

/**
 * The trade-off chart of variants as SVG: officers in all (x) against the share of visitors
 * waiting within the target and the share of dossiers on time (y, %), each point with its 95 %
 * confidence interval, and the targets as dashed lines.
 *
 * @example
 * ```ts
 * import { type VariantResult, whatIfChart } from '@motcua/core/simulation';
 * declare const variants: VariantResult[];
 * const svg = whatIfChart(variants); // Vietnamese labels; whatIfChart(variants, { language: 'en' })
 * ```
 */
export function whatIfChart(
  variants: readonly VariantResult[],
  options: { readonly language?: WhatIfLanguage } = {},
): string {
  const t = TEXT[options.language ?? 'vi'];
  const W = 640;
  const H = 360;
  const left = 56;
  const right = 16;
  const top = 16;
  const bottom = 64;
  const xs = variants.map((v) => v.officers.total);
  const xMin = Math.min(...xs, Number.POSITIVE_INFINITY) - 1;
  const xMax = Math.max(...xs, Number.NEGATIVE_INFINITY) + 1;
  const x = (v: number) => left + ((v - xMin) / Math.max(1, xMax - xMin)) * (W - left - right);
  const y = (p: number) => top + (1 - Math.max(0, Math.min(100, p)) / 100) * (H - top - bottom);
  const targets = variants[0]?.scenario.targets;
  const waitMinutes = targets?.waitMinutes ?? 15;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="11" role="img">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
  ];
  for (let p = 0; p <= 100; p += 20) {
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(p)}" y2="${y(p)}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 6}" y="${y(p) + 4}" text-anchor="end">${p}</text>`);
  }
  const step = Math.max(1, Math.ceil((xMax - xMin) / 12));
  for (let v = Math.ceil(xMin); v <= xMax; v += step)
    parts.push(`<text x="${x(v)}" y="${H - bottom + 16}" text-anchor="middle">${v}</text>`);
  parts.push(
    `<text x="${(left + W - right) / 2}" y="${H - bottom + 32}" text-anchor="middle">${escapeHtml(t.officers)}</text>`,
  );
  parts.push(
    `<text transform="translate(14 ${(top + H - bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(t.percent)}</text>`,
  );
  const series: { key: WhatIfFigure; colour: string; label: string; target: number | undefined }[] = [
    {
      key: 'withinPercent',
      colour: '#1f77b4',
      label: t.within(waitMinutes),
      target: targets?.visitorsWithinPercent,
    },
    { key: 'onTimePercent', colour: '#d62728', label: t.onTime, target: targets?.onTimePercent },
  ];
  series.forEach((s, i) => {
    if (s.target !== undefined)
      parts.push(
        `<line x1="${left}" x2="${W - right}" y1="${y(s.target)}" y2="${y(s.target)}" stroke="${s.colour}" stroke-dasharray="4 3"/>`,
      );
    for (const v of variants) {
      const e = v.figures[s.key];
      const cx = x(v.officers.total) + (i === 0 ? -3 : 3);
      parts.push(`<line x1="${cx}" x2="${cx}" y1="${y(e.low)}" y2="${y(e.high)}" stroke="${s.colour}"/>`);
      parts.push(
        `<circle cx="${cx}" cy="${y(e.mean)}" r="3.5" fill="${s.colour}"><title>${escapeHtml(v.variant.name)}: ${fmt(e.mean)} [${fmt(e.low)}–${fmt(e.high)}]</title></circle>`,
      );
    }
    const ly = H - 14;
    const lx = left + i * 260;
    parts.push(`<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="${s.colour}"/>`);
    parts.push(`<text x="${lx + 14}" y="${ly}">${escapeHtml(s.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/**
 * An HTML page comparing variants side by side — each figure's mean with its 95 % confidence
 * interval, the officers of each desk field and unit, whether the targets are met — with the
 * trade-off chart ({@link whatIfChart}). Labels in Vietnamese by default.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { type VariantResult, whatIfHtml } from '@motcua/core/simulation';
 * declare const variants: VariantResult[];
 * writeFileSync('what-if.html', whatIfHtml(variants, { title: 'Trung tâm PVHCC — phương án nhân sự' }));
 * ```
 */
export function whatIfHtml(
  variants: readonly VariantResult[],
  options: { readonly title?: string; readonly language?: WhatIfLanguage } = {},
): string {
  const language = options.language ?? 'vi';
  const t = TEXT[language];
  const title = options.title ?? t.title;
  const head = variants.map((v) => `<th>${escapeHtml(v.variant.name)}</th>`).join('');
  const row = (label: string, cells: string[]) =>
    `<tr><th scope="row">${escapeHtml(label)}</th>${cells.join('')}</tr>`;
  const rows: string[] = [];
  const first = variants[0];
  if (first) {
    for (const name of Object.keys(first.scenario.desk.fields))
      rows.push(
        row(
          `${t.staff}: ${name}`,
          variants.map((v) => `<td>${v.scenario.desk.fields[name]?.officers ?? 0}</td>`),
        ),
      );
    for (const id of Object.keys(first.scenario.capacity?.units ?? {}))
      rows.push(
        row(
          `${t.staff}: ${id}`,
          variants.map((v) => `<td>${v.scenario.capacity?.units[id]?.officers ?? 0}</td>`),
        ),
      );
  }
  for (const key of Object.keys(WHAT_IF_FIGURES) as WhatIfFigure[]) {
    const label = WHAT_IF_FIGURES[key][language];
    rows.push(
      row(
        label,
        variants.map((v) => {
          const e = v.figures[key];
          return `<td>${fmt(e.mean)} <small>[${fmt(e.low)}–${fmt(e.high)}]</small></td>`;
        }),
      ),
    );
  }
  rows.push(
    row(
      t.meets,
      variants.map((v) => `<td>${v.meetsTargets ? t.yes : t.no}</td>`),
    ),
  );
  const n = first?.figures.waitMean.n ?? 0;
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th[scope=row]{text-align:left}small{color:#666}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t.ci)}; ${escapeHtml(t.seeds(n))}.</p>
<table><thead><tr><th>${escapeHtml(t.variant)}</th>${head}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<figure>${whatIfChart(variants, { language })}</figure>
</body></html>
`;
}
