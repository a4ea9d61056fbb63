import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { ActorInput } from '../model/actor.js';
import type { Channel } from '../model/channel.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { DossierEventInput, DossierEventType } from '../model/dossier-events.js';
import type { ProcedureDefinition } from '../procedure/definition-schema.js';
import type { ClaimedTimer, OutboxItem, TimerRow } from '../store/store-types.js';

/** An effect a plugin asks for; the engine enqueues it in the same transaction as the transition. */
export interface EffectRequest {
  /** Effect name inside the plugin, e.g. `notice`; stored as `<plugin>.<type>`. */
  readonly type: string;
  readonly payload: unknown;
  /** Earliest delivery time (e.g. after quiet hours); default: now. */
  readonly notBefore?: Date;
  /** Distinguishes several effects of one type from one transition. */
  readonly key?: string;
}

/** What a plugin sees of every transition, whatever its event. */
export interface TransitionInfoBase {
  /** The dossier's version after the transition (1 for a new dossier): orders a dossier's effects. */
  readonly version: number;
  readonly after: DossierContext;
  readonly afterState: string;
  readonly procedure: ProcedureDefinition;
  readonly calendar: WorkingCalendar;
  readonly now: Date;
}

/**
 * A dossier event as the engine applied it: the fields the caller sent (validated against the
 * event's schema, defaults not applied) with `at` as an ISO 8601 instant.
 */
export type AppliedEvent<T extends DossierEventType = DossierEventType> = T extends DossierEventType
  ? Omit<Extract<DossierEventInput, { type: T }>, 'at'> & { readonly at: string }
  : never;

/** A new dossier: its receipt. */
export interface ReceiptTransitionInfo extends TransitionInfoBase {
  readonly type: 'RECEIVE';
  readonly event: { readonly type: 'RECEIVE'; readonly channel: Channel };
  readonly before: null;
  readonly beforeState: null;
}

/**
 * A new online filing (`Engine.submit`), in the `submitted` state: not received yet (its receipt is
 * the `ACCEPT` event that follows).
 */
export interface SubmissionTransitionInfo extends TransitionInfoBase {
  readonly type: 'SUBMIT';
  readonly event: { readonly type: 'SUBMIT'; readonly channel: Channel };
  readonly before: null;
  readonly beforeState: null;
}

/** A dossier event applied to an existing dossier (by a command or a fired timer). */
export type EventTransitionInfo<T extends DossierEventType = DossierEventType> = T extends DossierEventType
  ? TransitionInfoBase & {
      readonly type: T;
      readonly event: AppliedEvent<T>;
      readonly before: DossierContext;
      readonly beforeState: string;
    }
  : never;

/** A new lookup secret issued by the desk (`Engine.reissueSecret`); the state does not change. */
export interface ReissueTransitionInfo extends TransitionInfoBase {
  readonly type: 'LOOKUP:reissue-secret';
  readonly event: { readonly type: 'LOOKUP:reissue-secret'; readonly at: string; readonly actor: ActorInput };
  readonly before: DossierContext;
  readonly beforeState: string;
}

/** The applicant's rating of a returned dossier (`Engine.rate`); the state does not change. */
export interface RatingTransitionInfo extends TransitionInfoBase {
  readonly type: 'RATING';
  readonly event: {
    readonly type: 'RATING';
    readonly at: string;
    readonly actor: ActorInput;
    readonly channel: 'desk' | 'public';
    readonly criteriaSet: string;
    readonly scores: Readonly<Record<string, number>>;
  };
  readonly before: DossierContext;
  readonly beforeState: string;
}

/**
 * What a plugin sees of a transition: a union discriminated by `type` (`RECEIVE` for a new dossier,
 * the event type otherwise), so that `info.type === 'REQUEST_SUPPLEMENT'` narrows `info.event` to
 * that event's fields and `info.before` to a context.
 */
export type TransitionInfo =
  | ReceiptTransitionInfo
  | SubmissionTransitionInfo
  | EventTransitionInfo
  | ReissueTransitionInfo
  | RatingTransitionInfo;

/** A timer as a plugin sees it: of one kind `K`; a step's timer names its step. */
export type KindOfTimer<K extends TimerRow['kind'] = TimerRow['kind']> = K extends TimerRow['kind']
  ? ClaimedTimer & { readonly kind: K } & (K extends 'step-due' ? { readonly stepId: string } : unknown)
  : never;

