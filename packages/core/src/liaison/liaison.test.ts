import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { residenceProcedure, residenceReceipt } from '../../test-support/dossier-harness.js';
import { pendingDeadlines } from '../deadlines/deadlines.js';
import { createEngine } from '../engine/create-engine.js';
import { DefinitionError, PermissionError, TransitionError } from '../errors/dossier-errors.js';
import type { DossierContext } from '../model/dossier-context.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import { checkMachine } from '../procedure/check-machine.js';
import { type DossierSnapshot, stateName } from '../procedure/define-procedure.js';
import { nationalStatusOf } from '../procedure/national-status.js';
import { testCalendar } from '../testing/fixtures.js';
import { defineLiaison } from './define-liaison.js';
import type { LiaisonDefinitionInput } from './liaison-definition.js';
import type { LiaisonMessage } from './liaison-message.js';
import { liaisonPlugin } from './liaison-plugin.js';
import { inProcessTransport, type LiaisonTransport, TransportUnavailableError } from './transport.js';

const utc = (iso: string) => new Date(iso).toISOString();
const desk = { officerId: 'desk-1', unitId: 'desk' };
const police = { officerId: 'police-1', unitId: 'police' };
const system = { officerId: 'engine', unitId: 'system', roles: ['system'] };

const base: LiaisonDefinitionInput = {
  code: 'LT-TEST',
  version: '2025.1',
  effectiveFrom: '2025-07-01',
  regime: '2025',
  name: { vi: 'Liên thông thử' },
  legalBasis: ['Thử'],
  agency: 'UBND xã',
  mode: 'parallel',
  timeLimit: { workingDays: 3, cutoff: '15:00' },
  channels: ['online-full'],
  application: z.object({ a: z.string(), b: z.string().optional() }).strict(),
  members: [
    {
      id: 'a',
      name: { vi: 'Phần A' },
      procedure: 'A',
      agency: { id: 'justice', name: 'Tư pháp' },
      budget: { workingDays: 1 },
      application: (x: { a: string }) => ({ a: x.a }),
    },
    {
      id: 'b',
      name: { vi: 'Phần B' },
      procedure: 'B',
      agency: { id: 'police', name: 'Công an xã' },
      budget: { workingDays: 2 },
      after: ['a'],
      optional: true,
      application: (x: { b?: string }) => (x.b ? { b: x.b } : null),
    },
    {
      id: 'c',
      name: { vi: 'Phần C' },
      procedure: 'C',
      agency: { id: 'bhxh', name: 'BHXH' },
      budget: { workingDays: 2 },
      application: () => ({}),
    },
  ],
};

const liaison = defineLiaison(base, { calendar: testCalendar() });

function received(
  at = '2026-03-02T09:00:00+07:00',
  application: unknown = { a: 'x', b: 'y' },
): DossierSnapshot {
  return liaison.receive({
    code: 'H56-260302-0001',
    secret: 'ABCDEF',
    agency: 'H56',
    receivedAt: at,
    receivedBy: desk,
    channel: 'online-full',
    applicant: { fullName: 'Phạm Thị Dung' },
    application,
  });
}
const apply = (s: DossierSnapshot, ...events: DossierEventInput[]) =>
  events.reduce((x, e) => liaison.apply(x, e), s);
const members = (ctx: DossierContext) => (ctx.liaison?.role === 'parent' ? ctx.liaison.members : []);
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('nothing thrown');
};
const result = (
  member: string,
  at: string,
  outcome: 'returned' | 'refused' = 'returned',
  reasons: string[] = [],
) => ({ type: 'MEMBER_RESULT', at, actor: desk, member, outcome, reasons }) as const;

describe('defineLiaison', () => {
  it('builds a Procedure whose hand-written machine passes the graph checks', () => {
    expect(liaison.lifecycle).toBe('custom');
    expect(checkMachine(liaison.machine)).toEqual([]);
    expect(liaison.definition.steps.map((s) => [s.id, s.unit])).toEqual([
      ['a', 'justice'],
      ['b', 'police'],
      ['c', 'bhxh'],
    ]);
    expect(liaison.withCalendar(testCalendar())).toBe(liaison);
    expect(liaison.memberApplication('b', { a: 'x' })).toBeNull();
  });

  it.each([
    ['a duplicate member', { members: [base.members[0]!, base.members[0]!] }, /duplicate member id/],
    ['an unknown dependency', { members: [{ ...base.members[0]!, after: ['zz'] }] }, /no member zz/],
    [
      'a dependency cycle',
      {
        members: [
          { ...base.members[0]!, after: ['b'] },
          { ...base.members[1]!, after: ['a'] },
        ],
      },
      /cycle/,
    ],
    ['budgets over the total', { timeLimit: { workingDays: 2 } }, /more than the longest total/],
  ])('refuses %s', (_, change, message) => {
    const error = thrown(() =>
      defineLiaison({ ...base, ...change } as LiaisonDefinitionInput, { calendar: testCalendar() }),
    );
    expect(error).toBeInstanceOf(DefinitionError);
    expect(String(error)).toMatch(message);
  });

  it('refuses an allowance the definition does not have', () => {
    expect(() => defineLiaison(base, { allowances: ['remote-commune'] })).toThrow(
      /no allowance remote-commune/,
    );
  });
});

