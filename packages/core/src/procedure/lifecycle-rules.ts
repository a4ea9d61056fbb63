import type { Actor } from '../model/actor.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { DossierEvent, DossierEventType } from '../model/dossier-events.js';
import type { ProcedureDefinition } from './definition-schema.js';
import { type LifecycleEnv, stepIndex } from './lifecycle-env.js';
import { paymentIssues, unpaidBeforeResult } from './lifecycle-payments.js';
import { phaseGateDenial } from './lifecycle-phases.js';

/** Why an event is refused: the actor lacks the right, or the dossier's state does not allow it. */
export interface Denial {
  readonly kind: 'permission' | 'state';
  readonly reason: string;
}

/**
 * Rules for the events a module adds to the standard lifecycle (the liaison's `HAND_OFF` and
 * `MEMBER_*`): the module that builds such a procedure supplies them with {@link registerRules}, so
 * the standard lifecycle never imports it. Returns `null` when the event is allowed.
 */
export type ExtensionRules = (env: LifecycleEnv, ctx: DossierContext, e: DossierEvent) => Denial | null;

const extensionRules = new WeakMap<ProcedureDefinition, ExtensionRules>();

/** Attaches the rules of the events a module adds to the procedures built from `def`. */
export function registerRules(def: ProcedureDefinition, rules: ExtensionRules): void {
  extensionRules.set(def, rules);
}

/** The role the engine's own actor carries (timers). */
export const SYSTEM_ROLE = 'system';

function hasRole(env: LifecycleEnv, actor: Actor, type: DossierEventType): boolean {
  const allowed = env.def.permissions[type as keyof typeof env.def.permissions];
  return !!allowed && (actor.roles ?? []).some((r) => allowed.includes(r));
}

function holderOnly(env: LifecycleEnv, ctx: DossierContext, e: DossierEvent): Denial | null {
  if (e.actor.unitId === ctx.holder || hasRole(env, e.actor, e.type)) return null;
  return {
    kind: 'permission',
    reason: `unit ${e.actor.unitId} does not hold the dossier (held by ${ctx.holder})`,
  };
}

function deskOnly(env: LifecycleEnv, e: DossierEvent): Denial | null {
  if (e.actor.unitId === env.def.desk || hasRole(env, e.actor, e.type)) return null;
  return { kind: 'permission', reason: `only the one-stop desk (${env.def.desk}) may do this` };
}

function holderOrDesk(env: LifecycleEnv, ctx: DossierContext, e: DossierEvent): Denial | null {
  return e.actor.unitId === env.def.desk ? null : holderOnly(env, ctx, e);
}

function systemOnly(e: DossierEvent): Denial | null {
  return e.actor.roles.includes(SYSTEM_ROLE)
    ? null
    : { kind: 'permission', reason: 'only the engine may do this' };
}

/** The current (open) step record, if any. */
export function openStep(ctx: DossierContext) {
  const last = ctx.steps[ctx.steps.length - 1];
  return last && last.endedAt === null ? last : undefined;
}

/**
 * The events `Procedure.step` has already checked against a context, with the procedure's
 * environment: the machine's guards then reuse that answer instead of working it out again.
 */
/**
 * The last event `Procedure.step` checked, with its context and definition: the machine's guards run
 * synchronously inside the same `step`, so they find their own event here and reuse the answer
 * (nothing is allocated per event). Any other event or context is worked out again.
 */
const approved: { event: DossierEvent | null; ctx: DossierContext | null; def: unknown } = {
  event: null,
  ctx: null,
  def: null,
};

/** Records that `e` is allowed in `ctx` (after {@link denialOf} returned `null` for them). */
export function markAllowed(env: LifecycleEnv, ctx: DossierContext, e: DossierEvent): void {
  approved.event = e;
  approved.ctx = ctx;
  approved.def = env.def;
}

/**
 * Whether `e` is allowed in `ctx`: the answer recorded by {@link markAllowed} for the same event,
 * context and definition, else {@link denialOf} worked out. The machines' guards use it.
 */
export function isAllowed(env: LifecycleEnv, ctx: DossierContext, e: DossierEvent): boolean {
  return (
    (approved.event === e && approved.ctx === ctx && approved.def === env.def) ||
    denialOf(env, ctx, e) === null
  );
}

/**
 * The fields of `e` that name something its procedure does not have (a `RECORD_COMPONENTS`
 * document that is not one of the definition's `documents`) or that its payments refuse (see
 * `paymentIssues`), each named as the caller wrote it.
 */
export function eventIssues(
  env: LifecycleEnv,
  e: DossierEvent,
  ctx: DossierContext,
): { field: string; message: string }[] {
  if (e.type !== 'RECORD_COMPONENTS') return paymentIssues(env.def, ctx, e);
  const known = new Set(env.def.documents.map((d) => d.id));
  return e.components.flatMap((c, i) =>
    known.has(c.documentId)
      ? []
      : [{ field: `event.components[${i}].documentId`, message: 'not a document of this procedure' }],
  );
}

/**
 * A payment event's first problem as a state denial: the machine's guards refuse what
 * `Procedure.step` refuses with a `ValidationError` (see `paymentIssues`), also on XState.
 */
function paymentDenial(env: LifecycleEnv, ctx: DossierContext, e: DossierEvent): Denial | null {
  const [issue] = paymentIssues(env.def, ctx, e);
  return issue ? { kind: 'state', reason: `${issue.field}: ${issue.message}` } : null;
}

/**
 * Whether `event` may be applied to a dossier in `ctx` (state-independent rules; the machine's
 * states decide which events exist where). Returns `null` when allowed. The machine's guards and
 * the kit's error messages both use these rules, so they cannot drift apart.
 */
