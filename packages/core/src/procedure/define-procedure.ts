import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';
import type { z } from 'zod';
import { limitWorkingMinutes } from '../calendar/time-limit.js';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import {
  DefinitionError,
  PermissionError,
  TransitionError,
  ValidationError,
} from '../errors/dossier-errors.js';
import { MotcuaError } from '../errors/motcua-error.js';
import {
  type ActorInput,
  ActorSchema,
  canonicalInstant,
  type Instant,
  InstantSchema,
  toInstant,
} from '../model/actor.js';
import { ApplicantSchema } from '../model/applicant.js';
import { type Channel, ChannelSchema } from '../model/channel.js';
import { commonEvent, plainActor, plainApplicant, plainChannel } from '../model/common-event.js';
import { type ResolvedReception, ResolvedReceptionSchema } from '../model/cross-boundary.js';
import type { DossierContext, DossierContextOf } from '../model/dossier-context.js';
import { type DossierEvent, type DossierEventInput, DossierEventSchema } from '../model/dossier-events.js';
import { instantMs, isOwnInstant } from '../model/instant-format.js';
import { type LiaisonLinkInput, LiaisonLinkSchema } from '../model/liaison-context.js';
import { type FilingReference, FilingReferenceSchema } from '../model/online-intake.js';
import { implementationIssues } from '../model/procedure-implementation.js';
import { parseOrThrow, zodIssues } from '../validation/zod-issues.js';
import { buildLifecycleMachine, lifecycleSetup } from './build-machine.js';
import { checkMachine } from './check-machine.js';
import { compileMachine, tableLeafName } from './compiled-machine.js';
import {
  type ProcedureDefinition,
  type ProcedureDefinitionInput,
  ProcedureDefinitionSchema,
  type ReceiptCheck,
  type ReceiptFacts,
  type ReceiptIssue,
} from './definition-schema.js';
import type { ReceiptInput } from './lifecycle-actions.js';
import { budgetMinutes, type LifecycleEnv, timeLimitFor } from './lifecycle-env.js';
import { submissionContext } from './lifecycle-intake.js';
import { refundPayment } from './lifecycle-payments.js';
import { denialOf, eventIssues, markAllowed } from './lifecycle-rules.js';
import { nationalStatusProblems } from './national-status.js';
import { pureStepper } from './pure-transition.js';

/**
 * A dossier's machine state as plain JSON: what a store saves and restores. `App` is the type of
 * its application (`unknown` when the procedure is not known statically).
 */
export interface PersistedDossier<App = unknown> {
  readonly procedure: { readonly code: string; readonly version: string };
  readonly value: StateValue;
  readonly status: 'active' | 'done';
  readonly context: DossierContextOf<App>;
}

/** A dossier snapshot: its state value and context (an XState machine snapshot). */
export interface DossierSnapshot<App = unknown> {
  readonly value: StateValue;
  readonly status: string;
  readonly context: DossierContextOf<App>;
  matches(value: StateValue): boolean;
}

/**
 * What {@link Procedure.receive} takes. Times may be `Date`s or ISO strings. `AppInput` is the
 * application as the procedure's schema accepts it (`unknown` when the procedure is not known).
 */
export interface ReceiveInput<AppInput = unknown> {
  readonly code: string;
  readonly secret: string;
  readonly agency: string;
  readonly receivedAt: Date | string;
  readonly receivedBy: ActorInput;
  readonly channel: Channel;
  readonly applicant: unknown;
  /** Checked against the procedure's application schema at receipt. */
  readonly application: AppInput;
  /** For a member agency's dossier of a liaison: its link to the parent dossier at the focal desk. */
  readonly liaison?: LiaisonLinkInput;
  /** The receiving, competent and returning centres, resolved in a desk topology (see `createEngine`'s `reception`). */
  readonly reception?: ResolvedReception;
}

/**
 * What {@link Procedure.submit} takes: an online filing (nộp trực tuyến) as a portal delivers it.
 * Times may be `Date`s or ISO strings.
 */
export interface SubmitInput<AppInput = unknown> {
  readonly code: string;
  readonly secret: string;
  readonly agency: string;
  /** When the applicant submitted it. */
  readonly submittedAt: Date | string;
  /** The desk's account that recorded the filing (the portal connector, the centre's online form). */
  readonly submittedBy: ActorInput;
  /** An online channel of the procedure's `channels` (`online-full`, `online-partial`). */
  readonly channel: Channel;
  readonly applicant: unknown;
  /** Checked against the procedure's application schema at submission. */
  readonly application: AppInput;
  /** The portal's own reference of the filing. */
  readonly filing?: FilingReference;
}