/**
 * What a plugin sees of a timer firing. `timer` is a union discriminated by `kind`
 * (`dossier-warning`, `dossier-due`, `step-due`, `supplement-expiry`, `intake-due`): `info.timer.kind ===
 * 'step-due'` gives `info.timer.stepId` as a string.
 */
export interface TimerInfo {
  readonly timer: KindOfTimer;
  readonly dossier: DossierContext;
  readonly state: string;
  readonly procedure: ProcedureDefinition;
  readonly calendar: WorkingCalendar;
  readonly now: Date;
}

/** Passed to a plugin's `deliver`. */
export interface DeliveryContext {
  readonly now: Date;
  /** 1 for the first attempt. */
  readonly attempt: number;
}

/**
 * Thrown by a plugin's `deliver` to give up at once (no retry): the item becomes a dead letter.
 *
 * @example
 * ```ts
 * import { type EnginePlugin, PermanentDeliveryError } from '@motcua/core';
 * // A plugin that tells the provincial portal of every change of state.
 * const portalSync: EnginePlugin = {
 *   name: 'portal',
 *   onTransition: (info) => [{ type: 'status', payload: { code: info.after.code, state: info.afterState } }],
 *   async deliver(item) {
 *     const response = await fetch('https://dichvucong.example.vn/api/status', {
 *       method: 'POST', headers: { 'idempotency-key': item.id }, body: JSON.stringify(item.payload),
 *     });
 *     if (response.status === 400) throw new PermanentDeliveryError(`portal refused ${item.id}`); // a dead letter at once
 *     if (!response.ok) throw new Error(`portal answered ${response.status}`); // tried again later
 *   },
 * };
 * ```
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }
}

/**
 * An engine plugin: reacts to transitions and timers by asking for effects (pure: no I/O here),
 * delivers its effects after commit (at least once, with retries), and may add commands.
 * The SMS notices and the liaison transports are plugins.
 */
export interface EnginePlugin {
  readonly name: string;
  onTransition?(info: TransitionInfo): readonly EffectRequest[] | undefined;
  onTimer?(info: TimerInfo): readonly EffectRequest[] | undefined;
  /** Delivers one of this plugin's effects. Throw to retry later; throw a `PermanentDeliveryError` to dead-letter (`DeferredDeliveryError` to wait without using an attempt). */
  deliver?(item: OutboxItem, context: DeliveryContext): Promise<void>;
  /** Extra commands, called with `engine.command('<plugin>.<name>', args)`. */
  readonly commands?: Readonly<Record<string, (args: unknown) => Promise<unknown>>>;
  /**
   * What the plugin knows of a dossier (e.g. its sync state with a portal), shown by `engine.get`
   * under `plugins.<name>`. Plain JSON without personal data. A plugin whose `inspect` fails shows
   * `{ unavailable: true }` there, and the dossier is still given.
   */
  inspect?(code: string): Promise<unknown>;
}

/**
 * Thrown by a plugin's `deliver` to hold an item until a later time (quiet hours, a daily cap)
 * without counting a failed attempt: it never becomes a dead letter by waiting. Any error with a
 * `deferUntil: Date` property is treated the same way, so plugins can keep their own error classes.
 *
 * @example
 * ```ts
 * import { DeferredDeliveryError, type EnginePlugin } from '@motcua/core';
 * declare function sendZaloMessage(payload: unknown): Promise<void>;
 * const zalo: EnginePlugin = {
 *   name: 'zalo',
 *   async deliver(item, { now }) {
 *     const hourInHanoi = (now.getUTCHours() + 7) % 24;
 *     if (hourInHanoi >= 21 || hourInHanoi < 7) {
 *       // not a failed attempt: the item waits, and never becomes a dead letter by waiting
 *       throw new DeferredDeliveryError(new Date(now.getTime() + 60 * 60_000), 'quiet hours');
 *     }
 *     await sendZaloMessage(item.payload);
 *   },
 * };
 * ```
 */
export class DeferredDeliveryError extends Error {
  readonly deferUntil: Date;

  constructor(deferUntil: Date, message: string) {
    super(message);
    this.name = 'DeferredDeliveryError';
    this.deferUntil = deferUntil;
  }
}

/** The instant a delivery error asks to wait until, when it is a deferral. */
export function deferralOf(error: unknown): Date | undefined {
  const until = (error as { deferUntil?: unknown } | null)?.deferUntil;
  return until instanceof Date && !Number.isNaN(until.getTime()) ? until : undefined;
}
