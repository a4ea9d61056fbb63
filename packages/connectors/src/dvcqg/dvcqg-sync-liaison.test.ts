/**
 * Indicator 1.4 and the Decree 63/2024 limit with a real liaison (một cửa liên thông): the "3 in 1"
 * birth liaison of `@motcua/procedures`, the focal desk's engine holding the parent and its own
 * member part (the birth registration), the police and social insurance on engines of their own,
 * the liaison plugin between them. The parent is the filing: its member parts are neither synced
 * nor counted, and a parent first acknowledged more than 10 minutes after its receipt's commit (or
 * never) is listed in `liaisonLate`.
 */
import {
  createEngine,
  type Engine,
  inProcessTransport,
  liaisonPlugin,
  MemoryStore,
  type Procedure,
  SimulatedClock,
  vietnamCalendar,
} from '@motcua/core';
import { type BirthLiaisonApplication, birthLiaison2024 } from '@motcua/procedures';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySyncLog } from '../shared/memory-sync-log.js';
import { type DvcqgSimulator, startDvcqgSimulator } from '../testing/dvcqg-simulator.js';
import { dvcqgSync } from './dvcqg-sync.js';
import { lgspEnvelope } from './transport.js';

// Every name, number and address below is made up.
const desk = { officerId: 'desk-1', unitId: 'desk', name: 'Nguyễn Văn An' };
const applicant = { fullName: 'Phạm Thị Dung', idNumber: '001190012345', phone: '0912345678' };
const application: BirthLiaisonApplication = {
  child: {
    fullName: 'Phạm Minh Khang',
    sex: 'male',
    birthDate: '2026-01-20',
    birthPlace: 'Bệnh viện Phụ sản Hà Nội',
    ethnicity: 'Kinh',
  },
  mother: { fullName: 'Phạm Thị Dung', idNumber: '001190012345' },
  father: { fullName: 'Trần Văn Hùng', idNumber: '001088054321' },
  birthProof: 'birth-certificate',
  declarantRelation: 'mother',
  residence: {
    address: '12 Lý Thường Kiệt, phường Cửa Nam, Hà Nội',
    householdHead: 'Trần Văn Hùng',
    relationToHead: 'con',
  },
  healthInsurance: { initialClinic: 'Trạm y tế phường Cửa Nam' },
};

const sims: DvcqgSimulator[] = [];
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close();
});

describe('dvcqgSync report with a liaison dossier', () => {
  it('counts the parent only and lists the parents synced later than 10 minutes, or never', async () => {
    const sim = await startDvcqgSimulator();
    sims.push(sim);
    const calendar = vietnamCalendar();
    const pkg = birthLiaison2024({ calendar });
    const clock = new SimulatedClock('2026-03-02T09:00:00+07:00');
    const transport = inProcessTransport({ retryDelayMs: 1 });
    const syncLog = new MemorySyncLog();
    const sync = dvcqgSync({
      transport: lgspEnvelope({
        url: sim.url,
        unitCode: '000.00.14.H56',
        credentials: { username: sim.username, password: sim.password },
        timeoutMs: 2000,
      }),
      syncLog,
    });
    const engines: Engine[] = [];
    const agency = async (
      id: string,
      code: string,
      procedures: Procedure[],
      extra: [] | [typeof sync] = [],
    ) => {
      const liaison = liaisonPlugin({ agency: id, transport });
      const engine = createEngine({
        procedures,
        calendar,
        clock,
        agency: code,
        store: new MemoryStore(),
        plugins: [liaison, ...extra],
        backoff: { baseDelayMs: 1000, maxDelayMs: 1000, maxAttempts: 3 },
      });
      await liaison.attach(engine);
      engines.push(engine);
      return engine;
    };
    // The commune's desk runs the liaison and its birth-registration part; its engine syncs.
    const focal = await agency('ubnd-xa', 'H56', [pkg.liaison, pkg.members.birth], [sync]);
    await sync.attach(focal);
    await agency('cong-an-xa', 'CA01', [pkg.members.residence]);
    await agency('bhxh-co-so', 'BH01', [pkg.members.healthInsurance]);
    const settle = async () => {
      for (let round = 0; round < 20; round++) {
        let moved = 0;
        for (const e of engines) moved += (await e.deliverOutbox()).delivered;
        await transport.idle();
        if (moved === 0) return;
      }
    };
    const file = async () => {
      const d = await focal.receive({
        procedure: pkg.liaison.code,
        channel: 'online-full',
        actor: desk,
        applicant,
        application,
      });
      await focal.send(d.code, { type: 'HAND_OFF', actor: desk });
      return d.code;
    };

    // On time: received, handed off and synced at once.
    const onTime = await file();
    await settle();
    // Late: synced 11 minutes after the receipt's commit.
    clock.advance({ minutes: 5 });
    const late = await file();
    clock.advance({ minutes: 11 });
    await settle();
    // Never: the portal refuses its record (a dead letter naming the field).
    clock.advance({ minutes: 5 });
    const never = await file();
    sim.fault({ kind: 'http400', field: 'ChuHoSo' }, { service: 'DongBoHoSoMC', times: 20 });
    await settle();

    // The members' parts of the liaison on the focal store (the birth registrations) exist ...
    const onFocal = await focal.list({
      receivedFrom: '2026-03-01T17:00:00.000Z',
      receivedBefore: '2026-03-03T17:00:00.000Z',
    });
    const parts = onFocal.filter((s) => ![onTime, late, never].includes(s.code));
    expect(parts.length).toBe(3);
    for (const part of parts) {
      expect((await focal.get(part.code, { history: false })).context.liaison?.role).toBe('member');
      // ... and are never sent to the portal.
      expect(sim.records.has(part.code)).toBe(false);
    }
    expect([...sim.records.keys()].sort()).toEqual([onTime, late].sort());
    expect(sim.duplicates()).toBe(0);

    const period = { from: '2026-03-02T00:00:00+07:00', to: '2026-03-03T00:00:00+07:00' };
    const report = await sync.report(period);
    // Three filings: the parents; the member parts are not separate filings.
    expect(report).toMatchObject({ received: 3, synced: 2, ratio: 0.67 });
    expect(report.unsynced).toEqual([{ code: never, state: 'dead', lastErrorField: 'ChuHoSo' }]);
    // The index counts 1.4 the same from the store: the parts are received there but are not
    // filings (an index fact of each part), so its denominator is the three parents too.
    const [row] = (await focal.nationalIndex(period)).rows;
    expect(row?.counts).toMatchObject({ received: 6, filings: 3, synced: 2 });
    expect(row?.figures.find((f) => f.id === '1.4')).toMatchObject({
      numerator: 2,
      denominator: 3,
      value: 66.67,
    });
    expect(
      (await focal.nationalIndexDossiers({ ...period, indicator: '1.4', part: 'denominator' })).sort(),
    ).toEqual([onTime, late, never].sort());
    expect([...report.liaisonLate].sort()).toEqual([late, never].sort());
    expect((await syncLog.row(onTime))?.firstAckLagMs).toBe(0);
    expect((await syncLog.row(late))?.firstAckLagMs).toBe(11 * 60_000);
    // Another limit: 15 minutes leaves only the one never synced.
    expect((await sync.report({ ...period, liaisonLimitMs: 15 * 60_000 })).liaisonLate).toEqual([never]);
    await transport.close();
  });
});
