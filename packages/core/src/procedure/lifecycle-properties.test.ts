/**
 * Property-based: random event sequences from a small vocabulary (hand over by the holder, request
 * and receive a supplement, apologise, mark overdue, send back, refuse, withdraw, stop, expire,
 * return; sometimes by the wrong officer, sometimes out of time order), at increasing instants in
 * 2025–2026 working hours, never break the lifecycle's invariants. Events the kit refuses with its
 * typed errors are skipped; anything else thrown fails the property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneCount } from '../../../../tools/test-lane/lane.js';
import {
  kitCalendar,
  officerOf,
  officers,
  residenceProcedure,
  residenceReceipt,
  residenceVariant,
} from '../../test-support/dossier-harness.js';
import { PermissionError, TransitionError, ValidationError } from '../errors/dossier-errors.js';
import type { ActorInput } from '../model/actor.js';
import { type DossierContext, DossierContextSchema } from '../model/dossier-context.js';
import type { DossierEventInput } from '../model/dossier-events.js';
import { verifySlip } from '../slip/hash-chain.js';
import {
  type DossierSnapshot,
  type PersistedDossier,
  type Procedure,
  stateName,
} from './define-procedure.js';

const calendar = kitCalendar();
const procedures: readonly Procedure[] = [
  residenceProcedure(), // restart, 1 request, 2025 rules
  residenceVariant({
    version: '2025.2',
    serviceTarget: { workingDays: 5 },
    supplementation: { clock: 'resume', maxRequests: 2, responseLimit: { workingHours: 8 } },
  }),
  residenceVariant({
    version: '2018.1',
    regime: '2018',
    supplementation: { clock: 'resume', maxRequests: 3 },
  }),
];

const KINDS = [
  'handover',
  'request',
  'received',
  'apologize',
  'overdue',
  'sendBack',
  'refuse',
  'withdraw',
  'stop',
  'expire',
  'return',
] as const;
type Kind = (typeof KINDS)[number];
/** How often each kind is drawn: hand-overs and returns often enough to finish some dossiers. */
const WEIGHTS: Record<Kind, number> = {
  handover: 10,
  request: 2,
  received: 3,
  apologize: 1,
  overdue: 1,
  sendBack: 1,
  refuse: 1,
  withdraw: 1,
  stop: 1,
  expire: 2,
  return: 3,
};

interface Move {
  readonly kind: Kind;
  /** Working minutes after the previous event; negative: real minutes before it (out of order). */
  readonly gap: number;
  /** Picks another officer than the right one. */
  readonly wrongActor: boolean;
  readonly pick: number;
  /** Working minutes after the due time in force for an apology (−120…: sometimes not later). */
  readonly shift: number;
}

const move: fc.Arbitrary<Move> = fc.record({
  kind: fc.oneof(...KINDS.map((k) => ({ weight: WEIGHTS[k], arbitrary: fc.constant(k) }))),
  gap: fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: 3 * 480 }) },
    { weight: 1, arbitrary: fc.integer({ min: -600, max: -1 }) },
  ),
  wrongActor: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  pick: fc.nat({ max: 99 }),
  shift: fc.integer({ min: -120, max: 5 * 480 }),
});

const scenario = fc.record({
  procedure: fc.nat({ max: procedures.length - 1 }),
  // Working minutes after Thu 02/01/2025 07:30: receipts from 2025 to the autumn of 2026.
  start: fc.integer({ min: 0, max: 420 * 480 }),
  moves: fc.array(move, { minLength: 1, maxLength: 40, size: 'max' }),
});

const ORIGIN = new Date('2025-01-02T07:30:00+07:00');
const everyone: readonly ActorInput[] = Object.values(officers);