/** Builds a custom machine with the lifecycle kit (see {@link lifecycleSetup}). */
export type MachineFactory = (kit: ReturnType<typeof lifecycleSetup>, env: LifecycleEnv) => AnyStateMachine;

/**
 * A procedure version, ready to receive and drive dossiers. Built by {@link defineProcedure}.
 *
 * `App` is the type of a dossier's validated application (the output of the definition's
 * `application` schema) and `AppInput` what receipt accepts (its input); both are `unknown` for a
 * procedure not known statically (a registry's, an engine's). `Procedure<App>` is assignable to
 * `Procedure`.
 */
export interface Procedure<App = unknown, AppInput = App> {
  readonly definition: ProcedureDefinition;
  readonly code: string;
  readonly version: string;
  /** The calendar its deadlines are computed with. */
  readonly calendar: WorkingCalendar;
  /** The XState v5 machine (built with `setup()`): inspect it, visualise it, run it with `createActor`. */
  readonly machine: AnyStateMachine;
  /** `standard`: the built-in lifecycle machine; `custom`: a hand-written one (the `machine` option). */
  readonly lifecycle: 'standard' | 'custom';
  /** The same procedure with deadlines counted on another office's calendar. */
  withCalendar(calendar: WorkingCalendar): Procedure<App, AppInput>;
  /**
   * Validates the receipt (applicant, application against the procedure's schema, channel, desk
   * officer) and returns the new dossier's snapshot.
   * @throws {@link ValidationError} listing every bad field.
   */
  receive(input: ReceiveInput<AppInput>): DossierSnapshot<App>;
  /**
   * Applies an event as a pure function of (snapshot, event): nothing else changes.
   * @throws {@link ValidationError} for a malformed event; {@link PermissionError} when the actor
   * may not act; {@link TransitionError} when the state does not allow it (closed dossier, second
   * apology, …).
   */
  apply(snapshot: DossierSnapshot<App>, event: DossierEventInput): DossierSnapshot<App>;
  /**
   * {@link Procedure.receive} straight to plain JSON: `persist(receive(input))`, without building
   * an XState snapshot when the machine compiles to a table (see {@link compileMachine}).
   */
  start(input: ReceiveInput<AppInput>): PersistedDossier<App>;
  /**
   * {@link Procedure.apply} on plain JSON: the same rules, errors and result as
   * `persist(apply(restore(persisted), event))`. Machines that compile to a table (the standard
   * lifecycle and most kit machines) step without XState snapshots; the others run on XState.
   * This is what the engine and stores use.
   */
  step(persisted: PersistedDossier<App>, event: DossierEventInput): PersistedDossier<App>;
  /**
   * Starts an online filing (nộp trực tuyến) in the `submitted` state (national status 1, Mới đăng
   * ký), as plain JSON: validated like a receipt (the account that recorded it in place of the
   * receiving officer), its intake deadline counted from `submittedAt` (the definition's
   * `intake.deadline` for the channel). The desk then accepts it (`ACCEPT`, its receipt), asks to
   * complete it (`REQUEST_SUPPLEMENT`) or refuses it (`REFUSE`, not accepted).
   * @throws {@link ValidationError} listing every bad field (a paper channel names `channel`);
   * {@link TransitionError} when the procedure's machine has no `submitted` state.
   */
  submit(input: SubmitInput<AppInput>): PersistedDossier<App>;
  /** Plain JSON of a snapshot, for a store. */
  persist(snapshot: DossierSnapshot<App>): PersistedDossier<App>;
  /** A snapshot from its JSON. */
  restore(persisted: PersistedDossier<App>): DossierSnapshot<App>;
}

/** Any procedure, whatever its application type: the bound of the typed helpers. */
// biome-ignore lint/suspicious/noExplicitAny: the widest procedure type, as xstate's `AnyStateMachine`.
export type AnyProcedure = Procedure<any, any>;

/** The validated application type of a procedure (`unknown` for an untyped one). */
export type ApplicationOf<P extends AnyProcedure> = P extends Procedure<infer App, infer _In> ? App : unknown;

