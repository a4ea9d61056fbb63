import { PermissionError, TransitionError, ValidationError } from '../errors/index.js';
import { type Actor, type Instant, toInstant } from '../model/actor.js';
import {
  DECREE_61_RATING_CRITERIA,
  type Rating,
  type RatingCriteriaSet,
  ratingProblems,
} from '../model/rating.js';
import type { PersistedDossier } from '../procedure/define-procedure.js';
import { stateName } from '../procedure/define-procedure.js';
import type { ProcedureDefinition } from '../procedure/definition-schema.js';
import { commandFingerprint } from './command-fingerprint.js';
import { commitTransition } from './commit-transition.js';
import { type EngineContext, loadDossier, notBeforeLastChange, procedureOf } from './engine-context.js';
import { checkBackdating, checkCode, checkRate } from './engine-input.js';
import type { EngineEvent, RatingReceipt } from './engine-types.js';
import { keyed } from './idempotent-commands.js';
import { admitBySecret, type LookupSecrets } from './lookup-commands.js';

/** The actor a public rating is journalled under: the applicant, not an officer. */
const APPLICANT_ACTOR: Actor = { officerId: 'applicant', unitId: 'public', roles: [] };

/** How an engine takes ratings: the criteria set and the amendment window. */
export interface RatingRules {
  readonly criteria: RatingCriteriaSet;
  readonly amendWithinMs: number;
}

/** The rating rules of an engine's options (defaults: Decree 61's criteria, no amendment). */
export function ratingRules(options?: {
  readonly criteria?: RatingCriteriaSet;
  readonly amendWithinMs?: number;
}): RatingRules {
  return {
    criteria: options?.criteria ?? DECREE_61_RATING_CRITERIA,
    amendWithinMs: options?.amendWithinMs ?? 0,
  };
}

/** A rate command checked against an engine's rules: the scores, and the officer or the secret. */
export interface CheckedRating {
  readonly scores: Record<string, number>;
  readonly actor?: Actor | undefined;
  readonly secret?: string | undefined;
  readonly at?: Instant | undefined;
  readonly idempotencyKey?: string | undefined;
}

/**
 * Checks a rate command before anything is read: its shape, the scores against the criteria set,
 * and either the desk officer or the secret. A `ValidationError` naming the field otherwise.
 */
export function checkRating(rules: RatingRules, commandInput: unknown): CheckedRating {
  const command = checkRate(commandInput);
  const issues = ratingProblems(rules.criteria, command.scores);
  if ((command.actor === undefined) === (command.secret === undefined)) {
    issues.push({
      field: 'actor',
      message: 'give either the desk officer (actor) or the lookup secret (secret)',
    });
  }
  if (issues.length) throw new ValidationError('rate command', issues);
  return { ...command, scores: command.scores as Record<string, number> };
}

/**
 * The dossier after a rating, and the `RATING` event journalled for it: the one rule of the engine
 * and of the simulation's store-less core. Refused with a typed error: an officer outside the desk,
 * a dossier not returned, a second rating outside the amendment window.
 */
export function ratedDossier(
  persisted: PersistedDossier,
  definition: ProcedureDefinition,
  rules: RatingRules,
  command: CheckedRating,
  at: Instant,
): { readonly rewritten: PersistedDossier; readonly event: EngineEvent & { at: string } } {
  const context = persisted.context;
  const code = context.code;
  const channel = command.actor ? 'desk' : 'public';
  const actor = command.actor ?? APPLICANT_ACTOR;
  if (command.actor && command.actor.unitId !== definition.desk) {
    throw new PermissionError(code, 'RATING', `only the one-stop desk (${definition.desk}) may do this`);
  }
  const state = stateName(persisted.value);
  if (context.outcome?.kind !== 'returned') {
    throw new TransitionError(code, 'RATING', state, 'only a returned dossier is rated');
  }
  const when = notBeforeLastChange(at, context);
  const previous = context.rating;
  if (
    previous &&
    (rules.amendWithinMs === 0 || Date.parse(when) > Date.parse(previous.at) + rules.amendWithinMs)
  ) {
    throw new TransitionError(
      code,
      'RATING',
      state,
      rules.amendWithinMs > 0
        ? 'already rated, and the time to amend the rating has passed'
        : 'already rated (a dossier is rated once)',
    );
  }
  const rating: Rating = {
    criteriaSet: rules.criteria.id,
    scores: command.scores,
    channel,
    ...(command.actor ? { by: command.actor } : {}),
    at: previous?.at ?? when,
    ...(previous ? { amendedAt: when } : {}),
  };
  const rewritten: PersistedDossier = { ...persisted, context: { ...context, rating, updatedAt: when } };
  const event = {
    type: 'RATING',
    at: when,
    actor,
    channel,
    criteriaSet: rules.criteria.id,
    scores: command.scores,
  } as unknown as EngineEvent & { at: string };
  return { rewritten, event };
}

/**
 * Records the applicant's rating of a returned dossier (`Engine.rate`): checked before anything is
 * read (a typed error naming the field), then the dossier admitted by its desk officer or by its
 * code and secret, then the rating stored in the context and journalled as `RATING`.
 */
export async function rateDossier(
  ctx: EngineContext,
  secrets: LookupSecrets,
  rules: RatingRules,
  codeInput: unknown,
  commandInput: unknown,
): Promise<RatingReceipt> {
  const code = checkCode(codeInput);
  const command = checkRating(rules, commandInput);
  const scores = command.scores;
  const now = ctx.clock.now();
  if (command.at !== undefined) checkBackdating(command.at, now, ctx.backdatingMs, 'at');
  const at = command.at ?? toInstant(now);
  const idempotency = command.idempotencyKey
    ? {
        key: command.idempotencyKey,
        fingerprint: commandFingerprint({
          command: 'rate',
          code,
          scores,
          actor: command.actor,
          at: (commandInput as { at?: unknown }).at,
        }),
      }
    : undefined;
  const result = await keyed(ctx, idempotency, async () => {
    const stored = command.actor
      ? await loadDossier(ctx, code)
      : await admitBySecret(ctx, secrets, code, command.secret, now);
    const def = procedureOf(ctx, stored.persisted).definition;
    const { rewritten, event } = ratedDossier(stored.persisted, def, rules, command, at);
    return commitTransition(ctx, stored, event, { idempotency, journalType: 'RATING', rewritten });
  });
  const rating = result.context.rating as Rating;
  return { code: result.code, version: result.version, rating };
}
