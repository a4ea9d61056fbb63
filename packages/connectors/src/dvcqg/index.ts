/**
 * @packageDocumentation
 * `@motcua/connectors/dvcqg` — the National Public Service Portal (Cổng Dịch vụ công quốc gia):
 * the dossier record and the processing history its dossier sync takes, built from a dossier's
 * facts and checked before sending, with the portal's code tables as dated data; the engine plugin
 * that pushes them through the outbox in each dossier's order ({@link dvcqgSync}) and the LGSP
 * adapter's envelope it speaks ({@link lgspEnvelope}).
 */

export {
  buildDossierRecord,
  DVCQG_DATE_FORMAT,
  type DvcqgAttachment,
  type DvcqgDossierRecord,
  type DvcqgRecordOptions,
} from './dossier-record.js';
export { DVCQG_CODE_TABLES, type DvcqgCodeTables, type ReturnMethod } from './dvcqg-code-tables.js';
export {
  type DvcqgResyncResult,
  type DvcqgSync,
  type DvcqgSyncOptions,
  type DvcqgSyncReport,
  dvcqgSync,
} from './dvcqg-sync.js';
export {
  type DvcqgInbound,
  dvcqgInbound,
  type PortalAnswer,
  type PortalFiling,
  PortalFilingSchema,
  type PortalRequest,
  PortalRequestSchema,
} from './inbound.js';
export { type SplitUrlsOptions, splitUrls } from './split-urls.js';
export { buildStepEntry, type DvcqgStepEntry, DvcqgStepEntrySchema } from './step-entry.js';
export {
  type AnswerClass,
  classifyAnswer,
  type DvcqgAnswer,
  type DvcqgTransport,
  type LgspEnvelopeOptions,
  lgspEnvelope,
} from './transport.js';
