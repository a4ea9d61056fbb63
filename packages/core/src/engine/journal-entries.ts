import type { Actor } from '../model/actor.js';
import type { DossierContext } from '../model/dossier-context.js';
import { RefundPaymentEventSchema } from '../model/payment.js';
import { maskPersonalData } from '../model/personal-data.js';
import type { JournalEntry } from '../store/store-types.js';

/** The journal entry of a receipt (version 1): the channel, the procedure version, a member's link. */
export function receiptJournalEntry(
  context: DossierContext,
  procedure: { readonly code: string; readonly version: string },
  actor: Actor,
  state: string,
  idempotencyKey: string | null,
  type: 'RECEIVE' | 'SUBMIT' = 'RECEIVE',
): JournalEntry {
  return {
    code: context.code,
    seq: 1,
    at: context.receivedAt,
    type,
    actor,
    before: null,
    after: state,
    event: {
      type,
      channel: context.channel,
      procedure: `${procedure.code}@${procedure.version}`,
      ...(context.liaison?.role === 'member' ? { liaison: context.liaison } : {}),
      ...(context.intake?.filing ? { filing: context.intake.filing } : {}),
    },
    idempotencyKey,
  };
}

/**
 * The journal entry of a transition to `version`: the event as applied (type, or `TIMER:<kind>`
 * for a timer that moved nothing), the acting officer (roles defaulted), the states either side.
 */
export function transitionJournalEntry(
  code: string,
  version: number,
  type: string,
  event: {
    readonly at: string;
    readonly actor: Omit<Actor, 'roles'> & { readonly roles?: readonly string[] | undefined };
    readonly refused?: string;
  },
  states: { readonly before: string; readonly after: string },
  idempotencyKey: string | null,
): JournalEntry {
  return {
    code,
    seq: version,
    at: event.at,
    type,
    actor: (event.actor.roles ? event.actor : { ...event.actor, roles: [] }) as Actor,
    before: states.before,
    after: states.after,
    // A refund's bank account (account number, holder) stays in the dossier only, masked here.
    event:
      type === 'REFUND_PAYMENT' ? (maskPersonalData(RefundPaymentEventSchema, event) as typeof event) : event,
    idempotencyKey,
  };
}
