/**
 * Inbound from the national portal: a filing becomes an online dossier (status 1) once, whatever
 * the number of deliveries, its attachments digitised components; the applicant's withdrawal on
 * the portal becomes WITHDRAW; the statuses flow back to the portal simulator on loopback.
 */
import { IdempotencyKeyError, MemoryStore } from '@motcua/core';
import { sampleEngine, sampleReceipt } from '@motcua/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySyncLog } from '../shared/memory-sync-log.js';
import { type DvcqgSimulator, startDvcqgSimulator } from '../testing/dvcqg-simulator.js';
import { dvcqgSync } from './dvcqg-sync.js';
import { dvcqgInbound } from './inbound.js';
import { lgspEnvelope } from './transport.js';

const sims: DvcqgSimulator[] = [];
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close();
});

const portal = { officerId: 'dvcqg', unitId: 'desk', name: 'Cổng DVCQG' };
const filing = (id: string) => ({
  id,
  procedure: '1.004194',
  channel: 'online-full' as const,
  submittedAt: '2026-03-06T16:00:00+07:00',
  ...sampleReceipt,
  attachments: [{ documentId: 'ct01', uri: `kho://${id}/ct01.pdf`, sha256: 'ab'.repeat(32) }],
});

async function setup() {
  const sim = await startDvcqgSimulator();
  sims.push(sim);
  const sync = dvcqgSync({
    transport: lgspEnvelope({
      url: sim.url,
      unitCode: '000.00.14.H56',
      credentials: { username: sim.username, password: sim.password },
      timeoutMs: 400,
    }),
    syncLog: new MemorySyncLog(),
  });
  const { engine, clock } = sampleEngine(new MemoryStore(), {
    start: '2026-03-06T16:05:00+07:00',
    plugins: [sync],
  });
  await sync.attach(engine);
  const drain = async () => {
    for (let i = 0; i < 20; i++) {
      await engine.deliverOutbox();
      if ((await engine.store.outbox({ status: 'pending' })).length === 0) return;
      clock.advance({ minutes: 1 });
    }
  };
  return { sim, engine, clock, drain, inbound: dvcqgInbound(engine, { actor: portal }) };
}

describe('dvcqgInbound', () => {
  it('takes a filing once (status 1, attachments digitised), and a withdrawal on the portal (status 7)', async () => {
    const { sim, engine, drain, inbound } = await setup();
    const first = await inbound.filing(filing('G22-000123'));
    expect(first).toMatchObject({ nationalStatus: { code: 1 }, duplicate: false });
    const again = await inbound.filing(filing('G22-000123'));
    expect(again).toEqual({ ...first, duplicate: true });
    const record = await engine.get(first.code);
    expect(record.state).toBe('submitted');
    expect(record.context.intake).toMatchObject({
      submittedAt: '2026-03-06T09:00:00.000Z',
      filing: { system: 'dvcqg', id: 'G22-000123' },
    });
    expect(record.context.components).toMatchObject([{ documentId: 'ct01', digitised: true }]);
    await drain();
    expect(sim.records.get(first.code)?.TrangThaiHoSo).toBe('1');
    const withdrawn = await inbound.request({ filingId: 'G22-000123', kind: 'withdraw' });
    expect(withdrawn.nationalStatus?.code).toBe(7);
    expect((await inbound.request({ filingId: 'G22-000123', kind: 'withdraw' })).duplicate).toBe(true);
    await drain();
    expect(sim.records.get(first.code)?.TrangThaiHoSo).toBe('7');
    expect(sim.creates.get(first.code)).toBe(1);
  });

  it('refuses the same filing id with other content, a request for a filing not received, malformed input', async () => {
    const { engine, inbound } = await setup();
    await inbound.filing(filing('G22-000124'));
    await expect(
      inbound.filing({ ...filing('G22-000124'), application: { ...sampleReceipt.application, members: 4 } }),
    ).rejects.toBeInstanceOf(IdempotencyKeyError);
    await expect(inbound.request({ filingId: 'G22-999999', kind: 'withdraw' })).rejects.toMatchObject({
      code: 'FILING_NOT_FOUND',
      field: 'filingId',
    });
    await expect(
      inbound.filing({ ...filing('G22-000125'), submittedAt: '2026-03-06 16:00' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'submittedAt',
    });
    // The applicant's data is the procedure's to check: the engine names each bad field.
    await expect(
      inbound.filing({ ...filing('G22-000126'), applicant: { ...sampleReceipt.applicant, idNumber: '123' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'applicant.idNumber' });
    expect((await engine.list({})).length).toBe(1);
  });

  it('withdraws a filing stopped before acceptance, and stops an accepted one (2025 rules)', async () => {
    const { engine, inbound } = await setup();
    const waiting = await inbound.filing(filing('G22-000130'));
    expect((await inbound.request({ filingId: 'G22-000130', kind: 'stop' })).nationalStatus?.code).toBe(7);
    expect((await engine.get(waiting.code)).state).toBe('intakeWithdrawn');
    const accepted = await inbound.filing(filing('G22-000131'));
    await engine.send(accepted.code, { type: 'ACCEPT', actor: { officerId: 'desk-1', unitId: 'desk' } });
    expect((await inbound.request({ filingId: 'G22-000131', kind: 'stop' })).nationalStatus?.code).toBe(8);
    expect((await engine.get(accepted.code)).state).toBe('stopped');
  });

  it('refuses a filing for a procedure the engine does not have, naming it', async () => {
    const { inbound } = await setup();
    await expect(inbound.filing({ ...filing('G22-000132'), procedure: '9.999999' })).rejects.toMatchObject({
      field: 'procedure',
    });
  });

  it.each(['withdraw', 'stop'] as const)(
    'ends withdrawn whichever comes first when a filing races a %s request (retried)',
    async (kind) => {
      const { engine, inbound } = await setup();
      const withdrawLater = async () => {
        for (let attempt = 0; attempt < 5; attempt++) {
          try {
            return await inbound.request({ filingId: 'G22-000127', kind });
          } catch (e) {
            if ((e as { code?: string }).code !== 'FILING_NOT_FOUND') throw e;
            await new Promise((r) => setTimeout(r, 5));
          }
        }
        throw new Error('never found');
      };
      const [filed, withdrawn] = await Promise.all([inbound.filing(filing('G22-000127')), withdrawLater()]);
      expect(withdrawn.code).toBe(filed.code);
      expect((await engine.get(filed.code)).state).toBe('intakeWithdrawn');
    },
  );
});