/** The application type a procedure accepts at receipt (`unknown` for an untyped one). */
export type ApplicationInputOf<P extends AnyProcedure> =
  P extends Procedure<infer _App, infer In> ? In : unknown;

/**
 * A procedure definition as written, typed by its application schema `S`: `checkReceipt` sees the
 * validated application.
 */
export type TypedProcedureDefinitionInput<S extends z.ZodType> = Omit<
  ProcedureDefinitionInput,
  'application' | 'checkReceipt'
> & {
  /** The application data as a zod schema (tag personal fields with `personal()`). */
  readonly application: S;
  /**
   * Checks across the application and its receipt that the schema cannot see; see
   * {@link ProcedureDefinitionInput}.
   */
  readonly checkReceipt?: TypedReceiptCheck<z.output<S>> | undefined;
};

/**
 * A `checkReceipt` that sees the validated application. Declared as a method so that an untyped
 * {@link ReceiptCheck} (whose application is `never`) still fits a definition typed by its schema.
 */
export type TypedReceiptCheck<App> = {
  check(application: App, receipt: ReceiptFacts): readonly ReceiptIssue[];
}['check'];

function checkDefinition(def: ProcedureDefinition, calendar: WorkingCalendar, parallelSteps: boolean): void {
  const name = `${def.code}@${def.version}`;
  const fail = (field: string, reason: string, value?: unknown) => {
    throw new DefinitionError(name, field, reason, value);
  };
  if (!def.units[def.desk]) fail('desk', `unit ${def.desk} is not in units`, def.desk);
  const ids = new Set<string>();
  let phase = 1;
  def.steps.forEach((s, i) => {
    if ((s.phase ?? 1) < phase)
      fail(`steps[${i}].phase`, `phase ${s.phase ?? 1} comes after phase ${phase}`, s.phase);
    phase = s.phase ?? 1;
    if (ids.has(s.id)) fail(`steps[${i}].id`, 'duplicate step id', s.id);
    ids.add(s.id);
    if (!def.units[s.unit]) fail(`steps[${i}].unit`, `unit ${s.unit} is not in units`, s.unit);
  });
  for (const [list, field] of [
    [def.documents, 'documents'],
    [def.fees, 'fees'],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) fail(`${field}[${i}].id`, 'duplicate id', x.id);
      seen.add(x.id);
    });
  }
  const phases = new Set(def.steps.map((s) => s.phase ?? 1));
  const gated = new Set<number>();
  (def.phases ?? []).forEach((p, i) => {
    if (!phases.has(p.phase)) fail(`phases[${i}].phase`, `no step is in phase ${p.phase}`, p.phase);
    if (gated.has(p.phase)) fail(`phases[${i}].phase`, 'phase listed twice', p.phase);
    gated.add(p.phase);
  });
  def.fees.forEach((f, i) => {
    for (const channel of Object.keys(f.amountByChannel ?? {}) as Channel[]) {
      if (!def.channels.includes(channel))
        fail(`fees[${i}].amountByChannel.${channel}`, `channel ${channel} is not in channels`, channel);
    }
  });
  for (const [field, limits] of [
    ['channelTimeLimits', def.channelTimeLimits],
    ['intake.deadline', def.intake?.deadline],
  ] as const) {
    for (const channel of Object.keys(limits ?? {}) as Channel[]) {
      if (!def.channels.includes(channel))
        fail(`${field}.${channel}`, `channel ${channel} is not in channels`, channel);
    }
  }
  const env: LifecycleEnv = { def, calendar };
  const total = def.steps.reduce((sum, s) => sum + budgetMinutes(env, s.budget), 0);
  // The steps must fit every channel's time limit.
  for (const channel of def.channels) {
    const limit = limitWorkingMinutes(timeLimitFor(def, channel), calendar.workingDayMinutes);
    if (!parallelSteps && total > limit + 1e-9) {
      fail(
        'steps',
        `step budgets add up to ${total / 60} working hours, more than the legal limit (${limit / 60} working hours${def.channelTimeLimits?.[channel] ? ` for ${channel}` : ''})`,
      );
    }
  }
  if (def.effectiveTo && def.effectiveTo < def.effectiveFrom)
    fail('effectiveTo', 'is before effectiveFrom', def.effectiveTo);
  const implementation = def.implementation
    ? implementationIssues(def.implementation, def.effectiveFrom)
    : [];
  if (implementation[0]) fail(implementation[0].field, implementation[0].message);
}

