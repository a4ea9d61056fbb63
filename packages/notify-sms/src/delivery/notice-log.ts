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
    /** When the row was first written (the first delivery attempt). */
    createdAt: Instant,
    /** Last attempt to hand it to the gateway. */
    attemptedAt: Instant.nullable(),
    /** When the gateway accepted it; this counts against the daily cap of that local day. */
    sentAt: Instant.nullable(),
    /** When a final receipt came (delivered / failed / expired). */
    doneAt: Instant.nullable(),
    /** Attempts to hand it to the gateway (not counting waits for quiet hours or the cap). */
    attempts: z.number().int().min(0),
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

/**
 * Where the `sms` plugin records every notice it hands to a gateway. It is what makes delivery
 * at most once towards the citizen (a row is written before sending, and a notice whose row
 * shows the gateway accepted it is not sent again), what the daily cap counts, and what delivery
 * receipts update. A deployment backs it with its database; {@link MemoryNoticeLog} is the
 * in-memory one.
 */
export interface NoticeLog {
  get(id: string): Promise<NoticeRecord | undefined>;
  /** Inserts or replaces the row of `record.id`. */
  put(record: NoticeRecord): Promise<void>;
  /**
   * Records an attempt to hand a notice to the gateway, atomically: writes `record` only if the
   * row of `record.id` is absent (and `previousAttempts` is 0) or still shows `previousAttempts`
   * attempts and no acceptance by a gateway. `false` means another worker got there first (it is
   * sending, or sent): the caller must not send. This is what keeps two engine processes from
   * both sending one notice when an outbox lease runs out mid-send.
   */
  claimAttempt(record: NoticeRecord, previousAttempts: number): Promise<boolean>;
  /** The row holding this gateway message id (of any part), optionally of one provider. */
  findByProviderMessageId(messageId: string, provider?: string): Promise<NoticeRecord | undefined>;
  /** Rows of this number accepted by a gateway in `[from, to)`. */
  countSent(numberRef: string, from: Date, to: Date): Promise<number>;
  /** Rows in the order they were first written (`createdAt`, then id). */
  list(query?: NoticeLogQuery): Promise<NoticeRecord[]>;
}

/**
 * The in-memory {@link NoticeLog}: rows are checked against {@link NoticeRecordSchema} on
 * `put`, indexed by part message id and by number. For tests, demos and single-process use.
 */
export class MemoryNoticeLog implements NoticeLog {
  private readonly rows = new Map<string, NoticeRecord>();
  private readonly byMessageId = new Map<string, string>();
  private readonly byBareMessageId = new Map<string, string>();
  private readonly byNumber = new Map<string, Set<string>>();

  async get(id: string): Promise<NoticeRecord | undefined> {
    return this.rows.get(id);
  }

  async claimAttempt(record: NoticeRecord, previousAttempts: number): Promise<boolean> {
    const row = checkedNoticeRecord(record);
    const current = this.rows.get(row.id);
    const free = current
      ? current.attempts === previousAttempts && current.sentAt === null
      : previousAttempts === 0;
    if (!free) return false;
    await this.put(row);
    return true;
  }

  async put(record: NoticeRecord): Promise<void> {
    const row = checkedNoticeRecord(record);
    this.rows.set(row.id, row);
    for (const part of row.parts) {
      if (!part.messageId) continue;
      this.byMessageId.set(`${row.provider}\u0000${part.messageId}`, row.id);
      this.byBareMessageId.set(part.messageId, row.id);
    }
    let ids = this.byNumber.get(row.numberRef);
    if (!ids) {
      ids = new Set();
      this.byNumber.set(row.numberRef, ids);
    }
    ids.add(row.id);
  }

  async findByProviderMessageId(messageId: string, provider?: string): Promise<NoticeRecord | undefined> {
    if (provider !== undefined) {
      const id = this.byMessageId.get(`${provider}\u0000${messageId}`);
      return id === undefined ? undefined : this.rows.get(id);
    }
    const id = this.byBareMessageId.get(messageId);
    return id === undefined ? undefined : this.rows.get(id);
  }

  async countSent(numberRef: string, from: Date, to: Date): Promise<number> {
    let n = 0;
    for (const id of this.byNumber.get(numberRef) ?? []) {
      const sentAt = this.rows.get(id)?.sentAt;
      if (!sentAt) continue;
      const t = Date.parse(sentAt);
      if (t >= from.getTime() && t < to.getTime()) n++;
    }
    return n;
  }

  async list(query: NoticeLogQuery = {}): Promise<NoticeRecord[]> {
    return [...this.rows.values()]
      .filter((r) => (!query.code || r.code === query.code) && (!query.status || r.status === query.status))
      .sort(
        (a, b) =>
          Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
  }
}
