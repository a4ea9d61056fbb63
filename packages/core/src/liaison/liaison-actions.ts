import type { TimeLimit } from '../calendar/time-limit.js';
import { extendLimit } from '../calendar/time-limit.js';
import { type Actor, toInstant } from '../model/actor.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { DossierEvent } from '../model/dossier-events.js';
import type { LiaisonMemberState, LiaisonParent } from '../model/liaison-context.js';
import type { SlipParty } from '../model/slip-row.js';
import { classifyTimeliness } from '../model/timeliness.js';
import * as act from '../procedure/lifecycle-actions.js';
import {
  APPLICANT_PARTY,
  actorParty,
  appendSlip,
  type LifecycleEnv,
  party,
} from '../procedure/lifecycle-env.js';
import type { LiaisonLimitRule, LiaisonMember, ResolvedLiaison } from './liaison-definition.js';
import { isOpenMember, LIAISON_ROLE, readyMembers } from './liaison-rules.js';

/** What the liaison actions need: the parent procedure's definition and calendar, and the liaison. */
export interface LiaisonEnv extends LifecycleEnv {
  readonly liaison: ResolvedLiaison;
}

type E<T extends DossierEvent['type']> = Extract<DossierEvent, { type: T }>;
const d = (iso: string) => new Date(iso);
const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);
const norm = (iso: string) => toInstant(d(iso));

/** The parent section of a liaison's context (throws on another dossier). */
export function parentOf(ctx: DossierContext): LiaisonParent {
  if (ctx.liaison?.role !== 'parent') throw new Error(`dossier ${ctx.code} is not a liaison parent`);
  return ctx.liaison;
}

/** A member's definition. */
function memberSpec(env: LiaisonEnv, id: string): LiaisonMember {
  const m = env.liaison.definition.members.find((x) => x.id === id);
  if (!m) throw new Error(`liaison ${env.liaison.definition.code}: no member ${id}`);
  return m;
}

/** A member's unit id on the parent dossier. */
function memberUnit(m: LiaisonMember): string {
  return m.unit ?? m.agency.id;
}

/** The limit rule chosen at receipt (`undefined` for the base limit). */
function ruleOf(env: LiaisonEnv, section: LiaisonParent): LiaisonLimitRule | undefined {
  return env.liaison.definition.timeLimits.find((r) => r.label === section.limit);
}

/** The liaison's total time limit: the rule's or the base one, with verification, plus the office's allowances. */
function totalLimit(env: LiaisonEnv, rule: LiaisonLimitRule | undefined, verification: boolean): TimeLimit {
  const def = env.liaison.definition;
  const limit = verification
    ? rule
      ? (rule.verificationTimeLimit ?? rule.timeLimit)
      : (def.verificationTimeLimit ?? def.timeLimit)
    : (rule?.timeLimit ?? def.timeLimit);
  return extendLimit(
    limit,
    env.liaison.allowances.reduce((n, a) => n + a.workingDays, 0),
  );
}

function budgetOf(env: LiaisonEnv, m: LiaisonMemberState): TimeLimit {
  const spec = memberSpec(env, m.id);
  return m.verification ? (spec.verificationBudget ?? spec.budget) : spec.budget;
}

/** Who holds a parent dossier: the one member agency holding it, otherwise the desk. */
function holderOf(env: LiaisonEnv, members: readonly LiaisonMemberState[]): string {
  const open = members.filter(isOpenMember);
  return open.length === 1 ? open[0]!.unit : env.def.desk;
}

/**
 * The member agency that held a liaison at `instant` (for lateness): of the agencies holding it
 * then, the one whose own due time came first; the desk when none did.
 */
function liaisonHolderAt(env: LiaisonEnv, ctx: DossierContext, instant: string): string {
  const t = Date.parse(instant);
  const holding = parentOf(ctx)
    .members.filter(
      (m) =>
        m.handedAt !== null &&
        Date.parse(m.handedAt) <= t &&
        (m.returnedAt === null || t < Date.parse(m.returnedAt)) &&
        (m.status !== 'cancelled' || m.returnedAt !== null),
    )
    .sort((a, b) => Date.parse(a.due ?? instant) - Date.parse(b.due ?? instant));
  return holding[0]?.unit ?? env.def.desk;
}