/** Every state's path in a machine (`processing.appraise`), and the atomic and final ones. */
function machineStates(machine: AnyStateMachine): { all: string[]; leaves: string[] } {
  const all: string[] = [];
  const leaves: string[] = [];
  const visit = (node: AnyStateMachine['root']) => {
    const children = Object.values(node.states);
    if (node.path.length > 0) {
      const path = node.path.join('.');
      all.push(path);
      if (children.length === 0) leaves.push(path);
    }
    for (const child of children) visit(child);
  };
  visit(machine.root);
  return { all, leaves };
}

let nationalCalendar: WorkingCalendar | undefined;

function build(
  def: ProcedureDefinition,
  calendar: WorkingCalendar,
  factory: MachineFactory | undefined,
  parallelSteps = false,
): Procedure {
  checkDefinition(def, calendar, parallelSteps);
  const env: LifecycleEnv = { def, calendar };
  const machine: AnyStateMachine = factory ? factory(lifecycleSetup(env), env) : buildLifecycleMachine(env);
  const problems = checkMachine(machine);
  if (problems.length) {
    throw new DefinitionError(
      `${def.code}@${def.version}`,
      'machine',
      problems.map((p) => `${p.kind} state ${p.state}`).join('; '),
    );
  }
  const unmapped = nationalStatusProblems(def, machineStates(machine));
  if (unmapped.length) {
    const first = unmapped[0]!;
    throw new DefinitionError(
      `${def.code}@${def.version}`,
      first.field,
      unmapped.map((p) => `${p.field}: ${p.message}`).join('; '),
    );
  }
  const name = `${def.code}@${def.version}`;
  const stepper = pureStepper(machine);
  /** Validates a receipt (every bad field listed) and gives the machine's input. */
  const validateReceipt = (input: ReceiveInput): ReceiptInput => {
    const issues = [];
    const receivedAt = input.receivedAt instanceof Date ? toInstant(input.receivedAt) : input.receivedAt;
    // The common forms are checked without the schemas (the same output; see common-event.ts).
    const at = checked(isOwnInstant(receivedAt) ? receivedAt : undefined, InstantSchema, receivedAt);
    if (!at.success) issues.push(...zodIssues(at.error, 'receivedAt'));
    const actor = checked(plainActor(input.receivedBy), ActorSchema, input.receivedBy);
    if (!actor.success) issues.push(...zodIssues(actor.error, 'receivedBy'));
    else if (actor.data.unitId !== def.desk) {
      issues.push({
        field: 'receivedBy.unitId',
        message: `dossiers are received by the desk (${def.desk})`,
      });
    }
    const channel = checked(plainChannel(input.channel), ChannelSchema, input.channel);
    if (!channel.success) issues.push(...zodIssues(channel.error, 'channel'));
    else if (!def.channels.includes(channel.data)) {
      issues.push({
        field: 'channel',
        message: `not accepted by this procedure (${def.channels.join(', ')})`,
      });
    }
    const applicant = checked(plainApplicant(input.applicant), ApplicantSchema, input.applicant);
    if (!applicant.success) issues.push(...zodIssues(applicant.error, 'applicant'));
    else if (applicant.data.representative && def.representation === 'not-allowed') {
      issues.push({
        field: 'applicant.representative',
        message: 'this procedure is filed by the applicant in person (no authorised representative)',
      });
    }
    const application = def.application.safeParse(input.application);
    if (!application.success) issues.push(...zodIssues(application.error, 'application'));
    if (!input.code) issues.push({ field: 'code', message: 'required' });
    if (!input.secret) issues.push({ field: 'secret', message: 'required' });
    if (!input.agency) issues.push({ field: 'agency', message: 'required' });
    const link = input.liaison === undefined ? undefined : LiaisonLinkSchema.safeParse(input.liaison);
    if (link && !link.success) issues.push(...zodIssues(link.error, 'liaison'));
    const reception =
      input.reception === undefined ? undefined : ResolvedReceptionSchema.safeParse(input.reception);
    if (reception && !reception.success) issues.push(...zodIssues(reception.error, 'reception'));
    // The receipt instant in motcua's one form, worked out once.
    const instant = at.success ? canonicalInstant(at.data) : undefined;
    if (def.checkReceipt && application.success && instant !== undefined && channel.success) {
      const receivedAt = instant;
      const facts = {
        receivedAt,
        receivedOn: calendar.localDate(new Date(receivedAt)),
        channel: channel.data,
      };
      let found: readonly { field: string; message: string }[];
      try {
        found = def.checkReceipt(application.data as never, facts);
      } catch (e) {
        if (e instanceof MotcuaError) throw e;
        throw new DefinitionError(name, 'checkReceipt', 'threw instead of returning issues');
      }
      for (const i of found) issues.push({ field: `application.${i.field}`, message: i.message });
    }
    if (issues.length || !at.success || !actor.success || !applicant.success || !application.success) {
      throw new ValidationError(`receipt of a ${name} dossier`, issues);
    }
    const receipt: ReceiptInput = {
      code: input.code,
      secret: input.secret,
      agency: input.agency,
      receivedAt: instant as Instant,
      receivedBy: actor.data,
      channel: input.channel,
      applicant: applicant.data,
      application: application.data,
      ...(link?.success ? { liaison: link.data } : {}),
      ...(reception?.success ? { reception: reception.data } : {}),
    };
    return receipt;
  };
  /** The event, validated, in one instant form, and allowed by the rules; throws otherwise. */
  const checkedEvent = (
    ctx: DossierContext,
    closed: boolean,
    value: StateValue,
    input: DossierEventInput,
  ) => {
    // The frequent events in their common form are checked without the schema (same output).
    const common = commonEvent(input);
    const parsed = common ?? parseOrThrow(DossierEventSchema, input, 'event');
    // Instants are kept in one form (UTC ISO) whatever offset the caller wrote (a common event's
    // instant is already in that form, and the event a fresh object: no copy).
    const event =
      common ??
      ({
        ...parsed,
        at: canonicalInstant(parsed.at),
        ...(parsed.type === 'APOLOGIZE' ? { newDue: canonicalInstant(parsed.newDue) } : {}),
      } as typeof parsed);
    // A closed dossier takes nothing more but the refund of a payment (hoàn phí after a refusal or stop).
    if (closed && event.type !== 'REFUND_PAYMENT') {
      throw new TransitionError(ctx.code, event.type, stateName(value), 'the dossier is closed');
    }
    const issues = eventIssues(env, event, ctx);
    if (issues.length) throw new ValidationError('event', issues);
    if (instantMs(event.at) < instantMs(ctx.updatedAt)) {
      throw new ValidationError('event', [
        { field: 'event.at', message: `earlier than the dossier's last event (${ctx.updatedAt})` },
      ]);
    }
    const denial = denialOf(env, ctx, event);
    if (denial?.kind === 'permission') throw new PermissionError(ctx.code, event.type, denial.reason);
    if (denial) throw new TransitionError(ctx.code, event.type, stateName(value), denial.reason);
    // The machine's guards reuse this answer (the rules run once per event).
    markAllowed(env, ctx, event);
    return event;
  };
  const noTransition = (ctx: DossierContext, value: StateValue, event: DossierEvent) =>
    new TransitionError(ctx.code, event.type, stateName(value), 'no transition for this event here');
  const ref = { code: def.code, version: def.version };
  const compiled = compileMachine<DossierContext>(machine);
  // A top-level `submitted` state takes online filings (the standard lifecycle has one).
  const submittedNode = (machine.root.states as Record<string, { type: string } | undefined>).submitted;
  const hasIntake = submittedNode !== undefined && submittedNode.type === 'atomic';
  // Snapshots of the last results of `step`, for machines that run on XState (no table).
  const lastSnapshots = new WeakMap<PersistedDossier, DossierSnapshot>();
  const checkVersion = (persisted: PersistedDossier) => {
    if (persisted.procedure.code !== def.code || persisted.procedure.version !== def.version) {
      throw new TransitionError(
        persisted.context.code,
        'RESTORE',
        stateName(persisted.value),
        `saved under ${persisted.procedure.code}@${persisted.procedure.version}, not ${name}; migrate it first`,
      );
    }
  };
  const procedure: Procedure = {
    definition: def,
    code: def.code,
    version: def.version,
    calendar,
    machine,
    lifecycle: factory ? 'custom' : 'standard',
    withCalendar: (other) => (other === calendar ? procedure : build(def, other, factory, parallelSteps)),
    receive(input) {
      return stepper.initial(validateReceipt(input)) as unknown as DossierSnapshot;
    },
    apply(snapshot, input) {
      const event = checkedEvent(snapshot.context, snapshot.status === 'done', snapshot.value, input);
      if (snapshot.status === 'done' && event.type === 'REFUND_PAYMENT') {
        const context = refundPayment(env, snapshot.context, event);
        return machine.resolveState({ value: snapshot.value, context }) as unknown as DossierSnapshot;
      }
      const next = stepper.next(snapshot as never, event);
      if (!movedBy(snapshot, next)) throw noTransition(snapshot.context, snapshot.value, event);
      return next as unknown as DossierSnapshot;
    },
    start(input) {
      const receipt = validateReceipt(input);
      if (compiled) {
        const first = compiled.initial(receipt);
        return {
          procedure: ref,
          value: first.value,
          status: first.done ? 'done' : 'active',
          context: first.context,
        };
      }
      return procedure.persist(stepper.initial(receipt) as unknown as DossierSnapshot);
    },
    submit(input) {
      if (!hasIntake) {
        throw new TransitionError(
          input.code || '(new)',
          'SUBMIT',
          '(none)',
          `${name}'s machine has no online intake state (submitted)`,
        );
      }
      const issues: { field: string; message: string }[] = [];
      const channel = checked(plainChannel(input.channel), ChannelSchema, input.channel);
      if (channel.success && channel.data !== 'online-full' && channel.data !== 'online-partial') {
        issues.push({
          field: 'channel',
          message: 'a dossier on paper (in person, by post) is received at the desk, not submitted online',
        });
      }
      const filing = input.filing === undefined ? undefined : FilingReferenceSchema.safeParse(input.filing);
      if (filing && !filing.success) issues.push(...zodIssues(filing.error, 'filing'));
      let receipt: ReceiptInput | undefined;
      try {
        receipt = validateReceipt({
          code: input.code,
          secret: input.secret,
          agency: input.agency,
          receivedAt: input.submittedAt,
          receivedBy: input.submittedBy,
          channel: input.channel,
          applicant: input.applicant,
          application: input.application,
        });
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        for (const i of e.issues) {
          const field = i.field
            .replace(/^receivedBy(?=\.|$)/, 'submittedBy')
            .replace(/^receivedAt$/, 'submittedAt');
          if (!issues.some((x) => x.field === field)) issues.push({ field, message: i.message });
        }
      }
      if (issues.length || !receipt) throw new ValidationError(`online filing of a ${name} dossier`, issues);
      const context = submissionContext(env, {
        ...receipt,
        ...(filing?.success ? { filing: filing.data } : {}),
      });
      return { procedure: ref, value: 'submitted', status: 'active', context };
    },
    step(persisted, input) {
      if (!compiled) {
        const before = lastSnapshots.get(persisted) ?? procedure.restore(persisted);
        const after = procedure.apply(before, input);
        const out = procedure.persist(after);
        lastSnapshots.set(out, after);
        return out;
      }
      checkVersion(persisted);
      const event = checkedEvent(persisted.context, persisted.status === 'done', persisted.value, input);
      if (persisted.status === 'done' && event.type === 'REFUND_PAYMENT') {
        return { ...persisted, context: refundPayment(env, persisted.context, event) };
      }
      const next = compiled.next(persisted.value, persisted.context, event);
      if (!next) throw noTransition(persisted.context, persisted.value, event);
      return {
        procedure: ref,
        value: next.value,
        status: next.done ? 'done' : 'active',
        context: next.context,
      };
    },
    persist(snapshot) {
      return {
        procedure: { code: def.code, version: def.version },
        value: snapshot.value,
        status: snapshot.status === 'done' ? 'done' : 'active',
        context: snapshot.context,
      };
    },
    restore(persisted) {
      checkVersion(persisted);
      return machine.resolveState({
        value: persisted.value,
        context: persisted.context,
      }) as unknown as DossierSnapshot;
    },
  };
  return procedure;
}

