/**
 * Step 4: whole lifecycles on an engine (in-memory store, simulated clock), as the one-stop
 * software will run them: one dossier asked to supplement (the clock stops, then the time limit
 * restarts), one that goes late and gets an apology (Form 04). The control slip verifies, and a
 * forged row is caught. Instants counted by hand (07:30–11:30, 13:00–17:00).
 */
import { type ActorInput, type DossierView, MemoryStore, verifySlip } from '@motcua/core';
import { apologyForm, controlSlipForm } from '@motcua/core/forms';
import { sampleEngine } from '@motcua/core/testing';
import { describe, expect, it } from 'vitest';
import { applicant, application, officers } from './fixtures.js';
import { maritalStatusRegistry } from './marital-status-certification.js';

const { desk, justice, leader, clerk } = officers;
const utc = (local: string) => new Date(local).toISOString();
const office = {
  governingBody: 'UBND thành phố Hà Nội',
  agencyName: 'UBND phường Hoàn Kiếm',
  deskName: 'Trung tâm Phục vụ hành chính công phường Hoàn Kiếm',
  placeName: 'Hoàn Kiếm',
};

/** A fresh engine running both versions, its clock at `start` (local time with offset). */
function engineAt(start: string) {
  return sampleEngine(new MemoryStore(), { procedures: maritalStatusRegistry(), start });
}

describe('a dossier asked to supplement', () => {
  it('stops the clock, restarts the time limit, ends early with a slip that verifies', async () => {
    const { engine, clock } = engineAt('2026-05-11T09:00:00+07:00');
    // Mon 11/05 09:00. Three working days: 12, 13, Thu 14/05 → 17:00.
    const received = await engine.receive({
      procedure: 'PLACEHOLDER:cap-giay-xac-nhan-tinh-trang-hon-nhan',
      channel: 'in-person',
      actor: desk,
      applicant,
      application,
    });
    const { code } = received;
    expect(received.context.procedure.version).toBe('2025.1');
    expect(received.context.due.legal).toBe(utc('2026-05-14T17:00:00+07:00'));

    clock.set('2026-05-11T10:00:00+07:00');
    await engine.send(code, { type: 'HAND_OVER', actor: desk });

    // Tue 12/05 09:00: the justice officer finds the divorce judgment missing.
    clock.set('2026-05-12T09:00:00+07:00');
    const waiting = await engine.send(code, {
      type: 'REQUEST_SUPPLEMENT',
      actor: justice,
      items: [{ name: 'Bản sao bản án ly hôn', note: 'bản sao có chứng thực' }],
      reason: 'Người yêu cầu đã từng kết hôn, thiếu giấy tờ chứng minh đã ly hôn',
    });
    expect(waiting.state).toBe('supplementing');
    expect(waiting.context.holder).toBe('desk');
    // Left to Thu 14/05 17:00 from Tue 09:00: 6.5 h + 8 h + 8 h = 22.5 h.
    expect(waiting.context.pause).toEqual({
      since: utc('2026-05-12T09:00:00+07:00'),
      remainingMinutes: 1350,
    });

    // The old due time passes while the applicant gathers the paper: nothing goes overdue.
    clock.set('2026-05-15T08:00:00+07:00');
    await engine.runDueTimers();
    expect((await engine.get(code)).context.overdue).toBeNull();

    // Mon 18/05 09:00: the complete dossier is back; the limit counts again from zero:
    // 19, 20, Thu 21/05 → 17:00. verify: 12 h again from Mon 09:00: 6.5 h Mon, 4 h + 1.5 h Tue → 14:30.
    clock.set('2026-05-18T09:00:00+07:00');
    const back = await engine.send(code, { type: 'SUPPLEMENT_RECEIVED', actor: desk });
    expect(back.state).toBe('processing.verify');
    expect(back.context.holder).toBe('justice');
    expect(back.context.pause).toBeNull();
    expect(back.context.due.legal).toBe(utc('2026-05-21T17:00:00+07:00'));
    expect(back.context.steps.at(-1)).toMatchObject({
      stepId: 'verify',
      due: utc('2026-05-19T14:30:00+07:00'),
    });

    const steps: [string, ActorInput][] = [
      ['2026-05-19T10:00:00+07:00', justice],
      ['2026-05-19T14:00:00+07:00', leader],
      ['2026-05-19T15:00:00+07:00', clerk],
    ];
    let view: DossierView = back;
    for (const [at, actor] of steps) {
      clock.set(at);
      view = await engine.send(code, { type: 'HAND_OVER', actor });
    }
    expect(view.state).toBe('resultReady');
    clock.set('2026-05-20T08:00:00+07:00');
    const done = await engine.send(code, { type: 'RETURN_RESULT', actor: desk });
    expect(done.state).toBe('returned');
    expect(done.context.outcome).toMatchObject({ kind: 'returned', result: 'EARLY', lateUnit: null });

    const record = await engine.get(code);
    expect(record.slip.map((r) => `${r.kind} ${r.from.unitId}→${r.to.unitId}`)).toEqual([
      'handover desk→justice',
      'supplement-request justice→applicant',
      'supplement-received applicant→desk',
      'handover desk→justice',
      'handover justice→leader',
      'handover leader→clerk',
      'handover clerk→desk',
      'result-returned desk→applicant',
    ]);
    expect(verifySlip(record.slip)).toEqual({ ok: true, rows: 8 });

    // Someone edits the justice officer's hand-over time after the fact: the chain breaks there.
    const forged = record.slip.map((r) => (r.seq === 5 ? { ...r, at: utc('2026-05-19T08:00:00+07:00') } : r));
    expect(verifySlip(forged)).toMatchObject({ ok: false, firstBrokenRow: 5 });

    // The printable control slip (Form 06 under the 2025 rules) has one block per row.
    const form = controlSlipForm(
      engine.procedures.get(record.context.procedure.code, record.context.procedure.version).definition,
      record.context,
      office,
      engine.calendar,
    );
    expect(form.number).toBe('06');
    expect(form.blocks).toHaveLength(8);
  });
});

