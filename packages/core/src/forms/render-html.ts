import { z } from 'zod';
import { parseOrThrow } from '../validation/zod-issues.js';
import { type ApologyForm, ApologyFormSchema } from './apology-form.js';
import { type ControlSlipBlock, type ControlSlipForm, ControlSlipFormSchema } from './control-slip-form.js';
import { APPLICANT_KIND_VI, type FormApplicant, shortDate } from './form-common.js';
import type { FormKind } from './form-numbers.js';
import { escapeHtml } from './html-escape.js';
import {
  blank,
  formNumberLabel,
  htmlDocument,
  letterhead,
  type Paper,
  type RenderOptions,
  signatures,
  title,
  val,
} from './html-page.js';
import { type ReceiptForm, ReceiptFormSchema } from './receipt-form.js';
import { type RefusalForm, RefusalFormSchema } from './refusal-form.js';
import { type StopNoticeForm, StopNoticeFormSchema } from './stop-notice-form.js';
import { type SupplementForm, SupplementFormSchema } from './supplement-form.js';
import { type TrackingBookForm, TrackingBookFormSchema } from './tracking-book.js';

/** Any official form as data, told apart by `kind`. */
export const OfficialFormSchema = z.discriminatedUnion('kind', [
  ReceiptFormSchema,
  SupplementFormSchema,
  RefusalFormSchema,
  ApologyFormSchema,
  StopNoticeFormSchema,
  ControlSlipFormSchema,
  TrackingBookFormSchema,
]);
/** See {@link OfficialFormSchema}. */
export type OfficialForm = z.infer<typeof OfficialFormSchema>;

/**
 * The paper a form is printed on by default. Circular 01/2018 art. 9 puts forms 01–05 on A5 and
 * Form 06 on A4; since 05 is the control slip under that numbering, the slip is A5 too (and the
 * 2025 forms keep the size of their 2018 counterpart, which no source contradicts). The tracking
 * book is A4, laid out landscape for its twelve columns. Override with `options.paper`.
 *
 * @example
 * ```ts
 * import { defaultPaper } from '@motcua/core/forms';
 * defaultPaper('receipt'); // 'A5'
 * defaultPaper('trackingBook'); // 'A4-landscape'
 * ```
 */
export function defaultPaper(kind: FormKind): Paper {
  return kind === 'trackingBook' ? 'A4-landscape' : 'A5';
}

const p = (html: string, cls = '') => `<p${cls ? ` class="${cls}"` : ''}>${html}</p>`;
const docTitle = (form: { number: string; title: string }, code?: string | null) =>
  `Mẫu số ${form.number} – ${form.title}${code ? ` – ${code}` : ''}`;

function contactLines(a: FormApplicant): string {
  return [
    p(`Địa chỉ: ${val(a.address, 40)}`),
    p(`Số điện thoại: ${val(a.phone, 16)}<span class="gap"></span>Email: ${val(a.email, 20)}`),
  ].join('\n');
}

function idLine(a: FormApplicant, regime: string): string {
  if (regime !== '2025') return '';
  const lines = [p(`Số định danh cá nhân: ${val(a.idNumber, 24)}`)];
  if (a.kind !== 'citizen') {
    lines.push(
      p(`Đối tượng: ${val(APPLICANT_KIND_VI[a.kind])}`),
      p(`Mã số doanh nghiệp/mã số thuế: ${val(a.organisationCode, 20)}`),
    );
  }
  return lines.join('\n');
}

function representativeLine(a: FormApplicant): string {
  const r = a.representative;
  if (!r) return '';
  const id = r.idNumber ? `; số định danh cá nhân: ${val(r.idNumber)}` : '';
  const auth = r.authorisation
    ? `; theo ${val(r.authorisation.document)}${r.authorisation.date ? ` ${escapeHtml(r.authorisation.date.text)}` : ''}`
    : '';
  return p(`Người được ủy quyền nộp hồ sơ: ${val(r.fullName)}${id}${auth}`);
}

function applicantName(a: FormApplicant): string {
  return a.organisation ? `${val(a.organisation)} (${escapeHtml(a.fullName)})` : val(a.fullName);
}

/**
 * HTML of Form 01, the receipt and appointment (Giấy tiếp nhận hồ sơ và hẹn trả kết quả).
 * Every value is escaped.
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { receiptForm, renderReceiptHtml } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * const html = renderReceiptHtml(receiptForm(definition, record.context, office, engine.calendar));
 * ```
 */
