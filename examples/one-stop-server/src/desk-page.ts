import type { WorkingCalendar } from '@motcua/core';
import { formatShortDateTime } from '@motcua/core/forms';
import type { DeskRow, DeskView } from './desk.js';
import { html, type SafeHtml } from './html.js';
import { workingDurationLabel } from './labels.js';
import { page } from './layout.js';

function rows(list: readonly DeskRow[], kind: 'overdue' | 'soon', calendar: WorkingCalendar): SafeHtml {
  return html`${list.map(
    (r, i) => html`<tr>
<td class="num">${i + 1}</td>
<td class="code">${r.code}</td>
<td>${r.procedure}</td>
<td>${r.unit}</td>
<td>${formatShortDateTime(r.dueAt, calendar)}${r.rescheduled ? html`<br><span class="badge info">Đã hẹn lại</span>` : ''}</td>
<td>${r.status}</td>
<td>${
      kind === 'overdue'
        ? html`<span class="badge overdue">Quá hạn${r.workingMinutes > 0 ? ` ${workingDurationLabel(r.workingMinutes)}` : ''}</span>`
        : html`<span class="badge soon">Còn ${workingDurationLabel(r.workingMinutes)}</span>`
    }</td>
</tr>`,
  )}`;
}

function table(
  list: readonly DeskRow[],
  kind: 'overdue' | 'soon',
  calendar: WorkingCalendar,
  empty: string,
): SafeHtml {
  if (list.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<table data-list="${kind}">
<thead><tr><th>STT</th><th>Mã hồ sơ</th><th>Thủ tục</th><th>Đơn vị đang giải quyết</th><th>Hạn trả kết quả</th><th>Trạng thái</th><th>Thời gian</th></tr></thead>
<tbody>${rows(list, kind, calendar)}</tbody>
</table>`;
}

/**
 * The desk page (danh sách hồ sơ đến hạn và quá hạn): overdue dossiers first, then those due
 * within the horizon, with a filter by unit and horizon. Every value is escaped.
 */
export function renderDeskPage(view: DeskView, calendar: WorkingCalendar): string {
  const unitOptions = [...view.units].map(
    ([id, name]) =>
      html`<option value="${id}"${view.unit === id ? html` selected` : ''}>${name} (${id})</option>`,
  );
  const body = html`<h1>Hồ sơ đến hạn và quá hạn</h1>
<p class="lead">Hồ sơ đang giải quyết đã quá hạn trả kết quả, hoặc đến hạn trong ${view.horizonDays} ngày làm việc tới (trước ${formatShortDateTime(view.horizon, calendar)}).</p>
<form class="inline" method="get" action="/desk">
<div><label for="unit">Đơn vị</label><select id="unit" name="unit"><option value="">Tất cả đơn vị</option>${unitOptions}</select></div>
<div><label for="days">Trong số ngày làm việc</label><input id="days" name="days" type="number" min="1" max="20" value="${view.horizonDays}"></div>
<div><button type="submit">Lọc</button></div>
</form>
<h2>Quá hạn <span class="count" data-count="overdue">${view.overdue.length}</span></h2>
${table(view.overdue, 'overdue', calendar, 'Không có hồ sơ quá hạn.')}
<h2>Sắp đến hạn <span class="count" data-count="soon">${view.dueSoon.length}</span></h2>
${table(view.dueSoon, 'soon', calendar, 'Không có hồ sơ đến hạn trong khoảng này.')}
${view.truncated ? html`<p class="alert error">Còn nhiều hồ sơ khác chưa hiển thị: hãy lọc theo đơn vị.</p>` : ''}
<p class="meta">Cập nhật lúc ${formatShortDateTime(view.now, calendar)}. Hồ sơ đang chờ bổ sung (tạm dừng tính thời gian) không có trong danh sách này. Thời gian tính theo giờ làm việc, 8 giờ một ngày.</p>`;
  return page({ title: 'Hồ sơ đến hạn', body, audience: 'staff', path: '/desk' });
}
