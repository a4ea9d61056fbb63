/**
 * The national portal sync against the portal simulator on loopback (real HTTP): receipts create
 * the record, changes update it and add history in order, every fault class ends acknowledged,
 * retried or dead with the field named, a lost answer never makes a second record, and an update
 * never overtakes the create.
 */
import {
  type Engine,
  type EngineOptions,
  MemoryStore,
  type OutboxItem,
  type SimulatedClock,
  type TransitionInfo,
} from '@motcua/core';
import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySyncLog } from '../shared/memory-sync-log.js';
import { type DvcqgSimulator, type SimFault, startDvcqgSimulator } from '../testing/dvcqg-simulator.js';
import { type DvcqgSync, dvcqgSync } from './dvcqg-sync.js';
import { lgspEnvelope } from './transport.js';

const { desk, police, leader } = sampleActors;
const sims: DvcqgSimulator[] = [];

afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close();
});

async function setup(all: Partial<EngineOptions> & { timeoutMs?: number } = {}) {
  const { timeoutMs, plugins = [], ...options } = all;
  const sim = await startDvcqgSimulator();
  sims.push(sim);
  const syncLog = new MemorySyncLog();
  const transport = lgspEnvelope({
    url: sim.url,
    unitCode: '000.00.14.H56',
    credentials: { username: sim.username, password: sim.password },
    timeoutMs: timeoutMs ?? 400,
  });
  const plugin = dvcqgSync({
    transport,
    syncLog,
    catalogue: { '1.004194': { code: 'G22-CT01', name: 'Đăng ký, quản lý cư trú' } },
    agencyName: () => 'Công an xã Hoàn Kiếm',
  });
  const store = options.store ?? new MemoryStore();
  const { engine, clock } = sampleEngine(store, {
    start: '2026-03-02T09:30:00+07:00',
    backoff: { baseDelayMs: 1000, maxAttempts: 4, maxDelayMs: 60_000 },
    plugins: [plugin, ...plugins],
    ...options,
  });
  await plugin.attach(engine);
  /** Delivers the outbox until nothing is pending, a simulated minute between rounds. */
  const drain = async (rounds = 30) => {
    for (let i = 0; i < rounds; i++) {
      await engine.deliverOutbox();
      if ((await engine.store.outbox({ status: 'pending' })).length === 0) return;
      clock.advance({ minutes: 1 });
    }
    throw new Error('outbox not drained');
  };
  return { sim, syncLog, engine, clock, drain, plugin, store };
}

const receive = (engine: Engine, applicant: object = {}) =>
  engine.receive({
    procedure: '1.004194',
    channel: 'in-person',
    actor: desk,
    applicant: { ...sampleReceipt.applicant, ...applicant },
    application: sampleReceipt.application,
  });

/** Receipt and two hand-overs: versions 1, 2, 3, each a history entry. */
async function threeSteps(engine: Engine, clock: SimulatedClock) {
  const d = await receive(engine);
  clock.advance({ minutes: 30 });
  await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
  clock.advance({ hours: 2 });
  await engine.send(d.code, { type: 'HAND_OVER', actor: police });
  return d.code;
}

