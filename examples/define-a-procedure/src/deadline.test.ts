/**
 * Step 3: deadlines across a holiday, counted by hand. Office hours of the national calendar:
 * 07:30–11:30 and 13:00–17:00 (8 working hours a day).
 *
 * Received Wed 29/04/2026 10:00. Thu 30/04 (Reunification Day) and Fri 01/05 (Labour Day) are
 * holidays, Sat 02 and Sun 03/05 the weekend. Three working days, the day of receipt not counted:
 * Mon 04/05 (1), Tue 05/05 (2), Wed 06/05 (3) → due Wed 06/05/2026 17:00.
 */
import { testCalendar } from '@motcua/core/testing';
import { describe, expect, it } from 'vitest';
import { applicant, application, officers } from './fixtures.js';
import { maritalStatus2025 } from './marital-status-certification.js';

const calendar = testCalendar();
/** The procedure on the office's calendar (here the national one, from the testing kit). */
const p = maritalStatus2025.withCalendar(calendar);
const { desk, justice, leader, clerk } = officers;
const utc = (local: string) => new Date(local).toISOString();

const received = () =>
  p.receive({
    code: 'H56-260429-0007',
    secret: 'Q2W3E4',
    agency: 'H56',
    receivedAt: '2026-04-29T10:00:00+07:00',
    receivedBy: desk,
    channel: 'in-person',
    applicant,
    application,
  });

describe('a dossier received the day before the 30/04–01/05 holidays', () => {
  it('is due Wed 06/05 17:00, and explain() says why', () => {
    const at = new Date('2026-04-29T10:00:00+07:00');
    const due = calendar.dueDate(at, p.definition.timeLimit);
    expect(calendar.format(due)).toBe('2026-05-06 17:00');

    const why = calendar.explain(at, p.definition.timeLimit);
    expect(why.skipped.map((d) => d.date)).toEqual(['2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03']);
    expect(why.days.filter((d) => d.counted).map((d) => [d.date, d.counted])).toEqual([
      ['2026-05-04', 1],
      ['2026-05-05', 2],
      ['2026-05-06', 3],
    ]);
    expect(why.text).toContain('Ngày Chiến thắng');
    expect(why.text).toContain('Hạn trả kết quả: 2026-05-06 17:00.'); // Vietnamese by default
  });

  it('the dossier carries the same due time, and each step its own', () => {
    const s = received();
    expect(s.context.due).toEqual({
      legal: utc('2026-05-06T17:00:00+07:00'),
      current: utc('2026-05-06T17:00:00+07:00'),
      service: null,
    });
    // receive, 4 h from Wed 10:00: 1.5 h to 11:30, 2.5 h from 13:00 → Wed 15:30.
    expect(s.context.steps[0]).toMatchObject({ stepId: 'receive', due: utc('2026-04-29T15:30:00+07:00') });

    // Handed to the justice officer Wed 15:00. verify, 12 h: 2 h Wed (to 17:00), the holidays and
    // the weekend skipped, 8 h Mon 04/05 (10 h), 2 h Tue 05/05 from 07:30 → Tue 09:30.
    const verifying = p.apply(s, { type: 'HAND_OVER', at: '2026-04-29T15:00:00+07:00', actor: desk });
    expect(verifying.value).toEqual({ processing: 'verify' });
    expect(verifying.context.steps[1]).toMatchObject({
      stepId: 'verify',
      unit: 'justice',
      startedAt: utc('2026-04-29T15:00:00+07:00'),
      due: utc('2026-05-05T09:30:00+07:00'),
    });
    // The desk's step ended at 15:00, before 15:30 the same day: on time (not a day early).
    expect(verifying.context.slip[0]).toMatchObject({
      kind: 'handover',
      from: { unitId: 'desk' },
      to: { unitId: 'justice' },
      stepId: 'receive',
      result: 'ON_TIME',
    });

    // sign, 4 h from Tue 09:00: 2.5 h to 11:30, 1.5 h from 13:00 → Tue 14:30.
    const signing = p.apply(verifying, {
      type: 'HAND_OVER',
      at: '2026-05-05T09:00:00+07:00',
      actor: justice,
    });
    expect(signing.context.steps[2]).toMatchObject({ stepId: 'sign', due: utc('2026-05-05T14:30:00+07:00') });
    // record, 2 h from Tue 14:00 → Tue 16:00.
    const recording = p.apply(signing, { type: 'HAND_OVER', at: '2026-05-05T14:00:00+07:00', actor: leader });
    expect(recording.context.steps[3]).toMatchObject({
      stepId: 'record',
      due: utc('2026-05-05T16:00:00+07:00'),
    });
    expect(recording.context.decisionIssued).toBe(true);

    const ready = p.apply(recording, { type: 'HAND_OVER', at: '2026-05-05T15:30:00+07:00', actor: clerk });
    expect(ready.value).toBe('resultReady');
    expect(ready.context.holder).toBe('desk');
    // Returned Wed 06/05 08:00: on the due day, before 17:00 → on time.
    const done = p.apply(ready, { type: 'RETURN_RESULT', at: '2026-05-06T08:00:00+07:00', actor: desk });
    expect(done.value).toBe('returned');
    expect(done.context.outcome).toMatchObject({ kind: 'returned', result: 'ON_TIME', lateUnit: null });
  });

  it('a receipt online on the holiday: the same due time, unless the limit has a cut-off', () => {
    // Received Thu 30/04 20:00 (a holiday). The day of receipt is not counted, whatever it is:
    // Mon 04/05 (1), Tue 05/05 (2), Wed 06/05 (3) → Wed 06/05 17:00.
    const at = new Date('2026-04-30T20:00:00+07:00');
    expect(calendar.format(calendar.dueDate(at, p.definition.timeLimit))).toBe('2026-05-06 17:00');
    // With a 15:00 cut-off (as the liaison groups have), a receipt on a day off counts as received
    // Mon 04/05 07:30, which is then the day not counted: Tue 05 (1), Wed 06 (2), Thu 07/05 (3).
    expect(calendar.format(calendar.dueDate(at, { workingDays: 3, cutoff: '15:00' }))).toBe(
      '2026-05-07 17:00',
    );
  });
});
