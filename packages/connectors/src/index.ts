/**
 * @packageDocumentation
 * `@motcua/connectors` — sync with the National Public Service Portal (Cổng Dịch vụ công quốc
 * gia) and sector systems, so that no officer enters a dossier twice.
 *
 * - `@motcua/connectors`: what every target shares: versioned code tables ({@link tableOn}),
 *   dates in a target's format ({@link portalDate}), payload problems, and the sync log that
 *   keeps what a target acknowledged ({@link SyncLog}, {@link MemorySyncLog}).
 * - `@motcua/connectors/dvcqg`: the national portal's dossier record and step history, built from a
 *   dossier's facts and checked before sending (`buildDossierRecord`, `buildStepEntry`), with the
 *   portal's code tables (`DVCQG_CODE_TABLES`); the engine plugin that syncs them through the
 *   outbox (`dvcqgSync`) and the LGSP adapter's envelope (`lgspEnvelope`, `classifyAnswer`).
 * - `@motcua/connectors/sqlite`, `@motcua/connectors/postgres`: the durable sync logs
 *   (`SqliteSyncLog`, `PostgresSyncLog`) with their migrations (tables `dvcqg_sync_*` by default);
 *   they need the optional peers `better-sqlite3` or `pg`.
 * - `@motcua/connectors/testing`: `syncLogConformanceSuite`, the rules every sync log keeps (ESM
 *   only, needs vitest).
 */
export { type CodeTable, type Confidence, tableOn } from './code-tables/code-table.js';
export { IGATE_MOHA_APPLICANT_KINDS, OPENCPS_APPLICANT_KINDS } from './code-tables/other-targets.js';
export { ConnectorError, type ConnectorErrorCode } from './shared/connector-error.js';
export { MemorySyncLog } from './shared/memory-sync-log.js';
export { portalDate } from './shared/portal-date.js';
export type { PayloadProblem } from './shared/problems.js';
export type {
  StepRow,
  StepStatus,
  SyncAck,
  SyncFailure,
  SyncLog,
  SyncRow,
} from './shared/sync-log.js';
export {
  DEFAULT_SYNC_TABLE_PREFIX,
  type SyncLogMigration,
  type SyncLogMigrationResult,
  type SyncLogTables,
} from './shared/sync-log-migration.js';