describe('dvcqgSync against the portal simulator', () => {
  it('creates the record at receipt, updates it on each change, and adds the history in order', async () => {
    const { sim, syncLog, engine, clock, drain } = await setup();
    const d = await receive(engine);
    await drain();
    expect(sim.creates.get(d.code)).toBe(1);
    expect(sim.records.get(d.code)).toMatchObject({
      MaHoSo: d.code,
      MaLinhVuc: 'G22-CT01',
      DonViXuLy: 'Công an xã Hoàn Kiếm',
      TrangThaiHoSo: '2',
      NgayTiepNhan: '20260302093000',
    });
    clock.set('2026-03-02T10:00:00+07:00');
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    clock.set('2026-03-03T10:00:00+07:00');
    await engine.send(d.code, { type: 'HAND_OVER', actor: police });
    await drain();
    expect(sim.creates.get(d.code)).toBe(1);
    // Both changes were delivered in one round: the first pushed the record at version 3, so the
    // second found it acknowledged and sent its history entry only.
    expect(sim.updates.get(d.code)).toBe(1);
    expect(sim.records.get(d.code)).toMatchObject({ TrangThaiHoSo: '4' });
    expect(sim.steps.get(d.code)?.map((s) => [s.ThoiDiemXuLy, s.NoiDungXuLy])).toEqual([
      ['20260302093000', 'Tiếp nhận hồ sơ'],
      ['20260302100000', 'Chuyển xử lý: Cán bộ đăng ký cư trú'],
      ['20260303100000', 'Chuyển xử lý: Lãnh đạo Công an xã'],
    ]);
    expect(sim.duplicates()).toBe(0);
    expect(sim.stepResends).toBe(0);
    const row = await syncLog.row(d.code);
    expect(row).toMatchObject({ ackVersion: 3, lastError: null, receivedAt: '2026-03-02T02:30:00.000Z' });
    expect(row?.firstAckLagMs).toBe(0);
    expect((await syncLog.steps(d.code)).map((s) => [s.version, s.status])).toEqual([
      [1, 'synced'],
      [2, 'synced'],
      [3, 'synced'],
    ]);
    // The outbox carries no applicant data; the record is built at delivery.
    const payloads = JSON.stringify((await engine.store.outbox({ code: d.code })).map((i) => i.payload));
    expect(payloads).not.toContain('Phạm Thị Dung');
    expect(payloads).not.toContain(sampleReceipt.applicant.idNumber);
    // The portal gets the officers' names (its NguoiXuLy); the sync log keeps the confirmed entries
    // with the names masked, and no error text names anyone.
    expect(sim.steps.get(d.code)?.map((s) => s.NguoiXuLy)).toEqual([desk.name, desk.name, police.name]);
    const kept = await syncLog.steps(d.code);
    expect(kept.map((s) => (s.entry as { NguoiXuLy: string }).NguoiXuLy)).toEqual([
      'N. V. A.',
      'N. V. A.',
      'T. T. B.',
    ]);
    expect(kept.map((s) => (s.entry as { NoiDungXuLy: string }).NoiDungXuLy)[0]).toBe('Tiếp nhận hồ sơ');
    expect(JSON.stringify(await syncLog.rows())).not.toMatch(/Nguyễn|Trần Thị/);
    // The account goes to the login only.
    expect(sim.authBodies).toHaveLength(1);
    expect(JSON.stringify(sim.calls)).not.toContain(sim.password);
  });

  it('syncs from the engine’s background loop', async () => {
    const { sim, syncLog, engine, clock } = await setup();
    const code = await threeSteps(engine, clock);
    engine.start({ intervalMs: 10 });
    try {
      for (let i = 0; i < 300 && (await syncLog.steps(code, 'synced')).length < 3; i++)
        await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await engine.stop();
    }
    expect(sim.creates.get(code)).toBe(1);
    expect(sim.steps.get(code)).toHaveLength(3);
    expect((await syncLog.row(code))?.ackVersion).toBe(3);
  });

  it('never lets an update or a history entry overtake the create: later items wait for it', async () => {
    const { sim, syncLog, engine, clock, drain } = await setup();
    sim.fault({ kind: 'http500' }, { service: 'DongBoHoSoMC', times: 2 });
    const code = await threeSteps(engine, clock);
    // Round 1: the create fails (retry), versions 2 and 3 are held, not sent and not counted.
    expect(await engine.deliverOutbox()).toEqual({ delivered: 0, failed: 3, dead: 0 });
    const items = await engine.store.outbox({ code });
    expect(items.map((i) => [i.attempts, i.lastError?.slice(0, 12)])).toEqual([
      [1, 'DVCQG_RETRY '],
      [0, 'waiting for '],
      [0, 'waiting for '],
    ]);
    expect(sim.calls.map((c) => [c.service, c.isUpdating, c.status])).toEqual([
      ['DongBoHoSoMC', 'False', 500],
    ]);
    await drain();
    // Every DongBoHoSoMC before the first accepted create was a failed create; no step before it.
    const firstOk = sim.calls.findIndex((c) => c.status === 200);
    expect(
      sim.calls.slice(0, firstOk + 1).every((c) => c.service === 'DongBoHoSoMC' && c.isUpdating === 'False'),
    ).toBe(true);
    expect(sim.creates.get(code)).toBe(1);
    expect(sim.steps.get(code)).toHaveLength(3);
    expect(sim.stepsOutOfOrder).toBe(0);
    // Received at 09:30, acknowledged at 12:02 after two 500s (the rounds are a simulated minute apart).
    expect(await syncLog.row(code)).toMatchObject({ ackVersion: 3, firstAckLagMs: 152 * 60_000 });
    expect(await engine.deadLetters()).toEqual([]);
  });

  const recovered: [string, SimFault][] = [
    ['a 500', { kind: 'http500' }],
    ['a timeout', { kind: 'timeout' }],
    ['a reset before anything was applied', { kind: 'reset-before-apply' }],
    ['a lost answer (applied, then reset)', { kind: 'apply-then-reset' }],
    ['an expired session', { kind: 'session-expired' }],
  ];
  it.each(recovered)('retries after %s and ends with one record, acknowledged', async (_, fault) => {
    const { sim, syncLog, engine, clock, drain } = await setup({ timeoutMs: 250 });
    sim.fault(fault, { service: 'DongBoHoSoMC' });
    const code = await threeSteps(engine, clock);
    await drain();
    expect(await engine.deadLetters()).toEqual([]);
    const first = (await engine.store.outbox({ code }))[0]!;
    expect(first).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(sim.creates.get(code)).toBe(1);
    expect(sim.duplicates()).toBe(0);
    expect(sim.steps.get(code)).toHaveLength(3);
    expect(await syncLog.row(code)).toMatchObject({ ackVersion: 3, lastError: null });
    if (fault.kind === 'apply-then-reset') {
      // The retried create was told "đã tồn tại" and became an update.
      expect(sim.calls.map((c) => [c.isUpdating, c.fault, c.status]).slice(0, 3)).toEqual([
        ['False', 'apply-then-reset', 0],
        ['False', 'none', 200],
        ['True', 'none', 200],
      ]);
    }
  });

  it('answers a slow portal within the time allowed at the first attempt', async () => {
    const { sim, engine, clock, drain } = await setup({ timeoutMs: 1000 });
    sim.fault({ kind: 'slow', ms: 150 }, { times: 2 });
    const code = await threeSteps(engine, clock);
    await drain();
    expect((await engine.store.outbox({ code })).map((i) => i.attempts)).toEqual([1, 1, 1]);
    expect(sim.creates.get(code)).toBe(1);
  });

  it('updates a record the portal already holds ("đã tồn tại") instead of creating it', async () => {
    const { sim, syncLog, engine, drain } = await setup();
    sim.fault({ kind: 'exists' }, { service: 'DongBoHoSoMC' });
    const d = await receive(engine);
    await drain();
    expect(sim.creates.get(d.code)).toBeUndefined();
    expect(sim.updates.get(d.code)).toBe(1);
    expect((await engine.store.outbox({ code: d.code }))[0]).toMatchObject({
      attempts: 1,
      status: 'delivered',
    });
    expect((await syncLog.row(d.code))?.ackVersion).toBe(1);
  });

  it('updates a record it synced before directly, and creates it again when the portal lost it', async () => {
    const { sim, syncLog, engine, clock, drain } = await setup();
    const d = await receive(engine);
    await drain();
    clock.advance({ minutes: 30 });
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    await drain();
    expect(sim.calls.map((c) => [c.service, c.isUpdating, c.status])).toEqual([
      ['DongBoHoSoMC', 'False', 200],
      ['CapNhatTienDoHoSoMC', undefined, 200],
      ['DongBoHoSoMC', 'True', 200],
      ['CapNhatTienDoHoSoMC', undefined, 200],
    ]);
    sim.records.delete(d.code); // the portal lost it
    clock.advance({ minutes: 30 });
    await engine.send(d.code, { type: 'HAND_OVER', actor: police });
    await drain();
    expect(sim.calls.slice(4).map((c) => [c.service, c.isUpdating, c.status])).toEqual([
      ['DongBoHoSoMC', 'True', 200], // "không tồn tại"
      ['DongBoHoSoMC', 'False', 200],
      ['CapNhatTienDoHoSoMC', undefined, 200],
    ]);
    expect(sim.records.get(d.code)).toMatchObject({ TrangThaiHoSo: '4' });
    expect((await syncLog.row(d.code))?.ackVersion).toBe(3);
  });

  it('counts a history chunk sent again after its answer was lost, without storing it twice', async () => {
    const { sim, syncLog, engine, clock, drain } = await setup();
    sim.fault({ kind: 'apply-then-reset' }, { service: 'CapNhatTienDoHoSoMC' });
    const code = await threeSteps(engine, clock);
    await drain();
    // The three entries went in one chunk (the first item records the later ones'): all resent once.
    expect(sim.stepResends).toBe(3);
    expect(sim.steps.get(code)).toHaveLength(3);
    expect(sim.duplicates()).toBe(0);
    expect((await syncLog.steps(code, 'pending')).length).toBe(0);
  });

  it('dead-letters a record the portal refuses with 400, naming its field; later changes go through', async () => {
    const { sim, syncLog, engine, clock, drain } = await setup();
    sim.fault({ kind: 'http400', field: 'NgayHenTra' }, { service: 'DongBoHoSoMC' });
    const d = await receive(engine);
    await drain();
    const [dead] = await engine.deadLetters();
    expect(dead?.attempts).toBe(1);
    expect(dead?.lastError).toBe('DVCQG_REJECTED record create NgayHenTra: HTTP 400, error_code 400');
    expect(await syncLog.row(d.code)).toMatchObject({ ackVersion: null, lastErrorField: 'NgayHenTra' });
    // A dead letter does not block the dossier's later items (its data may have been fixed).
    clock.set('2026-03-02T10:00:00+07:00');
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    await drain();
    expect(sim.creates.get(d.code)).toBe(1);
    expect(await syncLog.row(d.code)).toMatchObject({ ackVersion: 2, lastErrorField: null });
    expect(sim.steps.get(d.code)?.map((s) => s.NoiDungXuLy)).toEqual([
      'Tiếp nhận hồ sơ',
      'Chuyển xử lý: Cán bộ đăng ký cư trú',
    ]);
  });

  it('shows each dossier’s sync state in engine.get: pending, synced with its version, dead with the field', async () => {
    const { sim, engine, clock, drain } = await setup();
    const d = await receive(engine);
    expect((await engine.get(d.code)).plugins?.dvcqg).toMatchObject({ state: 'pending', ackVersion: null });
    await drain();
    expect((await engine.get(d.code)).plugins?.dvcqg).toMatchObject({
      state: 'synced',
      ackVersion: 1,
      steps: [{ version: 1, status: 'synced' }],
    });
    sim.fault({ kind: 'http400', field: 'NgayHenTra' }, { service: 'DongBoHoSoMC' });
    clock.advance({ minutes: 10 });
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    await drain();
    expect((await engine.get(d.code)).plugins?.dvcqg).toMatchObject({
      state: 'dead',
      ackVersion: 1,
      lastErrorField: 'NgayHenTra',
    });
  });

  it('reports indicator 1.4 and re-syncs a date range: dossiers from before the plugin, a dead letter once fixed', async () => {
    const { sim, engine, clock, drain, plugin, store } = await setup();
    // Received on an engine of the same store without the plugin (before it was installed).
    const { engine: before } = sampleEngine(store, { clock });
    const early = await before.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: desk,
      ...sampleReceipt,
    });
    // One refused once by the portal (a dead letter), one synced.
    sim.fault({ kind: 'http400', field: 'NgayHenTra' }, { service: 'DongBoHoSoMC' });
    const refused = await receive(engine);
    const synced = await receive(engine);
    await drain();
    const period = { from: '2026-03-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00' };
    const first = await plugin.report(period);
    expect(first).toMatchObject({ received: 3, synced: 1, ratio: 0.33, liaisonLate: [] });
    // The index counts 1.4 from the store (the first acknowledgements the plugin recorded there),
    // set-based, and agrees with the plugin's report; its drill-down lists the codes.
    const index14 = async () =>
      (await engine.nationalIndex(period)).rows[0]!.figures.find((f) => f.id === '1.4');
    expect(await index14()).toMatchObject({ numerator: 1, denominator: 3, value: 33.33, na: null });
    expect(await engine.nationalIndexDossiers({ ...period, indicator: '1.4', part: 'numerator' })).toEqual([
      synced.code,
    ]);
    expect(first.unsynced).toEqual(
      expect.arrayContaining([
        { code: early.code, state: 'not-synced', lastErrorField: null },
        { code: refused.code, state: 'dead', lastErrorField: 'NgayHenTra' },
      ]),
    );
    expect(first.lagMs).toEqual({
      p50: expect.any(Number),
      p99: expect.any(Number),
      max: expect.any(Number),
    });
    // The portal takes them now: the re-sync pushes the two, skips the synced one.
    expect(await plugin.resync(period)).toEqual({ examined: 3, pushed: 2, skipped: 1, failed: [] });
    expect(await plugin.report(period)).toMatchObject({ received: 3, synced: 3, ratio: 1, unsynced: [] });
    expect(await index14()).toMatchObject({ numerator: 3, denominator: 3, value: 100 });
    expect((await engine.get(refused.code)).plugins?.dvcqg).toMatchObject({ state: 'synced', ackVersion: 1 });
    expect(sim.creates.get(early.code)).toBe(1);
    expect(sim.creates.get(refused.code)).toBe(1);
    expect(sim.creates.get(synced.code)).toBe(1);
    // Idempotent: nothing left to push.
    expect(await plugin.resync(period)).toEqual({ examined: 3, pushed: 0, skipped: 3, failed: [] });
    // No dossier received: N/A.
    expect(
      (await plugin.report({ from: '2026-05-01T00:00:00+07:00', to: '2026-06-01T00:00:00+07:00' })).ratio,
    ).toBeNull();
  });

  it('re-sync records in the store an acknowledgement its sync log held from before the store kept 1.4', async () => {
    const { syncLog, engine, clock, plugin, store } = await setup();
    const { engine: before } = sampleEngine(store, { clock });
    const d = await before.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: desk,
      ...sampleReceipt,
    });
    await syncLog.ack(d.code, { version: 1, at: clock.now(), lagMs: 10, receivedAt: null });
    const period = { from: '2026-03-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00' };
    const index14 = async () =>
      (await engine.nationalIndex(period)).rows[0]!.figures.find((f) => f.id === '1.4');
    expect((await index14())?.na?.reason).toContain('no sync state');
    expect(await plugin.resync(period)).toEqual({ examined: 1, pushed: 0, skipped: 1, failed: [] });
    expect(await index14()).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
  });

  it('clears the last error once a failed history push succeeds: engine.get, the log and the report agree', async () => {
    const { sim, syncLog, engine, drain, plugin } = await setup();
    sim.fault({ kind: 'http500' }, { service: 'CapNhatTienDoHoSoMC' });
    const d = await receive(engine);
    // Round 1: the record is acknowledged, its history entry fails (retried).
    expect(await engine.deliverOutbox()).toEqual({ delivered: 0, failed: 1, dead: 0 });
    expect((await engine.get(d.code)).plugins?.dvcqg).toMatchObject({
      state: 'pending',
      ackVersion: 1,
      lastError: 'DVCQG_RETRY steps: portal unavailable (HTTP 500)',
      steps: [{ version: 1, status: 'pending' }],
    });
    await drain();
    expect(sim.steps.get(d.code)).toHaveLength(1);
    const row = await syncLog.row(d.code);
    expect(row).toMatchObject({ ackVersion: 1, lastError: null, lastErrorField: null });
    expect((await engine.get(d.code)).plugins?.dvcqg).toEqual({
      state: 'synced',
      ackVersion: 1,
      ackedAt: row?.ackedAt,
      lastError: null,
      lastErrorField: null,
      steps: [{ version: 1, status: 'synced', syncedAt: expect.any(String) }],
    });
    const report = await plugin.report({
      from: '2026-03-01T00:00:00+07:00',
      to: '2026-04-01T00:00:00+07:00',
    });
    expect(report).toMatchObject({ received: 1, synced: 1, ratio: 1, unsynced: [] });
  });

  it('dead-letters after the last attempt when the portal stays down', async () => {
    const { sim, syncLog, engine, drain } = await setup();
    sim.fault({ kind: 'http500' }, { times: 10 });
    const d = await receive(engine);
    await drain();
    const [dead] = await engine.deadLetters();
    expect(dead).toMatchObject({
      attempts: 4,
      lastError: 'DVCQG_RETRY record create: portal unavailable (HTTP 500)',
    });
    expect((await syncLog.row(d.code))?.lastErrorField).toBeNull();
    expect(sim.records.size).toBe(0);
  });

  it('never sends a record with a problem: a dead letter naming the portal field, no value', async () => {
    const { sim, syncLog, engine, drain } = await setup();
    const d = await receive(engine, { kind: 'household-business', organisation: 'Hộ kinh doanh Phạm Dung' });
    await drain();
    const [dead] = await engine.deadLetters();
    expect(dead?.attempts).toBe(1);
    expect(dead?.lastError).toBe(
      'DVCQG_INVALID_FIELD LoaiDoiTuong: no code for household-business in dvcqg-loai-doi-tuong',
    );
    expect(dead?.lastError).not.toContain('Phạm');
    expect(await syncLog.row(d.code)).toMatchObject({ lastErrorField: 'LoaiDoiTuong', ackVersion: null });
    expect(sim.calls).toEqual([]);
  });

  it('dead-letters a history entry the portal cannot take (an officer name over 50 characters)', async () => {
    const { sim, syncLog, engine, drain } = await setup();
    const d = await engine.receive({
      procedure: '1.004194',
      channel: 'in-person',
      actor: { ...desk, name: 'N'.repeat(51) },
      ...sampleReceipt,
    });
    await drain();
    expect((await engine.deadLetters())[0]?.lastError).toBe(
      'DVCQG_INVALID_FIELD NguoiXuLy: longer than 50 characters',
    );
    expect((await syncLog.row(d.code))?.lastErrorField).toBe('NguoiXuLy');
    expect(sim.calls).toEqual([]);
  });

  it('syncs a portal filing from its submission (status 1), another online filing once accepted', async () => {
    const { sim, engine, clock, drain } = await setup();
    const fromPortal = await engine.submit({
      procedure: '1.004194',
      channel: 'online-full',
      actor: { officerId: 'dvcqg', unitId: 'desk', name: 'Cổng DVCQG' },
      ...sampleReceipt,
      filing: { system: 'dvcqg', id: 'G22.99-260302-000001' },
      idempotencyKey: 'dvcqg:G22.99-260302-000001',
    });
    const fromCentre = await engine.submit({
      procedure: '1.004194',
      channel: 'online-full',
      actor: { officerId: 'web', unitId: 'desk', name: 'Cổng một cửa tỉnh' },
      ...sampleReceipt,
    });
    await drain();
    expect(sim.records.get(fromPortal.code)).toMatchObject({ TrangThaiHoSo: '1', NgayTiepNhan: '' });
    expect(sim.records.has(fromCentre.code)).toBe(false);
    expect(await engine.store.outbox({ code: fromCentre.code })).toEqual([]);
    clock.set('2026-03-02T10:00:00+07:00');
    await engine.send(fromCentre.code, { type: 'ACCEPT', actor: desk });
    await engine.send(fromPortal.code, { type: 'ACCEPT', actor: desk });
    await drain();
    expect(sim.records.get(fromCentre.code)).toMatchObject({
      TrangThaiHoSo: '2',
      NgayTiepNhan: '20260302100000',
    });
    expect(sim.records.get(fromPortal.code)).toMatchObject({ TrangThaiHoSo: '2' });
    expect(sim.steps.get(fromPortal.code)?.map((s) => s.TrangThai)).toEqual(['1', '2']);
    expect(sim.steps.get(fromCentre.code)?.map((s) => s.TrangThai)).toEqual(['2']);
  });

  it('leaves out the parts of a liaison handled by member agencies, and ratings', async () => {
    const infos: TransitionInfo[] = [];
    const { engine, plugin } = await setup({
      plugins: [{ name: 'spy', onTransition: (i) => void infos.push(i) }],
    });
    const d = await receive(engine);
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    const info = infos[1]!;
    expect(plugin.onTransition?.(info)).toHaveLength(1);
    const member = {
      ...info,
      after: { ...info.after, liaison: { role: 'member' } },
    } as unknown as TransitionInfo;
    expect(plugin.onTransition?.(member)).toBeUndefined();
    expect(plugin.onTransition?.({ ...info, type: 'RATING' } as unknown as TransitionInfo)).toBeUndefined();
  });

  it('syncs 20 dossiers through a seeded mix of faults: none lost, none duplicated, history in order', async () => {
    const { sim, syncLog, engine, clock, drain } = await setup({
      backoff: { baseDelayMs: 1000, maxAttempts: 8, maxDelayMs: 60_000 },
    });
    let seed = 20261202;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const kinds: SimFault[] = [
      { kind: 'http500' },
      { kind: 'reset-before-apply' },
      { kind: 'apply-then-reset' },
      { kind: 'session-expired' },
    ];
    for (let i = 0; i < 400; i++)
      sim.fault(random() < 0.25 ? kinds[Math.floor(random() * kinds.length)]! : { kind: 'none' });
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) {
      codes.push((await receive(engine)).code);
      if (i % 3 === 0) await engine.deliverOutbox(); // deliveries interleave with new changes
      clock.advance({ minutes: 5 });
    }
    for (const code of codes) await engine.send(code, { type: 'HAND_OVER', actor: desk });
    await engine.deliverOutbox();
    clock.advance({ minutes: 30 });
    for (const code of codes) await engine.send(code, { type: 'HAND_OVER', actor: police });
    await drain(60);
    expect(sim.calls.filter((c) => c.fault !== 'none').length).toBeGreaterThan(20);
    expect(await engine.deadLetters()).toEqual([]);
    for (const code of codes) {
      expect((await syncLog.row(code))?.ackVersion).toBe(3);
      expect(sim.records.get(code)).toMatchObject({ TrangThaiHoSo: '4' });
      expect(sim.steps.get(code)?.map((s) => s.NoiDungXuLy)).toEqual([
        'Tiếp nhận hồ sơ',
        'Chuyển xử lý: Cán bộ đăng ký cư trú',
        'Chuyển xử lý: Lãnh đạo Công an xã',
      ]);
    }
    expect(sim.duplicates()).toBe(0);
    expect(sim.stepsOutOfOrder).toBe(0);
  });

  it('keeps each dossier in order with two engines delivering at once on one store', async () => {
    const store = new MemoryStore();
    const a = await setup({ store });
    // A second engine (its own plugin instance) on the same store, portal and sync log.
    const second = dvcqgSync({
      transport: lgspEnvelope({
        url: a.sim.url,
        unitCode: '000.00.14.H56',
        credentials: { username: a.sim.username, password: a.sim.password },
        timeoutMs: 400,
      }),
      syncLog: a.syncLog,
    });
    const b = sampleEngine(store, {
      clock: a.clock,
      backoff: { baseDelayMs: 1000, maxAttempts: 4, maxDelayMs: 60_000 },
      plugins: [second],
      workerId: 'b',
    });
    await second.attach(b.engine);
    // Worker a takes the receipt and is slow at the portal; meanwhile the dossier moves on and
    // worker b takes the two later items: they wait for the create, whoever holds it.
    a.sim.fault({ kind: 'held' }, { service: 'DongBoHoSoMC' });
    const d = await receive(a.engine);
    const slow = a.engine.deliverOutbox();
    while (a.sim.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    a.clock.advance({ seconds: 10 }); // within a's lease (60 s)
    await a.engine.send(d.code, { type: 'HAND_OVER', actor: desk });
    await a.engine.send(d.code, { type: 'HAND_OVER', actor: police });
    expect(await b.engine.deliverOutbox()).toEqual({ delivered: 0, failed: 2, dead: 0 });
    a.sim.release();
    expect(await slow).toEqual({ delivered: 1, failed: 0, dead: 0 });
    for (let round = 0; round < 10; round++) {
      a.clock.advance({ minutes: 1 });
      await Promise.all([b.engine.deliverOutbox(), a.engine.deliverOutbox()]);
      if ((await store.outbox({ status: 'pending' })).length === 0) break;
    }
    expect(await store.outbox({ status: 'pending' })).toEqual([]);
    expect(a.sim.calls.map((c) => [c.service, c.isUpdating])).toEqual([
      ['DongBoHoSoMC', 'False'],
      ['CapNhatTienDoHoSoMC', undefined],
      ['DongBoHoSoMC', 'True'],
      ['CapNhatTienDoHoSoMC', undefined],
    ]);
    expect(a.sim.creates.get(d.code)).toBe(1);
    expect(a.sim.steps.get(d.code)).toHaveLength(3);
    expect(a.sim.stepsOutOfOrder).toBe(0);
    expect((await a.syncLog.row(d.code))?.ackVersion).toBe(3);
    void leader;
  });
});

