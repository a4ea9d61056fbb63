import type { DossierSummary } from '../model/dossier-summary.js';
import type { SlipRow } from '../model/slip-row.js';
import { INTAKE_STATES } from '../procedure/lifecycle-intake.js';
import { emptyReportRow, finishReportRows, type MutableReportRow } from './report-rows.js';
import type { ReportQuery, ReportRow, UnitReportRow } from './report-types.js';

/** The group of a dossier for a query. */
function groupOf(s: DossierSummary, groupBy: ReportQuery['groupBy']): string {
  switch (groupBy) {
    case 'agency':
      return s.agency;
    case 'procedure':
      return s.procedureCode;
    case 'channel':
      return s.channel;
    case 'none':
      return '*';
  }
}

/** The facts of one dossier a report counts (instants as epoch milliseconds; `closed` infinite while open). */
export interface ReportFacts {
  readonly received: number;
  readonly closed: number;
  readonly legal: number;
  readonly channel: string;
  readonly outcome: DossierSummary['outcome'];
  readonly result: DossierSummary['result'];
  readonly paused: boolean;
}

/**
 * Counts one dossier of the period [from, to) into its row, by the rules of {@link aggregateReport}
 * (the caller has left out dossiers received at or after `to` or closed before `from`). The one
 * home of report counting: stores and the simulation's column store of closed dossiers call it.
 */
export function countDossier(r: MutableReportRow, f: ReportFacts, from: number, to: number): void {
  if (f.received < from) r.carriedOver++;
  else {
    r.received++;
    r.receivedByChannel[f.channel] = (r.receivedByChannel[f.channel] ?? 0) + 1;
  }
  if (f.closed < to) {
    if (f.outcome === 'returned' || f.outcome === 'refused') {
      r.resolved++;
      if (f.result === 'EARLY') r.early++;
      else if (f.result === 'ON_TIME') r.onTime++;
      else if (f.result === 'LATE') r.late++;
      if (f.outcome === 'refused') r.refused++;
    } else if (f.outcome === 'withdrawn') r.withdrawn++;
    else if (f.outcome === 'stopped') r.stopped++;
    else if (f.outcome === 'expired') r.expired++;
  } else if (!f.paused && f.legal < to) r.inProgressOverdue++;
  else r.inProgressWithinTime++;
}

/** A unit's counts of closed steps, being counted. */
export interface UnitCounts {
  readonly unit: string;
  early: number;
  onTime: number;
  late: number;
}

/** Counts one closed step of `unit` with its result, by the rules of {@link aggregateUnitReport}. */
export function countUnitStep(
  byUnit: Map<string, UnitCounts>,
  unit: string,
  result: 'EARLY' | 'ON_TIME' | 'LATE',
): void {
  let u = byUnit.get(unit);
  if (!u) {
    u = { unit, early: 0, onTime: 0, late: 0 };
    byUnit.set(unit, u);
  }
  if (result === 'EARLY') u.early++;
  else if (result === 'ON_TIME') u.onTime++;
  else u.late++;
}

/** Unit counts as report rows, sorted by unit. */
export function finishUnitRows(byUnit: Map<string, UnitCounts>): UnitReportRow[] {
  return [...byUnit.values()].map((u) => ({ ...u })).sort((a, b) => (a.unit < b.unit ? -1 : 1));
}

/**
 * Counts one dossier's summary into its group's row (see {@link aggregateReport}), unless it was
 * received after the period or closed before it (then no row is made for it).
 */
export function countSummary(
  row: (group: string) => MutableReportRow,
  groupBy: ReportQuery['groupBy'],
  s: DossierSummary,
  from: number,
  to: number,
): void {
  // An online filing never received (waiting, not accepted, withdrawn before acceptance) is not counted.
  if (INTAKE_STATES.includes(s.state)) return;
  const received = Date.parse(s.receivedAt);
  const closed = s.closedAt === null ? Number.POSITIVE_INFINITY : Date.parse(s.closedAt);
  if (received >= to || closed < from) return;
  countDossier(
    row(groupOf(s, groupBy)),
    {
      received,
      closed,
      legal: Date.parse(s.legalDueAt),
      channel: s.channel,
      outcome: s.outcome,
      result: s.result,
      paused: s.paused,
    },
    from,
    to,
  );
}

/**
 * The report figures of dossiers for a period, as every store must compute them (the SQL
 * adapters do the same in SQL; the conformance suite checks they agree):
 * - carried over: received before `from`, not closed before `from`;
 * - received: received in [from, to), also by channel;
 * - resolved: closed in the period as returned or refused, each classified early / on time / late
 *   against the legal due time (an apology does not make a late dossier on time);
 * - withdrawn, stopped, expired: closed in the period that way;
 * - in progress: received before `to` and not closed before `to`; overdue when its legal due
 *   time is before `to` (a paused dossier is within time).
 * An online filing the desk has not accepted (or never did: states `submitted`,
 * `intakeSupplementing`, `notAccepted`, `intakeWithdrawn`) was never received and is not counted.
 * Rows are sorted by group.
 *
 * @example
 * ```ts
 * import { aggregateReport, type DossierSummary } from '@motcua/core';
 * declare const summaries: DossierSummary[]; // e.g. from a store's export
 * const [march] = aggregateReport(summaries, {
 *   from: '2026-03-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00', groupBy: 'none',
 * });
 * console.log(march?.received, march?.timelyRate);
 * ```
 */
export function aggregateReport(summaries: Iterable<DossierSummary>, query: ReportQuery): ReportRow[] {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const rows = new Map<string, MutableReportRow>();
  const row = (g: string) => {
    let r = rows.get(g);
    if (!r) {
      r = emptyReportRow(g);
      rows.set(g, r);
    }
    return r;
  };
  for (const s of summaries) countSummary(row, query.groupBy, s, from, to);
  return finishReportRows([...rows.values()]);
}

/** Steps closed per giving unit in [from, to), from control-slip rows that carry a step result. */
export function aggregateUnitReport(
  rows: Iterable<SlipRow>,
  query: { from: string; to: string },
): UnitReportRow[] {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const byUnit = new Map<string, UnitCounts>();
  for (const row of rows) {
    if (!row.stepId || !row.result) continue;
    const at = Date.parse(row.at);
    if (at < from || at >= to) continue;
    countUnitStep(byUnit, row.from.unitId, row.result);
  }
  return finishUnitRows(byUnit);
}
