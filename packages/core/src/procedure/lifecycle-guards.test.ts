/**
 * What the kit refuses, with which typed error, leaving the snapshot as it was: an actor who may
 * not act, an invalid receipt (every bad field listed, no value echoed), a non-desk receiver, a
 * channel the procedure does not take, an event on a closed dossier, an event out of time order.
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
import { PermissionError, TransitionError, ValidationError } from '../errors/dossier-errors.js';
import { DossierContextSchema } from '../model/dossier-context.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import type { DossierSnapshot } from './define-procedure.js';

const p = residenceProcedure();
const { desk, police, leader, system } = officers;

const received = () => p.receive(residenceReceipt('2026-03-02T09:00:00+07:00'));
/** At the appraisal step, held by the police. */
const atAppraise = () =>
  p.apply(received(), { type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: desk });

/** Applies an event that must fail; checks the snapshot is untouched and returns the error. */
function refused(s: DossierSnapshot, event: DossierEventInput): unknown {
  const before = structuredClone({ value: s.value, context: s.context });
  const error = thrown(() => p.apply(s, event));
  expect({ value: s.value, context: s.context }).toEqual(before);
  return error;
}

describe('permissions', () => {
  it('a unit that does not hold the dossier may not hand it over', () => {
    const s = atAppraise();
    const error = refused(s, { type: 'HAND_OVER', at: '2026-03-03T09:00:00+07:00', actor: leader });
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as Error).message).toContain('unit leader does not hold the dossier (held by police)');
    expect(refused(s, { type: 'HAND_OVER', at: '2026-03-03T09:00:00+07:00', actor: desk })).toBeInstanceOf(
      PermissionError,
    );
  });

  it('only the desk records a withdrawal or a stop, and returns the result', () => {
    const s = atAppraise();
    for (const type of ['WITHDRAW', 'STOP'] as const) {
      const error = refused(s, { type, at: '2026-03-03T09:00:00+07:00', actor: police });
      expect(error).toBeInstanceOf(PermissionError);
      expect((error as Error).message).toContain('only the one-stop desk (desk) may do this');
    }
    const ready = applyAll(p, s, [
      { type: 'HAND_OVER', at: '2026-03-03T09:00:00+07:00', actor: police },
      { type: 'HAND_OVER', at: '2026-03-03T10:00:00+07:00', actor: leader },
      { type: 'HAND_OVER', at: '2026-03-03T11:00:00+07:00', actor: police },
    ]);
    expect(ready.value).toBe('resultReady');
    expect(
      refused(ready, { type: 'RETURN_RESULT', at: '2026-03-04T09:00:00+07:00', actor: police }),
    ).toBeInstanceOf(PermissionError);
  });

  it('a role named in permissions acts whoever holds the dossier', () => {
    // APOLOGIZE: ['agency-head'] — the leader apologises while the police hold the dossier…
    const s = p.apply(atAppraise(), {
      type: 'APOLOGIZE',
      at: '2026-03-05T09:00:00+07:00',
      actor: leader,
      reason: 'Chờ kết quả xác minh',
      newDue: '2026-03-13T17:00:00+07:00',
    });
    expect(s.context.apology?.by).toEqual(leader);
    // …but the role gives no other right.
    expect(
      refused(atAppraise(), { type: 'HAND_OVER', at: '2026-03-03T09:00:00+07:00', actor: leader }),
    ).toBeInstanceOf(PermissionError);
  });

  it("the rules run once per event: the machine's guards reuse the check of step and apply", () => {
    const q = residenceProcedure();
    // Counts how often the rules read who may apologise (a leader not holding the dossier).
    const permissions = q.definition.permissions as Record<string, unknown>;
    const roles = permissions.APOLOGIZE;
    let reads = 0;
    Object.defineProperty(permissions, 'APOLOGIZE', {
      get: () => {
        reads++;
        return roles;
      },
    });
    const event = {
      type: 'APOLOGIZE',
      at: '2026-03-05T09:00:00+07:00',
      actor: leader,
      reason: 'Chờ kết quả xác minh',
      newDue: '2026-03-13T17:00:00+07:00',
    } as const;
    const snapshot = q.apply(q.receive(residenceReceipt('2026-03-02T09:00:00+07:00')), {
      type: 'HAND_OVER',
      at: '2026-03-02T10:00:00+07:00',
      actor: desk,
    });
    reads = 0;
    q.apply(snapshot, event);
    expect(reads).toBe(1);
    reads = 0;
    q.step(q.persist(snapshot), event);
    expect(reads).toBe(1);
  });

  it('a system actor may mark overdue; an officer may not', () => {
    const s = atAppraise();
    const error = refused(s, { type: 'MARK_OVERDUE', at: '2026-03-12T08:00:00+07:00', actor: police });
    expect(error).toBeInstanceOf(PermissionError);
    expect(
      p.apply(s, { type: 'MARK_OVERDUE', at: '2026-03-12T08:00:00+07:00', actor: system }).context.overdue,
    ).toEqual({ at: new Date('2026-03-11T17:00:00+07:00').toISOString(), unit: 'police' });
  });
});

