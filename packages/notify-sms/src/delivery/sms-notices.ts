import { createHmac, randomBytes } from 'node:crypto';
import {
  classifyTimeliness,
  type DeliveryContext,
  type EffectRequest,
  type EnginePlugin,
  type OutboxItem,
  PermanentDeliveryError,
  type TransitionInfo,
} from '@motcua/core';
import { z } from 'zod';
import { NoticeLogError, SmsError } from '../errors.js';
import { maskPhone } from '../phone/mask-phone.js';
import { normalizePhone } from '../phone/normalize-phone.js';
import {
  type DeliveryReceipt,
  type ReceiptStatus,
  ReceiptStatusSchema,
  receiptStatusOf,
  redactNumbers,
  type SendResult,
  type SmsProvider,
  SmsProviderError,
} from '../providers/provider.js';
import { type NoticeKind, NoticeKindSchema } from '../templates/notice-kinds.js';
import { createSmsTemplates, type SmsTemplates } from '../templates/sms-templates.js';
import type { SmsTemplatesOptions, SmsValues } from '../templates/sms-templates-options.js';
import { SmsEncodingSchema } from '../text/segments.js';
import {
  checkTimeZone,
  formatReturnDate,
  localDayBounds,
  localParts,
  VIETNAM_TIME_ZONE,
} from './local-time.js';
import { MemoryNoticeLog } from './memory-notice-log.js';
import type { NoticeLog, NoticePart, NoticeRecord, NoticeStatus } from './notice-log.js';
import {
  DEFAULT_QUIET_HOURS,
  isQuietTime,
  nextDayStart,
  QuietHoursSchema,
  quietHoursEnd,
} from './quiet-hours.js';
import { type RateLimit, TokenBucket } from './token-bucket.js';

/** The plugin's name: its effects are `sms.notice`, its commands `sms.<command>`. */
export const SMS_PLUGIN_NAME = 'sms';

/**
 * What an `sms.notice` outbox item carries: only what delivery needs. Never the applicant's name,
 * ID number or address; the number is there because the gateway needs it.
 */
export const SmsNoticePayloadSchema = z
  .object({
    notice: NoticeKindSchema,
    /** Dossier code. */
    code: z.string().min(1),
    /** E.164 number. */
    to: z.string().regex(/^\+\d{8,15}$/),
    text: z.string().min(1),
    encoding: SmsEncodingSchema,
    segments: z.number().int().min(1),
  })
  .strict();
/** See {@link SmsNoticePayloadSchema}. */
export type SmsNoticePayload = z.infer<typeof SmsNoticePayloadSchema>;

/** A log line of the plugin. Phone numbers appear only masked, ID numbers never. */
export interface SmsLogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  /** Dossier code. */
  readonly code?: string;
  readonly notice?: NoticeKind;
  /** The number, masked. */
  readonly to?: string;
  readonly outboxId?: string;
  readonly error?: string;
}

/** Why a notice was not sent now (see {@link SmsDeferredError}). */
export type DeferReason = 'quiet-hours' | 'daily-cap' | 'in-flight';

/**
 * Thrown by the plugin's `deliver` when a notice must wait (quiet hours, daily cap): the engine
 * keeps the outbox item and tries again after its backoff, until `until` has passed. Its code is
 * `DELIVERY_DEFERRED`.
 */
export class SmsDeferredError extends SmsError {
  readonly reason: DeferReason;
  readonly until: Date;

  constructor(reason: DeferReason, until: Date, message: string) {
    super('DELIVERY_DEFERRED', message, { field: reason, value: until.toISOString() });
    this.reason = reason;
    this.until = until;
  }

  /** Read by the engine: hold the outbox item until then without counting an attempt. */
  get deferUntil(): Date {
    return this.until;
  }
}

/**
 * Plain-data options, checked by {@link smsNotices}: the source of their types in
 * {@link SmsNoticesOptions}.
 */
