import { z } from 'zod';
import { type LocalDate, parseLocalDate } from '../calendar/local-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { type FieldIssue, ValidationError } from '../errors/dossier-errors.js';
import { type Actor, ActorSchema, type Instant } from '../model/actor.js';
import { isAgencyCode, isDossierCodeShape } from '../model/dossier-code.js';
import { instantProblem, parseInstant } from '../model/instant-input.js';
import {
  LATE_ENTRY_MIN_THRESHOLD_MS,
  LATE_ENTRY_PERIOD_UNIT_MS,
  type LateEntryQuery,
} from '../report/late-entries.js';
import type { ReportQuery } from '../report/report-types.js';
import type { ListQuery } from '../store/store-types.js';
import { unknownKeys, zodIssues } from '../validation/zod-issues.js';

/** A text of printable characters (no control characters such as NUL), 1 to `max` long. */
const printable = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'control characters are not allowed');

/** An instant as a caller may pass it: a `Date` or an ISO 8601 string with an offset. */
const InstantInputSchema = z.custom<string | Date>((v) => instantProblem(v) === null, {
  error: (issue) => instantProblem(issue.input) ?? 'invalid instant',
});

const IdempotencyKeySchema = printable(255);

/** What `engine.receive` takes, checked before anything is read or written. */
const ReceiveCommandSchema = z
  .object({
    procedure: printable(100),
    version: printable(50).optional(),
    agency: z
      .custom<string>((v) => isAgencyCode(v), 'expected letters and digits separated by dots, at most 64')
      .optional(),
    // The channel and the receiving officer are the procedure's to check (with the applicant and
    // the application, every bad field in one error): checked once, by `Procedure.start`.
    channel: z.unknown(),
    actor: z.unknown(),
    applicant: z.unknown().optional(),
    application: z.unknown().optional(),
    at: InstantInputSchema.optional(),
    idempotencyKey: IdempotencyKeySchema.optional(),
    liaison: z.unknown().optional(),
    // Resolved in the engine's desk topology (`resolveReception`), naming `reception.<field>`.
    reception: z.unknown().optional(),
  })
  .strict();

/** A receive command after its checks. */
export interface CheckedReceive {
  readonly procedure: string;
  readonly version: string | undefined;
  readonly agency: string | undefined;
  /** Checked by the procedure (`Procedure.start`). */
  readonly channel: unknown;
  /** Checked by the procedure (`Procedure.start`). */
  readonly actor: unknown;
  readonly applicant: unknown;
  readonly application: unknown;
  /** The receipt instant when the caller gave one. */
  readonly at: Instant | undefined;
  readonly idempotencyKey: string | undefined;
  readonly liaison: unknown;
  /** The receiving, competent and returning centres by id (resolved by the engine). */
  readonly reception: unknown;
}

