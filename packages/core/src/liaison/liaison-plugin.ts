import type { Engine, EngineEvent, EngineLogEntry } from '../engine/engine-types.js';
import type { EffectRequest, EnginePlugin, TransitionInfo } from '../engine/plugin.js';
import { DeferredDeliveryError, PermanentDeliveryError } from '../engine/plugin.js';
import {
  ConflictError,
  DefinitionError,
  IdempotencyKeyError,
  NotFoundError,
  PermissionError,
  TransitionError,
  ValidationError,
} from '../errors/dossier-errors.js';
import { MotcuaError } from '../errors/motcua-error.js';
import type { ActorInput } from '../model/actor.js';
import { toInstant } from '../model/actor.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { LiaisonLink, LiaisonMemberState, LiaisonParent } from '../model/liaison-context.js';
import type { Procedure } from '../procedure/define-procedure.js';
import { liaisonOf } from './liaison-definition.js';
import { handoffId, type LiaisonMessage, LiaisonMessageSchema } from './liaison-message.js';
import { isOpenMember, LIAISON_ROLE } from './liaison-rules.js';
import { type LiaisonSubscription, type LiaisonTransport, TransportUnavailableError } from './transport.js';

/** Options of {@link liaisonPlugin}. */
export interface LiaisonPluginOptions {
  /** This engine's address on the transport: the agency id that liaison definitions name. */
  readonly agency: string;
  readonly transport: LiaisonTransport;
  /** Plugin name (default `'liaison'`): outbox effects are `<name>.message`. */
  readonly name?: string;
  /** Name of the liaison software's officer on slips and journals (default `'Phần mềm liên thông'`). */
  readonly officerName?: string;
  /** Commands run on a message before it is given up to the transport's redelivery (default 5). */
  readonly attempts?: number;
  readonly log?: (entry: EngineLogEntry) => void;
}

/** The liaison plugin: an {@link EnginePlugin} that also listens to the transport once attached. */
export interface LiaisonPlugin extends EnginePlugin {
  /** Subscribes to this agency's messages and applies them to `engine` (the engine this plugin is in). */
  attach(engine: Engine): Promise<void>;
  /** Stops listening (the messages that arrive meanwhile wait on the transport). */
  detach(): Promise<void>;
}

type LiaisonCancelled = Extract<LiaisonMessage, { kind: 'cancelled' }>;

type Outgoing = {
  [K in LiaisonMessage['kind']]: Omit<Extract<LiaisonMessage, { kind: K }>, 'from'>;
}[LiaisonMessage['kind']];

/** Errors that a redelivery cannot cure: the message is dropped (and logged). */
function permanent(e: unknown): boolean {
  if (e instanceof ConflictError) return false;
  return (
    e instanceof ValidationError ||
    e instanceof TransitionError ||
    e instanceof PermissionError ||
    e instanceof NotFoundError ||
    e instanceof DefinitionError ||
    (e instanceof MotcuaError && ['UNKNOWN_PROCEDURE', 'NO_VERSION_IN_FORCE'].includes(e.code))
  );
}

/** A ValidationError caused only by the event's time being earlier than the dossier's last event: retry. */
function staleTime(e: unknown): boolean {
  return e instanceof ValidationError && e.issues.every((i) => i.field === 'event.at');
}

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The liaison (một cửa liên thông) between engines: install it on the focal desk's engine and on
 * each member agency's engine, with the same transport.
 *
 * Focal side: a parent's `HAND_OFF` becomes an outbox effect (committed with the transition)
 * that publishes a `handoff` message with the member's application data to the member agency;
 * `SUPPLEMENT_RECEIVED` tells the agencies that asked; closing the liaison early cancels the
 * parts still open. Member side: a received `handoff` becomes `engine.receive(...)` of the member's
 * procedure (idempotency key = the message id), and that dossier's receipt, supplementation
 * request, apology, result (`RETURN_RESULT`) or refusal go back as messages, applied to the parent
 * with `engine.send(parent, MEMBER_*, { idempotencyKey: message.id })`.
 *
 * A handoff is never lost (outbox, then a transport that keeps it until a handler acknowledges
 * it) and never applied twice (idempotency keys). Call {@link LiaisonPlugin.attach} with the
 * engine once it is created.
 *
 * @example
 * ```ts
 * import { createEngine, inProcessTransport, liaisonPlugin, vietnamCalendar } from '@motcua/core';
 * import { birthLiaison2024 } from '@motcua/procedures';
 * const calendar = vietnamCalendar();
 * const birth = birthLiaison2024({ calendar });
 * const liaison = liaisonPlugin({ agency: 'ubnd-xa', transport: inProcessTransport() });
 * const engine = createEngine({
 *   procedures: [birth.liaison, birth.members.birth], calendar, agency: 'H56', plugins: [liaison],
 * });
 * await liaison.attach(engine);
 * ```
 */
