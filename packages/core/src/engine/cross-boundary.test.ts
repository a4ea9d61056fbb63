import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/dossier-errors.js';
import { MemoryStore } from '../store/memory-store.js';
import { sampleActors, sampleEngine, sampleReceipt } from '../testing/fixtures.js';
import type { ReceptionOptions } from './resolve-reception.js';

// A province with a provincial centre and two commune centres; one commune centre has a reception
// point. Permanent residence (1.004194) is open to reception regardless of administrative boundary
// from 1 March 2026, with one working day for the paper original to reach the competent centre.
const reception: ReceptionOptions = {
  topology: {
    province: 'Nghệ An',
    centres: [
      { id: 'tinh', name: 'Trung tâm Phục vụ hành chính công tỉnh', kind: 'provincial-centre' },
      { id: 'hung-nguyen', name: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên', kind: 'commune-centre' },
      { id: 'vinh-hung', name: 'Trung tâm Phục vụ hành chính công phường Vinh Hưng', kind: 'commune-centre' },
      {
        id: 'vinh-hung-2',
        name: 'Điểm tiếp nhận số 2 phường Vinh Hưng',
        kind: 'reception-point',
        parent: 'vinh-hung',
      },
    ],
  },
  boundaryFree: [
    {
      province: 'Nghệ An',
      source: { document: '123/QĐ-UBND', issuedOn: '2026-02-20' },
      effectiveFrom: '2026-03-01',
      transferBudget: { workingDays: 1 },
      procedures: [{ procedure: '1.004194' }],
    },
  ],
};
const { desk, police } = sampleActors;
const receipt = { procedure: '1.004194', channel: 'in-person' as const, actor: desk, ...sampleReceipt };

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

describe('reception regardless of administrative boundary (phi địa giới hành chính)', () => {
  it('keeps the three centres, and moves the paper original as handovers on the control slip', async () => {
    const { engine, clock } = sampleEngine(new MemoryStore(), {
      start: '2026-03-02T09:00:00+07:00',
      reception,
    });
    const d = await engine.receive({
      ...receipt,
      reception: { receivingCentre: 'hung-nguyen', competentCentre: 'vinh-hung' },
    });
    expect(d.context.reception).toEqual({
      receivingCentre: { id: 'hung-nguyen', name: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên' },
      competentCentre: { id: 'vinh-hung', name: 'Trung tâm Phục vụ hành chính công phường Vinh Hưng' },
      returningCentre: { id: 'hung-nguyen', name: 'Trung tâm Phục vụ hành chính công xã Hưng Nguyên' },
      crossBoundary: true,
      list: '123/QĐ-UBND (2026-02-20)',
      // Received Monday 2 March 09:00, one working day: Tuesday 3 March, 17:00.
      originals: { due: '2026-03-03T10:00:00.000Z' },
    });
    clock.set('2026-03-02T10:00:00+07:00');
    await engine.send(d.code, { type: 'TRANSFER_ORIGINALS', stage: 'sent', actor: desk });
    const other = { officerId: 'vh-desk-1', unitId: 'desk', name: 'Hồ Thị Giang' };
    clock.set('2026-03-04T08:00:00+07:00');
    const received = await engine.send(d.code, {
      type: 'TRANSFER_ORIGINALS',
      stage: 'received',
      actor: other,
    });
    const originals = received.context.reception?.originals;
    expect(originals?.result).toBe('LATE');
    const rows = received.context.slip.filter((r) => r.note.includes('địa giới'));
    expect(rows.map((r) => [r.from.unitId, r.to.unitId, r.to.officerId ?? null, r.result ?? null])).toEqual([
      ['hung-nguyen', 'vinh-hung', null, null],
      ['hung-nguyen', 'vinh-hung', 'vh-desk-1', 'LATE'],
    ]);
    // Out of order or repeated: refused, nothing written.
    await expect(
      engine.send(d.code, { type: 'TRANSFER_ORIGINALS', stage: 'received', actor: other }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(
      engine.send(d.code, { type: 'TRANSFER_ORIGINALS', stage: 'returned', actor: police }),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    const returned = await engine.send(d.code, {
      type: 'TRANSFER_ORIGINALS',
      stage: 'returned',
      actor: other,
    });
    expect(returned.context.reception?.originals?.returned?.by.officerId).toBe('vh-desk-1');
    expect(returned.state).toBe('processing.receive');
    const lookup = await engine.lookup(d.code, d.context.secret);
    expect(lookup.returningCentre).toBe('Trung tâm Phục vụ hành chính công xã Hưng Nguyên');
  });

  it('counts a reception point as its centre: not cross-boundary, no transfer', async () => {
    const { engine } = sampleEngine(new MemoryStore(), { start: '2026-03-02T09:00:00+07:00', reception });
    const d = await engine.receive({
      ...receipt,
      reception: { receivingCentre: 'vinh-hung-2', competentCentre: 'vinh-hung' },
    });
    expect(d.context.reception).toMatchObject({ crossBoundary: false });
    expect(d.context.reception?.originals).toBeUndefined();
    await expect(
      engine.send(d.code, { type: 'TRANSFER_ORIGINALS', stage: 'sent', actor: desk }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('refuses a procedure not on a list in force, an unknown centre, and a reception without a topology', async () => {
    const store = new MemoryStore();
    const { engine } = sampleEngine(store, { start: '2026-02-27T09:00:00+07:00', reception });
    // The list is in force from 1 March.
    expect(
      await fieldsOf(
        engine.receive({
          ...receipt,
          reception: { receivingCentre: 'hung-nguyen', competentCentre: 'vinh-hung' },
        }),
      ),
    ).toEqual(['reception.competentCentre']);
    expect(
      await fieldsOf(
        engine.receive({
          ...receipt,
          reception: {
            receivingCentre: 'nowhere',
            competentCentre: 'vinh-hung',
            returningCentre: 'elsewhere',
          },
        }),
      ),
    ).toEqual(['reception.receivingCentre', 'reception.returningCentre']);
    expect(
      await fieldsOf(
        engine.receive({ ...receipt, reception: { receivingCentre: 'x y', competentCentre: 'vinh-hung' } }),
      ),
    ).toEqual(['reception.receivingCentre']);
    const { engine: plain } = sampleEngine(store, { start: '2026-03-02T09:00:00+07:00' });
    expect(
      await fieldsOf(
        plain.receive({
          ...receipt,
          reception: { receivingCentre: 'hung-nguyen', competentCentre: 'vinh-hung' },
        }),
      ),
    ).toEqual(['reception']);
    expect(await store.list({})).toEqual([]);
    // The first dossier received takes number 1: the refused ones took none.
    expect((await engine.receive(receipt)).code.endsWith('-0001')).toBe(true);
  });

  it('refuses a bad topology when the engine is made, naming the field', () => {
    expect(() =>
      sampleEngine(new MemoryStore(), {
        reception: {
          topology: {
            province: 'Nghệ An',
            centres: [{ id: 'p', name: 'Điểm tiếp nhận', kind: 'reception-point', parent: 'none' }],
          },
        },
      }),
    ).toThrow(expect.objectContaining({ field: 'reception.topology.centres[0].parent' }));
  });
});

describe('the transfer of the paper original on the compiled table and on XState', () => {
  it('gives the same JSON at each stage (XState is the reference)', async () => {
    const { sampleProcedure } = await import('../testing/fixtures.js');
    const procedure = sampleProcedure();
    let table = procedure.start({
      code: '000.00.14.H56-260302-0001',
      secret: 'K7Q2M9AB',
      agency: '000.00.14.H56',
      receivedAt: '2026-03-02T09:00:00+07:00',
      receivedBy: desk,
      channel: 'in-person',
      ...sampleReceipt,
      reception: {
        receivingCentre: { id: 'a', name: 'Trung tâm A' },
        competentCentre: { id: 'b', name: 'Trung tâm B' },
        returningCentre: { id: 'a', name: 'Trung tâm A' },
        crossBoundary: true,
        transferBudget: { workingHours: 4 },
      },
    });
    // Monday 09:00 + 4 working hours: 2.5 until 11:30, 1.5 from 13:00: 14:30.
    expect(table.context.reception?.originals?.due).toBe('2026-03-02T07:30:00.000Z');
    let reference = table;
    for (const [stage, at] of [
      ['sent', '2026-03-02T10:00:00+07:00'],
      ['received', '2026-03-02T13:00:00+07:00'],
      ['returned', '2026-03-09T10:00:00+07:00'],
    ] as const) {
      const e = { type: 'TRANSFER_ORIGINALS' as const, stage, actor: desk, at };
      table = procedure.step(table, e);
      reference = procedure.persist(procedure.apply(procedure.restore(reference), e));
      expect(JSON.stringify(table)).toBe(JSON.stringify(reference));
    }
    expect(table.context.reception?.originals?.result).toBe('ON_TIME');
  });
});