function eventOf(p: Procedure, ctx: DossierContext, m: Move, at: Date): DossierEventInput {
  const holder = officerOf(ctx.holder);
  const right: Record<Kind, ActorInput> = {
    handover: holder,
    request: holder,
    received: officers.desk,
    apologize: m.pick % 2 ? officers.leader : holder,
    overdue: officers.system,
    sendBack: holder,
    refuse: holder,
    withdraw: officers.desk,
    stop: officers.desk,
    expire: officers.system,
    return: officers.desk,
  };
  const actor = m.wrongActor ? everyone[m.pick % everyone.length]! : right[m.kind];
  const base = { at: at.toISOString(), actor };
  switch (m.kind) {
    case 'handover':
      return { type: 'HAND_OVER', ...base };
    case 'request':
      return { type: 'REQUEST_SUPPLEMENT', ...base, items: [{ name: 'Giấy tờ' }], reason: 'Thiếu giấy tờ' };
    case 'received':
      return { type: 'SUPPLEMENT_RECEIVED', ...base };
    case 'apologize': {
      const newDue = calendar.addWorkingMinutes(new Date(ctx.due.current), m.shift);
      return { type: 'APOLOGIZE', ...base, reason: 'Chờ xác minh', newDue: newDue.toISOString() };
    }
    case 'overdue':
      return { type: 'MARK_OVERDUE', ...base };
    case 'sendBack':
      return {
        type: 'SEND_BACK',
        ...base,
        toStep: p.definition.steps[m.pick % p.definition.steps.length]!.id,
        reason: 'Xem lại',
      };
    case 'refuse':
      return { type: 'REFUSE', ...base, reasons: ['Không đủ điều kiện'] };
    case 'withdraw':
      return { type: 'WITHDRAW', ...base };
    case 'stop':
      return { type: 'STOP', ...base };
    case 'expire':
      return { type: 'EXPIRE', ...base };
    case 'return':
      return { type: 'RETURN_RESULT', ...base };
  }
}

const isTyped = (e: unknown) =>
  e instanceof ValidationError || e instanceof PermissionError || e instanceof TransitionError;
const frozen = (s: DossierSnapshot) =>
  structuredClone({ value: s.value, status: s.status, context: s.context });
const ms = (iso: string) => Date.parse(iso);

/** States visited over all runs: the generator must reach them all. */
const reached = new Set<string>();
let refusals = 0;
let applied = 0;

/** The invariants between two consecutive snapshots after `event` was applied. */
function checkStep(
  p: Procedure,
  prev: DossierSnapshot,
  next: DossierSnapshot,
  event: DossierEventInput,
): void {
  const a = prev.context;
  const b = next.context;
  // Control slip: append-only, chained, in time order.
  expect(b.slip.slice(0, a.slip.length)).toEqual(a.slip);
  expect(verifySlip(b.slip).ok).toBe(true);
  for (let i = 1; i < b.slip.length; i++)
    expect(ms(b.slip[i]!.at)).toBeGreaterThanOrEqual(ms(b.slip[i - 1]!.at));
  // Due times: the one in force never moves earlier; the legal one moves only on a supplement.
  expect(ms(b.due.current)).toBeGreaterThanOrEqual(ms(a.due.current));
  expect(ms(b.due.current)).toBeGreaterThanOrEqual(ms(b.due.legal));
  if (b.due.legal !== a.due.legal) expect(event.type).toBe('SUPPLEMENT_RECEIVED');
  if (b.due.current !== a.due.current) expect(['APOLOGIZE', 'SUPPLEMENT_RECEIVED']).toContain(event.type);
  // At most one apology; supplementation requests within the limit.
  if (a.apology) expect(b.apology).toEqual(a.apology);
  expect(b.supplements.length).toBeLessThanOrEqual(p.definition.supplementation.maxRequests);
  expect(b.updatedAt).toBe(new Date(event.at).toISOString());
  // The state and the context agree.
  const open = b.steps.filter((r) => r.endedAt === null);
  expect(open.length).toBeLessThanOrEqual(1);
  const state = stateName(next.value);
  if (state.startsWith('processing.')) {
    const stepId = state.slice('processing.'.length);
    expect(open[0]?.stepId).toBe(stepId);
    expect(b.holder).toBe(p.definition.steps.find((s) => s.id === stepId)!.unit);
    expect(b.pause).toBeNull();
  } else if (state === 'supplementing') {
    expect(b.pause).not.toBeNull();
    expect(b.holder).toBe('desk');
    expect(b.supplements.at(-1)?.receivedAt).toBeNull();
  } else if (state === 'resultReady') {
    expect(open).toEqual([]);
    expect(b.holder).toBe('desk');
  }
  expect(next.status === 'done').toBe(b.outcome !== null);
  if (b.outcome) {
    expect(open).toEqual([]);
    expect(b.pause).toBeNull();
    expect(b.outcome.kind).toBe(state);
    if (b.outcome.result === 'LATE') expect(b.outcome.lateUnit).not.toBeNull();
  }
  // The context always satisfies its own schema.
  expect(DossierContextSchema.safeParse(b).success).toBe(true);
  // Persist → JSON → restore gives the same snapshot.
  const restored = p.restore(JSON.parse(JSON.stringify(p.persist(next))) as PersistedDossier);
  expect({ value: restored.value, status: restored.status, context: restored.context }).toEqual(frozen(next));
}