function withMembers(
  env: LiaisonEnv,
  ctx: DossierContext,
  members: LiaisonMemberState[],
  extra: Partial<DossierContext> & { section?: Partial<LiaisonParent> },
): DossierContext {
  const { section, ...rest } = extra;
  return {
    ...ctx,
    holder: holderOf(env, members),
    ...rest,
    liaison: { ...parentOf(ctx), ...section, members },
  };
}

/** The slip party of a member agency reporting: its officer, or the agency itself for the liaison software. */
function memberParty(env: LiaisonEnv, actor: Actor, m: LiaisonMemberState): SlipParty {
  return actor.unitId === m.unit && !actor.roles.includes(LIAISON_ROLE)
    ? actorParty(env, actor)
    : party(env, m.unit);
}

/** The context of a newly received liaison: the total due time, every member waiting (or not requested). */
export function liaisonReceiptContext(env: LiaisonEnv, input: act.ReceiptInput): DossierContext {
  const base = act.receiptContext(env, input);
  const def = env.liaison.definition;
  const members: LiaisonMemberState[] = def.members.map((m) => {
    const data = m.application(input.application as never);
    const requested = !m.optional || (data !== null && data !== undefined);
    return {
      id: m.id,
      procedure: m.procedure,
      agency: m.agency.id,
      unit: memberUnit(m),
      status: requested ? 'waiting' : 'not-requested',
      childCode: null,
      handedAt: null,
      acceptedAt: null,
      due: null,
      resultAt: null,
      returnedAt: null,
      outcome: null,
      reasons: [],
      timeliness: null,
      verification: false,
      supplementRequests: 0,
      remainingMinutes: null,
      apology: null,
    };
  });
  const requested = new Set(members.filter((m) => m.status !== 'not-requested').map((m) => m.id));
  const rule = def.timeLimits.find((r) => r.when({ members: requested, application: input.application }));
  const legal = toInstant(env.calendar.dueDate(d(base.receivedAt), totalLimit(env, rule, false)));
  return {
    ...base,
    due: { legal, current: legal, service: null },
    steps: [],
    holder: env.def.desk,
    slip: [],
    liaison: {
      role: 'parent',
      mode: def.mode,
      members,
      limit: rule?.label ?? 'base',
      verification: false,
      extensions: env.liaison.allowances.map((a) => ({
        id: a.id,
        reason: a.reason,
        workingDays: a.workingDays,
        at: base.receivedAt,
      })),
      outcome: null,
    },
  };
}

/** HAND_OFF: the member's due time from its budget; a control-slip row desk → agency. */
export function handOff(env: LiaisonEnv, ctx: DossierContext, e: E<'HAND_OFF'>): DossierContext {
  const section = parentOf(ctx);
  const ids = e.member ? [e.member] : readyMembers(env.liaison.definition, section).map((m) => m.id);
  let slip = ctx.slip;
  const members = section.members.map((m): LiaisonMemberState => {
    if (!ids.includes(m.id)) return m;
    const spec = memberSpec(env, m.id);
    const due = toInstant(env.calendar.dueDate(d(e.at), spec.budget));
    slip = appendSlip(env, slip, {
      kind: 'handover',
      from: actorParty(env, e.actor),
      to: party(env, m.unit),
      at: e.at,
      due,
      note: [`Chuyển hồ sơ liên thông: ${spec.name.vi}`, e.note].filter(Boolean).join('. '),
    });
    return { ...m, status: 'handed-off', handedAt: e.at, due };
  });
  return withMembers(env, ctx, members, { slip, updatedAt: e.at });
}

function update(
  env: LiaisonEnv,
  ctx: DossierContext,
  id: string,
  change: (m: LiaisonMemberState) => LiaisonMemberState,
  extra: Partial<DossierContext> & { section?: Partial<LiaisonParent> } = {},
): DossierContext {
  return withMembers(
    env,
    ctx,
    parentOf(ctx).members.map((m) => (m.id === id ? change(m) : m)),
    extra,
  );
}

/** MEMBER_ACCEPTED: the member agency's dossier code. */
export function memberAccepted(
  env: LiaisonEnv,
  ctx: DossierContext,
  e: E<'MEMBER_ACCEPTED'>,
): DossierContext {
  return update(
    env,
    ctx,
    e.member,
    (m) => ({ ...m, status: 'accepted', childCode: e.childCode, acceptedAt: e.at }),
    {
      updatedAt: e.at,
    },
  );
}

