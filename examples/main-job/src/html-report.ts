import type { ReportRow } from '@motcua/core';
import { escapeHtml } from '@motcua/core/forms';
import type { LiaisonMemberTally, SimulationDay } from '@motcua/core/simulation';
import type { NationalFacts, Showcase } from './national-facts.js';
import type { OnlineAndBoundary } from './online-and-boundary.js';
import type { PortalSyncFigures } from './portal-sync.js';
import type { ProvinceProcess } from './province-process.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** An inline SVG line chart of the daily on-time rate (early or on time / resolved). */
function dailyRateChart(days: readonly SimulationDay[]): string {
  const points = days.filter((d) => d.resolved > 0);
  const width = 760;
  const height = 240;
  const pad = 40;
  if (points.length === 0) return '<p>No dossier was resolved in the period.</p>';
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, points.length - 1);
  const y = (rate: number) => height - pad - rate * (height - 2 * pad);
  const path = points
    .map((d, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(d.timely / d.resolved).toFixed(1)}`)
    .join(' ');
  const dots = points
    .map(
      (d, i) =>
        `<circle cx="${x(i).toFixed(1)}" cy="${y(d.timely / d.resolved).toFixed(1)}" r="3"><title>${escapeHtml(d.date)}: ${pct(d.timely / d.resolved)} of ${d.resolved}</title></circle>`,
    )
    .join('');
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (r) =>
        `<line x1="${pad}" x2="${width - pad}" y1="${y(r)}" y2="${y(r)}" class="grid"/><text x="4" y="${y(r) + 4}">${r * 100}%</text>`,
    )
    .join('');
  const labels = points
    .filter((_, i) => i % Math.ceil(points.length / 8) === 0)
    .map(
      (d) =>
        `<text x="${x(points.indexOf(d))}" y="${height - 10}" text-anchor="middle">${escapeHtml(d.date.slice(5))}</text>`,
    )
    .join('');
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Daily on-time rate">${grid}<path d="${path}" class="line"/>${dots}${labels}</svg>`;
}

/** The liaisons of a run: parents at the centre's desk, their parts at the member agencies. */
export interface LiaisonSection {
  readonly parents: number;
  readonly handoffs: number;
  readonly outcomes: { readonly complete: number; readonly partial: number; readonly refused: number };
  readonly byLiaison: readonly { name: string; row: ReportRow | undefined }[];
  readonly members: readonly (LiaisonMemberTally & { liaisonName: string; agencyName: string })[];
}

function liaisonHtml(l: LiaisonSection): string {
  const liaisons = l.byLiaison
    .map(
      ({ name, row }) =>
        `<tr><td>${escapeHtml(name)}</td><td class="n">${row?.received ?? 0}</td><td class="n">${row?.resolved ?? 0}</td><td class="n">${pct(row?.earlyRate ?? 0)}</td><td class="n">${pct(row?.onTimeRate ?? 0)}</td><td class="n">${pct(row?.lateRate ?? 0)}</td></tr>`,
    )
    .join('');
  const members = l.members
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.liaisonName)}: ${escapeHtml(m.member)}</td><td>${escapeHtml(m.agencyName)}</td><td class="n">${m.handedOff}</td><td class="n">${m.early}</td><td class="n">${m.onTime}</td><td class="n">${m.late}</td><td class="n">${m.refused}</td><td class="n">${m.supplemented}</td><td class="n">${m.apologized}</td></tr>`,
    )
    .join('');
  return `<h2>Liên thông (liaisons)</h2>
<p>${l.parents} parent dossiers received at the desk, ${l.handoffs} parts handed off to the member agencies;
closed: ${l.outcomes.complete} complete, ${l.outcomes.partial} partial, ${l.outcomes.refused} refused.</p>
<table><tr><th>liaison</th><th>received</th><th>resolved</th><th>early</th><th>on time</th><th>late</th></tr>${liaisons}</table>
<h3>Parts by member agency (against each part's own due time)</h3>
<table><tr><th>part</th><th>agency</th><th>handed off</th><th>early</th><th>on time</th><th>late</th><th>refused</th><th>supplemented</th><th>apologised</th></tr>${members}</table>`;
}

/** The national facts: dossiers by the portal's status, and the applicants' ratings at return. */
function nationalHtml(n: NationalFacts): string {
  const statuses = n.statuses
    .map(
      (st) =>
        `<tr><td class="n">${st.code}</td><td>${escapeHtml(st.name)}</td><td class="n">${st.dossiers}</td></tr>`,
    )
    .join('');
  const scores = n.meanScores
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.id)}</td><td>${escapeHtml(c.name)}</td><td class="n">${c.mean.toFixed(2)}</td></tr>`,
    )
    .join('');
  return `<h2>Trạng thái hồ sơ trên Cổng DVCQG (national status)</h2>
<table><tr><th>code</th><th>status</th><th>dossiers</th></tr>${statuses}</table>
<h2>Đánh giá mức độ hài lòng (ratings at return)</h2>
<p>${n.rated} of ${n.returned} returned dossiers rated by the applicant with the code and secret;
${pct(n.satisfiedShare)} satisfied or very satisfied overall.</p>
<table><tr><th>criterion</th><th></th><th>mean score (0–2)</th></tr>${scores}</table>`;
}

