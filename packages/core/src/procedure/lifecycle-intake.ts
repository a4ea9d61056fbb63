import { toInstant } from '../model/actor.js';
import type { DossierContext, Outcome } from '../model/dossier-context.js';
import type { DossierEvent } from '../model/dossier-events.js';
import { instantMs } from '../model/instant-format.js';
import type { FilingReference, Intake } from '../model/online-intake.js';
import { type ReceiptInput, receiptContext } from './lifecycle-actions.js';
import type { LifecycleEnv } from './lifecycle-env.js';
import { closedPayments } from './lifecycle-payments.js';

type E<T extends DossierEvent['type']> = Extract<DossierEvent, { type: T }>;
const d = (iso: string) => new Date(instantMs(iso));

/**
 * The states of an online filing before it is received, and those that close it then. A dossier in
 * one of them was never received: reports leave it out.
 */
export const INTAKE_STATES: readonly string[] = Object.freeze([
  'submitted',
  'intakeSupplementing',
  'notAccepted',
  'intakeWithdrawn',
]);

/** What an online filing is started with (`Procedure.submit`): a receipt whose officer is the account that recorded it. */
export interface SubmissionInput extends ReceiptInput {
  /** The portal's reference of the filing, when it came from one. */
  readonly filing?: FilingReference | undefined;
}

/** The intake deadline of a filing on `channel` submitted (or completed) at `at`, `null` when the procedure sets none. */
function intakeDue(env: LifecycleEnv, channel: DossierContext['channel'], at: string): string | null {
  const limit =
    channel === 'online-full' || channel === 'online-partial'
      ? env.def.intake?.deadline?.[channel]
      : undefined;
  return limit ? toInstant(env.calendar.dueDate(d(at), limit)) : null;
}

/**
 * The context of an online filing just submitted (national status 1, Mới đăng ký): its code and
 * secret already issued, the intake deadline counted from the submission, nothing received yet (no
 * step open, no control slip; `receivedAt` is the submission and the due times those of a receipt
 * at that instant until the desk accepts it).
 *
 * @example
 * ```ts
 * import { submissionContext, vietnamCalendar } from '@motcua/core';
 * import { CATALOGUE_CODES, catalogueSamples, permanentResidence } from '@motcua/procedures';
 * const [residence] = permanentResidence.versions;
 * const { applicant, application } = catalogueSamples[CATALOGUE_CODES.permanentResidence]!;
 * const def = { ...residence!.definition, intake: { deadline: { 'online-full': { workingHours: 8 } } } };
 * const context = submissionContext({ def, calendar: vietnamCalendar() }, {
 *   code: '000.00.14.H56-260306-0001', secret: 'K7Q2M9', agency: '000.00.14.H56',
 *   receivedAt: '2026-03-06T16:00:00+07:00', channel: 'online-full',
 *   receivedBy: { officerId: 'dvcqg', unitId: 'desk', name: 'Cổng DVCQG', roles: [] }, applicant, application,
 * });
 * context.intake?.dueAt; // 8 working hours later: '2026-03-09T09:00:00.000Z' (Monday 16:00 in Hà Nội)
 * ```
 */
export function submissionContext(env: LifecycleEnv, input: SubmissionInput): DossierContext {
  const received = receiptContext(env, input);
  const submittedAt = received.receivedAt;
  return {
    ...received,
    holder: env.def.desk,
    steps: [],
    slip: [],
    intake: {
      submittedAt,
      submittedBy: input.receivedBy,
      ...(input.filing ? { filing: { system: input.filing.system, id: input.filing.id } } : {}),
      dueAt: intakeDue(env, input.channel, submittedAt),
      requests: [],
    },
  };
}

/** The intake section once the desk decided at `at` (accepted or not), and whether that was late. */
function decided(intake: Intake, at: string, accepted: boolean): Intake {
  return {
    ...intake,
    ...(accepted ? { acceptedAt: at } : {}),
    late: intake.dueAt !== null && instantMs(at) > instantMs(intake.dueAt),
  };
}

