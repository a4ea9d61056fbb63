import {
  type ClaimRequest,
  type DossierSummary,
  entryDelayMs,
  finishLateEntryRows,
  type JournalEntry,
  LATE_ENTRY_PERIOD_UNIT_MS,
  type LateEntryRow,
  MotcuaError,
  type OutboxItem,
  type PersistedDossier,
  type ReportQuery,
  type ReportRow,
  type SlipRow,
  type TimerRow,
  type UnitReportRow,
} from '@motcua/core';
import { type IndexColumns, indexFactsFromColumns } from './national-index-sql.js';
import { RECEIVED_ONLY } from './received-only.js';

const CANONICAL = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * The canonical form of an instant the SQL stores keep: ISO 8601 in UTC with milliseconds
 * (`Date#toISOString`), which is also what the engine writes. Offsets such as `+07:00` are
 * accepted and come back as the same instant in UTC.
 */
export function canonicalInstant(value: string, field: string): string {
  if (CANONICAL.test(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new MotcuaError(
      'INVALID_DATE',
      `${field}: expected an ISO 8601 instant (got ${JSON.stringify(value)})`,
      {
        field,
        value,
      },
    );
  }
  return new Date(ms).toISOString();
}

/** A claim's parameters as the SQL stores bind them: canonical instants and the lease's end. */
export function claimParams(request: ClaimRequest): {
  due: string;
  now: string;
  until: string;
  limit: number;
  owner: string;
} {
  const { limit, owner, leaseMs } = request;
  if (!Number.isSafeInteger(limit) || limit < 0)
    throw new MotcuaError('INVALID_OPTION', 'limit: expected a whole number ≥ 0', { field: 'limit' });
  if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0)
    throw new MotcuaError('INVALID_OPTION', 'leaseMs: expected a whole number of milliseconds > 0', {
      field: 'leaseMs',
    });
  if (typeof owner !== 'string' || owner.length === 0 || owner.length > 200)
    throw new MotcuaError('INVALID_OPTION', 'owner: expected a worker id of 1 to 200 characters', {
      field: 'owner',
    });
  const due = canonicalInstant(request.due, 'due');
  const now = canonicalInstant(request.now, 'now');
  return { due, now, until: new Date(Date.parse(now) + leaseMs).toISOString(), limit, owner };
}

/** Like {@link canonicalInstant}, keeping `null`. */
export function canonicalOrNull(value: string | null, field: string): string | null {
  return value === null ? null : canonicalInstant(value, field);
}

/** The columns of a dossier summary, instants already in the caller's representation. */
export interface SummaryColumns<I> {
  code: string;
  agency: string;
  procedure_code: string;
  procedure_version: string;
  channel: string;
  state: string;
  status: string;
  holder: string;
  received_at: I;
  legal_due_at: I;
  current_due_at: I;
  closed_at: I | null;
  outcome: string | null;
  result: string | null;
  late_unit: string | null;
  paused: boolean | number;
  /** NULL in rows written before the stores kept it (SQLite 006, PostgreSQL 005). */
  national_status: number | null;
}

/** The summary columns every dossier query selects, in order. */
export const SUMMARY_COLUMNS =
  'code, agency, procedure_code, procedure_version, channel, state, status, holder, received_at, legal_due_at, current_due_at, closed_at, outcome, result, late_unit, paused, national_status';

/** A {@link DossierSummary} from its columns; `iso` turns a stored instant into its ISO string. */
export function summaryFromColumns<I>(
  r: SummaryColumns<I> & Partial<IndexColumns<I>>,
  iso: (v: I) => string,
): DossierSummary {
  const indexFacts =
    r.ix_version === undefined ? undefined : indexFactsFromColumns(r as IndexColumns<I>, iso);
  return {
    code: r.code,
    agency: r.agency,
    procedureCode: r.procedure_code,
    procedureVersion: r.procedure_version,
    channel: r.channel as DossierSummary['channel'],
    state: r.state,
    status: r.status as DossierSummary['status'],
    holder: r.holder,
    receivedAt: iso(r.received_at),
    legalDueAt: iso(r.legal_due_at),
    currentDueAt: iso(r.current_due_at),
    closedAt: r.closed_at === null ? null : iso(r.closed_at),
    outcome: r.outcome as DossierSummary['outcome'],
    result: r.result as DossierSummary['result'],
    lateUnit: r.late_unit,
    paused: r.paused === true || r.paused === 1,
    nationalStatus: r.national_status === null ? null : Number(r.national_status),
    ...(indexFacts ? { indexFacts } : {}),
  };
}

