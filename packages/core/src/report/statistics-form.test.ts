import { describe, expect, it } from 'vitest';
import type { DossierSummary } from '../model/dossier-summary.js';
import { MemoryStore } from '../store/memory-store.js';
import { newDossierCommit } from '../testing/fixtures.js';
import { resolveReportPeriod } from './report-period.js';
import { buildStatisticsForm, type StatisticsFigures } from './statistics-form.js';

/** A dossier's summary from its facts; local times in Vietnam (+07:00). */
function d(
  code: string,
  f: {
    agency: string;
    proc: string;
    channel: DossierSummary['channel'];
    received: string;
    due: string;
    closed?: string;
    outcome?: NonNullable<DossierSummary['outcome']>;
    result?: DossierSummary['result'];
    state?: string;
    paused?: boolean;
    nationalStatus?: number | null;
  },
): DossierSummary {
  const at = (local: string) => new Date(`${local}+07:00`).toISOString();
  const closed = f.closed ? at(f.closed) : null;
  return {
    code,
    agency: f.agency,
    procedureCode: f.proc,
    procedureVersion: '2025.1',
    channel: f.channel,
    state: f.state ?? (closed ? (f.outcome ?? 'returned') : 'processing.appraise'),
    status: closed ? 'done' : 'active',
    holder: 'desk',
    receivedAt: at(f.received),
    legalDueAt: at(f.due),
    currentDueAt: at(f.due),
    closedAt: closed,
    outcome: closed ? (f.outcome ?? 'returned') : null,
    result: f.result ?? null,
    lateUnit: null,
    paused: f.paused ?? false,
    nationalStatus: f.nationalStatus ?? null,
  };
}

const P1 = '1.000001'; // field TP (Tư pháp)
const P2 = '1.000002'; // field TP
const P3 = '2.000001'; // field DD (Đất đai)
const P4 = '9.000001'; // no field
const h56 = { agency: 'H56' } as const;
const h57 = { agency: 'H57' } as const;

/**
 * The hand-checked scenario: March 2026 on the 15th → 14th convention, i.e. the instants
 * [15/02/2026 00:00, 15/03/2026 00:00) in Vietnam. Each line says where the dossier counts.
 */