/** MEMBER_VERIFICATION: the member's budget, and the total, switch to their limits with verification. */
export function memberVerification(
  env: LiaisonEnv,
  ctx: DossierContext,
  e: E<'MEMBER_VERIFICATION'>,
): DossierContext {
  const section = parentOf(ctx);
  const spec = memberSpec(env, e.member);
  let due = ctx.due;
  if (!section.verification) {
    const rule = ruleOf(env, section);
    const before = totalLimit(env, rule, false);
    const after = totalLimit(env, rule, true);
    let legal = ctx.due.legal;
    if ('workingDays' in before && 'workingDays' in after) {
      const days = after.workingDays - before.workingDays;
      if (days > 0)
        legal = toInstant(env.calendar.addWorkingMinutes(d(legal), days * env.calendar.workingDayMinutes));
    } else {
      legal = later(toInstant(env.calendar.dueDate(d(ctx.receivedAt), after)), legal);
    }
    due = { ...ctx.due, legal, current: later(ctx.due.current, legal) };
  }
  return update(
    env,
    ctx,
    e.member,
    (m) => ({
      ...m,
      verification: true,
      childCode: m.childCode ?? e.childCode ?? null,
      due:
        m.handedAt && spec.verificationBudget
          ? later(
              toInstant(env.calendar.dueDate(d(m.handedAt), spec.verificationBudget)),
              m.due ?? m.handedAt,
            )
          : m.due,
    }),
    { due, updatedAt: e.at, section: { verification: true } },
  );
}

/** MEMBER_SUPPLEMENT: the whole liaison pauses; the request goes to the applicant through the desk. */
export function memberSupplement(
  env: LiaisonEnv,
  ctx: DossierContext,
  e: E<'MEMBER_SUPPLEMENT'>,
): DossierContext {
  const { calendar } = env;
  const def = env.liaison.definition;
  const at = d(e.at);
  const left = (iso: string) => Math.max(0, calendar.workingMinutesBetween(at, d(iso)));
  const section = parentOf(ctx);
  const target = section.members.find((m) => m.id === e.member)!;
  const members = section.members.map((m): LiaisonMemberState => {
    let next = m;
    if (!ctx.pause && isOpenMember(m) && m.due) next = { ...next, remainingMinutes: left(m.due) };
    if (m.id === e.member) {
      next = {
        ...next,
        status: 'supplementing',
        supplementRequests: m.supplementRequests + 1,
        childCode: m.childCode ?? e.childCode ?? null,
      };
    }
    return next;
  });
  const respondBy = def.supplementation.responseLimit
    ? toInstant(calendar.dueDate(at, def.supplementation.responseLimit))
    : null;
  const slip = appendSlip(env, ctx.slip, {
    kind: 'supplement-request',
    from: memberParty(env, e.actor, target),
    to: APPLICANT_PARTY,
    at: e.at,
    note: `Yêu cầu bổ sung (${memberSpec(env, e.member).name.vi}): ${e.reason}`,
  });
  return {
    ...withMembers(env, ctx, members, {
      pause: ctx.pause ?? { since: e.at, remainingMinutes: left(ctx.due.current) },
      supplements: [
        ...ctx.supplements,
        {
          requestedAt: e.at,
          requestedBy: e.actor,
          items: e.items,
          reason: e.reason,
          respondBy,
          receivedAt: null,
        },
      ],
      slip,
      updatedAt: e.at,
    }),
    holder: env.def.desk,
  };
}

/**
 * Ends a pause at `at`: due times move by the working time paused (`resume`) or the total counts
 * again from `at` (`restart`), plus the extra days the rules allow when `supplemented`; members
 * that asked go back to their agencies.
 */