/** The columns of a journal row. */
export interface JournalColumns<I, J> {
  code: string;
  seq: number;
  at: I;
  type: string;
  actor: J;
  before: string | null;
  after: string;
  event: J;
  idempotency_key: string | null;
  /** NULL in rows written before the stores kept it. */
  entered_at: I | null;
}

/** A {@link JournalEntry} from its columns; `json` parses a stored JSON value. */
export function journalFromColumns<I, J>(
  r: JournalColumns<I, J>,
  iso: (v: I) => string,
  json: (v: J) => unknown,
): JournalEntry {
  return {
    code: r.code,
    seq: r.seq,
    at: iso(r.at),
    ...(r.entered_at === null ? {} : { enteredAt: iso(r.entered_at) }),
    type: r.type,
    actor: json(r.actor) as JournalEntry['actor'],
    before: r.before,
    after: r.after,
    event: json(r.event),
    idempotencyKey: r.idempotency_key,
  };
}

/** The late-entry facts of a journal entry as the SQL stores write them, or `null` without `enteredAt`. */
export function entryFacts(entry: JournalEntry): {
  enteredAt: string;
  unit: string;
  delayMs: number;
  /** Whole hours since 1970-01-01T00:00Z of the entry instant. */
  hour: number;
} | null {
  if (entry.enteredAt === undefined) return null;
  const enteredAt = canonicalInstant(entry.enteredAt, 'journal.enteredAt');
  const entered = Date.parse(enteredAt);
  return {
    enteredAt,
    unit: entry.actor.unitId,
    delayMs: entryDelayMs(entry.at, enteredAt),
    hour: Math.floor(entered / LATE_ENTRY_PERIOD_UNIT_MS),
  };
}

/** One unit's totals and late entries as the late-entry queries return them (numbers may be strings). */
export interface LateEntryFigures {
  unit: string;
  entries: number | string;
  delay_sum: number | string;
  delay_max: number | string;
  late: number | string | null;
  /** JSON array text (SQLite) or array (PostgreSQL) of the late dossiers' codes, or null. */
  codes: string | readonly string[] | null;
}

/** Late-entry report rows from the stores' query, as core's `finishLateEntryRows` makes them. */
export function assembleLateEntries(rows: readonly LateEntryFigures[]): LateEntryRow[] {
  return finishLateEntryRows(
    rows.map((r) => ({
      unit: r.unit,
      entries: Number(r.entries),
      late: Number(r.late ?? 0),
      maxDelayMs: Number(r.delay_max),
      delaySumMs: Number(r.delay_sum),
      lateCodes:
        r.codes === null ? [] : typeof r.codes === 'string' ? (JSON.parse(r.codes) as string[]) : r.codes,
    })),
  );
}

/** The columns of a timer row. */
export interface TimerColumns<I> {
  id: string;
  code: string;
  kind: string;
  at: I;
  step_id: string | null;
  lease_owner?: string | null;
  lease_until?: I | null;
}

/** A {@link TimerRow} from its columns (`stepId` only when the timer has one). */
export function timerFromColumns<I>(r: TimerColumns<I>, iso: (v: I) => string): TimerRow {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind as TimerRow['kind'],
    at: iso(r.at),
    ...(r.step_id === null ? {} : { stepId: r.step_id }),
  };
}

/** Orders claimed rows as the in-memory store does: by due instant, then id. */
export function byAtThenId(a: { at: string; id: string }, b: { at: string; id: string }): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The columns of an outbox row. */
export interface OutboxColumns<I, J> {
  id: string;
  code: string | null;
  type: string;
  payload: J;
  created_at: I;
  not_before: I;
  status: string;
  attempts: number;
  next_attempt_at: I;
  last_error: string | null;
  lease_owner: string | null;
  lease_until: I | null;
}

