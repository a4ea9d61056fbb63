import {
  type DossierContext,
  type Engine,
  type LiaisonParent,
  type LiaisonTransport,
  TransitionError,
  verifySlip,
} from '@motcua/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  actors,
  applicant,
  birthApplication,
  childOf,
  finishChild,
  type LiaisonWorld,
  liaisonCalendar,
  liaisonWorld,
} from '../../test-support/liaison-world.js';
import { birthLiaison2015, birthLiaison2024 } from './birth-liaison.js';

const utc = (iso: string) => new Date(iso).toISOString();
const FOCAL = 'ubnd-xa';
const POLICE = 'cong-an-xa';
const BHXH = 'bhxh-co-so';
const UNIT = { birth: FOCAL, residence: POLICE, healthInsurance: BHXH } as const;

const electronic = birthLiaison2024({ calendar: liaisonCalendar() });
const paper = birthLiaison2015({ calendar: liaisonCalendar() });

let world: LiaisonWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function start(pkg: typeof electronic, at: string) {
  world = await liaisonWorld({
    start: at,
    agencies: [
      { agency: FOCAL, procedures: [pkg.liaison, pkg.members.birth] },
      { agency: POLICE, procedures: [pkg.members.residence] },
      { agency: BHXH, procedures: [pkg.members.healthInsurance] },
    ],
  });
  return world;
}

const section = (ctx: DossierContext): LiaisonParent => {
  if (ctx.liaison?.role !== 'parent') throw new Error('not a parent');
  return ctx.liaison;
};
const member = (ctx: DossierContext, id: string) => section(ctx).members.find((m) => m.id === id)!;

async function receive(w: LiaisonWorld, pkg: typeof electronic, application = birthApplication()) {
  return w.nodes[FOCAL]!.engine.receive({
    procedure: pkg.liaison.code,
    channel: pkg.liaison.definition.channels[0]!,
    actor: actors.desk,
    applicant,
    application,
  });
}