describe('receipt validation', () => {
  const secretValues = ['ZQXJ-street', 'KWYV Person', '99887766SECRET', 'qq@@example'];

  it('an invalid application and applicant: ValidationError listing every bad field, echoing no value', () => {
    const error = thrown(() =>
      p.receive(
        residenceReceipt('2026-03-02T09:00:00+07:00', {
          applicant: {
            fullName: '',
            idNumber: '99887766SECRET',
            email: 'qq@@example',
            nickname: 'KWYV Person',
          },
          application: { address: 'ZQXJ', members: 0, extra: 'ZQXJ-street' },
        }),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((i) => i.field).sort()).toEqual([
      'applicant',
      'applicant.email',
      'applicant.fullName',
      'applicant.idNumber',
      'application',
      'application.address',
      'application.householdHead',
      'application.members',
    ]);
    expect(issues.find((i) => i.field === 'applicant')?.message).toBe('unknown key(s) nickname');
    expect(issues.find((i) => i.field === 'applicant.idNumber')?.message).toBe('expected 12 digits');
    const text = JSON.stringify({
      message: (error as Error).message,
      issues,
      value: (error as ValidationError).value,
    });
    for (const v of [...secretValues, 'ZQXJ']) expect(text).not.toContain(v);
  });

  it('receipt time, officer, code, secret and agency are checked too', () => {
    const error = thrown(() =>
      p.receive(
        residenceReceipt('2026-03-02 09:00', {
          code: '',
          secret: '',
          agency: '',
          receivedBy: { officerId: '', unitId: 'desk' },
        }),
      ),
    ) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i) => i.field).sort()).toEqual([
      'agency',
      'code',
      'receivedAt',
      'receivedBy.officerId',
      'secret',
    ]);
  });

  it('a received dossier satisfies the context schema', () => {
    expect(DossierContextSchema.safeParse(received().context).success).toBe(true);
  });

  it('a receipt by a unit other than the desk is refused', () => {
    const error = thrown(() =>
      p.receive(residenceReceipt('2026-03-02T09:00:00+07:00', { receivedBy: police })),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { field: 'receivedBy.unitId', message: 'dossiers are received by the desk (desk)' },
    ]);
  });

  it('a channel the procedure does not take is refused; an unknown channel too', () => {
    const error = thrown(() =>
      p.receive(residenceReceipt('2026-03-02T09:00:00+07:00', { channel: 'online-partial' })),
    ) as ValidationError;
    expect(error.issues).toEqual([
      { field: 'channel', message: 'not accepted by this procedure (in-person, online-full, postal)' },
    ]);
    const paperOnly = residenceVariant({ channels: ['in-person'], intake: undefined });
    expect(() =>
      paperOnly.receive(residenceReceipt('2026-03-02T09:00:00+07:00', { channel: 'postal' })),
    ).toThrow(ValidationError);
    const unknown = thrown(() =>
      p.receive(residenceReceipt('2026-03-02T09:00:00+07:00', { channel: 'fax' as 'postal' })),
    ) as ValidationError;
    expect(unknown.issues.map((i) => i.field)).toEqual(['channel']);
  });

  it('instants are stored in one form whatever the offset they were written with', () => {
    const a = p.receive(residenceReceipt('2026-03-02T09:00:00+07:00'));
    const b = p.receive(residenceReceipt(new Date('2026-03-02T02:00:00Z').toISOString()));
    const c = p.receive(residenceReceipt(new Date('2026-03-02T02:00:00Z') as unknown as string));
    expect(b.context).toEqual(a.context);
    expect(c.context).toEqual(a.context);
  });
});

