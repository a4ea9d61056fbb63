import { describe, expect, it } from 'vitest';
import { pendingDeadlines } from '../deadlines/deadlines.js';
import { summaryOf } from '../engine/dossier-summary.js';
import { DefinitionError, ValidationError } from '../errors/dossier-errors.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import { wasReceived } from '../model/online-intake.js';
import { aggregateReport } from '../report/aggregate-report.js';
import { sampleActors, sampleProcedure, sampleReceipt, testCalendar } from '../testing/fixtures.js';
import { sampleResidenceDefinition } from '../testing/sample-procedure.js';
import { defineProcedure, type PersistedDossier, stateName } from './define-procedure.js';
import { nationalStatusOf } from './national-status.js';

// Dates on the 2026 calendar, sessions 07:30–11:30 and 13:00–17:00 (8 working hours a day).
const portal = { officerId: 'dvcqg', unitId: 'desk', name: 'Cổng Dịch vụ công quốc gia' };
const system = { officerId: 'engine', unitId: 'desk', roles: ['system'] };
const { desk, police } = sampleActors;

function submitted(at = '2026-03-06T16:00:00+07:00'): PersistedDossier {
  return sampleProcedure().submit({
    code: '000.00.14.H56-260306-0001',
    secret: 'K7Q2M9AB',
    agency: '000.00.14.H56',
    submittedAt: at,
    submittedBy: portal,
    channel: 'online-full',
    filing: { system: 'dvcqg', id: 'G22-260306-000123' },
    ...sampleReceipt,
  });
}

/** Steps on the compiled table and on XState; both must give the same JSON (XState is the reference). */
function both(p: PersistedDossier, ...events: DossierEventInput[]): PersistedDossier {
  const procedure = sampleProcedure();
  let table = p;
  let reference = p;
  for (const e of events) {
    table = procedure.step(table, e);
    reference = procedure.persist(procedure.apply(procedure.restore(reference), e));
    expect(JSON.stringify(table)).toBe(JSON.stringify(reference));
  }
  return table;
}

const status = (p: PersistedDossier) =>
  nationalStatusOf(sampleProcedure().definition, stateName(p.value), p.context)?.code;

