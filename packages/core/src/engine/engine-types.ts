import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Clock } from '../clock/clock.js';
import type { IdempotencyKeyError, LookupLockedError } from '../errors/index.js';
import type { Actor, ActorInput } from '../model/actor.js';
import type { Channel } from '../model/channel.js';
import type { ReceptionInput } from '../model/cross-boundary.js';
import type { DossierContextOf } from '../model/dossier-context.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import type { DossierSummary } from '../model/dossier-summary.js';
import type { LiaisonLinkInput } from '../model/liaison-context.js';
import type { NationalStatus } from '../model/national-status.js';
import type { FilingReference } from '../model/online-intake.js';
import type { Rating, RatingCriteriaSet } from '../model/rating.js';
import type { SlipRow } from '../model/slip-row.js';
import type {
  AnyProcedure,
  ApplicationInputOf,
  ApplicationOf,
  Procedure,
} from '../procedure/define-procedure.js';
import { SYSTEM_ROLE } from '../procedure/lifecycle-rules.js';
import type { ProcedureRegistry } from '../procedure/registry.js';
import type { LateEntryRow } from '../report/late-entries.js';
import type { ReportQuery, ReportRow, UnitReportRow } from '../report/report-types.js';
import type { StatisticsForm } from '../report/statistics-form.js';
import type { StatisticsForm07b } from '../report/statistics-form-07b.js';
import type { MemoryStore } from '../store/memory-store.js';
import type { DossierStore, JournalEntry, ListQuery, OutboxItem, TimerRow } from '../store/store-types.js';
import type { BackoffOptions } from './backoff.js';
import type { IndexFactsBackfillOptions, IndexFactsBackfillResult } from './index-facts-backfill.js';
import type { EngineInspector } from './inspection.js';
import type {
  NationalIndexDossierQuery,
  NationalIndexQuery,
  NationalIndexResult,
} from './national-index-commands.js';
import type { EnginePlugin } from './plugin.js';
import type { PublicDossierView } from './public-lookup.js';
import type { ReceptionOptions } from './resolve-reception.js';
import type { EngineStatisticsFormQuery } from './statistics-form-query.js';

/** The engine's own actor, used for timers. */
export const SYSTEM_ACTOR: Actor = {
  officerId: 'system',
  unitId: 'system',
  name: 'motcua',
  roles: [SYSTEM_ROLE],
};

/** A structured log entry; personal data never appears in one. */
export interface EngineLogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly code?: string | undefined;
  readonly type?: string;
  readonly officerId?: string;
  readonly unitId?: string;
  readonly error?: string;
}

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /** The procedure versions this engine runs. */
  readonly procedures: ProcedureRegistry | readonly Procedure[];
  /** The office's working calendar: every deadline is counted on it. */
  readonly calendar: WorkingCalendar;
  /** Where dossiers live (default: a new {@link MemoryStore}). */
  readonly store?: DossierStore;
  readonly plugins?: readonly EnginePlugin[];
  /** Where the engine reads the time (default: the system clock). */
  readonly clock?: Clock;
  /** The agency code that starts dossier codes (e.g. `'000.00.14.H56'`), unless a receipt names another. */
  readonly agency: string;
  /** This process's id in the store's leases (default: random). */
  readonly workerId?: string;
  /** Warn this many working minutes before a dossier's due time (default one working day). */
  readonly warnBeforeMinutes?: number;
  readonly backoff?: Partial<BackoffOptions>;
  /** Lease of a claimed timer or outbox item (default 60 s): after it, another worker may take it. */
  readonly leaseMs?: number;
  /**
   * Late entry (hồ sơ cập nhật trễ): how long after it happened an event, a receipt or a rating may
   * still be entered. A command whose `at` is more than `maxMs` before the clock's now is refused
   * with a `ValidationError` naming its instant (`at`, `event.at`). No limit by default (no legal
   * figure is known); the engine's own timers are never refused.
   */
  readonly backdating?: { readonly maxMs: number };
  /**
   * Reception regardless of administrative boundary (phi địa giới hành chính): the province's desk
   * topology (centres, commune centres, reception points) and its dated lists of procedures open to
   * it. A receipt then names its centres (`reception` of {@link ReceiveCommand}).
   */
  readonly reception?: ReceptionOptions;
  /** Random numbers in [0, 1) for secrets and jitter (default: crypto); pass a seeded one to replay. */
  readonly random?: () => number;
  /**
   * Characters of a new lookup secret (default 8, from 6 to 32), each one of 32 (5 bits): 8
   * characters are 40 bits. Secrets issued before a change keep their length. See the engine guide
   * for the guess budget.
   */
  readonly secretLength?: number;
  /**
   * The public lookup's failed-guess limit per dossier code, whatever the address: after
   * `maxFailures` wrong secrets (default 10) in a window of `windowMs` (default one hour, from the
   * first failure), the code is locked until the window ends ({@link LookupLockedError}). Counted in
   * the store, so every engine on it shares the count.
   */
  readonly lookupLimit?: { readonly maxFailures?: number; readonly windowMs?: number };
  /**
   * Ratings (`Engine.rate`): the criteria set to rate against (default
   * `DECREE_61_RATING_CRITERIA`) and how long after the first rating it may be amended
   * (default 0: a dossier is rated once).
   */
  readonly ratings?: { readonly criteria?: RatingCriteriaSet; readonly amendWithinMs?: number };
  /** Inspection events of every dossier, shaped as XState's (`EngineInspectionEvent`). */
  readonly inspect?: EngineInspector;
  readonly log?: (entry: EngineLogEntry) => void;
}