describe('event validation and ordering', () => {
  it('a malformed event: ValidationError naming its fields', () => {
    const s = atAppraise();
    const error = refused(s, {
      type: 'REFUSE',
      at: 'tomorrow',
      actor: police,
      reasons: [],
    } as DossierEventInput) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i) => i.field).sort()).toEqual(['event.at', 'event.reasons']);
    expect(
      refused(s, { type: 'TELEPORT', at: '2026-03-03T09:00:00+07:00', actor: police } as never),
    ).toBeInstanceOf(ValidationError);
  });

  it('an event earlier than the last one: ValidationError; at the same instant: accepted', () => {
    const s = p.apply(atAppraise(), { type: 'HAND_OVER', at: '2026-03-04T10:00:00+07:00', actor: police });
    const error = refused(s, { type: 'HAND_OVER', at: '2026-03-04T09:59:59+07:00', actor: leader });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.field).toBe('event.at');
    // The same instant written with another offset is not earlier.
    const same = p.apply(s, { type: 'HAND_OVER', at: '2026-03-04T03:00:00Z', actor: leader });
    expect(same.context.updatedAt).toBe(new Date('2026-03-04T10:00:00+07:00').toISOString());
  });

  it('an event the state has no transition for: TransitionError', () => {
    const s = atAppraise();
    const error = refused(s, { type: 'RETURN_RESULT', at: '2026-03-03T09:00:00+07:00', actor: desk });
    expect(error).toBeInstanceOf(TransitionError);
    expect((error as TransitionError).state).toBe('processing.appraise');
    expect(
      refused(s, { type: 'SUPPLEMENT_RECEIVED', at: '2026-03-03T09:00:00+07:00', actor: desk }),
    ).toBeInstanceOf(TransitionError);
  });
});

describe('a closed dossier accepts no event', () => {
  const ends: Record<string, DossierEventInput[]> = {
    returned: [
      { type: 'HAND_OVER', at: '2026-03-03T09:00:00+07:00', actor: police },
      { type: 'HAND_OVER', at: '2026-03-03T10:00:00+07:00', actor: leader },
      { type: 'HAND_OVER', at: '2026-03-03T11:00:00+07:00', actor: police },
      { type: 'RETURN_RESULT', at: '2026-03-04T09:00:00+07:00', actor: desk },
    ],
    refused: [
      { type: 'REFUSE', at: '2026-03-03T09:00:00+07:00', actor: police, reasons: ['Không đủ điều kiện'] },
    ],
    withdrawn: [{ type: 'WITHDRAW', at: '2026-03-03T09:00:00+07:00', actor: desk }],
    stopped: [{ type: 'STOP', at: '2026-03-03T09:00:00+07:00', actor: desk }],
  };
  const later: DossierEventInput[] = [
    { type: 'HAND_OVER', at: '2026-03-05T09:00:00+07:00', actor: desk },
    { type: 'WITHDRAW', at: '2026-03-05T09:00:00+07:00', actor: desk },
    { type: 'MARK_OVERDUE', at: '2026-03-20T09:00:00+07:00', actor: system },
    {
      type: 'APOLOGIZE',
      at: '2026-03-05T09:00:00+07:00',
      actor: leader,
      reason: 'x',
      newDue: '2026-03-20T17:00:00+07:00',
    },
    { type: 'RETURN_RESULT', at: '2026-03-05T09:00:00+07:00', actor: desk },
  ];

  it.each(Object.keys(ends))('%s', (state) => {
    const s = applyAll(p, atAppraise(), ends[state]!);
    expect(s.value).toBe(state);
    expect(s.status).toBe('done');
    for (const event of later) {
      const error = refused(s, event);
      expect(error).toBeInstanceOf(TransitionError);
      expect((error as Error).message).toContain('the dossier is closed');
    }
  });
});
