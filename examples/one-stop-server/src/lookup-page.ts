import type { PublicDossierView, WorkingCalendar } from '@motcua/core';
import { formatShortDateTime } from '@motcua/core/forms';
import { html, type SafeHtml } from './html.js';
import { TIMELINESS_LABELS } from './labels.js';
import { page } from './layout.js';

/** What the lookup page shows: the form (with the code typed, never the secret), a result or an error. */
export interface LookupPageState {
  readonly code?: string;
  readonly result?: PublicDossierView;
  readonly error?: string;
}

function timelinessBadge(view: PublicDossierView): SafeHtml {
  if (!view.timeliness) return html``;
  const tone = view.timeliness === 'OVERDUE' || view.timeliness === 'LATE' ? 'overdue' : 'ok';
  return html`<span class="badge ${tone}">${TIMELINESS_LABELS[view.timeliness]}</span>`;
}

function result(view: PublicDossierView, calendar: WorkingCalendar): SafeHtml {
  const liaison = view.liaison
    ? html`<h2>Các phần việc liên thông</h2>
<table><thead><tr><th>Phần việc</th><th>Cơ quan giải quyết</th><th>Trạng thái</th><th>Hạn</th></tr></thead><tbody>
${view.liaison.members.map(
  (m) =>
    html`<tr><td>${m.name}</td><td>${m.agency}</td><td>${m.status}${m.reasons.length ? html`<br><span class="hint">Lý do: ${m.reasons.join('; ')}</span>` : ''}</td><td>${m.dueAt ? formatShortDateTime(m.dueAt, calendar) : '—'}</td></tr>`,
)}
</tbody></table>`
    : '';
  return html`<section id="ket-qua" aria-live="polite">
<h2>Kết quả tra cứu</h2>
<dl class="result">
<dt>Mã hồ sơ</dt><dd class="code" data-field="code">${view.code}</dd>
<dt>Thủ tục hành chính</dt><dd data-field="procedure">${view.procedure.name}</dd>
<dt>Trạng thái</dt><dd data-field="status"><strong>${view.status}</strong></dd>
<dt>Đơn vị đang giải quyết</dt><dd data-field="unit">${view.currentUnit}</dd>
<dt>Ngày tiếp nhận</dt><dd data-field="received">${formatShortDateTime(view.receivedAt, calendar)}</dd>
<dt>Hạn trả kết quả</dt><dd data-field="due">${formatShortDateTime(view.dueAt, calendar)}${view.apologized ? html` <span class="badge info">Đã xin lỗi và hẹn lại</span>` : ''}</dd>
<dt>Tình trạng thời hạn</dt><dd data-field="timeliness">${timelinessBadge(view)}</dd>
${view.closedAt ? html`<dt>Ngày hoàn thành</dt><dd data-field="closed">${formatShortDateTime(view.closedAt, calendar)}</dd>` : ''}
</dl>
${liaison}
</section>`;
}

/**
 * The public lookup page (tra cứu hồ sơ): a form for the dossier code and the secret printed on the
 * receipt (Form 01), then the dossier's progress with no personal data. The secret is posted, never
 * put in the address, and never written back into the page.
 */
export function renderLookupPage(state: LookupPageState, calendar: WorkingCalendar): string {
  const body = html`<div class="lookup">
<h1>Tra cứu hồ sơ</h1>
<p class="lead">Nhập mã hồ sơ và mã tra cứu in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả để xem tiến độ giải quyết.</p>
<form class="card" method="post" action="/lookup" autocomplete="off">
<div class="fields">
<div><label for="code">Mã hồ sơ</label><input id="code" name="code" required maxlength="80" value="${state.code ?? ''}" placeholder="000.00.14.H56-260302-0001" spellcheck="false"></div>
<div><label for="secret">Mã tra cứu</label><input id="secret" name="secret" required maxlength="32" type="password" spellcheck="false"><div class="hint">In trên Giấy tiếp nhận, không phân biệt chữ hoa, chữ thường.</div></div>
</div>
<button type="submit">Tra cứu</button>
</form>
${state.error ? html`<div class="alert error" role="alert">${state.error}</div>` : ''}
${state.result ? result(state.result, calendar) : ''}
</div>`;
  return page({ title: 'Tra cứu hồ sơ', body, audience: 'public', path: '/lookup' });
}