export function liaisonPlugin(options: LiaisonPluginOptions): LiaisonPlugin {
  const name = options.name ?? 'liaison';
  const officerName = options.officerName ?? 'Phần mềm liên thông';
  const attempts = options.attempts ?? 5;
  const log = options.log ?? (() => {});
  const { transport, agency } = options;
  let engine: Engine | undefined;
  let subscription: LiaisonSubscription | undefined;

  const effect = (key: string, payload: Outgoing): EffectRequest => ({
    type: 'message',
    key,
    payload: { ...payload, from: agency },
  });

  const parentEffects = (info: TransitionInfo, after: LiaisonParent): EffectRequest[] => {
    const resolved = liaisonOf(info.procedure);
    if (!resolved) return [];
    const ctx = info.after;
    const before = info.before?.liaison?.role === 'parent' ? info.before.liaison : undefined;
    const liaison = `${info.procedure.code}@${info.procedure.version}`;
    const out: EffectRequest[] = [];
    for (const m of after.members) {
      const was = before?.members.find((x) => x.id === m.id)?.status ?? 'waiting';
      const common = { parentCode: ctx.code, memberId: m.id, to: m.agency, at: ctx.updatedAt, liaison };
      if (was === 'waiting' && m.status === 'handed-off' && m.handedAt) {
        const spec = resolved.definition.members.find((x) => x.id === m.id)!;
        out.push(
          effect(`handoff:${m.id}`, {
            kind: 'handoff',
            ...common,
            id: handoffId(ctx.code, m.id, m.handedAt),
            procedure: spec.procedure,
            ...(spec.version ? { version: spec.version } : {}),
            channel: ctx.channel,
            applicant: ctx.applicant,
            application: spec.application(ctx.application as never) ?? null,
            due: m.due,
          }),
        );
      } else if (
        info.type === 'SUPPLEMENT_RECEIVED' &&
        was === 'supplementing' &&
        (m.status === 'accepted' || m.status === 'handed-off') &&
        m.handedAt
      ) {
        out.push(
          effect(`supplemented:${m.id}`, {
            kind: 'supplemented',
            ...common,
            id: `supplemented:${ctx.code}:${m.id}:${ctx.updatedAt}`,
            childCode: m.childCode,
            handoffId: handoffId(ctx.code, m.id, m.handedAt),
          }),
        );
      } else if (
        isOpenMember({ status: was } as LiaisonMemberState) &&
        m.status === 'cancelling' &&
        m.handedAt
      ) {
        out.push(
          effect(`cancel:${m.id}`, {
            kind: 'cancel',
            ...common,
            id: `cancel:${ctx.code}:${m.id}`,
            childCode: m.childCode,
            handoffId: handoffId(ctx.code, m.id, m.handedAt),
            reason: m.reasons[0] ?? 'Hồ sơ liên thông đã đóng',
          }),
        );
      }
    }
    return out;
  };

  /** The answer of a member agency whose dossier for the part was withdrawn or stopped. */
  const cancelled = (ctx: DossierContext, link: LiaisonLink): Omit<LiaisonCancelled, 'from'> => ({
    kind: 'cancelled',
    id: `cancelled:${ctx.code}`,
    parentCode: link.parentCode,
    memberId: link.memberId,
    to: link.focalAgency,
    at: ctx.updatedAt,
    childCode: ctx.code,
    ...(link.liaison ? { liaison: link.liaison } : {}),
  });

  const childEffects = (info: TransitionInfo, link: LiaisonLink): EffectRequest[] => {
    const ctx = info.after;
    const common = {
      parentCode: link.parentCode,
      memberId: link.memberId,
      to: link.focalAgency,
      at: ctx.updatedAt,
      childCode: ctx.code,
      ...(link.liaison ? { liaison: link.liaison } : {}),
    };
    const id = (kind: string) => `${kind}:${ctx.code}:${ctx.updatedAt}`;
    const result = (outcome: 'returned' | 'refused', reasons: string[]): EffectRequest =>
      effect('result', {
        kind: 'result',
        ...common,
        id: id('result'),
        outcome,
        reasons,
        resultAt: ctx.updatedAt,
      });
    switch (info.type) {
      case 'RECEIVE':
        return [effect('accepted', { kind: 'accepted', ...common, id: `accepted:${ctx.code}` })];
      case 'REQUEST_SUPPLEMENT': {
        const s = ctx.supplements[ctx.supplements.length - 1]!;
        return [
          effect('supplement', {
            kind: 'supplement',
            ...common,
            id: id('supplement'),
            items: s.items,
            reason: s.reason,
          }),
        ];
      }
      case 'APOLOGIZE':
        return ctx.apology
          ? [
              effect('apology', {
                kind: 'apology',
                ...common,
                id: id('apology'),
                reason: ctx.apology.reason,
                newDue: ctx.apology.newDue,
              }),
            ]
          : [];
      case 'RETURN_RESULT':
        return [result('returned', [])];
      case 'REFUSE':
        return [result('refused', ctx.outcome?.reasons.length ? ctx.outcome.reasons : ['Từ chối'])];
      case 'EXPIRE':
        return [result('refused', ['Quá hạn bổ sung hồ sơ'])];
      case 'WITHDRAW':
      case 'STOP':
        return [effect('cancelled', cancelled(ctx, link))];
      default:
        return [];
    }
  };

  const attached = (): Engine => {
    if (!engine) throw new Error('liaisonPlugin: attach(engine) first');
    return engine;
  };

  const actorFor = (unitId: string, from: string): ActorInput => ({
    officerId: `liaison:${from}`,
    unitId,
    name: officerName,
    roles: [LIAISON_ROLE],
  });

  /** Sends an event built from the dossier's current state, retrying races on its version or time. */
  const sendTo = async (
    code: string,
    build: (ctx: DossierContext, at: string, state: string) => EngineEvent | null,
    key: string,
  ): Promise<void> => {
    const e = attached();
    for (let i = 1; ; i++) {
      // A message delivered again (at least once) whose event was applied: its key is stored. The
      // event is rebuilt with the time of each delivery, so it is found by key, not by replay.
      if ((await e.store.idempotentResult(key)) !== undefined) return;
      const view = await e.get(code);
      if (view.status === 'done') {
        log({ level: 'info', message: 'liaison message for a closed dossier ignored', code, type: key });
        return;
      }
      const at = later(toInstant(e.clock.now()), view.context.updatedAt);
      const event = build(view.context, at, view.state);
      if (!event) return;
      try {
        await e.send(code, event, { idempotencyKey: key });
        return;
      } catch (err) {
        // Another delivery of the same message applied it meanwhile, at another instant.
        if (err instanceof IdempotencyKeyError) return;
        if (i < attempts && (err instanceof ConflictError || staleTime(err))) continue;
        throw err;
      }
    }
  };

  const toParent = async (m: LiaisonMessage): Promise<void> => {
    await sendTo(
      m.parentCode,
      (ctx, at): EngineEvent | null => {
        const section = ctx.liaison;
        if (section?.role !== 'parent') throw new NotFoundError('liaison', m.parentCode);
        const member = section.members.find((x) => x.id === m.memberId);
        if (!member) throw new NotFoundError('liaison member', `${m.parentCode}/${m.memberId}`);
        const base = { at, actor: actorFor(member.unit, m.from), member: m.memberId };
        switch (m.kind) {
          case 'accepted':
            return { type: 'MEMBER_ACCEPTED', ...base, childCode: m.childCode };
          case 'verification':
            return { type: 'MEMBER_VERIFICATION', ...base, childCode: m.childCode, reason: m.reason };
          case 'supplement':
            return {
              type: 'MEMBER_SUPPLEMENT',
              ...base,
              childCode: m.childCode,
              items: m.items,
              reason: m.reason,
            };
          case 'apology':
            return {
              type: 'MEMBER_APOLOGY',
              ...base,
              childCode: m.childCode,
              reason: m.reason,
              newDue: m.newDue,
            };
          case 'cancelled':
            return { type: 'MEMBER_CANCELLED', ...base, childCode: m.childCode };
          case 'result':
            return {
              type: 'MEMBER_RESULT',
              ...base,
              ...(m.childCode ? { childCode: m.childCode } : {}),
              outcome: m.outcome,
              reasons: m.reasons,
              resultAt: Date.parse(m.resultAt) <= Date.parse(at) ? m.resultAt : at,
            };
          default:
            return null;
        }
      },
      `liaison:${m.id}`,
    );
  };

  /** The member agency's dossier of a handoff: by the code the message names, or by the handoff's idempotency key. */
  const childOf = async (childCode: string | null, handoff: string): Promise<string> => {
    if (childCode) return childCode;
    const first = (await attached().store.idempotentResult(`liaison:${handoff}`)) as
      | { code?: string }
      | undefined;
    if (!first?.code) throw new Error(`the dossier of handoff ${handoff} is not received yet`);
    return first.code;
  };

  const deskOf = (ctx: DossierContext): string =>
    attached().procedures.get(ctx.procedure.code, ctx.procedure.version).definition.desk;

  const onHandoff = async (m: Extract<LiaisonMessage, { kind: 'handoff' }>): Promise<void> => {
    const e = attached();
    try {
      const procedure: Procedure = m.version
        ? e.procedures.get(m.procedure, m.version)
        : e.procedures.inForce(m.procedure, e.calendar.localDate(e.clock.now()));
      const def = procedure.definition;
      await e.receive({
        procedure: procedure.code,
        version: procedure.version,
        channel: def.channels.includes(m.channel) ? m.channel : def.channels[0]!,
        actor: actorFor(def.desk, m.from),
        applicant: m.applicant,
        application: m.application,
        idempotencyKey: `liaison:${m.id}`,
        liaison: {
          role: 'member',
          parentCode: m.parentCode,
          memberId: m.memberId,
          focalAgency: m.from,
          handoffId: m.id,
          due: m.due,
          ...(m.liaison ? { liaison: m.liaison } : {}),
        },
      });
    } catch (err) {
      if (!permanent(err)) throw err;
      // The agency cannot take the part (unknown procedure, invalid data): refuse it back at once.
      const reasons =
        err instanceof ValidationError && err.issues.length
          ? err.issues.map((i) => `${i.field}: ${i.message}`)
          : [message(err)];
      log({
        level: 'warn',
        message: 'liaison handoff refused',
        code: m.parentCode,
        type: m.memberId,
        error: message(err),
      });
      await transport.publish({
        kind: 'result',
        id: `refusal:${m.id}`,
        from: agency,
        to: m.from,
        at: toInstant(e.clock.now()),
        parentCode: m.parentCode,
        memberId: m.memberId,
        ...(m.liaison ? { liaison: m.liaison } : {}),
        childCode: null,
        outcome: 'refused',
        reasons,
        resultAt: toInstant(e.clock.now()),
      });
    }
  };

  const onSupplemented = async (m: Extract<LiaisonMessage, { kind: 'supplemented' }>): Promise<void> => {
    const code = await childOf(m.childCode, m.handoffId);
    await sendTo(
      code,
      (ctx, at) => ({
        type: 'SUPPLEMENT_RECEIVED',
        at,
        actor: actorFor(deskOf(ctx), m.from),
        note: m.note ?? 'Nhận hồ sơ bổ sung (liên thông)',
      }),
      `liaison:${m.id}`,
    );
  };

  /**
   * The focal desk asks to stop a part (the liaison is being closed early). A part not decided yet
   * is withdrawn (answered with `cancelled`); a decided one is not undone: its result ready at the
   * agency's desk is returned (answered with its `result`), one still being finished is returned by
   * the agency when it is done. A dossier already closed has answered with its own message; a
   * withdrawn or stopped one answers again.
   */
  const onCancel = async (m: Extract<LiaisonMessage, { kind: 'cancel' }>): Promise<void> => {
    const e = attached();
    const code = await childOf(m.childCode, m.handoffId);
    const view = await e.get(code);
    if (view.status === 'done') {
      const kind = view.context.outcome?.kind;
      const link = view.context.liaison;
      if ((kind === 'withdrawn' || kind === 'stopped') && link?.role === 'member') {
        // An id of its own: the first answer may have been dropped (the desk had not asked yet).
        await transport.publish({
          ...cancelled(view.context, link),
          id: `cancelled:${code}:${m.id}`,
          from: agency,
        });
      }
      return;
    }
    await sendTo(
      code,
      (ctx, at, state): EngineEvent | null => {
        const actor = actorFor(deskOf(ctx), m.from);
        if (state === 'resultReady') {
          return {
            type: 'RETURN_RESULT',
            at,
            actor,
            delivery: 'online',
            note: 'Đã có kết quả khi nhận đề nghị dừng xử lý: trả về bộ phận một cửa liên thông',
          };
        }
        if (ctx.decisionIssued) {
          log({
            level: 'info',
            message: 'liaison part already decided: it is returned when finished',
            code: ctx.code,
            type: 'cancel',
          });
          return null;
        }
        return { type: 'WITHDRAW', at, actor, reason: m.reason };
      },
      `liaison:${m.id}`,
    );
  };

  const handle = async (raw: LiaisonMessage): Promise<void> => {
    const parsed = LiaisonMessageSchema.safeParse(raw);
    if (!parsed.success) {
      log({
        level: 'error',
        message: 'malformed liaison message dropped',
        error: parsed.error.issues[0]?.message ?? '',
      });
      return;
    }
    const m = parsed.data;
    try {
      if (m.kind === 'handoff') await onHandoff(m);
      else if (m.kind === 'supplemented') await onSupplemented(m);
      else if (m.kind === 'cancel') await onCancel(m);
      else await toParent(m);
    } catch (err) {
      if (permanent(err)) {
        log({
          level: 'warn',
          message: `liaison ${m.kind} message not applicable, dropped`,
          code: m.parentCode,
          type: m.kind,
          error: message(err),
        });
        return;
      }
      log({
        level: 'warn',
        message: `liaison ${m.kind} message failed, will be redelivered`,
        code: m.parentCode,
        type: m.kind,
        error: message(err),
      });
      throw err;
    }
  };

  return {
    name,
    onTransition(info) {
      const section = info.after.liaison;
      if (section?.role === 'parent') return parentEffects(info, section);
      if (section?.role === 'member') return childEffects(info, section);
      return undefined;
    },
    async deliver(item, context) {
      const parsed = LiaisonMessageSchema.safeParse(item.payload);
      if (!parsed.success) throw new PermanentDeliveryError(`malformed liaison message in ${item.id}`);
      try {
        await transport.publish(parsed.data);
      } catch (e) {
        // The broker is unreachable: hold the item (not a failed attempt, never a dead letter).
        if (e instanceof TransportUnavailableError) {
          throw new DeferredDeliveryError(new Date(context.now.getTime() + e.retryAfterMs), e.message);
        }
        throw e;
      }
    },
    async attach(target) {
      if (engine && engine !== target) throw new Error('liaisonPlugin: already attached to another engine');
      engine = target;
      subscription ??= await transport.subscribe(agency, handle);
    },
    async detach() {
      const s = subscription;
      subscription = undefined;
      await s?.stop();
      engine = undefined;
    },
  };
}
