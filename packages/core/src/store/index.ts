export { MemoryStore } from './memory-store.js';
export {
  checkClaimRequest,
  checkCommitRequest,
  checkOutboxQuery,
  checkSettlement,
  checkStoreInstant,
  checkStoreInteger,
  checkStoreListQuery,
  checkStoreLocalDate,
  checkStorePeriod,
  checkStoreReportQuery,
  checkStoreText,
} from './store-input.js';
export {
  type ClaimedTimer,
  type ClaimRequest,
  type CommitRequest,
  type DossierStore,
  type JournalEntry,
  type ListQuery,
  type OutboxEffect,
  type OutboxItem,
  type OutboxSettlement,
  StoreConflictError,
  type StoredDossier,
  type TimerRow,
} from './store-types.js';
