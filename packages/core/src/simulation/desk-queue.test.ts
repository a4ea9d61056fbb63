import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import { simulateDeskQueue } from './desk-queue.js';
import type { Desk } from './staffing-scenario.js';

/** Erlang C: the probability that an arrival waits, and the mean wait, of an M/M/c queue. */
function erlangC(lambda: number, mu: number, c: number): { waitProbability: number; meanWait: number } {
  const a = lambda / mu;
  const rho = a / c;
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = term / (1 - rho);
  const waitProbability = top / (sum + top);
  return { waitProbability, meanWait: waitProbability / (c * mu - lambda) };
}

// A round-the-clock office every day of the week: stationary Poisson arrivals, no lunch break.
const allDay = vietnamCalendar({
  officeHours: { sessions: [{ start: '00:00', end: '24:00' }], workingWeekdays: [1, 2, 3, 4, 5, 6, 7] },
});

describe('simulateDeskQueue against the closed-form M/M/c (Erlang C)', () => {
  it('gives the mean wait and the probability of waiting of M/M/3 at ρ = 0.6 within 10 % over 8 seeds', () => {
    const lambda = 0.18; // per minute
    const mean = 10; // minutes: μ = 0.1
    const c = 3;
    const desk: Desk = {
      fields: { a: { officers: c, serviceMinutes: { kind: 'exponential', mean } } },
      visitors: { perWorkingDay: lambda * 1440, fields: { a: 1 }, byHour: Array(24).fill(1), askShare: 0 },
      closing: 'serve',
    };
    let served = 0;
    let waitSum = 0;
    let waited = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const r = simulateDeskQueue({ desk, calendar: allDay, start: '2026-03-02', days: 30, seed });
      const f = r.fields.a!;
      served += f.served;
      waitSum += f.waits.mean * f.served;
      waited += f.waits.waitedShare * f.served;
    }
    const expected = erlangC(lambda, 1 / mean, c);
    // About 60,000 visitors: the standard error of the mean wait is about 2 %; each day starts
    // empty, which lowers the waits a little.
    expect(served).toBeGreaterThan(50_000);
    expect(waitSum / served / expected.meanWait).toBeGreaterThan(0.9);
    expect(waitSum / served / expected.meanWait).toBeLessThan(1.1);
    expect(Math.abs(waited / served - expected.waitProbability)).toBeLessThan(0.03);
  });
});

const serviceArb = fc.oneof(
  fc.record({ kind: fc.constant('fixed' as const), minutes: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('exponential' as const), mean: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('lognormal' as const),
    mean: fc.integer({ min: 1, max: 40 }),
    sd: fc.integer({ min: 1, max: 20 }),
  }),
);
const deskArb = fc.record({
  officers: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }),
  service: serviceArb,
  perDay: fc.integer({ min: 0, max: 400 }),
  closing: fc.constantFrom('serve' as const, 'send-home' as const),
  patience: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
  absence: fc.double({ min: 0, max: 0.5, noNaN: true }),
});

describe('simulateDeskQueue properties', () => {
  const calendar = vietnamCalendar();
  it('conserves visitors (arrived = served + sent home + left waiting), waits are never negative, same seed same figures', () => {
    fc.assert(
      fc.property(deskArb, fc.integer({ min: 1, max: 1_000_000 }), (g, seed) => {
        const fields = Object.fromEntries(
          g.officers.map((n, i) => [
            `f${i}`,
            { officers: n, serviceMinutes: g.service, absenceShare: g.absence },
          ]),
        );
        const desk: Desk = {
          fields,
          visitors: {
            perWorkingDay: g.perDay,
            fields: Object.fromEntries(g.officers.map((_, i) => [`f${i}`, 1])),
            ...(g.patience ? { patienceMinutes: { kind: 'exponential', mean: g.patience } } : {}),
          },
          closing: g.closing,
        };
        const options = { desk, calendar, start: '2026-04-27', days: 10, seed };
        const r = simulateDeskQueue(options);
        for (const f of [r.desk, ...Object.values(r.fields)]) {
          expect(f.arrived).toBe(f.served + f.sentHome + f.leftWaiting);
          expect(f.waits.served).toBe(f.served);
          expect(f.waits.mean).toBeGreaterThanOrEqual(0);
          expect(f.waits.max).toBeGreaterThanOrEqual(f.waits.p90);
          expect(f.overtimeMinutes).toBeGreaterThanOrEqual(0);
          if (g.closing === 'send-home') expect(f.servedAfterHours).toBe(0);
        }
        expect(simulateDeskQueue(options)).toEqual(r);
      }),
      { numRuns: 40 },
    );
  });

  it('skips holidays and serves on a make-up Saturday; waits at the lunch break until the afternoon session', () => {
    const desk: Desk = {
      fields: { a: { officers: 1, serviceMinutes: { kind: 'fixed', minutes: 5 } } },
      visitors: { perWorkingDay: 20, fields: { a: 1 }, byHour: hoursOnly(12) },
      closing: 'serve',
    };
    // 2026-04-27 … 05-03: 27/4 (for the Hùng Kings' day on Sunday), 30/4 and 1/5 are days off.
    const r = simulateDeskQueue({ desk, calendar, start: '2026-04-27', days: 7, seed: 3 });
    expect(r.workingDays).toBe(2);
    // Everyone came during the lunch break (12:00–13:00): each waited until 13:00 at least.
    expect(r.fields.a!.waits.mean).toBeGreaterThan(30);
    expect(r.fields.a!.queueByHour[13]).toBeGreaterThan(0);
    expect(r.fields.a!.queueByHour[12]).toBe(0);
    // 2026-01-10 is a make-up Saturday (for Friday 02/01): a working day with visitors.
    const s = simulateDeskQueue({ desk, calendar, start: '2026-01-10', days: 1, seed: 3 });
    expect(s.workingDays).toBe(1);
    expect(s.desk.arrived).toBeGreaterThan(0);
  });

  it('sends the queue home at closing time under send-home, and serves it after hours under serve', () => {
    const desk = (closing: 'serve' | 'send-home'): Desk => ({
      fields: { land: { officers: 1, serviceMinutes: { kind: 'fixed', minutes: 15 } } },
      visitors: { perWorkingDay: 60, fields: { land: 1 } },
      closing,
    });
    const serve = simulateDeskQueue({ desk: desk('serve'), calendar, start: '2026-03-02', days: 5, seed: 9 });
    const home = simulateDeskQueue({
      desk: desk('send-home'),
      calendar,
      start: '2026-03-02',
      days: 5,
      seed: 9,
    });
    expect(serve.desk.servedAfterHours).toBeGreaterThan(0);
    expect(serve.desk.overtimeMinutes).toBeGreaterThan(0);
    expect(serve.desk.sentHome).toBe(0);
    expect(home.desk.sentHome).toBeGreaterThan(0);
    expect(home.desk.arrived).toBe(serve.desk.arrived);
  });
});

function hoursOnly(h: number): number[] {
  return Array.from({ length: 24 }, (_, i) => (i === h ? 1 : 0));
}