export function renderReceiptHtml(form: ReceiptForm, options: RenderOptions = {}): string {
  const a = form.applicant;
  const how = form.documents.some((d) => d.satisfiedBy !== null);
  const docs = form.documents
    .map(
      (d) =>
        `<tr><td class="num">${d.no}</td><td>${escapeHtml(d.name)}${d.note ? ` <span class="note">(${escapeHtml(d.note)})</span>` : ''}</td><td class="num">${d.originals || ''}</td><td class="num">${d.copies || ''}</td>${how ? `<td>${escapeHtml(d.satisfiedBy?.text ?? '')}</td>` : ''}</tr>`,
    )
    .join('\n');
  const register = `Vào ${escapeHtml(form.register.book)}, Quyển số: ${val(form.register.volume, 10)}, Số thứ tự: ${val(form.register.entry, 10)}`;
  const body = `${formNumberLabel(form.number)}
${letterhead(form.header)}
${title(form.title)}
<div class="subtitle">Mã hồ sơ: ${escapeHtml(form.code)}</div>
<div class="centre">Mã tra cứu: <b>${escapeHtml(form.lookupSecret)}</b></div>
<div class="body">
${p(`Bộ phận tiếp nhận và trả kết quả: ${val(form.desk)}`)}
${p(`Tiếp nhận hồ sơ của: ${applicantName(a)}`)}
${idLine(a, form.regime)}
${contactLines(a)}
${representativeLine(a)}
${p(`Nội dung yêu cầu giải quyết: ${val(form.request)}`)}
${p('1. Thành phần hồ sơ nộp gồm:')}
<table class="grid docs"><colgroup><col style="width:8%"><col><col style="width:${how ? 12 : 17}%"><col style="width:${how ? 11 : 15}%">${how ? '<col style="width:27%">' : ''}</colgroup>
<tr><th>TT</th><th>Tên giấy tờ</th><th>Bản chính</th><th>Bản sao</th>${how ? '<th>Hình thức</th>' : ''}</tr>
${docs}
</table>
${p(`2. Số lượng hồ sơ: ${val(String(form.sets).padStart(2, '0'))} (bộ)`)}
${p(`3. Thời gian giải quyết hồ sơ theo quy định là: ${val(form.timeLimit.text)}`)}
${p(`4. Thời gian nhận hồ sơ: ${val(form.receivedAt.text)}`)}
${form.supplementedAt ? p(`<span class="note">Hồ sơ bổ sung, hoàn thiện nhận lúc ${escapeHtml(form.supplementedAt.text)}; thời hạn giải quyết tính lại từ thời điểm này.</span>`, 'sub') : ''}
${p(`5. Thời gian trả kết quả giải quyết hồ sơ: ${val(form.dueAt.text)}`)}
${p(`6. Đăng ký nhận kết quả tại: ${val(form.resultPlace)}`)}
${p(register)}
</div>
${signatures(form.signatures.applicant, form.signatures.receiver)}`;
  return htmlDocument(docTitle(form, form.code), options.paper ?? defaultPaper('receipt'), '', body);
}

/**
 * HTML of Form 02, the request to supplement (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ).
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { renderSupplementHtml, supplementForm } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * const html = renderSupplementHtml(supplementForm(definition, record.context, office, engine.calendar));
 * ```
 */
export function renderSupplementHtml(form: SupplementForm, options: RenderOptions = {}): string {
  const a = form.applicant;
  const items = form.items
    .map((i) => p(`${i.no}. ${escapeHtml(i.name)}${i.note ? ` (${escapeHtml(i.note)})` : ''}`, 'item'))
    .join('\n');
  const c = form.contact;
  const who = c.officerName ? `${val(c.officerName)} (${escapeHtml(c.unit)})` : val(c.unit);
  const body = `${formNumberLabel(form.number)}
${letterhead(form.header)}
${title(form.title)}
<div class="body">
${p(`Hồ sơ của: ${applicantName(a)}`)}
${p(`Nội dung yêu cầu giải quyết: ${val(form.request)}`)}
${p(`Mã hồ sơ: ${val(form.code)}`)}
${idLine(a, form.regime)}
${contactLines(a)}
${representativeLine(a)}
${p('Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:')}
${items}
${p(`Lý do: ${val(form.reason)}`)}
${form.respondBy ? p(`Thời hạn bổ sung, hoàn thiện hồ sơ: ${val(form.respondBy.text)}`) : ''}
${p(`Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông (bà) liên hệ với ${who}, số điện thoại ${val(c.phone, 14)} để được hướng dẫn./.`)}
</div>
${signatures(null, form.signature)}`;
  return htmlDocument(docTitle(form, form.code), options.paper ?? defaultPaper('supplement'), '', body);
}

