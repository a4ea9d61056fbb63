// The official one-stop forms (biểu mẫu) as typed data built from a dossier, and their printable
// Vietnamese HTML. Forms are keyed by (regime, number): see FORM_NUMBERS.
export { type ApologyForm, type ApologyFormOptions, ApologyFormSchema, apologyForm } from './apology-form.js';
export {
  type ControlSlipBlock,
  ControlSlipBlockSchema,
  type ControlSlipForm,
  ControlSlipFormSchema,
  ControlSlipPartySchema,
  controlSlipForm,
} from './control-slip-form.js';
export {
  type FormApplicant,
  FormApplicantSchema,
  type FormComponent,
  FormComponentSchema,
  type FormDate,
  FormDateSchema,
  type FormDateTime,
  FormDateTimeSchema,
  type FormHeader,
  FormHeaderSchema,
  type FormOptions,
  type FormResultDocument,
  FormResultDocumentSchema,
  type FormSignature,
  FormSignatureSchema,
} from './form-common.js';
export {
  FORM_NUMBERS,
  type FormKind,
  FormKindSchema,
  formKindOf,
  formNumber,
  formTitle,
} from './form-numbers.js';
export { escapeHtml } from './html-escape.js';
export { type Paper, PaperSchema, type RenderOptions } from './html-page.js';
export { type OfficeInfo, type OfficeInfoInput, OfficeInfoSchema } from './office-info.js';
export {
  ReceiptDocumentSchema,
  type ReceiptForm,
  type ReceiptFormOptions,
  ReceiptFormSchema,
  receiptForm,
} from './receipt-form.js';
export { type RefusalForm, RefusalFormSchema, refusalForm } from './refusal-form.js';
export {
  defaultPaper,
  type OfficialForm,
  OfficialFormSchema,
  renderApologyHtml,
  renderControlSlipHtml,
  renderFormHtml,
  renderReceiptHtml,
  renderRefusalHtml,
  renderStopNoticeHtml,
  renderSupplementHtml,
  renderTrackingBookHtml,
} from './render-html.js';
export {
  renderStatisticsForm07bHtml,
  type StatisticsForm07bRenderOptions,
} from './statistics-form-07b-html.js';
export { renderStatisticsFormHtml, type StatisticsFormRenderOptions } from './statistics-form-html.js';
export {
  type StopNoticeForm,
  type StopNoticeFormOptions,
  StopNoticeFormSchema,
  stopNoticeForm,
} from './stop-notice-form.js';
export {
  type SupplementForm,
  type SupplementFormOptions,
  SupplementFormSchema,
  supplementForm,
} from './supplement-form.js';
export {
  type TrackingBookEntry,
  type TrackingBookForm,
  TrackingBookFormSchema,
  type TrackingBookOptions,
  type TrackingBookRow,
  type TrackingBookRowOptions,
  TrackingBookRowSchema,
  trackingBookForm,
  trackingBookRow,
} from './tracking-book.js';
export {
  describeTimeLimit,
  formatCount,
  formatPlaceDate,
  formatShortDateTime,
  formatVietnameseDate,
  formatVietnameseDateTime,
} from './vietnamese-date.js';