/** What {@link Engine.reissueSecret} takes. */
export interface ReissueSecretCommand {
  /** The desk officer (the procedure's one-stop desk unit). */
  readonly actor: ActorInput;
  /** When (default: the clock's now); as in {@link EngineEvent}. */
  readonly at?: Date | string;
  /** Makes a retry safe: the same key returns the first result (the same secret). */
  readonly idempotencyKey?: string;
}

/**
 * What {@link Engine.rate} takes: the scores by criterion id, and either the desk officer who
 * enters them (`actor`) or the dossier's lookup secret (`secret`, the applicant rating publicly).
 */
export interface RateCommand {
  readonly scores: Readonly<Record<string, number>>;
  /** At the desk: the officer entering the applicant's rating. */
  readonly actor?: ActorInput;
  /** Publicly: the lookup secret printed on Form 01 (counted like a lookup). */
  readonly secret?: string;
  readonly at?: Date | string;
  readonly idempotencyKey?: string;
}

/** What {@link Engine.rate} returns: the dossier's version after the rating, and the rating. */
export interface RatingReceipt {
  readonly code: string;
  readonly version: number;
  readonly rating: Rating;
}

/** What {@link Engine.reissueSecret} returns: the new secret, given once, to hand to the applicant. */
export interface ReissuedSecret {
  readonly code: string;
  /** The dossier's version after the reissue (journalled as `LOOKUP:reissue-secret`). */
  readonly version: number;
  readonly secret: string;
}

/** Default failed-guess limit of the public lookup, per dossier code: 10 per hour. */
export const DEFAULT_LOOKUP_LIMIT = { maxFailures: 10, windowMs: 3_600_000 } as const;
/** Default length of a new lookup secret: 8 characters of 32 (40 bits). */
export const DEFAULT_SECRET_LENGTH = 8;

/**
 * What {@link Engine.receive} takes. `AppInput` is the application as the procedure's schema
 * accepts it: `unknown` unless the call names the procedure's type (`engine.receive<typeof p>(…)`).
 */