/**
 * HTML of Form 03, the refusal (Phiếu từ chối tiếp nhận giải quyết hồ sơ).
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { refusalForm, renderRefusalHtml } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * const html = renderRefusalHtml(refusalForm(definition, record.context, office, engine.calendar));
 * ```
 */
export function renderRefusalHtml(form: RefusalForm, options: RenderOptions = {}): string {
  const a = form.applicant;
  const reasons = form.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('');
  const body = `${formNumberLabel(form.number)}
${letterhead(form.header)}
${title(form.title)}
<div class="body">
${p(`Bộ phận tiếp nhận và trả kết quả: ${val(form.desk)}`)}
${p(`Tiếp nhận hồ sơ của: ${applicantName(a)}`)}
${idLine(a, form.regime)}
${contactLines(a)}
${representativeLine(a)}
${p(`Mã hồ sơ (nếu có): ${val(form.code)}`)}
${p(`Nội dung yêu cầu giải quyết: ${val(form.request)}`)}
${p(escapeHtml(form.statement))}
<ul class="reasons">${reasons}</ul>
${p('Xin thông báo để ông (bà)/tổ chức được biết và thực hiện./.')}
</div>
${signatures(form.signatures.applicant, form.signatures.receiver)}`;
  return htmlDocument(docTitle(form, form.code), options.paper ?? defaultPaper('refusal'), '', body);
}

/**
 * HTML of Form 04, the apology and new appointment (Phiếu xin lỗi và hẹn lại ngày trả kết quả).
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { apologyForm, renderApologyHtml } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * const html = renderApologyHtml(apologyForm(definition, record.context, office, engine.calendar));
 * ```
 */
export function renderApologyHtml(form: ApologyForm, options: RenderOptions = {}): string {
  const a = form.applicant;
  const body = `${formNumberLabel(form.number)}
${letterhead(form.header)}
${title(form.title)}
<div class="body">
<p class="centre">Kính gửi: ${val(form.addressee)}</p>
${idLine(a, form.regime)}
${p(escapeHtml(form.receiptStatement))}
${p(`Mã hồ sơ: ${val(form.code)}`)}
${p(`Thời gian hẹn trả kết quả giải quyết hồ sơ: ${val(form.previousDue.text)}`)}
${p(escapeHtml(form.lateStatement))}
${p(`Lý do: ${val(form.reason)}`)}
${p(escapeHtml(form.apologyStatement))}
${p(escapeHtml(form.closing))}
</div>
${signatures(null, form.signature)}`;
  return htmlDocument(docTitle(form, form.code), options.paper ?? defaultPaper('apology'), '', body);
}

/**
 * HTML of the 2025 stop notice (Thông báo dừng giải quyết hồ sơ).
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { renderStopNoticeHtml, stopNoticeForm } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * const html = renderStopNoticeHtml(stopNoticeForm(definition, record.context, office, engine.calendar));
 * ```
 */
export function renderStopNoticeHtml(form: StopNoticeForm, options: RenderOptions = {}): string {
  const a = form.applicant;
  const reasons = form.reasons.length > 0 ? p(`Lý do: ${val(form.reasons.join('; '))}`) : '';
  const body = `${formNumberLabel(form.number)}
${letterhead(form.header)}
${title(form.title)}
<div class="body">
<p class="centre">Kính gửi: ${val(form.addressee)}</p>
${idLine(a, form.regime)}
${p(`Địa chỉ: ${val(a.address, 40)}`)}
${representativeLine(a)}
${p(escapeHtml(form.receiptStatement))}
${p(`Mã hồ sơ: ${val(form.code)}`)}
${p(`Nội dung yêu cầu giải quyết: ${val(form.request)}`)}
${p(escapeHtml(form.statement))}
${reasons}
${p(escapeHtml(form.closing))}
</div>
${signatures(null, form.signature)}`;
  return htmlDocument(docTitle(form, form.code), options.paper ?? defaultPaper('stopNotice'), '', body);
}

