/**
 * `pendingDeadlines`: the instants the engine must fire for a dossier, from its context alone.
 */
import { describe, expect, it } from 'vitest';
import {
  applyAll,
  kitCalendar,
  officers,
  residenceReceipt,
  residenceVariant,
  utc,
} from '../../test-support/dossier-harness.js';
import { pendingDeadlines } from './deadlines.js';

const { desk, police, system } = officers;
const p = residenceVariant({
  supplementation: { clock: 'restart', maxRequests: 1, responseLimit: { workingDays: 15 } },
});
const options = { calendar: kitCalendar() };
const start = () => p.receive(residenceReceipt('2026-03-02T09:00:00+07:00'));

describe('pendingDeadlines', () => {
  it('a new dossier: a warning one working day before, the due time, the open step', () => {
    expect(pendingDeadlines(start().context, options)).toEqual([
      { kind: 'dossier-warning', at: utc('2026-03-10T17:00:00+07:00') },
      { kind: 'dossier-due', at: utc('2026-03-11T17:00:00+07:00') },
      { kind: 'step-due', at: utc('2026-03-02T14:30:00+07:00'), stepId: 'receive' },
    ]);
    expect(pendingDeadlines(start().context, { ...options, warnBeforeMinutes: 120 })[0]).toEqual({
      kind: 'dossier-warning',
      at: utc('2026-03-11T15:00:00+07:00'),
    });
  });

  it('while supplementing: only the response limit (15 working days after Tue 03/03 → Tue 24/03)', () => {
    const s = applyAll(p, start(), [
      { type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: desk },
      {
        type: 'REQUEST_SUPPLEMENT',
        at: '2026-03-03T10:00:00+07:00',
        actor: police,
        items: [{ name: 'CT01' }],
        reason: 'r',
      },
    ]);
    expect(pendingDeadlines(s.context, options)).toEqual([
      { kind: 'supplement-expiry', at: utc('2026-03-24T17:00:00+07:00') },
    ]);
  });

  it('once marked overdue: the warning (owed until fired) and the step, no due time; once closed: none', () => {
    const s = applyAll(p, start(), [
      { type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: desk },
      { type: 'MARK_OVERDUE', at: '2026-03-12T08:00:00+07:00', actor: system },
    ]);
    expect(pendingDeadlines(s.context, options)).toEqual([
      { kind: 'dossier-warning', at: utc('2026-03-10T17:00:00+07:00') },
      { kind: 'step-due', at: utc('2026-03-06T10:00:00+07:00'), stepId: 'appraise' },
    ]);
    const closed = p.apply(s, { type: 'WITHDRAW', at: '2026-03-12T09:00:00+07:00', actor: desk });
    expect(pendingDeadlines(closed.context, options)).toEqual([]);
  });
});