function endPause(env: LiaisonEnv, ctx: DossierContext, at: string, supplemented: boolean) {
  const { calendar } = env;
  const def = env.liaison.definition;
  const section = parentOf(ctx);
  const now = d(at);
  const paused = ctx.pause ? Math.max(0, calendar.workingMinutesBetween(d(ctx.pause.since), now)) : 0;
  const sup = def.supplementation;
  const granted = section.extensions.some((x) => x.id === 'supplementation');
  const extraDays =
    supplemented && sup.extraTime && (!sup.extraTime.once || !granted) ? sup.extraTime.workingDays : 0;
  const extra = extraDays * calendar.workingDayMinutes;
  const shift = (iso: string, minutes: number) =>
    minutes > 0 ? toInstant(calendar.addWorkingMinutes(d(iso), minutes)) : iso;
  const restart = sup.clock === 'restart' && supplemented;
  let legal: string;
  let current: string;
  if (restart) {
    const fresh = toInstant(
      calendar.dueDate(now, totalLimit(env, ruleOf(env, section), section.verification)),
    );
    legal = later(shift(fresh, extra), ctx.due.legal);
    current = later(ctx.due.current, legal);
  } else {
    legal = shift(ctx.due.legal, paused + extra);
    current = later(shift(ctx.due.current, paused + extra), legal);
  }
  const resumed: LiaisonMemberState[] = [];
  const members = section.members.map((m): LiaisonMemberState => {
    if (!isOpenMember(m) || !m.due) return m;
    if (m.status !== 'supplementing') return { ...m, due: shift(m.due, paused), remainingMinutes: null };
    const due = restart
      ? later(shift(toInstant(calendar.dueDate(now, budgetOf(env, m))), extra), m.due)
      : shift(m.due, paused + extra);
    const next: LiaisonMemberState = {
      ...m,
      due,
      status: m.childCode ? 'accepted' : 'handed-off',
      remainingMinutes: null,
    };
    resumed.push(next);
    return next;
  });
  const extensions = extraDays
    ? [
        ...section.extensions,
        {
          id: 'supplementation',
          reason: sup.extraTime?.basis ?? 'Hồ sơ phải bổ sung, hoàn thiện',
          workingDays: extraDays,
          at,
        },
      ]
    : section.extensions;
  return { legal, current, members, resumed, extensions };
}

/** SUPPLEMENT_RECEIVED: the complete dossier is back at the desk; the liaison resumes. */
export function liaisonSupplementReceived(
  env: LiaisonEnv,
  ctx: DossierContext,
  e: E<'SUPPLEMENT_RECEIVED'>,
): DossierContext {
  const { legal, current, members, resumed, extensions } = endPause(env, ctx, e.at, true);
  let slip = appendSlip(env, ctx.slip, {
    kind: 'supplement-received',
    from: APPLICANT_PARTY,
    to: actorParty(env, e.actor),
    at: e.at,
    note: e.note ?? 'Nhận hồ sơ bổ sung',
  });
  for (const m of resumed) {
    slip = appendSlip(env, slip, {
      kind: 'handover',
      from: actorParty(env, e.actor),
      to: party(env, m.unit),
      at: e.at,
      ...(m.due ? { due: m.due } : {}),
      note: `Chuyển hồ sơ đã bổ sung: ${memberSpec(env, m.id).name.vi}`,
    });
  }
  return withMembers(env, ctx, members, {
    due: { ...ctx.due, legal, current },
    overdue: ctx.overdue && Date.parse(legal) > Date.parse(e.at) ? null : ctx.overdue,
    pause: null,
    supplements: ctx.supplements.map((s) => (s.receivedAt ? s : { ...s, receivedAt: e.at })),
    slip,
    updatedAt: e.at,
    section: { extensions },
  });
}

/** MEMBER_APOLOGY: the member's new date; the liaison's due time in force moves when it is later. */
export function memberApology(env: LiaisonEnv, ctx: DossierContext, e: E<'MEMBER_APOLOGY'>): DossierContext {
  const { calendar } = env;
  const newDue = norm(e.newDue);
  const m = parentOf(ctx).members.find((x) => x.id === e.member)!;
  const previous = m.due ?? ctx.due.current;
  const latest = (iso: string) => calendar.addWorkingMinutes(d(iso), -calendar.workingDayMinutes).getTime();
  const moves = Date.parse(newDue) > Date.parse(ctx.due.current);
  const apology = moves
    ? (ctx.apology ?? {
        at: e.at,
        by: e.actor,
        causedBy: m.unit,
        reason: `${memberSpec(env, m.id).name.vi}: ${e.reason}`,
        previousDue: ctx.due.current,
        newDue,
        noticeInTime: Date.parse(e.at) <= latest(ctx.due.current),
      })
    : ctx.apology;
  return update(
    env,
    ctx,
    e.member,
    (x) => ({
      ...x,
      due: newDue,
      childCode: x.childCode ?? e.childCode ?? null,
      apology: {
        at: e.at,
        reason: e.reason,
        previousDue: previous,
        newDue,
        noticeInTime: Date.parse(e.at) <= latest(previous),
      },
    }),
    { apology, due: moves ? { ...ctx.due, current: newDue } : ctx.due, updatedAt: e.at },
  );
}