/** `schema.safeParse(value)`, or its known output when a fast check already gave it. */
function checked<T>(
  fast: T | undefined,
  schema: z.ZodType<T>,
  value: unknown,
): { success: true; data: T; error?: undefined } | z.ZodSafeParseResult<T> {
  return fast !== undefined ? { success: true, data: fast } : schema.safeParse(value);
}

/**
 * Whether XState moved: another state value, context or status. A transition with a target and no
 * action moves (same context, another value); none, or one that stays put without an action, does
 * not (XState keeps the snapshot), and `apply` refuses it.
 */
function movedBy(before: DossierSnapshot, after: AnyMachineSnapshot): boolean {
  if (after === (before as unknown)) return false;
  return (
    after.context !== before.context ||
    after.status !== before.status ||
    stateName(after.value) !== stateName(before.value)
  );
}

/**
 * A state value as a dotted name, e.g. `processing.appraise`.
 *
 * @example
 * ```ts
 * import { stateName } from '@motcua/core';
 * stateName({ processing: 'appraise' }); // 'processing.appraise'
 * stateName('returned'); // 'returned'
 * ```
 */
export function stateName(value: StateValue): string {
  if (typeof value === 'string') return value;
  // The values a compiled table hands out are frozen and named once.
  const known = tableLeafName(value);
  if (known !== undefined) return known;
  return Object.entries(value)
    .map(([k, v]) => (v === undefined ? k : `${k}.${stateName(v as StateValue)}`))
    .join(',');
}