describe('"3 in 1" birth liaison, electronic (Decree 63/2024)', () => {
  it('happy path across Tết 2026: all agencies at once, every part back early, returned together', async () => {
    const w = await start(electronic, '2026-02-12T10:00:00+07:00');
    const focal = w.nodes[FOCAL]!.engine;
    const d = await receive(w, electronic);
    // ≤ 3 working days; Tết 16–20/02/2026 is off: Fri 13, Mon 23, Tue 24.
    expect(d.context.due.legal).toBe(utc('2026-02-24T17:00:00+07:00'));
    expect(section(d.context).members.map((m) => m.status)).toEqual(['waiting', 'waiting', 'waiting']);

    w.clock.set('2026-02-12T10:05:00+07:00');
    const handed = await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    expect(section(handed.context).members.map((m) => m.status)).toEqual([
      'handed-off',
      'handed-off',
      'handed-off',
    ]);
    expect(member(handed.context, 'birth').due).toBe(utc('2026-02-12T17:00:00+07:00'));
    expect(member(handed.context, 'residence').due).toBe(utc('2026-02-23T17:00:00+07:00'));
    expect(member(handed.context, 'healthInsurance').due).toBe(utc('2026-02-23T17:00:00+07:00'));
    await w.settle();
    const accepted = await focal.get(d.code);
    expect(section(accepted.context).members.map((m) => m.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);

    const police = await childOf(w, focal, d.code, 'residence');
    const child = await police.engine.get(police.code);
    expect(child.context.liaison).toMatchObject({
      role: 'member',
      parentCode: d.code,
      memberId: 'residence',
      focalAgency: FOCAL,
    });
    expect(child.context.application).toMatchObject({ address: '12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội' });
    expect(child.context.channel).toBe('online-full');

    w.clock.set('2026-02-12T14:00:00+07:00');
    const birth = await childOf(w, focal, d.code, 'birth');
    await finishChild(birth.engine, birth.code);
    w.clock.set('2026-02-13T10:00:00+07:00');
    await finishChild(police.engine, police.code);
    const card = await childOf(w, focal, d.code, 'healthInsurance');
    await finishChild(card.engine, card.code);
    await w.settle();

    const ready = await focal.get(d.code);
    expect(ready.state).toBe('resultReady');
    expect(section(ready.context).outcome).toBe('complete');
    expect(section(ready.context).members.map((m) => m.timeliness)).toEqual(['ON_TIME', 'EARLY', 'EARLY']);

    w.clock.set('2026-02-13T15:00:00+07:00');
    const done = await focal.send(d.code, { type: 'RETURN_RESULT', actor: actors.desk, delivery: 'online' });
    expect(done.state).toBe('returned');
    expect(done.context.outcome).toMatchObject({ kind: 'returned', result: 'EARLY', lateUnit: null });

    // One control slip on the parent records every handover between agencies.
    const record = await focal.get(d.code);
    expect(verifySlip(record.slip)).toEqual({ ok: true, rows: 7 });
    expect(
      record.slip.map((r) => `${r.kind} ${r.from.unitId}→${r.to.unitId} ${r.result ?? ''}`.trim()),
    ).toEqual([
      `handover desk→${FOCAL}`,
      `handover desk→${POLICE}`,
      `handover desk→${BHXH}`,
      `handover ${FOCAL}→desk ON_TIME`,
      `handover ${POLICE}→desk EARLY`,
      `handover ${BHXH}→desk EARLY`,
      'result-returned desk→applicant EARLY',
    ]);
    const types = record.journal.map((j) => j.type);
    expect(types.filter((t) => t === 'MEMBER_ACCEPTED')).toHaveLength(3);
    expect(types.filter((t) => t === 'MEMBER_RESULT')).toHaveLength(3);
    expect(types[0]).toBe('RECEIVE');
    expect(types.at(-1)).toBe('RETURN_RESULT');

    // The public lookup names each part, without personal data.
    const view = await focal.lookup(d.code, d.context.secret);
    expect(view.liaison?.members.map((m) => [m.id, m.status])).toEqual([
      ['birth', 'Đã có kết quả'],
      ['residence', 'Đã có kết quả'],
      ['healthInsurance', 'Đã có kết quả'],
    ]);
    const text = JSON.stringify(view);
    for (const secret of ['Phạm Minh Khang', '001190012345', 'Lý Thường Kiệt', 'Trần Văn Hùng']) {
      expect(text).not.toContain(secret);
    }
    // The unit report counts each agency's part from the parent's slip.
    const units = await focal.unitReport({
      from: utc('2026-02-01T00:00:00+07:00'),
      to: utc('2026-03-01T00:00:00+07:00'),
    });
    // (The focal engine also runs the birth registration: its own officer and leader rows are there too.)
    expect(units.filter((u) => [FOCAL, POLICE, BHXH].includes(u.unit))).toEqual([
      { unit: BHXH, early: 1, onTime: 0, late: 0 },
      { unit: POLICE, early: 1, onTime: 0, late: 0 },
      { unit: FOCAL, early: 0, onTime: 1, late: 0 },
    ]);
  });

  it('a dossier received after 15:00 counts from the next working day (group and birth)', async () => {
    const w = await start(electronic, '2026-02-13T15:30:00+07:00');
    const focal = w.nodes[FOCAL]!.engine;
    const d = await receive(w, electronic);
    // Counted from Mon 23/02 (Tết in between): 24, 25, 26.
    expect(d.context.due.legal).toBe(utc('2026-02-26T17:00:00+07:00'));
    w.clock.set('2026-02-13T15:35:00+07:00');
    const handed = await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    expect(member(handed.context, 'birth').due).toBe(utc('2026-02-23T17:00:00+07:00'));
  });

  it.each(['birth', 'residence', 'healthInsurance'] as const)(
    'the %s agency is late over 31/08–02/09/2026: it apologises, the liaison is late and blamed on it',
    async (late) => {
      const w = await start(electronic, '2026-08-28T10:00:00+07:00');
      const focal = w.nodes[FOCAL]!.engine;
      const d = await receive(w, electronic);
      // 31/08 (swap), 01–02/09 (National Day) off: Thu 03, Fri 04, Mon 07.
      expect(d.context.due.legal).toBe(utc('2026-09-07T17:00:00+07:00'));
      w.clock.set('2026-08-28T10:05:00+07:00');
      await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
      await w.settle();
      const others = (['birth', 'residence', 'healthInsurance'] as const).filter((m) => m !== late);
      w.clock.set('2026-08-28T16:00:00+07:00');
      for (const id of others) {
        const c = await childOf(w, focal, d.code, id);
        await finishChild(c.engine, c.code);
      }
      await w.settle();

      // The late agency's head apologises with a new date (Form 04), through the liaison software.
      w.clock.set('2026-09-03T09:00:00+07:00');
      const c = await childOf(w, focal, d.code, late);
      await c.engine.send(c.code, {
        type: 'APOLOGIZE',
        actor: actors.leader,
        reason: 'Chờ xác minh dữ liệu',
        newDue: '2026-09-09T17:00:00+07:00',
      });
      await w.settle();
      const apologised = await focal.get(d.code);
      expect(member(apologised.context, late).apology).toMatchObject({ reason: 'Chờ xác minh dữ liệu' });
      expect(apologised.context.due.current).toBe(utc('2026-09-09T17:00:00+07:00'));
      expect(apologised.context.apology).toMatchObject({
        causedBy: UNIT[late],
        newDue: utc('2026-09-09T17:00:00+07:00'),
      });

      // The liaison passes its legal due time while the late agency holds it.
      w.clock.set('2026-09-08T08:00:00+07:00');
      await focal.runDueTimers();
      const overdue = await focal.get(d.code);
      expect(overdue.context.overdue).toEqual({ at: utc('2026-09-07T17:00:00+07:00'), unit: UNIT[late] });
      expect(overdue.journal.map((j) => j.type)).toContain('MARK_OVERDUE');

      w.clock.set('2026-09-08T10:00:00+07:00');
      await finishChild(c.engine, c.code);
      await w.settle();
      const ready = await focal.get(d.code);
      expect(member(ready.context, late).timeliness).toBe('LATE');
      for (const id of others) expect(member(ready.context, id).timeliness).not.toBe('LATE');
      w.clock.set('2026-09-08T14:00:00+07:00');
      const done = await focal.send(d.code, {
        type: 'RETURN_RESULT',
        actor: actors.desk,
        delivery: 'online',
      });
      expect(done.context.outcome).toMatchObject({ kind: 'returned', result: 'LATE', lateUnit: UNIT[late] });
      expect(done.summary.lateUnit).toBe(UNIT[late]);
      const units = await focal.unitReport({
        from: utc('2026-08-01T00:00:00+07:00'),
        to: utc('2026-10-01T00:00:00+07:00'),
      });
      expect(units.find((u) => u.unit === UNIT[late])?.late).toBe(1);
      const view = await focal.lookup(d.code, d.context.secret);
      expect(view).toMatchObject({ timeliness: 'LATE', apologized: true });
    },
  );

  it('the police refuse the residence part: a partial outcome, stated in the context and on the lookup', async () => {
    const w = await start(electronic, '2026-03-02T09:00:00+07:00');
    const focal = w.nodes[FOCAL]!.engine;
    const d = await receive(w, electronic);
    await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    await w.settle();
    w.clock.set('2026-03-02T14:00:00+07:00');
    const police = await childOf(w, focal, d.code, 'residence');
    await police.engine.send(police.code, {
      type: 'REFUSE',
      actor: actors.officer,
      reasons: ['Chỗ ở không đủ điều kiện đăng ký thường trú'],
    });
    for (const id of ['birth', 'healthInsurance']) {
      const c = await childOf(w, focal, d.code, id);
      await finishChild(c.engine, c.code);
    }
    await w.settle();
    const ready = await focal.get(d.code);
    expect(ready.state).toBe('resultReady');
    expect(section(ready.context).outcome).toBe('partial');
    expect(member(ready.context, 'residence')).toMatchObject({
      status: 'done',
      outcome: 'refused',
      reasons: ['Chỗ ở không đủ điều kiện đăng ký thường trú'],
    });
    expect((await focal.lookup(d.code, d.context.secret)).status).toBe('Đã có kết quả, chờ trả (một phần)');

    const done = await focal.send(d.code, { type: 'RETURN_RESULT', actor: actors.desk, delivery: 'online' });
    expect(done.state).toBe('returned');
    expect(done.context.outcome?.reasons).toEqual([
      'Đăng ký thường trú: Chỗ ở không đủ điều kiện đăng ký thường trú',
    ]);
    const view = await focal.lookup(d.code, d.context.secret);
    expect(view.status).toBe('Đã trả kết quả một phần (có phần bị từ chối)');
    expect(view.liaison?.outcome).toBe('partial');
    expect(view.liaison?.members.find((m) => m.id === 'residence')).toMatchObject({
      status: 'Từ chối',
      reasons: ['Chỗ ở không đủ điều kiện đăng ký thường trú'],
    });
  });

  it('an agency that needs verification switches its part to ≤ 5 working days and the group to ≤ 5', async () => {
    const w = await start(electronic, '2026-03-02T09:00:00+07:00');
    const focal = w.nodes[FOCAL]!.engine;
    const d = await receive(w, electronic);
    expect(d.context.due.legal).toBe(utc('2026-03-05T17:00:00+07:00'));
    await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    const v = await focal.send(d.code, {
      type: 'MEMBER_VERIFICATION',
      actor: actors.desk,
      member: 'residence',
      reason: 'Xác minh chỗ ở hợp pháp',
    });
    expect(member(v.context, 'residence')).toMatchObject({
      verification: true,
      due: utc('2026-03-09T17:00:00+07:00'),
    });
    expect(v.context.due.legal).toBe(utc('2026-03-09T17:00:00+07:00'));
    await expect(
      focal.send(d.code, {
        type: 'MEMBER_VERIFICATION',
        actor: actors.desk,
        member: 'healthInsurance',
        reason: 'x',
      }),
    ).rejects.toBeInstanceOf(TransitionError);
  });
});

describe('"3 in 1" birth liaison, paper (Joint Circular 05/2015)', () => {
  it('≤ 20 working days for the three, ≤ 15 without residence, +5 for a remote commune', async () => {
    const w = await start(paper, '2026-02-10T09:00:00+07:00');
    const d = await receive(w, paper);
    expect(d.context.due.legal).toBe(utc('2026-03-17T17:00:00+07:00'));
    const { residence: _, ...noResidence } = birthApplication();
    const two = await receive(w, paper, noResidence);
    expect(two.context.due.legal).toBe(
      liaisonCalendar().dueDate(new Date('2026-02-10T09:00:00+07:00'), { workingDays: 15 }).toISOString(),
    );
    expect(section(two.context)).toMatchObject({ limit: 'birth + card (no residence)' });
    expect(section(two.context).members.find((m) => m.id === 'residence')?.status).toBe('not-requested');

    const remote = birthLiaison2015({ calendar: liaisonCalendar(), remoteCommune: true });
    const snapshot = remote.liaison.receive({
      code: 'X-1',
      secret: 'ABCDEF',
      agency: 'X',
      receivedAt: '2026-02-10T09:00:00+07:00',
      receivedBy: actors.desk,
      channel: 'in-person',
      applicant,
      application: birthApplication(),
    });
    expect(snapshot.context.due.legal).toBe(utc('2026-03-24T17:00:00+07:00'));
    expect(section(snapshot.context).extensions).toMatchObject([{ id: 'remote-commune', workingDays: 5 }]);
  });

  it('the desk fixes the order: birth first, then one agency at a time', async () => {
    const w = await start(paper, '2026-03-02T09:00:00+07:00');
    const focal = w.nodes[FOCAL]!.engine;
    const d = await receive(w, paper);
    await expect(
      focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk, member: 'residence' }),
    ).rejects.toThrow(/comes after birth/);
    await expect(focal.send(d.code, { type: 'HAND_OFF', actor: actors.officer })).rejects.toThrow(
      /only the one-stop desk/,
    );
    await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    await w.settle();
    const birth = await childOf(w, focal, d.code, 'birth');
    await finishChild(birth.engine, birth.code);
    await w.settle();
    // The desk chooses the card before residence.
    const card = await focal.send(d.code, {
      type: 'HAND_OFF',
      actor: actors.desk,
      member: 'healthInsurance',
    });
    expect(card.context.holder).toBe(BHXH);
    await expect(
      focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk, member: 'residence' }),
    ).rejects.toThrow(/one agency at a time/);
  });

  it('supplementation asked by the police pauses the whole liaison; +2 working days once the commune completes it', async () => {
    const w = await start(paper, '2026-02-10T09:00:00+07:00');
    const focal = w.nodes[FOCAL]!.engine;
    const d = await receive(w, paper);
    expect(d.context.due.legal).toBe(utc('2026-03-17T17:00:00+07:00'));
    w.clock.set('2026-02-10T09:30:00+07:00');
    await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk, member: 'birth' });
    await w.settle();
    w.clock.set('2026-02-10T10:30:00+07:00');
    const birth = await childOf(w, focal, d.code, 'birth');
    await finishChild(birth.engine, birth.code);
    await w.settle();
    w.clock.set('2026-02-10T14:00:00+07:00');
    const handed = await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    // The next member in order: residence, 7 working days (11–13/02, 23–26/02).
    expect(member(handed.context, 'residence').due).toBe(utc('2026-02-26T17:00:00+07:00'));
    await w.settle();

    w.clock.set('2026-02-11T10:00:00+07:00');
    const police = await childOf(w, focal, d.code, 'residence');
    await police.engine.send(police.code, {
      type: 'REQUEST_SUPPLEMENT',
      actor: actors.officer,
      items: [{ name: 'Giấy tờ chứng minh chỗ ở hợp pháp' }],
      reason: 'Thiếu giấy tờ chứng minh chỗ ở',
    });
    await w.settle();
    const paused = await focal.get(d.code);
    expect(paused.state).toBe('supplementing');
    expect(paused.summary.paused).toBe(true);
    expect(paused.context.pause?.since).toBe(utc('2026-02-11T10:00:00+07:00'));
    expect(member(paused.context, 'residence').status).toBe('supplementing');
    expect(paused.context.supplements).toMatchObject([{ reason: 'Thiếu giấy tờ chứng minh chỗ ở' }]);
    expect(await focal.store.timers(d.code)).toEqual([]);
    await expect(focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk })).rejects.toThrow(/paused/);

    // The applicant brings the papers to the commune after Tết.
    w.clock.set('2026-02-24T10:00:00+07:00');
    const resumed = await focal.send(d.code, { type: 'SUPPLEMENT_RECEIVED', actor: actors.desk });
    // Paused 4 working days (11/02 10:00 → 24/02 10:00), +2 allowed: 6 working days later.
    expect(resumed.state).toBe('processing');
    expect(resumed.context.due.legal).toBe(utc('2026-03-25T17:00:00+07:00'));
    expect(member(resumed.context, 'residence')).toMatchObject({
      status: 'accepted',
      due: utc('2026-03-06T17:00:00+07:00'),
    });
    expect(section(resumed.context).extensions).toMatchObject([{ id: 'supplementation', workingDays: 2 }]);
    expect(resumed.context.slip.slice(-3).map((r) => `${r.kind} ${r.from.unitId}→${r.to.unitId}`)).toEqual([
      `supplement-request ${POLICE}→applicant`,
      'supplement-received applicant→desk',
      `handover desk→${POLICE}`,
    ]);
    await w.settle();
    const child = await police.engine.get(police.code);
    expect(child.state).toBe('processing.appraise');
    expect(child.journal.map((j) => j.type)).toEqual([
      'RECEIVE',
      'REQUEST_SUPPLEMENT',
      'SUPPLEMENT_RECEIVED',
    ]);

    w.clock.set('2026-02-25T10:00:00+07:00');
    await finishChild(police.engine, police.code);
    await w.settle();
    w.clock.set('2026-02-25T14:00:00+07:00');
    await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    await w.settle();
    w.clock.set('2026-02-27T10:00:00+07:00');
    const card = await childOf(w, focal, d.code, 'healthInsurance');
    await finishChild(card.engine, card.code);
    await w.settle();
    const done = await focal.send(d.code, { type: 'RETURN_RESULT', actor: actors.desk });
    expect(done.context.outcome).toMatchObject({ kind: 'returned', result: 'EARLY' });
    expect(section(done.context).members.map((m) => m.timeliness)).toEqual(['ON_TIME', 'EARLY', 'EARLY']);
  });

  it('a refused birth registration cancels the parts after it: the liaison is refused', async () => {
    const w = await start(paper, '2026-03-02T09:00:00+07:00');
    const focal = w.nodes[FOCAL]!.engine;
    const d = await receive(w, paper);
    await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    await w.settle();
    const birth = await childOf(w, focal, d.code, 'birth');
    await birth.engine.send(birth.code, {
      type: 'REFUSE',
      actor: actors.officer,
      reasons: ['Giấy chứng sinh không hợp lệ'],
    });
    await w.settle();
    const ready = await focal.get(d.code);
    expect(ready.state).toBe('resultReady');
    expect(section(ready.context).members.map((m) => m.status)).toEqual(['done', 'cancelled', 'cancelled']);
    expect(section(ready.context).outcome).toBe('refused');
    const done = await focal.send(d.code, { type: 'RETURN_RESULT', actor: actors.desk });
    expect(done.state).toBe('refused');
    expect(done.context.outcome?.kind).toBe('refused');
    expect(done.context.outcome?.reasons[0]).toBe('Đăng ký khai sinh: Giấy chứng sinh không hợp lệ');
  });
});

