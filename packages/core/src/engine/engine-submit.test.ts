import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/dossier-errors.js';
import { MemoryStore } from '../store/memory-store.js';
import { sampleActors, sampleEngine, sampleReceipt } from '../testing/fixtures.js';

const portal = { officerId: 'dvcqg', unitId: 'desk', name: 'Cổng Dịch vụ công quốc gia' };
const filing = {
  procedure: '1.004194',
  channel: 'online-full' as const,
  actor: portal,
  ...sampleReceipt,
};

async function fieldsOf(run: Promise<unknown>): Promise<string[]> {
  const e = await run.then(
    () => {
      throw new Error('accepted');
    },
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).issues.map((i) => i.field).sort();
}

describe('engine.submit: bad input is refused, nothing stored, no number taken', () => {
  it('refuses a paper channel, a bad account, a bad reference and a liaison, naming each field', async () => {
    const store = new MemoryStore();
    const { engine } = sampleEngine(store, { start: '2026-03-06T16:00:00+07:00' });
    expect(await fieldsOf(engine.submit({ ...filing, channel: 'in-person' }))).toEqual(['channel']);
    expect(
      await fieldsOf(
        engine.submit({
          ...filing,
          actor: { ...portal, unitId: 'police' },
          filing: { system: 'dvcqg', id: '' },
        }),
      ),
    ).toEqual(['actor.unitId', 'filing.id']);
    // A liaison's member dossier is received at the desk, never submitted: an unknown key.
    await expect(
      engine.submit({ ...filing, liaison: { parent: 'x' } } as unknown as typeof filing),
    ).rejects.toThrow(/unknown key\(s\) liaison/);
    expect(await fieldsOf(engine.submit({ ...filing, at: '2026-03-06T16:00:00' }))).toEqual(['at']);
    // A reception across the boundary is a receipt at a desk, not an online filing: refused, not ignored.
    await expect(
      engine.submit({
        ...filing,
        reception: { receivingCentre: 'a', competentCentre: 'b' },
      } as unknown as typeof filing),
    ).rejects.toThrow(/unknown key\(s\) reception/);
    expect(await store.list({})).toEqual([]);
    // The first filing accepted takes number 1: the refused ones took none.
    const first = await engine.submit(filing);
    expect(first.code.endsWith('-0001')).toBe(true);
  });

  it('refuses ACCEPT outside the desk and on a dossier received at the desk', async () => {
    const { engine } = sampleEngine(new MemoryStore(), { start: '2026-03-06T16:00:00+07:00' });
    const filed = await engine.submit(filing);
    await expect(
      engine.send(filed.code, { type: 'ACCEPT', actor: sampleActors.police }),
    ).rejects.toMatchObject({
      code: 'NOT_PERMITTED',
    });
    const paper = await engine.receive({ ...filing, channel: 'in-person', actor: sampleActors.desk });
    await expect(engine.send(paper.code, { type: 'ACCEPT', actor: sampleActors.desk })).rejects.toMatchObject(
      {
        code: 'INVALID_TRANSITION',
      },
    );
    expect((await engine.get(filed.code)).version).toBe(1);
  });
});
