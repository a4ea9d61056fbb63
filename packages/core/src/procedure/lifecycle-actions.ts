import type { Actor } from '../model/actor.js';
import type { Applicant } from '../model/applicant.js';
import type { Channel } from '../model/channel.js';
import type { ResolvedReception } from '../model/cross-boundary.js';
import type { DossierContext, Outcome, StepRecord } from '../model/dossier-context.js';
import type { DossierEvent } from '../model/dossier-events.js';
import { formatInstant, instantMs } from '../model/instant-format.js';
import type { LiaisonLink } from '../model/liaison-context.js';
import { classifyTimelinessMs, type Timeliness } from '../model/timeliness.js';
import {
  APPLICANT_PARTY,
  actorParty,
  appended,
  appendSlip,
  copyContext,
  type LifecycleEnv,
  laterInstant,
  party,
  resumeShift,
  stepById,
  stepDue,
  stepIndex,
  timeLimitFor,
  withLast,
} from './lifecycle-env.js';
import { closedPayments } from './lifecycle-payments.js';
import { openStep } from './lifecycle-rules.js';
import { receptionAtReceipt } from './lifecycle-transfer.js';

/** What a dossier machine is started with: the receipt (tiếp nhận). */
export interface ReceiptInput {
  /** The dossier code, issued once at receipt (see `formatDossierCode`). */
  readonly code: string;
  /** Short secret printed on Form 01 for the public lookup. */
  readonly secret: string;
  /** Agency code used in the dossier code. */
  readonly agency: string;
  readonly receivedAt: string;
  /** The desk officer who received it. */
  readonly receivedBy: Actor;
  readonly channel: Channel;
  readonly applicant: Applicant;
  /** Application data, already validated against the procedure's schema. */
  readonly application: unknown;
  /** A member agency's dossier received for a liaison: its link to the parent dossier. */
  readonly liaison?: LiaisonLink | undefined;
  /** The receiving, competent and returning centres, as the engine resolved them in its desk topology. */
  readonly reception?: ResolvedReception | undefined;
}

type E<T extends DossierEvent['type']> = Extract<DossierEvent, { type: T }>;

/** Who held the dossier at `instant`, from the step records (the desk outside any step). */
function holderAt(env: LifecycleEnv, ctx: DossierContext, instant: string): string {
  const t = instantMs(instant);
  for (const s of ctx.steps) {
    if (instantMs(s.startedAt) <= t && (s.endedAt === null || t < instantMs(s.endedAt))) return s.unit;
  }
  return env.def.desk;
}

function classify(env: LifecycleEnv, at: string, due: string): Timeliness {
  return classifyTimelinessMs(instantMs(at), instantMs(due), env.calendar);
}

function closeOpenStep(
  env: LifecycleEnv,
  ctx: DossierContext,
  at: string,
  countedAt: string = at,
): { steps: StepRecord[]; closed?: StepRecord } {
  const open = openStep(ctx);
  if (!open) return { steps: ctx.steps };
  const closed = closedStep(env, open, at, countedAt);
  return { steps: withLast(ctx.steps, closed), closed };
}

/** The open step `open` (the context's last) closed at `at`, classified at `countedAt`. */
function closedStep(env: LifecycleEnv, open: StepRecord, at: string, countedAt: string): StepRecord {
  return { ...open, endedAt: at, result: classify(env, countedAt, open.due), remainingMinutes: null };
}

function startStep(env: LifecycleEnv, stepId: string, at: string): StepRecord {
  const step = stepById(env, stepId);
  return {
    stepId,
    unit: step.unit,
    startedAt: at,
    due: formatInstant(stepDue(env, instantMs(at), step.budget)),
    endedAt: null,
    result: null,
    remainingMinutes: null,
  };
}