export const SmsNoticesConfigSchema = z
  .object({
    /** Time zone of quiet hours, local days and dates in the text (default `Asia/Ho_Chi_Minh`). */
    timeZone: z.string().min(1).default(VIETNAM_TIME_ZONE),
    /** No sending in these local hours (default 21:00–07:00); `false` to send at any hour. */
    quietHours: z.union([QuietHoursSchema, z.literal(false)]).default(DEFAULT_QUIET_HOURS),
    /** Also hold a retry that falls in quiet hours (default true); otherwise only new notices wait. */
    quietHoursAtDelivery: z.boolean().default(true),
    /** Most notices to one number per local day (default 5); the rest wait for the next day. `false`: no cap. */
    dailyCap: z.union([z.number().int().min(1), z.literal(false)]).default(5),
    /** Turns notices off, e.g. `{ 'supplement-request': false }`; all are on by default. */
    notices: z.partialRecord(NoticeKindSchema, z.boolean()).default({}),
    /** 11-digit pre-2018 numbers: `convert` (default) or `reject` (no SMS, a log note). */
    legacyPhones: z.enum(['convert', 'reject']).default('convert'),
    /**
     * How long a worker's claim on a notice lasts while it hands it to the gateway (default 300,000
     * ms = 5 minutes; at least 1000). No other worker sends the notice meanwhile, even when the
     * engine's outbox lease ran out and another worker took the item over. Make it longer than the
     * provider can take to send, its own retries included; a worker that dies mid-send delays the
     * notice by this much.
     */
    sendClaimMs: z.number().int().min(1000).default(300_000),
  })
  .strict();

/** The plain-data options of {@link smsNotices} as written (each optional), from {@link SmsNoticesConfigSchema}. */
export type SmsNoticesConfigInput = Readonly<z.input<typeof SmsNoticesConfigSchema>>;

/**
 * Options of {@link smsNotices}: the plain-data ones typed by {@link SmsNoticesConfigSchema}
 * (`timeZone`, `quietHours`, `quietHoursAtDelivery`, `dailyCap`, `notices`, `legacyPhones`,
 * `sendClaimMs`), and the objects and functions below.
 */
export interface SmsNoticesOptions extends SmsNoticesConfigInput {
  /** The gateway. */
  readonly provider: SmsProvider;
  /** The templates (`createSmsTemplates(...)`), or their options; default: the built-in ones. */
  readonly templates?: SmsTemplates | SmsTemplatesOptions;
  /** Where notices are recorded (default: a new {@link MemoryNoticeLog}). */
  readonly noticeLog?: NoticeLog;
  /** Send rate limit of the provider (token bucket), or a bucket to share; default none. */
  readonly rateLimit?: RateLimit | TokenBucket | false;
  /** Formats return dates (default `'17 giờ 00 phút ngày 11/03/2026'`, see `formatReturnDate`). */
  readonly formatDate?: (instant: Date, timeZone: string) => string;
  /** Extra values per notice, e.g. the agency name of the dossier's office. They win over the built-in ones. */
  readonly values?: (info: TransitionInfo, notice: NoticeKind) => SmsValues | undefined;
  /**
   * Key of the hash that identifies a number in the notice log (`numberRef`) for the daily cap.
   * Set it (a secret of the deployment) when the log outlives the process; default: random per plugin.
   */
  readonly numberKey?: string | Uint8Array;
  /** Log hook; entries hold masked numbers only. */
  readonly log?: (entry: SmsLogEntry) => void;
  /**
   * The clock the plugin reads when it claims a notice, records its acceptance and records a
   * receipt (default the system clock). Give it the engine's clock (a `SimulatedClock` in a
   * simulation). A claim runs `sendClaimMs` from this clock's time when it is written, never
   * from before the engine's delivery pass began: a long pass does not shorten it.
   */
  readonly clock?: { now(): Date };
}

/** Options of {@link SmsNoticesPlugin.deliveryReceipt}. */
export interface ReceiptOptions {
  /** Only rows of this provider (message ids of two gateways may collide). */
  readonly provider?: string;
  /** When the receipt came (default the plugin's clock). */
  readonly at?: Date;
}