const SLIP_CSS = `table.slip { font-size: 0.9em; table-layout: fixed; }
table.slip th { font-size: 0.86em; padding: 2pt 1pt; }
table.slip td.unit { white-space: normal; }
table.slip td.result { text-align: center; vertical-align: middle; }
table.slip td.sign-cell { padding: 0; }
table.sign { width: 100%; border-collapse: collapse; }
table.sign td { border: none; width: 50%; text-align: center; padding: 1pt 2pt; vertical-align: top; }
table.sign td + td { border-left: 0.7pt solid #000; }
table.sign .who { font-weight: bold; }
table.sign .space { height: 9mm; }
table.sign .name { font-size: 0.92em; }
`;

function slipBlock(b: ControlSlipBlock): string {
  const sign = `<table class="sign"><tr><td><div class="who">Người giao</div><div class="space"></div><div class="name">${escapeHtml(b.giver.officer ?? '')}</div></td><td><div class="who">Người nhận</div><div class="space"></div><div class="name">${escapeHtml(b.receiver.officer ?? '')}</div></td></tr></table>`;
  const note = [
    b.note ? escapeHtml(b.note) : '',
    b.step ? `<span class="note">(${escapeHtml(b.step)})</span>` : '',
  ]
    .filter(Boolean)
    .join('<br>');
  return `<tr><td class="unit">1. Giao: ${escapeHtml(b.giver.unit)}</td><td class="centre">${escapeHtml(b.at.text)}</td><td class="result" rowspan="2">${escapeHtml(b.resultText ?? '')}</td><td rowspan="2">${note}</td></tr>
<tr><td class="unit">2. Nhận: ${escapeHtml(b.receiver.unit)}</td><td class="sign-cell">${sign}</td></tr>`;
}

/**
 * HTML of the control slip (Phiếu kiểm soát quá trình giải quyết hồ sơ).
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { controlSlipForm, renderControlSlipHtml } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * const html = renderControlSlipHtml(controlSlipForm(definition, record.context, office, engine.calendar));
 * ```
 */
export function renderControlSlipHtml(form: ControlSlipForm, options: RenderOptions = {}): string {
  const others = form.coordinatingAgencies.length > 0 ? val(form.coordinatingAgencies.join('; ')) : blank(30);
  const original = form.originalDueAt
    ? ` <span class="note">(hẹn ban đầu: ${escapeHtml(form.originalDueAt.text)})</span>`
    : '';
  const body = `${formNumberLabel(form.number)}
${letterhead(form.header)}
${title(form.title)}
<div class="subtitle">Mã hồ sơ: ${escapeHtml(form.code)}</div>
<div class="body">
${p(`Kèm theo hồ sơ của: ${val(form.attachedTo)}`)}
${p(`Ngày, giờ nhận hồ sơ: ${val(form.receivedAt.text)}`)}
${p(`Ngày, giờ hẹn trả kết quả: ${val(form.dueAt.text)}${original}`)}
${p(`Cơ quan (bộ phận) giải quyết hồ sơ: ${val(form.leadAgency)}`)}
${p(`Cơ quan phối hợp giải quyết hồ sơ: ${others}`)}
${form.finishedAt ? p(`Ngày, giờ xử lý xong: ${val(form.finishedAt.text)}`) : ''}
${form.results.map((r) => p(`Kết quả giải quyết: ${val(r.text)}`)).join('\n')}
<table class="grid slip"><colgroup><col style="width:26%"><col style="width:37%"><col style="width:16%"><col style="width:21%"></colgroup>
<tr><th>TÊN CƠ QUAN</th><th>THỜI GIAN GIAO, NHẬN HỒ SƠ</th><th>KẾT QUẢ GIẢI QUYẾT HỒ SƠ<br><span style="font-weight:normal">(Trước hạn/ đúng hạn/ quá hạn)</span></th><th>GHI CHÚ</th></tr>
${form.blocks.map(slipBlock).join('\n')}
</table>
</div>`;
  return htmlDocument(
    docTitle(form, form.code),
    options.paper ?? defaultPaper('controlSlip'),
    SLIP_CSS,
    body,
  );
}

const BOOK_CSS = `table.book { font-size: 0.82em; table-layout: fixed; }
table.book td { word-wrap: break-word; overflow-wrap: anywhere; }
.book-name { text-align: center; font-style: italic; }
`;

