import { vietnamCalendar } from '../calendar/vietnam-calendar.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { SimulatedClock } from '../clock/clock.js';
import { createEngine } from '../engine/create-engine.js';
import { summaryWithNationalStatus } from '../engine/dossier-summary.js';
import type { Engine, EngineOptions } from '../engine/engine-types.js';
import type { ActorInput } from '../model/actor.js';
import { defineProcedure, type Procedure } from '../procedure/define-procedure.js';
import type { CommitRequest, DossierStore, TimerRow } from '../store/store-types.js';
import { sampleResidenceDefinition } from './sample-procedure.js';

let calendar: WorkingCalendar | undefined;
let residence: Procedure | undefined;

/**
 * The national calendar, built once for all tests.
 *
 * @example
 * ```ts
 * import { testCalendar } from '@motcua/core/testing';
 * testCalendar().isWorkingDay('2026-02-17'); // false: Tết
 * ```
 */
export function testCalendar(): WorkingCalendar {
  calendar ??= vietnamCalendar();
  return calendar;
}

/**
 * The sample residence procedure on the national calendar.
 *
 * @example
 * ```ts
 * import { sampleProcedure } from '@motcua/core/testing';
 * const residence = sampleProcedure(); // compiled once, shared by every test of the process
 * ```
 */
export function sampleProcedure(): Procedure {
  residence ??= defineProcedure(sampleResidenceDefinition, { calendar: testCalendar() });
  return residence;
}

/** Officers of the sample procedure's units. */
export const sampleActors = {
  desk: { officerId: 'desk-1', unitId: 'desk', name: 'Nguyễn Văn An' },
  police: { officerId: 'police-1', unitId: 'police', name: 'Trần Thị Bình' },
  leader: { officerId: 'leader-1', unitId: 'leader', name: 'Lê Văn Cường', roles: ['agency-head'] },
} satisfies Record<string, ActorInput>;

/** A valid applicant and application for the sample procedure. */
export const sampleReceipt = {
  applicant: { fullName: 'Phạm Thị Dung', idNumber: '001190012345', phone: '0912345678' },
  application: { address: '12 Lý Thường Kiệt, Hoàn Kiếm', householdHead: 'Phạm Văn Em', members: 3 },
};

/**
 * An engine on `store` with the sample procedure, a simulated clock and a seeded random.
 *
 * @example
 * ```ts
 * import { MemoryStore } from '@motcua/core';
 * import { sampleActors, sampleEngine, sampleReceipt } from '@motcua/core/testing';
 * const { engine, clock } = sampleEngine(new MemoryStore(), { start: '2026-03-02T08:00:00+07:00' });
 * const d = await engine.receive({
 *   procedure: '1.004194', channel: 'in-person', actor: sampleActors.desk, ...sampleReceipt,
 * });
 * clock.advance({ hours: 3 });
 * await engine.send(d.code, { type: 'HAND_OVER', actor: sampleActors.desk });
 * ```
 */
export function sampleEngine(
  store: DossierStore,
  options: Partial<EngineOptions> & { start?: string } = {},
): { engine: Engine; clock: SimulatedClock } {
  const clock =
    (options.clock as SimulatedClock | undefined) ??
    new SimulatedClock(options.start ?? '2026-03-02T08:00:00+07:00');
  let seed = 7;
  const engine = createEngine({
    procedures: [sampleProcedure()],
    calendar: testCalendar(),
    agency: 'H56',
    random: () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    },
    ...options,
    store,
    clock,
  });
  return { engine, clock };
}

/**
 * A commit request for a new dossier `code` (version 1) built from the sample procedure, with
 * optional timers and outbox items; for testing stores below the engine.
 *
 * @example
 * ```ts
 * import { MemoryStore } from '@motcua/core';
 * import { handOverCommit, newDossierCommit } from '@motcua/core/testing';
 * const store = new MemoryStore();
 * const first = newDossierCommit('000.00.14.H56-260302-0001');
 * await store.commit(first);
 * await store.commit(handOverCommit(first)); // version 2
 * ```
 */
export function newDossierCommit(
  code: string,
  options: {
    at?: string;
    timers?: TimerRow[];
    outbox?: CommitRequest['outbox'];
    idempotencyKey?: string;
  } = {},
): CommitRequest {
  const p = sampleProcedure();
  const at = options.at ?? '2026-03-02T09:00:00+07:00';
  const snapshot = p.receive({
    code,
    secret: 'SECRET',
    agency: 'H56',
    receivedAt: at,
    receivedBy: sampleActors.desk,
    channel: 'in-person',
    ...sampleReceipt,
  });
  const persisted = p.persist(snapshot);
  return {
    dossier: {
      summary: summaryWithNationalStatus(persisted, p.definition),
      persisted,
      version: 1,
      expectedVersion: 0,
      firedTimers: [],
    },
    journal: {
      code,
      seq: 1,
      at: persisted.context.receivedAt,
      enteredAt: persisted.context.receivedAt,
      type: 'RECEIVE',
      actor: { ...sampleActors.desk, roles: [] },
      before: null,
      after: 'processing.receive',
      event: { type: 'RECEIVE' },
      idempotencyKey: options.idempotencyKey ?? null,
    },
    slipRows: [],
    timers: options.timers ?? [],
    outbox: options.outbox ?? [],
    idempotency: options.idempotencyKey
      ? { key: options.idempotencyKey, result: { code, version: 1 } }
      : null,
    firedTimer: null,
  };
}

/**
 * The next commit of a dossier (a hand-over by the desk), from its stored state.
 *
 * @example
 * ```ts
 * import { MemoryStore, StoreConflictError } from '@motcua/core';
 * import { handOverCommit, newDossierCommit } from '@motcua/core/testing';
 * import { expect } from 'vitest';
 * const store = new MemoryStore();
 * const first = newDossierCommit('000.00.14.H56-260302-0001');
 * await store.commit(first);
 * await store.commit(handOverCommit(first));
 * await expect(store.commit(handOverCommit(first))).rejects.toBeInstanceOf(StoreConflictError); // stale version
 * ```
 */
export function handOverCommit(
  previous: CommitRequest,
  options: {
    at?: string;
    timers?: TimerRow[];
    firedTimer?: CommitRequest['firedTimer'];
    expectedVersion?: number;
  } = {},
): CommitRequest {
  const p = sampleProcedure();
  const before = p.restore(previous.dossier.persisted);
  const at = options.at ?? '2026-03-02T10:00:00+07:00';
  const after = p.apply(before, { type: 'HAND_OVER', at, actor: sampleActors.desk });
  const persisted = p.persist(after);
  const version = previous.dossier.version + 1;
  return {
    dossier: {
      summary: summaryWithNationalStatus(persisted, p.definition),
      persisted,
      version,
      expectedVersion: options.expectedVersion ?? previous.dossier.version,
      firedTimers: [],
    },
    journal: {
      ...previous.journal,
      seq: version,
      at,
      enteredAt: at,
      type: 'HAND_OVER',
      before: 'processing.receive',
      after: 'processing.appraise',
    },
    slipRows: after.context.slip.slice(before.context.slip.length),
    timers: options.timers ?? [],
    outbox: [],
    idempotency: null,
    firedTimer: options.firedTimer ?? null,
  };
}