/** The engine plugin {@link smsNotices} returns, with its notice log and receipt entry point. */
export interface SmsNoticesPlugin extends EnginePlugin {
  readonly name: typeof SMS_PLUGIN_NAME;
  readonly provider: SmsProvider;
  readonly noticeLog: NoticeLog;
  readonly templates: SmsTemplates;
  /** Asks for the `sms.notice` effect of a transition, if it sends a notice (pure; never throws). */
  onTransition(info: TransitionInfo): readonly EffectRequest[] | undefined;
  /**
   * Delivers one `sms.notice` outbox item (see {@link smsNotices}): at most once to the citizen,
   * held in quiet hours or over the daily cap (`SmsDeferredError`), dead-lettered on a permanent
   * refusal or a malformed payload.
   */
  deliver(item: OutboxItem, context: DeliveryContext): Promise<void>;
  /**
   * Records a delivery receipt: finds the notice by the gateway's message id (of any part) and
   * sets its status (`delivered` once every part is; `failed` / `expired` as soon as a part is).
   * A receipt that arrives before its notice was recorded as sent is kept and applied then.
   * Also the command `sms.deliveryReceipt` (`{ providerMessageId, status, provider? }`).
   */
  deliveryReceipt(
    providerMessageId: string,
    status: ReceiptStatus,
    options?: ReceiptOptions,
  ): Promise<NoticeRecord | undefined>;
  /** Stops listening to the provider's receipts and closes the provider. */
  close(): Promise<void>;
}

const ReceiptCommandSchema = z
  .object({
    providerMessageId: z.string().min(1),
    /** A {@link ReceiptStatus} or a gateway word such as `DELIVRD`. */
    status: z.string().min(1),
    provider: z.string().min(1).optional(),
    at: z.union([z.string(), z.date()]).optional(),
  })
  .loose();

const NoticesCommandSchema = z
  .object({ code: z.string().min(1).optional(), status: z.string().optional() })
  .strict()
  .optional();

function invalidOption(error: z.ZodError): never {
  const issue = error.issues[0];
  const field = (issue?.path ?? []).map(String).join('.') || 'options';
  throw new SmsError('INVALID_OPTION', `${field}: ${issue?.message ?? 'invalid options'}`, { field });
}

const FINAL: ReadonlySet<NoticeStatus> = new Set(['delivered', 'failed', 'expired']);

/** Conditional notice log writes tried before giving up (the row kept changing under them). */
const WRITE_ROUNDS = 5;

/**
 * A notice's status from its parts' receipts: `failed` / `expired` as soon as a part is,
 * `delivered` once every part is, otherwise `otherwise`.
 */
function statusOf(parts: readonly NoticePart[], otherwise: NoticeStatus): NoticeStatus {
  if (parts.some((p) => p.receipt === 'failed')) return 'failed';
  if (parts.some((p) => p.receipt === 'expired')) return 'expired';
  if (parts.length > 0 && parts.every((p) => p.receipt === 'delivered')) return 'delivered';
  return otherwise;
}

const startEnd = (day: { start: Date; end: Date }) => ({ from: day.start, to: day.end });

/**
 * The SMS notices plugin of the engine (named `sms`). It sends an applicant:
 *
 * - `receipt` when a dossier is received, with its return date (its due time, formatted in
 *   Vietnamese in the office's zone) and lookup code;
 * - `supplement-request` on REQUEST_SUPPLEMENT (and, on a liaison's parent dossier, on a member
 *   agency's MEMBER_SUPPLEMENT);
 * - `result-ready-early` / `result-ready-on-time` when the last step hands the dossier over and
 *   it enters `resultReady` (early: on a local day before the due day; a late result gets the
 *   on-time text, which makes no claim about the date);
 * - `apology` on APOLOGIZE, with the new date (on a liaison's parent: the first MEMBER_APOLOGY that
 *   moves the parent's date).
 *
 * `onTransition` is pure: it renders the template (per-procedure overrides apply), normalises the
 * applicant's phone (none, or an invalid one: no effect and a masked log note) and asks for one
 * `sms.notice` effect whose payload holds only the E.164 number, the text, its encoding and
 * segments, the notice kind and the dossier code. A notice created in quiet hours gets
 * `notBefore` at their end (07:00).
 *
 * `deliver` (after commit, at least once by the engine) makes it at most once to the citizen: it
 * claims the notice log row (keyed by the outbox id) for `sendClaimMs` from the time it writes the
 * claim (its `clock`), atomically with the daily cap, and skips a notice the log shows a gateway
 * accepted or another worker is sending. It records the outcome with a conditional write
 * (`NoticeLog.update`): a failure only while no other attempt has claimed the notice since, an
 * acceptance as long as none is recorded, so a worker whose claim was taken over never resets
 * the newer row. It holds a notice in quiet hours or over the per-number daily cap
 * (throwing {@link SmsDeferredError}: the engine retries it later, it is never dropped), waits
 * for the rate limit, and turns a permanent gateway refusal into `PermanentDeliveryError`.
 *
 * @example
 * ```ts
 * import { createEngine, vietnamCalendar } from '@motcua/core';
 * import { smsNotices } from '@motcua/notify-sms';
 * import { createSmppProvider } from '@motcua/notify-sms/smpp';
 * import { createCatalogue } from '@motcua/procedures';
 * const sms = smsNotices({
 *   provider: createSmppProvider({
 *     host: 'smsc.example.vn', port: 2775, systemId: 'ubnd-bennghe', password: 'secret', sourceAddr: 'UBND-BENNGHE',
 *   }),
 *   templates: { fixedValues: { agency: 'UBND phường Bến Nghé', lookupUrl: 'dichvucong.gov.vn' } },
 *   rateLimit: { perSecond: 20 },
 * });
 * const calendar = vietnamCalendar();
 * const engine = createEngine({ procedures: createCatalogue({ calendar }), calendar, agency: 'H56', plugins: [sms] });
 * ```
 */