/** The notes cell of a book row: the note, then processing finished and the result documents. */
function bookNote(r: TrackingBookForm['rows'][number]): string {
  return [
    r.note,
    r.finishedAt ? `Xử lý xong ${r.finishedAt.short}` : '',
    ...r.results.map((d) => `Kết quả số ${d.numberSymbol} ngày ${shortDate(d.issuedOn.date)}`),
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * HTML of the tracking book (Sổ theo dõi hồ sơ), one row per dossier.
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { renderTrackingBookHtml, trackingBookForm } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * const book = trackingBookForm('2025', [{ definition, context: record.context }], office, engine.calendar);
 * const html = renderTrackingBookHtml(book); // A4 landscape
 * ```
 */
export function renderTrackingBookHtml(form: TrackingBookForm, options: RenderOptions = {}): string {
  const rows = form.rows
    .map(
      (r) =>
        `<tr><td class="num">${r.no}</td><td>${escapeHtml(r.code)}</td><td>${escapeHtml(r.procedure)}</td><td>${escapeHtml(r.applicant)}</td><td>${escapeHtml(r.addressPhone)}</td><td>${escapeHtml(r.leadAgency)}</td><td class="num">${escapeHtml(r.receivedAt.short)}</td><td class="num">${escapeHtml(r.dueAt.short)}</td><td class="num">${escapeHtml(r.returnedAt?.short ?? '')}</td><td>${escapeHtml(r.delivery ?? '')}</td><td></td><td>${escapeHtml(bookNote(r))}</td></tr>`,
    )
    .join('\n');
  const cols = [4, 10.5, 10, 9.5, 11, 8, 7, 7, 7, 7, 6, 13];
  const body = `${formNumberLabel(form.number)}
${letterhead(form.header)}
${title(form.title)}
<div class="book-name">${escapeHtml(form.book)}${form.period ? ` – ${escapeHtml(form.period)}` : ''}</div>
<table class="grid book"><colgroup>${cols.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>
<tr><th>STT</th><th>Mã hồ sơ</th><th>Tên thủ tục hành chính</th><th>Tên tổ chức, cá nhân</th><th>Địa chỉ, số điện thoại</th><th>Cơ quan chủ trì giải quyết</th><th>Nhận hồ sơ</th><th>Hẹn trả kết quả</th><th>Trả kết quả</th><th>Phương thức nhận kết quả</th><th>Ký nhận</th><th>Ghi chú</th></tr>
<tr>${cols.map((_, i) => `<td class="num"><i>(${i + 1})</i></td>`).join('')}</tr>
${rows}
</table>`;
  return htmlDocument(docTitle(form), options.paper ?? defaultPaper('trackingBook'), BOOK_CSS, body);
}

/**
 * HTML of any official form (in biểu mẫu): checks the data against {@link OfficialFormSchema} and
 * calls the renderer of its kind. The page is UTF-8, self-contained (no external resources) and
 * sized for printing (see {@link defaultPaper}).
 * @throws `ValidationError` when `form` is not a valid form.
 *
 * @example
 * ```ts
 * import type { Engine } from '@motcua/core';
 * import { controlSlipForm, receiptForm, renderFormHtml } from '@motcua/core/forms';
 * declare const engine: Engine;
 * const office = {
 *   governingBody: 'UBND tỉnh Nghệ An', agencyName: 'UBND xã Hưng Nguyên',
 *   deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', placeName: 'Hưng Nguyên',
 * };
 * const record = await engine.get('000.00.14.H56-260302-0001');
 * const { definition } = engine.procedures.get(record.summary.procedureCode, record.summary.procedureVersion);
 * // any official form, by its `kind`
 * for (const form of [
 *   receiptForm(definition, record.context, office, engine.calendar),
 *   controlSlipForm(definition, record.context, office, engine.calendar),
 * ]) {
 *   const html = renderFormHtml(form, { paper: 'A4' });
 * }
 * ```
 */
export function renderFormHtml(form: OfficialForm, options: RenderOptions = {}): string {
  const f = parseOrThrow(OfficialFormSchema, form, 'form');
  switch (f.kind) {
    case 'receipt':
      return renderReceiptHtml(f, options);
    case 'supplement':
      return renderSupplementHtml(f, options);
    case 'refusal':
      return renderRefusalHtml(f, options);
    case 'apology':
      return renderApologyHtml(f, options);
    case 'stopNotice':
      return renderStopNoticeHtml(f, options);
    case 'controlSlip':
      return renderControlSlipHtml(f, options);
    case 'trackingBook':
      return renderTrackingBookHtml(f, options);
  }
}