/**
 * The context of a newly received dossier: due times from the calendar, the first step open.
 *
 * @example
 * ```ts
 * import { receiptContext, vietnamCalendar } from '@motcua/core';
 * import { CATALOGUE_CODES, catalogueSamples, permanentResidence } from '@motcua/procedures';
 * const [residence] = permanentResidence.versions;
 * const { applicant, application } = catalogueSamples[CATALOGUE_CODES.permanentResidence]!;
 * const context = receiptContext({ def: residence!.definition, calendar: vietnamCalendar() }, {
 *   code: '000.00.14.H56-260302-0001', secret: 'K7Q2M9', agency: '000.00.14.H56',
 *   receivedAt: '2026-03-02T09:00:00+07:00', channel: 'in-person',
 *   receivedBy: { officerId: 'desk-1', unitId: 'desk', name: 'Nguyễn Văn An', roles: [] }, applicant, application,
 * });
 * context.due.legal; // '2026-03-11T10:00:00.000Z': 7 working days, 17:00 in Hà Nội
 * ```
 */
export function receiptContext(env: LifecycleEnv, input: ReceiptInput): DossierContext {
  const { def, calendar } = env;
  const at = instantMs(input.receivedAt);
  // One form for every instant (UTC ISO), whatever offset the input was written with.
  const receivedAt = formatInstant(at);
  const legal = formatInstant(calendar.dueDateMs(at, timeLimitFor(def, input.channel)));
  const first = def.steps[0]!;
  const record = startStep(env, first.id, receivedAt);
  let slip: DossierContext['slip'] = [];
  if (first.unit !== def.desk) {
    slip = appendSlip(env, slip, {
      kind: 'handover',
      from: actorParty(env, input.receivedBy),
      to: party(env, first.unit),
      at: receivedAt,
      note: 'Tiếp nhận và chuyển hồ sơ',
    });
  }
  const context: DossierContext = {
    code: input.code,
    secret: input.secret,
    procedure: { code: def.code, version: def.version, regime: def.regime },
    agency: input.agency,
    channel: input.channel,
    applicant: input.applicant,
    application: input.application,
    receivedAt,
    receivedBy: input.receivedBy,
    due: {
      legal,
      current: legal,
      service: def.serviceTarget ? formatInstant(calendar.dueDateMs(at, def.serviceTarget)) : null,
    },
    pause: null,
    holder: first.unit,
    steps: [record],
    supplements: [],
    apology: null,
    decisionIssued: false,
    overdue: null,
    slip,
    outcome: null,
    updatedAt: receivedAt,
  };
  // Most receipts have neither: the literal alone (no objects made to be spread, and the layout
  // `copyContext` copies cheaply); otherwise the same keys in the same order as before.
  if (!input.liaison && !input.reception) return context;
  return {
    ...context,
    ...(input.liaison ? { liaison: input.liaison } : {}),
    ...(input.reception ? { reception: receptionAtReceipt(env, input.reception, receivedAt) } : {}),
  };
}

/** HAND_OVER: close the step (early / on time / late) and open the next, or hand to the desk. */
export function handOver(env: LifecycleEnv, ctx: DossierContext, e: E<'HAND_OVER'>): DossierContext {
  const open = openStep(ctx);
  const closed = open ? closedStep(env, open, e.at, e.at) : undefined;
  const i = closed ? stepIndex(env, closed.stepId) : env.def.steps.length - 1;
  const next = env.def.steps[i + 1];
  // The steps with the open one (the last) closed and the next one opened, as one new array
  // (`appended(withLast(steps, closed), started)` without the array in between).
  let steps: StepRecord[];
  if (next) {
    steps = appended(ctx.steps, startStep(env, next.id, e.at));
    if (closed) steps[ctx.steps.length - 1] = closed;
  } else {
    steps = closed ? withLast(ctx.steps, closed) : ctx.steps;
  }
  const toUnit = next ? next.unit : env.def.desk;
  const from = actorParty(env, e.actor);
  const to = party(env, toUnit, e.receiver);
  const note = e.note ?? '';
  // The row's keys as `{ kind, from, to, at, ...(closed ? { stepId, due, result } : {}), note }`,
  // written as two literals (no object made to be spread).
  const slip = appendSlip(
    env,
    ctx.slip,
    closed
      ? {
          kind: 'handover',
          from,
          to,
          at: e.at,
          stepId: closed.stepId,
          due: closed.due,
          result: closed.result!,
          note,
        }
      : { kind: 'handover', from, to, at: e.at, note },
  );
  const issued = ctx.decisionIssued || (closed ? stepById(env, closed.stepId).issuesDecision : false);
  // `{ ...ctx, steps, holder, decisionIssued, slip, updatedAt }` (and `finishedAt`), copied cheaply.
  const out = copyContext(ctx);
  out.steps = steps;
  out.holder = toUnit;
  out.decisionIssued = issued;
  out.slip = slip;
  out.updatedAt = e.at;
  // Back at the desk with the result: processing finished (Đã xử lý xong).
  if (!next) out.finishedAt = e.at;
  return out;
}