/** How a liaison ended once every requested member is done: complete, partial or refused. */
function outcomeOf(members: readonly LiaisonMemberState[]): LiaisonParent['outcome'] {
  const parts = members.filter((m) => m.status !== 'not-requested');
  if (parts.some((m) => m.status !== 'done' && m.status !== 'cancelled')) return null;
  const returned = parts.filter((m) => m.status === 'done' && m.outcome === 'returned').length;
  if (returned === parts.length) return 'complete';
  return returned === 0 ? 'refused' : 'partial';
}

/**
 * MEMBER_RESULT: the member is done (returned or refused): a control-slip row agency → desk, early /
 * on time / late against its due time. A refusal cancels the members that come after it. When every
 * requested member is done, the liaison's outcome is set (complete, partial, refused).
 */
export function memberResult(env: LiaisonEnv, ctx: DossierContext, e: E<'MEMBER_RESULT'>): DossierContext {
  const spec = memberSpec(env, e.member);
  const section0 = parentOf(ctx);
  const m0 = section0.members.find((x) => x.id === e.member)!;
  let base = ctx;
  // The member the liaison was paused for closed its part without the supplement: the clock runs again.
  if (
    ctx.pause &&
    m0.status === 'supplementing' &&
    !section0.members.some((x) => x !== m0 && x.status === 'supplementing')
  ) {
    const { legal, current, members } = endPause(env, ctx, e.at, false);
    base = withMembers(env, ctx, members, { due: { ...ctx.due, legal, current }, pause: null });
  }
  const section = parentOf(base);
  const m = section.members.find((x) => x.id === e.member)!;
  const resultAt = e.resultAt ? norm(e.resultAt) : e.at;
  // Against the member's due time before any apology (as the dossier's legal due time: an apology
  // does not make a late part on time).
  const legalDue = m.apology?.previousDue ?? m.due;
  const timeliness = legalDue ? classifyTimeliness(d(resultAt), d(legalDue), env.calendar) : null;
  const refused = e.outcome === 'refused';
  const slip = appendSlip(env, base.slip, {
    kind: 'handover',
    from: memberParty(env, e.actor, m),
    to: party(env, env.def.desk),
    at: e.at,
    stepId: m.id,
    ...(legalDue ? { due: legalDue } : {}),
    ...(timeliness ? { result: timeliness } : {}),
    note: [
      refused ? `Từ chối (${spec.name.vi}): ${e.reasons.join('; ')}` : `Trả kết quả: ${spec.name.vi}`,
      e.note,
    ]
      .filter(Boolean)
      .join('. '),
  });
  let members = section.members.map(
    (x): LiaisonMemberState =>
      x.id === m.id
        ? {
            ...x,
            status: 'done',
            childCode: x.childCode ?? e.childCode ?? null,
            outcome: e.outcome,
            reasons: e.reasons,
            resultAt,
            returnedAt: e.at,
            timeliness,
            remainingMinutes: null,
          }
        : x,
  );
  if (refused) {
    // Members that need this one's result cannot be done: cancel them (transitively).
    const blocked = new Set([m.id]);
    for (let changed = true; changed; ) {
      changed = false;
      members = members.map((x) => {
        if (x.status !== 'waiting') return x;
        const after = memberSpec(env, x.id).after;
        const cause = after.find((id) => blocked.has(id));
        if (!cause) return x;
        blocked.add(x.id);
        changed = true;
        return {
          ...x,
          status: 'cancelled',
          outcome: 'refused',
          reasons: [`Không thực hiện được vì ${memberSpec(env, cause).name.vi} bị từ chối`],
        };
      });
    }
  }
  return withMembers(env, base, members, {
    slip,
    decisionIssued: base.decisionIssued || !refused,
    updatedAt: e.at,
    section: { outcome: outcomeOf(members) },
  });
}

