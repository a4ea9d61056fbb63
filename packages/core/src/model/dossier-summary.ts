import type { Channel } from './channel.js';
import type { Outcome } from './dossier-context.js';
import type { DossierIndexFacts } from './index-facts.js';
import type { Timeliness } from './timeliness.js';

/**
 * The indexed facts of a dossier, kept beside its snapshot for queries, timers and reports.
 * Holds no personal data: SQL stores index these columns only.
 */
export interface DossierSummary {
  readonly code: string;
  readonly agency: string;
  readonly procedureCode: string;
  readonly procedureVersion: string;
  readonly channel: Channel;
  /** Dotted state value, e.g. `processing.appraise`. */
  readonly state: string;
  readonly status: 'active' | 'done';
  /** Unit holding the dossier. */
  readonly holder: string;
  readonly receivedAt: string;
  /** Legal due time (statistics classify against it). */
  readonly legalDueAt: string;
  /** Due time in force (after an apology). */
  readonly currentDueAt: string;
  readonly closedAt: string | null;
  readonly outcome: Outcome['kind'] | null;
  readonly result: Timeliness | null;
  readonly lateUnit: string | null;
  /** The clock is stopped (waiting for a supplementation). */
  readonly paused: boolean;
  /**
   * The national dossier status code (1 Mới đăng ký … 10 Đã trả kết quả, see
   * `PORTAL_DOSSIER_STATUSES`) of the state, by the procedure's mapping, so that stores can count
   * dossiers by it; `null` when the summary was made without the procedure's definition, or
   * stored before the stores kept it (SQLite migration 006, PostgreSQL 005) and not written since.
   */
  readonly nationalStatus: number | null;
  /**
   * The facts the Decision 766 index counts (see `DossierIndexFactsSchema`), derived by the engine
   * at every commit. Absent on summaries stored before the stores kept them (SQLite migration 007,
   * PostgreSQL 006) and not written since: the index reports what needs them as N/A, and the next
   * commit of the dossier writes them.
   */
  readonly indexFacts?: DossierIndexFacts;
}