describe('liaison rules', () => {
  it('marks optional members not requested when the application has no data for them', () => {
    const s = received('2026-03-02T09:00:00+07:00', { a: 'x' });
    expect(members(s.context).map((m) => m.status)).toEqual(['waiting', 'not-requested', 'waiting']);
    expect(
      thrown(() => apply(s, { type: 'HAND_OFF', at: '2026-03-02T09:05:00+07:00', actor: desk, member: 'b' })),
    ).toMatchObject({
      message: expect.stringMatching(/not requested/),
    });
  });

  it('national status: 2 while no part is handed off, 4 once an agency holds one', () => {
    const status = (s: DossierSnapshot) =>
      nationalStatusOf(liaison.definition, stateName(s.value), s.context)?.code;
    const s0 = received();
    expect(status(s0)).toBe(2);
    expect(status(apply(s0, { type: 'HAND_OFF', at: '2026-03-02T09:05:00+07:00', actor: desk }))).toBe(4);
  });

  it('hands off at once every member whose dependencies are back, then the dependants', () => {
    let s = apply(received(), { type: 'HAND_OFF', at: '2026-03-02T09:05:00+07:00', actor: desk });
    expect(members(s.context).map((m) => m.status)).toEqual(['handed-off', 'waiting', 'handed-off']);
    // Two agencies hold it: the dossier is with "the agencies", the desk for the holder field.
    expect(s.context.holder).toBe('desk');
    s = apply(s, result('a', '2026-03-02T10:00:00+07:00'), {
      type: 'HAND_OFF',
      at: '2026-03-02T10:05:00+07:00',
      actor: desk,
    });
    expect(members(s.context).map((m) => m.status)).toEqual(['done', 'handed-off', 'handed-off']);
    const timers = pendingDeadlines(s.context, { calendar: testCalendar() });
    expect(timers.filter((t) => t.kind === 'step-due').map((t) => t.stepId)).toEqual(['b', 'c']);
  });

  it('lets only the member agency, the liaison software or the desk report, once per state', () => {
    const s = apply(received(), { type: 'HAND_OFF', at: '2026-03-02T09:05:00+07:00', actor: desk });
    expect(
      thrown(() => apply(s, { ...result('a', '2026-03-02T10:00:00+07:00'), actor: police })),
    ).toBeInstanceOf(PermissionError);
    const byAgency = apply(s, {
      ...result('a', '2026-03-02T10:00:00+07:00'),
      actor: { officerId: 'j', unitId: 'justice' },
    });
    expect(byAgency.context.slip.at(-1)).toMatchObject({
      from: { unitId: 'justice', officerId: 'j' },
      stepId: 'a',
    });
    expect(thrown(() => apply(s, result('a', '2026-03-02T10:00:00+07:00', 'refused')))).toMatchObject({
      message: expect.stringMatching(/needs its reasons/),
    });
    const apologised = apply(s, {
      type: 'MEMBER_APOLOGY',
      at: '2026-03-02T10:00:00+07:00',
      actor: desk,
      member: 'c',
      reason: 'Chậm',
      newDue: '2026-03-06T17:00:00+07:00',
    });
    expect(apologised.context.due.current).toBe(utc('2026-03-06T17:00:00+07:00'));
    expect(apologised.context.apology).toMatchObject({ causedBy: 'bhxh' });
    expect(
      thrown(() =>
        apply(apologised, {
          type: 'MEMBER_APOLOGY',
          at: '2026-03-02T11:00:00+07:00',
          actor: desk,
          member: 'c',
          reason: 'Chậm nữa',
          newDue: '2026-03-09T17:00:00+07:00',
        }),
      ),
    ).toBeInstanceOf(TransitionError);
  });

  it('a result from the member the liaison waited for ends the pause', () => {
    let s = apply(
      received(),
      { type: 'HAND_OFF', at: '2026-03-02T09:05:00+07:00', actor: desk },
      {
        type: 'MEMBER_SUPPLEMENT',
        at: '2026-03-02T10:00:00+07:00',
        actor: desk,
        member: 'c',
        items: [{ name: 'Tờ khai' }],
        reason: 'Thiếu tờ khai',
      },
    );
    expect(s.value).toBe('supplementing');
    expect(s.context.pause).not.toBeNull();
    s = apply(s, result('a', '2026-03-03T10:00:00+07:00'));
    expect(s.value).toBe('supplementing');
    s = apply(s, result('c', '2026-03-04T10:00:00+07:00', 'refused', ['Không bổ sung']));
    expect(s.value).toBe('processing');
    expect(s.context.pause).toBeNull();
    // Paused 2 working days (02/03 10:00 → 04/03 10:00): the total moved by as much.
    expect(s.context.due.legal).toBe(utc('2026-03-09T17:00:00+07:00'));
  });

  it('a standard dossier refuses the liaison events', () => {
    const residence = residenceProcedure();
    const s = residence.receive(residenceReceipt('2026-03-02T09:00:00+07:00'));
    const error = thrown(() =>
      residence.apply(s, { type: 'HAND_OFF', at: '2026-03-02T09:05:00+07:00', actor: desk }),
    );
    expect(error).toBeInstanceOf(TransitionError);
    expect(String(error)).toMatch(/not the parent dossier of a liaison/);
  });

  it('MARK_OVERDUE blames the agency that held the liaison when it went late', () => {
    let s = apply(received(), { type: 'HAND_OFF', at: '2026-03-02T09:05:00+07:00', actor: desk });
    s = apply(s, result('a', '2026-03-02T10:00:00+07:00'), result('c', '2026-03-03T10:00:00+07:00'));
    s = apply(s, { type: 'HAND_OFF', at: '2026-03-03T10:05:00+07:00', actor: desk });
    s = apply(s, { type: 'MARK_OVERDUE', at: '2026-03-06T08:00:00+07:00', actor: system });
    expect(s.context.overdue).toEqual({ at: utc('2026-03-05T17:00:00+07:00'), unit: 'police' });
  });
});