/** The dossier taken through every national fact. */
function showcaseHtml(s: Showcase): string {
  return `<h2>Một hồ sơ qua mọi dữ liệu quốc gia (one dossier through every national fact)</h2>
<p>${escapeHtml(s.code)}: ${s.statuses.map(escapeHtml).join(' → ')}; ${s.components} components recorded
(digitised papers, a population-database lookup that found nothing, then the paper); ${s.results} result
document with its electronic copy; returned ${escapeHtml(s.handover)}; ${s.rated ? 'rated by the applicant' : 'not rated'}.</p>`;
}

/** The online filings and the cross-boundary dossier. */
function onlineHtml(o: OnlineAndBoundary): string {
  const rows = o.filings
    .map(
      (f) =>
        `<tr><td>${escapeHtml(f.code)}</td><td>${f.statuses.map(escapeHtml).join(' → ')}</td><td>${escapeHtml(f.paid ?? '')}</td></tr>`,
    )
    .join('');
  const c = o.crossBoundary;
  return `<h2>Hồ sơ trực tuyến (online filings)</h2>
<p>Filed on the national portal: each gets its code at submission (1 Mới đăng ký) and is received when the desk accepts it.</p>
<table><tr><th>code</th><th>national statuses</th><th>payment</th></tr>${rows}</table>
<h2>Tiếp nhận không phụ thuộc địa giới hành chính (cross-boundary reception)</h2>
<p>${escapeHtml(c.code)}: received at ${escapeHtml(c.receiving)} for ${escapeHtml(c.competent)}; the paper original
${c.moves.map(escapeHtml).join(', ')} (arrival ${escapeHtml(c.arrival)}), each a handover on the control slip.</p>`;
}

/** The procedure imported from a province's process table, and its dossier. */
function provinceHtml(p: ProvinceProcess): string {
  return `<h2>Quy trình nội bộ của tỉnh (a procedure imported from a province's table)</h2>
<p>${escapeHtml(p.source)}.</p>
<ol>${p.steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>
<p>${escapeHtml(p.code)}: the hand-over into phase 2 was refused until the charge was paid (${escapeHtml(p.waited)}); returned ${escapeHtml(p.result)}.</p>`;
}

/** The sync with the national portal (simulated, through faults). */
function portalHtml(p: PortalSyncFigures): string {
  const r = p.report;
  return `<h2>Đồng bộ lên Cổng Dịch vụ công quốc gia (portal sync, simulated)</h2>
<table>
<tr><th>Received dossiers on the portal (indicator 1.4)</th><td class="n">${r.synced} / ${r.received} (${r.ratio === null ? 'N/A' : pct(r.ratio)})</td></tr>
<tr><th>Lag from commit to acknowledgement, p50 / p99 (simulated time)</th><td class="n">${Math.round((r.lagMs?.p50 ?? 0) / 60_000)} / ${Math.round((r.lagMs?.p99 ?? 0) / 60_000)} min</td></tr>
<tr><th>Records on the portal; duplicates</th><td class="n">${p.records}; ${p.duplicates}</td></tr>
<tr><th>Dead letters; unsynced</th><td class="n">${p.deadLetters}; ${r.unsynced.length}</td></tr>
</table>`;
}

/** Entries recorded over an hour after they happened, per unit. */
function lateHtml(
  rows: readonly { unit: string; entries: number; late: number; maxDelayMs: number }[],
): string {
  const body = rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.unit)}</td><td class="n">${r.entries}</td><td class="n">${r.late}</td><td class="n">${(r.maxDelayMs / 3_600_000).toFixed(1)} h</td></tr>`,
    )
    .join('');
  return `<h2>Hồ sơ cập nhật trễ (late entries, over one hour)</h2>
