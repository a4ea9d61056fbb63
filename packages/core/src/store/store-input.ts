import { parseLocalDate } from '../calendar/local-date.js';
import { ValidationError } from '../errors/dossier-errors.js';
import type { DossierIndexFacts } from '../model/index-facts.js';
import { instantProblem, parseInstant } from '../model/instant-input.js';
import {
  LATE_ENTRY_MIN_THRESHOLD_MS,
  LATE_ENTRY_PERIOD_UNIT_MS,
  type LateEntryQuery,
} from '../report/late-entries.js';
import {
  INDEX_COUNT_NAMES,
  type IndexCountQuery,
  type IndexDossierQuery,
  type IndexDossierSet,
} from '../report/national-index-counts.js';
import type { ReportQuery } from '../report/report-types.js';
import type { StatisticsCountQuery } from '../report/statistics-counts.js';
import type {
  ClaimRequest,
  CommitRequest,
  IndexFactsGapQuery,
  IndexFactsWrite,
  ListQuery,
  LookupAttemptRequest,
  OutboxSettlement,
} from './store-types.js';

/**
 * Argument checks every {@link DossierStore} runs before it reads or writes anything, so that a
 * wrong-typed or hostile argument (a number for a code, a NUL byte that PostgreSQL refuses, a
 * 1 MB text, an impossible instant) is a `ValidationError` naming the argument — never a driver's
 * `TypeError` — and changes nothing. They are cheap (no schema parsing on the commit path).
 */

function fail(field: string, message: string): never {
  throw new ValidationError(field, [{ field, message }]);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A key text: a string of 1 to `max` characters without control characters. */
export function checkStoreText(value: unknown, field: string, max = 200): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max || CONTROL.test(value)) {
    fail(field, `expected a text of 1 to ${max} characters without control characters`);
  }
  return value;
}

/** A whole number in a range. */
function checkStoreInteger(
  value: unknown,
  field: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    fail(field, `expected a whole number from ${min} to ${max}`);
  }
  return value;
}

/** An instant in motcua's one form (see {@link parseInstant}). */
export function checkStoreInstant(value: unknown, field: string): string {
  return parseInstant(value, field);
}