/** An {@link OutboxItem} from its columns. */
export function outboxFromColumns<I, J>(
  r: OutboxColumns<I, J>,
  iso: (v: I) => string,
  json: (v: J) => unknown,
): OutboxItem {
  return {
    id: r.id,
    code: r.code,
    type: r.type,
    payload: json(r.payload),
    createdAt: iso(r.created_at),
    notBefore: iso(r.not_before),
    status: r.status as OutboxItem['status'],
    attempts: r.attempts,
    nextAttemptAt: iso(r.next_attempt_at),
    lastError: r.last_error,
    leaseOwner: r.lease_owner,
    leaseUntil: r.lease_until === null ? null : iso(r.lease_until),
  };
}

/** The indexed columns of a control-slip row (the row itself is kept whole as JSON). */
export function slipColumns(row: SlipRow): {
  seq: number;
  at: string;
  fromUnit: string;
  stepId: string | null;
  result: string | null;
} {
  return {
    seq: row.seq,
    at: canonicalInstant(row.at, 'slipRows[].at'),
    fromUnit: row.from.unitId,
    // The unit report skips rows without a step or a result, as the in-memory store does.
    stepId: row.stepId ? row.stepId : null,
    result: row.result ? row.result : null,
  };
}

/** The SQL expression of a report group. */
function groupColumn(groupBy: ReportQuery['groupBy']): string {
  switch (groupBy) {
    case 'agency':
      return 'agency';
    case 'procedure':
      return 'procedure_code';
    case 'channel':
      return 'channel';
    case 'none':
      return "'*'";
    default:
      throw new MotcuaError('INVALID_QUERY', `groupBy: expected agency, procedure, channel or none`, {
        field: 'groupBy',
        value: groupBy,
      });
  }
}

/**
 * The report's counting conditions as SQL, shared by both dialects. `$from` and `$to` are
 * placeholders the adapter replaces; instants compare as instants (PostgreSQL timestamptz) or as
 * canonical ISO text (SQLite). Mirrors core's `aggregateReport` line by line.
 */
export function reportSql(
  table: string,
  groupBy: ReportQuery['groupBy'],
  p: { from: string; to: string },
): { figures: string; channels: string } {
  const g = groupColumn(groupBy);
  const closedInPeriod = `(closed_at IS NOT NULL AND closed_at < ${p.to})`;
  const resolved = `${closedInPeriod} AND outcome IN ('returned', 'refused')`;
  const open = `(closed_at IS NULL OR closed_at >= ${p.to})`;
  const figures = `SELECT ${g} AS grp,
  count(*) FILTER (WHERE received_at < ${p.from}) AS carried_over,
  count(*) FILTER (WHERE received_at >= ${p.from}) AS received,
  count(*) FILTER (WHERE ${resolved}) AS resolved,
  count(*) FILTER (WHERE ${resolved} AND result = 'EARLY') AS early,
  count(*) FILTER (WHERE ${resolved} AND result = 'ON_TIME') AS on_time,
  count(*) FILTER (WHERE ${resolved} AND result = 'LATE') AS late,
  count(*) FILTER (WHERE ${closedInPeriod} AND outcome = 'refused') AS refused,
  count(*) FILTER (WHERE ${closedInPeriod} AND outcome = 'withdrawn') AS withdrawn,
  count(*) FILTER (WHERE ${closedInPeriod} AND outcome = 'stopped') AS stopped,
  count(*) FILTER (WHERE ${closedInPeriod} AND outcome = 'expired') AS expired,
  count(*) FILTER (WHERE ${open} AND NOT (paused) AND legal_due_at < ${p.to}) AS in_progress_overdue,
  count(*) FILTER (WHERE ${open} AND (paused OR legal_due_at >= ${p.to})) AS in_progress_within_time
FROM ${table}
WHERE received_at < ${p.to} AND (closed_at IS NULL OR closed_at >= ${p.from}) AND ${RECEIVED_ONLY}
GROUP BY 1`;
  const channels = `SELECT ${g} AS grp, channel, count(*) AS n
FROM ${table}
WHERE received_at >= ${p.from} AND received_at < ${p.to} AND ${RECEIVED_ONLY}
GROUP BY 1, 2`;
  return { figures, channels };
}