/**
 * ACCEPT: the desk accepts the online filing, which is its receipt: the time limit counts from now,
 * the accepting officer is the receiving officer, the first step opens and the control slip starts.
 * Components recorded while it was submitted are kept.
 */
export function acceptIntake(env: LifecycleEnv, ctx: DossierContext, e: E<'ACCEPT'>): DossierContext {
  const intake = ctx.intake!;
  const received = receiptContext(env, {
    code: ctx.code,
    secret: ctx.secret,
    agency: ctx.agency,
    receivedAt: e.at,
    receivedBy: e.actor,
    channel: ctx.channel,
    applicant: ctx.applicant,
    application: ctx.application,
  });
  // Every key of the filing's context in its order (components recorded before stay), as received.
  return { ...ctx, ...received, intake: decided(intake, e.at, true) };
}

function closeBeforeReceipt(
  ctx: DossierContext,
  e: DossierEvent,
  kind: Outcome['kind'],
  reasons: string[],
): DossierContext {
  return {
    ...ctx,
    intake: kind === 'not-accepted' ? decided(ctx.intake!, e.at, false) : ctx.intake!,
    ...closedPayments(ctx, e),
    outcome: { kind, at: e.at, by: e.actor, result: null, lateUnit: null, reasons },
    updatedAt: e.at,
  };
}

/** REFUSE before acceptance: the online filing is not accepted, with reasons (national status 3). */
export function refuseIntake(_env: LifecycleEnv, ctx: DossierContext, e: E<'REFUSE'>): DossierContext {
  return closeBeforeReceipt(ctx, e, 'not-accepted', e.reasons);
}

/** WITHDRAW before acceptance: the applicant withdraws the filing. */
export function withdrawIntake(_env: LifecycleEnv, ctx: DossierContext, e: E<'WITHDRAW'>): DossierContext {
  return closeBeforeReceipt(ctx, e, 'withdrawn', e.reason ? [e.reason] : []);
}

/** EXPIRE before acceptance: the filing was not completed within the response limit (not accepted). */
export function expireIntake(_env: LifecycleEnv, ctx: DossierContext, e: E<'EXPIRE'>): DossierContext {
  return closeBeforeReceipt(ctx, e, 'not-accepted', ['Không bổ sung hồ sơ trong thời hạn']);
}

/**
 * REQUEST_SUPPLEMENT before acceptance: the desk asks the applicant to complete the filing; the
 * intake deadline waits, and the procedure's `intake.responseLimit` (if any) runs.
 */
export function requestIntakeSupplement(
  env: LifecycleEnv,
  ctx: DossierContext,
  e: E<'REQUEST_SUPPLEMENT'>,
): DossierContext {
  const intake = ctx.intake!;
  const limit = env.def.intake?.responseLimit;
  return {
    ...ctx,
    intake: {
      ...intake,
      dueAt: null,
      requests: [
        ...intake.requests,
        {
          requestedAt: e.at,
          requestedBy: e.actor,
          items: e.items,
          reason: e.reason,
          respondBy: limit ? toInstant(env.calendar.dueDate(d(e.at), limit)) : null,
          receivedAt: null,
        },
      ],
    },
    updatedAt: e.at,
  };
}

/** SUPPLEMENT_RECEIVED before acceptance: the filing is complete again; a new intake deadline runs from now. */
export function intakeSupplementReceived(
  env: LifecycleEnv,
  ctx: DossierContext,
  e: E<'SUPPLEMENT_RECEIVED'>,
): DossierContext {
  const intake = ctx.intake!;
  const last = intake.requests.length - 1;
  return {
    ...ctx,
    intake: {
      ...intake,
      dueAt: intakeDue(env, ctx.channel, e.at),
      requests: intake.requests.map((r, i) => (i === last ? { ...r, receivedAt: e.at } : r)),
    },
    updatedAt: e.at,
  };
}