<table><tr><th>unit</th><th>entries</th><th>late</th><th>longest delay</th></tr>${body}</table>`;
}

/** The HTML report of a run: the figures, the daily chart and links to the documents. */
export function htmlReport(input: {
  title: string;
  period: string;
  report: ReportRow;
  byProcedure: readonly { name: string; row: ReportRow }[];
  days: readonly SimulationDay[];
  documents: readonly { href: string; label: string }[];
  liaison?: LiaisonSection;
  national?: NationalFacts;
  showcase?: Showcase;
  online?: OnlineAndBoundary;
  province?: ProvinceProcess;
  portalSync?: PortalSyncFigures;
  lateEntries?: readonly { unit: string; entries: number; late: number; maxDelayMs: number }[];
  /** The section of the official statistics form (Biểu 06) of the run's month, as HTML. */
  statisticsForm?: string;
}): string {
  const r = input.report;
  const channels = Object.entries(r.receivedByChannel)
    .map(([c, n]) => `<tr><td>${escapeHtml(c)}</td><td class="n">${n}</td></tr>`)
    .join('');
  const procedures = input.byProcedure
    .map(
      ({ name, row }) =>
        `<tr><td>${escapeHtml(name)}</td><td class="n">${row.received}</td><td class="n">${row.resolved}</td><td class="n">${pct(row.earlyRate)}</td><td class="n">${pct(row.onTimeRate)}</td><td class="n">${pct(row.lateRate)}</td><td class="n">${row.inProgressWithinTime + row.inProgressOverdue}</td></tr>`,
    )
    .join('');
  const docs = input.documents
    .map((d) => `<li><a href="${escapeHtml(d.href)}">${escapeHtml(d.label)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(input.title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#1a1a1a}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #bbb;padding:.3rem .6rem}th{background:#f3f3f3}
.n{text-align:right;font-variant-numeric:tabular-nums}
svg text{font-size:11px;fill:#555}.grid{stroke:#ddd}.line{fill:none;stroke:#0b6e4f;stroke-width:2}circle{fill:#0b6e4f}
</style></head><body>
<h1>${escapeHtml(input.title)}</h1>
<p>${escapeHtml(input.period)}</p>
<h2>Tình hình giải quyết hồ sơ (report)</h2>
<table>
<tr><th>Kỳ trước chuyển qua (carried over)</th><td class="n">${r.carriedOver}</td></tr>
<tr><th>Mới tiếp nhận (received)</th><td class="n">${r.received}</td></tr>
<tr><th>Đã giải quyết (resolved)</th><td class="n">${r.resolved}</td></tr>
<tr><th>— trước hạn (early)</th><td class="n">${r.early} (${pct(r.earlyRate)})</td></tr>
<tr><th>— đúng hạn (on time)</th><td class="n">${r.onTime} (${pct(r.onTimeRate)})</td></tr>
<tr><th>— quá hạn (late)</th><td class="n">${r.late} (${pct(r.lateRate)})</td></tr>
<tr><th>Từ chối (refused)</th><td class="n">${r.refused}</td></tr>
<tr><th>Rút hồ sơ (withdrawn)</th><td class="n">${r.withdrawn}</td></tr>
<tr><th>Đang giải quyết trong hạn (in progress, within time)</th><td class="n">${r.inProgressWithinTime}</td></tr>
<tr><th>Đang giải quyết quá hạn (in progress, overdue)</th><td class="n">${r.inProgressOverdue}</td></tr>
</table>
${input.statisticsForm ?? ''}
<h3>Received by channel</h3><table><tr><th>channel</th><th>dossiers</th></tr>${channels}</table>
<h3>By procedure</h3><table><tr><th>procedure</th><th>received</th><th>resolved</th><th>early</th><th>on time</th><th>late</th><th>open</th></tr>${procedures}</table>
${input.liaison ? liaisonHtml(input.liaison) : ''}
${input.national ? nationalHtml(input.national) : ''}
${input.showcase ? showcaseHtml(input.showcase) : ''}
${input.online ? onlineHtml(input.online) : ''}
${input.province ? provinceHtml(input.province) : ''}
${input.lateEntries ? lateHtml(input.lateEntries) : ''}
${input.portalSync ? portalHtml(input.portalSync) : ''}
<h2>Daily on-time rate (tỷ lệ đúng hạn theo ngày)</h2>
${dailyRateChart(input.days)}
<h2>Documents</h2><ul>${docs}</ul>
</body></html>
`;
}