describe('online intake (nộp trực tuyến)', () => {
  it('gives the code at submission and counts the intake deadline in working hours', () => {
    const p = submitted();
    expect(p.value).toBe('submitted');
    expect(p.status).toBe('active');
    expect(status(p)).toBe(1);
    expect(p.context.code).toBe('000.00.14.H56-260306-0001');
    // Friday 16:00 + 8 working hours: 1 on Friday, 4 on Monday morning, 3 on Monday afternoon.
    expect(p.context.intake).toEqual({
      submittedAt: '2026-03-06T09:00:00.000Z',
      submittedBy: { ...portal, roles: [] },
      filing: { system: 'dvcqg', id: 'G22-260306-000123' },
      dueAt: '2026-03-09T09:00:00.000Z',
      requests: [],
    });
    expect(p.context.steps).toEqual([]);
    expect(p.context.slip).toEqual([]);
    expect(p.context.holder).toBe('desk');
    expect(wasReceived(p.context)).toBe(false);
    expect(pendingDeadlines(p.context, { calendar: testCalendar() })).toEqual([
      { kind: 'intake-due', at: '2026-03-09T09:00:00.000Z' },
    ]);
  });

  it('is received when the desk accepts it: the time limit counts from the acceptance', () => {
    const accepted = both(submitted(), { type: 'ACCEPT', actor: desk, at: '2026-03-09T10:00:00+07:00' });
    expect(stateName(accepted.value)).toBe('processing.receive');
    expect(status(accepted)).toBe(2);
    const c = accepted.context;
    expect(c.receivedAt).toBe('2026-03-09T03:00:00.000Z');
    expect(c.receivedBy).toEqual({ ...desk, roles: [] });
    // 7 working days from Monday 9 March: Wednesday 18 March, 17:00.
    expect(c.due.legal).toBe('2026-03-18T10:00:00.000Z');
    expect(c.steps.map((s) => [s.stepId, s.startedAt])).toEqual([['receive', '2026-03-09T03:00:00.000Z']]);
    expect(c.intake).toMatchObject({ acceptedAt: '2026-03-09T03:00:00.000Z', late: false });
    expect(wasReceived(c)).toBe(true);
    // From here the dossier lives as any other.
    const handed = both(accepted, { type: 'HAND_OVER', actor: desk, at: '2026-03-09T11:00:00+07:00' });
    expect(status(handed)).toBe(4);
    expect(handed.context.slip).toHaveLength(1);
  });

  it('records an acceptance after the intake deadline as late', () => {
    const accepted = both(submitted(), { type: 'ACCEPT', actor: desk, at: '2026-03-10T08:00:00+07:00' });
    expect(accepted.context.intake).toMatchObject({ acceptedAt: '2026-03-10T01:00:00.000Z', late: true });
  });

  it('refuses a filing at intake (not accepted, national status 3), never received', () => {
    const refused = both(submitted(), {
      type: 'REFUSE',
      actor: desk,
      at: '2026-03-09T08:00:00+07:00',
      reasons: ['Hồ sơ không thuộc thẩm quyền'],
    });
    expect(refused.value).toBe('notAccepted');
    expect(refused.status).toBe('done');
    expect(status(refused)).toBe(3);
    expect(refused.context.outcome).toMatchObject({ kind: 'not-accepted', result: null });
    expect(refused.context.intake?.late).toBe(false);
    expect(wasReceived(refused.context)).toBe(false);
  });

  it('asks to complete the filing, waits for the response limit, then closes it on its own', () => {
    const asked = both(submitted(), {
      type: 'REQUEST_SUPPLEMENT',
      actor: desk,
      at: '2026-03-09T09:00:00+07:00',
      items: [{ name: 'Bản chụp giấy tờ chứng minh chỗ ở hợp pháp' }],
      reason: 'Thiếu giấy tờ',
    });
    expect(asked.value).toBe('intakeSupplementing');
    expect(status(asked)).toBe(5);
    // 5 working days from Monday 9 March: Monday 16 March, 17:00. The intake deadline waits.
    expect(asked.context.intake?.requests[0]?.respondBy).toBe('2026-03-16T10:00:00.000Z');
    expect(asked.context.intake?.dueAt).toBeNull();
    expect(asked.context.supplements).toEqual([]);
    expect(pendingDeadlines(asked.context, { calendar: testCalendar() })).toEqual([
      { kind: 'supplement-expiry', at: '2026-03-16T10:00:00.000Z' },
    ]);
    expect(() =>
      sampleProcedure().step(asked, { type: 'EXPIRE', actor: system, at: '2026-03-16T16:00:00+07:00' }),
    ).toThrow(/response limit has not passed/);
    const expired = both(asked, { type: 'EXPIRE', actor: system, at: '2026-03-16T17:00:01+07:00' });
    expect(expired.value).toBe('notAccepted');
    expect(expired.context.outcome?.kind).toBe('not-accepted');
  });

  it('runs a new intake deadline from the completed filing', () => {
    const completed = both(
      submitted(),
      {
        type: 'REQUEST_SUPPLEMENT',
        actor: desk,
        at: '2026-03-09T09:00:00+07:00',
        items: [{ name: 'Tờ khai CT01' }],
        reason: 'Thiếu tờ khai',
      },
      { type: 'SUPPLEMENT_RECEIVED', actor: portal, at: '2026-03-12T14:00:00+07:00' },
    );
    expect(completed.value).toBe('submitted');
    // Thursday 14:00 + 8 working hours: 3 on Thursday, 4 on Friday morning, 1 after lunch.
    expect(completed.context.intake?.dueAt).toBe('2026-03-13T07:00:00.000Z');
    expect(completed.context.intake?.requests[0]?.receivedAt).toBe('2026-03-12T07:00:00.000Z');
    const accepted = both(completed, { type: 'ACCEPT', actor: desk, at: '2026-03-13T08:00:00+07:00' });
    expect(accepted.context.due.legal).toBe('2026-03-24T10:00:00.000Z');
    // The request to complete the filing is not a supplementation request of the processing.
    expect(accepted.context.supplements).toEqual([]);
  });

  it('lets the applicant withdraw before acceptance (national status 7)', () => {
    const withdrawn = both(submitted(), { type: 'WITHDRAW', actor: portal, at: '2026-03-09T08:00:00+07:00' });
    expect(withdrawn.value).toBe('intakeWithdrawn');
    expect(status(withdrawn)).toBe(7);
    expect(wasReceived(withdrawn.context)).toBe(false);
  });

  it('keeps components recorded before acceptance', () => {
    const accepted = both(
      submitted(),
      {
        type: 'RECORD_COMPONENTS',
        actor: desk,
        at: '2026-03-09T08:00:00+07:00',
        components: [{ documentId: 'ct01', source: 'paper', digitised: true }],
      },
      { type: 'ACCEPT', actor: desk, at: '2026-03-09T09:00:00+07:00' },
    );
    expect(accepted.context.components?.map((c) => c.documentId)).toEqual(['ct01']);
  });

  it('refuses what an unaccepted filing cannot do, and acceptance outside the desk', () => {
    const p = submitted();
    expect(() =>
      sampleProcedure().step(p, { type: 'HAND_OVER', actor: desk, at: '2026-03-09T08:00:00+07:00' }),
    ).toThrow(/no transition/);
    expect(() =>
      sampleProcedure().step(p, { type: 'ACCEPT', actor: police, at: '2026-03-09T08:00:00+07:00' }),
    ).toThrow(/one-stop desk/);
    const accepted = sampleProcedure().step(p, {
      type: 'ACCEPT',
      actor: desk,
      at: '2026-03-09T08:00:00+07:00',
    });
    expect(() =>
      sampleProcedure().step(accepted, { type: 'ACCEPT', actor: desk, at: '2026-03-09T09:00:00+07:00' }),
    ).toThrow(/no transition/);
  });

  it('leaves filings never received out of reports', () => {
    const procedure = sampleProcedure();
    const waiting = submitted();
    const refused = procedure.step(submitted(), {
      type: 'REFUSE',
      actor: desk,
      at: '2026-03-09T08:00:00+07:00',
      reasons: ['Sai thủ tục'],
    });
    const accepted = procedure.step(submitted(), {
      type: 'ACCEPT',
      actor: desk,
      at: '2026-03-09T08:00:00+07:00',
    });
    const [row] = aggregateReport([waiting, refused, accepted].map(summaryOf), {
      from: '2026-03-01T00:00:00+07:00',
      to: '2026-04-01T00:00:00+07:00',
      groupBy: 'none',
    });
    expect(row).toMatchObject({
      received: 1,
      receivedByChannel: { 'online-full': 1 },
      inProgressWithinTime: 0,
      inProgressOverdue: 1,
    });
  });
});