describe('liaison delivery (in-process transport)', () => {
  it('a member agency restarted mid-liaison loses nothing and applies nothing twice', async () => {
    const w = await start(electronic, '2026-03-02T09:00:00+07:00');
    const focal = () => w.nodes[FOCAL]!.engine;
    // The police engine goes down before the handoff is published.
    await w.nodes[POLICE]!.plugin.detach();
    await w.nodes[POLICE]!.engine.stop();
    const d = await receive(w, electronic);
    await focal().send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    // The focal engine restarts between the commit and the delivery: the outbox is in its store.
    await w.restart(FOCAL);
    await w.settle();
    expect(w.shared!.pending(POLICE)).toBe(1);

    // The police come back on the same store; the first delivery "crashes" after applying, before the ack.
    let crash = true;
    const shared = w.shared!;
    const crashing: LiaisonTransport = {
      publish: (m) => shared.publish(m),
      close: async () => {},
      subscribe: (agency, handler) =>
        shared.subscribe(agency, async (m) => {
          await handler(m);
          if (crash) {
            crash = false;
            throw new Error('crash before the ack');
          }
        }),
    };
    await w.restart(POLICE, crashing);
    await w.settle();
    const police: Engine = w.nodes[POLICE]!.engine;
    const children = await police.list({});
    expect(children).toHaveLength(1);
    expect((await police.get(children[0]!.code)).journal.map((j) => j.type)).toEqual(['RECEIVE']);
    expect(crash).toBe(false);

    for (const id of ['birth', 'residence', 'healthInsurance']) {
      const c = await childOf(w, focal(), d.code, id);
      await finishChild(c.engine, c.code);
    }
    await w.restart(POLICE);
    await w.settle();
    const parent = await focal().get(d.code);
    expect(parent.state).toBe('resultReady');
    const types = parent.journal.map((j) => j.type);
    expect(types.filter((t) => t === 'MEMBER_ACCEPTED')).toHaveLength(3);
    expect(types.filter((t) => t === 'MEMBER_RESULT')).toHaveLength(3);
    expect(shared.deadLetters()).toEqual([]);
  });

  it('withdrawing the liaison cancels the parts still open at the agencies', async () => {
    const w = await start(electronic, '2026-03-02T09:00:00+07:00');
    const focal = w.nodes[FOCAL]!.engine;
    const d = await receive(w, electronic);
    await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    await w.settle();
    const birth = await childOf(w, focal, d.code, 'birth');
    await finishChild(birth.engine, birth.code);
    await w.settle();
    const police = await childOf(w, focal, d.code, 'residence');
    await focal.send(d.code, { type: 'WITHDRAW', actor: actors.desk, reason: 'Người yêu cầu rút hồ sơ' });
    await w.settle();
    const parent = await focal.get(d.code);
    expect(parent.state).toBe('withdrawn');
    expect(section(parent.context).members.map((m) => m.status)).toEqual(['done', 'cancelled', 'cancelled']);
    expect((await police.engine.get(police.code)).state).toBe('withdrawn');
  });

  it('an agency that cannot take its part refuses it back at once', async () => {
    world = await liaisonWorld({
      start: '2026-03-02T09:00:00+07:00',
      agencies: [
        { agency: FOCAL, procedures: [electronic.liaison, electronic.members.birth] },
        { agency: POLICE, procedures: [electronic.members.residence] },
        // Social insurance runs another procedure, not the health-insurance card's.
        { agency: BHXH, procedures: [electronic.members.residence] },
      ],
    });
    const focal = world.nodes[FOCAL]!.engine;
    const d = await receive(world, electronic);
    await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk, member: 'healthInsurance' });
    await world.settle();
    const parent = await focal.get(d.code);
    expect(member(parent.context, 'healthInsurance')).toMatchObject({
      status: 'done',
      outcome: 'refused',
      childCode: null,
    });
  });
});

