import { MotcuaError, ValidationError } from '../errors/index.js';
import type { Actor } from '../model/actor.js';
import type { Channel } from '../model/channel.js';
import { formatDossierCode } from '../model/dossier-code.js';
import type { LiaisonLinkInput } from '../model/liaison-context.js';
import type { FilingReference } from '../model/online-intake.js';
import type { Procedure } from '../procedure/define-procedure.js';
import { commandFingerprint } from './command-fingerprint.js';
import { commitChange } from './commit-change.js';
import { dossierView, type EngineContext, pluginEffects } from './engine-context.js';
import {
  type CheckedReceive,
  type CheckedSubmit,
  checkBackdating,
  checkReceive,
  checkSubmit,
} from './engine-input.js';
import type { DossierView } from './engine-types.js';
import { keyed } from './idempotent-commands.js';
import { receiptJournalEntry } from './journal-entries.js';
import type { ReceiptTransitionInfo, SubmissionTransitionInfo } from './plugin.js';
import { resolveReception } from './resolve-reception.js';

/**
 * Runs a procedure's receipt check, naming its problems by the receive command's fields: the
 * procedure's `receivedBy` and `receivedAt` are the command's `actor` and `at`.
 */
function asCommand<T>(run: () => T, what: string): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const rename = (field: string) =>
      field.replace(/^(receivedBy|submittedBy)(?=\.|$)/, 'actor').replace(/^(receivedAt|submittedAt)$/, 'at');
    throw new ValidationError(
      what,
      e.issues.map((i) => ({ field: rename(i.field), message: i.message })),
    );
  }
}

/** The procedure version a receipt names, with errors naming the command's fields. */
function procedureFor(ctx: EngineContext, code: string, version: string | undefined, at: Date): Procedure {
  try {
    return version ? ctx.registry.get(code, version) : ctx.registry.inForce(code, ctx.calendar.localDate(at));
  } catch (e) {
    if (!(e instanceof MotcuaError)) throw e;
    if (e.field === 'version')
      throw new MotcuaError(e.code, 'version: the procedure has no such version', { field: 'version' });
    if (e.code === 'NO_VERSION_IN_FORCE')
      throw new MotcuaError(e.code, 'procedure: no version in force on the receipt date', {
        field: 'procedure',
      });
    throw new MotcuaError(e.code, 'procedure: no procedure with this code', { field: 'procedure' });
  }
}

/**
 * Receives a dossier (`Engine.receive`), or starts an online filing (`Engine.submit`, `kind`
 * `'SUBMIT'`: in the `submitted` state, received once the desk accepts it): every check before
 * anything is read or written, then a dossier code from the agency's daily sequence (an online
 * filing gets its code at submission), a lookup secret, and the change committed with
 * {@link commitChange}.
 */
export async function receiveDossier(
  ctx: EngineContext,
  input: unknown,
  issueSecret: () => string,
  kind: 'RECEIVE' | 'SUBMIT' = 'RECEIVE',
): Promise<DossierView> {
  const { calendar, clock, store } = ctx;
  // Every check comes before anything is read or written (no sequence number is taken).
  const command: CheckedReceive | CheckedSubmit =
    kind === 'SUBMIT' ? checkSubmit(input) : checkReceive(input);
  if (command.at !== undefined) checkBackdating(command.at, clock.now(), ctx.backdatingMs, 'at');
  const at = command.at === undefined ? clock.now() : new Date(command.at);
  const procedure = procedureFor(ctx, command.procedure, command.version, at);
  const agency = command.agency ?? ctx.agency;
  const reception =
    command.reception === undefined
      ? undefined
      : resolveReception(ctx.reception, procedure.code, calendar.localDate(at), command.reception);
  const common = {
    code: 'pending',
    secret: 'pending',
    agency,
    channel: command.channel as Channel,
    applicant: command.applicant,
    application: command.application,
  };
  const draft =
    kind === 'SUBMIT'
      ? asCommand(
          () =>
            procedure.submit({
              ...common,
              submittedAt: at,
              submittedBy: command.actor as Actor,
              ...('filing' in command && command.filing !== undefined
                ? { filing: command.filing as FilingReference }
                : {}),
            }),
          'submit command',
        )
      : asCommand(
          () =>
            procedure.start({
              ...common,
              receivedAt: at,
              receivedBy: command.actor as Actor,
              ...(command.liaison === undefined ? {} : { liaison: command.liaison as LiaisonLinkInput }),
              ...(reception ? { reception } : {}),
            }),
          'receive command',
        );
  // The officer and the channel as the procedure checked them.
  const { receivedBy: actor, channel } = draft.context;
  const idempotency = command.idempotencyKey
    ? {
        key: command.idempotencyKey,
        fingerprint: commandFingerprint({
          command: kind === 'SUBMIT' ? 'submit' : 'receive',
          ...('filing' in command ? { filing: command.filing } : {}),
          procedure: command.procedure,
          version: command.version,
          agency,
          channel,
          actor,
          applicant: command.applicant,
          application: command.application,
          at: command.at,
          liaison: command.liaison,
          reception: command.reception,
        }),
      }
    : undefined;
  return keyed(ctx, idempotency, async () => {
    const localDate = calendar.localDate(at);
    const sequence = await store.nextSequence(agency, localDate);
    const code = formatDossierCode({ agency, date: localDate, sequence });
    const persisted = { ...draft, context: { ...draft.context, code, secret: issueSecret() } };
    const view = dossierView(persisted, 1, procedure.definition);
    const afterState = view.state;
    const info: ReceiptTransitionInfo | SubmissionTransitionInfo = {
      ...(kind === 'SUBMIT'
        ? { type: 'SUBMIT', event: { type: 'SUBMIT', channel } }
        : { type: 'RECEIVE', event: { type: 'RECEIVE', channel } }),
      version: 1,
      before: null,
      after: persisted.context,
      beforeState: null,
      afterState,
      procedure: procedure.definition,
      calendar,
      now: at,
    };
    const result = await commitChange(ctx, {
      before: null,
      after: persisted,
      view,
      version: 1,
      firedTimers: [],
      journal: receiptJournalEntry(
        persisted.context,
        procedure,
        actor,
        afterState,
        idempotency?.key ?? null,
        kind,
      ),
      effects: pluginEffects(ctx, code, 1, at, (p) => p.onTransition?.(info)),
      idempotency,
    });
    ctx.inspection.received(procedure, persisted, { channel });
    return result;
  });
}