describe('online intake: bad input, nothing made', () => {
  const base = {
    code: '000.00.14.H56-260306-0001',
    secret: 'K7Q2M9AB',
    agency: '000.00.14.H56',
    submittedAt: '2026-03-06T16:00:00+07:00',
    submittedBy: portal,
    channel: 'online-full' as const,
    ...sampleReceipt,
  };
  const issuesOf = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).issues.map((i) => i.field);
    }
    throw new Error('accepted');
  };

  it('names the channel of a paper dossier (an intake deadline needs an online filing)', () => {
    expect(issuesOf(() => sampleProcedure().submit({ ...base, channel: 'in-person' }))).toEqual(['channel']);
    expect(issuesOf(() => sampleProcedure().submit({ ...base, channel: 'postal' }))).toEqual(['channel']);
  });

  it('names the submission fields as the filing has them', () => {
    expect(
      issuesOf(() =>
        sampleProcedure().submit({
          ...base,
          submittedAt: '2026-03-06T16:00:00',
          submittedBy: { ...portal, unitId: 'police' },
          filing: { system: '', id: 'x' },
        }),
      ).sort(),
    ).toEqual(['filing.system', 'submittedAt', 'submittedBy.unitId']);
  });

  it('refuses an intake deadline or a time limit for a channel the procedure does not take', () => {
    const define = (extra: object) =>
      defineProcedure({ ...sampleResidenceDefinition, ...extra }, { calendar: testCalendar() });
    expect(() => define({ intake: { deadline: { 'online-partial': { workingHours: 8 } } } })).toThrow(
      expect.objectContaining({ field: 'intake.deadline.online-partial' }),
    );
    expect(() => define({ channelTimeLimits: { 'online-partial': { workingDays: 5 } } })).toThrow(
      DefinitionError,
    );
    expect(() => define({ intake: { deadline: { 'in-person': { workingHours: 8 } } } })).toThrow(
      expect.objectContaining({ field: expect.stringMatching(/intake\.deadline$/) }),
    );
    // A channel's time limit the steps do not fit in.
    expect(() => define({ channelTimeLimits: { 'online-full': { workingDays: 5 } } })).toThrow(
      expect.objectContaining({ field: 'steps' }),
    );
  });

  it('counts a dossier received on a channel with its own time limit against that limit', () => {
    const procedure = defineProcedure(
      { ...sampleResidenceDefinition, channelTimeLimits: { postal: { workingDays: 10 } } },
      { calendar: testCalendar() },
    );
    const p = procedure.start({
      code: '000.00.14.H56-260302-0001',
      secret: 'K7Q2M9AB',
      agency: '000.00.14.H56',
      receivedAt: '2026-03-02T09:00:00+07:00',
      receivedBy: desk,
      channel: 'postal',
      ...sampleReceipt,
    });
    // 10 working days from Monday 2 March: Monday 16 March, 17:00.
    expect(p.context.due.legal).toBe('2026-03-16T10:00:00.000Z');
  });
});

describe('online intake: forms', () => {
  const office = {
    governingBody: 'UBND tỉnh Nghệ An',
    agencyName: 'UBND xã Hưng Nguyên',
    deskName: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên',
    placeName: 'Hưng Nguyên',
  };
  it('gives no receipt (Form 01) before acceptance, and a refusal (Form 03) for a filing not accepted', async () => {
    const { receiptForm, refusalForm } = await import('../forms/index.js');
    const def = sampleProcedure().definition;
    expect(() => receiptForm(def, submitted().context, office, testCalendar())).toThrow(
      expect.objectContaining({ code: 'FORM_NOT_APPLICABLE' }),
    );
    const refused = sampleProcedure().step(submitted(), {
      type: 'REFUSE',
      actor: desk,
      at: '2026-03-09T08:00:00+07:00',
      reasons: ['Hồ sơ không thuộc thẩm quyền'],
    });
    expect(refusalForm(def, refused.context, office, testCalendar()).reasons).toEqual([
      'Hồ sơ không thuộc thẩm quyền',
    ]);
    const accepted = sampleProcedure().step(submitted(), {
      type: 'ACCEPT',
      actor: desk,
      at: '2026-03-09T10:00:00+07:00',
    });
    const form = receiptForm(def, accepted.context, office, testCalendar());
    expect(form.code).toBe('000.00.14.H56-260306-0001');
  });
});
