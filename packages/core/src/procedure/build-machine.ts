import { assign, setup } from 'xstate';
import type { DossierContext } from '../model/dossier-context.js';
import type { DossierEvent } from '../model/dossier-events.js';
import { wholeContext } from './compiled-machine.js';
import * as act from './lifecycle-actions.js';
import type { LifecycleEnv } from './lifecycle-env.js';
import * as intake from './lifecycle-intake.js';
import * as pay from './lifecycle-payments.js';
import { isAllowed } from './lifecycle-rules.js';
import { transferOriginals } from './lifecycle-transfer.js';

type Ev<T extends DossierEvent['type']> = Extract<DossierEvent, { type: T }>;

/**
 * `setup()` with the lifecycle's types, named actions and guards for one procedure and calendar.
 * A developer who needs more than the declarative form writes the machine with
 * `lifecycleSetup(env).createMachine({...})`, reusing these actions (`handOver`, `sendBack`,
 * `requestSupplement`, `supplementReceived`, `apologize`, `markOverdue`, `returnResult`, `refuse`,
 * `withdraw`, `stop`, `expire`, `issueResult`, `recordComponents`, `transferOriginals`; for online intake
 * `acceptIntake`, `refuseIntake`, `withdrawIntake`, `expireIntake`, `requestIntakeSupplement`,
 * `intakeSupplementReceived`; for payments `requestPayment`, `awaitPayment` (and stop the clock),
 * `startPayment`, `recordPayment`, `paymentReceived` (and resume), `cancelPayment`,
 * `paymentCancelled` (and resume), `refundPayment`, `waiveFee`) and the `allowed`, `resumesAt`, `sendBackTo`
 * and `settlesAt` guards, so that it follows the same rules, deadlines
 * and control slip as the declarative machines.
 *
 * @example
 * ```ts
 * import { lifecycleSetup, receiptContext, vietnamCalendar } from '@motcua/core';
 * import { permanentResidence } from '@motcua/procedures';
 * const [residence] = permanentResidence.versions;
 * const env = { def: residence!.definition, calendar: vietnamCalendar() };
 * // A hand-written machine on the lifecycle's actions and guards (defineProcedure's `machine` option
 * // receives this kit and checks the result like any other machine).
 * const machine = lifecycleSetup(env).createMachine({
 *   id: 'residence-custom',
 *   context: ({ input }) => receiptContext(env, input),
 *   initial: 'processing',
 *   states: {
 *     processing: { on: { HAND_OVER: { target: 'resultReady', guard: 'allowed', actions: 'handOver' } } },
 *     resultReady: { on: { RETURN_RESULT: { target: 'returned', guard: 'allowed', actions: 'returnResult' } } },
 *     returned: { type: 'final' },
 *   },
 * });
 * ```
 */