/**
 * RECORD_COMPONENTS: how dossier components were satisfied, the last recording per document; a
 * database lookup that did not find the data leaves the component unsatisfied (the paper is asked
 * for, Resolution 66.7/2025/NQ-CP).
 */
export function recordComponents(
  _env: LifecycleEnv,
  ctx: DossierContext,
  e: E<'RECORD_COMPONENTS'>,
): DossierContext {
  const byId = new Map((ctx.components ?? []).map((c) => [c.documentId, c]));
  for (const c of e.components) {
    byId.set(c.documentId, {
      ...c,
      satisfied: c.source !== 'database' || c.database?.answer === 'found',
      recordedBy: e.actor,
      recordedAt: e.at,
    });
  }
  return { ...ctx, components: [...byId.values()], updatedAt: e.at };
}

/**
 * ISSUE_RESULT: record the result documents issued. A result issued is a decision issued: the
 * dossier can no longer be stopped at the applicant's request (Circular 03/2025 art. 7).
 */
export function issueResult(_env: LifecycleEnv, ctx: DossierContext, e: E<'ISSUE_RESULT'>): DossierContext {
  return { ...ctx, results: [...(ctx.results ?? []), ...e.documents], decisionIssued: true, updatedAt: e.at };
}

/** SEND_BACK: close the step and reopen an earlier one with a fresh budget. */
export function sendBack(env: LifecycleEnv, ctx: DossierContext, e: E<'SEND_BACK'>): DossierContext {
  const { steps, closed } = closeOpenStep(env, ctx, e.at);
  const target = stepById(env, e.toStep);
  const slip = appendSlip(env, ctx.slip, {
    kind: 'sent-back',
    from: actorParty(env, e.actor),
    to: party(env, target.unit),
    at: e.at,
    ...(closed ? { stepId: closed.stepId, due: closed.due, result: closed.result! } : {}),
    note: e.reason,
  });
  return {
    ...ctx,
    steps: appended(steps, startStep(env, target.id, e.at)),
    holder: target.unit,
    slip,
    updatedAt: e.at,
  };
}

/** REQUEST_SUPPLEMENT: stop the clock, keep the time left, and send the request to the applicant. */
export function requestSupplement(
  env: LifecycleEnv,
  ctx: DossierContext,
  e: E<'REQUEST_SUPPLEMENT'>,
): DossierContext {
  const { calendar, def } = env;
  const at = instantMs(e.at);
  const left = (iso: string) => Math.max(0, calendar.workingMinutesBetweenMs(at, instantMs(iso)));
  const open = openStep(ctx);
  const steps = open ? withLast(ctx.steps, { ...open, remainingMinutes: left(open.due) }) : ctx.steps;
  const respondBy = def.supplementation.responseLimit
    ? formatInstant(calendar.dueDateMs(at, def.supplementation.responseLimit))
    : null;
  const slip = appendSlip(env, ctx.slip, {
    kind: 'supplement-request',
    from: actorParty(env, e.actor),
    to: APPLICANT_PARTY,
    at: e.at,
    note: `Yêu cầu bổ sung: ${e.reason}`,
  });
  return {
    ...ctx,
    steps,
    pause: { since: e.at, remainingMinutes: left(ctx.due.current) },
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
    holder: def.desk,
    slip,
    updatedAt: e.at,
  };
}

