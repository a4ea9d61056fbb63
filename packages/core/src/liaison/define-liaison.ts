import { and, assign, setup } from 'xstate';
import type { TimeLimit } from '../calendar/time-limit.js';
import { limitWorkingMinutes } from '../calendar/time-limit.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { DefinitionError } from '../errors/dossier-errors.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { DossierEvent } from '../model/dossier-events.js';
import { machineId } from '../procedure/build-machine.js';
import { defineProcedure, type Procedure } from '../procedure/define-procedure.js';
import type { ProcedureDefinitionInput, StepBudget } from '../procedure/definition-schema.js';
import * as act from '../procedure/lifecycle-actions.js';
import type { LifecycleEnv } from '../procedure/lifecycle-env.js';
import { isAllowed, registerRules } from '../procedure/lifecycle-rules.js';
import { zodIssues } from '../validation/zod-issues.js';
import * as la from './liaison-actions.js';
import {
  type LiaisonDefinition,
  type LiaisonDefinitionInput,
  LiaisonDefinitionSchema,
  type ResolvedLiaison,
  registerLiaison,
} from './liaison-definition.js';
import { isLiaisonEvent, liaisonDenial } from './liaison-rules.js';

type Ev<T extends DossierEvent['type']> = Extract<DossierEvent, { type: T }>;

/** A liaison's parent procedure: a {@link Procedure} (engine, store, reports, forms, lookup work unchanged) plus its liaison. */
export interface Liaison extends Procedure {
  /** The liaison definition it was built from. */
  readonly liaison: LiaisonDefinition;
  /** Ids of the allowances this office has (e.g. `remote-commune`). */
  readonly allowances: readonly string[];
  /** A member's application data from the composite application (`null` when the member is not requested). */
  memberApplication(memberId: string, application: unknown): unknown;
  withCalendar(calendar: WorkingCalendar): Liaison;
}

/** Options of {@link defineLiaison}. */
export interface DefineLiaisonOptions {
  /** The calendar deadlines are counted with (default: the national civil-service calendar). */
  readonly calendar?: WorkingCalendar;
  /** Allowances of the definition this office has, by id (e.g. `['remote-commune']`: +5 working days). */
  readonly allowances?: readonly string[];
}

function stepBudget(limit: TimeLimit): StepBudget {
  if ('workingHours' in limit && limit.workingHours > 0) return { workingHours: limit.workingHours };
  if ('workingDays' in limit && limit.workingDays > 0) return { workingDays: limit.workingDays };
  if ('calendarDays' in limit && limit.calendarDays > 0) return { workingDays: limit.calendarDays };
  return { workingDays: 1 };
}

function check(def: LiaisonDefinition, allowanceIds: readonly string[], dayMinutes: number): void {
  const name = `${def.code}@${def.version}`;
  const fail = (field: string, reason: string, value?: unknown): never => {
    throw new DefinitionError(name, field, reason, value);
  };
  const ids = new Set<string>();
  def.members.forEach((m, i) => {
    if (ids.has(m.id)) fail(`members[${i}].id`, 'duplicate member id', m.id);
    ids.add(m.id);
    if ((m.unit ?? m.agency.id) === 'desk')
      fail(`members[${i}].unit`, "'desk' is the focal desk's unit", 'desk');
  });
  def.members.forEach((m, i) => {
    m.after.forEach((a, j) => {
      if (!ids.has(a)) fail(`members[${i}].after[${j}]`, `no member ${a}`, a);
      if (a === m.id) fail(`members[${i}].after[${j}]`, 'a member cannot come after itself', a);
    });
  });
  // Longest chain of budgets along `after` (all of them one after another in a sequential liaison).
  const chain = new Map<string, number>();
  const visiting = new Set<string>();
  const longest = (id: string): number => {
    const known = chain.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return fail('members', `the after dependencies of ${id} form a cycle`, id);
    visiting.add(id);
    const m = def.members.find((x) => x.id === id)!;
    const own = limitWorkingMinutes(m.budget, dayMinutes);
    const total = own + Math.max(0, ...m.after.map(longest));
    visiting.delete(id);
    chain.set(id, total);
    return total;
  };
  const critical =
    def.mode === 'sequential'
      ? def.members.reduce((n, m) => n + limitWorkingMinutes(m.budget, dayMinutes), 0)
      : Math.max(...def.members.map((m) => longest(m.id)));
  for (const m of def.members) longest(m.id);
  const totals = [
    def.timeLimit,
    def.verificationTimeLimit,
    ...def.timeLimits.flatMap((r) => [r.timeLimit, r.verificationTimeLimit]),
  ]
    .filter((l): l is TimeLimit => l !== undefined)
    .map((l) => limitWorkingMinutes(l, dayMinutes));
  const max = Math.max(...totals);
  if (critical > max + 1e-9) {
    fail(
      'members',
      `member budgets need ${critical / dayMinutes} working days one after another, more than the longest total (${max / dayMinutes})`,
    );
  }
  for (const id of allowanceIds) {
    if (!def.allowances.some((a) => a.id === id))
      fail('allowances', `no allowance ${id} in the definition`, id);
  }
  if (allowanceIds.length || def.supplementation.extraTime) {
    const limits = [
      def.timeLimit,
      def.verificationTimeLimit,
      ...def.timeLimits.flatMap((r) => [r.timeLimit, r.verificationTimeLimit]),
    ];
    for (const l of limits) {
      if (l && !('workingDays' in l)) fail('timeLimit', 'extra working days need totals in working days', l);
    }
  }
}