// biome-ignore format: one dossier per line, with where it counts.
const SCENARIO: DossierSummary[] = [
  // H56 / P1
  d('A01', { ...h56, proc: P1, channel: 'in-person', received: '2026-02-10T08:00', due: '2026-02-24T17:00', closed: '2026-02-20T09:00', result: 'EARLY' }), // carried, early
  d('A02', { ...h56, proc: P1, channel: 'in-person', received: '2026-02-01T08:00', due: '2026-02-20T17:00', closed: '2026-03-01T09:00', result: 'LATE' }), // carried, late
  d('A03', { ...h56, proc: P1, channel: 'in-person', received: '2026-02-12T08:00', due: '2026-03-20T17:00' }), // carried, within
  d('A04', { ...h56, proc: P1, channel: 'online-full', received: '2026-01-20T08:00', due: '2026-02-28T17:00' }), // carried, overdue
  d('A05', { ...h56, proc: P1, channel: 'in-person', received: '2026-02-10T08:00', due: '2026-02-20T17:00', closed: '2026-02-13T10:00', result: 'EARLY' }), // ended before: not counted
  d('A06', { ...h56, proc: P1, channel: 'in-person', received: '2026-02-16T08:00', due: '2026-02-25T17:00', closed: '2026-02-25T16:00', result: 'ON_TIME' }), // in person, on time
  d('A07', { ...h56, proc: P1, channel: 'online-full', received: '2026-02-20T08:00', due: '2026-03-05T17:00', closed: '2026-03-02T10:00', result: 'EARLY' }), // online, early
  d('A08', { ...h56, proc: P1, channel: 'postal', received: '2026-03-01T08:00', due: '2026-03-10T17:00' }), // postal, overdue
  d('A09', { ...h56, proc: P1, channel: 'online-partial', received: '2026-03-05T08:00', due: '2026-03-12T17:00', state: 'supplementing', paused: true, nationalStatus: 5 }), // online, within (clock stopped), waiting supplementation
  d('A10', { ...h56, proc: P1, channel: 'in-person', received: '2026-03-14T23:59', due: '2026-03-25T17:00' }), // last minute of the period: in person, within
  d('A11', { ...h56, proc: P1, channel: 'in-person', received: '2026-03-15T00:00', due: '2026-03-25T17:00' }), // first instant after: not counted
  d('A12', { ...h56, proc: P1, channel: 'in-person', received: '2026-02-18T08:00', due: '2026-02-27T17:00', closed: '2026-02-19T10:00', outcome: 'refused', result: 'EARLY' }), // refusal: resolved, early
  d('A13', { ...h56, proc: P1, channel: 'online-full', received: '2026-02-20T08:00', due: '2026-03-05T17:00', closed: '2026-02-22T10:00', outcome: 'withdrawn' }), // online, returned (07a)
  d('A14', { ...h56, proc: P1, channel: 'in-person', received: '2026-03-03T08:00', due: '2026-03-13T17:00', closed: '2026-03-15T08:00', result: 'LATE' }), // closed after the period: in person, overdue
  // H56 / P2
  d('B01', { ...h56, proc: P2, channel: 'in-person', received: '2026-02-05T08:00', due: '2026-02-25T17:00', closed: '2026-02-27T10:00', outcome: 'stopped' }), // carried, returned
  d('B02', { ...h56, proc: P2, channel: 'postal', received: '2026-02-15T00:00', due: '2026-03-14T17:00', closed: '2026-03-14T16:00', result: 'ON_TIME' }), // first instant: postal, on time
  d('B03', { ...h56, proc: P2, channel: 'in-person', received: '2026-02-20T08:00', due: '2026-03-20T17:00', closed: '2026-03-10T10:00', outcome: 'expired' }), // in person, returned
  d('B04', { ...h56, proc: P2, channel: 'in-person', received: '2026-03-02T08:00', due: '2026-03-15T00:00' }), // due at the period's end: within
  d('B05', { ...h56, proc: P2, channel: 'online-full', received: '2026-03-02T08:00', due: '2026-03-15T00:00', state: 'submitted', nationalStatus: 1 }), // never accepted: not counted
  // H57 / P3
  d('C01', { ...h57, proc: P3, channel: 'in-person', received: '2026-01-05T08:00', due: '2026-02-01T17:00', state: 'supplementing', paused: true, nationalStatus: 5 }), // carried, within, waiting
  d('C02', { ...h57, proc: P3, channel: 'in-person', received: '2026-02-14T23:00', due: '2026-02-20T17:00', closed: '2026-02-15T09:00', result: 'EARLY' }), // carried (an hour before), early
  d('C03', { ...h57, proc: P3, channel: 'online-full', received: '2026-02-25T08:00', due: '2026-03-04T17:00', closed: '2026-03-05T10:00', result: 'LATE' }), // online, late
  d('C04', { ...h57, proc: P3, channel: 'online-partial', received: '2026-03-01T08:00', due: '2026-03-09T17:00', closed: '2026-03-09T10:00', result: 'ON_TIME' }), // online, on time
  d('C05', { ...h57, proc: P3, channel: 'in-person', received: '2026-03-10T08:00', due: '2026-03-12T17:00' }), // in person, overdue
  d('C06', { ...h57, proc: P3, channel: 'postal', received: '2026-02-16T08:00', due: '2026-03-30T17:00' }), // postal, within
  d('C07', { ...h57, proc: P3, channel: 'in-person', received: '2026-02-01T08:00', due: '2026-02-20T17:00', closed: '2026-02-14T23:59', result: 'EARLY' }), // ended a minute before: not counted
  // H57 / P4
  d('D01', { ...h57, proc: P4, channel: 'in-person', received: '2026-02-20T08:00', due: '2026-02-27T17:00', closed: '2026-02-24T10:00', result: 'EARLY' }), // in person, early
  d('D02', { ...h57, proc: P4, channel: 'online-full', received: '2026-03-02T08:00', due: '2026-03-20T17:00', nationalStatus: 5 }), // online, within, waiting (by its national status)
  d('D03', { ...h57, proc: P4, channel: 'in-person', received: '2026-02-01T08:00', due: '2026-02-10T17:00', state: 'awaitingPayment', paused: true, nationalStatus: 6 }), // carried, within (clock stopped)
  d('D04', { ...h57, proc: P4, channel: 'online-full', received: '2026-02-17T08:00', due: '2026-02-18T08:00', closed: '2026-02-18T10:00', outcome: 'refused', result: 'LATE' }), // online, late
];

/** The cells in form order: received (total, carried, online, in person + post), resolved (total, early, on time, late), in progress (total, within, overdue), returned, waiting. */
function cells(f: StatisticsFigures): number[] {
  return [
    f.receivedTotal,
    f.carriedOver,
    f.receivedOnline,
    f.receivedInPersonOrPostal,
    f.resolvedTotal,
    f.resolvedEarly,
    f.resolvedOnTime,
    f.resolvedLate,
    f.inProgressTotal,
    f.inProgressWithinTime,
    f.inProgressOverdue,
    f.returned,
    f.waitingSupplement,
  ];
}

const FIELDS: Record<string, { code: string; name: string }> = {
  [P1]: { code: 'TP', name: 'Tư pháp' },
  [P2]: { code: 'TP', name: 'Tư pháp' },
  [P3]: { code: 'DD', name: 'Đất đai' },
};