/**
 * SUPPLEMENT_RECEIVED: start the clock again. `restart`: the time limit counts from zero (Decree 61
 * art. 19(4)); `resume`: the time left at the request resumes. Due times never move earlier.
 */
export function supplementReceived(
  env: LifecycleEnv,
  ctx: DossierContext,
  e: E<'SUPPLEMENT_RECEIVED'>,
): DossierContext {
  const { calendar, def } = env;
  const at = instantMs(e.at);
  const restart = def.supplementation.clock === 'restart';
  const later = laterInstant;
  // `resume` shifts every due time by the working time the clock was stopped.
  const shift = resumeShift(env, ctx, at);
  let legal: string;
  let current: string;
  let service = ctx.due.service;
  if (restart) {
    legal = formatInstant(calendar.dueDateMs(at, timeLimitFor(def, ctx.channel)));
    current = later(legal, ctx.due.current);
    if (service && def.serviceTarget)
      service = later(formatInstant(calendar.dueDateMs(at, def.serviceTarget)), service);
  } else {
    legal = shift(ctx.due.legal);
    current = later(shift(ctx.due.current), legal);
    if (service) service = shift(service);
  }
  const open = openStep(ctx);
  let steps = ctx.steps;
  if (open) {
    const step = stepById(env, open.stepId);
    const due = restart ? formatInstant(stepDue(env, at, step.budget)) : shift(open.due);
    steps = withLast(ctx.steps, { ...open, due: later(due, open.due), remainingMinutes: null });
  }
  const holder = open ? open.unit : def.desk;
  let slip = appendSlip(env, ctx.slip, {
    kind: 'supplement-received',
    from: APPLICANT_PARTY,
    to: actorParty(env, e.actor),
    at: e.at,
    note: e.note ?? 'Nhận hồ sơ bổ sung',
  });
  if (holder !== e.actor.unitId) {
    slip = appendSlip(env, slip, {
      kind: 'handover',
      from: actorParty(env, e.actor),
      to: party(env, holder),
      at: e.at,
      note: 'Chuyển hồ sơ đã bổ sung',
    });
  }
  const supplements = ctx.supplements.map((s, i) =>
    i === ctx.supplements.length - 1 ? { ...s, receivedAt: e.at } : s,
  );
  // An overdue mark stands only while the legal due time it was set for has passed: after a
  // restart the dossier has a fresh time limit and may be marked again against it.
  const overdue = ctx.overdue && instantMs(legal) > instantMs(e.at) ? null : ctx.overdue;
  return {
    ...ctx,
    due: { legal, current, service },
    overdue,
    pause: null,
    steps,
    supplements,
    holder,
    slip,
    updatedAt: e.at,
  };
}

/** APOLOGIZE: record the apology (Form 04) and move the due time in force to the new date. */
export function apologize(env: LifecycleEnv, ctx: DossierContext, e: E<'APOLOGIZE'>): DossierContext {
  const { calendar } = env;
  const latestNotice = calendar.addWorkingMinutesMs(instantMs(ctx.due.current), -calendar.workingDayMinutes);
  return {
    ...ctx,
    apology: {
      at: e.at,
      by: e.actor,
      causedBy: e.causedBy ?? ctx.holder,
      reason: e.reason,
      previousDue: ctx.due.current,
      newDue: e.newDue,
      noticeInTime: instantMs(e.at) <= latestNotice,
    },
    due: { ...ctx.due, current: formatInstant(instantMs(e.newDue)) },
    updatedAt: e.at,
  };
}

/** MARK_OVERDUE: the dossier passed its legal due time; remember who held it then. */
export function markOverdue(env: LifecycleEnv, ctx: DossierContext, e: E<'MARK_OVERDUE'>): DossierContext {
  // `{ ...ctx, overdue, updatedAt }`, copied cheaply (both keys are the context's already).
  const out = copyContext(ctx);
  out.overdue = { at: ctx.due.legal, unit: holderAt(env, ctx, ctx.due.legal) };
  out.updatedAt = e.at;
  return out;
}