describe('lifecycle invariants under random event sequences', () => {
  it('hold for every sequence', () => {
    const runs = laneCount(500, 150);
    fc.assert(
      fc.property(scenario, ({ procedure, start, moves }) => {
        const p = procedures[procedure]!;
        let at = calendar.addWorkingMinutes(ORIGIN, start);
        let s = p.receive(residenceReceipt(at.toISOString()));
        let apologies = 0;
        for (const m of moves) {
          if (m.gap >= 0) at = calendar.addWorkingMinutes(at, m.gap);
          // A negative gap: an event dated before the dossier's last one (the clock does not go back).
          const eventAt = m.gap >= 0 ? at : new Date(Date.parse(s.context.updatedAt) + m.gap * 60_000);
          const event = eventOf(p, s.context, m, eventAt);
          if (s.status === 'done') {
            // A closed dossier refuses every well-formed event as a transition, changing nothing.
            const closed = frozen(s);
            expect(() => p.apply(s, event)).toThrow(TransitionError);
            expect(frozen(s)).toEqual(closed);
            break;
          }
          const before = frozen(s);
          // The compiled table (Procedure.step) gives what XState gives, result or error.
          const persisted = p.persist(s);
          let stepped: PersistedDossier | Error;
          try {
            stepped = p.step(persisted, event);
          } catch (error) {
            stepped = error as Error;
          }
          let next: DossierSnapshot;
          try {
            next = p.apply(s, event);
          } catch (error) {
            expect(stepped).toBeInstanceOf(Error);
            expect((stepped as Error).constructor).toBe((error as Error).constructor);
            expect((stepped as Error).message).toBe((error as Error).message);
            if (!isTyped(error)) throw error;
            refusals++;
            // A typed error leaves the snapshot as it was.
            expect(frozen(s)).toEqual(before);
            continue;
          }
          expect(stepped).not.toBeInstanceOf(Error);
          expect(stepped).toEqual(p.persist(next));
          expect(s.status).toBe('active');
          expect(frozen(s)).toEqual(before);
          checkStep(p, s, next, event);
          if (event.type === 'APOLOGIZE') apologies++;
          applied++;
          s = next;
          reached.add(stateName(s.value));
        }
        expect(apologies).toBeLessThanOrEqual(1);
        if (s.status === 'done') {
          const late = new Date(Date.parse(s.context.updatedAt) + 3_600_000).toISOString();
          for (const type of ['HAND_OVER', 'WITHDRAW', 'RETURN_RESULT'] as const) {
            expect(() => p.apply(s, { type, at: late, actor: officers.desk })).toThrow(TransitionError);
          }
        }
      }),
      { numRuns: runs },
    );
    // The generator explores: every state, and both outcomes of apply, are seen.
    for (const state of [
      'processing.approve',
      'processing.update',
      'supplementing',
      'resultReady',
      'returned',
      'refused',
      'withdrawn',
      'stopped',
      'expired',
    ])
      expect(reached).toContain(state);
    expect(applied).toBeGreaterThan((runs * 8) / 5);
    expect(refusals).toBeGreaterThan((runs * 2) / 5);
  });
});
