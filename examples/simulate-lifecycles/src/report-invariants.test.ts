/**
 * Three weeks of traffic over the whole catalogue, 20/04–10/05/2026: the Hùng Kings' day (Sun
 * 26/04, made up Mon 27/04), 30/04 and 01/05 fall inside. The report must add up, agree with the
 * dossiers in the store, and every control slip must verify.
 */
import { verifySlip } from '@motcua/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { allDossiers, runOffice } from './office.js';

type Run = Awaited<ReturnType<typeof runOffice>>;
let run: Run;

beforeAll(async () => {
  run = await runOffice({ start: '2026-04-20', days: 21, seed: 2026, perWorkingDay: 20 });
}, 60_000);

const COUNTS = [
  'carriedOver',
  'received',
  'resolved',
  'early',
  'onTime',
  'late',
  'refused',
  'withdrawn',
  'stopped',
  'expired',
  'inProgressWithinTime',
  'inProgressOverdue',
] as const;

describe('the report of a simulated period', () => {
  it('adds up: received = resolved + withdrawn + stopped + expired + in progress', () => {
    const [all] = run.report;
    expect(all).toBeDefined();
    const r = all!;
    expect(r.received).toBe(run.received);
    expect(r.received).toBeGreaterThan(200);
    expect(r.carriedOver).toBe(0);
    expect(
      r.resolved + r.withdrawn + r.stopped + r.expired + r.inProgressWithinTime + r.inProgressOverdue,
    ).toBe(r.received);
    expect(r.early + r.onTime + r.late).toBe(r.resolved);
    expect(r.refused).toBeLessThanOrEqual(r.resolved);
    expect(Object.values(r.receivedByChannel).reduce((a, b) => a + b, 0)).toBe(r.received);
    const rate = (n: number) => Math.round((n / r.resolved) * 10_000) / 10_000;
    expect(r.timelyRate).toBe(rate(r.early + r.onTime));
    expect(r.lateRate).toBe(rate(r.late));
  });

  it('the rows by procedure add up to the totals, with only the channels each procedure accepts', () => {
    const [all] = run.report;
    for (const key of COUNTS) {
      expect(
        run.byProcedure.reduce((n, row) => n + row[key], 0),
        key,
      ).toBe(all![key]);
    }
    for (const row of run.byProcedure) {
      const procedure = run.engine.procedures.all().find((p) => p.code === row.group)!;
      for (const channel of Object.keys(row.receivedByChannel)) {
        expect(procedure.definition.channels, `${row.group} ${channel}`).toContain(channel);
      }
    }
  });

  it('nothing arrives on a day off; the days add up', () => {
    const received = (date: string) => run.days.find((d) => d.date === date)?.received;
    for (const off of ['2026-04-25', '2026-04-26', '2026-04-27', '2026-04-30', '2026-05-01', '2026-05-03']) {
      expect(received(off), off).toBe(0);
    }
    expect(received('2026-04-28')).toBeGreaterThan(0);
    expect(run.days.reduce((n, d) => n + d.received, 0)).toBe(run.received);
    expect(run.days.reduce((n, d) => n + d.resolved, 0)).toBe(run.report[0]!.resolved);
  });

  it('agrees with the dossiers in the store, one by one', async () => {
    const dossiers = await allDossiers(run.engine);
    const [all] = run.report;
    expect(dossiers).toHaveLength(all!.received);
    const count = (f: (d: (typeof dossiers)[number]) => boolean) => dossiers.filter(f).length;
    const resolved = (d: (typeof dossiers)[number]) =>
      d.outcome?.kind === 'returned' || d.outcome?.kind === 'refused';
    expect(count(resolved)).toBe(all!.resolved);
    expect(count((d) => resolved(d) && d.outcome?.result === 'EARLY')).toBe(all!.early);
    expect(count((d) => resolved(d) && d.outcome?.result === 'ON_TIME')).toBe(all!.onTime);
    expect(count((d) => resolved(d) && d.outcome?.result === 'LATE')).toBe(all!.late);
    expect(count((d) => d.outcome?.kind === 'refused')).toBe(all!.refused);
    expect(count((d) => d.outcome?.kind === 'withdrawn')).toBe(all!.withdrawn);
  });

  it('the unit report counts every step closed on the control slips', async () => {
    const dossiers = await allDossiers(run.engine);
    const rows = dossiers.flatMap((d) => d.slip).filter((r) => r.stepId && r.result);
    expect(run.units.reduce((n, u) => n + u.early + u.onTime + u.late, 0)).toBe(rows.length);
    for (const unit of run.units) {
      expect(rows.filter((r) => r.from.unitId === unit.unit && r.result === 'LATE').length, unit.unit).toBe(
        unit.late,
      );
    }
  });

  it('every control slip verifies', async () => {
    for (const d of await allDossiers(run.engine)) {
      expect(verifySlip(d.slip), d.code).toMatchObject({ ok: true });
    }
  });
});