function fail(what: string, issues: FieldIssue[]): never {
  throw new ValidationError(what, issues);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/;
/** What `printable(max)` accepts. */
const isPrintable = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length >= 1 && v.length <= max && PRINTABLE.test(v);

const RECEIVE_KEYS = new Set([
  'procedure',
  'version',
  'agency',
  'channel',
  'actor',
  'applicant',
  'application',
  'at',
  'idempotencyKey',
  'liaison',
  'reception',
]);

/**
 * A receive command in its common form checked without the schema, with exactly the output of the
 * schema path of {@link checkReceive}; `undefined` for anything doubtful (an unknown key, a key
 * present as `undefined`, an object not made by a literal, any bad field): the caller then parses
 * with the schema, which gives the same answer and the errors. A test compares both.
 */
export function commonReceive(command: unknown): CheckedReceive | undefined {
  if (typeof command !== 'object' || command === null) return undefined;
  const proto = Object.getPrototypeOf(command);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const c = command as Record<string, unknown>;
  for (const key in c) if (!RECEIVE_KEYS.has(key) || c[key] === undefined) return undefined;
  const { procedure, version, agency, at, idempotencyKey } = c;
  if (!isPrintable(procedure, 100)) return undefined;
  if (version !== undefined && !isPrintable(version, 50)) return undefined;
  if (agency !== undefined && !isAgencyCode(agency)) return undefined;
  // The channel and the officer pass as they are (the procedure checks them), but must be given.
  const { channel, actor } = c;
  if (channel === undefined || actor === undefined) return undefined;
  if (at !== undefined && instantProblem(at) !== null) return undefined;
  if (idempotencyKey !== undefined && !isPrintable(idempotencyKey, 255)) return undefined;
  return {
    procedure,
    version: version as string | undefined,
    agency: agency as string | undefined,
    channel,
    actor,
    applicant: c.applicant,
    application: c.application,
    at: at === undefined ? undefined : parseInstant(at, 'at'),
    idempotencyKey: idempotencyKey as string | undefined,
    liaison: c.liaison,
    reception: c.reception,
  };
}

/** Checks a receive command; every problem is named by the caller's field (`actor.unitId`, `at`, …). */
export function checkReceive(command: unknown): CheckedReceive {
  return commonReceive(command) ?? receiveBySchema(command);
}

/** {@link checkReceive} by the schema alone (what {@link commonReceive} is compared with). */
export function receiveBySchema(command: unknown): CheckedReceive {
  const c = parseCommand(ReceiveCommandSchema, command, 'receive command');
  return { ...checkedFields(c), liaison: c.liaison, reception: c.reception };
}

/**
 * What `engine.submit` takes: a receive command's fields for an online filing (no liaison member,
 * no reception across the boundary: both are receipts at the desk), and the portal's reference.
 */
const SubmitCommandSchema = ReceiveCommandSchema.omit({ liaison: true, reception: true }).extend({
  filing: z.unknown().optional(),
});

/** A submit command after its checks: a receive command's, with the portal's reference (checked by the procedure). */
export interface CheckedSubmit extends CheckedReceive {
  readonly filing: unknown;
}

/** Checks a submit command (`engine.submit`); every problem is named by the caller's field. */
export function checkSubmit(command: unknown): CheckedSubmit {
  const c = parseCommand(SubmitCommandSchema, command, 'submit command');
  return { ...checkedFields(c), liaison: undefined, reception: undefined, filing: c.filing };
}

/** A command parsed by `schema`, or a `ValidationError` naming each field (`what` in its message). */
function parseCommand<S extends z.ZodType>(schema: S, command: unknown, what: string): z.output<S> {
  if (!isPlainObject(command)) fail(what, [{ field: 'command', message: 'expected an object' }]);
  const parsed = schema.safeParse(command);
  if (!parsed.success) fail(what, zodIssues(parsed.error, '').map(unroot));
  return parsed.data;
}

/** The fields receive and submit commands share, in their checked form. */
function checkedFields(c: z.output<typeof SubmitCommandSchema>) {
  return {
    procedure: c.procedure,
    version: c.version,
    agency: c.agency,
    channel: c.channel,
    actor: c.actor,
    applicant: c.applicant,
    application: c.application,
    at: c.at === undefined ? undefined : parseInstant(c.at, 'at'),
    idempotencyKey: c.idempotencyKey,
  };
}

/** zod paths from the root come out as `.field`: drop the dot. */
function unroot(issue: FieldIssue): FieldIssue {
  return issue.field.startsWith('.') ? { ...issue, field: issue.field.slice(1) } : issue;
}

/** Checks a dossier code argument. */
export function checkCode(code: unknown, field = 'code'): string {
  if (!isDossierCodeShape(code)) {
    fail(field, [{ field, message: 'expected a dossier code <agency>-<yymmdd>-<NNNN>' }]);
  }
  return code;
}

const SendOptionsSchema = z
  .object({
    idempotencyKey: IdempotencyKeySchema.optional(),
    expectedVersion: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

/** Options of `engine.send`, checked. */
export function checkSendOptions(options: unknown): {
  idempotencyKey?: string | undefined;
  expectedVersion?: number | undefined;
} {
  if (options === undefined) return {};
  if (!isPlainObject(options)) fail('options', [{ field: 'options', message: 'expected an object' }]);
  const parsed = SendOptionsSchema.safeParse(options);
  if (!parsed.success) fail('options', zodIssues(parsed.error, 'options'));
  return parsed.data;
}

const GetOptionsSchema = z
  .object({
    plugins: z.boolean().optional(),
    history: z.boolean().optional(),
  })
  .strict();

/** Options of `engine.get`, checked (an unknown key or a non-boolean is refused, naming it). */
export function checkGetOptions(options: unknown): {
  plugins?: boolean | undefined;
  history?: boolean | undefined;
} {
  if (options === undefined) return {};
  if (!isPlainObject(options)) fail('options', [{ field: 'options', message: 'expected an object' }]);
  const parsed = GetOptionsSchema.safeParse(options);
  if (!parsed.success) fail('options', zodIssues(parsed.error, 'options'));
  return parsed.data;
}

const ReissueSchema = z
  .object({
    actor: ActorSchema,
    at: InstantInputSchema.optional(),
    idempotencyKey: IdempotencyKeySchema.optional(),
  })
  .strict();

/** The command of `engine.reissueSecret`, checked: the officer, its instant (default now), its key. */
export function checkReissue(
  command: unknown,
  now: () => Date,
): { actor: Actor; at: Instant; idempotencyKey?: string } {
  if (!isPlainObject(command)) fail('command', [{ field: 'command', message: 'expected an object' }]);
  const parsed = ReissueSchema.safeParse(command);
  if (!parsed.success) fail('reissue command', zodIssues(parsed.error, '').map(unroot));
  const { actor, at, idempotencyKey } = parsed.data;
  return {
    actor,
    at: at === undefined ? now().toISOString() : parseInstant(at, 'at'),
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  };
}

const RateSchema = z
  .object({
    scores: z.record(z.string().min(1).max(64), z.unknown()),
    actor: ActorSchema.optional(),
    secret: z.string().max(64).optional(),
    at: InstantInputSchema.optional(),
    idempotencyKey: IdempotencyKeySchema.optional(),
  })
  .strict();

/** The command of `engine.rate`, checked (the scores against the criteria set come next). */
export function checkRate(command: unknown): {
  scores: Record<string, unknown>;
  actor?: Actor | undefined;
  secret?: string | undefined;
  at?: Instant | undefined;
  idempotencyKey?: string | undefined;
} {
  if (!isPlainObject(command)) fail('command', [{ field: 'command', message: 'expected an object' }]);
  const parsed = RateSchema.safeParse(command);
  if (!parsed.success) fail('rate command', zodIssues(parsed.error, '').map(unroot));
  const { at, ...rest } = parsed.data;
  return { ...rest, ...(at === undefined ? {} : { at: parseInstant(at, 'at') }) };
}

/**
 * The event of `engine.send` with its instant in motcua's one form (the clock's now when absent);
 * the rest of the event is checked by the procedure, which names the fields `event.*`.
 */
export function checkEvent(
  event: unknown,
  now: () => Date,
): Record<string, unknown> & { at: Instant; type: string } {
  if (!isPlainObject(event)) fail('event', [{ field: 'event', message: 'expected an object' }]);
  if (typeof event.type !== 'string' || event.type.length === 0 || event.type.length > 64) {
    fail('event', [{ field: 'event.type', message: 'expected an event type' }]);
  }
  const at = event.at === undefined ? now().toISOString() : parseInstant(event.at, 'event.at');
  return { ...event, type: event.type, at };
}

/**
 * Refuses an instant entered later than the backdating window allows (`maxMs` before `now`),
 * naming `field`; no window, no check.
 */
export function checkBackdating(at: Instant, now: Date, maxMs: number | undefined, field: string): void {
  if (maxMs === undefined || Date.parse(at) >= now.getTime() - maxMs) return;
  const hours = Math.round((maxMs / 3_600_000) * 10) / 10;
  fail(field, [{ field, message: `entered more than ${hours} h after it happened (the backdating window)` }]);
}

/** A period bound as a caller may pass it: an instant, or a local date meaning its local midnight. */
function periodBound(value: unknown, field: string, calendar: WorkingCalendar): Instant {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    try {
      parseLocalDate(value, field);
    } catch {
      fail(field, [{ field, message: 'no such calendar date' }]);
    }
    return calendar.startOfDay(value as LocalDate).toISOString();
  }
  const problem = instantProblem(value);
  if (problem !== null) {
    fail(field, [
      {
        field,
        message: `expected a local date 'YYYY-MM-DD' or an ISO 8601 instant with an offset (${problem})`,
      },
    ]);
  }
  return parseInstant(value, field);
}

const GroupBySchema = z.enum(['agency', 'procedure', 'channel', 'none']);

/** A report query with its period as instants (`to` after `from`). */
export function checkReportQuery(query: unknown, calendar: WorkingCalendar): ReportQuery {
  const { from, to, rest } = checkPeriod(query, calendar, ['groupBy']);
  const groupBy = GroupBySchema.safeParse(rest.groupBy ?? 'none');
  if (!groupBy.success)
    fail('query', [{ field: 'query.groupBy', message: 'expected agency, procedure, channel or none' }]);
  return { from, to, groupBy: groupBy.data };
}

/** A unit report's period as instants (`to` after `from`). */
export function checkPeriodQuery(query: unknown, calendar: WorkingCalendar): { from: Instant; to: Instant } {
  const { from, to } = checkPeriod(query, calendar, []);
  return { from, to };
}

/**
 * A late-entry query: its period as instants on whole hours (`to` after `from`; a local date is its
 * local midnight), and a whole threshold of one minute to 366 days.
 */
export function checkLateEntryQuery(query: unknown, calendar: WorkingCalendar): LateEntryQuery {
  const { from, to, rest } = checkPeriod(query, calendar, ['thresholdMs']);
  for (const [field, value] of [
    ['query.from', from],
    ['query.to', to],
  ] as const) {
    if (Date.parse(value) % LATE_ENTRY_PERIOD_UNIT_MS !== 0)
      fail('query', [{ field, message: 'expected an instant on a whole hour' }]);
  }
  const thresholdMs = rest.thresholdMs;
  if (
    typeof thresholdMs !== 'number' ||
    !Number.isSafeInteger(thresholdMs) ||
    thresholdMs < LATE_ENTRY_MIN_THRESHOLD_MS ||
    thresholdMs > 366 * 86_400_000
  ) {
    fail('query', [
      {
        field: 'query.thresholdMs',
        message: `expected whole milliseconds from ${LATE_ENTRY_MIN_THRESHOLD_MS} (one minute) to 366 days`,
      },
    ]);
  }
  return { from, to, thresholdMs };
}

/** A period `{ from, to }` as instants (`to` after `from`) and the query's other keys, of which only `extra` are allowed. */
export function checkPeriod(
  query: unknown,
  calendar: WorkingCalendar,
  extra: readonly string[],
): { from: Instant; to: Instant; rest: Record<string, unknown> } {
  if (!isPlainObject(query)) fail('query', [{ field: 'query', message: 'expected an object' }]);
  const unknown = Object.keys(query).filter((k) => k !== 'from' && k !== 'to' && !extra.includes(k));
  if (unknown.length) fail('query', [{ field: 'query', message: unknownKeys(unknown) }]);
  const from = periodBound(query.from, 'query.from', calendar);
  const to = periodBound(query.to, 'query.to', calendar);
  if (Date.parse(to) <= Date.parse(from))
    fail('query', [{ field: 'query.to', message: 'must be after query.from' }]);
  return { from, to, rest: query };
}

const ListQuerySchema = z
  .object({
    status: z.enum(['active', 'done']).optional(),
    agency: printable(64).optional(),
    holder: printable(200).optional(),
    procedureCode: printable(100).optional(),
    dueBefore: InstantInputSchema.optional(),
    receivedFrom: InstantInputSchema.optional(),
    receivedBefore: InstantInputSchema.optional(),
    limit: z.number().int().min(0).max(10_000).optional(),
    after: z
      .object({ currentDueAt: InstantInputSchema, code: printable(100) })
      .loose()
      .optional(),
  })
  .strict();

/** A list query, checked, with its instants in motcua's one form. */
export function checkListQuery(query: unknown): ListQuery {
  if (query === undefined) return {};
  if (!isPlainObject(query)) fail('query', [{ field: 'query', message: 'expected an object' }]);
  const parsed = ListQuerySchema.safeParse(query);
  if (!parsed.success) fail('query', zodIssues(parsed.error, 'query'));
  const q = parsed.data;
  return {
    ...(q.status ? { status: q.status } : {}),
    ...(q.agency ? { agency: q.agency } : {}),
    ...(q.holder ? { holder: q.holder } : {}),
    ...(q.procedureCode ? { procedureCode: q.procedureCode } : {}),
    ...(q.dueBefore !== undefined ? { dueBefore: parseInstant(q.dueBefore, 'query.dueBefore') } : {}),
    ...(q.receivedFrom !== undefined
      ? { receivedFrom: parseInstant(q.receivedFrom, 'query.receivedFrom') }
      : {}),
    ...(q.receivedBefore !== undefined
      ? { receivedBefore: parseInstant(q.receivedBefore, 'query.receivedBefore') }
      : {}),
    ...(q.limit !== undefined ? { limit: q.limit } : {}),
    ...(q.after
      ? {
          after: {
            currentDueAt: parseInstant(q.after.currentDueAt, 'query.after.currentDueAt'),
            code: q.after.code,
          },
        }
      : {}),
  };
}

/** The `now` of `runDueTimers` / `deliverOutbox`: the clock's when absent. */
export function checkNow(now: unknown, clock: () => Date): Date {
  if (now === undefined) return clock();
  return new Date(parseInstant(now, 'now'));
}

/** An idempotency key or outbox id argument. */
export function checkText(value: unknown, field: string, max = 500): string {
  const parsed = printable(max).safeParse(value);
  if (!parsed.success)
    fail(field, [{ field, message: `expected a text of 1 to ${max} printable characters` }]);
  return parsed.data;
}

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', `expected ${what}`);
const objectWith = (methods: readonly string[], what: string) =>
  z.custom<object>(
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      methods.every((m) => typeof (v as Record<string, unknown>)[m] === 'function'),
    `expected ${what}`,
  );

/** The engine's options, checked for their shapes (the calendar and procedures by their kind). */
/** Shortest lookup secret an engine issues (6 characters: 30 bits). */
const MIN_SECRET_LENGTH = 6;
/** Longest lookup secret an engine issues. */
const MAX_SECRET_LENGTH = 32;

const EngineOptionsSchema = z
  .object({
    procedures: z.union([
      objectWith(['all', 'get', 'inForce'], 'a ProcedureRegistry or a list of procedures'),
      z.array(objectWith(['withCalendar', 'step', 'start'], 'a procedure made by defineProcedure')),
    ]),
    calendar: objectWith(
      ['dueDate', 'localDate', 'addWorkingMinutes'],
      'a WorkingCalendar (vietnamCalendar())',
    ),
    store: objectWith(['load', 'commit', 'claimTimers', 'claimOutbox'], 'a DossierStore').optional(),
    plugins: z
      .array(z.object({ name: printable(64) }).loose())
      .max(100)
      .optional(),
    clock: objectWith(['now'], 'a clock with now()').optional(),
    agency: z.custom<string>(
      (v) => isAgencyCode(v),
      'expected letters and digits separated by dots, at most 64',
    ),
    workerId: printable(200).optional(),
    warnBeforeMinutes: z.number().finite().min(0).max(1_000_000).optional(),
    backoff: z
      .object({
        maxAttempts: z.number().int().min(1).max(1000).optional(),
        baseDelayMs: z.number().int().min(0).max(86_400_000).optional(),
        maxDelayMs: z
          .number()
          .int()
          .min(0)
          .max(30 * 86_400_000)
          .optional(),
      })
      .strict()
      .optional(),
    leaseMs: z.number().int().min(1000).max(86_400_000).optional(),
    // Checked in full by `checkReceptionOptions`, naming `reception.topology…`.
    reception: z.object({ topology: z.unknown(), boundaryFree: z.unknown().optional() }).strict().optional(),
    backdating: z
      .object({
        maxMs: z
          .number()
          .int()
          .min(60_000)
          .max(366 * 86_400_000)
          .optional(),
      })
      .strict()
      .optional(),
    secretLength: z.number().int().min(MIN_SECRET_LENGTH).max(MAX_SECRET_LENGTH).optional(),
    lookupLimit: z
      .object({
        maxFailures: z.number().int().min(1).max(1000).optional(),
        windowMs: z
          .number()
          .int()
          .min(1000)
          .max(30 * 86_400_000)
          .optional(),
      })
      .strict()
      .optional(),
    ratings: z
      .object({
        criteria: z
          .object({
            id: printable(64),
            criteria: z
              .array(
                z
                  .object({
                    id: printable(64),
                    name: z.string().min(1),
                    answers: z
                      .array(z.object({ score: z.number().int().min(0).max(100), label: z.string() }))
                      .min(1),
                  })
                  .loose(),
              )
              .min(1),
          })
          .loose()
          .optional(),
        amendWithinMs: z
          .number()
          .int()
          .min(0)
          .max(366 * 86_400_000)
          .optional(),
      })
      .strict()
      .optional(),
    random: fn('a function returning numbers in [0, 1)').optional(),
    inspect: z.union([fn('an inspector function'), objectWith([], 'an inspection observer')]).optional(),
    log: fn('a log function').optional(),
  })
  .loose();

/** Checks `createEngine`'s options: a typed error naming the first bad one, before anything is built. */
export function checkEngineOptions(options: unknown): void {
  if (!isPlainObject(options)) {
    throw new ValidationError('engine options', [{ field: 'options', message: 'expected an object' }]);
  }
  const parsed = EngineOptionsSchema.safeParse(options);
  if (!parsed.success) throw new ValidationError('engine options', zodIssues(parsed.error, 'options'));
}