/** MARK_OVERDUE: the liaison passed its due time; the member agency that held it then is blamed. */
export function liaisonMarkOverdue(
  env: LiaisonEnv,
  ctx: DossierContext,
  e: E<'MARK_OVERDUE'>,
): DossierContext {
  return {
    ...ctx,
    overdue: { at: ctx.due.legal, unit: liaisonHolderAt(env, ctx, ctx.due.legal) },
    updatedAt: e.at,
  };
}

function refusals(env: LiaisonEnv, ctx: DossierContext): string[] {
  return parentOf(ctx)
    .members.filter((m) => m.outcome === 'refused')
    .map((m) => `${memberSpec(env, m.id).name.vi}: ${m.reasons.join('; ')}`);
}

/** Closes the parent with a kit action; open members are cancelled, lateness goes to the member agency. */
function closeWith<T extends DossierEvent>(
  env: LiaisonEnv,
  ctx: DossierContext,
  e: T,
  close: (env: LifecycleEnv, ctx: DossierContext, e: T) => DossierContext,
  reason: string,
): DossierContext {
  const section = parentOf(ctx);
  const members = section.members.map(
    (m): LiaisonMemberState =>
      isOpenMember(m) || m.status === 'waiting'
        ? { ...m, status: 'cancelled', reasons: [reason], remainingMinutes: null }
        : m,
  );
  const closed = close(env, withMembers(env, ctx, members, {}), e);
  if (!closed.outcome) return closed;
  const lateUnit =
    closed.outcome.result === 'LATE' ? (ctx.overdue?.unit ?? liaisonHolderAt(env, ctx, ctx.due.legal)) : null;
  return { ...closed, holder: env.def.desk, outcome: { ...closed.outcome, lateUnit } };
}

/**
 * RETURN_RESULT: the desk returns every part together. All refused: the dossier is refused with
 * every agency's reasons; some refused: returned, the refusals stated as the outcome's reasons.
 */
export function returnAll(env: LiaisonEnv, ctx: DossierContext, e: E<'RETURN_RESULT'>): DossierContext {
  const section = parentOf(ctx);
  const reasons = refusals(env, ctx);
  if (section.outcome === 'refused') {
    return closeWith(
      env,
      ctx,
      { type: 'REFUSE', at: e.at, actor: e.actor, reasons } as E<'REFUSE'>,
      act.refuse,
      'Hồ sơ liên thông đã đóng',
    );
  }
  const note =
    e.note ?? (section.outcome === 'partial' ? `Trả kết quả một phần. ${reasons.join(' ')}` : 'Trả kết quả');
  const closed = closeWith(env, ctx, { ...e, note }, act.returnResult, 'Hồ sơ liên thông đã đóng');
  return closed.outcome ? { ...closed, outcome: { ...closed.outcome, reasons } } : closed;
}

type CloseEvent = E<'REFUSE'> | E<'WITHDRAW'> | E<'STOP'> | E<'EXPIRE'>;

/** Why the parts are cancelled when the liaison closes with `e`. */
function closeReason(e: CloseEvent): string {
  switch (e.type) {
    case 'REFUSE':
      return `Hồ sơ liên thông bị từ chối: ${e.reasons.join('; ')}`;
    case 'WITHDRAW':
      return 'Người yêu cầu rút hồ sơ liên thông';
    case 'STOP':
      return 'Dừng giải quyết hồ sơ liên thông theo đề nghị';
    case 'EXPIRE':
      return 'Quá hạn bổ sung hồ sơ liên thông';
  }
}

/** Closes the liaison now with the kit's action for `e`: the parts not done are cancelled. */
function closeNow(env: LiaisonEnv, ctx: DossierContext, e: CloseEvent): DossierContext {
  const reason = closeReason(e);
  switch (e.type) {
    case 'REFUSE':
      return closeWith(env, ctx, e, act.refuse, reason);
    case 'WITHDRAW':
      return closeWith(env, ctx, e, act.withdraw, reason);
    case 'STOP':
      return closeWith(env, ctx, e, act.stop, reason);
    case 'EXPIRE':
      return closeWith(env, ctx, e, act.expire, reason);
  }
}

/** Whether closing the liaison now must first ask member agencies to stop: some agency holds a part. */
export function closingAsksAgencies(ctx: DossierContext): boolean {
  return parentOf(ctx).members.some(isOpenMember);
}

