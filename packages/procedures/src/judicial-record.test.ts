import { type Procedure, ValidationError } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import {
  catalogue,
  catalogueEngine,
  nationalCalendar,
  officer,
  runLifecycle,
  vn,
} from '../test-support/catalogue-engine.js';
import { procedureFor, variantsInForce } from './catalogue.js';
import {
  JUDICIAL_RECORD_CODE,
  JUDICIAL_RECORD_WINDOW_2026,
  judicialRecord,
  judicialRecordDefinition,
  judicialRecordNeedsExtendedLimit,
} from './judicial-record.js';
import { sampleJudicialRecord } from './samples.js';

const days = (p: Procedure) =>
  p.definition.steps.reduce(
    (n, s) => n + ('workingHours' in s.budget ? s.budget.workingHours / 8 : s.budget.workingDays),
    0,
  );

describe('judicial record certificate (cấp Phiếu lý lịch tư pháp)', () => {
  it('10 / 15 working days until 30/06/2026, 5 (provisional) from 01/07/2026; budgets fit', () => {
    expect(judicialRecord.version('2018.1').definition.timeLimit).toEqual({ workingDays: 10 });
    expect(judicialRecord.version('2018.1-extended').definition.timeLimit).toEqual({ workingDays: 15 });
    expect(judicialRecord.version('2025.1').definition.timeLimit).toEqual({ workingDays: 10 });
    expect(judicialRecord.version('2025.1-extended').definition.timeLimit).toEqual({ workingDays: 15 });
    expect(judicialRecord.version('2026.1').definition.timeLimit).toEqual({ workingDays: 5 });
    expect(
      [
        judicialRecord.version('2018.1'),
        judicialRecord.version('2018.1-extended'),
        judicialRecord.version('2026.1'),
      ].map(days),
    ).toEqual([9, 13.5, 4]);
    expect(judicialRecord.version('2025.1').definition.effectiveTo).toBe('2026-06-30');
    expect(judicialRecord.version('2026.1').definition.regime).toBe('2025');
    expect(judicialRecord.version('2026.1').definition.agency).toMatch(/Bộ Công an/);
    expect(() => judicialRecordDefinition(JUDICIAL_RECORD_WINDOW_2026, 'extended')).toThrow(
      /no extended limit/,
    );
  });

  it('inForce: Decree 61 → Decree 118 (01/07/2025) → Law 107/2025 (01/07/2026)', () => {
    const r = catalogue();
    expect(r.inForce(JUDICIAL_RECORD_CODE, '2025-06-30').version).toBe('2018.1');
    expect(r.inForce(JUDICIAL_RECORD_CODE, '2025-07-01').version).toBe('2025.1');
    expect(r.inForce(JUDICIAL_RECORD_CODE, '2026-06-30').version).toBe('2025.1');
    expect(r.inForce(JUDICIAL_RECORD_CODE, '2026-07-01').version).toBe('2026.1');
    expect(variantsInForce(r, JUDICIAL_RECORD_CODE, '2026-06-30')).toEqual(['standard', 'extended']);
    expect(variantsInForce(r, JUDICIAL_RECORD_CODE, '2026-07-01')).toEqual(['standard']);
    expect(() => procedureFor(r, JUDICIAL_RECORD_CODE, '2026-07-01', 'extended')).toThrow(/NO|no extended/);
  });

  it('received Mon 29/06/2026 keeps the 10-day limit (due Mon 13/07); received Wed 01/07 gets 5 days (due Wed 08/07)', async () => {
    const { engine, clock } = catalogueEngine('2026-06-29T09:00:00+07:00');
    const receive = () =>
      engine.receive({
        procedure: JUDICIAL_RECORD_CODE,
        channel: 'in-person',
        actor: officer('desk'),
        ...sampleJudicialRecord,
      });
    const before = await receive();
    clock.set('2026-07-01T09:00:00+07:00');
    const after = await receive();
    expect(before.context.procedure.version).toBe('2025.1');
    expect(before.context.due.legal).toBe(vn('2026-07-13T17:00:00'));
    expect(after.context.procedure.version).toBe('2026.1');
    expect(after.context.due.legal).toBe(vn('2026-07-08T17:00:00'));
  });

  it('the 15-day case: received Wed 01/10/2025 09:00, due Wed 22/10/2025 17:00', () => {
    const p = procedureFor(catalogue(), JUDICIAL_RECORD_CODE, '2025-10-01', 'extended');
    expect(p.version).toBe('2025.1-extended');
    const due = nationalCalendar().dueDate(new Date('2025-10-01T09:00:00+07:00'), p.definition.timeLimit);
    expect(due.toISOString()).toBe(vn('2025-10-22T17:00:00'));
  });

  it('5-day version: an apology a day ahead moves the due time in force, but the return on 09/07 is still LATE', async () => {
    const run = await runLifecycle({
      code: JUDICIAL_RECORD_CODE,
      sample: sampleJudicialRecord,
      channel: 'online-full',
      receivedAt: '2026-07-01T09:00:00+07:00',
      handOvers: ['2026-07-01T10:30:00+07:00'],
    });
    const { engine } = run;
    const code = run.received.code;
    // The records unit sees on Tue 07/07 that it cannot make Wed 08/07 17:00: Form 04, new date Fri 10/07.
    const apologised = await engine.send(code, {
      type: 'APOLOGIZE',
      at: '2026-07-07T10:00:00+07:00',
      actor: officer('records'),
      reason: 'Cần xác minh thêm thông tin án tích tại địa phương khác',
      newDue: '2026-07-10T17:00:00+07:00',
    });
    expect(apologised.context.apology?.noticeInTime).toBe(true);
    expect(apologised.context.due.current).toBe(vn('2026-07-10T17:00:00'));
    let view = apologised;
    for (const at of ['2026-07-08T16:00', '2026-07-09T08:00', '2026-07-09T09:00', '2026-07-09T09:30']) {
      view = await engine.send(code, {
        type: 'HAND_OVER',
        at: `${at}:00+07:00`,
        actor: officer(view.context.holder),
      });
    }
    const done = await engine.send(code, {
      type: 'RETURN_RESULT',
      at: '2026-07-09T10:00:00+07:00',
      actor: officer('desk'),
      delivery: 'postal',
    });
    expect(done.context.due.legal).toBe(vn('2026-07-08T17:00:00'));
    expect(done.context.outcome?.result).toBe('LATE');
  });

  it('flags the cases of the longer limit', () => {
    const base = sampleJudicialRecord.application;
    expect(judicialRecordNeedsExtendedLimit(base)).toBe(false);
    expect(judicialRecordNeedsExtendedLimit({ ...base, livedAbroad: true })).toBe(true);
    expect(judicialRecordNeedsExtendedLimit({ ...base, expungementCheck: true })).toBe(true);
    expect(
      judicialRecordNeedsExtendedLimit({ ...base, subject: { ...base.subject, nationality: 'Hàn Quốc' } }),
    ).toBe(true);
    expect(
      judicialRecordNeedsExtendedLimit({
        ...base,
        residences: [
          ...base.residences,
          { address: '2 Lê Lợi, phường Hạc Thành, Thanh Hóa', from: '2000-01-01' },
        ],
      }),
    ).toBe(true);
  });

  it('lists every bad field of an invalid application', async () => {
    const { engine } = catalogueEngine('2026-03-02T08:00:00+07:00');
    const { idNumber: _id, ...subject } = sampleJudicialRecord.application.subject;
    const error = await engine
      .receive({
        procedure: JUDICIAL_RECORD_CODE,
        channel: 'in-person',
        actor: officer('desk'),
        applicant: sampleJudicialRecord.applicant,
        application: { ...sampleJudicialRecord.application, subject, certificateForm: 'form-3', copies: 0 },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field).sort()).toEqual([
      'application.certificateForm',
      'application.copies',
      'application.subject.idNumber',
    ]);
  });
});
