import { z } from 'zod';
import { SmsError } from '../errors.js';
import { NoticeKindSchema } from '../templates/notice-kinds.js';

/**
 * Where a notice is:
 * - `queued` — recorded, not yet accepted by the gateway (waiting, being sent, or to be retried);
 * - `sent` — accepted by the gateway (it returned a message id);
 * - `delivered` — the handset received it (delivery receipt);
 * - `failed` — refused by the gateway, or undeliverable / rejected by the network;
 * - `expired` — the network gave up before the handset could take it.
 */
export const NoticeStatusSchema = z.enum(['queued', 'sent', 'delivered', 'failed', 'expired']);
/** See {@link NoticeStatusSchema}. */
export type NoticeStatus = z.infer<typeof NoticeStatusSchema>;

const Instant = z.iso.datetime({ offset: true });

/** One part of a sent message: the id its gateway gave it and its receipt, when one came. */
export const NoticePartSchema = z
  .object({
    messageId: z.string().min(1).nullable(),
    receipt: z.enum(['delivered', 'failed', 'expired']).nullable(),
  })
  .strict();
/** See {@link NoticePartSchema}. */
export type NoticePart = z.infer<typeof NoticePartSchema>;

/**
 * A row of the notice log: what the audit of one SMS notice needs, and nothing more. The number
 * is kept masked (`09******78`) for people, and as `numberRef`, a keyed hash (HMAC-SHA-256) for
 * counting the daily cap without storing the number; the text and the ID number are not kept.
 */
export const NoticeRecordSchema = z
  .object({
    /** The engine outbox item id (`<code>:<version>:sms.notice:<kind>`): the idempotency key. */
    id: z.string().min(1),
    /** Dossier code. */
    code: z.string().min(1),
    notice: NoticeKindSchema,
    /** The number, masked. */
    to: z.string(),
    /** Keyed hash of the E.164 number (see `numberKey`), for the per-number daily cap. */
    numberRef: z.string().min(1),
    provider: z.string().min(1),
    /** The gateway's id of the message (of its first part), once accepted. */
    providerMessageId: z.string().min(1).nullable(),
    /** One entry per SMS part. */
    parts: z.array(NoticePartSchema),
    status: NoticeStatusSchema,
    /** When the row was first written (the first delivery attempt, or the first hold). */
    createdAt: Instant,
    /** Last attempt to hand it to the gateway. */
    attemptedAt: Instant.nullable(),
    /** When the gateway accepted it; this counts against the daily cap of that local day. */
    sentAt: Instant.nullable(),
    /** When a final receipt came (delivered / failed / expired). */
    doneAt: Instant.nullable(),
    /** Attempts to hand it to the gateway (not counting waits for quiet hours or the cap). */
    attempts: z.number().int().min(0),
    /**
     * While a worker hands the notice to the gateway: when its claim runs out. No other worker
     * sends the notice before then; a worker that died mid-send leaves it set, and the notice may
     * be tried again once it has passed. `null` when no attempt is under way.
     */
    claimedUntil: Instant.nullable(),
    /** The last error or reason for waiting, never with a number unmasked. */
    error: z.string().nullable(),
  })
  .strict();
/** See {@link NoticeRecordSchema}. */
export type NoticeRecord = z.infer<typeof NoticeRecordSchema>;

/**
 * A notice log row checked against {@link NoticeRecordSchema}, for the logs' `put`.
 * @throws {@link SmsError} `INVALID_OPTION` naming the first bad field.
 */
export function checkedNoticeRecord(record: NoticeRecord): NoticeRecord {
  const parsed = NoticeRecordSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = (issue?.path ?? []).map(String).join('.') || 'record';
    throw new SmsError('INVALID_OPTION', `notice log row: ${field}: ${issue?.message ?? 'invalid'}`, {
      field,
    });
  }
  return parsed.data;
}

