/**
 * The Decision 766 index of the run's month (bảng điểm chỉ số 766): the month that holds the run's
 * first day, cut at the engine clock's now when the month is not over (open dossiers are judged
 * at the period's end, so a later end would judge them in the future). Counted by the store with
 * `engine.nationalIndex`; printed on the console and as a section of the HTML report.
 */
import {
  type Engine,
  type IndicatorFigure,
  type NationalIndexResult,
  type NotApplicable,
  type NotApplicableKind,
  reportPeriodContaining,
} from '@motcua/core';
import { escapeHtml } from '@motcua/core/forms';

/** Numbers as Vietnamese write them: `92,5`, `1.234`. */
const vn = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** The index of the month holding `start` (`YYYY-MM-DD`), to the month's end or now. */
export async function monthlyIndex(engine: Engine, start: string): Promise<NationalIndexResult> {
  const month = reportPeriodContaining('month', 1, start);
  const to = new Date(Math.min(Date.parse(month.to), engine.clock.now().getTime()));
  return engine.nationalIndex({ from: month.from, to, by: 'none' });
}

/** Short Vietnamese words for each N/A kind core gives: a kind missing here does not compile. */
const NA_WORDS: Record<NotApplicableKind, string> = {
  'no-sync-state': 'không có trạng thái đồng bộ trong kho',
  'zero-denominator': 'mẫu số bằng 0',
  'facts-missing': 'có hồ sơ lưu trước khi ghi dữ liệu chỉ số',
  'no-points': 'không tính điểm',
  'weight-unconfirmed': 'chưa xác nhận trọng số',
};
const naWords = (na: NotApplicable | null) => (na ? NA_WORDS[na.kind] : '');

const figureText = (f: IndicatorFigure) =>
  f.value === null
    ? `N/A (${naWords(f.na)})`
    : f.unit === 'days'
      ? `${vn(f.value)} ngày (${f.denominator} hồ sơ)`
      : `${vn(f.value)} % (${vn(f.numerator ?? 0)}/${vn(f.denominator ?? 0)})`;
const pointsOf = (f: IndicatorFigure) =>
  f.points === null
    ? `N/A${f.value === null ? '' : ` (${naWords(f.pointsNa)})`}`
    : `${vn(f.points)}/${vn(f.maxPoints ?? 0)}`;

/** The local day of an instant, `DD/MM/YYYY`. */
function day(engine: Engine, instant: string, endExclusive = false): string {
  const t = new Date(Date.parse(instant) - (endExclusive ? 1 : 0));
  const d = engine.calendar.localDate(t);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** The console lines: the period and version, the points per group, then every indicator. */
export function scorecardLines(index: NationalIndexResult, engine: Engine): string[] {
  const row = index.rows[0];
  const head = `Chỉ số 766        ${day(engine, index.from)} – ${day(engine, index.to, true)}, bộ chỉ số ${index.version.id}, quy tắc ${index.rule === 'national' ? 'Cổng DVCQG' : 'tại thời điểm trả'}`;
  if (!row) return [`${head}: không có hồ sơ`];
  return [
    `${head}: ${row.groups.map((g) => `nhóm ${g.group} ${vn(g.points)}/${vn(g.maxPoints)}${g.complete ? '' : ' (chưa đủ)'}`).join('; ')}`,
    ...row.figures.map((f) => `  ${f.id.padEnd(4)} ${f.name}: ${figureText(f)}; điểm ${pointsOf(f)}`),
  ];
}

/** The HTML report's section: points per group, and every indicator with its value and points. */
export function scorecardSection(index: NationalIndexResult, engine: Engine): string {
  const row = index.rows[0];
  const title = `<h2>Chỉ số 766 (Quyết định 766/QĐ-TTg) – ${escapeHtml(day(engine, index.from))} – ${escapeHtml(day(engine, index.to, true))}</h2>
<p>Bộ chỉ số ${escapeHtml(index.version.id)}, quy tắc tính ${index.rule === 'national' ? 'của Cổng DVCQG' : 'tại thời điểm trả kết quả'}. Điểm nhóm là tổng điểm các chỉ số đã tính được; "chưa đủ" khi có chỉ số chưa có điểm.</p>`;
  if (!row) return `${title}<p>Không có hồ sơ trong kỳ.</p>`;
  const groups = row.groups
    .map(
      (g) =>
        `<tr data-group="${g.group}"><td>${g.group}. ${escapeHtml(g.name)}</td><td class="n">${vn(g.points)} / ${vn(g.maxPoints)}</td><td>${g.complete ? '' : 'chưa đủ'}</td></tr>`,
    )
    .join('');
  const figures = row.figures
    .map(
      (f) =>
        `<tr data-indicator="${escapeHtml(f.id)}"><td>${escapeHtml(f.id)}</td><td>${escapeHtml(f.name)}</td><td class="n">${escapeHtml(figureText(f))}</td><td class="n">${escapeHtml(pointsOf(f))}</td></tr>`,
    )
    .join('');
  return `${title}
<table><tr><th>Nhóm chỉ số</th><th>Điểm</th><th></th></tr>${groups}</table>
<table><tr><th>Chỉ số</th><th>Tên chỉ số</th><th>Giá trị (tử số/mẫu số)</th><th>Điểm</th></tr>${figures}</table>`;
}