describe('dvcqgSync plugin contract', () => {
  it('names the first bad option', () => {
    const transport = lgspEnvelope({
      url: 'http://127.0.0.1:9',
      unitCode: 'x',
      credentials: { username: 'u', password: 'p' },
    });
    const syncLog = new MemorySyncLog();
    const cases: [object, string][] = [
      [{ transport: {} }, 'transport.create'],
      [{ syncLog: { ...syncLog, row: undefined } }, 'syncLog.row'],
      [{ name: 'DVCQG sync' }, 'name'],
      [{ chunkSize: 0 }, 'chunkSize'],
      [{ chunkSize: 101 }, 'chunkSize'],
      [{ catalogue: { '1.004194': { code: 'G22-CT01', name: '' } } }, 'catalogue.1.004194.name'],
    ];
    for (const [bad, field] of cases) {
      expect(() => dvcqgSync({ transport, syncLog, ...bad } as never)).toThrow(
        expect.objectContaining({ name: 'ConnectorError', code: 'INVALID_OPTION', field }),
      );
    }
  });

  it('dead-letters an item it cannot read and refuses to deliver before attach', async () => {
    const plugin: DvcqgSync = dvcqgSync({
      transport: lgspEnvelope({
        url: 'http://127.0.0.1:9',
        unitCode: 'x',
        credentials: { username: 'u', password: 'p' },
      }),
      syncLog: new MemorySyncLog(),
    });
    const item = {
      id: 'X:1:dvcqg.sync:0',
      code: 'X',
      type: 'dvcqg.sync',
      payload: { code: 'X', step: null },
    } as OutboxItem;
    await expect(plugin.deliver?.(item, { now: new Date(), attempt: 1 })).rejects.toThrow(
      'attach(engine) first',
    );
    const { engine } = sampleEngine(new MemoryStore(), { plugins: [plugin] });
    await plugin.attach(engine);
    await expect(
      plugin.deliver?.({ ...item, payload: { code: 'Y' } }, { now: new Date(), attempt: 1 }),
    ).rejects.toMatchObject({ name: 'PermanentDeliveryError', message: 'DVCQG_INVALID_PAYLOAD dvcqg.sync' });
  });
});
