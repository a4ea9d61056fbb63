import type { DossierSummary } from '../model/dossier-summary.js';
import type { SlipRow } from '../model/slip-row.js';
import { emptyReportRow, finishReportRows, type MutableReportRow } from './report-rows.js';
import type { ReportQuery, ReportRow, UnitReportRow } from './report-types.js';

/** The group of a dossier for a query. */
export function groupOf(s: DossierSummary, groupBy: ReportQuery['groupBy']): string {
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
 * Rows are sorted by group.
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
  for (const s of summaries) {
    const received = Date.parse(s.receivedAt);
    const closed = s.closedAt === null ? Number.POSITIVE_INFINITY : Date.parse(s.closedAt);
    if (received >= to || closed < from) continue;
    const r = row(groupOf(s, query.groupBy));
    if (received < from) r.carriedOver++;
    else {
      r.received++;
      r.receivedByChannel[s.channel] = (r.receivedByChannel[s.channel] ?? 0) + 1;
    }
    if (closed < to) {
      if (s.outcome === 'returned' || s.outcome === 'refused') {
        r.resolved++;
        if (s.result === 'EARLY') r.early++;
        else if (s.result === 'ON_TIME') r.onTime++;
        else if (s.result === 'LATE') r.late++;
        if (s.outcome === 'refused') r.refused++;
      } else if (s.outcome === 'withdrawn') r.withdrawn++;
      else if (s.outcome === 'stopped') r.stopped++;
      else if (s.outcome === 'expired') r.expired++;
    } else if (!s.paused && Date.parse(s.legalDueAt) < to) r.inProgressOverdue++;
    else r.inProgressWithinTime++;
  }
  return finishReportRows([...rows.values()]);
}

/** Steps closed per giving unit in [from, to), from control-slip rows that carry a step result. */
export function aggregateUnitReport(
  rows: Iterable<SlipRow>,
  query: { from: string; to: string },
): UnitReportRow[] {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const byUnit = new Map<string, { unit: string; early: number; onTime: number; late: number }>();
  for (const row of rows) {
    if (!row.stepId || !row.result) continue;
    const at = Date.parse(row.at);
    if (at < from || at >= to) continue;
    let u = byUnit.get(row.from.unitId);
    if (!u) {
      u = { unit: row.from.unitId, early: 0, onTime: 0, late: 0 };
      byUnit.set(row.from.unitId, u);
    }
    if (row.result === 'EARLY') u.early++;
    else if (row.result === 'ON_TIME') u.onTime++;
    else u.late++;
  }
  return [...byUnit.values()].sort((a, b) => (a.unit < b.unit ? -1 : 1));
}