export interface ReceiveCommand<AppInput = unknown> {
  /** National procedure code; the version in force at receipt is used unless `version` is given. */
  readonly procedure: string;
  readonly version?: string;
  readonly agency?: string;
  readonly channel: Channel;
  /** The desk officer. */
  readonly actor: ActorInput;
  readonly applicant: unknown;
  /** Checked against the procedure's application schema; every bad field is listed. */
  readonly application: AppInput;
  /**
   * When the dossier was received (default: the clock's now): a `Date`, or an ISO 8601 instant with
   * an offset or `Z` (`'2026-03-02T09:30:00+07:00'`). A string without an offset, or one that names
   * no real instant (`'2026-02-30T…'`), is refused with a `ValidationError` naming `at`.
   */
  readonly at?: Date | string;
  /**
   * Makes a retry safe: the same key with the same command returns the first result exactly; the
   * same key with anything else (another applicant, officer, procedure, channel or time) is an
   * {@link IdempotencyKeyError}. Keys are one namespace per store: scope them per caller and
   * operation (e.g. `receive:<client>:<key>`).
   */
  readonly idempotencyKey?: string;
  /** A member agency's dossier of a liaison: its link to the parent dossier (set by the liaison plugin). */
  readonly liaison?: LiaisonLinkInput;
  /**
   * The centres by id in the engine's desk topology (`createEngine({ reception })`): where it was
   * received, whose agency is competent, where the result is returned (default: where received). A
   * receiving centre other than the competent one's is reception regardless of administrative
   * boundary: the procedure must be on a list in force on the receipt date, and the paper original
   * then moves between them (`TRANSFER_ORIGINALS`).
   */
  readonly reception?: ReceptionInput;
}

/**
 * What {@link Engine.submit} takes: an online filing (nộp trực tuyến) as a portal connector or the
 * centre's own online form delivers it. `actor` is the desk's account that records it, `at` when
 * the applicant submitted it, `channel` an online one (`online-full`, `online-partial`).
 */
export interface SubmitCommand<AppInput = unknown>
  extends Omit<ReceiveCommand<AppInput>, 'liaison' | 'reception'> {
  /**
   * The portal's own reference of the filing (`{ system: 'dvcqg', id }`), kept with the dossier.
   * Pass an `idempotencyKey` made of it (`dvcqg:<id>`) so that a filing delivered twice makes one
   * dossier.
   */
  readonly filing?: FilingReference;
}

/**
 * An event sent to a dossier; `at` defaults to the clock's now and is otherwise a `Date` or an ISO
 * 8601 instant with an offset or `Z` (anything else is a `ValidationError` naming `event.at`).
 */
export type EngineEvent = DossierEventInput extends infer E
  ? E extends { at: unknown }
    ? Omit<E, 'at'> & { at?: string | Date }
    : never
  : never;

/** A period of a report: from (included) to (excluded). */
export interface PeriodQuery {
  /**
   * An ISO 8601 instant with an offset or `Z`, a `Date`, or a local date `'YYYY-MM-DD'` meaning
   * the local midnight that starts it in the calendar's time zone.
   */
  readonly from: string | Date;
  /** Like `from`; must be after it. */
  readonly to: string | Date;
}

/** What {@link Engine.lateEntries} takes. */
export interface EngineLateEntryQuery extends PeriodQuery {
  /**
   * An entry is late when entered more than this many milliseconds after it happened: one minute
   * (60,000) to 366 days. No default: no legal figure is known.
   */
  readonly thresholdMs: number;
}

/** What {@link Engine.report} takes. */
export interface EngineReportQuery extends PeriodQuery {
  /** Default `'none'`. */
  readonly groupBy?: ReportQuery['groupBy'];
}

/** Options of {@link Engine.send}. */
export interface SendOptions {
  /**
   * Makes a retry safe: the same key with the same event (type, fields, actor, and `at` when given)
   * on the same dossier returns the first result exactly; anything else under that key is an
   * {@link IdempotencyKeyError}.
   */
  readonly idempotencyKey?: string;
  /** Fail with a conflict unless the dossier is still at this version. */
  readonly expectedVersion?: number;
}

/**
 * A dossier as the officers see it (it holds personal data: do not publish it). `App` is the type
 * of `context.application` (`unknown` unless the call named the procedure's type).
 */
export interface DossierView<App = unknown> {
  readonly code: string;
  readonly version: number;
  readonly state: string;
  readonly status: 'active' | 'done';
  /**
   * The national dossier status of the state (1 Mới đăng ký … 10 Đã trả kết quả), as the
   * procedure maps it; `null` for a state the procedure no longer maps.
   */
  readonly nationalStatus: NationalStatus | null;
  readonly context: DossierContextOf<App>;
  readonly summary: DossierSummary;
}

