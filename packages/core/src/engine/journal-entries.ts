import type { z } from 'zod';
import type { Actor } from '../model/actor.js';
import type { DossierContext } from '../model/dossier-context.js';
import { DossierEventSchema } from '../model/dossier-events.js';
import { hasPersonalData, maskPersonalData } from '../model/personal-data.js';
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
 * The event schemas that tag personal data (a result's signer, a collector's name, a refund's bank
 * account, …), by event type: the journal keeps such events masked (the dossier keeps them whole).
 * Worked out once from the schemas, so a new event with personal fields is masked without a list.
 */
const PERSONAL_EVENTS: ReadonlyMap<string, z.ZodType> = new Map(
  DossierEventSchema.options
    .filter((o) => hasPersonalData(o))
    .map((o) => [(o.shape.type as z.ZodLiteral<string>).value, o as z.ZodType]),
);

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
    // Personal data (a refund's bank account, a signer's or collector's name) stays in the dossier
    // only: the journal keeps it masked.
    event: maskedEvent(type, event),
    idempotencyKey,
  };
}

/** `event` with its personal fields masked when its type's schema has any (see {@link PERSONAL_EVENTS}). */
function maskedEvent<E>(type: string, event: E): E {
  const schema = PERSONAL_EVENTS.get(type);
  return schema ? (maskPersonalData(schema, event) as E) : event;
}
