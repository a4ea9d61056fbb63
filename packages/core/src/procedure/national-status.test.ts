/**
 * The national dossier status of each state: the default mapping of the standard lifecycle
 * (2 while the dossier is still at the receiving desk, then 4; 5, 9, 10, 7, 8, 3 for the other
 * states), a procedure's own mapping, and the definitions refused for a bad mapping.
 */
import { describe, expect, it } from 'vitest';
import {
  applyAll,
  officers,
  residenceProcedure,
  residenceReceipt,
  residenceVariant,
  thrown,
} from '../../test-support/dossier-harness.js';
import { DefinitionError } from '../errors/dossier-errors.js';
import type { ActorInput } from '../model/actor.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import { PORTAL_DOSSIER_STATUSES } from '../model/national-status.js';
import { type DossierSnapshot, type Procedure, stateName } from './define-procedure.js';
import { receiptContext } from './lifecycle-actions.js';
import { nationalStatusOf } from './national-status.js';

const { desk, police, leader, system } = officers;
const received = (p: Procedure) => p.receive(residenceReceipt('2026-03-02T09:00:00+07:00'));
const code = (p: Procedure, s: DossierSnapshot) =>
  nationalStatusOf(p.definition, stateName(s.value), s.context)?.code;
const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T09:00:00+07:00`;
const handOver = (actor: ActorInput, day: number): DossierEventInput => ({
  type: 'HAND_OVER',
  at: at(day),
  actor,
});

describe('national status: the default mapping of the standard lifecycle', () => {
  const p = residenceProcedure();

  it('2 at the receiving desk, 4 once handed on, 9 when the result is ready, 10 when returned', () => {
    const s0 = received(p);
    expect(code(p, s0)).toBe(2);
    const s1 = p.apply(s0, handOver(desk, 2));
    expect(stateName(s1.value)).toBe('processing.appraise');
    expect(code(p, s1)).toBe(4);
    const ready = applyAll(p, s1, [handOver(police, 3), handOver(leader, 4), handOver(police, 5)]);
    expect(stateName(ready.value)).toBe('resultReady');
    expect(nationalStatusOf(p.definition, 'resultReady', ready.context)).toEqual({
      code: 9,
      name: 'Đã xử lý xong',
    });
    const returned = p.apply(ready, { type: 'RETURN_RESULT', at: at(6), actor: desk });
    expect(code(p, returned)).toBe(10);
  });

  it('5 while supplementing, 3 when not supplemented in time, 7 withdrawn, 8 stopped or refused', () => {
    const appraising = p.apply(received(p), handOver(desk, 2));
    const supplementing = p.apply(appraising, {
      type: 'REQUEST_SUPPLEMENT',
      at: at(3),
      actor: police,
      items: [{ name: 'Giấy tờ chứng minh chỗ ở hợp pháp', note: 'bản sao có chứng thực' }],
      reason: 'Bản sao không rõ',
    });
    expect(code(p, supplementing)).toBe(5);
    const limited = residenceVariant({
      supplementation: { clock: 'restart', maxRequests: 1, responseLimit: { workingDays: 5 } },
    });
    const awaited = limited.apply(limited.apply(received(limited), handOver(desk, 2)), {
      type: 'REQUEST_SUPPLEMENT',
      at: at(3),
      actor: police,
      items: [{ name: 'Giấy tờ chứng minh chỗ ở hợp pháp' }],
      reason: 'Bản sao không rõ',
    });
    expect(code(limited, limited.apply(awaited, { type: 'EXPIRE', at: at(30), actor: system }))).toBe(3);
    expect(
      code(
        p,
        p.apply(appraising, {
          type: 'WITHDRAW',
          at: at(3),
          actor: desk,
          reason: 'Công dân đề nghị rút hồ sơ',
        }),
      ),
    ).toBe(7);
    expect(
      code(p, p.apply(appraising, { type: 'STOP', at: at(3), actor: desk, reason: 'Đề nghị dừng' })),
    ).toBe(8);
    expect(
      code(
        p,
        p.apply(appraising, { type: 'REFUSE', at: at(3), actor: police, reasons: ['Không đủ điều kiện'] }),
      ),
    ).toBe(8);
  });

  it('a dossier handed to a processing unit at receipt is 4 at once', () => {
    const q = residenceVariant({
      steps: residenceProcedure().definition.steps.filter((s) => s.unit !== 'desk'),
    });
    expect(code(q, received(q))).toBe(4);
  });

  it('every status code of the mapping is in the portal table', () => {
    const codes = new Set(PORTAL_DOSSIER_STATUSES.statuses.map((s) => s.code));
    const ctx = receiptContext({ def: p.definition, calendar: p.calendar }, {
      ...residenceReceipt('2026-03-02T09:00:00+07:00'),
      receivedAt: '2026-03-02T02:00:00.000Z',
      receivedBy: desk,
    } as never);
    for (const state of ['processing', 'supplementing', 'resultReady', 'returned', 'withdrawn', 'stopped']) {
      expect(codes.has(nationalStatusOf(p.definition, state, ctx)!.code)).toBe(true);
    }
  });
});

describe("national status: a procedure's own mapping", () => {
  it('maps a state or its parent state; the nearest mapping wins', () => {
    const q = residenceVariant({ nationalStatus: { processing: 4, 'processing.update': 9, refused: 3 } });
    const s0 = received(q);
    // Mapped by the parent state: the default "still at the desk" no longer applies.
    expect(code(q, s0)).toBe(4);
    const updating = applyAll(q, s0, [handOver(desk, 2), handOver(police, 3), handOver(leader, 4)]);
    expect(stateName(updating.value)).toBe('processing.update');
    expect(code(q, updating)).toBe(9);
    expect(
      code(q, q.apply(s0, { type: 'REFUSE', at: at(3), actor: desk, reasons: ['Không thuộc thẩm quyền'] })),
    ).toBe(3);
  });

  it('refuses a mapping that names no state, or a code the portal does not have', () => {
    const unknownState = thrown(() => residenceVariant({ nationalStatus: { 'processing.sign': 4 } }));
    expect(unknownState).toBeInstanceOf(DefinitionError);
    expect(unknownState).toMatchObject({ field: 'nationalStatus.processing.sign' });
    expect((unknownState as Error).message).toContain('no such state in the machine');
    const unknownCode = thrown(() => residenceVariant({ nationalStatus: { returned: 42 } }));
    expect(unknownCode).toMatchObject({ field: 'nationalStatus.returned' });
    expect((unknownCode as Error).message).toContain('no status 42');
    expect(thrown(() => residenceVariant({ nationalStatus: { returned: 0 } }))).toMatchObject({
      field: 'definition.nationalStatus.returned',
    });
  });

  it('a hand-written machine maps the states the default does not know, or is refused', () => {
    const machine = (map?: Record<string, number>) =>
      residenceVariant(map ? { nationalStatus: map } : {}, {
        machine: (kit, env) =>
          kit.createMachine({
            id: 'quick',
            context: ({ input }) => receiptContext(env, input),
            initial: 'checking',
            states: {
              checking: {
                on: { RETURN_RESULT: { target: 'returned', guard: 'allowed', actions: 'returnResult' } },
              },
              returned: { type: 'final' },
            },
          }),
      });
    const refused = thrown(() => machine());
    expect(refused).toBeInstanceOf(DefinitionError);
    expect(refused).toMatchObject({ field: 'nationalStatus.checking' });
    expect((refused as Error).message).toContain('the state has no national status');
    const q = machine({ checking: 2 });
    expect(code(q, received(q))).toBe(2);
  });
});
