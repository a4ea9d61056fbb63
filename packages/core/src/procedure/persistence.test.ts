/**
 * `persist` → JSON → `restore` → continue gives the same dossier as never stopping, at every state
 * (including `supplementing`, whose return step is read from the context), and a dossier saved
 * under one version is not restored under another.
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
import { TransitionError } from '../errors/dossier-errors.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import { verifySlip } from '../slip/hash-chain.js';
import type { DossierSnapshot, PersistedDossier, Procedure } from './define-procedure.js';

const { desk, police, leader, system } = officers;

const roundTrip = (p: Procedure, s: DossierSnapshot): DossierSnapshot =>
  p.restore(JSON.parse(JSON.stringify(p.persist(s))) as PersistedDossier);

/** Checks persisting after every prefix of `events`, then continuing, ends where applying them all does. */
function checkEveryPrefix(p: Procedure, start: DossierSnapshot, events: readonly DossierEventInput[]) {
  const direct = applyAll(p, start, events);
  const seen = new Set<string>();
  for (let i = 0; i <= events.length; i++) {
    const prefix = applyAll(p, start, events.slice(0, i));
    const restored = roundTrip(p, prefix);
    expect(restored.value).toEqual(prefix.value);
    expect(restored.status).toBe(prefix.status);
    expect(restored.context).toEqual(prefix.context);
    const end = applyAll(p, restored, events.slice(i));
    expect({ value: end.value, context: end.context }).toEqual({
      value: direct.value,
      context: direct.context,
    });
    seen.add(JSON.stringify(prefix.value));
  }
  expect(verifySlip(direct.context.slip).ok).toBe(true);
  return seen;
}

describe('persist → JSON → restore → continue', () => {
  const p = residenceProcedure();
  const start = () => p.receive(residenceReceipt('2026-03-02T09:00:00+07:00'));

  it('at every state of a long path to returned (supplementation, apology, overdue mark)', () => {
    const seen = checkEveryPrefix(p, start(), [
      { type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: desk },
      {
        type: 'REQUEST_SUPPLEMENT',
        at: '2026-03-03T10:00:00+07:00',
        actor: police,
        items: [{ name: 'CT01' }],
        reason: 'Thiếu tờ khai',
      },
      { type: 'SUPPLEMENT_RECEIVED', at: '2026-03-04T09:00:00+07:00', actor: desk },
      { type: 'HAND_OVER', at: '2026-03-05T10:00:00+07:00', actor: police },
      {
        type: 'APOLOGIZE',
        at: '2026-03-06T09:00:00+07:00',
        actor: leader,
        reason: 'Chờ ý kiến',
        newDue: '2026-03-18T17:00:00+07:00',
      },
      { type: 'MARK_OVERDUE', at: '2026-03-16T08:00:00+07:00', actor: system },
      { type: 'HAND_OVER', at: '2026-03-16T09:00:00+07:00', actor: leader },
      { type: 'HAND_OVER', at: '2026-03-17T09:00:00+07:00', actor: police },
      { type: 'RETURN_RESULT', at: '2026-03-17T10:00:00+07:00', actor: desk },
    ]);
    expect(seen).toEqual(
      new Set(
        [
          { processing: 'receive' },
          { processing: 'appraise' },
          'supplementing',
          { processing: 'approve' },
          { processing: 'update' },
          'resultReady',
          'returned',
        ].map((v) => JSON.stringify(v)),
      ),
    );
  });

  it('at every state of a path that is sent back and refused', () => {
    checkEveryPrefix(p, start(), [
      { type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: desk },
      { type: 'HAND_OVER', at: '2026-03-03T10:00:00+07:00', actor: police },
      {
        type: 'SEND_BACK',
        at: '2026-03-03T11:00:00+07:00',
        actor: leader,
        toStep: 'appraise',
        reason: 'Bổ sung',
      },
      { type: 'HAND_OVER', at: '2026-03-04T10:00:00+07:00', actor: police },
      { type: 'REFUSE', at: '2026-03-04T11:00:00+07:00', actor: leader, reasons: ['Không đủ điều kiện'] },
    ]);
  });

  it('supplementing: the supplement returns the dossier to the step it left, after a restore', () => {
    for (const [step, path] of [
      ['receive', []],
      ['appraise', [{ type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: desk }]],
      [
        'approve',
        [
          { type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: desk },
          { type: 'HAND_OVER', at: '2026-03-03T10:00:00+07:00', actor: police },
        ],
      ],
    ] as const) {
      const holder = applyAll(p, start(), path);
      const waiting = p.apply(holder, {
        type: 'REQUEST_SUPPLEMENT',
        at: '2026-03-04T10:00:00+07:00',
        actor: desk,
        items: [{ name: 'CT01' }],
        reason: 'Thiếu tờ khai',
      });
      expect(waiting.value).toBe('supplementing');
      const restored = roundTrip(p, waiting);
      const back = p.apply(restored, {
        type: 'SUPPLEMENT_RECEIVED',
        at: '2026-03-05T10:00:00+07:00',
        actor: desk,
      });
      expect(back.value).toEqual({ processing: step });
      expect(back.context.holder).toBe(holder.context.holder);
    }
  });

  it('resume clock and EXPIRE after a restore', () => {
    const resume = residenceVariant({
      supplementation: { clock: 'resume', maxRequests: 2, responseLimit: { workingDays: 2 } },
    });
    checkEveryPrefix(resume, resume.receive(residenceReceipt('2026-03-02T09:00:00+07:00')), [
      { type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: desk },
      {
        type: 'REQUEST_SUPPLEMENT',
        at: '2026-03-03T10:00:00+07:00',
        actor: police,
        items: [{ name: 'A' }],
        reason: 'r',
      },
      { type: 'SUPPLEMENT_RECEIVED', at: '2026-03-04T09:00:00+07:00', actor: desk },
      {
        type: 'REQUEST_SUPPLEMENT',
        at: '2026-03-04T10:00:00+07:00',
        actor: police,
        items: [{ name: 'B' }],
        reason: 'r',
      },
      { type: 'EXPIRE', at: '2026-03-09T08:00:00+07:00', actor: system },
    ]);
  });

  it('the persisted form is plain JSON with the version and status', () => {
    const s = applyAll(p, start(), [
      { type: 'HAND_OVER', at: '2026-03-02T10:00:00+07:00', actor: desk },
      { type: 'WITHDRAW', at: '2026-03-02T11:00:00+07:00', actor: desk },
    ]);
    const persisted = p.persist(s);
    expect(persisted).toMatchObject({
      procedure: { code: '1.004194', version: '2025.1' },
      value: 'withdrawn',
      status: 'done',
    });
    expect(JSON.parse(JSON.stringify(persisted))).toEqual(persisted);
    const restored = roundTrip(p, s);
    expect(restored.status).toBe('done');
    expect(
      thrown(() => p.apply(restored, { type: 'WITHDRAW', at: '2026-03-03T11:00:00+07:00', actor: desk })),
    ).toBeInstanceOf(TransitionError);
  });

  it('restoring under another version is refused', () => {
    const other = residenceVariant({ version: '2026.1', effectiveFrom: '2026-07-01' });
    const persisted = p.persist(start());
    const error = thrown(() => other.restore(persisted));
    expect(error).toBeInstanceOf(TransitionError);
    expect((error as Error).message).toContain(
      'saved under 1.004194@2025.1, not 1.004194@2026.1; migrate it first',
    );
    const renamed = residenceVariant({ code: '1.004195' });
    expect(thrown(() => renamed.restore(persisted))).toBeInstanceOf(TransitionError);
  });
});