/** The parent machine: the liaison's own states and events, the kit's closing actions and rules. */
function liaisonMachine(env: la.LiaisonEnv) {
  const allowed = ({ context, event }: { context: DossierContext; event: DossierEvent }) =>
    isAllowed(env, context, event);
  const afterResult = (context: DossierContext, event: DossierEvent) =>
    la.memberResult(env, context, event as Ev<'MEMBER_RESULT'>);
  const afterAnswer = (context: DossierContext, event: DossierEvent) =>
    la.closingAnswer(env, context, event as Ev<'MEMBER_RESULT'> | Ev<'MEMBER_CANCELLED'>);
  const machine = setup({
    types: {
      context: {} as DossierContext,
      events: {} as DossierEvent,
      input: {} as act.ReceiptInput,
    },
    actions: {
      handOff: assign(({ context, event }) => la.handOff(env, context, event as Ev<'HAND_OFF'>)),
      memberAccepted: assign(({ context, event }) =>
        la.memberAccepted(env, context, event as Ev<'MEMBER_ACCEPTED'>),
      ),
      memberVerification: assign(({ context, event }) =>
        la.memberVerification(env, context, event as Ev<'MEMBER_VERIFICATION'>),
      ),
      memberSupplement: assign(({ context, event }) =>
        la.memberSupplement(env, context, event as Ev<'MEMBER_SUPPLEMENT'>),
      ),
      memberApology: assign(({ context, event }) =>
        la.memberApology(env, context, event as Ev<'MEMBER_APOLOGY'>),
      ),
      memberResult: assign(({ context, event }) => afterResult(context, event)),
      // The last part back: processing finished (Đã xử lý xong).
      finishResult: assign(({ context, event }) => ({
        ...afterResult(context, event),
        finishedAt: event.at,
      })),
      supplementReceived: assign(({ context, event }) =>
        la.liaisonSupplementReceived(env, context, event as Ev<'SUPPLEMENT_RECEIVED'>),
      ),
      markOverdue: assign(({ context, event }) =>
        la.liaisonMarkOverdue(env, context, event as Ev<'MARK_OVERDUE'>),
      ),
      apologize: assign(({ context, event }) => act.apologize(env, context, event as Ev<'APOLOGIZE'>)),
      returnAll: assign(({ context, event }) => la.returnAll(env, context, event as Ev<'RETURN_RESULT'>)),
      close: assign(({ context, event }) =>
        la.closeLiaison(env, context, event as Ev<'REFUSE' | 'WITHDRAW' | 'STOP' | 'EXPIRE'>),
      ),
      answer: assign(({ context, event }) => afterAnswer(context, event)),
      finishAnswer: assign(({ context, event }) => ({
        ...afterAnswer(context, event),
        finishedAt: event.at,
      })),
    },
    guards: {
      allowed,
      /** Every requested member is done after this result. */
      completes: ({ context, event }) => la.parentOf(afterResult(context, event)).outcome !== null,
      /** The clock runs after this result (the member the liaison waited for closed its part). */
      runs: ({ context, event }) => afterResult(context, event).pause === null,
      allRefused: ({ context }) => la.parentOf(context).outcome === 'refused',
      /** Closing now must first ask the agencies holding parts to stop them. */
      asksAgencies: ({ context }) => la.closingAsksAgencies(context),
      /** After this answer the liaison closes as `params.end` (every agency answered, some part stopped). */
      closesAs: ({ context, event }, params: { end: string }) => {
        const after = afterAnswer(context, event);
        return after.outcome?.kind === params.end;
      },
      /** After this answer every agency has answered and none stopped its part: the request cannot take effect. */
      allDecided: ({ context, event }) => {
        const after = afterAnswer(context, event);
        return !after.outcome && !la.parentOf(after).members.some((m) => m.status === 'cancelling');
      },
    },
  });
  const id = machineId(env);
  const close = (target: string) => [
    { target: `#${id}.closing`, guard: and(['allowed', 'asksAgencies']), actions: 'close' as const },
    { target: `#${id}.${target}`, guard: 'allowed' as const, actions: 'close' as const },
  ];
  // The last answer closes the liaison as it was asked (withdrawn, stopped, refused, expired), or,
  // when it is a result and no part at all was stopped, leaves it at resultReady.
  const closeAs = (end: string) => ({
    target: `#${id}.${end}`,
    guard: and(['allowed', { type: 'closesAs', params: { end } }]),
    actions: 'answer' as const,
  });
  const ends = ['withdrawn', 'stopped', 'refused', 'expired'].map(closeAs);
  const waitMore = { guard: 'allowed' as const, actions: 'answer' as const };
  const member = {
    MEMBER_ACCEPTED: { guard: 'allowed' as const, actions: 'memberAccepted' as const },
    MEMBER_VERIFICATION: { guard: 'allowed' as const, actions: 'memberVerification' as const },
    MEMBER_APOLOGY: { guard: 'allowed' as const, actions: 'memberApology' as const },
    MARK_OVERDUE: { guard: 'allowed' as const, actions: 'markOverdue' as const },
    REFUSE: close('refused'),
    WITHDRAW: close('withdrawn'),
    STOP: close('stopped'),
  };
  const def = env.liaison.definition;
  return machine.createMachine({
    id,
    description: `${def.name.vi} (liên thông ${def.code}, version ${def.version}, rules ${def.regime})`,
    context: ({ input }) => la.liaisonReceiptContext(env, input),
    initial: 'processing',
    states: {
      processing: {
        description: 'The desk hands the parts to the member agencies and collects their results',
        on: {
          ...member,
          HAND_OFF: { guard: 'allowed', actions: 'handOff' },
          MEMBER_SUPPLEMENT: { target: 'supplementing', guard: 'allowed', actions: 'memberSupplement' },
          MEMBER_RESULT: [
            { target: 'resultReady', guard: and(['allowed', 'completes']), actions: 'finishResult' },
            { guard: 'allowed', actions: 'memberResult' },
          ],
          APOLOGIZE: { guard: 'allowed', actions: 'apologize' },
        },
      },
      supplementing: {
        description: 'A member agency asked for supplementation: the whole liaison is paused',
        on: {
          ...member,
          MEMBER_SUPPLEMENT: { guard: 'allowed', actions: 'memberSupplement' },
          MEMBER_RESULT: [
            { target: 'resultReady', guard: and(['allowed', 'completes']), actions: 'finishResult' },
            { target: 'processing', guard: and(['allowed', 'runs']), actions: 'memberResult' },
            { guard: 'allowed', actions: 'memberResult' },
          ],
          SUPPLEMENT_RECEIVED: { target: 'processing', guard: 'allowed', actions: 'supplementReceived' },
          EXPIRE: close('expired'),
        },
      },
      resultReady: {
        description: 'Every part is back at the desk, waiting for the applicant',
        on: {
          RETURN_RESULT: [
            { target: 'refused', guard: and(['allowed', 'allRefused']), actions: 'returnAll' },
            { target: 'returned', guard: 'allowed', actions: 'returnAll' },
          ],
          APOLOGIZE: { guard: 'allowed', actions: 'apologize' },
          MARK_OVERDUE: { guard: 'allowed', actions: 'markOverdue' },
        },
      },
      closing: {
        description:
          'Closed early (withdrawn, stopped, refused, expired) while agencies held parts: each stops its part or, when it was already decided, returns it',
        on: {
          MEMBER_RESULT: [
            ...ends,
            {
              target: `#${id}.resultReady`,
              guard: and(['allowed', 'allDecided']),
              actions: 'finishAnswer' as const,
            },
            waitMore,
          ],
          MEMBER_CANCELLED: [...ends, waitMore],
        },
      },
      returned: { type: 'final', description: 'Every part returned together (complete or partial)' },
      refused: {
        type: 'final',
        description: 'Refused (every part refused, or the desk refused the liaison)',
      },
      withdrawn: { type: 'final', description: 'Withdrawn by the applicant' },
      stopped: { type: 'final', description: 'Stopped at the applicant request' },
      expired: { type: 'final', description: 'Closed: not supplemented in time' },
    },
  });
}

