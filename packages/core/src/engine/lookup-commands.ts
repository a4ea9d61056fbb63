import { randomInt } from 'node:crypto';
import { LookupLockedError, MotcuaError, PermissionError } from '../errors/index.js';
import { toInstant } from '../model/actor.js';
import type { PersistedDossier } from '../procedure/define-procedure.js';
import { checkStoreText } from '../store/store-input.js';
import type { StoredDossier } from '../store/store-types.js';
import { commandFingerprint } from './command-fingerprint.js';
import { commitTransition } from './commit-transition.js';
import { type EngineContext, loadDossier, notBeforeLastChange, procedureOf } from './engine-context.js';
import { checkBackdating, checkCode, checkReissue } from './engine-input.js';
import type { EngineEvent, ReissuedSecret } from './engine-types.js';
import { keyed } from './idempotent-commands.js';
import { type PublicDossierView, publicView, secretMatches } from './public-lookup.js';

const SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The key under which the store counts failed lookups of a dossier code. */
const lookupKey = (code: string) => `dossier:${code}`;

/** How an engine issues lookup secrets and limits failed lookups. */
export interface LookupSecrets {
  /** A new secret (drawn from the engine's `random`). */
  issue(): string;
  /** What an unknown code's guess is compared with, so that it takes the path of a wrong secret. */
  readonly dummy: string;
  readonly limit: { readonly maxAttempts: number; readonly windowMs: number };
}

/** An engine's lookup secrets: `length` characters, failed lookups limited as `limit` says. */
export function lookupSecrets(
  random: () => number,
  length: number,
  limit: { readonly maxAttempts: number; readonly windowMs: number },
): LookupSecrets {
  const draw = (next: () => number) => {
    let s = '';
    for (let i = 0; i < length; i++) s += SECRET_ALPHABET[Math.floor(next() * SECRET_ALPHABET.length)];
    return s;
  };
  // Drawn from crypto, not from `random`, so that a seeded run issues the same secrets as before.
  const dummy = draw(() => randomInt(0, 2 ** 32) / 2 ** 32);
  return { issue: () => draw(random), dummy, limit };
}

/**
 * The public lookup (tra cứu, `Engine.lookup`): a counted attempt and the secret's indexed read,
 * the same calls whether the code exists or not, and a constant-time comparison.
 */
export async function lookupDossier(
  ctx: EngineContext,
  secrets: LookupSecrets,
  codeInput: unknown,
  presented: unknown,
): Promise<PublicDossierView> {
  const now = ctx.clock.now();
  const found = await admitBySecret(ctx, secrets, codeInput, presented, now);
  return publicView(found.persisted, procedureOf(ctx, found.persisted).definition, now);
}

/**
 * The dossier a code and secret name, admitted the lookup's way: a counted attempt and the
 * secret's indexed read, the same calls whether the code exists or not, a constant-time
 * comparison; a found dossier gives its attempt back. @throws `LOOKUP_FAILED` naming `secret`,
 * {@link LookupLockedError} after too many failures.
 */
export async function admitBySecret(
  ctx: EngineContext,
  secrets: LookupSecrets,
  codeInput: unknown,
  presented: unknown,
  now: Date,
): Promise<StoredDossier> {
  const { store } = ctx;
  const code = checkStoreText(codeInput, 'code');
  const key = lookupKey(code);
  // The same calls whether the code exists or not: a counted attempt and a short indexed read.
  const [window, stored] = await Promise.all([
    store.reserveLookupAttempt({ key, now: toInstant(now), ...secrets.limit }),
    store.lookupSecret(code),
  ]);
  if (!window.admitted) throw new LookupLockedError(window.windowEndsAt, now);
  const matches = secretMatches(typeof presented === 'string' ? presented : '', stored ?? secrets.dummy);
  if (!matches || stored === null) {
    throw new MotcuaError('LOOKUP_FAILED', 'no dossier matches this code and secret', {
      field: 'secret',
    });
  }
  // Only failures count: a lookup that found its dossier gives its attempt back.
  await store.releaseLookupAttempt(key, window.windowEndsAt);
  const found = await store.load(code);
  if (!found)
    throw new MotcuaError('LOOKUP_FAILED', 'no dossier matches this code and secret', {
      field: 'secret',
    });
  return found;
}

/**
 * A new lookup secret for a dossier, issued by its desk (`Engine.reissueSecret`): journalled as
 * `LOOKUP:reissue-secret` without the secret, and the code's failed attempts forgotten.
 */
export async function reissueSecret(
  ctx: EngineContext,
  secrets: LookupSecrets,
  codeInput: unknown,
  commandInput: unknown,
): Promise<ReissuedSecret> {
  const { clock, store } = ctx;
  const code = checkCode(codeInput);
  const command = checkReissue(commandInput, () => clock.now());
  if ((commandInput as { at?: unknown }).at !== undefined) {
    checkBackdating(command.at, clock.now(), ctx.backdatingMs, 'at');
  }
  const idempotency = command.idempotencyKey
    ? {
        key: command.idempotencyKey,
        fingerprint: commandFingerprint({
          command: 'reissue-secret',
          code,
          actor: command.actor,
          at: (commandInput as { at?: unknown }).at,
        }),
      }
    : undefined;
  const result = await keyed(ctx, idempotency, async () => {
    const stored = await loadDossier(ctx, code);
    const def = procedureOf(ctx, stored.persisted).definition;
    if (command.actor.unitId !== def.desk) {
      throw new PermissionError(
        code,
        'LOOKUP:reissue-secret',
        `only the one-stop desk (${def.desk}) may do this`,
      );
    }
    const at = notBeforeLastChange(command.at, stored.persisted.context);
    const rewritten: PersistedDossier = {
      ...stored.persisted,
      context: { ...stored.persisted.context, secret: secrets.issue(), updatedAt: at },
    };
    // The journal keeps who and when, never the secret.
    const event = {
      type: 'LOOKUP:reissue-secret',
      at,
      actor: command.actor,
    } as unknown as EngineEvent & {
      at: string;
    };
    return commitTransition(ctx, stored, event, {
      idempotency,
      journalType: 'LOOKUP:reissue-secret',
      rewritten,
    });
  });
  // After the commit (and again on a replay): the new secret starts with a clean window.
  await store.clearLookupAttempts(lookupKey(code));
  return { code: result.code, version: result.version, secret: result.context.secret };
}