function close(
  env: LifecycleEnv,
  ctx: DossierContext,
  e: DossierEvent,
  kind: Outcome['kind'],
  extra: { reasons?: string[]; delivery?: string; note: string; classify: boolean },
): DossierContext {
  // While the clock is stopped (supplementation) no time counts, as MARK_OVERDUE is refused then:
  // a dossier closed while paused is classified at the moment the clock stopped.
  const countedAt = ctx.pause ? ctx.pause.since : e.at;
  const { steps } = closeOpenStep(env, ctx, e.at, countedAt);
  const result = extra.classify ? classify(env, countedAt, ctx.due.legal) : null;
  const lateUnit = result === 'LATE' ? (ctx.overdue?.unit ?? holderAt(env, ctx, ctx.due.legal)) : null;
  const rowKind = kind === 'returned' ? 'result-returned' : 'closed';
  const from = actorParty(env, e.actor);
  // `{ kind, from, to, at, due, ...(result ? { result } : {}), note }` as two literals.
  const slip = appendSlip(
    env,
    ctx.slip,
    result
      ? { kind: rowKind, from, to: APPLICANT_PARTY, at: e.at, due: ctx.due.legal, result, note: extra.note }
      : { kind: rowKind, from, to: APPLICANT_PARTY, at: e.at, due: ctx.due.legal, note: extra.note },
  );
  // `{ ...ctx, steps, pause: null, ...closedPayments(ctx, e), outcome, slip, updatedAt }`: every
  // key is already the context's (closed payments replace its `payments`), so assigning them to a
  // copy keeps the spread's keys and order.
  const out = copyContext(ctx);
  out.steps = steps;
  out.pause = null;
  const { payments } = closedPayments(ctx, e);
  if (payments) out.payments = payments;
  out.outcome = {
    kind,
    at: e.at,
    by: e.actor,
    result,
    lateUnit,
    reasons: extra.reasons ?? [],
    ...(extra.delivery ? { delivery: extra.delivery } : {}),
  };
  out.slip = slip;
  out.updatedAt = e.at;
  return out;
}

/** RETURN_RESULT: hand the result over; classify the dossier against its legal due time. */
export function returnResult(env: LifecycleEnv, ctx: DossierContext, e: E<'RETURN_RESULT'>): DossierContext {
  const closed = close(env, ctx, e, 'returned', {
    delivery: e.delivery,
    note: e.note ?? 'Trả kết quả',
    classify: true,
  });
  return e.handover && closed.outcome
    ? { ...closed, outcome: { ...closed.outcome, handover: e.handover } }
    : closed;
}

/** REFUSE: a refusal with reasons, itself due within the time limit (Decree 61 art. 19(8)). */
export function refuse(env: LifecycleEnv, ctx: DossierContext, e: E<'REFUSE'>): DossierContext {
  return close(env, ctx, e, 'refused', {
    reasons: e.reasons,
    note: `Từ chối: ${e.reasons.join('; ')}`,
    classify: true,
  });
}

/** WITHDRAW: the applicant withdraws the dossier. */
export function withdraw(env: LifecycleEnv, ctx: DossierContext, e: E<'WITHDRAW'>): DossierContext {
  return close(env, ctx, e, 'withdrawn', {
    reasons: e.reason ? [e.reason] : [],
    note: 'Rút hồ sơ theo đề nghị',
    classify: false,
  });
}

/** STOP: processing stops at the applicant's request (2025 stop notice). */
export function stop(env: LifecycleEnv, ctx: DossierContext, e: E<'STOP'>): DossierContext {
  return close(env, ctx, e, 'stopped', {
    reasons: e.reason ? [e.reason] : [],
    note: 'Dừng giải quyết theo đề nghị',
    classify: false,
  });
}

/** EXPIRE: the applicant did not supplement within the response limit. */
export function expire(env: LifecycleEnv, ctx: DossierContext, e: E<'EXPIRE'>): DossierContext {
  return close(env, ctx, e, 'expired', { note: 'Quá hạn bổ sung hồ sơ', classify: false });
}