/**
 * Defines a liaison (một cửa liên thông, Decree 61 art. 19(6)–(7)): the focal desk's parent
 * dossier, whose member agencies each run a procedure of their own on their own dossiers.
 *
 * The result is a {@link Procedure} (so an engine, its store, reports, forms and the public
 * lookup work unchanged) whose machine is hand-written with XState v5 `setup()`:
 * `processing` (the desk hands members off with `HAND_OFF`; agencies answer with
 * `MEMBER_ACCEPTED`, `MEMBER_VERIFICATION`, `MEMBER_APOLOGY`, `MEMBER_RESULT`) →
 * `supplementing` (a `MEMBER_SUPPLEMENT` pauses the whole liaison until `SUPPLEMENT_RECEIVED`) →
 * `resultReady` (every requested member done) → `RETURN_RESULT` returns everything together
 * (`returned`; `refused` when every part was refused). `WITHDRAW`, `STOP`, `REFUSE` and `EXPIRE`
 * close it early: at once when no agency holds a part, otherwise through `closing`, where each
 * agency holding one answers (`MEMBER_CANCELLED`: it stopped the part; `MEMBER_RESULT`: the part
 * was already decided and stands) and the last answer closes it. The context's `liaison` section
 * holds each member's status, child dossier code, handoff, due and return times, result and
 * apology; one control slip records every handover desk ⇄ agency.
 *
 * Checked when built: the schema; member ids unique, `after` naming members without cycles; the
 * members' budgets fit the longest total (one after another in a sequential liaison, along the
 * `after` chains in a parallel one); the allowances asked for exist.
 *
 * @throws {@link DefinitionError}
 * @example
 * ```ts
 * import { defineLiaison } from '@motcua/core';
 * import { z } from 'zod';
 * const liaison = defineLiaison({
 *   code: 'LT-01', version: '2025.1', effectiveFrom: '2025-07-01', regime: '2025',
 *   name: { vi: 'Liên thông A + B' }, legalBasis: ['…'], agency: 'UBND xã',
 *   mode: 'parallel', timeLimit: { workingDays: 3, cutoff: '15:00' }, channels: ['online-full'],
 *   application: z.object({ a: z.string(), b: z.string() }),
 *   members: [
 *     { id: 'a', name: { vi: 'A' }, procedure: 'A-LT', agency: { id: 'justice', name: 'Tư pháp' },
 *       budget: { workingDays: 1 }, application: (app: { a: string }) => ({ a: app.a }) },
 *     { id: 'b', name: { vi: 'B' }, procedure: 'B-LT', agency: { id: 'police', name: 'Công an xã' },
 *       budget: { workingDays: 2 }, application: (app: { b: string }) => ({ b: app.b }) },
 *   ],
 * });
 * ```
 */
