/**
 * `ProcedureRegistry`: the version in force by receipt date, and migration of an in-flight dossier
 * to a newer version (state kept, or mapped when renamed; refused when unmapped or closed) that
 * then continues under the new machine.
 */
import { describe, expect, it } from 'vitest';
import {
  applyAll,
  kitCalendar,
  officers,
  residenceProcedure,
  residenceReceipt,
  residenceVariant,
  thrown,
  utc,
} from '../../test-support/dossier-harness.js';
import { MotcuaError } from '../errors/motcua-error.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import { verifySlip } from '../slip/hash-chain.js';
import { sampleResidenceDefinition } from '../testing/sample-procedure.js';
import type { DossierSnapshot } from './define-procedure.js';
import { ProcedureRegistry } from './registry.js';

const { desk, police, leader } = officers;

/** 2025.1 until 30/06/2026 (appraise, approve, update). */
const v1 = residenceVariant({ effectiveTo: '2026-06-30' });
/** 2026.1 from 01/07/2026: "appraise" is renamed "verify"; the other steps stay. */
const v2 = residenceVariant({
  version: '2026.1',
  effectiveFrom: '2026-07-01',
  steps: sampleResidenceDefinition.steps.map((s) =>
    s.id === 'appraise' ? { ...s, id: 'verify', name: 'Xác minh' } : s,
  ),
});
const registry = () => new ProcedureRegistry([v2, v1]);

function migrationError(fn: () => unknown): MotcuaError {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(MotcuaError);
  expect((error as MotcuaError).code).toBe('MIGRATION_FAILED');
  return error as MotcuaError;
}

describe('versions in force', () => {
  it('picks the version by receipt date', () => {
    const r = registry();
    expect(r.versions('1.004194').map((p) => p.version)).toEqual(['2025.1', '2026.1']);
    expect(r.inForce('1.004194', '2025-07-01')).toBe(v1);
    expect(r.inForce('1.004194', '2026-06-30')).toBe(v1);
    expect(r.inForce('1.004194', '2026-07-01')).toBe(v2);
    expect(r.inForce('1.004194', '2030-01-01')).toBe(v2);
  });

  it('without an end date, the latest version that has started wins', () => {
    const r = new ProcedureRegistry([residenceProcedure(), v2]);
    expect(r.inForce('1.004194', '2026-06-30').version).toBe('2025.1');
    expect(r.inForce('1.004194', '2026-07-01').version).toBe('2026.1');
  });

  it('a date before any version: NO_VERSION_IN_FORCE naming the date; an unknown code: UNKNOWN_PROCEDURE naming the code', () => {
    const error = thrown(() => registry().inForce('1.004194', '2025-06-30'));
    expect(error).toBeInstanceOf(MotcuaError);
    expect(error).toMatchObject({ code: 'NO_VERSION_IN_FORCE', field: 'date', value: '2025-06-30' });
    expect(thrown(() => registry().inForce('9.999999', '2026-01-01'))).toMatchObject({
      code: 'UNKNOWN_PROCEDURE',
      field: 'code',
    });
    expect(thrown(() => registry().get('9.999999', '2025.1'))).toMatchObject({
      code: 'UNKNOWN_PROCEDURE',
      field: 'code',
    });
  });

  it('at an instant, by its local date in Vietnam', () => {
    const r = registry();
    // 30/06/2026 23:30 in Hà Nội is 16:30 UTC; 01/07 00:30 local is still 30/06 in UTC.
    expect(r.inForceAt('1.004194', new Date('2026-06-30T23:30:00+07:00'), kitCalendar())).toBe(v1);
    expect(r.inForceAt('1.004194', new Date('2026-07-01T00:30:00+07:00'), kitCalendar())).toBe(v2);
  });

  it('get, duplicates, all', () => {
    const r = registry();
    expect(r.get('1.004194', '2026.1')).toBe(v2);
    expect(thrown(() => r.get('1.004194', '2027.1'))).toMatchObject({
      code: 'UNKNOWN_PROCEDURE',
      field: 'version',
    });
    expect(thrown(() => r.register(residenceVariant({})))).toMatchObject({ code: 'DUPLICATE_PROCEDURE' });
    expect(r.all()).toHaveLength(2);
  });
});