/** Filters of {@link NoticeLog.list}. */
export interface NoticeLogQuery {
  readonly code?: string;
  readonly status?: NoticeStatus;
}

/** The per-number daily cap a {@link NoticeLog.claim} checks, in the same atomic step. */
export interface DailyCapCheck {
  /** Most notices to the number in `[from, to)` (its local day). */
  readonly limit: number;
  readonly from: Date;
  readonly to: Date;
}

/** Options of {@link NoticeLog.claim}. */
export interface ClaimOptions {
  /** The attempts the caller read on the row (0 when there was none): a row that moved on since loses. */
  readonly previousAttempts: number;
  /** The caller's time: a claim whose `claimedUntil` is after it is still held by its worker. */
  readonly now: Date;
  /**
   * Refuse (`'daily-cap'`) when the number already has `limit` notices accepted by a gateway in
   * `[from, to)`, counting the other notices to it that workers are sending now.
   */
  readonly dailyCap?: DailyCapCheck;
}

/**
 * What {@link NoticeLog.claim} did:
 * - `claimed` — the row was written: the caller may send (when it set `claimedUntil`);
 * - `sent` — a gateway already accepted this notice: never send it again;
 * - `in-flight` — another worker's claim is still running (`claimedUntil` after `now`);
 * - `changed` — the row moved on since the caller read it (another attempt was recorded): read again;
 * - `daily-cap` — the number reached its daily cap; nothing was written.
 */
export type ClaimOutcome = 'claimed' | 'sent' | 'in-flight' | 'changed' | 'daily-cap';

/** The state of a row that decides a claim (see {@link claimVerdict}). */
export interface ClaimState {
  readonly attempts: number;
  readonly sentAt: string | null;
  readonly claimedUntil: string | null;
}

/**
 * The rule every {@link NoticeLog} applies to a claim, before the daily cap: `undefined` when the
 * row of `current` (absent: `undefined`) may be claimed by a caller that read `previousAttempts`
 * attempts, at `now`; otherwise why not.
 *
 * @example
 * ```ts
 * import { claimVerdict } from '@motcua/notify-sms';
 * // In a NoticeLog's claim, inside its transaction, on the row as stored now:
 * const now = new Date('2026-03-02T09:00:00+07:00');
 * claimVerdict({ attempts: 1, sentAt: null, claimedUntil: '2026-03-02T02:05:00.000Z' }, 1, now); // 'in-flight'
 * claimVerdict({ attempts: 1, sentAt: null, claimedUntil: null }, 1, now); // undefined: claim it
 * ```
 */
export function claimVerdict(
  current: ClaimState | undefined,
  previousAttempts: number,
  now: Date,
): Exclude<ClaimOutcome, 'claimed' | 'daily-cap'> | undefined {
  if (!current) return previousAttempts === 0 ? undefined : 'changed';
  if (current.sentAt !== null) return 'sent';
  if (current.claimedUntil !== null && Date.parse(current.claimedUntil) > now.getTime()) return 'in-flight';
  if (current.attempts !== previousAttempts) return 'changed';
  return undefined;
}

/**
 * What a conditional {@link NoticeLog.update} compares: the state of a row as the writer read or
 * claimed it. Two rows are in the same state when they have the same attempts, acceptance time
 * (the same instant, whatever its offset), status, and parts with the same message ids and
 * receipts. The claim deadline, the error and the times of an attempt are not part of it.
 */
export type NoticeRowState = Pick<NoticeRecord, 'attempts' | 'sentAt' | 'status' | 'parts'>;

/** What {@link NoticeLog.update} did: `updated`, or `changed` (the row is not in the expected state, or absent): nothing written. */
export type UpdateOutcome = 'updated' | 'changed';