export function defineLiaison(
  definition: LiaisonDefinitionInput,
  options: DefineLiaisonOptions = {},
): Liaison {
  const parsed = LiaisonDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    const label =
      definition && typeof definition === 'object' && 'code' in definition
        ? `${String(definition.code)}@${String((definition as { version?: unknown }).version)}`
        : 'liaison';
    const issues = zodIssues(parsed.error, 'definition');
    throw new DefinitionError(
      label,
      issues[0]!.field,
      issues.map((i) => `${i.field}: ${i.message}`).join('; '),
    );
  }
  const def = parsed.data;
  const allowanceIds = options.allowances ?? [];
  check(def, allowanceIds, options.calendar?.workingDayMinutes ?? 480);
  const resolved: ResolvedLiaison = {
    definition: def,
    allowances: def.allowances.filter((a) => allowanceIds.includes(a.id)),
  };
  const units: ProcedureDefinitionInput['units'] = { desk: { name: def.deskName } };
  for (const m of def.members) {
    units[m.unit ?? m.agency.id] = { name: m.agency.name, agency: m.agency.name };
  }
  const extra = resolved.allowances.reduce((n, a) => n + a.workingDays, 0);
  const parent: ProcedureDefinitionInput = {
    code: def.code,
    version: def.version,
    effectiveFrom: def.effectiveFrom,
    ...(def.effectiveTo ? { effectiveTo: def.effectiveTo } : {}),
    regime: def.regime,
    name: def.name,
    legalBasis: def.legalBasis,
    agency: def.agency,
    timeLimit:
      extra && 'workingDays' in def.timeLimit
        ? { ...def.timeLimit, workingDays: def.timeLimit.workingDays + extra }
        : def.timeLimit,
    application: def.application,
    ...(def.checkReceipt ? { checkReceipt: def.checkReceipt } : {}),
    documents: def.documents,
    fees: def.fees,
    channels: def.channels,
    units,
    desk: 'desk',
    // One step per member (its unit and budget), so forms, diagrams and reports name the parts.
    steps: def.members.map((m) => ({
      id: m.id,
      name: m.name.vi,
      unit: m.unit ?? m.agency.id,
      budget: stepBudget(m.budget),
      kind: 'other' as const,
    })),
    supplementation: {
      clock: def.supplementation.clock,
      maxRequests: def.supplementation.maxRequests,
      ...(def.supplementation.responseLimit ? { responseLimit: def.supplementation.responseLimit } : {}),
    },
    permissions: def.permissions,
  };
  const procedure = defineProcedure(parent, {
    ...(options.calendar ? { calendar: options.calendar } : {}),
    parallelSteps: true,
    machine: (_kit, env: LifecycleEnv) => liaisonMachine({ ...env, liaison: resolved }),
  });
  registerLiaison(procedure.definition, resolved);
  registerRules(procedure.definition, (env, ctx, e) =>
    isLiaisonEvent(e) ? liaisonDenial(env, ctx, e) : null,
  );
  const memberApplication = (memberId: string, application: unknown): unknown => {
    const m = def.members.find((x) => x.id === memberId);
    if (!m)
      throw new DefinitionError(`${def.code}@${def.version}`, 'members', `no member ${memberId}`, memberId);
    return m.application(application as never) ?? null;
  };
  const wrap = (p: Procedure): Liaison => {
    const liaison: Liaison = {
      ...p,
      liaison: def,
      allowances: allowanceIds,
      memberApplication,
      withCalendar: (calendar) => (calendar === p.calendar ? liaison : wrap(p.withCalendar(calendar))),
    };
    return liaison;
  };
  return wrap(procedure);
}

/**
 * Whether a procedure is a liaison's parent built by {@link defineLiaison}.
 *
 * @example
 * ```ts
 * import { isLiaison } from '@motcua/core';
 * import { birthLiaison2024, createCatalogue } from '@motcua/procedures';
 * isLiaison(birthLiaison2024().liaison); // true
 * isLiaison(createCatalogue().all()[0]!); // false: a standalone procedure
 * ```
 */
export function isLiaison(procedure: Procedure): procedure is Liaison {
  return 'liaison' in procedure && 'memberApplication' in procedure;
}