describe('closing a liaison early while agencies hold parts', () => {
  const handed = () =>
    apply(received('2026-03-02T09:00:00+07:00', { a: 'x' }), {
      type: 'HAND_OFF',
      at: '2026-03-02T09:05:00+07:00',
      actor: desk,
    });
  const withdraw = { type: 'WITHDRAW', at: '2026-03-02T10:00:00+07:00', actor: desk, reason: 'Rút' } as const;
  const cancelledBy = (member: string, at: string) =>
    ({ type: 'MEMBER_CANCELLED', at, actor: desk, member }) as const;
  const section = (ctx: DossierContext) => (ctx.liaison?.role === 'parent' ? ctx.liaison : undefined);

  it('asks the agencies, waits for every answer, and closes with the request: a decided part stays returned', () => {
    let s = apply(handed(), withdraw);
    expect(s.value).toBe('closing');
    expect(s.status).toBe('active');
    expect(s.context.outcome).toBeNull();
    expect(members(s.context).map((m) => m.status)).toEqual(['cancelling', 'not-requested', 'cancelling']);
    expect(section(s.context)?.closing).toMatchObject({ type: 'WITHDRAW', reasons: ['Rút'], stopped: false });
    // Nothing but the answers is taken while closing.
    expect(
      thrown(() =>
        apply(s, {
          type: 'MEMBER_ACCEPTED',
          at: '2026-03-02T10:01:00+07:00',
          actor: desk,
          member: 'a',
          childCode: 'X',
        }),
      ),
    ).toBeInstanceOf(TransitionError);
    s = apply(s, result('a', '2026-03-02T10:05:00+07:00'));
    expect(s.value).toBe('closing');
    s = apply(s, cancelledBy('c', '2026-03-02T10:10:00+07:00'));
    expect(s.value).toBe('withdrawn');
    expect(s.context.outcome).toMatchObject({
      kind: 'withdrawn',
      at: utc('2026-03-02T10:10:00+07:00'),
      reasons: ['Rút'],
    });
    expect(members(s.context).map((m) => [m.status, m.outcome])).toEqual([
      ['done', 'returned'],
      ['not-requested', null],
      ['cancelled', null],
    ]);
    expect(members(s.context)[2]!.returnedAt).toBe(utc('2026-03-02T10:10:00+07:00'));
    expect(section(s.context)?.outcome).toBeNull();
    expect(s.context.slip.map((r) => r.note).slice(-3)).toEqual([
      'Trả kết quả: Phần A. Đã có kết quả khi nhận đề nghị dừng xử lý',
      'Dừng xử lý: Phần C',
      'Rút hồ sơ theo đề nghị',
    ]);
    expect(pendingDeadlines(s.context, { calendar: testCalendar() })).toEqual([]);
  });

  it('a request no part could follow (every part already decided) leaves the results to be returned', () => {
    let s = apply(handed(), withdraw, result('a', '2026-03-02T10:05:00+07:00'));
    s = apply(s, result('c', '2026-03-02T10:06:00+07:00', 'refused', ['Không đủ điều kiện']));
    expect(s.value).toBe('resultReady');
    // The last answer brought the results back: processing finished then.
    expect(s.context.finishedAt).toBe(utc('2026-03-02T10:06:00+07:00'));
    expect(s.context.outcome).toBeNull();
    expect(section(s.context)).toMatchObject({
      outcome: 'partial',
      closing: { type: 'WITHDRAW', stopped: false },
    });
  });

  it('parts not handed off yet are cancelled at once, so the request takes effect', () => {
    // b comes after a: still waiting when the liaison is withdrawn.
    let s = apply(received(), { type: 'HAND_OFF', at: '2026-03-02T09:05:00+07:00', actor: desk }, withdraw);
    expect(members(s.context).map((m) => m.status)).toEqual(['cancelling', 'cancelled', 'cancelling']);
    s = apply(s, result('a', '2026-03-02T10:05:00+07:00'), result('c', '2026-03-02T10:06:00+07:00'));
    expect(s.value).toBe('withdrawn');
  });

  it('closes at once when no agency holds a part; MEMBER_CANCELLED needs a request to stop', () => {
    const s = apply(received(), withdraw);
    expect(s.value).toBe('withdrawn');
    expect(members(s.context).map((m) => m.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(thrown(() => apply(handed(), cancelledBy('a', '2026-03-02T10:00:00+07:00')))).toBeInstanceOf(
      TransitionError,
    );
  });
});

describe('inProcessTransport', () => {
  const message = (id: string, to = 'police'): LiaisonMessage => ({
    kind: 'accepted',
    id,
    from: 'justice',
    to,
    at: '2026-03-02T02:00:00.000Z',
    parentCode: 'P',
    memberId: 'a',
    childCode: 'C',
  });

  it('keeps messages until a subscriber comes, delivers in order, redelivers on failure, drops duplicate ids', async () => {
    const t = inProcessTransport({ retryDelayMs: 1 });
    await t.publish(message('1'));
    await t.publish(message('1'));
    await t.publish(message('2'));
    expect(t.pending('police')).toBe(2);
    const seen: string[] = [];
    let fail = true;
    await t.subscribe('police', async (m) => {
      seen.push(m.id);
      if (m.id === '1' && fail) {
        fail = false;
        throw new Error('boom');
      }
    });
    await t.idle();
    expect(seen).toEqual(['1', '1', '2']);
    await expect(t.subscribe('police', async () => {})).rejects.toThrow(/already has a subscriber/);
    await t.close();
    await expect(t.publish(message('3'))).rejects.toThrow(/closed/);
  });

  it('sets a message aside after maxAttempts failures', async () => {
    const t = inProcessTransport({ retryDelayMs: 1, maxAttempts: 3 });
    await t.subscribe('police', async () => {
      throw new Error('always');
    });
    await t.publish(message('x'));
    await t.idle();
    expect(t.deadLetters()).toMatchObject([{ message: { id: 'x' }, error: 'always' }]);
    await t.close();
  });
});

describe('liaisonPlugin delivery', () => {
  it('holds its outbox items while the transport is unreachable: no failed attempt, no dead letter', async () => {
    let down = true;
    const sent: string[] = [];
    const transport: LiaisonTransport = {
      async publish(m) {
        if (down) throw new TransportUnavailableError('unreachable; reconnecting', 2000);
        sent.push(m.id);
      },
      subscribe: async () => ({ stop: async () => {} }),
      close: async () => {},
    };
    const engine = createEngine({
      procedures: [liaison],
      calendar: testCalendar(),
      agency: 'H56',
      plugins: [liaisonPlugin({ agency: 'ubnd-xa', transport })],
      backoff: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 },
    });
    const d = await engine.receive({
      procedure: 'LT-TEST',
      channel: 'online-full',
      actor: desk,
      applicant: { fullName: 'Phạm Thị Dung' },
      application: { a: 'x', b: 'y' },
      at: new Date('2026-03-02T09:00:00+07:00'),
    });
    await engine.send(d.code, { type: 'HAND_OFF', actor: desk, at: '2026-03-02T09:05:00+07:00' });
    let now = Date.parse('2026-03-02T09:05:00+07:00');
    for (let i = 0; i < 5; i++) {
      now += 60_000;
      expect(await engine.deliverOutbox(new Date(now))).toMatchObject({ delivered: 0, dead: 0 });
    }
    const held = await engine.store.outbox({});
    expect(held.map((i) => [i.status, i.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ]);
    down = false;
    expect(await engine.deliverOutbox(new Date(now + 60_000))).toMatchObject({ delivered: 2, dead: 0 });
    expect(sent).toHaveLength(2);
  });
});