async function scenarioForm(form: '06' | '07a', by: ('agency' | 'field' | 'procedure')[]) {
  const store = new MemoryStore();
  for (const s of SCENARIO) {
    const c = newDossierCommit(s.code, { at: s.receivedAt });
    await store.commit({ ...c, dossier: { ...c.dossier, summary: s } });
  }
  const period = resolveReportPeriod({ kind: 'month', year: 2026, month: 3, startDay: 15 });
  const counts = await store.statisticsCounts({ from: period.from, to: period.to, rule: 'at-return' });
  return buildStatisticsForm(counts, {
    form,
    period,
    rule: 'at-return',
    by,
    procedureInfo: (code) => {
      const field = FIELDS[code];
      return { name: `Thủ tục ${code}`, ...(field ? { field } : {}) };
    },
  });
}

describe('statistics forms (Biểu 06 / 07a): a hand-checked scenario of 30 dossiers', () => {
  it('fills every cell of Biểu 06 per agency × procedure and the total, as counted by hand (refusals resolved)', async () => {
    const form = await scenarioForm('06', ['agency', 'procedure']);
    expect(form.period.firstDay).toBe('2026-02-15');
    // biome-ignore format: the form's grid
    const grid = [
      //                  recv car onl ipp  res ear ont lat  inp wit ovd  ret wai
      ['H56', P1, /**/ 12, 4, 3, 5, /**/ 5, 3, 1, 1, /**/ 6, 3, 3, /**/ 1, 1],
      ['H56', P2, /**/ 4, 1, 0, 3, /**/ 1, 0, 1, 0, /**/ 1, 1, 0, /**/ 2, 0],
      ['H57', P3, /**/ 6, 2, 2, 2, /**/ 3, 1, 1, 1, /**/ 3, 2, 1, /**/ 0, 1],
      ['H57', P4, /**/ 4, 1, 2, 1, /**/ 2, 1, 0, 1, /**/ 2, 2, 0, /**/ 0, 1],
    ];
    expect(form.rows.map((r) => [r.agency, r.procedure, ...cells(r.figures)])).toEqual(grid);
    expect(cells(form.total)).toEqual([26, 8, 7, 11, /**/ 11, 5, 3, 3, /**/ 12, 8, 4, /**/ 3, 3]);
    expect(form.rows[0]?.procedureName).toBe(`Thủ tục ${P1}`);
    // Every dossier counted lands in exactly one of resolved, returned, in progress.
    for (const r of [...form.rows.map((x) => x.figures), form.total]) {
      expect(r.resolvedTotal + r.returned + r.inProgressTotal).toBe(r.receivedTotal);
    }
  });

  it('fills every cell of 07a, where the refusals (A12 early, D04 late) are returned, not resolved', async () => {
    const form = await scenarioForm('07a', ['agency', 'procedure']);
    // biome-ignore format: the form's grid
    const grid = [
      //                  recv car onl ipp  res ear ont lat  inp wit ovd  ret wai
      ['H56', P1, /**/ 12, 4, 3, 5, /**/ 4, 2, 1, 1, /**/ 6, 3, 3, /**/ 2, 1],
      ['H56', P2, /**/ 4, 1, 0, 3, /**/ 1, 0, 1, 0, /**/ 1, 1, 0, /**/ 2, 0],
      ['H57', P3, /**/ 6, 2, 2, 2, /**/ 3, 1, 1, 1, /**/ 3, 2, 1, /**/ 0, 1],
      ['H57', P4, /**/ 4, 1, 2, 1, /**/ 1, 1, 0, 0, /**/ 2, 2, 0, /**/ 1, 1],
    ];
    expect(form.rows.map((r) => [r.agency, r.procedure, ...cells(r.figures)])).toEqual(grid);
    expect(cells(form.total)).toEqual([26, 8, 7, 11, /**/ 9, 4, 3, 2, /**/ 12, 8, 4, /**/ 5, 3]);
    for (const r of [...form.rows.map((x) => x.figures), form.total]) {
      expect(r.resolvedTotal + r.returned + r.inProgressTotal).toBe(r.receivedTotal);
    }
  });

  it('sums procedures into fields (procedures without a field apart) and agencies', async () => {
    const byField = await scenarioForm('06', ['field']);
    expect(byField.rows.map((r) => [r.field, r.fieldName, ...cells(r.figures)])).toEqual([
      [null, undefined, /**/ 4, 1, 2, 1, /**/ 2, 1, 0, 1, /**/ 2, 2, 0, /**/ 0, 1],
      ['DD', 'Đất đai', /**/ 6, 2, 2, 2, /**/ 3, 1, 1, 1, /**/ 3, 2, 1, /**/ 0, 1],
      ['TP', 'Tư pháp', /**/ 16, 5, 3, 8, /**/ 6, 3, 2, 1, /**/ 7, 4, 3, /**/ 3, 1],
    ]);
    const byAgencyField = await scenarioForm('06', ['agency', 'field']);
    expect(byAgencyField.rows.map((r) => [r.agency, r.field, r.figures.receivedTotal])).toEqual([
      ['H56', 'TP', 16],
      ['H57', null, 4],
      ['H57', 'DD', 6],
    ]);
    const totalOnly = await scenarioForm('06', []);
    expect(totalOnly.rows).toEqual([]);
    expect(totalOnly.total.receivedTotal).toBe(26);
  });
});
