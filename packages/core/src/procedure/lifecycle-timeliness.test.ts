/**
 * The happy path to `returned` under explicit instants, with EARLY / ON_TIME / LATE outcomes and
 * per-step results, and due times across Tết 2026 and the 31/08–02/09/2026 block. Every expected
 * instant was counted by hand (sessions 07:30–11:30 and 13:00–17:00; 1 working day = 8 h).
 */
import { describe, expect, it } from 'vitest';
import {
  applyAll,
  officers,
  residenceProcedure,
  residenceReceipt,
  utc,
} from '../../test-support/dossier-harness.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import type { DossierSnapshot } from './define-procedure.js';

const p = residenceProcedure();
const { desk, police, leader } = officers;

/** Received Mon 02/03/2026 09:00; legal due = 7 working days (03,04,05,06,09,10,11) → Wed 11/03 17:00. */
function received(): DossierSnapshot {
  return p.receive(residenceReceipt('2026-03-02T09:00:00+07:00'));
}

/** The four hand-overs of the sample, at the given instants. */
function handOvers(a: string, b: string, c: string, d: string): DossierEventInput[] {
  return [
    { type: 'HAND_OVER', at: a, actor: desk },
    { type: 'HAND_OVER', at: b, actor: police },
    { type: 'HAND_OVER', at: c, actor: leader },
    { type: 'HAND_OVER', at: d, actor: police },
  ];
}

describe('the happy path', () => {
  it('receipt: due times, the first step open at the desk', () => {
    const s = received();
    expect(s.value).toEqual({ processing: 'receive' });
    expect(s.status).toBe('active');
    expect(s.context.receivedAt).toBe(utc('2026-03-02T09:00:00+07:00'));
    expect(s.context.due).toEqual({
      legal: utc('2026-03-11T17:00:00+07:00'),
      current: utc('2026-03-11T17:00:00+07:00'),
      service: null,
    });
    // Step "receive", 4 working hours from 09:00: 2.5 h to 11:30, then 13:00 + 1.5 h.
    expect(s.context.steps).toEqual([
      {
        stepId: 'receive',
        unit: 'desk',
        startedAt: utc('2026-03-02T09:00:00+07:00'),
        due: utc('2026-03-02T14:30:00+07:00'),
        endedAt: null,
        result: null,
        remainingMinutes: null,
      },
    ]);
    expect(s.context.holder).toBe('desk');
    expect(s.context.slip).toEqual([]);
  });

  it('step due times are counted from each hand-over', () => {
    let s = received();
    s = p.apply(s, { type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: desk });
    expect(s.value).toEqual({ processing: 'appraise' });
    // appraise: 4 days = 32 h from Mon 10:00: 5.5 h Mon, 8 Tue, 8 Wed, 8 Thu, 2.5 Fri → Fri 06/03 10:00.
    expect(s.context.steps[1]).toMatchObject({
      stepId: 'appraise',
      unit: 'police',
      startedAt: utc('2026-03-02T10:00:00+07:00'),
      due: utc('2026-03-06T10:00:00+07:00'),
    });
    s = p.apply(s, { type: 'HAND_OVER', at: '2026-03-05T16:00:00+07:00', actor: police });
    // approve: 8 h from Thu 16:00: 1 h Thu, 7 h Fri → 07:30 + 4 h + 3 h = Fri 06/03 16:00.
    expect(s.context.steps[2]).toMatchObject({ stepId: 'approve', due: utc('2026-03-06T16:00:00+07:00') });
    expect(s.context.holder).toBe('leader');
  });

  it('EARLY: returned on a day before the due day; each step classified on handover', () => {
    const s = applyAll(p, received(), [
      ...handOvers(
        '2026-03-02T10:00:00+07:00', // receive due Mon 14:30 → same day, before: ON_TIME
        '2026-03-03T10:00:00+07:00', // appraise due Fri 06/03 10:00 → EARLY
        '2026-03-04T09:00:00+07:00', // approve due Wed 04/03 10:00 → ON_TIME
        '2026-03-05T10:00:00+07:00', // update due Thu 05/03 09:00 → LATE
      ),
      { type: 'RETURN_RESULT', at: '2026-03-06T08:00:00+07:00', actor: desk },
    ]);
    expect(s.value).toBe('returned');
    expect(s.status).toBe('done');
    expect(s.context.steps.map((r) => [r.stepId, r.due, r.result])).toEqual([
      ['receive', utc('2026-03-02T14:30:00+07:00'), 'ON_TIME'],
      ['appraise', utc('2026-03-06T10:00:00+07:00'), 'EARLY'],
      ['approve', utc('2026-03-04T10:00:00+07:00'), 'ON_TIME'],
      ['update', utc('2026-03-05T09:00:00+07:00'), 'LATE'],
    ]);
    expect(s.context.outcome).toEqual({
      kind: 'returned',
      at: utc('2026-03-06T08:00:00+07:00'),
      by: desk,
      result: 'EARLY',
      lateUnit: null,
      reasons: [],
      delivery: 'in-person',
    });
    expect(s.context.decisionIssued).toBe(true);
    expect(s.context.holder).toBe('desk');
  });

  it.each([
    ['ON_TIME on the due day', '2026-03-11T08:00:00+07:00', 'ON_TIME'],
    ['ON_TIME at the due minute itself', '2026-03-11T17:00:00+07:00', 'ON_TIME'],
    ['LATE one minute after', '2026-03-11T17:01:00+07:00', 'LATE'],
    ['LATE the next working day', '2026-03-12T08:00:00+07:00', 'LATE'],
  ] as const)('%s', (_label, returnAt, result) => {
    const s = applyAll(p, received(), [
      ...handOvers(
        '2026-03-02T10:00:00+07:00',
        '2026-03-05T10:00:00+07:00',
        '2026-03-06T10:00:00+07:00',
        '2026-03-09T10:00:00+07:00',
      ),
      { type: 'RETURN_RESULT', at: returnAt, actor: desk, delivery: 'postal' },
    ]);
    expect(s.context.outcome).toMatchObject({ kind: 'returned', result, delivery: 'postal' });
    // The result was at the desk when it went late.
    expect(s.context.outcome?.lateUnit).toBe(result === 'LATE' ? 'desk' : null);
  });
});

