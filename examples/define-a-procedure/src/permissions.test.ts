/**
 * Step 5: who may do what. Only the unit holding the dossier hands it on; only the desk receives,
 * takes a supplement back and returns the result; the apology needs the holder or the role the
 * definition names (`agency-head`); the engine alone marks a dossier overdue. A refused event
 * changes nothing and its error names no personal data.
 */
import { type ActorInput, MemoryStore, PermissionError, TransitionError } from '@motcua/core';
import { sampleEngine } from '@motcua/core/testing';
import { describe, expect, it } from 'vitest';
import { applicant, application, officers } from './fixtures.js';
import {
  maritalStatus2018,
  maritalStatus2025,
  maritalStatusRegistry,
} from './marital-status-certification.js';

const { desk, justice, leader, clerk } = officers;

/** The error `fn` throws (fails when it throws nothing). */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, nothing was thrown');
}

/** A 2025 dossier received Mon 11/05/2026 09:00 and with the justice officer from 10:00. */
function atVerify(p = maritalStatus2025) {
  const s = p.receive({
    code: 'H56-260511-0002',
    secret: 'Z9Y8X7',
    agency: 'H56',
    receivedAt: '2026-05-11T09:00:00+07:00',
    receivedBy: desk,
    channel: 'in-person',
    applicant,
    application,
  });
  return p.apply(s, { type: 'HAND_OVER', at: '2026-05-11T10:00:00+07:00', actor: desk });
}

const apology = (actor: ActorInput) =>
  ({
    type: 'APOLOGIZE',
    at: '2026-05-13T10:00:00+07:00',
    actor,
    reason: 'Chờ kết quả xác minh',
    newDue: '2026-05-19T17:00:00+07:00',
  }) as const;

describe('permissions', () => {
  it('only the holder hands the dossier on', () => {
    const s = atVerify();
    const error = thrown(() =>
      maritalStatus2025.apply(s, { type: 'HAND_OVER', at: '2026-05-11T11:00:00+07:00', actor: clerk }),
    );
    expect(error).toBeInstanceOf(PermissionError);
    expect(error.message).toBe(
      'dossier H56-260511-0002: HAND_OVER refused — unit clerk does not hold the dossier (held by justice)',
    );
    // Pure: the snapshot is unchanged, the holder may go on.
    expect(s.context.holder).toBe('justice');
    expect(
      maritalStatus2025.apply(s, { type: 'HAND_OVER', at: '2026-05-11T11:00:00+07:00', actor: justice })
        .value,
    ).toEqual({ processing: 'sign' });
  });

  it('only the desk returns the result', () => {
    const s = atVerify();
    const error = thrown(() =>
      maritalStatus2025.apply(s, { type: 'RETURN_RESULT', at: '2026-05-11T11:00:00+07:00', actor: justice }),
    );
    expect(error).toBeInstanceOf(PermissionError);
    expect(error.message).toContain('only the one-stop desk (desk) may do this');
  });

  it('the apology: the holder or an agency head; not the desk, not a leader without the role', () => {
    const s = atVerify();
    expect(maritalStatus2025.apply(s, apology(leader)).context.apology?.causedBy).toBe('justice');
    expect(maritalStatus2025.apply(s, apology(justice)).context.apology?.by.unitId).toBe('justice');
    expect(thrown(() => maritalStatus2025.apply(s, apology(desk)))).toBeInstanceOf(PermissionError);
    const deputy = { ...leader, officerId: 'leader-2', roles: [] };
    expect(thrown(() => maritalStatus2025.apply(s, apology(deputy)))).toBeInstanceOf(PermissionError);
  });

  it('a second apology is a transition error: the date is re-set once', () => {
    const once = maritalStatus2025.apply(atVerify(), apology(leader));
    const error = thrown(() =>
      maritalStatus2025.apply(once, {
        ...apology(leader),
        at: '2026-05-14T10:00:00+07:00',
        newDue: '2026-05-22T17:00:00+07:00',
      }),
    );
    expect(error).toBeInstanceOf(TransitionError);
    expect(error.message).toContain('only once');
  });

  it('only the engine marks a dossier overdue', () => {
    const error = thrown(() =>
      maritalStatus2025.apply(atVerify(), {
        type: 'MARK_OVERDUE',
        at: '2026-05-15T08:00:00+07:00',
        actor: leader,
      }),
    );
    expect(error).toBeInstanceOf(PermissionError);
    expect(error.message).toContain('only the engine may do this');
  });

  it('stopping at the applicant request exists under the 2025 rules only, before the decision', () => {
    const stop = { type: 'STOP', at: '2026-05-12T09:00:00+07:00', actor: desk } as const;
    expect(maritalStatus2025.apply(atVerify(), stop).value).toBe('stopped');
    expect(thrown(() => maritalStatus2018.apply(atVerify(maritalStatus2018), stop))).toBeInstanceOf(
      TransitionError,
    );
    const signed = [
      { type: 'HAND_OVER', at: '2026-05-11T11:00:00+07:00', actor: justice },
      { type: 'HAND_OVER', at: '2026-05-11T14:00:00+07:00', actor: leader },
    ] as const;
    const afterDecision = signed.reduce((s, e) => maritalStatus2025.apply(s, e), atVerify());
    expect(afterDecision.context.decisionIssued).toBe(true);
    expect(thrown(() => maritalStatus2025.apply(afterDecision, stop)).message).toContain(
      'a decision has already been issued',
    );
  });

  it('through the engine: refused, nothing written, no personal data in the error', async () => {
    const { engine } = sampleEngine(new MemoryStore(), {
      procedures: maritalStatusRegistry(),
      start: '2026-05-11T09:00:00+07:00',
    });
    const view = await engine.receive({
      procedure: maritalStatus2025.code,
      channel: 'in-person',
      actor: desk,
      applicant,
      application,
    });
    const error = await engine.send(view.code, { type: 'HAND_OVER', actor: justice }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(PermissionError);
    for (const secret of [applicant.fullName, applicant.idNumber, applicant.phone]) {
      expect((error as Error).message).not.toContain(secret);
    }
    const record = await engine.get(view.code);
    expect(record.version).toBe(view.version);
    expect(record.journal).toHaveLength(1);
  });
});