export function lifecycleSetup(env: LifecycleEnv) {
  return setup({
    types: {
      context: {} as DossierContext,
      events: {} as DossierEvent,
      input: {} as act.ReceiptInput,
    },
    actions: {
      handOver: assign(
        wholeContext(({ context, event }) => act.handOver(env, context, event as Ev<'HAND_OVER'>)),
      ),
      sendBack: assign(
        wholeContext(({ context, event }) => act.sendBack(env, context, event as Ev<'SEND_BACK'>)),
      ),
      requestSupplement: assign(
        wholeContext(({ context, event }) =>
          act.requestSupplement(env, context, event as Ev<'REQUEST_SUPPLEMENT'>),
        ),
      ),
      supplementReceived: assign(
        wholeContext(({ context, event }) =>
          act.supplementReceived(env, context, event as Ev<'SUPPLEMENT_RECEIVED'>),
        ),
      ),
      apologize: assign(
        wholeContext(({ context, event }) => act.apologize(env, context, event as Ev<'APOLOGIZE'>)),
      ),
      markOverdue: assign(
        wholeContext(({ context, event }) => act.markOverdue(env, context, event as Ev<'MARK_OVERDUE'>)),
      ),
      returnResult: assign(
        wholeContext(({ context, event }) => act.returnResult(env, context, event as Ev<'RETURN_RESULT'>)),
      ),
      refuse: assign(wholeContext(({ context, event }) => act.refuse(env, context, event as Ev<'REFUSE'>))),
      withdraw: assign(
        wholeContext(({ context, event }) => act.withdraw(env, context, event as Ev<'WITHDRAW'>)),
      ),
      stop: assign(wholeContext(({ context, event }) => act.stop(env, context, event as Ev<'STOP'>))),
      expire: assign(wholeContext(({ context, event }) => act.expire(env, context, event as Ev<'EXPIRE'>))),
      issueResult: assign(({ context, event }) => act.issueResult(env, context, event as Ev<'ISSUE_RESULT'>)),
      recordComponents: assign(({ context, event }) =>
        act.recordComponents(env, context, event as Ev<'RECORD_COMPONENTS'>),
      ),
      transferOriginals: assign(
        wholeContext(({ context, event }) =>
          transferOriginals(env, context, event as Ev<'TRANSFER_ORIGINALS'>),
        ),
      ),
      acceptIntake: assign(
        wholeContext(({ context, event }) => intake.acceptIntake(env, context, event as Ev<'ACCEPT'>)),
      ),
      refuseIntake: assign(
        wholeContext(({ context, event }) => intake.refuseIntake(env, context, event as Ev<'REFUSE'>)),
      ),
      withdrawIntake: assign(
        wholeContext(({ context, event }) => intake.withdrawIntake(env, context, event as Ev<'WITHDRAW'>)),
      ),
      expireIntake: assign(
        wholeContext(({ context, event }) => intake.expireIntake(env, context, event as Ev<'EXPIRE'>)),
      ),
      requestIntakeSupplement: assign(
        wholeContext(({ context, event }) =>
          intake.requestIntakeSupplement(env, context, event as Ev<'REQUEST_SUPPLEMENT'>),
        ),
      ),
      intakeSupplementReceived: assign(
        wholeContext(({ context, event }) =>
          intake.intakeSupplementReceived(env, context, event as Ev<'SUPPLEMENT_RECEIVED'>),
        ),
      ),
      requestPayment: assign(
        wholeContext(({ context, event }) =>
          pay.requestPayment(env, context, event as Ev<'REQUEST_PAYMENT'>, false),
        ),
      ),
      awaitPayment: assign(
        wholeContext(({ context, event }) =>
          pay.requestPayment(env, context, event as Ev<'REQUEST_PAYMENT'>, true),
        ),
      ),
      startPayment: assign(
        wholeContext(({ context, event }) => pay.startPayment(env, context, event as Ev<'START_PAYMENT'>)),
      ),
      recordPayment: assign(
        wholeContext(({ context, event }) =>
          pay.recordPayment(env, context, event as Ev<'RECORD_PAYMENT'>, false),
        ),
      ),
      paymentReceived: assign(
        wholeContext(({ context, event }) =>
          pay.recordPayment(env, context, event as Ev<'RECORD_PAYMENT'>, true),
        ),
      ),
      cancelPayment: assign(
        wholeContext(({ context, event }) =>
          pay.cancelPayment(env, context, event as Ev<'CANCEL_PAYMENT'>, false),
        ),
      ),
      paymentCancelled: assign(
        wholeContext(({ context, event }) =>
          pay.cancelPayment(env, context, event as Ev<'CANCEL_PAYMENT'>, true),
        ),
      ),
      refundPayment: assign(
        wholeContext(({ context, event }) => pay.refundPayment(env, context, event as Ev<'REFUND_PAYMENT'>)),
      ),
      waiveFee: assign(
        wholeContext(({ context, event }) => pay.waiveFee(env, context, event as Ev<'WAIVE_FEE'>)),
      ),
    },
    guards: {
      allowed: ({ context, event }) => isAllowed(env, context, event),
      resumesAt: ({ context, event }, params: { step: string }) =>
        context.steps[context.steps.length - 1]?.stepId === params.step && isAllowed(env, context, event),
      sendBackTo: ({ context, event }, params: { step: string }) =>
        event.type === 'SEND_BACK' && event.toStep === params.step && isAllowed(env, context, event),
      settlesAt: ({ context, event }, params: { step: string | null }) =>
        pay.settlesAt(context, event, params.step) && isAllowed(env, context, event),
    },
  });
}

/**
 * Builds the standard one-stop lifecycle machine of a procedure (see {@link defineProcedure}):
 *
 * `processing.<step>` (one state per step, in order) → `resultReady` (back at the desk) →
 * `returned`; from processing, `supplementing` (clock stopped) and back to the same step;
 * `refused`, `withdrawn`, `stopped`, `expired` end it. An online filing (`Procedure.submit`) starts
 * in `submitted` and enters the first step when the desk accepts it (`ACCEPT`), or ends in
 * `notAccepted` or `intakeWithdrawn`; the desk may first ask to complete it (`intakeSupplementing`).
 * From processing or a ready result, a payment request waits in `awaitingPayment` (clock stopped,
 * national status 6) until the payments asked for are paid or cancelled, then goes back where it
 * was, its due times moved by the time waited. Payments are recorded, started, cancelled and
 * refunded in every open state. Apologies and overdue marks change the
 * context without moving. Every transition is guarded by the lifecycle rules (who holds the dossier,
 * how many supplementation requests, once-only apology, …).
 *
 * @example
 * ```ts
 * import { buildLifecycleMachine, defineProcedure, vietnamCalendar } from '@motcua/core';
 * import { permanentResidenceDefinition, WINDOW_2025 } from '@motcua/procedures';
 * // The standard machine, as defineProcedure builds it when no `machine` is given.
 * const residence = defineProcedure(permanentResidenceDefinition(WINDOW_2025), {
 *   calendar: vietnamCalendar(),
 *   machine: (_kit, env) => buildLifecycleMachine(env),
 * });
 * ```
 */