describe('withdrawing a liaison while parts are finished: the desk and the agencies agree', () => {
  const withdraw = (focal: Engine, code: string) =>
    focal.send(code, { type: 'WITHDRAW', actor: actors.desk, reason: 'Người yêu cầu rút hồ sơ' });

  it('a part returned by its agency whose result is not back yet stays returned on both records', async () => {
    const w = await start(electronic, '2026-03-02T09:00:00+07:00');
    const focal = w.nodes[FOCAL]!.engine;
    const d = await receive(w, electronic);
    await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    await w.settle();
    // The birth registration is done and returned at its agency; its result message has not reached the desk.
    const birth = await childOf(w, focal, d.code, 'birth');
    await finishChild(birth.engine, birth.code);
    const residence = await childOf(w, focal, d.code, 'residence');
    const card = await childOf(w, focal, d.code, 'healthInsurance');
    const asked = await withdraw(focal, d.code);
    // The desk waits for each agency's answer before the liaison is closed.
    expect(asked.state).toBe('closing');
    expect(section(asked.context).members.map((m) => m.status)).toEqual([
      'cancelling',
      'cancelling',
      'cancelling',
    ]);
    const shown = await focal.lookup(d.code, d.context.secret);
    expect(shown.liaison?.members.map((m) => m.status)).toEqual([
      'Đang dừng xử lý',
      'Đang dừng xử lý',
      'Đang dừng xử lý',
    ]);
    await w.settle();

    const parent = await focal.get(d.code);
    expect(parent.state).toBe('withdrawn');
    expect(parent.context.outcome?.kind).toBe('withdrawn');
    expect(member(parent.context, 'birth')).toMatchObject({ status: 'done', outcome: 'returned' });
    expect((await birth.engine.get(birth.code)).state).toBe('returned');
    for (const [id, child] of [
      ['residence', residence],
      ['healthInsurance', card],
    ] as const) {
      expect(member(parent.context, id).status).toBe('cancelled');
      expect((await child.engine.get(child.code)).state).toBe('withdrawn');
    }
    expect(verifySlip(parent.slip).ok).toBe(true);
  });

  it('a part decided at its agency but not handed back yet is returned by the agency and recorded by the desk', async () => {
    const w = await start(electronic, '2026-03-02T09:00:00+07:00');
    const focal = w.nodes[FOCAL]!.engine;
    const d = await receive(w, electronic);
    await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    await w.settle();
    // The police decided the residence registration (signed): the result is ready, not returned.
    const residence = await childOf(w, focal, d.code, 'residence');
    await residence.engine.send(residence.code, { type: 'HAND_OVER', actor: actors.officer });
    await residence.engine.send(residence.code, { type: 'HAND_OVER', actor: actors.leader });
    expect((await residence.engine.get(residence.code)).state).toBe('resultReady');
    await withdraw(focal, d.code);
    await w.settle();

    const parent = await focal.get(d.code);
    expect(parent.state).toBe('withdrawn');
    expect(member(parent.context, 'residence')).toMatchObject({ status: 'done', outcome: 'returned' });
    expect((await residence.engine.get(residence.code)).state).toBe('returned');
    expect(section(parent.context).members.map((m) => m.status)).toEqual(['cancelled', 'done', 'cancelled']);
  });

  it('an agency that had withdrawn its dossier on its own answers the desk again', async () => {
    const w = await start(electronic, '2026-03-02T09:00:00+07:00');
    const focal = w.nodes[FOCAL]!.engine;
    const d = await receive(w, electronic);
    await focal.send(d.code, { type: 'HAND_OFF', actor: actors.desk });
    await w.settle();
    const residence = await childOf(w, focal, d.code, 'residence');
    await residence.engine.send(residence.code, { type: 'WITHDRAW', actor: actors.desk });
    await w.settle();
    // The desk had not asked: it keeps waiting for that part.
    expect(member((await focal.get(d.code)).context, 'residence').status).toBe('accepted');
    await withdraw(focal, d.code);
    await w.settle();
    const parent = await focal.get(d.code);
    expect(parent.state).toBe('withdrawn');
    expect(section(parent.context).members.map((m) => m.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });
});