export function smsNotices(options: SmsNoticesOptions): SmsNoticesPlugin {
  if (!options || typeof options.provider?.send !== 'function') {
    throw new SmsError('INVALID_OPTION', 'provider: expected an SmsProvider (with send)', {
      field: 'provider',
    });
  }
  const parsed = SmsNoticesConfigSchema.safeParse({
    timeZone: options.timeZone,
    quietHours: options.quietHours,
    quietHoursAtDelivery: options.quietHoursAtDelivery,
    dailyCap: options.dailyCap,
    notices: options.notices,
    legacyPhones: options.legacyPhones,
    sendClaimMs: options.sendClaimMs,
  });
  if (!parsed.success) invalidOption(parsed.error);
  const config = parsed.data;
  checkTimeZone(config.timeZone);
  const zone = config.timeZone;
  const quiet = config.quietHours;
  const provider = options.provider;
  const noticeLog = options.noticeLog ?? new MemoryNoticeLog();
  const templates =
    options.templates && 'render' in options.templates
      ? (options.templates as SmsTemplates)
      : createSmsTemplates((options.templates as SmsTemplatesOptions | undefined) ?? {});
  const bucket =
    options.rateLimit instanceof TokenBucket
      ? options.rateLimit
      : options.rateLimit
        ? new TokenBucket(options.rateLimit)
        : undefined;
  const formatDate =
    options.formatDate ?? ((instant: Date, timeZone: string) => formatReturnDate(instant, { timeZone }));
  const numberKey = options.numberKey ?? randomBytes(32);
  const log = options.log ?? (() => {});
  const clock = options.clock ?? { now: () => new Date() };
  const numberRef = (e164: string) =>
    createHmac('sha256', numberKey).update(e164).digest('base64url').slice(0, 22);
  const local = (instant: Date) => {
    const l = localParts(instant, zone);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${l.year}-${two(l.month)}-${two(l.day)} ${two(l.hour)}:${two(l.minute)} ${zone}`;
  };

  /** Receipts that came before their notice was recorded as sent (bounded). */
  const early = new Map<string, { status: ReceiptStatus; options: ReceiptOptions }>();

  const noticeOf = (info: TransitionInfo): NoticeKind | undefined => {
    // An online filing is received when the desk accepts it: the receipt notice goes then.
    if (info.type === 'RECEIVE' || info.type === 'ACCEPT') return 'receipt';
    // A liaison's parent: a member agency's request or apology reaches the applicant as the desk's.
    if (info.type === 'REQUEST_SUPPLEMENT' || info.type === 'MEMBER_SUPPLEMENT') return 'supplement-request';
    if (info.type === 'APOLOGIZE') return 'apology';
    if (info.type === 'MEMBER_APOLOGY' && info.after.apology && !info.before.apology) return 'apology';
    if (info.afterState === 'resultReady' && info.beforeState !== 'resultReady') {
      const due = new Date(info.after.due.current);
      return classifyTimeliness(info.now, due, info.calendar) === 'EARLY'
        ? 'result-ready-early'
        : 'result-ready-on-time';
    }
    return undefined;
  };

  const safeMessage = (e: unknown) =>
    e instanceof SmsError ? e.message : redactNumbers(e instanceof Error ? e.message : String(e));

  const onTransition = (info: TransitionInfo): readonly EffectRequest[] | undefined => {
    const notice = noticeOf(info);
    if (notice === undefined || config.notices[notice] === false) return undefined;
    const ctx = info.after;
    const about = { code: ctx.code, notice };
    const phone = ctx.applicant.phone;
    if (phone === undefined || phone.trim() === '') {
      log({ level: 'info', message: 'no SMS: the applicant gave no phone number', ...about });
      return [];
    }
    let to: string;
    try {
      to = normalizePhone(phone, { field: 'applicant.phone', legacy: config.legacyPhones });
    } catch (e) {
      log({
        level: 'warn',
        message: 'no SMS: the phone number cannot receive SMS',
        ...about,
        to: maskPhone(phone),
        error: safeMessage(e),
      });
      return [];
    }
    try {
      const values: SmsValues = {
        dossierCode: ctx.code,
        returnDate: formatDate(new Date(ctx.due.current), zone),
        lookupCode: ctx.secret,
        ...(ctx.apology ? { newReturnDate: formatDate(new Date(ctx.apology.newDue), zone) } : {}),
        ...options.values?.(info, notice),
      };
      const rendered = templates.render(notice, values, { procedure: info.procedure.code });
      const payload: SmsNoticePayload = {
        notice,
        code: ctx.code,
        to,
        text: rendered.text,
        encoding: rendered.encoding,
        segments: rendered.segments,
      };
      const notBefore =
        quiet !== false && isQuietTime(info.now, quiet, zone)
          ? quietHoursEnd(info.now, quiet, zone)
          : undefined;
      return [{ type: 'notice', key: notice, payload, ...(notBefore ? { notBefore } : {}) }];
    } catch (e) {
      log({
        level: 'error',
        message: 'no SMS: the notice could not be rendered',
        ...about,
        error: safeMessage(e),
      });
      return [];
    }
  };

  /**
   * Records a receipt on the row holding `messageId`, conditionally on the row being as read (see
   * `NoticeLog.update`): when another write came in between (another receipt, an attempt's
   * outcome), the row is read again and the receipt applied to it. `undefined`: no such row.
   */
  const applyReceipt = async (
    find: () => Promise<NoticeRecord | undefined>,
    messageId: string,
    status: ReceiptStatus,
    at: Date,
  ): Promise<NoticeRecord | undefined> => {
    for (let round = 1; ; round++) {
      const row = await find();
      if (!row || status === 'sent') return row;
      const parts = row.parts.map((p) => (p.messageId === messageId ? { ...p, receipt: status } : p));
      const next = statusOf(parts, row.status);
      const updated: NoticeRecord = {
        ...row,
        parts,
        status: next,
        doneAt: FINAL.has(next) && !FINAL.has(row.status) ? at.toISOString() : row.doneAt,
      };
      if ((await noticeLog.update(updated, row)) === 'changed') {
        if (round < WRITE_ROUNDS) continue;
        throw new NoticeLogError(
          'NOTICE_LOG_CONFLICT',
          `delivery receipt: the notice ${row.id} kept changing`,
        );
      }
      log({
        level: next === 'delivered' ? 'info' : 'warn',
        message: `delivery receipt: ${status}`,
        code: row.code,
        notice: row.notice,
        to: row.to,
        outboxId: row.id,
      });
      return updated;
    }
  };

  /** Receipts and the rows they update are read and written one at a time (no lost update). */
  let receiptChain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = receiptChain.then(task);
    receiptChain = run.catch(() => {});
    return run;
  };

  const deliveryReceipt = (
    providerMessageId: string,
    status: ReceiptStatus,
    receiptOptions: ReceiptOptions = {},
  ): Promise<NoticeRecord | undefined> => {
    const checked = ReceiptStatusSchema.safeParse(status);
    if (!checked.success) {
      return Promise.reject(
        new SmsError('INVALID_RECEIPT', 'delivery receipt: unknown status', {
          field: 'status',
          value: String(status).slice(0, 20),
        }),
      );
    }
    const at = receiptOptions.at ?? clock.now();
    return serial(async () => {
      const find = () => noticeLog.findByProviderMessageId(providerMessageId, receiptOptions.provider);
      const row = await applyReceipt(find, providerMessageId, checked.data, at);
      if (!row) {
        early.set(providerMessageId, { status: checked.data, options: { ...receiptOptions, at } });
        if (early.size > 1000) early.delete(early.keys().next().value as string);
        log({ level: 'debug', message: 'delivery receipt for a message not (yet) in the notice log' });
      }
      return row;
    });
  };

  /** Applies the receipts that came before the notice was recorded as sent. */
  const applyEarlyReceipts = (id: string, messageIds: readonly string[]) =>
    serial(async () => {
      for (const messageId of messageIds) {
        const waiting = early.get(messageId);
        if (!waiting) continue;
        early.delete(messageId);
        await applyReceipt(
          () => noticeLog.get(id),
          messageId,
          waiting.status,
          waiting.options.at ?? clock.now(),
        );
      }
    });

  /** A notice log write, tried again a few times when the log fails (not when it refuses). */
  const withRetries = async <T>(outboxId: string, write: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (e) {
        if (attempt >= 3) throw e;
        log({
          level: 'warn',
          message: 'notice log write failed, trying again',
          outboxId,
          error: safeMessage(e),
        });
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  };

  /**
   * Writes the outcome of the attempt this worker claimed (`attempt`, the row it wrote), with
   * `NoticeLog.update`, so it never overwrites a newer row:
   * - an acceptance (`sentAt` set) is written as long as no acceptance is recorded, even after the
   *   claim ran out: a notice the gateway took must not be sent again;
   * - a failure only while the claim is held: no other attempt claimed the notice since.
   * Receipts recorded meanwhile on parts with the same message id are kept. Returns the row
   * written, or the newer row that won (nothing written).
   */
  const writeOutcome = async (
    attempt: NoticeRecord,
    outcome: NoticeRecord,
  ): Promise<{ written: boolean; row: NoticeRecord | undefined }> => {
    const accepted = outcome.sentAt !== null;
    let current: NoticeRecord = attempt;
    for (let round = 1; ; round++) {
      const known = current.parts;
      const parts = outcome.parts.map((part, i) =>
        known[i]?.messageId === part.messageId && known[i].receipt !== null ? known[i] : part,
      );
      const row: NoticeRecord = {
        ...outcome,
        attempts: Math.max(outcome.attempts, current.attempts),
        parts,
        status: accepted ? statusOf(parts, outcome.status) : outcome.status,
      };
      const expected = current;
      if ((await withRetries(attempt.id, () => noticeLog.update(row, expected))) === 'updated') {
        return { written: true, row };
      }
      const fresh = await withRetries(attempt.id, () => noticeLog.get(attempt.id));
      if (!fresh || fresh.sentAt !== null || (!accepted && fresh.attempts !== attempt.attempts)) {
        return { written: false, row: fresh };
      }
      if (round >= WRITE_ROUNDS) {
        throw new NoticeLogError(
          'NOTICE_LOG_CONFLICT',
          `notice ${attempt.id}: the notice log row kept changing`,
        );
      }
      current = fresh;
    }
  };

  /**
   * The time as the plugin reads it: its clock now, never before `floor` (the delivery pass's
   * time, or an earlier reading). A pass delivers many items and a send can wait for the rate
   * limit: a claim timed from the pass's start could run out before it is even written.
   */
  const timeNow = (floor: Date): Date => {
    const t = clock.now();
    return t.getTime() > floor.getTime() ? t : floor;
  };

  const deliver = async (item: OutboxItem, context: DeliveryContext): Promise<void> => {
    const parsedPayload = SmsNoticePayloadSchema.safeParse(item.payload);
    if (!parsedPayload.success) {
      throw new PermanentDeliveryError(
        `sms: outbox item ${item.id} does not hold an SMS notice (${parsedPayload.error.issues[0]?.path.join('.') || 'payload'})`,
      );
    }
    const p = parsedPayload.data;
    const now = timeNow(context.now);
    const masked = maskPhone(p.to);
    const about = { code: p.code, notice: p.notice, to: masked, outboxId: item.id };
    const existing = await noticeLog.get(item.id);
    if (existing?.sentAt) {
      log({ level: 'info', message: 'already accepted by the gateway: not sent again', ...about });
      return;
    }
    /** Another worker holds the notice (or wrote it since it was read): wait, never send here. */
    const elsewhere = async (at: Date): Promise<never> => {
      const row = await noticeLog.get(item.id);
      const claimed = row?.claimedUntil ? new Date(row.claimedUntil) : undefined;
      const until = claimed && claimed.getTime() > at.getTime() ? claimed : at;
      log({ level: 'info', message: 'another worker is sending this notice: not sent here', ...about });
      throw new SmsDeferredError(
        'in-flight',
        until,
        `${p.notice} to ${masked}: being sent by another worker`,
      );
    };
    if (existing?.claimedUntil && Date.parse(existing.claimedUntil) > now.getTime()) await elsewhere(now);
    const base: NoticeRecord = existing ?? {
      id: item.id,
      code: p.code,
      notice: p.notice,
      to: masked,
      numberRef: numberRef(p.to),
      provider: provider.name,
      providerMessageId: null,
      parts: [],
      status: 'queued',
      createdAt: now.toISOString(),
      attemptedAt: null,
      sentAt: null,
      doneAt: null,
      attempts: 0,
      claimedUntil: null,
      error: null,
    };
    const hold = async (reason: DeferReason, at: Date, until: Date, why: string): Promise<never> => {
      const message = `${p.notice} to ${masked} held until ${local(until)}: ${why}`;
      // A note only: it never overwrites another worker's live claim or an accepted notice.
      await noticeLog.claim(
        { ...base, status: 'queued', claimedUntil: null, error: message },
        { previousAttempts: base.attempts, now: at },
      );
      log({ level: 'info', message: `SMS held: ${why}`, ...about });
      throw new SmsDeferredError(reason, until, message);
    };
    if (quiet !== false && config.quietHoursAtDelivery && isQuietTime(now, quiet, zone)) {
      await hold(
        'quiet-hours',
        now,
        quietHoursEnd(now, quiet, zone),
        `quiet hours ${quiet.start}–${quiet.end}`,
      );
    }
    if (bucket) await bucket.take(bucket.unit === 'segment' ? p.segments : 1);
    // The claim is timed when it is written: after the rate limit's wait, late in a long pass.
    const claimAt = timeNow(now);
    const attempt: NoticeRecord = {
      ...base,
      provider: provider.name,
      status: 'queued',
      attempts: base.attempts + 1,
      attemptedAt: claimAt.toISOString(),
      doneAt: null,
      claimedUntil: new Date(claimAt.getTime() + config.sendClaimMs).toISOString(),
      error: null,
    };
    // Claimed before sending, atomically with the daily cap: a worker whose outbox lease ran out
    // mid-send and a second worker that took the item over cannot both send it, and two notices to
    // one number cannot both pass its cap.
    const outcome = await noticeLog.claim(attempt, {
      previousAttempts: base.attempts,
      now: claimAt,
      ...(config.dailyCap === false
        ? {}
        : { dailyCap: { limit: config.dailyCap, ...startEnd(localDayBounds(claimAt, zone)) } }),
    });
    if (outcome === 'sent') {
      log({ level: 'info', message: 'already accepted by the gateway: not sent again', ...about });
      return;
    }
    if (outcome === 'daily-cap') {
      await hold(
        'daily-cap',
        claimAt,
        nextDayStart(claimAt, quiet, zone),
        `daily cap of ${config.dailyCap} notices to this number reached`,
      );
    }
    if (outcome !== 'claimed') await elsewhere(claimAt);
    const accepted = attempt.parts.map((part) => part.messageId);
    let result: SendResult;
    try {
      result = await provider.send({
        id: item.id,
        to: p.to,
        text: p.text,
        encoding: p.encoding,
        segments: p.segments,
        ...(accepted.some((id) => id !== null) ? { acceptedParts: accepted } : {}),
      });
    } catch (e) {
      const error =
        e instanceof SmsProviderError
          ? e
          : new SmsProviderError(true, redactNumbers(e instanceof Error ? e.message : String(e)));
      const parts = error.acceptedParts
        ? error.acceptedParts.map((messageId) => ({ messageId, receipt: null }))
        : attempt.parts;
      const message = `${p.notice} to ${masked} via ${provider.name}: ${error.message}`;
      const failed: NoticeRecord = error.retryable
        ? { ...attempt, parts, claimedUntil: null, error: message }
        : {
            ...attempt,
            parts,
            claimedUntil: null,
            status: 'failed',
            doneAt: timeNow(claimAt).toISOString(),
            error: message,
          };
      const { written } = await writeOutcome(attempt, failed);
      if (!written) {
        // This worker's claim ran out and another attempt holds the notice: its row stays.
        log({ level: 'warn', message: 'a newer attempt holds this notice: failure not recorded', ...about });
      }
      if (!error.retryable) {
        log({ level: 'error', message: 'SMS refused by the gateway', ...about, error: error.message });
        throw new PermanentDeliveryError(message);
      }
      log({ level: 'warn', message: 'SMS not sent, will retry', ...about, error: error.message });
      throw new SmsError('PROVIDER_UNAVAILABLE', message, { field: 'provider' });
    }
    const ids = result.partMessageIds?.length ? result.partMessageIds : [result.providerMessageId];
    const sent: NoticeRecord = {
      ...attempt,
      status: 'sent',
      providerMessageId: result.providerMessageId,
      parts: ids.map((messageId) => ({ messageId, receipt: null })),
      sentAt: timeNow(claimAt).toISOString(),
      claimedUntil: null,
    };
    const { written } = await writeOutcome(attempt, sent);
    if (!written) {
      // The send outlasted the claim (`sendClaimMs`) and another worker sent the notice too.
      log({
        level: 'error',
        message: 'accepted by the gateway after another worker had sent this notice: sent twice',
        ...about,
      });
      return;
    }
    log({ level: 'info', message: 'SMS accepted by the gateway', ...about });
    await applyEarlyReceipts(item.id, ids);
  };

  const receiptListener = (receipt: DeliveryReceipt) => {
    deliveryReceipt(receipt.providerMessageId, receipt.status, { provider: provider.name }).catch((e) => {
      log({ level: 'error', message: 'delivery receipt not recorded', error: safeMessage(e) });
    });
  };
  const unsubscribe = provider.onReceipt?.(receiptListener);

  return {
    name: SMS_PLUGIN_NAME,
    provider,
    noticeLog,
    templates,
    onTransition,
    deliver,
    deliveryReceipt,
    commands: {
      async deliveryReceipt(args: unknown) {
        const parsedArgs = ReceiptCommandSchema.safeParse(args);
        if (!parsedArgs.success) {
          throw new SmsError(
            'INVALID_RECEIPT',
            'sms.deliveryReceipt: expected { providerMessageId, status }',
            {
              field: parsedArgs.error.issues[0]?.path.join('.') || 'args',
            },
          );
        }
        const a = parsedArgs.data;
        const status = ReceiptStatusSchema.safeParse(a.status).data ?? receiptStatusOf(a.status);
        if (status === undefined) {
          throw new SmsError('INVALID_RECEIPT', 'sms.deliveryReceipt: unknown status', {
            field: 'status',
            value: a.status.slice(0, 20),
          });
        }
        const row = await deliveryReceipt(a.providerMessageId, status, {
          ...(a.provider ? { provider: a.provider } : {}),
          ...(a.at ? { at: new Date(a.at) } : {}),
        });
        return row ? { id: row.id, code: row.code, notice: row.notice, status: row.status } : null;
      },
      async notices(args: unknown) {
        const parsedArgs = NoticesCommandSchema.safeParse(args);
        if (!parsedArgs.success) {
          throw new SmsError('INVALID_OPTION', 'sms.notices: expected { code?, status? }', { field: 'args' });
        }
        const q = parsedArgs.data ?? {};
        return noticeLog.list({
          ...(q.code ? { code: q.code } : {}),
          ...(q.status ? { status: q.status as NoticeStatus } : {}),
        });
      },
    },
    async close() {
      unsubscribe?.();
      await provider.close?.();
    },
  };
}