describe('a late dossier', () => {
  it('gets an apology with a new date, is marked overdue by the engine, and counts as late', async () => {
    const { engine, clock } = engineAt('2026-05-25T09:00:00+07:00');
    // Mon 25/05 09:00: due Thu 28/05 17:00.
    const { code } = await engine.receive({
      procedure: 'PLACEHOLDER:cap-giay-xac-nhan-tinh-trang-hon-nhan',
      channel: 'online-full',
      actor: desk,
      applicant,
      application: { ...application, previousResidences: ['Xã Tân Lập, huyện Đan Phượng, Hà Nội'] },
    });
    clock.set('2026-05-25T10:00:00+07:00');
    await engine.send(code, { type: 'HAND_OVER', actor: desk });

    // Wed 27/05 10:00: the answer from the earlier place of residence is not in; the chairman
    // (agency-head, not holding the dossier) apologises a working day before the due time.
    clock.set('2026-05-27T10:00:00+07:00');
    const sorry = await engine.send(code, {
      type: 'APOLOGIZE',
      actor: leader,
      reason: 'Chờ kết quả xác minh tình trạng hôn nhân tại nơi cư trú trước đây',
      newDue: '2026-06-02T17:00:00+07:00',
      causedBy: 'justice',
    });
    expect(sorry.context.apology).toMatchObject({
      causedBy: 'justice',
      previousDue: utc('2026-05-28T17:00:00+07:00'),
      newDue: utc('2026-06-02T17:00:00+07:00'),
      noticeInTime: true,
    });
    expect(sorry.context.due).toMatchObject({
      legal: utc('2026-05-28T17:00:00+07:00'),
      current: utc('2026-06-02T17:00:00+07:00'),
    });
    // Form 04, signed by the head of the agency.
    const form04 = apologyForm(
      engine.procedures.get(sorry.context.procedure.code, sorry.context.procedure.version).definition,
      sorry.context,
      office,
      engine.calendar,
    );
    expect(form04.code).toBe(code);
    expect(form04.reason).toBe('Chờ kết quả xác minh tình trạng hôn nhân tại nơi cư trú trước đây');

    // Fri 29/05 08:00: the engine's timer marks it overdue against the legal due time.
    clock.set('2026-05-29T08:00:00+07:00');
    await engine.runDueTimers();
    expect((await engine.get(code)).context.overdue).toEqual({
      at: utc('2026-05-28T17:00:00+07:00'),
      unit: 'justice',
    });

    for (const [at, actor] of [
      ['2026-06-01T09:00:00+07:00', justice],
      ['2026-06-01T10:00:00+07:00', leader],
      ['2026-06-01T11:00:00+07:00', clerk],
    ] as const) {
      clock.set(at);
      await engine.send(code, { type: 'HAND_OVER', actor });
    }
    clock.set('2026-06-02T09:00:00+07:00');
    const done = await engine.send(code, { type: 'RETURN_RESULT', actor: desk, delivery: 'online' });
    // Returned before the new date, but statistics count it against the legal due time.
    expect(done.context.outcome).toMatchObject({ kind: 'returned', result: 'LATE', lateUnit: 'justice' });
    expect(verifySlip(done.context.slip).ok).toBe(true);

    const [row] = await engine.report({
      from: utc('2026-05-01T00:00:00+07:00'),
      to: utc('2026-07-01T00:00:00+07:00'),
      groupBy: 'none',
    });
    expect(row).toMatchObject({ received: 1, resolved: 1, late: 1, timelyRate: 0 });
  });
});
