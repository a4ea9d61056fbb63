import { describe, expect, it } from 'vitest';
import { IdempotencyKeyError } from '../errors/dossier-errors.js';
import { MemoryStore } from '../store/memory-store.js';
import { sampleActors, sampleEngine, sampleReceipt } from '../testing/fixtures.js';

const { desk, police, leader } = sampleActors;
const receipt = { procedure: '1.004194', channel: 'in-person' as const, actor: desk, ...sampleReceipt };

/** A store whose idempotency look-ups can be held: the answer is read at once, returned later. */
class GatedStore extends MemoryStore {
  hold: Promise<void> | undefined;

  override async idempotentResult(key: string): Promise<unknown | undefined> {
    const answer = await super.idempotentResult(key);
    const hold = this.hold;
    this.hold = undefined;
    if (hold) await hold;
    return answer;
  }
}

describe('idempotency keys', () => {
  it('replays exactly what the first application returned, also after later changes', async () => {
    const store = new MemoryStore();
    const { engine } = sampleEngine(store);
    const d = await engine.receive(receipt);
    const first = await engine.send(d.code, { type: 'HAND_OVER', actor: desk }, { idempotencyKey: 'k1' });
    expect(first).toMatchObject({ version: 2, state: 'processing.appraise', summary: { holder: 'police' } });
    await engine.send(d.code, { type: 'HAND_OVER', actor: police });
    const replay = await engine.send(d.code, { type: 'HAND_OVER', actor: desk }, { idempotencyKey: 'k1' });
    expect(replay).toEqual(first);
    // The receipt too.
    const r1 = await engine.receive({ ...receipt, idempotencyKey: 'r1' });
    await engine.send(r1.code, { type: 'HAND_OVER', actor: desk });
    expect(await engine.receive({ ...receipt, idempotencyKey: 'r1' })).toEqual(r1);
  });

  it('keeps the control slip out of the key’s record: its length only (the store keeps the slip once)', async () => {
    const store = new MemoryStore();
    const { engine } = sampleEngine(store);
    const d = await engine.receive(receipt);
    const first = await engine.send(d.code, { type: 'HAND_OVER', actor: desk }, { idempotencyKey: 'k2' });
    expect(first.context.slip.length).toBeGreaterThan(0);
    const record = (await store.idempotentResult('k2')) as {
      slipRows: number;
      persisted: { context: Record<string, unknown> };
    };
    expect(record.persisted.context).not.toHaveProperty('slip');
    expect(record.slipRows).toBe(first.context.slip.length);
    await engine.send(d.code, { type: 'HAND_OVER', actor: police });
    await engine.send(d.code, { type: 'HAND_OVER', actor: leader });
    const replay = await engine.send(d.code, { type: 'HAND_OVER', actor: desk }, { idempotencyKey: 'k2' });
    expect(replay.context.slip).toEqual(first.context.slip);
  });

  it('never refuses a command that the same key applied meanwhile (it answers with the first result)', async () => {
    const store = new GatedStore();
    const { engine } = sampleEngine(store);
    const d = await engine.receive(receipt);
    let release!: () => void;
    store.hold = new Promise<void>((r) => {
      release = r;
    });
    // B checks the key first (nothing yet) but is held; A applies the command; B goes on and
    // finds the dossier already handed over (the desk no longer holds it).
    const b = engine.send(d.code, { type: 'HAND_OVER', actor: desk }, { idempotencyKey: 'same' });
    await new Promise((r) => setImmediate(r));
    const a = await engine.send(d.code, { type: 'HAND_OVER', actor: desk }, { idempotencyKey: 'same' });
    release();
    expect(await b).toEqual(a);
    expect((await engine.get(d.code)).journal.map((j) => j.type)).toEqual(['RECEIVE', 'HAND_OVER']);
  });

  it('gives two concurrent receipts under one key one dossier', async () => {
    const store = new MemoryStore();
    const { engine } = sampleEngine(store);
    const [a, b] = await Promise.all([
      engine.receive({ ...receipt, idempotencyKey: 'twice' }),
      engine.receive({ ...receipt, idempotencyKey: 'twice' }),
    ]);
    expect(b).toEqual(a);
    expect(await store.list({})).toHaveLength(1);
  });

  it('refuses a key reused for another command, whatever differs, and writes nothing', async () => {
    const store = new MemoryStore();
    const { engine } = sampleEngine(store);
    const d = await engine.receive({ ...receipt, idempotencyKey: 'desk-42' });
    const before = JSON.stringify([await store.list({}), await store.nextSequence('X', '2026-01-01')]);
    const other = {
      ...receipt,
      actor: { officerId: 'desk-2', unitId: 'desk', name: 'Đỗ Thị Hoa' },
      applicant: { fullName: 'Lê Văn Khoa', idNumber: '001190054321', phone: '0987654321' },
      idempotencyKey: 'desk-42',
    };
    await expect(engine.receive(other)).rejects.toBeInstanceOf(IdempotencyKeyError);
    await expect(
      engine.receive({ ...receipt, channel: 'postal', idempotencyKey: 'desk-42' }),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      field: 'idempotencyKey',
    });
    // The error carries nothing of the first dossier.
    const error = (await engine.receive(other).catch((e: Error) => e)) as Error;
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(d.code);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(d.context.secret);
    // Nothing was written: no dossier, no sequence number taken.
    expect(JSON.stringify([await store.list({}), (await store.nextSequence('X', '2026-01-01')) - 1])).toBe(
      before,
    );
    // Events: the same key on another dossier, another event or another officer.
    const e = await engine.receive(receipt);
    await engine.send(d.code, { type: 'HAND_OVER', actor: desk }, { idempotencyKey: 'ev-1' });
    await expect(
      engine.send(e.code, { type: 'HAND_OVER', actor: desk }, { idempotencyKey: 'ev-1' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyError);
    await expect(
      engine.send(d.code, { type: 'HAND_OVER', actor: police }, { idempotencyKey: 'ev-1' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyError);
    await expect(
      engine.send(d.code, { type: 'WITHDRAW', actor: desk }, { idempotencyKey: 'ev-1' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyError);
    expect((await engine.get(e.code)).version).toBe(1);
    expect((await engine.get(d.code)).version).toBe(2);
    void leader;
  });

  it('treats keys written in another order as the same command', async () => {
    const store = new MemoryStore();
    const { engine } = sampleEngine(store);
    const d = await engine.receive(receipt);
    const a = await engine.send(
      d.code,
      { type: 'HAND_OVER', actor: desk, note: 'đủ hồ sơ' },
      { idempotencyKey: 'order' },
    );
    const b = await engine.send(
      d.code,
      {
        note: 'đủ hồ sơ',
        actor: { name: desk.name, unitId: 'desk', officerId: 'desk-1' },
        type: 'HAND_OVER',
      },
      { idempotencyKey: 'order' },
    );
    expect(b).toEqual(a);
  });
});