/** One group's counts as the report queries return them (counts may come back as strings). */
export interface ReportFigures {
  grp: string;
  carried_over: number | string;
  received: number | string;
  resolved: number | string;
  early: number | string;
  on_time: number | string;
  late: number | string;
  refused: number | string;
  withdrawn: number | string;
  stopped: number | string;
  expired: number | string;
  in_progress_overdue: number | string;
  in_progress_within_time: number | string;
}

/** Rounds a rate to 4 decimals, as core does. */
function rate(n: number, d: number): number {
  return d === 0 ? 0 : Math.round((n / d) * 10_000) / 10_000;
}

/** Builds the report rows from the two queries of {@link reportSql}, sorted by group as core sorts them. */
export function assembleReport(
  figures: readonly ReportFigures[],
  channels: readonly { grp: string; channel: string; n: number | string }[],
): ReportRow[] {
  const byChannel = new Map<string, Record<string, number>>();
  for (const c of channels) {
    let m = byChannel.get(c.grp);
    if (!m) {
      m = {};
      byChannel.set(c.grp, m);
    }
    m[c.channel] = Number(c.n);
  }
  const rows = figures.map((f): ReportRow => {
    const resolved = Number(f.resolved);
    const early = Number(f.early);
    const onTime = Number(f.on_time);
    const late = Number(f.late);
    return {
      group: f.grp,
      carriedOver: Number(f.carried_over),
      received: Number(f.received),
      receivedByChannel: byChannel.get(f.grp) ?? {},
      resolved,
      early,
      onTime,
      late,
      refused: Number(f.refused),
      withdrawn: Number(f.withdrawn),
      stopped: Number(f.stopped),
      expired: Number(f.expired),
      inProgressWithinTime: Number(f.in_progress_within_time),
      inProgressOverdue: Number(f.in_progress_overdue),
      earlyRate: rate(early, resolved),
      onTimeRate: rate(onTime, resolved),
      lateRate: rate(late, resolved),
      timelyRate: rate(early + onTime, resolved),
    };
  });
  return rows.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/** The unit report's query (closed steps per giving unit in [from, to)). */
export function unitReportSql(table: string, p: { from: string; to: string }): string {
  return `SELECT from_unit AS unit,
  count(*) FILTER (WHERE result = 'EARLY') AS early,
  count(*) FILTER (WHERE result = 'ON_TIME') AS on_time,
  count(*) FILTER (WHERE result <> 'EARLY' AND result <> 'ON_TIME') AS late
FROM ${table}
WHERE step_id IS NOT NULL AND result IS NOT NULL AND at >= ${p.from} AND at < ${p.to}
GROUP BY from_unit`;
}

/** Unit report rows, sorted by unit as core sorts them. */
export function assembleUnitReport(
  rows: readonly { unit: string; early: number | string; on_time: number | string; late: number | string }[],
): UnitReportRow[] {
  return rows
    .map((r) => ({ unit: r.unit, early: Number(r.early), onTime: Number(r.on_time), late: Number(r.late) }))
    .sort((a, b) => (a.unit < b.unit ? -1 : 1));
}

/**
 * The snapshot as the SQL stores keep it, as JSON text: the control slip is stored once, in the
 * slip rows, so `context.slip` is written empty (in its place, so the keys keep their order) and
 * {@link withSlip} puts the rows back when the dossier is loaded.
 */
export function snapshotJson(persisted: PersistedDossier): string {
  return JSON.stringify({ ...persisted, context: { ...persisted.context, slip: [] } });
}

/** A stored snapshot (freshly parsed, so changed in place) with its control-slip rows put back. */
export function withSlip(stored: PersistedDossier, slip: SlipRow[]): PersistedDossier {
  (stored.context as { slip: SlipRow[] }).slip = slip;
  return stored;
}