/** A dossier with its history. */
export interface DossierRecord<App = unknown> extends DossierView<App> {
  readonly journal: readonly JournalEntry[];
  readonly slip: readonly SlipRow[];
  readonly timers: readonly TimerRow[];
  /** What each plugin with an `inspect` knows of the dossier (e.g. its portal sync state), by plugin name. */
  readonly plugins?: Readonly<Record<string, unknown>>;
}

/** The engine embedded in one-stop software. Built by {@link createEngine}. */
export interface Engine {
  readonly calendar: WorkingCalendar;
  readonly store: DossierStore;
  readonly clock: Clock;
  readonly procedures: ProcedureRegistry;
  /**
   * Receives a dossier: validates it, issues its code and secret, computes its due date (Form 01
   * data). Name the procedure's type to type the application and the view (the engine still
   * checks the application against the schema of the version it picks):
   *
   * @example
   * ```ts
   * const view = await engine.receive<typeof residence>({ procedure: residence.code, application: { … }, … });
   * view.context.application; // typed by residence's application schema
   * ```
   */
  receive<P extends AnyProcedure = Procedure>(
    command: ReceiveCommand<ApplicationInputOf<P>>,
  ): Promise<DossierView<ApplicationOf<P>>>;
  /**
   * Records an online filing (nộp trực tuyến): validates it as a receipt, issues its dossier code
   * and secret at once, and keeps it in the `submitted` state (national status 1, Mới đăng ký) with
   * its intake deadline (the procedure's `intake.deadline` for the channel, in working time). It is
   * not received yet: the desk then sends `ACCEPT` (the receipt: the time limit counts from then),
   * `REQUEST_SUPPLEMENT` (complete the filing) or `REFUSE` (not accepted, national status 3).
   * A paper channel is refused with a `ValidationError` naming `channel`.
   *
   * @example
   * ```ts
   * import type { Engine } from '@motcua/core';
   * declare const engine: Engine;
   * declare const applicant: unknown, application: unknown;
   * const filed = await engine.submit({
   *   procedure: '1.004222', channel: 'online-full', applicant, application,
   *   actor: { officerId: 'dvcqg', unitId: 'desk', name: 'Cổng Dịch vụ công quốc gia' },
   *   filing: { system: 'dvcqg', id: 'G22.99-260306-000123' }, idempotencyKey: 'dvcqg:G22.99-260306-000123',
   * });
   * filed.nationalStatus; // { code: 1, name: 'Mới đăng ký' }
   * await engine.send(filed.code, { type: 'ACCEPT', actor: { officerId: 'desk-1', unitId: 'desk' } });
   * ```
   */
  submit<P extends AnyProcedure = Procedure>(
    command: SubmitCommand<ApplicationInputOf<P>>,
  ): Promise<DossierView<ApplicationOf<P>>>;
  /**
   * Applies an event to a dossier in one transaction. Name the procedure's type
   * (`engine.send<typeof residence>(…)`) to type the view's application.
   */
  send<P extends AnyProcedure = Procedure>(
    code: string,
    event: EngineEvent,
    options?: SendOptions,
  ): Promise<DossierView<ApplicationOf<P>>>;
  /**
   * A dossier with its journal, slip and timers. Name the procedure's type
   * (`engine.get<typeof residence>(code)`) to type its application; it is `unknown` otherwise.
   *
   * With `{ history: false }` it is the dossier's view only (context, state, national status,
   * summary: one store read, no journal, slip or timers, and no plugin inspection): what a plugin
   * delivering an effect needs, without unpacking a closed dossier's archived history.
   *
   * @example
   * ```ts
   * const record = await engine.get(code);                    // with journal, slip, timers, plugins
   * const view = await engine.get(code, { history: false });  // the view only, one store read
   * view.nationalStatus?.code;
   * ```
   */
  get<P extends AnyProcedure = Procedure>(
    code: string,
    options: {
      /** `false`: the view only (no journal, slip, timers or plugin inspection). */
      readonly history: false;
    },
  ): Promise<DossierView<ApplicationOf<P>>>;
  get<P extends AnyProcedure = Procedure>(
    code: string,
    options?: {
      /** Ask the plugins' `inspect` (default `true`); a plugin reading the dossier itself passes `false`. */
      readonly plugins?: boolean;
      /** Read the journal, slip and timers (default `true`). */
      readonly history?: true;
    },
  ): Promise<DossierRecord<ApplicationOf<P>>>;
  /**
   * The public progress view, by code and the secret printed on Form 01. A wrong secret and an
   * unknown code fail alike (`LOOKUP_FAILED`, same store calls, same time); after too many failures
   * of one code in a window, every lookup of it fails with {@link LookupLockedError} until the
   * window ends (see {@link EngineOptions.lookupLimit}).
   */
  lookup(code: string, secret: string): Promise<PublicDossierView>;
  /**
   * Issues a new lookup secret for a dossier (the desk, e.g. when the applicant lost Form 01 or the
   * code is locked): journalled as `LOOKUP:reissue-secret` (without the secret), it replaces the
   * old secret and clears the code's failed-guess window. Returns the new secret.
   */
  reissueSecret(code: string, command: ReissueSecretCommand): Promise<ReissuedSecret>;
  /**
   * Records the applicant's rating of a returned dossier (đánh giá mức độ hài lòng) against the
   * engine's criteria set (`ratings.criteria`, default `DECREE_61_RATING_CRITERIA`): entered at
   * the desk by an officer (`actor`), or by the applicant with the code and secret (`secret`,
   * limited like the lookup). One rating per dossier, amendable within `ratings.amendWithinMs` of
   * the first (default 0: not amendable). Journalled as `RATING`; the state does not change.
   *
   * @example
   * ```ts
   * await engine.rate(code, { secret, scores: { '1': 2, '2': 2, '3': 2, '4': 1, '5': 2, '6': 2, '7': 2, '8': 2, '9': 1, convenience: 2, overall: 2 } });
   * ```
   * @throws `TransitionError` when the result is not returned yet, or the dossier is rated
   * and the amendment window has closed; `ValidationError` naming `scores.<id>`.
   */
  rate(code: string, command: RateCommand): Promise<RatingReceipt>;
  /** Summaries in due order; instants in the query as in {@link EngineEvent}. */
  list(query?: ListQuery): Promise<DossierSummary[]>;
  /** Report figures for a period (see {@link aggregateReport} for the counting rules). */
  report(query: EngineReportQuery): Promise<ReportRow[]>;
  /** Steps closed per unit in a period, early / on time / late. */
  unitReport(query: PeriodQuery): Promise<UnitReportRow[]>;
  /**
   * Late entries per unit (hồ sơ cập nhật trễ hạn): of the journal entries **entered** in the
   * period (receipts, events, reissued secrets, ratings; timers are entered as they fire and are
   * never late), per unit of the acting officer, how many there were, how many were entered more
   * than `thresholdMs` after they happened, the longest and mean delay, and the codes of the
   * dossiers with a late entry. The period's bounds are whole hours (a local date is its local
   * midnight); the store answers it set-based, closed dossiers included. Entries written before
   * the store kept their entry instant are not counted.
   *
   * @example
   * ```ts
   * import type { Engine } from '@motcua/core';
   * declare const engine: Engine;
   * // March 2026, an entry late when entered more than 4 hours after it happened.
   * const rows = await engine.lateEntries({ from: '2026-03-01', to: '2026-04-01', thresholdMs: 4 * 3_600_000 });
   * for (const r of rows) console.log(r.unit, `${r.late}/${r.entries}`, r.maxDelayMs, r.lateCodes);
   * ```
   * @throws `ValidationError` naming `query.from`, `query.to` (not on a whole hour, or not after
   * `from`) or `query.thresholdMs`.
   */
  lateEntries(query: EngineLateEntryQuery): Promise<LateEntryRow[]>;
  /**
   * The Decision 766/QĐ-TTg index (chỉ số đánh giá chất lượng phục vụ người dân, doanh nghiệp) for
   * a period: every indicator motcua has data for (1.4 from the portal acknowledgements the portal
   * connector records, N/A in a store with none; 2.1, 2.2, 3.3, 3.6, 4.1–4.5, 5.4), with points, per agency, unit, procedure, field
   * or month, under the national counting rule (default) or motcua's "at return" rule, by an index
   * version (default the one in force on the period's first day). The store counts set-based; a
   * zero denominator, data the store lacks and weights not confirmed are N/A with the reason.
   *
   * @example
   * ```ts
   * import type { Engine } from '@motcua/core';
   * declare const engine: Engine;
   * const index = await engine.nationalIndex({ from: '2026-01-01', to: '2027-01-01', by: 'agency' });
   * for (const row of index.rows) {
   *   const timely = row.figures.find((f) => f.id === '2.1');
   *   console.log(row.group, timely?.value ?? timely?.na?.kind); // e.g. 'zero-denominator'
   * }
   * ```
   * @throws `ValidationError` naming `query.to` (not after `from`), `query.rule`, `query.by`;
   * `IndexQueryError` naming `version` (unknown) or `fields` (`by: 'field'` without them).
   */
  nationalIndex(query: NationalIndexQuery): Promise<NationalIndexResult>;
  /**
   * The dossier codes behind an index figure (the drill-down), in code order, one page.
   *
   * @example
   * ```ts
   * import type { Engine } from '@motcua/core';
   * declare const engine: Engine;
   * // The dossiers 2.1 counts as late or on time at agency H56 in March 2026: its denominator.
   * const page = await engine.nationalIndexDossiers({
   *   from: '2026-03-01', to: '2026-04-01', indicator: '2.1', part: 'denominator', agency: 'H56', limit: 50,
   * });
   * const next = await engine.nationalIndexDossiers({
   *   from: '2026-03-01', to: '2026-04-01', indicator: '2.1', part: 'denominator', agency: 'H56', limit: 50,
   *   after: page.at(-1),
   * });
   * ```
   * @throws `IndexQueryError` naming `indicator` (not in the version), `part` (no set), `version`.
   */
  nationalIndexDossiers(query: NationalIndexDossierQuery): Promise<string[]>;
  /**
   * Records that the national portal (Cổng DVCQG) first acknowledged dossier `code` at `at` (default
   * now): the fact Decision 766 indicator 1.4 counts in `nationalIndex` (synced among the dossiers
   * received in the period; drill-down `indicator: '1.4'`). The portal connector calls it at each
   * dossier's first acknowledgement; nothing else needs to. Kept once, beside the dossier: no
   * transition, no version, journal or outbox entry, and plugins see nothing. `true` when recorded
   * now; `false` when recorded before, when no dossier has that code, or when the store keeps no
   * sync state (`DossierStore.recordPortalSync` absent; the index then shows 1.4 as N/A).
   *
   * @example
   * ```ts
   * import type { Engine } from '@motcua/core';
   * declare const engine: Engine;
   * await engine.recordPortalSync('000.00.14.H56-260302-0001', new Date()); // true the first time
   * ```
   * @throws `ValidationError` naming `code` or `at`.
   */
  recordPortalSync(code: string, at?: string | Date): Promise<boolean>;
  /**
   * Fills in the index facts (dữ liệu chỉ số 766) of the dossiers stored before the store kept them
   * (SQLite migration 007, PostgreSQL 006), which the index otherwise reports as N/A: each one's
   * facts are derived from its stored snapshot by `indexFactsOf`, the function every commit uses,
   * and written `batch` dossiers per transaction, only while the dossier is at the version read.
   * Idempotent and resumable: run it again after a stop, or in slices with `max`, while the
   * engine serves; it changes no version, journal or snapshot.
   *
   * @example
   * ```ts
   * import type { Engine } from '@motcua/core';
   * declare const engine: Engine;
   * let run = await engine.backfillIndexFacts({ batch: 500, max: 10_000 });
   * while (!run.done) run = await engine.backfillIndexFacts({ batch: 500, max: 10_000 });
   * ```
   * @throws `ValidationError` naming `options.batch` (1–1000) or `options.max` (≥ 1).
   */
  backfillIndexFacts(options?: IndexFactsBackfillOptions): Promise<IndexFactsBackfillResult>;
  /**
   * The figures of an official statistics form (Circular 01/2020/TT-VPCP): Biểu 06/VPCP/KSTT
   * (`form: '06'`: received — carried over, online, in person and by post; resolved — early, on
   * time, late; in progress — within time, overdue) or II.07a (`'07a'`: also returned and waiting
   * for supplementation), for a report period (kỳ báo cáo: a month, quarter, half-year or year
   * with its start day — 15 for the 15th → 14th convention — or custom days), broken down by
   * agency × field × procedure (the default; any subset in any order) with the total row. The
   * store counts it set-based; names and fields come from the procedure registry. A period not
   * over yet is counted to the engine clock's now (`asOf`): open dossiers are judged at it. Print it with
   * `renderStatisticsFormHtml` from `@motcua/core/forms`.
   *
   * @example
   * ```ts
   * import type { Engine } from '@motcua/core';
   * declare const engine: Engine;
   * const form = await engine.statisticsForm({
   *   form: '06',
   *   period: { kind: 'month', year: 2026, month: 3, startDay: 15 }, // 15/02/2026 – 14/03/2026
   *   by: ['field', 'procedure'],
   * });
   * console.log(form.total.receivedTotal, form.total.carriedOver, form.total.resolvedEarly);
   * ```
   * @throws `ValidationError` naming the field: `query.form`, `query.period.startDay` (a bad
   * cut-off day), `query.period.to` (a custom period ending before it starts), `query.by`, …
   */
  statisticsForm(query: Exclude<EngineStatisticsFormQuery, { form: '07b' }>): Promise<StatisticsForm>;
  /**
   * Biểu II.07b (Circular 01/2020/TT-VPCP, tổng hợp số lượng thủ tục hành chính): a count over the
   * registered procedure versions in force on the period's last day (today for a period not over),
   * not over dossiers: procedures by level of local government, those under the one-stop or
   * inter-agency one-stop mechanism by level of desk, and approved internal processes by level,
   * from each version's `implementation` facts; undeclared facts are listed in `notDeclared`,
   * never guessed. Broken down by agency (default) and/or field. Print it with
   * `renderStatisticsForm07bHtml` from `@motcua/core/forms`.
   *
   * @example
   * ```ts
   * import type { Engine } from '@motcua/core';
   * declare const engine: Engine;
   * const form = await engine.statisticsForm({ form: '07b', period: { kind: 'year', year: 2026, startDay: 15 } });
   * console.log(form.total.procedures.total, form.total.oneStop.byLevel.commune, form.notDeclared.levels);
   * ```
   * @throws `ValidationError` naming the field: `query.form`, `query.period.to`, `query.by`, …
   */
  statisticsForm(query: Extract<EngineStatisticsFormQuery, { form: '07b' }>): Promise<StatisticsForm07b>;
  /** Either form, for a query whose `form` is not known statically. */
  statisticsForm(query: EngineStatisticsFormQuery): Promise<StatisticsForm | StatisticsForm07b>;
  /**
   * Fires every timer due at `now` (default: the clock): those whose instant is before `now`, each
   * once (see the engine guide for what "due" means at the boundary instant).
   */
  runDueTimers(now?: Date): Promise<{ fired: number; skipped: number }>;
  /**
   * Delivers due outbox items (at least once; retries with backoff; dead letters). `failed` counts
   * items not delivered this time that will be tried again, including deferrals by the plugin.
   */
  deliverOutbox(now?: Date): Promise<{ delivered: number; failed: number; dead: number }>;
  deadLetters(): Promise<OutboxItem[]>;
  retryDeadLetter(id: string): Promise<void>;
  /** Runs a plugin command, `'<plugin>.<command>'`. */
  command(name: string, args?: unknown): Promise<unknown>;
  /** Polls timers and the outbox every `intervalMs` (default 1000) until {@link Engine.stop}. */
  start(options?: { intervalMs?: number }): void;
  stop(): Promise<void>;
}