/**
 * The rule every {@link NoticeLog.update} applies: whether the stored row `current` (absent:
 * `undefined`) is still in the state `expected` (see {@link NoticeRowState}).
 *
 * @example
 * ```ts
 * import { sameRowState } from '@motcua/notify-sms';
 * const read = { attempts: 1, sentAt: '2026-03-02T09:00:00+07:00', status: 'sent' as const, parts: [] };
 * sameRowState({ ...read, sentAt: '2026-03-02T02:00:00.000Z' }, read); // true: the same instant
 * sameRowState({ ...read, attempts: 2 }, read); // false: another writer moved it
 * ```
 */
export function sameRowState(current: NoticeRowState | undefined, expected: NoticeRowState): boolean {
  if (!current) return false;
  const instant = (value: string | null) => (value === null ? null : Date.parse(value));
  return (
    current.attempts === expected.attempts &&
    instant(current.sentAt) === instant(expected.sentAt) &&
    current.status === expected.status &&
    current.parts.length === expected.parts.length &&
    current.parts.every(
      (part, i) =>
        part.messageId === expected.parts[i]!.messageId && part.receipt === expected.parts[i]!.receipt,
    )
  );
}

/**
 * Where the `sms` plugin records every notice it hands to a gateway. It is what makes delivery
 * at most once towards the citizen: before sending, a worker {@link NoticeLog.claim | claims} the
 * notice's row (keyed by the outbox id) until a deadline, atomically, so no other worker or
 * process sends it meanwhile; once the gateway accepted it (`sentAt`), it is never claimed again,
 * also after a restart when the log is durable. The outcome of an attempt and every receipt are
 * written with {@link NoticeLog.update}, conditionally on the row being as the writer last saw it.
 * It is also what the per-number daily cap counts and what delivery receipts update.
 *
 * Implementations: {@link MemoryNoticeLog} (one process), `SqliteNoticeLog`
 * (`@motcua/notify-sms/sqlite`) and `PostgresNoticeLog` (`@motcua/notify-sms/postgres`); every one
 * passes `noticeLogConformanceSuite` (`@motcua/notify-sms/testing`).
 */
export interface NoticeLog {
  get(id: string): Promise<NoticeRecord | undefined>;
  /**
   * Inserts or replaces the row of `record.id`, unconditionally (imports, tests, repairs). The
   * plugin itself writes only through {@link NoticeLog.claim} and {@link NoticeLog.update}.
   */
  put(record: NoticeRecord): Promise<void>;
  /**
   * Replaces the row of `record.id` with `record` only if, atomically, the stored row is still in
   * the state `expected` ({@link sameRowState}: the row as the caller read or claimed it);
   * otherwise writes nothing and returns `'changed'`, also when there is no row. The plugin
   * records an attempt's outcome and a receipt this way, so a worker whose claim was taken over,
   * or that read the row before another write, never overwrites the newer row: a late failure
   * cannot reset an accepted notice, and two receipts of one notice cannot lose each other.
   */
  update(record: NoticeRecord, expected: NoticeRowState): Promise<UpdateOutcome>;
  /**
   * Writes `record` only if, atomically, {@link claimVerdict} allows it (the row is absent, or not
   * accepted by a gateway, not claimed by a live worker, and still at `previousAttempts`
   * attempts) and, with `dailyCap`, the number is under its cap. With `record.claimedUntil` set
   * it is the claim of an attempt: the caller sends only on `'claimed'`. With `claimedUntil: null`
   * it is a conditional note (a notice held for quiet hours) that never overwrites a live claim or
   * an accepted notice.
   */
  claim(record: NoticeRecord, options: ClaimOptions): Promise<ClaimOutcome>;
  /** The row holding this gateway message id (of any part), optionally of one provider. */
  findByProviderMessageId(messageId: string, provider?: string): Promise<NoticeRecord | undefined>;
  /** Rows of this number accepted by a gateway in `[from, to)`. */
  countSent(numberRef: string, from: Date, to: Date): Promise<number>;
  /** Rows in the order they were first written (`createdAt`, then id). */
  list(query?: NoticeLogQuery): Promise<NoticeRecord[]>;
}