export function denialOf(env: LifecycleEnv, ctx: DossierContext, e: DossierEvent): Denial | null {
  switch (e.type) {
    case 'HAND_OVER': {
      const denied = holderOnly(env, ctx, e);
      if (denied) return denied;
      // Into a phase that waits for a payment or a complete file (the province's process).
      if (env.def.phases) {
        const open = openStep(ctx);
        const i = open ? stepIndex(env, open.stepId) : -1;
        const reason = open ? phaseGateDenial(env, ctx, env.def.steps[i], env.def.steps[i + 1]) : null;
        if (reason) return { kind: 'state', reason };
      }
      return null;
    }
    case 'SEND_BACK': {
      const denied = holderOnly(env, ctx, e);
      if (denied) return denied;
      const current = openStep(ctx);
      const target = stepIndex(env, e.toStep);
      if (target < 0) return { kind: 'state', reason: `no step ${e.toStep}` };
      if (!current || target >= stepIndex(env, current.stepId)) {
        return { kind: 'state', reason: `step ${e.toStep} is not before the current step` };
      }
      return null;
    }
    case 'REQUEST_SUPPLEMENT': {
      const denied = holderOrDesk(env, ctx, e);
      if (denied) return denied;
      const max = env.def.supplementation.maxRequests;
      if (ctx.supplements.length >= max) {
        return { kind: 'state', reason: `the procedure allows ${max} supplementation request(s), all used` };
      }
      return null;
    }
    case 'ACCEPT':
    case 'SUPPLEMENT_RECEIVED':
    case 'WITHDRAW':
      return deskOnly(env, e);
    case 'RETURN_RESULT': {
      const denied = deskOnly(env, e);
      if (denied) return denied;
      const unpaid = unpaidBeforeResult(env.def, ctx);
      if (unpaid.length)
        return { kind: 'state', reason: `fee items to be paid before the result: ${unpaid.join(', ')}` };
      return null;
    }
    case 'REQUEST_PAYMENT':
      return holderOrDesk(env, ctx, e) ?? paymentDenial(env, ctx, e);
    case 'START_PAYMENT':
    case 'RECORD_PAYMENT':
    case 'CANCEL_PAYMENT':
    case 'REFUND_PAYMENT':
    case 'WAIVE_FEE':
      return deskOnly(env, e) ?? paymentDenial(env, ctx, e);
    case 'REFUSE':
    case 'ISSUE_RESULT':
    case 'RECORD_COMPONENTS':
      return holderOrDesk(env, ctx, e);
    case 'STOP': {
      const denied = deskOnly(env, e);
      if (denied) return denied;
      if (env.def.regime !== '2025') {
        return {
          kind: 'state',
          reason: 'stopping at the applicant request exists under the 2025 rules only',
        };
      }
      if (ctx.decisionIssued) return { kind: 'state', reason: 'a decision has already been issued' };
      return null;
    }
    case 'APOLOGIZE': {
      const denied = holderOnly(env, ctx, e);
      if (denied) return denied;
      if (ctx.apology)
        return { kind: 'state', reason: 'the due date may be re-set only once (already apologised)' };
      if (Date.parse(e.newDue) <= Date.parse(ctx.due.current)) {
        return {
          kind: 'state',
          reason: `the new date must be after the current due time ${ctx.due.current}`,
        };
      }
      return null;
    }
    case 'MARK_OVERDUE': {
      const denied = systemOnly(e);
      if (denied) return denied;
      if (ctx.overdue) return { kind: 'state', reason: 'already marked overdue' };
      if (ctx.pause) return { kind: 'state', reason: 'the clock is paused' };
      if (Date.parse(e.at) <= Date.parse(ctx.due.legal))
        return { kind: 'state', reason: 'not past its due time yet' };
      return null;
    }
    case 'EXPIRE': {
      const denied = systemOnly(e);
      if (denied) return denied;
      // Before an online filing is accepted, the requests to complete it; after, supplementation's.
      const requests =
        ctx.intake && ctx.intake.acceptedAt === undefined ? ctx.intake.requests : ctx.supplements;
      const last = requests[requests.length - 1];
      if (!last?.respondBy || last.receivedAt)
        return { kind: 'state', reason: 'no supplementation is awaited with a limit' };
      if (Date.parse(e.at) <= Date.parse(last.respondBy))
        return { kind: 'state', reason: 'the response limit has not passed' };
      return null;
    }
    case 'TRANSFER_ORIGINALS': {
      const denied = deskOnly(env, e);
      if (denied) return denied;
      const originals = ctx.reception?.crossBoundary ? ctx.reception.originals : undefined;
      if (!originals)
        return {
          kind: 'state',
          reason: 'the dossier was not received regardless of administrative boundary',
        };
      if (e.stage === 'sent' && originals.sent)
        return { kind: 'state', reason: 'the original was already sent' };
      if (e.stage === 'received' && (!originals.sent || originals.received))
        return {
          kind: 'state',
          reason: originals.received ? 'the original was already received' : 'the original was not sent yet',
        };
      if (e.stage === 'returned' && (!originals.received || originals.returned))
        return {
          kind: 'state',
          reason: originals.returned
            ? 'the original was already returned'
            : 'the competent centre has not received the original',
        };
      return null;
    }
    case 'HAND_OFF':
    case 'MEMBER_ACCEPTED':
    case 'MEMBER_VERIFICATION':
    case 'MEMBER_SUPPLEMENT':
    case 'MEMBER_APOLOGY':
    case 'MEMBER_RESULT':
    case 'MEMBER_CANCELLED': {
      const rules = extensionRules.get(env.def);
      return rules
        ? rules(env, ctx, e)
        : { kind: 'state', reason: 'the dossier is not the parent dossier of a liaison' };
    }
  }
}