/** Options of {@link defineProcedure}. */
export interface DefineProcedureOptions {
  /** The calendar deadlines are counted with (default: the national civil-service calendar). */
  readonly calendar?: WorkingCalendar;
  /**
   * A hand-written machine instead of the standard lifecycle, built from the kit's `setup()`.
   * It gets the same definition checks and graph checks.
   */
  readonly machine?: MachineFactory;
  /**
   * The hand-written machine runs steps at the same time (a liaison sending to all agencies at
   * once): step budgets are then not added up against the legal limit (the machine's author
   * checks its own critical path, as `defineLiaison` does).
   */
  readonly parallelSteps?: boolean;
}

/**
 * Defines one version of a procedure (thủ tục hành chính) from a declarative definition and
 * returns a {@link Procedure} whose `.machine` is a real XState v5 machine built with `setup()`.
 *
 * Checked when built, with an error naming the problem: the schema of the definition; every step
 * has a unit listed in `units`; the desk is a unit; step, document and fee ids are unique; step
 * budgets add up to no more than the legal limit; no unreachable, dead-end or trapped states.
 *
 * @throws {@link DefinitionError}
 * @example
 * ```ts
 * import { defineProcedure } from '@motcua/core';
 * import { z } from 'zod';
 * const copyCertification = defineProcedure({
 *   code: '2.000815', version: '2025.1', effectiveFrom: '2025-07-01', regime: '2025',
 *   name: { vi: 'Chứng thực bản sao từ bản chính', en: 'Certified copy' },
 *   legalBasis: ['Nghị định 23/2015/NĐ-CP'], agency: 'UBND xã',
 *   timeLimit: { sameDay: true }, channels: ['in-person'],
 *   application: z.object({ pages: z.number().int().positive() }),
 *   units: { desk: { name: 'Bộ phận một cửa' }, justice: { name: 'Công chức Tư pháp – Hộ tịch' } },
 *   steps: [
 *     { id: 'certify', name: 'Chứng thực', unit: 'justice', budget: { workingHours: 3 }, issuesDecision: true },
 *     { id: 'sign', name: 'Ký', unit: 'justice', budget: { workingHours: 1 } },
 *   ],
 * });
 * ```
 */
export function defineProcedure<S extends z.ZodType = z.ZodType>(
  definition: TypedProcedureDefinitionInput<S>,
  options: DefineProcedureOptions = {},
): Procedure<z.output<S>, z.input<S>> {
  const parsed = ProcedureDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    const label =
      definition && typeof definition === 'object' && 'code' in definition
        ? `${String(definition.code)}@${String((definition as { version?: unknown }).version)}`
        : 'procedure';
    const issues = zodIssues(parsed.error, 'definition');
    throw new DefinitionError(
      label,
      issues[0]!.field,
      issues
        .map((i) => `${i.field}: ${i.message}`)
        .join('; ')
        .slice(issues[0]!.field.length + 2),
    );
  }
  nationalCalendar ??= vietnamCalendar();
  // The schema checked at receipt is `S` itself: its output is what every dossier holds.
  return build(
    parsed.data,
    options.calendar ?? nationalCalendar,
    options.machine,
    options.parallelSteps,
  ) as Procedure<z.output<S>, z.input<S>>;
}