/** A local date `'YYYY-MM-DD'` that exists. */
export function checkStoreLocalDate(value: unknown, field: string): string {
  try {
    parseLocalDate(value, field);
  } catch {
    fail(field, "expected a calendar date 'YYYY-MM-DD'");
  }
  return value as string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A claim request, with its instants in motcua's one form. */
export function checkClaimRequest(request: unknown): ClaimRequest {
  if (!isRecord(request)) fail('request', 'expected a claim request');
  return {
    due: checkStoreInstant(request.due, 'due'),
    now: checkStoreInstant(request.now, 'now'),
    limit: checkStoreInteger(request.limit, 'limit', 0, 100_000),
    owner: checkStoreText(request.owner, 'owner'),
    leaseMs: checkStoreInteger(request.leaseMs, 'leaseMs', 1, 7 * 86_400_000),
  };
}

/** A lookup attempt request, with its instant in motcua's one form. */
export function checkLookupAttemptRequest(request: unknown): LookupAttemptRequest {
  if (!isRecord(request)) fail('request', 'expected a lookup attempt request');
  return {
    key: checkStoreText(request.key, 'key', 300),
    now: checkStoreInstant(request.now, 'now'),
    maxAttempts: checkStoreInteger(request.maxAttempts, 'maxAttempts', 1, 1_000_000),
    windowMs: checkStoreInteger(request.windowMs, 'windowMs', 1, 366 * 86_400_000),
  };
}

/** A list query, with its instants in motcua's one form. */
export function checkStoreListQuery(query: unknown): ListQuery {
  if (query === undefined) return {};
  if (!isRecord(query)) fail('query', 'expected a list query');
  const q = query as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (q.status !== undefined) {
    if (q.status !== 'active' && q.status !== 'done') fail('query.status', "expected 'active' or 'done'");
    out.status = q.status;
  }
  for (const key of ['agency', 'holder', 'procedureCode'] as const) {
    if (q[key] !== undefined) out[key] = checkStoreText(q[key], `query.${key}`);
  }
  if (q.dueBefore !== undefined) out.dueBefore = checkStoreInstant(q.dueBefore, 'query.dueBefore');
  for (const key of ['receivedFrom', 'receivedBefore'] as const) {
    if (q[key] !== undefined) out[key] = checkStoreInstant(q[key], `query.${key}`);
  }
  if (q.limit !== undefined) out.limit = checkStoreInteger(q.limit, 'query.limit', 0, 100_000);
  if (q.after !== undefined) {
    if (!isRecord(q.after)) fail('query.after', 'expected the last summary of the previous page');
    out.after = {
      currentDueAt: checkStoreInstant(q.after.currentDueAt, 'query.after.currentDueAt'),
      code: checkStoreText(q.after.code, 'query.after.code'),
    };
  }
  return out as ListQuery;
}

/** A report period of instants, `to` after `from`. */
export function checkStorePeriod(query: unknown): { from: string; to: string } {
  if (!isRecord(query)) fail('query', 'expected a period { from, to }');
  const from = checkStoreInstant(query.from, 'query.from');
  const to = checkStoreInstant(query.to, 'query.to');
  if (Date.parse(to) <= Date.parse(from)) fail('query.to', 'must be after query.from');
  return { from, to };
}

const FACT_INSTANTS = ['finishedAt', 'endAt', 'lastRequestAt', 'lastSuppliedAt'] as const;
const FACT_COUNTS = ['version', 'supplementRequests', 'supplementMs', 'results', 'paidOnline'] as const;
const FACT_DURATIONS = ['processingMs', 'returnProcessingMs'] as const;
const FACT_FLAGS = [
  'eResult',
  'feeBearing',
  'digitised',
  'reused',
  'nationalStore',
  'populationData',
] as const;
/** Every index fact's key, for refusing unknown ones. */
const KNOWN_FACTS = new Set<string>([
  ...FACT_INSTANTS,
  ...FACT_COUNTS,
  ...FACT_DURATIONS,
  ...FACT_FLAGS,
  'satisfied',
  'liaisonMember',
]);

/** A summary's index facts (see `DossierIndexFactsSchema`), checked field by field (cheap, on the commit path). */
function checkIndexFacts(facts: unknown, at = 'dossier.summary.indexFacts'): void {
  const field = (k: string) => `${at}.${k}`;
  if (!isRecord(facts)) fail(at, 'expected the index facts or nothing');
  for (const k of FACT_INSTANTS) {
    if (facts[k] !== null && instantProblem(facts[k]) !== null)
      fail(field(k), 'expected an ISO 8601 instant or null');
  }
  for (const k of FACT_COUNTS) {
    const v = facts[k];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
      fail(field(k), 'expected a whole number ≥ 0');
  }
  for (const k of FACT_DURATIONS) {
    const v = facts[k];
    if (v !== null && (typeof v !== 'number' || !Number.isSafeInteger(v)))
      fail(field(k), 'expected whole milliseconds or null');
  }
  for (const k of FACT_FLAGS) if (typeof facts[k] !== 'boolean') fail(field(k), 'expected true or false');
  if (facts.satisfied !== null && typeof facts.satisfied !== 'boolean')
    fail(field('satisfied'), 'expected true, false or null');
  if (facts.liaisonMember !== undefined && facts.liaisonMember !== true)
    fail(field('liaisonMember'), 'expected true or nothing');
  if (Object.keys(facts).some((k) => !KNOWN_FACTS.has(k))) fail(at, 'has unknown keys');
}

/** A page of the dossiers without index facts. */
export function checkIndexFactsGapQuery(query: unknown): IndexFactsGapQuery {
  if (!isRecord(query)) fail('query', 'expected an object');
  const limit = checkStoreInteger(query.limit, 'query.limit', 1, 1000);
  return {
    limit,
    after: query.after === undefined ? undefined : checkStoreText(query.after, 'query.after'),
  };
}

/** Index facts to write (at most 1000), each checked field by field. */
export function checkIndexFactsWrites(writes: unknown): IndexFactsWrite[] {
  if (!Array.isArray(writes) || writes.length > 1000) fail('writes', 'expected at most 1000 writes');
  return writes.map((w: unknown, i) => {
    if (!isRecord(w)) fail(`writes[${i}]`, 'expected { code, version, facts }');
    checkStoreText(w.code, `writes[${i}].code`);
    checkStoreInteger(w.version, `writes[${i}].version`, 1, Number.MAX_SAFE_INTEGER);
    checkIndexFacts(w.facts, `writes[${i}].facts`);
    return { code: w.code as string, version: w.version as number, facts: w.facts as DossierIndexFacts };
  });
}

/** A national index count query (period, rule, grouping). */
export function checkStoreIndexCountQuery(query: unknown): IndexCountQuery {
  const period = checkStorePeriod(query);
  const q = query as Record<string, unknown>;
  if (q.rule !== 'national' && q.rule !== 'at-return') fail('query.rule', 'expected national or at-return');
  if (q.by !== 'agency' && q.by !== 'unit' && q.by !== 'procedure' && q.by !== 'none') {
    fail('query.by', 'expected agency, unit, procedure or none');
  }
  return { ...period, rule: q.rule, by: q.by };
}

/** A national index drill-down query (period, rule, set, filters, page). */
export function checkStoreIndexDossierQuery(query: unknown): IndexDossierQuery {
  const period = checkStorePeriod(query);
  const q = query as Record<string, unknown>;
  if (q.rule !== 'national' && q.rule !== 'at-return') fail('query.rule', 'expected national or at-return');
  if (
    typeof q.set !== 'string' ||
    q.set === 'processingMs' ||
    q.set === 'syncKept' ||
    !(INDEX_COUNT_NAMES as readonly string[]).includes(q.set)
  ) {
    fail('query.set', 'expected a dossier set of the index counts');
  }
  const limit = checkStoreInteger(q.limit, 'query.limit', 1, 1000);
  const opt = (key: 'agency' | 'unit' | 'procedure' | 'after') =>
    q[key] === undefined ? undefined : checkStoreText(q[key], `query.${key}`);
  return {
    ...period,
    rule: q.rule,
    set: q.set as IndexDossierSet,
    agency: opt('agency'),
    unit: opt('unit'),
    procedure: opt('procedure'),
    limit,
    after: opt('after'),
  };
}

/** A report query of instants. */
export function checkStoreReportQuery(query: unknown): ReportQuery {
  const period = checkStorePeriod(query);
  const groupBy = (query as Record<string, unknown>).groupBy;
  if (groupBy !== 'agency' && groupBy !== 'procedure' && groupBy !== 'channel' && groupBy !== 'none') {
    fail('query.groupBy', 'expected agency, procedure, channel or none');
  }
  return { ...period, groupBy };
}

/** A statistics-forms query: a period of instants and a counting rule (`'at-return'`). */
export function checkStoreStatisticsQuery(query: unknown): StatisticsCountQuery {
  const period = checkStorePeriod(query);
  const rule = (query as Record<string, unknown>).rule;
  if (rule !== 'at-return') fail('query.rule', 'expected at-return');
  return { ...period, rule };
}

/**
 * A late-entry query: a period of instants on whole hours (`to` after `from`) and a threshold of
 * one minute to 366 days. @throws `ValidationError` naming `query.from`, `query.to` or
 * `query.thresholdMs`.
 */
export function checkStoreLateEntryQuery(query: unknown): LateEntryQuery {
  const period = checkStorePeriod(query);
  for (const key of ['from', 'to'] as const) {
    if (Date.parse(period[key]) % LATE_ENTRY_PERIOD_UNIT_MS !== 0)
      fail(`query.${key}`, 'expected an instant on a whole hour');
  }
  const thresholdMs = checkStoreInteger(
    (query as Record<string, unknown>).thresholdMs,
    'query.thresholdMs',
    LATE_ENTRY_MIN_THRESHOLD_MS,
    366 * 86_400_000,
  );
  return { ...period, thresholdMs };
}

/** An outbox settlement. */
export function checkSettlement(settlement: unknown): OutboxSettlement {
  if (!isRecord(settlement) || typeof settlement.delivered !== 'boolean') {
    fail('settlement', 'expected { delivered: true } or { delivered: false, error, retryAt }');
  }
  if (settlement.delivered) return { delivered: true };
  if (typeof settlement.error !== 'string') fail('settlement.error', 'expected a text');
  const retryAt =
    settlement.retryAt === null ? null : checkStoreInstant(settlement.retryAt, 'settlement.retryAt');
  if (settlement.deferred !== undefined && typeof settlement.deferred !== 'boolean') {
    fail('settlement.deferred', 'expected true or false');
  }
  return {
    delivered: false,
    error: settlement.error.slice(0, 2000),
    retryAt,
    ...(settlement.deferred ? { deferred: true } : {}),
  };
}

/**
 * The shape of a commit request: the keys and instants a store indexes, without parsing the
 * snapshot or payloads (the engine built them). @throws `ValidationError` naming the part.
 *
 * @example
 * ```ts
 * import { checkCommitRequest, type CommitRequest } from '@motcua/core';
 * // A store checks what it is given before it writes anything (a ValidationError names the part).
 * async function commit(input: CommitRequest): Promise<void> {
 *   const request = checkCommitRequest(input);
 *   // … one transaction with request.dossier, request.journal, request.slipRows, request.timers, request.outbox
 * }
 * ```
 */
export function checkCommitRequest(request: unknown): CommitRequest {
  if (!isRecord(request)) fail('request', 'expected a commit request');
  const r = request as Record<string, unknown>;
  const dossier = r.dossier;
  if (!isRecord(dossier) || !isRecord(dossier.summary) || !isRecord(dossier.persisted)) {
    fail('dossier', 'expected { summary, persisted, version, expectedVersion, firedTimers }');
  }
  const summary = dossier.summary as Record<string, unknown>;
  const code = checkStoreText(summary.code, 'dossier.summary.code');
  for (const key of ['agency', 'procedureCode', 'procedureVersion', 'channel', 'state', 'holder'] as const) {
    checkStoreText(summary[key], `dossier.summary.${key}`, 500);
  }
  if (summary.status !== 'active' && summary.status !== 'done')
    fail('dossier.summary.status', "expected 'active' or 'done'");
  for (const key of ['receivedAt', 'legalDueAt', 'currentDueAt'] as const) {
    if (instantProblem(summary[key]) !== null) fail(`dossier.summary.${key}`, 'expected an ISO 8601 instant');
  }
  if (
    summary.nationalStatus !== undefined &&
    summary.nationalStatus !== null &&
    !(
      Number.isInteger(summary.nationalStatus) &&
      (summary.nationalStatus as number) >= 1 &&
      (summary.nationalStatus as number) <= 99
    )
  ) {
    fail('dossier.summary.nationalStatus', 'expected a national status code from 1 to 99, or null');
  }
  if (summary.indexFacts !== undefined) checkIndexFacts(summary.indexFacts);

  if (summary.closedAt !== null && instantProblem(summary.closedAt) !== null) {
    fail('dossier.summary.closedAt', 'expected an ISO 8601 instant or null');
  }
  const version = checkStoreInteger(dossier.version, 'dossier.version', 1);
  checkStoreInteger(dossier.expectedVersion, 'dossier.expectedVersion', 0);
  if (version !== (dossier.expectedVersion as number) + 1)
    fail('dossier.version', 'must be expectedVersion + 1');
  if (!Array.isArray(dossier.firedTimers) || !dossier.firedTimers.every((t) => typeof t === 'string')) {
    fail('dossier.firedTimers', 'expected a list of timer ids');
  }
  const journal = r.journal;
  if (!isRecord(journal)) fail('journal', 'expected a journal entry');
  if (journal.code !== code) fail('journal.code', 'must be the dossier code');
  if (journal.seq !== version) fail('journal.seq', 'must be the new version');
  if (instantProblem(journal.at) !== null) fail('journal.at', 'expected an ISO 8601 instant');
  if (journal.enteredAt !== undefined && instantProblem(journal.enteredAt) !== null)
    fail('journal.enteredAt', 'expected an ISO 8601 instant');
  checkStoreText(journal.type, 'journal.type');
  if (!isRecord(journal.actor)) fail('journal.actor', 'expected an actor');
  // The late-entry report counts entries by the acting officer's unit.
  checkStoreText(journal.actor.unitId, 'journal.actor.unitId');
  if (journal.idempotencyKey !== null) checkStoreText(journal.idempotencyKey, 'journal.idempotencyKey', 500);
  for (const list of ['slipRows', 'timers', 'outbox'] as const) {
    if (!Array.isArray(r[list])) fail(list, 'expected a list');
  }
  (r.timers as unknown[]).forEach((t, i) => {
    if (!isRecord(t)) fail(`timers[${i}]`, 'expected a timer row');
    checkStoreText(t.id, `timers[${i}].id`, 500);
    if (t.code !== code) fail(`timers[${i}].code`, 'must be the dossier code');
    checkStoreText(t.kind, `timers[${i}].kind`);
    if (instantProblem(t.at) !== null) fail(`timers[${i}].at`, 'expected an ISO 8601 instant');
    if (t.stepId !== undefined) checkStoreText(t.stepId, `timers[${i}].stepId`);
  });
  (r.outbox as unknown[]).forEach((o, i) => {
    if (!isRecord(o)) fail(`outbox[${i}]`, 'expected an outbox effect');
    checkStoreText(o.id, `outbox[${i}].id`, 500);
    checkStoreText(o.type, `outbox[${i}].type`);
    if (o.code !== null && o.code !== code) fail(`outbox[${i}].code`, 'must be the dossier code or null');
    if (instantProblem(o.createdAt) !== null) fail(`outbox[${i}].createdAt`, 'expected an ISO 8601 instant');
    if (instantProblem(o.notBefore) !== null) fail(`outbox[${i}].notBefore`, 'expected an ISO 8601 instant');
  });
  // The slip is the one before this commit followed by `slipRows`: a store may keep it once, in
  // its slip rows, and give it back with the snapshot.
  const context = (dossier.persisted as Record<string, unknown>).context;
  if (!isRecord(context) || !Array.isArray(context.slip)) {
    fail('dossier.persisted.context.slip', 'expected the control slip (a list of rows)');
  }
  const slip = context.slip as unknown[];
  const rows = r.slipRows as unknown[];
  if (rows.length > slip.length) fail('slipRows', 'must be the last rows of dossier.persisted.context.slip');
  rows.forEach((row, i) => {
    if (!isRecord(row)) fail(`slipRows[${i}]`, 'expected a control-slip row');
    const same = slip[slip.length - rows.length + i];
    if (same !== row && !(isRecord(same) && same.seq === row.seq && same.hash === row.hash)) {
      fail(`slipRows[${i}]`, 'must be the last rows of dossier.persisted.context.slip');
    }
  });
  if (r.idempotency !== null) {
    if (!isRecord(r.idempotency)) fail('idempotency', 'expected { key, result } or null');
    checkStoreText(r.idempotency.key, 'idempotency.key', 500);
  }
  if (r.firedTimer !== null) {
    if (!isRecord(r.firedTimer)) fail('firedTimer', 'expected { id, leaseOwner } or null');
    checkStoreText(r.firedTimer.id, 'firedTimer.id', 500);
    checkStoreText(r.firedTimer.leaseOwner, 'firedTimer.leaseOwner');
  }
  return request as unknown as CommitRequest;
}

/** A filter of the outbox listing. */
export function checkOutboxQuery(query: unknown): {
  status?: 'pending' | 'delivered' | 'dead';
  code?: string;
} {
  if (query === undefined) return {};
  if (!isRecord(query)) fail('query', 'expected { status?, code? }');
  const out: { status?: 'pending' | 'delivered' | 'dead'; code?: string } = {};
  if (query.status !== undefined) {
    if (query.status !== 'pending' && query.status !== 'delivered' && query.status !== 'dead') {
      fail('query.status', "expected 'pending', 'delivered' or 'dead'");
    }
    out.status = query.status;
  }
  if (query.code !== undefined) out.code = checkStoreText(query.code, 'query.code');
  return out;
}