describe('migrate', () => {
  const start = () => v1.receive(residenceReceipt('2026-06-29T09:00:00+07:00'));
  const toAppraise: DossierEventInput[] = [
    { type: 'HAND_OVER', at: '2026-06-29T10:00:00+07:00', actor: desk },
  ];
  const toApprove: DossierEventInput[] = [
    ...toAppraise,
    { type: 'HAND_OVER', at: '2026-06-30T10:00:00+07:00', actor: police },
  ];
  const persisted = (events: DossierEventInput[]) => v1.persist(applyAll(v1, start(), events));
  const continueUnder = (s: DossierSnapshot, events: DossierEventInput[]) => applyAll(v2, s, events);

  it('keeps the state when the step exists in the new version, and continues under it', () => {
    const old = persisted(toApprove);
    const moved = registry().migrate(old, '2026.1');
    expect(moved.procedure).toEqual({ code: '1.004194', version: '2026.1' });
    expect(moved.value).toEqual({ processing: 'approve' });
    expect(moved.status).toBe('active');
    expect(moved.context.procedure).toEqual({ code: '1.004194', version: '2026.1', regime: '2025' });
    // Due times already computed are kept.
    expect(moved.context.due).toEqual(old.context.due);
    const s = continueUnder(v2.restore(moved), [
      { type: 'HAND_OVER', at: '2026-07-01T10:00:00+07:00', actor: leader },
      { type: 'HAND_OVER', at: '2026-07-02T10:00:00+07:00', actor: police },
      { type: 'RETURN_RESULT', at: '2026-07-03T10:00:00+07:00', actor: desk },
    ]);
    expect(s.value).toBe('returned');
    expect(verifySlip(s.context.slip).ok).toBe(true);
    expect(thrown(() => v1.restore(moved))).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('maps a renamed state with `states`, and the dossier goes on from the renamed step', () => {
    const moved = registry().migrate(persisted(toAppraise), '2026.1', {
      states: { 'processing.appraise': 'processing.verify' },
    });
    expect(moved.value).toEqual({ processing: 'verify' });
    expect(moved.context.steps.at(-1)).toMatchObject({ stepId: 'verify', unit: 'police', endedAt: null });
    const s = continueUnder(v2.restore(moved), [
      {
        type: 'SEND_BACK',
        at: '2026-06-30T09:00:00+07:00',
        actor: police,
        toStep: 'receive',
        reason: 'Kiểm tra lại',
      },
      { type: 'HAND_OVER', at: '2026-06-30T10:00:00+07:00', actor: desk },
      { type: 'HAND_OVER', at: '2026-07-01T10:00:00+07:00', actor: police },
    ]);
    expect(s.value).toEqual({ processing: 'approve' });
    expect(s.context.steps.map((r) => r.stepId)).toEqual([
      'receive',
      'verify',
      'receive',
      'verify',
      'approve',
    ]);
  });

  it('a supplementing dossier whose step was renamed returns to the renamed step', () => {
    const waiting = persisted([
      ...toAppraise,
      {
        type: 'REQUEST_SUPPLEMENT',
        at: '2026-06-30T10:00:00+07:00',
        actor: police,
        items: [{ name: 'CT01' }],
        reason: 'r',
      },
    ]);
    const moved = registry().migrate(waiting, '2026.1', {
      states: { 'processing.appraise': 'processing.verify' },
    });
    expect(moved.value).toBe('supplementing');
    const s = v2.apply(v2.restore(moved), {
      type: 'SUPPLEMENT_RECEIVED',
      at: '2026-07-01T10:00:00+07:00',
      actor: desk,
    });
    expect(s.value).toEqual({ processing: 'verify' });
    expect(s.context.holder).toBe('police');
  });

  it('an unmapped state that no longer exists: MIGRATION_FAILED naming it', () => {
    const error = migrationError(() => registry().migrate(persisted(toAppraise), '2026.1'));
    expect(error.message).toContain(
      'state processing.appraise of 1.004194@2025.1 has no counterpart in 2026.1',
    );
    expect(error.field).toBe('states');
    // The same for a supplementing dossier whose open step is gone.
    const waiting = persisted([
      ...toAppraise,
      {
        type: 'REQUEST_SUPPLEMENT',
        at: '2026-06-30T10:00:00+07:00',
        actor: police,
        items: [{ name: 'CT01' }],
        reason: 'r',
      },
    ]);
    migrationError(() => registry().migrate(waiting, '2026.1'));
    // And a mapping to a state the new machine does not have.
    migrationError(() =>
      registry().migrate(persisted(toAppraise), '2026.1', {
        states: { 'processing.appraise': 'processing.check' },
      }),
    );
    migrationError(() =>
      registry().migrate(persisted(toAppraise), '2026.1', {
        states: { 'processing.appraise': 'processing' },
      }),
    );
  });

  it('closed dossiers stay on their version', () => {
    const closed = persisted([
      ...toAppraise,
      { type: 'WITHDRAW', at: '2026-06-29T11:00:00+07:00', actor: desk },
    ]);
    expect(migrationError(() => registry().migrate(closed, '2026.1')).message).toContain('is closed');
  });

  it('adjusts the context with `context`', () => {
    const moved = registry().migrate(persisted(toApprove), '2026.1', {
      context: (c) => ({ ...c, application: { ...(c.application as object), moved: true } }),
    });
    expect(moved.context.application).toMatchObject({ moved: true, members: 3 });
    expect(moved.context.due.legal).toBe(utc('2026-07-08T17:00:00+07:00'));
  });
});