describe('due times across holiday blocks', () => {
  it('Tết 2026 (Mon 16 – Fri 20/02 off)', () => {
    let s = p.receive(residenceReceipt('2026-02-12T09:00:00+07:00'));
    // 7 working days after Thu 12/02: Fri 13, Mon 23, 24, 25, 26, Fri 27, Mon 02/03 → 17:00.
    expect(s.context.due.legal).toBe(utc('2026-03-02T17:00:00+07:00'));
    s = p.apply(s, { type: 'HAND_OVER', at: '2026-02-12T14:00:00+07:00', actor: desk });
    // appraise 32 h from Thu 12/02 14:00: 3 h Thu, 8 Fri 13/02 (11), Tết, 8 Mon 23 (19), 8 Tue 24 (27),
    // 5 h Wed 25: 4 h to 11:30 + 1 h → 14:00.
    expect(s.context.steps[1]!.due).toBe(utc('2026-02-25T14:00:00+07:00'));
    s = p.apply(s, { type: 'HAND_OVER', at: '2026-02-13T16:00:00+07:00', actor: police });
    // approve 8 h from Fri 13/02 16:00: 1 h Fri, then Mon 23/02 7 h → 16:00.
    expect(s.context.steps[2]!.due).toBe(utc('2026-02-23T16:00:00+07:00'));
    s = applyAll(p, s, [
      { type: 'HAND_OVER', at: '2026-02-23T15:00:00+07:00', actor: leader },
      { type: 'HAND_OVER', at: '2026-02-26T10:00:00+07:00', actor: police },
      { type: 'RETURN_RESULT', at: '2026-03-02T16:00:00+07:00', actor: desk },
    ]);
    // update due: 8 h from Mon 23/02 15:00 → Tue 24/02 15:00; handed over Thu 26/02 → LATE.
    expect(s.context.steps[3]).toMatchObject({ due: utc('2026-02-24T15:00:00+07:00'), result: 'LATE' });
    expect(s.context.outcome?.result).toBe('ON_TIME');
  });

  it('the 31/08 swap day and 01–02/09/2026 holidays', () => {
    let s = p.receive(residenceReceipt('2026-08-28T09:00:00+07:00'));
    // 7 working days after Fri 28/08: Thu 03/09, Fri 04, Mon 07, 08, 09, 10, Fri 11/09 → 17:00.
    expect(s.context.due.legal).toBe(utc('2026-09-11T17:00:00+07:00'));
    // receive: 4 h from Fri 09:00 → 14:30 the same day.
    expect(s.context.steps[0]!.due).toBe(utc('2026-08-28T14:30:00+07:00'));
    s = p.apply(s, { type: 'HAND_OVER', at: '2026-08-28T10:00:00+07:00', actor: desk });
    // appraise 32 h from Fri 28/08 10:00: 5.5 h Fri, (31/08, 01/09, 02/09 off) 8 Thu 03/09 (13.5),
    // 8 Fri 04 (21.5), 8 Mon 07 (29.5), 2.5 h Tue 08/09 → 10:00.
    expect(s.context.steps[1]!.due).toBe(utc('2026-09-08T10:00:00+07:00'));
    s = applyAll(p, s, [
      { type: 'HAND_OVER', at: '2026-09-10T09:00:00+07:00', actor: police },
      { type: 'HAND_OVER', at: '2026-09-10T10:00:00+07:00', actor: leader },
      { type: 'HAND_OVER', at: '2026-09-11T08:00:00+07:00', actor: police },
      { type: 'RETURN_RESULT', at: '2026-09-11T16:00:00+07:00', actor: desk },
    ]);
    // approve due Fri 11/09 09:00 (handed over Thu) → EARLY; update due Fri 11/09 10:00 → ON_TIME.
    expect(s.context.steps.map((r) => [r.stepId, r.due, r.result])).toEqual([
      ['receive', utc('2026-08-28T14:30:00+07:00'), 'ON_TIME'],
      ['appraise', utc('2026-09-08T10:00:00+07:00'), 'LATE'],
      ['approve', utc('2026-09-11T09:00:00+07:00'), 'EARLY'],
      ['update', utc('2026-09-11T10:00:00+07:00'), 'ON_TIME'],
    ]);
    expect(s.context.outcome?.result).toBe('ON_TIME');
  });

  it('24/11/2026 (Ngày Văn hóa Việt Nam) is skipped', () => {
    const s = p.receive(residenceReceipt('2026-11-20T10:00:00+07:00'));
    // After Fri 20/11: Mon 23, (Tue 24 off), Wed 25, Thu 26, Fri 27, Mon 30, Tue 01/12, Wed 02/12.
    expect(s.context.due.legal).toBe(utc('2026-12-02T17:00:00+07:00'));
  });

  it('a receipt on a non-working moment counts from the next working moment', () => {
    // Saturday 07/03/2026: the first step starts counting on Monday 07:30.
    const s = p.receive(residenceReceipt('2026-03-07T09:00:00+07:00'));
    expect(s.context.steps[0]!.due).toBe(utc('2026-03-09T11:30:00+07:00'));
    // 7 working days after Sat 07/03: Mon 09 … Tue 17/03.
    expect(s.context.due.legal).toBe(utc('2026-03-17T17:00:00+07:00'));
  });
});