/**
 * REFUSE / WITHDRAW / STOP / EXPIRE of the whole liaison. When no agency holds a part, it closes at
 * once (the parts not done are cancelled). Otherwise the parts not handed off are cancelled, each
 * agency holding one is asked to stop it (`cancelling`, a `cancel` message), and the request is
 * kept in `liaison.closing`: the liaison closes with it once every agency has answered (see
 * {@link closingAnswer}).
 */
export function closeLiaison(env: LiaisonEnv, ctx: DossierContext, e: CloseEvent): DossierContext {
  if (!closingAsksAgencies(ctx)) return closeNow(env, ctx, e);
  const reason = closeReason(e);
  const section = parentOf(ctx);
  let stopped = false;
  const members = section.members.map((m): LiaisonMemberState => {
    if (isOpenMember(m)) return { ...m, status: 'cancelling', reasons: [reason], remainingMinutes: null };
    if (m.status !== 'waiting') return m;
    stopped = true;
    return { ...m, status: 'cancelled', reasons: [reason], remainingMinutes: null };
  });
  return withMembers(env, ctx, members, {
    updatedAt: e.at,
    section: {
      closing: {
        type: e.type,
        at: e.at,
        actor: e.actor,
        reasons: e.type === 'REFUSE' ? e.reasons : 'reason' in e && e.reason ? [e.reason] : [],
        stopped,
      },
    },
  });
}

/** MEMBER_CANCELLED: the agency stopped its part at the desk's request; a control-slip row agency → desk. */
function memberCancelled(env: LiaisonEnv, ctx: DossierContext, e: E<'MEMBER_CANCELLED'>): DossierContext {
  const m = parentOf(ctx).members.find((x) => x.id === e.member)!;
  const slip = appendSlip(env, ctx.slip, {
    kind: 'handover',
    from: memberParty(env, e.actor, m),
    to: party(env, env.def.desk),
    at: e.at,
    stepId: m.id,
    note: [`Dừng xử lý: ${memberSpec(env, m.id).name.vi}`, e.note].filter(Boolean).join('. '),
  });
  return update(
    env,
    ctx,
    e.member,
    (x) => ({ ...x, status: 'cancelled', childCode: x.childCode ?? e.childCode ?? null, returnedAt: e.at }),
    { slip, updatedAt: e.at },
  );
}

/**
 * An agency's answer to a request to close the liaison early: `MEMBER_CANCELLED` (it stopped the
 * part) or `MEMBER_RESULT` (the part was already decided: its result stands and is recorded like any
 * result). Once every agency asked has answered, the liaison closes with the request; when no part
 * at all was stopped (every one already decided), the request cannot take effect and the liaison
 * waits at `resultReady` for the desk to return the results.
 */
export function closingAnswer(
  env: LiaisonEnv,
  ctx: DossierContext,
  e: E<'MEMBER_RESULT'> | E<'MEMBER_CANCELLED'>,
): DossierContext {
  const closing = parentOf(ctx).closing;
  if (!closing) throw new Error(`liaison ${ctx.code} is not being closed`);
  const answered =
    e.type === 'MEMBER_CANCELLED'
      ? memberCancelled(env, ctx, e)
      : memberResult(env, ctx, {
          ...e,
          note: [e.note, 'Đã có kết quả khi nhận đề nghị dừng xử lý'].filter(Boolean).join('. '),
        });
  const section = parentOf(answered);
  const next = { ...closing, stopped: closing.stopped || e.type === 'MEMBER_CANCELLED' };
  const waiting = section.members.some((m) => m.status === 'cancelling');
  const withClosing = (outcome: LiaisonParent['outcome']): DossierContext => ({
    ...answered,
    liaison: { ...section, outcome, closing: next },
  });
  if (waiting) return withClosing(null);
  if (!next.stopped) return withClosing(outcomeOf(section.members));
  const base = { at: e.at, actor: closing.actor };
  const request: CloseEvent =
    closing.type === 'REFUSE'
      ? { type: 'REFUSE', ...base, reasons: closing.reasons }
      : closing.type === 'EXPIRE'
        ? { type: 'EXPIRE', ...base }
        : { type: closing.type, ...base, ...(closing.reasons[0] ? { reason: closing.reasons[0] } : {}) };
  return closeNow(env, withClosing(null), request);
}