export function buildLifecycleMachine(env: LifecycleEnv) {
  const { def } = env;
  const steps = def.steps;
  const stepStates: Record<string, object> = {};
  steps.forEach((step, i) => {
    const next = steps[i + 1];
    stepStates[step.id] = {
      description: `${step.name} — ${def.units[step.unit]?.name ?? step.unit}`,
      meta: { stepId: step.id, unit: step.unit, budget: step.budget, kind: step.kind },
      on: {
        HAND_OVER: {
          target: next ? next.id : `#${machineId(env)}.resultReady`,
          guard: 'allowed',
          actions: 'handOver',
        },
        ...(i > 0
          ? {
              SEND_BACK: steps.slice(0, i).map((earlier) => ({
                target: earlier.id,
                guard: { type: 'sendBackTo', params: { step: earlier.id } },
                actions: 'sendBack',
              })),
            }
          : {}),
      },
    };
  });
  const closeFrom = {
    REFUSE: { target: `#${machineId(env)}.refused`, guard: 'allowed', actions: 'refuse' },
    WITHDRAW: { target: `#${machineId(env)}.withdrawn`, guard: 'allowed', actions: 'withdraw' },
  } as const;
  // Payments recorded without changing the state (the wait for payments is `awaitingPayment`).
  const paymentsOn = {
    START_PAYMENT: { guard: 'allowed', actions: 'startPayment' },
    RECORD_PAYMENT: { guard: 'allowed', actions: 'recordPayment' },
    CANCEL_PAYMENT: { guard: 'allowed', actions: 'cancelPayment' },
    REFUND_PAYMENT: { guard: 'allowed', actions: 'refundPayment' },
    WAIVE_FEE: { guard: 'allowed', actions: 'waiveFee' },
  } as const;
  const awaitPayment = {
    REQUEST_PAYMENT: {
      target: `#${machineId(env)}.awaitingPayment`,
      guard: 'allowed',
      actions: 'awaitPayment',
    },
  } as const;
  // Back from the wait where the dossier was: the open step, or the result ready at the desk.
  const settle = <A extends 'paymentReceived' | 'paymentCancelled'>(actions: A) => [
    ...steps.map((step) => ({
      target: `#${machineId(env)}.processing.${step.id}`,
      guard: { type: 'settlesAt' as const, params: { step: step.id as string | null } },
      actions,
    })),
    {
      target: `#${machineId(env)}.resultReady`,
      guard: { type: 'settlesAt' as const, params: { step: null as string | null } },
      actions,
    },
  ];
  return lifecycleSetup(env).createMachine({
    id: machineId(env),
    description: `${def.name.vi} (${def.code}, version ${def.version}, rules ${def.regime})`,
    context: ({ input }) => act.receiptContext(env, input),
    initial: 'processing',
    states: {
      processing: {
        initial: steps[0]!.id,
        states: stepStates,
        on: {
          ...closeFrom,
          REQUEST_SUPPLEMENT: { target: 'supplementing', guard: 'allowed', actions: 'requestSupplement' },
          STOP: { target: 'stopped', guard: 'allowed', actions: 'stop' },
          APOLOGIZE: { guard: 'allowed', actions: 'apologize' },
          MARK_OVERDUE: { guard: 'allowed', actions: 'markOverdue' },
          ISSUE_RESULT: { guard: 'allowed', actions: 'issueResult' },
          RECORD_COMPONENTS: { guard: 'allowed', actions: 'recordComponents' },
          TRANSFER_ORIGINALS: { guard: 'allowed', actions: 'transferOriginals' },
          ...awaitPayment,
          ...paymentsOn,
        },
      },
      supplementing: {
        description: 'Waiting for the applicant to supplement; the clock is stopped',
        on: {
          // Back to the step that was open, read from the context (a history state would be lost
          // when a persisted dossier is restored).
          SUPPLEMENT_RECEIVED: steps.map((step) => ({
            target: `processing.${step.id}`,
            guard: { type: 'resumesAt', params: { step: step.id } },
            actions: 'supplementReceived',
          })),
          EXPIRE: { target: 'expired', guard: 'allowed', actions: 'expire' },
          RECORD_COMPONENTS: { guard: 'allowed', actions: 'recordComponents' },
          TRANSFER_ORIGINALS: { guard: 'allowed', actions: 'transferOriginals' },
          ...closeFrom,
          STOP: { target: 'stopped', guard: 'allowed', actions: 'stop' },
          // Fees collected with the supplemented papers: asked for and paid without another wait.
          REQUEST_PAYMENT: { guard: 'allowed', actions: 'requestPayment' },
          ...paymentsOn,
        },
      },
      awaitingPayment: {
        description: 'Waiting for the applicant to pay fees and charges; the clock is stopped',
        on: {
          REQUEST_PAYMENT: { guard: 'allowed', actions: 'requestPayment' },
          START_PAYMENT: { guard: 'allowed', actions: 'startPayment' },
          RECORD_PAYMENT: [...settle('paymentReceived'), { guard: 'allowed', actions: 'recordPayment' }],
          CANCEL_PAYMENT: [...settle('paymentCancelled'), { guard: 'allowed', actions: 'cancelPayment' }],
          REFUND_PAYMENT: { guard: 'allowed', actions: 'refundPayment' },
          WAIVE_FEE: { guard: 'allowed', actions: 'waiveFee' },
          TRANSFER_ORIGINALS: { guard: 'allowed', actions: 'transferOriginals' },
          ...closeFrom,
          STOP: { target: 'stopped', guard: 'allowed', actions: 'stop' },
        },
      },
      resultReady: {
        description: 'The result is at the desk, waiting for the applicant',
        on: {
          RETURN_RESULT: { target: 'returned', guard: 'allowed', actions: 'returnResult' },
          APOLOGIZE: { guard: 'allowed', actions: 'apologize' },
          MARK_OVERDUE: { guard: 'allowed', actions: 'markOverdue' },
          ISSUE_RESULT: { guard: 'allowed', actions: 'issueResult' },
          TRANSFER_ORIGINALS: { guard: 'allowed', actions: 'transferOriginals' },
          ...awaitPayment,
          ...paymentsOn,
        },
      },
      // Online intake: a filing submitted on a portal waits here until the desk accepts it (its
      // receipt, into the first step) or not. `Procedure.submit` starts a dossier in `submitted`.
      submitted: {
        description: 'Filed online, waiting for the desk to accept it (Mới đăng ký)',
        on: {
          ACCEPT: { target: `processing.${steps[0]!.id}`, guard: 'allowed', actions: 'acceptIntake' },
          REQUEST_SUPPLEMENT: {
            target: 'intakeSupplementing',
            guard: 'allowed',
            actions: 'requestIntakeSupplement',
          },
          REFUSE: { target: 'notAccepted', guard: 'allowed', actions: 'refuseIntake' },
          WITHDRAW: { target: 'intakeWithdrawn', guard: 'allowed', actions: 'withdrawIntake' },
          RECORD_COMPONENTS: { guard: 'allowed', actions: 'recordComponents' },
          // Fees paid online with the filing (thu trước): no clock runs before acceptance.
          REQUEST_PAYMENT: { guard: 'allowed', actions: 'requestPayment' },
          ...paymentsOn,
        },
      },
      intakeSupplementing: {
        description: 'The desk asked the applicant to complete the online filing',
        on: {
          SUPPLEMENT_RECEIVED: { target: 'submitted', guard: 'allowed', actions: 'intakeSupplementReceived' },
          EXPIRE: { target: 'notAccepted', guard: 'allowed', actions: 'expireIntake' },
          REFUSE: { target: 'notAccepted', guard: 'allowed', actions: 'refuseIntake' },
          WITHDRAW: { target: 'intakeWithdrawn', guard: 'allowed', actions: 'withdrawIntake' },
          RECORD_COMPONENTS: { guard: 'allowed', actions: 'recordComponents' },
        },
      },
      notAccepted: { type: 'final', description: 'Online filing not accepted (không được tiếp nhận)' },
      intakeWithdrawn: { type: 'final', description: 'Online filing withdrawn before acceptance' },
      returned: { type: 'final', description: 'Result returned (trả kết quả)' },
      refused: { type: 'final', description: 'Refused with reasons (từ chối)' },
      withdrawn: { type: 'final', description: 'Withdrawn by the applicant (rút hồ sơ)' },
      stopped: { type: 'final', description: 'Stopped at the applicant request (dừng giải quyết)' },
      expired: { type: 'final', description: 'Closed: not supplemented in time' },
    },
  });
}

/** The XState id of a procedure version's machine. */
export function machineId(env: LifecycleEnv): string {
  return `${env.def.code}@${env.def.version}`.replace(/[#.]/g, '_');
}

/** The type of a standard dossier machine. */
export type DossierMachine = ReturnType<typeof buildLifecycleMachine>;
